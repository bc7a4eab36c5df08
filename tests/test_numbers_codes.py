"""extractor.numbers and the digits of aggregates and codes: EU28, EU-27, EA19, G20, COVID-19, Q2, H1.

Digits glued or hyphenated to an aggregate's or a code's letters name it; they are never values
(the regions module reads EU28 as the EU, the periods module Q2 and H1). Written with one space
(``the EU 27 average``, ``COVID 19``) the aggregate's own sizes (``code_numbers`` in
``patterns/numbers.yaml``) are not values either. Rows from Eurostat, ONS and news releases.
"""

from __future__ import annotations

import pytest

from extractor.numbers import find_numbers

from .test_numbers import mentions, nothing

NOT_VALUES = [
    nothing("EU28"),
    nothing("EU-27"),
    nothing("EA19"),
    nothing("EA20"),
    nothing("G20"),
    nothing("COVID-19"),
    nothing("Q2"),
    nothing("H1"),
    nothing("in the EU28 and the EU-27, EA19, EA20, G20, COVID-19, Q2 and H1"),
    nothing("Euro area (EA11-1999, EA12-2001, EA13-2007, EA19-2015, EA20-2023)"),
    nothing("EU27_2020 and EA-19, OECD-38"),
    nothing("Q2 2024 and H1 2023"),
    nothing("the G7 and G20 summits"),
    nothing("SARS-CoV-2 and PM2.5 levels"),
    nothing("the EU 27 average"),
    nothing("the impact of the COVID 19 pandemic"),
    nothing("Covid 19 restrictions"),
]

VALUES_BESIDE_CODES = [
    mentions("EU27: 448.4 million", [("448.4 million", 448.4e6, None)]),
    mentions("Seasonally adjusted GDP rose by 0.3% in the euro area (EA20) and by 0.3% in the EU",
             [("0.3%", 0.3, "percent"), ("0.3%", 0.3, "percent")]),
    mentions("EU-27 GDP grew 0.3%", [("0.3%", 0.3, "percent")]),
    mentions("(EU-27) 5.1%", [("5.1%", 5.1, "percent")]),
    mentions("EU 27: 5.1%", [("5.1%", 5.1, "percent")]),
    mentions("in the EU 27% of adults smoke", [("27%", 27, "percent")]),
    mentions("the EU, 27 countries", [("27", 27, None)]),
    mentions("The euro area (EA19) aggregate covers 19 Member States", [("19", 19, None)]),
    mentions("in Q2 GDP grew 1.2%", [("1.2%", 1.2, "percent")]),
    mentions("COVID-19 cases rose to 1,234", [("1,234", 1234, None)]),
]


@pytest.mark.parametrize("text", NOT_VALUES)
def test_codes_are_not_values(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize(("text", "expected"), VALUES_BESIDE_CODES)
def test_values_beside_codes(text, expected):
    got = [(m.text, m.number, m.unit) for m in find_numbers(text)]
    assert got == [(s, pytest.approx(n), u) for s, n, u in expected]
