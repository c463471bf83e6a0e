"""Choosing an executor by name, as the CLI does (``--executor local|dask``)."""

from __future__ import annotations

from typing import Any

from tidings.config import Settings
from tidings.distributed.cluster import DaskExecutor
from tidings.distributed.local import LocalExecutor
from tidings.errors import ConfigError

EXECUTORS = ("local", "dask")


def make_executor(kind: str, settings: Settings, *, workers: int | None = None,
                  scheduler: Any = None, chunk_size: int | None = None
                  ) -> LocalExecutor | DaskExecutor:
    """A ``LocalExecutor`` (``workers`` processes) or a ``DaskExecutor`` (``scheduler``
    address); either stands in for a ``Pipeline`` in ``tidings.store.ingest_into``."""
    if kind == "local":
        if scheduler:
            raise ConfigError("--scheduler goes with --executor dask")
        return LocalExecutor(settings, workers=workers,
                             **({"chunk_size": chunk_size} if chunk_size else {}))
    if kind == "dask":
        return DaskExecutor(settings, scheduler=scheduler,
                            **({"partition_size": chunk_size} if chunk_size else {}))
    raise ConfigError(f"unknown executor {kind!r}", hint="choose one of " + ", ".join(EXECUTORS))


__all__ = ["EXECUTORS", "make_executor"]
