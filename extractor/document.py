"""One document as the linking stages see it: its mentions indexed by position, the layout of
its sentences, and the running context in force.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import context
from .context import Context, Resolved
from .layout import read_layout
from .lexicon import LexiconMatch
from .periods_fiscal import with_fiscal_years, with_glossed_years
from .regions import uncoded_places
from .regions_breakdown import breakdown_places, table_row_places
from .regions_home import prefer_home
from .segments import Sentence
from .spans import REACH, WORD, Sorted, overlaps, word_before_name
from .types import (
    IndicatorMention,
    NumberMention,
    PeriodMention,
    Region,
    RegionMention,
)

if TYPE_CHECKING:
    from .facts import Assembler

# The lookahead on the first character lets the scan skip most positions cheaply (3x faster); the
# alternatives are the same: ", ", ";", a spaced dash, "while", "whereas", "but", "although".
_CLAUSE_BREAK = re.compile(r"(?=[,;\swba])(?:,\s|;|\s[–—-]\s|\b(?:while|whereas|but|although)\b)")


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
# Mentions of a kind a value looks at in a long sentence, on each side: a list of places or periods is
# shorter; a run of "Almaty 1 Astana 2 ..." would otherwise cost each value every place within reach.
_NEAR_CAP = 16


# A scraped page's menu or breadcrumb ("Home|News|Economy|Sport", "Home›Business›Trade"): its section names
# are no indicators of the text.
_MENU_LINE = re.compile(r"^[^\n\d]*?[|›»][^\n\d]*?[|›»][^\n\d]*$", re.M)


def _indicators_of(found: Sequence[IndicatorMention], text: str, excluded: Collection[str],
                   menus: list[tuple[int, int]], assembler: Assembler) -> list[IndicatorMention]:
    """The indicator mentions that name what the text measures: not what "excluding" leaves out, not a menu's
    section names, not the words of an office's name ("the Kyushu Bureau of Economy, Trade and Industry", "the
    Employment Department":
    ``office_words`` in facts.yaml)."""
    office, office_after = assembler.office_name_before, assembler.office_name_after
    # Most texts hold no exclusion word at all: then no mention is left out, and the three-word
    # test per mention (two regex passes each) is skipped. (A word the test would read, lowered, is
    # in the lowered text too: ASCII words only; any other is always tested.)
    lowered = text.lower()
    if all(w.isascii() and (w == "without" or w not in lowered) for w in excluded):
        excluded = ()
    return [m for m in found if not (excluded and _left_out(text, m.start, excluded))
            and not (menus and _within(menus, m.start))
            and not (m.text[:1].isupper() and (office.search(text, max(0, m.start - 80), m.start)
                                               or office_after.match(text, m.end)))]


def _menu_lines(text: str) -> list[tuple[int, int]]:
    head = min(len(text), 2000)  # (a page's head only)
    # a menu line holds two of its marks: a head without any has none (most texts; the scan tries each line)
    if "|" not in text[:head] and "›" not in text[:head] and "»" not in text[:head]:
        return []
    return [m.span() for m in _MENU_LINE.finditer(text, 0, head)]


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


_CLAUSE_MARK = re.compile(r"[,;:()\[\]]")


def _left_out(text: str, start: int, excluded: Collection[str]) -> bool:
    """Whether an exclusion word stands in the three words before ``start``, within its clause ("excluding
    cruise passengers"; not "without": "persons without work" are the unemployed)."""
    before = text[max(0, start - 40):start]
    cut = [m.end() for m in _CLAUSE_MARK.finditer(before)]
    words = WORD.findall(before[cut[-1] if cut else 0:])[-3:]
    return any(w.lower() in excluded and w.lower() != "without" for w in words)


def _word_after(text: str, end: int) -> str:
    found = _NEXT_WORD.match(text, end, end + 30)
    return found.group(1).lower() if found else ""


class _Covered:
    """Which characters some mention already covers: overlap tests in the length of a mention, not in
    the number of mentions (a table line of thousands of rows names thousands of places)."""

    def __init__(self, spans: list[RegionMention], size: int) -> None:
        self.marks = bytearray(size)
        for m in spans:
            self.add(m)

    def add(self, m: RegionMention) -> None:
        self.marks[m.start:m.end] = b"\x01" * (m.end - m.start)

    def overlaps(self, m: RegionMention) -> bool:
        return any(self.marks[m.start:m.end])


# first-level regions that are one city: "the city of Berlin" is the Land
_CITY_STATES = frozenset({"DE-BE", "DE-HH", "DE-HB", "BG-22", "AT-9", "CZ-10", "CN-CQ", "CN-TJ", "SG", "MC", "VA"})


def _a_city(m: RegionMention) -> bool:
    """Whether a coded place is a town itself: a city by kind, a city-state, a council area named one
    ("Glasgow City", "Edinburgh, City of")."""
    return m.kind == "city" or m.code in _CITY_STATES or "city" in f"{m.text} {m.name}".lower()


def _with_uncoded(regions: list[RegionMention], uncoded: list[RegionMention]) -> list[RegionMention]:
    """The places found, with the uncoded ones replacing the places inside them; an uncoded city ("the
    city of Cuenca", not Spain's province) not a coded city ("the city of Almaty") nor a city-state."""
    uncoded = [u for u in uncoded if u.kind != "city" or not any(
        u.start <= m.start and m.end <= u.end and _a_city(m) for m in regions)]
    ordered = sorted(uncoded, key=lambda u: u.start)
    starts = [u.start for u in ordered]
    reach = list(itertools.accumulate((u.end for u in ordered), max))  # the furthest end of those from here back
    kept = [m for m in regions if not ((i := bisect.bisect_right(starts, m.start)) and reach[i - 1] >= m.end)]
    taken = _Covered(kept, max((m.end for m in [*regions, *uncoded]), default=0))
    added = [u for u in uncoded if not taken.overlaps(u)]
    return sorted([*kept, *added], key=lambda m: m.start)


def _with_local(regions: list[RegionMention], local: list[RegionMention], country: str) -> list[RegionMention]:
    """The places found, with the local names of the text's own country where no other place was
    found (a longer local name first: "Mid-West" over "West")."""
    taken = _Covered(regions, max((m.end for m in [*regions, *local]), default=0))
    added = []
    for m in sorted(local, key=lambda m: (m.start - m.end, m.start)):
        if m.country == country and not taken.overlaps(m):
            taken.add(m)
            added.append(m)
    return sorted([*regions, *added], key=lambda m: m.start) if added else regions


def _home_places(regions: list[RegionMention], doc: DocumentInput, text: str, country: str,
                 patterns_dir: Path | None) -> list[RegionMention]:
    """The places found, with what only a text about its home country names: local names, the home's reading
    of a name several countries share, places with no code, and places a breakdown by place names."""
    if doc.local_regions or doc.local_for is not None:
        local = doc.local_for(country) if doc.local_for is not None else doc.local_regions
        if local:
            regions = _with_local(regions, local, country)
    if any(m.alternatives and m.country != country for m in regions):
        # "Western Province" in a Zambian text is Zambia's, whichever country ranks first for the name
        regions = prefer_home(regions, country, patterns_dir)
    uncoded, fallback = uncoded_places(text, country, patterns_dir)
    if uncoded:
        regions = _with_uncoded(regions, uncoded)
    if fallback:  # "Glubokoe district": where no coded place was found in its words
        regions = _with_local(regions, fallback, country)
    named = breakdown_places(text, regions, country, patterns_dir)
    if named:  # "By city, ... in Bandung (10.4 percent)"
        regions = sorted([*regions, *named], key=lambda m: m.start)
    return regions


def _table_places(text: str, cells: dict[int, Any], regions: list[RegionMention], country: str,
                  values: list[NumberMention]) -> list[RegionMention]:
    """The places a table of places names by row labels with no code, where the prose names them again."""
    rows = list({id(c.region): c.region for c in cells.values()
                 if c.region is not None and c.region.code is None}.values())
    return table_row_places(text, rows, regions, country, [n.start for n in values]) if rows else []


class DocumentView:
    """One document's mentions indexed for the linking stages, and the context in force as the walk
    reaches each sentence."""

    def __init__(self, assembler: Assembler, doc: DocumentInput, doc_id: str | None) -> None:
        self.assembler = assembler
        self.indicator_info = assembler.indicators.info
        self.w = assembler._words
        self.ws = assembler._word_sets
        self.doc = doc
        self.text = doc.text
        self.doc_id = doc_id
        self.numbers = Sorted(doc.numbers)
        self.periods = Sorted(doc.periods)
        excluded, method = self.ws["exclusion_words"], self.ws["method_words"]
        # "France (excluding Mayotte)": a place left out is no place a value is measured in; nor is the one
        # a method is named after ("OECD comparison standard")
        self.regions = Sorted([m for m in doc.regions if word_before_name(self.text, m.start) not in excluded
                               and _word_after(self.text, m.end) not in method] if doc.regions else ())
        self.menus = _menu_lines(self.text)  # a scraped page's menu lines: their words name no subject
        # "Inbound travellers, excluding cruise passengers, ...": what is left out is not what is counted
        self.indicators = Sorted(_indicators_of(doc.indicators, self.text, excluded, self.menus, assembler))
        self.cues = Sorted(_cues_outside_indicators(doc.cues, doc.indicators))
        self.entities = doc.entities
        self.home = context.home_country(self)
        if any(key == "fiscal_end" for m in self.periods.items for key, _ in m.detail):
            self.periods = Sorted(with_fiscal_years(self.periods.items, self.text, self.home and self.home.country,
                                                    assembler.patterns_dir))
        if any(m.kind == "year_range" for m in self.periods.items):
            self.periods = Sorted(with_glossed_years(self.periods.items, self.text))
        if self.home is not None and self.home.country:
            self.regions = Sorted(_home_places(self.regions.items, doc, self.text, self.home.country,
                                               assembler.patterns_dir))
        if any(c.label == "HOME" for c in self.cues.items):
            self.cues = Sorted(_republic_anaphors(self.cues.items, self.regions.items, self.text))
        self.year_hint = self.guess_year()
        self.ctx = Context()
        self.resolved_by_sentence: dict[int, list[Resolved]] = {}
        self.heads_of: Sequence[IndicatorMention] | None = None  # the mentions self.heads was made of
        self.heads: list[IndicatorMention] = []
        self.partner_cache: dict[tuple[int, int, int, bool], tuple[list[Any], list[Any], list[int], list[int]]] = {}
        self.family_cache: dict[tuple[str, ...], str | None] = {}  # context._family_member, once per family
        self.subject: frozenset[str] | None = None  # link_indicator.subject_keys
        self.here_resolved: list[Resolved] = []  # the current sentence's periods, resolved
        self.glued_sentence: tuple[int, bool] = (-1, False)  # (start, words run together): risk.py
        self._breaks: list[int] = []
        self._breaks_for = -1
        self._clause_cues: tuple[tuple[int, int], Sequence[LexiconMatch]] = ((-1, -1), [])
        self.main_refs: tuple[list[Resolved] | None, list[Resolved], list[Resolved]] = (None, [], [])
        self.by_sentence = self.split_by_sentence()
        self.layout = read_layout(self.text, doc.sentences, _outside(self.numbers.items, self.periods.items),
                                  self.periods.items, self.indicators.items, self.regions.items,
                                  patterns_dir=assembler.patterns_dir)
        self.tables = self.layout.tables
        self._row_labels: list[tuple[int, int]] | None = None
        if self.home is not None and self.home.country and self.tables:
            named = _table_places(self.text, self.tables, self.regions.items, self.home.country,
                                  _outside(self.numbers.items, self.periods.items))
            if named:  # "Chennai recorded the most births" under a table of births by district
                self.regions = Sorted(sorted([*self.regions.items, *named], key=lambda m: m.start))
                self.by_sentence = self.split_by_sentence()
        # The current sentence's mentions (set by the walk; every rule below reads the current sentence's).
        self.here = Here(Sentence(0, 0, -1, False, False, None, False), (), (), (), (), ())
        self.lead_here: Here | None = None  # its lead-in's

    def row_labels(self) -> list[tuple[int, int]]:
        """The spans of the tables' row labels, sorted (made once)."""
        if self._row_labels is None:
            self._row_labels = sorted({c.row for c in self.tables.values()})
        return self._row_labels

    def guess_year(self) -> int | None:
        if self.doc.published:
            return None
        years = [m.last.year for m in self.periods.items
                 if m.last is not None and m.kind not in ("year_range",)]
        return max(years) if years else None

    def tok(self, char: int) -> int:
        return bisect.bisect_right(self.doc.token_starts, char) - 1

    def gap_tokens(self, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
        if a_end <= b_start:
            return max(0, self.tok(b_start) - self.tok(max(a_end - 1, a_start)) - 1)
        if b_end <= a_start:
            return max(0, self.tok(a_start) - self.tok(max(b_end - 1, b_start)) - 1)
        return 0

    def words_between(self, left_end: int, right_start: int) -> list[str]:
        if right_start <= left_end:
            return []
        return [w.lower() for w in WORD.findall(self.text[left_end:right_start])]

    def clause_breaks(self, start: int, end: int) -> list[int]:
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

    def attach_cost(self, cand_start: int, cand_end: int, v: NumberMention, breaks: list[int],
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

    def near(self, index: Sorted, in_sentence: Sequence[Any], v: NumberMention,
              sent: Sentence) -> Sequence[Any]:
        """Mentions of the sentence within reach of the value: bounded work per value, however long
        the sentence (a 100 KB run of numbers is one "sentence"). Usually the whole sentence is within
        reach, and its slice (``in_sentence``, not to be modified) is the answer."""
        lo, hi = v.start - REACH, v.end + REACH
        if not in_sentence or (lo <= sent.start and sent.end <= hi):
            return in_sentence  # nothing of this kind in the sentence, or all of it within reach
        return index.around(max(sent.start, lo), min(sent.end, hi), v.start, _NEAR_CAP)

    def split_by_sentence(self) -> list[Here]:
        """Each sentence's mentions, for the walk to look up instead of slicing each index again."""
        sentences = self.doc.sentences
        indexes = (self.numbers, self.periods, self.regions, self.indicators, self.cues)
        if all(a.end <= b.start for a, b in itertools.pairwise(sentences)):  # as split_sentences gives them
            columns = [index.split(sentences) for index in indexes]
        else:
            columns = [[index.within(s.start, s.end) for s in sentences] for index in indexes]
        return [Here(*row) for row in zip(sentences, *columns, strict=True)]

    def lead_mentions(self, lead: Sentence) -> Here:
        """The mentions of the current sentence's lead-in, set in :meth:`facts`."""
        here = self.lead_here
        assert here is not None and here.sent is lead
        return here

    def sentence_breaks(self, sent: Sentence) -> list[int]:
        if self._breaks_for != sent.start:
            self._breaks = self.clause_breaks(sent.start, sent.end)
            self._breaks_for = sent.start
        return self._breaks

    def clause_of(self, v: NumberMention, sent: Sentence, breaks: list[int]) -> tuple[int, int]:
        i = bisect.bisect_left(breaks, v.start)
        start = breaks[i - 1] if i > 0 else sent.start
        j = bisect.bisect_left(breaks, v.end)
        end = breaks[j] if j < len(breaks) else sent.end
        return max(start, v.start - REACH), min(end, v.end + REACH)

    def cues_in(self, clause: tuple[int, int]) -> Sequence[LexiconMatch]:
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

    def cue_near(self, labels: Collection[str], v: NumberMention, clause: tuple[int, int],
                  max_gap: int = 6) -> LexiconMatch | None:
        cached, cues = self._clause_cues
        if cached != clause:
            cues = self.cues_in(clause)
        best = None
        best_gap = max_gap + 1
        for cue in cues:
            if cue.label not in labels or overlaps(cue.start, cue.end, v.start, v.end):
                continue
            gap = self.gap_tokens(cue.start, cue.end, v.start, v.end)
            if cue.start >= v.end:
                gap += 1  # a cue before the value reads more often as its own ("up 1.5 times")
            if gap < best_gap:
                best, best_gap = cue, gap
        return best


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
    # RegionFinder.find_local: names that are places only in a text about their country
    local_regions: list[RegionMention] = field(default_factory=list)
    # ... or, resolved only for the home country once it is known: the home country's code -> its local places
    local_for: Callable[[str], list[RegionMention]] | None = None


@dataclass(slots=True)
class Here:
    """One sentence's mentions of each kind, sliced once: most rules ask for them, per value."""

    sent: Sentence
    numbers: Sequence[NumberMention]
    periods: Sequence[PeriodMention]
    regions: Sequence[RegionMention]
    indicators: Sequence[IndicatorMention]
    cues: Sequence[LexiconMatch]
    home: Region | None = None
    home_done: bool = False
    names_home: list[int] | None = None  # where its HOME cues ("the country", "nationwide") start, once asked
    respectively: bool | None = None  # whether it says "respectively", once asked
    national: bool | None = None  # whether it holds a word of the whole country ("national"), once asked
    bracket_note: Any = False  # its "with the X in brackets" note (a match or None), once asked (False: not yet)






_TITLE_REACH = 300


def _republic_anaphors(cues: list[LexiconMatch], regions: list[RegionMention], text: str) -> list[LexiconMatch]:
    """In a text about a region that is itself a republic ("Demographic situation in the Republic of
    Tatarstan"), "the republic" is that region, as "the region" would be, not the whole country."""
    titled = [m for m in regions if m.start < _TITLE_REACH and m.kind == "region" and "republic" in
              (text[max(0, m.start - 15):m.end + 15] + " " + m.name).lower()]
    if not titled:
        return cues
    return [replace(c, label="ANAPHOR", id="region") if c.label == "HOME" and c.text.lower() == "the republic"
            else c for c in cues]


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



def _outside(numbers: list[NumberMention], periods: list[PeriodMention]) -> list[NumberMention]:
    """The numbers that are not part of a period ("2023" in "Births 2023"), both sorted by start."""
    out = []
    i = 0
    for n in numbers:
        while i < len(periods) and periods[i].end <= n.start:
            i += 1
        if i < len(periods) and periods[i].start < n.end:
            continue
        out.append(n)
    return out
