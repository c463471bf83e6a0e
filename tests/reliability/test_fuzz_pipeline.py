"""CI-sized fuzz run through the real pipeline: 60 generated nasty documents (every kind,
one heavy one) through ``ingest`` → parse → code. No crash, no internal error, and every
event's offsets index its article's text. Prints the figures (``pytest -s``)."""

from __future__ import annotations

import logging
import time

import pytest

from tests.reliability.corpus import Tally, run_document, write_corpus

DOCS = 60


@pytest.mark.model
def test_nasty_corpus_through_the_pipeline(tmp_path, parser, capsys):
    from tidings import Pipeline
    from tidings.ingest import Deduplicator

    pipeline = Pipeline(locations=False)  # production mode: on_error="record"
    pipeline._parser = parser
    tally = Tally()
    dedup = Deduplicator(0.85)
    started = time.perf_counter()
    logging.disable(logging.CRITICAL)
    try:
        for path in write_corpus(tmp_path, DOCS, seed=1):
            run_document(path, pipeline, tally, dedup=dedup)
    finally:
        logging.disable(logging.NOTSET)
    with capsys.disabled():
        print(f"\nfuzz (CI): {DOCS} documents in {time.perf_counter() - started:.1f} s")
        print(tally.report())
    assert tally.documents == DOCS
    assert not tally.crashes, tally.crashes[0]
    assert not tally.internal_errors, tally.internal_errors
    assert not tally.offset_errors, tally.offset_errors[:5]
    assert tally.articles > 0 and tally.events > 0  # the corpus does reach the coder
    assert sum(tally.rejections.values()) > 0
