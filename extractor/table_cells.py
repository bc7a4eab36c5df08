"""Table cells that the number reader glued together.

A flattened table with space thousands runs its cells together: "Saransk urban district 330 917 100,4"
is 330 917 persons and an index of 100,4, and "Zhytomyr city 2 846 2 310 536" is 2 846 births, 2 310
deaths and a natural increase of 536. Read alone, "330 917 100,4" is one number. The other rows of the
table tell how many cells a row has: where two rows or more have ``w`` numbers and a row has one or two
fewer, its number with the most space groups is two cells, the last group (with its decimals) the second,
until the row has ``w`` ("Magas 694 402 292" is three). A row whose label holds a digit lost its cell to
the label ("Road 11 206,4 38 914,3"), not to a glued number, and stays as read. Where every row of a line
is glued the same way ("Kyiv city 709 319 103,1 Lviv region 292 611 102,0 ..."), no row tells the width:
three or more numbers of the shape "level, then an index with a decimal comma" on a line are two cells each.
Where no two rows agree and the header's bracket lists the columns ("(live births; deaths; marriages): I quarter
171 283 84 II quarter 188 236 137"), every short row is cut to that many cells of as even a length as can be.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from . import tables
from .tables import _runs
from .types import NumberMention

# "330 917 100,4", "2 310 536", "-1 206 412": space-grouped digits (any space a table may use)
_GROUPED = re.compile(r"([-+−]?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?:[.,](\d+))?")
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_DIGIT = re.compile(r"\d")


def _split(v: NumberMention) -> tuple[NumberMention, NumberMention] | None:
    """The number as two cells: its groups but the last, and the last group with the decimals."""
    m = _GROUPED.fullmatch(v.text)
    if m is None or v.unit not in (None, "person") or v.qualifier:
        return None
    sign, digits, decimals = m.group(1), m.group(2), m.group(3)
    cut = max(i for i, ch in enumerate(digits) if _SPACES.match(ch))
    left_text = v.text[:len(sign) + cut]
    right_start = v.start + len(sign) + cut + 1
    right_text = v.text[len(sign) + cut + 1:]
    left = float(_SPACES.sub("", digits[:cut])) * (-1 if sign in ("-", "−") else 1)
    right = float(f"{digits[cut + 1:]}.{decimals}" if decimals else digits[cut + 1:])
    return (NumberMention(left_text, v.start, v.start + len(left_text), left, v.unit, None, False, bool(sign)),
            NumberMention(right_text, right_start, v.end, right, v.unit, None, False, False))


def _groups(v: NumberMention) -> int:
    return len(_SPACES.findall(v.text))


def _header_width(text: str, values: list[NumberMention], unit_only: Callable[[str], bool]) -> int | None:
    """How many columns the header's last bracket lists: its parts between semicolons that are more than a
    unit ("Live births, deaths and marriages by quarters, 2016 (live births; deaths; marriages): I quarter
    171 283 84" has three), or the comma-parted labels after a unit for all ("(thousand euro; exports FOB,
    imports CIF)" has two), or its units when it lists only units ("(number; million ALL)" has two)."""
    line_start = text.rfind("\n", 0, values[0].start) + 1
    close = text.rfind(")", line_start, values[0].start)
    open_ = text.rfind("(", line_start, close) if close >= 0 else -1
    if open_ < 0 or _DIGIT.search(text, close, values[0].start) or len(text[close:values[0].start]) > 40:
        return None  # no bracket right before the first row
    parts = text[open_ + 1:close].split(";")
    if not all(p.strip() for p in parts):
        return None
    labelled = [p for p in parts if not unit_only(p)]
    if not labelled and len(parts) >= 2:
        return len(parts)  # "(number; million ALL)": a unit per column
    if len(labelled) == 1 and len(parts) > 1:
        items = labelled[0].split(",")
        return len(items) if len(items) >= 2 and all(_LABEL_ITEM.match(i) for i in items) else None
    return len(labelled) if len(labelled) >= 2 else None


_MAX_CUTS = 4  # cells a row may be short of its header's columns
_LABEL_ITEM = re.compile(r"\s*[^\W\d_]{3,}(?<!\bin)(?<!\bto)(?<!\bon)(?<!\bof)\b")  # "exports FOB", not "in % to 2017"


def _line_split(text: str, values: list[NumberMention],
                unit_only: Callable[[str], bool]) -> dict[int, list[NumberMention]]:
    runs = _runs(text, values)
    widths = Counter(len(run) for run in runs)
    shared = [w for w, count in widths.items() if count >= 2 and w >= 2]  # a width two rows agree on
    listed = _header_width(text, values, unit_only)
    if listed is not None and len(runs) >= 2 and all(len(run) <= listed for run in runs) \
            and listed > max(shared, default=0):
        # every row has at most the cells the header lists, some fewer: each row's glued cells split to the
        # header's width, or none (a row that cannot be split so says the header was read otherwise)
        out = {}
        for run in runs:
            if len(run) < listed and not _EMPTY_CELL.match(text, run[-1].end):
                cells = _balanced(run, listed)
                if cells is None:
                    return {}
                out.update({v.start: [c for c in cells if v.start <= c.start < v.end] for v in run})
        return out
    if not shared:
        return {}
    return _split_runs(text, runs, max(shared))  # (glued cells only ever make a row shorter)


def _balanced(run: list[NumberMention], width: int) -> list[NumberMention] | None:
    """The row's numbers cut at space groups into ``width`` cells of as even a length as can be: "196 214 171
    905" under "exports, imports" is 196 214 and 171 905 (cells of one column are of one size)."""
    if width - len(run) > _MAX_CUTS:
        return None  # (the cuttings grow as a power of the cuts: a row this short of its header is no glued row)
    best: tuple[int, list[NumberMention]] | None = None
    for cells in _cuttings(run, width - len(run)):
        lengths = [len(_SPACES.sub("", c.text).split(",")[0].split(".")[0]) for c in cells]
        spread = max(lengths) - min(lengths)
        if best is None or spread < best[0]:
            best = (spread, cells)
    return best[1] if best else None


def _cuttings(run: list[NumberMention], cuts: int) -> Iterator[list[NumberMention]]:
    """Every way to make ``cuts`` more cells of the run by splitting its numbers at space groups."""
    if cuts == 0:
        yield list(run)
        return
    if not run:
        return
    head, rest = run[0], run[1:]
    for k in range(cuts + 1):
        for pieces in _pieces(head, k):
            for tail in _cuttings(rest, cuts - k):
                yield [*pieces, *tail]


def _pieces(v: NumberMention, k: int) -> Iterator[list[NumberMention]]:
    """The number cut into k + 1 cells at its space groups (the decimals stay with the last group)."""
    if k == 0:
        yield [v]
        return
    m = _GROUPED.fullmatch(v.text)
    if m is None or v.unit not in (None, "person") or v.qualifier or _groups(v) < k or _groups(v) > 8:
        return
    bounds = [i for i, ch in enumerate(v.text) if _SPACES.match(ch)]
    for chosen in itertools.combinations(bounds, k):
        cells, at = [], 0
        for cut in [*chosen, len(v.text)]:
            piece = v.text[at:cut]
            number = float(_SPACES.sub("", piece).replace(",", ".").lstrip("+").replace("−", "-"))
            cells.append(NumberMention(piece, v.start + at, v.start + cut, number, v.unit, None, False,
                                       at == 0 and v.explicit_sign))
            at = cut + 1
        yield cells


# a cell with no figure: a dash, dots, an "x" (confidential)
_EMPTY_CELL = re.compile(r"[ \u00a0\u202f\u2009]*(?:[–—-]|\.{2,3}|…|x)(?=[ \u00a0\u202f\u2009]|$)", re.M)


def _digits(v: NumberMention) -> int:
    """The integer digits of a cell: how wide its column's numbers are."""
    return len(_SPACES.sub("", v.text).lstrip("+-−").split(",")[0].split(".")[0])


def _column_widths(runs: list[list[NumberMention]], width: int) -> list[float] | None:
    """The middle integer width of each column over the rows that have ``width`` cells."""
    full = [run for run in runs if len(run) == width]
    if len(full) < 2:
        return None
    return [sorted(_digits(run[i]) for run in full)[len(full) // 2] for i in range(width)]


def _by_shape(run: list[NumberMention], width: int, shape: list[float]) -> list[NumberMention] | None:
    """The cutting of a glued row whose cells are nearest the other rows' column widths ("Almirante Brown
    38 940 157 600" under rows of two five- and six-digit cells is 38 940 and 157 600, not 38 940 157 and 600)."""
    if width - len(run) > 2:
        return None
    best: tuple[float, list[NumberMention]] | None = None
    for cells in _cuttings(run, width - len(run)):
        cost = sum(abs(_digits(c) - w) for c, w in zip(cells, shape, strict=True))
        if best is None or cost < best[0]:
            best = (cost, cells)
    return best[1] if best else None


def _split_runs(text: str, runs: list[list[NumberMention]], width: int) -> dict[int, list[NumberMention]]:
    out: dict[int, list[NumberMention]] = {}
    shape = _column_widths(runs, width)
    for before, run in zip([None, *runs], runs, strict=False):
        if not width - 2 <= len(run) < width:
            continue
        if before is not None and _DIGIT.search(text, before[-1].end, run[0].start):
            continue  # "Road 11 206,4 38 914,3": the row lost a cell to its label, not to a glued number
        if _EMPTY_CELL.match(text, run[-1].end):
            continue  # "Annobón 8 105 –": the row's missing cell is written as a dash
        cells = _by_shape(run, width, shape) if shape is not None else None
        if cells is None:
            cells = list(run)
            while len(cells) < width:
                splits = [(_groups(v), i, parts) for i, v in enumerate(cells) if (parts := _split(v)) is not None]
                if not splits:
                    break
                _, i, parts = max(splits, key=lambda item: (item[0], item[1]))  # most groups, then the last
                cells[i:i + 1] = parts
        if len(cells) == width:
            for v in run:
                out[v.start] = [c for c in cells if v.start <= c.start < v.end]
    return out


# A level and an index read as one number in a flattened table: "Kyiv city 709 319 103,1 Dnipropetrovsk
# region 292 611 102,0": space-grouped thousands, then a last group with a decimal comma.
_MERGED_COLUMNS = re.compile(r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)[ \u00a0\u202f](\d{1,3},\d{1,2})")
_MERGED_ROWS = 3  # as many rows of the same shape on one line before a table is read so


def _split_merged_columns(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """Two columns read as one number, split back where a line holds three or more of that shape (a
    single "1 466 103,5" may be one number; a table's rows each ending so are two columns)."""
    merged = [m for m in found if m.unit is None and not m.explicit_sign and _MERGED_COLUMNS.fullmatch(m.text)]
    if len(merged) < _MERGED_ROWS:
        return found
    lines: dict[int, list[NumberMention]] = {}
    line, last = -1, 0
    for m in merged:  # (a newline looked for only since the last one: linear on a one-line table)
        if text.find("\n", last, m.start) >= 0:
            line = text.rfind("\n", last, m.start)
        last = m.start
        lines.setdefault(line, []).append(m)
    split = {id(m) for row in lines.values() if len(row) >= _MERGED_ROWS for m in row}
    if not split:
        return found
    out: list[NumberMention] = []
    for m in found:
        if id(m) not in split:
            out.append(m)
            continue
        parts = _MERGED_COLUMNS.fullmatch(m.text)
        assert parts is not None
        a, b = parts.span(1), parts.span(2)
        first, second = parts.group(1), parts.group(2)
        out.append(NumberMention(first, m.start + a[0], m.start + a[1], float(re.sub(r"\D", "", first))))
        out.append(NumberMention(second, m.start + b[0], m.start + b[1], float(second.replace(",", "."))))
    return out


def split_glued_cells(text: str, values: Sequence[NumberMention], *,
                      patterns_dir: Path | None = None) -> list[NumberMention]:
    """The numbers, with a table row's glued cells read as the cells they are.

    >>> from extractor.numbers import find_numbers  # which calls this
    >>> text = "Population (persons; in % to 2015): Saransk 330 917 100,4 Ruzayevka 61 284 98,9 Kovylkino 35 902 98,2"
    >>> [v.text for v in find_numbers(text)][:3]
    ['330 917', '100,4', '61 284']
    """
    values = _split_merged_columns(text, list(values))
    if len(values) < 5:
        return list(values)
    rules = tables._rules(patterns_dir)
    unit_only = functools.partial(tables._unit_only, rules=rules)
    out: list[NumberMention] = []
    i = 0
    while i < len(values):
        line_end = text.find("\n", values[i].start)
        line_end = len(text) if line_end < 0 else line_end
        j = i
        while j < len(values) and values[j].start < line_end:
            j += 1
        line = list(values[i:j])
        splits = _line_split(text, line, unit_only) if len(line) >= 5 else {}
        for v in line:
            out.extend(splits.get(v.start, (v,)))
        i = j
    return out
