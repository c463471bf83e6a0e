"""The Dask executor: parse + code on a ``dask.distributed`` cluster.

Articles are shipped in partitions of ``partition_size``; every Dask worker process keeps one
pipeline (``tidings.distributed.worker``'s module-level cache), so the model loads once per
worker, not once per task. Start workers with ``--nthreads 1`` (one model, one core each) and
as many processes per machine as it has cores.

``run_dask`` brings results back in input order (same records as ``run_local``);
``run_dask_to_parquet`` has each worker write its partition as Parquet files instead, so only
counts travel back and the output can be queried in place with DuckDB or loaded into the store.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from tidings.config import Settings, load_settings
from tidings.distributed.local import _in_order, chunked
from tidings.distributed.parquet import PartitionSummary, write_partition
from tidings.distributed.worker import Item, Result, process_chunk
from tidings.errors import ConfigError

if TYPE_CHECKING:
    from distributed import Client

logger = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 16


def _client(scheduler: str | Client | None) -> tuple[Client, bool]:
    """A client for ``scheduler`` (an address such as ``tcp://HOST:8786`` or a ``Client``);
    the flag says whether we opened it (and must close it)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("the Dask executor needs dask.distributed",
                          hint="pip install 'dask[distributed]'") from exc
    if isinstance(scheduler, Client):
        return scheduler, False
    if not scheduler:
        raise ConfigError("the Dask executor needs a scheduler address",
                          hint="--scheduler tcp://HOST:8786 (see docs/scaling.md)")
    return Client(scheduler), True


def _in_flight(client: Client, asked: int | None) -> int:
    if asked:
        return max(1, asked)
    threads = sum(client.nthreads().values()) or 1
    return threads * 2


class DaskExecutor:
    """Runs the pipeline on a Dask cluster; ``run`` has ``Pipeline.run``'s contract, and the
    client stays open across ``run`` calls until ``close``."""

    coder = None  # the coder lives in the workers; callers fall back to settings.coder
    concurrent = True  # the work runs on the cluster: ``submit`` returns at once

    def __init__(self, settings: Settings | None = None, *,
                 scheduler: str | Client | None = None,
                 partition_size: int = DEFAULT_PARTITION_SIZE,
                 in_flight: int | None = None) -> None:
        self.settings = settings or load_settings()
        self.client, self._owned = _client(scheduler)
        self.partition_size = max(1, partition_size)
        self.in_flight = _in_flight(self.client, in_flight)

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        pending: deque[Any] = deque()
        try:
            for part in chunked(items, self.partition_size):
                pending.append(self.client.submit(process_chunk, part, self.settings,
                                                  pure=False))
                if len(pending) >= self.in_flight:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def submit(self, items: Iterable[Item]) -> Iterator[Result]:
        """Send every partition of ``items`` to the cluster now; the iterator returned yields
        ``run``'s results, in order. Closing it cancels what has not started."""
        futures = [self.client.submit(process_chunk, part, self.settings, pure=False)
                   for part in chunked(items, self.partition_size)]
        return _in_order(futures)

    def close(self) -> None:
        if self._owned:
            self.client.close()
            self._owned = False

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def run_dask(
    items: Iterable[Item], settings: Settings | None = None, *,
    scheduler: str | Client | None = None, partition_size: int = DEFAULT_PARTITION_SIZE,
    in_flight: int | None = None,
) -> Iterator[Result]:
    """Parse and code ``items`` on the cluster at ``scheduler``; yields one
    ``ArticleResult | Rejection`` per item in input order. At most ``in_flight`` partitions
    (default: twice the cluster's threads) are submitted at a time, so input is streamed."""
    with DaskExecutor(settings, scheduler=scheduler, partition_size=partition_size,
                      in_flight=in_flight) as executor:
        yield from executor.run(items)


def _code_partition(part: list[Item], settings: Settings, directory: str, name: str,
                    parses: bool) -> PartitionSummary:
    return write_partition(process_chunk(part, settings), directory, name, parses=parses)


def run_dask_to_parquet(
    items: Iterable[Item], directory: str | Path, settings: Settings | None = None, *,
    scheduler: str | Client | None = None, partition_size: int = DEFAULT_PARTITION_SIZE,
    in_flight: int | None = None, parses: bool = True,
) -> list[PartitionSummary]:
    """Parse and code ``items`` on the cluster; each worker writes its partition under
    ``directory`` (a path every worker can reach: a shared file system, or local for a local
    cluster). Returns one summary per partition, in input order."""
    settings = settings or load_settings()
    client, owned = _client(scheduler)
    out = str(Path(directory).resolve())
    summaries: list[PartitionSummary] = []
    try:
        window = _in_flight(client, in_flight)
        pending: deque[Any] = deque()
        for n, part in enumerate(chunked(items, partition_size)):
            pending.append(client.submit(_code_partition, part, settings, out,
                                         f"part-{n:06d}", parses, pure=False))
            if len(pending) >= window:
                summaries.append(pending.popleft().result())
        while pending:
            summaries.append(pending.popleft().result())
    finally:
        if owned:
            client.close()
    return summaries


__all__ = ["DEFAULT_PARTITION_SIZE", "DaskExecutor", "run_dask", "run_dask_to_parquet"]
