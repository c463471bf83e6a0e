"""Acts asked or demanded by name are requests, not acts done: "called for talks between A and
B" is an appeal to both to meet (026), and no talks are coded. Also an acronym the tagger reads
as a verb ("ECOWAS imposed sanctions"). Invented sentences, the real parser."""

import pytest


@pytest.mark.parametrize("text, wanted, act", [
    ("Norway's foreign minister urged negotiations between Colombia and Venezuela.",
     {("NORGOV", "COL", "026"), ("NORGOV", "VEN", "026")}, "04"),
    ("The United Nations called for an immediate truce between Armenia and Azerbaijan.",
     {("IGOUNO", "ARM", "0256"), ("IGOUNO", "AZE", "0256")}, "08"),
    ("Ghana called for the release of the sailors held by Nigeria.",
     {("GHA", "NGA", "0253")}, "084"),
    ("Senegal's president called for dialogue with the opposition.",
     {("SENGOV", "SENOPP", "026")}, "04"),
])
def test_an_act_asked_for_by_name_is_a_request_and_no_act(coded, text, wanted, act):
    got = coded(text)
    assert {(s, t, c, "asserted") for s, t, c in wanted} <= got
    asker = next(iter(wanted))[0]
    # the talks, truce or release itself is not coded as done by anyone
    assert not any(c.startswith(act) and s != asker for s, _, c, _ in got), got


def test_an_appeal_for_calm_is_an_appeal_to_ease_force(coded):
    got = coded("Iran's foreign minister called for restraint.")
    assert ("IRNGOV", None, "0256", "asserted") in got


@pytest.mark.parametrize("text, wanted", [
    ("ECOWAS imposed sanctions on Niger after the coup.", ("IGOWAS", "NER", "163")),
    ("IGAD called for talks between Ethiopia and Eritrea.", ("IGOIAD", "ETH", "026")),
])
def test_an_acronym_read_as_a_verb_is_the_subject(coded, text, wanted):
    assert (*wanted, "asserted") in coded(text)
