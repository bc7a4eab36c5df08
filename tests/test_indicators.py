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
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_indicators_phrase_and_key(find, text, expected):
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
