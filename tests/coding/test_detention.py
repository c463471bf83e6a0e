"""Detention in the words of police news: picked up, held, caught — when what is picked up,
held or caught is people — and "the arrested workers". Invented sentences, the real parser."""

import pytest

from tidings import Pipeline
from tidings.models import Article


@pytest.fixture(scope="module")
def coded(parser):
    p = Pipeline(locations=False, default_country="KEN")
    p._parser = parser

    def run(text: str) -> list[tuple]:
        r = p.process(Article(id="t", text=text, published="2024-05-01"))
        return sorted((e.source.code, e.target.code if e.target else None, e.cameo, e.status)
                      for e in r.events)
    return run


@pytest.mark.parametrize("text", [
    "Police picked up two men near the station in Nakuru.",
    "The two activists were caught by Kenyan police at the border.",
    "Kenyan police held three journalists overnight.",
])
def test_people_picked_up_caught_or_held_by_police_are_detained(coded, text):
    assert [(src, code) for src, _, code, _ in coded(text)] == [("KENCOP", "173")]


@pytest.mark.parametrize("text", [
    "She picked up the phone.",
    "The minister held the police responsible for the violence.",
    "About 200 students are held at ransom by the county administration.",
    "A mob of more than 200 people caught up with them.",
    "Kenyan police held talks with the protest leaders.",
])
def test_things_picked_up_judgements_and_other_verbs_are_no_detention(coded, text):
    assert [q for q in coded(text) if q[2] == "173"] == []


def test_a_participle_before_people_tells_of_their_arrest_only(coded):
    assert coded("The arrested workers were released later.") == [
        ("KENCOP", "KENCVL", "173", "asserted")]
    # other participles tell of no act: "the injured soldiers", "the occupied territories"
    assert coded("The injured soldiers were taken to hospital.") == []
    # and who holds someone with no agent named is not guessed ("held at Guantanamo Bay")
    assert coded("Two Britons held at Guantanamo Bay will be returned.") == []


@pytest.mark.parametrize("text", [
    "Soldiers ousted the president of Niger, who remains in detention.",
    "The activist died in police custody in Nairobi.",
])
def test_being_in_custody_is_a_state_not_an_arrest(coded, text):
    assert [code for *_, code, _ in coded(text) if code == "173"] == []
