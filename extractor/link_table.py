"""Slot filling for a value in a table flattened into text (:mod:`extractor.tables`).

The column gives the indicator, unit, period and whether the value is a level or a change; the row's
label gives the region (a foreign country's row of a flow is a partner, and a "Total" row is the whole
country). What the header leaves open comes from the context in force, as for any value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import annual_rate, context
from . import periods as period_rules
from .context import make_period
from .measure import INDEX_LEVEL_FLOOR
from .regions_home import home_subdivision
from .tables import Cell, Column
from .types import IndicatorMention, Period, PeriodMention, Region, RegionMention, _new_region

if TYPE_CHECKING:
    from .document import DocumentView


_FROM_TO = re.compile(r"\bto\b|[-–—]")
_NEXT_YEAR = re.compile(r"[-–](\d\d)(?!\d)")  # "December 2019-20"


def _next_year(first_of_month: date) -> date:
    return first_of_month.replace(year=first_of_month.year + 1)
_COUNT_FLOOR = 100.0  # a change column's numbers from here up are counts, unless the header says "%"
_THOUSANDS = re.compile(r"\d,\d{3}\b")


def unit_and_measure(cell: Cell, info: dict[str, Any], evidence: list[str], *,
                     rate_column: bool = False) -> tuple[str, str, str | None]:
    """Unit, measure and direction from the column: "Change (%)" is a signed percent change, as is a price
    index's column of rates (``rate_column``: "(% monthly; % y-o-y)")."""
    v = cell.value
    evidence.append("table")
    if rate_column and (cell.column.percent or v.unit == "percent") and cell.column.unit != "percentage_point":
        evidence.append("price_rate")
        return "percent", "change", "decrease" if v.number < 0 else "increase"
    if cell.column.unit == "percentage_point":
        if cell.column.contribution:  # FACTS.md: a contribution to growth in percentage points is a share
            return "percentage_point", "share", None
        return "percentage_point", "change", "decrease" if v.number < 0 else "increase"
    if cell.column.change:
        direction = "decrease" if v.number < 0 else "increase"
        if not cell.column.percent and v.unit is None and (cell.column.scale != 1 or cell.column.unit):
            # "Change on month ('000)": a change in the column's own unit, not a percent
            return str(cell.column.unit or info.get("unit") or "count"), "change", direction
        if not cell.column.percent and v.unit is None and (abs(v.number) >= _COUNT_FLOOR or _THOUSANDS.search(v.text)):
            # "change during the first half-year: Stockholm 2,464,110 9,870": a count, not a percent
            return str(cell.column.unit or info.get("unit") or "count"), "change", direction
        unit = "percent" if cell.column.percent or v.unit in (None, "percent") else str(v.unit)
        return unit, "change", direction
    if cell.column.unit == "per_1000" or v.unit == "per_1000":
        return "per_1000", "rate", None  # FACTS.md: per-N figures are rates
    if (cell.column.percent or v.unit == "percent") and info.get("kind") == "index" and not cell.column.index \
            and abs(v.number) < INDEX_LEVEL_FLOOR:
        # "CPI by group (%; compared with previous month, ...): Food 0,68": a price index's percent that is no
        # level (those are near 100) is its rate, a change (FACTS.md)
        evidence.append("price_rate")
        return "percent", "change", "decrease" if v.number < 0 else "increase"
    if cell.column.percent or v.unit == "percent":
        # a percent of an index ("Index of physical volume ..., in %") is its level, as of a rate
        measure = "level" if info.get("kind") in ("rate", "index", "volume_index") or cell.column.index \
            or abs(v.number) > 100 else "share"  # (no share is over 100%: "Wages, in % to 2020: Batken 108,1")
        return "percent", measure, None
    if cell.column.index and v.unit is None and abs(v.number) >= INDEX_LEVEL_FLOOR:
        evidence.append("unit_index")  # "Index of retail trade (2021=100) ... Total 107.3"
        return "index", "level", None
    unit = v.unit or cell.column.unit or info.get("unit") or "count"
    return str(unit), "rate" if unit == "per_1000" else "level", None  # FACTS.md: per-N figures are rates


def _rows_are_places(run: DocumentView, cell: Cell) -> bool:
    """Whether another row of the cell's table (its line) is labelled with a place."""
    text = run.text
    start = text.rfind("\n", 0, cell.row[0]) + 1
    end = text.find("\n", cell.row[1])
    end = len(text) if end < 0 else end
    return any(c.region is not None and start <= c.row[0] and c.row[1] <= end
               for c in run.tables.values() if c.row != cell.row)


def region(run: DocumentView, cell: Cell, info: dict[str, Any], evidence: list[str],
           home: Region | None) -> tuple[RegionMention | None, Region | None]:
    """The partner and region of a row: its label's place, a partner when it is a foreign country and
    the indicator a flow, the whole country for a "Total" row."""
    place = cell.region
    subject = run.ctx.line_region or run.ctx.section_region or run.ctx.doc_region
    if place is None and not cell.total and subject is not None and subject.code is not None:
        # "Industry 152 306 8,9" in a release about Aktobe region: a row of activities is the region's
        evidence.append("region_in_force")
        return None, _new_region(subject.text, subject.start, subject.end, subject.code, subject.name)
    if cell.total and subject is not None and subject.code is not None and (
            cell.local or not _rows_are_places(run, cell)):
        # "Consumer price index, state of Bremen ...: Food 21.3 ... Total 7.1": the total of a table of goods,
        # or of the places within the region in force, is the region's own
        evidence.append("region_in_force")
        return None, _new_region(subject.text, subject.start, subject.end, subject.code, subject.name)
    if place is None or cell.total:
        evidence.append("region_table_total" if cell.total else "region_home")
        return None, home
    if cell.local and subject is not None and place.code is not None and place.code == subject.code:
        # "Retail trade by municipal formations ...: Volgograd 131 572,4" in a release on Volgograd region: the
        # city the region is named after (or its capital), which has no code of its own
        evidence.append("region_table_row")
        name = run.text[cell.row[0]:cell.row[1]].strip()
        return None, _new_region(place.text, place.start, place.end, None, name)
    country = run.home
    if place.code is None and country is not None and country.country and not cell.local:
        # "Regional inflation rates (%): Western 9.7 Central 8.9": a name too plain for prose is the home
        # country's subdivision in a table's row
        named = home_subdivision(place.text, country.country, run.assembler.patterns_dir)
        if named is not None:
            evidence.append("region_table_row")
            return None, _new_region(place.text, place.start, place.end, *named)
    foreign = country is not None and (place.country or place.code) != country.code
    flow = info.get("kind") == "flow" or bool(info.get("flow"))
    if foreign and flow and place.kind in ("country", "group"):
        if subject is not None and subject.code is not None:
            # "Main trade partners of the region" in a release on Samarkand region: the region's partners
            evidence.append("region_in_force")
            return place, _new_region(subject.text, subject.start, subject.end, subject.code, subject.name)
        evidence.append("region_home")
        return place, home
    evidence.append("region_table_row")
    return None, _new_region(place.text, place.start, place.end, place.code, place.name)


def period(run: DocumentView, cell: Cell, columns_dated: list[Period], evidence: list[str]) -> Period | None:
    """The column's own period; a change column without one takes the latest dated column's (the
    "2024" of "Births 2023 Births 2024 Change (%)"); else the period in force."""
    row = _row_period(run, cell, evidence)
    if row is not None:
        return row
    m = cell.column.period
    if m is not None:
        in_force = context.in_force_interval(run)
        if m.kind == "same_period":
            # "CPI by group, March 2025 (...; y/y change, %)": the year to the table's own month, not to the
            # month the prose before it was on
            line_start = run.text.rfind("\n", 0, cell.column.start) + 1
            own = [p for p in run.periods.within(line_start, m.start) if p.first is not None and p.last is not None
                   and not _IS_BASE.match(run.text, p.end)]  # (not the index's base: "Dec 2019=100")
            in_force = (own[0].first, own[0].last) if own else in_force
        interval, _ = context.resolve(run, m, in_force=in_force, as_reference=False)
        if interval:
            evidence.append("period_table_column")
            period = make_period(m, interval)
            later = _NEXT_YEAR.match(run.text, m.end)
            if cell.column.change and later and int(later.group(1)) == (period.last.year + 1) % 100:
                # "Percent change December 2019-20": December 2020's change from December 2019
                evidence.append("period_year_pair")
                return Period(period.text, period.start, period.end, _next_year(period.first),
                              _next_year(period.last + timedelta(days=1)) - timedelta(days=1))
            if cell.column.change and _FROM_TO.search(m.text) and annual_rate.months(period.first, period.last) == 2:
                # "% change July to August 2016": the change from July's level is August's
                return Period(period.text, period.start, period.end, (period.first + timedelta(days=32)).replace(day=1),
                              period.last)
            return period
    if cell.column.change and columns_dated:
        evidence.append("period_table_column")  # the newest of the compared columns
        return max(columns_dated, key=lambda p: (p.last, p.first))
    current = context.in_force(run) or run.ctx.stock_date
    if current is not None and current.interval is not None:
        evidence.append("period_frame")
        return current.period()
    evidence.append("period_none")
    return None


def _row_period(run: DocumentView, cell: Cell, evidence: list[str]) -> Period | None:
    """A row labelled by a period within the table's own: "Cargo transported by quarters, 2016 (...): I quarter
    762,4 102,8 II quarter 884,1 ..." or "Q1 2.9 0.7 Q2 3.3 0.9": each row's numbers are its quarter's, in the
    year the column (or the text) has in force. Not a period beside the row's own name ("Exports 2023")."""
    label = run.text[cell.row[0]:cell.row[1]]
    own = [m for m in run.periods.within(*cell.row) if m.kind != "year" or m.text == label.strip()] \
        or _bare_month(run, cell.row)  # (a year alone is the row's period: "2019 120.5 310.2 2020 ...")
    if len(own) != 1 or _ROW_NAME.search(label.replace(own[0].text, " ")):
        return None
    m = own[0]
    in_force = context.in_force_interval(run)
    year = None
    if cell.column.period is not None and cell.column.period.kind != "same_period":  # ("quarter-on-quarter")
        year, _ = context.resolve(run, cell.column.period, in_force=in_force, as_reference=False)
    interval, _ = context.resolve(run, m, in_force=year or in_force, as_reference=False)
    if interval is None or (year is not None and not (year[0] <= interval[0] and interval[1] <= year[1])):
        return None  # a quarter outside the column's year: the header read wrong, or a column of another kind
    evidence.append("period_table_row")
    return make_period(m, interval)


def _bare_month(run: DocumentView, row: tuple[int, int]) -> list[PeriodMention]:
    """A row labelled by a month's name alone ("January 196 214 171 905"), which prose names a month only after a
    preposition ("in January"): the label read as if one stood before it."""
    label = run.text[row[0]:row[1]]
    if not label[:1].isupper() or len(label) > 12:
        return []
    return [replace(m, start=row[0] + m.start, end=row[0] + m.end)
            for m in _month_label(label, run.assembler.patterns_dir)]


@functools.lru_cache(maxsize=1024)
def _month_label(label: str, patterns_dir: Path | None) -> tuple[PeriodMention, ...]:
    """The month a label names alone, with offsets into the label; read once per label, not once per cell (a
    table's every row label, "Astana" as much as "January", comes here for each of its columns)."""
    found = period_rules.find_periods("in " + label, patterns_dir=patterns_dir)
    return tuple(replace(m, start=m.start - 3, end=m.end - 3) for m in found
                 if m.kind == "month" and m.end - m.start == len(label))


_IS_BASE = re.compile(r"\s{0,2}=")
_ROW_NAME = re.compile(r"[^\W\d_]{3,}")  # a word of the label beside its period: a name, not a date


def dated_columns(run: DocumentView, cell: Cell, cells: dict[int, Cell]) -> list[Period]:
    """The resolved periods of the other columns of the same table row, in order."""
    out = []
    for other in cells.values():
        if other.row == cell.row and other.column.period is not None and other is not cell:
            interval, _ = context.resolve(run, other.column.period, in_force=context.in_force_interval(run),
                                          as_reference=False)
            if interval:
                out.append(make_period(other.column.period, interval))
    return out


# "in % to: previous month December 2020", "(%; to November 2016, to December 2015)"
_TO_BASE = re.compile(r"(?i)%\s*[;,]?\s*to\b|\bto\s*:|\bin\s+%\s+(?:of|to)\b")
_PAIR_TO = re.compile(r"\s+to\s+|\s{0,2}/\s{0,2}")  # "April 2024 to December 2023", "V 2023 / IV 2023"
_PREVIOUS_MONTH = re.compile(r"(?i)\bprevious\s+month\b")


def index_basis(run: DocumentView, cell: Cell, evidence: list[str]) -> Period | None:
    """The period of a price index's level in a table of bases: "Consumer price indices, October 2021, in % to:
    previous month December 2020 October 2020" or "April 2024 to March 2024 / April 2024 to December 2023": the
    table's month against each column's base is that month, the year so far or the 12 months to it."""
    line_start = run.text.rfind("\n", 0, cell.column.start) + 1
    marker = _TO_BASE.search(run.text, line_start, cell.column.end)
    own = [m for m in run.periods.within(cell.column.start, cell.column.end) if m.first is not None]
    pair = len(own) >= 2 and _PAIR_TO.fullmatch(run.text, own[-2].end, own[-1].start) is not None
    if pair:
        table, base = own[-2], own[-1]
    elif marker is not None:
        before = [m for m in run.periods.within(line_start, marker.start()) if m.first is not None]
        if not before:
            return None
        table = before[-1]
        base = own[-1] if own and own[-1].start > marker.end() else None
        if base is None and not _PREVIOUS_MONTH.search(run.text, cell.column.start, cell.column.end):
            return None
    else:
        return None
    at = make_period(table, (table.first, table.last))
    if base is None:  # "previous month": the month itself
        evidence.append("period_table_basis")
        return at
    against = make_period(base, (base.first, base.last))
    period = annual_rate.against_december(at, against, evidence)
    if period is at:
        period = annual_rate.against_a_year_earlier(at, against, evidence)
    evidence.append("period_table_basis")
    return period


def column_base(run: DocumentView, cell: Cell) -> Period | None:
    """The period a column's own label compares with: "March 2022" in "... March 2023 (change on March 2022, %"."""
    own = [m for m in run.periods.within(_label_start(run.text, cell.column), cell.column.end) if m.first is not None]
    if not own or own[-1] is cell.column.period:
        return None
    return make_period(own[-1], (own[-1].first, own[-1].last))


# what trims a column's header segment to its label: "y-o-y %):" -> "y-o-y %", " change on 2016, %): "
_LABEL_EDGES = re.compile(r"^[\s(:;,]+|[\s):;,]+$")
_HEADER_REACH = 240  # a table's indicator this far before a column's label is still its header's


def _label_start(text: str, column: Column) -> int:
    """Where a column's own label begins: after the bracket that lists the columns, when its header segment
    holds it (the first column's segment opens with the table's title), else at the segment's start."""
    return text.rfind("(", column.start, column.end) + 1 or column.start


def column_label(text: str, column: Column) -> IndicatorMention | None:
    """A column's full header as the indicator its numbers take, where the column names no indicator of its
    own and takes the table's: from the table's indicator to the column's label ("Retail sales of consumer
    goods by city, 2019 (billion yuan; y-o-y %" for the second column of "... (billion yuan; y-o-y %):
    Guiyang 178.4 6.1"). FACTS.md: a flattened table takes its indicator from its column headers; the
    header names the column by the table's phrase and the column's label together. The key stays the table's."""
    start = _label_start(text, column)
    segment = text[start:column.end]
    label = _LABEL_EDGES.sub("", segment)
    table = column.indicator
    if not label or not any(c.isalpha() for c in label) or table is None \
            or not 0 < column.start - table.end < _HEADER_REACH:
        return None
    end = start + segment.index(label) + len(label)
    return IndicatorMention(text[table.start:end], table.start, end, table.key)


def titles_table(text: str, column: Column) -> bool:
    """Whether the column's indicator is the table's title, before the bracket that lists the columns ("GDP by
    activity, 2015 (real growth, %; share of GDP, %)": GDP titles the table; the first column is real growth)."""
    start = _label_start(text, column)
    return column.indicator is not None and start > column.start and column.indicator.end < start
