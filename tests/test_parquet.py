"""`extractor extract --format parquet`: typed columns, row groups as it goes, atomic, bad files skipped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from extractor.cli import CSV_COLUMNS, csv_row  # noqa: E402
from extractor.parquet import schema, write_parquet  # noqa: E402

from .conftest import SEEDS, gold_documents  # noqa: E402
from .helpers import hide_module  # noqa: E402
from .test_cli import GOOD, facts_of, run  # noqa: E402


@pytest.fixture(scope="module")
def facts(fast):
    return [f.to_dict() for doc_id, text, _ in gold_documents() for f in fast.extract(text, doc_id=doc_id)]


def as_csv_row(row: dict) -> dict:
    """A Parquet row in the CSV row's plain values (dates back to ISO strings)."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def test_rows_are_the_csv_rows_typed(facts, tmp_path: Path):
    target = tmp_path / "facts.parquet"
    assert write_parquet(target, iter(facts)) == len(facts)
    table = pq.read_table(target)
    assert table.schema.equals(schema(), check_metadata=False)
    rows = [as_csv_row(r) for r in table.to_pylist()]
    expected = [csv_row(f) for f in facts]
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert got == want  # numbers compare equal whether int or float


@pytest.mark.parametrize(("column", "kind"), [
    ("value_start", "int64"), ("number", "double"), ("confidence", "double"),
    ("period_from", "date32[day]"), ("reference_to", "date32[day]"), ("value_text", "string"),
    ("unit", "dictionary<values=string, indices=int32, ordered=0>"),
    ("region_code", "dictionary<values=string, indices=int32, ordered=0>"),
])
def test_schema_types(column, kind):
    assert str(schema().field(column).type) == kind
    assert schema().names == CSV_COLUMNS


def test_row_groups_are_written_as_the_facts_arrive(facts, tmp_path: Path):
    pulled = []

    def stream():
        for fact in facts[:35]:
            pulled.append(fact)
            yield fact

    target = tmp_path / "grouped.parquet"
    write_parquet(target, stream(), rows_per_group=10)
    meta = pq.ParquetFile(target).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [10, 10, 10, 5]
    assert len(pulled) == 35


def test_no_facts_still_gives_a_readable_typed_file(tmp_path: Path):
    target = tmp_path / "empty.parquet"
    assert write_parquet(target, iter([])) == 0
    table = pq.read_table(target)
    assert table.num_rows == 0 and table.schema.names == CSV_COLUMNS


def test_a_failure_midway_leaves_the_previous_file(facts, tmp_path: Path):
    target = tmp_path / "facts.parquet"
    target.write_bytes(b"previous run")

    def broken():
        yield from facts[:5]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_parquet(target, broken(), rows_per_group=2)
    assert target.read_bytes() == b"previous run"
    assert not list(tmp_path.glob(".facts.parquet.*.tmp"))


def test_cli_parquet_equals_jsonl_and_skips_a_broken_file(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "short.txt").write_text(GOOD, encoding="utf-8")
    out, jsonl = tmp_path / "facts.parquet", tmp_path / "facts.jsonl"
    result = run("extract", str(folder), "--format", "parquet", "-o", str(out))
    assert result.returncode == 1  # one file failed ...
    assert "broken.txt: binary file" in result.stderr.decode()
    assert run("extract", str(folder), "-o", str(jsonl)).returncode == 1
    rows = [as_csv_row(r) for r in pq.read_table(out).to_pylist()]
    assert rows == [csv_row(f) for f in facts_of(jsonl)]  # ... and every other file is in the table
    assert {r["doc_id"] for r in rows} == {p.stem for p in SEEDS.glob("*.txt")} | {"short"}


def test_cli_parquet_needs_an_output_file():
    result = run("extract", "seeds", "--format", "parquet")
    assert result.returncode == 2
    assert "-o FILE.parquet" in result.stderr.decode()


def test_pandas_reads_it(facts, tmp_path: Path):
    pd = pytest.importorskip("pandas")
    target = tmp_path / "facts.parquet"
    write_parquet(target, iter(facts))
    frame = pd.read_parquet(target)
    assert str(frame["unit"].dtype) == "category"
    assert frame["number"].tolist() == pytest.approx([f["value"]["number"] for f in facts])
    assert json.loads(frame["breakdown"].iloc[0]) == facts[0]["breakdown"]


def test_missing_pyarrow_says_what_to_install(monkeypatch, tmp_path: Path):
    hide_module(monkeypatch, "pyarrow")
    with pytest.raises(ImportError, match=r"extractor\[parquet\]"):
        write_parquet(tmp_path / "x.parquet", iter([]))
