"""Tables flattened into text (FACTS.md, "Structure"): ``extractor.tables.find_tables`` cutting the
header into columns and the rows into labels, and the facts ``extract`` makes of the cells.

Rows are in the layouts statistics offices' pages lose their tables to: a header of column labels
(years, brackets such as ``(%)`` and ``('000)``, change words, a currency), then each row's label and
its numbers. Known gaps are strict xfails with the reason, so a fix fails loudly until the row moves.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import extract
from extractor import numbers as number_rules
from extractor import periods as period_rules
from extractor.document import _outside
from extractor.pipeline import make_doc
from extractor.tables import find_tables

from .helpers import fact_attrs


def case(text, value, *, gap=None, **expected):
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    about = ",".join(expected)
    return pytest.param(text, value, expected, id=f"{value}|{about}|{text[:40]}", marks=marks)


def not_table(text, *, gap=None):
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(text, id=text[:50], marks=marks)


def cells_of(extractor, text):
    """find_tables with the mentions the pipeline gives it (numbers inside periods left out)."""
    doc = make_doc(extractor.nlp, text)
    periods = period_rules.find_periods(text)
    numbers = _outside(number_rules.find_numbers(text), periods)
    return find_tables(text, numbers, periods, extractor.indicators.find(doc, text=text),
                       extractor.regions.find(doc, text=text))


def _cell_attrs(text, cell):
    column = cell.column
    return {
        "row": text[cell.row[0]:cell.row[1]],
        "region": cell.region.code if cell.region else None,
        "total": cell.total,
        "header": text[column.start:column.end].strip(),
        "key": column.indicator.key if column.indicator else None,
        "period": column.period.text if column.period else None,
        "percent": column.percent,
        "change": column.change,
        "scale": column.scale,
        "unit": column.unit,
    }


# --- the tables -----------------------------------------------------------------------------

GROWTH = "Employment growth (%) Ontario 1.1 Quebec 0.7 Alberta 2.0"
BIRTHS = "Region Births 2023 Births 2024 Change (%) Astana 23 410 24 105 3.0 Almaty 31 220 30 870 -1.1"
BIRTHS_NEWEST_FIRST = ("Registered births 2024 2023 Change, % Bishkek city 30 115 29 640 1.6 Osh region 26 870 "
                       "28 940 -7.2")
POPULATION = ("Population ('000) 2022 2023 Akmola region 788.4 787.1 Kostanay region 830.1 826.5 "
              "Total 19 766.8 20 033.5")
POPULATION_DATES = ("Population, thousand people 1 January 2023 1 January 2024 Akmola region 787.1 788.9 "
                    "Pavlodar region 752.4 751.0")
WAGES_TJ = ("Average monthly wage by region, somoni Dushanbe 3 250 Sughd region 2 140 Khatlon region 1 890 "
            "Republic 2 410")
WAGES_KZ = "Average monthly nominal wage, tenge January-March 2024 Astana 521 300 Almaty 489 200 Republic 363 500"
UNEMPLOYMENT = "Unemployment rate (%) Q1 2024 Q2 2024 Canada 6.1 6.3 Ontario 6.5 6.8 Quebec 4.5 4.6"
UNEMPLOYMENT_AU = "Unemployment rate, % Tasmania 4.1 Victoria 3.8 New South Wales 3.2 Australia 3.7"
NET_MIGRATION = "Net migration, persons 2023 2024 Astana 14 870 16 210 Almaty 9 310 8 940 State 31 240 29 810"
FLOWS = "Arrivals Departures Net migration Russia 5.1 9.9 -4.7 Uzbekistan 2.4 1.8 0.6"
EURO = "Year-on-year change (%) Germany 2.9 France 4.0 Italy 1.8 Euro area 3.1"
GDP = "Gross domestic product, growth (%) Q1 Q2 Q3 Georgia 7.7 7.6 6.8 Armenia 9.1 8.2 5.3"
EXPORTS = "Georgia: exports by partner, USD million China 412.5 Russia 298.1 Italy 174.0"
ARRIVALS = "Kazakhstan: arrivals by country of origin, persons Russia 5 120 Uzbekistan 2 410 China 1 830"
BIRTH_RATE = ("Crude birth rate (per 1,000 population) 2023 2024 Turkistan region 26.1 25.4 Mangystau region "
              "25.3 24.9")
TITLED = "Kazakhstan, January-June 2024\n\nNet migration by region, persons Astana 14 870 Almaty 9 310 Shymkent 5 120"

BY_QUARTER = ("Gross Domestic Product, Third Quarter 2019 (Advance Estimate), Bureau of Economic Analysis\n\n"
              "Real GDP and related measures (percent change from preceding quarter, seasonally adjusted at annual "
              "rates) 2019 Q1 Q2 Q3 Real GDP 3.1 2.0 1.9 Real PCE 1.1 4.6 2.9 PCE price index 0.4 2.4 1.5")
CHANGE_FROM = ("Australian National Accounts, June quarter 2023\n\nState final demand, June quarter 2023, % change "
               "from March quarter (seasonally adjusted): NSW 0.5 Vic. 0.9 Qld 1.3 SA 0.2 WA 0.1 Tas. -0.4")
CPI_BY_PROVINCE = ("Consumer Price Index, October 2014\n\nConsumer Price Index, 12-month % change, selected "
                   "provinces: September 2014 October 2014 Canada 2.0 2.4 Quebec 1.4 1.8 British Columbia 1.6 1.9")
RETAIL_BY_PROVINCE = ("Retail trade, August 2016\n\nRetail sales by province, seasonally adjusted, % change July to "
                      "August 2016: Canada 0.4 Newfoundland and Labrador -0.6 Nova Scotia 0.3 New Brunswick 0.1")
BY_AGGREGATE = ("Industrial production, % change compared with same month of the previous year, November 2015: "
                "EA19 1.1 EU28 1.4 Germany 0.4 France 1.9 Italy 1.3")
CPI_GROUPS = ("Consumer prices, October 2022\n\nPrice changes of main groups of the CPI, October 2022 (corresponding "
              "month of previous year = 100, %): Food 143.8 Alcoholic beverages, tobacco 113.4 Clothing 112.1 Other "
              "goods (including motor fuel) 119.8 Total 121.1")
WAGES_BY_ACTIVITY = ("Labour market of Azerbaijan\n\nAverage monthly nominal wage by economic activities, "
                     "January-September 2019, manat: Mining 2 024,8 Construction 953,1 Agriculture, forestry "
                     "and fishing 283,9 Education 413,6")
INDEX_BY_REGION = ("On industrial production in Kazakhstan (January-August 2024)\n\nIndex of physical volume of "
                   "industrial production by regions, January-August 2024, in % to January-August 2023: Astana 108,1 "
                   "Almaty 104,2 Aktobe 103,5 Mangystau 99,4")
BY_COUNTY = ("Sweden's population, first half of 2024\n\nPopulation by county, 30 June 2024, and change during the "
             "first half-year: Stockholm 2,464,110 9,870 Västra Götaland 1,782,630 3,950 Norrbotten 248,640 -610")
CELLS = [
    # one column: the whole header is every column's
    case(GROWTH, "1.1", row="Ontario", region="CA-ON", key="employment", percent=True, change=True, total=False),
    case(GROWTH, "2.0", row="Alberta", region="CA-AB", header="Employment growth (%)"),
    # years and a change column
    case(BIRTHS, "23 410", row="Astana", region="KZ-71", key="births", period="2023", change=False, percent=False),
    case(BIRTHS, "24 105", row="Astana", key="births", period="2024", change=False),
    case(BIRTHS, "3.0", row="Astana", period=None, change=True, percent=True),
    case(BIRTHS, "-1.1", row="Almaty", region="KZ-75", change=True),
    case(BIRTHS_NEWEST_FIRST, "1.6", row="Bishkek city", region="KG-GB", change=True, percent=True),
    case(BIRTHS_NEWEST_FIRST, "28 940", row="Osh region", region="KG-O", period="2023", key="births"),
    # "('000)" scales; a Total row is the whole country
    case(POPULATION, "788.4", row="Akmola region", region="KZ-11", key="population", period="2022", scale=1000.0),
    case(POPULATION, "19 766.8", row="Total", region=None, total=True, period="2022"),
    case(POPULATION, "787.1", period="2023", scale=1000.0),  # a marker before the years heads every column
    case(POPULATION_DATES, "787.1", row="Akmola region", period="1 January 2023", scale=1000.0),
    case(POPULATION_DATES, "788.9", period="1 January 2024", scale=1000.0),
    # a currency in the header; "Republic" and "State" rows
    case(WAGES_TJ, "3 250", row="Dushanbe", region="TJ-DU", unit="somoni", key="wages"),
    case(WAGES_TJ, "1 890", row="Khatlon region", region="TJ-KT", unit="somoni"),
    case(WAGES_TJ, "2 410", row="Republic", total=True, unit="somoni"),
    case(WAGES_KZ, "489 200", row="Almaty", unit="tenge", period="January-March 2024"),
    case(NET_MIGRATION, "29 810", row="State", total=True, period="2024", key="net_migration"),
    case(NET_MIGRATION, "9 310", row="Almaty", region="KZ-75", period="2023"),
    # brackets and quarters
    case(UNEMPLOYMENT, "6.1", row="Canada", region="CA", percent=True, period="Q1 2024", key="unemployment_rate"),
    case(UNEMPLOYMENT, "6.8", row="Ontario", period="Q2 2024", key="unemployment_rate"),
    case(UNEMPLOYMENT, "6.3", percent=True),
    case(UNEMPLOYMENT_AU, "3.2", row="New South Wales", region="AU-NSW", percent=True, change=False),
    case(UNEMPLOYMENT_AU, "3.7", row="Australia", region="AU", total=False),
    case(EURO, "3.1", row="Euro area", region="EA", change=True, percent=True),
    case(GDP, "7.7", row="Georgia", key="gdp", period="Q1", change=True, percent=True),
    case(GDP, "8.2", row="Armenia", period="Q2", change=True, percent=True),
    case(EXPORTS, "298.1", row="Russia", region="RU", unit="USD", key="exports"),
    case(EXPORTS, "412.5", scale=1_000_000.0),
    case(BIRTH_RATE, "25.4", row="Turkistan region", period="2024", key="birth_rate"),
    case(BIRTH_RATE, "26.1", key="birth_rate"),
    case(FLOWS, "-4.7", row="Russia", region="RU", key="net_migration"),
    case(FLOWS, "5.1", key="immigration",
         gap="a header of plain column names ('Arrivals Departures Net migration') is not cut: every column "
             "takes the last indicator"),
]

NOT_TABLES = [
    not_table("Astana (87459 people), Almaty (12110 people), Shymkent (9120 people)"),
    not_table("In 2023 the population of Astana was 1 354 556, Almaty 2 228 675 and Shymkent 1 222 128."),
    not_table("In 2023 the population grew by 1.2% to 20.0 million, births fell 5.1% and deaths rose 2.3% to "
              "133,000."),
    not_table("According to the bureau exports rose 4.1 percent, imports rose 2.3 percent and re-exports fell 0.8 "
              "percent."),
    not_table("Tel: +7 7172 74 90 61, fax +7 7172 74 90 62"),
    not_table("Contacts: +996 312 32 46 37, +996 312 32 46 38, +996 312 32 46 39"),
    not_table("Phone: 8 (7172) 74-90-61, 74-90-62, 74-90-63"),
    not_table("1. Key points 2. Dynamic tables 3. Glossary 4. Methodology"),
    # one column needs three rows
    not_table("Employment growth (%) Ontario 1.1 Quebec 0.7"),
    not_table("According to the bureau exports rose 4.1 percent and imports rose 2.3 percent while re-exports fell "
              "0.8 percent"),
    not_table("The survey covered 12 400 households in 14 regions and 2 cities over 3 months"),
]


@pytest.mark.parametrize(("text", "value", "expected"), CELLS)
def test_find_tables_cells(fast, text, value, expected):
    cells = cells_of(fast, text)
    found = [c for c in cells.values() if c.value.text == value]
    assert found, f"no cell for {value!r} in {[c.value.text for c in cells.values()]}"
    got = _cell_attrs(text, found[0])
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("text", NOT_TABLES)
def test_find_tables_not_prose(fast, text):
    assert cells_of(fast, text) == {}


# --- facts from the cells -------------------------------------------------------------------


COUNTY_WAGES = ("County Employment and Wages in Texas, Fourth Quarter 2020\n\nEmployment and average weekly wage in "
                "selected large counties in Texas, fourth quarter 2020: Area Employment December 2020 Percent change "
                "December 2019-20 Average weekly wage Percent change fourth quarter 2019-20 United States 142,936,700 "
                "-5.9 $1,385 10.3 Texas 12,345,600 -4.1 $1,276 8.7")
PPI_SECTIONS = ("Producer price indices, November 2022\n\nIndustrial producer prices by CZ-CPA section, November 2022 "
                "(% change): m/m y/y Mining and quarrying -2.4 41.6 Electricity, gas, steam and air conditioning "
                "supply -5.4 58.3 Water supply; sewerage 0.3 9.8 Total -0.9 22.1")
DISTRICTS = ("Labour market of Turkestan region, III quarter of 2024\n\nEmployed population and unemployment rate by "
             "districts, III quarter of 2024: District Employed, thousand people Unemployment rate, % Saryagash "
             "district 98,4 4,1 Maktaaral district 86,2 4,6 Tolebi district 54,3 4,4")
CAPITALS_CPI = ("Consumer Price Index, Australia, September quarter 2015\n\nAll groups CPI, capital cities, September "
                "quarter 2015 (index numbers, 2011-12 = 100; % change from previous quarter; % change from "
                "corresponding quarter of previous year): Sydney 108.9 0.8 2.3 Melbourne 107.8 0.5 1.6 Weighted "
                "average of eight capital cities 107.9 0.5 1.5")
GRP_REGIONS = ("Gross regional product, 2017\n\nGross regional product by regions, 2017 (UAH million; volume index, "
               "% to 2016): Kyiv city 709 319 103,1 Dnipropetrovsk region 292 611 102,0 Kyiv region 125 508 "
               "103,5 Kharkiv region 161 346 102,3")
TRADE_PARTNERS_BN = ("UK trade, 2016\n\nUK exports of goods and services by main partner, 2016 (£bn): United States "
                     "99.2 Germany 48.9 France 33.6 Netherlands 32.8")
PROVINCES_GRP = ("Regional accounts, 2021\n\nGross regional product by province, 2021 (EUR million; real change on "
                 "2020 in %): Vienna 101,912 4.1 Upper Austria 70,254 5.3 Lower Austria 64,570 3.9")
WAGES_INDEX = ("Wages, 2019\n\nAverage monthly nominal wage by region, 2019 (in % to 2018): Sughd 109,2 Khatlon 107,9 "
               "Dushanbe 111,5")
WAGES_THOUSANDS = ("Wages, May 2015\n\nAverage monthly wage by region, May 2015 (thousand manat; change to May 2014, "
                   "%): Ganja 412,6 +4,2 Sumgait 398,1 +3,7 Shirvan 377,5 +2,9")
LABELS_AFTER_BRACKET = ("Vital statistics\n\nMarriages and divorces by county,year ended June 2019(number):Marriages "
                        "Divorces Ohio 1,612 1,201 Iowa 1,540 1,188 Utah 1,498 1,170")
REGION_PARTNERS = ("Foreign trade of Jalal-Abad region, 2019\n\nThe region's foreign trade turnover made 312,5 million "
                   "US dollars.\n\nMain partners of the region, 2019 (million US dollars): China 121,4 Russia "
                   "88,0 Kazakhstan 40,3 Turkey 19,9")
CPI_BASES = ("Consumer prices, October 2021\n\nConsumer price indices by groups of goods and services, October 2021, "
             "in % to: previous month December 2020 October 2020 Food products 101,4 108,8 111,3 Non-food products "
             "100,6 106,9 108,2 Paid services 100,5 105,7 106,7")
CPI_PAIRS = ("Consumer prices, April 2024\n\nConsumer price indices by main groups, April 2024 (%): April 2024 to "
             "March 2024 / April 2024 to December 2023 / April 2024 to April 2023 Food products 100,85 101,62 103,98 "
             "Non-food goods 100,71 102,40 104,44 Services 100,38 101,73 103,87")
BY_UNCODED_PLACE = ("Québec's population grows\n\nQuébec's population reached 8,874,700 on January 1, 2023.\n\n"
                    "Population by administrative region, January 1, 2023 (number; growth in 2022, %): "
                    "Capitale-Nationale 771,200 1.5 Laurentides 653,400 2.4 Outaouais 415,900 1.7")

GROWTH_AND_SHARE = ("GDP of Armenia, II quarter 2024\n\nGrowth of value added by branches, II quarter 2024 "
                    "(in % to II quarter 2023; share in GDP, %): Industry 101,6 18,9 Agriculture 96,3 8,7 "
                    "Construction 114,2 8,1")
BY_MAJOR_REGION = ("Unemployment falls to 11.0%\n\nBrazil's unemployment rate fell to 11.0% in the fourth quarter.\n\n"
                   "Unemployment rate by major region, 4th quarter 2019 (%): North 11.5 Northeast 13.6 Southeast "
                   "11.4 South 7.0")
BY_CAPITAL_CITY = ("Prices rise 0.8% in the June quarter\n\nAustralia's CPI rose 0.8% this quarter.\n\n"
                   "CPI by capital city,June quarter 2021(% change from March quarter 2021):Sydney 0.7 Melbourne 0.9 "
                   "Brisbane 0.9")
REGIONAL_PLAIN_NAMES = ("Inflation eases to 9.4 per cent\n\nGhana's annual inflation eased to 9.4 per cent in June "
                        "2019.\n\nRegional inflation rates,June 2019(%):Western 9.7 Central 8.9 Greater Accra 8.1 "
                        "Upper East 12.6")
LIVESTOCK = ("Livestock in Kherson region\n\nLivestock on farms as of January 1, 2017 (thousand heads; agricultural "
             "enterprises, households): Cattle 23,1 98,5 Pigs 61,7 187,2 Sheep and goats 19,4 102,8")
FREIGHT = ("Transport in 2014\n\nFreight and passengers by velayats, 2014 (million tons; million passengers): "
           "Ashgabat city 76,4 411,8 Ahal velayat 88,9 102,3 Balkan velayat 104,2 61,5")
HOUSING_AREA = ("Housing in January-September 2017\n\nCommissioning of housing by cities, January-September 2017 "
                "(thousand square meters; in % to January-September 2016): Ufa 498,7 88,6 Sterlitamak 71,2 104,3 "
                "Salavat 22,9 79,5")
EXPORT_IMPORT = ("Foreign trade of Zaporizhzhia region, 2019\n\nExport and import of goods by main partner countries, "
                 "2019 (thousand US dollars; export, import): Turkey 487 316,2 64 218,7 Italy 402 118,9 51 037,4 China "
                 "211 904,5 271 336,8")
RATE_AND_POINTS = ("Unemployment falls in Spain\n\nUnemployment rate by autonomous community, second quarter 2018 (%; "
                   "change on the previous quarter, points): País Vasco 9.87 -1.21 Cataluña 11.39 -1.52 Galicia 14.66 "
                   "-1.95")
CPI_TO_BASES = ("Consumer prices in December 2016\n\nConsumer price indices by main groups, December 2016 (%; to "
                "November 2016, to December 2015): Food and non-alcoholic beverages 101,4 109,8 Clothing and footwear "
                "99,6 102,4 Transport 100,6 109,1")

TAMBOV_DISTRICTS = ("Natural movement of population by urban districts, 2019 (persons; births, deaths, natural "
                   "increase, decrease (-)): Tambov 2 212 3 418 -1 206 Michurinsk 612 1 384 -772")
ZHYTOMYR_DISTRICTS = ("Natural movement of population by cities and districts, 2015 (persons; live born, died, "
                      "natural increase (decrease)): Ovruch district 612 1 062 -450 Berdychiv district 763 1 045 -282")
SOUMS = ("Livestock by soums, end of 2021 (thousand heads; percent change compared to previous year): Tsengel 412,5 "
         "3,4 Deluun 276,8 2,9")
MUNICIPAL = ("Retail trade turnover by municipal formations, January-June 2022 (million rubles; in % to January-June "
             "2021, in comparable prices): Ulan-Ude 45 126,7 96,8 Severobaikalsk 2 204,3 94,1")
SCRAPED_PARTNERS = ("Top import partners, January-December 2021 (MVR million; share of total,%):Singapore 9,812 "
                    "18.4China 7,204 13.5India 6,115 11.5")
ARRIVALS_THOUSAND = ("Tourist arrivals by country of residence, 2019 (thousand; change on 2018, %): Germany 4,512 +3.0 "
                     "Italy 1,621 +3.1")
FREIGHT_PERCENT = ("Freight by soums, 2020 (thousand tons; percent to previous year): Sainshand 1 101,3 90,7 "
                   "Erdene 298,4 95,6")
VOLGOGRAD_TOWNS = ("Retail trade of Volgograd region in January-June 2022\n\nRetail trade turnover by municipal "
                   "formations, January-June 2022 (million rubles; in % to January-June 2021): Volgograd 131 572,4 "
                   "95,8 Volzhsky 22 310,6 97,1 Kamyshin 9 412,7 96,3")
SAMOA_CPI = ("Consumer prices, second quarter 2023 (index, 4th quarter 2010 = 100; % change from second quarter "
             "2022): Food 168.4 6.2 Alcohol and tobacco 201.7 3.8 Housing and utilities 142.3 2.9")
NOUMEA_CPI = ("Consumer prices, 2nd quarter 2022\n\nIndex by group, 2nd quarter 2022 (base 100 in the 4th quarter "
              "2015; change over 1 quarter, %; over 1 year, %): Food 121,40 1,2 4,1 Energy 118,02 -1,8 -2,6 "
              "Services 112,90 0,4 2,2")
TABLE_FACTS = [
    # an index's base ("4th quarter 2010 = 100") is no column's period: the table's own quarter is
    case(SAMOA_CPI, "201.7", period=("2023-04-01", "2023-06-30")),
    # ... nor is one written "base 100 in ..." (whose 100 is no cell); a column named only by its span is a change
    case(NOUMEA_CPI, "1,2", unit="percent", measure="change"),
    case(NOUMEA_CPI, "4,1", unit="percent", measure="change"),
    # rows of towns in a release on a region: the town named like the region has no code of its own
    case(VOLGOGRAD_TOWNS, "131 572,4", region=None),
    # a scale alone before a semicolon, or after a currency; a percent column named in words; a scraped row label
    # glued to the number before it
    case(SCRAPED_PARTNERS, "7,204", number=7.204e9, unit="MVR"),
    case(SCRAPED_PARTNERS, "18.4", unit="percent", measure="share"),
    case(ARRIVALS_THOUSAND, "4,512", number=4_512_000),
    case(FREIGHT_PERCENT, "90,7", unit="percent", measure="level"),
    # a sign's bracket and its decrease belong to the label before them; a balance's "increase" is no change
    case(TAMBOV_DISTRICTS, "-1 206", key="natural_increase", measure="level", number=-1206),
    case(TAMBOV_DISTRICTS, "3 418", key="deaths", measure="level"),
    case(ZHYTOMYR_DISTRICTS, "612", key="births", measure="level"),
    case(ZHYTOMYR_DISTRICTS, "-282", key="natural_increase", measure="level", number=-282),
    # "by soums" names the rows, no currency; "percent change" marks a percent column
    case(SOUMS, "412,5", unit="heads"),
    case(SOUMS, "3,4", unit="percent", measure="change"),
    # rows of municipal formations are places (with no code here); "in comparable prices" measures no prices
    case(MUNICIPAL, "96,8", key="retail_trade", region=None),
    # a price index's level against each column's base: the month, the year so far, the 12 months to it
    case(CPI_BASES, "101,4", measure="level", period=("2021-10-01", "2021-10-31")),
    case(CPI_BASES, "108,8", measure="level", period=("2021-01-01", "2021-10-31")),
    case(CPI_BASES, "111,3", measure="level", period=("2020-11-01", "2021-10-31")),
    case(CPI_PAIRS, "101,62", measure="level", period=("2024-01-01", "2024-04-30")),
    case(CPI_PAIRS, "104,44", measure="level", period=("2023-05-01", "2024-04-30")),
    # the semicolons part the columns, not the year inside the second one
    case(PROVINCES_GRP, "70,254", number=70_254e6, measure="level", region="AT-4"),
    case(PROVINCES_GRP, "5.3", unit="percent", measure="change", region="AT-4"),
    # a scale in the header: billions, "(million soms; ...)"
    case(TRADE_PARTNERS_BN, "48.9", number=48.9e9),
    # a level and an index read as one number ("709 319 103,1") split back into the table's two columns; only
    # the column that says so is an index
    case(GRP_REGIONS, "292 611", number=292611e6, unit="UAH", key="gross_regional_product", region="UA-12"),
    case(GRP_REGIONS, "102,0", number=102.0, key="gross_regional_product", region="UA-12", measure="level"),
    # columns described after semicolons in the header's bracket; an index base is no period; a spelled
    # number in a row label is a word of it
    case(CAPITALS_CPI, "108.9", key="cpi", measure="level", period=("2015-07-01", "2015-09-30")),
    case(CAPITALS_CPI, "0.8", unit="percent", measure="change", period=("2015-07-01", "2015-09-30")),
    case(CAPITALS_CPI, "2.3", unit="percent", measure="change", period=("2014-10-01", "2015-09-30")),
    # "Label, unit Label, unit": each column is its label and unit
    case(DISTRICTS, "98,4", number=98400, unit="person", key="employment"),
    case(DISTRICTS, "4,6", unit="percent", key="unemployment_rate", measure="level"),
    # long activity labels ("Water supply; sewerage"); an m/m column is the month's rate, a y/y column the year's
    case(PPI_SECTIONS, "-5.4", measure="change", direction="decrease", period=("2022-11-01", "2022-11-30")),
    case(PPI_SECTIONS, "9.8", unit="percent", measure="change", period=("2021-12-01", "2022-11-30")),
    # "Percent change December 2019-20" is December 2020's; a column naming nothing is of the one before it;
    # a level column with no period of its own takes the table's
    case(COUNTY_WAGES, "-4.1", key="employment", measure="change", period=("2020-12-01", "2020-12-31")),
    case(COUNTY_WAGES, "8.7", key="weekly_wage", measure="change", period=("2020-10-01", "2020-12-31")),
    case(COUNTY_WAGES, "$1,276", key="weekly_wage", region="US-TX", period=("2020-10-01", "2020-12-31")),
    case(GROWTH, "0.7", unit="percent", measure="change", direction="increase", key="employment", region="CA-QC",
         rule="rule:table"),
    case(BIRTHS, "24 105", number=24105, unit="person", measure="level", key="births", region="KZ-71",
         period=("2024-01-01", "2024-12-31"), rule="rule:table"),
    case(BIRTHS, "23 410", period=("2023-01-01", "2023-12-31")),
    case(BIRTHS, "-1.1", number=1.1, unit="percent", measure="change", direction="decrease", region="KZ-75",
         period=("2024-01-01", "2024-12-31")),
    case(BIRTHS_NEWEST_FIRST, "-7.2", measure="change", direction="decrease", region="KG-O"),
    case(BIRTHS_NEWEST_FIRST, "1.6", period=("2024-01-01", "2024-12-31")),
    case(POPULATION, "830.1", number=830_100, key="population", region="KZ-39", measure="level"),
    case(POPULATION, "19 766.8", number=19_766_800, region="KZ"),
    case(POPULATION, "787.1", number=787_100),
    case(WAGES_TJ, "2 140", number=2140, unit="somoni", key="wages", region="TJ-SU", measure="level"),
    case(WAGES_TJ, "2 410", unit="somoni", region="TJ"),
    case(WAGES_KZ, "489 200", unit="tenge", region="KZ-75", period=("2024-01-01", "2024-03-31")),
    case(WAGES_KZ, "363 500", region="KZ"),
    case(NET_MIGRATION, "29 810", region="KZ", key="net_migration", period=("2024-01-01", "2024-12-31")),
    case(UNEMPLOYMENT, "6.8", unit="percent", measure="level", region="CA-ON", period=("2024-04-01", "2024-06-30")),
    case(UNEMPLOYMENT_AU, "3.2", unit="percent", measure="level", region="AU-NSW", key="unemployment_rate"),
    case(EURO, "3.1", unit="percent", measure="change", region="EA"),
    case(GDP, "9.1", unit="percent", measure="change", direction="increase", region="AM", key="gdp"),
    case(GDP, "8.2", unit="percent", measure="change"),
    # a foreign country's row of a flow is a partner; the region stays the home country
    case(ARRIVALS, "2 410", region="KZ", partner="UZ", key="immigration", unit="person"),
    case(EXPORTS, "298.1", region="GE", partner="RU", unit="USD"),
    case(EXPORTS, "298.1", number=298_100_000),
    # "(thousand manat; change ..., %)": the first column's scale, the second's percent
    case(WAGES_THOUSANDS, "398,1", number=398_100, unit="manat", measure="level"),
    case(WAGES_THOUSANDS, "+3,7", number=3.7, unit="percent", measure="change"),
    case(WAGES_INDEX, "107,9", unit="percent", measure="level", region="TJ-KT"),
    # labels after the header's bracket, one per column; a stretch after a comma that lost its space
    case(LABELS_AFTER_BRACKET, "1,540", key="marriages", region="US-IA", period=("2018-07-01", "2019-06-30")),
    case(LABELS_AFTER_BRACKET, "1,188", key="divorces", region="US-IA"),
    # ... and in a release on one region the region's partners; "US dollars" in the header is USD
    case(REGION_PARTNERS, "88,0", region="KG-J", partner="RU", unit="USD", number=88_000_000),
    # what the header leaves open comes from the context in force (a title's period)
    case(TITLED, "9 310", region="KZ-75", key="net_migration", period=("2024-01-01", "2024-06-30"),
         rule="rule:table"),
    case(BIRTH_RATE, "24.9", unit="per_1000", region="KZ-47", key="birth_rate"),
    case(BIRTH_RATE, "24.9", measure="rate"),
    # rows named by what they measure; column periods after the header's bracket, none after the last
    case(BY_QUARTER, "1.1", key="household_consumption", period=("2019-01-01", "2019-03-31"), region="US"),
    case(BY_QUARTER, "2.4", key="pce_price_index", period=("2019-04-01", "2019-06-30")),
    case(BY_QUARTER, "1.9", key="gdp", period=("2019-07-01", "2019-09-30")),
    # what a change column compares with is not its period
    case(CHANGE_FROM, "-0.4", region="AU-TAS", key="final_demand", period=("2023-04-01", "2023-06-30")),
    # "12-month % change" is a header word, not a cell; the columns are a price index's annual rates
    case(CPI_BY_PROVINCE, "1.4", region="CA-QC", period=("2013-10-01", "2014-09-30")),
    case(CPI_BY_PROVINCE, "1.8", region="CA-QC", period=("2013-11-01", "2014-10-31")),
    # "% change July to August 2016": the change over August
    case(RETAIL_BY_PROVINCE, "-0.6", region="CA-NL", period=("2016-08-01", "2016-08-31")),
    # aggregates with digits in their codes are row labels
    case(BY_AGGREGATE, "1.4", region="EU", unit="percent", measure="change"),
    # labels with a comma or a bracket inside; an index's base "= 100" is no value; a currency in the header
    case(CPI_GROUPS, "113.4", unit="percent", measure="level", period=("2021-11-01", "2022-10-31")),
    case(WAGES_BY_ACTIVITY, "283,9", unit="manat", measure="level"),
    # "in % to January-August 2023": the comparison is no column period; a percent of an index is its level
    case(INDEX_BY_REGION, "104,2", region="KZ-75", measure="level", period=("2024-01-01", "2024-08-31")),
    # a change column of counts; Swedish counties by their names without "län" and its genitive -s
    case(BY_COUNTY, "9,870", unit="person", measure="change", region="SE-AB"),
    case(BY_COUNTY, "248,640", unit="person", measure="level", region="SE-BD"),
    case(BY_COUNTY, "-610", unit="person", measure="change", direction="decrease", region="SE-BD"),
    # rows of a table "by region" are places even when the gazetteer does not know them: by name, no code,
    # not the province the release is about
    case(BY_UNCODED_PLACE, "771,200", region=None, unit="person"),
    case(BY_UNCODED_PLACE, "8,874,700", region="CA-QC"),
    # ... with a word or two between "by" and the place noun: "by major region", "by capital city"
    case(BY_MAJOR_REGION, "13.6", region=None, unit="percent"),
    case(BY_MAJOR_REGION, "11.0%", region="BR"),
    case(BY_CAPITAL_CITY, "0.9", region=None),
    # a column's unit word; one heading every column, for a column that names no people of its own
    case(LIVESTOCK, "23,1", unit="heads"),
    case(LIVESTOCK, "98,5", unit="heads"),
    case(FREIGHT, "88,9", unit="tons"),
    case(FREIGHT, "102,3", unit="person"),
    case(HOUSING_AREA, "71,2", unit="sqm"),
    # a unit for every column, then one label per column: "(thousand US dollars; export, import)"
    case(EXPORT_IMPORT, "487 316,2", key="exports", unit="USD"),
    case(EXPORT_IMPORT, "64 218,7", key="imports", unit="USD"),
    # ... but "%" heads a column of its own: "(%; change on the previous quarter, points)"
    case(RATE_AND_POINTS, "11.39", measure="level", unit="percent"),
    case(RATE_AND_POINTS, "-1.52", measure="change", unit="percentage_point"),
    # a price index's columns "to" their bases: the month, the year so far or the 12 months to it; the base is
    # no column's period
    case(CPI_TO_BASES, "101,4", period=("2016-12-01", "2016-12-31")),
    case(CPI_TO_BASES, "109,8", period=("2016-01-01", "2016-12-31")),
    # a row label too plain for prose ("Western", "Central") is the home country's subdivision of that name
    case(REGIONAL_PLAIN_NAMES, "9.7", region="GH-WP"),
    case(REGIONAL_PLAIN_NAMES, "12.6", region="GH-UE"),
    case(REGIONAL_PLAIN_NAMES, "9.4 per cent", region="GH"),
    # "in % to" a period is an index's level and "share in GDP" a share, whatever the title's "growth" says
    case(GROWTH_AND_SHARE, "101,6", unit="percent", measure="level"),
    case(GROWTH_AND_SHARE, "96,3", unit="percent", measure="level"),
    case(GROWTH_AND_SHARE, "18,9", unit="percent", measure="share", key="gdp"),
    case("Industry of Dushanbe, January-September 2018\n\nStructure of industrial output, January-September 2018 "
         "(million somoni; in % to total) Electricity, gas and water 1 208,7 35,4 Food products 892,4 26,2 "
         "Construction materials 514,9 15,1", "26,2", unit="percent", measure="share"),
    # a CPI table "by division" has rows of goods, not places
    case("Consumer Price Index, March 2022\n\nStatistics Botswana, Gaborone, 14th April 2022\n\nThe CPI "
         "increased by 0.93 per cent.\n\nTable 1: CPI by division, March 2022 (index; monthly change, %) Food "
         "129.81 1.12 Housing 108.74 0.55 Transport 122.40 1.40", "108.74", region="BW"),
    # rows of towns named "of the largest urban districts", "by metro area": places with no code of their own
    case("Population of Moscow region in 2018\n\nThe population grew.\n\nPopulation of the largest urban districts on "
         "January 1, 2019 (thousand persons; in % to January 1, 2018): Balashikha 490,0 103,8 Odintsovo 321,9 103,2 "
         "Podolsk 308,1 102,9", "321,9", region=None, key="population"),
    case("Oklahoma jobless rate steady\n\nOklahoma's unemployment rate was 4.4 percent in March.\n\nUnemployment "
         "rate by metro area (%; March 2016, March 2015): Tulsa 4.9 4.0 Lawton 4.6 4.4 Enid 3.8 2.7", "4.6",
         region=None),
    # a column's own day ("units at the end of the year") and its own indicator ("thousand persons accommodated")
    case("Accommodation in the Altai Republic in 2019\n\nIn 2019 the facilities accommodated 521,4 thousand persons."
         "\n\nCollective accommodation facilities by municipal formations, 2019 (units at the end of the year; "
         "thousand persons accommodated): Mayminsky district 96 214,8 Chemalsky district 88 124,1 Turochaksky "
         "district 41 60,5 Ongudaysky district 27 31,9", "88", period=("2019-12-31", "2019-12-31")),
    case("Accommodation in the Altai Republic in 2019\n\nIn 2019 the facilities accommodated 521,4 thousand persons."
         "\n\nCollective accommodation facilities by municipal formations, 2019 (units at the end of the year; "
         "thousand persons accommodated): Mayminsky district 96 214,8 Chemalsky district 88 124,1 Turochaksky "
         "district 41 60,5 Ongudaysky district 27 31,9", "124,1", key="accommodated_guests"),
    # an index column named by its base year: "(number; 2016=100)"
    case("Dwellings in Iasi county in 2017\n\nIn 2017, 3 412 dwellings were completed.\n\nDwellings completed by "
         "environment, 2017 (number; 2016=100): Urban 2.450 115,2 Rural 962 126,4 Private funds 3.285 118,8",
         "962", unit="count"),
    # a header naming two columns, then the rows' breakdown: "by main localities" parts no column
    case("Population of Dolj county in 2015\n\nThe population decreased.\n\nResident population on 1 January 2016 "
         "and live-births in 2015, by main localities (persons): Craiova municipality 296 418 2 714 Calafat "
         "municipality 17 094 151 Filiasi 17 813 138 Segarcea 7 603 54", "17 094", key="population"),
    case("Population of Dolj county in 2015\n\nThe population decreased.\n\nResident population on 1 January 2016 "
         "and live-births in 2015, by main localities (persons): Craiova municipality 296 418 2 714 Calafat "
         "municipality 17 094 151 Filiasi 17 813 138 Segarcea 7 603 54", "151", key="births"),
    # rows labelled by periods within the table's year: a quarter ("I quarter", "Q1") or a month's bare name; a
    # column of quarter-on-quarter changes takes its row's quarter, not a period of its own
    case("Transport in Barda district in 2016\n\nCargo transported by quarters, 2016 (thousand tons; in % to the "
         "corresponding quarter of 2015): I quarter 762,4 102,8 II quarter 884,1 104,9 III quarter 921,7 105,3",
         "884,1", period=("2016-04-01", "2016-06-30"), unit="tons"),
    case("Transport in Barda district in 2016\n\nCargo transported by quarters, 2016 (thousand tons; in % to the "
         "corresponding quarter of 2015): I quarter 762,4 102,8 II quarter 884,1 104,9 III quarter 921,7 105,3",
         "102,8", period=("2016-01-01", "2016-03-31"), unit="percent"),
    case("Andalusia grew 3.2% in 2024\n\nAndalusian GDP, 2024 (year-on-year change, %; quarter-on-quarter change, "
         "%): Q1 2.9 0.7 Q2 3.3 0.9 Q3 3.4 0.8 Q4 3.6 0.8", "0.9", period=("2024-04-01", "2024-06-30")),
    case("Peru trade in 2016\n\nTrade balance by quarter,2016(US$ million;exports,imports):Q1 7,782 8,310 Q2 8,545 "
         "8,581 Q3 9,607 8,917", "8,581", period=("2016-04-01", "2016-06-30"), key="imports"),
    # ... an ordinal quarter ("2nd quarter") or a year alone
    case("Port of the region, 2019\n\nShips and cargo by quarter, 2019 (thousand tons; ships, cargo): 1st quarter 31,2 "
         "402,5 2nd quarter 35,8 451,0 3rd quarter 40,1 498,3", "451,0", period=("2019-04-01", "2019-06-30")),
    case("Trade of the island, 2012-2014\n\nExports and imports (million pounds; exports, imports): 2012 41,3 87,9 "
         "2013 44,6 90,2 2014 47,0 93,8", "90,2", period=("2013-01-01", "2013-12-31"), key="imports"),
    # ... but not a scale before an index's base year ("2019=100")
    case("Sales of the region, 2020\n\nSales by branch, 2020 (EUR million; 2019=100, constant prices): Food 310,4 "
         "102,5 Textiles 120,8 97,1 Metals 450,2 104,0", "102,5", number=102.5),
    # a unit before the columns' years heads them all; a translated "evolution" is a change
    case("Economy of the island, 2019-2021\n\nEvolution of the value added of the branches (%; 2019, 2020, 2021): "
         "Agriculture 2,1 -1,4 0,8 Fishing 0,5 -3,3 2,2 Tourism 4,4 -31,0 12,5", "-31,0", unit="percent",
         measure="change", direction="decrease", period=("2020-01-01", "2020-12-31")),
case("Bihor county foreign trade, first half of 2025\n\nExports and imports by months, 2025 (thousand euro; "
         "exports FOB, imports CIF): January 196 214 171 905 February 204 870 180 112 March 221 458 190 447 April "
         "209 337 178 260 May 213 915 184 391",
         "180 112", period=("2025-02-01", "2025-02-28"), key="imports"),
    # a unit whose case means something keeps it ("GWh"); "per 1.000" (a dot for thousands) marks a rate column
    case("Electricity in the Biobío Region, 2010\n\nGross generation by quarters, year 2010 (GWh; interannual "
         "variation, %): I quarter 2.612,5 -11,8 II quarter 2.804,9 -9,6 III quarter 3.089,3 -3,2", "2.804,9",
         unit="GWh"),
    case("Migration in South Tyrol, 2018\n\nMigration balance by district community 2018 (persons; per 1.000 "
         "inhabitants): Bolzano 1.155 10,9 Burggrafenamt 837 8,3 Pustertal 412 5,1", "8,3", unit="per_1000",
         measure="rate"),
    # the table's title names GDP before the bracket that lists the columns: an activity's growth is its value added
    case("Economy of Panama, 2017\n\nGDP by activity, 2017 (real growth, %; share of GDP, %): Agriculture -1.2 2.4 "
         "Construction 8.1 15.2 Logistics 6.3 11.9", "8.1", key="gross_value_added", measure="change"),
    case("Economy of Panama, 2017\n\nGDP by activity, 2017 (real growth, %; share of GDP, %): Agriculture -1.2 2.4 "
         "Construction 8.1 15.2 Logistics 6.3 11.9", "15.2", key="gdp", measure="share"),
    # a column that names no indicator of its own takes its header, from the table's phrase to its label, with
    # the table's key
    case("Retail trade in Guizhou, 2019\n\nRetail sales of consumer goods by city, 2019 (billion yuan; y-o-y %): "
         "Guiyang 178.4 6.1 Zunyi 121.9 5.4 Anshun 35.2 4.8", "5.4",
         indicator="Retail sales of consumer goods by city, 2019 (billion yuan; y-o-y %", key="retail_trade"),
    case("Retail trade in Guizhou, 2019\n\nRetail sales of consumer goods by city, 2019 (billion yuan; y-o-y %): "
         "Guiyang 178.4 6.1 Zunyi 121.9 5.4 Anshun 35.2 4.8", "121.9", indicator="Retail sales"),
    # a bracket of units only lists the columns: "(number; million ALL)" is two, the second in millions and the
    # first a count; "57 812" is then two cells
    case("Building permits in Korçë qark, 2022\n\nBuilding permits by municipalities, 2022 (number; million ALL): "
         "Korçë 301 6 114 Pogradec 88 945 Devoll 41 377 Kolonjë 17 202", "945", number=945e6, unit="ALL"),
    case("Building permits in Korçë qark, 2022\n\nBuilding permits by municipalities, 2022 (number; million ALL): "
         "Korçë 301 6 114 Pogradec 88 945 Devoll 41 377 Kolonjë 17 202", "88", number=88, unit="count"),
    # a scale word opening a part of the header's bracket scales its column
    case("Industry in Zlín Region, 2022\n\nSales of industrial firms by districts, 2022 (bn CZK; y/y change, %): "
         "Zlín 88,1 5,2 Kroměříž 31,4 2,2 Uherské Hradiště 40,7 -1,3", "31,4", number=31.4e9, unit="CZK"),
    case("Foreign trade of Hubei, 2022\n\nImport and export by cities, 2022 (100 million yuan; y/y, %): "
         "Wuhan 3 532,1 12,9 Xiangyang 301,4 8,8 Yichang 280,5 11,6", "301,4", number=30_140_000_000, unit="yuan",
         key="foreign_trade"),
    # ... after a currency's short sign ("Rs crore"), and "thousands of millions" is a billion
    case("Economy of Mizoram, 2021-22\n\nGSVA by sector at current prices (Rs crore; growth %): Primary 6,204 3.9 "
         "Secondary 3,118 9.2 Tertiary 12,905 8.1", "3,118", number=31_180_000_000, unit="Rs"),
    case("Economy of Huila, 2022\n\nValue added by large branches (thousands of millions of pesos, 2022; variation "
         "%): Farming 4 402 1,8 Mining 2 155 -3,1 Commerce 5 870 10,2", "2 155", number=2_155e9, unit="pesos"),
    # "of the region" (no plural place noun): the rows are the sexes, the region stays
    case("Population of Moscow region in 2018\n\nThe population grew.\n\nPopulation of the region by sex (thousand "
         "persons; %): Men 3 601,2 46,5 Women 4 142,5 53,5 Total 7 743,7 100,0", "53,5", region="RU-MOS"),
]


def test_an_uncoded_place_row_keeps_its_name():
    fact = next(f for f in extract(BY_UNCODED_PLACE) if f.value.text == "653,400")
    assert fact.region is not None and (fact.region.code, fact.region.name) == (None, "Laurentides")


@pytest.mark.parametrize(("text", "value", "expected"), TABLE_FACTS)
def test_table_facts(text, value, expected):
    facts = [f for f in extract(text) if f.value.text == value]
    assert facts, f"no fact for {value!r} in {[f.value.text for f in extract(text)]}"
    got = fact_attrs(facts[0])
    assert {k: got[k] for k in expected} == expected


# --- any text: find_tables never raises, and its spans index the text -----------------------

_HEADER = ["Region", "Births", "Deaths", "Change", "Population", "growth", "Net migration", "2023", "2024",
           "Q1 2024", "Q2 2024", "January-June 2024", "(%)", "('000)", "%", ",", ":", "tenge", "persons"]
_LABELS = ["Astana", "Almaty", "Kostanay region", "Osh city", "New South Wales", "Total", "State", "Republic",
           "Euro area", "Russia", "and rose", "x"]
_NUMBERS = ["12 345", "1 234", "987", "1.5", "-0.7", "+2.1", "3,4", "26", "100", "7", "2023"]


@st.composite
def _tables(draw):
    """A header and rows of a label and numbers, mostly of one width, sometimes with text spliced in."""
    header = " ".join(draw(st.lists(st.sampled_from(_HEADER), min_size=1, max_size=6)))
    width = draw(st.integers(1, 3))
    rows = []
    for label in draw(st.lists(st.sampled_from(_LABELS), min_size=1, max_size=5)):
        count = draw(st.sampled_from([width, width, width, width + 1]))
        rows.append(" ".join([label, *draw(st.lists(st.sampled_from(_NUMBERS), min_size=count, max_size=count))]))
    text = " ".join([header, *rows])
    noise = draw(st.text(max_size=6))
    at = draw(st.integers(0, len(text)))
    return text[:at] + noise + text[at:] if draw(st.booleans()) else text


@given(st.one_of(st.text(max_size=80), _tables()))
def test_find_tables_spans_slice_back(fast, text):
    cells = cells_of(fast, text)
    for start, cell in cells.items():
        assert start == cell.value.start
        assert text[cell.value.start:cell.value.end] == cell.value.text
        assert 0 <= cell.row[0] < cell.row[1] <= len(text)
        assert text[cell.row[0]:cell.row[1]].strip()
        assert 0 <= cell.column.start <= cell.column.end <= len(text)
