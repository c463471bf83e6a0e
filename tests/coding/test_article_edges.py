"""What a whole article adds: a headline and dateline before the lead, a headline that names an
act its body tells again with a target, and headline clauses set side by side. Invented
articles, the real parser."""

import pytest

from tidings import Pipeline
from tidings.models import Article


@pytest.fixture(scope="module")
def coded(parser):
    def run(text: str, locations: bool = False) -> list[tuple]:
        p = Pipeline(locations=locations)
        p._parser = parser
        r = p.process(Article(id="t", text=text, published="2026-11-20"))
        return sorted(((e.source.code, e.source.text, e.target.code if e.target else None,
                        e.cameo, e.status) for e in r.events), key=str)
    return run


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_dateline_after_a_headline_is_no_actor(coded, sep):
    text = ("Police break up protest in capital" + sep + "NAIROBI, Kenya (AP) — Police fired "
            "tear gas at protesters on Tuesday. Police arrested 40 people, officials said.")
    got = coded(text)
    assert got and all(src.startswith("KEN") and "NAIROBI" not in said
                       for src, said, *_ in got)
    assert {(code, status) for *_, code, status in got} >= {("175", "asserted"),
                                                            ("173", "claimed")}


def test_a_headline_act_told_again_with_its_target_is_one_event(coded):
    got = coded("Houthis claim missile attack on tanker\n\nThe Houthis said they had fired two "
                "missiles at a Greek tanker in the Red Sea.")
    assert [(src, tgt, code) for src, _, tgt, code, _ in got if code != "015"] == [
        ("YEMREBHTI", "GRC", "190")]
    # (the headline's claim is a claim of responsibility of its own)
    assert any(src == "YEMREBHTI" and code == "015" for src, _, _, code, _ in got)


def test_headline_clauses_side_by_side_do_not_govern_each_other(coded):
    got = coded("Venezuela opposition rejects election results, Maduro threatens arrests.")
    assert ("VENOPP", "120", "asserted") in {(s, c, st) for s, _, _, c, st in got}


def test_people_protesting_outside_an_embassy_demonstrate(coded):
    got = coded("Hundreds of Serbs protested outside the Montenegrin embassy in Belgrade.")
    assert [code for *_, code, _ in got] == ["140"]
    # a state's protest is an official complaint
    assert [code for *_, code, _ in coded("China protested the visit to Taiwan.")] == ["114"]


def test_an_appeal_to_investigate_asks_for_judicial_cooperation(coded):
    got = coded("Myanmar's opposition urged the International Criminal Court to investigate the "
                "air strike.")
    assert [(s, t, c) for s, _, t, c, _ in got] == [("MMROPP", "IGOICC", "0213")]


def test_a_word_for_an_act_and_an_agent_names_the_agent_as_object(coded):
    # "forces" names both an act ("use of force") and the military
    assert [(s, t, c) for s, _, t, c, _ in coded("Pakistan criticised Indian forces.")] == [
        ("PAK", "INDMIL", "111")]


def test_what_is_allowed_can_be_the_subject_of_a_clause(coded):
    got = coded("The RSF said it would allow aid convoys to reach El Fasher.")
    assert [(s, st) for s, _, _, _, st in got] == [("SDNREBRSF", "planned")]


def test_a_body_adopting_sanctions_imposes_them(coded):
    got = coded("The European Union adopted a new package of sanctions against Russia.")
    assert [(s, t, c) for s, _, t, c, _ in got] == [("IGOEEC", "RUS", "163")]


def test_rights_groups_and_state_media_are_claimants_with_a_country(parser):
    p = Pipeline(locations=False)
    p._parser = parser
    r = p.process(Article(id="t", text="NAIROBI, Kenya (AP) — Police killed two protesters in "
                          "Nairobi, a local rights group said. Kenya's state television said "
                          "police had arrested 40 people.", published="2026-11-20"))
    assert [(e.cameo, e.status, e.claimant.code if e.claimant else None) for e in r.events] == [
        ("190", "claimed", "KENHRI"), ("173", "claimed", "KENMED")]


def test_a_headline_act_joins_the_bodys_telling_further_down(coded):
    got = coded("Houthis fire missiles at ships, U.S. strikes back\nSANAA (Reuters) - Yemen's "
                "Houthi rebels fired missiles at two ships in the Red Sea on Tuesday. The group "
                "said the ships were linked to Israel. No damage was reported. Hours later, U.S. "
                "forces struck Houthi radar sites near Hodeidah.")
    us = [(src, tgt) for src, _, tgt, code, _ in got if src.startswith("USA") and code == "190"]
    assert us == [("USA", "YEMREBHTI")], got


def test_two_acts_of_one_kind_in_the_body_stay_two(coded):
    got = coded("Ukrainian air defences shot down 110 drones overnight, the air force said. "
                "Ukrainian drones struck an oil refinery in Russia, Russian officials said.")
    assert any(tgt == "RUS" for _, _, tgt, _, _ in got), got
    assert len([c for *_, c, _ in got if c.startswith("19")]) == 2, got
