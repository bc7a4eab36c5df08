"""Extraction on a Dask cluster: ``extractor extract --engine dask`` and the same from Python.

The per-file work of ``extractor extract`` runs on Dask workers: each worker process loads the
rules once (one :class:`~extractor.pipeline.Extractor` per mode and rules folder, kept for the
worker's life), reads the files itself (only paths travel to the cluster, so the workers must
see the same files as the client: a local cluster, or a shared file system), and sends back each
document with its facts as FACTS.md dicts. A file that cannot be read comes back as its reason;
every other file is still extracted. Results arrive in source order with at most ``window``
batches in flight, so memory stays flat over any number of files.

>>> from distributed import Client, LocalCluster                 # doctest: +SKIP
>>> from extractor.io import collect                             # doctest: +SKIP
>>> sources, problems = collect(["releases/"])                   # doctest: +SKIP
>>> with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
...     for result in extract_files(sources, client=client):     # doctest: +SKIP
...         print(result.source.path, result.error or len(result.facts))

Dask is imported only here and only when used: ``pip install 'extractor[dask]'``.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io import DEFAULT_MAX_BYTES, Document, InputError, Source, read_document

if TYPE_CHECKING:
    from distributed import Client

    from .pipeline import Extractor

MISSING = "--engine dask needs dask.distributed: pip install 'extractor[dask]'"
# Documents per task. Each task costs the client (which also runs a local cluster's scheduler) about
# 2 ms of CPU: with 16 documents a task that was a quarter of the client's time, with 64 the gain
# levels off (measured over 3 MB: 0.26, 0.17, 0.17, 0.17 CPU-s/MB for 16, 64, 128, 256).
BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class FileResult:
    """One source's outcome: its document and facts, or the one-line reason it could not be read."""

    source: Source
    document: Document | None  # None when the file could not be read
    facts: list[dict[str, Any]]  # FACTS.md objects (``Fact.to_dict()``), in text order
    error: str | None = None  # the InputError reason, as ``extractor extract`` reports it
    written: int | None = None  # with ``parquet_dir``: the facts the worker wrote (``facts`` is then empty)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def fact_count(self) -> int:
        return len(self.facts) if self.written is None else self.written


def import_distributed() -> Any:
    """The ``distributed`` package, or an ImportError that says how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(MISSING) from exc
    return distributed


@contextmanager
def connect(scheduler: str | None = None, workers: int = 2, *, mode: str | None = None,
            patterns_dir: str | Path | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (``tcp://host:port``), or of a new local cluster of
    ``workers`` single-threaded worker processes that is shut down on leaving.

    On Linux a local cluster's workers are forked from this process rather than spawned (Dask's
    ``distributed.worker.multiprocessing-method``), and with ``mode`` the rules of that mode (and
    ``patterns_dir``) are loaded here first: every worker then starts with them, instead of each
    starting Python, importing Dask and spaCy and loading the rules again (about 2 s of a run).
    """
    distributed = import_distributed()
    if scheduler is not None:
        with distributed.Client(scheduler) as client:
            yield client
        return
    import dask

    settings = {}
    if sys.platform.startswith("linux"):  # fork is the default start method there; macOS's is spawn
        settings["distributed.worker.multiprocessing-method"] = "fork"
        if mode is not None:
            _extractor(mode, str(patterns_dir) if patterns_dir is not None else None)
    # One thread per process: the rules are pure Python, so threads would only share one GIL.
    # No dashboard (it would need bokeh and a port), and the cluster's own log kept off stderr,
    # which is the command's report: at shutdown the workers of a local cluster may log
    # "Failed to communicate with scheduler during heartbeat" errors that mean nothing. A failed
    # task still raises here, on the client.
    with (dask.config.set(settings),
          distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.CRITICAL) as cluster,
          distributed.Client(cluster) as client):
        yield client


def extract_files(sources: Iterable[Source], *, client: Client, mode: str = "fast",
                  max_bytes: int = DEFAULT_MAX_BYTES, default_published: date | str | None = None,
                  patterns_dir: str | Path | None = None, with_data: bool = False,
                  window: int | None = None, batch_size: int | None = None,
                  parquet_dir: str | Path | None = None) -> Iterator[FileResult]:
    """A :class:`FileResult` for each source, in the order given, extracted on ``client``'s cluster.

    ``with_data`` also brings back each file's raw bytes (``Document.data``, for content hashes);
    without it ``data`` is ``b""`` and only the text crosses the network. At most ``window``
    batches of ``batch_size`` sources are in flight (default: two per worker thread plus two, so
    no worker idles while the client takes a result; batches of up to 64 sources, smaller when a
    list of sources would otherwise not give every worker a few batches). Standard input (``-``) is read here, as the
    workers cannot see it. An error other than an unreadable file (a bug, a lost worker) is raised
    here, as with ``Extractor.extract_many``.

    With ``parquet_dir`` each worker writes the facts of its batch to a Parquet partition there
    (``part-000000.parquet``, ``part-000001.parquet``, ... in source order; the ``parquet`` extra),
    and only the documents and counts come back: the facts never cross the network. The folder must
    be one the workers can write to (a local cluster, or a shared file system).
    """
    import_distributed()
    threads = max(1, sum(client.nthreads().values()))
    if window is None:
        window = 2 * threads + 2
    if batch_size is None:
        batch_size = BATCH_SIZE
        if isinstance(sources, Sized):  # a few files: share them out instead of giving one worker all
            batch_size = max(1, min(BATCH_SIZE, -(-len(sources) // (4 * threads))))
    rules = str(patterns_dir) if patterns_dir is not None else None
    in_flight: deque[tuple[list[Source], Any]] = deque()
    try:
        pending = iter(sources)
        index = 0
        while batch := list(islice(pending, batch_size)):
            items = [_read_here(source, max_bytes) if source.path == "-" else source for source in batch]
            partition = (str(parquet_dir), index) if parquet_dir is not None else None
            index += 1
            # pure=False: every batch is new work, and hashing its arguments for a key would cost time.
            future = client.submit(_extract_batch, items, mode, rules, max_bytes, default_published, with_data,
                                   partition, pure=False)
            in_flight.append((batch, future))
            if len(in_flight) >= window:
                yield from _results(*in_flight.popleft())
        while in_flight:
            yield from _results(*in_flight.popleft())
    finally:  # the caller stopped early or a task failed: drop the work nobody will collect
        if in_flight:
            client.cancel([future for _, future in in_flight])


def _read_here(source: Source, max_bytes: int) -> Document | str:
    try:
        return read_document(source, max_bytes=max_bytes)
    except InputError as exc:
        return str(exc)


def _results(batch: list[Source], future: Any) -> Iterator[FileResult]:
    for source, (document, facts, error, written) in zip(batch, future.result(), strict=True):
        yield FileResult(source, document, facts, error, written)


# --- on the workers -------------------------------------------------------------------------

# One Extractor per (mode, rules folder) per worker process, built by its first task and kept: the
# rules take ~2 s to load and every later batch reuses them.
_EXTRACTORS: dict[tuple[str, str | None], Extractor] = {}


def _extractor(mode: str, patterns_dir: str | None) -> Extractor:
    key = (mode, patterns_dir)
    if key not in _EXTRACTORS:
        from .pipeline import Extractor

        _EXTRACTORS[key] = Extractor(mode=mode, patterns_dir=patterns_dir)
        # The rules live as long as the worker: keep the cyclic collector from re-scanning them (as
        # extract_many's workers do).
        gc.freeze()
    return _EXTRACTORS[key]


_Outcome = tuple[Document | None, list[dict[str, Any]], str | None, int | None]


def _extract_batch(items: list[Source | Document | str], mode: str, patterns_dir: str | None, max_bytes: int,
                   default_published: date | str | None, with_data: bool,
                   partition: tuple[str, int] | None = None) -> list[_Outcome]:
    """Read and extract each item on this worker: ``(document, fact dicts, None, None)`` or
    ``(None, [], reason, None)``. An item is a Source to read here, a Document the client read
    (stdin) or the reason it could not. With ``partition`` (folder, index) the facts go to that
    Parquet partition instead, and each outcome carries its count."""
    extractor = _extractor(mode, patterns_dir)
    out: list[_Outcome] = []
    for item in items:
        if isinstance(item, str):
            out.append((None, [], item, None))
            continue
        if isinstance(item, Source):
            try:
                document = read_document(item, max_bytes=max_bytes)
            except InputError as exc:
                out.append((None, [], str(exc), None))
                continue
        else:
            document = item
        facts = extractor.extract(document.text, doc_id=document.doc_id, default_published=default_published)
        if not with_data:
            document = replace(document, data=b"")
        # Dicts are made here, not on the client: the client also runs the scheduler (and, on one
        # machine, shares the cores with the workers), so the less it does the faster the run.
        out.append((document, [fact.to_dict() for fact in facts], None, None))
    if partition is None:
        return out
    from .parquet import write_partition

    write_partition(Path(partition[0]), partition[1], (fact for _, facts, _, _ in out for fact in facts))
    return [(document, [], error, len(facts) if document is not None else None)
            for document, facts, error, _ in out]
