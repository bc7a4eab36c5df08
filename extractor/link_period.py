"""Slot filling for the period: the time a value refers to, and the period a change compares with.

Own clause, then its sentence, then the list's lead-in, then the period in force.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from . import annual_rate, context
from .context import Resolved, make_period
from .periods_grammar import _grammar
from .segments import Sentence
from .spans import REACH, cheapest, first_at
from .types import (
    IndicatorMention,
    NumberMention,
    Period,
    PeriodMention,
)

if TYPE_CHECKING:
    from .document import DocumentView

_MANY = 16
# Period words that name the moment the text speaks from ("now", "currently"), not a period of their own.
_NOW_KINDS = frozenset({"deictic"})
_AFTER_BEFORE = re.compile(r"\bafter\s*$")
_THEN_LEVEL = re.compile(r",?\s*(?:there\s+(?:were|was)|(?:the|this)\s+(?:figure|number|indicator|rate|level|"
                         r"population|total)\s+(?:was|were|stood\s+at|amounted\s+to|made)|it\s+(?:was|stood\s+at))\s*")
# the basis right after an index level: "103,6% compared to December 2023"
_COMPARED_AFTER = re.compile(r"\s*(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|against|to)\s+(?:the\s+)?")
# (not across "and": "made 100,3% compared to August and 103,6% compared to December 2023")
_COMPARED_BEFORE = re.compile(r"(?:compared (?:to|with)|than|against|versus|from|after|following)\s*"
                              r"(?:(?!and\s|while\s|but\s|whereas\s)[^\W\d]+\s+){0,5}$")


def period(run: DocumentView, v: NumberMention, sent: Sentence, values: list[NumberMention], breaks: list[int],
           resolved: list[Resolved], lead_resolved: list[Resolved], measure: str, info: dict[str, Any],
           evidence: list[str], indicator: IndicatorMention | None = None) -> tuple[Period | None, Period | None]:
    """The value's period and, for a change, the period it is compared with.

    Own clause and sentence first, then the list's lead-in, then the context in force. The form
    follows the indicator: a level of a stock is a point in time (the stock date in force, else the
    day after the interval in force); flows and changes are intervals (FACTS.md, "Stocks and flows").
    """
    if len(resolved) > _MANY:
        lo, hi = v.start - REACH, v.end + REACH
        first = bisect.bisect_left(resolved, lo, key=_mention_start)  # resolved are in text order
        last = bisect.bisect_right(resolved, hi, key=_mention_start)
        if last - first > 2 * _MANY:  # packed ("2019 1 2019 2 ..."): the nearest on each side will do
            mid = bisect.bisect_left(resolved, v.start, first, last, key=_mention_start)
            first, last = max(first, mid - _MANY), min(last, mid + _MANY)
        main, refs = _main_and_references([r for r in resolved[first:last] if r.mention.end <= hi])
    else:
        main, refs = sentence_main_and_references(run, resolved)
    own = compared_level(run, v, refs, values)  # "compared with a rise of 0.6% in March 2023": March 2023's
    if own is not None:
        main_interval = main[0].interval if main and main[0].interval else \
            _set_against(run, info) or context.in_force_interval(run)
        interval, _ = context.resolve(run, own.mention, in_force=main_interval, as_reference=True)
        if interval:
            evidence.append("period_compared")  # "down from 2.2% in October": October's own rate
            compared = make_period(own.mention, interval)
            if info.get("kind") == "index":
                compared = annual_rate.twelve_months(run, v, sent, compared, evidence, indicator)
            return compared, None
    # A stock counted at a moment (population) is dated at a day; survey stocks (the employed) cover
    # their month or quarter, and rates of a stock are not counts of it.
    stock = (info.get("kind") == "stock" and not info.get("survey") and (
        measure == "level" and v.unit in (None, "person", "count") or measure == "share")
        or _rate_of_a_stock(run, info, measure)) \
        and not _AVERAGED.search(run.text, max(sent.start, v.start - 120), v.start)  # "averaged 52.8 thousand"
    chosen: Resolved | None = None
    if len(values) > 1 and main:
        main = _bracketed(run, v, main, values, sent)
        if not (len(main) == 1 and _own_bracket(run, v, main[0], sent)):
            # "made 0,8% compared with the previous month, 2,0% since December 2020 and 6,1% in annual terms":
            # a period trailing another value, or past it, is that value's; the value takes the one in force
            main = [r for r in main if not _trails_other_value(run, r, v, values)]
    if main:
        if stock:  # a stock's level is at a day: "36,286,400 on October 1, 2016, up 130,300 from July 1"
            main = [r for r in main if r.interval is not None and r.interval[0] == r.interval[1]] or main
        elif measure == "change" and info.get("kind") == "stock":  # its change over a stretch: "increased
            # by 23.4 thousand in January-June and as of July 1 made 10,179.4 thousand"
            main = [r for r in main if r.interval is not None and r.interval[0] != r.interval[1]] or main
        if len(main) > 1:  # "In March prices rose by 1,7%, since the beginning of the year – by 4,1%"
            main = [r for r in main if not _heads_later_value(run, r, v, values, breaks)] or main
        elif v.end <= main[0].mention.start and _heads_later_value(run, main[0], v, values, breaks):
            main = []  # "made 11,9 (in January-June 2022 - 12,6)": the bracket's period is its own value's, as is
            # the next clause's ("deflation of 0,09 percent, and the year to date inflation was 1,37 percent")
    if main:
        chosen = cheapest(main, lambda r: run.attach_cost(r.mention.start, r.mention.end, v, breaks, values))
        evidence.append("period_sentence")
        if len(main) > 1 and any(r.interval != chosen.interval for r in main):
            evidence.append("period_contested")  # other periods of the sentence could be the value's
        if stock and chosen.mention.kind in _NOW_KINDS and context.in_force(run) is not None:
            chosen = None  # "the population now stands at 318,000": the stock date the text is at
            evidence.pop()
    elif lead_resolved:
        lead_main = [r for r in lead_resolved if not r.reference and r.interval is not None]
        if lead_main:
            chosen = lead_main[-1]
            evidence.append("period_lead_in")
    period = None
    if chosen is None and stock:
        period = _stock_date_in_force(run, evidence)
    elif chosen is None and context.in_force(run) is not None:
        chosen = context.in_force(run)
        evidence.append("period_line" if run.ctx.line_period else "period_frame")
        chosen = _flow_stretch(run, chosen, info, measure)
    elif chosen is None and run.ctx.stock_date is not None:
        chosen = run.ctx.stock_date  # no interval stated anywhere: the date the text is at
        evidence.append("period_stock_date")
        chosen = _flow_stretch(run, chosen, info, measure)
    if chosen is not None:
        if chosen.guessed:
            evidence.append("period_year_guessed")
        period = chosen.period() if chosen.interval else None
        if period is not None and measure == "change":
            period = _since_date(run, chosen, period, evidence)
        edge = at_edge(chosen.mention, period) if stock and measure == "level" and period is not None else None
        if edge is not None:
            period = edge  # "(persons; end of June 2016)": a stock at the edge's day
            evidence.append("period_stock_edge")
        elif period is not None and stock and period.first != period.last and measure == "level":
            # "grew by 2.2 percent to 1.7 million between July 1, 2016, and July 1, 2017": a stock's level
            # stated with a stretch is at the day after it (FACTS.md, "Stocks and flows")
            after = period.last + timedelta(days=1)
            period = Period(period.text, period.start, period.end, after, after)
            evidence.append("period_stock_after")
    if period is not None and chosen is not None and info.get("kind") == "index" and chosen.mention.kind == "since" \
            and _SINCE_MONTH.match(chosen.mention.text) and period.first.day == 1 and period.first.month == 12:
        # a price index "since December 2020" is compared with December's level: the change runs from January
        # ("since January" runs from January: FACTS.md)
        after = period.first + timedelta(days=32)
        period = Period(period.text, period.start, period.end, after.replace(day=1), period.last)
        evidence.append("period_since_month")
    between = _between_two(run, chosen, period) if info.get("kind") == "index" and measure == "change" else None
    if between is not None:
        evidence.append("period_between")  # "the CPI rose by 0.2% between August and September 2016"
        return between
    if period is not None and info.get("kind") == "index" and (chosen is None or chosen.mention.kind != "since") and (
            measure == "change" or "contribution" in evidence or measure == "level" and "unit_index" not in evidence):
        # ("so far this year the increase reached 22.8%": the stretch it names, never twelve months)
        # (an index's own level in points, "the CPI of 108,73", is the month's, whatever the rate beside it)
        period = annual_rate.twelve_months(run, v, sent, period, evidence, indicator)
        if "period_annual_rate" not in evidence and measure == "change" and (
                "period_sentence" not in evidence  # the stretch in force, or "On the month" read as a period
                or (chosen is not None and run.assembler.monthly_words.search(chosen.mention.text.lower()))):
            period = annual_rate.last_month(run, v, sent, period, evidence)
    # a stock counted at dates (population): its change between two dates is the stretch between them;
    # a survey stock's change keeps its month or quarter (ca_employment: "on a year-over-year basis")
    if period is not None and measure == "change" and info.get("kind") == "stock" and not info.get("survey") \
            and "period_sentence" not in evidence:
        period = annual_rate.named_stretch(run, v, sent, period, evidence)
    if period is not None and "period_sentence" not in evidence and "period_compared" not in evidence \
            and _AFTER_BEFORE.search(run.text, max(0, v.start - 8), v.start):
        period = _stretch_before(period)  # "(+0.6% after +0.1%)": the figure of the stretch before
        evidence.append("period_after")
    if period is not None and measure == "level" and info.get("kind") == "index" and v.unit == "percent" and refs:
        # "CPI in September 2019 in comparison with December 2018 made 103,4%": the index level of the year so far
        before = [r for r in refs if r.interval is not None and (r.mention.end <= v.start or (
            r.mention.start >= v.end and _COMPARED_AFTER.fullmatch(run.text, v.end, r.mention.start)))]
        # ("103,6% compared to December 2023": the basis right after the value)
        if before and before[-1].period() is not None:
            period = annual_rate.against_december(period, before[-1].period(), evidence)
            if "period_since_december" not in evidence:  # "compared to June 2022 - 111,0 percent"
                period = annual_rate.against_a_year_earlier(period, before[-1].period(), evidence)
    if period is None:
        evidence.append("period_none")
    reference = None
    if measure == "change" and period is not None and "period_since" not in evidence:
        period, reference = _reference(run, v, values, breaks, refs, lead_resolved, period, evidence)
        if reference is not None and info.get("kind") == "index" and not any(
                min(v.end, reference.end) <= o.start and o.end <= max(v.start, reference.start) for o in values):
            # (a month compared with another value's, "3.6% in October, following a 4.0% gain in
            # September", says nothing of the basis)
            period = annual_rate.against_the_stretch_before(period, reference, evidence)
            period = annual_rate.against_december(period, reference, evidence)
        if reference is not None and info.get("kind") == "index" and "period_annual_rate" not in evidence \
                and not annual_rate.said_monthly(run, v, sent, reference):
            period = annual_rate.against_a_year_earlier(period, reference, evidence)
    return period, reference


_BETWEEN = re.compile(r"(?i)between\s")
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+(?:the\s+)?\Z")


def _between_two(run: DocumentView, chosen: Resolved | None, period: Period | None) -> tuple[Period, Period] | None:
    """A price index's change "between August and September 2016" is September's against August's level:
    the later month or quarter, with the earlier as its reference (a stock's change between two dates is
    the stretch between them)."""
    if chosen is None or period is None or not (_BETWEEN.match(chosen.mention.text) or _BETWEEN_BEFORE.search(
            run.text, max(0, chosen.mention.start - 14), chosen.mention.start)):
        return None
    detail = dict(chosen.mention.detail)
    step = 3 if "quarters" in detail else 1 if chosen.mention.kind == "month_range" else None
    if step is None:
        return None
    if annual_rate.months(period.first, period.last) < 2 * step:
        return None
    first = period.first
    after = first.replace(year=first.year + (first.month - 1 + step) // 12, month=(first.month - 1 + step) % 12 + 1)
    later = Period(period.text, period.start, period.end, annual_rate.months_back(period.last, step), period.last)
    return later, Period(period.text, period.start, period.end, first, after - timedelta(days=1))


def _flow_stretch(run: DocumentView, chosen: Resolved, info: dict[str, Any], measure: str) -> Resolved:
    """A flow's or a change's stretch where the text is at a day: wages after "As of October 1, the number of
    employees ..." are still the stretch's; "Last year 40 592 babies were born" makes the year the flows'."""
    if chosen.interval is not None and chosen.interval[0] == chosen.interval[1] and (
            info.get("kind") in ("money", "event", "flow", "balance") or measure == "change") \
            and (before := context.stretch_before(run, chosen, stated_only=info.get("kind") == "flow"
                                                  and measure != "change")) is not None:
        return before
    if chosen.interval is not None and chosen.interval[0] == chosen.interval[1] \
            and info.get("kind") in ("event", "flow") and chosen.mention.kind != "deictic":
        # "At the end of 2016 the canton had 1,504,346 residents ... 17,542 babies were born": with no stretch
        # stated, births and arrivals are the year's that ends that day; births, too, before a 1 January (migrants
        # "working abroad as of 1 January" are counted that day, whatever their key)
        day = chosen.interval[0]
        if (day.month, day.day) == (12, 31):
            return replace(chosen, interval=(date(day.year, 1, 1), day), made=None)
        if (day.month, day.day) == (1, 1) and info.get("kind") == "event":
            return replace(chosen, interval=(date(day.year - 1, 1, 1), date(day.year - 1, 12, 31)), made=None)
    return chosen


def _set_against(run: DocumentView, info: dict[str, Any]) -> tuple[date, date] | None:
    """The period of the value this one is set against in its sentence ("6.3 per thousand, compared with
    15.9 per thousand a year earlier"): a stock's day, or for anything else the year that day ends."""
    prev = run.ctx.prev_fact.period if run.ctx.prev_fact is not None else None
    if prev is None:
        return None
    if prev.first == prev.last and info.get("kind") != "stock":
        return date(prev.last.year, 1, 1), date(prev.last.year, 12, 31)
    return prev.first, prev.last


def at_edge(m: PeriodMention, period: Period) -> Period | None:
    """The day "the beginning of 2024" or "end-2024" falls on (``point_parts`` in periods.yaml), for a
    stock counted then; None for any other period."""
    part = dict(m.detail).get("part") if m.kind == "fuzzy" else None
    edge = _grammar(None).vocab.point_parts.get(part) if isinstance(part, str) else None
    if edge is None:
        return None
    day = period.last if edge == "last" else period.first
    return Period(period.text, period.start, period.end, day, day)


def _rate_of_a_stock(run: DocumentView, info: dict[str, Any], measure: str) -> bool:
    """Whether a level is a rate of a stock counted at a date (the registered unemployment rate: the
    registered unemployed over the labour force) in a text at a stated date, dated like the stock; a
    survey's rate covers its month or quarter, and a rate with no date in force its interval."""
    counted = info.get("counted")
    if measure != "level" or info.get("kind") != "rate" or counted is None or run.ctx.stock_date is None:
        return False
    of = run.indicator_info(counted)
    return of.get("kind") == "stock" and not of.get("survey")


def _stock_date_in_force(run: DocumentView, evidence: list[str]) -> Period | None:
    """A stock's level with no date of its own: the stock date in force ("As of July 1, 2014, ..."),
    else the day after the interval in force ("now stands at 318,000" after January–August figures)."""
    if run.ctx.stock_date is not None and run.ctx.stock_date.interval is not None:
        evidence.append("period_stock_date")
        return run.ctx.stock_date.period()
    current = context.in_force(run)
    if current is None or current.interval is None:
        return None
    first, last = current.interval
    if first == last:
        evidence.append("period_stock_date")
        return current.period()
    evidence.append("period_stock_after")
    m = current.mention
    day = last + timedelta(days=1)
    return Period(m.text, m.start, m.end, day, day)


def _since_date(run: DocumentView, chosen: Resolved, period: Period, evidence: list[str]) -> Period:
    """A change "from April 1" or "since 1 January" in a text at a later stock date runs from that date
    to the day before the stock date (FACTS.md: no reference period then)."""
    if chosen.mention.kind != "date" or period.first != period.last:
        return period
    before = run.text[max(0, chosen.mention.start - 12):chosen.mention.start].lower().split()
    if not before or before[-1] not in run.ws["since_words"]:
        return period
    stock = run.ctx.stock_date
    later = [r.interval[0] for r in run.here_resolved if r.interval and r.mention.kind == "date"
             and r.interval[0] > period.first]
    end = min(later) if later else (stock.interval[0] if stock is not None and stock.interval else None)
    if end is None or end <= period.first:
        return period
    evidence.append("period_since")
    return Period(period.text, period.start, period.end, period.first, end - timedelta(days=1))


def _reference(run: DocumentView, v: NumberMention, values: list[NumberMention], breaks: list[int],
               refs: list[Resolved], lead_resolved: list[Resolved], period: Period,
               evidence: list[str]) -> tuple[Period, Period | None]:
    """The period a change compares with: a reference in its sentence, else in its list's lead-in."""
    pool = refs or [r for r in lead_resolved if r.reference]
    if not pool:
        return period, None
    ref = cheapest(pool, lambda r: run.attach_cost(r.mention.start, r.mention.end, v, breaks, values))
    interval, _ = context.resolve(run, ref.mention, in_force=(period.first, period.last), as_reference=True)
    if not interval:
        return period, None
    reference = make_period(ref.mention, interval)
    stock_date = run.ctx.stock_date.period() if run.ctx.stock_date is not None else None
    if interval[0] == interval[1] and period.first != period.last and stock_date is not None \
            and stock_date.first > interval[0]:
        # FACTS.md: a change compared with the level at an earlier date is measured at the stock's date
        # ("Compared with October 1, 2015, the population grew by 437,500", as of October 1, 2016)
        period = stock_date
        evidence.append("period_stock_date")
    return period, reference


def sentence_main_and_references(run: DocumentView, resolved: list[Resolved]) -> tuple[list[Resolved], list[Resolved]]:
    """:func:`_main_and_references` of the current sentence's periods, worked out once for its values."""
    if run.main_refs[0] is not resolved:
        run.main_refs = (resolved, *_main_and_references(resolved))
    return run.main_refs[1], run.main_refs[2]


def _stretch_before(period: Period) -> Period:
    """The stretch of the same length that ends the day before ``period`` begins: a month, quarter or
    year before for whole months, else as many days."""
    months = annual_rate.months(period.first, period.last)
    last = period.first - timedelta(days=1)
    if months and period.first.day == 1:
        first = annual_rate.months_back(last, months)
    else:
        first = last - (period.last - period.first)
    return Period(period.text, period.start, period.end, first, last)


def compared_level(run: DocumentView, v: NumberMention, refs: list[Resolved],
                    values: list[NumberMention]) -> Resolved | None:
    """A value stated for the compared period, a level or that period's own change: "compared to 9,900
    during the same period last year", "than during the same period in 2024, when the figure stood at
    4,800", "compared with a rise of 0.6% in March 2023"."""
    for r in refs:
        m = r.mention
        if m.start >= v.end:
            head = run.text[max(0, v.start - 60):v.start].lower()
            between = run.words_between(v.end, m.start)
            if _COMPARED_BEFORE.search(head) and len(between) <= 6 and (
                    "respectively" in between  # "compared with 14.5% and 14.3% respectively in the previous month"
                    or not _value_between(values, v.end, m.start)):
                return r
        elif m.end <= v.start:
            between = run.text[m.end:v.start].lower()
            others = _value_between(values, m.end, v.start)
            if not others and (between.strip() == "(" or _THEN_LEVEL.fullmatch(between) is not None
                               or len(between) < 60 and run.assembler.about_reference.search(between) is not None):
                # "a year earlier there were 17.28 million", "A year earlier the figure was 1.78million"
                return r  # "..., when the figure stood at 4,800", "compared with 1 January 2023 (447.6 million)"
    return None


def _heads_later_value(run: DocumentView, r: Resolved, v: NumberMention, values: list[NumberMention],
                       breaks: list[int]) -> bool:
    """Whether a period after the value opens a clause with a value of its own: it is that value's."""
    m = r.mention
    if m.start < v.end:
        return False
    i = first_at(values, m.end)
    if i == len(values) or values[i].start - m.end > _HEAD_REACH:
        return False
    k = bisect.bisect_left(breaks, v.end)  # a clause break (or a bracket) between the value and the period ...
    opens = k < len(breaks) and breaks[k] <= m.start or "(" in run.text[v.end:m.start]  # "12,2 (in 2015 - 12,6)"
    return opens and _COMMA_OR_STOP.search(run.text, m.end, values[i].start) is None  # ... none after it


def _trails_other_value(run: DocumentView, r: Resolved, v: NumberMention, values: list[NumberMention]) -> bool:
    """Whether another value stands between the value and the period, or right before the period."""
    m = r.mention
    if m.start >= v.end:
        i = first_at(values, v.end)
        if i < len(values) and _OPEN_BRACKET.fullmatch(run.text, v.end, values[i].start):
            i += 1  # "624,100 people (2.4%) over the past year": the bracket (or "or") restates the value
        return i < len(values) and values[i].end <= m.start
    if m.end <= v.start:
        # "Since the beginning of the year prices have increased by 3.9%, and in annual terms inflation slowed
        # to 6.5%": a period that heads another value, with a clause break between it and this one
        # ... when this one's clause states its own basis ("in annual terms")
        j = first_at(values, m.end)
        if j < len(values) and values[j] is not v and values[j].end <= v.start \
                and (joint := _CLAUSE_AND.search(run.text, values[j].end, v.start)) is not None:
            own = run.text[joint.end():v.start].lower()
            if run.assembler.annual_words.search(own) or run.assembler.monthly_words.search(own):
                return True
        if j < len(values) and values[j] is v and v.start - m.end <= _TRAIL_GAP + 3:
            return False  # "(in January-September 2015 - 12,6)": the period heads this value
    i = first_at(values, m.start) - 1  # the last value starting before the period
    if i < 0 or values[i] is v or values[i].end > m.start:
        return False
    # ("12,2 (in January-September 2015 - 12,6)": a bracket may open between them)
    return m.start - values[i].end <= _TRAIL_GAP + 6 and _TRAIL_BETWEEN.fullmatch(run.text, values[i].end, m.start) \
        is not None and (m.start - values[i].end <= _TRAIL_GAP or "(" in run.text[values[i].end:m.start])


_HEAD_REACH = 30
_CLAUSE_AND = re.compile(r"[,;]\s+(?:and|while|whereas|but)\s")
_AVERAGED = re.compile(r"(?i)\baverag(?:ed|ing)\b|\baverage\s+(?:annual\s+|monthly\s+)?(?:number|level)\b")
_SINCE_MONTH = re.compile(r"(?i)since\s+(?:the\s+end\s+of\s+)?"
                          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(?:19|20)\d\d)?\Z")
_TRAIL_GAP = 3  # "2,0% since December 2020": the period right after its value
_TRAIL_BETWEEN = re.compile(r"\s*(?:\(\s*(?:in|for)?\s*)?")
_COMMA_OR_STOP = re.compile(r"[,;.]\s")
_OPEN_BRACKET = re.compile(r"(?:\s+[A-Za-z]+)?(?:\s*[(\[]|,?\s+or)\s*")  # "(2.4%)", ", or $246.4 billion,"


def _bracket_around(text: str, lo: int, start: int, end: int) -> tuple[int, int] | None:
    """The bracket that holds [start, end), looking back no further than lo."""
    opened = text.rfind("(", lo, start)
    if opened < 0 or text.rfind(")", lo, start) > opened:
        return None
    closed = text.find(")", end, end + REACH)
    return (opened, closed) if closed >= 0 else None


def _own_bracket(run: DocumentView, v: NumberMention, r: Resolved, sent: Sentence) -> bool:
    """Whether the value and the period stand in the same bracket: "(in January-June 2023 – 47,1% and 52,9%
    respectively)"."""
    lo = max(sent.start, v.start - REACH)
    around = _bracket_around(run.text, lo, v.start, v.end)
    return around is not None and around[0] < r.mention.start and r.mention.end <= v.start


def _bracketed(run: DocumentView, v: NumberMention, main: list[Resolved], values: list[NumberMention],
               sent: Sentence) -> list[Resolved]:
    """A value in a bracket that names its period takes that period; a bracket's period with a value of its
    own is not one outside it: "the birth rate made 10,0 (in January-September 2016 – 10,7), the death rate
    – 15,0"."""
    lo = max(sent.start, v.start - REACH)
    own = [r for r in main if _own_bracket(run, v, r, sent)]
    if own:
        return own[-1:]
    kept, bracketed = [], []
    for r in main:
        around = _bracket_around(run.text, lo, r.mention.start, r.mention.end)
        if around is not None and not (around[0] < v.start < around[1]) \
                and _value_between(values, around[0], around[1]):
            bracketed.append(r)
        else:
            kept.append(r)
    earlier = bracketed[-1] if bracketed and bracketed[-1].mention.end < v.start else None
    if earlier is not None and _BARE_BRACKET.fullmatch(run.text, max(lo, v.start - 3), v.end + 3):
        return [earlier]  # "..., the death rate – 15,0 (15,4)": a bare bracket after one that named its period
    return kept


_BARE_BRACKET = re.compile(r".{0,2}\(\s?[-+−]?[\d.,\s]+%?\s?\).{0,2}", re.DOTALL)


def _mention_start(r: Resolved) -> int:
    return r.mention.start


def _value_between(values: list[NumberMention], lo: int, hi: int) -> bool:
    """Whether one of the sentence's values (in text order) lies within [lo, hi]: a bisection, not a scan."""
    i = first_at(values, lo)
    return i < len(values) and values[i].end <= hi


def _main_and_references(nearby: list[Resolved]) -> tuple[list[Resolved], list[Resolved]]:
    """The resolved periods a value may take as its own, and the references it may be compared with."""
    if not nearby:
        return [], []
    return ([r for r in nearby if not r.reference and r.interval is not None],
            [r for r in nearby if r.reference])





