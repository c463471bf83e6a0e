"""Duplicate articles: exact (hash of the normalised text) and near (MinHash LSH, datasketch).

A duplicate is not coded twice: ``Deduplicator`` turns it into
``Rejection(stage="ingest", reason="duplicate", detail="duplicate of <id>")``, or
``reason="near-duplicate"``, ``detail="near-duplicate of <id> (similarity 0.93)"``, with
``article_id`` the duplicate's own id — a link from the copy to the original kept first.
``original_of(rejection)`` reads the original's id back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from tidings.errors import IngestError
from tidings.models import Article, Rejection

_WORD = re.compile(r"\w+")
_DETAIL = re.compile(r"^(?:near-)?duplicate of (?P<id>\S+)")


def normalise(text: str) -> str:
    """Lower-cased words joined by single spaces: what exact duplicates share."""
    return " ".join(_WORD.findall(text.lower()))


def fingerprint(text: str) -> str:
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def original_of(rejection: Rejection) -> str | None:
    """The id of the original a duplicate rejection points to."""
    if rejection.reason not in ("duplicate", "near-duplicate"):
        return None
    m = _DETAIL.match(rejection.detail)
    return m.group("id") if m else None


class Deduplicator:
    """Remembers the articles it has seen and marks later copies.

    ``threshold`` is the Jaccard similarity of word ``shingle``-grams at or above which two
    texts are near duplicates (0 turns near-duplicate detection off); ``num_perm`` is the
    MinHash size. Texts of fewer than ``min_words`` words are only checked for exact copies.
    """

    def __init__(self, threshold: float = 0.85, *, num_perm: int = 128, shingle: int = 5,
                 min_words: int = 20) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_words = min_words
        self._exact: dict[str, str] = {}
        self._hashes: dict[str, Any] = {}
        self._lsh: Any = None
        if threshold > 0:
            try:
                from datasketch import MinHashLSH
            except ImportError as exc:  # pragma: no cover - a declared dependency
                raise IngestError("near-duplicate detection needs datasketch",
                                  hint="pip install datasketch, or set near_duplicate=0") \
                    from exc
            self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def __len__(self) -> int:
        return len(self._exact)

    def check(self, article: Article) -> Rejection | None:
        """A duplicate rejection if an earlier article has the same (or nearly the same)
        text; otherwise None, and the article is remembered as an original."""
        norm = normalise(article.text)
        key = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        where = article.origin or article.id
        if key in self._exact:
            return Rejection(where, "ingest", "duplicate",
                             f"duplicate of {self._exact[key]}", article.id)
        words = norm.split()
        mh = None
        if self._lsh is not None and len(words) >= self.min_words:
            mh = self._minhash(words)
            best: tuple[float, str] | None = None
            for other in self._lsh.query(mh):
                sim = float(mh.jaccard(self._hashes[other]))
                if sim >= self.threshold and (best is None or sim > best[0]):
                    best = (sim, other)
            if best is not None:
                return Rejection(where, "ingest", "near-duplicate",
                                 f"near-duplicate of {best[1]} (similarity {best[0]:.2f})",
                                 article.id)
        self._exact[key] = article.id
        if mh is not None and article.id not in self._hashes:
            self._hashes[article.id] = mh
            self._lsh.insert(article.id, mh)
        return None

    def __call__(self, items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
        """The stream with each duplicate article replaced by its rejection."""
        for item in items:
            if isinstance(item, Article):
                dup = self.check(item)
                yield dup if dup is not None else item
            else:
                yield item

    def _minhash(self, words: list[str]) -> Any:
        from datasketch import MinHash

        n = self.shingle
        grams = {" ".join(words[i: i + n]).encode("utf-8")
                 for i in range(max(len(words) - n + 1, 1))}
        mh = MinHash(num_perm=self.num_perm)
        mh.update_batch(list(grams))
        return mh


__all__ = ["Deduplicator", "fingerprint", "normalise", "original_of"]
