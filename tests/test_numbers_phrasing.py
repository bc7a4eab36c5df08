"""extractor.numbers on the money, percent, rate and contact phrasing of statistical releases and news.

Rows from ONS, ABS, Stats NZ, StatCan, BLS, Eurostat and CIS offices' English releases, and the
British and CIS press that quotes them.
"""

from __future__ import annotations

import pytest

from extractor.numbers import find_numbers

from .test_numbers import _mention, case, mentions, nothing

MONEY = [
    case("exports of $3.1 billion", "$3.1 billion", 3.1e9, "$"),
    case("exports of €2.4bn", "€2.4bn", 2.4e9, "€"),
    case("a £1.2 trillion debt", "£1.2 trillion", 1.2e12, "£"),
    case("a £1.2tn debt", "£1.2tn", 1.2e12, "£"),
    case("migrants sent home NZ$1.2 billion", "NZ$1.2 billion", 1.2e9, "NZ$"),
    case("FDI inflows of US$ 3.1 billion", "US$ 3.1 billion", 3.1e9, "US$"),
    case("imports of € 2.4 billion", "€ 2.4 billion", 2.4e9, "€"),
    case("the deficit was 3.1 billion USD", "3.1 billion", 3.1e9, "USD"),
    case("the deficit was USD3.1 billion", "USD3.1 billion", 3.1e9, "USD"),
    case("reserves of EUR2.4bn", "EUR2.4bn", 2.4e9, "EUR"),
    case("a bill of KZT500", "KZT500", 500, "KZT"),
    case("a ¥500 billion stimulus", "¥500 billion", 5e11, "¥"),
    case("HK$3 billion of exports", "HK$3 billion", 3e9, "HK$"),
    case("S$1 billion in grants", "S$1 billion", 1e9, "S$"),
    case("R$ 10 billion in exports", "R$ 10 billion", 1e10, "R$"),
    case("the $3.1-billion budget", "$3.1-billion", 3.1e9, "$"),
    case("a $1.2-billion deal", "$1.2-billion", 1.2e9, "$"),
    case("investment of 2.3 mlrd tenge", "2.3 mlrd", 2.3e9, "tenge"),
    case("2,3 млрд тенге", "2,3 млрд", 2.3e9),
    case("5 тыс. человек", "5 тыс", 5000),
]

PERCENT = [
    case("the unemployment rate was 13.9 per cent", "13.9 per cent", 13.9, "percent"),
    case("down 0.4 of a percentage point on the quarter", "0.4 of a percentage point", 0.4, "percentage_point"),
    case("a 1.5-percentage-point fall", "1.5-percentage-point", 1.5, "percentage_point"),
    case("a 4-per-cent rise", "4-per-cent", 4, "percent"),
    case("house prices rose 2.1pc", "2.1pc", 2.1, "percent"),
    case("prices were 2.1 pc higher", "2.1 pc", 2.1, "percent"),
    case("by 13.9 percent y/y", "13.9 percent", 13.9, "percent"),
    case("a 25bp cut", "25bp", 25, "basis_point"),
]

RATES_AND_COUNTS = [
    case("infant mortality was 4.5 per 1,000 live births", "4.5", 4.5, "per_1000"),
    case("12.5 per 100,000 population", "12.5", 12.5, "per_100000"),
    case("a record 4,838", "4,838", 4838),
    case("a record high of 4.1%", "4.1%", 4.1, "percent"),
    case("the population rose to 67.6m people", "67.6m", 67.6e6, "person"),
    case("1.2m visitors came", "1.2m", 1.2e6, "person"),
    case("in the quarter 2,950 people arrived", "2,950", 2950, "person"),
    case("50 Kazakh street vendors", "50", 50),
]

NOT_VALUES = [
    nothing("per 1,000 live births"),
    nothing("a 5m wall"),
    # phones as CIS offices print them, street numbers, an index base, a period's number
    nothing("Tel.: (+374 11) 52-44-26. Armstat"),
    nothing("Information: (+994 12) 377-10-70, Inshaatchilar ave"),
    nothing("Contacts: +995 32 2 36 72 10 (ext. 040)."),
    nothing("Press service of the NSC: (+996 312) 32-46-37, 374 Frunze street, Bishkek"),
    nothing("Press service: (+998 71) 202-80-66, e-mail: info@stat.uz"),
    nothing("12 Abay Ave., Astana"),
    nothing("Labour Force Survey Quarter 2 2023"),
    nothing("Week 12 2024 figures"),
    nothing("The CPI index (2015=100)"),
    nothing("374 Frunze street, Bishkek 720033.",
            gap="a postcode after the city's name reads as a value (tables write counts so too)"),
    nothing("Catalogue number 6202.0"),
    nothing("young persons (under 25) were unemployed"),
    nothing("people of working age (over 65)"),
    nothing("Released 19/09/2019 | Cat. no. 6202.0"),
]

SEVERAL = [
    mentions("The CPI index (2015=100) stood at 133.0 in March 2024", [("133.0", 133.0, None)]),
    # a range's ends are of one size; a count and its share are not a range
    mentions("an increase of 97,000 or 3.7% on an annual basis", [("97,000", 97000, None), ("3.7%", 3.7, "percent")]),
    mentions("between 2 or 3% of households", [("2", 2, "percent"), ("3%", 3, "percent")]),
    mentions("$3.1 billion (£2.4 billion)", [("$3.1 billion", 3.1e9, "$"), ("£2.4 billion", 2.4e9, "£")]),
    mentions("the rate was 4 per cent, up from 3.9 per cent",
             [("4 per cent", 4, "percent"), ("3.9 per cent", 3.9, "percent")]),
]


@pytest.mark.parametrize(("text", "span", "number", "unit", "expect"), MONEY + PERCENT + RATES_AND_COUNTS)
def test_value(text, span, number, unit, expect):
    m = _mention(text, span)
    assert m.text == text[m.start:m.end]
    assert m.number == pytest.approx(number, rel=1e-9)
    assert m.unit == unit


@pytest.mark.parametrize("text", NOT_VALUES)
def test_not_values(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_several(text, expected):
    got = [(m.text, m.number, m.unit) for m in find_numbers(text)]
    assert got == [(s, pytest.approx(n), u) for s, n, u in expected]
