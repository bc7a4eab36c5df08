"""Facts as a pandas DataFrame, one row per fact (the optional ``frame`` extra).

The columns are the CSV columns of ``extractor extract --format csv`` with dtypes an analyst
can compute with: numbers and confidences as floats, character offsets as nullable integers,
period bounds as dates, and the closed vocabularies (unit, measure, direction, codes) as
categories. :func:`from_frame` turns the rows back into fact dicts, so a frame can be filtered
and written back out in the FACTS.md shape.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .cli import CSV_COLUMNS, SLOT_CONFIDENCE_COLUMNS, csv_row

if TYPE_CHECKING:  # pandas is an optional extra; importing this module must not need it
    import pandas as pd

_SPANS = (("value", "value", ("number", "unit", "qualifier")), ("indicator", "indicator", ("key",)),
          ("region", "region", ("code", "name")), ("period", "period", ("from", "to")),
          ("reference_period", "reference", ("from", "to")))
_OFFSETS = [c for c in CSV_COLUMNS if c.endswith(("_start", "_end"))]
_DATES = ["period_from", "period_to", "reference_from", "reference_to"]
_CATEGORIES = ["doc_id", "unit", "qualifier", "measure", "direction", "indicator_key", "region_code", "extractor"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # say what to install rather than a bare ImportError
        raise ImportError("extractor.to_frame needs pandas: pip install 'extractor[frame]'") from exc
    return pandas


def _as_dict(fact: object) -> dict[str, Any]:
    if isinstance(fact, Mapping):
        return dict(fact)
    to_dict = getattr(fact, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"a fact is a Fact or a dict in the FACTS.md shape, not {type(fact).__name__}")
    return dict(to_dict())


def to_frame(facts: Iterable[object]) -> pd.DataFrame:
    """One row per fact (``Fact`` objects or FACTS.md dicts), in the order given.

    >>> from extractor import extract
    >>> frame = to_frame(extract("In 2024 the population of Kazakhstan reached 20.3 million people."))
    >>> row = frame.iloc[0]
    >>> float(row["number"]), row["unit"], row["region_code"]
    (20300000.0, 'person', 'KZ')
    >>> str(frame["period_from"].dtype).startswith("datetime64")
    True
    """
    pd = _pandas()
    frame = pd.DataFrame([csv_row(_as_dict(f)) for f in facts], columns=CSV_COLUMNS)
    frame["number"] = frame["number"].astype("float64")
    for column in ("confidence", *SLOT_CONFIDENCE_COLUMNS.values()):
        frame[column] = frame[column].astype("float64")
    for column in _OFFSETS:
        frame[column] = frame[column].astype("Int64")
    for column in _DATES:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    for column in _CATEGORIES:
        frame[column] = frame[column].astype("category")
    for column in CSV_COLUMNS:
        if frame[column].dtype == object:
            frame[column] = frame[column].astype("string")
    return frame


def _plain(value: Any) -> Any:
    """A cell back to a JSON value: missing → None, numpy scalars → int/float/str, dates → ISO."""
    if value is None or value is _pandas().NA or value is _pandas().NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    return value


def _number(value: Any) -> int | float | None:
    number = _plain(value)
    if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
        return int(number)  # the detector gives ints for whole numbers; floats hold them exactly
    return number


def from_frame(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The facts of a :func:`to_frame` frame as FACTS.md dicts (the round trip of ``to_frame``)."""
    facts = []
    for row in frame.to_dict(orient="records"):
        fact: dict[str, Any] = {"doc_id": _plain(row["doc_id"])}
        for name, prefix, extra in _SPANS:
            text = _plain(row[f"{prefix}_text"])
            if text is None and name != "value":
                fact[name] = None
                continue
            part = {"text": text, "start": _plain(row[f"{prefix}_start"]), "end": _plain(row[f"{prefix}_end"])}
            for key in extra:
                column = key if name == "value" else f"{prefix}_{key}"
                part[key] = _number(row[column]) if key == "number" else _plain(row[column])
            fact[name] = part
        fact["measure"] = _plain(row["measure"])
        fact["direction"] = _plain(row["direction"])
        breakdown = _plain(row["breakdown"])
        fact["breakdown"] = json.loads(breakdown) if breakdown else {}
        fact["confidence"] = _plain(row["confidence"])
        fact["extractor"] = _plain(row["extractor"])
        slots = {slot: _plain(row[column]) for slot, column in SLOT_CONFIDENCE_COLUMNS.items()}
        if any(p is not None for p in slots.values()):  # a fact made without the model has none
            fact["slot_confidence"] = slots
        facts.append(fact)
    return facts
