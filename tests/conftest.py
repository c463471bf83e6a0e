"""Shared fixtures: hand-built parsed sentences, the real spaCy model (once), ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.models import ParsedSentence, Token

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def build_sentence(
    spec: list[tuple], *, article_id: str = "t", index: int = 0, offset: int = 0
) -> ParsedSentence:
    """A ParsedSentence from rows ``(text, lemma, pos, dep, head[, tag[, ent_type]])``.

    Tokens are joined with single spaces; ``head`` indexes the rows (a root points at itself).
    """
    tokens = []
    pos_ = offset
    for i, row in enumerate(spec):
        text, lemma, pos, dep, head = row[:5]
        tag = row[5] if len(row) > 5 else ""
        ent = row[6] if len(row) > 6 else ""
        tokens.append(Token(i=i, text=text, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head,
                            start=pos_, end=pos_ + len(text), ent_type=ent))
        pos_ += len(text) + 1
    text = " ".join(r[0] for r in spec)
    return ParsedSentence(article_id, index, text, offset, offset + len(text), tuple(tokens))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared (gold data and reference tables) is not beside this checkout; "
                    "these tests run in development and CI only")
    return SHARED


@pytest.fixture(scope="session")
def parser():
    """The real English spaCy pipeline, loaded once per test session."""
    from tidings.errors import ModelNotInstalledError
    from tidings.nlp import Parser

    p = Parser()
    try:
        p.nlp  # noqa: B018 - load now so a missing model skips here, not mid-test
    except ModelNotInstalledError as exc:
        pytest.skip(str(exc))
    return p


@pytest.fixture(scope="session")
def pipeline(parser):
    from tidings import Pipeline

    p = Pipeline(on_error="raise")
    p._parser = parser
    return p
