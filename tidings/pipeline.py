"""The pipeline: ordered, named steps ingest → nlp → coding, with one error handler.

``Pipeline.run`` takes articles (or rejections from ingest) and yields, per input, either an
``ArticleResult`` or a ``Rejection``: a failing document is recorded with its stage and reason
and the batch goes on (``on_error="raise"`` re-raises instead, for debugging and tests).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tidings.config import Settings, load_settings
from tidings.errors import ConfigError, ModelNotInstalledError, TidingsError
from tidings.models import Article, Event, ParsedSentence, Rejection

logger = logging.getLogger(__name__)

# (name, needs, sets): what each step reads and writes, for docs and introspection.
STEPS: tuple[tuple[str, str, str], ...] = (
    ("ingest", "files, streams, URLs", "Article | Rejection"),
    ("nlp", "Article", "ParsedSentence*"),
    ("coding", "ParsedSentence*", "Event*"),
)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    sentences: tuple[ParsedSentence, ...]
    events: tuple[Event, ...]


class Pipeline:
    """Parses and codes articles. Heavy parts (spaCy model, dictionaries) load on first use."""

    def __init__(self, settings: Settings | None = None, **overrides: Any) -> None:
        self.settings = settings.replace(**overrides) if settings else load_settings(overrides)
        self._parser: Any = None
        self._coder: Any = None
        self._filter: Any = None  # the parse filter, built on first use (False: none)

    @property
    def parser(self) -> Any:
        if self._parser is None:
            from tidings.nlp import Parser

            self._parser = Parser(self.settings.model or None, self.settings.batch_size)
        return self._parser

    @property
    def coder(self) -> Any:
        if self._coder is None:
            from tidings.coding import ActorResolver, load_dictionary, load_patterns
            from tidings.registry import make_coder

            geocoder = None
            if self.settings.locations:
                from tidings.geo import Geocoder

                geocoder = Geocoder()
            self._coder = make_coder(
                self.settings.coder,
                patterns=load_patterns(self.settings.patterns,
                                       builtin=self.settings.builtin_patterns),
                resolver=ActorResolver(load_dictionary(self.settings.dictionaries)),
                speech_events=self.settings.speech_events,
                geocoder=geocoder,
                dates=self.settings.dates,
                default_country=self.settings.default_country,
                sports_filter=self.settings.sports_filter,
            )
        return self._coder

    @property
    def sentence_filter(self) -> Any:
        """What decides which sentences are parsed (``parse_filter`` setting), built from this
        pipeline's own coder tables; None parses every sentence."""
        if self._filter is None:
            self._filter = False
            if self.settings.parse_filter != "off":
                from tidings.nlp.select import SentenceFilter

                self._filter = SentenceFilter.for_coder(
                    self.coder, self.parser.nlp,
                    need_trigger=self.settings.parse_filter == "events") or False
        return self._filter or None

    # -- single documents
    def code_text(
        self, text: str, *, published: str | None = None, article_id: str = "text",
        outlet: str | None = None,
    ) -> list[Event]:
        article = Article(id=article_id, text=text, published=published, outlet=outlet)
        result = self.process(article)
        if isinstance(result, Rejection):
            raise TidingsError(f"{result.reason}: {result.detail}", article_id=article_id,
                               stage=result.stage)
        return list(result.events)

    def process(self, article: Article) -> ArticleResult | Rejection:
        return next(iter(self.run([article])))

    def code_sentences(self, article: Article, sentences: Iterable[ParsedSentence]) -> list[Event]:
        """Re-code stored parses without spaCy."""
        return list(self.coder.code_article(article, list(sentences)))

    # -- batches
    def run(self, items: Iterable[Article | Rejection]) -> Iterator[ArticleResult | Rejection]:
        for item in items:
            if isinstance(item, Rejection):
                yield item
                continue
            yield self._guard(item)

    def _guard(self, article: Article) -> ArticleResult | Rejection:
        stage = "nlp"
        try:
            sentences = self.parser.parse(article, self.sentence_filter)
            stage = "coding"
            events = self.coder.code_article(article, sentences)
            return ArticleResult(article, tuple(sentences), tuple(events))
        except (ConfigError, ModelNotInstalledError):
            raise  # not the document's fault: every document would fail the same way
        except TidingsError as exc:
            if self.settings.on_error == "raise":
                raise
            return self._reject(article, stage, exc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not abort a batch
            if self.settings.on_error == "raise":
                raise
            logger.exception("%s failed at %s", article.id, stage)
            return self._reject(article, stage, exc)

    @staticmethod
    def _reject(article: Article, stage: str, exc: BaseException) -> Rejection:
        return Rejection(article.origin or article.id, stage, f"{stage}-error",
                         f"{type(exc).__name__}: {exc}", article.id)


_DEFAULT: Pipeline | None = None


def code(text: str, *, published: str | None = None, outlet: str | None = None) -> list[Event]:
    """Code one text with the default pipeline: ``tidings.code("Egypt ...")``."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.code_text(text, published=published, outlet=outlet)
