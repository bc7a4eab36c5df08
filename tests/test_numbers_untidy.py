"""extractor.numbers on untidy, scraped text (FACTS.md "Untidy text"): spaces lost around numbers.

A number glued to a unit word, a scale word or a common function word is read as if the space
were there; its span stays on the original characters. Rows are phrasing from scraped news and
statistics pages (Eurostat country lists, Kun.uz, Tasmanian and Kyrgyz news sites).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.numbers import find_numbers

from .test_numbers import _mention, case, mentions, nothing

GLUED = [
    case("The population reached 5.9million,up 0.4%on the year before", "5.9million", 5.9e6),
    case("The population reached 5.9million,up 0.4%on the year before", "0.4%", 0.4, "percent"),
    case("Issyk-Kul received 4.1millionvisitors in 2019", "4.1million", 4.1e6, "person"),
    case("exports reached 2.5billioneuros", "2.5billion", 2.5e9, "euros"),
    case("GDP of $5bnin 2020", "$5bn", 5e9, "$"),
    case("(13.9 %)", "13.9 %", 13.9, "percent"),
    case("Women account for 49.8%of the population", "49.8%", 49.8, "percent"),
    case("The median age was 28.9years.", "28.9", 28.9, "year"),
    case("the state's total to 541,479at that date,according to new figures", "541,479", 541479),
    case("the population grew by 774,600people", "774,600", 774600, "person"),
    case("with 15kids per class", "15", 15, "person"),
    case("the 1.250millionvisitors mark", "1.250million", 1.25e6, "person"),
]

SEVERAL = [
    mentions("the largest in Portugal(10.3million, or 2.3%)",
             [("10.3million", 10.3e6, None), ("2.3%", 2.3, "percent")]),
    mentions("grew by 0.4%in the year to30 June 2020,bringing it to 541,479.",
             [("0.4%", 0.4, "percent"), ("541,479", 541479, None)]),
]

NOT_VALUES = [
    # a day glued after a word is a date's, left to the periods module
    nothing("on1 March 2020.Since then"),
    nothing("as of1 January 2024,the Agency said"),
    nothing("in the year to30 June 2020,bringing"),
    # glued to a word the lexicon does not know: an ordinal, a decade, a code
    nothing("in the 1990s and the 20th century"),
    nothing("a 4G network"),
    nothing("Table 2a"),
    nothing("5.9millionaires"),
    nothing("in 2020and"),
]


@pytest.mark.parametrize(("text", "span", "number", "unit", "expect"), GLUED)
def test_glued_value(text, span, number, unit, expect):
    m = _mention(text, span)
    assert m.text == text[m.start:m.end]
    assert m.number == pytest.approx(number, rel=1e-9)
    assert m.unit == unit


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_glued_several(text, expected):
    got = [(m.text, m.number, m.unit) for m in find_numbers(text)]
    assert got == [(s, pytest.approx(n), u) for s, n, u in expected]


@pytest.mark.parametrize("text", NOT_VALUES)
def test_glued_not_values(text):
    assert find_numbers(text) == []


_NUMERALS = st.sampled_from(["7", "12", "4,838", "23 761", "20,7", "0.34", "1.5", "155,700"])
_SCALES = st.sampled_from(["", " million", "million", " thousand", "bn"])
_WORDS = st.sampled_from(["people", "visitors", "tenge", "euros", "years", "months", "households", "in", "at",
                          "of", "and", "from"])


@given(_NUMERALS, _SCALES, _WORDS)
def test_a_lost_space_reads_as_the_space(numeral, scale, word):
    """"4.1millionvisitors" reads as "4.1million visitors": same numbers, units and spans."""
    spaced = f"reached {numeral}{scale} {word} here"
    glued = f"reached {numeral}{scale}{word} here"
    assert [(m.text, m.start, m.number, m.unit) for m in find_numbers(glued)] == \
        [(m.text, m.start, m.number, m.unit) for m in find_numbers(spaced)]
