"""Where stages run: in this process, in a local process pool, or on a Dask cluster.

The stages (``ingest``, ``nlp``, ``coding``) never start processes; this package does. Every
executor runs the same ``Pipeline`` (one per worker process, model loaded once) on chunks of
articles and yields the same ``ArticleResult | Rejection`` records in input order, so the
choice of executor never changes the events (see docs/scaling.md).

- ``run_local(items, settings, workers=N)``: process pool on this machine
- ``run_dask(items, settings, scheduler="tcp://HOST:8786")``: a ``dask.distributed`` cluster
- ``run_dask_to_parquet(items, directory, ...)``: each Dask worker writes Parquet partitions
- ``write_parquet(results, directory)``: results as Parquet partitions DuckDB reads in place
- ``LocalExecutor`` / ``DaskExecutor`` (``make_executor``): the same, kept open across calls;
  ``run`` has ``Pipeline.run``'s contract, so either stands in for a pipeline in
  ``tidings.store.ingest_into``
"""

from tidings.distributed.cluster import (
    DEFAULT_PARTITION_SIZE,
    DaskExecutor,
    run_dask,
    run_dask_to_parquet,
)
from tidings.distributed.executors import EXECUTORS, make_executor
from tidings.distributed.local import (
    DEFAULT_CHUNK_SIZE,
    LocalExecutor,
    chunked,
    default_workers,
    run_local,
)
from tidings.distributed.parquet import TABLES, PartitionSummary, write_parquet, write_partition
from tidings.distributed.worker import process_chunk

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_PARTITION_SIZE",
    "EXECUTORS",
    "TABLES",
    "DaskExecutor",
    "LocalExecutor",
    "PartitionSummary",
    "chunked",
    "default_workers",
    "make_executor",
    "process_chunk",
    "run_dask",
    "run_dask_to_parquet",
    "run_local",
    "write_parquet",
    "write_partition",
]
