"""Facts to a Parquet file with pyarrow (the optional ``parquet`` extra).

One row per fact with the CSV columns of ``extractor extract --format csv``, typed (see
:data:`SCHEMA`): offsets as int64, the number and the confidences as float64, period bounds as
date32, and the closed vocabularies dictionary-encoded. Rows are written a row group at a time,
so memory stays flat however many documents a run reads, and the file appears under its name
only when it is complete.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .cli import CSV_COLUMNS, csv_row, publish

ROWS_PER_GROUP = 50_000  # peak memory about 140 MB of Python rows, however long the run
_DICTIONARY = {"doc_id", "unit", "qualifier", "measure", "direction", "indicator_key", "region_code", "extractor"}
_DATES = {"period_from", "period_to", "reference_from", "reference_to"}


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401  (the submodule is imported for its side effect)
    except ImportError as exc:
        raise ImportError("--format parquet needs pyarrow: pip install 'extractor[parquet]'") from exc
    return pyarrow


def schema() -> Any:
    """The Parquet schema: the CSV columns, typed."""
    pa = _pyarrow()
    fields = []
    for column in CSV_COLUMNS:
        if column in _DICTIONARY:
            kind = pa.dictionary(pa.int32(), pa.string())
        elif column in _DATES:
            kind = pa.date32()
        elif column.endswith(("_start", "_end")):
            kind = pa.int64()
        elif column in ("number", "confidence") or column.endswith("_confidence"):
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields, metadata={"source": "extractor", "shape": "FACTS.md, flattened as the CSV columns"})


def _row(fact: dict[str, Any]) -> dict[str, Any]:
    row = csv_row(fact)
    for column in _DATES:
        if row[column] is not None:
            row[column] = dt.date.fromisoformat(row[column])
    if row["number"] is not None:
        row["number"] = float(row["number"])
    return row


def arrow_table(facts: Iterable[dict[str, Any]]) -> Any:
    """Fact dicts as a pyarrow Table with :func:`schema` (also what the DuckDB output inserts)."""
    return _pyarrow().Table.from_pylist([_row(f) for f in facts], schema=schema())


def write_parquet(target: Path, facts: Iterable[dict[str, Any]], *, rows_per_group: int = ROWS_PER_GROUP) -> int:
    """Write fact dicts to ``target`` a row group at a time; return the number of rows.

    The file is written beside the target and renamed over it at the end, so an interrupted run
    leaves the previous file (or none) rather than half a file.
    """
    pa = _pyarrow()
    parquet_schema = schema()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    written = 0
    try:
        with pa.parquet.ParquetWriter(tmp, parquet_schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for fact in facts:
                batch.append(fact)
                if len(batch) >= rows_per_group:
                    writer.write_table(arrow_table(batch))
                    written += len(batch)
                    batch.clear()
            if batch or not written:  # a run with no facts still writes a readable, typed file
                writer.write_table(arrow_table(batch))
                written += len(batch)
        publish(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written


# --- a dataset written by partition (``--engine dask``) -------------------------------------------

PART = "part-{:06d}.parquet"  # zero-padded: the names sort in the order the partitions were cut
PART_NAME = re.compile(r"part-\d{6}\.parquet")  # a file PART names


def write_partition(folder: Path, index: int, facts: Iterable[dict[str, Any]]) -> int:
    """Write one partition of a dataset, ``folder/part-NNNNNN.parquet``, as a whole file (written
    beside its name and renamed); return its rows. A partition with no facts is still written, so
    that a dataset's files run without gaps."""
    pa = _pyarrow()
    table = arrow_table(facts)
    target = folder / PART.format(index)
    tmp = folder / f".{target.name}.tmp"
    pa.parquet.write_table(table, tmp, compression="zstd")
    os.replace(tmp, target)
    return table.num_rows


def start_dataset(target: Path) -> Path:
    """An empty folder beside ``target`` for the partitions of a run, to become ``target`` when the
    run is complete (:func:`publish_dataset`)."""
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))


def publish_dataset(folder: Path, target: Path) -> None:
    """Give the finished dataset ``folder`` the name ``target``, replacing a previous dataset (a
    folder of parts) or file of that name."""
    import shutil

    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)  # mkdtemp makes 0700; the output is an ordinary folder
    if target.is_dir():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, old / target.name)
        os.replace(folder, target)
        shutil.rmtree(old)
    else:
        target.unlink(missing_ok=True)
        os.replace(folder, target)
