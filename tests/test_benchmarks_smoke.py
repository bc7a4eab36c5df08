"""The benchmark keeps working: ``benchmarks/run.py --quick`` runs end to end and writes its JSON.

This checks the shape of the report, never a timing: the benchmark does not fail on speed.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from .conftest import ROOT, model_installed

RUN = ROOT / "benchmarks" / "run.py"
TOOLS = ["fast", "fast-np2", "accurate", "accurate-np2", "spacy-full", "spacy-ner", "quantulum3", "regex-digits"]
NEEDS_MODEL = {"accurate", "accurate-np2", "spacy-full", "spacy-ner"}
MEASURED_FIELDS = {"tool", "what", "kind", "mb", "docs", "found", "load_seconds", "seconds", "mb_per_s",
                   "docs_per_s", "s_per_mb", "peak_rss_mb", "peak_rss_self_mb", "child_processes"}


def _load_corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_corpus_is_deterministic_distinct_and_sized():
    corpus = _load_corpus()
    docs = list(corpus.documents(0.05))
    assert docs == list(corpus.documents(0.05))
    assert corpus.size_of(docs) >= 50_000
    assert len({doc_id for doc_id, _ in docs}) == len(docs)
    assert len({text for _, text in docs}) == len(docs)  # copies differ, so no whole-document cache helps
    assert len(corpus.sources()) >= 13
    long = corpus.long_document(0.05)
    assert len(long.encode()) >= 50_000


def test_benchmark_quick_run_writes_a_complete_report(tmp_path):
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Targets" in done.stdout and "Scaling" in done.stdout
    report = json.loads((tmp_path / "quick.json").read_text(encoding="utf-8"))
    assert report["quick"] is True
    assert {"created", "config", "environment", "same_corpus", "scaling", "long_document", "targets"} <= set(report)

    same = {result["tool"]: result for result in report["same_corpus"]}
    assert list(same) == TOOLS
    for tool, result in same.items():
        expect_skip = (tool in NEEDS_MODEL and not model_installed()
                       or tool == "quantulum3" and importlib.util.find_spec("quantulum3") is None)
        if expect_skip:
            assert result.get("skipped"), f"{tool}: not installed, so its entry must say why it was skipped"
            continue
        assert "error" not in result and "skipped" not in result, f"{tool}: {result}"
        assert set(result) >= MEASURED_FIELDS, f"{tool} lacks {MEASURED_FIELDS - set(result)}"
        assert result["docs"] > 0 and result["mb"] > 0 and result["seconds"] >= 0
        assert result["peak_rss_mb"] > 0
        assert result["ratio_to_fast"] is not None
    assert same["fast"]["found"] > 0  # the corpus has facts in it
    assert same["fast"]["ratio_to_fast"] == 1.0
    assert same["fast-np2"]["child_processes"] >= 2

    scaling = [(result["tool"], result["size_mb"]) for result in report["scaling"]]
    sizes = report["config"]["sizes_mb"]
    assert scaling == [(tool, size) for tool in ("fast", "fast-np2") for size in sizes]
    assert all("seconds" in result and result["s_per_mb"] > 0 for result in report["scaling"])
    assert [result["size_mb"] for result in report["long_document"]] == report["config"]["long_mb"]
    assert all(result["docs"] == 1 for result in report["long_document"])

    assert report["targets"]
    for target in report["targets"]:
        assert set(target) == {"target", "measured", "met", "note"}
    targets = " ".join(target["target"] for target in report["targets"])
    for words in ("25x", "100x quantulum3", "1.3x", "n_process=2", "linear time", "flat memory", "500 MB",
                  "quadratic"):
        assert words in targets


def test_stage_timer_runs_every_stage_of_extract():
    """``benchmarks/stages.py`` times the stages of ``extract()`` by hand: its facts must be extract()'s."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "stages.py"), "--mb", "0.03", "--check"],
                          capture_output=True, text=True, check=True, timeout=300)
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "s/MB" not in line]
    assert {row.split("|")[1].strip() for row in rows} >= {"tokenizer", "numbers", "periods", "assembly"}
    assert "checked: the stages gave extract()'s facts" in done.stdout
