"""The real `extractor` command in a subprocess, over a folder of good files and every bad input."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import extract

from .conftest import SEEDS

COMMAND = [sys.executable, "-m", "extractor"]
GOOD = "In 2024 the population of Kazakhstan was 20,000,000 people. It grew by 1.2%.\n"


def run(*args: str, stdin: bytes | None = None, without_privileges: bool = False,
        **kwargs) -> subprocess.CompletedProcess:
    prefix: list[str] = []
    if without_privileges and os.geteuid() == 0:
        # Root reads mode-000 files; without its capabilities the ordinary permission checks apply.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.fail("running as root: the permission test needs setpriv (util-linux) to drop capabilities")
        prefix = [setpriv, "--inh-caps=-all", "--bounding-set=-all"]
    return subprocess.run([*prefix, *COMMAND, *args], input=stdin, capture_output=True, timeout=300, **kwargs)


def facts_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Good files (UTF-8, BOM, UTF-16, cp1251, CRLF, HTML, nested) beside every bad input of issue 3."""
    root = tmp_path / "in"
    (root / "nested").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "bom.md").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (root / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    cyrillic = "В 2024 году население Kazakhstan составило 20,1 млн, рост 1,2%."
    (root / "cyrillic.txt").write_bytes(cyrillic.encode("cp1251"))
    (root / "crlf.txt").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (root / "nested" / "page.html").write_text(
        "<html><head><style>p{color:red}</style></head><body><h1>Births</h1>"
        "<p>In 2024 in Kazakhstan 400,000 babies were born.</p><script>var x = 5;</script></body></html>")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (root / "empty.txt").write_bytes(b"")
    with (root / "huge.txt").open("wb") as f:  # 50 MB
        f.write(GOOD.encode() * (50 * 2**20 // len(GOOD) + 1))
    (root / "loop_a.txt").symlink_to(root / "loop_b.txt")
    (root / "loop_b.txt").symlink_to(root / "loop_a.txt")
    (root / "nested" / "back").symlink_to(root)  # a folder loop
    locked = root / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "nothing_here").mkdir()
    (tmp_path / "nothing_here" / "image.png").write_bytes(b"\x89PNG")
    for path in (tmp_path, root, root / "nested", tmp_path / "nothing_here"):
        path.chmod(0o755)
    return root


EXPECTED_FAILURES = {
    "binary.txt": "binary file",
    "empty.txt": "empty file",
    "huge.txt": "file too large",
    "loop_a.txt": "symlink loop",
    "loop_b.txt": "symlink loop",
    "locked.txt": "permission denied",
    "back": "symlink loop",
    "nothing_here": "no .txt, .md, .html, .htm files",
    "missing": "no such file or directory",
}


def test_cli_bad_inputs_are_reported_and_the_rest_extracted(corpus: Path, tmp_path: Path):
    out = tmp_path / "out" / "facts.jsonl"
    out.parent.mkdir()
    errors = tmp_path / "out" / "errors.jsonl"
    result = run("extract", str(corpus), str(tmp_path / "nothing_here"), str(tmp_path / "missing"),
                 "-o", str(out), "--errors", str(errors), without_privileges=True)
    assert result.returncode == 1, result.stderr
    stderr = result.stderr.decode()
    records = facts_of(errors)
    by_name = {Path(r["path"]).name: r["reason"] for r in records}
    for name, reason in EXPECTED_FAILURES.items():
        assert reason in by_name.get(name, ""), (name, by_name)
        assert f"{name}: {by_name[name]}" in stderr  # path and one-line reason on stderr too
    facts = facts_of(out)
    docs = {f["doc_id"] for f in facts}
    assert docs == {"good", "bom", "utf16", "cyrillic", "crlf", "nested/page"}
    assert "cyrillic.txt: note: not UTF-8, decoded as cp1251" in stderr
    assert "files read: 6" in stderr and "files failed: 9" in stderr and "MB/s" in stderr


def test_cli_spans_index_the_files_own_characters(corpus: Path, tmp_path: Path):
    out = tmp_path / "facts.jsonl"
    result = run("extract", str(corpus / "crlf.txt"), str(corpus / "utf16.txt"), str(corpus / "nested" / "page.html"),
                 "-o", str(out), "--with-text")
    assert result.returncode == 0, result.stderr
    text = None
    checked = 0
    for record in facts_of(out):
        if record.get("type") == "document":
            text = record["text"]
            continue
        for name in ("value", "indicator", "region", "period", "reference_period"):
            if record.get(name):
                assert text[record[name]["start"]:record[name]["end"]] == record[name]["text"]
                checked += 1
    assert checked > 6
    raw = (corpus / "crlf.txt").read_bytes().decode()
    [first] = [r for r in facts_of(out) if r.get("doc_id") == "crlf" and r.get("value", {}).get("text") == "1.2%"]
    assert raw[first["value"]["start"]:first["value"]["end"]] == "1.2%"  # \r\n kept: offsets into the file


def test_cli_extract_seeds_equals_the_library(tmp_path: Path):
    out = tmp_path / "facts.jsonl"
    result = run("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    expected = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        expected += [f.to_dict() for f in extract(text, doc_id=path.stem)]
    assert facts_of(out) == expected


def test_cli_jobs_two_is_byte_identical_to_jobs_one(tmp_path: Path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("extract", str(SEEDS), "-o", str(one), "--jobs", "1").returncode == 0
    assert run("extract", str(SEEDS), "-o", str(two), "--jobs", "2").returncode == 0
    assert one.read_bytes() == two.read_bytes()


def test_cli_csv_has_one_column_per_field(tmp_path: Path):
    import csv

    out = tmp_path / "facts.csv"
    assert run("extract", str(SEEDS / "001_809f0eeb125bfbb9.txt"), "--format", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and rows[0]["value_text"] == "23761" and rows[0]["period_from"] == "2025-01-01"
    assert {"indicator_key", "region_code", "reference_from", "confidence", "breakdown"} <= set(rows[0])


def test_cli_reads_standard_input():
    result = run("extract", "-", stdin=b"In 2024 the unemployment rate in Kazakhstan was 4.7%.")
    assert result.returncode == 0
    [fact] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert (fact["doc_id"], fact["value"]["number"]) == ("stdin", 4.7)


def test_cli_published_date_fallback(tmp_path: Path):
    (tmp_path / "a.txt").write_text("This year 1,200 people arrived in Kazakhstan.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Date of publication: 09.02.2026\n\nThis year 1,200 people arrived in Kazakhstan.",
                                    encoding="utf-8")
    result = run("extract", str(tmp_path), "--published", "2023-05-05")
    periods = {json.loads(x)["doc_id"]: json.loads(x)["period"]["from"] for x in result.stdout.decode().splitlines()}
    assert periods == {"a": "2023-01-01", "b": "2026-01-01"}  # the document's own date wins


def test_cli_state_reextracts_only_changed_files(tmp_path: Path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    state, out = tmp_path / "state.json", tmp_path / "facts.jsonl"
    first = run("extract", str(folder), "-o", str(out), "--state", str(state))
    assert "reused from state: 0" in first.stderr.decode()
    before = out.read_bytes()
    (folder / "zz_new.txt").write_text(GOOD, encoding="utf-8")
    second = run("extract", str(folder), "-o", str(out), "--state", str(state))
    assert "reused from state: 3" in second.stderr.decode() and "files read: 4" in second.stderr.decode()
    assert out.read_bytes().startswith(before)  # complete output, same facts for unchanged files
    assert any(f["doc_id"] == "zz_new" for f in facts_of(out))


@pytest.mark.parametrize(("args", "message"), [
    (["extract", "seeds", "-o", "/no/such/folder/x.jsonl"], "folder does not exist"),
    (["extract", "seeds", "--jobs", "0"], "--jobs"),
    (["extract", "seeds", "--published", "soon"], "--published"),
    (["extract", "seeds", "--format", "csv", "--with-text"], "--with-text"),
    (["extract"], "required"),
    (["frobnicate"], "invalid choice"),
])
def test_cli_usage_errors_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_cli_interrupted_run_leaves_the_old_file_or_a_complete_new_one(tmp_path: Path):
    folder = tmp_path / "many"
    folder.mkdir()
    texts = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(400):
        (folder / f"doc{i:04d}.txt").write_bytes(texts[i % len(texts)])
    out = tmp_path / "facts.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    process = subprocess.Popen([*COMMAND, "extract", str(folder), "-o", str(out)], stderr=subprocess.PIPE)
    time.sleep(3.0)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=120)
    content = out.read_text(encoding="utf-8")
    if content != "previous run\n":  # finished before the signal: then it must be complete
        per_text = [len(extract(t.decode())) for t in texts]
        assert len(content.splitlines()) == sum(per_text[i % len(texts)] for i in range(400))
    assert not list(tmp_path.glob(".facts.jsonl.*.tmp"))


def test_cli_evaluate_prints_the_table(tmp_path: Path):
    out = tmp_path / "facts.jsonl"
    run("extract", str(SEEDS), "-o", str(out))
    result = run("evaluate", str(SEEDS.parent / "tests" / "fixtures"), str(out))
    assert result.returncode == 0
    table = result.stdout.decode()
    assert "value" in table and "fact" in table and "calibration" in table
