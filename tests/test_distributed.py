"""``extract --engine dask`` and ``extractor.distributed``: the same bytes as ``--jobs 1``, on a local
cluster, on a cluster started with the ``dask`` commands, and from the library."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.io import Source, collect

from .conftest import SEEDS
from .test_cli import run

distributed = pytest.importorskip("distributed")

CYRILLIC = "В 2024 году население Kazakhstan составило 20,1 млн, рост 1,2%."


@pytest.fixture(scope="module")
def client():
    """One local cluster of two worker processes for the library tests (a cluster takes ~2 s to start
    and each worker ~2 s to load the rules, so it is shared)."""
    with (distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.ERROR) as cluster,
          distributed.Client(cluster) as c):
        yield c


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds beside a binary file, an empty file and a cp1251 file."""
    root = tmp_path_factory.mktemp("broken")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, root / seed.name)
    (root / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (root / "empty.txt").write_bytes(b"")
    (root / "cyrillic.txt").write_bytes(CYRILLIC.encode("cp1251"))
    return root


def _failures(stderr: bytes) -> list[str]:
    """The per-file lines of stderr (failures and notes), without the summary line and its timing."""
    return [line for line in stderr.decode().splitlines() if not line.startswith("files read:")]


def _summary(stderr: bytes) -> str:
    line = stderr.decode().splitlines()[-1]
    return line.split("  seconds:")[0]  # the counts; the time differs from run to run


def _extract(tmp_path: Path, name: str, *args: str) -> tuple[subprocess.CompletedProcess, bytes, bytes]:
    out, errors = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.errors.jsonl"
    done = run("extract", *args, "-o", str(out), "--errors", str(errors))
    return done, out.read_bytes(), errors.read_bytes()


def test_cli_local_cluster_matches_jobs_1(tmp_path: Path, broken: Path) -> None:
    for folder, extra, status in ((SEEDS, (), 0), (broken, ("--with-text",), 1)):
        jobs, jobs_out, jobs_errors = _extract(tmp_path, "jobs", str(folder), *extra, "--jobs", "1")
        dask, dask_out, dask_errors = _extract(tmp_path, "dask", str(folder), *extra,
                                               "--engine", "dask", "--workers", "2")
        assert (jobs.returncode, dask.returncode) == (status, status), dask.stderr.decode()
        assert dask_out == jobs_out and jobs_out
        assert dask_errors == jobs_errors
        assert _failures(dask.stderr) == _failures(jobs.stderr)
        assert _summary(dask.stderr) == _summary(jobs.stderr)
    assert [json.loads(line)["reason"] for line in dask_errors.splitlines()] == ["binary file (not text)",
                                                                                "empty file"]
    assert f"{broken / 'cyrillic.txt'}: note: not UTF-8, decoded as cp1251" in _failures(dask.stderr)


def test_library_matches_jobs_1(tmp_path: Path, broken: Path, client) -> None:
    from extractor.distributed import FileResult, extract_files

    jobs, jobs_out, _ = _extract(tmp_path, "jobs", str(broken), "--jobs", "1")
    sources, problems = collect([str(broken)])
    assert not problems
    # Small batches and window, so that results come from many tasks, several of them in flight.
    results = list(extract_files(sources, client=client, batch_size=2, window=2))
    assert all(isinstance(r, FileResult) for r in results)
    assert [r.source for r in results] == sources
    lines = b"".join(json.dumps(f, ensure_ascii=False).encode() + b"\n" for r in results for f in r.facts)
    assert lines == jobs_out
    failed = {Path(r.source.path).name: r.error for r in results if not r.ok}
    assert failed == {"binary.txt": "binary file (not text)", "empty.txt": "empty file"}
    assert all(r.document is None and r.facts == [] for r in results if not r.ok)
    cyrillic = next(r.document for r in results if r.source.path.endswith("cyrillic.txt"))
    assert cyrillic is not None and cyrillic.encoding == "cp1251" and cyrillic.text == CYRILLIC
    assert cyrillic.data == b""  # only with with_data=True
    again = list(extract_files(sources[:2], client=client, with_data=True))
    assert [r.document.data for r in again if r.document] == [Path(s.path).read_bytes() for s in sources[:2]]


def test_library_missing_file_and_no_sources(client) -> None:
    from extractor.distributed import extract_files

    missing = Source("/nonexistent/release.txt", "release")
    [result] = extract_files([missing], client=client)
    assert (result.document, result.facts, result.error) == (None, [], "no such file or directory")
    assert list(extract_files([], client=client)) == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _dask_command(name: str) -> list[str]:
    """`dask scheduler` / `dask worker` from this interpreter's environment."""
    script = Path(sys.executable).parent / "dask"
    if script.exists():
        return [str(script), name]
    return [sys.executable, "-m", f"distributed.cli.dask_{name}"]


def test_cli_existing_scheduler_matches_jobs_1(tmp_path: Path, broken: Path) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    log = (tmp_path / "cluster.log").open("wb")
    started: list[subprocess.Popen] = []
    try:
        started.append(subprocess.Popen([*_dask_command("scheduler"), "--host", "127.0.0.1",
                                         "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
                                        stdout=log, stderr=log))
        for _ in range(2):
            started.append(subprocess.Popen([*_dask_command("worker"), address, "--nworkers", "1", "--nthreads", "1",
                                             "--no-dashboard", "--host", "127.0.0.1"], stdout=log, stderr=log))
        with distributed.Client(address, timeout=60) as c:
            c.wait_for_workers(2, timeout=60)
        jobs, jobs_out, jobs_errors = _extract(tmp_path, "jobs", str(broken), "--jobs", "1")
        dask, dask_out, dask_errors = _extract(tmp_path, "dask", str(broken), "--engine", "dask",
                                               "--scheduler", address)
        assert (jobs.returncode, dask.returncode) == (1, 1), dask.stderr.decode()
        assert dask_out == jobs_out and jobs_out
        assert dask_errors == jobs_errors
        assert _failures(dask.stderr) == _failures(jobs.stderr)
    finally:
        for process in reversed(started):  # workers first, so they do not wait for a lost scheduler
            process.terminate()
        deadline = time.monotonic() + 15
        for process in reversed(started):
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


@pytest.mark.parametrize("args", [
    ["--engine", "dask", "--jobs", "2"],
    ["--workers", "2"],
    ["--scheduler", "tcp://127.0.0.1:1"],
    ["--engine", "jobs", "--scheduler", "tcp://127.0.0.1:1"],
    ["--engine", "dask", "--workers", "0"],
    ["--engine", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"],
])
def test_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEEDS), *args]) == 2
    assert "extractor extract: error:" in capsys.readouterr().err


def test_missing_dask_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from extractor.distributed import MISSING, import_distributed

    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` raise ImportError
    with pytest.raises(ImportError, match=r"pip install 'extractor\[dask\]'"):
        import_distributed()
    assert main(["extract", str(SEEDS), "--engine", "dask"]) == 2
    assert MISSING in capsys.readouterr().err


def _loaded_rules() -> list[tuple[str, str | None]]:
    from extractor import distributed as on_worker

    return sorted(on_worker._EXTRACTORS)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_local_workers_start_with_the_rules_loaded() -> None:
    """connect(mode=...) loads the rules in this process and forks the workers from it: before any
    task has run, every worker already holds the extractor its first batch will use."""
    from extractor.distributed import connect

    with connect(workers=2, mode="fast") as c:
        loaded = c.run(_loaded_rules)
    assert len(loaded) == 2
    assert all(rules == [("fast", None)] for rules in loaded.values())


def test_parquet_is_written_by_partition_on_the_workers(tmp_path: Path, broken: Path) -> None:
    """--format parquet on Dask: a dataset folder of partitions the workers wrote, which reads back as
    the rows --jobs 1 writes to one file, in the same order, with the same schema; a second run
    replaces the dataset."""
    pq = pytest.importorskip("pyarrow.parquet")
    one, dataset = tmp_path / "one.parquet", tmp_path / "facts.parquet"
    jobs = run("extract", str(broken), "--jobs", "1", "--format", "parquet", "-o", str(one))
    for _ in range(2):
        dask = run("extract", str(broken), "--engine", "dask", "--workers", "2", "--format", "parquet",
                   "-o", str(dataset))
        assert (jobs.returncode, dask.returncode) == (1, 1), dask.stderr.decode()
        assert _summary(dask.stderr) == _summary(jobs.stderr)
        parts = sorted(p.name for p in dataset.iterdir())
        assert parts and parts == [f"part-{i:06d}.parquet" for i in range(len(parts))]
        table, expected = pq.read_table(dataset), pq.read_table(one)
        assert table.schema.equals(expected.schema)
        assert table.to_pylist() == expected.to_pylist() and table.num_rows
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial folder left behind


def test_parquet_dataset_never_replaces_a_folder_of_other_files(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    args = ["extract", str(SEEDS), "--engine", "dask", "--format", "parquet", "-o", str(folder)]
    assert main(args) == 2
    assert "holds more than a Parquet dataset's parts" in capsys.readouterr().err
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"
