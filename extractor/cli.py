"""Command line: ``extractor extract PATH...`` and ``extractor evaluate GOLD_DIR PRED.jsonl``.

``extract`` reads ``.txt`` and ``.md`` files (a folder is read recursively, in
sorted order), writes one FACTS.md JSON object per line, and prints a summary to
standard error. A file that cannot be read is reported with its path and a reason
and skipped; the others are still extracted. Exit status: 0 when every file
succeeded, 1 when some failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__

SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    doc_id: str


class InputError(Exception):
    """A file that cannot be extracted: the message is the one-line reason."""


def collect(paths: Sequence[str]) -> tuple[list[Source], list[tuple[str, str]]]:
    """Files to read, each with its doc_id, and (path, reason) for paths that give nothing."""
    sources: list[Source] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append((raw, "no such file or directory"))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                problems.append((raw, f"no {'/'.join(SUFFIXES)} files in this directory"))
            for p in found:
                doc_id = p.relative_to(path).with_suffix("").as_posix()
                sources.append(Source(p, doc_id))
        else:
            sources.append(Source(path, path.stem))
    return sources, problems


def read_text(path: Path) -> str:
    """The file's text exactly as stored: UTF-8, no newline translation, so offsets index the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from exc
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file")
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})") from exc


def _documents(sources: list[Source], failures: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for source in sources:
        try:
            yield source.doc_id, read_text(source.path)
        except InputError as exc:
            failures.append((str(source.path), str(exc)))
            print(f"{source.path}: {exc}", file=sys.stderr)


def _write_atomically(target: Path | None, lines: Iterator[str]) -> None:
    """All lines or nothing: a temporary file in the target's folder, renamed over it at the end."""
    if target is None:
        for line in lines:
            sys.stdout.write(line)
        sys.stdout.flush()
        return
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for line in lines:
                handle.write(line)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the output is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import Extractor

    sources, problems = collect(args.paths)
    failures: list[tuple[str, str]] = list(problems)
    for path, reason in problems:
        print(f"{path}: {reason}", file=sys.stderr)
    if args.output is not None and not Path(args.output).parent.exists():
        print(f"extractor: error: output folder does not exist: {Path(args.output).parent}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    extractor = Extractor(mode=args.mode)
    counts = {"files": 0, "facts": 0, "chars": 0}

    def lines() -> Iterator[str]:
        docs = _documents(sources, failures)
        for _doc_id, facts in extractor.extract_many(_counted(docs, counts), n_process=args.jobs,
                                                     published=args.published):
            for fact in facts:
                counts["facts"] += 1
                yield json.dumps(fact.to_dict(), ensure_ascii=False) + "\n"

    _write_atomically(Path(args.output) if args.output else None, lines())
    seconds = time.perf_counter() - started
    megabytes = counts["chars"] / 1e6
    print(f"files read: {counts['files']}  facts: {counts['facts']}  files failed: {len(failures)}  "
          f"seconds: {seconds:.2f}  MB/s: {megabytes / seconds if seconds else 0:.2f}", file=sys.stderr)
    return 1 if failures else 0


def _counted(docs: Iterator[tuple[str, str]], counts: dict[str, int]) -> Iterator[tuple[str, str]]:
    for doc_id, text in docs:
        counts["files"] += 1
        counts["chars"] += len(text)
        yield doc_id, text


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluation import evaluate

    gold_dir = Path(args.gold_dir)
    if not gold_dir.is_dir():
        print(f"extractor: error: not a directory: {gold_dir}", file=sys.stderr)
        return 2
    gold = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold += data.get("facts", []) if isinstance(data, dict) else data
    predicted = [json.loads(line) for line in Path(args.predictions).read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    gold_docs = {f.get("doc_id") for f in gold}
    predicted = [p for p in predicted if p.get("doc_id") in gold_docs]
    print(evaluate(gold, predicted).table())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract facts from files or folders into JSONL")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (read recursively)")
    ex.add_argument("-o", "--output", help="write facts here (default: standard output)")
    ex.add_argument("--mode", choices=("fast", "accurate"), default="fast")
    ex.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ex.add_argument("--published", help="publication date for documents that do not state one (YYYY-MM-DD)")
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score predicted facts against a folder of gold files")
    ev.add_argument("gold_dir", help="folder of <doc_id>.json gold files")
    ev.add_argument("predictions", help="JSONL written by `extractor extract`")
    ev.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "| head": the reader left; not an error of ours
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
