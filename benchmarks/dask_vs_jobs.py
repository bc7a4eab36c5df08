"""``extractor extract --engine dask --workers 2`` against ``--jobs 2`` on the same corpus of files.

    python benchmarks/dask_vs_jobs.py                 # 10 MB (about 4,200 files), each engine once
    python benchmarks/dask_vs_jobs.py --mb 1 --repeat 3

The corpus is ``corpus.documents(MB)`` (see ``benchmarks/README.md``) written out as one ``.txt``
file per document, since both engines read files. Each engine runs as the real command in a fresh
process (``python -m extractor extract CORPUS ... -o FILE``) and is timed end to end, from start to
exit: interpreter start, loading the rules (and starting the local cluster), reading, extracting
and writing. Runs alternate between the engines so drift of the machine hits both alike; the
fastest of ``--repeat`` runs is kept. Peak memory is that of the whole process tree (the command,
its worker processes and, for dask, the nanny processes), sampled every 0.1 s: the summed RSS and
the summed PSS (pages shared between processes counted once), as ``run.py`` measures them.

It prints a table and writes ``benchmarks/results/dask-<date-time>.json``. It never fails on timing.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _path in (str(ROOT), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import corpus  # noqa: E402  (benchmarks/corpus.py, found through the path set above)
from run import TreeMemory, _machine_busy_seconds, _mb, environment, table  # noqa: E402

ENGINES = {
    "jobs2": ["--jobs", "2"],
    "dask2": ["--engine", "dask", "--workers", "2"],
}
TARGET = 0.85  # dask's throughput at least this share of --jobs 2's


def write_corpus(folder: Path, size_mb: float) -> tuple[int, int]:
    """One file per corpus document; returns (files, bytes)."""
    files = size = 0
    for doc_id, text in corpus.documents(size_mb):
        data = text.encode("utf-8")
        (folder / f"{doc_id.replace('#', '_')}.txt").write_bytes(data)
        files += 1
        size += len(data)
    return files, size


def measure(engine: str, folder: Path, out: Path, timeout: float) -> dict:
    """One run of the command with ``engine``'s options: wall time, peaks of the tree, the summary line."""
    command = [sys.executable, "-m", "extractor", "extract", str(folder), *ENGINES[engine], "-o", str(out)]
    busy_before = _machine_busy_seconds()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, cwd=ROOT)
        memory = TreeMemory(process.pid)
        deadline = started + timeout
        while process.poll() is None:
            memory.sample()
            if time.perf_counter() > deadline:
                process.kill()
                process.wait()
                raise TimeoutError(f"{engine}: no result after {timeout:.0f} s")
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        stderr.seek(0)
        report = stderr.read().decode(errors="replace").strip().splitlines()
    busy_after = _machine_busy_seconds()
    summary = report[-1] if report else ""
    if process.returncode != 0 or not summary.startswith("files read:"):
        raise RuntimeError(f"{engine}: exit status {process.returncode}: {' / '.join(report[-5:])}")
    command_seconds, command_rate = (float(re.search(rf"{name}: ([\d.]+)", summary).group(1))  # type: ignore[union-attr]
                                     for name in ("seconds", "MB/s"))
    peaks = memory.peaks()
    # The command's own CPU is included in the machine's busy time; what is left is other processes'.
    busy = None if busy_before is None or busy_after is None else (busy_after - busy_before) / seconds
    return {"engine": engine, "command": command[1:], "seconds": round(seconds, 3), "summary": summary,
            "command_seconds": command_seconds, "command_mb_per_s": command_rate,
            "peak_rss_tree_mb": _mb(peaks["rss"]), "peak_pss_tree_mb": _mb(peaks["pss"]),
            "processes": peaks["children"] + 1, "machine_busy_cores": None if busy is None else round(busy, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB of UTF-8 text (default 10)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine; the fastest is kept (default 1)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run (default 900)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="folder for the JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="dask-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, size = write_corpus(folder, args.mb)
        runs: dict[str, list[dict]] = {engine: [] for engine in ENGINES}
        outputs: dict[str, bytes] = {}
        for _ in range(args.repeat):
            for engine in ENGINES:
                out = Path(tmp) / f"{engine}.jsonl"
                runs[engine].append(measure(engine, folder, out, args.timeout))
                outputs[engine] = out.read_bytes()
                out.unlink()

    best = {engine: min(found, key=lambda r: r["seconds"]) for engine, found in runs.items()}
    for result in best.values():
        result["mb_per_s"] = round(size / corpus.MB / result["seconds"], 4)
    ratio = best["dask2"]["mb_per_s"] / best["jobs2"]["mb_per_s"]
    same = outputs["dask2"] == outputs["jobs2"]
    rows = [[engine, size / corpus.MB, files, r["seconds"], r["mb_per_s"], r["command_mb_per_s"],
             r["peak_rss_tree_mb"], r["peak_pss_tree_mb"], r["processes"], r["machine_busy_cores"]]
            for engine, r in best.items()]
    print(table(["engine", "MB", "files", "seconds", "MB/s", "MB/s (command)", "peak RSS tree MB",
                 "peak PSS tree MB", "processes", "busy"], rows))
    print(f"\ndask/jobs2 throughput: {ratio:.3f} (target >= {TARGET}: {'met' if ratio >= TARGET else 'NOT met'}); "
          f"outputs identical: {'yes' if same else 'NO'}")

    stamp = datetime.now(timezone.utc)
    report = {"measured_at": stamp.isoformat(timespec="seconds"), "environment": environment(),
              "config": {"mb": args.mb, "repeat": args.repeat, "files": files, "bytes": size},
              "best": best, "runs": runs, "ratio_dask_to_jobs2": round(ratio, 4), "target": TARGET,
              "target_met": ratio >= TARGET, "outputs_identical": same}
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"dask-{stamp:%Y-%m-%d-%H%M}.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
