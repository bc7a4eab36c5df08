"""Tables flattened into text: a header of column labels, then rows of a label and numbers.

Press releases scraped from web pages lose their table layout; what is left reads
``Region Births 2023 Births 2024 Change (%) Astana 23 410 24 105 3.0 Almaty 31 220 30 870 -1.1``.
A line is read as such a table when its numbers fall into runs of equal length separated by short
labels. Each column takes its indicator, period, unit and kind (level or change) from its part of
the header; each row takes its region from its label (FACTS.md, "Structure").

>>> from extractor.types import NumberMention
>>> text = "Employment growth (%) Ontario 1.1 Quebec 0.7 Alberta 2.0"
>>> values = [NumberMention(t, text.index(t), text.index(t) + 3, float(t)) for t in ("1.1", "0.7", "2.0")]
>>> cells = find_tables(text, values, [], [], [])
>>> [(text[c.row[0]:c.row[1]], c.column.percent, c.column.change) for c in cells.values()]
[('Ontario', True, True), ('Quebec', True, True), ('Alberta', True, True)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .numbers_lexicon import lexicon as numbers_lexicon
from .resources import load_yaml
from .types import IndicatorMention, NumberMention, PeriodMention, RegionMention

_WORD = re.compile(r"[^\W\d][\w'’.-]*")
# a digit only inside a code ("EU28", "EA-19"); a comma or a bracket only inside a label ("Alcoholic beverages,
# tobacco", "Other goods (including motor fuel)"), never at its ends
_LABEL_BREAKS = re.compile(r"[:%]|;\s*$|^\s*;|(?<![\w-])\d|^\s*[,()]|[,(]\s*$|\([^)]*$|^[^(]*\)")
_PER_BEFORE = re.compile(r"(?i)\bper\s+(?:1[ ,.\u00a0]?000|thousand)\s*$")
_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")
_COLUMN_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])(?!\s*=)")  # (not an index's base: "2016=100")


@dataclass(frozen=True, slots=True)
class Column:
    """What a column's header says about its numbers."""

    start: int  # the header segment, in the text
    end: int
    indicator: IndicatorMention | None
    period: PeriodMention | None
    percent: bool
    change: bool
    scale: float  # 1000 for "('000)"
    unit: str | None  # a currency the header names ("Average monthly wage by region, somoni"), or per_1000
    index: bool = False  # the header names an index or its base ("(2021=100)"): its numbers are index points
    contribution: bool = False  # "Contribution to GDP growth (percentage points)": its rows are the parts


@dataclass(frozen=True, slots=True)
class Cell:
    """One number of a table: its column and the span of its row's label."""

    value: NumberMention
    column: Column
    row: tuple[int, int]
    region: RegionMention | None  # a place named in the row label
    total: bool  # a row for the whole country ("Total", "State")
    local: bool = False  # the header makes its rows places within a region ("by urban districts", "by soums")


@dataclass(frozen=True, slots=True)
class _Rules:
    change: re.Pattern[str]
    percent: tuple[str, ...]
    thousand: tuple[str, ...]
    million: tuple[str, ...]
    per_thousand: tuple[str, ...]
    total: frozenset[str]
    max_label_words: int
    min_rows: int
    min_rows_one_column: int
    currency: re.Pattern[str]
    not_label_words: frozenset[str]
    percentage_point: tuple[str, ...] = ()
    contribution: tuple[str, ...] = ()
    billion: tuple[str, ...] = ()
    qualified: dict[str, str] = field(default_factory=dict)  # "us dollars" -> "USD"
    places: re.Pattern[str] | None = None  # a header that makes its rows places ("Population by region")
    units: re.Pattern[str] | None = None  # a column's own unit word ("thousand tons", "square meters")
    people: re.Pattern[str] = re.compile(r"(?!)")  # people nouns: a column of them takes no header unit
    balance: re.Pattern[str] = re.compile(r"(?!)")  # "natural", "migration": "increase" after it names a balance
    price_basis: re.Pattern[str] = re.compile(r"(?!)")  # "comparable": "prices" after it is how, not what
    local: re.Pattern[str] = re.compile(r"(?!)")  # "by urban districts": rows below the region level
    not_places: frozenset[str] = frozenset()  # "Urban", "Rural": rows of a table by area that are no places
    leading_scale: re.Pattern[str] = re.compile(r"(?!)")  # "(number; million ALL)": a scale word opening a part
    leading_scales: dict[str, float] = field(default_factory=dict)  # its word -> the multiplier


@functools.cache
def _rules(patterns_dir: Path | None) -> _Rules:
    data = load_yaml("tables.yaml", base=patterns_dir)
    change = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(str(w).lower()) for w in data["change_columns"])
                        + r")(?!\w)")
    return _Rules(change, tuple(str(w).lower() for w in data["percent_markers"]),
                  tuple(str(w).lower() for w in data["thousand_markers"]),
                  tuple(str(w).lower() for w in data["million_markers"]),
                  tuple(str(w).lower() for w in data["per_thousand_markers"]),
                  frozenset(str(w).lower() for w in data["total_labels"]), int(data["max_label_words"]),
                  int(data["min_rows"]), int(data["min_rows_one_column"]), _currency(patterns_dir),
                  frozenset(str(w).lower() for w in data["not_label_words"]),
                  tuple(str(w).lower() for w in data.get("percentage_point_markers", ())),
                  tuple(str(w).lower() for w in data.get("contribution_markers", ())),
                  tuple(str(w).lower() for w in data.get("billion_markers", ())),
                  # "us dollars" -> "USD", as the number rules read a currency after its country's name
                  {" ".join(k): v for k, v in numbers_lexicon(patterns_dir).qualified_currencies.items()},
                  _place_header(data), _unit_words(patterns_dir), _people_words(patterns_dir),
                  _ending_with(data.get("balance_words", ())), _ending_with(data.get("price_basis_words", ())),
                  _by_nouns(data.get("local_header_nouns", ())),
                  frozenset(str(w).lower() for w in data.get("not_place_labels", ())),
                  *_leading_scales(data.get("leading_scales") or {}))


def _leading_scales(table: dict) -> tuple[re.Pattern[str], dict[str, float]]:
    """``leading_scales``: a pattern for a scale word opening a header part, and each word's multiplier."""
    scales = {" ".join(str(w).lower().split()): float(v) for w, v in table.items()}
    if not scales:
        return re.compile(r"(?!)"), {}
    words = sorted(scales, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    # (a currency's short sign may come first: "(Rs crore; growth %)"; not "per": "(per thousand)" is a rate)
    return re.compile(r"(?i)(?:(?<=[(;])|\A)\s*(?:(?!per\b)[A-Z$₹€£][A-Za-z$]{0,3}\.?\s+)?(" + alternatives
                      + r")(?![\w'])"), scales


def _by_nouns(nouns: list[str]) -> re.Pattern[str]:
    """"by", a word or two, then one of ``nouns``: "by urban districts", "by selected soums"; or "of", a word
    or two, then one of them in the plural: "Population of the largest urban districts", "of towns with
    poviat status" ("Population of the region by age" names no places in its rows)."""
    if not nouns:
        return re.compile(r"(?!)")
    every = "|".join(re.escape(str(w).lower()) for w in nouns)
    plural = "|".join(re.escape(str(w).lower()) for w in nouns if str(w).endswith("s"))
    return re.compile(r"(?<!\w)(?:by\s+(?:[a-z-]+\s+){0,2}?(?:" + every + r")"
                      + (r"|of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:" + plural + r")" if plural else "") + r")(?!\w)")


def _ending_with(words: list[str]) -> re.Pattern[str]:
    """A stretch that ends with one of ``words`` and a space: what comes right before a header's word."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(str(w)) for w in words) + r")\s+\Z")


def _people_words(patterns_dir: Path | None) -> re.Pattern[str]:
    words = sorted(numbers_lexicon(patterns_dir).people, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


def _unit_words(patterns_dir: Path | None) -> re.Pattern[str] | None:
    """``numbers.yaml``'s other unit words and the two-word units it names ("square meters"); not the
    ones that name a population ("households"), which in a header name a column's group."""
    lexicon = numbers_lexicon(patterns_dir)
    words = [*(w for w in lexicon.other_units if w not in _GROUP_UNITS),
             *(" ".join(k) for k, v in lexicon.qualified_currencies.items() if k[-1] in lexicon.other_units)]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)",
                      re.IGNORECASE)


def _place_header(data: dict) -> re.Pattern[str] | None:
    """"by region", "by economic region", "by census metropolitan area" anywhere in a header, or "Region"
    as its first word."""
    by = [re.escape(str(w).lower()) for w in data.get("place_headers", ())]
    first = [re.escape(str(w).lower()) for w in data.get("place_columns", ())]
    parts = ([r"(?<!\w)(?:" + "|".join(by) + r")(?!\w)"] if by else []) \
        + ([r"^\W*(?:" + "|".join(first) + r")(?!\w)"] if first else []) \
        + ([_by_nouns(data["place_header_nouns"]).pattern] if data.get("place_header_nouns") else [])
    return re.compile("|".join(parts)) if parts else None


def _currency(patterns_dir: Path | None) -> re.Pattern[str]:
    """Currency words and codes as ``patterns/numbers.yaml`` lists them."""
    data = load_yaml("numbers.yaml", base=patterns_dir)
    words = [str(w) for w in data.get("currency_words", ())] + [str(w) for w in data.get("currency_codes", ())] \
        + [str(w) for w in (data.get("qualified_currencies") or {})]  # "(million US dollars; ...)"
    symbols = [str(w) for w in (data.get("currency_symbols") or {})]
    # a sign may carry its scale: "$m", "€bn" ("State $m % change")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)"
                      r"|(?<![\w$])(?:" + "|".join(map(re.escape, sorted(symbols, key=len, reverse=True)))
                      + r")(?=(?:m|bn|mn|b)?(?!\w))")


def find_tables(text: str, values: Sequence[NumberMention], periods: Sequence[PeriodMention],
                indicators: Sequence[IndicatorMention], regions: Sequence[RegionMention], *,
                patterns_dir: Path | None = None) -> dict[int, Cell]:
    """The cells of every flattened table in ``text``, keyed by their value's start offset."""
    rules = _rules(patterns_dir)
    cells: dict[int, Cell] = {}
    # Values grouped by line, walking the values rather than the text: most lines hold fewer than
    # three values and cost nothing more than finding their end.
    line_end = -1
    line_start = 0
    in_line: list[NumberMention] = []
    for v in values:
        if v.unit in _DURATION_UNITS or v.spelled:
            continue  # "12-month % change": a header word, not a cell; "of eight capital cities": a label's word
        if v.number == 100 and _BASE_WORD_BEFORE.search(text, max(0, v.start - 8), v.start):
            continue  # "(base 100 in the 4th quarter 2014; ...)": an index's base in the header, not a cell
        if v.start >= line_end:
            if len(in_line) >= 3:
                cells.update(_table(text, line_start, line_end, in_line, periods, indicators, regions, rules))
            line_start = text.rfind("\n", 0, v.start) + 1
            line_end = text.find("\n", v.start)
            if line_end < 0:
                line_end = len(text)
            in_line = []
        in_line.append(v)
    if len(in_line) >= 3:
        cells.update(_table(text, line_start, line_end, in_line, periods, indicators, regions, rules))
    return cells


def _table(text: str, start: int, end: int, values: list[NumberMention], periods: Sequence[PeriodMention],
           indicators: Sequence[IndicatorMention], regions: Sequence[RegionMention],
           rules: _Rules) -> dict[int, Cell]:
    runs = _labelled_ages(text, _runs(text, values))
    width = len(runs[-1])
    rows_needed = rules.min_rows if width > 1 else rules.min_rows_one_column
    if len(runs) < rows_needed or any(len(r) != width for r in runs):
        return {}
    labels = [_label(text, a[-1].end, b[0].start, rules) for a, b in zip(runs, runs[1:], strict=False)]
    if any(label is None for label in labels):
        return {}
    first = _first_label(text, start, runs[0][0].start, labels, regions)
    if first is None:
        return {}
    first = _after_column_periods(text, first, periods)
    header = (start, first[0])
    if not _WORD.search(text, *header):
        return {}
    columns = _columns(text, header, width, periods, indicators, rules)
    cells: dict[int, Cell] = {}
    by_place = rules.places is not None and rules.places.search(text[header[0]:header[1]].lower()) is not None
    local = by_place and rules.local.search(text[header[0]:header[1]].lower()) is not None
    for run, label in zip(runs, [first, *labels], strict=True):
        assert label is not None
        place = next((m for m in regions if label[0] <= m.start and m.end <= label[1]), None)
        total = text[label[0]:label[1]].lower().strip(" .") in rules.total
        if place is None and by_place and not total \
                and text[label[0]:label[1]].lower().strip(" .") not in rules.not_places:
            # "Population by administrative region ...: Montréal 2,058,000": a place with no code, by name
            name = text[label[0]:label[1]]
            place = RegionMention(name, label[0], label[1], None, name, "region", None)  # type: ignore[arg-type]
        for value, column in zip(run, columns, strict=True):
            cells[value.start] = Cell(value, column, label, place, total, local)
    return cells


_BASE_WORD_BEFORE = re.compile(r"(?i)(?:\bbase|=)\s{0,2}\Z")
_AGE_LABEL = re.compile(r"(?i)\b(?:under|over|aged|age|ages)\s{1,2}\d{1,3}\b")
_PERIOD_LABEL = re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)\s{1,2}(?:quarter|half|half-year|semester|trimester)\b"
                           r"|\A\s*(?:19|20)\d\d\s*\Z")
_AGE_BEFORE = re.compile(r"(?i)\b(?:under|over|aged|age|ages|than|up\s+to)\s{1,2}\Z")


def _labelled_ages(text: str, runs: list[list[NumberMention]]) -> list[list[NumberMention]]:
    """The runs, with an age that ends a row's label taken out of the row's numbers: "Men 8,222 39.0 Under 30 2,377
    44.8" has rows of two cells, "Under 30" a label (a run one longer than the usual row, after "under")."""
    if len(runs) < 2:
        return runs
    lengths = [len(run) for run in runs]
    width = max(set(lengths), key=lambda n: (lengths.count(n), -n))  # the rows' usual width
    return [run[1:] if len(run) == width + 1 and _AGE_BEFORE.search(text, max(0, run[0].start - 12), run[0].start)
            else run for run in runs]


def _runs(text: str, values: list[NumberMention]) -> list[list[NumberMention]]:
    """Numbers with only spaces between them, grouped."""
    runs = [[values[0]]]
    for prev, value in zip(values, values[1:], strict=False):
        if text[prev.end:value.start].strip():
            runs.append([value])
        else:
            runs[-1].append(value)
    return runs


def _label(text: str, start: int, end: int, rules: _Rules) -> tuple[int, int] | None:
    """The row label between two runs of numbers, trimmed; None when it reads as prose."""
    piece = text[start:end]
    # ("Under 30", "1st quarter" and a lone year are labels: a row's age or period)
    named = _PERIOD_LABEL.sub("period", _AGE_LABEL.sub("age", piece))
    if _LABEL_BREAKS.search(named) or not _WORD.search(named):
        return None
    words = piece.split()
    if len(words) > rules.max_label_words or not words[0][:1].isupper() and not words[0][:1].isdigit():
        return None  # a row label is a name ("Bishkek city", "Total"), not "to" or "persons and ..."
    if any(w.lower() in rules.not_label_words for w in words):
        return None  # "... employment increased by": a verb or a preposition is prose
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip())


def _first_label(text: str, line_start: int, first_value: int, labels: list[tuple[int, int] | None],
                 regions: Sequence[RegionMention]) -> tuple[int, int] | None:
    """Where the header ends and the first row's label begins: a place named right before the first
    number, else the words after the header's last bracket or percent sign, else as many words as the
    next row's label has."""
    end = line_start + len(text[line_start:first_value].rstrip())
    for m in regions:
        if m.end == end and m.start > line_start:
            return m.start, end
    head = text[line_start:end]
    nxt = labels[0]
    assert nxt is not None
    count = len(text[nxt[0]:nxt[1]].split())
    longest = max(len(text[a:b].split()) for a, b in (label for label in labels if label is not None))
    cut = max(head.rfind(")"), head.rfind("%"), head.rfind(":"))
    # (not when the words after it are column labels too: "(%): April 2024 to March 2024 / ... Food products")
    if cut >= 0 and (_WORD.search(head, cut + 1) or _PERIOD_LABEL.search(head[cut + 1:])) \
            and len(head[cut + 1:].split()) <= longest + 3:
        tail = head[cut + 1:]
        return line_start + cut + 1 + len(tail) - len(tail.lstrip()), end
    words = list(_WORD.finditer(head))
    if len(words) <= count:
        return None
    return line_start + words[-count].start(), end


def _after_column_periods(text: str, label: tuple[int, int], periods: Sequence[PeriodMention]) -> tuple[int, int]:
    """The first row's label without the column periods before it: "... at annual rates) 2019 Q1 Q2 Q3
    Real GDP 3.1 2.0 1.9" has the label "Real GDP"; the periods head the columns."""
    start, end = label
    starts = {p.start: p.end for p in periods if start <= p.start and p.end < end}
    while True:
        at = starts.get(start)
        if at is None:
            year = _YEAR.match(text, start)
            at = year.end() if year and year.end() < end and text[year.end()].isspace() else None
        if at is None:
            return start, end
        rest = text[at:end]
        start = at + len(rest) - len(rest.lstrip())


_BY_TAIL = re.compile(r"[\s,;]*by\s", re.IGNORECASE)


_JOINED = re.compile(r"\s*(?:,|and|&|,\s*and)\s*")


def _columns(text: str, header: tuple[int, int], width: int, periods: Sequence[PeriodMention],
             indicators: Sequence[IndicatorMention], rules: _Rules) -> list[Column]:
    """The header cut into one part per column: after a period or a bracket, or before a change word.
    With fewer cuts than columns, every column reads the whole header."""
    start, end = header
    periods = [*periods, *_header_years(text, start, end, periods)]
    cuts = _cuts(text, start, end, periods, rules)
    semis = [c for c in cuts if text[c - 1] == ";"]
    slashes = [m.end() for m in _COLUMN_SLASH.finditer(text, start, end)]
    if width > 1 and len(semis) == width - 1:
        cuts = semis  # "(EUR million; real change on 2020 in %)": the columns the semicolons part
    elif width > 1 and len(slashes) == width - 1:
        cuts = slashes  # "April 2024 to March 2024 / April 2024 to December 2023 / ..."
    if width > 1:
        # "(number):Births Deaths": after the header's last bracket or colon, one label per column
        tail = max(text.rfind(")", start, end), text.rfind(":", start, end)) + 1
        labels = [m for m in indicators if tail > start and tail <= m.start and m.end <= end and not m.generic]
        if len(labels) == width and text[tail:labels[0].start].strip() == "" \
                and all(text[a.end:b.start].strip() == "" for a, b in zip(labels, labels[1:], strict=False)):
            cuts = [m.start for m in labels[1:]]
    if width > 1 and len(cuts) > width - 1:
        # "Population on 1 January 2016 and live-births in 2015, by main localities (persons)": a cut before
        # the rows' breakdown ("by ...") and nothing else the header names parts no columns
        named = [c for c in cuts if not _BY_TAIL.match(text, c, end)
                 or any(c <= p.start < end for p in periods)
                 or any(c <= m.start and m.end <= end and not m.generic for m in indicators)]
        if len(named) >= width - 1:
            cuts = named
    listed = _listed_columns(text, start, end, width, rules) if width > 1 else None
    if listed is not None:
        cuts = listed  # "(thousand US dollars; export, import)": a unit for all, then one label per column
    if width > 1 and len(cuts) >= width - 1:
        bounds = [start, *cuts[len(cuts) - (width - 1):], end]
        spans = list(zip(bounds, bounds[1:], strict=False))
    else:
        spans = [(start, end)] * width
    in_header = [m for m in indicators if start <= m.start and m.end <= end]
    title = next((m for m in in_header if not m.generic), in_header[0] if in_header else None)
    # A marker before the first column's own label is the whole header's: "Births ('000) 2023 2024".
    wide = _markers(text, start, spans[0][1], rules, leading_only=spans[0] != (start, end))
    whole = _INDEX_HEADER.search(text, start, end) is not None
    # "Registered births and deaths by county, 2019: Nairobi 127,451 21,904": a header that names as many
    # indicators as there are columns, joined by "and" or commas, names them in the columns' order
    named = [m for m in in_header if not m.generic]
    in_order = named if width > 1 and spans[0] == (start, end) and len(named) == width \
        and len({m.key for m in named}) == width \
        and all(_JOINED.fullmatch(text, x.end, y.start) for x, y in zip(named, named[1:], strict=False)) else None
    columns = []
    for i, (a, b) in enumerate(spans):
        own = [m for m in in_header if a <= m.start and m.end <= b and not (
            m.generic and rules.price_basis.search(text, max(a, m.start - 16), m.start))]  # "in comparable prices"
        if in_order is not None:
            own = [in_order[i]]
        specific = [m for m in own if not m.generic and not _after_per(text, m.start)]
        # a column naming nothing measures what the column before it named: "Average weekly wage Percent
        # change fourth quarter 2019-20"
        before = [m for m in in_header if m.end <= a and not m.generic and not _after_per(text, m.start)] \
            if spans[0] != (start, end) else []
        indicator = (specific or own or before[-1:] or [title])[-1]
        if not specific and own and indicator.generic and title is not None and title.key in indicator.family:
            indicator = title  # "Gross regional product by regions (UAH million; volume index, %)": the GRP's index
        # "% change from March quarter": what a change column compares with is not its period
        dated = [p for p in periods if a <= p.start and p.end <= b
                 and not _COMPARED_WITH.search(text, max(a, p.start - 25), p.start)
                 and not _BASE_AFTER.search(text[max(a, p.start - 12):p.start])
                 and not _RATIO_BASE.search(text, a, p.start)
                 and not _INDEX_BASE.match(text, p.end)  # "(index, 4th quarter 2010 = 100; ...)": the base
                 and not _BASE_BEFORE.search(text, max(a, p.start - 24), p.start)]  # "(base 100 = 2010; ...
        # "October 2022 (corresponding month of previous year = 100, %)": the base is no column's period
        # ("units at the end of the year": a day of the table's year, the column's own)
        dated = [p for p in dated if p.first is not None or dict(p.detail).get("edge")] or dated
        if not dated and "change" not in _markers(text, a, b, rules):
            dated = [p for p in periods if start <= p.start and p.end <= spans[0][1] and p.first is not None][:1]
            # "Employment and average weekly wage ..., fourth quarter 2020: ... Average weekly wage": the
            # table's own period for a level column that names none
        marks = _markers(text, a, b, rules) | wide
        # (the largest first: "thousands of millions of pesos" is a billion, not a thousand)
        scale = 1_000_000_000.0 if "billion" in marks else 1_000_000.0 if "million" in marks \
            else 1000.0 if "thousand" in marks else 1.0
        if scale == 1.0 and (lead := rules.leading_scale.search(text[a:b])) is not None:
            scale = rules.leading_scales[" ".join(lead.group(1).lower().split())]  # "(number; million ALL)"
        # a currency may head every column ("UAH million; in % to 2017"); another unit word only its own
        # ("million tons; million passengers")
        money = _header_currency(text, a, b, rules) or (rules.units.search(text, a, b) if rules.units else None) \
            or (None if _COUNT_PART.search(text, a, b) else  # "(number; million ALL)": the first column counts
                _header_currency(text, start, end, rules) or _header_unit(text, (start, end), (a, b), rules))
        unit = "percentage_point" if "percentage_point" in marks else "per_1000" if "per_1000" in marks \
            else _unit_named(money.group(), rules) if money else None
        # a header cut into columns marks an index column by its own words ("UAH million; volume index, %")
        index = whole if spans[0] == (start, end) or _INDEX_HEADER.search(text, *spans[0]) \
            else _INDEX_HEADER.search(text, a, b) is not None
        # "(in % to II quarter 2023; share in GDP, %)" under "Growth of value added": the first column is an
        # index's level, the second a share, whatever the title's "growth" says
        to_base, share = _PERCENT_TO.search(text, a, b), _SHARE_COLUMN.search(text, _own_part(text, a, b, rules), b)
        columns.append(Column(a, b, indicator, dated[-1] if dated else None,
                              "percent" in marks and "percentage_point" not in marks,
                              "change" in marks and not to_base and not share,
                              scale, unit, index or to_base is not None, "contribution" in marks))
    return columns


def _own_part(text: str, a: int, b: int, rules: _Rules) -> int:
    """Where a column's own words start: its bracket when that names a change ("Real growth and structure
    by sector (year-on-year growth, %; share of GDP, %)": the title's "structure" is the second column's)."""
    inner = text.rfind("(", a, b)
    return inner if inner > a and rules.change.search(text[inner:b].lower()) else a


_COUNT_PART = re.compile(r"(?i)[(;]\s*(?:number|numbers|persons|people|units|pieces)\s*(?:;|\)|\Z)")
_GROUP_UNITS = frozenset({"households", "families"})


_BRACKET = re.compile(r"\(([^()]*)\)")
# "(-)", ", decrease (-)", "natural increase (decrease)": how a column's sign is written
_SIGN_NOTE = re.compile(r"(?i)\(\s*[-+−–]\s*\)|[,/]\s*(?:decrease|decline|loss|reduction)\s*(?=\(\s*[-−–]\s*\))"
                        r"|\(\s*(?:decrease|decline|loss|reduction|outflow|deficit)\s*\)")
_CONTINUES = re.compile(r"(?i)\s*(?:in|on|of|as|at|per|from|than|with|against|compared|versus|vs)\b")
_SCALE_ONLY = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions", "mln", "bn", "thous",
                         "in", "of", "number", "units", "persons", "people", "%", "percent", "per", "cent",
                         "pct", "points", "pts", "pp", "p.p"})
_PERCENT_WORDS = frozenset({"%", "percent", "per", "cent", "pct", "points", "pts", "pp", "p.p"})


def _listed_columns(text: str, start: int, end: int, width: int, rules: _Rules) -> list[int] | None:
    """Where the columns begin when the header's last bracket names a unit for all of them and then one
    label per column, parted by semicolons or commas: "(thousand US dollars; export, import)", "(million
    ALL; exports, imports; change of exports to March 2014, %)", "(people; natural increase, migration
    increase)". None when the bracket does not read so (a label that is only "%" is no column's)."""
    # "(persons; born, died, natural increase, decrease (-))", "natural increase (decrease)": a sign's own
    # bracket, and the decrease it names, belong to the label before them
    header = _SIGN_NOTE.sub(lambda m: " " * len(m.group()), text[start:end])
    brackets = list(_BRACKET.finditer(header))
    if not brackets:
        return None
    found = brackets[-1]
    parts, at = [], start + found.start(1)  # offsets into the text, as the header is a slice of it
    for piece in found.group(1).split(";"):
        parts.append((at, piece))
        at += len(piece) + 1
    cut = _labels_cut([(a, p) for a, p in parts if not _unit_only(p, rules)], width, rules)
    if cut is not None:
        return cut  # "(%; to November 2016, to December 2015)": "%" heads both columns
    labelled = [(a, p) for a, p in parts if not _unit_only(p, rules, heading=True)]
    if len(labelled) == len(parts) or not labelled:
        return None  # no unit heading every column: the semicolons' own cut holds
    return _labels_cut(labelled, width, rules)


def _labels_cut(labelled: list[tuple[int, str]], width: int, rules: _Rules) -> list[int] | None:
    """The starts of columns 2..width when the labelled parts, one of them cut at its commas, are as many
    as the columns."""
    if not labelled:
        return None
    for i, (a, piece) in enumerate(labelled):
        items = piece.split(",")
        if len(labelled) - 1 + len(items) != width or any(_unit_only(item, rules) or _CONTINUES.match(item)
                                                           or item.lstrip().startswith("%") for item in items):
            continue  # "physical volume index, in % to 2017", "volume index, % to 2016": one column's words
        starts = [a + len(p) - len(p.lstrip()) for a, p in labelled]
        offsets, pos = [], a
        for item in items:
            offsets.append(pos + len(item) - len(item.lstrip()))
            pos += len(item) + 1
        return [*starts[:i], *offsets, *starts[i + 1:]][1:]
    return [a + len(p) - len(p.lstrip()) for a, p in labelled][1:] if len(labelled) == width else None


def _header_currency(text: str, start: int, end: int, rules: _Rules) -> re.Match[str] | None:
    """A currency the header names, not a place noun of the same spelling: "Livestock by soums" (Mongolia's
    districts) is no sum of Uzbek soums."""
    return next((m for m in rules.currency.finditer(text, start, end)
                 if not _BY_BEFORE.search(text, max(start, m.start() - 12), m.start())), None)


_BY_BEFORE = re.compile(r"(?i)\bby\s+(?:selected\s+)?\Z")


def _unit_only(part: str, rules: _Rules, *, heading: bool = False) -> bool:
    """Whether a header part names only a scale and a unit ("thousand US dollars", "million ALL", "%")."""
    if "=" in part or not part.strip():
        return False  # "2006=100": an index's base, what a column of levels is
    rest = rules.currency.sub(" ", part)
    if rules.units is not None:
        rest = rules.units.sub(" ", rest)
    words = [w.lower() for w in re.findall(r"[^\W\d]+|%", rest)]
    if heading and (rest == part or not words) and all(w in _PERCENT_WORDS for w in words):
        return False  # "(%; change on the previous quarter, points)": a column of percentages, not a unit for all
    return all(w in _SCALE_ONLY for w in words)


def _unit_named(word: str, rules: _Rules) -> str:
    """A currency as the number rules write it ("us dollars" -> "USD", "KM"); another unit word in lower
    case."""
    key = " ".join(word.lower().split())
    if key in rules.qualified:
        return rules.qualified[key]
    if rules.currency.fullmatch(word):
        return word
    if rules.units is not None and rules.units.fullmatch(word):
        # as written where its case means something ("GWh", "MW"), else in lower case ("Tons")
        return word if any(c.isupper() for c in word[1:]) else key
    return word


def _header_unit(text: str, header: tuple[int, int], own: tuple[int, int], rules: _Rules) -> re.Match[str] | None:
    """The unit word heading every column ("thousand heads; agricultural enterprises, households"), for a
    column that names no people of its own ("million tons; million passengers")."""
    if rules.units is None or own == header or rules.people.search(text, *own):
        return None
    return rules.units.search(text, *header)


def _markers(text: str, a: int, b: int, rules: _Rules, *, leading_only: bool = False) -> set[str]:
    """What the header part text[a:b] marks: "percent", "thousand", "million", "per_1000", "change".
    With ``leading_only``, only markers that more label words follow (they head every column)."""
    part = text[a:b].lower()
    found = set()
    for name, markers in (("percentage_point", rules.percentage_point), ("percent", rules.percent),
                          ("thousand", rules.thousand), ("million", rules.million), ("billion", rules.billion),
                          ("per_1000", rules.per_thousand), ("contribution", rules.contribution)):
        for marker in markers:
            at = part.find(marker)
            # (label words or years: "(%; 2019, 2020, 2021)" marks every year's column)
            if at >= 0 and (not leading_only or _WORD.search(part, at + len(marker))
                            or _COLUMN_YEAR.search(part, at + len(marker))):
                found.add(name)
                break
    change = rules.change.search(part)
    if change and rules.balance.search(part, 0, change.start()):
        change = None  # "natural increase, decrease (-)": a signed balance, not a change
    if change and (not leading_only or _WORD.search(part, change.end())):
        found.add("change")
    return found


_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "quarter", "decade"})
_ALNUM = re.compile(r"\w")
_COLUMN_SLASH = re.compile(r"\s[/|]\s")
_INDEX_BASE = re.compile(r"(?:[-–/]\d{2,4})?\s{0,2}=")
# "in % to II quarter 2023": this over that, times 100 ("in % to total" is a share)
_PERCENT_TO = re.compile(r"(?i)(?:%|\bper\s?cent)\s{0,2}to\b(?!\s{1,2}(?:the\s{1,2})?total)")
_SHARE_COLUMN = re.compile(r"(?i)\bshare\b|\bstructure\b|\b(?:in|as)\s{1,2}%\s{1,2}of\b")
_INDEX_HEADER = re.compile(r"=\s*100\b|\bindex\b|\bindices\b", re.IGNORECASE)
# "(%; to November 2016, to December 2015)": a column that begins with "to" names its base, not its period
_BASE_BEFORE = re.compile(r"(?i)\bbase\s{1,2}(?:100\s{0,2}(?:=|in|of)?\s{0,2})?(?:(?:in|of)\s{1,2})?(?:the\s{1,2})?\Z")
_BASE_AFTER = re.compile(r"(?:\A|[(;,:])\s*to\s+(?:the\s+)?\Z", re.IGNORECASE)
# "(V 2023 / IV 2023; V 2023 / V 2022)": the period after the slash is the base of a ratio of two
_RATIO_BASE = re.compile(r"\w\s{0,2}/\s{0,2}\Z")
_COMPARED_WITH = re.compile(r"(?:\b(?:from|on|over|against|than|compared\s+(?:to|with)|versus|vs\.?|change\s+to"
                            r"|(?:in\s+)?comparison\s+(?:to|with)|relative\s+to|in\s+relation\s+to)|%\s+to|%\s+of)"
                            r"\s+(?:the\s+)?\Z", re.IGNORECASE)  # "in % to January-August 2023"


def _after_per(text: str, start: int) -> bool:
    """"per 1,000 population": the rate's base, not the column's indicator."""
    return _PER_BEFORE.search(text, max(0, start - 12), start) is not None


def _header_years(text: str, start: int, end: int, periods: Sequence[PeriodMention]) -> list[PeriodMention]:
    """Bare years in a header ("Births 2023 Births 2024") that the period finder left as counts; a
    ratio of years ("2024/2023") labels a change, not a column's period."""
    found = []
    for m in _YEAR.finditer(text, start, end):
        if any(p.start <= m.start() < p.end for p in periods) or _INDEX_BASE.match(text, m.end()):
            continue  # "(2021=100)", "2011-12 = 100": an index's base, not a column's period
        year = int(m.group())
        found.append(PeriodMention(m.group(), m.start(), m.end(), "year", date(year, 1, 1), date(year, 12, 31)))
    return found


def _cuts(text: str, start: int, end: int, periods: Sequence[PeriodMention], rules: _Rules) -> list[int]:
    """Positions in the header where one column's label ends and the next begins."""
    cuts: set[int] = set()
    for p in periods:
        if start <= p.start and p.end < end and not text[p.end:end].lstrip().startswith("("):
            cuts.add(p.end)
    for m in re.finditer(r"[);]", text[start:end]):  # "(index numbers; % change from previous quarter; ...)"
        at = start + m.end()
        if _WORD.search(text, at, end) or _BASE_100.match(text, at, end):  # "(number; 2016=100)"
            cuts.add(at)
    for m in rules.change.finditer(text[start:end].lower()):
        cuts.add(start + m.start())
    # "Employed, thousand people Unemployment rate, %": a label, a comma and its unit end a column
    lower = text[start:end].lower()
    for marker in (*rules.percent, *rules.thousand, *rules.million, *rules.billion, *rules.per_thousand):
        at = lower.find(", " + marker)
        while at >= 0:
            after = start + at + 2 + len(marker)
            rest = text[after:end]
            if rest[:1].isspace() and rest.lstrip()[:1].isupper():
                cuts.add(after)
            at = lower.find(", " + marker, at + 1)
    merged: list[int] = []
    for at in sorted(cuts):
        if at <= start or at >= end:
            continue
        if merged and not _ALNUM.search(text, merged[-1], at):
            continue  # "2024 | Change", "; % change": the same cut twice
        merged.append(at)
    return [c for c in merged if _WORD.search(text, c, end) or _BASE_100.match(text, c, end)
            or any(c < p.start and p.end <= end for p in periods)]


_BASE_100 = re.compile(r"\s*(?:1[89]|20)\d\d\s{0,2}=\s{0,2}100\b")  # an index column named by its base year


__all__ = ["Cell", "Column", "find_tables"]
