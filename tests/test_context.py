"""The context in force, end to end through ``extract``: one row per phrasing, in the styles of
statistical releases and news (FACTS.md, "Where a fact's period, region and indicator come from",
"Stocks and flows", "Units and measures").

Each row: a text, the text of the value it is about, and only the attributes the row is about.
Known gaps are strict xfails with the reason, so a fix fails loudly until the row is moved.
"""

from __future__ import annotations

import pytest

from extractor import extract

from .helpers import fact_attrs


def case(text, value, *, gap=None, **expected):
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    about = ",".join(expected)
    return pytest.param(text, value, expected, id=f"{value}|{about}|{text[:40]}", marks=marks)


def fact_for(text, value):
    """The first fact whose value reads ``value`` (exactly, else containing it)."""
    facts = extract(text)
    found = [f for f in facts if f.value.text == value] or [f for f in facts if value in f.value.text]
    assert found, f"no fact for {value!r} in {[f.value.text for f in facts]}"
    return found[0]


# --- the period in force: a title's, a lead's, a fronted one --------------------------------

TJ_BIRTHS = ("Tajikistan registered 118,400 births in January-June 2024, 2.1% fewer than a year earlier.\n\n"
             "Deaths numbered 17,900.\n\n"
             "Most births were recorded in:\n- Khatlon region – 41,200;\n- Sughd region – 30,700.")
AZ_TRADE = "Foreign trade of Azerbaijan, January-March 2022\n\nExports amounted to 7.2 billion US dollars.\n\n" \
           "Imports reached 3.4 billion US dollars."
KZ_SETTLED = ("3,400 people settled in Kazakhstan in the first quarter of 2022, the statistics bureau said.\n\n"
              "Most of them came from Uzbekistan, 1,900 people, and from Russia, 800 people.")
AM_MARRIAGES = "In 2022 the number of marriages in Armenia was 17,600.\n\nIn 2023 it was 16,900.\n\n" \
               "Divorces numbered 4,100."
KZ_BIRTHS = "In 2023, births in Kazakhstan numbered 389,000.\n\nCompared with 2021, births fell by 12%.\n\n" \
            "Deaths totalled 133,000."

PERIOD_IN_FORCE = [
    # a news lead's "last year" holds for the article, not a record year named after it
    case("Visitor numbers slip\n\nBy Lee Min-ho | Jeju Herald | January 4, 2018\n\nJeju Island welcomed "
         "13,200,000 visitors last year, 2.1 percent fewer than in 2016, the tourism association said on Monday."
         "\n\nForeign arrivals reached 1,900,000, far below the record 3,100,000 set in 2015.\n\nChinese visitors "
         "numbered 650,000.", "650,000", period=("2017-01-01", "2017-12-31")),
    # an employment service's records: the unemployed are a registered stock on the day, for the sentences after
    case("Labour market in Kragujevac, 2015\n\nNational Employment Service – Branch Kragujevac, 20.01.2016\n\nOn "
         "31.12.2015 on the records of the Branch were 24.310 unemployed persons, which is 3,1% less than a year "
         "before.\n\nOf the total number of unemployed, women are 12.902.", "12.902", key="registered_unemployed",
         period=("2015-12-31", "2015-12-31")),
    # a compared figure with its currency after the scale; a harvest compared with the one before
    case("In 2012 the exports of goods established themselves at 4 520,7 billion FCFA against 4 318,2 billion FCFA "
         "in 2011, that is a rise of 4,7%. The imports attained 1 683,5 billion FCFA.", "1 683,5 billion",
         period=("2012-01-01", "2012-12-31")),
    case("In the harvest 2016 the production of maize of the province ascended to 2 millions 140 thousand tons, a "
         "diminution of 3,2% in comparison with the harvest 2015. The harvested area was of 310,5 thousand "
         "hectares.", "310,5 thousand", period=("2016-01-01", "2016-12-31")),
    case(TJ_BIRTHS, "17,900", key="deaths", period=("2024-01-01", "2024-06-30")),
    case(TJ_BIRTHS, "41,200", key="births", region="TJ-KT", period=("2024-01-01", "2024-06-30")),
    case(TJ_BIRTHS, "30,700", region="TJ-SU", period=("2024-01-01", "2024-06-30")),
    case(AZ_TRADE, "3.4 billion", key="imports", region="AZ", period=("2022-01-01", "2022-03-31")),
    case("Kazakhstan, January-June 2024\n\nIn the first half of the year 68,200 marriages were registered.",
         "68,200", key="marriages", period=("2024-01-01", "2024-06-30")),
    case(KZ_SETTLED, "1,900", region="KZ", partner="UZ", period=("2022-01-01", "2022-03-31")),
    case(KZ_SETTLED, "800", partner="RU", period=("2022-01-01", "2022-03-31")),
    case(AM_MARRIAGES, "16,900", key="marriages", period=("2023-01-01", "2023-12-31")),
    case(AM_MARRIAGES, "4,100", key="divorces", period=("2023-01-01", "2023-12-31")),
    # a reference period ("Compared with 2021") never becomes the period in force
    case(KZ_BIRTHS, "12%", period=("2023-01-01", "2023-12-31"), reference=("2021-01-01", "2021-12-31")),
    case(KZ_BIRTHS, "133,000", key="deaths", period=("2023-01-01", "2023-12-31")),
    case("The unemployment rate in Canada was 6.2% in May 2024. Employment rose by 27,000.", "27,000",
         key="employment", measure="change", period=("2024-05-01", "2024-05-31")),
    # a publication date dates the document, not a fact; it resolves "this year"
    case("Date of publication: 14.03.2024\n\nThe number of marriages registered was 17,000.", "17,000",
         period=None),
    case("ASTANA, 2 March 2019 – In January of this year, 1,100 people left Kazakhstan.", "1,100",
         region="KZ", period=("2019-01-01", "2019-01-31")),
    case("In 2023 births in Kazakhstan numbered 389,000.", "389,000", period=("2023-01-01", "2023-12-31")),
    case("Armenia's unemployment rate fell to 12.6% in the third quarter of 2023. This indicator was 13.5% "
         "a year earlier.", "13.5%", key="unemployment_rate", period=("2022-07-01", "2022-09-30"),
         gap="a level followed by 'a year earlier' keeps the period in force: the trailing relative year is "
             "read as a reference, not as the level's own period"),
]

# --- stocks and flows -----------------------------------------------------------------------

CA_Q2 = ("Population estimates, second quarter 2023\n\nAs of July 1, 2023, the population of Canada was "
         "40,097,761, an increase of 285,000 from April 1. The country received 120,000 immigrants during "
         "the quarter.")
CA_Q1 = ("Canada's population estimates, first quarter 2024\n\nCanada's population was estimated at 41,012,000 "
         "on April 1, 2024, up 242,700 from January 1. Canada received 121,800 immigrants in the quarter.\n\n"
         "Alberta's population reached 4,800,000 on April 1. The province received 11,100 immigrants.")
PAVLODAR_8M = "In January–August 2024, 2,100 people arrived in Pavlodar region and 4,900 left it.\n\n" \
              "The region's population now stands at 745,000."

STOCKS_AND_FLOWS = [
    case(CA_Q2, "40,097,761", measure="level", key="population", period=("2023-07-01", "2023-07-01")),
    case(CA_Q2, "285,000", measure="change", period=("2023-04-01", "2023-06-30"), reference=None),
    case(CA_Q2, "120,000", key="immigration", period=("2023-04-01", "2023-06-30")),
    case(PAVLODAR_8M, "2,100", key="immigration", period=("2024-01-01", "2024-08-31")),
    case(PAVLODAR_8M, "745,000", key="population", period=("2024-09-01", "2024-09-01")),
    case("Georgia's population was 3,694,600 as of January 1, 2024, Geostat reported. Compared with January 1, "
         "2023, it grew by 5,900, or 0.2%.", "5,900", measure="change", direction="increase",
         period=("2024-01-01", "2024-01-01"), reference=("2023-01-01", "2023-01-01")),
    case("The population of Uzbekistan reached 37.5 million as of July 1, 2024. Since January 1, the population "
         "has increased by 400,000.", "400,000", period=("2024-01-01", "2024-06-30"), reference=None),
    case("As of 1 October 2023 the population of Kazakhstan was 20.0 million people. Since the beginning of the "
         "year it has grown by 185,000.", "185,000", measure="change", period=("2023-01-01", "2023-09-30")),
    case("The population of Astana reached 1,423,700 people as of June 1, 2024. Since January 1, it has grown "
         "by 69,100 people, or 5.1%.", "5.1%", measure="change", region="KZ-71",
         period=("2024-01-01", "2024-05-31")),
    case(CA_Q1, "41,012,000", measure="level", period=("2024-04-01", "2024-04-01")),
    case(CA_Q1, "242,700", measure="change", period=("2024-01-01", "2024-03-31")),
    case(CA_Q1, "242,700", reference=None),
    case(CA_Q1, "121,800", key="immigration", period=("2024-01-01", "2024-03-31")),
    case(CA_Q1, "4,800,000", region="CA-AB", period=("2024-04-01", "2024-04-01")),
    case(CA_Q1, "11,100", region="CA-AB", period=("2024-01-01", "2024-03-31")),
    # survey estimates (the employed) cover their quarter
    case("The number of employed in Georgia averaged 1,220,000 in the second quarter of 2024, up 2.5% on a year "
         "earlier.", "1,220,000", measure="level", period=("2024-04-01", "2024-06-30")),
]

# --- price indices: the 12 months ending with the month, or the month itself ----------------

PRICES = [
    # "over one year" is an annual rate, "over one month" a monthly one (translated French releases)
    case("Consumer prices in Pointe-Noire, November 2020\n\nOver one month, prices rose 0,4%. Over one year, the "
         "prices of food products augmented by 3,6%.", "3,6%", period=("2019-12-01", "2020-11-30")),
    # translated releases drop the article ("the same month of previous year"); a second value's rate words
    # follow it, not the first value's before "and"; "in the same comparison" keeps the sentence's basis
    case("Consumer prices, May 2018\n\nIn May 2018 the consumer price index rose 0,6 percent in comparison with "
         "previous month and by 5,2 percent in comparison with the same month of previous year.\n\nPrices of "
         "services rose 3,1 percent in the same comparison.", "5,2 percent", period=("2017-06-01", "2018-05-31")),
    case("Consumer prices, May 2018\n\nIn May 2018 the consumer price index rose 0,6 percent in comparison with "
         "previous month and by 5,2 percent in comparison with the same month of previous year.\n\nPrices of "
         "services rose 3,1 percent in the same comparison.", "3,1 percent", period=("2017-06-01", "2018-05-31")),
    case("Consumer prices, May 2018\n\nIn May 2018 the consumer price index rose 0,6 percent in comparison with "
         "previous month and by 5,2 percent in comparison with the same month of previous year.", "0,6 percent",
         period=("2018-05-01", "2018-05-31")),
    case("Annual inflation in Armenia was 3.1% in November 2023. Consumer prices rose 0.4% on the month.", "3.1%",
         measure="change", key="cpi", period=("2022-12-01", "2023-11-30")),
    case("Annual inflation in Armenia was 3.1% in November 2023. Consumer prices rose 0.4% on the month.", "0.4%",
         measure="change", period=("2023-11-01", "2023-11-30")),
    case("Annual inflation eased to 1.9% in November 2023, down from 2.2% in October.", "2.2%",
         measure="change", period=("2022-11-01", "2023-10-31")),
    case("Prices rose 4.9% in the 12 months to August 2023, the Office for National Statistics said.", "4.9%",
         region="GB", period=("2022-09-01", "2023-08-31")),
    case("Prices rose 4.9% over the year to August 2023, the Office for National Statistics said.", "4.9%",
         period=("2022-09-01", "2023-08-31"),
         gap="'over the year to August 2023' is not found as a period: the value gets none"),
    case("The consumer price index rose 3.2% year on year in the third quarter of 2023.", "3.2%",
         measure="change", period=("2022-10-01", "2023-09-30")),
    case("The consumer price index in Uzbekistan was 0.8% in March 2024 compared with February.", "0.8%",
         measure="change", period=("2024-03-01", "2024-03-31")),
    case("Monthly inflation in Georgia was 0.5% in September 2023, annual inflation 2.9%.", "2.9%",
         period=("2022-10-01", "2023-09-30")),
    case("Monthly inflation in Georgia was 0.5% in September 2023, annual inflation 2.9%.", "0.5%",
         period=("2023-09-01", "2023-09-30"),
         gap="annual or monthly is decided by the nearest rate word in characters: 'annual' of the next clause "
             "beats 'Monthly' of the value's own subject"),
    # a year-on-year change of a flow keeps the flow's own period
    case("Georgia's GDP grew 7.5% in the second quarter of 2023 compared with the same quarter of 2022.", "7.5%",
         key="gdp", period=("2023-04-01", "2023-06-30"), reference=("2022-04-01", "2022-06-30")),
]

# --- the region in force, and the partners that never become it -----------------------------

PAVLODAR = "Pavlodar region shed 2,900 residents through migration in January-June 2023.\n\n" \
           "Arrivals totalled 9,100 people, while 12,000 people departed."
PAVLODAR_KOSTANAY = ("Pavlodar region shed 2,900 residents through migration in 2023. Arrivals totalled 9,100 "
                     "people.\n\nKostanay region lost 3,100 residents. Arrivals there numbered 5,000 people.")
KZ_BALANCES = "Migration balance by region in 2023: Akmola region (-1,240 people, -3.5%), Kostanay region" \
              "(-980 people, -6.1%)."

REGION_IN_FORCE = [
    case(PAVLODAR, "9,100", region="KZ-55", period=("2023-01-01", "2023-06-30")),
    case(PAVLODAR, "12,000", region="KZ-55"),
    case(PAVLODAR_KOSTANAY, "5,000", region="KZ-39"),
    case("Pavlodar region shed 2,900 residents through migration in 2023.\n\nNationwide, 14,000 people arrived "
         "from abroad.", "14,000", region="KZ"),
    case("Unemployment in Almaty region, second quarter 2024\n\nThe unemployment rate was 4.7%. The number of "
         "unemployed was 48,200 people.", "48,200", region="KZ-19", period=("2024-04-01", "2024-06-30")),
    case("Turkistan region lost 5,300 people to migration in 2023.\n\nThe region's birth rate was 26.1 per 1,000 "
         "population.", "26.1", region="KZ-61", measure="rate"),
    # a partner is a breakdown, never the region in force
    case("Kazakhstan: most emigrants in 2023 went to Russia, 9,000 people.\n\nArrivals from abroad totalled "
         "14,000 people.", "9,000", region="KZ", partner="RU"),
    case("Kazakhstan: most emigrants in 2023 went to Russia, 9,000 people.\n\nArrivals from abroad totalled "
         "14,000 people.", "14,000", region="KZ", partner=None),
    case("Georgia's trade with the EU grew 8.4% in 2023. Exports reached $1.1 billion.", "$1.1 billion",
         region="GE", partner=None),
    case("Georgia's trade with the EU grew 8.4% in 2023. Exports reached $1.1 billion.", "8.4%",
         region="GE", partner="EU"),
    case("Trade with the EU grew 8.4% in 2023, Geostat reported. Exports reached $3.1 billion.", "$3.1 billion",
         region="GE"),
    case("Trade with EU countries grew 8.4% in 2023, Geostat reported. Exports reached $3.1 billion.",
         "$3.1 billion", region="GE"),
    # REGION (v1, v2), with and without a space; REGION: v; REGION – v; v in REGION
    case(KZ_BALANCES, "-3.5%", region="KZ-11"),
    case(KZ_BALANCES, "-980", region="KZ-39", number=-980),
    case(KZ_BALANCES, "-6.1%", region="KZ-39"),
    case("Shymkent (+14,210 people) and Astana(+12,050 people) gained the most residents in 2023.", "+12,050",
         region="KZ-71", measure="change", direction="increase"),
    case("Births by region in 2024, Kyrgyzstan. Jalal-Abad region: 26,180 births; Osh region: 26,870 births.",
         "26,870", region="KG-O", key="births"),
    case("Net migration gain: Astana – 14,870 people, Almaty – 9,310 people.", "9,310", region="KZ-75"),
    case("In March 2024 the unemployment rate stood at 4.9% in Almaty.", "4.9%", region="KZ-75",
         period=("2024-03-01", "2024-03-31")),
    case("The unemployment rate in the EU stood at 6.0% in October 2023, compared with 6.1% in the euro area.",
         "6.1%", region="EA"),
    # a dateline's city is where the report was filed, not where values are measured
    case("ALMATY, 12 March 2024 – In 2023, 397,000 people moved within Kazakhstan, the statistics bureau said. "
         "Arrivals from abroad numbered 14,000.", "14,000", region="KZ", period=("2023-01-01", "2023-12-31")),
    case("BISHKEK — In January-March 2024 the average monthly wage was 33,600 soms, the National Statistical "
         "Committee said.", "33,600", region="KG", unit="soms"),
    case("SHYMKENT, 5 April 2024. The population of Turkistan region reached 2,150,000 as of March 1, 2024.",
         "2,150,000", region="KZ-61", period=("2024-03-01", "2024-03-01")),
    # a place with no code is the region in force when a title or a lead is about it
    case("Consumer prices in the city of Rosario (Argentina), March 2019\n\nIn March 2019 consumer prices rose 4.1% "
         "on the month.\n\nThe annual rate reached 52.3%.", "52.3%", region=None, region_name="city of Rosario"),
    # (under a scraped page's menu, a headline with no place leaves the subject to the lead)
    case("Economia|Inflação\nHome›Economia\nCost of living rises 5.2% in 2019\nRecife,January 4,2020|Jornal do "
         "Commercio|Compartilhar\nThe cost of living in the city of Recife rose 5.2% in 2019,more than in Brazil "
         "as a whole,according to the municipal institute.In 2018,the index had risen 3.9%.", "3.9%", region=None,
         region_name="city of Recife"),
    # later in the text, such a place is its own values' only
    case("Tasmania's population grew 1.1% in 2020.\n\nGreater Hobart (252,700) grew fastest. The state's 541,000 "
         "residents make up 2.1% of the national population.", "541,000", region="AU-TAS"),
]

# (a country opening an institution's name is no value's region, a region opening one may be the subject; the
# Philippines' island groups have no code, "Central Visayas" is a region)
INSTITUTIONS_AND_ISLANDS = [
    # a place after a newspaper's word names the paper ("DAILY SABAH" is Istanbul's, not Malaysia's state)
    case("DAILY SABAH|Business|Economy\nExports hit record\nISTANBUL|Jan 3,2023 10:02 am|DAILY SABAH WITH AA\n"
         "Türkiye's exports rose 12.9%to $254.2 billion in 2022,the exporters' assembly said.Imports rose 34%.",
         "34%", region="TR"),
    case("Industry and energy in Zonguldak province, 2014\n\nThe production of saleable hard coal of the Turkish Hard "
         "Coal Enterprise (TTK) in the province realized in the year 2014 as 1 million 264 thousand tonnes.",
         "1 million 264 thousand", region="TR-67"),
    case("Philippine power output rose in 2012\n\nMANILA — Power generation in the country rose 5.1% in 2012. "
         "Mindanao generated 9,540 gigawatt-hours, up 2.3%.", "9,540", region=None),
    case("Central Visayas economy grows 6.8% in 2024\n\nCENTRAL Visayas' economy expanded by 6.8 percent in 2024.",
         "6.8 percent", region="PH-07"),
]

# (an indicator named as a cause after the value is not what it measures: "hit by lower oil output", "as oil and gas
# production declined", "on the back of higher coal and natural gas output"; an indicator after "classified as" is)
CAUSES = [
    case("State GDP of Mexico in 2022\n\nThe economy of Campeche shrank 3.4%, hit by lower oil output.", "3.4%",
         key="gross_regional_product"),
    case("Regional GDP 2018\n\nTaranaki's gross domestic product fell 2.1 percent to $9.1 billion as oil and gas "
         "production declined.", "2.1 percent", key="gross_regional_product"),
    case("Mozambique GDP, third quarter of 2017\n\nThe economy grew 2.6 percent, with the extractive industry up 28.7 "
         "percent on the back of higher coal and natural gas output.", "2.6 percent", key="gdp"),
    case("Labour force of Sakha (Yakutia), April-June 2022\n\nThe labour force made 485,3 thousand persons, of them "
         "458,1 thousand persons were classified as employed.", "458,1 thousand", key="employment"),
    # energy in physical units
    case("Zonguldak province, 2014\n\nThe electricity production of the thermal power plants amounted to 13 248 GWh.",
         "13 248", key="electricity_production"),
    case("Trinidad and Tobago energy, 2011\n\nNatural gas production averaged 4,100 million standard cubic feet "
         "a day.", "4,100 million", key="natural_gas_production"),
]

# machine-translated comparisons ("superior a", "inferior a"): a change against the year named, in the year in force
TRANSLATED_COMPARISONS = [
    case("Agriculture of Paraná, 2012\n\nThe production of grains in the year 2012 totalized 33,6 million tons, "
         "volume 5,8% superior to that of 2011.", "5,8%", measure="change", direction="increase",
         period=("2012-01-01", "2012-12-31"), reference=("2011-01-01", "2011-12-31")),
    case("Agriculture of Paraná, 2012\n\nExports were 3,1% inferior to those of 2011.", "3,1%", measure="change",
         direction="decrease", period=("2012-01-01", "2012-12-31")),
]

# --- the indicator in force, anaphora -------------------------------------------------------

INDICATOR_IN_FORCE = [
    case("The unemployment rate in Georgia was 16.4% in 2023.\n\nThe figure was 0.9 percentage points lower "
         "than in 2022.", "0.9 percentage points", key="unemployment_rate", measure="change",
         direction="decrease"),
    case("The unemployment rate in Georgia was 16.4% in 2023.\n\nA year earlier the figure stood at 17.3%.",
         "17.3%", key="unemployment_rate", measure="level", period=("2022-01-01", "2022-12-31")),
    case("The natural increase in Uzbekistan was 612,300 people in 2024. In 2023 this indicator was 640,100.",
         "640,100", key="natural_increase", period=("2023-01-01", "2023-12-31")),
    case("Kazakhstan: the average monthly wage in the third quarter of 2023 was 346,000 tenge.\n\nIn Astana the "
         "figure was 1.3 times higher than the national average.", "1.3 times", key="wages", region="KZ-71",
         measure="change", direction="increase"),
    case("In 2023, 16,000 people left Kazakhstan for permanent residence abroad. Of those who left, 11,300 went "
         "to Russia.", "11,300", key="emigration", partner="RU"),
    case("In 2023, 16,000 people emigrated from Kazakhstan, of which 11,300 went to Russia.", "11,300",
         key="emigration", partner="RU"),
    case("In 2023 in Astana the number of births increased by 4.1%, while in Almaty it decreased by 1.8%.",
         "1.8%", key="births", region="KZ-75", direction="decrease"),
    case("Net migration in Kazakhstan was negative in 2023. The drop amounted to 9,800 people.", "9,800",
         key="net_migration", measure="change", direction="decrease"),
    case("Kyrgyzstan's industrial output grew 9.2% in January-May 2024.\n\nAgricultural output rose 2.1%.",
         "2.1%", key="agricultural_production", period=("2024-01-01", "2024-05-31")),
]

# --- the indicator from the clause's subject, where the vocabulary names none -------------------
# (indicator text, key): FACTS.md "else of its sentence's subject"; a subject with no noun of a measure is a part of
# the indicator in force ("Construction rose") or refers back to it, which then holds

SUBJECTS = [
    ("Housing market of Bogotá, 2009\n\nLaunches of new projects reached 27,985 units, down 14.6%, and the supply "
     "available for sale closed the year at 19,334 units.", "27,985", ("Launches of new projects", None)),
    ("Housing market of Bogotá, 2009\n\nLaunches of new projects reached 27,985 units, down 14.6%, and the supply "
     "available for sale closed the year at 19,334 units.", "14.6%", ("Launches of new projects", None)),
    ("Housing market of Bogotá, 2009\n\nLaunches of new projects reached 27,985 units, down 14.6%, and the supply "
     "available for sale closed the year at 19,334 units.", "19,334", ("the supply available for sale", None)),
    ("Housing market of Bogotá, 2009\n\nThe value of sales reached COP 3.87 trillion.", "COP 3.87 trillion",
     ("The value of sales", None)),
    # a fronted period is no part of the subject
    ("Port of Aqaba\n\nIn January-June 2019 the number of cruise calls reached 41.", "41",
     ("the number of cruise calls", None)),
    # a later clause with a subject of its own does not take the first one's (the title's indicator holds)
    ("Housing starts in Japan, 2020\n\nStarts of owner-occupied houses dropped 7.1% to 261,088 and rental housing "
     "slid 10.4% to 306,753.", "306,753", ("Housing starts", "housing_starts")),
    # parts of the indicator in force, and words that refer back, leave it in force
    ("Armenia GDP grew 7.6% in 2019.\n\nConstruction rose by 4.6%, while agriculture contracted by 4.2%.", "4.6%",
     ("Construction", "gross_value_added")),
    ("The consumer price index rose 0.8% in March 2024. On the month, package holidays rose 9.2 per cent.",
     "9.2 per cent", ("consumer price index", "cpi")),
]


@pytest.mark.parametrize(("text", "value", "expected"), SUBJECTS, ids=[f"{v}|{t[:40]}" for t, v, _ in SUBJECTS])
def test_indicator_from_subject(text, value, expected):
    fact = fact_for(text, value)
    got = (fact.indicator.text, fact.indicator.key) if fact.indicator else None
    assert got == expected


# --- units and measures ---------------------------------------------------------------------

MEASURES = [
    case("Employment in Canada rose by 41,000, or 0.2%, in May 2024.", "0.2%", measure="change",
         direction="increase", key="employment"),
    case("Ontario accounted for 52.1% of the national population increase in 2023.", "52.1%", measure="share",
         region="CA-ON"),
    case("In 2023 Almaty received 11,400 immigrants (or 9.4% of the national total).", "9.4%", measure="share",
         key="immigration"),
    case("Ontario's population rose by 190,000 in 2023, and 61% of the increase came from international "
         "migration.", "61%", measure="share"),
    case("Food and non-alcoholic beverages added 0.39 percentage points to the annual rate of inflation in March "
         "2024.", "0.39 percentage points", measure="share", unit="percentage_point"),
    case("Armenia's GDP grew 8.3% in 2023. Industry contributed 1.9 percentage points to the growth.",
         "1.9 percentage points", measure="share", key="gdp"),
    case("Armenia's consumer prices rose 2.1% in 2023. Transport subtracted 0.2 percentage points from the annual "
         "rate.", "0.2 percentage points", measure="share", number=-0.2),
    case("In Kostanay region, deaths exceeded births by 860 in 2023.", "860", key="natural_increase", number=-860,
         measure="level", region="KZ-39"),
    case("Kostanay region's population fell by 4,100 in January-September 2023, the regional statistics "
         "department said.\n\nDeaths exceeded births by 310.", "310", key="natural_increase", number=-310,
         region="KZ-39", period=("2023-01-01", "2023-09-30")),
    case("Kostanay region: in January-September 2023 the population fell by 4,100 people.\n\nDepartures exceeded "
         "arrivals by 3,790 people.", "3,790", key="net_migration", number=-3790, measure="level"),
    # the level a change reached is the same indicator's; a noun after "to" is not the value's own
    case("In 2023 exports grew by 57.9% to $8.4 billion, and imports increased by 41.9% to $10.9 billion.",
         "$8.4 billion", key="exports", measure="level"),
    case("Net migration contributed 105,900 to population growth in 2023.", "105,900", key="net_migration"),
    # a price rate: the word after the value, or a noun naming the change, gives the direction
    case("Producer prices, March 2023\n\nMineral oil products were 3.9% cheaper than in March 2022.", "3.9%",
         measure="change", direction="decrease"),
    case("Producer prices, March 2023\n\nProducer prices fell sharply. The drop amounted to 2.6%.", "2.6%",
         measure="change", direction="decrease"),
    # a bare "turnover" after the foreign trade turnover is that turnover
    case("In January-June 2016 foreign trade turnover amounted to USD 8 140.7 million. Compared with January-June "
         "2015, turnover decreased by 33.1%.", "33.1%", key="foreign_trade", measure="change", direction="decrease"),
    # a demonym after a value counts people
    case("In 2023 the state's population fell to 1.77 million West Virginians.", "1.77 million", unit="person"),
    case("In 2023, 10.2 thousand Kyrgyzstanis moved abroad.", "10.2 thousand", unit="person"),
    # "highest" and "lowest" rank values; they are no direction
    case("Annual inflation in August 2021 was highest in Imereti (14.1%) and lowest in Kakheti (11.6%).", "11.6%",
         measure="change", direction="increase", region="GE-KA"),
    # an area word that ends the item before belongs to it: "X lived in urban areas and Y in rural areas"
    case("As of 1 April 2024, the population was 20 090 316 people, of whom 12 456 110 lived in urban areas and "
         "7 634 206 in rural areas.", "7 634 206", key="rural_population"),
    # a generic word takes the family key the text is about, across paragraphs
    # (the index is reported by the quantity it measures: reported_as in indicator_keys.yaml)
    case("In February 2024 the industrial production index decreased by 1.2% compared with the previous month."
         "\n\nThe calendar adjusted index decreased by 3.1% compared with February 2023.", "3.1%",
         key="industrial_production", period=("2024-02-01", "2024-02-29")),
    # a headline figure above the lead takes the lead's period (its stock date for a stock)
    case("Population of Kyrgyzstan exceeds 7.2 million\n\nAs of January 1, 2024, the permanent population of the "
         "Kyrgyz Republic amounted to 7,162.7 thousand people.", "7.2 million", period=("2024-01-01", "2024-01-01")),
    case("Kazakhstan's exports fall 8%\n\nIn January-June 2024, exports amounted to $38.2 billion.", "8%",
         period=("2024-01-01", "2024-06-30")),
    # "over the year" beside a stock's date: the year up to the day before it
    case("The population of Kazakhstan reached 20,286,084 people as of January 1, 2025, up 1.3% over the year.",
         "1.3%", measure="change", period=("2024-01-01", "2024-12-31")),
    # "at that date": the day the stretch just stated ends, for the stock and the stocks after it
    case("Tasmania's population grew by 5,600 people in the year to 30 June 2020, bringing the total to 541,479 "
         "at that date.", "541,479", period=("2020-06-30", "2020-06-30")),
    # one flow over another with words between: the balance, signed by which is larger
    case("In the region deaths there exceeded births by 160 in 2018.", "160", key="natural_increase", number=-160,
         measure="level"),
    case("In 2023 births in Shymkent again exceeded deaths by 21,400.", "21,400", key="natural_increase",
         number=21400, measure="level"),
    case("Imports of goods once more exceeded exports by $1.2 billion.", "$1.2 billion", key="trade_balance",
         number=-1_200_000_000, measure="level"),
    case("Kazakhstan's net migration was negative at 9,800 people in 2023.", "9,800", key="net_migration",
         number=-9800, measure="level"),
    case("In 2023 the number of emigrants from Kazakhstan to Germany was 1.4 times smaller than in 2022.",
         "1.4 times", measure="change", direction="decrease", unit="times"),
    case("In 2023 Kazakhstan received 2.8 times fewer migrants from China than in 2022.", "2.8 times",
         direction="decrease", partner="CN"),
    case("In January-June 2024 the number of arrivals in Kyrgyzstan was 1.8 times smaller than in January-June "
         "2023.", "1.8 times", direction="decrease", reference=("2023-01-01", "2023-06-30")),
    case("Average monthly wages in Tajikistan reached 2,410 somoni in 2023, 1.2 times more than in 2022.",
         "1.2 times", direction="increase", key="wages"),
    case("Internal migration in Uzbekistan rose 3.7-fold in 2023.", "3.7-fold", measure="change",
         direction="increase", unit="times"),
    case("In 2023 the crude birth rate in Kyrgyzstan was 22.3 per 1,000 population.", "22.3", measure="rate",
         unit="per_1000", key="birth_rate"),
    case("In 2023 the infant mortality rate in Tajikistan was 13.2 per 1,000 live births.", "13.2",
         measure="rate", unit="per_1000"),
    case("In 2023 Turkistan region had a birth rate of 26.1 per 1,000 people, and Astana 24.8 per 1,000.",
         "24.8", measure="rate", region="KZ-71"),
    case("Birth rates per 1,000 population in 2023 were highest in:\n- Turkistan region – 26.1;\n- Mangystau "
         "region – 25.3.", "25.3", measure="rate", unit="per_1000", region="KZ-47"),
    case("Birth rates per 1,000 population in 2023 were highest in:\n- Turkistan region – 26.1;\n- Mangystau "
         "region – 25.3.", "25.3", key="birth_rate",
         gap="a list item takes its lead-in's last indicator, the rate's base ('per 1,000 population'), not "
             "'Birth rates'"),
]


@pytest.mark.parametrize(("text", "value", "expected"),
                         PERIOD_IN_FORCE + STOCKS_AND_FLOWS + PRICES + REGION_IN_FORCE + INDICATOR_IN_FORCE
                         + MEASURES + INSTITUTIONS_AND_ISLANDS + CAUSES
                         + TRANSLATED_COMPARISONS)
def test_context_in_force(text, value, expected):
    got = fact_attrs(fact_for(text, value))
    assert {k: got[k] for k in expected} == expected


# A byline's town, with the weekday before its date, is where the paper is; a place opening an outlet's or an
# office's name is no subject (FACTS.md: "a dateline is never a fact's period", nor its place the region).
DATELINES = [
    ("By Ana Mora | San José, 10 March 2016 | El Heraldo\n\nGDP grew 4.7%.", "San José", True),
    ("The Reporter | Belmopan | Tuesday, August 16, 2016\n\nExports rose 4.1%.", "Belmopan", True),
    ("The Reporter | Belmopan | August 16, 2016\n\nExports rose 4.1%.", "Belmopan", True),
    ("Exports from Belmopan rose 4.1% in 2016.", "Belmopan", False),
]


@pytest.mark.parametrize(("text", "place", "expected"), DATELINES)
def test_byline_place_is_a_dateline(text, place, expected):
    from extractor.layout import is_dateline
    from extractor.types import RegionMention

    start = text.index(place)
    m = RegionMention(place, start, start + len(place), None, place, "city", "BZ")
    assert is_dateline(text, m) is expected


OUTLETS = [
    ("Brisbane Times, 3 March 2016", "Brisbane", True),
    ("Sydney Morning Herald, January 8, 2015", "Sydney", True),
    ("Prices in Sydney rose 1.2%.", "Sydney", False),
]


@pytest.mark.parametrize(("text", "place", "expected"), OUTLETS)
def test_uncoded_place_naming_an_outlet(text, place, expected):
    from extractor.pipeline import Extractor
    from extractor.types import RegionMention

    start = text.index(place)
    m = RegionMention(place, start, start + len(place), None, place, "city", "AU")
    assert Extractor().assembler.names_institution(text, m) is expected
