"""Test doubles for the store: hand-built articles and events, a coder without spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from tidings.models import (
    ActorRef,
    Article,
    Event,
    Location,
    ParsedSentence,
    Rejection,
    Span,
    Token,
)
from tidings.pipeline import ArticleResult

QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 2,
        "10": 3, "11": 3, "12": 3, "13": 3, "14": 3}


def make_event(article_id: str, n: int, source: str, target: str | None, cameo: str, *,
               date: str | None = None, country: str | None = None, status: str = "asserted",
               sentence: str = "", coder: str = "fake.v1") -> Event:
    root = cameo[:2]
    loc = Location(country, country, None, None, "country") if country else None
    return Event(
        article_id=article_id, event_id=f"{article_id}:{n}:{cameo}", sentence_index=n,
        sentence=sentence or f"{source} {cameo} {target}", source=ActorRef(source, source, 0, 3),
        target=ActorRef(target, target, 4, 7) if target else None, cameo=cameo, cameo_root=root,
        cameo_name=f"code {cameo}", goldstein=-5.0 if int(root) >= 10 else 3.0,
        quad_class=QUAD.get(root, 4), plover=None, status=status, condition=None,
        claimant=None, trigger=Span("did", 0, 3), date=date,
        date_precision="day" if date and len(date) == 10 else None, location=loc,
        coder=coder,
    )


def sentence_of(article: Article, index: int, line: str, start: int) -> ParsedSentence:
    tok = Token(i=0, text=line, lemma=line, pos="X", tag="", dep="ROOT", head=0, start=start,
                end=start + len(line))
    return ParsedSentence(article.id, index, line, start, start + len(line), (tok,))


def code_lines(article: Article, sentences: Iterable[ParsedSentence],
               coder: str = "fake.v1") -> list[Event]:
    """Each sentence ``SRC TGT CAMEO [YYYY-MM-DD] [@CTRY]`` is one event (``-`` for no target);
    other sentences code to nothing."""
    out = []
    for s in sentences:
        parts = s.text.split()
        if len(parts) < 3 or not parts[2].isdigit():
            continue
        date = next((p for p in parts[3:] if p[:2] in ("19", "20") and "-" in p), None)
        country = next((p[1:] for p in parts[3:] if p.startswith("@")), None)
        status = next((p[1:] for p in parts[3:] if p.startswith("!")), "asserted")
        out.append(make_event(article.id, s.index, parts[0],
                              None if parts[1] == "-" else parts[1], parts[2], date=date,
                              country=country, status=status, sentence=s.text, coder=coder))
    return out


class FakeCoder:
    def __init__(self, name: str = "fake.v1") -> None:
        self.name = name

    def code_article(self, article: Article, sentences: list[ParsedSentence]) -> list[Event]:
        return code_lines(article, sentences, self.name)


class FakePipeline:
    """Splits text into lines (one sentence each) and codes them with ``code_lines``."""

    def __init__(self, coder: str = "fake.v1") -> None:
        self.coder = FakeCoder(coder)
        self.settings: Any = None
        self.parsed = 0

    def parse(self, article: Article) -> list[ParsedSentence]:
        out, pos = [], 0
        for i, line in enumerate(article.text.split("\n")):
            out.append(sentence_of(article, i, line, pos))
            pos += len(line) + 1
        return out

    def run(self, items: Iterable[Article | Rejection]) -> Iterator[ArticleResult | Rejection]:
        for a in items:
            if isinstance(a, Rejection):
                yield a
                continue
            if not a.text.strip():
                yield Rejection(a.origin or a.id, "nlp", "empty", "", a.id)
                continue
            self.parsed += 1
            sents = self.parse(a)
            yield ArticleResult(a, tuple(sents), tuple(self.coder.code_article(a, sents)))

    def code_sentences(self, article: Article, sentences: Iterable[ParsedSentence]) -> list[Event]:
        return self.coder.code_article(article, list(sentences))


def article(aid: str, text: str, *, outlet: str | None = None, published: str | None = None,
            url: str | None = None) -> Article:
    return Article(id=aid, text=text, outlet=outlet, published=published, url=url,
                   origin=f"{aid}.txt")
