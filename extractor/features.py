"""What a fact shows about how it was built, as named numbers: the input of the confidence model.

:func:`fact_features` turns one :class:`~extractor.types.Fact` into a flat ``{name: value}`` dict
of the features that are not zero. The names are fixed here, not learned from data, so a model
fitted on some documents applies to any other (``extractor calibrate`` fits the weights;
:mod:`extractor.confidence` applies them). Plain Python: extraction needs no numpy.

Four kinds of feature:

* ``ev:<name>``: each name in ``fact.evidence`` (how each slot was found: own clause, list,
  parenthesis, table, context in force, default; whether the statistical model agrees);
* what the fact itself shows: unit and measure, which slots are empty, the region's kind, the
  period's length, how the number was written (spelled, glued to a word, a scale word);
* how far each slot's mention is from the value (adjacent, same sentence, same line, elsewhere),
  and whether it comes before it;
* competitors, from :class:`DocumentSummary`: how many other values, places, periods and
  indicator phrases the value's sentence holds near it, whether another place, period or
  indicator phrase there is nearer to the value than the one chosen, and capitalised words beside
  the value that no rule recognised.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from typing import Any

from .types import Fact

# The units FACTS.md names; a currency or other unit word as written is "other".
_UNITS = frozenset({"person", "percent", "percentage_point", "times", "per_1000", "count"})
_SCALE_WORD = re.compile(r"(?i)thousand|million|billion|trillion|mln|bn\b|k\b")
_ADJACENT = 25  # characters between a slot's mention and its value that still read as one phrase
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z.'-]+")
_NEAR = 40  # characters around a value searched for names the rules did not recognise
# Competitors are counted this far around the value, within its sentence: bounded work per value
# however long the sentence (a 100 KB run of numbers is one "sentence").
_REACH = 150
_SLOTS = ("indicator", "region", "period")


class DocumentSummary:
    """The mentions of one document indexed by position, for the competitor features.

    Built once per document from the :class:`~extractor.document.DocumentInput` that extraction made
    (any object with ``text``, ``sentences``, ``numbers``, ``regions``, ``periods``, ``indicators``).
    """

    def __init__(self, doc: Any) -> None:
        self.text: str = doc.text
        self.sentences = list(doc.sentences)
        self.sentence_starts = [s.start for s in self.sentences]
        self.mentions = {kind: sorted(getattr(doc, kind), key=lambda m: (m.start, m.end))
                         for kind in ("numbers", "regions", "periods", "indicators")}
        self.starts = {kind: [m.start for m in found] for kind, found in self.mentions.items()}
        self.region_codes = len({m.code for m in self.mentions["regions"]})
        self.stop_words = _stop_words()

    def sentence_of(self, position: int) -> tuple[int, int, int]:
        """(start, end, line) of the sentence holding ``position``; the whole text when none does."""
        i = bisect.bisect_right(self.sentence_starts, position) - 1
        if i >= 0 and position < self.sentences[i].end:
            s = self.sentences[i]
            return s.start, s.end, s.line
        return 0, len(self.text), -1

    def line_of(self, position: int) -> int:
        return self.sentence_of(position)[2]

    def within(self, kind: str, start: int, end: int) -> Sequence[Any]:
        starts = self.starts[kind]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return self.mentions[kind][lo:hi]


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is a core dependency; the list is data

    return frozenset(STOP_WORDS)


def _unknown_names(summary: DocumentSummary, start: int, end: int) -> int:
    """Capitalised words in [start, end) that no region, indicator or period mention covers: a
    row label, a place or a topic the rules did not recognise ("Border 198.4", "Construction rose")."""
    found = 0
    for match in _CAPITALISED.finditer(summary.text, start, end):
        if match.group().lower() in summary.stop_words:
            continue
        s, e = match.span()
        if not any(m.start < e and s < m.end for kind in ("regions", "indicators", "periods")
                   for m in summary.within(kind, max(0, s - 80), e)):
            found += 1
    return found


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, max(a_start, b_start) - min(a_end, b_end))


def _period_length(first: Any, last: Any) -> str:
    days = (last - first).days + 1
    if days == 1:
        return "day"
    for name, low, high in (("month", 28, 31), ("quarter", 89, 92), ("half", 181, 184), ("year", 365, 366)):
        if low <= days <= high:
            return name
    return "multi_year" if days > 366 else "other"


def _region_kind(code: str) -> str:
    if "-" in code:
        return "subnational"
    if len(code) == 2 and code.isalpha() and code.isupper():
        return "country"
    return "group"  # CIS, EU, WORLD, a NUTS code


def _value_features(fact: Fact, text: str | None, out: dict[str, float]) -> None:
    v = fact.value
    out[f"unit:{v.unit if v.unit in _UNITS else 'other'}"] = 1.0
    out[f"measure:{fact.measure}"] = 1.0
    if fact.direction is not None:
        out["direction"] = 1.0
    if v.qualifier is not None:
        out["qualifier"] = 1.0
    if _SCALE_WORD.search(v.text):
        out["value:scale_word"] = 1.0
    number = abs(v.number)
    if float(number).is_integer() and 1900 <= number <= 2100 and v.unit not in ("percent", "times"):
        out["value:year_like"] = 1.0  # "2024 people" or a year read as a value
    if number < 10 and float(number).is_integer() and v.unit not in ("percent", "times", "percentage_point"):
        out["value:small_count"] = 1.0  # "In 11 regions", "Nine services"
    if text is not None:
        before = text[v.start - 1] if v.start > 0 else " "
        after = text[v.end] if v.end < len(text) else " "
        if before.isalpha() or after.isalpha():
            out["value:glued"] = 1.0  # "4.1millionvisitors": scraped text lost its spaces
        if "(" in text[max(0, v.start - 2):v.start]:
            out["value:parenthesis"] = 1.0


def _slot_features(fact: Fact, summary: DocumentSummary | None, out: dict[str, float]) -> None:
    v = fact.value
    sentence = summary.sentence_of(v.start) if summary is not None else None
    for name in _SLOTS:
        span = getattr(fact, name)
        if span is None:
            out[f"{name}:none"] = 1.0
            continue
        gap = _gap(v.start, v.end, span.start, span.end)
        if span.end <= v.start:
            out[f"{name}:before"] = 1.0
        out[f"{name}:log_gap"] = min(math.log1p(gap) / math.log(1000), 1.5)
        if gap <= _ADJACENT:
            where = "adjacent"
        elif sentence is None:
            where = "far"
        elif sentence[0] <= span.start and span.end <= sentence[1]:
            where = "sentence"
        elif summary is not None and summary.line_of(span.start) == sentence[2]:
            where = "line"
        else:
            where = "far"
        out[f"{name}:{where}"] = 1.0
    if fact.indicator is not None and fact.indicator.key is None:
        out["indicator:key_none"] = 1.0
    if fact.region is not None:
        out[f"region:{_region_kind(fact.region.code)}"] = 1.0
    if fact.period is not None:
        out[f"period:{_period_length(fact.period.first, fact.period.last)}"] = 1.0
    if fact.reference_period is not None:
        out["reference_period"] = 1.0
    if fact.breakdown:
        out["breakdown"] = 1.0


def _nearer(mentions: Sequence[Any], v: Any, chosen: Any, same: Any) -> bool:
    """Another mention of the sentence, not meaning the chosen one, lies nearer to the value."""
    if chosen is None:
        return bool(mentions)
    chosen_gap = _gap(v.start, v.end, chosen.start, chosen.end)
    return any(_gap(v.start, v.end, m.start, m.end) < chosen_gap and not same(m, chosen) for m in mentions)


def _competitor_features(fact: Fact, summary: DocumentSummary, out: dict[str, float]) -> None:
    v = fact.value
    start, end, line = summary.sentence_of(v.start)
    lo, hi = max(start, v.start - _REACH), min(end, v.end + _REACH)
    numbers = summary.within("numbers", lo, hi)
    regions = summary.within("regions", lo, hi)
    periods = summary.within("periods", lo, hi)
    indicators = summary.within("indicators", lo, hi)
    out["near:values"] = math.log1p(max(0, len(numbers) - 1)) / math.log(10)
    out["near:regions"] = math.log1p(len({m.code for m in regions})) / math.log(10)
    out["near:periods"] = math.log1p(len(periods)) / math.log(10)
    out["near:indicators"] = math.log1p(len(indicators)) / math.log(10)
    out["doc:regions"] = math.log1p(summary.region_codes) / math.log(10)
    if line == 0:
        out["value:first_line"] = 1.0  # a title or headline
    before = _unknown_names(summary, max(start, v.start - _NEAR), v.start)
    after = _unknown_names(summary, v.end, min(end, v.end + _NEAR))
    if before:
        out["context:unknown_name_before"] = 1.0
    if after:
        out["context:unknown_name_after"] = 1.0
    if "table" in fact.evidence and "region_home" in fact.evidence:
        out["table:region_home"] = 1.0  # a row label that is no known place
    if "region_home" in fact.evidence and regions:
        out["region:home_beside_others"] = 1.0
    if _nearer(regions, v, fact.region, lambda m, c: m.code == c.code):
        out["region:nearer_other"] = 1.0
    if _nearer(periods, v, fact.period, lambda m, c: (m.start, m.end) == (c.start, c.end)
               or (m.first, m.last) == (c.first, c.last)):
        out["period:nearer_other"] = 1.0
    if _nearer(indicators, v, fact.indicator, lambda m, c: m.key is not None and m.key == c.key
               or (m.start, m.end) == (c.start, c.end)):
        out["indicator:nearer_other"] = 1.0


def fact_features(fact: Fact, summary: DocumentSummary | None = None) -> dict[str, float]:
    """The fact's non-zero features by name; ``summary`` adds the ones that need the document.

    >>> from extractor.types import Fact, Value
    >>> fact = Fact("d", Value("20,7%", 10, 15, 20.7, "percent"), "change", "decrease", None, None, None,
    ...             None, evidence=("unit_stated", "direction_cue"))
    >>> sorted(fact_features(fact))  # doctest: +NORMALIZE_WHITESPACE
    ['direction', 'ev:direction_cue', 'ev:unit_stated', 'indicator:none', 'measure:change',
     'period:none', 'region:none', 'unit:percent']
    """
    out: dict[str, float] = {f"ev:{name}": 1.0 for name in fact.evidence}
    if fact.extractor:
        out[f"rule:{fact.extractor}"] = 1.0
    _value_features(fact, summary.text if summary is not None else None, out)
    _slot_features(fact, summary, out)
    if summary is not None:
        _competitor_features(fact, summary, out)
    return out


__all__ = ["DocumentSummary", "fact_features"]
