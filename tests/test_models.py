import json

from tests.conftest import build_sentence
from tidings.models import (
    ActorRef,
    EntitySpan,
    Event,
    ParsedSentence,
    Plover,
    Rejection,
    Span,
    to_dict,
)

SPEC = [
    ("The", "the", "DET", "det", 2),
    ("Egyptian", "egyptian", "ADJ", "amod", 2),
    ("army", "army", "NOUN", "nsubj", 3),
    ("attacked", "attack", "VERB", "ROOT", 3),
    ("militants", "militant", "NOUN", "dobj", 3),
]


def test_parsed_sentence_round_trips_through_json():
    sent = build_sentence(SPEC)
    data = json.loads(json.dumps(sent.to_dict()))
    assert ParsedSentence.from_dict(data) == sent


def test_parsed_sentence_fast_paths_match_the_generic_record():
    import pickle

    sent = build_sentence(SPEC)
    sent = ParsedSentence(sent.article_id, 3, sent.text, sent.start, sent.end, sent.tokens,
                          (EntitySpan("ORG", 1, 2, "Egyptian"),))
    assert sent.to_dict() == to_dict(sent)  # field by field, as the generic walk has it
    assert pickle.loads(pickle.dumps(sent)) == sent
    assert sent.children(3)  # a built children index is not part of the pickle
    assert pickle.loads(pickle.dumps(sent)) == sent
    shipped = pickle.loads(pickle.dumps(sent))  # with the JSON the store writes, made once
    assert shipped.to_json() == json.dumps(to_dict(sent), ensure_ascii=False) == sent.to_json()
    bare = ParsedSentence("t", 0, "It rained.", 5, 15, ())
    assert not bare.parsed and pickle.loads(pickle.dumps(bare)) == bare


def test_tree_helpers():
    sent = build_sentence(SPEC)
    assert [t.text for t in sent.subtree(2)] == ["The", "Egyptian", "army"]
    assert [t.text for t in sent.ancestors(1)] == ["army", "attacked"]
    assert [t.text for t in sent.children(3)] == ["army", "militants"]
    assert sent.span_text(0, 3) == "The Egyptian army"


def test_event_serialises_every_field_of_the_record():
    ev = Event(
        article_id="a", event_id="e", sentence_index=0, sentence="s",
        source=ActorRef("Egypt", "EGY", 0, 5), target=None, cameo="190", cameo_root="19",
        cameo_name="Use conventional military force", goldstein=-10.0, quad_class=4,
        plover=Plover("ASSAULT"), status="asserted", condition=None, claimant=None,
        trigger=Span("attacked", 6, 14),
    )
    d = to_dict(ev)
    for key in ("article_id", "event_id", "sentence_index", "sentence", "source", "target",
                "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover",
                "status", "condition", "claimant", "trigger", "date", "date_precision",
                "location", "confidence", "coder"):
        assert key in d
    assert d["source"] == {"text": "Egypt", "code": "EGY", "start": 0, "end": 5}
    assert d["plover"] == {"type": "ASSAULT", "mode": None}


def test_rejection_to_dict():
    r = Rejection("x.txt", "ingest", "empty", "no text")
    assert r.to_dict()["reason"] == "empty"
