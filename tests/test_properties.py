"""Invariants of extract on any string: no crash, exact spans, determinism, bounded time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import extract

from .conftest import SEEDS

RELEASE_WORDS = st.sampled_from([
    "In", "January-December", "2025", "the", "number", "of", "arrivals", "amounted", "23761", "to",
    "people", "decreased", "by", "20,7%", "Astana", "Almaty region", "minus", "17,718", "2.8 times",
    "fewer", "than", "same period last year", "(", ")", ",", ".", "\n", "–", "3.7-fold", "per 1.000",
    "as of May 1, 2025", "Since January", "share", "of", "CIS", "twenty", "million", "thousand", ":",
    "- ", "Q1 2025", "mid-2024", "unemployment rate", "was", "8.1%", "Date of publication: 09.02.2026",
])
RELEASE_LIKE = st.lists(RELEASE_WORDS, max_size=60).map(" ".join)


def _check_spans(text: str) -> list:
    facts = extract(text)
    for fact in facts:
        for field in fact.spans():
            assert 0 <= field.start < field.end <= len(text)
            assert text[field.start:field.end] == field.text
        assert 0.0 <= fact.confidence <= 1.0
        assert fact.measure in ("level", "change", "share", "rate")
        assert fact.direction in (None, "increase", "decrease")
        if fact.measure != "change":
            assert fact.direction is None
    values = sorted((f.value.start, f.value.end) for f in facts)
    for (s1, e1), (s2, e2) in zip(values, values[1:], strict=False):
        assert e1 <= s2 or (s1, e1) == (s2, e2), "value spans never partly overlap"
    return facts


@given(st.text())
def test_properties_any_text_gives_exact_spans(text):
    _check_spans(text)


@given(RELEASE_LIKE)
def test_properties_release_like_text_gives_exact_spans(text):
    _check_spans(text)


@given(RELEASE_LIKE)
def test_properties_extraction_is_deterministic(text):
    assert [f.to_dict() for f in extract(text)] == [f.to_dict() for f in extract(text)]


def test_properties_control_characters_emoji_and_cyrillic():
    text = "\x00\x01\x7f 📈 Население Казахстана 20 млн\u202f353 тыс. \u2028 In 2024: 12,5% 🙂"
    _check_spans(text)


def _seconds(text: str) -> float:
    started = time.perf_counter()
    extract(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", ["1", ",", "1,", "1.1.", "-", "(", "2024-", "per 1.000 ", "a", "\u202f", "Astana "])
def test_properties_pathological_inputs_finish_fast(unit):
    """100 KB of digits, commas, separators: under a second (a guard against quadratic paths, not a benchmark)."""
    extract("warm up 1,000 people")
    text = unit * (100_000 // len(unit))
    assert _seconds(text) < 1.5, repr(unit)


@pytest.mark.parametrize("unit", ["1 ", "5% ", "- Astana – 1.95%\n", "Almaty 1 ", "Almaty 2019 1 "])
def test_properties_text_made_only_of_values_stays_linear(unit):
    """Every value here is a fact (50,000 in 100 KB): the cost per fact is bounded."""
    text = unit * (100_000 // len(unit))
    assert _seconds(text) < 8.0, repr(unit)


def test_properties_time_grows_linearly_with_length():
    block = (SEEDS / "003_34052f527fd0f2ed.txt").read_text(encoding="utf-8")
    extract(block)
    small = min(_seconds(block * 5) for _ in range(2))
    large = min(_seconds(block * 40) for _ in range(2))
    assert large < small * 8 * 2.5, (small, large)  # 8x the text, allow noise, forbid quadratic


def test_properties_one_megabyte_of_digits_and_text():
    text = ("In 2024 the population grew by 1,2% to 20 million people. " + "1234567890 " * 50) * 200
    assert len(text) > 100_000
    assert _seconds(text) < 10


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)), max_size=25))
def test_lexicon_longest_first_equals_spacys_filter_spans(pairs):
    import spacy
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from extractor.lexicon import _longest_first

    doc = spacy.blank("en")(" ".join(["w"] * 40))
    triples = [(start, start + length, index) for index, (start, length) in enumerate(pairs)]
    spans = [Span(doc, start, end, label=str(index)) for start, end, index in triples]
    expected = [(s.start, s.end, int(s.label_)) for s in filter_spans(spans)]
    assert _longest_first(triples) == expected
