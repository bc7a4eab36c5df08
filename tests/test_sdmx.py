"""SDMX-CSV output: TIME_PERIOD as SDMX reporting periods, and a file pysdmx reads back."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.sdmx import COLUMNS, DIMENSIONS, observation, time_period

from .conftest import SEEDS, gold_documents
from .helpers import hide_module
from .test_cli import facts_of, run


@pytest.mark.parametrize(("first", "last", "expected"), [
    ("2025-01-01", "2025-12-31", "2025"),             # In 2025
    ("2024-01-01", "2024-06-30", "2024-S1"),          # January-June 2024
    ("2024-07-01", "2024-12-31", "2024-S2"),          # the second half of the year
    ("2025-01-01", "2025-03-31", "2025-Q1"),          # the first quarter
    ("2023-10-01", "2023-12-31", "2023-Q4"),
    ("2024-02-01", "2024-02-29", "2024-02"),          # February of a leap year
    ("2025-05-01", "2025-05-01", "2025-05-01"),       # as of May 1, 2025
    ("2025-01-01", "2025-04-30", "2025-01-01/2025-04-30"),   # January-April
    ("2024-02-01", "2024-04-30", "2024-02-01/2024-04-30"),   # three months, not a quarter
    ("2018-10-01", "2019-09-30", "2018-10-01/2019-09-30"),   # the year ending September 2019
    ("2025-01-01", "2025-05-31", "2025-01-01/2025-05-31"),
    ("2025-04-01", "2025-06-29", "2025-04-01/2025-06-29"),   # not to the quarter's end
    (None, None, ""),
])
def test_time_period(first, last, expected):
    assert time_period(first, last) == expected


def interval(period: str) -> tuple[dt.date, dt.date]:
    """Read a TIME_PERIOD back into its first and last day (the inverse the property checks)."""
    if "/" in period:
        a, b = period.split("/")
        return dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    if len(period) == 4:
        return dt.date(int(period), 1, 1), dt.date(int(period), 12, 31)
    year, part = period[:4], period[5:]
    if part[0] in "SQ":
        months = 6 if part[0] == "S" else 3
        first_month = (int(part[1]) - 1) * months + 1
        last_month = first_month + months - 1
        return (dt.date(int(year), first_month, 1),
                dt.date(int(year), last_month, calendar.monthrange(int(year), last_month)[1]))
    if len(period) == 7:
        month = int(part)
        return dt.date(int(year), month, 1), dt.date(int(year), month, calendar.monthrange(int(year), month)[1])
    day = dt.date.fromisoformat(period)
    return day, day


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(0, 800), st.booleans())
def test_time_period_round_trip(start, days, snap):
    if snap:  # reporting periods are whole months: make them likely
        start = start.replace(day=1)
        end = start + dt.timedelta(days=days)
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    else:
        end = start + dt.timedelta(days=days)
    assert interval(time_period(start.isoformat(), end.isoformat())) == (start, end)


def test_observation_of_a_fact(fast):
    fact = fast.extract("In January-June 2024 the number of arrivals in Kazakhstan amounted to 14,256 people, "
                        "an increase of 4,4%.", doc_id="kz")[0].to_dict()
    obs = observation(fact)
    assert obs["REF_AREA"] == "KZ" and obs["INDICATOR"] == "immigration" and obs["TIME_PERIOD"] == "2024-S1"
    assert obs["OBS_VALUE"] == 14256 and obs["UNIT_MEASURE"] == "person" and obs["UNIT_MULT"] == "0"
    assert (obs["DOC_ID"], obs["SOURCE_TEXT"], obs["SOURCE_START"]) == ("kz", "14,256", fact["value"]["start"])


def read_back(path: Path) -> list[dict]:
    pysdmx_io = pytest.importorskip("pysdmx.io")  # the tests above need no pysdmx
    message = pysdmx_io.read_sdmx(str(path))
    (dataset,) = message.data
    assert str(dataset.short_urn) == "DataStructure=EXTRACTOR:FACTS(1.0)"
    return dataset.data.to_dict(orient="records")


def same(cell, expected, column: str = "") -> bool:
    if expected is None or expected == "":
        if column in DIMENSIONS:  # pysdmx writes SDMX's explicit missing value for a key part
            return cell == "#N/A"
        return cell is None or cell == "" or (isinstance(cell, float) and math.isnan(cell))
    if isinstance(expected, (int, float)):
        return float(cell) == pytest.approx(float(expected))
    return str(cell) == str(expected)


def test_cli_sdmx_csv_reads_back_with_pysdmx(tmp_path: Path):
    pytest.importorskip("pysdmx.io")
    out, jsonl = tmp_path / "facts.csv", tmp_path / "facts.jsonl"
    assert run("extract", str(SEEDS), "--format", "sdmx-csv", "-o", str(out)).returncode == 0
    assert run("extract", str(SEEDS), "-o", str(jsonl)).returncode == 0
    rows, facts = read_back(out), facts_of(jsonl)
    assert len(rows) == len(facts) > 100
    for row, fact in zip(rows, facts, strict=True):
        expected = observation(fact)
        bad = [c for c in COLUMNS if not same(row[c], expected[c], c)]
        assert not bad, (bad, row, expected)


def test_every_fixture_survives_the_round_trip(tmp_path: Path, fast):
    pytest.importorskip("pysdmx.io")
    from extractor.sdmx import to_sdmx_csv

    facts = [f.to_dict() for doc_id, text, _ in gold_documents() for f in fast.extract(text, doc_id=doc_id)]
    path = tmp_path / "all.csv"
    path.write_text(to_sdmx_csv(facts), encoding="utf-8")
    rows = read_back(path)
    assert [r["SOURCE_TEXT"] for r in rows] == [f["value"]["text"] for f in facts]  # commas, quotes kept
    assert {r["TIME_PERIOD"] for r in rows} >= {"2024", "2024-S1", "2024-Q4"}


def test_missing_pysdmx_says_what_to_install(monkeypatch):
    from extractor.sdmx import to_sdmx_csv

    hide_module(monkeypatch, "pysdmx")
    with pytest.raises(ImportError, match=r"extractor\[sdmx\]"):
        to_sdmx_csv([])
