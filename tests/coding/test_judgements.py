"""Judgements as events (data/evaluations.yaml): calling an act or an actor by a word that
judges it criticises (111) or praises (051) its author. Also the owner of a place acted on,
and a person the dictionary does not know as the object. Invented sentences, the real parser."""

import pytest


@pytest.mark.parametrize("text, wanted", [
    ("Algeria closed its airspace to Moroccan planes. Morocco called the decision "
     "unjustified.", ("MAR", "DZA", "111")),
    ("Canada imposed tariffs on Chinese electric cars. Beijing described the tariffs as "
     "blatant protectionism and an act of aggression.", ("CHNGOV", "CAN", "111")),
    ("Tehran said the seizure of the tanker by British marines was an act of piracy.",
     ("IRNGOV", "GBRMIL", "111")),
    ("The African Union called the peace deal between Ethiopia and Eritrea a historic "
     "milestone.", ("IGOAFU", "ETH", "051")),
])
def test_a_judgement_of_an_act_is_aimed_at_its_author(coded, text, wanted):
    assert (*wanted, "asserted") in coded(text)


def test_a_judgement_of_no_ones_act_is_no_event(coded):
    assert not any(c in ("111", "051") for _, _, c, _ in coded(
        "Iran said the new rules were illegal."))


def test_a_negated_judgement_is_none(coded):
    got = coded("Pakistan suspended trade with India. India said the move was not illegal.")
    assert not any(c == "111" for _, _, c, _ in got)


def test_a_place_acted_on_belongs_to_the_state_that_speaks_of_it(coded):
    got = coded("Estonia said a Russian military plane violated its airspace on Friday.")
    assert any(s == "RUSMIL" and t == "EST" for s, t, _, _ in got), got


def test_an_unknown_person_as_object_is_the_target_not_a_later_country(coded):
    got = coded("The Moldovan opposition accused Recean of handing over land to Ukraine.")
    assert ("MDAOPP", "UKR", "112", "asserted") not in got
    assert ("MDAOPP", None, "112", "asserted") in got


def test_a_state_putting_its_own_forces_on_alert_targets_no_one(coded):
    got = coded("Serbia put its army on high alert on Sunday.")
    assert all(t is None for s, t, c, _ in got if c.startswith("15")), got


def test_a_second_reported_clause_is_reported(coded):
    got = coded("Nepalese police said 20 officers were injured and 60 protesters were "
                "detained.")
    assert ("NPLCOP", "NPLOPP", "173", "claimed") in got, got
