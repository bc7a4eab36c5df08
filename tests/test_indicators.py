"""Indicator mentions, matched on lemmas, from real release phrasing."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from extractor.indicators import IndicatorFinder
from extractor.lexicon import LEMMATIZER


@pytest.fixture(scope="module")
def find():
    nlp = spacy.blank("en")
    nlp.add_pipe(LEMMATIZER)
    finder = IndicatorFinder(nlp)
    return lambda text: [(m.text, m.key) for m in finder.find(nlp(text))]


CASES = [
    # regional accounts, payroll surveys, housing and services, as the annotators key them
    ("Gross regional product of the region made 12 trillion 345,6 billion tenge", ("Gross regional product",
                                                                                  "gross_regional_product")),
    ("GRP per capita made 17 845,2 thousand tenge", ("GRP per capita", "gross_regional_product_per_capita")),
    ("the number of vacant positions rose to 506,000", ("vacant positions", "vacancies")),
    ("The unemployed population was estimated at 524.1 thousand", ("unemployed population", "unemployed")),
    ("27,936 couples got married", ("couples got married", "marriages")),
    ("Belgium had 11,742,796 inhabitants", ("inhabitants", "population")),
    ("The natural balance was slightly negative (-255)", ("natural balance", "natural_increase")),
    ("Average weekly earnings rose 2.6%", ("Average weekly earnings", "average_weekly_earnings")),
    ("Modified domestic demand grew 4.5%", ("Modified domestic demand", "modified_domestic_demand")),
    ("there were 18,104 dwelling sales in June", ("dwelling sales", "dwelling_purchases")),
    ("Prices of construction work rose 13.2%", ("Prices of construction work", "construction_prices")),
    # people nouns of a part of the population, and trade's coverage ratio
    ("City dwellers make up 34.6% of the population, villagers 65.4%.", ("City dwellers", "urban_population")),
    ("villagers accounted for 61.0%", ("villagers", "rural_population")),
    ("The coverage of imports by exports made 51,4%.", ("coverage of imports by exports", "coverage_ratio")),
    # seeds
    ("In January-December 2025 the number of arrivals in the country amounted 23761 to people",
     ("number of arrivals", "immigration")),
    ("the number of departures from the country was 7608 people", ("number of departures", "emigration")),
    ("The net migration amounted to 16153 people;", ("net migration", "net_migration")),
    ("only 1,700 people left the country for permanent residence abroad", ("left the country", "emigration")),
    ("8,100 people arrived in Kazakhstan for permanent residence", ("arrived", "immigration")),
    ("the country’s migration balance has remained positive", ("migration balance", "net_migration")),
    ("approximately 397,000 people relocated within the country",
     ("relocated within the country", "internal_migration")),
    ("The number of people moving within the country increased by 13,6%",
     ("number of people moving within the country", "internal_migration")),
    ("644 Kazakh citizens moved to Russia", ("moved to", "emigration")),
    ("with 29,088 people leaving the country", ("leaving the country", "emigration")),
    ("Urban population increased by 0.66%", ("Urban population", "urban_population")),
    # other releases
    ("In January-September 2024 in the republic were registered 271 thousand 806 births", ("births", "births")),
    ("The general birth rate was 18,36 per 1,000 people", ("birth rate", "birth_rate")),
    ("the unemployment rate in the second quarter of 2023 was 8.1%", ("unemployment rate", "unemployment_rate")),
    ("the consumer price index was 100,9% compared to February", ("consumer price index", "cpi")),
    ("real GDP growth amounted to 10.0% year-on-year", ("real GDP", "gdp")),
    ("the average monthly nominal wage in the republic made 276,510 drams",
     ("average monthly nominal wage", "wages")),
    ("The natural increase of the population made up 172688 people", ("natural increase", "natural_increase")),
    ("New Zealand citizens had a net migration loss of 46,400", ("net migration loss", "net_migration")),
    ("Employment in Canada rose by 47,000", ("Employment", "employment")),
    ("Total hours worked were little changed", ("Total hours worked", "hours_worked")),
    # --- population and vital statistics
    ("In January-June 2025, 45.2 thousand marriages were registered", ("marriages were registered", "marriages")),
    ("There were 2,950 stillbirths registered in England and Wales", ("stillbirths", "stillbirths")),
    ("The infant mortality rate was 3.9 deaths per 1,000 live births",
     ("infant mortality rate", "infant_mortality_rate")),
    ("The crude marriage rate fell to 4.1 per 1,000 population", ("crude marriage rate", "marriage_rate")),
    ("The total fertility rate fell to a record low of 1.44 children per woman",
     ("total fertility rate", "fertility_rate")),
    ("Canada's population was estimated at 41,528,680 on January 1, 2025", ("population", "population")),
    ("the estimated resident population grew by 1.6%", ("resident population", "population")),
    # --- migration (task phrasing: who left, who settled, net outflows)
    ("Among those who left, 80% moved to Russia", ("those who left", "emigration")),
    ("155,700 people left Kazakhstan in 2023", ("left Kazakhstan", "emigration")),
    ("In the first quarter of 2021, 2,950 people settled in the country", ("settled in the country", "immigration")),
    ("4,100 people moved to Kazakhstan for permanent residence", ("moved to Kazakhstan", "immigration")),
    ("12,100 people moved to the country from abroad", ("moved to the country", "immigration")),
    ("Migrant arrivals: people who came to live in New Zealand for 12 months or more",
     ("came to live", "immigration")),
    ("the number of people who moved abroad rose to 12,000", ("moved abroad", "emigration")),
    ("a net outflow of 5,300 people", ("net outflow", "net_migration")),
    ("Net overseas migration added 340,800 people to Australia's population",
     ("Net overseas migration", "net_migration")),
    # --- labour market
    ("Employed persons numbered 13.9 million in June", ("Employed persons", "employment")),
    ("Total nonfarm payroll employment rose by 73,000 in July",
     ("Total nonfarm payroll employment", "payroll_employment")),
    ("The UK economic inactivity rate was estimated at 21.6%", ("economic inactivity rate", "inactivity_rate")),
    ("The underutilisation rate fell 0.1 percentage points to 10.2 per cent",
     ("underutilisation rate", "underutilisation_rate")),
    ("The labor force participation rate, at 62.2 percent, changed little",
     ("labor force participation rate", "participation_rate")),
    ("The employment-population ratio, at 59.6 percent", ("employment-population ratio", "employment_rate")),
    ("The estimated number of vacancies in the UK fell by 26,000 on the quarter to 819,000",
     ("number of vacancies", "vacancies")),
    ("The number of job openings was little changed at 7.4 million", ("job openings", "vacancies")),
    ("The job vacancy rate in the euro area was 2.2% at the end of the second quarter",
     ("job vacancy rate", "job_vacancy_rate")),
    ("The number of unemployed persons in the II quarter amounted to 444.8 thousand people",
     ("number of unemployed persons", "unemployed")),
    ("The number of officially registered unemployed as of October 1 was 71.4 thousand",
     ("officially registered unemployed", "registered_unemployed")),
    ("Average hourly earnings for all employees on private nonfarm payrolls rose by 12 cents",
     ("Average hourly earnings", "hourly_wage")),
    ("Average weekly ordinary time earnings for full-time adults was $1,923.50",
     ("Average weekly ordinary time earnings", "weekly_wage")),
    ("The average monthly nominal wage per employee amounted to 430,000 tenge",
     ("average monthly nominal wage per employee", "wages")),
    ("Annual growth in regular pay (excluding bonuses) was 5.0%", ("regular pay", "wages")),
    ("Real average hourly earnings increased 1.3 percent", ("Real average hourly earnings", "real_wages")),
    ("The real wage index was 102.5%", ("real wage index", "real_wages")),
    ("The Wage Price Index (WPI) rose 0.8% in the June quarter", ("Wage Price Index", "wage_price_index")),
    # --- prices
    ("The Consumer Prices Index (CPI) rose by 3.8% in the 12 months to July 2025",
     ("Consumer Prices Index", "cpi")),
    ("The consumers price index (CPI) increased 2.7 percent in the 12 months to the June 2025 quarter",
     ("consumers price index", "cpi")),
    ("CPIH rose by 4.2% in the 12 months to July 2025", ("CPIH", "cpih")),
    ("Euro area annual inflation is expected to be 2.0% in August 2025", ("annual inflation", "cpi")),
    ("The HICP annual inflation rate was 2.4%", ("HICP annual inflation rate", "hicp")),
    ("the Harmonised Index of Consumer Prices rose 0.2%", ("Harmonised Index of Consumer Prices", "hicp")),
    ("Core inflation, excluding food and energy, was 4.1%", ("Core inflation", "core_cpi")),
    ("Food prices rose 12.6% in the year to March", ("Food prices", "cpi")),  # a component: breakdown product
    ("Private rents rose by 8.8% in the 12 months to March 2024", ("Private rents", "private_rents")),
    ("The gross grain harvest made 2,1 million tons", ("gross grain harvest", "crop_production")),
    ("Milk production increased by 3,4%", ("Milk production", "milk_production")),
    ("the number of cattle reached 812 thousand heads", ("cattle", "livestock")),
    ("Kenya's tea production rose 11.4 per cent", ("tea production", "crop_production")),
    ("In January-June 988,3 million passengers were transported", ("passengers were transported",
                                                                  "passenger_transport")),
    ("Cargo transportation by types of transport made 112,4 million tons", ("Cargo transportation",
                                                                           "freight_transport")),
    ("Single-detached starts fell 12 per cent", ("Single-detached starts", "housing_starts")),
    ("the number of real estate purchase and sale transactions made 99 864",
     ("real estate purchase and sale transactions", "real_estate_transactions")),
    ("maize output declined to 42.5 million bags", ("maize output", "crop_production")),
    ("the average milk yield per cow made 5 918 kilograms", ("average milk yield per cow", "milk_yield")),
    ("the average yield made 35,2 centners per hectare", ("average yield", "crop_yield")),
    ("Prices for resale apartments in Tbilisi rose 9,4%", ("Prices for resale apartments", "house_price_index")),
    ("Rental prices in Vilnius rose by 5.1%", ("Rental prices", "private_rents")),
    ("Secondary housing in Kazakhstan rose in price by 6,2%", ("Secondary housing", "house_price_index")),
    ("The Producer Price Index for final demand increased 0.9 percent", ("Producer Price Index", "ppi")),
    ("industrial producer prices rose by 0.8% in the euro area", ("industrial producer prices", "ppi")),
    ("Average UK house prices increased by 3.2% in the 12 months to July 2025", ("house prices", "house_price_index")),
    ("The price index for single-family houses rose 4.1% on the year", ("price index for single-family houses",
                                                                          "house_price_index")),
    ("Prices of dwellings in the capital rose 7.3%", ("Prices of dwellings", "house_price_index")),
    ("The number of building licences issued during the year amounted 12 904 licence",
     ("building licences", "building_permits")),
    ("Residential property prices rose 1.8% in the June quarter",
     ("Residential property prices", "house_price_index")),
    ("U.S. import prices rose 0.4 percent in July", ("import prices", "import_prices")),
    ("The GDP deflator increased by 2.4% compared to the same quarter", ("GDP deflator", "gdp_deflator")),
    ("The region's gross regional domestic product (GRDP) reached P1.61 trillion",
     ("gross regional domestic product", "gross_regional_product")),
    # --- energy: generation and distribution (an industry's section, "supply of electric energy", is not)
    ("the gross generation of electric energy in the Region reached 11.482,6 GWh",
     ("generation of electric energy", "electricity_production")),
    ("The hydraulic generation contributed 7.301,4 GWh", ("hydraulic generation", "electricity_production")),
    ("The electric energy distributed in the region grew 2,9%",
     ("electric energy distributed", "electricity_distribution")),
    # --- national accounts
    ("Real gross domestic product (GDP) is estimated to have grown by 0.3%",
     ("gross domestic product", "gdp")),
    ("Nominal GDP at current prices amounted to GEL 22,487.9 million", ("Nominal GDP", "gdp")),
    ("GDP per head fell by 0.1%", ("GDP per head", "gdp_per_capita")),
    ("the real growth of value added in agriculture was 4.1%", ("value added", "gross_value_added")),
    ("Net taxes on products increased by 2.1% in real terms", ("Net taxes on products", "net_taxes_on_products")),
    ("Household final consumption expenditure rose 0.5%",
     ("Household final consumption expenditure", "household_consumption")),
    ("Gross fixed capital formation increased by 1.1%",
     ("Gross fixed capital formation", "gross_fixed_capital_formation")),
    ("The volume of investments in fixed capital amounted to 8.1 trillion tenge",
     ("investments in fixed capital", "fixed_capital_investment")),
    ("Business investment fell by 1.1%", ("Business investment", "business_investment")),
    # --- industry, construction, housing
    ("the volume of industrial production amounted to 25.5 trillion tenge",
     ("volume of industrial production", "industrial_production")),
    ("In June 2025, the seasonally adjusted industrial production increased by 0.8% in the euro area",
     ("industrial production", "industrial_production")),
    ("The index of industrial production in January-June 2025 amounted to 106.1%",
     ("index of industrial production", "industrial_production_index")),
    ("Monthly manufacturing output fell by 1.0%", ("manufacturing output", "manufacturing_output")),
    ("Services output grew by 0.4%", ("Services output", "services_output")),
    ("the volume of gross agricultural output amounted to 2.1 trillion tenge",
     ("gross agricultural output", "agricultural_production")),
    ("The volume of construction work (services) amounted to 2.1 trillion tenge",
     ("volume of construction work", "construction")),
    ("In July 2025, production in construction decreased by 0.4%",
     ("production in construction", "construction")),
    ("In January-June 2025, 7.4 million square meters of housing were commissioned",
     ("housing were commissioned", "housing_commissioned")),
    ("Building consents: 33,560 new dwellings consented in the year", ("new dwellings consented", "building_permits")),
    ("The total value of building permits in Canada increased 11.9% to $11.6 billion",
     ("building permits", "building_permits")),
    ("The number of dwelling units approved fell by 8.2%", ("dwelling units approved", "building_permits")),
    ("Privately-owned housing starts in July were at a seasonally adjusted annual rate of 1,428,000",
     ("housing starts", "housing_starts")),
    # --- retail and foreign trade
    ("Retail trade turnover in January-June 2025 amounted to 11.5 trillion tenge",
     ("Retail trade turnover", "retail_trade")),
    ("the seasonally adjusted volume of retail trade increased by 0.3%", ("volume of retail trade", "retail_trade")),
    ("Retail sales increased 0.8% to $67.1 billion in January", ("Retail sales", "retail_trade")),
    ("The foreign trade turnover of the Republic of Kazakhstan amounted to 57.3 billion US dollars",
     ("foreign trade turnover", "foreign_trade")),
    ("External trade turnover was 45.2 billion US dollars", ("External trade turnover", "foreign_trade")),
    ("Exports amounted to 32.1 billion US dollars", ("Exports", "exports")),
    ("Goods imports fell $300 million", ("imports", "imports")),
    ("The monthly trade balance was a $1.1 billion surplus", ("trade balance", "trade_balance")),
    ("Canada's merchandise trade deficit with the world narrowed to $0.9 billion in July",
     ("merchandise trade deficit", "trade_balance")),
    ("the euro area trade in goods balance with the rest of the world was a €7.0 bn surplus",
     ("trade in goods balance", "trade_balance")),
    # --- tourism
    ("Overseas visitor arrivals numbered 3.48 million in the year ended June 2025",
     ("Overseas visitor arrivals", "visitor_arrivals")),
    ("Overseas residents made 10.6 million visits to the UK", ("visits to the UK", "visitor_arrivals")),
    ("UK residents made 94.6 million visits abroad", ("visits abroad", "outbound_visitors")),
    ("New Zealand-resident traveller departures numbered 3.0 million",
     ("resident traveller departures", "outbound_visitors")),
    ("Nights spent at EU tourist accommodation establishments reached 2.99 billion in 2024",
     ("Nights spent", "nights_spent")),
    ("Guest nights fell 2.1 percent", ("Guest nights", "nights_spent")),
    ("the number of overnight stays increased by 4.8%", ("overnight stays", "nights_spent")),
    ("In July, Spain received 9.8 million international tourists", ("international tourists", "visitor_arrivals")),
    ("Tourists from the United Kingdom: 2.1 million", ("Tourists", "visitor_arrivals")),
    ("4.6 million Kyrgyzstanis travelled abroad", ("travelled abroad", "outbound_visitors")),
    ("Average spending per tourist was 1,340 euros",
     ("Average spending per tourist", "tourist_expenditure_per_tourist")),
    # --- more labour and population phrasing
    ("Persons in employment numbered 2.65 million in the second quarter", ("Persons in employment", "employment")),
    ("652.1 thousand people left the country in search of work",
     ("left the country in search of work", "labour_migration")),
    ("Interprovincial migration cost Alberta 3,200 people", ("Interprovincial migration", "internal_net_migration")),
    ("Texas had the largest net domestic migration gain", ("net domestic migration", "internal_net_migration")),
    ("The median age of the population was 28.9 years", ("median age", "median_age")),
    # baskets, households, the economically active, as CIS and Mongolian offices write them
    ("The cost of the fixed set of consumer goods and services made 14 201,5 rubles",
     ("fixed set of consumer goods and services", "fixed_basket_cost")),
    ("the minimal set of food products cost 4 105,20 rubles", ("minimal set of food products", "food_basket_cost")),
    ("the number of herder households reached 9 871", ("herder households", "herder_households")),
    ("the average household size was 3,4 persons", ("average household size", "average_household_size")),
    ("economically active persons aged 15 and more numbered 842 thousand",
     ("economically active persons", "labour_force")),
    ("Paid services were rendered to the population for 12 billion 104,6 million rubles",
     ("Paid services were rendered to the population", "paid_services")),
    ("The average monthly nominal wage of one employee in 2021 made 13 412 soms",
     ("average monthly nominal wage of one employee", "wages")),
    ("In January-December 2015 in the region 15 984 live born were registered", ("live born", "births")),
    ("(persons; born, died, migration gain)", ("born", "births")),
    ("the volume of shipped goods of own production made 417 billion rubles",
     ("volume of shipped goods of own production", "industrial_production")),
    ("Sold production of industry in I-VI 2025 was", ("Sold production of industry", "industrial_production")),
    ("1 million 26,8 thousand tons of grain were harvested", ("were harvested", "crop_production")),
    ("the average number of hired workers made 48 thousand", ("average number of hired workers", "employees")),
    # Czech and Slovak regional releases; Latin American labour surveys; Indian states; Chinese trade
    ("firms achieved revenues from industrial activity of 92,4 bn CZK",
     ("revenues from industrial activity", "industrial_sales")),
    ("The occupied persons numbered 412 thousand", ("occupied persons", "employment")),
    ("the value of new orders in industry fell to 88,2 bn CZK", ("value of new orders", "new_orders")),
    ("German incoming orders rose 2% in May", ("incoming orders", "new_orders")),
    ("the state's GSDP grew 7.2% in 2021-22", ("GSDP", "gross_regional_product")),
    ("Total import and export of Anhui reached 812,3", ("Total import and export", "foreign_trade")),
    ("52 persons were placed in jobs in April", ("placed in jobs", "job_placements")),
]


# Phrases that must not be read as an indicator of another domain
NOT_CASES = [
    ("In the largest economies, the annual rate is expected at 2.3%", ("economies", "gdp")),
    ("Visitor arrivals rose 12%", ("arrivals", "immigration")),  # tourism, not migration
    ("The trade balance was positive", ("balance", "net_migration")),
    ("Job vacancies fell to 886,000", ("Job", "employment")),
    ("House prices rose 3.2%", ("prices", "cpi")),
    ("GRP reached 1.6 trillion at constant 2018 prices", ("prices", "cpi")),  # the prices it is measured in
    ("At current prices, it amounted to P2.14 trillion", ("prices", "cpi")),
    ("a net outflow of 5,000", ("outflow", "emigration")),
    ("Please pay attention to the note", ("pay", "wages")),
    ("prices of eggs rose by 79.6%", ("eggs", "egg_production")),  # a price item, not the hens' output
    ("Gold-bearing ore 8 472,6 thousand tons", ("bearing", "births")),  # born's lemma, bear, is not births
    ("The average wage of one employee rose by 9,6%", ("employee", "employees")),
    ("agriculture fell 1.8% after a poor olive harvest", ("harvest", "crop_production")),  # a cause, not a crop
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_indicators_phrase_and_key(find, text, expected):
    assert expected in find(text)


@pytest.mark.parametrize(("text", "wrong"), NOT_CASES, ids=[c[0][:40] for c in NOT_CASES])
def test_indicators_longer_phrase_of_another_domain_wins(find, text, wrong):
    assert wrong not in find(text)


# (text, expected) that we know we get wrong; strict, so a fix is noticed
GAPS = [
    pytest.param("the volume of gross output of products (services) of agriculture, forestry and fisheries",
                 ("gross output of products (services) of agriculture", "agricultural_production"),
                 id="a bracket inside the phrase: agricultural output in CIS wording"),
    pytest.param("Rosstat: in 2024, 9,000 Russian citizens moved to Kazakhstan",
                 ("moved to Kazakhstan", "emigration"),
                 id="moved to Kazakhstan is immigration only in a release of Kazakhstan"),
]


@pytest.mark.parametrize(("text", "expected"), GAPS)
@pytest.mark.xfail(strict=True, reason="known gap")
def test_indicators_known_gaps(find, text, expected):
    assert expected in find(text)


@pytest.mark.parametrize("text", ["arrivals", "Arrivals", "arrived", "arriving", "arrival"])
def test_indicators_match_on_lemmas_whatever_the_inflection(find, text):
    assert find(text) == [(text, "immigration")]


def test_indicators_longest_phrase_wins(find):
    assert find("net migration balance") == [("net migration balance", "net_migration")]


@given(st.text())
def test_indicators_spans_slice_back_on_any_text(text):
    nlp = spacy.blank("en")
    nlp.add_pipe(LEMMATIZER)
    for m in _FINDER(nlp).find(nlp(text)):
        assert text[m.start:m.end] == m.text and m.start < m.end


def _FINDER(nlp, _cache={}):  # noqa: B006 - one finder per session, built on first use
    if "f" not in _cache:
        _cache["f"] = IndicatorFinder(nlp)
    return _cache["f"]
