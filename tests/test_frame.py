"""extractor.to_frame / from_frame: one row per fact, analyst dtypes, and a lossless round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

from extractor import from_frame, to_frame  # noqa: E402
from extractor.cli import CSV_COLUMNS  # noqa: E402

from .conftest import gold_documents  # noqa: E402
from .helpers import hide_module  # noqa: E402

RELEASE = (
    "Population of Kazakhstan on May 1, 2025 amounted to 20 million 353 thousand people.\n"
    "In January-April 2025 the number of arrivals amounted to 23761 people and decreased by 20,7%."
)


@pytest.fixture(scope="module")
def facts(fast):
    return [f for doc_id, text, _ in gold_documents() for f in fast.extract(text, doc_id=doc_id)]


def test_round_trip_gives_the_same_facts_on_every_fixture(facts):
    dicts = [f.to_dict() for f in facts]
    assert from_frame(to_frame(facts)) == dicts
    assert from_frame(to_frame(dicts)) == dicts  # dicts in, same as Fact objects in


def test_columns_are_the_csv_columns_in_fact_order(fast):
    facts = fast.extract(RELEASE, doc_id="kz")
    frame = to_frame(facts)
    assert list(frame.columns) == CSV_COLUMNS
    assert len(frame) == len(facts)
    assert frame["value_text"].tolist() == [f.value.text for f in facts]


@pytest.mark.parametrize(
    ("column", "kind"),
    [
        ("number", "float64"),
        ("confidence", "float64"),
        ("value_start", "Int64"),
        ("period_end", "Int64"),
        ("period_from", "datetime64"),
        ("reference_to", "datetime64"),
        ("unit", "category"),
        ("measure", "category"),
        ("direction", "category"),
        ("region_code", "category"),
        ("indicator_key", "category"),
        ("doc_id", "category"),
    ],
)
def test_dtypes(fast, column, kind):
    frame = to_frame(fast.extract(RELEASE, doc_id="kz"))
    assert str(frame[column].dtype).startswith(kind)


def test_values_are_computable(fast):
    frame = to_frame(fast.extract(RELEASE, doc_id="kz"))
    people = frame[frame["unit"] == "person"]
    assert 20_353_000.0 in people["number"].tolist()
    level = frame[frame["value_text"] == "20 million 353 thousand"].iloc[0]
    assert level["period_from"] == pd.Timestamp(dt.date(2025, 5, 1))
    change = frame[frame["value_text"] == "20,7%"].iloc[0]
    assert change["direction"] == "decrease"
    assert pd.isna(change["reference_from"]) or isinstance(change["reference_from"], pd.Timestamp)


def test_empty_input_gives_an_empty_frame_with_the_columns():
    frame = to_frame([])
    assert list(frame.columns) == CSV_COLUMNS
    assert frame.empty
    assert from_frame(frame) == []


def test_a_wrong_object_is_named():
    with pytest.raises(TypeError, match="not int"):
        to_frame([3])


def test_missing_pandas_says_what_to_install(monkeypatch):
    hide_module(monkeypatch, "pandas")
    with pytest.raises(ImportError, match=r"extractor\[frame\]"):
        to_frame([])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%-–()\nin 2024 Q1 January people Astana rose fell by")),
               max_size=200))
def test_round_trip_property(fast, text):
    facts = [f.to_dict() for f in fast.extract(text, doc_id="h")]
    assert from_frame(to_frame(facts)) == facts
