"""A value's indicator from its clause's subject when the vocabulary names none in its sentence.

FACTS.md: "A value takes the indicator of its own clause, else of its sentence's subject, else the indicator
in force." Releases name what they measure in words no vocabulary holds ("Launches of new projects reached
27,985 units", "The value of sales reached COP 3.87 trillion"): the words before the clause's verb are what the
value measures, with no key, when a noun of a measure is among them (``subject_nouns`` in ``patterns/facts.yaml``).
A subject without one refers back ("The figure was ...", "It rose ...") or names a part of the indicator in
force ("Construction rose by 4.6%" in a GDP release), which then does its work.
"""

from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .resources import load_jsonl, load_yaml
from .types import IndicatorMention, NumberMention

if TYPE_CHECKING:
    from .document import DocumentView
    from .segments import Sentence

_CLAUSE_BREAK = re.compile(r"[;:,()\u2013\u2014\"“”]|\s[-–]\s|\b(?:and|while|whereas|but|that|which|where)\b",
                           re.IGNORECASE)
_LIST_BREAK = re.compile(r"[;:,()]|\b(?:and|while|whereas|but|that|which|where)\b", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_DIGIT = re.compile(r"\d")
_PERIOD_NOUN = re.compile(r"\s*(?i:season|campaign|crop\s+year|agricultural\s+year|harvest\s+year|year|quarter"
                          r"|period)\b")
_MAX_SUBJECT_WORDS = 12  # "the added value of industry above designated size of the whole province"
_REACH = 160  # characters before a value its clause's subject and verb are looked for in
_EARLIER = 3  # earlier values of the sentence whose subject a value may continue
_BACK = frozenset({"its", "their", "it", "they", "this", "these", "those", "such"})
_PARTITIVE = frozenset({"of", "among", "from", "including", "out"})


@functools.cache
def _rules(patterns_dir: Path | None) -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = load_yaml("facts.yaml", base=patterns_dir)
    verbs = sorted((str(w).lower() for w in data.get("subject_verbs", ())), key=len, reverse=True)
    gap = int(data.get("subject_gap_words", 5))
    # the verb, then up to ``gap`` words without a digit, then the value
    # (the lookahead on the verbs' first letters lets the search skip most positions of its window)
    firsts = "".join(sorted({re.escape(w[0]) for w in verbs if w}))
    ahead = r"(?=[" + firsts + r"])" if firsts and all(verbs) else ""  # (an empty verb may match anywhere)
    pattern = re.compile(r"(?i)" + ahead + r"\b(?:" + "|".join(map(re.escape, verbs or ["(?!)"]))
                         + r")\b(?:\s+[^\W\d_][\w'’-]*){0," + str(gap) + r"}\s*\Z")
    return (pattern, frozenset(str(w).lower() for w in data.get("subject_nouns", ())),
            frozenset(str(w).lower() for w in data.get("subject_continuing_words", ())))


def subject(run: DocumentView, v: NumberMention, sent: Sentence,
            values: list[NumberMention]) -> IndicatorMention | None:
    """The words of ``v``'s clause before its verb, as an indicator with no key, else the subject of an earlier
    value's clause in the sentence ("Launches of new projects reached 27,985 units, down 14.6%"); None when no
    clause before the value has such a verb right before its value, or its subject names no measure."""
    in_force = run.ctx.indicator_key or (run.ctx.doc_indicator.key if run.ctx.doc_indicator else None)
    if run.indicator_info(in_force).get("kind") == "index":
        return None  # "Tariffs for natural gas supplied to households increased by 18,2%" in a CPI release: a component
    own = _clause_subject(run, v, sent)
    if own is not None:
        return None if _part_of_in_force(run, own) else own
    lo = max(sent.start, v.start - _REACH)  # (a bounded look back: a sentence of a thousand values stays linear)
    if _clause_start(run, v, sent) is not None:
        return None  # "..., and rental housing slid 10.4%": a clause with a subject of its own
    at = bisect.bisect_left(values, v.start, key=lambda u: u.start)
    for earlier in reversed([u for u in values[max(0, at - _EARLIER):at] if lo <= u.start and u.end <= v.start]):
        found = _clause_subject(run, earlier, sent)
        if found is not None:
            return None if _part_of_in_force(run, found) else found
    return None


def _part_of_in_force(run: DocumentView, found: IndicatorMention) -> bool:
    """Whether the subject names a part of the indicator in force by one of that indicator's own nouns, in its
    phrase or in any phrase the vocabulary has for its key: "sales outside stores" under the retail trade index,
    "The output of polypropylene" under "industrial output"."""
    in_force = run.ctx.indicator_mention or run.ctx.doc_indicator
    if in_force is None:
        return False
    nouns = _rules(run.assembler.patterns_dir)[1]
    own = {_stem(w.group()) for w in _WORDS.finditer(in_force.text) if w.group().lower() in nouns}
    own |= _key_nouns(run.assembler.patterns_dir).get(run.ctx.indicator_key or in_force.key or "", frozenset())
    return any(_stem(w.group()) in own for w in _WORDS.finditer(found.text))


@functools.cache
def _key_nouns(patterns_dir: Path | None) -> dict[str, frozenset[str]]:
    """Each vocabulary key's nouns of a measure, from its phrases in ``indicators.jsonl`` ("retail sales" ->
    retail_trade: "sale")."""
    nouns = _rules(patterns_dir)[1]
    found: dict[str, set[str]] = {}
    for row in load_jsonl("indicators.jsonl", base=patterns_dir):
        pattern = row.get("pattern")
        if isinstance(pattern, str) and row.get("id"):
            found.setdefault(str(row["id"]), set()).update(
                _stem(w) for w in pattern.split() if w.lower() in nouns)
    return {k: frozenset(v) for k, v in found.items()}


def _stem(word: str) -> str:
    low = word.lower()
    return low[:-1] if low.endswith("s") and len(low) > 3 else low


def _clause_start(run: DocumentView, v: NumberMention, sent: Sentence) -> int | None:
    """Where ``v``'s clause begins when it has words of its own before the value ("..., and coal mining fell by
    32.8%"), else None ("..., down 14.6%" continues the clause before it)."""
    lo = max(sent.start, v.start - _REACH)
    start = lo
    for m in _LIST_BREAK.finditer(run.text, lo, v.start):
        start = m.end()  # (not at a dash: "molybdenum concentrate – 4,9 thousand tons" names its own item)
    if start == lo and lo == sent.start:
        return None  # the sentence's first clause
    continuing = _rules(run.assembler.patterns_dir)[2]
    if any(w.group().lower() not in continuing for w in _WORDS.finditer(run.text, start, v.start)):
        return start
    return None


def _clause_subject(run: DocumentView, v: NumberMention, sent: Sentence) -> IndicatorMention | None:
    verb_before, nouns, _ = _rules(run.assembler.patterns_dir)
    lo = max(sent.start, v.start - _REACH)
    verb = verb_before.search(run.text, lo, v.start)
    if verb is None or verb.start() <= lo:
        return None
    start = lo
    for m in _CLAUSE_BREAK.finditer(run.text, lo, verb.start()):
        start = m.end()
    end = verb.start()
    for p in run.periods.within(start, end):
        start = max(start, p.end)  # "In January-June 2025 the number of guests reached": after the fronted period
        if (noun := _PERIOD_NOUN.match(run.text, start, end)) is not None:
            start = noun.end()  # "In the 2019/2020 season the area sown ...": and the noun the period qualifies
    piece = run.text[start:end]
    if _DIGIT.search(piece):
        return None  # "In January-June 2025 the number ...": a fronted period with no comma, or another value
    words = list(_WORDS.finditer(piece))
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return None
    if any(w.group().lower() in _BACK for w in words):
        return None  # "The share of production facilities in their volume": refers back to what came before
    if words[0].group().lower() in _PARTITIVE:
        return None  # "Of them residents of Kazakhstan made 812,3 thousand": a part of what the sentence before counts
    content = [w for w in words if w.group().lower() in nouns]
    if not content:
        return None  # "Construction rose by 4.6%", "It rose", "The figure was": a part of the indicator in force, or it
    first, last = start + words[0].start(), start + words[-1].end()
    if any(p.start <= start + content[0].start() < p.end for p in run.regions.within(first, last)):
        return None  # a place's name with a noun in it: where, not what
    return IndicatorMention(run.text[first:last], first, last, None)


__all__ = ["subject"]
