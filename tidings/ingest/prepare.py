"""The ingest stage in order: read → clean → metadata → language → de-duplicate.

``ingest(specs, options)`` is what commands call: it yields the ``Article`` records the nlp
stage parses, and a ``Rejection`` for every input (or duplicate) it could not use.
``prepare_all`` yields ``Prepared`` records instead (article + what was removed + the offset
map), for ``tidings clean``. ``summarize`` counts a stream for a run summary.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from tidings.ingest.clean import Cleaned, clean_text
from tidings.ingest.dedup import Deduplicator
from tidings.ingest.metadata import date_from_url, detect_language, outlet_from_url, parse_date
from tidings.ingest.options import IngestOptions
from tidings.ingest.sources import read_sources
from tidings.models import Article, Rejection

if TYPE_CHECKING:
    from tidings.ingest.fetch import Fetcher

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article after ingest, with what cleaning removed and the map to the input text."""

    article: Article
    cleaned: Cleaned

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id, "title": a.title, "text": a.text,
            "dateline": self.cleaned.dateline.to_dict() if self.cleaned.dateline else None,
            "published": a.published, "outlet": a.outlet, "url": a.url,
            "language": a.language, "origin": a.origin,
            "removed": [r.to_dict() for r in self.cleaned.removed],
        }


def prepare(article: Article, options: IngestOptions | None = None) -> Prepared | Rejection:
    """Clean one raw article and fill in its metadata; reject it when its language is not
    accepted or nothing is left after cleaning."""
    opts = options or IngestOptions()
    cleaned = clean_text(article.text, title=article.title, strip=opts.clean)
    where = article.origin or article.id
    if not cleaned.text.strip():
        return Rejection(where, "ingest", "empty-after-cleaning",
                         "nothing but page furniture (captions, credits, footers)", article.id)
    dateline = cleaned.dateline
    published = (
        _iso(article.published)
        or date_from_url(article.url)
        or parse_date(cleaned.published_text)
        or (parse_date(dateline.date) if dateline and dateline.date else None)
    )
    outlet = article.outlet or (dateline.agency if dateline else None) or outlet_from_url(
        article.url)
    language = article.language
    words = len(cleaned.text.split())
    if language is None and words >= opts.min_language_words:
        lang, prob = detect_language(cleaned.text)
        if prob >= 0.5:
            language = lang
        if opts.languages and lang not in opts.languages and prob >= 0.9:
            return Rejection(where, "ingest", f"language:{lang}",
                             f"detected {lang} (p={prob:.2f}); accepted: "
                             f"{', '.join(opts.languages)}", article.id)
    elif language and opts.languages and language not in opts.languages:
        return Rejection(where, "ingest", f"language:{language}",
                         f"declared {language}; accepted: {', '.join(opts.languages)}",
                         article.id)
    out = dataclasses.replace(
        article, text=cleaned.text, title=article.title or cleaned.title, published=published,
        outlet=outlet, language=language,
        dateline=article.dateline or (dateline.place if dateline else None),
    )
    return Prepared(out, cleaned)


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    return parse_date(value, require_year=True) or value


def prepare_all(specs: Iterable[str], options: IngestOptions | None = None, *,
                fetcher: Fetcher | None = None, stdin: IO[bytes] | None = None,
                dedup: Deduplicator | None = None) -> Iterator[Prepared | Rejection]:
    """Prepared articles (or rejections) from every spec, duplicates marked."""
    opts = options or IngestOptions()
    if dedup is None and opts.dedup:
        dedup = Deduplicator(opts.near_duplicate)
    for raw in read_sources(specs, opts, fetcher=fetcher, stdin=stdin):
        if isinstance(raw, Rejection):
            yield raw
            continue
        try:
            result = prepare(raw, opts)
        except Exception as exc:  # noqa: BLE001 - one bad document must not abort a batch
            logger.exception("%s: ingest failed", raw.origin or raw.id)
            yield Rejection(raw.origin or raw.id, "ingest", "ingest-error",
                            f"{type(exc).__name__}: {exc}", raw.id)
            continue
        if isinstance(result, Prepared) and dedup is not None:
            dup = dedup.check(result.article)
            if dup is not None:
                yield dup
                continue
        yield result


def ingest(specs: Iterable[str], options: IngestOptions | None = None, *,
           fetcher: Fetcher | None = None, stdin: IO[bytes] | None = None,
           dedup: Deduplicator | None = None) -> Iterator[Article | Rejection]:
    """Articles ready for the nlp stage (or rejections) from files, directories, globs,
    archives, feeds, URLs, ``@list`` files and stdin (``-``)."""
    for item in prepare_all(specs, options, fetcher=fetcher, stdin=stdin, dedup=dedup):
        yield item.article if isinstance(item, Prepared) else item


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run: articles ingested, duplicates, rejections by reason."""

    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    duplicate_pairs: list[tuple[str, str]] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)

    @property
    def read(self) -> int:
        return self.ingested + self.duplicates + self.near_duplicates + sum(
            self.rejected.values())

    def add(self, item: Prepared | Article | Rejection) -> None:
        from tidings.ingest.dedup import original_of

        if isinstance(item, Rejection):
            if item.reason in ("duplicate", "near-duplicate"):
                if item.reason == "duplicate":
                    self.duplicates += 1
                else:
                    self.near_duplicates += 1
                self.duplicate_pairs.append((item.article_id or item.origin,
                                             original_of(item) or "?"))
            else:
                self.rejected[item.reason] += 1
            return
        self.ingested += 1
        if isinstance(item, Prepared):
            self.removed.update(r.what for r in item.cleaned.removed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "ingested": self.ingested, "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "rejected": dict(sorted(self.rejected.items())),
            "duplicate_of": [{"id": a, "original": b} for a, b in self.duplicate_pairs],
            "removed": dict(sorted(self.removed.items())),
        }


def summarize(items: Iterable[Prepared | Article | Rejection]) -> IngestSummary:
    summary = IngestSummary()
    for item in items:
        summary.add(item)
    return summary


__all__ = ["IngestSummary", "Prepared", "ingest", "prepare", "prepare_all", "summarize"]
