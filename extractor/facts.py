"""Assemble facts: each value with its indicator, region, period, measure and direction.

The rules look inside the sentence first (nearest mention, same clause preferred,
no other value in between), then at the list's lead-in, then at what the document
has set as context:

* the **frame period**: a period fronted in its sentence ("In 2024, ...", "By
  mid-2024, ..."), or stated in a sentence that has no values of its own (a title,
  "the survey, conducted in late 2024, showed ..."). A line with no period of its
  own inherits the frame;
* the **line period**: within a line (a paragraph), the last period named applies
  to later sentences of the same line;
* the **as-of date** ("as of May 1, 2025") that ends open periods ("since January");
* the **home country**: the first country the document names.

Each fact records the evidence it was built from; its confidence is computed from
that evidence (see :mod:`extractor.confidence`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from . import periods as period_rules
from .confidence import score
from .indicators import IndicatorFinder
from .lexicon import LexiconMatch
from .resources import load_yaml
from .segments import Sentence
from .types import (  # _new_*: the records, made faster (see fast_constructor)
    Fact,
    IndicatorMention,
    NumberMention,
    Period,
    PeriodMention,
    Region,
    RegionMention,
    _new_fact,
    _new_indicator,
    _new_period,
    _new_region,
    _new_value,
)

Interval = tuple[date, date]
_T = TypeVar("_T")

# Kinds of period mention that name no stretch of their own and so never set the frame.
_RELATIVE_KINDS = frozenset({"relative_year", "same_period", "deictic"})
# Never a frame by itself: relative words, a single day (a dateline, a briefing).
_NOT_A_FRAME = _RELATIVE_KINDS | {"date"}
_EARLIER = re.compile(r"(?i)\b(?:earlier|ago|before)\b")
# A date this close to the top that equals the publication date is the dateline.
_DATELINE_REACH = 400
_LIST_VERB = re.compile(r"(?i)\b(?:were|was|are|is|included|include|includes|named|cited|listed|mentioned)\s+")
_DASH_TAIL = re.compile(r"\s*[–—:-]\s*$")
_JOINER = re.compile(r"(?i)[\s,;:]*(?:(?:and|or|while|as well as)\s+)+")
_LAST_WORD = re.compile(r"([\w’'-]+)\W*$")
# Per-value searches look this many characters either side: real sentences are shorter, and it keeps
# the work per value bounded on pathological input.
_REACH = 400
# _LAST_WORD read backwards, anchored at the end: the run of word characters around the last letter.
_LAST_WORD_REVERSED = re.compile(r"\W*?([’'-]*\w[\w’'-]*)")
_MANY = 16
_GENERIC_PENALTY = 6  # "Nominal GDP at current prices": the specific "GDP" beats the generic "prices"
_DENOMINATOR = re.compile(r"(?i)\bper\s+(?:[\d\s.,\u00a0\u202f]+|thousand|hundred)\s*$")
_OF_LINK = re.compile(r"\s+(?:of|among|for)(?:\s+the)?\s+")  # "wages among employees": the head is "wages"
_BRACKET_AFTER = re.compile(r"\s*\(\s*")
_PER_THOUSAND = re.compile(r"(?i)\bper\s+(?:1[ ,.\u00a0\u202f]?000|thousand)\b|‰")
_NEXT_WORDS_NOUN = re.compile(r"\s+(?!and\b|or\b|in\b|of\b|to\b|for\b|than\b)[a-z]{3,}s\b")
_BASIS_UNIT = re.compile(
    r"(?i)\s+(?:kilogram|kilo|kg|litre|liter|metre|meter|ton|tonne|square|cubic|piece|dozen|loaf|unit)s?\b")
_DIRECTION_NOUNS = frozenset({"growth", "increase", "decline", "decrease", "drop", "fall", "rise", "gain", "loss",
                              "reduction", "contraction", "jump"})
_LEVEL_VERBS = frozenset({"was", "is", "were", "are", "amounted", "amount", "to", "made", "make", "reached", "at",
                          "stood", "totaled", "totalled", "constituted", "equaled", "equalled", "came", "of", "up",
                          "has", "been", "had", "estimated", "in", "the", "quarter", "year"})
_TIME_UNITS = frozenset({"year", "month", "day", "week", "hour", "minute", "decade"})
# The lookahead on the first character lets the scan skip most positions cheaply (3x faster); the
# alternatives are the same: ", ", ";", a spaced dash, "while", "whereas", "but", "although".
_CLAUSE_BREAK = re.compile(r"(?=[,;\swba])(?:,\s|;|\s[–—-]\s|\b(?:while|whereas|but|although)\b)")
_WORD = re.compile(r"[\w’'-]+")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*)?(?:and\s+|or\s+)?")  # between the places of a list
_DIGIT = re.compile(r"\d")
_PARTNER_ANAPHOR = re.compile(r"\bthese countries\b|\bthem\b")
_COMPARED_BEFORE = re.compile(r"(?:compared (?:to|with)|than|against|versus|from)\s*(?:\w+\s+){0,2}$")
_SURVEY_ANSWER = re.compile(r"\s*(?:said|answered|responded|reported|were|are|was|believe[sd]?)?\s*(?:that\s+)?"
                            r"(?:they\s+)?(?:had\s+|were\s+)?(.+?)\s*[.,;]?\s*$")
_MORE_THAN = re.compile(r"\s*(?:\w+\s+)?(?:more|fewer|less|higher|lower)\s+than\b")
_NEXT_WORDS = re.compile(r"\s*(?:\(|\s)*([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?")


@functools.cache
def _lexicon(patterns_dir: Path | None) -> dict[str, Any]:
    data = load_yaml("facts.yaml", base=patterns_dir)
    words = {k: tuple(str(w).lower() for w in v) for k, v in data.items()}
    return words


def _any_word(words: Sequence[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word: one search instead of one per word."""
    if not words:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


@dataclass(slots=True)
class DocumentInput:
    """Everything the detectors found in one document."""

    text: str
    sentences: list[Sentence]
    numbers: list[NumberMention]
    periods: list[PeriodMention]
    regions: list[RegionMention]
    indicators: list[IndicatorMention]
    cues: list[LexiconMatch]
    token_starts: list[int]
    published: date | None = None
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # statistical NER, if any


@dataclass(slots=True)
class _Resolved:
    mention: PeriodMention
    interval: Interval | None
    reference: bool
    fronted: bool
    guessed: bool = False
    made: Period | None = None  # made once, then shared by the values that take this period

    def period(self) -> Period | None:
        """The fact's period for this mention, if it resolved."""
        if self.made is None and self.interval is not None:
            self.made = _period(self.mention, self.interval)
        return self.made


@dataclass(slots=True)
class _Context:
    frame: _Resolved | None = None
    line_period: _Resolved | None = None
    as_of: date | None = None
    line: int = -1
    indicator_key: str | None = None  # last specific key in this line
    indicator_mention: IndicatorMention | None = None
    frame_indicator: IndicatorMention | None = None
    internal_scope_line: int = -2
    survey_until_line: int = -1
    partner: RegionMention | None = None
    header: _Resolved | None = None  # the period a bureau's title states ("..., January-June 2024")
    seen_value: bool = False
    last_place: RegionMention | None = None  # last sub-national place named in this line
    prev_fact: Fact | None = None  # the previous value's fact in this sentence


@dataclass(slots=True)
class _Here:
    """One sentence's mentions of each kind, sliced once: most rules ask for them, per value."""

    sent: Sentence
    numbers: Sequence[NumberMention]
    periods: Sequence[PeriodMention]
    regions: Sequence[RegionMention]
    indicators: Sequence[IndicatorMention]
    cues: Sequence[LexiconMatch]
    home: Region | None = None
    home_done: bool = False


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


_START_END = operator.attrgetter("start", "end")


class _Sorted:
    """Mentions sorted by start, sliced by character range in O(log n)."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = sorted(items, key=_START_END)
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Any]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]

    def split(self, spans: Sequence[Sentence]) -> list[Sequence[Any]]:
        """``within`` for each of ``spans``, which must be in order and disjoint. One merge-like pass
        over items and spans together: cheaper than slicing per span, as most sentences have few
        mentions of a kind. Spans with none share one empty tuple (a list each costs more)."""
        out: list[Sequence[Any]] = [()] * len(spans)
        i, n = 0, len(spans)
        bucket: list[Any] = []
        bucket_of = -1
        for m in self.items:
            start = m.start
            while i < n and spans[i].end <= start:
                i += 1  # the first span ending after the item starts is the only one that can hold it
            if i == n:
                break
            span = spans[i]
            if span.start <= start and m.end <= span.end:
                if bucket_of != i:
                    bucket, bucket_of = [], i
                    out[i] = bucket
                bucket.append(m)
        return out

    def count_between(self, start: int, end: int) -> int:
        """How many items start in [start, end): O(log n)."""
        return bisect.bisect_left(self.starts, end) - bisect.bisect_left(self.starts, start)


class Assembler:
    """Builds facts from one document's mentions. Stateless between documents."""

    def __init__(self, indicators: IndicatorFinder, *, patterns_dir: Path | None = None) -> None:
        self._indicators = indicators
        self._words = _lexicon(patterns_dir)
        self._word_sets = {k: frozenset(v) for k, v in self._words.items()}  # membership tests per value
        self.about_reference = _any_word(self._words.get("about_reference", ()))
        self.share_after = tuple(w + " " for w in self._words.get("share_after", ()))  # "of respondents"

    # --- entry point -------------------------------------------------------------------

    def assemble(self, doc: DocumentInput, doc_id: str | None = None) -> list[Fact]:
        run = _Run(self, doc, doc_id)
        return run.facts()


class _Run:
    """One document's assembly: holds its indexes and running context."""

    def __init__(self, assembler: Assembler, doc: DocumentInput, doc_id: str | None) -> None:
        self.a = assembler
        self.w = assembler._words
        self.ws = assembler._word_sets
        self.doc = doc
        self.text = doc.text
        self.doc_id = doc_id
        self.numbers = _Sorted(doc.numbers)
        self.periods = _Sorted(doc.periods)
        self.regions = _Sorted(doc.regions)
        self.indicators = _Sorted(doc.indicators)
        self.cues = _Sorted(_cues_outside_indicators(doc.cues, doc.indicators))
        self.entities = doc.entities
        self.home = self._home_country()
        self.year_hint = self._year_hint()
        self.ctx = _Context()
        self.resolved_by_sentence: dict[int, list[_Resolved]] = {}
        self._breaks: list[int] = []
        self._breaks_for = -1
        self._clause_cues: tuple[tuple[int, int], Sequence[LexiconMatch]] = ((-1, -1), [])
        self._main_refs: tuple[list[_Resolved] | None, list[_Resolved], list[_Resolved]] = (None, [], [])
        self.by_sentence = self._split_by_sentence()
        # The current sentence's mentions (set by the walk; every rule below reads the current sentence's).
        self.here = _Here(Sentence(0, 0, -1, False, False, None, False), (), (), (), (), ())
        self.lead_here: _Here | None = None  # its lead-in's

    # --- document-level facts ------------------------------------------------------------

    def _home_country(self) -> RegionMention | None:
        meta = [(s.start, s.end) for s in self.doc.sentences if s.meta]
        first_sub = None
        for m in self.regions.items:
            if any(a <= m.start < b for a, b in meta):
                continue
            if m.kind in ("country", "group"):
                return m
            if first_sub is None and m.kind in ("region", "city"):
                first_sub = m
        if first_sub is not None and first_sub.country:
            return RegionMention(first_sub.text, first_sub.start, first_sub.end, first_sub.country,
                                 _country_name(first_sub.country), "country", first_sub.country)
        groups = [m for m in self.regions.items if m.kind == "group"]
        return groups[0] if groups else None

    def _year_hint(self) -> int | None:
        if self.doc.published:
            return None
        years = [m.last.year for m in self.periods.items
                 if m.last is not None and m.kind not in ("year_range",)]
        return max(years) if years else None

    # --- token geometry ------------------------------------------------------------------

    def _tok(self, char: int) -> int:
        return bisect.bisect_right(self.doc.token_starts, char) - 1

    def _gap_tokens(self, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
        if a_end <= b_start:
            return max(0, self._tok(b_start) - self._tok(max(a_end - 1, a_start)) - 1)
        if b_end <= a_start:
            return max(0, self._tok(a_start) - self._tok(max(b_end - 1, b_start)) - 1)
        return 0

    def _words_between(self, left_end: int, right_start: int) -> list[str]:
        if right_start <= left_end:
            return []
        return [w.lower() for w in _WORD.findall(self.text[left_end:right_start])]

    def _clause_breaks(self, start: int, end: int) -> list[int]:
        """Clause breaks in [start, end), except those inside a number ("1,5", "10 - 12")."""
        starts, numbers = self.numbers.starts, self.numbers.items
        right = bisect.bisect_right
        out = []
        for match in _CLAUSE_BREAK.finditer(self.text, start, end):
            pos = match.start()
            i = right(starts, pos) - 1
            if i < 0 or not numbers[i].start <= pos < numbers[i].end:
                out.append(pos)
        return out

    def _attach_cost(self, cand_start: int, cand_end: int, v: NumberMention, breaks: list[int],
                     values: list[NumberMention]) -> float:
        # _gap_tokens, the clause breaks and the values between, inlined: this runs for every
        # candidate of every value.
        v_start, v_end = v.start, v.end
        token_starts = self.doc.token_starts
        right = bisect.bisect_right
        if cand_end <= v_start:
            lo, hi = cand_end, v_start
            gap = right(token_starts, v_start) - right(token_starts, max(cand_end - 1, cand_start)) - 1
            after = 3 if cand_start >= v_end else 0  # only for empty spans
        elif v_end <= cand_start:
            lo, hi = v_end, cand_start
            gap = right(token_starts, cand_start) - right(token_starts, max(v_end - 1, v_start)) - 1
            after = 3
        else:
            return 0  # overlapping: no gap, nothing between, not after
        if gap < 0:
            gap = 0
        if hi > lo:
            left = bisect.bisect_left
            starts = self.numbers.starts
            crossed = left(breaks, hi) - left(breaks, lo)
            between = left(starts, hi) - left(starts, lo)
            return gap + 8 * crossed + 12 * between + after
        return gap + after

    def _near(self, index: _Sorted, in_sentence: Sequence[Any], v: NumberMention,
              sent: Sentence) -> Sequence[Any]:
        """Mentions of the sentence within reach of the value: bounded work per value, however long
        the sentence (a 100 KB run of numbers is one "sentence"). Usually the whole sentence is within
        reach, and its slice (``in_sentence``, not to be modified) is the answer."""
        lo, hi = v.start - _REACH, v.end + _REACH
        if lo <= sent.start and sent.end <= hi:
            return in_sentence
        return index.within(max(sent.start, lo), min(sent.end, hi))

    def _split_by_sentence(self) -> list[_Here]:
        """Each sentence's mentions, for the walk to look up instead of slicing each index again."""
        sentences = self.doc.sentences
        indexes = (self.numbers, self.periods, self.regions, self.indicators, self.cues)
        if all(a.end <= b.start for a, b in itertools.pairwise(sentences)):  # as split_sentences gives them
            columns = [index.split(sentences) for index in indexes]
        else:
            columns = [[index.within(s.start, s.end) for s in sentences] for index in indexes]
        return [_Here(*row) for row in zip(sentences, *columns, strict=True)]

    def _lead_mentions(self, lead: Sentence) -> _Here:
        """The mentions of the current sentence's lead-in, set in :meth:`facts`."""
        here = self.lead_here
        assert here is not None and here.sent is lead
        return here

    # --- the walk ----------------------------------------------------------------------

    def facts(self) -> list[Fact]:
        out: list[Fact] = []
        sentences = self.doc.sentences
        for index, sent in enumerate(sentences):
            if sent.line != self.ctx.line:
                self._new_line(sent)
            lead = sentences[sent.lead_in] if sent.lead_in is not None else None
            self.here = self.by_sentence[index]
            self.lead_here = self.by_sentence[sent.lead_in] if sent.lead_in is not None else None
            values = self._values(sent)
            resolved = self._resolve_periods(index, sent, has_values=bool(values))
            self.resolved_by_sentence[index] = resolved
            self._note_cues(sent)
            lead_resolved = self.resolved_by_sentence.get(sent.lead_in, []) if lead else []
            self.ctx.prev_fact = None
            for v in values:
                fact = self._fact(v, sent, lead, values, resolved, lead_resolved)
                if fact is not None:
                    out.append(fact)
                    self.ctx.prev_fact = fact
            self._update_context(sent, resolved, values)
        return _restated_headlines(out)

    def _new_line(self, sent: Sentence) -> None:
        self.ctx.line = sent.line
        self.ctx.line_period = None
        if not sent.list_item:
            self.ctx.indicator_key = None
            self.ctx.indicator_mention = None
            self.ctx.last_place = None

    def _note_cues(self, sent: Sentence) -> None:
        for cue in self.here.cues:
            if cue.label == "SCOPE":
                self.ctx.internal_scope_line = sent.line
            elif cue.label == "SURVEY":
                self.ctx.survey_until_line = sent.line + 1

    # --- values ----------------------------------------------------------------------

    def _values(self, sent: Sentence) -> list[NumberMention]:
        if sent.meta:
            return []
        here = self.here
        periods = here.periods
        if not periods:
            return list(here.numbers)
        found = []
        ends = [p.end for p in periods]
        for n in here.numbers:
            i = bisect.bisect_right(ends, n.start)  # the first period ending after the number starts
            if i < len(periods) and periods[i].start < n.end:
                continue  # "four" in "first four months", a year read as a number
            found.append(n)
        return found

    # --- periods -----------------------------------------------------------------------

    def _resolve_periods(self, index: int, sent: Sentence, *, has_values: bool) -> list[_Resolved]:
        out: list[_Resolved] = []
        if sent.meta:
            return out  # "Date of publication: 09.02.2026" is about the document, not a fact
        for m in self.here.periods:
            if self._is_publication(m):
                continue
            reference = self._is_reference(m, sent)
            fronted = not reference and self._is_fronted(m, sent)
            in_force = self._in_force_interval()
            interval, guessed = self._resolve(m, in_force=in_force, as_reference=reference)
            out.append(_Resolved(m, interval, reference, fronted, guessed))
            if interval and m.kind == "date" and self._reads_as_of(m):
                self.ctx.as_of = interval[0]
        return out

    def _is_publication(self, m: PeriodMention) -> bool:
        """The dateline ("BISHKEK, November 21, 2023 –") dates the document, not a fact."""
        published = self.doc.published
        return (published is not None and m.kind == "date" and m.first == published
                and m.start < _DATELINE_REACH)

    def _resolve(self, m: PeriodMention, *, in_force: Interval | None,
                 as_reference: bool) -> tuple[Interval | None, bool]:
        anchor = self.doc.published
        try:
            got = period_rules.resolve_period(m, in_force=in_force, as_of=self.ctx.as_of,
                                              anchor=anchor, as_reference=as_reference)
        except ValueError:
            got = None
        if got is None and anchor is None and self.year_hint:
            # No publication date: "this year" is most likely the latest year the text names.
            try:
                got = period_rules.resolve_period(m, in_force=in_force, as_of=self.ctx.as_of,
                                                  anchor=date(self.year_hint, 12, 31),
                                                  as_reference=as_reference)
            except ValueError:
                got = None
            return got, got is not None
        return got, False

    def _in_force(self) -> _Resolved | None:
        return self.ctx.line_period or self.ctx.frame

    def _in_force_interval(self) -> Interval | None:
        current = self._in_force()
        return current.interval if current else None

    def _is_reference(self, m: PeriodMention, sent: Sentence) -> bool:
        if m.kind == "same_period" or (m.kind == "relative_year" and _EARLIER.search(m.text)):
            return True  # "down from 81,500 a year earlier"
        before = self.text[max(sent.start, m.start - 60):m.start]
        words = _WORD.findall(before.lower())
        filler = self.ws["comparison_filler"]
        comparison = self.w["comparison_words"]
        skipped_value = False
        while words:
            tail = " ".join(words[-3:])
            if tail.endswith(comparison):  # any of them
                return True
            if skipped_value and words[-1] == "from":
                return True  # "slowed to 9,3% from 9,8% in February 2025"
            if words[-1].isdigit() and not skipped_value:
                # "against 8.6% in the second quarter of 2022": one value between cue and period
                while words and words[-1].isdigit():
                    words.pop()
                skipped_value = True
                continue
            if words[-1] not in filler and words[-1] not in ("percent", "per", "cent"):
                return False
            words.pop()
        return False

    def _is_fronted(self, m: PeriodMention, sent: Sentence) -> bool:
        if m.start - sent.start > _REACH:
            return False
        head = self.text[sent.start:m.start]
        dash = max(head.rfind(" – "), head.rfind(" — "))
        if dash >= 0 and sent.start < _DATELINE_REACH:
            head = head[dash + 3:]  # "BISHKEK, November 21, 2023 – As of 1 October 2023, ..."
        fronting = self.ws["fronting_words"]
        # At most five words, all fronting ones: stop at the first other.
        for count, word in enumerate(_WORD.finditer(head.lower()), start=1):
            if count > 5 or word.group() not in fronting:
                return False
        return True

    def _reads_as_of(self, m: PeriodMention) -> bool:
        before = self.text[max(0, m.start - 25):m.start].lower()
        own = m.text.lower()
        return any(own.startswith(w + " ") or before.rstrip().endswith(w) for w in self.w["as_of_words"])

    def _update_context(self, sent: Sentence, resolved: list[_Resolved], values: list[NumberMention]) -> None:
        main = [r for r in resolved if not r.reference and r.interval is not None
                and r.mention.kind not in ("deictic",)]
        title_like = not values and not self.ctx.seen_value and not sent.meta \
            and not self.text[sent.start:sent.end].rstrip().endswith((".", "!", "?", ":", ";"))
        for r in main:
            kind = r.mention.kind
            if title_like and kind not in _NOT_A_FRAME:
                self.ctx.header = r  # a bureau's title: the whole release is about this period
                self.ctx.frame = r
            elif not values and kind not in _NOT_A_FRAME and kind != "since":
                if not self._inside_header(r):
                    self.ctx.frame = r  # "the survey, conducted in late 2024, showed ..."
            elif r.fronted and (kind not in _NOT_A_FRAME or (kind == "date" and values)) \
                    and self.ctx.header is None:
                self.ctx.frame = r  # "In 2024, ..." sets the frame of a news text
        if main:
            self.ctx.line_period = main[-1]
        if values:
            self.ctx.seen_value = True
        here = self.here
        for m in reversed(here.regions):  # the last place named
            if m.kind in ("region", "city"):
                self.ctx.last_place = m
                break
        if not values:  # a sentence without values names the topic of the ones that follow
            for m in reversed(here.indicators):  # the last specific indicator
                if m.key and not m.generic:
                    self.ctx.indicator_key = m.key
                    self.ctx.indicator_mention = m
                    break

    def _inside_header(self, r: _Resolved) -> bool:
        header = self.ctx.header
        if header is None or header.interval is None or r.interval is None:
            return False
        return header.interval[0] <= r.interval[0] and r.interval[1] <= header.interval[1]

    # --- one fact --------------------------------------------------------------------

    def _fact(self, v: NumberMention, sent: Sentence, lead: Sentence | None, values: list[NumberMention],
              resolved: list[_Resolved], lead_resolved: list[_Resolved]) -> Fact | None:
        evidence: list[str] = []
        breaks = self._sentence_breaks(sent)
        clause = self._clause_of(v, sent, breaks)

        indicator, key = self._indicator(v, sent, lead, values, breaks, evidence)
        info = self.a._indicators.info(key)
        if v.number == 1 and _BASIS_UNIT.match(self.text, v.end):
            return None  # "the average price of 1 kilogram": the basis of a price, not a statistic
        unit = self._unit(v, info, evidence, sent, lead)
        if unit in _TIME_UNITS and info.get("unit") != unit:
            return None  # a duration ("up to five years"), not a statistic
        survey = self._in_survey(sent) and unit == "percent"
        measure, direction, rule = self._measure(v, sent, lead, clause, info, unit, survey, evidence)
        if survey and measure == "share" and (key is None or info.get("kind") != "rate"):
            indicator, key = self._survey_answer(v, sent, clause), "survey_share"
            evidence.append("survey")
            rule = "rule:survey_share"
        key = self._scoped(key, sent, evidence)
        number = v.number
        if measure == "change":
            number = abs(number)
        elif measure == "level" and number > 0 and info.get("kind") == "balance" and (
                self._negative_cue(v, clause) or (indicator is not None and self._negative_indicator(indicator))):
            number = -number  # "losing 32,970 people", "a net migration loss of 46,400"
            evidence.append("negative_cue")
        area = self._area(v, clause, key)
        if area and key == "population":
            key = f"{area}_population"
        partner, region, regions_breakdown = self._region(v, sent, lead, values, breaks, info, evidence)
        period, reference = self._period(v, sent, values, breaks, resolved, lead_resolved, measure, evidence)

        value = _new_value(v.text, v.start, v.end, number, unit, v.qualifier)
        ind = _new_indicator(indicator.text, indicator.start, indicator.end, key) if indicator else None
        breakdown: list[tuple[str, str]] = []
        if partner is not None:
            breakdown.append(("partner", partner.code))
        if regions_breakdown:
            breakdown.append(("regions", regions_breakdown))
        if area:
            breakdown.append(("area", area))
        if v.spelled:
            evidence.append("spelled")
        self._model_evidence(v, evidence)
        return _new_fact(self.doc_id, value, measure, direction, ind, region, period, reference,
                         tuple(breakdown), score(evidence), rule, tuple(evidence))

    def _sentence_breaks(self, sent: Sentence) -> list[int]:
        if self._breaks_for != sent.start:
            self._breaks = self._clause_breaks(sent.start, sent.end)
            self._breaks_for = sent.start
        return self._breaks

    def _clause_of(self, v: NumberMention, sent: Sentence, breaks: list[int]) -> tuple[int, int]:
        i = bisect.bisect_left(breaks, v.start)
        start = breaks[i - 1] if i > 0 else sent.start
        j = bisect.bisect_left(breaks, v.end)
        end = breaks[j] if j < len(breaks) else sent.end
        return max(start, v.start - _REACH), min(end, v.end + _REACH)

    # --- indicator ---------------------------------------------------------------------

    def _indicator(self, v: NumberMention, sent: Sentence, lead: Sentence | None, values: list[NumberMention],
                   breaks: list[int], evidence: list[str]) -> tuple[IndicatorMention | None, str | None]:
        mentions = self._heads(self._near(self.indicators, self.here.indicators, v, sent))
        chosen = None
        sibling = self._sibling(v)
        if sibling is not None and sibling.indicator is not None:
            # "47,000 (+0.2%)": the bracketed value restates the one before it
            evidence.append("indicator_sibling")
            ind = sibling.indicator
            return IndicatorMention(ind.text, ind.start, ind.end, ind.key), ind.key
        # "14,000 arrivals", "8,100 people arrived": the noun or verb right after the value.
        for m in mentions:
            if m.start >= v.end and self._gap_tokens(v.start, v.end, m.start, m.end) <= 2 \
                    and not any(v.end <= o.start < m.start for o in values):
                chosen = m
                evidence.append("indicator_adjacent")
                break
        if chosen is None and mentions:
            best = _cheapest(mentions, lambda m: self._attach_cost(m.start, m.end, v, breaks, values)
                       + (_GENERIC_PENALTY if m.generic else 0))
            chosen = best
            evidence.append("indicator_sentence")
        if chosen is None and lead is not None:
            lead_mentions = self._lead_mentions(lead).indicators
            if lead_mentions:
                chosen = lead_mentions[-1]
                evidence.append("indicator_lead_in")
        if chosen is None and self.ctx.indicator_mention is not None:
            chosen = self.ctx.indicator_mention
            evidence.append("indicator_line")
        if chosen is None:
            evidence.append("indicator_none")
            return None, None
        key = chosen.key
        if chosen.generic:
            carried = self.ctx.indicator_key
            if carried and (not chosen.family or carried in chosen.family):
                key = carried
                evidence.append("indicator_generic_resolved")
        if key and not chosen.generic:
            self.ctx.indicator_key = key
            self.ctx.indicator_mention = chosen
        elif key and self.ctx.indicator_mention is None:
            self.ctx.indicator_mention = chosen
        return chosen, key

    def _heads(self, mentions: Sequence[IndicatorMention]) -> list[IndicatorMention]:
        """"the natural increase of the population": the head is "natural increase"."""
        kept = []
        for m in mentions:
            if kept and not kept[-1].generic and _OF_LINK.fullmatch(self.text, kept[-1].end, m.start):
                continue
            if self._after_denominator(m.start):
                continue  # "41.0 per 1 000 residents": the rate's base, not what is measured
            kept.append(m)
        return kept

    def _after_denominator(self, pos: int) -> bool:
        """Whether "per ..." ends right before ``pos``. Most text has no "per" there: checking that
        first skips the regex search, which tries every position."""
        lo = max(0, pos - 20)
        return "per" in self.text[lo:pos].lower() and _DENOMINATOR.search(self.text, lo, pos) is not None

    def _sibling(self, v: NumberMention) -> Fact | None:
        prev = self.ctx.prev_fact
        # fullmatch over a range of the text, not a slice of it: the gap may be long (no anchors in the pattern)
        if prev is not None and _BRACKET_AFTER.fullmatch(self.text, prev.value.end, v.start):
            return prev
        return None

    def _scoped(self, key: str | None, sent: Sentence, evidence: list[str]) -> str | None:
        if key and self.ctx.internal_scope_line == sent.line:
            scoped = self.a._indicators.info(key).get("scoped")
            if scoped:
                evidence.append("internal_scope")
                return scoped
        return key

    def _in_survey(self, sent: Sentence) -> bool:
        return sent.line <= self.ctx.survey_until_line

    def _survey_answer(self, v: NumberMention, sent: Sentence, clause: tuple[int, int]) -> IndicatorMention:
        """The answer a survey share counts: the words after "said", or an item label before a dash."""
        start, end = clause
        after = self.text[v.end:end]
        answer = _SURVEY_ANSWER.match(after)
        if answer and answer.group(1).strip() and len(after.strip()) > 2:
            a_start = v.end + answer.start(1)
            a_end = v.end + answer.end(1)
        else:
            # "higher potential income – 24.5%": the label before the dash, back to the last comma
            lo = max(sent.start, v.start - 200)
            head = _DASH_TAIL.sub("", self.text[lo:v.start])
            cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind("("))
            a_start, a_end = lo + cut + 1, lo + len(head)
            lead_words = list(_LIST_VERB.finditer(self.text, a_start, a_end))
            if lead_words:  # "the most cited motivations were higher potential income"
                a_start = lead_words[-1].end()
            joiner = _JOINER.match(self.text, a_start, a_end)
            if joiner:  # "and family reunification"
                a_start = joiner.end()
        a_start, a_end = _trim(self.text, a_start, a_end)
        if a_end <= a_start:
            a_start, a_end = v.start, v.end
        return IndicatorMention(self.text[a_start:a_end], a_start, a_end, "survey_share")

    # --- unit, measure, direction ------------------------------------------------------

    def _unit(self, v: NumberMention, info: dict[str, Any], evidence: list[str],
              sent: Sentence | None = None, lead: Sentence | None = None) -> str:
        if v.unit:
            evidence.append("unit_stated")
            return v.unit
        if lead is not None and _PER_THOUSAND.search(self.text[lead.start:lead.end]):
            evidence.append("unit_lead_in")
            return "per_1000"  # "The highest birth rates ... (per 1,000 people):" then "– Turkistan region – 26,05"
        prev = self.ctx.prev_fact
        if prev is not None and prev.value.unit not in ("percent", "count", "times", "percentage_point") \
                and not _NEXT_WORDS_NOUN.match(self.text, v.end):
            evidence.append("unit_sibling")
            return prev.value.unit  # "Malta (41.0 per 1 000 residents), Ireland (19.5)"
        words = _NEXT_WORDS.match(self.text, v.end)
        people = self.ws["people_nouns"]
        not_nouns = self.ws["not_count_nouns"]
        if words:
            following = [w.lower() for w in words.groups() if w]
            if any(w in people for w in following[:2]):
                evidence.append("unit_people_noun")
                return "person"
            if "indicator_adjacent" in evidence and info.get("unit"):
                evidence.append("unit_from_indicator")
                return str(info["unit"])  # "271 thousand 806 births": the noun is the indicator
            for w in following[:2]:  # "In 11 regions", "Nine services": a count of things
                if w in not_nouns:
                    break
                if w.endswith("s") and len(w) > 3 and w.isalpha():
                    evidence.append("unit_count_noun")
                    return "count"
        if info.get("unit"):
            evidence.append("unit_from_indicator")
            return str(info["unit"])
        evidence.append("unit_default")
        return "count"

    def _cues_in(self, clause: tuple[int, int]) -> Sequence[LexiconMatch]:
        """Cues within a clause of the current sentence; a value asks for several labels in turn, so
        the last clause is kept. A sentence without cues, or a clause that is the whole sentence,
        needs no slicing."""
        if self._clause_cues[0] != clause:
            here = self.here
            if not here.cues or clause == (here.sent.start, here.sent.end):
                self._clause_cues = (clause, here.cues)
            else:
                self._clause_cues = (clause, self.cues.within(*clause))
        return self._clause_cues[1]

    def _cue_near(self, labels: Collection[str], v: NumberMention, clause: tuple[int, int],
                  max_gap: int = 6) -> LexiconMatch | None:
        cached, cues = self._clause_cues
        if cached != clause:
            cues = self._cues_in(clause)
        best = None
        best_gap = max_gap + 1
        for cue in cues:
            if cue.label not in labels or _overlaps(cue.start, cue.end, v.start, v.end):
                continue
            gap = self._gap_tokens(cue.start, cue.end, v.start, v.end)
            if cue.start >= v.end:
                gap += 1  # a cue before the value reads more often as its own ("up 1.5 times")
            if gap < best_gap:
                best, best_gap = cue, gap
        return best

    def _measure(self, v: NumberMention, sent: Sentence, lead: Sentence | None, clause: tuple[int, int],
                 info: dict[str, Any], unit: str, survey: bool,
                 evidence: list[str]) -> tuple[str, str | None, str]:
        direction_cue = self._cue_near(("DIRECTION",), v, clause)
        lead_direction = None
        if sent.list_item and lead is not None:
            lead_cues = [c for c in self._lead_mentions(lead).cues if c.label == "DIRECTION"]
            lead_direction = lead_cues[-1] if lead_cues else None

        if unit == "times":
            evidence.append("multiplier")
            direction = direction_cue.id if direction_cue else (lead_direction.id if lead_direction else "increase")
            return "change", direction, "rule:multiplier"
        if unit == "percentage_point":
            direction = direction_cue.id if direction_cue else None
            return "change", direction or "increase", "rule:change"
        if unit == "per_1000":
            # FACTS.md: a rate that is the indicator's own value is a level; a per-1,000 figure of a
            # count of events ("20 births per 1,000") is a rate.
            measure = "rate" if info.get("kind") == "event" else "level"
            return measure, None, "rule:rate"
        link = _last_word(self.text, max(clause[0], v.start - 40), v.start).lower()
        level_to = link in self.w["level_links"] or bool(self._cue_near(("LEVEL_TO",), v, clause, max_gap=1))
        if info.get("kind") == "balance" and unit == "person" and self._negative_cue(v, clause):
            return "level", None, "rule:level"  # "losing 32,970 people": a negative balance, not a change
        if direction_cue is not None and direction_cue.end <= v.start and level_to \
                and direction_cue.text.lower() in _DIRECTION_NOUNS and self._only_level_words(direction_cue, v):
            evidence.append("direction_noun")
            return "change", direction_cue.id, "rule:change"  # "real GDP growth amounted to 10.0%"
        if v.explicit_sign and direction_cue is None and info.get("kind") not in ("balance", "rate") \
                and unit not in ("person", "count") and not level_to:
            evidence.append("signed_change")
            return "change", "decrease" if v.number < 0 else "increase", "rule:change"  # "(+26.1%)"
        if direction_cue is None and link == "by" and not level_to:
            earlier = [c for c in self.cues.within(max(sent.start, v.start - _REACH), v.start)
                       if c.label == "DIRECTION"]
            if earlier:
                evidence.append("direction_elided")
                return "change", earlier[-1].id, "rule:change"  # "for non-food products – by 0,6%"

        linked = direction_cue is not None and not level_to and (
            link in self.w["change_links"] or self._cue_adjacent(direction_cue, v)
            or (unit == "percent" and info.get("kind") != "rate"))
        if linked and direction_cue is not None:
            evidence.append("direction_cue")
            return "change", direction_cue.id, "rule:change"
        if unit == "percent":
            share_cue = self._cue_near(("SHARE",), v, clause, max_gap=8)
            after = self.text[v.end:min(clause[1], v.end + 60)].lower().lstrip()
            share_after = after.startswith(self.a.share_after)  # any of them
            if share_cue is not None or share_after:
                evidence.append("share_cue")
                return "share", None, "rule:share"
            if info.get("kind") in ("rate", "index") and not lead_direction:
                evidence.append("rate_indicator")
                return "level", None, "rule:level"
            if lead_direction is not None:
                evidence.append("direction_lead_in")
                return "change", lead_direction.id, "rule:list_item"
            if survey:
                return "share", None, "rule:share"
            evidence.append("percent_default_share")
            return "share", None, "rule:share"
        if direction_cue is not None and not level_to and (link == "by" or self._more_than_after(v)):
            evidence.append("direction_cue")
            return "change", direction_cue.id, "rule:change"
        return "level", None, "rule:level"

    def _cue_adjacent(self, cue: LexiconMatch, v: NumberMention) -> bool:
        """"a 75.5% drop", "up 1.5 times", "a sharp decline of 67.9%": only filler words between."""
        lo, hi = (cue.end, v.start) if cue.end <= v.start else (v.end, cue.start)
        words = self._words_between(lo, hi)
        filler = self.ws["filler"]
        return len(words) <= 4 and all(w in filler for w in words)

    def _only_level_words(self, cue: LexiconMatch, v: NumberMention) -> bool:
        """"growth amounted to 10.0%", "growth in Georgia was 10.0%": the noun's value, stated as a level."""
        if v.start - cue.end > 80 or self.numbers.count_between(cue.end, v.start):
            return False
        words = _WORD.findall(self.text[cue.end:v.start])
        allowed = _LEVEL_VERBS | self.ws["filler"]
        unknown = [w for w in words if w.lower() not in allowed]
        return len(words) <= 8 and all(w[:1].isupper() for w in unknown)  # only place names between

    def _more_than_after(self, v: NumberMention) -> bool:
        after = self.text[v.end:v.end + 40].lower()
        return _MORE_THAN.match(after) is not None

    def _negative_indicator(self, indicator: IndicatorMention) -> bool:
        rows = [m for m in self.indicators.within(indicator.start, indicator.end)
                if (m.start, m.end) == (indicator.start, indicator.end)]
        return any(m.negative for m in rows)

    def _negative_cue(self, v: NumberMention, clause: tuple[int, int]) -> bool:
        cue = self._cue_near(("NEGATIVE",), v, clause, max_gap=2)
        return cue is not None and cue.end <= v.start

    def _area(self, v: NumberMention, clause: tuple[int, int], key: str | None) -> str | None:
        if key not in ("population", "urban_population", "rural_population"):
            return None
        if key != "population":
            return key.split("_")[0]
        cue = self._cue_near(("AREA",), v, clause, max_gap=12)
        return cue.id if cue else None

    # --- region ------------------------------------------------------------------------

    def _region(self, v: NumberMention, sent: Sentence, lead: Sentence | None, values: list[NumberMention],
                breaks: list[int], info: dict[str, Any],
                evidence: list[str]) -> tuple[RegionMention | None, Region | None, str | None]:
        home = self.home
        flow = info.get("kind") == "flow" or bool(info.get("flow"))
        mentions = self._near(self.regions, self.here.regions, v, sent)
        partners = []
        places = []
        if not flow:
            places = list(mentions)  # only a flow has partners
        else:
            for m in mentions:
                foreign = home is not None and m.code != home.code and (m.country or m.code) != home.code
                if foreign and m.kind in ("country", "group"):
                    partners.append(m)
                else:
                    places.append(m)
        partner = None
        if partners:
            partner = _cheapest(partners, lambda m: self._attach_cost(m.start, m.end, v, breaks, values))
            self.ctx.partner = partner
        elif flow and self.ctx.partner is not None \
                and _PARTNER_ANAPHOR.search(self.text[max(sent.start, v.start - _REACH):v.end]):
            partner = self.ctx.partner
        # Several regions named together with one value: the country, with the list as a breakdown.
        group = self._coordinated(places, v)
        if group:
            evidence.append("region_list")
            codes = ",".join(m.code for m in group)
            region = self._home_region(sent)
            return partner, region, codes
        if places:
            best = _cheapest(places, lambda m: self._attach_cost(m.start, m.end, v, breaks, values))
            evidence.append("region_sentence")
            return partner, _new_region(best.text, best.start, best.end, best.code, best.name), None
        anaphor = [c for c in self._near(self.cues, self.here.cues, v, sent) if c.label == "ANAPHOR"]
        if anaphor and self.ctx.last_place is not None:
            m = self.ctx.last_place  # "the unemployment rate in the province was 5.8%"
            evidence.append("region_anaphor")
            return partner, _new_region(m.text, m.start, m.end, m.code, m.name), None
        if lead is not None:
            lead_places = [m for m in self._lead_mentions(lead).regions
                           if home is None or m.code == home.code or m.country == home.code]
            if lead_places:
                m = lead_places[-1]
                evidence.append("region_lead_in")
                return partner, _new_region(m.text, m.start, m.end, m.code, m.name), None
        evidence.append("region_home")
        return partner, self._home_region(sent), None

    def _home_region(self, sent: Sentence) -> Region | None:
        """The home country, as the sentence names it ("the country"), else as the document first did.
        Worked out once per sentence."""
        here = self.here
        if not here.home_done:
            here.home = self._sentence_home(sent, here.cues)
            here.home_done = True
        return here.home

    def _sentence_home(self, sent: Sentence, in_sentence: Sequence[LexiconMatch]) -> Region | None:
        home = self.home
        if home is None:
            return None
        end = min(sent.end, sent.start + 2 * _REACH)
        cues = in_sentence if end == sent.end else self.cues.within(sent.start, end)
        for cue in cues:
            if cue.label == "HOME":
                return _new_region(cue.text, cue.start, cue.end, home.code, home.name)
        return _new_region(home.text, home.start, home.end, home.code, home.name)

    def _coordinated(self, places: list[RegionMention], v: NumberMention) -> list[RegionMention]:
        """"Kostanay, Pavlodar, Abai, North Kazakhstan and East Kazakhstan, accounting for 47.9%"."""
        if len(places) < 2:
            return []
        before = [m for m in places if m.end <= v.start and m.kind in ("region", "city")]
        if len(before) < 2:
            return []
        run = [before[-1]]
        for m in reversed(before[:-1]):
            gap = self.text[m.end:run[0].start]
            if _LIST_SEPARATOR.fullmatch(gap):
                run.insert(0, m)
            else:
                break
        if len(run) < 2:
            return []
        tail = self.text[run[-1].end:v.start]
        if len(tail) > 60 or _DIGIT.search(tail):
            return []
        return run

    # --- period ------------------------------------------------------------------------

    def _period(self, v: NumberMention, sent: Sentence, values: list[NumberMention], breaks: list[int],
                resolved: list[_Resolved], lead_resolved: list[_Resolved], measure: str,
                evidence: list[str]) -> tuple[Period | None, Period | None]:
        if len(resolved) > _MANY:
            lo, hi = v.start - _REACH, v.end + _REACH
            main, refs = _main_and_references([r for r in resolved if lo <= r.mention.start and r.mention.end <= hi])
        else:
            main, refs = self._sentence_main_and_references(resolved)
        own = self._compared_level(v, refs, values) if measure == "level" else None
        chosen: _Resolved | None = None
        if own is not None:
            main_interval = main[0].interval if main else self._in_force_interval()
            interval, _ = self._resolve(own.mention, in_force=main_interval, as_reference=True)
            if interval:
                evidence.append("period_compared")
                return _period(own.mention, interval), None
        if main:
            chosen = _cheapest(main, lambda r: self._attach_cost(r.mention.start, r.mention.end, v, breaks, values))
            evidence.append("period_sentence")
        else:
            lead_main = [r for r in lead_resolved if not r.reference and r.interval is not None]
            if lead_main:
                chosen = lead_main[-1]
                evidence.append("period_lead_in")
            elif self._in_force() is not None:
                chosen = self._in_force()
                evidence.append("period_line" if self.ctx.line_period else "period_frame")
        if chosen is not None and chosen.guessed:
            evidence.append("period_year_guessed")
        period = chosen.period() if chosen and chosen.interval else None
        if period is None:
            evidence.append("period_none")
        reference = None
        if measure == "change" and period is not None:
            pool = refs or [r for r in lead_resolved if r.reference]
            if pool:
                ref = _cheapest(pool, lambda r: self._attach_cost(r.mention.start, r.mention.end, v, breaks, values))
                interval, _ = self._resolve(ref.mention, in_force=(period.first, period.last), as_reference=True)
                if interval:
                    reference = _period(ref.mention, interval)
                    if period.first == period.last and interval[0] == interval[1] and interval[0] < period.first:
                        # a change in a stock between two dates covers the stretch between them
                        # ("up by 1.6 million compared with 1 January 2023" on 1 January 2024)
                        period = Period(period.text, period.start, period.end, interval[0],
                                        period.first - timedelta(days=1))
                        evidence.append("period_stretch")
        return period, reference

    def _sentence_main_and_references(self, resolved: list[_Resolved]) -> tuple[list[_Resolved], list[_Resolved]]:
        """:func:`_main_and_references` of the current sentence's periods, worked out once for its values."""
        if self._main_refs[0] is not resolved:
            self._main_refs = (resolved, *_main_and_references(resolved))
        return self._main_refs[1], self._main_refs[2]

    def _compared_level(self, v: NumberMention, refs: list[_Resolved],
                        values: list[NumberMention]) -> _Resolved | None:
        """A level stated for the compared period: "compared to 9,900 during the same period last year",
        "than during the same period in 2024, when the figure stood at 4,800"."""
        for r in refs:
            m = r.mention
            if m.start >= v.end:
                head = self.text[max(0, v.start - 40):v.start].lower()
                if _COMPARED_BEFORE.search(head) and len(self._words_between(v.end, m.start)) <= 6 \
                        and not any(v.end <= o.start and o.end <= m.start for o in values):
                    return r
            elif m.end <= v.start:
                between = self.text[m.end:v.start].lower()
                others = any(m.end <= o.start and o.end <= v.start for o in values)
                if not others and (between.strip() == "(" or len(between) < 60
                                   and self.a.about_reference.search(between) is not None):
                    return r  # "..., when the figure stood at 4,800", "compared with 1 January 2023 (447.6 million)"
        return None

    # --- the statistical model's second opinion ----------------------------------------

    def _model_evidence(self, v: NumberMention, evidence: list[str]) -> None:
        if not self.entities:
            return
        for start, end, label in self.entities:
            if _overlaps(start, end, v.start, v.end):
                if label in ("CARDINAL", "PERCENT", "QUANTITY", "MONEY"):
                    evidence.append("model_agrees")
                elif label in ("DATE", "TIME", "ORDINAL"):
                    evidence.append("model_says_date")
                return
        evidence.append("model_silent")


def _main_and_references(nearby: list[_Resolved]) -> tuple[list[_Resolved], list[_Resolved]]:
    """The resolved periods a value may take as its own, and the references it may be compared with."""
    if not nearby:
        return [], []
    return ([r for r in nearby if not r.reference and r.interval is not None],
            [r for r in nearby if r.reference])


def _cheapest(candidates: Sequence[_T], cost: Callable[[_T], float]) -> _T:
    """``min(candidates, key=cost)``; a lone candidate (the usual case) needs no costing."""
    return candidates[0] if len(candidates) == 1 else min(candidates, key=cost)


def _cues_outside_indicators(cues: list[LexiconMatch], indicators: list[IndicatorMention]) -> list[LexiconMatch]:
    """Drop cue words inside an indicator ("natural increase", "net migration gain") and cue words
    inside a longer cue of another kind ("made up" is a share, not the direction "up")."""
    spans = sorted((m.start, m.end) for m in indicators)
    starts = [a for a, _ in spans]
    kept = []
    # Most cues overlap no other: in start order, that is seen without looking at the neighbours.
    ordered = all(a.start <= b.start for a, b in itertools.pairwise(cues))
    reach = -1  # the furthest end of the cues so far
    last = len(cues) - 1
    for index, cue in enumerate(cues):
        start, end = cue.start, cue.end
        alone = ordered and reach <= start < end and (index == last or cues[index + 1].start >= end)
        reach = max(reach, end)
        if cue.label == "DIRECTION" and _inside_span(start, end, spans, starts):
            continue
        if not alone and _inside_longer(cue, cues[max(0, index - 3):index + 4]):
            continue
        kept.append(cue)
    return kept


def _inside_span(start: int, end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether [start, end) lies inside one of the (up to three) spans starting at or before it,
    other than the identical span."""
    i = bisect.bisect_right(starts, start)
    for a, b in spans[max(0, i - 3):i]:  # noqa: SIM110 - a plain loop: any() over a generator costs more, per cue
        if a <= start and end <= b and (a != start or b != end):
            return True
    return False


def _inside_longer(cue: LexiconMatch, near: list[LexiconMatch]) -> bool:
    """Whether another cue among its neighbours contains ``cue`` and is longer."""
    start, end = cue.start, cue.end
    length = end - start
    for o in near:  # noqa: SIM110 - a plain loop: any() over a generator costs more, per cue
        if o is not cue and o.start <= start and end <= o.end and o.end - o.start > length:
            return True
    return False


def _last_word(text: str, start: int, end: int) -> str:
    """The last word in text[start:end] and any apostrophes or hyphens stuck to it ("" if none), as
    ``_LAST_WORD.search`` finds it. Matching the reversed text from its end is five times faster than
    searching forward, which tries (and backtracks from) every position."""
    found = _LAST_WORD_REVERSED.match(text[start:end][::-1])
    if found:
        return found.group(1)[::-1]
    found = _LAST_WORD.search(text, start, end)  # no letter at all: only apostrophes or hyphens, if any
    return found.group(1) if found else ""


def _restated_headlines(facts: list[Fact]) -> list[Fact]:
    """A headline figure with no period ("Unemployment rate drops to 8.1%") takes the period, region
    and indicator of the same figure restated later in the body. One pass from the end: linear."""
    from dataclasses import replace

    out = list(facts)
    restated: dict[tuple[float, str], Fact] = {}
    for i in range(len(out) - 1, -1, -1):
        fact = out[i]
        key = (fact.value.number, fact.value.unit)
        if fact.period is None and key in restated:
            later = restated[key]
            out[i] = _with_confidence(replace(fact, period=later.period, region=fact.region or later.region,
                                              indicator=fact.indicator or later.indicator,
                                              evidence=(*fact.evidence, "period_restated")))
        elif fact.period is not None:
            restated[key] = fact
    return out


def _period(m: PeriodMention, interval: Interval) -> Period:
    return _new_period(m.text, m.start, m.end, interval[0], interval[1])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


@functools.cache
def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _with_confidence(fact: Fact) -> Fact:
    from dataclasses import replace

    return replace(fact, confidence=score(fact.evidence, fact))


__all__ = ["Assembler", "DocumentInput"]
