"""A price index's rate of change: over the 12 months ending with its month or quarter, or over the
month or quarter itself.

FACTS.md, "Stocks and flows": ``annual inflation was 6.1% in October 2023`` is a change over
2022-11-01..2023-10-31; ``0.3% on the month`` covers October. Which one a value is comes from the
words nearest to it (``annual_rate_words`` and ``monthly_rate_words`` in ``patterns/facts.yaml``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .segments import Sentence
from .types import IndicatorMention, NumberMention, Period

if TYPE_CHECKING:
    from .document import DocumentView


def twelve_months(run: DocumentView, v: NumberMention, sent: Sentence, period: Period,
                  evidence: list[str], indicator: IndicatorMention | None = None) -> Period:
    """``period`` stretched to the 12 months ending with it when the value is an annual rate and
    ``period`` is one month or one quarter; otherwise ``period`` as it is. With no rate word in the
    sentence, the indicator's own words decide ("EU at 2.0%" under "annual inflation")."""
    n = months(period.first, period.last)
    if period.first.day != 1 or n not in (1, 3) and not _year_to_date(run, period, n):
        return period
    basis = _annual(run, v, sent, indicator)
    if not basis or n not in (1, 3) and basis != "words":
        return period  # "In annual terms, bread went up by 19,4%" in a January-June release: June's annual rate
    first = months_back(period.last, 12)
    evidence.append("period_annual_rate")
    if basis in ("paragraph", "document"):
        evidence.append("period_rate_in_force")  # not the value's own words: a comparison may say otherwise
    return Period(period.text, period.start, period.end, first, period.last)


def _annual(run: DocumentView, v: NumberMention, sent: Sentence, indicator: IndicatorMention | None) -> str:
    """Why the value is an annual rate ("" when it is not): the words nearest the value say annual
    rather than monthly; with neither, the indicator's words do, or mean an annual rate by themselves
    ("inflation"); else the paragraph's last rate words, else the document's first ones."""
    text = run.text[sent.start:sent.end].lower()
    at = v.start - sent.start
    annual = _nearest(run.assembler.annual_words, text, at)
    monthly = _nearest(run.assembler.monthly_words, text, at)
    if annual is None and monthly is None and run.ctx.doc_rate_basis is None and _against_month_before(run):
        # "prices rose by 0.7% in April 2022 compared with March": the release's first rate is monthly
        run.ctx.doc_rate_basis = False
        run.ctx.rate_basis = (sent.line, False)
        if sent.first_in_line:
            run.ctx.opening_basis = (sent.line, False)
    if annual is not None or monthly is not None:
        verdict = monthly is None or (annual is not None and annual < monthly)
        run.ctx.rate_basis = (sent.line, verdict)
        if sent.first_in_line:
            run.ctx.opening_basis = (sent.line, verdict)
        if run.ctx.doc_rate_basis is None:
            run.ctx.doc_rate_basis = verdict
        return "words" if verdict else ""
    if sent.list_item and sent.lead_in is not None:
        lead = run.doc.sentences[sent.lead_in]
        lead_text = run.text[lead.start:lead.end].lower()
        lead_annual = _last_end(run.assembler.annual_words, lead_text)
        lead_monthly = _last_end(run.assembler.monthly_words, lead_text)
        if lead_annual >= 0 or lead_monthly >= 0:
            # "Monthly inflation was mainly driven by ...:" / "Annual inflation was mostly affected by ...:"
            return "words" if lead_annual > lead_monthly else ""
    own = indicator.text.lower() if indicator is not None and not (sent.start <= indicator.start < sent.end) else ""
    if own and (run.assembler.annual_words.search(own) or run.assembler.annual_by_default.search(own)):
        return "indicator"
    if run.ctx.rate_basis is not None and run.ctx.rate_basis[0] == sent.line \
            and all(r.reference for r in run.here_resolved):
        return "paragraph" if run.ctx.rate_basis[1] else ""  # "The rise for capital goods was 7.2%" after
        # "... than a year before"
    said = _said_before(run, sent) if all(r.reference for r in run.here_resolved) else None
    if said is not None:  # "Compared with the previous month, prices fell. The drop was 2.6%"
        return "paragraph" if said else ""
    if run.assembler.annual_by_default.search(text) is not None:
        return "indicator"
    if run.ctx.opening_basis is not None and run.ctx.opening_basis[0] == sent.line - 1 and sent.first_in_line \
            and all(r.reference for r in run.here_resolved):
        # "Over the month, food prices rose by 0,85%. // Among food products, the largest increases were for
        # vegetables (+5,62%)": a paragraph that goes on with the one before keeps the words it opened with
        return "paragraph" if run.ctx.opening_basis[1] else ""
    # A release that headlines the annual rate ("rose 3.1% year over year in October") means it where it
    # does not say ("Excluding gasoline, the CPI rose 3.6%"); a monthly rate is said so each time. An
    # index's level ("the CPI stood at 133.0") is the month's.
    return "document" if run.ctx.doc_rate_basis and v.unit == "percent" else ""


def _against_month_before(run: DocumentView) -> bool:
    """Whether the sentence sets a month (or quarter) against the one just before it."""
    resolved = run.here_resolved
    mains = [r.interval for r in resolved if not r.reference and r.interval and months(*r.interval) in (1, 3)]
    refs = [r.interval for r in resolved if r.reference and r.interval and months(*r.interval) in (1, 3)]
    return any(ref[1] + timedelta(days=1) == main[0] and months(*ref) == months(*main)
               for main in mains for ref in refs)


def _said_before(run: DocumentView, sent: Sentence) -> bool | None:
    """Whether the last rate words of the paragraph before the sentence say annual (None: none)."""
    lo = max(run.text.rfind("\n", 0, sent.start) + 1, sent.start - _WINDOW)
    if lo >= sent.start:
        return None
    before = run.text[lo:sent.start].lower()
    annual = _last_end(run.assembler.annual_words, before)
    monthly = _last_end(run.assembler.monthly_words, before)
    if annual < 0 and monthly < 0:
        return None
    return annual > monthly


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end


def last_month(run: DocumentView, v: NumberMention, sent: Sentence, period: Period, evidence: list[str]) -> Period:
    """The month (or quarter) ending the 12-month stretch in force when the words nearest the value
    say the rate is monthly: "The CPI rose by 0.6% on the month" under "... in the 12 months to March
    2024" covers March 2024."""
    n = months(period.first, period.last)
    if n != 12 and not _year_to_date(run, period, n):
        return period
    lo = max(sent.start, v.start - _WINDOW)  # a window, not the sentence: bounded work per value
    text = run.text[lo:min(sent.end, v.end + _WINDOW)].lower()
    at = v.start - lo
    monthly = _nearest_match(run.assembler.monthly_words, text, at)
    annual = _nearest(run.assembler.annual_words, text, at)
    if n != 12 and monthly is not None and monthly[1].startswith("since"):
        return period  # "since the beginning of the year": the stretch itself
    if monthly is None and n != 12 and annual is None and run.ctx.opening_basis == (sent.line, False) \
            and all(r.reference for r in run.here_resolved):
        # "Over the month, prices for food rose by 0,6%. Non-food products rose in price by 0,2%": the
        # paragraph opened with the month's rate, under a January-June release
        monthly = (0, "month")
    if monthly is None or (annual is not None and annual <= monthly[0]):
        return period
    evidence.append("period_monthly_rate")
    first = months_back(period.last, 3 if "quarter" in monthly[1] else 1)
    return Period(period.text, period.start, period.end, first, period.last)


def _year_to_date(run: DocumentView, period: Period, n: int) -> bool:
    """A stretch from January to a later month of the same year ("January-June 2017"), not one the
    sentence states with "since" ("2,0% since December 2020", "Since the beginning of the year")."""
    return 1 < n < 12 and period.first.month == 1 and period.first.day == 1 and not any(
        r.mention.kind == "since" and not r.reference for r in run.here_resolved)


def named_stretch(run: DocumentView, v: NumberMention, sent: Sentence, period: Period, evidence: list[str]) -> Period:
    """A change named annual or quarterly just before it ("The annual growth rate was 2.5%") covers
    the 12 or 3 months ending with the month or quarter in force, when that is shorter."""
    lo = max(sent.start, v.start - _NAMED_REACH)
    text = run.text[lo:v.start].lower()
    n = 12 if run.assembler.annual_change.search(text) else 3 if run.assembler.quarterly_change.search(text) else 0
    prev = run.ctx.prev_fact
    if not n and "direction_listed" in evidence and prev is not None and prev.period is not None \
            and prev.period.last == period.last:
        # "the fastest annual growth rate at 3.3%, followed by Queensland (2.6%) and Victoria (2.4%)": a
        # listed item's stretch is that of the item before it
        n = months(prev.period.first, prev.period.last) or 0
    have = months(period.first, period.last)
    if not n or not have or have >= n or period.first.day != 1:
        return period
    evidence.append("period_named_stretch")
    return Period(period.text, period.start, period.end, months_back(period.last, n), period.last)


def said_monthly(run: DocumentView, v: NumberMention, sent: Sentence, reference: Period) -> bool:
    """Whether a monthly word is nearer the value than the reference it is compared with, or than any
    annual word ("rose by 8.1% on March 2022 and by 0.1% on the month")."""
    text = run.text[sent.start:sent.end].lower()
    at = v.start - sent.start
    monthly = _nearest(run.assembler.monthly_words, text, at)
    if monthly is None:
        return False
    annual = _nearest(run.assembler.annual_words, text, at)
    to_reference = reference.start - v.end if reference.start >= v.end else v.start - reference.end
    return (annual is None or monthly < annual) and monthly < to_reference


def _nearest(pattern: re.Pattern[str], text: str, at: int) -> int | None:
    """Distance in characters from ``at`` to the nearest match of ``pattern`` (after the value counts
    a little more: "0.3% on the month" and "annual inflation was 6.1%" are both near)."""
    found = _nearest_match(pattern, text, at)
    return found[0] if found is not None else None


def _nearest_match(pattern: re.Pattern[str], text: str, at: int) -> tuple[int, str] | None:
    """The distance to the nearest match of ``pattern`` and its words."""
    best = None
    for m in pattern.finditer(text):
        distance = max(at - m.end() if m.end() <= at else m.start() - at, 0)
        if m.end() <= at and _NEXT_ITEM.search(text, m.end(), at + 1):
            # "by 0,9 percent compared to previous month and by 7,1 percent compared to the same month of
            # previous year": the words before "and" are the first value's; the second's follow it
            distance += _WINDOW
        if best is None or distance < best[0]:
            best = (distance, m.group(0))
    return best


_WINDOW = 200  # characters around a value searched for its rate words
_NEXT_ITEM = re.compile(r"\s(?:and|while|whereas)\s+(?:by\s+)?[-+]?\d|;")
_NAMED_REACH = 50  # "The annual growth rate was 2.5%": the word names the value's own phrase


def months(first: date, last: date) -> int:
    """How many whole calendar months first..last covers (0 when it is not whole months)."""
    if (last + timedelta(days=1)).day != 1:
        return 0
    return (last.year - first.year) * 12 + last.month - first.month + 1


def months_back(last: date, n: int) -> date:
    """The first day of the stretch of ``n`` whole months ending with ``last``'s month."""
    month = last.month - n + 1
    year = last.year
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def against_the_stretch_before(period: Period, reference: Period, evidence: list[str]) -> Period:
    """An annual rate assumed from the paragraph or the document is a monthly one when the value is
    compared with the month (or quarter) just before ("Compared with February 2023, they fell by 6.9%")."""
    inferred = "period_rate_in_force" in evidence or "period_sentence" not in evidence  # not the value's own words
    if not inferred or months(period.first, period.last) != 12:
        return period
    n = months(reference.first, reference.last)
    if n not in (1, 3) or reference.last + timedelta(days=1) != months_back(period.last, n):
        return period
    if "period_annual_rate" in evidence:
        evidence.remove("period_annual_rate")
    evidence.append("period_monthly_rate")
    return Period(period.text, period.start, period.end, months_back(period.last, n), period.last)


def against_december(period: Period, reference: Period, evidence: list[str]) -> Period:
    """A price index's month compared with December of the year before ("CPI in September 2019 in comparison
    with December 2018 made 103,4%") covers the year so far: January to that month (also when a release's
    annual basis had stretched it to 12 months)."""
    if months(period.first, period.last) not in (1, 12) or period.last.month == 1:
        return period
    if (reference.first.month, reference.first.year, months(reference.first, reference.last)) != \
            (12, period.last.year - 1, 1):
        return period
    evidence.append("period_since_december")
    return Period(period.text, period.start, period.end, date(period.last.year, 1, 1), period.last)


def against_a_year_earlier(period: Period, reference: Period, evidence: list[str]) -> Period:
    """A price index's month compared with the same month a year earlier ("+7.5% on March 2022") is
    its annual rate: the 12 months ending with the month."""
    n = months(period.first, period.last)
    if n not in (1, 3) or months(reference.first, reference.last) != n:
        return period
    if (reference.first.year + 1, reference.first.month) != (period.first.year, period.first.month):
        return period
    evidence.append("period_annual_rate")
    return Period(period.text, period.start, period.end, months_back(period.last, 12), period.last)
