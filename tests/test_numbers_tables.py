"""extractor.numbers on tables flattened into text: cells of space-grouped thousands side by side.

A group after a numeral's first one must be exactly three digits, with the same separator (space,
U+00A0 or U+202F) as the first group; a following group of one, two or four digits starts a new
number. Rows are from CIS statistics offices' regional tables (Kazakhstan, Kyrgyzstan) and INE's
Frontur release. A cell of exactly three digits after a grouped cell stays ambiguous
(``120 340 560``: see ``tests/test_numbers.py``) and is read as one number.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.numbers import find_numbers

from .test_numbers import mentions

NNBSP, NBSP = "\u202f", "\u00a0"

ROWS = [
    mentions("Astana 23 410 24 105 3.0 Almaty 31 220 30 870 -1.1",
             [("23 410", 23410, None), ("24 105", 24105, None), ("3.0", 3.0, None),
              ("31 220", 31220, None), ("30 870", 30870, None), ("-1.1", -1.1, None)]),
    mentions(f"Astana 23{NNBSP}410 24{NNBSP}105 3.0 Almaty 31{NNBSP}220 30{NNBSP}870 -1.1",
             [(f"23{NNBSP}410", 23410, None), (f"24{NNBSP}105", 24105, None), ("3.0", 3.0, None),
              (f"31{NNBSP}220", 31220, None), (f"30{NNBSP}870", 30870, None), ("-1.1", -1.1, None)]),
    mentions(f"Astana 23{NBSP}410{NBSP}24{NBSP}105{NBSP}3,0",
             [(f"23{NBSP}410", 23410, None), (f"24{NBSP}105", 24105, None), ("3,0", 3.0, None)]),
    mentions("Batken region 11 870 10 940 -7.8 Jalal-Abad region 28 310 26 180 -7.5",
             [("11 870", 11870, None), ("10 940", 10940, None), ("-7.8", -7.8, None),
              ("28 310", 28310, None), ("26 180", 26180, None), ("-7.5", -7.5, None)]),
    mentions("Naryn region 6 130 5 650 -7.8 Osh region 28 940 26 870 -7.2",
             [("6 130", 6130, None), ("5 650", 5650, None), ("-7.8", -7.8, None),
              ("28 940", 28940, None), ("26 870", 26870, None), ("-7.2", -7.2, None)]),
    mentions("Germany 1 108 963 9.4 Italy 655 412 -1.8 Total 9 786 104 11.4",
             [("1 108 963", 1108963, None), ("9.4", 9.4, None), ("655 412", 655412, None),
              ("-1.8", -1.8, None), ("9 786 104", 9786104, None), ("11.4", 11.4, None)]),
    mentions("Population, thousand 2023 2024 Astana 1 350,2 1 423,7 5,4",
             [("1 350,2", 1350.2, None), ("1 423,7", 1423.7, None), ("5,4", 5.4, None)]),
    # years and periods beside grouped cells stay years
    mentions("In 2023 5 000 people left", [("5 000", 5000, "person")]),
    mentions("Births 2023 Births 2024 Change 2024/2023 (%) Bishkek city 29 640 30 115 1.6",
             [("29 640", 29640, None), ("30 115", 30115, None), ("1.6", 1.6, None)]),
    mentions("12 700 13 100 2024", [("12 700", 12700, None), ("13 100", 13100, None)]),
    mentions(f"1 234 567{NNBSP}890", [("1 234 567", 1234567, None), ("890", 890, None)]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_flattened_table_row(text, expected):
    got = [(m.text, m.number, m.unit) for m in find_numbers(text)]
    assert got == [(s, pytest.approx(n), u) for s, n, u in expected]


def _grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


# A cell whose first group has exactly three digits would continue the cell before it, so the
# generated cells after the first have a first group of one or two digits, or a decimal part.
_CELL = st.one_of(
    st.integers(min_value=1, max_value=99).flatmap(
        lambda head: st.integers(min_value=0, max_value=10**6 - 1).map(lambda rest: head * 10**6 + rest)),
    st.integers(min_value=1000, max_value=99_999),
    st.integers(min_value=1, max_value=99),
).filter(lambda n: not 1800 <= n <= 2100)
_DECIMAL = st.tuples(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=9),
                     st.booleans()).map(lambda t: f"{'-' if t[2] else ''}{t[0]}.{t[1]}")


@given(st.lists(st.one_of(_CELL, _DECIMAL), min_size=1, max_size=8), st.sampled_from([" ", NBSP, NNBSP]))
def test_a_row_of_cells_reads_back_cell_by_cell(cells, sep):
    texts = [_grouped(c, sep) if isinstance(c, int) else c for c in cells]
    found = find_numbers("Region " + " ".join(texts))
    assert [m.text for m in found] == texts
    assert [m.number for m in found] == [float(c) for c in cells]
