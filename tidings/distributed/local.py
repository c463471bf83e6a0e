"""The local executor: a process pool with one pipeline per worker process.

Articles are read lazily, shipped in chunks, and results come back in input order; at most
``in_flight`` chunks (default ``workers * 2``) are out at a time, so memory stays flat however
long the input. A ``LocalExecutor`` keeps its pool (and the workers' loaded models) across
``run`` calls, so a caller that feeds it batch after batch (the store's ``ingest_into``) pays
the model load once.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from types import TracebackType
from typing import Any

from tidings.config import Settings, load_settings
from tidings.distributed.worker import Item, Result, process_chunk, warm, worker_pipeline

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 8


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, max(1, size))):
        yield chunk


class LocalExecutor:
    """Runs the pipeline in ``workers`` processes; ``run`` has ``Pipeline.run``'s contract
    (one ``ArticleResult | Rejection`` per item, in order), so it can stand in for a
    ``Pipeline`` wherever only ``run`` and ``settings`` are used."""

    coder = None  # the coder lives in the workers; callers fall back to settings.coder

    def __init__(self, settings: Settings | None = None, *, workers: int | None = None,
                 chunk_size: int = DEFAULT_CHUNK_SIZE, in_flight: int | None = None) -> None:
        self.settings = settings or load_settings()
        self.workers = default_workers() if workers is None else max(1, workers)
        self.chunk_size = max(1, chunk_size)
        self.in_flight = max(self.workers, in_flight or self.workers * 2)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def concurrent(self) -> bool:
        """True when the work runs in other processes (``workers`` > 1): then ``submit`` hands
        a batch to them and returns at once (``ingest_into`` stores one batch while the next is
        parsed)."""
        return self.workers > 1

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: workers inherit nothing (no half-copied model, no threads of this process)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                             initializer=warm, initargs=(self.settings,))
        return self._pool

    def start(self) -> list[int]:
        """Start every worker and load its model now (not on the first chunk); returns the
        worker process ids (this process's own id with ``workers=1``)."""
        if self.workers == 1:
            return [warm(self.settings)]
        pool = self._get_pool()
        futures = [pool.submit(warm, self.settings) for _ in range(self.workers)]
        return sorted({f.result() for f in futures})

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        if self.workers == 1:  # in this process: no pool, no second model
            yield from worker_pipeline(self.settings).run(items)
            return
        pool = self._get_pool()
        pending: deque[Future[list[Result]]] = deque()
        try:
            for chunk in chunked(items, self.chunk_size):
                pending.append(pool.submit(process_chunk, chunk, self.settings))
                if len(pending) >= self.in_flight:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # a consumer that stops early must not wait for the rest of the input
            for future in pending:
                future.cancel()

    def submit(self, items: Iterable[Item]) -> Iterator[Result]:
        """Send every chunk of ``items`` to the workers now (``run`` sends them as its results
        are read); the iterator returned yields ``run``'s results, in order, waiting as needed.
        Closing it cancels what has not started. Needs ``workers`` > 1."""
        pool = self._get_pool()
        futures = [pool.submit(process_chunk, chunk, self.settings)
                   for chunk in chunked(items, self.chunk_size)]
        return _in_order(futures)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _in_order(futures: list[Any]) -> Iterator[Result]:
    """The results of ``futures`` (local or Dask), in order; closing cancels the rest."""
    try:
        for future in futures:
            yield from future.result()
    finally:
        for future in futures:
            future.cancel()


def run_local(
    items: Iterable[Item], settings: Settings | None = None, *, workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE, in_flight: int | None = None,
) -> Iterator[Result]:
    """Parse and code ``items`` with ``workers`` processes (default: all cores); yields one
    ``ArticleResult | Rejection`` per item, in input order. ``workers=1`` runs in this
    process. Each worker process loads the model once."""
    with LocalExecutor(settings, workers=workers, chunk_size=chunk_size,
                       in_flight=in_flight) as executor:
        yield from executor.run(items)


__all__ = ["DEFAULT_CHUNK_SIZE", "LocalExecutor", "chunked", "default_workers", "run_local"]
