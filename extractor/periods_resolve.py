"""resolve_period: a period mention and the context a caller knows -> inclusive dates."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from .periods_grammar import Interval
from .periods_rules import _month_add, _month_end, _months_interval, _shift_interval
from .periods_scan import find_periods  # noqa: F401 - the doctests use it
from .types import PeriodMention

# --- resolve_period ---------------------------------------------------------------------


def _context_year(in_force: Interval | None, as_of: date | None, anchor: date | None) -> int | None:
    """The year a yearless mention takes: the period in force, else as_of, else the anchor."""
    for d in (in_force[1] if in_force else None, as_of, anchor):
        if d is not None:
            return d.year
    return None


def _base_year(in_force: Interval | None, as_of: date | None, anchor: date | None) -> int | None:
    """The year ``this year`` means: the anchor's, else the period in force's, else as_of's."""
    for d in (anchor, in_force[1] if in_force else None, as_of):
        if d is not None:
            return d.year
    return None


def resolve_period(m: PeriodMention, *, in_force: Interval | None = None,
                   as_of: date | None = None, anchor: date | None = None,
                   as_reference: bool = False) -> Interval | None:
    """The inclusive ``(first, last)`` dates a mention means in its context, or None.

    ``in_force``: the period the sentence or document is about (the stretch a
    ``same period`` mention is compared with); ``as_of``: the date the text's stock
    figures refer to; ``anchor``: the publication date. ``as_reference`` says the
    mention is the period a change is compared against (``compared to the
    previous year``), which shifts ``in_force`` back one year.

    >>> jan_apr = (date(2025, 1, 1), date(2025, 4, 30))
    >>> m = find_periods("the same period in 2024")[0]
    >>> resolve_period(m, in_force=jan_apr)
    (datetime.date(2024, 1, 1), datetime.date(2024, 4, 30))
    >>> m = find_periods("compared to the previous year")[0]
    >>> resolve_period(m, in_force=(date(2024, 1, 1), date(2024, 6, 30)), as_reference=True)
    (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))
    >>> resolve_period(m, anchor=date(2025, 3, 2))
    (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    >>> resolve_period(find_periods("January to April")[0]) is None
    True
    """
    try:
        return _resolve(m, in_force, as_of, anchor, as_reference)
    except (ValueError, OverflowError, TypeError, KeyError):
        return None


_ANAPHORIC_YEAR = re.compile(r"(?i)\b(?:previous|preceding|prior)\b")


def _off_calendar_year(interval: Interval) -> bool:
    """Twelve whole months that are not a calendar year: a fiscal year, a year to June."""
    first, last = interval
    return first.day == 1 and first.month != 1 and (last + timedelta(days=1)) == date(first.year + 1, first.month, 1)


def _resolve(m: PeriodMention, in_force: Interval | None, as_of: date | None, anchor: date | None,
             as_reference: bool) -> Interval | None:
    if m.first is not None and m.last is not None:
        return m.first, m.last
    detail = dict(m.detail)
    kind = m.kind

    if kind == "same_period":
        if "basis" in detail and not as_reference:  # "rose 4.9% over the year": the stretch it covers
            return _resolve_basis_stretch(detail["basis"], in_force)
        if "months_shift" in detail:
            return _resolve_month_shift(detail["months_shift"], in_force, as_of, anchor,
                                        quarter=detail.get("unit") == "quarter")
        if in_force is None:
            return None
        if "year" in detail:
            return _shift_interval(in_force, detail["year"] - in_force[1].year)
        shift = detail.get("shift")
        if shift is None:
            shift = -1 if as_reference else 0
        return _shift_interval(in_force, shift)

    if kind == "relative_year":
        if "years_back" in detail:
            if anchor is None:
                return None
            n = detail["years_back"]
            return date(anchor.year - n, 1, 1), date(anchor.year - 1, 12, 31)
        offset = detail.get("offset")
        if offset is None:
            return None
        if as_reference and offset < 0 and in_force is not None:
            return _shift_interval(in_force, offset)
        if offset and in_force is not None and _ANAPHORIC_YEAR.search(m.text) and _off_calendar_year(in_force):
            return _shift_interval(in_force, offset)  # "the previous year" after fiscal 2018/19: 2017/18
        base = _base_year(in_force, as_of, anchor)
        if anchor is None and offset < 0 and in_force is not None and (in_force[1].month, in_force[1].day) == (12, 31):
            base = in_force[1].year + 1  # a text about 2023 with no date of its own was written after it:
            # its "past year" is 2023 ("Over the past year the number of residents decreased")
        return None if base is None else (date(base + offset, 1, 1), date(base + offset, 12, 31))

    if kind == "relative_month":
        return _resolve_relative_month(detail, in_force, as_of, anchor, as_reference)

    if kind == "deictic":
        point = as_of or anchor
        return None if point is None else (point, point)

    if kind == "since":
        return _resolve_since(detail, in_force, as_of, anchor)

    if kind == "to_month":
        return _resolve_to_month(detail, in_force, as_of, anchor)

    # Everything left is a part of a year whose year comes from context.
    if "relative" in detail:
        base = _base_year(in_force, as_of, anchor)
        year = None if base is None else base + detail["relative"]
    else:
        year = _context_year(in_force, as_of, anchor)
    if year is None:
        return None
    found = _part_of_year(kind, detail, year)
    if found is not None and in_force is None and as_of is None and anchor is not None and "relative" not in detail \
            and found[0] > anchor and "year" not in m.text.lower():
        # only the publication date gives the year: "the fourth quarter" in a March 2025 release is 2024's
        # ("by the end of the year" names this year's end, still to come)
        found = _part_of_year(kind, detail, year - 1)
    return found


def _part_of_year(kind: str, detail: dict[str, Any], year: int) -> Interval | None:
    """A yearless day, part of a month or run of months, in ``year``."""
    if kind == "date":
        if detail.get("edge") == "last":  # "by the end of February": the 28th or the 29th
            d = _month_end(year, detail["month"])
        else:
            d = date(year, detail["month"], detail["day"])
        return d, d
    if "days" in detail:  # fuzzy part of a month: early March
        mo, (d1, d2) = detail["month"], detail["days"]
        return date(year, mo, d1), date(year, mo, min(d2, _month_end(year, mo).day))
    if "months" in detail:
        a, b = detail["months"]
        return _months_interval(year, a, b)
    return None


def _last_month(in_force: Interval) -> tuple[int, int]:
    """The last whole month of the period in force; a stock date on a 1st closes the month before it
    (the year to 1 January 2024 is 2023)."""
    first, last = in_force
    if first == last and last.day == 1:
        return _month_add(last.year, last.month, -1)
    return last.year, last.month


def _months_ending(n: int, end_y: int, end_m: int) -> Interval:
    first_y, first_m = _month_add(end_y, end_m, -(n - 1))
    return date(first_y, first_m, 1), _month_end(end_y, end_m)


def _resolve_to_month(detail: dict[str, Any], in_force: Interval | None, as_of: date | None,
                      anchor: date | None) -> Interval | None:
    """``the 12 months to March``: n months ending with the month named, else with the period in force."""
    n = detail["n_months"]
    mo = detail.get("month")
    if mo is None:
        if in_force is not None:
            end_y, end_m = _last_month(in_force)
        elif (point := anchor or as_of) is not None:
            end_y, end_m = _month_add(point.year, point.month, -1)
        else:
            return None
    else:
        year = _context_year(in_force, as_of, anchor)
        if year is None:
            return None
        if in_force is None and as_of is None and anchor is not None and date(year, mo, 1) > anchor:
            year -= 1  # "the year to June" in a March 2024 story ends in June 2023
        end_y, end_m = year, mo
    return _months_ending(n, end_y, end_m)


_BASIS_MONTHS = {"year": 12, "quarter": 3, "month": 1}


def _resolve_basis_stretch(basis: str, in_force: Interval | None) -> Interval | None:
    """A basis read as the period a change covers: the year, quarter or month ending with the period
    in force (a price index's annual rate in October 2023 covers November 2022 - October 2023)."""
    if in_force is None or basis not in _BASIS_MONTHS:
        return None
    return _months_ending(_BASIS_MONTHS[basis], *_last_month(in_force))


def _shift_months(d: date, months: int, *, month_end: bool) -> date:
    y, mo = _month_add(d.year, d.month, months)
    last_day = calendar.monthrange(y, mo)[1]
    return date(y, mo, last_day if month_end else min(d.day, last_day))


def _resolve_month_shift(shift: int, in_force: Interval | None, as_of: date | None,
                         anchor: date | None, *, quarter: bool) -> Interval | None:
    """``a month earlier``, ``12 months earlier``, ``the previous quarter``: in_force moved back.

    Without a period in force, a whole-month shift names the month that far before
    the anchor's (else as_of's) month; a quarter shift needs the period in force.
    """
    if in_force is not None:
        first, last = in_force
        is_end = last.day == calendar.monthrange(last.year, last.month)[1]
        return _shift_months(first, shift, month_end=False), _shift_months(last, shift, month_end=is_end)
    point = anchor or as_of
    if point is None or quarter:
        return None
    y, mo = _month_add(point.year, point.month, shift)
    return date(y, mo, 1), _month_end(y, mo)


def _resolve_relative_month(detail: dict[str, Any], in_force: Interval | None, as_of: date | None,
                            anchor: date | None, as_reference: bool) -> Interval | None:
    """``last month``: the month before the publication's; ``this quarter``: the publication's quarter.

    As a reference ("up from 2.1% last month") it is the period in force moved back one unit.
    """
    months = 3 if detail["unit"] == "quarter" else 1
    if as_reference and detail["offset"] < 0 and in_force is not None:
        return _resolve_month_shift(-months, in_force, as_of, anchor, quarter=months == 3)
    if detail["offset"] == 0 and in_force is not None and whole_months(in_force) == months:
        return in_force  # a September-quarter release's "rose 0.5% this quarter": the quarter it reports
    point = anchor
    if point is None:
        return None  # only the date the text was written says which month was the last
    first_month = point.month if months == 1 else point.month - (point.month - 1) % 3
    y, mo = _month_add(point.year, first_month, detail["offset"] * months)
    end_y, end_mo = _month_add(y, mo, months - 1)
    return date(y, mo, 1), _month_end(end_y, end_mo)


def whole_months(interval: Interval) -> int | None:
    """How many whole calendar months ``interval`` covers, or None when it is not whole months."""
    first, last = interval
    if first.day != 1 or last != _month_end(last.year, last.month):
        return None
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _resolve_since(detail: dict[str, Any], in_force: Interval | None, as_of: date | None,
                   anchor: date | None) -> Interval | None:
    """``since X``: from X's start to the day before ``as_of`` (else in_force's end, else anchor)."""
    end: date | None
    if as_of is not None:
        end = as_of - timedelta(days=1)
    elif in_force is not None:
        end = in_force[1]
    else:
        end = anchor
    start = detail.get("start")
    if start is None:
        base = PeriodMention(text="", start=0, end=0, kind=detail["base_kind"],
                             detail=detail["base_detail"])
        # the stretch ends the day before as_of: a yearless start takes that day's year ("so far this year"
        # is the year of the stretch's end, even where the period in force is a twelve months' stretch)
        year_of = (end, end) if end is not None and detail["base_kind"] == "relative_year" else in_force
        base_iv = _resolve(base, year_of, end if as_of is not None else None, anchor, False)
        if base_iv is None:
            return None
        start = base_iv[0] if detail["base_edge"] == "first" else base_iv[1] + timedelta(days=1)
    if end is None or end < start:
        return None
    return start, end

