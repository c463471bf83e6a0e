"""The local executor: a process pool with one pipeline per worker process.

Articles are read lazily, shipped in chunks, and results come back in input order; at most
``workers * 2`` chunks are in flight, so memory stays flat however long the input.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context

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


def run_local(
    items: Iterable[Item], settings: Settings | None = None, *, workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE, in_flight: int | None = None,
) -> Iterator[Result]:
    """Parse and code ``items`` with ``workers`` processes (default: all cores); yields one
    ``ArticleResult | Rejection`` per item, in input order.

    ``workers=1`` runs in this process (no pool, no model copy). Each worker process loads the
    model once (``spawn`` start method: nothing of this process is inherited).
    """
    settings = settings or load_settings()
    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1:
        yield from worker_pipeline(settings).run(items)
        return
    window = max(workers, in_flight or workers * 2)
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=warm,
                             initargs=(settings,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        try:
            for chunk in chunked(items, chunk_size):
                pending.append(pool.submit(process_chunk, chunk, settings))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # a consumer that stops early must not wait for the rest of the input
            for future in pending:
                future.cancel()


__all__ = ["DEFAULT_CHUNK_SIZE", "chunked", "default_workers", "run_local"]
