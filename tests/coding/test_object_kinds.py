"""What an object names decides the act: an international body or a state as object
("suspended Niger", "joined NATO", "withdrew from ECOWAS"), a preposition completing the verb
("under house arrest"), what flows ("gas supplies"), the noun a reduced relative hangs on, and
an act of force named in an "in" phrase. Invented sentences, hand-built parses."""

from tests.conftest import build_sentence
from tidings.coding.coder import CameoCoder
from tidings.coding.resolver import ArticleMemory

CODER = CameoCoder()


def triples(s):
    return sorted((e.source.code, e.cameo, e.target.code if e.target else None, e.status)
                  for e in CODER.code_sentence(s, None, ArticleMemory()))


def svo(subject, verb, *rest):
    """"<subject> <verb> <rest>": rest rows' heads index the whole sentence."""
    return build_sentence([(subject, subject, "PROPN", "nsubj", 1),
                           (verb[0], verb[1], "VERB", "ROOT", 1, "VBD"), *rest])


def test_an_international_body_suspending_a_member_and_a_state_joining_or_leaving_one():
    # "The African Union suspended Niger"
    s = build_sentence([
        ("The", "the", "DET", "det", 2), ("African", "African", "PROPN", "compound", 2),
        ("Union", "Union", "PROPN", "nsubj", 3), ("suspended", "suspend", "VERB", "ROOT", 3),
        ("Niger", "Niger", "PROPN", "dobj", 3)])
    assert triples(s) == [("IGOAFU", "166", "NER", "asserted")]
    # "Sweden joined NATO"
    assert triples(svo("Sweden", ("joined", "join"), ("NATO", "NATO", "PROPN", "dobj", 1))) == [
        ("SWE", "050", "IGONAT", "asserted")]
    # "Burundi withdrew from the International Criminal Court": no military retreat
    s = svo("Burundi", ("withdrew", "withdraw"), ("from", "from", "ADP", "prep", 1),
            ("the", "the", "DET", "det", 6), ("International", "International", "PROPN",
                                              "compound", 6),
            ("Criminal", "Criminal", "PROPN", "compound", 6),
            ("Court", "Court", "PROPN", "pobj", 2))
    assert [(e.cameo, e.target.code[:3]) for e in CODER.code_sentence(s, None, ArticleMemory())
            ] == [("166", "IGO")]
    # a state leaving a state's soil is still a retreat: "Chad withdrew from Mali"
    assert triples(svo("Chad", ("withdrew", "withdraw"), ("from", "from", "ADP", "prep", 1),
                       ("Mali", "Mali", "PROPN", "pobj", 2))) == [
        ("TCD", "0874", "MLI", "asserted")]
    # suspending something that is no actor is no expulsion: "Egypt suspended the match"
    assert triples(svo("Egypt", ("suspended", "suspend"), ("the", "the", "DET", "det", 3),
                       ("match", "match", "NOUN", "dobj", 1))) == []


def test_a_preposition_can_complete_the_verb_house_arrest_and_removal_from_office():
    # "Egypt placed Morsi's aides under house arrest"
    s = svo("Egypt", ("placed", "place"), ("Hamas", "Hamas", "PROPN", "dobj", 1),
            ("under", "under", "ADP", "prep", 1), ("house", "house", "NOUN", "compound", 5),
            ("arrest", "arrest", "NOUN", "pobj", 3))
    assert triples(s) == [("EGY", "173", "PSEGOVHMS", "asserted")]
    # "placed Hamas under pressure" is no arrest
    s = svo("Egypt", ("placed", "place"), ("Hamas", "Hamas", "PROPN", "dobj", 1),
            ("under", "under", "ADP", "prep", 1), ("pressure", "pressure", "NOUN", "pobj", 3))
    assert all(c != "173" for _, c, _, _ in triples(s))
    # "Peru's Congress removed Castillo from office" / "... from the room" (no removal)
    def removed(where):
        return build_sentence([
            ("Peru", "Peru", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
            ("Congress", "Congress", "PROPN", "nsubj", 3),
            ("removed", "remove", "VERB", "ROOT", 3, "VBD"),
            ("the", "the", "DET", "det", 5), ("president", "president", "NOUN", "dobj", 3),
            ("from", "from", "ADP", "prep", 3), (where, where, "NOUN", "pobj", 6)])
    assert [(e.source.code, e.cameo) for e in CODER.code_sentence(
        removed("office"), None, ArticleMemory())] == [("PERLEG", "172")]
    assert triples(removed("room")) == []
    # a title before a name: "the army overthrew President Kabore" (forcible: 170)
    s = build_sentence([
        ("Malian", "malian", "ADJ", "amod", 1), ("soldiers", "soldier", "NOUN", "nsubj", 2),
        ("overthrew", "overthrow", "VERB", "ROOT", 2, "VBD"),
        ("President", "President", "PROPN", "compound", 4),
        ("Keita", "Keita", "PROPN", "dobj", 2)])
    assert [(e.source.code, e.cameo) for e in CODER.code_sentence(s, None, ArticleMemory())
            ] == [("MLIMIL", "170")]


def test_cutting_what_flows_is_an_embargo_and_cutting_aid_deliveries_stays_aid():
    def halted(*obj):
        n = len(obj)
        return svo("Russia", ("halted", "halt"), *obj, ("to", "to", "ADP", "prep", 1),
                   ("Poland", "Poland", "PROPN", "pobj", 2 + n))
    assert triples(halted(("gas", "gas", "NOUN", "compound", 3),
                          ("supplies", "supply", "NOUN", "dobj", 1, "NNS"))) == [
        ("RUS", "163", "POL", "asserted")]
    assert triples(halted(("aid", "aid", "NOUN", "compound", 3),
                          ("deliveries", "delivery", "NOUN", "dobj", 1, "NNS"))) == [
        ("RUS", "162", "POL", "asserted")]


def test_the_noun_a_reduced_relative_hangs_on_is_its_theme():
    # "Sanctions imposed by Canada on Russia have cut its revenues"
    s = build_sentence([
        ("Sanctions", "sanction", "NOUN", "nsubj", 7, "NNS"),
        ("imposed", "impose", "VERB", "acl", 0, "VBN"), ("by", "by", "ADP", "agent", 1),
        ("Canada", "Canada", "PROPN", "pobj", 2), ("on", "on", "ADP", "prep", 1),
        ("Russia", "Russia", "PROPN", "pobj", 4), ("have", "have", "AUX", "aux", 7),
        ("cut", "cut", "VERB", "ROOT", 7, "VBN"), ("revenues", "revenue", "NOUN", "dobj", 7)])
    assert triples(s) == [("CAN", "163", "RUS", "asserted")]


def test_an_armed_actor_acting_in_an_offensive_carries_it_out():
    # "Turkish troops entered Syria in an offensive against Kurdish fighters": the troops'
    # offensive, against fighters of no known country (not Syria)
    s = build_sentence([
        ("Turkish", "turkish", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 2),
        ("entered", "enter", "VERB", "ROOT", 2, "VBD"), ("Syria", "Syria", "PROPN", "dobj", 2),
        ("in", "in", "ADP", "prep", 2), ("an", "an", "DET", "det", 6),
        ("offensive", "offensive", "NOUN", "pobj", 4), ("against", "against", "ADP", "prep", 6),
        ("Kurdish", "kurdish", "ADJ", "amod", 9), ("fighters", "fighter", "NOUN", "pobj", 7)])
    assert triples(s) == [("TURMIL", "190", None, "asserted")]

    def during(verb, noun, subject="Russia"):
        return svo(subject, verb, ("soldiers", "soldier", "NOUN", "dobj", 1),
                   ("during", "during", "ADP", "prep", 1), ("an", "an", "DET", "det", 5),
                   (noun[0], noun[1], "NOUN", "pobj", 3))
    # what the subject suffered is not its act: "Russia lost soldiers during an attack"
    assert triples(during(("lost", "lose"), ("attack", "attack"))) == []
    assert [c for _, c, _, _ in triples(during(("deployed", "deploy"), ("offensive",
                                                                          "offensive")))] == [
        "154", "190"]
    # a protest during which the police arrest people is not the police's
    s = build_sentence([
        ("Kenyan", "kenyan", "ADJ", "amod", 1), ("police", "police", "NOUN", "nsubj", 2),
        ("arrested", "arrest", "VERB", "ROOT", 2, "VBD"),
        ("students", "student", "NOUN", "dobj", 2, "NNS"),
        ("during", "during", "ADP", "prep", 2), ("a", "a", "DET", "det", 6),
        ("protest", "protest", "NOUN", "pobj", 4)])
    assert [(src, c) for src, c, _, _ in triples(s)] == [("KENCOP", "173")]


def test_receiving_a_leader_is_hosting_and_calling_a_counterpart_is_consulting():
    # "Xi Jinping received Vladimir Putin" (a government's leader, by name)
    assert triples(svo("China", ("received", "receive"),
                       ("Russia", "Russia", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2),
                       ("president", "president", "NOUN", "dobj", 1))) == [
        ("CHN", "043", "RUSGOV", "asserted")]
    # receiving a country's goods is no visit
    assert triples(svo("China", ("received", "receive"),
                       ("Russian", "russian", "ADJ", "amod", 3),
                       ("grain", "grain", "NOUN", "dobj", 1))) == []
    # "Egypt's president called his Turkish counterpart"
    s = svo("Egypt", ("called", "call"), ("his", "his", "PRON", "poss", 4),
            ("Turkish", "turkish", "ADJ", "amod", 4),
            ("counterpart", "counterpart", "NOUN", "dobj", 1))
    assert [(src, c, tgt[:3]) for src, c, tgt, _ in triples(s)] == [("EGY", "040", "TUR")]


def test_seizing_a_named_place_is_occupying_it():
    # "Russian troops seized Kyiv": a place the dictionary knows, taken
    s = build_sentence([
        ("Russian", "russian", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 2),
        ("seized", "seize", "VERB", "ROOT", 2, "VBD"), ("Kyiv", "Kyiv", "PROPN", "dobj", 2)])
    assert [(src, c) for src, c, _, _ in triples(s)] == [("RUSMIL", "192")]
    # seizing a named ship is seizing property
    s = build_sentence([
        ("Iranian", "iranian", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 2),
        ("seized", "seize", "VERB", "ROOT", 2, "VBD"), ("the", "the", "DET", "det", 4),
        ("Advantage", "Advantage", "PROPN", "dobj", 2)])
    assert [c for _, c, _, _ in triples(s)] == ["171"]


def test_answering_with_an_act_is_that_act():
    # "China retaliated with tariffs on American goods"
    s = svo("China", ("retaliated", "retaliate"), ("with", "with", "ADP", "prep", 1),
            ("tariffs", "tariff", "NOUN", "pobj", 2, "NNS"), ("on", "on", "ADP", "prep", 3),
            ("American", "american", "ADJ", "amod", 6),
            ("goods", "good", "NOUN", "pobj", 4, "NNS"))
    assert triples(s) == [("CHN", "163", "USA", "asserted")]
    # a verb of no answer: "China agreed with tariffs on American goods" names no act of its own
    s = svo("China", ("agreed", "agree"), ("with", "with", "ADP", "prep", 1),
            ("tariffs", "tariff", "NOUN", "pobj", 2, "NNS"), ("on", "on", "ADP", "prep", 3),
            ("American", "american", "ADJ", "amod", 6),
            ("goods", "good", "NOUN", "pobj", 4, "NNS"))
    assert all(c != "163" for _, c, _, _ in triples(s))


def test_taking_over_a_named_city_and_blocking_a_convoy_restrict_territory_and_movement():
    # "Israel approved a plan to take over Gaza City" → 192, planned
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1), ("approved", "approve", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3), ("plan", "plan", "NOUN", "dobj", 1),
        ("to", "to", "PART", "aux", 5), ("take", "take", "VERB", "acl", 3, "VB"),
        ("over", "over", "ADP", "prt", 5), ("Kyiv", "Kyiv", "PROPN", "dobj", 5)])
    assert [(src, c, st) for src, c, _, st in triples(s)] == [("ISR", "192", "planned")]
    # "Chinese vessels blocked a Philippine convoy" → 191; "blocked a Philippine bill" is 129
    def blocked(noun):
        return build_sentence([
            ("Chinese", "chinese", "ADJ", "amod", 1), ("vessels", "vessel", "NOUN", "nsubj", 2),
            ("blocked", "block", "VERB", "ROOT", 2, "VBD"), ("a", "a", "DET", "det", 5),
            ("Philippine", "philippine", "ADJ", "amod", 5), (noun, noun, "NOUN", "dobj", 2)])
    assert [(c, tgt) for _, c, tgt, _ in triples(blocked("convoy"))] == [("191", "PHL")]
    assert [c for _, c, _, _ in triples(blocked("bill"))] == ["129"]


def test_a_pattern_file_naming_an_unknown_kind_is_a_clear_error(tmp_path):
    import pytest

    from tidings.coding.patterns import load_patterns
    from tidings.errors import ConfigError

    good = tmp_path / "good.yaml"
    good.write_text("- {verb: eject, obj: ['@state'], code: '166'}\n")
    assert [p.objs for p in load_patterns([good]).verbs["eject"]] == [("@state",)]
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {verb: expel, obj: ['@country'], code: '166'}\n")
    with pytest.raises(ConfigError, match="unknown object kind '@country'"):
        load_patterns([bad])
