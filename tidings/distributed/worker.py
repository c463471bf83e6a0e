"""What runs inside a worker process: one ``Pipeline`` (one spaCy model, one coder) per process,
kept in a module-level cache so every chunk a process receives reuses it.

Both executors call ``process_chunk``: the local pool in its worker processes, Dask on its
workers (each Dask worker process imports this module once, so the cache is worker-local).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence

from tidings.config import Settings
from tidings.models import Article, Rejection
from tidings.pipeline import ArticleResult, Pipeline

logger = logging.getLogger(__name__)

Item = Article | Rejection
Result = ArticleResult | Rejection

_PIPELINES: dict[str, Pipeline] = {}
_LOCK = threading.Lock()


def _key(settings: Settings) -> str:
    return repr(settings)  # Settings holds lists, so it is not hashable; its repr is stable


def worker_pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, built (and its model loaded) on first use."""
    key = _key(settings)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        with _LOCK:  # threads of one Dask worker must not load the model twice
            pipeline = _PIPELINES.get(key)
            if pipeline is None:
                pipeline = Pipeline(settings)
                pipeline.parser.nlp  # noqa: B018 - load the model and coder now, not mid-chunk
                pipeline.coder  # noqa: B018
                _PIPELINES[key] = pipeline
                logger.info("process %d: pipeline loaded", os.getpid())
    return pipeline


_WARM_UP = Article(id="warm-up", text="Egypt's army attacked Hamas in Gaza on Monday.",
                   published="2024-01-01")


def warm(settings: Settings) -> int:
    """Load the pipeline in this process (a pool initializer) and code one sentence, so the
    tables that load on first use (places, dates) are ready before the first chunk; returns
    the process id."""
    pipeline = worker_pipeline(settings)
    if not getattr(pipeline, "_warmed", False):
        list(pipeline.run([_WARM_UP]))
        pipeline._warmed = True  # type: ignore[attr-defined]
    return os.getpid()


def process_chunk(items: Sequence[Item], settings: Settings) -> list[Result]:
    """Parse and code one chunk, in order: one ``ArticleResult | Rejection`` per item."""
    return list(worker_pipeline(settings).run(items))


def loaded_pipelines() -> int:
    """How many pipelines this process holds (tests check one per worker)."""
    return len(_PIPELINES)


__all__ = ["loaded_pipelines", "process_chunk", "warm", "worker_pipeline"]
