"""Article → ParsedSentence*. The only package of tidings that imports spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from tidings.models import Article, ParsedSentence
from tidings.nlp.convert import doc_to_sentences
from tidings.nlp.loader import MODEL_PACKAGES, load_pipeline


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Split text at blank lines into (offset, paragraph) pairs; offsets index ``text``."""
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        chunk = m.group(0)
        stripped = chunk.strip()
        if stripped:
            out.append((m.start() + chunk.index(stripped[0]), stripped))
    return out


class Parser:
    """Parses articles into sentences with a spaCy pipeline loaded once."""

    def __init__(self, model: str | None = None, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_pipeline(self.model)

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"

    def parse(self, article: Article) -> list[ParsedSentence]:
        return next(iter(self.parse_many([article])))

    def parse_many(self, articles: Iterable[Article]) -> Iterator[list[ParsedSentence]]:
        """Yield the sentences of each article, in input order; paragraphs are parsed as
        separate docs so headlines and captions never merge with body sentences."""
        for article in articles:
            chunks = paragraphs(article.text)
            sentences: list[ParsedSentence] = []
            docs = self.nlp.pipe((c for _, c in chunks), batch_size=self.batch_size)
            for (offset, _), doc in zip(chunks, docs, strict=True):
                sentences.extend(
                    doc_to_sentences(doc, article.id, offset=offset, first_index=len(sentences))
                )
            yield sentences


__all__ = ["MODEL_PACKAGES", "Parser", "doc_to_sentences", "load_pipeline", "paragraphs"]
