"""Periods: what find_periods sees, what resolve_period makes of it, publication dates.

Rows are real release phrasing: the seeds, and bureaus of Central Asia and the
Caucasus, Eurostat, US BLS, Statistics Canada, ABS and Stats NZ. A row with
``gap=`` is a known gap: a strict xfail, so it turns red the day it is fixed.
"""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import periods_fiscal, periods_grammar, periods_publication, periods_rules, periods_scan
from extractor.periods import find_periods, find_publication_date, resolve_period
from extractor.types import PeriodMention

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
D = date.fromisoformat


def case(*values, gap: str | None = None, id: str | None = None):  # noqa: A002 - pytest's word
    """One table row; ``gap`` marks a known gap as a strict xfail."""
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    label = id or re.sub(r"\s+", " ", str(values[0]))[:50]
    return pytest.param(*values, marks=marks, id=label)


def only(text: str) -> PeriodMention:
    found = find_periods(text)
    assert len(found) == 1, found
    return found[0]


# --- finding: text -> (span, kind, first, last) -----------------------------------------
# first/last None means the mention needs context.

FIND = [
    # single dates
    case("reached 20 million 353 thousand as of May 1, 2025.",
         "May 1, 2025", "date", "2025-05-01", "2025-05-01"),
    case("As of July 1, 2024, Canada's population was estimated at", "July 1, 2024", "date", "2024-07-01",
         "2024-07-01"),
    case("the population on 1 January 2025 was 20.3 million", "1 January 2025", "date", "2025-01-01",
         "2025-01-01"),
    case("Date of publication: 09.02.2026", "09.02.2026", "date", "2026-02-09", "2026-02-09"),
    case("Reference date 2025-05-01", "2025-05-01", "date", "2025-05-01", "2025-05-01"),
    # Korean releases space their dots; Spanish-English puts "of" before the year too
    case("Busan Regional Statistics Office, released 2023. 4. 4.", "2023. 4. 4", "date", "2023-04-04", "2023-04-04"),
    # Lithuanian datelines space a two-digit day and month
    case("regional statistics division in Kaunas, 21 03 2023", "21 03 2023", "date", "2023-03-21", "2023-03-21"),
    case("the population estimated to 31 of December of 2020 reached", "31 of December of 2020", "date",
         "2020-12-31", "2020-12-31"),
    # "similar" (Spanish "período similar") and "analogous" (Russian) name a comparison period like "same"
    case("exports grew 4,2% against the similar period of 2020", "similar period of 2020", "same_period", None, None),
    case("During a Sept. 20 briefing, the Vice Minister", "Sept. 20", "date", None, None),
    case("as of the 5th of May 2025", "5th of May 2025", "date", "2025-05-05", "2025-05-05"),
    case("on Monday, 5 May 2025", "5 May 2025", "date", "2025-05-05", "2025-05-05"),
    case("data as of 01/10/2024", "01/10/2024", "date", "2024-10-01", "2024-10-01"),
    case("Released 09.02.26", "09.02.26", "date", "2026-02-09", "2026-02-09"),
    case("on 29 February 2024", "29 February 2024", "date", "2024-02-29", "2024-02-29"),
    # month ranges
    case("In January-December 2025 the number of arrivals", "January-December 2025", "month_range",
         "2025-01-01", "2025-12-31"),
    case("In January–June 2024 compared to January–June 2023", "January–June 2024", "month_range",
         "2024-01-01", "2024-06-30"),
    case("According to the results from January to April:", "January to April", "month_range", None, None),
    case("from January to April 2025, 8,100 people arrived", "January to April 2025", "month_range",
         "2025-01-01", "2025-04-30"),
    case("Jan–Apr 2025 exports", "Jan–Apr 2025", "month_range", "2025-01-01", "2025-04-30"),
    case("In January-March of 2025 GDP grew",
         "January-March of 2025", "month_range", "2025-01-01", "2025-03-31"),
    case("between January and March 2025", "between January and March 2025", "month_range", "2025-01-01",
         "2025-03-31"),
    case("from November 2024 to February 2025", "November 2024 to February 2025", "month_range", "2024-11-01",
         "2025-02-28"),
    case("JANUARY-SEPTEMBER 2024", "JANUARY-SEPTEMBER 2024", "month_range", "2024-01-01", "2024-09-30"),
    # first N months
    case("a decrease during the first four months of 2025.", "first four months of 2025", "months",
         "2025-01-01", "2025-04-30"),
    case("In the first four months of this year, only 1,700 people", "first four months of this year",
         "months", None, None),
    case("in the first 9 months of 2024", "first 9 months of 2024", "months", "2024-01-01", "2024-09-30"),
    case("For nine months of 2024 the volume", "nine months of 2024", "months", "2024-01-01", "2024-09-30"),
    case("for 6 months of 2024", "6 months of 2024", "months", "2024-01-01", "2024-06-30"),
    case("In six months, the population grew", "six months", "months", None, None),
    case("the first month of 2025", "first month of 2025", "months", "2025-01-01", "2025-01-31"),
    # halves
    case("in the first half of 2024", "first half of 2024", "half", "2024-01-01", "2024-06-30"),
    case("H1 2024 results", "H1 2024", "half", "2024-01-01", "2024-06-30"),
    case("in the second half of 2023", "second half of 2023", "half", "2023-07-01", "2023-12-31"),
    case("in the I half-year of 2024", "I half-year of 2024", "half", "2024-01-01", "2024-06-30"),
    case("in the first half of the year", "first half of the year", "half", None, None),
    # quarters
    case("In the first quarter of 2025, 644 Kazakh citizens", "first quarter of 2025", "quarter",
         "2025-01-01", "2025-03-31"),
    case("GDP in Q1 2025 rose", "Q1 2025", "quarter", "2025-01-01", "2025-03-31"),
    case("in the 1st quarter 2025", "1st quarter 2025", "quarter", "2025-01-01", "2025-03-31"),
    case("in the third quarter, employment", "third quarter", "quarter", None, None),
    case("grew 0.4% in Q3", "Q3", "quarter", None, None),
    case("in the I quarter of 2025", "I quarter of 2025", "quarter", "2025-01-01", "2025-03-31"),
    case("euro area 2025Q1", "2025Q1", "quarter", "2025-01-01", "2025-03-31"),
    case("in the fourth quarter of 2024 compared with", "fourth quarter of 2024", "quarter", "2024-10-01",
         "2024-12-31"),
    case("in the March quarter 2025", "March quarter 2025", "quarter", "2025-01-01", "2025-03-31"),
    # a quarter named by its months: one mention, not a month and a quarter
    case("eases to 6.6% in April-June quarter: PLFS", "April-June quarter", "quarter", None, None),
    case("in the April-June quarter of 2024 from", "April-June quarter of 2024", "quarter", "2024-04-01",
         "2024-06-30"),
    case("rose 0.6% in the June 2024 quarter", "June 2024 quarter", "quarter", "2024-04-01", "2024-06-30"),
    case("the fourth quarter of last year", "fourth quarter of last year", "quarter", None, None),
    # months
    case("The CPI rose 2.4% in March 2025", "March 2025", "month", "2025-03-01", "2025-03-31"),
    case("declined 0.1 percent in March", "March", "month", None, None),
    case("Sept 2024 figures", "Sept 2024", "month", "2024-09-01", "2024-09-30"),
    # years
    case("In 2019,11,274 marriages were registered", "2019", "year", "2019-01-01", "2019-12-31"),
    # "the year to mid-2019": the 12 months to June
    case("In the year to mid-2019 there were 640,400 births", "year to mid-2019", "to_month", "2018-07-01",
         "2019-06-30"),
    case("While 155,700 people left Kazakhstan in 2000", "2000", "year", "2000-01-01", "2000-12-31"),
    case("By 2020, this figure had improved", "2020", "year", "2020-01-01", "2020-12-31"),
    case("The 2021 census counted", "2021", "year", "2021-01-01", "2021-12-31"),
    case("In 2024, 12% of respondents", "2024", "year", "2024-01-01", "2024-12-31"),
    # "Quarter 2 2023": the quarter's number after the word (CSO, ONS)
    case("Labour Force Survey Quarter 2 2023", "Quarter 2 2023", "quarter", "2023-04-01", "2023-06-30"),
    case("in quarter 3 of 2024 the rate rose", "quarter 3 of 2024", "quarter", "2024-07-01", "2024-09-30"),
    # a time preposition makes a bare year a year whatever noun follows ("2025 people" alone is a count)
    case("In 2023 births exceeded deaths by 860", "2023", "year", "2023-01-01", "2023-12-31"),
    case("during 2022 migrants left the region", "2022", "year", "2022-01-01", "2022-12-31"),
    # year ranges
    case("Temporary increases were observed during 2006-2008", "2006-2008", "year_range", "2006-01-01",
         "2008-12-31"),
    case("a five-year strategy (2023–2027)", "2023–2027", "year_range", "2023-01-01", "2027-12-31"),
    case("shifted significantly from 2019 to 2024", "2019 to 2024", "year_range", "2019-01-01", "2024-12-31"),
    case("between 2019 and 2024 the share",
         "between 2019 and 2024", "year_range", "2019-01-01", "2024-12-31"),
    case("in fiscal 2019/20", "fiscal 2019/20", "fiscal_year", "2019-01-01", "2020-12-31"),
    case("in 2024-25 the budget", "2024-25", "year_range", "2024-01-01", "2025-12-31"),
    # a range of numeric dates, as Romanian and CIS offices write the reporting period
    case("exports in 01.01–30.06.2021 amounted", "01.01–30.06.2021", "month_range", "2021-01-01", "2021-06-30"),
    case("for 01.01.2019-30.09.2019 the balance", "01.01.2019-30.09.2019", "month_range", "2019-01-01", "2019-09-30"),
    case("in the 1990s", "1990s", "year_range", "1990-01-01", "1999-12-31"),
    # open periods
    case("Since January, the population has increased", "Since January", "since", None, None),
    case("has remained positive since February 2024, with more", "since February 2024", "since", None, None),
    case("Since the beginning of the year, prices rose",
         "Since the beginning of the year", "since", None, None),
    case("so far this year", "so far this year", "since", None, None),
    case("year-to-date sales", "year-to-date", "since", None, None),
    # fuzzy
    case("By mid-2024, the balance was 7,300 people", "mid-2024", "fuzzy", "2024-01-01", "2024-06-30"),
    case("the Demoscope survey, conducted in late 2024, showed", "late 2024", "fuzzy", "2024-10-01",
         "2024-12-31"),
    case("four additional services planned by early 2025.",
         "early 2025", "fuzzy", "2025-01-01", "2025-03-31"),
    case("towards the end of 2024", "end of 2024", "fuzzy", "2024-10-01", "2024-12-31"),
    case("in the beginning of 2025", "beginning of 2025", "fuzzy", "2025-01-01", "2025-03-31"),
    # after at / by / as of, the beginning or end of something is a point: a stock's date
    case("by the end of 2024", "end of 2024", "date", "2024-12-31", "2024-12-31"),
    case("Population tops 2 million at end of 2024", "end of 2024", "date", "2024-12-31", "2024-12-31"),
    # scraped text lost the space after the comma before a year
    case("As of July 1,2023,the population", "July 1,2023", "date", "2023-07-01", "2023-07-01"),
    # the end or beginning of a quarter, half or month after at / by / as of: its last or first day
    case("At the end of the second quarter of 2021, Norway had", "end of the second quarter of 2021", "date",
         "2021-06-30", "2021-06-30"),
    case("by the end of the first half of 2023", "end of the first half of 2023", "date", "2023-06-30",
         "2023-06-30"),
    # a title's year before its month
    case("Labour force survey 2019, October", "2019, October", "month", "2019-10-01", "2019-10-31"),
    case("Consumer prices 2024 March", "2024 March", "month", "2024-03-01", "2024-03-31"),
    case("In 2023, March exports rose", "2023", "year", "2023-01-01", "2023-12-31"),
    case("at the beginning of 2025", "beginning of 2025", "date", "2025-01-01", "2025-01-01"),
    # ... and so after a comparison: the level at a date is compared with
    case("down 12.1 thousand compared with the end of February 2021", "end of February 2021", "date",
         "2021-02-28", "2021-02-28"),
    case("up from the end of 2023", "end of 2023", "date", "2023-12-31", "2023-12-31"),
    case("in mid-March 2025", "mid-March 2025", "fuzzy", "2025-03-11", "2025-03-20"),
    case("at year-end 2024", "year-end 2024", "fuzzy", "2024-10-01", "2024-12-31"),
    case("by the end of the year", "end of the year", "date", None, None),
    case("until the end of the year", "end of the year", "fuzzy", None, None),
    case("late last year", "late last year", "fuzzy", None, None),
    # relative
    case("the worst indicator observed in the last year.", "last year", "relative_year", None, None),
    case("This year, key measures also included", "This year", "relative_year", None, None),
    case("compared to 9,900 during the same period last year.", "same period last year", "same_period",
         None, None),
    case("2.8 times fewer than during the same period in 2024, when", "same period in 2024", "same_period",
         None, None),
    case("Compared to the corresponding period in 2024 the number", "corresponding period in 2024",
         "same_period", None, None),
    case("compared to the corresponding period of the previous year",
         "corresponding period of the previous year", "same_period", None, None),
    case("compared with the same quarter of the previous year", "same quarter of the previous year",
         "same_period", None, None),
    case("compared with the same month a year earlier",
         "same month a year earlier", "same_period", None, None),
    case("fewer than on the same date last year", "same date last year", "same_period", None, None),
    case("up 1.6% compared with 12 months earlier", "12 months earlier", "same_period", None, None),
    case("14,5% cheaper than a month earlier", "a month earlier", "same_period", None, None),
    case("increased by 0.1% compared with the previous quarter", "previous quarter", "same_period",
         None, None),
    case("Compared to the previous year, notable increases", "previous year", "relative_year", None, None),
    case("up from 3.1% a year earlier", "a year earlier", "relative_year", None, None),
    case("two years ago", "two years ago", "relative_year", None, None),
    case("over the past 25 years.", "past 25 years", "relative_year", None, None),
    case("over the past decade", "past decade", "relative_year", None, None),
    case("next year the bureau", "next year", "relative_year", None, None),
    # deictic
    case("Currently, 63.2% of the country's population resides in cities",
         "Currently", "deictic", None, None),
    case("The unemployment rate is at present 4.1%", "at present", "deictic", None, None),
    case("1,200 cases to date", "to date", "deictic", None, None),
    # trailing twelve months (ABS, Stats NZ, StatCan, BLS)
    case("rose 2.3% in the 12 months to March 2025", "12 months to March 2025", "to_month", "2024-04-01",
         "2025-03-31"),
    case("in the year ended March 2025", "year ended March 2025", "to_month", "2024-04-01", "2025-03-31"),
    case("for the 12 months ending March", "12 months ending March", "to_month", None, None),
    case("over the last 12 months", "last 12 months", "to_month", None, None),
    case("the year to the March 2025 quarter", "year to the March 2025 quarter", "to_month", "2024-04-01",
         "2025-03-31"),
    # Stats NZ "the June 2024 year" / "month"; a bare month after "compared to"
    case("net gain of 26,000 in the June 2024 year", "June 2024 year", "to_month", "2023-07-01",
         "2024-06-30"),
    case("In the June 2025 month, there were 9,800", "June 2025 month", "month", "2025-06-01", "2025-06-30"),
    case("the consumer price index was 100,9% compared to February.", "February", "month", None, None),
    # ranges of quarters
    case("in Q1–Q3 2024", "Q1–Q3 2024", "quarter", "2024-01-01", "2024-09-30"),
    case("exports in Q1-Q2 2025 rose", "Q1-Q2 2025", "quarter", "2025-01-01", "2025-06-30"),
    case("in Q1 - Q4 of 2023", "Q1 - Q4 of 2023", "quarter", "2023-01-01", "2023-12-31"),
    case("Q2–Q3 this year", "Q2–Q3 this year", "quarter", None, None),
    # a month range written with its first and last days; other day ranges stay two dates
    case("from 1 January – 31 March 2025", "1 January – 31 March 2025", "month_range", "2025-01-01",
         "2025-03-31"),
    case("between 1 January and 30 June 2024", "between 1 January and 30 June 2024", "month_range",
         "2024-01-01", "2024-06-30"),
    case("1 December 2024 – 28 February 2025", "1 December 2024 – 28 February 2025", "month_range",
         "2024-12-01", "2025-02-28"),
    case("from 15 January – 20 March 2025", "20 March 2025", "date", "2025-03-20", "2025-03-20"),
    case("from May 1 – June 30, 2025", "May 1 – June 30, 2025", "month_range", "2025-05-01", "2025-06-30"),
    # ... but two full dates a dash apart are the stretch between them: a year of another calendar
    case("the year 1402 (21 March 2023 – 19 March 2024)", "21 March 2023 – 19 March 2024", "month_range",
         "2023-03-21", "2024-03-19"),
    case("from March 21, 2023 to March 19, 2024", "March 21, 2023 to March 19, 2024", "month_range",
         "2023-03-21", "2024-03-19"),
    # months that follow one another, listed: the months together
    case("in January, February and March 2025", "January, February and March 2025", "month_range",
         "2025-01-01", "2025-03-31"),
    case("In October, November, and December of 2024 prices rose", "October, November, and December of 2024",
         "month_range", "2024-10-01", "2024-12-31"),
    case("in May, June and July this year", "May, June and July this year", "month_range", None, None),
    case("in January, April and July 2025", "July 2025", "month", "2025-07-01", "2025-07-31"),  # not a period
    # several quarters together; "and" joins only quarters that follow one another
    case("in the first and second quarters of 2024", "first and second quarters of 2024", "quarter",
         "2024-01-01", "2024-06-30"),
    case("In I-III quarters of 2025 GDP grew", "I-III quarters of 2025", "quarter", "2025-01-01", "2025-09-30"),
    case("in the 1st-3rd quarters of 2023", "1st-3rd quarters of 2023", "quarter", "2023-01-01", "2023-09-30"),
    case("in the first and third quarters of 2024", "2024", "year", "2024-01-01", "2024-12-31"),
    # months in Roman numerals (Polish, Romanian releases)
    case("Population of towns with poviat status, 31 XII 2013 (persons", "31 XII 2013", "date", "2013-12-31",
         "2013-12-31"),
    case("In the period 01.I–30.VI.2025 exports of the county", "01.I–30.VI.2025", "month_range", "2025-01-01",
         "2025-06-30"),
    case("sold industrial production in I-VI 2025 was", "I-VI 2025", "month_range", "2025-01-01", "2025-06-30"),
    case("in I-III quarter 2025", "I-III quarter 2025", "quarter", "2025-01-01", "2025-09-30"),
    # a list of months with their years: not "2016, March" (a title's "survey 2019, October")
    case("rates by county (%; March 2016, March 2015): Cumberland 3.2 4.0", "March 2015", "month", "2015-03-01",
         "2015-03-31"),
    case("in Sept. 2016, March 2015 and", "Sept. 2016", "month", "2016-09-01", "2016-09-30"),
    # fiscal years: calendar years until the document's fiscal year is known (see FISCAL)
    case("in FY2024/25", "FY2024/25", "fiscal_year", "2024-01-01", "2025-12-31"),
    case("contracted by 3.6 percent in fiscal year 2017, which", "fiscal year 2017", "fiscal_year", "2017-01-01",
         "2017-12-31"),
    case("rose 1.3 per cent in the 2019-20 financial year to reach", "2019-20 financial year", "fiscal_year",
         "2019-01-01", "2020-12-31"),
    case("For fiscal year 2025 to date, arrivals totaled", "2025", "year", "2025-01-01", "2025-12-31"),
    case("GDP rose to £2.43 billion in the financial year that ended on 31 March 2019, ",
         "year that ended on 31 March 2019", "to_month", "2018-04-01", "2019-03-31"),
    case("Visitor arrivals fell 18.5 percent over the fiscal year, after", "over the fiscal year", "same_period",
         None, None),
]


FISCAL = [
    case("Palau's GDP contracted by 3.6 percent in fiscal year 2017, which ended on September 30.", None,
         "2016-10-01", "2017-09-30"),
    case("The Marshall Islands' GDP grew by 6.6 percent in fiscal year 2019 (October 2018 to September 2019).",
         None, "2018-10-01", "2019-09-30"),
    case("The financial year runs from 1 July. Revenue rose in FY2024/25.", None, "2024-07-01", "2025-06-30"),
    case("The deficit narrowed in FY2024/25.", "AU", "2024-07-01", "2025-06-30"),
    case("GDP grows 8.6% to £2.4bn in 2018/19", "GI", "2018-04-01", "2019-03-31"),
    case("Federal outlays rose in fiscal 2019.", "US", "2018-10-01", "2019-09-30"),
    case("the 2018/19 season", "FR", "2018-01-01", "2019-12-31"),  # no fiscal year known: as written
    case("Revenue rose in fiscal year 2020.", None, "2020-01-01", "2020-12-31"),
]


@pytest.mark.parametrize(("text", "country", "first", "last"), FISCAL)
def test_fiscal_years(text, country, first, last):
    found = [m for m in periods_fiscal.with_fiscal_years(find_periods(text), text, country)
             if dict(m.detail).get("fiscal_end")]
    assert [(str(m.first), str(m.last)) for m in found] == [(first, last)]


@pytest.mark.parametrize(("text", "span", "kind", "first", "last"), FIND)
def test_find(text, span, kind, first, last):
    found = [m for m in find_periods(text) if m.text == span]
    assert found, find_periods(text)
    m = found[0]
    assert text[m.start:m.end] == span
    assert m.kind == kind
    assert (m.first, m.last) == (first and D(first), last and D(last))


# --- not periods -------------------------------------------------------------------------

NOT_PERIODS = [
    case("Tel. +7 7172 749061"),
    case("Address: 010000, Astana city, Mangilik el avenue, 8"),
    case("Young people aged 20 to 35 remained the most mobile"),
    case("influenced by COVID-19 restrictions"),
    case("migration intensity rates per 1.000 population"),
    case("on a non-competitive basis for up to five years"),
    case("work permits for one to twelve months based on their preferences"),
    case("the balance was 2025 people"),
    # an index's reference base
    case("(index numbers, 2011-12 = 100; % change)"),
    case("Consumer price index (2015=100)"),
    case("a total of 2,024 arrivals"),
    case("about 2000 applications"),
    case("call (202) 691-2000"),
    case("Resolution No. 2024 of the Government"),
    case("At the same time, natural decline was observed"),
    case("the first half of respondents said"),
    case("a quarter of respondents"),
    case("prices may rise and march on"),
    case("the H1N1 virus"),
    case("keep records up to date"),
    case("in so far as the law allows"),
    case("an index of 2024.5"),
    case("reached 2100 tenge"),
    case("the 2006-08 entry"),
]


@pytest.mark.parametrize("text", NOT_PERIODS)
def test_not_a_period(text):
    assert find_periods(text) == []


# --- resolving: mention + context -> interval ---------------------------------------------

JAN_APR_2025 = (D("2025-01-01"), D("2025-04-30"))
Q1_2025 = (D("2025-01-01"), D("2025-03-31"))
H1_2024 = (D("2024-01-01"), D("2024-06-30"))
Y2024 = (D("2024-01-01"), D("2024-12-31"))
Y2025 = (D("2025-01-01"), D("2025-12-31"))

RESOLVE = [
    case("Since January", {"as_of": D("2025-05-01")}, ("2025-01-01", "2025-04-30")),
    case("Since January", {"in_force": JAN_APR_2025}, ("2025-01-01", "2025-04-30"), id="since Jan in force"),
    case("Since January", {"anchor": D("2025-03-15")}, ("2025-01-01", "2025-03-15"), id="since Jan anchor"),
    case("Since January", {}, None, id="since Jan no context"),
    case("since February 2024", {"as_of": D("2025-05-01")}, ("2024-02-01", "2025-04-30")),
    case("since February 2024",
         {"anchor": D("2025-06-01")}, ("2024-02-01", "2025-06-01"), id="since Feb anchor"),
    case("since February 2024", {}, None, id="since Feb no context"),
    case("Since the beginning of the year", {"as_of": D("2025-05-01")}, ("2025-01-01", "2025-04-30")),
    case("since the end of 2023", {"as_of": D("2025-05-01")}, ("2024-01-01", "2025-04-30")),
    case("so far this year", {"anchor": D("2025-04-10")}, ("2025-01-01", "2025-04-10")),
    # the year of the stretch's end, whatever stretch is in force
    case("so far this year", {"in_force": (D("2024-05-01"), D("2025-04-30"))}, ("2025-01-01", "2025-04-30"),
         id="ytd under twelve months"),
    case("January to April", {"in_force": JAN_APR_2025}, ("2025-01-01", "2025-04-30")),
    case("January to April", {"as_of": D("2025-05-01")}, ("2025-01-01", "2025-04-30"), id="Jan-Apr as_of"),
    case("January to April", {"anchor": D("2025-06-02")}, ("2025-01-01", "2025-04-30"), id="Jan-Apr anchor"),
    case("January to April", {}, None, id="Jan-Apr no context"),
    case("November to February", {"in_force": (D("2024-11-01"), D("2025-02-28"))},
         ("2024-11-01", "2025-02-28")),
    case("declined in March", {"anchor": D("2025-04-10")}, ("2025-03-01", "2025-03-31")),
    case("first four months of this year", {"anchor": D("2025-06-01")}, ("2025-01-01", "2025-04-30")),
    case("first four months of this year", {"in_force": JAN_APR_2025}, ("2025-01-01", "2025-04-30"),
         id="first four months in force"),
    case("In six months, the population grew", {"in_force": Y2024}, ("2024-01-01", "2024-06-30")),
    case("in the third quarter", {"anchor": D("2024-11-01")}, ("2024-07-01", "2024-09-30")),
    case("the fourth quarter of last year", {"anchor": D("2025-02-01")}, ("2024-10-01", "2024-12-31")),
    case("During a Sept. 20 briefing", {"anchor": D("2024-10-01")}, ("2024-09-20", "2024-09-20")),
    case("This year", {"anchor": D("2025-03-01")}, ("2025-01-01", "2025-12-31")),
    case("This year", {"in_force": Y2024}, ("2024-01-01", "2024-12-31"), id="this year in force"),
    case("last year", {"anchor": D("2025-03-01")}, ("2024-01-01", "2024-12-31")),
    # no date of its own: a text about a whole year was written after it, one about part of a year during it
    case("Over the past year", {"in_force": Y2024}, ("2024-01-01", "2024-12-31"), id="past year after a year"),
    case("last year", {"in_force": H1_2024}, ("2023-01-01", "2023-12-31"), id="last year during a year"),
    case("the previous year", {"in_force": H1_2024, "as_reference": True}, ("2023-01-01", "2023-06-30")),
    case("the previous year", {"in_force": Y2024, "as_reference": True}, ("2023-01-01", "2023-12-31"),
         id="previous year full"),
    case("the previous year",
         {"anchor": D("2025-02-01")}, ("2024-01-01", "2024-12-31"), id="previous year main"),
    case("a year earlier", {"in_force": Q1_2025, "as_reference": True}, ("2024-01-01", "2024-03-31")),
    case("a year earlier",
         {"anchor": D("2025-03-01")}, ("2024-01-01", "2024-12-31"), id="a year earlier main"),
    case("two years ago", {"anchor": D("2025-03-01")}, ("2023-01-01", "2023-12-31")),
    case("the corresponding period in 2024", {"in_force": Y2025}, ("2024-01-01", "2024-12-31")),
    case("the same period in 2024", {"in_force": JAN_APR_2025}, ("2024-01-01", "2024-04-30")),
    case("the same period in 2024", {}, None, id="same period no in force"),
    case("the same period last year", {"in_force": Q1_2025}, ("2024-01-01", "2024-03-31")),
    case("the same period last year", {"in_force": (D("2025-01-01"), D("2025-02-28"))},
         ("2024-01-01", "2024-02-29"), id="same period leap February"),
    case("the corresponding period of the previous year",
         {"in_force": H1_2024}, ("2023-01-01", "2023-06-30")),
    case("compared to the same period", {"in_force": JAN_APR_2025, "as_reference": True},
         ("2024-01-01", "2024-04-30")),
    case("during the same period", {"in_force": JAN_APR_2025}, ("2025-01-01", "2025-04-30"),
         id="same period as main"),
    case("on the same date last year", {"in_force": (D("2023-10-01"), D("2023-10-01"))},
         ("2022-10-01", "2022-10-01")),
    case("compared with 12 months earlier", {"in_force": (D("2025-03-01"), D("2025-03-31"))},
         ("2024-03-01", "2024-03-31")),
    case("cheaper than a month earlier", {"in_force": (D("2025-03-01"), D("2025-03-31"))},
         ("2025-02-01", "2025-02-28")),
    case("compared with the previous month", {"anchor": D("2025-04-10")}, ("2025-03-01", "2025-03-31")),
    case("compared with the previous quarter", {"in_force": (D("2024-10-01"), D("2024-12-31"))},
         ("2024-07-01", "2024-09-30")),
    case("a quarter earlier", {"anchor": D("2025-04-10")}, None),
    case("Currently", {"as_of": D("2025-05-01"), "anchor": D("2025-05-20")}, ("2025-05-01", "2025-05-01")),
    case("Currently", {"anchor": D("2025-05-20")}, ("2025-05-20", "2025-05-20"), id="currently anchor"),
    case("over the past 25 years", {"anchor": D("2025-06-01")}, ("2000-01-01", "2024-12-31")),
    case("over the past 25 years", {}, None, id="past years no anchor"),
    case("over the last 12 months", {"anchor": D("2025-04-10")}, ("2024-04-01", "2025-03-31")),
    case("over the last 12 months", {"in_force": (D("2025-03-01"), D("2025-03-31"))},
         ("2024-04-01", "2025-03-31"), id="last 12 months in force"),
    case("for the 12 months ending March", {"anchor": D("2025-04-10")}, ("2024-04-01", "2025-03-31")),
    case("by the end of the year", {"anchor": D("2024-06-01")}, ("2024-12-31", "2024-12-31")),
    # only the publication date gives the year: a quarter or month not yet begun is last year's
    case("in the fourth quarter", {"anchor": D("2025-03-12")}, ("2024-10-01", "2024-12-31"), id="q4 in march"),
    case("in December", {"anchor": D("2025-01-20")}, ("2024-12-01", "2024-12-31"), id="december in january"),
    case("in February", {"anchor": D("2025-03-12")}, ("2025-02-01", "2025-02-28"), id="february in march"),
    case("until the end of the year", {"anchor": D("2024-06-01")}, ("2024-10-01", "2024-12-31")),
    case("in early March", {"anchor": D("2025-05-01")}, ("2025-03-01", "2025-03-10")),
    case("by mid-2024", {"anchor": D("2030-01-01")}, ("2024-01-01", "2024-06-30")),
    case("in the 12 months to March 2025", {}, ("2024-04-01", "2025-03-31")),
    case("in the year to June", {"anchor": D("2024-03-05")}, ("2022-07-01", "2023-06-30"), id="year to a month ahead"),
    case("in the year to June", {"anchor": D("2023-12-14")}, ("2022-07-01", "2023-06-30"), id="year to june, december"),
    # "last month" counts from the day the text was written; "this quarter" is the quarter a release reports
    case("Last month, rents rose", {"anchor": D("2022-03-09")}, ("2022-02-01", "2022-02-28"), id="last month"),
    case("exports fell last month", {"anchor": D("2021-01-05")}, ("2020-12-01", "2020-12-31"), id="over new year"),
    case("sales slowed last quarter", {"anchor": D("2019-05-20")}, ("2019-01-01", "2019-03-31"), id="last quarter"),
    case("prices rose 0.4% this quarter", {"in_force": (D("2018-07-01"), D("2018-09-30")), "anchor": D("2018-10-24")},
         ("2018-07-01", "2018-09-30"), id="this quarter released"),
    case("prices rose 0.4% this month", {"anchor": D("2018-10-24")}, ("2018-10-01", "2018-10-31"), id="this month"),
    case("Last month, rents rose", {}, None, id="last month no anchor"),
    case("growth in the previous year", {"in_force": (D("2018-04-01"), D("2019-03-31")), "anchor": D("2019-06-25")},
         ("2017-04-01", "2018-03-31"), id="previous year after a fiscal year"),
    case("growth in the previous year", {"in_force": (D("2018-01-01"), D("2018-12-31")), "anchor": D("2019-06-25")},
         ("2018-01-01", "2018-12-31"), id="previous year after a calendar year"),  # the year before publication
    case("up from 3.1% last month", {"in_force": (D("2017-06-01"), D("2017-06-30")), "anchor": D("2017-07-12"),
                                      "as_reference": True},
         ("2017-05-01", "2017-05-31"), id="last month as reference"),
]


@pytest.mark.parametrize(("text", "context", "expected"), RESOLVE)
def test_resolve(text, context, expected):
    m = only(text)
    got = resolve_period(m, **context)
    assert got == (expected and (D(expected[0]), D(expected[1])))


def test_resolve_absolute_ignores_context():
    m = only("In January-December 2025")
    assert resolve_period(m, in_force=Y2024, anchor=D("2020-01-01"), as_reference=True) == Y2025


# --- publication dates ------------------------------------------------------------------

PUBLICATION = [
    case("Date of publication: 09.02.2026\n\nDate of next publication: 12.05.2026", "2026-02-09"),
    case("Date of next publication: 12.05.2026", None),
    case("Next release date: 15 May 2025\nThe CPI rose", None),
    case("Published: 10 August 2022\nThe number of", "2022-08-10"),
    case("Release date: 10 April 2025", "2025-04-10"),
    # a byline of fields between bars, one of them a date
    case("Kenya's tea output hits record\n\nBy Brian Ngugi|Business Daily|Thursday,April 28,2016\n\nNAIROBI",
         "2016-04-28"),
    case("Inflation slows\n\nBuenos Aires Times|14-05-2024|Economy\n\nConsumer prices", "2024-05-14"),
    case("Jobless rate steady\n\nBy Sam Reed | The Courier | Lexington, February 20, 2025\n\nThe rate", "2025-02-20"),
    case("Population | 2023 | 2024\nAstana 1 | 2", None),
    # an issuer's name, its town and the day, one comma-part each; a title has one part before its date
    case("Brazil's unemployment falls\n\nAgência Brasil, Rio de Janeiro, 31 January 2020\n\nBrazil's",
         "2020-01-31"),
    case("Consumer Price Index\n\nStatistics Botswana, Gaborone, 14th April 2022\n\nThe CPI", "2022-04-14"),
    # a town or an issuer and the day, alone on a line under the headline (and a byline)
    case("Annual inflation reaches 41.1 per cent in December\n\nLuanda, 17 January 2017\n\nConsumer prices",
         "2017-01-17"),
    case("Milk deliveries fall 1.8%\n\nBy Rui Medeiros\nPonta Delgada, 12 February 2025\n\nFarmers", "2025-02-12"),
    case("Economy grew in the 1st quarter\n\nStatistics Estonia, 31 May 2021\n\nAccording to", "2021-05-31"),
    case("Population, 1 January 2024\n\nThe population of the country was", None),  # the title's own date
    case("Statistics Iceland\n\nPopulation, 1 January 2024\n\nThe population was", None),  # a subtitle's stock date
    case("Population Estimates, July 1, 2024\n\nThe population grew", None),
    case("10 August 2022 19:49\n\nThe number of emigrants", "2022-08-10"),
    case("Canada's economy grows 0.3%\n\nNovember 29, 2024 9:41 AM EST\n\nOTTAWA, Nov 29 (Reuters) - Canada's economy",
         "2024-11-29"),
    case("Spain's Inflation Hits 10.8%\n\nBy Laura Ferran\nAugust 12, 2022 at 9:05 AM GMT+2\n\n(Bloomberg) -- Consumer "
         "prices", "2022-08-12"),
    case("Seattle-area inflation cools to 2.6%\n\nBy Dana Whitfield,Puget Sound Ledger\nWednesday,May 14,2025\n\nCPI",
         "2025-05-14"),
    case("ASTANA, May 5, 2025 — The population of Kazakhstan", "2025-05-05"),
    # a newspaper's or site's name alone before a date, under a headline, is a byline
    case("Jobless rate steady\n\nThe Evening Courier, March 4, 2016\n\nThe unemployment rate", "2016-03-04"),
    case("Wages up 9%\n\nKapital.kz, 14 June 2021,09:15\n\nThe average wage", "2021-06-14"),
    case("Statistics\nPopulation Estimates, July 1, 2024\n\nThe population was", None, id="title, not byline"),
    # a site's label after its name: "Posted" and a weekday
    case("Rents up\n\nThe Daily Star | Posted Tue 3 Mar 2020, 9:12am\n\nRents rose", "2020-03-03"),
    case("Jobs\n\nMetro News · Posted: May 6, 2019\n\nThe jobless rate", "2019-05-06"),
    case("Migration at record\n\nKTV News, 2 March 2021\n\nNet migration", "2021-03-02", id="acronym byline"),
    # scraped: the spaces after a byline's commas lost
    case("Rates steady\n\nThe Coast Mercury,Friday,4 March 2016\n\nThe jobless rate", "2016-03-04"),
    case("ASTANA (Kazinform) – 5 May 2025. The bureau reported", "2025-05-05"),
    case("Trentino stops shrinking\n\nTrento, 14 June 2023 – l'Adige\n\nThe population", "2023-06-14",
         id="outlet with an elided article"),
    case("HCMC consumer prices up 0.35%\n\nTuoi Tre News | 04/01/2025 10:12 GMT+7\n\nThe CPI", "2025-01-04",
         id="byline field with a time and zone"),
    case("Updated: 12 August 2022\nThe number of", None),
    case("The population reached 20 million as of May 1, 2025.", None),
    case("ASTANA — Migration trends in Kazakhstan have shifted from 2019 to 2024", None),
    case("", None, id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), PUBLICATION)
def test_publication_date(text, expected):
    assert find_publication_date(text) == (expected and D(expected))


@pytest.mark.parametrize(("doc_id", "expected"), [
    ("000_f07d4ccc1f8608dd", None), ("001_809f0eeb125bfbb9", "2026-02-09"), ("002_6d2c3dd70fc2966a", None),
    ("003_34052f527fd0f2ed", None), ("004_23c0cca11a20ccea", "2024-08-09"),
])
def test_publication_date_seeds(doc_id, expected):
    text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert find_publication_date(text) == (expected and D(expected))


# --- the seeds against their gold ------------------------------------------------------

# The context a caller knows for each gold span that needs one: (doc, start) -> kwargs.
SEED_CONTEXT = {
    ("000_f07d4ccc1f8608dd", 144): {"as_of": D("2025-05-01")},
    ("000_f07d4ccc1f8608dd", 1059): {"in_force": JAN_APR_2025},
    ("000_f07d4ccc1f8608dd", 1153): {"as_of": D("2025-05-01")},
    ("001_809f0eeb125bfbb9", 490): {"in_force": Y2025, "as_reference": True},
    ("001_809f0eeb125bfbb9", 1136): {"in_force": Y2025, "as_reference": True},
    ("002_6d2c3dd70fc2966a", 45): {"anchor": D("2025-05-31")},
    ("002_6d2c3dd70fc2966a", 177): {"in_force": JAN_APR_2025},
    ("002_6d2c3dd70fc2966a", 295): {"in_force": JAN_APR_2025},
    ("002_6d2c3dd70fc2966a", 402): {"in_force": JAN_APR_2025},
    ("002_6d2c3dd70fc2966a", 1691): {"in_force": Q1_2025, "as_reference": True},
    ("003_34052f527fd0f2ed", 1086): {"in_force": H1_2024, "as_reference": True},
    ("003_34052f527fd0f2ed", 1358): {"in_force": Y2024, "as_reference": True},
    ("004_23c0cca11a20ccea", 471): {"in_force": H1_2024, "as_reference": True},
    ("004_23c0cca11a20ccea", 1143): {"in_force": H1_2024, "as_reference": True},
}


def _gold_periods():
    rows = {}
    for path in sorted(FIXTURES.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for fact in gold["facts"]:
            for key in ("period", "reference_period"):
                p = fact.get(key)
                if p:
                    rows[(gold["doc_id"], p["start"], p["end"], p["text"], p["from"], p["to"])] = None
    return [pytest.param(*row, id=f"{row[0][:3]}@{row[1]}:{row[3]}") for row in rows]


@pytest.mark.parametrize(("doc_id", "start", "end", "span", "first", "last"), _gold_periods())
def test_gold_period_spans(doc_id, start, end, span, first, last):
    text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    found = {(m.start, m.end): m for m in find_periods(text)}
    m = found.get((start, end))
    assert m is not None and m.text == span, [p.text for p in found.values() if p.end > start - 40
                                                and p.start < end + 40]
    context = SEED_CONTEXT.get((doc_id, start), {})
    assert resolve_period(m, **context) == (D(first), D(last))


# --- dateparser is the fallback, not the reader -----------------------------------------


def test_common_dates_do_not_need_dateparser(monkeypatch):
    def refuse(span):
        raise AssertionError(f"dateparser called for {span!r}")

    monkeypatch.setattr(periods_rules, "_dateparser_date", refuse)
    text = "as of May 1, 2025; 1 January 2025; 09.02.2026; 2025-05-01; Sept. 20; 5th of May 2025"
    assert all(m.kind == "date" for m in find_periods(text))


def test_dateparser_reads_two_digit_years():
    assert only("Released 09.02.26").first == D("2026-02-09")


def test_custom_patterns_dir(tmp_path):
    source = ROOT / "patterns" / "periods.yaml"
    (tmp_path / "periods.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    text = (SEEDS / "002_6d2c3dd70fc2966a.txt").read_text(encoding="utf-8")
    assert find_periods(text, patterns_dir=tmp_path) == find_periods(text)


# --- properties -------------------------------------------------------------------------

TOKENS = ["January", "Jan.", "March", "May", "Sept.", "December", "2024", "2025", "1999", "20", "1", "31",
          "12.05.2026", "2025-05-01", "Q1", "H2", "2024Q3", "-", "–", "/", ".", ",", "to", "and", "between",
          "from", "since", "Since", "in", "of", "the", "first", "four", "9", "months", "month", "quarter",
          "half", "year", "years", "last", "this", "previous", "same", "corresponding", "period", "a",
          "earlier", "ago", "mid", "mid-", "late", "early", "end", "beginning", "currently", "now", "to date",
          "past", "12", "ending", "people", "%", "as of", "\n", "  ", "I", "II", "fiscal", "2019/20", "date",
          "day", "with", "compared", "June 2024 year", "a month earlier", "twelve"]

token_soup = st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), token_soup)


def _check_mentions(text: str) -> list[PeriodMention]:
    found = find_periods(text)
    previous_end = 0
    for m in found:
        assert text[m.start:m.end] == m.text
        assert previous_end <= m.start < m.end
        previous_end = m.end
        assert (m.first is None) == (m.last is None) or m.kind == "since"
        if m.first is not None and m.last is not None:
            assert m.first <= m.last
        hash(m.detail)
    return found


@given(any_text)
def test_spans_slice_back_sorted_disjoint(text):
    _check_mentions(text)


@given(token_soup)
def test_windowed_scan_equals_full_scan(text):
    grammar = periods_grammar._grammar(None)
    windowed = periods_scan._select(text, periods_scan._candidates(text, grammar))
    full = periods_scan._select(text, periods_scan._candidates(text, grammar, windowed=False))
    assert windowed == full


@given(token_soup, st.dates(min_value=D("1990-01-01"), max_value=D("2040-12-31")),
       st.dates(min_value=D("1990-01-01"), max_value=D("2040-12-31")), st.booleans())
def test_resolve_never_raises(text, a, b, as_reference):
    in_force = (min(a, b), max(a, b))
    for m in find_periods(text):
        for context in ({}, {"in_force": in_force}, {"as_of": a}, {"anchor": b},
                        {"in_force": in_force, "as_of": a, "anchor": b}):
            got = resolve_period(m, as_reference=as_reference, **context)
            assert got is None or got[0] <= got[1]


@given(st.integers(min_value=1800, max_value=2100))
def test_round_trip_year(y):
    m = only(f"In January-December {y} the number")
    assert (m.first, m.last) == (date(y, 1, 1), date(y, 12, 31))
    assert only(f"in {y}, the share").first == date(y, 1, 1)


@given(st.integers(min_value=1800, max_value=2100), st.integers(min_value=1, max_value=4))
def test_round_trip_quarter(y, q):
    first = date(y, 3 * q - 2, 1)
    ordinal = ["first", "second", "third", "fourth"][q - 1]
    for text in (f"Q{q} {y}", f"{y}Q{q}", f"the {ordinal} quarter of {y}"):
        m = only(text)
        assert m.kind == "quarter" and m.first == first and m.last.month == 3 * q


@given(st.dates(min_value=D("1800-01-01"), max_value=D("2100-12-31")))
def test_round_trip_dates(d):
    month = d.strftime("%B")
    for text in (f"{month} {d.day}, {d.year}", f"{d.day} {month} {d.year}", f"{d:%d.%m.%Y}", d.isoformat()):
        m = only(text)
        assert (m.kind, m.first, m.last) == ("date", d, d), text


PATHOLOGICAL = {
    "digits": "7" * 200_000,
    "dashes": "-" * 200_000,
    "years": "2024-" * 40_000,
    "year list": "2024 " * 40_000,
    "dotted": "1.2.3.4." * 25_000,
    "months": "January " * 25_000,
    "relative": "the same period last year " * 8_000,
    "spaces": " " * 200_000,
    "soup": " ".join(TOKENS) * 400,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_linear_time(name):
    text = PATHOLOGICAL[name][:200_000]
    started = time.perf_counter()
    find_periods(text)
    assert time.perf_counter() - started < 2.0


# --- the fast paths give what the plain regexes give ------------------------------------

WORD_LISTS = [
    ["January", "JANUARY", "Jan", "JAN", "June", "Jun", "July", "Jul", "September", "Sept", "Sep", "May"],
    ["half year", "half-year", "half", "per cent", "percent", "pct", "people", "persons", "person"],
    ["No.", "No", "№", "#", "$", "up to", "USD", "about", "at least", "approximately", "tel.", "tel", "p."],
]
PROBES = st.text(alphabet="JjAaNnUuSsEePpTtMmYyLlRrCcOo.-# $№ \t", max_size=14)


@pytest.mark.parametrize("words", WORD_LISTS, ids=["months", "units", "before"])
@given(PROBES)
def test_trie_alternation_matches_like_plain_alternation(words, probe):
    forms = sorted(set(words), key=lambda w: (-len(w), w))
    plain = "|".join(r"\s{1,3}".join(re.escape(tok) for tok in w.split()) for w in forms)
    for flags in ("", "(?i)"):
        tail = r"(?![A-Za-z])"  # backtracking into the alternation must try the same words
        expected = re.match(flags + "(?:" + plain + ")" + tail, probe)
        got = re.match(flags + "(?:" + periods_grammar._alt(words, icase=bool(flags)) + ")" + tail, probe)
        assert (got and got.span()) == (expected and expected.span())


SOUP = st.lists(st.sampled_from(["January", "Sept.", "MAY", "2024", "2019/20", "Q1", "H2", "the", "first",
                                 "quarter", "half", "year", "last", "same", "period", "since", "between", "and",
                                 "12", "months", "to", "ending", "mid-", "early", "now", "to date", "about",
                                 "No.", "-", ",", "\n", "31", "of", "in", "YeAr", "ſame"]),
                max_size=30).map(" ".join)


@given(SOUP)
def test_finders_stop_where_their_rules_match(text):
    grammar = periods_grammar._grammar(None)
    for name, rx in grammar.rules:
        finder = grammar.finders[name]
        if finder is None:
            continue
        expected = [m.span() for m in rx.finditer(text)]
        got, pos = [], 0
        while (hit := finder.search(text, pos)) is not None:
            m = rx.match(text, hit.start())
            got.append(m.span())
            pos = m.end() if m.end() > m.start() else m.start() + 1
        assert got == expected, name


@given(st.lists(st.sampled_from(["Published: ", "published on 5 May 2025", "Date of publication: 09.02.2026",
                                 "\n", "- Release date: ", "released", "RELEASED ON", "text", "date of the release",
                                 "  ", ">", "*"]), max_size=12).map("".join))
def test_label_scan_equals_finditer(text):
    label = periods_publication._PUB_LABEL
    assert [m.span() for m in periods_publication._labels(text)] == [m.span() for m in label.finditer(text)]


@pytest.mark.parametrize("line", [
    "ASTANA, May 5, 2025 — The population grew", "5 May 2025", "  09.02.26 | Statistics",
    "Monday, 12 May 2025, 19:49", "TASHKENT (UzA) - 2025-05-01", "FRIDAY, 5 May 2025"])
def test_dateline_filter_keeps_lines_that_may_hold_one(line):
    assert periods_publication._may_hold_dateline(line)


@pytest.mark.parametrize("line", ["The population grew by 2.5% in 2024.", "no numbers here", "In May 2025 the index",
                                  "Published 12.05.2026"])
def test_dateline_filter_skips_lines_that_cannot(line):
    assert not periods_publication._may_hold_dateline(line)
