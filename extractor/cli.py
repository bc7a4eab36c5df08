"""The ``extractor`` command: extract, show, render, evaluate, calibrate.

``extractor extract PATH...`` reads ``.txt``, ``.md``, ``.html``/``.htm`` files
(folders recursively, in sorted order; ``-`` for standard input) and writes one
FACTS.md object per line (or CSV). A file that cannot be read is reported with its
path and a one-line reason and skipped; the others are still extracted. Exit
status: 0 when every file succeeded, 1 when some failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .io import DEFAULT_MAX_BYTES, Document, InputError, Source, collect, read_document

CSV_COLUMNS = [
    "doc_id", "value_text", "value_start", "value_end", "number", "unit", "qualifier", "measure", "direction",
    "indicator_text", "indicator_start", "indicator_end", "indicator_key",
    "region_text", "region_start", "region_end", "region_code", "region_name",
    "period_text", "period_start", "period_end", "period_from", "period_to",
    "reference_text", "reference_start", "reference_end", "reference_from", "reference_to",
    "breakdown", "confidence", "extractor", "indicator_confidence", "region_confidence", "period_confidence",
]
SLOT_CONFIDENCE_COLUMNS = {"indicator": "indicator_confidence", "region": "region_confidence",
                           "period": "period_confidence"}


class UsageError(Exception):
    """Bad arguments: exit status 2."""


# --- output -----------------------------------------------------------------------------


def csv_row(fact: dict[str, Any]) -> dict[str, Any]:
    """One fact flattened to one CSV row, one column per field (breakdown as JSON)."""
    row: dict[str, Any] = {"doc_id": fact["doc_id"], "measure": fact["measure"], "direction": fact["direction"],
                           "breakdown": json.dumps(fact["breakdown"], ensure_ascii=False, sort_keys=True),
                           "confidence": fact["confidence"], "extractor": fact["extractor"]}
    value = fact["value"]
    row.update(value_text=value["text"], value_start=value["start"], value_end=value["end"],
               number=value["number"], unit=value["unit"], qualifier=value["qualifier"])
    for name, prefix, extra in (("indicator", "indicator", ("key",)), ("region", "region", ("code", "name")),
                                ("period", "period", ("from", "to")),
                                ("reference_period", "reference", ("from", "to"))):
        part = fact.get(name) or {}
        for key in ("text", "start", "end", *extra):
            row[f"{prefix}_{key}"] = part.get(key)
    slots = fact.get("slot_confidence") or {}
    for slot, column in SLOT_CONFIDENCE_COLUMNS.items():
        row[column] = slots.get(slot)
    return row


def _write_atomically(target: Path | None, chunks: Iterable[str]) -> None:
    """All or nothing: write a temporary file in the target's folder and rename it over the target
    at the end, so an interrupted run leaves the previous file or a complete new one."""
    if target is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        publish(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish(tmp: str, target: Path) -> None:
    """Give a finished temporary file the usual permissions and rename it over the target."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the output is an ordinary file
    os.replace(tmp, target)


def _output_path(value: str | None, flag: str, *, dataset: bool = False) -> Path | None:
    """The path of an output file; with ``dataset``, also a folder of Parquet parts that an earlier
    run wrote (and this one will replace), never a folder holding anything else."""
    if value is None or value == "-":
        return None
    path = Path(value)
    if not path.parent.is_dir():
        raise UsageError(f"{flag}: folder does not exist: {path.parent}")
    if path.is_dir() and not (dataset and _only_parts(path)):
        raise UsageError(f"{flag}: is a folder, not a file: {path}" if not dataset else
                         f"{flag}: is a folder that holds more than a Parquet dataset's parts: {path}")
    return path


def _only_parts(folder: Path) -> bool:
    from .parquet import PART_NAME  # parquet.py imports this module: imported when asked

    return all(PART_NAME.fullmatch(p.name) for p in folder.iterdir())


# --- incremental state -------------------------------------------------------------------


class State:
    """Each file's content hash and facts from earlier runs (``--state FILE``).

    Entries are valid only for the same extractor version, mode, rules and default date: a
    change to any of them re-extracts everything.
    """

    def __init__(self, path: Path | None, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.entries: dict[str, dict[str, Any]] = {}
        self.fresh: dict[str, dict[str, Any]] = {}
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise UsageError(f"--state: cannot read {path}: {exc}") from exc
            if data.get("fingerprint") == fingerprint:
                self.entries = data.get("files", {})

    def unchanged(self, source: Source) -> bool:
        """The file's bytes hash to what the state remembers (read once more, not kept)."""
        entry = self.entries.get(source.path)
        if not entry or entry.get("doc_id") != source.doc_id or source.path == "-":
            return False
        try:
            return _sha256(Path(source.path).read_bytes()) == entry.get("sha256")
        except OSError:
            return False

    def reuse(self, document: Document) -> list[dict[str, Any]]:
        entry = self.entries[document.path]
        self.fresh[document.path] = entry
        return entry["facts"]

    def store(self, document: Document, facts: list[dict[str, Any]]) -> None:
        self.fresh[document.path] = {"sha256": _sha256(document.data), "doc_id": document.doc_id, "facts": facts}

    def save(self) -> None:
        if self.path is not None:
            body = json.dumps({"fingerprint": self.fingerprint, "files": self.fresh}, ensure_ascii=False)
            _write_atomically(self.path, [body])


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fingerprint(mode: str, default_published: str | None) -> str:
    from .resources import patterns_dir

    digest = hashlib.sha256(f"{__version__}|{mode}|{default_published}".encode())
    for path in sorted(patterns_dir().rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(patterns_dir()).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# --- extract ------------------------------------------------------------------------------


class _Run:
    """Counters and the failure list of one ``extract`` run."""

    def __init__(self) -> None:
        self.files = 0
        self.facts = 0
        self.chars = 0
        self.reused = 0
        self.failures: list[tuple[str, str]] = []


def _report_failure(run: _Run, path: str, reason: str) -> None:
    run.failures.append((path, reason))
    print(f"{path}: {reason}", file=sys.stderr)


def _read_or_report(source: Source, run: _Run, max_bytes: int) -> Document | None:
    try:
        document = read_document(source, max_bytes=max_bytes)
    except InputError as exc:
        _report_failure(run, source.path, str(exc))
        return None
    if document.encoding not in ("utf-8", "utf-8-sig"):
        print(f"{source.path}: note: not UTF-8, decoded as {document.encoding}", file=sys.stderr)
    return document


def _read_all(sources: list[Source], run: _Run, max_bytes: int) -> Iterator[Document]:
    for source in sources:
        document = _read_or_report(source, run, max_bytes)
        if document is not None:
            yield document



def _progress(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, disable=total <= 1 or not sys.stderr.isatty(),
                dynamic_ncols=True, leave=False)


def _check_extract_options(args: argparse.Namespace, output: Path | None, state_path: Path | None) -> None:
    """Combinations of options that cannot work, as usage errors before any work starts."""
    if args.with_text and args.format != "jsonl":
        raise UsageError("--with-text needs --format jsonl (the text is written as a line before its facts)")
    if args.with_evidence and (args.format != "jsonl" or args.engine != "jobs" or state_path is not None):
        raise UsageError("--with-evidence needs --format jsonl and --engine jobs, without --state "
                         "(a fact reused from the state has no evidence)")
    if args.format in ("parquet", "duckdb") and output is None:
        raise UsageError(f"--format {args.format} writes a file: give -o FILE.{args.format}")
    if args.format == "duckdb" and state_path is not None:
        raise UsageError("--format duckdb keeps its own state in the database; leave out --state")
    if args.engine == "dask" and args.jobs is not None:
        raise UsageError("--jobs is for --engine jobs; a Dask cluster's size is --workers N (or its --scheduler's)")
    if args.engine != "dask" and (args.scheduler is not None or args.workers is not None):
        raise UsageError("--scheduler and --workers need --engine dask")
    if args.scheduler is not None and args.workers is not None:
        raise UsageError("--workers starts a local cluster; a --scheduler's cluster has its own workers")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.engine == "dask":
        from .distributed import import_distributed

        try:
            import_distributed()
        except ImportError as exc:  # said before any work starts, as a usage error
            raise UsageError(str(exc)) from exc
    args.jobs = 1 if args.jobs is None else args.jobs  # None only tells whether --jobs was given
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import Extractor, _coerce_date

    output = _output_path(args.output, "-o", dataset=args.engine == "dask" and args.format == "parquet")
    errors_path = _output_path(args.errors, "--errors")
    state_path = _output_path(args.state, "--state")
    _check_extract_options(args, output, state_path)
    try:
        default_published: date | None = _coerce_date(args.published)
    except (TypeError, ValueError) as exc:
        raise UsageError(f"--published: {exc}") from exc
    max_bytes = int(args.max_size * 2**20)

    run = _Run()
    started = time.perf_counter()
    sources, problems = collect(args.paths)
    for path, reason in problems:
        _report_failure(run, path, reason)
    state: Any = State(state_path, _fingerprint(args.mode, args.published))
    if args.format == "duckdb":
        from .duckdb_store import DuckDBStore

        assert output is not None  # checked with the arguments
        state = DuckDBStore(output, state.fingerprint, default_published)
    # The dask engine loads the rules on its workers; loading them here too would only cost time.
    extractor = Extractor(mode=args.mode) if args.engine == "jobs" else None
    progress = _progress(len(sources))
    # Parquet on Dask: each worker writes its batches' partitions, and the facts never travel back
    # (with --state the client needs them to reuse, so it writes one file as with --jobs).
    partitions = None
    if args.engine == "dask" and args.format == "parquet" and state_path is None and output is not None:
        from .parquet import start_dataset

        partitions = start_dataset(output)

    def documents_and_facts() -> Iterator[tuple[Document, list[dict[str, Any]]]]:
        """Every readable document with its facts, in source order. Unchanged files (same content
        hash in --state) reuse their facts; the others stream through one extract_many."""
        reusable = {i for i, source in enumerate(sources) if state.unchanged(source)}
        read = {"upto": -1}  # the last source index the reader has looked at
        queued: deque[tuple[int, Document]] = deque()  # read and sent, result not yet received
        done: dict[int, tuple[Document, list[Any]]] = {}

        def changed() -> Iterator[tuple[str, str]]:
            for i, source in enumerate(sources):
                if i in reusable:
                    continue
                document = _read_or_report(source, run, max_bytes)
                read["upto"] = i
                if document is not None:
                    queued.append((i, document))
                    yield document.doc_id, document.text

        results = extractor.extract_many(changed(), n_process=args.jobs, default_published=default_published)
        for i, source in enumerate(sources):
            if i in reusable:
                document = _read_or_report(source, run, max_bytes)
                if document is not None:
                    run.reused += 1
                    yield document, state.reuse(document)
                continue
            # Pull results until the reader has passed source i: then either its facts are in
            # `done`, or it could not be read (and was reported).
            while (read["upto"] < i or any(j == i for j, _ in queued)) and i not in done:
                try:
                    _, facts = next(results)
                except StopIteration:
                    break
                j, document = queued.popleft()
                done[j] = (document, facts)
            if i in done:
                document, facts = done.pop(i)
                dicts = [f.to_dict() | {"evidence": list(f.evidence)} if args.with_evidence else f.to_dict()
                         for f in facts]
                state.store(document, dicts)
                yield document, dicts

    def dask_documents_and_facts() -> Iterator[tuple[Document, list[dict[str, Any]]]]:
        """The same pairs as documents_and_facts(), the changed files read and extracted on a Dask
        cluster; unchanged ones (--state, duckdb) are read here and reuse their facts as above."""
        from contextlib import nullcontext

        from .distributed import connect, extract_files

        reusable = [state.unchanged(source) for source in sources]
        changed = [source for source, reuse in zip(sources, reusable, strict=True) if not reuse]
        # Nothing changed (or nothing to read): no cluster to start.
        with connect(args.scheduler, args.workers or 2, mode=args.mode) if changed else nullcontext() as client:
            results = extract_files(changed, client=client, mode=args.mode, max_bytes=max_bytes,
                                    default_published=default_published, parquet_dir=partitions,
                                    with_data=state_path is not None or args.format == "duckdb") if changed else None
            for source, reuse in zip(sources, reusable, strict=True):
                if reuse:
                    document = _read_or_report(source, run, max_bytes)
                    if document is not None:
                        run.reused += 1
                        yield document, state.reuse(document)
                    continue
                assert results is not None  # this source is in `changed`
                result = next(results)
                if result.document is None:
                    _report_failure(run, source.path, result.error or "not read")
                    continue
                if result.document.encoding not in ("utf-8", "utf-8-sig"):
                    print(f"{source.path}: note: not UTF-8, decoded as {result.document.encoding}", file=sys.stderr)
                state.store(result.document, result.facts)
                run.facts += result.written or 0  # facts a worker wrote to its Parquet partition
                yield result.document, result.facts

    def counted() -> Iterator[tuple[Document, list[dict[str, Any]]]]:
        pairs = dask_documents_and_facts() if args.engine == "dask" else documents_and_facts()
        for document, facts in pairs:
            run.files += 1
            run.chars += len(document.text)
            run.facts += len(facts)
            progress.update(1)
            yield document, facts

    def chunks() -> Iterator[str]:
        writer_buffer = io.StringIO()
        writer = csv.DictWriter(writer_buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        if args.format == "csv":
            writer.writeheader()
            yield _drain(writer_buffer)
        for document, facts in counted():
            if args.with_text:
                yield json.dumps({"type": "document", "doc_id": document.doc_id, "path": document.path,
                                  "encoding": document.encoding, "text": document.text}, ensure_ascii=False) + "\n"
            for fact in facts:
                if args.format == "csv":
                    writer.writerow(csv_row(fact))
                    yield _drain(writer_buffer)
                else:
                    yield json.dumps(fact, ensure_ascii=False) + "\n"

    try:
        if args.format == "duckdb":
            for _ in counted():  # each changed document was written in its own transaction
                pass
        elif args.format == "sdmx-csv":
            from .sdmx import to_sdmx_csv

            _write_atomically(output, [to_sdmx_csv(fact for _, facts in counted() for fact in facts)])
        elif args.format == "parquet" and partitions is not None:
            from .parquet import publish_dataset

            assert output is not None  # checked with the arguments
            for _ in counted():
                pass
            publish_dataset(partitions, output)
            partitions = None
        elif args.format == "parquet":
            from .parquet import write_parquet

            assert output is not None  # checked with the arguments
            write_parquet(output, (fact for _, facts in counted() for fact in facts))
        else:
            _write_atomically(output, chunks())
    finally:
        progress.close()
        if partitions is not None:  # the run stopped: the partial dataset goes, the old output stays
            shutil.rmtree(partitions, ignore_errors=True)
    state.save()
    if errors_path is not None:
        lines = [json.dumps({"path": p, "reason": r}, ensure_ascii=False) + "\n" for p, r in run.failures]
        _write_atomically(errors_path, lines)
    seconds = time.perf_counter() - started
    rate = run.chars / 1e6 / seconds if seconds else 0.0
    reused = f"  reused from state: {run.reused}" if state_path or args.format == "duckdb" else ""
    print(f"files read: {run.files}  facts: {run.facts}  files failed: {len(run.failures)}  "
          f"seconds: {seconds:.2f}  MB/s: {rate:.2f}{reused}", file=sys.stderr)
    return 1 if run.failures else 0


def _drain(buffer: io.StringIO) -> str:
    value = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return value


# --- show, render, evaluate ------------------------------------------------------------------


def _read_one(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    sources, problems = collect([path])
    if problems:
        raise InputError(problems[0][1])
    if len(sources) != 1:
        raise UsageError(f"{path}: give one file (a folder holds {len(sources)})")
    return read_document(sources[0], max_bytes=max_bytes)


def cmd_show(args: argparse.Namespace) -> int:
    from .pipeline import Extractor
    from .report import show

    try:
        document = _read_one(args.file)
    except InputError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    facts = Extractor(mode=args.mode).extract(document.text, doc_id=document.doc_id)
    show(document.text, facts, doc_id=document.doc_id)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from .pipeline import Extractor
    from .report import render_html

    output = _output_path(args.output, "-o")
    if output is None:
        raise UsageError("render needs -o report.html")
    run = _Run()
    sources, problems = collect(args.paths)
    for path, reason in problems:
        _report_failure(run, path, reason)
    extractor = Extractor(mode=args.mode)
    documents = []
    for document in _read_all(sources, run, DEFAULT_MAX_BYTES):
        facts = extractor.extract(document.text, doc_id=document.doc_id)
        documents.append((document.doc_id, document.text, facts))
        run.facts += len(facts)
    _write_atomically(output, [render_html(documents)])
    print(f"documents: {len(documents)}  facts: {run.facts}  files failed: {len(run.failures)}  "
          f"report: {output}", file=sys.stderr)
    return 1 if run.failures else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluation import evaluate

    gold_dir = Path(args.gold_dir)
    if not gold_dir.is_dir():
        raise UsageError(f"not a folder: {gold_dir}")
    gold: list[dict[str, Any]] = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold += data.get("facts", []) if isinstance(data, dict) else data
    try:
        lines = Path(args.predictions).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"{args.predictions}: {exc.strerror}") from exc
    predicted = [json.loads(line) for line in lines if line.strip()]
    predicted = [p for p in predicted if p.get("type") != "document"]
    gold_docs = {f.get("doc_id") for f in gold}
    predicted = [p for p in predicted if p.get("doc_id") in gold_docs]
    result = evaluate(gold, predicted)
    print(result.table())
    if args.plot:
        from .reliability import plot_reliability

        target = _output_path(args.plot, "--plot")
        if target is None:
            raise UsageError("--plot needs a file name (reliability.png)")
        try:
            m = plot_reliability([right for _, right in result.scored], [c for c, _ in result.scored], target)
        except ImportError as exc:
            print(f"extractor evaluate: error: {exc}", file=sys.stderr)
            return 1
        print(f"\nreliability diagram: {target} (AUROC {m.auroc:.3f}, ECE {m.ece:.3f}, Brier {m.brier:.3f})")
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from .calibrate import DEFAULT_C, DEFAULT_FINAL, DEFAULT_FINAL_ON, calibrate

    root = Path(args.gold_dir)
    if not root.is_dir():
        raise UsageError(f"not a folder: {root}")
    output = _output_path(args.output, "-o")
    # The seeds' gold files name their text by doc_id, in a seeds/ folder beside tests/
    texts = [Path(t) for t in args.texts] or [p / "seeds" for p in (root, *root.resolve().parents)
                                              if (p / "seeds").is_dir()][:1]
    modes = ("fast", "accurate") if args.mode == "both" else (args.mode,)
    try:
        report = calibrate(root, output, modes=modes, c=DEFAULT_C if args.c is None else args.c, text_dirs=texts,
                           isotonic=args.isotonic, final=args.final or DEFAULT_FINAL,
                           final_on=args.final_on or DEFAULT_FINAL_ON, snapshots=not args.no_snapshots,
                           folds=args.folds, by_set=args.by_set)
    except (ImportError, FileNotFoundError, ValueError) as exc:
        print(f"extractor calibrate: error: {exc}", file=sys.stderr)
        return 1
    print(report)
    return 0


# --- the parser -----------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 already; keep its one-line form
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="extractor", description="Statistical facts, with spans and confidence, from text.")
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ex = sub.add_parser("extract", help="extract facts from files or folders")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder (read recursively), or - for stdin")
    ex.add_argument("-o", "--output", help="write here instead of standard output (replaced atomically)")
    ex.add_argument("--format", choices=("jsonl", "csv", "parquet", "duckdb", "sdmx-csv"), default="jsonl",
                    help="jsonl (default), csv, parquet, duckdb (both need -o) or sdmx-csv; see the README")
    ex.add_argument("--mode", choices=("fast", "accurate"), default="fast")
    ex.add_argument("--jobs", type=int, help="worker processes (default 1)")
    ex.add_argument("--engine", choices=("jobs", "dask"), default="jobs",
                    help="jobs (default): --jobs local processes; dask: a Dask cluster (the dask extra), where "
                         "workers read the files themselves, so they must see the same paths; --state and "
                         "--format duckdb work with both (unchanged files are read here)")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: the scheduler of a running cluster (tcp://host:port); "
                         "without it a local cluster is started")
    ex.add_argument("--workers", type=int, metavar="N",
                    help="with --engine dask and no --scheduler: local worker processes (default 2)")
    ex.add_argument("--published", help="publication date for documents that state none (YYYY-MM-DD)")
    ex.add_argument("--errors", metavar="ERRFILE", help="also write failures as JSONL: {path, reason}")
    ex.add_argument("--state", metavar="FILE", help="remember content hashes and facts; re-extract only changes")
    ex.add_argument("--with-text", action="store_true",
                    help="write each document's text (as a line before its facts) so spans can be checked")
    ex.add_argument("--with-evidence", action="store_true",
                    help="add each fact's evidence (the names the confidence model reads) as \"evidence\": [...] "
                         "(jsonl): what a snapshot of unseen predictions records")
    ex.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 2**20, metavar="MB",
                    help=f"skip larger files (default {DEFAULT_MAX_BYTES // 2**20})")
    ex.set_defaults(func=cmd_extract)

    sh = sub.add_parser("show", help="a document in the terminal with its facts highlighted")
    sh.add_argument("file")
    sh.add_argument("--mode", choices=("fast", "accurate"), default="fast")
    sh.set_defaults(func=cmd_show)

    re_ = sub.add_parser("render", help="one self-contained HTML page to review facts against their text")
    re_.add_argument("paths", nargs="+", metavar="PATH")
    re_.add_argument("-o", "--output", required=True, metavar="REPORT.html")
    re_.add_argument("--mode", choices=("fast", "accurate"), default="fast")
    re_.set_defaults(func=cmd_render)

    ev = sub.add_parser("evaluate", help="score predicted facts against a folder of gold files")
    ev.add_argument("gold_dir", help="folder of <doc_id>.json gold files")
    ev.add_argument("predictions", help="JSONL written by `extractor extract`")
    ev.add_argument("--plot", metavar="FILE.png",
                    help="also draw the reliability diagram (confidence bins against share right; the plot extra)")
    ev.set_defaults(func=cmd_evaluate)

    ca = sub.add_parser("calibrate", help="fit the confidence model on gold documents (the calibrate extra)")
    ca.add_argument("gold_dir", nargs="?", default="tests/fixtures",
                    help="folder of gold files, read recursively (default tests/fixtures)")
    ca.add_argument("-o", "--output", metavar="MODEL.yaml", help="default: patterns/confidence_model.yaml")
    ca.add_argument("--mode", choices=("fast", "accurate", "both"), default="fast",
                    help="extract the gold documents in this mode (both: one row per fact per mode)")
    ca.add_argument("--texts", action="append", default=[], metavar="DIR",
                    help="folder of <doc_id>.txt for gold files without a .txt beside them (default: seeds/)")
    ca.add_argument("--C", dest="c", type=float, default=None,
                    help="inverse regularisation strength (default 1.0)")
    ca.add_argument("--isotonic", action="store_true",
                    help="follow the regression with an isotonic map fitted on out-of-fold outputs")
    ca.add_argument("--final", choices=("platt", "isotonic", "none"), default=None,
                    help="map of the four models' product to the fact's confidence, fitted on out-of-fold "
                         "products (default platt; none: the product itself)")
    ca.add_argument("--final-on", choices=("snapshot", "all"), default=None,
                    help="fit the final map on the snapshot rows (default: confidence calibrated to unseen text) "
                         "or on all rows")
    ca.add_argument("--no-snapshots", action="store_true",
                    help="ignore the unseen_predictions.jsonl snapshots beside the gold sets")
    ca.add_argument("--folds", type=int, default=None, metavar="K",
                    help="hold the documents out in K groups instead of one at a time: held-out figures in a "
                         "fraction of the time (the models are fitted on every document either way; the final "
                         "map on K-fold products)")
    ca.add_argument("--by-set", action="store_true",
                    help="also hold each gold set out in turn and report its snapshot facts' confidence: the "
                         "estimate for unseen text, at six times the fits")
    ca.set_defaults(func=cmd_calibrate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"extractor {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("extractor: interrupted; the output file was left as it was", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "| head": the reader left; not an error of ours
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
