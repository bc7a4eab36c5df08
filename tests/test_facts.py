"""Fact rules, one row per real phrasing: what each value's attributes must be.

Each row: a text, the value's text, and the attributes expected for it. Known gaps
are strict xfails, so a fix fails loudly until the row is moved.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import document, extract
from extractor import spans as spans_module
from extractor.segments import Sentence
from extractor.types import NumberMention

from .helpers import fact_attrs


def case(text, value, *, gap=None, **expected):
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(text, value, expected, id=f"{value}|{text[:40]}", marks=marks)


US_JOBS = ("THE EMPLOYMENT SITUATION -- JANUARY 2023\n\nTotal nonfarm payroll employment rose by 517,000 in January, "
           "the Bureau of Labor Statistics reported today. Leisure and hospitality added 128,000 jobs, compared with "
           "an average monthly gain of 78,000 in 2022. Health care added 58,000 jobs.")
TRADE_PARTNERS = ("Foreign trade, March 2024\n\nThe foreign trade deficit decreased by 41.0% to 7 billion 357 million "
                  "dollars. Germany was the main partner country for exports with 1 billion 899 million dollars. "
                  "Germany was followed by the United Kingdom with 1 billion 292 million dollars.")
ILO_RATE = ("ILO unemployment, fourth quarter 2017\n\nIn the fourth quarter of 2017, the ILO unemployment rate in "
            "France (excluding Mayotte) stood at 8.9% of the labour force, down 0.2 points over the quarter. By age, "
            "the rate for people aged 15-24 fell sharply, by 2.1 points, to 20.7%; for those aged 25-49 it stood at "
            "8.2% (−0.6 points). The number of unemployed came to 2.4 million.")
AM_TRADE = ("In January-September 2023 external trade turnover of Armenia amounted to 14 billion 236,8 million USD. "
            "Export made up 6 billion 18,4 million USD (increase of 61,2%), import – 8 billion 218,4 million USD "
            "(increase of 46,4%). Negative balance of external trade made 2 billion 200,0 million USD.")
LV_POPULATION = ("Latvia's population falls\n\nAt the beginning of 2020, Latvia had 1,907,675 residents. Over the "
                 "past year, the population declined by 12,262 people.\n\nMigration took the rest: 11,223 people "
                 "emigrated from Latvia.\n\nThe population of Riga fell to 627,487 (-0.7%).")
AZ_CPI = ("Consumer price index in January-June 2017\n\nIn January-June 2017 the consumer price index made 112,9%.\n\n"
          "Over the month, prices for food products rose by 0,6%. Non-food products rose in price by 0,2%.\n\nIn "
          "annual terms, bread went up by 19,4%. Since the beginning of the year prices have increased by 4,1%.")
NL_HOUSES = ("House prices up 6.9 percent in June\n\nIn June 2019, prices of existing owner-occupied dwellings were on "
             "average 6.9 percent higher than in the same month last year. The average selling price of a dwelling was "
             "311,547 euros.\n\nStrongest price increase in Groningen\nIn June, prices in the province of Groningen "
             "were 9.8 percent higher than a year earlier.")
TR_TRADE = ("Foreign Trade Statistics, August 2021\n\nTürkiye's exports in August 2021 rose by 54.9% compared "
            "with August 2020 to 18 billion 958 million dollars. The exports-to-imports coverage ratio rose to 83.8% "
            "from 74.8% in August 2020.\n\nJanuary-August 2021\nThe deficit narrowed by 14.8% to 26 billion 85 "
            "million dollars.\n\nMain partners in August\nGermany was the top market for exports with 1 billion "
            "467 million dollars. Together these five countries took 28.6% of total exports.")
BY_SOCIO = ("Socio-economic situation of the Republic of Belarus in January-September 2019\n\nConsumer price index in "
            "September 2019 in comparison with December 2018 made 103,4%. Real wages in January-September 2019 made "
            "up 107,1% to the level of January-September 2018. By regions the highest wage in September was "
            "registered in Minsk city (1 482,6 rubles). Natural decrease of population made 20,4 thousand people, "
            "migration increase – 7,4 thousand people (in calculation per 1000 population: births 8,9, deaths 12,5).")
KZ_WAGES = ("Average monthly wage in Kazakhstan tops 360,000 tenge\n\nThe average monthly nominal wage in "
            "Kazakhstan amounted to 363,870 tenge in the second quarter of 2023. Women earned on average 298,410 "
            "tenge.\n\nThe highest wages were recorded in Atyrau region (706,980 tenge) and Mangystau region "
            "(579,210 tenge). The capital followed with 512,350 tenge.\n\nIn the capital, wages rose by 27.3%. "
            "Employees of mining companies in the city earned 1.21 million tenge a month on average.")
AU_POPULATION = ("National, state and territory population, September 2023\n\nThe population grew by 624,100 "
                 "people (2.4%) over the past year. The Northern Territory grew the slowest at 0.9%.\n\nIn Tasmania "
                 "the population reached 575,700. Net interstate migration for the state was a loss of 1,000 people.")
KG_SOCIO = ("In January-June 2023 the volume of industrial production amounted to 180,2 billion soms, its physical "
            "volume index made 110,5 percent. The consumer price index in June 2023 compared to December 2022 "
            "amounted to 102,3 percent, and compared to June 2022 - 111,0 percent.")
NL_POPULATION = ("Population grows by more than 130 thousand in 2019\n\nThe population of the Netherlands increased "
                 "by more than 130 thousand people in 2019. On 1 January 2020 the country had 17.41 million "
                 "inhabitants; a year earlier there were 17.28 million.")
GE_TOURISM = ("International Visitor Trips to Georgia in 2023\n\nIn 2023, the number of international visitor "
              "trips to Georgia amounted to 7.1 million. The largest number of visits was made by residents of "
              "Russia (1.5 million), Turkey (1.2 million) and Armenia (1.1 million).\n\nIn January-December 2023, "
              "21,530 dwellings were completed in the country.")
KZ_LABOUR = ("ASTANA, 15 November 2024 (Kazinform) – The unemployment rate in Kazakhstan in the third quarter of "
             "2024 was 4.7%. The number of unemployed reached 449.8 thousand people. Youth unemployment (15-34 years) "
             "made up 3.8%. Among regions, the highest unemployment was registered in Astana – 4.9%.")
KR_LABOUR = ("Employment Trend in May 2019\n\nStatistics Korea, June 12, 2019\n\nThe number of employed persons was "
             "27,322 thousand. The employment rate (15-64 years old, OECD comparison standard) was 67.1%, up 0.2%p "
             "year-on-year. The employment rate was highest in Jeju (70.1%) and lowest in Busan (56.5%).\n\nSeoul\n"
             "The number of employed persons in the city totaled 5,167 thousand. Its unemployment rate came to 4.3%.")
UA_CPI = ("Consumer price index in March 2021\n\nIn March 2021, consumer prices in comparison with February "
          "increased by 1,7%, since the beginning of the year – by 4,1%.\n\nCore inflation made 0,8% compared with "
          "the previous month, 2,0% since December 2020 and 6,1% in annual terms.")
TJ_TRADE = ("DUSHANBE, July 22, 2024 – Tajikistan's foreign trade turnover in the first half of this year reached 3 "
            "billion 412.6 million U.S. dollars. Exports amounted to US$741.2 million(up 9.7 percent), while imports "
            "made US$2,671.4 million(up 15.6 percent). The trade deficit thus made 1 billion 930.2 million dollars, "
            "exceeding the figure of January-June 2023 by 317.7 million dollars.")
RU_RATES = ("On the natural movement of the population in Russia, January-June 2017\n\nIn Tyva Republic, Chechen "
            "Republic and Altai Republic the birth rate remained the highest: 22,0; 21,3 and 17,8 per 1000 population "
            "respectively. Krasnodar krai attracted 21,0 thousand migrants on balance, Primorsky krai registered a "
            "migration outflow of 3,4 thousand people.")
KZ_INDUSTRY = ("On industrial production in the Republic of Kazakhstan (January-August 2024)\n\nIn January-August "
               "2024 the index of physical volume (IPV) amounted to 103,4%. In mining industry and quarrying the IPV "
               "made 102,1%. The share of mining industry in the total volume of production amounted to 56,3%. The "
               "highest indices were registered in Ulytau (118,6%) region. Decline was observed in Atyrau (96,1%) "
               "region.")
US_STATES = ("Idaho Is Nation's Fastest-Growing State, Census Bureau Reports\n\nIdaho's population grew by 2.2 "
             "percent to 1.7 million between July 1, 2016, and July 1, 2017. Nevada (2.0 percent), Utah (1.9 percent), "
             "Washington (1.7 percent) and Florida (1.6 percent) rounded out the top five.\n\nThe nation's "
             "population grew by 2,313,415, or 0.72 percent, to 325,719,178.")
PT_POPULATION = ("Resident population estimates – Portugal, 2018\n\nOn 31 December 2018, the resident population "
                 "in Portugal was estimated at 10,276,617 persons. The rate of decline eased to 0.14%, from 0.18% a "
                 "year earlier.\n\nThe Norte (3,572,583) region lost 9,862 residents. In the autonomous regions, the "
                 "population decreased to 242,846 in the Açores.")
CPI_RELEASE = ("Consumer Price Index, October 2023\n\nThe Consumer Price Index rose 3.1% year over year in October. "
               "Excluding gasoline, the CPI rose 3.6% in October, following a 4.0% gain in September. On a monthly "
               "basis, the CPI rose 0.2%.\n\nPrices in Quebec (+4.2%) rose the most.\n\nEnergy prices were 14.0% "
               "higher. Compared with September 2023, they fell by 6.9%.\n\nCompared with the previous month, "
               "food prices fell in October. The drop amounted to 2.6%, the largest since May 2020.")
KZ_RELEASE = "The migration of the population of the Republic of Kazakhstan for January-December 2025\n\n"

FROM_SEEDS = [
    case(KZ_RELEASE + "In January-December 2025 the number of arrivals in the country amounted 23761 to people.",
         "23761", number=23761, unit="person", measure="level", key="immigration", region="KZ",
         period=("2025-01-01", "2025-12-31")),
    case(KZ_RELEASE + "Compared to the corresponding period in 2024 the number of arrivals in Kazakhstan decreased "
         "by 20,7%, the number of decreased from Kazakhstan departures by 40,5%;", "40,5%",
         number=40.5, measure="change", direction="decrease", key="emigration",
         period=("2025-01-01", "2025-12-31"), reference=("2024-01-01", "2024-12-31")),
    case(KZ_RELEASE + "The share of arrivals from the CIS countries was 81,8%.", "81,8%",
         measure="share", key="immigration", region="KZ", partner="CIS"),
    case("The population of Kazakhstan reached 20 million 353 thousand as of May 1, 2025. Since January, "
         "the population has increased by a total of 0.34%.", "0.34%", measure="change", direction="increase",
         period=("2025-01-01", "2025-04-30")),
    case("“Kazakhstan’s migration balance was negative in 2019, losing 32,970 people.", "32,970",
         number=-32970, measure="level", key="net_migration", period=("2019-01-01", "2019-12-31")),
    case("Kazakhstan: compared to the previous year, migrants from Uzbekistan were up 1.5 times to 4,838 people.",
         "1.5 times", unit="times", measure="change", direction="increase", key="immigration", partner="UZ"),
    case("Kazakhstan: compared to the previous year, migrants from Uzbekistan were up 1.5 times to 4,838 people.",
         "4,838", unit="person", measure="level", direction=None, partner="UZ"),
    case("Kazakhstan. In the first quarter of 2025, 644 Kazakh citizens moved to Russia – a 75.5% drop compared "
         "to the same period last year.", "75.5%", measure="change", direction="decrease", key="emigration",
         region="KZ", partner="RU", period=("2025-01-01", "2025-03-31"), reference=("2024-01-01", "2024-03-31")),
    case("From January to April 2025, 8,100 people arrived in Kazakhstan, compared to 9,900 during the same "
         "period last year.", "9,900", measure="level", period=("2024-01-01", "2024-04-30")),
    case("Kostanay, Pavlodar, Abai, North Kazakhstan and East Kazakhstan, accounting for 47.9% of all outbound "
         "migration in 2024.", "47.9%", measure="share", key="emigration", region="KZ",
         regions="KZ-39,KZ-55,KZ-10,KZ-59,KZ-63"),
    case("In 2023, approximately 397,000 people relocated within Kazakhstan.", "397,000", qualifier="approx",
         key="internal_migration"),
    case("Currently, 63.2% of the country's population of Kazakhstan resides in cities.", "63.2%",
         measure="share", key="urban_population", area="urban"),
]

CPI_MONTH = ("Consumer price inflation, UK: March 2024\n\nCPIH rose by 3.8% in the 12 months to March 2024. On a "
             "monthly basis, CPIH rose by 0.5%, compared with a rise of 0.6% in March 2023.")
TASMANIA_RATES = ("Tasmania's population grew by 5,600 in the year to 30 June 2020. The growth rate of 1.0% was "
                  "above the national population growth rate of 1.3%.")

ABS_POPULATION = ("National, state and territory population, March 2024\n\nKey statistics\n"
                  "- Australia's population was 27,122,411 people at 31 March 2024.\n"
                  "- The quarterly growth was 155,200 people.\n- The annual growth rate was 2.5%.\n"
                  "- Natural increase added 112,700 people over the year.\n\nStates and territories\n"
                  "Western Australia had the fastest annual growth rate at 3.3%, followed by Queensland (2.6%) and "
                  "Victoria (2.4%).")

REGISTERED = ("Registered unemployment, June 2021\n\nAt the end of June 2021, 512.4 thousand registered unemployed "
              "persons were recorded by employment offices. Against the end of May the number of the unemployed "
              "fell by 38.2 thousand. The unemployment rate reached 4.4%.\n\nBy county, the lowest unemployment "
              "rate was recorded in the capital region (3.1%).")

INCOME_PER_HEAD = ("State personal income, 2021\n\nPer capita personal income, defined as total personal income "
                   "divided by the resident population, was $48,120. It ranged from $61,300 in Massachusetts to "
                   "$39,800 in Alabama.\n\nPersonal income in Oregon rose 5.1 percent, more than in Washington "
                   "($512.4 billion). The state's per capita income was $55,870.")

CPI_MONTHLY = ("Consumer prices in May 2022\n\nIn May 2022, consumer prices rose by 1,12% compared to April 2022. "
               "Compared to December 2021, the consumer price index was 102,31%, and compared to May 2021 - 109,80% "
               "(annual inflation rate of 9,80%).\n\nOver the month, food prices rose by 1,40%.\n\nAmong food "
               "products, the largest increases were recorded for potatoes (+4,10%) and milk (+2,05%).")

LGA_RELEASE = ("Regional population, year ended 30 June 2021\n\nThe state's estimated resident population(ERP)was "
               "5,221,170 at 30 June 2021.Natural increase contributed 25,800 persons and net interstate migration "
               "30,100.\n\nLogan(C)remained the largest LGA with an ERP of 1,312,100 persons.\n\nThe largest "
               "increase was in Ipswich(C)(+12,104).Gympie(R)grew fastest,by 4.2%,followed by Noosa(S)(3.1%).")

DISTRICTS = ("Demographic situation in Pavlodar region for January-June 2022\n\nThe population grew only in Ekibastuz "
             "city (+1 140 people), while the greatest decrease was noted in Irtysh district (-860 people).\n\n"
             "From outside the republic 940 people arrived in the region, 2,120 people left it.")

CPI_SINCE = ("Inflation accelerates to 9.8% in October\n\nKYIV, November 10. Consumer prices in October 2021 rose "
             "by 1.2% compared with September. Since the beginning of the year prices have increased by 7.9%, and in "
             "annual terms inflation accelerated to 9.8%.\n\nFood became 1.5% more expensive over the month. Fruit "
             "rose in price by 2.3%.")

SECTORS = ("ASHGABAT, 8 January 2022. The results of January-December 2021 were summed up. The growth rate of gross "
           "domestic product in comparison with the corresponding period of 2020 made 5,3 percent. The growth of value "
           "added was ensured in all branches: in industry it made 4,4 percent, in trade – 8,8 percent. The volume of "
           "production in the industrial complex increased by 3,9 percent.")

CPI_BELTA = ("Consumer prices in May 2022\n\nMINSK, 10 June - Consumer prices rose by 0.9% in May 2022 compared with "
             "April. In annual terms (May 2022 to May 2021), prices increased by 16.9%.\n\nSince January, food "
             "products have risen in price by 8.8%.\n\nIn May, onions (+4.4%) became more expensive.")

ONS_TABLE = ("Labour market in the regions of the UK: May 2021\n\nEmployment rate (%), people aged 16 to 64, with "
             "the unemployment rate (%) in brackets, January to March 2021: North West 73.8 (4.6) East 77.1 (3.2) "
             "London 74.0 (6.5)")

RATES_BRACKETED = "In 2016 the birth rate made 12,2 (in 2015 - 12,6), the death rate - 14,5 (in 2015 - 14,8)."

CPI_LISTS = ("Consumer Price Index, June 2020\n\nIn June 2020 the annual inflation rate amounted to 6.1 percent.\n\n"
             "Monthly inflation was mainly driven by price changes in the following groups:\n- Transport: prices went "
             "down by 2.1 percent.\n\nAnnual inflation was mostly affected by the following groups:\n- Health: +9.0 "
             "percent, contribution 0.55 percentage points.")

OTHER_RELEASES = [
    case("According to the labour force survey, the unemployment rate in Kyrgyzstan in the second quarter of "
         "2023 was 8.1%.", "8.1%", measure="level", key="unemployment_rate", region="KG",
         period=("2023-04-01", "2023-06-30")),
    case("Real GDP growth in Georgia amounted to 10.0% year-on-year in the second quarter of 2024.", "10.0%",
         measure="change", direction="increase", key="gdp", region="GE"),
    case("In 2024 the natural increase of the population of Uzbekistan made up 612,300 people.", "612,300",
         measure="level", key="natural_increase", region="UZ"),
    case("Employment in Canada rose by 47,000 (+0.2%) in March 2025.", "+0.2%", measure="change",
         direction="increase", key="employment", region="CA", period=("2025-03-01", "2025-03-31")),
    case("New Zealand citizens had a net migration loss of 46,400 in 2024.", "46,400", number=-46400,
         measure="level", key="net_migration", region="NZ"),
    case("In Quebec, employment decreased by 9,400. The unemployment rate in the province was 5.8% in 2024.",
         "5.8%", region="CA-QC", key="unemployment_rate"),
    case("Demographic situation in Kazakhstan, January-September 2024\n\nThe highest birth rates were noted in the "
         "following regions (per 1,000 people):\n– Turkistan region – 26,05", "26,05", unit="per_1000",
         measure="rate", region="KZ-61", period=("2024-01-01", "2024-09-30")),
    case("In March 2025 in Uzbekistan prices for food products increased by 1,2%, for non-food products – by 0,6%.",
         "0,6%", measure="change", direction="increase", key="cpi"),
    case("In 2023 the population of the EU grew by 0.4%, while net migration was estimated at +2.7 million.",
         "+2.7 million", number=2_700_000, measure="level", key="net_migration", region="EU"),
    case("The Labour Force Survey covers about 65,000 households each month in Canada.", "65,000",
         qualifier="approx", unit="households"),  # FACTS.md: a unit word as written
    # a total of hours worked is a statistic, a duration is not (NOT_FACTS); its unit as written
    case("Monthly hours worked in all jobs decreased by 5.1 million hours (0.3%) to 1,776.8 million hours.",
         "1,776.8 million", unit="hours", measure="level", key="hours_worked"),
    # a NUTS region named only by its local name, in a text about its country
    case("Labour Force Survey Q2 2023\nCSO statistical release\nThe unemployment rate in the Border region "
         "was 4.9% in Q2 2023.", "4.9%", region="IE041"),
    case("Labour Force, Australia, August 2019\nThe unemployment rate in SA rose 0.3 pts to 6.7%.", "6.7%",
         region="AU-SA"),
    # scraped text: a cue glued to the number before it is still read
    case("The visitor survey showed 795,000 visitors came in the year ending March 2020,down 5.2%on the year "
         "before.", "5.2%", measure="change", direction="decrease"),
    # "respectively": values paired in order with the places or indicators named before them
    case("In Spain and Italy, unemployment stood at 11.7% and 7.2%, respectively, in 2024.", "7.2%", region="IT"),
    case("In Spain and Italy, unemployment stood at 11.7% and 7.2%, respectively, in 2024.", "11.7%", region="ES"),
    case("Euro area GDP up by 0.3% and EU GDP up by 0.3%\n+0.4% and +0.5% respectively compared with the first "
         "quarter of 2023", "+0.5%", region="EU"),
    case("In 2023, exports and imports of Kazakhstan rose by 5.1% and 3.2%, respectively.", "5.1%", key="exports"),
    case("The number of births and deaths amounted to 12,300 and 8,100 people respectively.", "8,100",
         key="deaths"),
    # a text about an aggregate: its members and other aggregates are subjects; "EU" is no dateline
    case("Euro area annual inflation down to 1.9%\nEU at 2.0%\n\nEuro area annual inflation was 1.9% in November "
         "2018. EU28 annual inflation was 2.0% in November 2018. A year earlier, the rate was 1.8%.", "1.8%",
         region="EU"),
    case("Euro area annual inflation down to 1.9%\nEU at 2.0%", "2.0%", region="EU"),
    # a place in apposition describes the one before it
    case("Germany, the largest economy of the euro area, returned to growth: its GDP rose by 0.2% on the previous "
         "quarter.", "0.2%", region="DE"),
    # the lexicon knows a balance phrase whole: still a level with its sign
    case("The U.S. population grew in 2023, and births outpaced deaths by 504,000.", "504,000", measure="level",
         key="natural_increase", number=504000),
    # in a GDP release an activity's change is its gross value added; its share of GDP stays GDP's
    case("GDP grew by 7.6% in 2019. Construction rose by 4.6%, while agriculture contracted by 4.2%.", "4.2%",
         key="gross_value_added", direction="decrease"),
    case("GDP grew by 7.6% in 2019. Trade increased by 11.5% and financial and insurance activities by 15.2%.",
         "15.2%", key="gross_value_added"),
    case("GDP grew by 7.6% in 2019. In the structure of GDP, industry accounted for 15.8%.", "15.8%", key="gdp"),
    case("GDP grew by 7.6% in 2019. Retail trade turnover rose by 3.1%.", "3.1%", key="retail_trade"),
    # a town coded by itself (a commune, a capital district) named "the city of ..." keeps its code
    case("Central African Republic census, 2020\n\nIn the city of Bangui lived 890 thousand residents in 2020.",
         "890 thousand", region="CF-BGF"),
    # a spelled value before a reference date: the date is the earlier stock's, not the one in force
    case("Population of Moldova, 2024\n\nOn 1 January 2024 the population numbered 2 million 423 thousand, against 2 "
         "million 512 thousand as of 1 January 2023. The urban population reached 1 million 12 thousand.",
         "1 million 12 thousand", period=("2024-01-01", "2024-01-01")),
    # what a change is due to may be named through a few words; a clause after "but" is an activity's own
    case("Fiji's GDP rose 3.0% in 2018. Agriculture expanded 2.7% thanks to higher cane and ginger crop output, but "
         "construction shrank 1.9%.", "2.7%", key="gross_value_added"),
    case("Fiji's GDP rose 3.0% in 2018. Agriculture expanded 2.7% thanks to higher cane and ginger crop output, but "
         "construction shrank 1.9%.", "1.9%", key="gross_value_added"),
    # a text that names the RPI means it by "inflation" and "prices"; a retail prices index named in full
    # and never "RPI" is the place's consumer index
    case("Island prices, second quarter 2022\n\nThe quarterly RPI report shows annual inflation of 6.3% in the "
         "second quarter of 2022.", "6.3%", key="rpi"),
    case("Izmir retail prices, March 2012\n\nThe Izmir Retail Prices Index rose by 0.5% in March 2012.", "0.5%",
         key="cpi"),
    case("Island prices, second quarter 2022\n\nRetail prices on St Helena rose 6.3% in the second quarter of "
         "2022.", "6.3%", region="SH-HL"),
    # a foreign country's region listed among the places people came from is an origin too
    case("Guernsey census, 2021\n\nGuernsey counted 63,950 residents. Of those born abroad, most came from "
         "France (31.0%), Madeira (12.4%) and Latvia (8.8%).", "12.4%", region="GG"),
    # an index's base ("Q4 2010=100") is no period in force
    case("Prices, third quarter 2023\n\nPrices rose 5.0% in the year to the third quarter of 2023. The index stood "
         "at 151.2 (Q4 2010=100). Over the year, fuel prices rose 4.0%.", "4.0%", period=("2022-10-01", "2023-09-30")),
    # activities listed with values under gross value added are its parts, in a sentence or a table
    case("Regional accounts, 2021\n\nOf the gross value added, manufacturing made up 22.4%, retail "
         "trade 12.9% and construction 6.1%.", "6.1%", key="gross_value_added"),
    case("Manufacturing produced 31.0% of the gross value added in 2021. Wholesale and retail trade "
         "accounted for 14.2%, transport and storage – 8.8%.", "14.2%", key="gross_value_added"),
    case("Regional accounts, 2021\n\nGross value added by activity, 2021 (million euros): Agriculture 410 "
         "Wholesale and retail trade 1,250 Construction 620", "1,250", key="gross_value_added"),
    case("Retail trade grew 4.1% and construction 3.0% in 2022.", "4.1%", key="retail_trade"),
    # a monthly rate under a 12-month stretch in force covers the stretch's last month
    case("Consumer price inflation, UK: March 2024\n\nThe CPI rose by 3.2% in the 12 months to March 2024. The CPI "
         "rose by 0.6% on the month.", "0.6%", period=("2024-03-01", "2024-03-31")),
    case("Consumer price inflation, UK: March 2024\n\nFood prices rose by 4.0% in the 12 months to March 2024. On "
         "the month, food prices rose by 0.2%.", "0.2%", period=("2024-03-01", "2024-03-31")),
    case("In March 2025 the CPI was 100.9% of February. In the 12 months to March prices rose by 9.3%, and since the "
         "beginning of the year by 2.6%.", "9.3%", period=("2024-04-01", "2025-03-31")),
    # a change inside a comparison clause is the compared period's own
    case(CPI_MONTH, "0.6%", period=("2023-03-01", "2023-03-31")),
    case(CPI_MONTH, "0.5%", period=("2024-03-01", "2024-03-31")),
    # places ranked in one sentence leave the paragraph's topic as it was
    case("About 230,000 babies were born in South Korea in 2023. Seoul posted the lowest rate of 0.55, while Sejong "
         "recorded the highest at 0.97. Deaths totaled 352,700.", "352,700", region="KR"),
    # an official survey's percentages are statistics, not answers
    case("Household Survey Data\nThe number of unemployed people in the US, at 7.0 million, changed little in "
         "October 2024. The long-term unemployed accounted for 22.9 percent of all unemployed people.", "22.9 percent",
         measure="share", key="unemployed"),
    case("In January-September 2024 external merchandise trade of Georgia amounted to USD 16.4 billion.",
         "USD 16.4 billion", key="foreign_trade"),
    # a signed figure after a place: a change when the sentence's word agrees with its sign
    case("Employment in Canada increased in Quebec (+26,000) in November 2024. It decreased in British Columbia "
         "(-11,000; -0.4%).", "-11,000", measure="change", direction="decrease", number=11000, region="CA-BC"),
    # a change restated in other terms after words about it
    case("Current-dollar GDP increased 4.7 percent at an annual rate, or $330.2 billion, in the third quarter of 2024.",
         "$330.2 billion", measure="change", direction="increase", key="gdp"),
    case("Real disposable personal income increased 1.6 percent in the third quarter of 2024. The personal saving "
         "rate was 4.8 percent.", "4.8 percent", measure="level", key="saving_rate"),
    # list items under a lead-in that names a change are changes; an area word before a dash
    case("On the demographic situation in January-June 2024\n\nThe largest population growth was observed in the "
         "following regions:\n- Turkistan region – 23 120 people;\n- Astana city – 21 948 people.", "21 948",
         measure="change", direction="increase", region="KZ-71", period=("2024-01-01", "2024-06-30")),
    case("The population of Kazakhstan as of July 1, 2024 amounted to 20 175 123 people, including urban – "
         "12 520 634 people (62,1%), rural – 7 654 489 people (37,9%).", "7 654 489", key="rural_population"),
    # an indicator heading its own value is not the value before it
    case("In 2024 the number of registered marriages in Kazakhstan decreased by 8,5% and amounted to 51 324; "
         "divorces – 19 821.", "51 324", key="marriages"),
    # a change noun, what it is of, then "was": the noun's value
    case("Annual growth in employees' average earnings for regular pay (excluding bonuses) was 4.8% in July to "
         "September 2024 in the UK.", "4.8%", measure="change", direction="increase"),
    # a title dated after the lead's period dates the release: the lead's period is the frame
    case("Labour market overview, UK: November 2024\n\nThe UK employment rate was estimated at 74.8% in July to "
         "September 2024.\n\nThe economic inactivity rate decreased by 0.5 percentage points to 21.8%.", "21.8%",
         period=("2024-07-01", "2024-09-30")),
    # "after" a value: the value before's period (stated, or the stretch before the one in force)
    case("In Q3 2024, French GDP grew by 0.4%\n\nIn the third quarter of 2024, GDP grew by 0.4% after +0.2% in the "
         "second quarter. Household consumption expenditure accelerated slightly (+0.6% after +0.1%).", "+0.6%",
         period=("2024-07-01", "2024-09-30")),
    case("In Q3 2024, French GDP grew by 0.4%\n\nIn the third quarter of 2024, GDP grew by 0.4% after +0.2% in the "
         "second quarter. Household consumption expenditure accelerated slightly (+0.6% after +0.1%).", "+0.1%",
         period=("2024-04-01", "2024-06-30")),
    # a count of people on a rate is the count's key; a money breakdown keeps the currency stated first
    case("In the first half of 2024 in Tajikistan the registered unemployment made 43.1 thousand persons.",
         "43.1 thousand", key="registered_unemployed"),
    case("Foreign trade turnover of Tajikistan made 4.1 billion US dollars in 2024, of which export - 1.1 billion, "
         "import - 3.0 billion.", "3.0 billion", unit="USD", key="imports"),
    # a change "in real terms" of an indicator with a real-terms key
    case("The average monthly wage in Kazakhstan reached 412,000 tenge in the third quarter of 2024. In real terms "
         "the figure grew by 4.2%.", "4.2%", key="real_wages", measure="change"),
    case("The average monthly wage in Kazakhstan reached 412,000 tenge in the third quarter of 2024, up 12.1%.",
         "12.1%", key="wages"),
    # a change column in thousands is a change of people, not a percent
    case("Table 2. Employment by state, August 2019\nState Employed ('000) Change on month ('000) Unemployment rate "
         "(%) New South Wales 4,080.4 12.3 4.5 Victoria 3,428.9 -4.1 5.0", "-4.1", unit="person", measure="change",
         direction="decrease", number=4100, region="AU-VIC"),
    # a stock's change named quarterly or annual covers that stretch; "growth was N" is a change
    case(ABS_POPULATION, "155,200", measure="change", period=("2024-01-01", "2024-03-31")),
    case(ABS_POPULATION, "2.5%", measure="change", period=("2023-04-01", "2024-03-31")),
    # a section heading brings back the title's topic; "followed by PLACE (v)" continues the change
    case(ABS_POPULATION, "3.3%", key="population", measure="change", region="AU-WA"),
    case(ABS_POPULATION, "2.4%", key="population", measure="change", region="AU-VIC",
         period=("2023-04-01", "2024-03-31")),
    # a share of the change just stated is of the change's indicator, not of the noun it came from
    case("In the second quarter of 2024 the population of Kazakhstan grew by 0.4%; 58% of the increase came from "
         "net migration.", "58%", measure="share", key="population"),
    case("Canada's population grew by 0.4% in the third quarter of 2016. International migration accounted for 83.1% "
         "of the growth, while natural increase made up the remaining 16.9%.", "16.9%", key="population"),
    # "Over 2023" opening a sentence is the year
    case("The population of Uzbekistan was 36,799,756 people as of 1 January 2024. Over 2023 the population grew by "
         "774,600 people, or 2.1%.", "774,600", measure="change", period=("2023-01-01", "2023-12-31")),
    case("Texas adds the most residents as South drives US population growth\n\nThe U.S. population grew by 1.6 "
         "million people between July 1, 2022, and July 1, 2023. International migration added 1.1 million people. "
         "The South accounted for 87% of the growth.", "87%", measure="share", key="population",
         period=("2022-07-01", "2023-06-30")),
    # a price index's level in points, its base year no period; years as written
    case("The CPI index (2015=100) stood at 133.0 in March 2024 in the UK.", "133.0", unit="index",
         measure="level", period=("2024-03-01", "2024-03-31")),
    case("Life expectancy at birth in Kazakhstan was 74.4 years in 2023.", "74.4", unit="years",
         key="life_expectancy"),
    # the level a change reached, after words about the change
    case("In January-September 2018 the population of North Kazakhstan region fell by 4,870 over the same period, "
         "to 548,760, and deaths there exceeded births by 160.", "548,760", key="population", measure="level"),
    # a paragraph about the whole country holds against the title's region
    case("Issyk-Kul region welcomed 1.42 million visitors in the year to September 2019\n\nAcross Kyrgyzstan, 8.1 "
         "million foreign citizens entered the country over the same twelve months. Meanwhile, 4.6 million "
         "Kyrgyzstanis travelled abroad.", "4.6 million", region="KG"),
    # a stock's change takes the stretch of its sentence, its level the date
    case("In January-June 2024, the population of the Republic of Azerbaijan increased by 23.4 thous. people and as "
         "of July 1 made 10 179.4 thous. people.", "23.4 thous", measure="change", period=("2024-01-01", "2024-06-30")),
    case("In January-June 2024, the population of the Republic of Azerbaijan increased by 23.4 thous. people and as "
         "of July 1 made 10 179.4 thous. people.", "10 179.4 thous", measure="level",
         period=("2024-07-01", "2024-07-01")),
    # gapping: a value standing for the verb of the change before it
    case("Eight states lost population in 2023. New York lost 101,984 residents and California 75,423.", "75,423",
         measure="change", direction="decrease", region="US-CA"),
    case("In the first quarter of 2024 GDP rose in most countries. In France, the increase was 0.2%, and in "
         "Italy 0.3%.", "0.3%", measure="change", direction="increase", region="IT"),
    case("Trade increased by 11.5% and financial and insurance activities by 15.2% in 2019.", "15.2%",
         measure="change", direction="increase"),
    case("Exports were worth $3.6 billion, down 4.8%, and shipments to China made up 29% of the total.", "29%",
         measure="share"),
    # a sentence in the pluperfect keeps its period to itself
    case("Flash estimate for the first quarter of 2024\nGermany's GDP rose by 0.2% on the previous quarter. In the "
         "fourth quarter of 2023 it had fallen by 0.5%. In France, the increase was 0.4%.", "0.4%",
         period=("2024-01-01", "2024-03-31")),
    # a word of the whole country before the value, whatever region is in force
    case(TASMANIA_RATES, "1.3%", region="AU"),
    case(TASMANIA_RATES, "1.0%", region="AU-TAS"),
    # a destination after "other regions of" does not end the region in force
    case("Kostanay region lost 3,140 people in January-September 2018. Most of those who left moved to other "
         "regions of Kazakhstan – 6,950 people.", "6,950", region="KZ-39"),
    case("In the United States, population in the West grew by 1.2% in 2023.", "1.2%", region="US"),
    case("Employment in Kazakhstan rose by 97,000 or 3.7% on an annual basis.", "97,000", unit="person"),
    case("Prices rose the most in seven provinces, led by Quebec (+4.2%).", "+4.2%", region="CA-QC"),
    # a level inside a long comparison clause: its own period, and never the period in force after it
    case(US_JOBS, "78,000", period=("2022-01-01", "2022-12-31")),
    case(US_JOBS, "58,000", period=("2023-01-01", "2023-01-31"), region="US"),
    # countries named as trading partners are never the home country; with no home country they are partners
    case(TRADE_PARTNERS, "1 billion 292 million", region=None, partner="GB", key="exports"),
    case(TRADE_PARTNERS, "7 billion 357 million", number=-7357000000, key="trade_balance", region=None),
    case("Georgia: exports by partner, USD million China 412.5 Russia 298.1", "298.1", region="GE", partner="RU"),
    # a rate's base is not its indicator, nor does it make the rate a share; "the rate" refers back
    case(ILO_RATE, "8.9%", key="unemployment_rate", measure="level", region="FR"),
    case(ILO_RATE, "0.2 points", key="unemployment_rate", unit="percentage_point", direction="decrease"),
    case(ILO_RATE, "20.7%", key="unemployment_rate", measure="level"),
    case(ILO_RATE, "2.4 million", key="unemployed"),
    case(ILO_RATE, "−0.6 points", direction="decrease"),
    # a decimal in the smaller part of a compound scale; a bracketed change restates the value before it
    case(AM_TRADE, "8 billion 218,4 million", number=8218400000, key="imports"),
    case(AM_TRADE, "46,4%", key="imports", measure="change", direction="increase"),
    case(AM_TRADE, "2 billion 200,0 million", number=-2200000000, key="trade_balance"),
    # a heading's period is a section's; a change's level reached after its comparison; coverage ratios; deficits
    case(TR_TRADE, "18 billion 958 million", key="exports", period=("2021-08-01", "2021-08-31")),
    case(TR_TRADE, "83.8%", key="coverage_ratio", measure="level"),
    # a price index's change between two months or quarters: the later one, against the earlier's level
    case("Consumer prices, June 2021\n\nThe CPI rose by 0.4% between May and June 2021.", "0.4%",
         period=("2021-06-01", "2021-06-30"), reference=("2021-05-01", "2021-05-31")),
    case("Producer prices, 2019\n\nThe producer price index fell 1.1% between the first and second quarters of "
         "2019.", "1.1%", period=("2019-04-01", "2019-06-30"), reference=("2019-01-01", "2019-03-31")),
    # ... a stock's change between two dates stays the stretch between them
    case("Population, 2019\n\nThe population grew by 2.2 percent between January and June 2019.", "2.2 percent",
         period=("2019-01-01", "2019-06-30")),
    case("Foreign trade, January-June 2017\n\nThe coverage of imports by exports made 47,2%.", "47,2%",
         key="coverage_ratio", measure="level"),
    case(TR_TRADE, "14.8%", key="trade_balance", measure="change", direction="decrease"),
    case(TR_TRADE, "26 billion 85 million", number=-26085000000, key="trade_balance"),
    case(TR_TRADE, "1 billion 467 million", period=("2021-08-01", "2021-08-31"), partner="DE", region="TR"),
    # machine-translated bureau English: "to the level of" compares, a CPI against December covers the year so
    # far, rates per 1000 in a bracket's lead-in, an index level "made up" is no share
    case(BY_SOCIO, "1 482,6", period=("2019-09-01", "2019-09-30"), region="BY-HM"),
    case(BY_SOCIO, "103,4%", period=("2019-01-01", "2019-09-30"), measure="level"),
    case(BY_SOCIO, "107,1%", measure="level", key="real_wages"),
    case(BY_SOCIO, "12,5", unit="per_1000", measure="rate"),
    case(BY_SOCIO, "7,4 thousand", key="net_migration"),
    # a monthly rate against the month before, under a 12-month stretch in force
    case("Consumer Price Index\n\nThe CPI rose 2.4% in the 12 months to October 2014.\n\nIn Ontario, the CPI rose "
         "0.4% from September.", "0.4%", period=("2014-10-01", "2014-10-31"), region="CA-ON"),
    # "the capital" of the text's own country; a sum of money is no count of people
    case(KZ_WAGES, "512,350", region="KZ-71", key="wages"),
    case(KZ_WAGES, "1.21 million", region="KZ-71", key="wages"),
    case(KZ_WAGES, "298,410", key="wages", region="KZ"),
    # "over the past year": the 12 months to the period in force; a superlative between a change verb and "at";
    # "a loss of" people is a negative balance; names whose words are all generic ones
    case(AU_POPULATION, "624,100", period=("2022-10-01", "2023-09-30"), measure="change"),
    case(AU_POPULATION, "0.9%", measure="change", direction="increase", region="AU-NT"),
    case(AU_POPULATION, "1,000", number=-1000, measure="level", key="internal_net_migration"),
    # an index level against December, or against the same month a year earlier
    case(KG_SOCIO, "102,3 percent", period=("2023-01-01", "2023-06-30"), measure="level"),
    case(KG_SOCIO, "111,0 percent", period=("2022-07-01", "2023-06-30"), measure="level"),
    case(KG_SOCIO, "110,5 percent", measure="level"),
    # a qualifier between "by" and the value; a level stated right after "a year earlier"
    case(NL_POPULATION, "130 thousand", measure="change", direction="increase", qualifier="more_than"),
    case(NL_POPULATION, "17.28 million", period=("2019-01-01", "2019-01-01"), measure="level"),
    case(NL_POPULATION, "17.41 million", period=("2020-01-01", "2020-01-01"), measure="level"),
    # inbound visitors: the country they travel to is the text's; their countries of residence are partners
    case(GE_TOURISM, "7.1 million", region="GE", key="visitor_arrivals"),
    case(GE_TOURISM, "1.2 million", region="GE", partner="TR", key="visitor_arrivals"),
    case(GE_TOURISM, "21,530", region="GE", key="dwellings_completed", unit="count"),
    # a place followed by its own figure is not the figure before it
    case("Labour market overview, UK: August 2022\n\nLondon had the highest unemployment rate, at 4.6%, and the South "
         "West the lowest, 2.7%.", "4.6%", region="UKI"),
    # a scale word between a compared value and its period ("against 248.5 thousand in January-June 2023")
    case("In January-June 2024 the natural decrease of the population made up 293.1 thousand people against 248.5 "
         "thousand in January-June 2023.", "293.1 thousand", period=("2024-01-01", "2024-06-30")),
    case("In January-June 2024 the natural decrease of the population made up 293.1 thousand people against 248.5 "
         "thousand in January-June 2023.", "248.5 thousand", period=("2023-01-01", "2023-06-30")),
    # a percent of "unemployment" is its rate, and a rate "made up" is no share
    case(KZ_LABOUR, "3.8%", key="unemployment_rate", measure="level"),
    case(KZ_LABOUR, "4.9%", key="unemployment_rate", measure="level", region="KZ-71"),
    case(KZ_LABOUR, "449.8 thousand", key="unemployed", measure="level"),
    # Korean releases: "%p", provinces without their romanised type suffix, a section headed by a city; a method
    # named after a group is no place
    case(KR_LABOUR, "0.2%p", unit="percentage_point", region="KR"),
    case(KR_LABOUR, "56.5%", region="KR-26"),
    case(KR_LABOUR, "5,167 thousand", region="KR-11"),
    case(KR_LABOUR, "4.3%", region="KR-11", key="unemployment_rate"),
    # the earlier figure "down from" is of the same measure as the figure before it
    case("Stand-alone houses made up 35.7 percent of the new homes consented in the March 2024 quarter, down from "
         "43.9 percent in the March 2023 quarter.", "43.9 percent", measure="share",
         period=("2023-01-01", "2023-03-31")),
    case("The unemployment rate rose to 5.2% in May 2024 from 4.9% in April.", "4.9%", measure="level"),
    # a period that opens a clause with a value of its own, or trails another value, is that value's
    case(UA_CPI, "1,7%", period=("2021-03-01", "2021-03-31")),
    case(UA_CPI, "0,8%", period=("2021-03-01", "2021-03-31")),
    case(UA_CPI, "6,1%", period=("2020-04-01", "2021-03-31")),
    case(UA_CPI, "4,1%", period=("2021-01-01", "2021-03-31")),
    # a price index since a month is compared with that month's level: the change runs from the month after
    case(UA_CPI, "2,0%", period=("2021-01-01", "2021-03-31")),
    # a value restated after "or" shares its period
    case("Gross Domestic Product, Third Quarter 2019\n\nCurrent-dollar GDP increased 3.5 percent. It had increased "
         "4.7 percent, or $246.4 billion, in the second quarter.", "4.7 percent", period=("2019-04-01", "2019-06-30")),
    # a bracket giving a change in people and in percent: both are the change
    case("Employment Trend in May 2019\n\nEmployment grew in health and social work activities (+127 thousand "
         "persons, 6.0%).", "6.0%", measure="change", direction="increase"),
    # a stock's part of a loss is the part's own change (a flow's part of a gain stays a level)
    case("Kostanay region lost 3,100 residents in nine months of 2023. Rural districts accounted for 2,600 of the "
         "loss.", "2,600", measure="change", direction="decrease", period=("2023-01-01", "2023-09-30")),
    # a town named as one is no province of its name ("the city of Cuenca", not Spain's); a coded city stays
    case("Consumer prices in Ecuador, June 2015\n\nIn June 2015 the Consumer Price Index of the city of Cuenca "
         "registered a monthly inflation of 0,52%.", "0,52%", region=None),
    case("Population of Kazakhstan\n\nAt the start of 2024 the city of Almaty had 2 228 675 residents.",
         "2 228 675", region="KZ-75"),
    # places with no code (patterns/regions/uncoded.yaml): code null and their name, the region in force only when
    # a title or lead is about them (territories with offices of their own: Kosovo, the Gaza Strip, Tanzania
    # Mainland)
    case("Kosovo's jobless rate eases\n\nUnemployment in Kosovo fell to 25.7 per cent in 2019, the statistics agency "
         "said. Many young people left for Germany.\n\nThe employment rate stood at 30.1 per cent.",
         "30.1 per cent", region=None, region_name="Kosovo"),
    case("Labour force survey, third quarter 2019\n\nIn the Gaza Strip the unemployment rate reached 46.7%, against "
         "14.6% in the West Bank.", "14.6%", region=None, region_name="the West Bank"),
    case("Quarterly GDP, second quarter 2022\n\nThe real GDP of Tanzania Mainland grew by 4.5 percent in the second "
         "quarter of 2022.", "4.5 percent", region=None, region_name="Tanzania Mainland"),
    case("Retail trade, August 2016\n\nIn the census metropolitan area of Toronto, retail sales rose 1.5%.", "1.5%",
         region=None),
    case("On the natural movement of the population in Russia, January-June 2017\n\nThe largest natural losses "
         "were in the Central federal district (-27,1 thousand people).", "-27,1 thousand", region=None),
    case("In the fourth quarter of 2017, the unemployment rate in France was 8.9%. In metropolitan France, the "
         "unemployment rate was 8.6%.", "8.6%", region=None),
    # a direction word in the bracket after a value is the bracket's; "exceeding the figure of" compares
    case(TJ_TRADE, "US$2,671.4 million", measure="level", key="imports"),
    case(TJ_TRADE, "15.6 percent", measure="change", direction="increase"),
    case(TJ_TRADE, "1 billion 930.2 million", period=("2024-01-01", "2024-06-30"), key="trade_balance"),
    # Russian republics and krais by their English names; a run of decimal-comma values split by ";"
    case(RU_RATES, "22,0", region="RU-TY", unit="per_1000"),
    case(RU_RATES, "17,8", region="RU-AL", unit="per_1000"),
    case(RU_RATES, "3,4 thousand", region="RU-PRI", number=-3400, key="net_migration"),
    # a change restating the value before it after a comma takes its indicator
    case("Australian National Accounts, June quarter 2023\n\nNominal GDP was $645.1 billion, 0.1% lower than in the "
         "March quarter, as export prices for coal and iron ore fell sharply.", "0.1%", key="gdp", measure="change",
         direction="decrease"),
    # no part is more than its whole: a percent of an index is its level
    case(KZ_INDUSTRY, "102,1%", measure="level"),
    case(KZ_INDUSTRY, "118,6%", measure="level", region="KZ-62"),
    case(KZ_INDUSTRY, "56,3%", measure="share"),
    # places ranked after a change, each with its bracketed percent, are changes too; "the nation's" is the country
    case(US_STATES, "2.0 percent", measure="change", direction="increase", region="US-NV"),
    case(US_STATES, "1.7 percent", region="US-WA"),
    case(US_STATES, "0.72 percent", region="US"),
    case("Of the 73,400 migrant departures of New Zealand citizens, 42,700 (58 percent) were to Australia.",
         "58 percent", measure="share"),
    # Portugal's NUTS 2 regions; "the rate of decline eased to"; the earlier rate after "from" is a change too
    case(PT_POPULATION, "0.14%", measure="change", direction="decrease"),
    case(PT_POPULATION, "0.18%", measure="change", direction="decrease", period=("2017-01-01", "2017-12-31")),
    case(PT_POPULATION, "3,572,583", region="PT11"),
    case(PT_POPULATION, "242,846", region="PT-20"),
    # a list of percentage points under a lead-in about what drove growth: contributions, shares of the aggregate
    case("GDP flash estimate, 2nd quarter 2016\n\nGDP increased by 2.6% year-on-year.\nYear-on-year GDP growth was "
         "driven by:\n- household final consumption expenditure: +1.3 p.p.;\n- the external balance of goods and "
         "services: +1.6 p.p.", "+1.6 p.p.", measure="share", key="gdp"),
    # a stock's level stated with a stretch is at the day after it
    case(US_STATES, "1.7 million", period=("2017-07-01", "2017-07-01"), measure="level"),
    # a release that headlines the annual rate means it where a later rate does not say; a monthly one says so
    case(CPI_RELEASE, "3.6%", period=("2022-11-01", "2023-10-31")),
    case(CPI_RELEASE, "+4.2%", period=("2022-11-01", "2023-10-31"), region="CA-QC"),
    case(CPI_RELEASE, "0.2%", period=("2023-10-01", "2023-10-31")),
    # ... unless it is compared with the month before, or the paragraph's words said monthly
    case(CPI_RELEASE, "6.9%", period=("2023-10-01", "2023-10-31")),
    case(CPI_RELEASE, "2.6%", period=("2023-10-01", "2023-10-31")),
    # a release on registered unemployment: "the unemployed" and "the unemployment rate" are the registered
    # ones, counted at the month's end; a change against an earlier month's end is at the stock date
    case(REGISTERED, "38.2 thousand", key="registered_unemployed", period=("2021-06-30", "2021-06-30"),
         reference=("2021-05-31", "2021-05-31"), measure="change"),
    case(REGISTERED, "4.4%", key="registered_unemployment_rate", period=("2021-06-30", "2021-06-30")),
    case(REGISTERED, "3.1%", key="registered_unemployment_rate", period=("2021-06-30", "2021-06-30")),
    # an activity after "in" beside employment is where the employed work, not an indicator of its own
    case("Labour force survey, March 2020\n\nEmployment rose in construction (+18 thousand) but dropped in "
         "retail trade (-24 thousand, -3.2%).", "-24 thousand", key="employment"),
    case("Labour force survey, March 2020\n\nEmployment rose in construction (+18 thousand) but dropped in "
         "retail trade (-24 thousand, -3.2%).", "-3.2%", key="employment"),
    case("Retail trade turnover, March 2020\n\nTurnover in retail trade rose by 2.1%.", "2.1%", key="retail_trade"),
    # an aside that defines the indicator names other indicators: not the value's, nor the one in force
    case(INCOME_PER_HEAD, "$48,120", key="personal_income_per_capita"),
    case(INCOME_PER_HEAD, "$61,300", key="personal_income_per_capita", region="US-MA"),
    # "the state's" is the sentence's subject, not the place compared with in brackets
    case(INCOME_PER_HEAD, "$55,870", region="US-OR"),
    # the whole a share is of does not become what "the indicator" refers to
    case("Labour force survey, Q2 2020\n\nThe unemployment rate was 9.4%. Men made up 53.0% of the labour force. "
         "In the cities the indicator was 11.2%.", "11.2%", key="unemployment_rate", measure="level"),
    # a signed count of moves within the country is their balance
    case("Internal migration, 2021\n\nAlmaty (+6,410 people) and Astana (+5,020) gained residents through internal "
         "migration, while Kostanay region (-2,310) lost them.", "-2,310", key="internal_net_migration",
         measure="level", number=-2310),
    # a fuzzy title period gives way to the stretch the lead states; a byline names no place
    case("Mid-2021 population estimates\n\nBy Jordan Ellis, Reporter\n\nThe population on 30 June 2021 was "
         "3,120,400. It grew by 0.4% in the year to 30 June 2021.\n\nThere were 31,200 births.", "31,200",
         period=("2020-07-01", "2021-06-30"), region=None),
    # a census metropolitan area has no code: FACTS.md's code null
    case("Calgary census metropolitan area grew 3.9% to 1.6 million residents in the year to July 1, 2023.",
         "3.9%", region=None, period=("2022-07-01", "2023-06-30")),
    # a stock's date fronted after a lead's stretch dates the stocks, not the wages that follow
    case("TASHKENT. The average monthly wage reached 5.1 million soums in January-June 2023. As of July 1, the number "
         "of employees was 5.9 million. Wages were highest in finance (12.4 million soums).", "12.4 million",
         period=("2023-01-01", "2023-06-30")),
    # a period in brackets with its own value is that value's: "12,2 (in January-June 2022 - 12,6)"
    case("Births in the region, January-June 2023\n\nThe birth rate per 1000 population made 11,9 (in January-June "
         "2022 - 12,6).", "11,9", period=("2023-01-01", "2023-06-30")),
    # "v persons in REGION": the place after "in" is the value's, whatever comes next
    case("Unemployment, May 2022\n\nAn estimated 13.4 million persons in the EU, of whom 11.1 million in the euro "
         "area, were unemployed in May 2022.", "13.4 million", region="EU"),
    case("Unemployment, May 2022\n\nIn Osh oblast there were 6.5 thousand and in Bishkek 3.1 thousand unemployed.",
         "6.5 thousand", region="KG-O"),
    # a heading's place holds where the country is only ranked against: "the country's largest city"
    case("Unemployment in Kazakhstan, Q1 2023\n\nThe unemployment rate was 4.8%.\n\nShymkent\nThe country's "
         "third largest city had a rate of 5.2%. Here 30.1 thousand people were looking for work.", "30.1 thousand",
         region="KZ-79"),
    case("Unemployment in Kazakhstan, Q1 2023\n\nThe unemployment rate was 4.8%.\n\nAtyrau region\nThe region "
         "posted one of the lowest rates in the country, 4.1%.", "4.1%", region="KZ-23"),
    # trips, visits and nights are counts of events, not of people
    case("In 2022, the number of inbound visitor trips to Armenia amounted to 1,665.3 thousand. Of these, 905.1 "
         "thousand were overnight trips.", "1,665.3 thousand", unit="count"),
    case("In 2022, the number of inbound visitor trips to Armenia amounted to 1,665.3 thousand. Of these, 905.1 "
         "thousand were overnight trips.", "905.1 thousand", unit="count"),
    case("In 2022, Armenia received 1,665.3 thousand foreign visitors.", "1,665.3 thousand", unit="person"),
    # "the lowest rates" refers to the rate named last
    case("Unemployment, Q2 2023\n\nThe unemployment rate was 4.8%. Atyrau region posted one of the lowest rates, "
         "4.1%.", "4.1%", key="unemployment_rate", measure="level"),
    # an index against December covers the year so far, even in a release headlining its annual rate
    case(CPI_MONTHLY, "102,31%", period=("2022-01-01", "2022-05-31")),
    # a paragraph going on from a monthly one keeps its rate words
    case(CPI_MONTHLY, "+4,10%", period=("2022-05-01", "2022-05-31")),
    # the parts a sentence lists do not become the indicator of the paragraphs after it
    case(LGA_RELEASE, "1,312,100", key="population", region=None, period=("2021-06-30", "2021-06-30")),
    case(LGA_RELEASE, "+12,104", key="population", measure="change"),
    # scraped text: ")grew", ",by", ",followed by" read as if the spaces were there
    case(LGA_RELEASE, "4.2%", measure="change", direction="increase"),
    case(LGA_RELEASE, "3.1%", measure="change", direction="increase"),
    # districts and towns named with their type word have no code; where movers came from is not the subject
    case(DISTRICTS, "+1 140", region=None, measure="change"),
    case(DISTRICTS, "-860", region=None),
    case(DISTRICTS, "2,120", region="KZ-55", key="emigration"),
    case(DISTRICTS + " Between regions of the country 6 210 people arrived.", "6 210", region="KZ-55"),
    case("Wages in Azerbaijan, 2022\n\nBaku\nIn 2022, the average salary in the capital was 1,012.3 manat. Some "
         "721.5 thousand employees, or 42.9% of the country's total, worked here.", "721.5 thousand", region="AZ-BA"),
    # a fronted "since" period is its clause's: a later clause with its own basis takes the frame, and so
    # do the paragraphs after it
    case(CPI_SINCE, "9.8%", period=("2020-11-01", "2021-10-31")),
    case(CPI_SINCE, "2.3%", period=("2021-10-01", "2021-10-31")),
    # a change noun before a colon, for the items after it; a growth rate compared with a dated period
    case(SECTORS, "5,3 percent", measure="change", direction="increase", key="gdp"),
    case(SECTORS, "4,4 percent", measure="change", direction="increase", key="gross_value_added"),
    case(SECTORS, "8,8 percent", measure="change", direction="increase"),
    case(SECTORS, "3,9 percent", measure="change", key="industrial_production"),
    # the adjective of a country is its name; a place before "Bureau" names an institution
    case("German exports in May 2023\n\nWIESBADEN - In May 2023, German exports fell by 1.2% on April 2023. "
         "Exports to non-EU countries rose by 0.4%.", "0.4%", region="DE"),
    case("Tasmania's population grew by 4,100 people in the year to 30 June 2021, bringing the state's total to "
         "545,100, according to the Australian Bureau of Statistics.", "545,100", region="AU-TAS"),
    # a release whose first rate sets a month against the month before is monthly where it does not say;
    # "(April 2022 to April 2021)" compares, it is no range; "since January" runs from January
    case(CPI_BELTA, "16.9%", period=("2021-06-01", "2022-05-31"), reference=("2021-05-01", "2021-05-31")),
    case(CPI_BELTA, "+4.4%", period=("2022-05-01", "2022-05-31")),
    case(CPI_BELTA, "8.8%", period=("2022-01-01", "2022-05-31")),
    # in a release about visitors, "arrived" and "arrivals" are visitor arrivals (the lead after a dateline)
    case("Georgia welcomes 1.2 million visitors\n\nTBILISI, MAY 10, AGENDA. 1,204,300 foreign visitors arrived in "
         "Georgia in the first quarter of 2023, an increase of 31.2%. Turkey ranked first with 210,400 arrivals.",
         "210,400", key="visitor_arrivals"),
    # a table note "with the X in brackets": bracketed figures are X's, the others the header's first indicator
    case(ONS_TABLE, "77.1", key="employment_rate", region="UKH"),
    case(ONS_TABLE, "3.2", key="unemployment_rate", region="UKH"),
    # a group's inflation is its harmonised index; the place an office is "of" is not the value's
    case("Euro area annual inflation down to 2.6%\n\nEuro area annual inflation is expected to be 2.6% in February "
         "2024, down from 2.8% in January according to Eurostat, the statistical office of the European Union.",
         "2.8%", key="hicp", region="EA"),
    # an indicator opening the next clause with a value of its own is that value's
    case("In January-June 2023, exports totaled $1.1 billion, having grown 1.3 times, while imports climbed 8.2% to "
         "$4.0 billion.", "1.3 times", key="exports"),
    case("In 2023, imports from China hit $3.1 billion, up 21.5%, while exports to the country fell 4.0%.",
         "21.5%", key="imports"),
    # a list of places after a change verb, items separated by commas only, are changes too
    case("Retail Trade, Australia, March 2019\n\nTurnover rose in Victoria (0.8 per cent), Queensland (0.4 per "
         "cent) and Tasmania (1.1 per cent).", "0.4 per cent", measure="change", region="AU-QLD"),
    # a "$m" column: millions of dollars
    case("Retail trade, March 2019\n\nRetail turnover by state, March 2019: State $m % change from February 2019 "
         "NSW 8,310.2 0.4 Vic. 6,822.0 0.8 Qld 5,101.7 0.4", "6,822.0", number=6_822_000_000.0, unit="$"),
    # "(in <earlier period> - v)" restates the value before it for its own period
    case(RATES_BRACKETED, "14,5", key="death_rate", period=("2016-01-01", "2016-12-31")),
    case(RATES_BRACKETED, "14,8", key="death_rate", period=("2015-01-01", "2015-12-31")),
    case(RATES_BRACKETED, "12,6", key="birth_rate", period=("2015-01-01", "2015-12-31")),
    case("In 2022, a total of 26,910 persons immigrated to Norway, while 9,306 emigrated.", "26,910",
         key="immigration"),
    # an office line naming the country leaves the title's region in force
    case("Demographic situation in Andijan region, January-June 2021\n\nStatistics Agency under the President of the "
         "Republic of Uzbekistan, Andijan regional department\n\nIn January-June 2021, 39 412 births were "
         "registered in the region.", "39 412", region="UZ-AN"),
    # a county named with its type word has no code, and "the county's" refers back to it
    case("Maricopa County tops nation again\n\nPHOENIX - Maricopa County added 51,020 residents in the year to "
         "July 1, 2022.\n\nThe county's population climbed to 4.55 million.", "4.55 million", region=None),
    # US metropolitan areas named by their cities and states' postal codes have no code
    case("Metropolitan area unemployment, June 2023\n\nThe national rate was 3.8 percent. Bismarck, ND, had the "
         "lowest rate, 1.9 percent, while Dallas-Fort Worth-Arlington, TX (+98,200) gained the most jobs.",
         "1.9 percent", region=None),
    case("Metropolitan area unemployment, June 2023\n\nThe national rate was 3.8 percent. Bismarck, ND, had the "
         "lowest rate, 1.9 percent, while Dallas-Fort Worth-Arlington, TX (+98,200) gained the most jobs, the "
         "Bureau of Labor Statistics said.", "3.8 percent", region="US"),
    # a count per 1,000 people is the indicator's rate
    case("In 2019, 41 210 marriages were registered in the republic, or 6,4 per 1000 population.", "6,4",
         key="marriage_rate", unit="per_1000"),
    case("In 2018 the population of Malta grew by 36.9 per 1,000 residents.", "36.9", key="population_growth_rate"),
    # a table of contributions in percentage points: shares of the header's indicator, whatever the rows name
    case("Gross domestic product, March 2020 quarter\n\nGDP rose 0.3 percent in the quarter.\n\nContribution to "
         "quarterly GDP growth (percentage points): Agriculture 0.11 Manufacturing -0.04 Retail trade 0.06",
         "0.06", unit="percentage_point", measure="share", key="gdp"),
    # a generic word takes the family member its own sentence names before it
    case("Consumer price inflation, UK: May 2017\n\nThe Consumer Prices Index including owner occupiers' housing "
         "costs (CPIH) 12-month inflation rate was 2.7% in May 2017.", "2.7%", key="cpih"),
    # jobs "created" and "additional jobs" are changes; "NUTS 1" is a code, no value
    case("In the first quarter of 2023, salaried employment in Brittany (NUTS 1 region FRH) increased by 0.3%, "
         "that is 4,100 additional jobs. The market services sector created 2,900 jobs.", "2,900",
         measure="change", direction="increase"),
    case("In the first quarter of 2023, salaried employment in Brittany (NUTS 1 region FRH) increased by 0.3%, "
         "that is 4,100 additional jobs.", "4,100", measure="change"),
    # a dateline may name its agency first; live-born children are births
    case("Births in Moldova fall\n\nIPN, Chisinau, 20 March 2023 – In 2022, 26,990 live-born children were "
         "registered in the Republic of Moldova.", "26,990", region="MD", key="births"),
    # the date of a compared stock is a reference, not the stock date in force
    case("On 1 January 2020, the population of the EU was estimated at 447.3 million, compared with 446.8 million on "
         "1 January 2019. In 2019, more deaths than births were registered. Germany (83.2 million) was the most "
         "populous.", "83.2 million", period=("2020-01-01", "2020-01-01")),
    # list items take the rate basis of their lead-in
    case(CPI_LISTS, "2.1 percent", period=("2020-06-01", "2020-06-30")),
    case(CPI_LISTS, "0.55 percentage points", period=("2019-07-01", "2020-06-30")),
    # "per 1000 population there were" fronted; "other countries" are places, not the home country
    case("In 2018, per 1000 population there were 7,0 marriages and 1,8 divorces.", "1,8", unit="per_1000",
         key="divorce_rate", measure="rate"),
    case("Population of Karaganda region, January-June 2019\n\nExternal migration. 6 064 people left the region. "
         "Of those who left, 2 946 people went to the CIS countries and 3 118 people to other countries.",
         "3 118", region="KZ-35"),
    # "the largest economies" are countries, not GDP: the rate is the release's
    case("Euro area annual inflation, May 2024\n\nEuro area annual inflation is expected to be 2.6% in May 2024. "
         "In the largest economies, the annual rate is expected at 2.8% in Germany and 2.7% in France.", "2.8%",
         measure="change", region="DE"),
    # a wire's dateline without its year is the publication's day, not the base of "the prior quarter"
    case("Canada's economy grows 0.3%\n\nNovember 29, 2024 9:41 AM EST\n\nOTTAWA, Nov 29 (Reuters) - Canada's economy "
         "grew at an annualized rate of 1.0% in the third quarter, after rising 2.2% in the prior quarter.", "2.2%",
         period=("2024-04-01", "2024-06-30")),
    # a fronted "same period" of another year is the sentence's own time; "year-on-year" stays a basis
    case("Population, 3rd quarter 2022\n\nThe population grew by 21,340 during the quarter. In the same quarter of "
         "2021 the increase was 9,815.", "9,815", period=("2021-07-01", "2021-09-30")),
    case("Wages, 2nd quarter 2020\n\nThe average wage rose by 4.1% in the second quarter. In the same period last "
         "year the wage had risen by 5.3%.", "5.3%", period=("2019-04-01", "2019-06-30")),
    # "down 0.1 percentage point from May" compares with May; "62.6 percent nationally" is the country's
    case("Labour market, June 2023\n\nOhio's labor force participation rate was 61.4 percent in June, down 0.1 "
         "percentage point from May, compared with 62.6 percent nationally.", "0.1 percentage point",
         period=("2023-06-01", "2023-06-30"), reference=("2023-05-01", "2023-05-31"), region="US-OH"),
    case("Labour market, June 2023\n\nOhio's labor force participation rate was 61.4 percent in June, down 0.1 "
         "percentage point from May, compared with 62.6 percent nationally.", "62.6 percent",
         period=("2023-06-01", "2023-06-30"), region="US"),
    # a second comparison gapped after a comma: "..., with December 2018 - 100,9 percent" compares too
    case("Prices. In March 2020 the consumer price index in comparison with February 2020 made 100,4 percent, with "
         "December 2019 - 101,2 percent. Compared to March of previous year prices increased by 3,3 percent.",
         "101,2 percent", measure="level", period=("2020-01-01", "2020-03-31")),
    case("Prices. In March 2020 the consumer price index in comparison with February 2020 made 100,4 percent, with "
         "December 2019 - 101,2 percent. Compared to March of previous year prices increased by 3,3 percent.",
         "3,3 percent", period=("2019-04-01", "2020-03-31"), reference=("2019-03-01", "2019-03-31")),
    # a flattened table of activities in a regional release: the rows are the region's
    case("Labour market of Aktobe region, III quarter 2016\n\nAverage monthly nominal wage by types of economic "
         "activity, tenge (change to III quarter 2015, %): Industry 152 306 8,9 Construction 121 480 3,2 Trade 98 715 "
         "-1,2", "121 480", region="KZ-15", key="wages"),
    case("Labour market of Aktobe region, III quarter 2016\n\nAverage monthly nominal wage by types of economic "
         "activity, III quarter 2016 (tenge; change to III quarter 2015, %): Industry 152 306 8,9 Construction 121 480 "
         "3,2 Trade 98 715 -1,2", "3,2", measure="change", period=("2016-07-01", "2016-09-30")),
    # a text on visitors and hotels: arrivals of foreigners are visitor arrivals, departures outbound visitors;
    # "Baku. 24 July. APA." is a dateline, "the State Statistics Committee" no anaphor of a region
    case("Number of foreigners arriving in Azerbaijan up 8%\n\nBaku. 24 July. APA. In January-June 2018, 1,372,400 "
         "foreigners arrived in Azerbaijan, the State Statistics Committee told APA. About 59% of visitors came for "
         "leisure. Over the same period, 1,816,300 citizens of Azerbaijan travelled abroad. Hotels accommodated "
         "312,600 guests.", "1,372,400", key="visitor_arrivals", unit="person", region="AZ"),
    case("Migration, January-June 2018\n\nIn January-June 2018, 1,372 foreigners arrived in Kazakhstan for permanent "
         "residence. Hotels and visitors are not counted.", "1,372", key="immigration"),
    # a text at a day ("At the beginning of 2020") that then states the year before: flows and changes are the year's
    case(LV_POPULATION, "11,223", period=("2019-01-01", "2019-12-31")),
    case(LV_POPULATION, "-0.7%", period=("2019-01-01", "2019-12-31")),
    case(LV_POPULATION, "627,487", period=("2020-01-01", "2020-01-01")),
    # "(24.9% in October)" dates its own figure, not the sentences after it
    case("Producer prices, November 2022\n\nYear-on-year, industrial producer prices were 22.1% higher (24.9% in "
         "October). The annual growth was driven by energy prices, which were up by 58.3%.", "58.3%",
         period=("2021-12-01", "2022-11-30")),
    # a January-June release: a rate "in annual terms" is June's annual rate, "over the month" June's
    case(AZ_CPI, "19,4%", period=("2016-07-01", "2017-06-30")),
    case(AZ_CPI, "0,2%", period=("2017-06-01", "2017-06-30")),
    case(AZ_CPI, "4,1%", period=("2017-01-01", "2017-06-30")),
    # a house price release: "prices of existing owner-occupied dwellings" are house prices; a heading's
    # "price" is the family member the release names; the title's "in June" restated as the year to June
    case(NL_HOUSES, "6.9 percent", key="house_price_index", period=("2018-07-01", "2019-06-30")),
    case(NL_HOUSES, "9.8 percent", key="house_price_index", region="NL-GR"),
    case(NL_HOUSES, "311,547", key="average_price"),
    # "a €23.6 bn surplus in trade in goods": the surplus; "compared with +€7.7 bn": its earlier level
    case("Euro area international trade, February 2024\n\nThe euro area recorded a €23.6 bn surplus in trade in "
         "goods with the rest of the world in February 2024, compared with +€7.7 bn in February 2023.", "€23.6 bn",
         key="trade_balance", measure="level"),
    case("Euro area international trade, February 2024\n\nThe euro area recorded a €23.6 bn surplus in trade in "
         "goods with the rest of the world in February 2024, compared with +€7.7 bn in February 2023.", "+€7.7 bn",
         key="trade_balance", measure="level", period=("2023-02-01", "2023-02-28")),
    # a text at a stock date that then says "Last year": the flows after it are the year's
    case("Armenia's population declines\n\nYEREVAN, 15 FEBRUARY 2017, ARMENPRESS. The permanent population of Armenia "
         "as of January 1, 2017 made 2 million 986,1 thousand people.\n\nLast year 40 592 babies were born in the "
         "country.\n\nThe migration balance remained negative: those who left the country outnumbered those who "
         "arrived by 25 169 people.", "25 169", period=("2016-01-01", "2016-12-31")),
    # scraped text: "17.4%.Personal consumption"; an activity after the other clause's indicator is still its GVA
    case("Irish economy grew 8.2% last year\n\nThe industry sector expanded by 14.3%and accounted for 38.6%of GDP,"
         "while construction grew 17.4%.Personal consumption rose by 3.4%.", "17.4%", key="gross_value_added"),
    case("Irish economy grew 8.2% last year\n\nThe industry sector expanded by 14.3%and accounted for 38.6%of GDP,"
         "while construction grew 17.4%.Personal consumption rose by 3.4%.", "3.4%", key="household_consumption"),
    case("Population, first half of 2021\n\nPer thousand inhabitants, there were 9.3 live births and 15.8 deaths.",
         "15.8", unit="per_1000", measure="rate", key="death_rate"),
    # an index level "compared to December" after it: the year so far; a gapped second comparison is its own
    case("Socio-economic situation, January-September 2024\n\nThe consumer price index in September 2024 made 100,3% "
         "compared to August and 103,6% compared to December 2023.", "103,6%", measure="level",
         period=("2024-01-01", "2024-09-30")),
    case("Consumer prices, 2023\n\nThe consumer price index for December 2023 made 108.8% compared to December 2022.",
         "108.8%", measure="level", period=("2023-01-01", "2023-12-31")),
    # "5,2% below 2014": a change against that year
    case("Zhambyl region, 2015\n\nDuring the year 9 871 couples registered their marriage; the figure is 5,2% below "
         "2014.", "5,2%", measure="change", direction="decrease", period=("2015-01-01", "2015-12-31"),
         reference=("2014-01-01", "2014-12-31")),
    # an indicator heading the clause keeps its value: not the activity in its apposition
    case("Quarterly national accounts, 2nd quarter 2016\n\nTotal GDP, including petroleum activities and ocean "
         "transport, fell by 0.9 per cent.", "0.9 per cent", key="gdp"),
    # a region that "lost" a count of moves states their balance
    case("West Kazakhstan region, January-September 2019\n\nIn inter-regional migration the region lost 3 448 people.",
         "3 448", key="internal_net_migration", measure="level", number=-3448),
    # "Most Since 1994", "since the series began in 1994": history, no period of the figures after it
    case("Spain's Inflation Hits 10.8% as Food Prices Jump Most Since 1994\n\nConsumer prices in Spain rose 10.8% in "
         "July 2022 from a year earlier. Food cost 13.5% more than a year ago, the biggest increase since the series "
         "began in 1994. Prices of milk jumped 25.1%.", "25.1%", period=("2021-08-01", "2022-07-31")),
    # in a text about a region, the regions people came from or went to are partners, not the fact's region
    case("Mangystau region, I quarter 2021\n\nWithin the republic, 4 870 people arrived in the region. Most of those "
         "who arrived came from Turkistan region (1 102 people) and Kyzylorda region(845).", "1 102", region="KZ-47"),
    # "since ISTAT's records began in 1977": history
    case("Italy unemployment, June 2018\n\nThe number of people in work rose by 16,000 on the month to 23.33 million, "
         "the highest since ISTAT's records began in 1977.", "23.33 million", period=("2018-06-01", "2018-06-30")),
    # a news writer's adjective between the verb and the figure
    case("US jobs, April 2019\n\nWASHINGTON (AP) — America's employers added a robust 263,000 jobs in April.",
         "263,000", measure="change", direction="increase"),
    # a change noun after a superlative heads the items whose values follow it
    case("Personal income, third quarter 2018\n\nThe states with the fastest growth were Ohio (6.1 percent), Iowa "
         "(5.8 percent) and Utah (5.5 percent).", "6.1 percent", measure="change", direction="increase"),
    case("Gross domestic product, 2021\n\nAmong services, the highest growth was noted in transport – 1,4 times, "
         "finance – 17,2%, and trade – 9,1%.", "17,2%", measure="change", direction="increase"),
    case("Retail, 2023\n\nThe largest increase was recorded in Tartu county (4.2%), while sales elsewhere held.",
         "4.2%", measure="change", direction="increase"),
    case("Retail, 2023\n\nThe largest increase was in Tartu county, which accounted for 31.0% of all sales.",
         "31.0%", measure="share"),
    # a growth noun, what it is for, a copula: the growth's figure
    case("GDP, March 2020 quarter\n\nAnnual GDP growth for the year ended March 2020 was 1.6 percent.",
         "1.6 percent", measure="change", direction="increase"),
    # a percent-change noun heading the clause: a change, signed as written
    case("State personal income, 2019\n\nThe percent change in personal income across all states ranged from "
         "5.2 percent in Idaho to -0.3 percent in Wyoming.", "5.2 percent", measure="change", direction="increase"),
    case("State personal income, 2019\n\nThe percent change in personal income across all states ranged from "
         "5.2 percent in Idaho to -0.3 percent in Wyoming.", "-0.3 percent", measure="change", direction="decrease",
         number=0.3),
    case("Wages, 2022\n\nThe annual percentage change in average weekly earnings was 4.4% in the private sector.",
         "4.4%", measure="change", direction="increase"),
    # "Growth was highest in Oslo (4,360)": the growth's figure, a change; not so inside "natural decrease"
    case("Population, 2nd quarter 2021\n\nThe population increased in all counties. Growth was highest in Oslo "
         "(3,910) and Viken (4,820).", "3,910", measure="change", direction="increase"),
    case("Population of Ukraine, 2019\n\nThe natural decrease was the highest in Dnipropetrovsk oblast (-21 410 "
         "persons).", "-21 410", measure="level", number=-21410),
    # ... while a labour force survey's rate covers its quarter
    case("Labour force survey, second quarter 2021\n\nThe unemployment rate was 6.1%, and 1.2 million people were "
         "unemployed. The number of registered unemployed was 310 thousand.", "6.1%", key="unemployment_rate",
         period=("2021-04-01", "2021-06-30")),
]

BUGS_CAUGHT = [
    # "increase" inside the indicator "natural increase" is not a direction
    case("In 2024 the natural increase in Kazakhstan amounted to 172,688 people.", "172,688",
         measure="level", direction=None, key="natural_increase"),
    # "made up" is a share cue, not the direction "up"
    case("In 2024 GDP per capita in Georgia made up GEL 6,075.3.", "6,075.3", measure="level", direction=None),
]

RELATIVE_MONTHS = [
    # "Last month" in a dated story is the month before the dateline's; a later "over the month" is that month
    case("Flats dearer\n\nTBILISI, 9 March 2022. Newsline – Last month, prices for resale apartments in Georgia "
         "increased by 11,4% compared to February 2021. Over the month the increase made 1,3%.", "11,4%",
         key="house_price_index", period=("2021-03-01", "2022-02-28")),
    case("Flats dearer\n\nTBILISI, 9 March 2022. Newsline – Last month, prices for resale apartments in Georgia "
         "increased by 11,4% compared to February 2021. Over the month the increase made 1,3%.", "1,3%",
         period=("2022-02-01", "2022-02-28")),
    # after a lead on the year, "Last month" is its own sentence's: the next one is the year's again
    case("Prices up 7.1% in 2019\n\nThe Weekly Courier, 6 January 2020\n\nConsumer prices in Armenia rose by "
         "7.1% in 2019. Last month, prices rose by 0.6%.\n\nFood went up in price by 9.2%.", "0.6%",
         period=("2019-12-01", "2019-12-31")),
    case("Prices up 7.1% in 2019\n\nThe Weekly Courier, 6 January 2020\n\nConsumer prices in Armenia rose by "
         "7.1% in 2019. Last month, prices rose by 0.6%.\n\nFood went up in price by 9.2%.", "9.2%",
         period=("2019-01-01", "2019-12-31")),
    # a bracket that opens with its own period dates its own figure, not the sentences after it; "within" the
    # country is where people moved, the release's region stays
    case("Migration in Kostanay region, 2019\n\nThe migration outflow made 4 210 persons (in 2018 – 3 870 "
         "persons). Within Kazakhstan 18 340 persons arrived in the region.", "18 340",
         region="KZ-39", period=("2019-01-01", "2019-12-31")),
    # a headline's "in three months" is the stretch the lead dates, not January-March
    case("Manitoba adds 9,000 people in three months\n\nWINNIPEG, Oct 2, 2023 – Manitoba's population grew by "
         "9,214 between April 1 and July 1, 2023. Immigrants accounted for 6,100 of the gain.", "6,100",
         period=("2023-04-01", "2023-06-30")),
    # a country's possessive names where its province is: the province is the subject, for the whole text
    case("Population of Georgia's Imereti region fell by 4,100 in 2019\n\nTBILISI, March 3, 2020 – The population "
         "of Imereti region decreased by 4,100 people in 2019.\n\nIn 2019, 5,912 births were registered.", "5,912",
         region="GE-IM"),
    # a province's GDP is its gross regional product; its share of the national GDP stays GDP
    case("Regional accounts, 2021\n\nIn 2021 the GDP of Podlaskie rose by 4.1% and made 3.2% of the national GDP.",
         "4.1%", key="gross_regional_product", region="PL-20"),
    case("Regional accounts, 2021\n\nIn 2021 the GDP of Podlaskie rose by 4.1% and made 3.2% of the national GDP.",
         "3.2%", key="gdp", measure="share"),
    # no share is over 100%: a percent above it is an index's level, unless it is a part "of" a whole
    case("Wages in Naryn region, 2022\n\nThe average monthly nominal wage made 18 240 soms, or 112,4% "
         "compared to 2021.", "112,4%", measure="level", unit="percent"),
    case("Population of Latvia, 2023\n\nNet migration accounted for 130% of the population increase in 2023.",
         "130%", measure="share", gap="a share over 100% of a change reads as an index level"),
    # a rate's own unit word: a fertility rate counts children per woman, not people
    case("Births, 2021\n\nIn 2021 the total fertility rate in Estonia was 1.61 children per woman.", "1.61",
         unit="children", key="fertility_rate", measure="level"),
    # a yearless dateline dates the story, never a figure
    case("Tajikistan lost 9,2 thousand people to migration in 2021\n\nDUSHANBE. Mar 3 (Asia-Plus) - In 2021 "
         "6 410 people arrived in Tajikistan. As of January 1, 2022 the population made 9 million 750 thousand.",
         "6 410", key="immigration", period=("2021-01-01", "2021-12-31")),
    # a release's "this quarter" is the quarter it reports
    case("Wage Price Index, June quarter 2016\n\nReleased 17 August 2016\n\nThe index rose 0.5% this quarter.",
         "0.5%", period=("2016-04-01", "2016-06-30")),
]

LEADS_AND_MOVES = [
    # a headline that names no place leaves the subject to the lead, for the whole text
    case("Population up 9,000 in three months\n\nManitoba's population grew by 9,214 between April 1 and "
         "July 1, 2023.\n\nThe province's population stood at 1,454,902 on July 1.", "1,454,902",
         region="CA-MB", key="population"),
    # the Canadian Press's "N.S." in a headline is the province, not a dateline
    case("N.S. population rises 12,000\n\nThe population grew by 12,057 people in the quarter.\n\nThe "
         "province's population stood at 1,030,953 on July 1, 2022.", "1,030,953", region="CA-NS"),
    # a move into the place the text is about is its immigration; a move to another country its emigration
    case("Net migration to UK hits 336,000\n\nAn estimated 636,000 people moved to the UK in the year to June "
         "2015, while 300,000 emigrated.", "636,000", key="immigration", region="GB"),
    case("Net migration to UK hits 336,000\n\nAn estimated 636,000 people moved to the UK in the year to June "
         "2015, while 300,000 emigrated.", "336,000", key="net_migration", region="GB"),
    # the office line under a headline dates the issue, not the figures
    case("Ontario's population grows by 1.3% in 2023\n\nOntario Ministry of Finance, Quarterly Demographic "
         "Bulletin, No. 12, March 2024\n\nThe province recorded 143,200 births, 2.1% fewer than in 2022.",
         "143,200", key="births", period=("2023-01-01", "2023-12-31")),
    # a stock at "end-2024" or "the end of June" is counted on that day
    case("Guernsey population estimate\n\nThe resident population stood at 64,100 at end-2024, up 0.4%.",
         "64,100", key="population", period=("2024-12-31", "2024-12-31")),
    case("Resident population by island (persons; end of June 2016): Tongatapu 74,610 Vava'u 13,740 "
         "Ha'apai 5,910", "13,740", key="population", region="TO-05", period=("2016-06-30", "2016-06-30")),
    # an office's line ending with its town and the date: the town is where it was issued, not the subject
    case("Quarterly economic growth. 3rd quarter of 2023\n\nStatistical Institute of Catalonia (Idescat), "
         "Barcelona, 7 November 2023\n\nThe Catalan economy grew by 2.6% year-on-year in the third quarter "
         "of 2023.\n\nGDP reached 68,412 million euros.", "68,412 million", region="ES-CT"),
    # in a text about a republic within a country, "the republic" is that region
    case("Demographic situation in the Republic of Bashkortostan in January-June 2018\n\nThe number of "
         "permanent population of the republic as of July 1, 2018 made 4 million 55,2 thousand people.",
         "4 million 55,2 thousand", region="RU-BA", key="population"),
    # a newspaper named after its place names no subject
    case("Inflation slows to 8.9% in April\n\nBuenos Aires Times|14-05-2024|Economy\n\nConsumer prices in "
         "Argentina rose 8.9 percent in April.\n\nCore inflation was 6.3 percent.", "6.3 percent", region="AR"),
    # "Comparing A with B": B is what A is compared with
    case("Trade statistics for October 2017\n\nComparing October 2017 with October 2016, exports to Vietnam "
         "rose (+28.4%).", "+28.4%", period=("2017-10-01", "2017-10-31")),
    # a look back ("had made") leaves the text's period in force
    case("GDP up 7,1% in the second quarter\n\nIn the II quarter of 2022 GDP increased by 7,1%. In the I "
         "quarter the growth had made 14,9%.\n\nGDP per capita made 4 709,3 GEL.", "4 709,3",
         period=("2022-04-01", "2022-06-30")),
    # a year in a publication's title is no period; "a year earlier" is a year before the value set against it
    case("Tea output hits record\n\nBy Jane Doe|Business Daily|Thursday,April 28,2016\n\nTea production rose "
         "11.4 per cent to 399,211 tonnes last year,the bureau said in the Economic Survey 2016.\n\nCoffee "
         "production fell 4.3 per cent.", "4.3 per cent", period=("2015-01-01", "2015-12-31")),
    case("Izmir's population\n\nEge Haber | Local news | 5 February 2021\n\nThe population rose to 4 million "
         "394 thousand as of 31 December 2020. Its annual population growth rate was 6.3 per thousand, compared "
         "with 15.9 per thousand a year earlier.", "15.9", period=("2019-01-01", "2019-12-31")),
    # "Of them residents of Kazakhstan": a group of the whole just counted, in the region the text is about
    case("Accommodation in Astana city in 2023\n\nIn 2023 the places of accommodation of the city served 1 "
         "million 84,6 thousand visitors. Of them residents of Kazakhstan made 812,3 thousand people (74,9%).",
         "812,3 thousand", key="visitor_arrivals", region="KZ-71"),
    # a town in an office's line may be another country's region; the place the text is about decides
    case("Labour Force Statistics, October 2018\n\nBC Stats, Victoria, November 2, 2018\n\nBritish "
         "Columbia's unemployment rate edged down to 4.2% in October.\n\nTotal employment reached 2,497,800.",
         "2,497,800", region="CA-BC"),
    # the lead's fuller name of the title's place; "At the national level" is the whole country
    case("Lima's inflation hits 8.09%\n\nLima, June 1, 2022 (ANDINA). Consumer prices in Metropolitan Lima rose "
         "0.38% in May.\n\nCore inflation rose 0.29% in the month.\n\nAt the national level, the CPI increased "
         "0.47% in May and 8.81% year-on-year.", "0.29%", region="PE-LMA"),
    case("Lima's inflation hits 8.09%\n\nLima, June 1, 2022 (ANDINA). Consumer prices in Metropolitan Lima rose "
         "0.38% in May.\n\nCore inflation rose 0.29% in the month.\n\nAt the national level, the CPI increased "
         "0.47% in May and 8.81% year-on-year.", "8.81%", region="PE"),
    # the byline under a headline is no section heading: the headline's indicator stays in force
    case("Metro Vancouver housing starts hit record 26,000 in 2022\n\nVancouver Sun, VANCOUVER, January 17, "
         "2023\n\nBuilders broke ground on 26,048 homes in Metro Vancouver last year.", "26,048",
         key="housing_starts"),
    case("Migration from Latvia, 2019\n\nIn 2019, 14,060 people moved to Germany from Latvia.", "14,060",
         key="emigration"),
    # each place of a list people went to (or came from), bracket after bracket, is where they went: the
    # region the text is about keeps the figures
    case("Migration in Lviv region, 2019\n\nWithin the country 21 450 people arrived in the region. Most "
         "of the arrivals came from Ternopil oblast (2 104 persons), Ivano-Frankivsk oblast (1 987) and Volyn "
         "oblast(1 655).", "1 987", region="UA-46"),
    case("Migration in Lviv region, 2019\n\nWithin the country 21 450 people arrived in the region. Most "
         "of the arrivals came from Ternopil oblast (2 104 persons), Ivano-Frankivsk oblast (1 987) and Volyn "
         "oblast(1 655).", "1 655", region="UA-46"),
    # a subdivision name several countries share is the home country's
    case("Zambia's inflation rises to 11.2%\n\nLUSAKA - Annual inflation in Zambia rose to 11.2 per cent in March "
         "2023. Provincial inflation ranged from 8.7 per cent in Western Province to 12.6 per cent in Eastern "
         "Province.", "8.7 per cent", region="ZM-01"),
    # ... and so is one a country named in the text shares: "Bolivian" decides Santa Cruz (Argentina's ranks first)
    case("Foreign trade of the department of Santa Cruz, 2013\n\nBolivian Institute of Foreign Trade, Santa Cruz "
         "de la Sierra\n\nIn 2013 the exports of the department of Santa Cruz reached 3.604,8 million dollars.",
         "3.604,8 million", region="BO-S"),
    # a subdivision whose own name carries its type word ("Central Region") is found, and is the home country's
    case("Malawi population now at 17.6 million\n\nMALAWI's population stood at 17,563,749 on census night, 3 "
         "September 2018. The Southern Region remains the most populous, followed by the Central Region(7,523,340).",
         "7,523,340", region="MW-C"),
    # a census counts on its census day: the day is in force for the counts after it, and the census's own
    # year ("Census 2021", "the 2022 Population and Housing Census") is no period
    case("Population crosses 29 million\n\nThe population stood at 29,164,578 on census day,November 25,2021, "
         "according to the National Population and Housing Census 2021.\n\nThere are 14,911,027 females.",
         "14,911,027", period=("2021-11-25", "2021-11-25")),
    case("Population hits 15,2 million\n\nThe population stood at 15 212 764 on census night,April 20,2022,"
         "according to the 2022 Population and Housing Census.\n\nHarare(2 427 209)remained the most populous.",
         "2 427 209", period=("2022-04-20", "2022-04-20")),
    # the Commonwealth of the Northern Mariana Islands as its press writes it; source markets are partners
    case("CNMI visitor arrivals up 14% in February\n\nTHE Commonwealth welcomed 11,842 visitors in February 2025. "
         "South Korea remained the top source market with 7,216 arrivals.", "11,842", region="MP"),
    # an outlet's line "<name> – <town>, <date>" names where the paper is, not the subject
    case("Exports fall 21% in the pandemic\n\nLos Tiempos – Cochabamba, January 26, 2021\n\nIn 2020, Bolivia's "
         "exports reached 6.945,2 million dollars.\n\nImports fell 27,2%.", "27,2%", region="BO"),
    # the share of the region in the country's whole is the region's
    case("Gross regional product of Ivano-Frankivsk region in 2014\n\nThe gross regional product of the region made "
         "31 562 million hryvnias. The share of the region in the total gross domestic product of Ukraine made 2,0%.",
         "2,0%", region="UA-26"),
    # the date of a count compared with leaves the census day in force
    case("Population now 1.09 million\n\nMBABANE – Eswatini had 1,094,617 residents on census night, 11 May 2017. "
         "The figure is 76,094 more than the 1,018,523 people counted on 11 May 2007.\n\nThe census counted "
         "564,317 females.", "564,317", period=("2017-05-11", "2017-05-11")),
    # goods imported into a place are its imports: the place is no partner
    case("Import bill rises 4.2%\n\nThe value of goods imported into Bermuda rose 4.2 per cent last year to $1.38 "
         "billion.\n\nThe United States supplied 71.5 per cent of imports, worth $986.7 million.", "$1.38 billion",
         region="BM"),
    # the year of a figure compared with is no frame for the sentences after it
    case("Trade gap narrows\n\nIslands Business | Nouméa | 12 March 2020\n\nNew Caledonia's exports rose 8.4 percent "
         "to XPF 174.5 billion last year. The trade deficit narrowed to XPF 70.8 billion from XPF 97.8 billion in "
         "2018.\n\nNickel products made up 91.0 percent of exports.", "91.0 percent",
         period=("2019-01-01", "2019-12-31")),
    case("Demographic situation in Akmola region, 2021\n\nWithin the republic 9 874 people left the region. "
         "Most of those who left settled in Astana city (3 102 people) and Karaganda region(1 417).", "3 102",
         region="KZ-11"),
    # an index's base after "to" is compared with, and the year in force stays for the sentences after it
    case("Housing construction in Tuva in 2022\n\nIn 2022 in the republic 1 204 apartments were commissioned, that "
         "made 108,3% to 2021. Individual developers built 61,9 thousand square meters of housing.", "108,3%",
         period=("2022-01-01", "2022-12-31")),
    case("Housing construction in Tuva in 2022\n\nIn 2022 in the republic 1 204 apartments were commissioned, that "
         "made 108,3% to 2021. Individual developers built 61,9 thousand square meters of housing.", "61,9 thousand",
         period=("2022-01-01", "2022-12-31")),
    # a bracketed change after a value and its unit words restates that value: "import – 604,7 million US dollars
    # (growth of 19,3%)"
    case("Foreign trade turnover of Surkhandarya region in January-March 2021 made 212,4 million US dollars. Export "
         "made 81,5 million US dollars (growth of 7,2%), import – 130,9 million US dollars (growth of 11,6%).",
         "11,6%", key="imports"),
    # scraped text: "million(+10.3%),imports" is a bracket, a comma and a word
    case("Exports made up $118.2 million(+4.1%),imports $96.4 million(+2.7%). The surplus widened.",
         "$96.4 million", key="imports"),
    # a bracket that names its period keeps it: not for the next item, but for every value inside it and for a
    # bare bracket after it
    case("Demographic situation in Penza region in January-June 2019\n\nThe birth rate made 8,4 per 1000 population "
         "(in January-June 2018 – 8,9), the death rate – 15,7 (15,1).", "15,7", period=("2019-01-01", "2019-06-30")),
    case("Demographic situation in Penza region in January-June 2019\n\nThe birth rate made 8,4 per 1000 population "
         "(in January-June 2018 – 8,9), the death rate – 15,7 (15,1).", "15,1", period=("2018-01-01", "2018-06-30")),
    case("Retail trade in Tula region in 2021\n\nIn the structure of turnover food products made 46,2%, non-food "
         "goods – 53,8% (in 2020 – 47,5% and 52,5% respectively).", "52,5%", period=("2020-01-01", "2020-12-31")),
    # a difference in an aside defines the word before it; a bracketed change restates its value
    case("Natural increase, births minus deaths, contributed 1,208 to the quarter's growth.", "1,208",
         key="natural_increase"),
    case("Export made 212,4 million US dollars (decreased in 1,2 times), the import – 98,7 million US dollars "
         "(by 6,1% less).", "6,1%", key="imports"),
    # "Muscat: The ..." opens a report filed from the capital; the country stays the subject
    case("Inflation eases to 0.8% in March\n\nMuscat: The consumer price index in the Sultanate of Oman rose by 0.8 "
         "percent in March 2023 compared with March last year. The rate was 1.1 percent in February.",
         "1.1 percent", region="OM"),
    # bracketed percents after places that follow a share of the same sentence are shares, not a ranked change
    case("Foreign trade of Amur region in 2016\n\nThe turnover decreased by 4,1%. The main partners were China "
         "(81,2% of the turnover), Japan (6,4%) and Korea (3,3%).", "6,4%", measure="share"),
    # an elliptical item names the counterpart of the indicator before it
    case("The urban population made 712,4 thousand people (58,3%), rural – 509,6 thousand people.",
         "509,6 thousand", key="rural_population"),
    # "earned" in a trade text: what goods brought in from abroad
    case("Exports rose 8.1 per cent to $5.4 billion in the first quarter. Garments and footwear earned $2.61 billion.",
         "$2.61 billion", key="exports"),
    # the capital cities Australian prices are measured for are cities, with no code
    case("Perth inflation eases\n\nPerth's consumer prices rose 0.9 per cent in the June quarter, the ABS said.",
         "0.9 per cent", region=None),
    # in a GDP text the sectors' changes are their gross value added, past an aside that gives their share
    case("Lesotho's GDP grew 1.1 percent in 2018. The secondary sector shrank by 4.2 percent. Agriculture, which "
         "accounts for 6.1 percent of GDP, grew 2.7 percent.", "2.7 percent", key="gross_value_added"),
    case("Lesotho's GDP grew 1.1 percent in 2018. The secondary sector shrank by 4.2 percent. Agriculture, which "
         "accounts for 6.1 percent of GDP, grew 2.7 percent.", "4.2 percent", key="gross_value_added"),
    # "brought in" in a trade text: what the goods earned abroad, whatever prices the sentence names
    case("Exports rose 6.2% to US$4.1 billion in the first half. Among the main products, coffee brought in US$611.4 "
         "million, 1.8 times more than a year earlier thanks to higher international prices.", "US$611.4 million",
         key="exports"),
    # a byline's fields between bars: the reporter's town is no subject
    case("Jobless rate rises to 2.9 percent\n\nDaily Herald | Karma Wangdi, Thimphu | May 4, 2018\n\nBhutan's "
         "unemployment rate rose to 2.9 percent last year.\n\nOf the 318,204 people in the labour force, 308,977 "
         "were employed.", "308,977", region="BT"),
    # in a GDP table, a row named by an activity is that activity's gross value added
    case("The economy grew by 3.1 percent in the second quarter of 2019, the statistics office said.\n\nReal "
         "growth by activity, Q2 2019 (year-on-year, %): Agriculture 2.40 Industry -1.15 Services 4.02",
         "-1.15", key="gross_value_added"),
    # ... also where the activity is an indicator's name too, and in a release on a region's GRP
    case("Gross regional product of the region in 2019\n\nStructure by kinds of economic activity "
         "(billion rubles; in % to 2018): Construction 57,1 95,4 Wholesale and retail trade 51,8 101,6",
         "51,8", key="gross_value_added"),
    case("Gross regional product of the region in 2019\n\nGross regional product by kinds of economic activity "
         "(billion rubles; in % to 2018): Construction 57,1 95,4 Wholesale and retail trade 51,8 101,6",
         "51,8", key="gross_regional_product"),
    case("Dubai's economy grew 2.1 per cent in 2019.\n\nThe emirate's gross regional product reached AED 398 "
         "billion. Transportation and storage, which makes up 12.1 per cent, grew 3.9 per cent.", "3.9 per cent",
         key="gross_value_added"),
    # a period after a comparison word is the base, also after "in relation to", "than on" and a translated
    # fiscal year ("the management 2012", Spanish "gestión")
    case("Foreign trade, 2013\n\nIn 2013 exports reached 3.604,8 million dollars. In comparison with the management "
         "2012, the exported value increased in 11,2%.", "11,2%", period=("2013-01-01", "2013-12-31")),
    case("Economy, 2012\n\nIn 2012 GDP reached R$ 386 billion. In real terms the economy grew 1,2% in relation to "
         "2011.", "1,2%", period=("2012-01-01", "2012-12-31")),
    case("Population of the province\n\nThe population on 30 June 2014 was estimated in 5 million 130 thousand 628 "
         "inhabitants, more 145 thousand 912 than on 30 June 2013.", "145 thousand 912",
         period=("2014-06-30", "2014-06-30")),
    # a price index's table of rates: its percents are changes, whatever their size
    case("CPI of the province, March 2019\n\nCPI by chapter, March 2019 (% monthly; % y-o-y): Food and beverages "
         "6.2 58.7 Clothing 3.1 49.2 Housing 6.8 67.3 Transport 4.4 62.5", "67.3", measure="change",
         direction="increase", period=("2018-04-01", "2019-03-31")),
    case("CPI, August 2025\n\nCPI inflation of cities, August 2025 (2022=100; m-to-m, y-on-y, %): Denpasar -0,11 "
         "2,05 Singaraja 0,02 1,58 Badung -0,14 2,61", "2,61", measure="change", direction="increase"),
    # "var." heads a column of changes
    case("Exports of the region, 2018\n\nExports by sector, 2018 (US$ million; var. %): Mining 23,665.3 4.1 Industry "
         "1,604.2 8.9 Agriculture and fishing 149.1 -6.7", "8.9", measure="change", direction="increase"),
    # the year prices are measured in is no period
    case("Economy grows 6.8% in 2024\n\nThe economy expanded by 6.8 percent in 2024.\n\nGRDP reached P1.61 trillion at "
         "constant 2018 prices. Services grew 7.9 percent.", "7.9 percent", period=("2024-01-01", "2024-12-31")),
    # machine-translated direction nouns and verbs ("descenso", "recuou")
    case("Electricity, 2010\n\nThe thermal generation reached 4.181,2 GWh (36,4%), with a descent of 14,8%.",
         "14,8%", measure="change", direction="decrease"),
    case("Economy of the state, 2015\n\nThe state economy shrank 3.4% in 2015. Within industry, manufacturing "
         "retreated 10.4%.", "10.4%", measure="change", direction="decrease"),
    # a price index's own level in points is the month's, though the annual rate beside it covers twelve months
    case("Consumer prices, August 2025\n\nIn August 2025 the year on year inflation was 2,14 percent with the "
         "Consumer Price Index (CPI) of 108,73.", "108,73", period=("2025-08-01", "2025-08-31")),
    # "deflation" names a fall of prices; a period opening the next clause is the next value's
    case("Consumer prices, August 2025\n\nIn August 2025 annual inflation was 2,14 percent. Month to month there "
         "happened deflation of 0,09 percent, and the year to date inflation was 1,37 percent.", "0,09 percent",
         direction="decrease", period=("2025-08-01", "2025-08-31")),
    # fiscal years: as the text says where they end, or as the home country's government keeps them
    case("Palau economy shrinks in FY2017\n\nPalau's real GDP contracted by 3.6 percent in fiscal year 2017, which "
         "ended on September 30. At current prices GDP was $289.2 million, down from $296.6 million in FY2016.",
         "$296.6 million", period=("2015-10-01", "2016-09-30")),
    case("GDP grows 8.6% to £2.4bn in 2018/19\n\nGibraltar's GDP rose in 2018/19, the Chief Minister said. Growth in "
         "the previous year had been revised up to 10.4%.", "10.4%", period=("2017-04-01", "2018-03-31")),
    case("Australia's population grew by 1.5 per cent in the 2018-19 financial year, the ABS said.", "1.5 per cent",
         region="AU", period=("2018-07-01", "2019-06-30")),
    # a lead's first word in capitals with its verb after it is the subject, not a dateline
    case("Tassie tourism hits new high\n\nBy Linh Carver\nMarch 22, 2018\n\nTASMANIA welcomed a record 1.26 million "
         "visitors in 2017, up 4 per cent.\n\nVisitors spent a total of $2.32 billion in the state.",
         "$2.32 billion", region="AU-TAS"),
    # with no stretch stated, births are the year's that ends at the day in force
    case("Canton of Zurich passes 1.5 million residents\n\nTages-Anzeiger, Zurich, 23 March 2017\n\nAt the end of 2016 "
         "the canton of Zurich had 1,504,346 inhabitants.\n\nBirths outnumbered deaths: 17,542 babies were born and "
         "11,574 people died.", "17,542", period=("2016-01-01", "2016-12-31")),
    # nights spent are a count of nights; an average stay in nights keeps its word
    case("Tourism in Varna in 2023\n\nAccommodation establishments reported 5 118,7 thousand nights spent in 2023.",
         "5 118,7 thousand", unit="count"),
    case("Tourism in Krakow in 2017\n\nThe average length of stay amounted to 2,6 nights in 2017.", "2,6",
         unit="nights"),
    # a year that dates a figure compared with is that figure's, not the paragraph's
    case("Arrivals\n\nVisitor arrivals fell 18.5 percent to 122,726 in 2017, after a record 168,760 in 2015. "
         "Hotels made up 14.9 percent of GDP.", "14.9 percent", period=("2017-01-01", "2017-12-31")),
]

TOWNS_TOTALS_AND_BASES = [
    # a town named with a lower-case "city" after it is the town, not the region of its name (Talas region, KG-T)
    case("Average wage in Talas region, 2019\n\nIn 2019 the average monthly wage in Talas region made 13,400 soms. "
         "In Talas city the average wage made 15,900 soms.", "15,900", region=None, region_name="Talas city"),
    case("Labour market, third quarter 2022\n\nIn the third quarter of 2022 the unemployment rate of the Gran "
         "Mendoza agglomeration was 5,1%.", "5,1%", region=None),
    # a sentence that breaks a figure down by city names its towns, though no gazetteer knows them
    case("Indonesia retail sales rise in May\n\nIndonesia's retail sales grew 4.1 percent year-on-year in May 2022."
         "\n\nBy city, sales grew fastest in Surabaya (9.1 percent) and Medan (7.4 percent), while in Makassar they "
         "fell 1.2 percent.", "7.4 percent", region=None, region_name="Medan"),
    # the total of a table of goods is the region's in force; its column compared with a year earlier is the
    # 12 months to the table's month
    case("Inflation in Hesse eases\n\nConsumer prices in Hesse rose more slowly in May 2023.\n\nConsumer prices, "
         "state of Hesse, May 2023 (change on May 2022, %; on April 2023, %): Food 12.3 0.4 Energy 4.1 -0.6 Total "
         "6.3 0.2", "6.3", region="DE-HE",
         period=("2022-06-01", "2023-05-31")),
    # the whole country in a contrast clause after a value is that clause's place only
    case("Labour force survey, Rayong province, Q1 2024\n\nThe unemployment rate was 1.4%, up 0.2 percentage "
         "points, while the unemployment rate of the whole country stood at 1.0%.", "1.4%", region="TH-21"),
    case("Labour force survey, Rayong province, Q1 2024\n\nThe unemployment rate was 1.4%, up 0.2 percentage "
         "points, while the unemployment rate of the whole country stood at 1.0%.", "1.0%", region="TH"),
    case("Wages in Salta province, 2015\n\nThe average wage of the sector reached $ 9.120 per month, up 31,2%; at "
         "national level the rise was 29,5%.", "31,2%", region="AR-A"),
    # ... and so is one in a bracket after it
    case("Vital statistics, Lovech district, 2020\n\nIn 2020 the live-born were 812. The birth rate made 6,4‰ (for "
         "the country – 8,5‰).", "6,4‰", region="BG-11"),
    # the country others places are "of" is where people went, not the subject
    case("Migration, Lovech district, 2020\n\nIn 2020 from the district to other settlements of the country left "
         "1 920 persons.", "1 920", region="BG-11"),
    # a place the value is ranked against, with no figure of its own, is not the value's
    case("Exports of Mato Grosso, 2023\n\nImports reached US$ 1.9 billion, so the surplus came to US$ 28.4 billion, "
         "the largest among the states, ahead of Minas Gerais.", "US$ 28.4 billion", region="BR-MT"),
    # the region's share in the country's total is the region's
    case("GDP of Sergipe, 2021\n\nThe state's share in Brazilian GDP fell to 0.58%, from 0.61% in 2020.", "0.58%",
         region="BR-SE"),
    # a national figure after the sentence's place
    case("Paraíba GDP, 2021\n\nThe GDP of Paraíba grew 5.2% in 2021, above the national growth of 4.6%.", "4.6%",
         region="BR"),
    # "Nationally," opening a sentence puts it in the whole country
    case("Producer prices in Hunan, May 2022\n\nIn May the producer prices of Hunan rose by 5,1% year-on-year.\n\n"
         "Nationally, in May the ex-factory prices rose by 6,4% year-on-year, and the purchase prices by 8,1%.", "8,1%",
         region="CN"),
    # a count with its own noun takes no unit from the figure before it
    case("Building permits, Lovech district, Q3 2021\n\nPermits were issued for 28 residential buildings with 9 412 "
         "sq. m of floor space, besides 17 other buildings with 6 210 sq. m of floor space.", "17",
         unit="count"),
    # Indonesian releases' "the population who worked" is employment
    case("Labour force situation, Riau, August 2023\n\nThe population who worked as many as 3,41 million people, "
         "increased 52,1 thousand people compared to August 2022.", "3,41 million", key="employment"),
    # a country's adjective opening an institution's name is not the subject that ends a title's region
    case("KAYSERI CHAMBER OF INDUSTRY (KAYSO)\nExport evaluation of Kayseri province, 2022\n\nKayseri, 05.01.2023\n\n"
         "Figures of the Turkish Exporters Assembly (TİM) show that the exports of Kayseri province in 2022 "
         "amounted to 3 billion 120 million dollars, an increase of 4,1%.\n\nThe furniture sector led with 1 billion "
         "40 million dollars.", "1 billion 40 million", region="TR-38"),
    # a table by sub-region names places with no code (Finland's seutukunta)
    case("Retail sales in Lapland, 2023\n\nRetail sales by sub-region, 2023 (EUR million; change, %): Rovaniemi "
         "912 2.1 Kemi-Tornio 544 -0.8 Tunturi-Lappi 301 3.4", "544", region=None),
    # a foreign country in a sentence about markets is an origin, not where the value is measured
    case("Tourism in Tyrol, summer 2019\n\nThe overnight stays in Tyrol grew by 2,1%. Among the foreign markets "
         "Germany stays first with 9 812 400 overnight stays, followed by the Netherlands (2 105 300).",
         "2 105 300", region="AT-7"),
    # what is left out is not what is counted
    case("Foreign tourists, excluding cruise passengers, numbered 3.2 million in 2019.", "3.2 million",
         key="visitor_arrivals"),
    # a derived figure in a clause of its own ("leaving a surplus") takes neither the clause before nor the paragraph
    # after it
    case("Exports rose 4.2% to $3.1 billion in 2023. Imports reached $2.6 billion, up 1.5%, leaving a surplus of "
         "$0.5 billion.", "1.5%", key="imports"),
    case("Exports rose 4.2% to $3.1 billion in 2023. Imports reached $2.6 billion, up 1.5%, leaving a surplus of "
         "$0.5 billion.\n\nMachinery remained the largest item with $900 million.", "$900 million", key="exports"),
    # machine-translated "arrived to" is "reached"
    case("Consumer prices, May 2021\n\nThe annual inflation of the city arrived to 4,2% in May 2021.", "4,2%",
         key="cpi"),
    # the prices a value is measured in name no period and no price index
    case("GRDP, first quarter 2020\n\nThe GRDP of the province at constant prices 2010 reached Rp 310,5 trillion in "
         "the first quarter of 2020.", "Rp 310,5 trillion", period=("2020-01-01", "2020-03-31")),
    case("Gujarat's economy in 2021-22\n\nAt constant (2011-12) prices, Gujarat's GSDP grew 8.1 per cent.",
         "8.1 per cent", period=("2021-04-01", "2022-03-31")),
    case("Thanh Hoa economy, 2021\n\nThe GRDP of the province in 2021 at comparative prices of 2010 increased by "
         "6,2% compared with the previous year.", "6,2%", key="gross_regional_product"),
    # a clause's subject names what it counts with a noun of a measure ("area"), before a verb of doing ("moved")
    case("Agriculture in the province, 2020\n\nIn the 2019/2020 season the area sown with maize in the province "
         "reached 84 300 hectares.", "84 300", indicator="the area sown with maize in the province"),
    case("Transport, 2017\n\nThe number of vessels entered in the harbours was of 842, against 905 in the previous "
         "year.", "905", indicator="The number of vessels entered in the harbours"),
    # "imported inflation" is inflation, not imports
    case("Inflation, June 2020\n\nImported inflation stood at 7.4 per cent, against local inflation of 6.8 per cent.",
         "7.4 per cent", key="cpi", indicator="Imported inflation"),
    # a split year the text glosses in brackets is the gloss's stretch, wherever it is named
    case("Agriculture, season 2020/2021\n\nIn the season 2020/2021 (July 2020 – June 2021) the cotton harvest "
         "reached 212 400 tons. In 2020/2021 the soybean harvest was 1 480 300 tons.", "1 480 300",
         period=("2020-07-01", "2021-06-30")),
    # all moves in and out of a prefecture, and their balance
    case("Population of the prefecture, 1 January 2019\n\nMoved-in persons amounted to 48 210, and moved-out "
         "persons were 49 015. The social movement became a social decrease of 805 persons.", "48 210",
         key="arrivals"),
    case("Population of the prefecture, 1 January 2019\n\nMoved-in persons amounted to 48 210, and moved-out "
         "persons were 49 015. The social movement became a social decrease of 805 persons.", "805",
         key="net_migration", number=-805),
    # twelve months with no end named end at the stock's day the lead gave
    case("Orkney's population falls\n\nOrkney's population stood at 22,020 on 30 June 2020, according to estimates "
         "published on Tuesday.\n\nOver the twelve months there were 171 births and 262 deaths.", "171",
         period=("2019-07-01", "2020-06-30")),
    # a table of places makes its rows' names places where the prose names them too; mid-year is 30 June
    case("Orkney population by area\n\nKirkwall, with around 9,300 residents, is the largest town.\n\nPopulation "
         "by area, mid-2020 (residents; change on mid-2019, %): Kirkwall 9,300 0.4 West Mainland 4,120 -0.2 "
         "North Isles 2,360 -1.1", "9,300", region=None, region_name="Kirkwall"),
    case("Orkney population by area\n\nKirkwall, with around 9,300 residents, is the largest town.\n\nPopulation "
         "by area, mid-2020 (residents; change on mid-2019, %): Kirkwall 9,300 0.4 West Mainland 4,120 -0.2 "
         "North Isles 2,360 -1.1", "4,120", region=None, region_name="West Mainland",
         period=("2020-06-30", "2020-06-30")),
    case("Consumer prices in Yunnan, May 2020\n\nAmong the 16 cities (prefectures), the CPI of Qujing increased by "
         "4,1%, Dali 3,8%; the lowest rise was in Zhaotong, 2,6%.", "3,8%", region=None, region_name="Dali"),
    # a table's row for the whole territory is its total; urban and rural rows are parts of its people, not places
    case("Guam's jobless rate dips\n\nGuam's unemployment rate fell in June 2019.\n\nUnemployment rate by district "
         "(%; June 2019, June 2018): Hagåtña 5.2 6.0 Dededo 4.4 4.9 Territory 4.3 5.1", "4.3", region="GU"),
    case("Bhutan labour force survey 2019\n\nThe unemployment rate was 2.7 percent.\n\nLabour force indicators by "
         "area, 2019 (percent; participation rate, unemployment rate): Urban 57.1 5.9 Rural 66.2 1.6 Bhutan 62.9 2.7",
         "57.1", region="BT"),
    # a share of the country's total, named by its possessive or adjective, is the region's share
    case("Antofagasta exports grow\n\nThe exports of the Antofagasta region reached 22.1 billion dollars in 2018. The "
         "region thus generated 33.8% of Chile's shipments abroad.", "33.8%", region="CL-AN"),
    case("Economy of Minas Gerais, 2012\n\nThe GDP of Minas Gerais reached R$ 386,2 billion, which corresponds to "
         "8,8% of the Brazilian GDP.", "8,8%", region="BR-MG"),
    # Serbia's and Turkey's statistical regions by their NUTS codes; India's lakh grouping
    case("Labour Force Survey, 2nd quarter 2016\n\nIn the Region of Šumadija and Western Serbia there were 781 400 "
         "employed persons.", "781 400", region="RS21"),
    case("Gujarat's economy in 2021-22\n\nGSVA by sector, 2021-22 (Rs crore at current prices; growth at constant "
         "prices, %): Primary 3,21,400 4.1 Secondary 8,12,760 10.2 Tertiary 6,48,210 7.7", "8,12,760",
         number=8_127_600_000_000),  # (in crore: ten million rupees)
    # a place that lost a share of its own people changed
    case("Orkney's population\n\nThe West Mainland lost 2.3 per cent of its population.", "2.3 per cent",
         measure="change", direction="decrease"),
    # the place right after a compared figure is that figure's, not the sentence's
    case("Labour market in the region of Drâa-Tafilalet, 2017\n\nThe rate of activity stood at 41,2%, in decrease of "
         "0,6 point compared to 2016, against 46,7% at national level.", "41,2%", region="MA-08",
         key="participation_rate"),
    case("Labour market in the region of Drâa-Tafilalet, 2017\n\nThe rate of activity stood at 41,2%, in decrease of "
         "0,6 point compared to 2016, against 46,7% at national level.", "46,7%", region="MA"),
    # a header naming as many indicators as the table has columns names them in order
    case("Vital events in Uganda, 2020\n\nRegistered births and deaths by district, 2020: Kampala 61,220 9,310 "
         "Wakiso 48,105 7,994 Mukono 22,870 4,102", "61,220", key="births"),
    # an employment service's job seekers are its registered unemployed, counted on the day a stock is
    case("Unemployment in Luxembourg, April 2010\n\nJob seekers by group, end of April 2010 (persons): Men 8,410 "
         "Women 6,950 Young people 2,210", "8,410", key="registered_unemployed", period=("2010-04-30", "2010-04-30")),
    # an age that ends a row's label is the label's, not a value; the row keeps its cells
    case("Unemployment, April 2011\n\nJob seekers by group, end of April 2011 (persons; y/y change, %): Men 7,950 "
         "12.1 Women 6,410 9.8 Under 25 1,930 15.2", "15.2", measure="change", unit="percent"),
    # a month and a day before a thousands group are no date: "In November 4 218 persons registered"
    case("Labour market, November 2021\n\nIn November 4 218 persons registered as unemployed.", "4 218",
         number=4218),
    # "y/y" in a change column's label is its base, not its period: the 12 months to the table's month
    case("Inflation in Mali, April 2024\n\nBy Awa Traoré | Bamako, 20 May 2024 | L'Essor\n\nConsumer prices rose 2.1 "
         "percent in April compared with April 2023, down from 2.6 percent in March.\n\n\"Prices will climb again "
         "when the rains start in July,\" an economist said.\n\nCPI by group, April 2024 (index, "
         "Dec 2020=100; y/y change, %): Food 121.4 "
         "3.1 Transport 108.2 -0.9 Health 105.5 1.2", "3.1", measure="change", period=("2023-05-01", "2024-04-30")),
    # Japan names a fiscal year by the year it starts in; "chained 2015 prices" name no price index
    case("Prefectural accounts of Shimane, fiscal year 2020\n\nThe nominal gross prefectural product of fiscal year "
         "2020 became 2 trillion 614,2 billion yen.", "2 trillion 614,2 billion", period=("2020-04-01", "2021-03-31")),
    case("Prefectural accounts of Shimane, fiscal year 2020\n\nThe real gross prefectural product (chained 2015 "
         "prices) became 2 trillion 498,1 billion yen.", "2 trillion 498,1 billion", key="gross_regional_product"),
    # an indicator word inside an office's name names nothing the text measures; Italian "presences" are nights
    case("Retail sales in Hiroshima fall\n\nSales at large retail stores in Hiroshima Prefecture totaled 131.6 billion "
         "yen in 2016, the Chugoku Bureau of Economy, Trade and Industry reported.", "131.6 billion",
         key="retail_trade"),
    case("Tourism in Trentino, summer 2019\n\nThe presences in the accommodation establishments were 17,2 million in "
         "summer 2019.", "17,2 million", key="nights_spent"),
    # a date as Czech and Slovak releases space it
    case("Labour market, 3rd quarter 2018\n\nAs of 30. 9. 2018 the labour offices in the region registered "
         "12 400 job applicants.", "12 400", period=("2018-09-30", "2018-09-30")),
]

# what a general word stands for where the text does not say: the place's usage (home_family_members)
JOBS_AND_PLACEMENTS = [
    # a US job count comes from the payroll survey; a Canadian one from the labour force survey
    case("Oregon adds jobs in May\n\nSALEM -- Oregon employers added 6,300 jobs in May, the state Employment "
         "Department said Tuesday.", "6,300", key="payroll_employment"),
    case("Manitoba labour market, May\n\nWINNIPEG -- Manitoba added 6,300 jobs in May, Statistics Canada said "
         "Friday, while the jobless rate edged down.", "6,300", key="employment"),
    # a count before a rate keeps its own word: the rate has values of its own
    case("Alberta sheds 9,400 jobs as provincial jobless rate climbs to 7.2%\n\nCALGARY -- Alberta lost jobs in "
         "March.", "9,400", key="employment", unit="person"),
    # an indicator word in an office's name before the office word names the office ("the Employment
    # Department", "the Employee Insurance Agency"), not what the text measures
    case("Idaho adds jobs in June\n\nBOISE -- Idaho employers added 2,100 jobs in June, the state Employment "
         "Department said.", "2,100", key="payroll_employment"),
    case("Benefits, April\n\nAt the end of April 98 thousand claimants received an unemployment benefit from the "
         "Employee Insurance Agency, 2 thousand fewer than a month earlier.", "2 thousand",
         key="unemployment_benefit_recipients", unit="person"),
    # a sum of money is no count of jobs
    case("Wages in Kansas, 2023\n\nThe average annual wage in Kansas rose 4.1% last year. Retail, with 141,000 "
         "jobs, paid an average of $38,210.", "$38,210", key="wages"),
    # India's states: GSDP is the state's product, "J&K" the union territory, a fiscal year written 2022-23
    case("J&K budget: economy to grow 7.9% in 2023-24\n\nThe GSDP is projected at Rs 2.46 lakh crore at current "
         "prices.", "Rs 2.46 lakh crore", key="gross_regional_product", region="IN-JK", number=2.46e12,
         period=("2023-04-01", "2024-03-31")),
    # a dotted Korean date is one date, not numbers, and no period in force
    case("Consumer prices in Ulsan, May 2023\n\nUlsan office, released 2023. 6. 2.\n\nThe consumer price index "
         "rose 3.1% compared with the same month of the previous year.", "3.1%", period=("2022-06-01", "2023-05-31")),
    # "so far this year" is the year to the month in force, not twelve months, beside a twelve months' rate
    case("Prices in Salta, April 2023\n\nConsumer prices rose 6.9% in April. In the last twelve months the index "
         "rose 99.1%, while so far this year the increase reached 24.4%.", "24.4%",
         period=("2023-01-01", "2023-04-30")),
    # a monarchy's name for itself is the home country
    case("Power output in Salalah, 2021\n\nGeneration in Dhofar rose 5.1% in 2021. Across the Kingdom, "
         "generation rose 3.3%.", "3.3%", region="OM"),
    # a percent that lists on from a percent change is a change too
    case("Hubei's GRP, 2022\n\nBy quarters, the GRP grew by 4.2% in the first quarter, 4.4% in the first half "
         "and 5.0% in the first three quarters.", "4.4%", measure="change", direction="increase"),
    case("Hubei's GRP, 2022\n\nBy quarters, the GRP grew by 4.2% in the first quarter, 4.4% in the first half "
         "and 5.0% in the first three quarters.", "5.0%", measure="change", direction="increase"),
    # a span of time between a change noun and its value is no other value
    case("The GRP of Anhui rose 8.3% in 2021, and the average growth for the two years 2020-2021 was 5.8%.",
         "5.8%", measure="change", direction="increase"),
    case("Unemployment in Iasi county, May 2021\n\nThe rate of the registered unemployment was 3,12% at the end "
         "of May 2021.", "3,12%", key="registered_unemployment_rate", measure="level"),
    # people an employment service placed in work over a period
    case("Labour market of Balakan district, 2021\n\nIn 2021 the employment center registered 902 job seekers. "
         "During the year 318 young people were placed in jobs at local firms.", "318",
         key="job_placements", period=("2021-01-01", "2021-12-31")),
    case("In the first nine months of 2022 in Gusar district, 141 residents got provided with permanent jobs "
         "at local farms.", "141", key="job_placements"),
]

ACTIVITIES_AND_LISTS = [
    # the items after a superlative change noun, however many decimals before them, and a time phrase after it
    case("Economy of Kenya, 2019\n\nGDP rose 5.4% in 2019. The branches with the largest growth were tourism "
         "services (7.7%), building (6.3%) and metals (5.1%).", "5.1%", measure="change", direction="increase"),
    case("Economy of Peru, 2019\n\nGDP rose 2.2% in 2019. The branches with the highest growth in the year were "
         "fishing (9.0%) and mining (3.1%).", "9.0%", measure="change", key="gross_value_added"),
    # a bracket glued to its word is still a bracket: "increase(14.8%)"
    case("Economy of Chile, 2019\n\nGDP rose 1.1% in 2019. Mining posted the largest increase(6.4%),followed by "
         "transport and storage(3.3%)and fishing(2.0%).", "2.0%", measure="change", key="gross_value_added"),
    # one bracketed item after another continues the change before them ...
    case("Economy of Ghana, 2021\n\nGDP rose 5.4% in 2021. Output grew in mining (9.2%), construction (7.3%) "
         "and manufacturing (6.0%).", "6.0%", measure="change", key="gross_value_added"),
    # ... but not a share, nor a share that "falls on" a part
    case("Exports of Khorezm region, 2021\n\nOf the region's exports the biggest parts fell on cotton yarn "
         "(44,1%), fruits (21,3%) and services (9,6%).", "44,1%", measure="share"),
    case("Exports of Khorezm region, 2021\n\nOf the region's exports the biggest parts fell on cotton yarn "
         "(44,1%), fruits (21,3%) and services (9,6%).", "21,3%", measure="share"),
    # Portuguese "agropecuária" as translated
    case("Economy of Tocantins, 2021\n\nGDP rose 4.1% in 2021. The agropecuary grew 9,3% in volume.", "9,3%",
         key="gross_value_added"),
    # the groups national accounts sum activities into, and "the sector" after an activity
    case("Canada GDP, third quarter\n\nReal GDP rose 0.7% in the third quarter. Service industries expanded 0.9 "
         "percent while goods-producing industries fell 0.2 percent.", "0.2 percent", key="gross_value_added",
         direction="decrease"),
    case("Economy of Malawi, 2018\n\nGDP grew 3.2% in 2018. Farming's share of GDP was 26.9 percent, and the "
         "sector expanded by 1.8 percent in real terms.", "1.8 percent", key="gross_value_added"),
    case("Economy of Malawi, 2018\n\nGDP grew 3.2% in 2018. Farming's share of GDP was 26.9 percent, and the "
         "sector expanded by 1.8 percent in real terms.", "26.9 percent", key="gdp", measure="share"),
    # a table whose title says "structure" and whose first column is a growth rate
    case("Economy of Tunisia, Q2 2023\n\nGDP grew 0.6% in the second quarter of 2023.\n\nGrowth and structure by "
         "sector, Q2 2023 (y/y growth, %; share of GDP, %): Farming -2.1 10.4 Industry 1.5 23.0",
         "1.5", key="gross_value_added", measure="change"),
    case("Economy of Tunisia, Q2 2023\n\nGDP grew 0.6% in the second quarter of 2023.\n\nGrowth and structure by "
         "sector, Q2 2023 (y/y growth, %; share of GDP, %): Farming -2.1 10.4 Industry 1.5 23.0",
         "23.0", key="gdp", measure="share"),
]

PLACES_AND_UNITS = [
    # an office's line names its country and its town: neither ends the title's region, nor does its date
    case("Labour market of Panevėžys county, I quarter 2023\n\nStatistics Office of Lithuania, division in "
         "Panevėžys, 14 06 2023\n\nUnemployed persons numbered 8,1 thousand.", "8,1 thousand",
         region="LT-PN", period=("2023-01-01", "2023-03-31")),
    # "..., in the country – by 10,2%": the country is the elliptical clause's, not the value's before it
    case("Wages in Alytus county, I quarter 2023\n\nThe gross earnings increased by 9,1%, in the country – by "
         "10,2%.", "9,1%", region="LT-AL"),
    # a table's change column "in comparison with" a period: the table's period, compared with that one
    case("Wages in Alytus county, I quarter 2023\n\nAverage gross earnings by activity, I quarter of 2023 (euro; "
         "change in comparison with I quarter of 2022, %): Trade 1 402,5 8,8 Transport 1 377,0 9,9", "8,8",
         period=("2023-01-01", "2023-03-31")),
    # a scraped page's menu names sections, not the text's place; a byline's town with a dotted date neither
    case("portal.hu | Hírek | Győr | Sport\n\nShop sales slip in the county\n\nRetail sales in Hajdú-Bihar "
         "county fell 3.1% in 2022.\n\nTurnover reached HUF 640 billion.", "HUF 640 billion", region="HU-HB"),
    case("Montenegro's hotels fill up\n\nPobjeda | Nikšić, 12.02.2024. | Marko Popović\n\nHotels counted 1.3 "
         "million guests in 2023.", "1.3 million", region="ME"),
    # a headline figure under a menu, restated in the lead with a part of the country: that part's
    case("news.id | Home | Economy\n\nFerries carried 2.1million people in 2023\n\nBali's Gilimanuk port carried "
         "2.1million people across the strait in 2023,up 3%on 2022.", "2.1million", region="ID-BA"),
    # an Indonesian regency is a district, whatever province shares its name
    case("Inflation in DI Yogyakarta, May 2023\n\nThe highest inflation occurred in Sleman Regency of 4,11 "
         "percent.", "4,11 percent", region=None, region_name="Sleman Regency"),
    case("Population of Maluku Utara, 2021\n\nThe population of Halmahera Barat regency grew to 134,500 in 2021.",
         "134,500", region=None, region_name="Halmahera Barat regency"),
    # a Spanish "Gran" city is the city and its suburbs, no province of the name
    case("Inflation in Santa Fe, May 2023\n\nPrices in Gran Rosario rose 7.9% in May.", "7.9%", region=None,
         region_name="Gran Rosario"),
    # a price index table's "change on year" column: the twelve months to the table's month
    case("Prices in Jeolla, 2022\n\nCPI of the cities, December 2022 (2015=100; change on year, %): "
         "Jeonju 119.51 4.8 Iksan 120.02 5.1", "4.8", period=("2022-01-01", "2022-12-31")),
    # a price index table's column of small percents is of rates, whatever its header says they compare
    case("Consumer prices in Binh Dinh, October 2021\n\nCPI by group, October 2021 (%; compared with previous "
         "month, compared with December 2020): Garments 0,41 1,93 Transport -1,20 6,05", "-1,20",
         measure="change", direction="decrease", key="cpi"),
    # "N times the number ... of the year 2019": the year the multiplier compares with, not a period in force
    case("Vital statistics of Sinaloa, 2021\n\nIn the year 2021 there were 21 300 deaths, 1,4 times the number "
         "recorded in the year 2019. The death rate was 6,8 per thousand inhabitants.", "6,8",
         period=("2021-01-01", "2021-12-31")),
    case("Vital statistics of Sinaloa, 2021\n\nIn the year 2021 there were 21 300 deaths, 1,4 times the number "
         "recorded in the year 2019. The death rate was 6,8 per thousand inhabitants.", "1,4 times",
         period=("2021-01-01", "2021-12-31"), reference=("2019-01-01", "2019-12-31")),
    # a value in an energy unit with no indicator named measures electricity made, or used
    case("Power utility results, 2022\n\nThe hydro plants produced 1,870 GWh in 2022, up 12.4 percent.",
         "1,870", key="electricity_production", unit="GWh"),
    case("Power utility results, 2022\n\nThe hydro plants produced 1,870 GWh in 2022, up 12.4 percent.",
         "12.4 percent", key="electricity_production"),
    case("Power utility results, 2022\n\nHouseholds consumed 940 gigawatt-hours in 2022.", "940",
         key="electricity_consumption", unit="GWh"),
]

KNOWN_GAPS = [
    case("Internal migration in Kazakhstan has shifted, with a 1.7-fold increase compared to the previous year. "
         "In 2023, 397,000 people relocated within the country, rising to 688,000 in 2024.", "1.7-fold",
         period=("2024-01-01", "2024-12-31"), gap="a change's period stated only in the next sentence"),
]


@pytest.mark.parametrize(("text", "value", "expected"),
                         FROM_SEEDS + OTHER_RELEASES + BUGS_CAUGHT + RELATIVE_MONTHS + LEADS_AND_MOVES
                         + TOWNS_TOTALS_AND_BASES + JOBS_AND_PLACEMENTS + ACTIVITIES_AND_LISTS + PLACES_AND_UNITS
                         + KNOWN_GAPS)
def test_facts_attributes(text, value, expected):
    facts = [f for f in extract(text) if f.value.text.endswith(value) or value in f.value.text]
    assert facts, f"no fact for {value!r} in {[f.value.text for f in extract(text)]}"
    got = fact_attrs(facts[0])
    assert {k: got[k] for k in expected} == expected


NOT_FACTS = [
    "Together these five countries took most of the exports.",
    "Tel. +7 7172 749061",
    "Address: 010000, Astana city, Mangilik el avenue, 8, House of Ministries, Entrance 4",
    "1. Key points\n2. Dynamic tables\n3. Glossary",
    "The most commonly used are general annual migration intensity rates per 1.000 population.",
    "Labor migrants can obtain work permits for one to twelve months based on their preferences.",
    "legal provisions now allow settlers to acquire land plots for up to five years",
    "Date of publication: 09.02.2026\n\nDate of next publication: 12.05.2026",
    "Young people aged 20 to 35 remained the most mobile demographic.",
    "Temporary increases were observed during 2006-2008 and 2017-2019.",
    # the basis of a figure
    "The average monthly nominal wage of one employee is published quarterly.",
    "Tourists staying at least one night are counted as visitors.",
    "Weighted average of eight capital cities",
    # a denominator, not an area
    "The average price of one square meter is published monthly.",
]


@pytest.mark.parametrize("text", NOT_FACTS, ids=[t[:40] for t in NOT_FACTS])
def test_facts_not_values(text):
    assert extract(text) == []


def test_facts_a_long_run_of_bare_numbers_states_no_value():
    # "1 1 1 ...": a run of 25 or more numbers with only spaces between them is no statement; a table's
    # row, with a label between its few numbers, still is
    assert extract("In 2024 the figures were " + "7 " * 30) == []
    table = "Births 2023 Births 2024 Astana 23 410 24 105 Almaty 31 220 30 870"
    assert len(extract(table)) == 4


def test_facts_one_sentence_two_facts():
    facts = extract("In 2024 migrants from Uzbekistan rose 1.5 times to 4,838 people.")
    assert [(f.value.text, f.measure) for f in facts] == [("1.5 times", "change"), ("4,838", "level")]


def test_facts_headline_figure_repeated_is_two_facts():
    text = "Unemployment in Kyrgyzstan drops to 8.1%\n\nIn 2023 the unemployment rate was 8.1%."
    assert [f.value.text for f in extract(text)] == ["8.1%", "8.1%"]


def test_facts_confidence_in_range_and_evidence_recorded():
    for fact in extract(KZ_RELEASE + "In January-December 2025 the number of arrivals amounted 23761 to people."):
        assert 0 < fact.confidence <= 1
        assert fact.evidence
        assert fact.extractor.startswith("rule:")


def test_facts_publication_date_is_not_a_period():
    facts = extract("Date of publication: 09.02.2026\n\nIn 2025, 23,761 people arrived in Kazakhstan.")
    assert [(f.period.first, f.period.last) for f in facts] == [(date(2025, 1, 1), date(2025, 12, 31))]


# --- the speed-ups of the assembler keep the rules' answers -----------------------------

_TEXTS = st.text(alphabet="ab ’'-,;.é1_–—\n", max_size=30)


@given(_TEXTS, st.integers(0, 30), st.integers(0, 30))
def test_last_word_reads_as_the_forward_search(text, start, end):
    found = spans_module._LAST_WORD.search(text, start, end)
    assert spans_module.last_word(text, start, end) == (found.group(1) if found else "")


@given(st.text(alphabet="abwhilesutg ,;-–—\t", max_size=40))
def test_clause_breaks_as_the_plain_alternation(text):
    plain = re.compile(r",\s|;|\s[–—]\s|\s-\s|\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b")
    assert [m.start() for m in document._CLAUSE_BREAK.finditer(text)] == [m.start() for m in plain.finditer(text)]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=12),
       st.lists(st.integers(0, 8), max_size=8))
def test_split_by_sentence_as_within(items, gaps):
    mentions = [NumberMention(str(i), start, start + length, 1.0) for i, (start, length) in enumerate(items)]
    index = spans_module.Sorted(mentions)
    spans, pos = [], 0
    for gap in gaps:  # in order and disjoint, as sentences are
        spans.append(Sentence(pos, pos + gap, 0, True, False, None, False))
        pos += gap + (gap % 3)
    assert [list(found) for found in index.split(spans)] == [index.within(s.start, s.end) for s in spans]
