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
    # rows labelled by quarters: "Q1" is the row's period, not a number's first digit; a roman numeral opens the
    # next row's quarter and is no unit of the cell before it
    mentions("Departing passengers by quarter,2013(thousand;air,sea):Q1 912.4 148.2 Q2 951.0 150.9",
             [("912.4", 912.4, None), ("148.2", 148.2, None), ("951.0", 951.0, None), ("150.9", 150.9, None)]),
    mentions("Cargo by quarters, 2016 (thousand tons; in % to 2015): I quarter 762,4 102,8 II quarter 884,1 104,9",
             [("762,4", 762.4, None), ("102,8", 102.8, None), ("884,1", 884.1, None), ("104,9", 104.9, None)]),
    # glued cells split to as many columns as the header's bracket lists (all rows short of it, so no two rows
    # agree on the width): by semicolons, or by commas after a unit for all; into cells of even length
    mentions("Live births, deaths and marriages by quarters, 2016 (live births; deaths; marriages): I quarter 171 283 "
             "84 II quarter 188 236 137 III quarter 204 229 176 IV quarter 179 268 106",
             [("171", 171, None), ("283", 283, None), ("84", 84, None), ("188", 188, None), ("236", 236, None),
              ("137", 137, None), ("204", 204, None), ("229", 229, None), ("176", 176, None), ("179", 179, None),
              ("268", 268, None), ("106", 106, None)]),
    mentions("Exports and imports by months, 2025 (thousand euro; exports FOB, imports CIF): January 196 214 171 905 "
             "February 204 870 180 112 March 221 458 190 447 April 209 337 178 260 May 213 915 184 391",
             [("196 214", 196214, None), ("171 905", 171905, None), ("204 870", 204870, None),
              ("180 112", 180112, None), ("221 458", 221458, None), ("190 447", 190447, None),
              ("209 337", 209337, None), ("178 260", 178260, None), ("213 915", 213915, None),
              ("184 391", 184391, None)]),
    # ... but a unit's part of the bracket is no column: "(people; as of January 1, 2015; births in 2014)" has two
    mentions("Population by districts (people; as of January 1, 2015; births in 2014): Alamudin district 160 418 "
             "4 102 Sokuluk district 172 905 4 310 Tokmok city 54 212 1 206",
             [("160 418", 160418, None), ("4 102", 4102, None), ("172 905", 172905, None), ("4 310", 4310, None),
              ("54 212", 54212, None), ("1 206", 1206, None)]),
    # a glued row is cut where its cells are as wide as the other rows' columns ("47 810 263 400" under columns of
    # five and six digits is 47 810 and 263 400, not 47 810 263 and 400)
    mentions("Sown area and harvest, 2019/2020 (hectares; tons): San Martín 61 200 48 900 Tapenagá 52 330 9 640 "
             "Bermejo 47 810 263 400 Quitilipi 23 970 211 500",
             [("61 200", 61200, None), ("48 900", 48900, None), ("52 330", 52330, None), ("9 640", 9640, None),
              ("47 810", 47810, None), ("263 400", 263400, None), ("23 970", 23970, None),
              ("211 500", 211500, None)]),
    # a place opening the next row is no currency of the glued cells before it ("108,1 Pula": Croatia's town)
    mentions("Overnights by destination, 2018 (thousand; index 2018/2017): Rovinj 3 702 102,5 Umag 2 290 103,4 "
             "Medulin 2 551 102,9 Pula 1 588 105,4",
             [("3 702", 3702, None), ("102,5", 102.5, None), ("2 290", 2290, None), ("103,4", 103.4, None),
              ("2 551", 2551, None), ("102,9", 102.9, None), ("1 588", 1588, None), ("105,4", 105.4, None)]),
    # a row whose missing cell is a dash is not short of a glued cell ("Ebebiyín 7 260 –")
    mentions("Passengers by airport, 2017 (domestic; international): Malabo 143 210 188 640 Bata 91 380 5 110 "
             "Ebebiyín 7 260 – Mongomo 2 940 –",
             [("143 210", 143210, None), ("188 640", 188640, None), ("91 380", 91380, None), ("5 110", 5110, None),
              ("7 260", 7260, None), ("2 940", 2940, None)]),
    # a thin space groups thousands like any other space
    mentions("the offices issued 7\u2009215 building permits, 4\u2009130 for houses",
             [("7\u2009215", 7215, None), ("4\u2009130", 4130, None)]),
    # letters glued to the number keep it out ("M17 740"), unless they are a currency's code ("FCFA1 312.7 billion")
    mentions("the deficit reached FCFA1 312.7 billion; GDP per capita fell to M17 740.",
             [("FCFA1 312.7 billion", 1_312_700_000_000, "FCFA")]),
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
