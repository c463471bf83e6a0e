"""The store: a DuckDB file of articles, parses, events, clusters and runs; ingest into it,
re-code it, export it (see docs/store.md).

``Store`` opens (and migrates) a store; ``ingest_into`` parses, codes and stores articles per
transaction; ``recode`` re-codes the stored parses; ``export`` writes JSONL, CSV, Parquet,
GDELT 2.0 or POLECAT. ``StoreError`` is the stage's error (a ``TidingsError``).
"""

from tidings.store.clusters import DEFAULT_WINDOW_DAYS, assign_clusters, rebuild, recluster
from tidings.store.db import DEFAULT_DB, ENV_DB, Store, content_hash, default_db_path
from tidings.store.errors import StoreError, StoreLockedError
from tidings.store.export import EXPORT_FORMATS, export
from tidings.store.ingest import DEFAULT_COMMIT_EVERY, IngestStats, ingest_into, recode
from tidings.store.schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_COMMIT_EVERY",
    "DEFAULT_DB",
    "DEFAULT_WINDOW_DAYS",
    "ENV_DB",
    "EXPORT_FORMATS",
    "SCHEMA_VERSION",
    "IngestStats",
    "Store",
    "StoreError",
    "StoreLockedError",
    "assign_clusters",
    "content_hash",
    "default_db_path",
    "export",
    "ingest_into",
    "rebuild",
    "recluster",
    "recode",
]
