"""Facts kept in a DuckDB database that a re-run updates in place (the optional ``duckdb`` extra).

Two tables:

- ``documents``: one row per document (``doc_id``, ``path``, ``content_hash``, ``published``,
  ``extracted_at``, ``extractor_version``, ``fingerprint``);
- ``facts``: one row per fact, with the CSV columns typed as in the Parquet output.

A re-run over a grown folder re-extracts only the documents whose content hash (or extractor
version, mode and rules: the ``fingerprint``) changed, and replaces each one's facts and its
``documents`` row in one transaction. An interrupted run therefore leaves every document either
as it was before or fully updated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from . import __version__
from .cli import CSV_COLUMNS, UsageError
from .io import Document, Source
from .parquet import arrow_table
from .periods_publication import find_publication_date

_SQL_TYPES = {"number": "DOUBLE", "confidence": "DOUBLE", "indicator_confidence": "DOUBLE",
              "region_confidence": "DOUBLE", "period_confidence": "DOUBLE"}
_DATES = ("period_from", "period_to", "reference_from", "reference_to")


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError as exc:
        raise ImportError("--format duckdb needs duckdb and pyarrow: pip install 'extractor[duckdb]'") from exc
    return duckdb


def _column_type(column: str) -> str:
    if column in _SQL_TYPES:
        return _SQL_TYPES[column]
    if column in _DATES:
        return "DATE"
    if column.endswith(("_start", "_end")):
        return "BIGINT"
    return "VARCHAR"


FACTS_DDL = "CREATE TABLE IF NOT EXISTS facts (" + ", ".join(f'"{c}" {_column_type(c)}' for c in CSV_COLUMNS) + ")"
DOCUMENTS_DDL = (
    "CREATE TABLE IF NOT EXISTS documents (doc_id VARCHAR PRIMARY KEY, path VARCHAR, content_hash VARCHAR, "
    "published DATE, extracted_at TIMESTAMP WITH TIME ZONE, extractor_version VARCHAR, fingerprint VARCHAR)"
)


class DuckDBStore:
    """The ``--state``-like side of ``--format duckdb``: what is unchanged, and writing a document."""

    def __init__(self, path: Path, fingerprint: str, default_published: dt.date | None = None) -> None:
        duckdb = _duckdb()
        self.fingerprint = fingerprint
        self.default_published = default_published
        try:
            self.connection = duckdb.connect(str(path))
            self.connection.execute(FACTS_DDL)
            for column in CSV_COLUMNS:  # a database written before a column was added (issue 10) gains it
                self.connection.execute(f'ALTER TABLE facts ADD COLUMN IF NOT EXISTS "{column}" {_column_type(column)}')
            self.connection.execute(DOCUMENTS_DDL)
        except duckdb.Error as exc:
            raise UsageError(f"-o: cannot use {path} as a DuckDB database: {exc}") from exc
        rows = self.connection.execute("SELECT doc_id, path, content_hash, fingerprint FROM documents").fetchall()
        self.known = {doc_id: (path, digest, fp) for doc_id, path, digest, fp in rows}

    def unchanged(self, source: Source) -> bool:
        """The file was extracted before, from the same bytes and with the same rules."""
        known = self.known.get(source.doc_id)
        if known is None or source.path == "-" or known[0] != source.path or known[2] != self.fingerprint:
            return False
        try:
            return hashlib.sha256(Path(source.path).read_bytes()).hexdigest() == known[1]
        except OSError:
            return False

    def reuse(self, document: Document) -> list[dict[str, Any]]:
        """Nothing to rewrite: the document's facts stay in the database as they are."""
        return []

    def store(self, document: Document, facts: list[dict[str, Any]]) -> None:
        """Replace the document's facts and its row, all or nothing."""
        batch = arrow_table(facts)  # built before the transaction opens: a bad fact changes nothing
        published = find_publication_date(document.text) or self.default_published
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM facts WHERE doc_id = ?", [document.doc_id])
            con.register("new_facts", batch)
            columns = ", ".join(f'"{c}"' for c in CSV_COLUMNS)
            con.execute(f"INSERT INTO facts ({columns}) SELECT {columns} FROM new_facts")
            con.unregister("new_facts")
            con.execute("DELETE FROM documents WHERE doc_id = ?", [document.doc_id])
            con.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                [document.doc_id, document.path, hashlib.sha256(document.data).hexdigest(), published,
                 dt.datetime.now(dt.timezone.utc), __version__, self.fingerprint],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def save(self) -> None:
        self.connection.close()
