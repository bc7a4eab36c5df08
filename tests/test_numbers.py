"""extractor.numbers: numbers as written in real releases, one row per phrase.

Rows come from the seeds and from the phrasing of CPI, GDP, wage, unemployment,
births and migration releases (Kazakhstan, Uzbekistan, Georgia, Armenia,
Eurostat, US BLS, StatCan, ABS, Stats NZ). A row with ``gap`` is a known gap:
it is a strict xfail, so fixing the gap makes the row fail until ``gap`` goes.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.errors import PatternError
from extractor.numbers import _Scanner, find_numbers, parse_decimal
from extractor.numbers_lexicon import lexicon

from .conftest import FIXTURES, ROOT, gold_documents

PATTERNS = ROOT / "patterns"

_UNSET = object()


def _marks(gap: str | None) -> tuple:
    return (pytest.mark.xfail(reason=gap, strict=True),) if gap else ()


def case(text: str, span: str, number: float, unit: str | None = None, gap: str | None = None,
         **expect: object) -> object:
    """``text`` yields a mention whose text is ``span`` with this number and unit.

    ``expect`` checks further fields: ``qualifier=``, ``spelled=``, ``explicit_sign=``.
    """
    return pytest.param(text, span, number, unit, expect, id=text[:70], marks=_marks(gap))


def nothing(text: str, gap: str | None = None) -> object:
    """``text`` yields no mention at all."""
    return pytest.param(text, id=text[:70], marks=_marks(gap))


def mentions(text: str, expected: list[tuple[str, float, str | None]], gap: str | None = None) -> object:
    """``text`` yields exactly these (span, number, unit), in order."""
    return pytest.param(text, expected, id=text[:70], marks=_marks(gap))


def _mention(text: str, span: str):
    found = find_numbers(text)
    for m in found:
        if m.text == span:
            return m
    raise AssertionError(f"no mention {span!r} in {[m.text for m in found]}")


# --- one value per phrase -----------------------------------------------------------------

THOUSANDS_AND_DECIMALS = [
    case("only 1,700 people left the country for permanent residence abroad", "1,700", 1700, "person"),
    case("While 155,700 people left Kazakhstan in 2000", "155,700", 155700, "person"),
    case("the number of arrivals was 23 761 people", "23 761", 23761, "person"),
    case("the number of arrivals was 23\u202f761 people", "23\u202f761", 23761, "person"),
    case("the number of arrivals was 23\u00a0761 people", "23\u00a0761", 23761, "person"),
    case("In the survey, 1.000 respondents took part", "1.000", 1000, "person"),
    case("an average of 1 234 567 tenge", "1 234 567", 1234567, "tenge"),
    case("the number of arrivals in Kazakhstan decreased by 20,7%", "20,7%", 20.7, "percent"),
    case("the number of people moving within the country increased by 13,6% times", "13,6%", 13.6,
         "percent"),
    case("the population has increased by a total of 0.34%", "0.34%", 0.34, "percent"),
    case("exports amounted to 1,234.5 million US dollars", "1,234.5 million", 1234.5e6, "USD"),
    case("exports amounted to 1,234.5 million dollars", "1,234.5 million", 1234.5e6, "dollars"),
    case("the budget deficit was 1.234,5 thousand tenge", "1.234,5 thousand", 1234500, "tenge"),
    case("the Gini coefficient was 0.340", "0.340", 0.34),
    case("GDP deflator of 1.234% in the quarter", "1.234%", 1.234, "percent"),
    case("the 1.250 billion tenge programme", "1.250 billion", 1.25e9, "tenge"),
    case("The share of arrivals from the CIS countries was 81,8%", "81,8%", 81.8, "percent"),
    case("Nonfarm payroll employment rose by 228,000 in March", "228,000", 228000),
    case("Average hourly earnings rose to $36.00", "$36.00", 36, "$"),
    case("a 0,5 % fall", "0,5 %", 0.5, "percent"),
    case("growth of .5% in the month", ".5%", 0.5, "percent"),
]

SIGNS = [
    case("By 2020, this figure had improved to minus 17,718", "minus 17,718", -17718, explicit_sign=True),
    case("a migration balance of minus 2,339 people", "minus 2,339", -2339, "person", explicit_sign=True),
    case("Net migration: -5,057", "-5,057", -5057, explicit_sign=True),
    case("Net migration: +17,691", "+17,691", 17691, explicit_sign=True),
    case("the index changed by −0.3 percentage points", "−0.3 percentage points", -0.3, "percentage_point",
         explicit_sign=True),
    case("employment rose by 76,000 (+0.4%) in January", "+0.4%", 0.4, "percent", explicit_sign=True),
    case("a balance of -1.2 bn tenge", "-1.2 bn", -1.2e9, "tenge", explicit_sign=True),
    case("the trade balance was −$2.5bn", "−$2.5bn", -2.5e9, "$", explicit_sign=True),
    case("a surplus of +3 100 000 000 tenge", "+3 100 000 000", 3.1e9, "tenge", explicit_sign=True),
    case("Kazakhstan's migration balance was negative in 2019, losing 32,970 people", "32,970", 32970,
         "person", explicit_sign=False),
    case("North Kazakhstan region – 0.52%", "0.52%", 0.52, "percent", explicit_sign=False),
    case("changed by –0.3% in the month", "–0.3%", -0.3, "percent", explicit_sign=True),
    case("the index was 99,7% (–0,3%)", "–0,3%", -0.3, "percent", explicit_sign=True),
    case("prices rose 2–3% a year", "3%", 3, "percent", explicit_sign=False),
]

SCALES = [
    case("The population of Kazakhstan reached 20 million 353 thousand as of May 1, 2025",
         "20 million 353 thousand", 20353000),
    # Spanish "mil ... millones" translated word for word: 3 thousand 512,8 millions is 3,512.8 million
    case("the exports reached 3 thousand 512,8 millions of dollars", "3 thousand 512,8 millions", 3_512_800_000),
    case("1 billion 200 million tenge were allocated", "1 billion 200 million", 1.2e9, "tenge"),
    case("turnover amounted to 14 billion 236,8 million USD", "14 billion 236,8 million", 14.2368e9, "USD"),
    case("the number of births amounted to 14 thousand 208, the number of deaths", "14 thousand 208", 14208),
    case("the number of deaths - 9 thousand 17.", "9 thousand 17", 9017),
    case("the population made up 10 mln. 153,4 thous. people", "10 mln. 153,4 thous", 10153400),
    case("the number of employed was 17.4 thousand people", "17.4 thousand", 17400, "person"),
    case("wages fund of 1.2 mln tenge", "1.2 mln", 1.2e6, "tenge"),
    case("the region lost 12 thou people", "12 thou", 12000, "person"),
    case("17 th. people were registered", "17 th.", 17000, "person"),
    case("investments of 3 bn tenge", "3 bn", 3e9, "tenge"),
    case("a $2.5bn loan", "$2.5bn", 2.5e9, "$"),
    case("remittances reached 1.5 billion US dollars", "1.5 billion", 1.5e9, "USD"),
    case("GDP exceeded 2 trillion tenge", "2 trillion", 2e12, "tenge"),
    case("15k new jobs were created", "15k", 15000),
    case("GDP at current prices was GEL 91.9 billion", "GEL 91.9 billion", 91.9e9, "GEL"),
    case("GDP reached 1,454.6 trillion soums", "1,454.6 trillion", 1454.6e12, "soums"),
    case("13.1 million persons in the EU were unemployed", "13.1 million", 13.1e6, "person"),
    case("a £1,250m budget", "£1,250m", 1.25e9, "£"),
    case("exports of €2bn", "€2bn", 2e9, "€"),
    case("the 2,5 mln tenge grant", "2,5 mln", 2.5e6, "tenge"),
    case("half a million people emigrated", "half a million", 500000, "person", spelled=True),
    case("a quarter of a million tenge", "quarter of a million", 250000, "tenge"),
    case("Half a billion dollars", "Half a billion", 5e8, "dollars"),
    # South Asian scales, alone and stacked ("lakh crore" is a lakh of crores)
    case("per capita income crossed Rs 1.8 lakh last year", "Rs 1.8 lakh", 1.8e5, "Rs"),
    case("the state spent Tk 420 crore on roads", "Tk 420 crore", 4.2e9, "Tk"),
    case("the state's output is pegged at Rs 3.15 lakh crore,up", "Rs 3.15 lakh crore", 3.15e12, "Rs"),
    case("an old British 4.2 thousand million pounds", "4.2 thousand million", 4.2e9, "pounds"),
]

SPELLED = [
    case("Nine services are operational", "Nine", 9, spelled=True),
    case("with four additional services planned by early 2025", "four", 4, spelled=True),
    case("twenty-five people were surveyed", "twenty-five", 25, "person", spelled=True),
    case("two hundred families received housing", "two hundred", 200, "families", spelled=True),
    case("one hundred and five people", "one hundred and five", 105, "person", spelled=True),
    case("three million tenge were paid", "three million", 3e6, "tenge", spelled=True),
    case("Twelve regions recorded a decrease", "Twelve", 12, spelled=True),
    case("five percent of respondents", "five percent", 5, "percent", spelled=True),
    case("for up to five years", "five", 5, "year", spelled=True, qualifier="up_to"),
    case("One person in five", "One", 1, "person", spelled=True),
    case("two-thirds of respondents", "two-thirds", 2 / 3, gap="spelled fractions are not read"),
]

MULTIPLIERS = [
    case("2.8 times fewer than during the same period in 2024", "2.8 times", 2.8, "times"),
    case("with a 1.7-fold increase in movement between regions", "1.7-fold", 1.7, "times"),
    case("reflecting a 3.7-fold increase", "3.7-fold", 3.7, "times"),
    case("the number grew 1.5-fold", "1.5-fold", 1.5, "times"),
    case("a 3.7 fold rise", "3.7 fold", 3.7, "times"),
    case("a twofold increase in arrivals", "twofold", 2, "times", spelled=True),
    case("prices rose tenfold", "tenfold", 10, "times", spelled=True),
    case("a two-fold increase", "two-fold", 2, "times", spelled=True),
    case("the number of marriages increased two times", "two times", 2, "times", spelled=True),
    case("decreased by 1,5 times", "1,5 times", 1.5, "times"),
    case("grew one and a half times", "one and a half times", 1.5, "times", spelled=True),
    case("a 2.5x rise in exports", "2.5x", 2.5, "times"),
    case("the number of people moving within the country increased by 1.7 times", "1.7 times", 1.7,
         "times"),
]

PERCENT = [
    case("Currently, 63.2% of the country's population resides in cities", "63.2%", 63.2, "percent"),
    case("the share of departures to these countries was 77%", "77%", 77, "percent"),
    case("decreased by 20,7 %", "20,7 %", 20.7, "percent"),
    case("the unemployment rate was 4.1 percent", "4.1 percent", 4.1, "percent"),
    case("a drop of 75.5 per cent", "75.5 per cent", 75.5, "percent"),
    case("inflation eased to 8.6 pct", "8.6 pct", 8.6, "percent"),
    case("The CPI in Uzbekistan in January 2025 was 100.8% compared to December 2024", "100.8%", 100.8,
         "percent"),
    case("Inflation in Georgia in March 2025 amounted to 3.6% year-on-year", "3.6%", 3.6, "percent"),
    case("Armenia's economic activity index grew by 5.9% in January-February 2025", "5.9%", 5.9, "percent"),
    case("Euro area annual inflation is expected to be 2.2% in March 2025", "2.2%", 2.2, "percent"),
    case("a 20-percent rise in prices", "20-percent", 20, "percent"),
    case("the unemployment rate fell 0.1 percentage points to 6.6%", "0.1 percentage points", 0.1,
         "percentage_point"),
    case("up 0.3 pp on the year", "0.3 pp", 0.3, "percentage_point"),
    case("down 0.3 p.p. from December", "0.3 p.p.", 0.3, "percentage_point"),
    case("a 1.2 percentage point rise", "1.2 percentage point", 1.2, "percentage_point"),
    case("The participation rate decreased 0.2 pts", "0.2 pts", 0.2, "percentage_point"),
    case("the policy rate was cut by 25 basis points", "25 basis points", 25, "basis_point"),
]

RATES = [
    case("a birth rate of 19.6 per 1,000 population", "19.6", 19.6, "per_1000"),
    case("the crude birth rate was 20.5 per 1000 people", "20.5", 20.5, "per_1000"),
    case("a death rate of 7.1 per thousand", "7.1", 7.1, "per_1000"),
    case("natural increase of 12.4‰", "12.4‰", 12.4, "per_1000"),
    case("infant mortality of 8.2 per 1,000 live births", "8.2", 8.2, "per_1000"),
    case("20.5 live births per 1,000 population", "20.5", 20.5, "per_1000"),
    case("a rate of 14,9 live births per each thousand residents", "14,9", 14.9, "per_1000"),
    case("12.3 deaths per 100,000 population", "12.3", 12.3, "per_100000"),
    case("the marriage rate was 7.3 per 1.000 population", "7.3", 7.3, "per_1000"),
]

UNITS = [
    case("the number of departures from the country was 7608 people", "7608", 7608, "person"),
    case("the number of arrivals in the country amounted 23761 to people", "23761", 23761, "person"),
    case("644 Kazakh citizens moved to Russia", "644", 644, "person"),
    case("Astana welcomed more than 64,000 permanent residents", "64,000", 64000, "person",
         qualifier="more_than"),
    case("Out of 1,100 respondents from across the country", "1,100", 1100, "person"),
    case("Germany was the second-most popular destination, with 973 emigrants", "973", 973, "person"),
    case("with 14,000 arrivals", "14,000", 14000, "person"),
    case("employment decreased by 53,000 people", "53,000", 53000, "person"),
    case("there were 389,000 births", "389,000", 389000),
    case("Average monthly nominal wage was 404,532 tenge", "404,532", 404532, "tenge"),
    case("the average pension was 6.2 million soums", "6.2 million", 6.2e6, "soums"),
    case("pensions of 60,000 som", "60,000", 60000, "som"),
    case("a fine of 600 rubles", "600", 600, "rubles"),
    case("a fine of 600 roubles", "600", 600, "roubles"),
    case("remittances of 1,200 dollars", "1,200", 1200, "dollars"),
    case("a grant of 45 euros", "45", 45, "euros"),
    case("the average wage was 1,500 lari", "1,500", 1500, "lari"),
    case("the average wage reached 250,000 drams", "250,000", 250000, "drams"),
    case("a minimum wage of 1,000 somoni", "1,000", 1000, "somoni"),
    case("a salary of 20,000 hryvnias", "20,000", 20000, "hryvnias"),
    case("the average wage was 300 manat", "300", 300, "manat"),
    case("a price of 5,000 KZT", "5,000", 5000, "KZT"),
    case("loans of USD 5 million", "USD 5 million", 5e6, "USD"),
    case("exports of goods for ISK 587.4 billion", "ISK 587.4 billion", 587.4e9, "ISK"),
    # scraped text that lost the space after a year: the year is a period, the rest the value
    case("In 2019,11,274 marriages were registered", "11,274", 11274, None),
    case("There were 57,400live births registered", "57,400", 57400, None),
    # a text writing decimals with a dot and thousands with a comma: "364.512" is an index with three decimals
    case("The CPI-U stood at 364.512 in April, up 0.4%, on 1,018 items.", "364.512", 364.512, None),
    case("In 2024, 1.250 people left, 20,7% more", "1.250", 1250, "person"),
    # one figure may be space-grouped with a decimal comma; three such on a line are two table columns each
    case("exports made 1 466 103,5 thousand", "1 466 103,5 thousand", 1466103500, None),
    case("Kyiv city 709 319 103,1 Lviv region 292 611 102,0 Kyiv region 125 508 103,5", "292 611", 292611, None),
    # a table row one number short of the rows around it: its most-grouped number is two cells
    case("Population (persons; in % to 2015): Saransk 330 917 100,4 Ruzayevka 61 284 98,9 Kovylkino 35 902 98,2",
         "100,4", 100.4, None),
    case("(persons; born, died, natural increase): Zhytomyr city 2 846 2 310 536 Korosten district 2 512 1 684 828 "
         "Ovruch district 612 1 062 -450 Berdychiv district 763 1 045 -282", "2 310", 2310, None),
    case("(persons; born, died, natural increase): Zhytomyr city 2 846 2 310 536 Korosten district 2 512 1 684 828 "
         "Ovruch district 612 1 062 -450 Berdychiv district 763 1 045 -282", "828", 828, None),
    case("a deficit of RON 12.5 billion", "RON 12.5 billion", 12.5e9, "RON"),
    case("imports of 593,6 billion kronur", "593,6 billion", 593.6e9, "kronur"),
    case("a median wage of 412,000 forints", "412,000", 412000, "forints"),
    case("US$2.3 billion of investment", "US$2.3 billion", 2.3e9, "US$"),  # as written (FACTS.md)
    # a currency sign written in letters may touch its digits: Kenyan shillings in Business Daily
    case("rose to Sh399.4 billion in 2015,from Sh362.8 billion", "Sh399.4 billion", 3.994e11, "Sh"),
    case("made 35,2 centners per hectare", "35,2", 35.2, "centners"),
    # the Philippine peso's "P" before a grouped or decimal amount; glued to a bare digit it is a code
    case("the GRDP reached P1.61 trillion at constant prices", "P1.61 trillion", 1.61e12, "P"),
    case("per capita GRDP rose to P192,440", "P192,440", 192440, "P"),
    # the Gulf's dirham and Indonesia's rupiah as their papers write them
    case("Dubai's non-oil trade reached Dh2.1 trillion in 2023", "Dh2.1 trillion", 2.1e12, "Dh"),
    case("exports worth Dhs 14.6 billion", "Dhs 14.6 billion", 1.46e10, "Dh"),
    case("the GRDP reached Rp 310,5 trillion", "Rp 310,5 trillion", 3.105e14, "Rp"),
    # oil in barrels per day, power in megawatts, Vietnam's dong as written
    case("output averaged 1.2 million bpd in 2021", "1.2 million", 1.2e6, "bpd"),
    case("from just 415,000bpd.", "415,000", 415000, "bpd"),
    case("a peak load of 8,120 megawatts", "8,120", 8120, "megawatts"),
    case("revenue reached 712 billion dong, up", "712 billion", 7.12e11, "dong"),
    case("imports reached 7 984 million escudos", "7 984 million", 7.984e9, "escudos"),
    case("a deficit of 41.2 billion birr", "41.2 billion", 4.12e10, "birr"),
    # bare "points" at an index's height are the index's level; a small number of them a rate's change
    case("The index reached 118,44 points (base December 2009=100)", "118,44 points", 118.44, "points"),
    case("the jobless rate fell 0.4 points to 6.1%", "0.4 points", 0.4, "percentage_point"),
    # energy units as written: their case tells giga from milli
    case("the generation reached 11.482,6 GWh, a fall", "11.482,6", 11482.6, "GWh"),
    case("generated 32,6 billion kWh of electricity", "32,6 billion", 32.6e9, "kWh"),
    case("the harvest was 5 200 Tons", "5 200", 5200, "tons"),
    # units as the offices write them: Bosnia's "KM" (not kilometres), Albania's "ALL", Sri Lanka's "Rs.",
    # Namibia's "N$", an area in square meters or hectares, nights spent
    case("the average gross wage amounted to 2 014 KM, while", "2 014", 2014, "KM"),
    case("exports amounted to 52 964 million ALL, down", "52 964 million", 52964e6, "ALL"),
    case("GDP was estimated at Rs. 3,543 billion, while", "Rs. 3,543 billion", 3543e9, "Rs"),
    case("the value of approved plans fell to N$1.92 billion", "N$1.92 billion", 1.92e9, "N$"),
    # Caribbean and Pacific dollars by their own prefixes; Bhutan's ngultrum
    case("The median monthly income was CI$3,450, up 4.2%", "CI$3,450", 3450, "CI$"),
    case("exports of NT$1.2 trillion", "NT$1.2 trillion", 1.2e12, "NT$"),
    case("the average monthly cash income was Nu 16,370", "Nu 16,370", 16370, "Nu"),
    case("Almaty commissioned 1 248.6 thousand square meters of housing", "1 248.6 thousand", 1248600, "sqm"),
    # ... and as bureau English abbreviates it, with a full stop or a superscript; power in million units (MU)
    case("permits for 46 buildings with 19 845 sq. m total floor area", "19 845", 19845, "sqm"),
    case("dwellings of 1 312 thousand sq.m. were commissioned", "1 312 thousand", 1312000, "sqm"),
    case("office space of 9 120 m2 was started", "9 120", 9120, "sqm"),
    case("a floor area of 4 050 m² in all", "4 050", 4050, "sqm"),
    case("consumption reached 71,967 MU in 2021-22", "71,967", 71967, "MU"),
    case("the plant generated 1,870 gigawatt-hours last year", "1,870", 1870, "GWh"),
    case("output of 2.4 terawatt hours", "2.4", 2.4, "TWh"),
    # a time word after "last", "this" says when, not how long
    case("births dropped to 28,410 last year, while", "28,410", 28410, None),
    case("arrivals reached 1,250 this month", "1,250", 1250, None),
    case("threshed from the area of 612,4 thousand ha, the", "612,4 thousand", 612400, "ha"),
    case("GDP stood at 52.26 trillion naira, up", "52.26 trillion", 52.26e12, "naira"),
    case("The average length of stay was 3.33 nights", "3.33", 3.33, "nights"),
    case("a road of 5 km", "5", 5, "km"),
    case("exports rose to XPF 174.5 billion last year", "XPF 174.5 billion", 174.5e9, "XPF"),
    case("€3.5 billion of exports", "€3.5 billion", 3.5e9, "€"),
    case("a bread loaf costs ₸500", "₸500", 500, "₸"),
    case("a ticket costs ₽100", "₽100", 100, "₽"),
    case("a fee of £2", "£2", 2, "£"),
    case("the average wage rose by 13 cents", "13", 13, "cents"),
    case("for 12 months", "12", 12, "month"),
    case("within 3 days", "3", 3, "day"),
    case("the 2 weeks ending March 1", "2", 2, "week"),
    case("average weekly hours of 34.2 hours", "34.2", 34.2, "hour"),
    case("over the past 25 years", "25", 25, "year", qualifier=None),
    case("a five-year migration management strategy", "five", 5, "year", spelled=True),
    case("a 12-month period", "12", 12, "month"),
    case("the number of arrivals was 2025 people", "2025", 2025, "person"),
    # FACTS.md: a currency written as a symbol keeps the symbol as its unit ("as written")
    case("In 11 regions of Kazakhstan, a decrease in population was recorded", "11", 11),
    # the Gulf's and Malaysia's papers write their currencies as two letters, glued or not; power in megawatts
    case("workers earning less than BD400 a month", "BD400", 400, "BD"),
    case("revenues of JD94.6 million in 2019", "JD94.6 million", 94_600_000, "JD"),
    case("the median wage rose to RM1,863", "RM1,863", 1863, "RM"),
    case("exports reached 4 520,7 billion FCFA in 2012", "4 520,7 billion", 4_520_700_000_000, "FCFA"),
    case("output reached 29.3 trillion colones", "29.3 trillion", 29.3e12, "colones"),
    case("an installed capacity of 7,889 MW", "7,889", 7889, "MW"),
]

QUALIFIERS = [
    case("In 2023, approximately 397,000 people relocated within the country", "397,000", 397000, "person",
         qualifier="approx"),
    case("Around 8.4% were undecided", "8.4%", 8.4, "percent", qualifier="approx"),
    case("about 6,000 people", "6,000", 6000, "person", qualifier="approx"),
    case("some 500 people", "500", 500, "person", qualifier="approx"),
    case("almost 9% of households", "9%", 9, "percent", qualifier="approx"),
    case("nearly 10,000 people", "10,000", 10000, "person", qualifier="approx"),
    case("roughly 11% of GDP", "11%", 11, "percent", qualifier="approx"),
    case("circa 12,000 people", "12,000", 12000, "person", qualifier="approx"),
    case("~13% of respondents", "13%", 13, "percent", qualifier="approx"),
    case("an estimated 14,000 people", "14,000", 14000, "person", qualifier="approx"),
    case("more than 64,000 permanent residents", "64,000", 64000, "person", qualifier="more_than"),
    case("over 6,000 people", "6,000", 6000, "person", qualifier="more_than"),
    case("above 7% a year", "7%", 7, "percent", qualifier="more_than"),
    case("exceeding 8,000 people", "8,000", 8000, "person", qualifier="more_than"),
    case("more than $5 billion", "$5 billion", 5e9, "$", qualifier="more_than"),
    case("less than 9% of the total", "9%", 9, "percent", qualifier="less_than"),
    case("under 10% of respondents", "10%", 10, "percent", qualifier="less_than"),
    case("below 11% in March", "11%", 11, "percent", qualifier="less_than"),
    case("fewer than 12,000 arrivals", "12,000", 12000, "person", qualifier="less_than"),
    case("at least 5,000 people", "5,000", 5000, "person", qualifier="at_least"),
    case("no less than 6% of the budget", "6%", 6, "percent", qualifier="at_least"),
    case("not less than 7% a year", "7%", 7, "percent", qualifier="at_least"),
    case("up to 8,000 people", "8,000", 8000, "person", qualifier="up_to"),
    case("Settlers who reside in designated areas for over five years", "five", 5, "year",
         qualifier="more_than"),
    case("14,000 arrivals", "14,000", 14000, "person", qualifier=None),
    case("Moreover 5% said no", "5%", 5, "percent", qualifier=None),
]

ALL_CASES = (THOUSANDS_AND_DECIMALS + SIGNS + SCALES + SPELLED + MULTIPLIERS + PERCENT + RATES + UNITS
             + QUALIFIERS)


@pytest.mark.parametrize(("text", "span", "number", "unit", "expect"), ALL_CASES)
def test_value(text, span, number, unit, expect):
    m = _mention(text, span)
    assert m.text == text[m.start:m.end]
    assert m.number == pytest.approx(number, rel=1e-9)
    assert m.unit == unit
    for name, value in expect.items():
        assert getattr(m, name) == value, name


# --- texts that hold no value -------------------------------------------------------------

NOTHING = [
    # the unit a table counts in, in its header's bracket (Chinese releases count in 100 millions)
    nothing("Retail sales by county, 2021 (100 million yuan; growth, %):"),
    nothing("Grain output by prefecture (10 thousand tons)"),
    nothing("for half a day"),  # a fraction is a number only before a scale word
    nothing("half of respondents agreed"),
    # years and ranges of years
    nothing("in 2024"),
    nothing("see Table P1 and item P3"),  # a one-letter currency sign glued to a bare digit is a code
    nothing("Tuoi Tre News | 04/01/2025 10:12 GMT+7"),  # a time zone's offset
    nothing("June 29, 2022 | 04:15 pm GMT+7"),
    nothing("While the figure stood high in 2000"),
    nothing("Temporary increases were observed during 2006-2008 and 2017-2019"),
    nothing("a migration management strategy (2023–2027)"),
    nothing("Q1 2025 and H1 2024"),
    nothing("in the December 2024 quarter"),
    nothing("the 2019/20 season, 2019-20"),
    nothing("By mid-2024"),
    # dates and times
    nothing("Date of publication: 09.02.2026"),
    nothing("Date of next publication:\n11.11.2024"),
    nothing("published 09/02/2026"),
    nothing("as at 2025-05-01"),
    nothing("as of May 1, 2025"),
    nothing("as of 1 May 2025"),
    nothing("During a Sept. 20 briefing"),
    nothing("on 20 September"),
    nothing("the 1st of May"),
    nothing("Updated at 19:49"),
    nothing("at 10 a.m."),
    nothing("data for 12.2025"),
    # phones, postcodes, addresses
    nothing("Tel. +7 7172 749061"),
    nothing("Тел. +7 (7172) 749805"),
    nothing("phone 8 (7172) 749805"),
    nothing("call (202) 691-5200"),
    nothing("mobile: +7 701 123 45 67, London +44 20 7946 0958"),
    nothing("Address: 010000, Astana city"),
    nothing("postal index 050000, Almaty"),
    nothing("Mangilik el avenue, 8"),
    nothing("House of Ministries, Entrance 4"),
    nothing("House 12, office 305, Room 5"),
    # section numbers at line starts
    nothing("- 1. Key points\n- 2. Dynamic tables"),
    nothing("1. Key points\n2. Dynamic tables\n3. Glossary"),
    nothing("3.1 Methods"),
    nothing("5. Useful links"),
    # ages
    nothing("Young people aged 20 to 35 remained the most mobile"),
    nothing("the population aged 15-64"),
    nothing("persons ages 25 to 54"),
    # numbers inside words and codes
    nothing("influenced by COVID-19 restrictions"),
    nothing("ISO 3166 codes"),
    nothing("region KZ-59"),
    nothing("category A1"),
    nothing("E-mail: d.karabekova@aspire.gov.kz"),
    nothing("see https://stat.gov.kz/2024/5"),
    nothing("in the 1990s"),
    nothing("the 20th century"),
    nothing("Table 2.1 and Figure 3"),
    nothing("Page 3 of 12"),
    nothing("Article 12 of the Law"),
    nothing("Occitanie (NUTS 1 region FRJ)"),  # a classification level
    nothing("Decree No. 5 and № 12"),
    nothing("version 3.1.4"),
    nothing("Jan-2025"),
    # methodology denominators
    nothing("general annual migration intensity rates per 1.000 population"),
    nothing("rates per 100,000 population"),
    # spelled words that are not values
    nothing("one of the regions"),
    nothing("No one knows"),
    nothing("on the one hand"),
    nothing("Growth is becoming “one-sided”"),
    nothing("they help one another"),
    nothing("Formula One racing"),
    nothing("thousands of people and hundreds of migrants"),
    nothing("several times higher"),
    # a year of another calendar after "year"
    nothing("in the year 1402 and the year 1401"),
    nothing("the 20-35 age group", gap="an age range after the number is not recognised"),
]


@pytest.mark.parametrize("text", NOTHING)
def test_nothing(text):
    assert find_numbers(text) == []


# --- several mentions in one phrase -----------------------------------------------------------

SEVERAL = [
    mentions("up 1.5 times to 4,838 people", [("1.5 times", 1.5, "times"), ("4,838", 4838, "person")]),
    mentions("and China, up 4.4 times to 1,173 people",
             [("4.4 times", 4.4, "times"), ("1,173", 1173, "person")]),
    mentions("with 14,000 arrivals and 7,000 departures",
             [("14,000", 14000, "person"), ("7,000", 7000, "person")]),
    mentions("In 2024 12 700 people emigrated", [("12 700", 12700, "person")]),
    mentions("Seven in ten respondents", [("ten", 10, "person")]),
    mentions("rose 2-3% a year", [("2", 2, "percent"), ("3%", 3, "percent")]),
    mentions("from 5 to 10 people", [("5", 5, "person"), ("10", 10, "person")]),
    mentions("work permits for one to twelve months", [("one", 1, "month"), ("twelve", 12, "month")]),
    mentions("two or three times", [("two", 2, "times"), ("three times", 3, "times")]),
    mentions("Astana – 1.95%\n- Shymkent – 1.2%\n- Almaty – 0.79%",
             [("1.95%", 1.95, "percent"), ("1.2%", 1.2, "percent"), ("0.79%", 0.79, "percent")]),
    mentions("the cities of Astana (87459 people), Almaty (12110 people)",
             [("87459", 87459, "person"), ("12110", 12110, "person")]),
    mentions("The all items index rose 2.4 percent for the 12 months ending March",
             [("2.4 percent", 2.4, "percent"), ("12", 12, "month")]),
    mentions("Average hourly earnings rose by 13 cents, or 0.3 percent, to $36.00",
             [("13", 13, "cents"), ("0.3 percent", 0.3, "percent"), ("$36.00", 36, "$")]),
    mentions("StatCan: employment rose by 76,000 (+0.4%) in January",
             [("76,000", 76000, None), ("+0.4%", 0.4, "percent")]),
    mentions("a birth rate of 19.6 per 1,000 population", [("19.6", 19.6, "per_1000")]),
    # an age before "per thousand" is no rate
    mentions("11,9 deaths of infants under one year per thousand births", [("11,9", 11.9, None), ("one", 1, "year")]),
    mentions("between 5 and 10 percent", [("5", 5, "percent"), ("10 percent", 10, "percent")]),
    mentions("Between 2 and 3% of firms", [("2", 2, "percent"), ("3%", 3, "percent")]),
    mentions("between one and five percent of households", [("one", 1, "percent"), ("five percent", 5, "percent")]),
    mentions("prices rose between 1.5 and 2 per cent", [("1.5", 1.5, "percent"), ("2 per cent", 2, "percent")]),
    mentions("cells: 120 340 560", [("120", 120, None), ("340", 340, None), ("560", 560, None)],
             gap="3-digit numbers separated by single spaces are read as one space-grouped number"),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_several(text, expected):
    got = [(m.text, m.number, m.unit) for m in find_numbers(text)]
    assert got == [(s, pytest.approx(n), u) for s, n, u in expected]


# --- parse_decimal ------------------------------------------------------------------------------

@pytest.mark.parametrize(("s", "number"), [
    ("1,700", 1700), ("155,700", 155700), ("23 761", 23761), ("23\u202f761", 23761), ("23\u00a0761", 23761),
    ("1.000", 1000), ("20,7", 20.7), ("13,6", 13.6), ("0.34", 0.34), ("1,234.5", 1234.5),
    ("1.234,5", 1234.5), ("0.340", 0.34), ("1,5", 1.5), ("1,234,567", 1234567), ("1.234.567,89", 1234567.89),
    ("-5,057", -5057), ("+17,691", 17691), ("−0.3", -0.3), ("  42 ", 42), ("0", 0),
    # India's lakh and crore grouping: two-digit groups before the last three digits
    ("12,34,567", 1234567), ("3,49,120", 349120), ("1,23,45,678.50", 12345678.5),
], ids=str)
def test_parse_decimal(s, number):
    assert parse_decimal(s) == pytest.approx(number)


@pytest.mark.parametrize("s", ["", " ", "abc", "09.02.2026", "1,1,1", "1.2.3", "1,23.4", "12,34,5678", "1,234,56", "%",
                               "1e5", "--5", "5-", "1 2", "12 34", "1" * 41, None], ids=repr)
def test_parse_decimal_rejects(s):
    with pytest.raises(ValueError):
        parse_decimal(s)


# --- the seeds against their gold ---------------------------------------------------------------

GOLD = [d for d in gold_documents() if (FIXTURES / f"{d[0]}.json").exists()]  # the seeds


@pytest.mark.parametrize(("doc_id", "text", "facts"), GOLD, ids=[d for d, _, _ in GOLD])
def test_seed_gold_values_are_found(doc_id, text, facts):
    """Every gold value has a mention over its span with the same magnitude (signs from context
    such as "losing 32,970 people" are the fact layer's)."""
    found = find_numbers(text)
    for fact in facts:
        v = fact["value"]
        hits = [m for m in found if m.start < v["end"] and v["start"] < m.end
                and abs(m.number) == pytest.approx(abs(v["number"]), rel=1e-6)]
        assert hits, (doc_id, v)


@pytest.mark.parametrize(("doc_id", "text", "facts"), GOLD, ids=[d for d, _, _ in GOLD])
def test_seed_extra_mentions_are_durations_only(doc_id, text, facts):
    """Beyond the gold values, a seed yields only numbers labelled with a time unit
    ("the first four months", "up to five years"): no years, dates, phones, postcodes,
    section numbers, "per 1.000" or ages."""
    gold = [f["value"] for f in facts]
    for m in find_numbers(text):
        if not any(m.start < v["end"] and v["start"] < m.end for v in gold):
            assert m.unit in {"year", "month", "week", "day", "hour"}, (doc_id, m)


# --- properties ---------------------------------------------------------------------------------

_TOKENS = st.sampled_from([
    "0", "1", "7", "12", "000", "2024", "1,700", "20,7", "0.34", "1.000", " ", "\u00a0", "\u202f", ",", ".",
    "-", "+", "−", "–", "%", "‰", "$", "US$", "€", "₸", ":", "/", "(", ")", "\n", "\t", "~", "#", "№", "@",
    "one", "twenty", "-five", "hundred", "and a half", "thousand", "million", "bn", "k", "times", "-fold",
    "per", "per 1,000", "people", "tenge", "KZT", "years", "percent", "pp", "p.p.", "minus", "about",
    "more than", "up to", "aged", "May", "Sept.", "Tel.", "Address:", "avenue,", "of", "the", "x", "a.m.",
    "COVID-", "Q", "th", "s", "é", "Ω", "\u0301", "\x00",
])
_MIXED = st.lists(_TOKENS, max_size=40).map("".join) | st.text(max_size=200)


def _check_invariants(text: str) -> list:
    found = find_numbers(text)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert isinstance(m.number, float)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start, (a, b)
    return found


@given(_MIXED)
def test_spans_slice_back_and_never_overlap(text):
    _check_invariants(text)


@given(st.text())
def test_never_raises_on_any_text(text):
    _check_invariants(text)


@given(_MIXED | st.lists(_TOKENS, max_size=40).map(" ".join))
def test_table_shortcuts_read_what_the_full_reading_reads(text):
    """Between two numbers of a table ("23 410 24 105") the scanner skips reading the context
    (quiet_before, quiet_after); with those sets emptied it reads everything and must agree."""
    full = replace(lexicon(None), quiet_before=frozenset(), quiet_after=frozenset())
    assert _Scanner(text, lexicon(None)).run() == _Scanner(text, full).run()


_SEPARATORS = [",", ".", " ", "\u202f", "\u00a0"]


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from(_SEPARATORS))
def test_thousands_round_trip(n, sep):
    s = _group(n, sep)
    assert parse_decimal(s) == n
    found = find_numbers(f"the number reached {s} people")
    assert [(m.text, m.number, m.unit) for m in found] == [(s, float(n), "person")]


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99),
       st.sampled_from([1, 2]), st.booleans())
def test_decimal_comma_round_trip(whole, frac, places, dot_grouped):
    decimals = f"{frac % 10**places:0{places}d}"
    head = _group(whole, ".") if dot_grouped else str(whole)
    s = f"{head},{decimals}"
    value = float(Decimal(f"{whole}.{decimals}"))
    assert parse_decimal(s) == value
    found = find_numbers(f"prices rose by {s}%")
    assert [(m.text, m.number, m.unit) for m in found] == [(s + "%", value, "percent")]


_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int, hyphen: bool, with_and: bool) -> str:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words.append(f"{_ONES[hundreds - 1]} hundred")
    if rest:
        if hundreds and with_and:
            words.append("and")
        if rest < 10:
            words.append(_ONES[rest - 1])
        elif rest < 20:
            words.append(_TEENS[rest - 10])
        else:
            tens, ones = divmod(rest, 10)
            words.append(_TENS[tens - 2] + (("-" if hyphen else " ") + _ONES[ones - 1] if ones else ""))
    return " ".join(words)


@given(st.integers(min_value=1, max_value=999), st.booleans(), st.booleans(), st.booleans())
def test_spelled_round_trip(n, hyphen, with_and, capital):
    words = _spell(n, hyphen, with_and)
    if capital:
        words = words[0].upper() + words[1:]
    found = find_numbers(f"{words} people were surveyed")
    assert [(m.text, m.number, m.unit, m.spelled) for m in found] == [(words, float(n), "person", True)]


@pytest.mark.parametrize("text", [
    "7" * 200_000,
    "," * 200_000,
    "1," * 100_000,
    "1." * 100_000,
    "1" + ",000" * 50_000,
    "1 " * 20_000,
    "1 " * 50_000,
    "one " * 20_000,
    "a." * 100_000 + "@",
    "7" * 1_000_000,
], ids=["digits", "commas", "1,1,1", "1.1.1", "grouped", "spaced-digits", "spaced-digits-100KB", "spelled",
        "email-like",
        "1MB-digits"])
def test_linear_time(text):
    """A guard against quadratic paths, not a benchmark: generous bound."""
    started = time.perf_counter()
    _check_invariants(text)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("text", [
    "Nine services opened, TEL: 8 7172 749805, twenty-five people and a twofold rise of 1.234%",
    "Write to info5@stat.gov.kz or see WWW.stat.gov.kz/7 for 23 761 people (up 0,5 ‰)",
])
def test_case_folding_fallback_agrees(text):
    """Spelled numbers, phone words and URLs are found by plain searches in the case-folded text;
    when folding changes the text's length ("ß" -> "ss") the regex engine searches instead."""
    expected = [(m.text, m.number, m.unit) for m in find_numbers(text)]
    assert [(m.text, m.number, m.unit) for m in find_numbers("Straße. " + text)] == expected


# --- the lexicon ----------------------------------------------------------------------------------

def test_patterns_dir_is_used(tmp_path):
    shutil.copy(PATTERNS / "numbers.yaml", tmp_path / "numbers.yaml")
    text = (tmp_path / "numbers.yaml").read_text(encoding="utf-8")
    (tmp_path / "numbers.yaml").write_text(text.replace("people_words: [", "people_words: [\n  souls,"),
                                           encoding="utf-8")
    assert find_numbers("12 souls")[0].unit is None
    assert find_numbers("12 souls", patterns_dir=tmp_path)[0].unit == "person"


def test_unquoted_yaml_boolean_is_refused(tmp_path):
    text = (PATTERNS / "numbers.yaml").read_text(encoding="utf-8")
    text = text.replace('one_blockers_before: ["no",', "one_blockers_before: [no,")
    (tmp_path / "numbers.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PatternError, match="quote it"):
        find_numbers("one person", patterns_dir=tmp_path)


def test_missing_section_is_refused(tmp_path):
    (tmp_path / "numbers.yaml").write_text("spelled: {}\n", encoding="utf-8")
    with pytest.raises(PatternError, match="missing"):
        find_numbers("5 people", patterns_dir=tmp_path)


def _ascii_lookalikes() -> dict[str, str]:
    """Non-ASCII letters the case-insensitive rules match as ASCII ones ("ſ" as s, the Kelvin sign as k)."""
    import regex

    any_letter = regex.compile("(?i)[a-z]")
    found = {}
    for code in range(0x80, 0x110000):
        ch = chr(code)
        if any_letter.fullmatch(ch):
            found[ch] = next(c for c in "abcdefghijklmnopqrstuvwxyz" if regex.fullmatch(f"(?i){c}", ch))
    return found


def test_lookalike_table_lists_every_letter_case_insensitive_matching_folds_to_ascii():
    from extractor.numbers_lexicon import _LOOKALIKES

    assert {chr(k): v for k, v in _LOOKALIKES.items()} == _ascii_lookalikes()


@pytest.mark.parametrize("text", ["six people", "5 pps", "seven thousand", "twenty-six", "15 percent",
                                  "2.8 times fewer", "up by 3 thousand tenge", "Table 3 pps", "minus 5 KZT"])
def test_case_insensitive_lookalike_letters_never_break_the_lexicon_lookups(text):
    for odd, letter in _ascii_lookalikes().items():
        variant = text.replace(letter, odd).replace(letter.upper(), odd)
        find_numbers(variant)  # no KeyError: lookups fold case the way the patterns do
    assert [n.number for n in find_numbers("ſix people")] == [6]
