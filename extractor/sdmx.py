"""Facts as an SDMX-CSV 2.0 dataset, built and written with pysdmx (the optional ``sdmx`` extra).

One observation per fact. The series key is ``REF_AREA`` (the region code), ``INDICATOR`` (the
indicator key) and ``TIME_PERIOD``; ``OBS_VALUE`` is the number as stated in full (``20 million``
is 20000000). Attributes carry the rest: ``UNIT_MEASURE``, ``UNIT_MULT`` (0 for the units a scale
word can multiply: people, counts, currencies; absent for percentages, times and rates),
``MEASURE``, ``DIRECTION``, ``REFERENCE_PERIOD``, ``CONFIDENCE`` (and ``CONFIDENCE_INDICATOR``,
``CONFIDENCE_REGION``, ``CONFIDENCE_PERIOD``: each slot's), and the source span
(``DOC_ID``, ``SOURCE_TEXT``, ``SOURCE_START``, ``SOURCE_END``).

``TIME_PERIOD`` is an SDMX reporting period when the fact's interval is one (``2025``,
``2025-S1``, ``2025-Q1``, ``2025-03``, ``2025-01-01``) and an ISO 8601 interval otherwise
(``2025-01-01/2025-04-30``). A key part the fact lacks (no region code, no indicator key, no
period) is written as SDMX-CSV's explicit missing value ``#N/A``. The whole dataset is built in
memory before it is written (pysdmx writes a dataset at once); use Parquet or DuckDB for very
large runs.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

AGENCY, STRUCTURE_ID, VERSION = "EXTRACTOR", "FACTS", "1.0"
DIMENSIONS = ("REF_AREA", "INDICATOR", "TIME_PERIOD")
ATTRIBUTES = ("UNIT_MEASURE", "UNIT_MULT", "MEASURE", "DIRECTION", "REFERENCE_PERIOD", "CONFIDENCE",
              "CONFIDENCE_INDICATOR", "CONFIDENCE_REGION", "CONFIDENCE_PERIOD",
              "DOC_ID", "SOURCE_TEXT", "SOURCE_START", "SOURCE_END")
COLUMNS = (*DIMENSIONS, "OBS_VALUE", *ATTRIBUTES)
_UNSCALED = {"percent", "percentage_point", "times", "per_1000"}  # a scale word never multiplies these


def _pysdmx() -> Any:
    try:
        import pandas
        import pysdmx.io
        import pysdmx.io.pd
        import pysdmx.model
    except ImportError as exc:
        raise ImportError("--format sdmx-csv needs pysdmx: pip install 'extractor[sdmx]'") from exc
    return pandas, pysdmx


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def time_period(first: str | None, last: str | None) -> str:
    """The SDMX ``TIME_PERIOD`` of an interval given by ISO dates.

    >>> time_period("2025-01-01", "2025-12-31"), time_period("2025-07-01", "2025-12-31")
    ('2025', '2025-S2')
    >>> time_period("2025-04-01", "2025-06-30"), time_period("2025-03-01", "2025-03-31")
    ('2025-Q2', '2025-03')
    >>> time_period("2025-05-01", "2025-05-01"), time_period("2025-01-01", "2025-04-30")
    ('2025-05-01', '2025-01-01/2025-04-30')
    """
    if not first or not last:
        return ""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if start == end:
        return start.isoformat()
    whole_months = start.day == 1 and end.day == _month_end(end.year, end.month) and start.year == end.year
    if whole_months:
        months = end.month - start.month + 1
        if months == 12:
            return str(start.year)
        if months == 6 and start.month in (1, 7):
            return f"{start.year}-S{start.month // 6 + 1}"
        if months == 3 and start.month % 3 == 1:
            return f"{start.year}-Q{start.month // 3 + 1}"
        if months == 1:
            return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def observation(fact: dict[str, Any]) -> dict[str, Any]:
    """One fact dict (FACTS.md) as an SDMX observation: dimension, measure and attribute values."""
    value = fact["value"]
    period, reference = fact.get("period") or {}, fact.get("reference_period") or {}
    region, indicator = fact.get("region") or {}, fact.get("indicator") or {}
    slots = fact.get("slot_confidence") or {}
    return {
        "REF_AREA": region.get("code") or "",
        "INDICATOR": indicator.get("key") or "",
        "TIME_PERIOD": time_period(period.get("from"), period.get("to")),
        "OBS_VALUE": value["number"],
        "UNIT_MEASURE": value["unit"] or "",
        "UNIT_MULT": "" if value["unit"] in _UNSCALED else "0",
        "MEASURE": fact["measure"] or "",
        "DIRECTION": fact["direction"] or "",
        "REFERENCE_PERIOD": time_period(reference.get("from"), reference.get("to")),
        "CONFIDENCE": fact["confidence"],
        "CONFIDENCE_INDICATOR": slots.get("indicator"),
        "CONFIDENCE_REGION": slots.get("region"),
        "CONFIDENCE_PERIOD": slots.get("period"),
        "DOC_ID": fact["doc_id"] or "",
        "SOURCE_TEXT": value["text"],
        "SOURCE_START": value["start"],
        "SOURCE_END": value["end"],
    }


def _cell(value: Any) -> str:
    """Every cell as text, missing as empty: pysdmx types the columns from the schema."""
    if value is None:
        return ""
    return str(value)


def schema() -> Any:
    """The pysdmx Schema of the dataset: three dimensions, OBS_VALUE, and the attributes."""
    _, pysdmx = _pysdmx()
    from pysdmx.model import Concept, DataType
    from pysdmx.model.dataflow import Component, Components, Role, Schema

    def component(name: str, role: Any, kind: Any, required: bool) -> Any:
        return Component(id=name, required=required, role=role, concept=Concept(id=name, dtype=kind),
                         local_dtype=kind, attachment_level="O" if role == Role.ATTRIBUTE else None)

    numeric = {"OBS_VALUE": DataType.DOUBLE, "CONFIDENCE": DataType.DOUBLE, "UNIT_MULT": DataType.INTEGER,
               "CONFIDENCE_INDICATOR": DataType.DOUBLE, "CONFIDENCE_REGION": DataType.DOUBLE,
               "CONFIDENCE_PERIOD": DataType.DOUBLE,
               "SOURCE_START": DataType.INTEGER, "SOURCE_END": DataType.INTEGER}
    parts = [component(d, Role.DIMENSION, DataType.STRING, True) for d in DIMENSIONS]
    parts.append(component("OBS_VALUE", Role.MEASURE, numeric["OBS_VALUE"], True))
    parts += [component(a, Role.ATTRIBUTE, numeric.get(a, DataType.STRING), False) for a in ATTRIBUTES]
    return Schema(context="datastructure", agency=AGENCY, id=STRUCTURE_ID, version=VERSION,
                  components=Components(parts), name="Statistical facts extracted from text")


def to_sdmx_csv(facts: Iterable[dict[str, Any]]) -> str:
    """The facts as one SDMX-CSV 2.0 document (a string), written by pysdmx."""
    pandas, pysdmx = _pysdmx()
    cells = [[_cell(row[c]) for c in COLUMNS] for row in map(observation, facts)]
    frame = pandas.DataFrame(cells, columns=list(COLUMNS), dtype=object)
    dataset = pysdmx.io.pd.PandasDataset(structure=schema(), data=frame)
    text = pysdmx.io.write_sdmx(dataset, pysdmx.io.format.Format.DATA_SDMX_CSV_2_0_0)
    assert text is not None  # no output path given: pysdmx returns the document
    return text
