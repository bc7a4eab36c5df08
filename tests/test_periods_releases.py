"""Periods as statistical offices write them: rolling twelve months, quarters and halves in the
offices' own notation, stock dates, comparison bases, and datelines.

Rows come from real releases (ONS, ABS, Stats NZ, StatCan, BLS, Eurostat, the bureaus of Central
Asia). Each row gives the span find_periods must return, its kind, its own bounds (None: it needs
context), and how it resolves in a stated context. A row with ``gap=`` is a known gap: a strict
xfail, so it turns red the day it is fixed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import periods_grammar, periods_scan
from extractor.periods import find_periods, find_publication_date, resolve_period
from extractor.types import PeriodMention

D = date.fromisoformat
Q2_2021 = (D("2021-04-01"), D("2021-06-30"))
Q3_2024 = (D("2024-07-01"), D("2024-09-30"))
OCT_2023 = (D("2023-10-01"), D("2023-10-31"))
MAR_2024 = (D("2024-03-01"), D("2024-03-31"))
Y2023 = (D("2023-01-01"), D("2023-12-31"))
Y2024 = (D("2024-01-01"), D("2024-12-31"))
JAN_SEP_2024 = (D("2024-01-01"), D("2024-09-30"))


def case(*values, gap: str | None = None, id: str | None = None):  # noqa: A002 - pytest's word
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    label = id or re.sub(r"\s+", " ", str(values[0]))[:50]
    return pytest.param(*values, marks=marks, id=label)


def mention(text: str, span: str) -> PeriodMention:
    found = [m for m in find_periods(text) if m.text == span]
    assert found, [(m.text, m.kind) for m in find_periods(text)]
    return found[0]


def interval(pair):
    return pair and (D(pair[0]), D(pair[1]))


# --- text, span, kind, own bounds (None: needs context), context, resolved ------------------
# The context is what the fact assembler knows: the period in force, the as-of date of the
# text's stocks, the publication date (anchor), and whether the mention is a comparison base.

ROWS = [
    # rolling twelve months and shorter stretches ending with a month or a quarter
    case("CPI inflation in the year ending September 2019 was 1.7%", "year ending September 2019", "to_month",
         ("2018-10-01", "2019-09-30"), {}, ("2018-10-01", "2019-09-30")),
    case("rose by 3.2% in the 12 months to August 2021", "12 months to August 2021", "to_month",
         ("2020-09-01", "2021-08-31"), {}, ("2020-09-01", "2021-08-31")),
    case("net migration during the year ending 30 June 2016", "year ending 30 June 2016", "to_month",
         ("2015-07-01", "2016-06-30"), {}, ("2015-07-01", "2016-06-30")),
    # to a stock's date on the first of a month: the twelve months before it
    case("the population grew 2.1% in the year to July 1, 2022", "year to July 1, 2022", "to_month",
         ("2021-07-01", "2022-06-30"), {}, ("2021-07-01", "2022-06-30")),
    case("in the year to 1 January 2020, births", "year to 1 January 2020", "to_month",
         ("2019-01-01", "2019-12-31"), {}, ("2019-01-01", "2019-12-31")),
    case("in the year ended June 2025, arrivals", "year ended June 2025", "to_month",
         ("2024-07-01", "2025-06-30"), {}, ("2024-07-01", "2025-06-30")),
    case("house prices rose 1.8% in the year to March 2024", "year to March 2024", "to_month",
         ("2023-04-01", "2024-03-31"), {}, ("2023-04-01", "2024-03-31")),
    case("for the 12 months ended December, wages", "12 months ended December", "to_month", None,
         {"in_force": Y2024}, ("2024-01-01", "2024-12-31")),
    case("annual GDP growth in the year to Q3 was 0.6%", "year to Q3", "to_month", None,
         {"in_force": Q3_2024}, ("2023-10-01", "2024-09-30")),
    case("annual growth in the year to the third quarter of 2024", "year to the third quarter of 2024",
         "to_month", ("2023-10-01", "2024-09-30"), {}, ("2023-10-01", "2024-09-30")),
    case("in the 12 months to Q2 2025 the index rose", "12 months to Q2 2025", "to_month",
         ("2024-07-01", "2025-06-30"), {}, ("2024-07-01", "2025-06-30")),
    case("employment in the three months to June 2024 rose", "three months to June 2024", "to_month",
         ("2024-04-01", "2024-06-30"), {}, ("2024-04-01", "2024-06-30")),
    case("GDP grew 0.4% in the quarter to September", "quarter to September", "to_month", None,
         {"anchor": D("2024-11-20")}, ("2024-07-01", "2024-09-30")),
    case("in the quarter ended March 2025, exports", "quarter ended March 2025", "to_month",
         ("2025-01-01", "2025-03-31"), {}, ("2025-01-01", "2025-03-31")),
    case("in the six months to June, 10,200 people", "six months to June", "to_month", None,
         {"in_force": Y2024}, ("2024-01-01", "2024-06-30")),
    # quarters and halves as offices write them
    case("GDP in the second quarter 2014 rose 0.8%", "second quarter 2014", "quarter",
         ("2014-04-01", "2014-06-30"), {}, ("2014-04-01", "2014-06-30")),
    case("GDP rose 0.8% in Q2 2014", "Q2 2014", "quarter", ("2014-04-01", "2014-06-30"), {},
         ("2014-04-01", "2014-06-30")),
    case("Euro area GDP, 2014Q2", "2014Q2", "quarter", ("2014-04-01", "2014-06-30"), {},
         ("2014-04-01", "2014-06-30")),
    case("seasonally adjusted, 2014 Q2", "2014 Q2", "quarter", ("2014-04-01", "2014-06-30"), {},
         ("2014-04-01", "2014-06-30")),
    case("rose 1.0% in the June 2024 quarter", "June 2024 quarter", "quarter", ("2024-04-01", "2024-06-30"),
         {}, ("2024-04-01", "2024-06-30")),
    case("fell 0.2% in the September quarter", "September quarter", "quarter", None, {"in_force": Y2024},
         ("2024-07-01", "2024-09-30")),
    case("revenue in H1 2024 rose", "H1 2024", "half", ("2024-01-01", "2024-06-30"), {},
         ("2024-01-01", "2024-06-30")),
    case("in the first half of 2023, GDP", "first half of 2023", "half", ("2023-01-01", "2023-06-30"), {},
         ("2023-01-01", "2023-06-30")),
    case("in the first nine months of 2024 exports", "first nine months of 2024", "months",
         ("2024-01-01", "2024-09-30"), {}, ("2024-01-01", "2024-09-30")),
    case("For nine months of 2024 the volume", "nine months of 2024", "months", ("2024-01-01", "2024-09-30"),
         {}, ("2024-01-01", "2024-09-30")),
    case("In nine months, 4,100 people arrived", "nine months", "months", None, {"in_force": Y2024},
         ("2024-01-01", "2024-09-30")),
    case("In January–October, 8,300 people left", "January–October", "month_range", None,
         {"in_force": Y2023}, ("2023-01-01", "2023-10-31")),
    case("from January to March 2025, exports", "January to March 2025", "month_range",
         ("2025-01-01", "2025-03-31"), {}, ("2025-01-01", "2025-03-31")),
    # stock dates: a point in time
    case("As of July 1, 2014, Canada's population was", "July 1, 2014", "date", ("2014-07-01", "2014-07-01"),
         {}, ("2014-07-01", "2014-07-01")),
    case("the estimated resident population as at 30 June 2016 was", "30 June 2016", "date",
         ("2016-06-30", "2016-06-30"), {}, ("2016-06-30", "2016-06-30")),
    case("the population on 1 January 2024 was 20 million", "1 January 2024", "date",
         ("2024-01-01", "2024-01-01"), {}, ("2024-01-01", "2024-01-01")),
    case("At the start of the year, 4,200 were registered", "start of the year", "date", None,
         {"in_force": JAN_SEP_2024}, ("2024-01-01", "2024-01-01")),
    case("at the beginning of 2025, the population was", "beginning of 2025", "date",
         ("2025-01-01", "2025-01-01"), {}, ("2025-01-01", "2025-01-01")),
    case("at the end of 2024 the number of unemployed was", "end of 2024", "date", ("2024-12-31", "2024-12-31"),
         {}, ("2024-12-31", "2024-12-31")),
    case("by the end of September, 12,000 had registered", "end of September", "date", None,
         {"anchor": D("2024-11-01")}, ("2024-09-30", "2024-09-30")),
    case("by the end of February the stock was", "end of February", "date", None, {"in_force": Y2024},
         ("2024-02-29", "2024-02-29")),
    case("at the end of last year, 3,100 were", "end of last year", "date", None, {"anchor": D("2025-02-01")},
         ("2024-12-31", "2024-12-31")),
    case("as of the end of March 2025, deposits", "end of March 2025", "date", ("2025-03-31", "2025-03-31"),
         {}, ("2025-03-31", "2025-03-31")),
    # a start date of a change: the change runs to the day before the stock's date
    case("an increase of 1,900 from April 1", "from April 1", "since", None, {"as_of": D("2024-10-01")},
         ("2024-04-01", "2024-09-30")),
    case("an increase of 96,000 from July 1, 2012", "from July 1, 2012", "since", None,
         {"as_of": D("2012-10-01")}, ("2012-07-01", "2012-09-30")),
    case("Since January, the population has grown", "Since January", "since", None,
         {"as_of": D("2025-05-01")}, ("2025-01-01", "2025-04-30")),
    # the stretch between two stock dates runs to the day before the second
    case("grew by 1.6 million people between July 1, 2022, and July 1, 2023, as immigration",
         "between July 1, 2022, and July 1, 2023", "month_range", ("2022-07-01", "2023-06-30"), {},
         ("2022-07-01", "2023-06-30")),
    case("from 1 January – 1 April 2024 arrivals", "1 January – 1 April 2024", "month_range",
         ("2024-01-01", "2024-03-31"), {}, ("2024-01-01", "2024-03-31")),
    case("as of 1 January 2024 and 1 January 2023", "1 January 2023", "date", ("2023-01-01", "2023-01-01"), {},
         ("2023-01-01", "2023-01-01")),  # "and" without "between": two dates
    # comparison bases: as a reference, the period in force moved back one year, month or quarter
    case("compared with the same quarter of the previous year", "same quarter of the previous year",
         "same_period", None, {"in_force": Q2_2021, "as_reference": True}, ("2020-04-01", "2020-06-30")),
    case("house prices up 3.2% year on year in the third quarter", "year on year", "same_period", None,
         {"in_force": Q3_2024, "as_reference": True}, ("2023-07-01", "2023-09-30")),
    case("rose 2.9% year-over-year in March", "year-over-year", "same_period", None,
         {"in_force": MAR_2024, "as_reference": True}, ("2023-03-01", "2023-03-31")),
    case("increased 3.1% year-on-year", "year-on-year", "same_period", None,
         {"in_force": Q3_2024, "as_reference": True}, ("2023-07-01", "2023-09-30")),
    case("rose 2.3% on a year-over-year basis", "year-over-year", "same_period", None,
         {"in_force": MAR_2024, "as_reference": True}, ("2023-03-01", "2023-03-31")),
    case("retail sales rose 1.1% y/y", "y/y", "same_period", None, {"in_force": MAR_2024, "as_reference": True},
         ("2023-03-01", "2023-03-31")),
    case("In annual terms, inflation was 8.5%", "In annual terms", "same_period", None,
         {"in_force": OCT_2023, "as_reference": True}, ("2022-10-01", "2022-10-31")),
    case("CPIH rose by 0.3% on the month", "on the month", "same_period", None,
         {"in_force": OCT_2023, "as_reference": True}, ("2023-09-01", "2023-09-30")),
    case("prices fell 0.2% month-on-month", "month-on-month", "same_period", None,
         {"in_force": OCT_2023, "as_reference": True}, ("2023-09-01", "2023-09-30")),
    case("On a monthly basis, CPIH rose by 0.3%", "On a monthly basis", "same_period", None,
         {"in_force": OCT_2023, "as_reference": True}, ("2023-09-01", "2023-09-30")),
    case("Over the month, employment rose by 50,000", "Over the month", "same_period", None,
         {"in_force": OCT_2023, "as_reference": True}, ("2023-09-01", "2023-09-30")),
    case("prices rose 4.9% over the year", "over the year", "same_period", None,
         {"in_force": OCT_2023, "as_reference": True}, ("2022-10-01", "2022-10-31")),
    case("GDP grew 0.6% quarter-on-quarter", "quarter-on-quarter", "same_period", None,
         {"in_force": Q2_2021, "as_reference": True}, ("2021-01-01", "2021-03-31")),
    case("GDP grew 0.6% on the quarter", "on the quarter", "same_period", None,
         {"in_force": Q2_2021, "as_reference": True}, ("2021-01-01", "2021-03-31")),
    case("1.2 percentage points higher than a year earlier", "a year earlier", "relative_year", None,
         {"in_force": OCT_2023, "as_reference": True}, ("2022-10-01", "2022-10-31")),
    case("up from 4.1% from a year ago", "a year ago", "relative_year", None,
         {"in_force": Q2_2021, "as_reference": True}, ("2020-04-01", "2020-06-30")),
    case("0.5% higher than in the previous quarter", "previous quarter", "same_period", None,
         {"in_force": Q2_2021}, ("2021-01-01", "2021-03-31")),
    case("compared with the same month last year", "same month last year", "same_period", None,
         {"in_force": OCT_2023}, ("2022-10-01", "2022-10-31")),
]


# A basis read as the fact's own period (as_reference False): the year, quarter or month ending with
# the period in force. A price index's annual rate covers the twelve months to its month; a stock
# date on a 1st closes the month before it.
ROWS += [
    case("prices rose 4.9% over the year", "over the year", "same_period", None, {"in_force": OCT_2023},
         ("2022-11-01", "2023-10-31"), id="over the year: its own stretch"),
    case("house prices up 3.2% year on year in the third quarter", "year on year", "same_period", None,
         {"in_force": Q3_2024}, ("2023-10-01", "2024-09-30"), id="year on year: its own stretch"),
    case("Tashkent city grew by 2.3% over the year", "over the year", "same_period", None,
         {"in_force": (D("2024-01-01"), D("2024-01-01"))}, ("2023-01-01", "2023-12-31"),
         id="over the year to a stock date"),
    case("CPIH rose by 0.3% on the month", "on the month", "same_period", None, {"in_force": OCT_2023},
         ("2023-10-01", "2023-10-31"), id="on the month: its own stretch"),
    case("GDP grew 0.6% quarter-on-quarter", "quarter-on-quarter", "same_period", None, {"in_force": Q2_2021},
         ("2021-04-01", "2021-06-30"), id="quarter-on-quarter: its own stretch"),
    case("employment rose 3.4% on an annual basis", "on an annual basis", "same_period", None,
         {"in_force": Q2_2021, "as_reference": True}, ("2020-04-01", "2020-06-30")),
    case("over the past 12 months", "past 12 months", "to_month", None,
         {"in_force": (D("2024-01-01"), D("2024-01-01"))}, ("2023-01-01", "2023-12-31"),
         id="past 12 months to a stock date"),
]


# --- scraped text that lost its spaces is read as if they were there ------------------------

ROWS += [
    case("was 36,799,756 people as of1 January 2024,the agency", "1 January 2024", "date",
         ("2024-01-01", "2024-01-01"), {}, ("2024-01-01", "2024-01-01")),
    case("grew by 5,600 people in the year to30 June 2020,bringing", "year to30 June 2020", "to_month",
         ("2019-07-01", "2020-06-30"), {}, ("2019-07-01", "2020-06-30")),
    case("the population on1 March 2020.Since then", "1 March 2020", "date", ("2020-03-01", "2020-03-01"), {},
         ("2020-03-01", "2020-03-01")),
    case("In2024, individuals received $14.8billion", "2024", "year", ("2024-01-01", "2024-12-31"), {},
         ("2024-01-01", "2024-12-31")),  # a preposition glued to the year
    case("31.6% more than in2023.", "2023", "year", ("2023-01-01", "2023-12-31"), {},
         ("2023-01-01", "2023-12-31")),
    case("Over 2023 the population grew by 774,600", "2023", "year", ("2023-01-01", "2023-12-31"), {},
         ("2023-01-01", "2023-12-31")),  # opening a sentence; "over 2000 people" stays a quantity
    # a table flattened into text: its column headers
    case("Region Births 2023 Births 2024 Change 2024/2023 (%)", "2023", "year", ("2023-01-01", "2023-12-31"), {},
         ("2023-01-01", "2023-12-31"), gap="a year before a capitalised people word is read as a count"),
    case("Births 2024 Change 2024/2023 (%) Bishkek", "2023", "year", ("2023-01-01", "2023-12-31"), {},
         ("2023-01-01", "2023-12-31"), gap="2024/2023 (a year against the year before) is read as no period"),
]


@pytest.mark.parametrize(("text", "span", "kind", "own", "context", "expected"), ROWS)
def test_release_phrasing(text, span, kind, own, context, expected):
    m = mention(text, span)
    assert text[m.start:m.end] == span
    assert m.kind == kind
    assert (m.first, m.last) == (interval(own) or (None, None))
    assert resolve_period(m, **context) == interval(expected)


# --- what each new reading records in detail ------------------------------------------------

DETAIL = [
    case("year on year", "year on year", {"unit": "year", "basis": "year", "shift": -1}),
    case("on the month", "on the month", {"unit": "month", "basis": "month", "months_shift": -1}),
    case("quarter-on-quarter", "quarter-on-quarter", {"unit": "quarter", "basis": "quarter", "months_shift": -3}),
    case("at the beginning of 2025", "beginning of 2025", {"part": "beginning", "edge": "first"}),
    case("by the end of September", "end of September", {"part": "end", "edge": "last", "month": 9}),
    case("in the year to Q3", "year to Q3", {"n_months": 12, "month": 9, "quarter": 3}),
    case("the quarter to September", "quarter to September", {"n_months": 3, "month": 9}),
]


@pytest.mark.parametrize(("text", "span", "expected"), DETAIL)
def test_detail(text, span, expected):
    detail = dict(mention(text, span).detail)
    assert {k: detail.get(k) for k in expected} == expected


# --- phrases that look like these and are not ----------------------------------------------

NOT = [
    case("over the year to October 2023 prices rose", "year to October 2023", "to_month"),
    case("on the month of March the bureau", "March", "month"),
    case("in the first quarter to June", "first quarter", "quarter"),
    case("prices in the end of 2024 rose", "end of 2024", "fuzzy"),  # "in the end": not a stock date
    case("since the end of 2023", "since the end of 2023", "since"),
    case("from 15 January to 20 March 2025", "20 March 2025", "date"),  # a day range, not a start
    case("in late 2024 the survey", "late 2024", "fuzzy"),
]


@pytest.mark.parametrize(("text", "span", "kind"), NOT)
def test_lookalikes(text, span, kind):
    assert mention(text, span).kind == kind


@pytest.mark.parametrize("text", [
    case("depending on the monthly rainfall"),
    case("the over the years trend"),
    case("a year-on-year-ish feel"),
])
def test_no_basis(text):
    assert [m for m in find_periods(text) if dict(m.detail).get("basis")] == []


# --- publication dates and datelines -------------------------------------------------------

PUBLICATION = [
    case("ASTANA, 12 May 2023 – The Bureau of National Statistics reported", "2023-05-12"),
    case("ALMATY. 12 May 2023. The number of arrivals", "2023-05-12"),
    case("ALMATY. KAZINFORM – 12 May 2023. The number of arrivals", "2023-05-12"),
    case("Released: 14 November 2024 11:00\nConsumer prices", "2024-11-14"),
    case("Release date: 2024-11-14\nConsumer prices", "2024-11-14"),
    case("Ottawa, July 1, 2014 (The Daily)\nCanada's population was estimated", "2014-07-01"),
    case("Ottawa, July 1, 2014 — Canada's population was estimated", "2014-07-01"),
    case("Tashkent, Uzbekistan, 12 May 2023 — The State Committee", "2023-05-12"),
    case("Ottawa, Friday, September 26, 2014 — The Daily", "2014-09-26"),
    # a title line naming a stock date is not a dateline
    case("Population, 1 January 2024\n\nThe population was", None),
    case("Population of Kazakhstan, 1 January 2024\nThe population", None),
    case("Population, 1 January 2024 – 20.0 million people\nThe population", None),
    case("Population, 1 January 2024 – Kazakhstan\nThe population", None,
         gap="a Title-case title with a dash and a capital reads as a dateline"),
    case("Released at 8:30 a.m. Eastern time in The Daily, Friday, September 26, 2014\nCanada's", "2014-09-26",
         gap="StatCan's release line puts words between the label and the date"),
    case("In May 2025 the index rose", None),
    case("ALMATY, May 12 (Kazinform) – The bureau", None),  # no year: nothing to date the text
    # a scraped page: the dateline lost its space and ends with a colon, under a menu, a headline and a byline
    case("Home|News|Business\nThe Daily Star\n\nGas output rises in 2019\n\nBy Amin Rahman.\n\nDhaka,12 January "
         "2020:\n\nGas production rose 3.1% in 2019.", "2020-01-12"),
    case("Population, 1 January 2024:\nAlmaty 2 000 000 Astana 1 300 000", None),
    # a scraped byline's field that lost its space after the town: "Groningen,14 May 2024|Dagblad van het Noorden"
    case("LC.nl | Nieuws | Economie\n\nGroningen economy grew in 2023\n\nGroningen,14 May 2024|Dagblad van het "
         "Noorden|Share:Facebook\n\nThe economy grew by 0.4 percent last year.", "2024-05-14"),
]


@pytest.mark.parametrize(("text", "expected"), PUBLICATION)
def test_publication(text, expected):
    assert find_publication_date(text) == (expected and D(expected))


# --- properties ------------------------------------------------------------------------------

PIECES = ["the", "year", "12 months", "three months", "quarter", "to", "ending", "ended", "Q3", "third",
          "June", "September", "2024", "30", "at", "by", "as of", "beginning", "start", "end", "of", "from",
          "April 1", "on", "over", "month", "year-on-year", "month-on-month", "y/y", "in annual terms", ",",
          "–", "\n", "last", "this"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join),
       st.dates(min_value=D("1990-01-01"), max_value=D("2040-12-31")))
def test_points_are_points_and_bases_lie_before(text, d):
    in_force = (date(d.year, d.month, 1), d)
    for m in find_periods(text):
        assert text[m.start:m.end] == m.text
        detail = dict(m.detail)
        got = resolve_period(m, in_force=in_force, as_of=d, anchor=d)
        if "edge" in detail and got is not None:
            assert got[0] == got[1]  # a stock date is one day
        if "basis" in detail:
            base = resolve_period(m, in_force=in_force, as_of=d, anchor=d, as_reference=True)
            assert base is not None and base[1] < in_force[1]  # a comparison base lies before
            # the stretch covered ends with it (a stock date on a 1st: the day before)
            assert got is not None and got[1] >= in_force[1] - timedelta(days=1)


@given(st.lists(st.sampled_from(PIECES + ["of1", "to30", "annual", "terms", "basis", "a", "monthly"]),
                max_size=30).map(" ".join))
def test_windowed_scan_equals_full_scan(text):
    grammar = periods_grammar._grammar(None)
    windowed = periods_scan._select(text, periods_scan._candidates(text, grammar))
    full = periods_scan._select(text, periods_scan._candidates(text, grammar, windowed=False))
    assert windowed == full


def test_a_basis_phrase_needs_a_scan_word(tmp_path):
    import yaml

    from extractor.errors import PatternError

    source = Path(__file__).resolve().parent.parent / "patterns" / "periods.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["comparison_basis"]["year"].append("in yearly terms")  # holds "year": fine
    data["comparison_basis"]["month"].append("on a per-cent basis")  # holds no scan word
    (tmp_path / "periods.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(PatternError, match="per-cent basis"):
        find_periods("prices rose", patterns_dir=tmp_path)
