"""Who an article's people and generic organs are: a titled name the dictionary does not know,
named again by surname or pronoun; a known person outside every dated term, read by the title
beside the name; the government, lawmakers and "it" of the one country a story has named.
Invented sentences, the real parser."""

import pytest

from tidings import Pipeline
from tidings.models import Article


@pytest.fixture(scope="module")
def pipeline(parser):
    p = Pipeline(locations=False)
    p._parser = parser
    return p


def coded(pipeline, text, published=None):
    r = pipeline.process(Article(id="t", text=text, published=published))
    return {(e.source.code, e.target.code if e.target else None, e.cameo, e.status)
            for e in r.events}


@pytest.mark.parametrize("text, wanted", [
    ("Ecuadorean President Rosa Quintero faced a new impeachment motion on Monday. Quintero "
     "accused lawmakers of plotting a coup.", ("ECUGOV", "ECULEG", "112")),
    ("Moldovan President Ana Ciobanu criticised the new media law. She said she would veto it.",
     ("MDAGOV", None, "129")),
    ("Kenyan President William Ruto said he would veto the bill. Nepalese Prime Minister Hari "
     "Thapa said he would sign the bill.", ("NPLGOV", None, "032")),
])
def test_a_titled_name_the_dictionary_does_not_know_is_named_again(pipeline, text, wanted):
    assert wanted in {(s, t, c) for s, t, c, _ in coded(pipeline, text)}


def test_a_known_person_outside_every_term_is_read_by_the_title(pipeline):
    # Barack Obama's terms are in the dictionary; a text dated 1990 holds none of them
    got = coded(pipeline, "U.S. President Barack Obama criticised Russia.", "1990-01-01")
    assert ("USAGOV", "RUS", "111", "asserted") in got


def test_an_undated_former_office_holder_is_of_the_elite(pipeline):
    got = coded(pipeline, "Barack Obama criticised Russia.")
    assert ("USAELI", "RUS", "111", "asserted") in got


def test_the_one_country_named_owns_the_government_and_its_pronoun(pipeline):
    got = coded(pipeline, "Slovak doctors went on strike on Monday. The government said it was "
                          "ready to negotiate with the doctors' union.")
    assert ("SVKGOV", "SVKMED", "036", "planned") in got or \
        ("SVKGOV", "SVKLAB", "036", "planned") in got, got


@pytest.mark.parametrize("text, wanted", [
    ("Myanmar's army lost a border town. The Kachin Independence Army seized the town.",
     "MMRREB"),
    ("The People's Liberation Army held drills near Taiwan.", "CHNMIL"),
])
def test_a_rebel_army_named_by_its_name_is_no_states_army(pipeline, text, wanted):
    assert any(s == wanted and c in ("192", "150") for s, _, c, _ in coded(pipeline, text))


@pytest.mark.parametrize("text, wanted", [
    ("Chinese Premier Li Qiang visited Jakarta. Li praised Indonesia's role in the region.",
     ("CHNGOV", "051")),
    ("Kazakh President Kassym-Jomart Tokayev met Putin. Tokayev praised the partnership with "
     "Russia.", ("KAZGOV", "051")),
])
def test_a_person_is_named_again_by_any_of_their_names(pipeline, text, wanted):
    assert any((s, c) == wanted for s, _, c, _ in coded(pipeline, text, "2025-06-10"))


def test_the_two_governments_of_a_pair_told_before(pipeline):
    got = coded(pipeline, "India and China held talks on Monday. Both leaders agreed to restore "
                          "flights.")
    assert ("INDGOV", "CHNGOV", "030", "planned") in got, got


def test_a_past_form_after_a_relative_clause_is_the_main_verb(pipeline):
    got = coded(pipeline, "Malaysia, which chairs the regional bloc this year, offered to "
                          "mediate between Thailand and Cambodia.")
    assert ("MYS", "THA", "039", "planned") in got, got
