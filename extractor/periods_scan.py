"""find_periods: run each rule in windows around its trigger words, keep the longest
non-overlapping matches, then join what one rule cannot see alone (``since`` + a period, two
dates that make a month range, ``as of`` before a date)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from .periods_grammar import _TEMPLATES, YEAR_MAX, YEAR_MIN, Detail, _Grammar, _grammar, _Vocab
from .periods_rules import _HANDLERS, Handler, _month_add, _month_end, _new_mention
from .types import PeriodMention

# --- find_periods ---------------------------------------------------------------------


# Where each rule may match, relative to a trigger it must contain: the trigger kinds,
# how far before the trigger's start a match may begin, and how far after the
# trigger's end it may finish (both counted with every \\s{1,3} at 3). Rules are only
# run in windows around their triggers, so a text with no trigger costs one cheap
# scan, and dense text never costs more than a full scan per rule.
_REACH: dict[str, tuple[tuple[str, ...], int, int]] = {
    "date_mdy": (("MONTH",), 0, 16),
    "date_dmy": (("MONTH",), 14, 10),
    "date_num": (("YEAR",), 6, 0),
    "date_iso": (("YEAR",), 0, 6),
    "date_num2": (("NUM2",), 0, 0),
    "date_roman": (("YEAR",), 14, 0),
    "date_roman_range": (("YEAR",), 26, 0),
    "month_range_roman": (("YEAR",), 16, 0),
    "date_num_range": (("YEAR",), 24, 12),
    "month_range": (("MONTH",), 45, 70),
    "month_list": (("MONTH",), 0, 90),
    "months_first": (("KW_MONTH",), 22, 38),
    "months_of": (("KW_MONTH",), 14, 38),
    "months_ctx": (("KW_MONTH",), 30, 18),
    "quarter_word": (("KW_QUARTER",), 10, 40),
    "quarter_span": (("KW_QUARTER",), 30, 40),
    "quarter_q": (("KW_Q",), 0, 34),
    "quarter_num": (("KW_QUARTER",), 0, 34),
    "quarter_yq": (("KW_Q",), 10, 2),
    "quarter_month": (("KW_QUARTER",), 22, 22),
    "half_word": (("KW_HALF",), 10, 50),
    "half_h": (("KW_H",), 0, 34),
    "half_yh": (("KW_H",), 10, 2),
    "month_year": (("MONTH",), 0, 42),
    "year_month": (("YEAR",), 0, 16),
    "month_prep": (("MONTH",), 14, 2),
    "year_range": (("YEAR",), 28, 18),
    "fiscal_year": (("YEAR",), 24, 14),
    "fiscal_pair": (("YEAR",), 0, 36),
    "decade": (("YEAR",), 0, 3),
    "year": (("YEAR",), 0, 0),
    "since_ytd": (("KW_YEAR",), 20, 14),
    "fuzzy": (("YEAR", "MONTH", "KW_YEAR"), 40, 12),
    "fuzzy_year_word": (("KW_YEAR",), 8, 18),
    "same_period": (("KW_SAME",), 0, 60),
    "rel_year": (("KW_YEAR",), 12, 6),
    "year_back": (("KW_YEAR",), 14, 16),
    "month_back": (("KW_MONTH", "KW_QUARTER"), 14, 16),
    "prev_unit": (("KW_MONTH", "KW_QUARTER"), 14, 8),
    "rel_unit": (("KW_MONTH", "KW_QUARTER"), 8, 8),
    "month_year_word": (("MONTH",), 0, 24),
    "year_before": (("KW_YEAR",), 8, 20),
    "past_years": (("KW_YEAR", "KW_DECADE"), 32, 8),
    "past_months": (("KW_MONTH",), 32, 8),
    "over_months": (("KW_MONTH",), 40, 8),
    "to_month": (("MONTH",), 62, 30),
    "deictic": (("KW_DEICTIC",), 14, 10),
    "basis": (("KW_YEAR", "KW_MONTH", "KW_QUARTER", "KW_BASIS"), 0, 18),
    "basis_phrase": (("KW_YEAR", "KW_MONTH", "KW_QUARTER", "KW_BASIS"), 26, 12),
}
assert set(_REACH) == set(_TEMPLATES), "every template needs its reach"
_GUARD = 10  # a window match ending this close to a cut window end is not trusted
# A run of exactly four digits (a year when 1800-2100), or a two-digit run that starts
# dd.mm.yy; the first character is a digit, so the engine skips to digits quickly.
_NUMBER_TRIGGER = re.compile(r"\d(?<!\d\d)(?:\d{3}(?!\d)|\d(?=[./]\d\d[./]\d\d(?!\d)))")


def _triggers(text: str, grammar: _Grammar) -> dict[str, list[tuple[int, int]]]:
    """Spans of the tokens every rule needs: a year, a month name, a key word."""
    hits: dict[str, list[tuple[int, int]]] = {}
    years: list[tuple[int, int]] = []
    num2: list[tuple[int, int]] = []
    for m in _NUMBER_TRIGGER.finditer(text):
        start, end = m.span()
        if end - start == 2:
            num2.append((start, start + 8))
        elif YEAR_MIN <= int(m.group()) <= YEAR_MAX:
            years.append((start, end))
    if years:
        hits["YEAR"] = years
    if num2:
        hits["NUM2"] = num2
    kinds = grammar.trigger_kinds
    for m in grammar.trigger.finditer(text):
        hits.setdefault(kinds[m.group()], []).append(m.span())
    return hits


def _windows(text: str, hits: dict[str, list[tuple[int, int]]], name: str) -> list[tuple[int, int]]:
    """The rule's windows: each trigger's reach, overlapping ones merged, clipped to the text."""
    kinds, before, after = _REACH[name]
    # one kind is already in text order; several are merged
    spans = hits.get(kinds[0], []) if len(kinds) == 1 else sorted(span for kind in kinds for span in hits.get(kind, ()))
    if not spans:
        return []
    before += 4
    after += _GUARD
    merged: list[tuple[int, int]] = []
    cur_lo, cur_hi = spans[0][0] - before, spans[0][1] + after
    for start, end in spans:
        if start - before <= cur_hi:
            if end + after > cur_hi:
                cur_hi = end + after
        else:
            merged.append((cur_lo, cur_hi))
            cur_lo, cur_hi = start - before, end + after
    merged.append((cur_lo, cur_hi))
    # starts and ends only grow: only the first can fall before the text, only the last after it
    if merged[0][0] < 0:
        merged[0] = (0, merged[0][1])
    if merged[-1][1] > len(text):
        merged[-1] = (merged[-1][0], len(text))
    return merged


def _read(handler: Handler, m: re.Match[str], vocab: _Vocab) -> PeriodMention | None:
    """The handler's mention for a match, or None when it rejects the match."""
    try:
        mention = handler(m, vocab)
    except (ValueError, KeyError, OverflowError, TypeError):
        return None
    return mention if mention is not None and mention.end > mention.start else None


def _scan(text: str, rx: re.Pattern[str], finder: re.Pattern[str] | None, handler: Handler, vocab: _Vocab,
          windows: list[tuple[int, int]], found: list[tuple[int, PeriodMention]], rank: int) -> None:
    """Search each window for the rule's matches (skipping ahead with its finder, if any)."""
    search = (finder or rx).search
    size = len(text)
    for lo, hi in windows:
        pos = lo
        while (m := search(text, pos, hi)) is not None:
            if finder is not None:  # the finder stopped where rx matches: take rx's own match
                m = rx.match(text, m.start(), hi)
                assert m is not None
            if hi < size and m.end() > hi - _GUARD:
                break  # lookaheads saw the window's end, not the text's
            mention = _read(handler, m, vocab)
            if mention is not None:
                found.append((rank, mention))
                pos = m.end()
            else:  # a rejected match may hide a good one that starts inside it
                pos = m.start() + 1


# Rules whose every match starts exactly where one of their triggers starts (a
# case-sensitive month name, a year, Q1, H1 ...), and whose reach bounds the match
# end. Such a rule is tried with one anchored match per trigger instead of a search
# through the window: the same matches in the same order as the windowed search (which
# could only find them at those starts), without walking the characters in between.
_ANCHORED = frozenset({"date_mdy", "date_iso", "date_num2", "quarter_q", "half_h", "month_list", "basis",
                       "month_year", "year_month", "month_year_word", "decade", "year"})


def _scan_anchored(text: str, rx: re.Pattern[str], handler: Handler, vocab: _Vocab,
                   spans: list[tuple[int, int]], found: list[tuple[int, PeriodMention]], rank: int) -> None:
    pos = 0
    for start, _ in spans:
        if start < pos:  # inside the previous accepted match, as a search would skip it
            continue
        m = rx.match(text, start)
        if m is not None and (mention := _read(handler, m, vocab)) is not None:
            found.append((rank, mention))
            pos = m.end()


def _candidates(text: str, grammar: _Grammar, *, windowed: bool = True) -> list[tuple[int, PeriodMention]]:
    """Every rule's accepted matches, tagged with the rule's rank (its place in the grammar)."""
    found: list[tuple[int, PeriodMention]] = []
    if not windowed:
        for rank, (name, rx) in enumerate(grammar.rules):
            _scan(text, rx, None, _HANDLERS[name], grammar.vocab, [(0, len(text))], found, rank)
        return found
    hits = _triggers(text, grammar)
    present = hits.keys()
    vocab = grammar.vocab
    shared: dict[int, list[tuple[int, int]]] = {}
    for rank, name, kinds, anchored, rx, finder, handler, reach_id in _plan(grammar):
        if present.isdisjoint(kinds):  # none of its triggers in the text
            continue
        if anchored:
            # (several kinds: their spans merged in text order)
            spans = hits[kinds[0]] if len(kinds) == 1 else sorted(s for k in kinds for s in hits.get(k, ()))
            _scan_anchored(text, rx, handler, vocab, spans, found, rank)
            continue
        windows = shared.get(reach_id)
        if windows is None:  # rules with the same reach share their windows
            windows = shared[reach_id] = _windows(text, hits, name)
        _scan(text, rx, finder, handler, vocab, windows, found, rank)
    return found


_Step = tuple[int, str, tuple[str, ...], bool, re.Pattern[str], "re.Pattern[str] | None", Handler, int]
_PLANS: dict[int, tuple[_Grammar, list[_Step]]] = {}


def _plan(grammar: _Grammar) -> list[_Step]:
    """Each rule with what _candidates reads for it, looked up once per grammar instead of once per rule
    and text: (rank, name, trigger kinds, anchored, pattern, finder, handler, its reach's number)."""
    known = _PLANS.get(id(grammar))
    if known is not None and known[0] is grammar:
        return known[1]
    reaches: dict[tuple[tuple[str, ...], int, int], int] = {}
    steps = [(rank, name, _REACH[name][0], name in _ANCHORED, rx, grammar.finders[name], _HANDLERS[name],
              reaches.setdefault(_REACH[name], len(reaches)))
             for rank, (name, rx) in enumerate(grammar.rules)]
    if len(_PLANS) >= 8:  # as many as _grammar keeps
        _PLANS.clear()
    _PLANS[id(grammar)] = (grammar, steps)
    return steps


def _select(text: str, found: list[tuple[int, PeriodMention]]) -> list[PeriodMention]:
    """Longest wins; among equals the earlier, then the rule listed first."""
    found.sort(key=lambda c: (c[1].start - c[1].end, c[1].start, c[0]))
    taken = bytearray(len(text) + 1)
    chosen = []
    for _, mention in found:
        if 1 in taken[mention.start:mention.end]:
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    chosen.sort(key=lambda p: p.start)
    return chosen


_SINCE_BASES = {"date", "month", "year", "fuzzy", "quarter", "half", "relative_year", "months"}


def _since(text: str, mention: PeriodMention, grammar: _Grammar, prev_end: int) -> PeriodMention:
    """``since`` + a mention (or ``from`` + a date) -> an open ``since`` mention whose span includes the word."""
    window_start = max(prev_end, mention.start - 16)
    hit = grammar.since_before.search(text, window_start, mention.start)
    if hit is None and mention.kind == "date":
        # "from July 1, 2012" opens a change as "since" does, unless it opens a range of dates
        hit = grammar.from_before.search(text, window_start, mention.start)
        if hit is not None and _DATES_JOINED.match(text, mention.end) is not None:
            return mention
    if hit is None or mention.kind not in _SINCE_BASES:
        return mention
    if mention.kind == "relative_year" and dict(mention.detail).get("offset") is None:
        return mention
    part = dict(mention.detail).get("part")
    edge = "after_last" if part in ("late", "end") else "first"
    if mention.first is not None and mention.last is not None:
        start = mention.first if edge == "first" else mention.last + timedelta(days=1)
        detail: Detail = (("start", start),)
    else:
        detail = (("base_kind", mention.kind), ("base_detail", mention.detail), ("base_edge", edge))
    return PeriodMention(text=text[hit.start():mention.end], start=hit.start(), end=mention.end,
                         kind="since", detail=detail)


def _ending_quarter(text: str, mention: PeriodMention, grammar: _Grammar, prev_end: int) -> PeriodMention:
    """``the year to`` + a quarter -> the ``to_month`` stretch ending with the quarter's last month; ``the
    year to mid-2019`` -> the 12 months to June 2019."""
    if mention.kind not in ("quarter", "fuzzy"):
        return mention
    detail = dict(mention.detail)
    if mention.kind == "quarter":
        q = detail.get("quarter")
    elif detail.get("part") == "mid" and mention.last is not None:
        q = 2  # mid-year: the stretch ends with June
    else:
        return mention
    if q is None or "relative" in detail:
        return mention
    hit = grammar.ending_before.search(text, max(prev_end, mention.start - 60), mention.start)
    if hit is None:
        return mention
    n = 12 if hit.group("yr") else grammar.vocab.count(hit.group("nw"), hit.group("nd"))
    if not n or n > 36:
        return mention
    month = 3 * q
    first = last = None
    if mention.last is not None:
        last = mention.last
        fy, fm = _month_add(last.year, last.month, -(n - 1))
        first = date(fy, fm, 1)
    return _new_mention(text[hit.start():mention.end], hit.start(), mention.end, "to_month", first, last,
                        (("n_months", n), ("month", month), ("quarter", q)))


def _as_of(text: str, mention: PeriodMention, grammar: _Grammar, prev_end: int) -> PeriodMention:
    if mention.kind not in ("date", "fuzzy", "month"):
        return mention
    if grammar.as_of_before.search(text, max(prev_end, mention.start - 14), mention.start) is None:
        return mention
    return PeriodMention(text=mention.text, start=mention.start, end=mention.end, kind=mention.kind,
                         first=mention.first, last=mention.last, detail=(*mention.detail, ("as_of", True)))


_EDGE_OF = re.compile(r"(?i)\b(end|beginning|start)\s{1,3}of\s{1,3}(?:the\s{1,3})?\Z")
_EDGE_KINDS = frozenset({"quarter", "half", "month", "month_range"})


def _edge_of(text: str, mention: PeriodMention, grammar: _Grammar, prev_end: int) -> PeriodMention:
    """"At the end of the third quarter of 2022": the last day of the quarter, a stock's date (the grammar
    reads "at the end of 2024" itself)."""
    if mention.kind not in _EDGE_KINDS or mention.first is None or mention.last is None:
        return mention
    edge = _EDGE_OF.search(text, max(prev_end, mention.start - 24), mention.start)
    if edge is None or not grammar.vocab.point_before.search(text, max(prev_end, edge.start() - 16), edge.start()):
        return mention
    part = grammar.vocab.point_parts.get(edge.group(1).lower())
    day = mention.last if part == "last" else mention.first
    return _new_mention(text[edge.start():mention.end], edge.start(), mention.end, "date", day, day,
                        (("edge", part),))


def find_periods(text: str, *, patterns_dir: Path | None = None) -> list[PeriodMention]:
    """Every period mention in ``text``: sorted, non-overlapping, offsets into ``text``.

    >>> [(m.text, m.kind, m.first, m.last) for m in find_periods("by mid-2024")]
    [('mid-2024', 'fuzzy', datetime.date(2024, 1, 1), datetime.date(2024, 6, 30))]
    >>> [m.text for m in find_periods("compared to 9,900 during the same period last year")]
    ['same period last year']
    >>> [m.text for m in find_periods("The population reached 20 million as of May 1, 2025.")]
    ['May 1, 2025']
    >>> find_periods("aged 20 to 35, COVID-19, per 1.000 population, up to five years")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    grammar = _grammar(Path(patterns_dir) if patterns_dir is not None else None)
    chosen = _whole_month_ranges(text, _select(text, _candidates(text, grammar)))
    out: list[PeriodMention] = []
    prev_end = 0
    for mention in chosen:
        mention = _edge_of(text, _ending_quarter(text, mention, grammar, prev_end), grammar, prev_end)
        mention = _as_of(text, _since(text, mention, grammar, prev_end), grammar, prev_end)
        out.append(mention)
        prev_end = mention.end
    return out


_DATES_JOINED = re.compile(r"\s{0,3}(?:[-–—]|(?i:to|through|thru|till|until)\b)\s{0,3}")
_DATES_AND = re.compile(r",?\s{1,3}(?i:and)\s{1,3}")  # "between July 1, 2022, and July 1, 2023"
_BETWEEN_BEFORE = re.compile(r"(?i:between)\s{1,3}\Z")


def _whole_month_ranges(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """"1 January – 31 March 2025": two dates that open and close whole months are one month range;
    so are two first days ("between July 1, 2022, and July 1, 2023": the stretch between two stock
    dates, to the day before the second). A pass over the chosen mentions: a date-led alternative in
    the month-range rule would make its search stop at every digit of every window."""
    out: list[PeriodMention] = []
    i = 0
    while i < len(mentions):
        merged = _month_range_of(text, mentions[i], mentions[i + 1]) if i + 1 < len(mentions) else None
        out.append(merged or mentions[i])
        i += 2 if merged else 1
    return out


_SPAN_DAYS = 28  # two full dates a dash apart and at least this far apart are one stretch of time


def _dated_span(text: str, a: PeriodMention, b: PeriodMention) -> bool:
    """"21 March 2022 – 20 March 2023" (the Iranian year 1401): two full dates joined by a dash or "to" are the
    stretch between them, whole months or not (not "5 May – 10 May": days of a month stay dates)."""
    return a.first is not None and b.last is not None and (b.last - a.first).days >= _SPAN_DAYS \
        and _DATES_JOINED.fullmatch(text, a.end, b.start) is not None


def _month_range_of(text: str, a: PeriodMention, b: PeriodMention) -> PeriodMention | None:
    if a.kind != "date" or b.kind != "date" or b.first is None or b.first != b.last:
        return None
    last = b.last
    assert last is not None
    detail = dict(a.detail)
    month, day = (a.first.month, a.first.day) if a.first else (detail.get("month"), detail.get("day"))
    if day == 1 and last.day == 1 and "edge" not in dict(b.detail):
        last -= timedelta(days=1)  # from one stock date to the next: up to the day before it
    if (day != 1 or month is None or last != _month_end(last.year, last.month)) and not _dated_span(text, a, b):
        return None  # other day ranges stay two dates
    start = a.start
    if _DATES_JOINED.fullmatch(text, a.end, b.start) is None:
        between = _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start)
        if between is None or _DATES_AND.fullmatch(text, a.end, b.start) is None:
            return None  # "1 January and 31 March" without "between" is two dates
        start = between.start()
    first = a.first or date(last.year if month <= last.month else last.year - 1, month, 1)
    if first > last:
        return None
    return _new_mention(text[start:b.end], start, b.end, "month_range", first, last,
                        (("months", (first.month, last.month)),))

