"""Slot filling for the period: the time a value refers to, and the period a change compares with.

Own clause, then its sentence, then the list's lead-in, then the period in force.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from . import context
from .context import Resolved, make_period
from .segments import Sentence
from .spans import REACH, cheapest
from .types import (
    NumberMention,
    Period,
)

if TYPE_CHECKING:
    from .document import DocumentView

_MANY = 16
_COMPARED_BEFORE = re.compile(r"(?:compared (?:to|with)|than|against|versus|from)\s*(?:\w+\s+){0,2}$")


def period(run: DocumentView, v: NumberMention, sent: Sentence, values: list[NumberMention], breaks: list[int],
            resolved: list[Resolved], lead_resolved: list[Resolved], measure: str,
            evidence: list[str]) -> tuple[Period | None, Period | None]:
    if len(resolved) > _MANY:
        lo, hi = v.start - REACH, v.end + REACH
        main, refs = _main_and_references([r for r in resolved if lo <= r.mention.start and r.mention.end <= hi])
    else:
        main, refs = sentence_main_and_references(run, resolved)
    own = compared_level(run, v, refs, values) if measure == "level" else None
    chosen: Resolved | None = None
    if own is not None:
        main_interval = main[0].interval if main else context.in_force_interval(run)
        interval, _ = context.resolve(run, own.mention, in_force=main_interval, as_reference=True)
        if interval:
            evidence.append("period_compared")
            return make_period(own.mention, interval), None
    if main:
        chosen = cheapest(main, lambda r: run.attach_cost(r.mention.start, r.mention.end, v, breaks, values))
        evidence.append("period_sentence")
    else:
        lead_main = [r for r in lead_resolved if not r.reference and r.interval is not None]
        if lead_main:
            chosen = lead_main[-1]
            evidence.append("period_lead_in")
        elif context.in_force(run) is not None:
            chosen = context.in_force(run)
            evidence.append("period_line" if run.ctx.line_period else "period_frame")
    if chosen is not None and chosen.guessed:
        evidence.append("period_year_guessed")
    period = chosen.period() if chosen and chosen.interval else None
    if period is None:
        evidence.append("period_none")
    reference = None
    if measure == "change" and period is not None:
        pool = refs or [r for r in lead_resolved if r.reference]
        if pool:
            ref = cheapest(pool, lambda r: run.attach_cost(r.mention.start, r.mention.end, v, breaks, values))
            interval, _ = context.resolve(run, ref.mention, in_force=(period.first, period.last), as_reference=True)
            if interval:
                reference = make_period(ref.mention, interval)
                if period.first == period.last and interval[0] == interval[1] and interval[0] < period.first:
                    # a change in a stock between two dates covers the stretch between them
                    # ("up by 1.6 million compared with 1 January 2023" on 1 January 2024)
                    period = Period(period.text, period.start, period.end, interval[0],
                                    period.first - timedelta(days=1))
                    evidence.append("period_stretch")
    return period, reference


def sentence_main_and_references(run: DocumentView, resolved: list[Resolved]) -> tuple[list[Resolved], list[Resolved]]:
    """:func:`_main_and_references` of the current sentence's periods, worked out once for its values."""
    if run.main_refs[0] is not resolved:
        run.main_refs = (resolved, *_main_and_references(resolved))
    return run.main_refs[1], run.main_refs[2]


def compared_level(run: DocumentView, v: NumberMention, refs: list[Resolved],
                    values: list[NumberMention]) -> Resolved | None:
    """A level stated for the compared period: "compared to 9,900 during the same period last year",
    "than during the same period in 2024, when the figure stood at 4,800"."""
    for r in refs:
        m = r.mention
        if m.start >= v.end:
            head = run.text[max(0, v.start - 40):v.start].lower()
            if _COMPARED_BEFORE.search(head) and len(run.words_between(v.end, m.start)) <= 6 \
                    and not any(v.end <= o.start and o.end <= m.start for o in values):
                return r
        elif m.end <= v.start:
            between = run.text[m.end:v.start].lower()
            others = any(m.end <= o.start and o.end <= v.start for o in values)
            if not others and (between.strip() == "(" or len(between) < 60
                               and run.assembler.about_reference.search(between) is not None):
                return r  # "..., when the figure stood at 4,800", "compared with 1 January 2023 (447.6 million)"
    return None


def _main_and_references(nearby: list[Resolved]) -> tuple[list[Resolved], list[Resolved]]:
    """The resolved periods a value may take as its own, and the references it may be compared with."""
    if not nearby:
        return [], []
    return ([r for r in nearby if not r.reference and r.interval is not None],
            [r for r in nearby if r.reference])





