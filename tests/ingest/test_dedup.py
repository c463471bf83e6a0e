"""Exact and near duplicates are rejected with a link to the original."""

from __future__ import annotations

from tidings.ingest import Deduplicator, original_of
from tidings.models import Article, Rejection

BODY = ("The foreign ministers of Norland and Estmark agreed on Tuesday to reopen talks on "
        "their disputed border, officials from both governments said after a meeting in "
        "London. The talks had been frozen since March, when Estmark accused Norland troops "
        "of crossing the frontier near the river port of Valdi. Norland's foreign ministry "
        "said a first round would take place in Geneva next month, and that both delegations "
        "would be led by deputy ministers.")


def test_exact_duplicates_ignore_case_spacing_and_punctuation():
    d = Deduplicator()
    assert d.check(Article("a", BODY)) is None
    r = d.check(Article("b", BODY.upper().replace(" ", "  ").replace(",", ""), origin="b.txt"))
    assert isinstance(r, Rejection)
    assert (r.stage, r.reason, r.detail, r.article_id, r.origin) == (
        "ingest", "duplicate", "duplicate of a", "b", "b.txt")
    assert original_of(r) == "a"


def test_near_duplicates_link_to_the_original_with_a_similarity():
    d = Deduplicator(0.8)
    d.check(Article("a", BODY))
    edited = BODY.replace("next month", "next week")
    r = d.check(Article("b", edited))
    assert isinstance(r, Rejection) and r.reason == "near-duplicate"
    assert r.detail.startswith("near-duplicate of a (similarity 0.")
    assert original_of(r) == "a"


def test_different_articles_pass_and_near_detection_can_be_off():
    d = Deduplicator()
    other = ("Hundreds of farmers blocked the main highway into the capital on Wednesday, "
             "demanding that the government raise the minimum price it pays for grain, and "
             "the agriculture minister said she would meet farmer leaders later in the week.")
    assert d.check(Article("a", BODY)) is None
    assert d.check(Article("b", other)) is None
    off = Deduplicator(0)
    off.check(Article("a", BODY))
    assert off.check(Article("b", BODY.replace("next month", "in June"))) is None
    assert isinstance(off.check(Article("c", BODY)), Rejection)


def test_stream_interface_passes_rejections_through():
    d = Deduplicator()
    bad = Rejection("x", "ingest", "empty")
    out = list(d([Article("a", BODY), bad, Article("b", BODY)]))
    assert out[0].id == "a" and out[1] is bad  # type: ignore[union-attr]
    assert isinstance(out[2], Rejection) and out[2].reason == "duplicate"
