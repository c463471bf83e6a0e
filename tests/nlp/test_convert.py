import pytest

from tidings.errors import ModelNotInstalledError
from tidings.models import Article
from tidings.nlp import loader, paragraphs

TEXT = ("Source: Talks resume\n\nCAIRO – Egypt's foreign minister met Hamas leaders on Sunday.\n"
        "  \n\nThe Israeli army did not withdraw from the  crossing. Qatar welcomed the talks.")


def test_paragraphs_keep_offsets():
    for offset, chunk in paragraphs(TEXT):
        assert TEXT[offset : offset + len(chunk)] == chunk
    assert [c[:6] for _, c in paragraphs(TEXT)] == ["Source", "CAIRO ", "Egypt'", "The Is"]


@pytest.mark.parametrize("text, pieces", [
    # a headline on the first line is its own paragraph, blank line or not
    ("Kenyan police arrest 40 protesters\nNAIROBI, Kenya (AP) — Police arrested 40 people.",
     ["Kenyan police arrest 40 protesters", "NAIROBI, Kenya (AP) —", "Police arrested 40 people."]),
    ('Rebels seize town\n"We took it," a commander said.',
     ["Rebels seize town", '"We took it," a commander said.']),
    # a hard-wrapped sentence is not: its first line goes on in lower case, or ends a clause
    ("Italy launched attacks but could not break the line\nin Rome on Saturday.",
     ["Italy launched attacks but could not break the line\nin Rome on Saturday."]),
    ("Police arrested 40 people in Nairobi.\nThe protest went on.",
     ["Police arrested 40 people in Nairobi.\nThe protest went on."]),
    # nor is a wrapped lead that opens with a dateline or breaks after a word that goes on (the
    # dateline is parsed apart from the lead)
    ("NAIROBI, Kenya (AP) — Police on Tuesday fired tear gas at\nKenyan protesters.",
     ["NAIROBI, Kenya (AP) —", "Police on Tuesday fired tear gas at\nKenyan protesters."]),
    ("BANGKOK (Reuters) - Thailand's court dissolved the party.",
     ["BANGKOK (Reuters) -", "Thailand's court dissolved the party."]),
    ("Police on Tuesday fired tear gas at thousands of\nKenyan protesters.",
     ["Police on Tuesday fired tear gas at thousands of\nKenyan protesters."]),
])
def test_a_headline_line_is_a_paragraph_of_its_own(text, pieces):
    got = paragraphs(text)
    assert [c for _, c in got] == pieces
    for offset, chunk in got:
        assert text[offset : offset + len(chunk)] == chunk


def test_converter_offsets_heads_and_entities(parser):
    sents = parser.parse(Article("a", TEXT))
    assert [s.index for s in sents] == list(range(len(sents)))
    assert len(sents) >= 4
    for s in sents:
        assert TEXT[s.start : s.end] == s.text
        for t in s.tokens:
            assert TEXT[t.start : t.end] == t.text  # offsets index the article text
            assert 0 <= t.head < len(s.tokens)
            assert t.text.strip(), "whitespace tokens are dropped"
            assert (t.dep == "ROOT") == (t.head == t.i)
        for e in s.entities:
            assert s.span_text(e.start, e.end) == e.text
    met = next(s for s in sents if "met" in s.text)
    tok = next(t for t in met.tokens if t.text == "met")
    assert tok.lemma == "meet" and tok.pos == "VERB"
    assert any(e.label == "GPE" and e.text == "Egypt" for e in met.entities)


def test_loader_names_every_package_tried(monkeypatch):
    monkeypatch.setattr(loader, "MODEL_PACKAGES", ("tidings_missing_a", "tidings_missing_b"))
    loader.load_pipeline.cache_clear()
    try:
        with pytest.raises(ModelNotInstalledError) as err:
            loader.load_pipeline()
    finally:
        loader.load_pipeline.cache_clear()
    assert "tidings_missing_a" in str(err.value) and "tidings_missing_b" in str(err.value)
    assert "pip install" in str(err.value)
