"""The parse filter (``parse_filter`` setting): which sentences are parsed, and what the rest
become."""

from __future__ import annotations

import pickle

import pytest

from tidings.models import Article
from tidings.nlp.select import FALLBACK_RULES, LemmaCandidates, SentenceFilter


def w(text: str) -> list[str]:
    """A sentence's words, written with spaces between them."""
    return text.split()


@pytest.fixture(scope="module")
def words_filter() -> SentenceFilter:
    """A filter over tiny hand-made tables (no model)."""
    return SentenceFilter(
        LemmaCandidates(FALLBACK_RULES, {"verb": {"met": ["meet"]}}),
        verbs={"attack", "meet"},
        nouns={"blockade": [("blockade",)], "in": [("sit", "-", "in")]},
        actor_phrases=[("egypt",), ("hamas",), ("police",), ("islamic", "state")],
        actor_stems=[("argentin",)],
        actor_words={"official"},
    )


def test_a_sentence_needs_a_trigger_and_an_actor(words_filter):
    assert words_filter(w("Egypt attacked Hamas ."))
    assert words_filter(w("The police met on Monday ."))  # irregular form: exceptions
    assert not words_filter(w("Egypt is a large country ."))  # no trigger
    assert not words_filter(w("Prices attacked the record ."))  # no actor


def test_actors_by_phrase_stem_pronoun_and_person_noun(words_filter):
    assert words_filter(w("Fighters of the Islamic State attacked ."))
    assert not words_filter(w("The state attacked ."))  # half a phrase is no actor
    assert words_filter(w("Argentina attacked ."))  # a stem matches the word's start
    assert words_filter(w("They attacked ."))
    assert words_filter(w("The officials met ."))  # plural of a person noun


def test_a_verb_whose_agent_the_coder_implies_counts_as_an_actor():
    # "The suspects were arrested": no actor word, but the coder supplies the police
    f = SentenceFilter(LemmaCandidates(FALLBACK_RULES, {}), verbs={"arrest"}, nouns={},
                       actor_phrases=[("egypt",)], implied_verbs={"arrest"})
    assert f(w("The suspects were arrested ."))
    assert not f(w("The suspects were questioned ."))


def test_the_filter_keeps_sentences_with_an_implied_agent(pipelines):
    article = Article("a", "The weather was warm. Three suspects were arrested on Monday.",
                      published="2024-01-02")
    parsed = parsed_by_text(pipelines["events"].process(article))
    assert parsed["Three suspects were arrested on Monday."]
    assert not parsed["The weather was warm."]


def test_multi_word_triggers_need_their_whole_phrase(words_filter):
    assert words_filter(w("Hamas staged a sit - in ."))
    assert not words_filter(w("Hamas stayed in ."))
    assert words_filter(w("Egypt 's blockades"))  # as the tokenizer splits it


# -- with the model

TEXT = ("CAIRO – Egypt's foreign minister met Hamas leaders on Sunday. The weather was warm and "
        "dry. Officials said talks would continue.\n\nThe river is long. It rained.\n\n"
        "Israeli troops attacked militants in Gaza after the ceasefire collapsed. Egypt is a "
        "large country.")


@pytest.fixture(scope="module")
def pipelines(parser):
    """One pipeline per ``parse_filter`` value, sharing one model (each its own coder and
    filter, as ``tidings eval`` shares its parser)."""
    from tidings import Pipeline

    out = {m: Pipeline(parse_filter=m, on_error="raise") for m in ("actors", "events", "off")}
    for p in out.values():
        p._parser = parser
    return out


def parsed_by_text(result):
    return {s.text: s.parsed for s in result.sentences}


@pytest.mark.parametrize("mode", ["actors", "events"])
def test_sentences_without_an_event_are_kept_unparsed(pipelines, mode):
    result = pipelines[mode].process(Article("a", TEXT, published="2024-01-02"))
    assert [s.index for s in result.sentences] == list(range(len(result.sentences)))
    for s in result.sentences:  # offsets index the article text, parsed or not
        assert TEXT[s.start : s.end] == s.text
        assert s.parsed == bool(s.tokens)
        if not s.parsed:
            assert s.tokens == () and s.entities == ()
    parsed = parsed_by_text(result)
    assert parsed["Egypt's foreign minister met Hamas leaders on Sunday."]
    assert parsed["Israeli troops attacked militants in Gaza after the ceasefire collapsed."]
    assert not parsed["The weather was warm and dry."]  # no actor, no trigger
    assert not parsed["The river is long."]


def test_actors_mode_parses_actor_sentences_without_a_trigger(pipelines):
    article = Article("a", TEXT)
    assert parsed_by_text(pipelines["actors"].process(article))["Egypt is a large country."]
    assert parsed_by_text(pipelines["actors"].process(article))["It rained."]  # a pronoun
    assert not parsed_by_text(pipelines["events"].process(article))["Egypt is a large country."]
    assert not parsed_by_text(pipelines["events"].process(article))["It rained."]


def test_filter_off_parses_every_sentence(pipelines):
    result = pipelines["off"].process(Article("a", TEXT))
    assert all(s.parsed for s in result.sentences)


@pytest.mark.parametrize("mode", ["actors", "events"])
def test_events_after_skipped_sentences_index_the_text(pipelines, mode):
    result = pipelines[mode].process(Article("a", TEXT, published="2024-01-02"))
    attack = next(e for e in result.events if e.cameo_root == "19")
    assert not all(s.parsed for s in result.sentences[: attack.sentence_index])  # skipped
    assert result.sentences[attack.sentence_index].text == attack.sentence
    for span in (attack.trigger, attack.source, attack.target):
        assert span is not None and span.start is not None and span.end is not None
        assert TEXT[span.start : span.end] == span.text
    assert attack.trigger.text == "attacked"


@pytest.mark.parametrize("mode", ["actors", "events"])
def test_filter_on_codes_what_filter_off_codes(pipelines, mode):
    article = Article("a", TEXT, published="2024-01-02")
    events_off = pipelines["off"].process(article).events
    assert {e.cameo_root for e in events_off} >= {"04", "19"}
    assert pipelines[mode].process(article).events == events_off


def test_unparsed_sentences_survive_pickling_and_json(pipelines):
    from tidings.models import ParsedSentence

    result = pipelines["events"].process(Article("a", TEXT))
    assert not all(s.parsed for s in result.sentences)
    assert pickle.loads(pickle.dumps(result)) == result
    for s in result.sentences:
        assert ParsedSentence.from_dict(s.to_dict()) == s


def test_a_coder_without_pattern_tables_gets_no_filter(parser):
    class Opaque:
        name = "opaque"

    assert SentenceFilter.for_coder(Opaque(), parser.nlp) is None


def test_speech_verbs_are_triggers_only_with_speech_events(parser):
    from tidings import Pipeline

    quiet = Pipeline(parse_filter="events", locations=False)
    loud = Pipeline(parse_filter="events", locations=False, speech_events=True)
    quiet._parser = loud._parser = parser
    words = w("Egypt said nothing .")
    assert not quiet.sentence_filter(words)
    assert loud.sentence_filter(words)


def test_the_setting_takes_a_mode_or_a_boolean():
    from tidings.config import load_settings
    from tidings.errors import ConfigError

    assert load_settings().parse_filter == "actors"
    assert load_settings({"parse_filter": "false"}).parse_filter == "off"
    assert load_settings({"parse_filter": True}).parse_filter == "actors"
    assert load_settings({"parse_filter": "EVENTS"}).parse_filter == "events"
    with pytest.raises(ConfigError):
        load_settings({"parse_filter": "some"})


@pytest.mark.parametrize("text", [
    # a description of an international body, and the doers of an act told before, are actors
    "The European Union imposed sanctions on Iran in July. The bloc later lifted the sanctions.",
    "Al-Shabaab fighters stormed a hotel in Mogadishu. The attackers later set off a bomb.",
])
@pytest.mark.parametrize("mode", ["actors", "events"])
def test_descriptions_of_actors_keep_their_sentences(pipelines, mode, text):
    article = Article("d", text, published="2024-01-02")
    events_off = pipelines["off"].process(article).events
    assert len({e.sentence_index for e in events_off}) == 2
    assert pipelines[mode].process(article).events == events_off
