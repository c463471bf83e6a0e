"""Code one posted document (text or HTML) into its article and events, storing nothing.

The same steps as ``tidings code``: read (HTML through trafilatura), clean (captions, credits,
footers; unless ``clean`` is off), fill metadata, parse and code. Offsets in the events index
the returned ``article.text``.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, Field, model_validator

from tidings.errors import TidingsError
from tidings.models import Article, Rejection
from tidings.pipeline import ArticleResult, Pipeline


class Document(BaseModel):
    """A document to code or store: ``text`` or ``html``, with optional metadata."""

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="An HTML page; its main text is extracted.")
    id: str | None = Field(None, max_length=200,
                           description="Article id; default: a hash of the content.")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=64,
                                  description="Publication date, YYYY-MM-DD or ISO datetime; "
                                              "relative dates in the text resolve against it.")
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    clean: bool = Field(True, description="Strip page furniture (captions, photo credits, "
                                          "comment footers) before coding.")

    @model_validator(mode="after")
    def _one_body(self) -> Document:
        if bool(self.text) == bool(self.html):
            raise ValueError("give exactly one of `text` or `html`, not empty")
        return self


class Rejected(TidingsError):
    """A posted document the pipeline would not take (empty, wrong language ...)."""

    http_status = 422

    def __init__(self, rejection: Rejection) -> None:
        super().__init__(f"{rejection.reason}: {rejection.detail}".rstrip(": "),
                         article_id=rejection.article_id, stage=rejection.stage)
        self.rejection = rejection


def to_article(doc: Document) -> Article:
    """The ``Article`` a document describes, cleaned and with its metadata filled in."""
    from tidings.ingest import IngestOptions, prepare
    from tidings.ingest.readers import read_html_text, text_article

    body = doc.text if doc.text is not None else doc.html or ""
    article_id = doc.id or "doc-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    origin = doc.url or "<api>"
    raw = (read_html_text(body, origin, article_id, url=doc.url) if doc.html is not None
           else text_article(body, origin, article_id))
    if isinstance(raw, Rejection):
        raise Rejected(raw)
    meta = {k: v for k, v in (("title", doc.title), ("published", doc.published),
                              ("outlet", doc.outlet), ("url", doc.url)) if v}
    raw = replace(raw, **meta)
    prepared = prepare(raw, IngestOptions(clean=doc.clean))
    if isinstance(prepared, Rejection):
        raise Rejected(prepared)
    return prepared.article


class Coder:
    """The pipeline behind a lock (a spaCy pipeline is not shared between threads), loaded on
    first use or by ``warm``."""

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self._pipeline = pipeline
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            return self._pipeline

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None and self._pipeline._parser is not None

    def warm(self) -> None:
        """Load the spaCy model and the coder's data now rather than on the first request."""
        p = self.pipeline
        with self._lock:
            p.parser.nlp  # noqa: B018 - loads the model
            p.coder  # noqa: B018

    def process(self, article: Article) -> ArticleResult:
        p = self.pipeline
        with self._lock:
            result = p.process(article)
        if isinstance(result, Rejection):
            raise Rejected(result)
        return result


def article_json(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    data.pop("origin", None)
    return data


def code_document(coder: Coder, doc: Document) -> dict[str, Any]:
    """``{"article": ..., "events": [...]}`` for one document."""
    article = to_article(doc)
    result = coder.process(article)
    return {"article": article_json(result.article),
            "events": [ev.to_dict() for ev in result.events]}


__all__ = ["Coder", "Document", "Rejected", "article_json", "code_document",
           "to_article"]
