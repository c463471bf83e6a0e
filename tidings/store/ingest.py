"""Ingest into the store (parse → code → store, per batch, idempotent) and re-code it.

``ingest_into`` reads ``Article | Rejection`` items, skips articles whose id and content hash
are already stored (no parse), parses and codes the rest, and writes each batch — articles,
parses, events, rejections, cluster assignments and the run's counters — in ONE transaction.
A run killed at any point leaves the store as of its last committed batch; running the same
command again skips what is there and finishes the rest, so the store ends identical to that
of an uninterrupted run. With an executor whose workers are other processes (``concurrent``),
the next batch is read, checked and parsed while this process stores the previous one; batches
still commit one at a time, in input order.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from tidings.models import Article, Event, Mention, ParsedSentence, Rejection
from tidings.store.clusters import DEFAULT_WINDOW_DAYS, assign_clusters, rebuild, recluster
from tidings.store.db import Store, content_hash

logger = logging.getLogger(__name__)

DEFAULT_COMMIT_EVERY = 32


@dataclass(slots=True)
class IngestStats:
    """What one ingest or recode run did."""

    run_id: int = 0
    read: int = 0
    ingested: int = 0
    present: int = 0
    replaced: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    rejected_new: int = 0
    events: int = 0
    batches: int = 0
    clusters: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "read": self.read, "ingested": self.ingested,
                "already_present": self.present, "replaced": self.replaced,
                "rejected": dict(sorted(self.rejected.items())), "events": self.events,
                "batches": self.batches, "clusters": self.clusters}


def _batches(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def _pipeline_info(pipeline: Any) -> dict[str, Any]:
    settings = getattr(pipeline, "settings", None)
    coder = getattr(pipeline, "coder", None)
    info: dict[str, Any] = {"coder": getattr(coder, "name", None) or
                            getattr(settings, "coder", None)}
    info["dictionaries"] = list(getattr(settings, "dictionaries", []) or [])
    if settings is not None and hasattr(settings, "__dataclass_fields__"):
        info["settings"] = {k: getattr(settings, k) for k in settings.__dataclass_fields__}
    return info


def _mention_fn(pipeline: Any) -> Callable[[Article, Sequence[ParsedSentence]],
                                           list[Mention]] | None:
    """The coder's actor resolver as a function of an article, when it has one (the built-in
    coder does; test doubles need not)."""
    coder = getattr(pipeline, "coder", None)
    resolver = getattr(coder, "resolver", None)
    if resolver is None or not hasattr(resolver, "mentions"):
        return None
    from tidings.coding.resolver import resolve_article

    def mentions(article: Article, sentences: Sequence[ParsedSentence]) -> list[Mention]:
        try:
            return resolve_article(resolver, list(sentences), article.published)
        except Exception:  # noqa: BLE001 - mentions are a by-product; never lose the article
            logger.exception("%s: actor mentions failed", article.id)
            return []

    return mentions


def ingest_into(store: Store, pipeline: Any, items: Iterable[Article | Rejection], *,
                commit_every: int = DEFAULT_COMMIT_EVERY, window: int = DEFAULT_WINDOW_DAYS,
                inputs: Iterable[str] = (),
                on_batch: Callable[[IngestStats], None] | None = None) -> IngestStats:
    """Parse, code and store every new article of ``items``; see the module docstring.

    ``pipeline`` needs ``run(articles)`` yielding ``ArticleResult | Rejection`` (``Pipeline``
    or a test double). ``on_batch`` is called after each committed batch."""
    info = _pipeline_info(pipeline)
    mentions = _mention_fn(pipeline)
    stats = IngestStats()
    with store.transaction():
        stats.run_id = store.start_run("ingest", coder=info["coder"],
                                       dictionaries=info["dictionaries"],
                                       settings={**info.get("settings", {}), "window": window},
                                       inputs=inputs)
    # an executor whose workers are other processes parses the next batch while this process
    # stores the last one (the workers would otherwise wait for every commit)
    ahead = bool(getattr(pipeline, "concurrent", False)) and hasattr(pipeline, "submit")
    pending: list[_Batch] = []  # read and checked, not yet stored: at most two

    def store_first() -> None:
        _store_batch(store, pending[0], stats, window, mentions)
        pending.pop(0)
        if on_batch:
            on_batch(stats)

    try:
        for batch in _batches(items, max(1, commit_every)):
            if pending and not pending[-1].ids.isdisjoint(
                    a.id for a in batch if isinstance(a, Article)):
                store_first()  # an id of the uncommitted batch again: check it against that
            pending.append(_prepare(store, pipeline, batch, ahead))
            while len(pending) > (1 if ahead else 0):
                store_first()
        while pending:
            store_first()
    except BaseException:
        for prepared in pending:
            prepared.cancel()
        with store.transaction():
            store.update_run(stats.run_id, status="failed", finished=True)
        raise
    with store.transaction():
        store.update_run(stats.run_id, status="done", finished=True)
    stats.clusters = int(store.scalar("SELECT count(*) FROM clusters"))
    return stats


@dataclass(slots=True)
class _Batch:
    """One batch read and checked against the store, its parse started or to do."""

    items: list[Article | Rejection]
    ids: set[str]
    todo: list[Article]
    present: int
    replaced: set[str]
    pipeline: Any
    ahead: Iterator[Any] | None = None  # results of work already handed to the executor

    def results(self) -> list[Any]:
        if self.ahead is not None:
            return list(self.ahead)
        return list(self.pipeline.run(self.todo)) if self.todo else []

    def cancel(self) -> None:
        close = getattr(self.ahead, "close", None)
        if close is not None:
            close()  # the executor cancels what has not started


def _prepare(store: Store, pipeline: Any, batch: list[Article | Rejection], ahead: bool
             ) -> _Batch:
    """Skip what the store holds already; hand the rest to the executor now when ``ahead``."""
    articles = [a for a in batch if isinstance(a, Article)]
    stored = store.hashes([a.id for a in articles])
    seen: dict[str, str] = {}
    todo: list[Article] = []
    replaced: set[str] = set()
    present = 0
    for a in articles:
        h = content_hash(a)
        if stored.get(a.id, seen.get(a.id)) == h:
            present += 1
            continue
        if a.id in stored or a.id in seen:
            replaced.add(a.id)
        seen[a.id] = h
        todo.append(a)
    prepared = _Batch(batch, {a.id for a in articles}, todo, present, replaced, pipeline)
    if ahead and todo:
        prepared.ahead = pipeline.submit(todo)
    return prepared


def _store_batch(store: Store, prepared: _Batch, stats: IngestStats, window: int,
                 mentions: Callable[[Article, Sequence[ParsedSentence]], list[Mention]] | None
                 ) -> None:
    batch, present, replaced = prepared.items, prepared.present, prepared.replaced
    # parse and code outside the transaction: the transaction only writes
    results = prepared.results()
    rejections = [r for r in batch if isinstance(r, Rejection)]
    with store.transaction():
        emptied = store.delete_articles(sorted(replaced))
        latest: dict[str, Any] = {}
        for res in results:
            if isinstance(res, Rejection):
                rejections.append(res)
            else:
                latest[res.article.id] = res  # the later of two versions in one batch wins
        kept = [(r.article, r.sentences, r.events) for r in latest.values()]
        new_ids = store.put_articles(kept, stats.run_id)
        if mentions is not None:
            store.put_mentions([(art.id, mentions(art, sents)) for art, sents, _ in kept])
        rebuild(store, emptied - assign_clusters(store, new_ids, window))
        new_rejections = sum(store.put_rejection(r, stats.run_id) for r in rejections)
        stats.read += len(batch)
        stats.present += present
        stats.replaced += len(replaced & set(latest))
        stats.ingested += len(kept) - len(replaced & set(latest))
        stats.events += len(new_ids)
        stats.rejected.update(r.reason for r in rejections)
        stats.rejected_new += new_rejections
        stats.batches += 1
        store.update_run(stats.run_id, articles_read=stats.read,
                         articles_ingested=stats.ingested, articles_present=stats.present,
                         articles_replaced=stats.replaced,
                         rejected=sum(stats.rejected.values()), events=stats.events)


def recode(store: Store, pipeline: Any, *, window: int = DEFAULT_WINDOW_DAYS,
           chunk: int = 256, on_article: Callable[[int], None] | None = None) -> IngestStats:
    """Re-code every stored parse with ``pipeline``'s coder (no spaCy: ``code_sentences``),
    replace all events, re-cluster, and record the run — all in one transaction."""
    info = _pipeline_info(pipeline)
    mentions = _mention_fn(pipeline)
    stats = IngestStats()
    with store.transaction():
        stats.run_id = store.start_run("recode", coder=info["coder"],
                                       dictionaries=info["dictionaries"],
                                       settings={**info.get("settings", {}), "window": window})
    try:
        with store.transaction():
            store.delete_events(None)
            stream = store.parsed_articles()
            while part := list(islice(stream, chunk)):
                coded: list[tuple[Article, list[Event]]] = []
                found: list[tuple[str, list[Mention]]] = []
                for article, sentences in part:
                    coded.append((article, pipeline.code_sentences(article, sentences)))
                    if mentions is not None:
                        found.append((article.id, mentions(article, sentences)))
                stats.events += len(store.put_events(coded, stats.run_id))
                store.put_mentions(found)
                stats.read += len(coded)
                if on_article:
                    on_article(stats.read)
            stats.clusters = recluster(store, window)
            store.update_run(stats.run_id, articles_read=stats.read, events=stats.events,
                             status="done", finished=True)
    except BaseException:
        with store.transaction():
            store.update_run(stats.run_id, status="failed", finished=True)
        raise
    return stats


__all__ = ["DEFAULT_COMMIT_EVERY", "IngestStats", "ingest_into", "recode"]
