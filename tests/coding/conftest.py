"""Fixtures shared by the coder's tests on invented text with the real parser."""

import pytest

from tidings import Pipeline
from tidings.models import Article


@pytest.fixture(scope="module")
def events_of(parser):
    """Code one text (no gazetteer, published 2024-05-01 unless told) and return its events."""
    p = Pipeline(locations=False)
    p._parser = parser

    def run(text: str, published: str | None = "2024-05-01"):
        return p.process(Article(id="t", text=text, published=published)).events
    return run


@pytest.fixture(scope="module")
def coded(events_of):
    """The (source, target, code, status) of each event of a text."""
    return lambda text: {(e.source.code, e.target.code if e.target else None, e.cameo, e.status)
                         for e in events_of(text)}


@pytest.fixture(scope="module")
def coded_claims(events_of):
    """As ``coded``, with each event's claimant code."""
    return lambda text: {(e.source.code, e.target.code if e.target else None, e.cameo, e.status,
                          e.claimant.code if e.claimant else None) for e in events_of(text)}
