"""API fixtures: a hand-built store (no spaCy), apps over it, and the real pipeline shared
through the session-scoped ``pipeline`` fixture of tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tidings.models import ActorRef, Article, Event, Location, Rejection, Span
from tidings.pipeline import ArticleResult

TOKEN = "test-token-0123456789"
XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss=1">'

# (source text, source code, cameo, target text, target code, status, date, place)
ROWS: list[tuple[str, str, str, str | None, str | None, str, str, tuple | None]] = [
    ("Egypt", "EGY", "036", "Hamas", "PSEGOVHMS", "asserted", "2024-03-01",
     ("Cairo", "EGY", 30.04, 31.24)),
    ("Israel", "ISR", "191", "Gaza", "PSE", "asserted", "2024-03-02",
     ("Gaza", "PSE", 31.5, 34.47)),
    ("Hamas", "PSEGOVHMS", "111", "Egypt", "EGY", "denied", "2024-04-10", None),
    ("Qatar", "QAT", "043", None, None, "hypothetical", "2024-04-11",
     ("Doha", "QAT", 25.29, 51.53)),
    (XSS, "EGY" + "MIL", "173", "fishermen " + XSS, "PSE", "claimed", "2024-05-01",
     ("Rafah " + XSS, "EGY", 31.28, 34.24)),
]


def make_event(article: Article, n: int, row: tuple) -> Event:
    src_text, src_code, cameo, tgt_text, tgt_code, status, day, place = row
    text = article.text
    s0 = text.index(src_text)
    trig = text.index("did", s0)
    root = cameo[:2]
    quad = 1 if root < "06" else 2 if root < "10" else 3 if root < "15" else 4
    tgt = None
    if tgt_text:
        t0 = text.index(tgt_text, trig)
        tgt = ActorRef(tgt_text, tgt_code, t0, t0 + len(tgt_text))
    return Event(
        article_id=article.id, event_id=f"{article.id}-{n}-{cameo}", sentence_index=n,
        sentence=text, source=ActorRef(src_text, src_code, s0, s0 + len(src_text)), target=tgt,
        cameo=cameo, cameo_root=root, cameo_name=f"name of {cameo} {XSS}",
        goldstein=3.0 if quad < 3 else -5.0, quad_class=quad, plover=None, status=status,
        condition=None, claimant=ActorRef("officials", "EGYGOV") if status == "claimed" else None,
        trigger=Span("did", trig, trig + 3), date=day, date_precision="day",
        location=Location(place[0], place[1], place[2], place[3], "city") if place else None,
        confidence=0.8, coder="fake.v1",
    )


def hand_articles() -> list[tuple[Article, list[Event]]]:
    out = []
    for n, row in enumerate(ROWS):
        src, tgt = row[0], row[3]
        text = f"{src} did something to {tgt or 'nobody'} today."
        outlet = "BBC" if n % 2 else "AFP"
        art = Article(id=f"a{n}", text=text, title=f"Title {n} {XSS}" if n == 4 else f"Title {n}",
                      published=row[6], outlet=outlet, origin=f"a{n}.txt")
        out.append((art, [make_event(art, n, row)]))
    return out


class HandPipeline:
    """A pipeline double: returns the hand-built events of each article."""

    settings: Any = None
    coder: Any = None

    def __init__(self, items: list[tuple[Article, list[Event]]]) -> None:
        self.events = {a.id: evs for a, evs in items}

    def run(self, items: Iterable[Article | Rejection]) -> Iterator[ArticleResult | Rejection]:
        for a in items:
            if isinstance(a, Rejection):
                yield a
            else:
                yield ArticleResult(a, (), tuple(self.events.get(a.id, ())))

    def process(self, article: Article) -> ArticleResult | Rejection:
        return next(iter(self.run([article])))


def build_store(path: Path) -> Path:
    from tidings.store import Store, ingest_into

    items = hand_articles()
    with Store(path) as store:
        ingest_into(store, HandPipeline(items), [a for a, _ in items])
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "hand.duckdb")


@pytest.fixture(scope="session")
def read_client(store_path):
    """Reads open, writes off (no token): the store is opened read-only."""
    from fastapi.testclient import TestClient

    from tidings.api import ApiSettings, make_app

    app = make_app(ApiSettings(), db=store_path)
    with TestClient(app) as client:
        yield client
    app.state.corpus.close()


def token_app(db: Path, pipeline: Any = None, **settings: Any):
    from tidings.api import ApiSettings, make_app

    return make_app(ApiSettings().replace(api_token=TOKEN, **settings), db=db, pipeline=pipeline)
