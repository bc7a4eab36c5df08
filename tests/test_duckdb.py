"""`extractor extract --format duckdb`: facts and documents tables, updated in place per changed document."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from extractor.cli import CSV_COLUMNS, csv_row  # noqa: E402
from extractor.duckdb_store import DuckDBStore  # noqa: E402
from extractor.io import collect, read_document  # noqa: E402

from .conftest import SEEDS  # noqa: E402
from .helpers import hide_module  # noqa: E402
from .test_cli import GOOD, facts_of, run  # noqa: E402

README_QUERY = """
SELECT region_code, period_from, period_to, count(*) AS facts
FROM facts GROUP BY ALL ORDER BY facts DESC, region_code, period_from
"""


def rows(database: Path, where: str = "") -> list[dict]:
    with duckdb.connect(str(database), read_only=True) as con:
        cursor = con.execute(f"SELECT * FROM facts {where} ORDER BY doc_id, value_start, value_end, measure")
        names = [d[0] for d in cursor.description]
        return [{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in zip(names, r, strict=True)}
                for r in cursor.fetchall()]


def documents(database: Path) -> dict[str, tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return {r[0]: r[1:] for r in con.execute("SELECT * FROM documents").fetchall()}


def ordered(facts: list[dict]) -> list[dict]:
    return sorted((csv_row(f) for f in facts),
                  key=lambda r: (r["doc_id"], r["value_start"], r["value_end"], r["measure"]))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "releases"
    root.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, root / path.name)
    return root


def test_facts_and_documents_tables(folder: Path, tmp_path: Path):
    database, jsonl = tmp_path / "facts.duckdb", tmp_path / "facts.jsonl"
    assert run("extract", str(folder), "--format", "duckdb", "-o", str(database)).returncode == 0
    assert run("extract", str(folder), "-o", str(jsonl)).returncode == 0
    assert rows(database) == ordered(facts_of(jsonl))
    docs = documents(database)
    assert set(docs) == {p.stem for p in SEEDS.glob("*.txt")}
    path, digest, published, extracted_at, version, fingerprint = docs["001_809f0eeb125bfbb9"]
    assert path.endswith("001_809f0eeb125bfbb9.txt") and len(digest) == 64 and version
    assert published == dt.date(2026, 2, 9)  # the date the release states
    assert extracted_at.tzinfo is not None


def test_a_rerun_replaces_only_changed_documents(folder: Path, tmp_path: Path):
    database = tmp_path / "facts.duckdb"
    run("extract", str(folder), "--format", "duckdb", "-o", str(database))
    before = documents(database)
    first = sorted(folder.glob("*.txt"))[0]
    first.write_text(GOOD, encoding="utf-8")  # changed
    (folder / "new.txt").write_text(GOOD.replace("2024", "2025"), encoding="utf-8")  # added
    result = run("extract", str(folder), "--format", "duckdb", "-o", str(database))
    assert result.returncode == 0
    assert "reused from state: 4" in result.stderr.decode()
    after = documents(database)
    assert set(after) == set(before) | {"new"}
    for doc_id in set(before) - {first.stem}:
        assert after[doc_id] == before[doc_id]  # untouched, same extracted_at
    assert after[first.stem][1] != before[first.stem][1]
    changed = rows(database, f"WHERE doc_id = '{first.stem}'")
    assert {r["value_text"] for r in changed} == {"20,000,000", "1.2%"}
    assert "2025-01-01" in {r["period_from"] for r in rows(database, "WHERE doc_id = 'new'")}  # its change over 2025


class _FailingConnection:
    """Forwards to a DuckDB connection but fails when the documents row is written."""

    def __init__(self, connection) -> None:
        self.connection = connection

    def execute(self, sql: str, *args):
        if sql.startswith("INSERT INTO documents"):
            raise KeyboardInterrupt
        return self.connection.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.connection, name)


def test_an_interrupted_document_is_left_as_it_was(folder: Path, tmp_path: Path, fast):
    database = tmp_path / "facts.duckdb"
    run("extract", str(folder), "--format", "duckdb", "-o", str(database))
    before_rows, before_docs = rows(database), documents(database)
    store = DuckDBStore(database, "another fingerprint")
    source = collect([str(folder)])[0][0]
    document = read_document(source)
    store.connection = _FailingConnection(store.connection)
    with pytest.raises(KeyboardInterrupt):
        store.store(document, [f.to_dict() for f in fast.extract(GOOD, doc_id=document.doc_id)])
    store.connection.connection.close()
    assert rows(database) == before_rows
    assert documents(database) == before_docs


def test_a_broken_file_is_reported_and_the_rest_stored(folder: Path, tmp_path: Path):
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 20)
    database = tmp_path / "facts.duckdb"
    result = run("extract", str(folder), "--format", "duckdb", "-o", str(database))
    assert result.returncode == 1
    assert "broken.txt: binary file" in result.stderr.decode()
    assert set(documents(database)) == {p.stem for p in SEEDS.glob("*.txt")}


def test_the_readme_query(folder: Path, tmp_path: Path):
    database = tmp_path / "facts.duckdb"
    run("extract", str(folder), "--format", "duckdb", "-o", str(database))
    with duckdb.connect(str(database), read_only=True) as con:
        top = con.execute(README_QUERY).fetchall()
        total = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert sum(r[3] for r in top) == total > 0
    assert top[0][0] == "KZ" and top[0][3] == max(r[3] for r in top)
    assert [c for c in CSV_COLUMNS if c not in [d for d in rows(database)[0]]] == []


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "duckdb"], "-o FILE.duckdb"),
    (["--format", "duckdb", "-o", "x.duckdb", "--state", "s.json"], "leave out --state"),
])
def test_usage_errors(args, message, tmp_path: Path):
    result = run("extract", str(SEEDS), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_a_file_that_is_not_a_database_is_a_usage_error(tmp_path: Path):
    database = tmp_path / "notes.duckdb"
    database.write_text("not a database\n" * 100, encoding="utf-8")
    result = run("extract", str(SEEDS), "--format", "duckdb", "-o", str(database))
    assert result.returncode == 2
    assert "cannot use" in result.stderr.decode()
    assert database.read_text(encoding="utf-8") == "not a database\n" * 100


def test_missing_duckdb_says_what_to_install(monkeypatch, tmp_path: Path):
    hide_module(monkeypatch, "duckdb")
    with pytest.raises(ImportError, match=r"extractor\[duckdb\]"):
        DuckDBStore(tmp_path / "x.duckdb", "f")
