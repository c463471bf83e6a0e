"""What a clause around an act does to its status: conditions, coordinated verbs with a tense
of their own, verbal acts reported by their author, denials set after an accusation, warnings
that are threats, and who vouches when an office or a newspaper speaks. Invented sentences,
the real parser."""

import pytest

from tidings import Pipeline
from tidings.models import Article


@pytest.fixture(scope="module")
def coded(parser):
    p = Pipeline(locations=False)
    p._parser = parser

    def run(text: str) -> list[tuple]:
        r = p.process(Article(id="t", text=text, published="2024-05-01"))
        return sorted(((e.source.code, e.target.code if e.target else None, e.cameo, e.status,
                        e.claimant.code if e.claimant else None) for e in r.events),
                      key=str)
    return run


def test_an_act_in_a_condition_is_only_supposed(coded):
    # the main clause's "would not" is not the crackdown's
    [crackdown] = [e for e in coded("Erdogan said Turkey would not approve Sweden's membership "
                                    "unless Stockholm cracked down on Kurdish militants.")
                   if e[2] == "175"]
    assert crackdown[3] == "hypothetical"


def test_a_conjunct_in_its_own_tense_keeps_out_of_its_neighbours_clause(coded):
    events = coded("Niger's junta said it would not allow foreign troops on its soil and "
                   "demanded that the United States withdraw its soldiers.")
    assert [(e[0], e[1], e[3]) for e in events if e[2].startswith("10")] == [
        ("NERGOV", "USA", "asserted")]
    events = coded("The RSF denied targeting civilians and blamed the Sudanese army for the "
                   "shelling.")
    assert {(e[2], e[3]) for e in events} == {("190", "denied"), ("112", "asserted")}


def test_a_verbal_act_reported_by_its_author_is_made(coded):
    events = coded("The French foreign ministry said it regretted the decision and denied the "
                   "accusations.")
    assert {(e[0], e[2], e[3]) for e in events} == {("FRAGOV", "012", "asserted"),
                                                   ("FRAGOV", "016", "asserted")}
    # a deed the author's spokesman tells of stays the author's claim
    [deliberating] = [e for e in coded("A Hamas official said Hamas' leadership has been "
                                       "deliberating Egypt's proposals.") if e[2] == "014"]
    assert deliberating[3] == "claimed"


@pytest.mark.parametrize("text, denier", [
    ("Kinshasa accused Rwanda of backing the M23 rebels, a charge Kigali has repeatedly "
     "denied.", "RWAGOV"),
    ("Kyiv accused Moscow of shelling the plant, an allegation denied by Russia.", "RUS"),
])
def test_a_charge_denied_after_the_accusation_denies_the_alleged_act(coded, text, denier):
    events = coded(text)
    [accusation] = [e for e in events if e[2] == "112"]
    assert accusation[3] == "asserted"
    alleged = [e for e in events if e[2] not in ("112", "016")]
    assert alleged and all(e[3] == "denied" and e[4] == denier for e in alleged)


def test_a_warning_of_the_warners_own_act_is_a_threat(coded):
    assert coded("China's defence ministry warned Taiwan that it would take resolute measures "
                 "if Taipei pursued independence.") == [
        ("CHNMIL", "TWN", "130", "conditional", None)]
    assert [(e[2], e[3]) for e in coded("Russia warned Finland of consequences if it joined "
                                        "NATO.") if e[0] == "RUS" and e[1] == "FIN"] == [
        ("130", "conditional")]
    # the threatened act coded as a threat is the warning: no second event
    assert [(e[2], e[3]) for e in coded("Iran warned that it would attack American bases if it "
                                        "was struck.")] == [("1384", "conditional")]
    # another actor's act is only warned of
    warned = coded("Sudan's army chief warned that the RSF would attack El Fasher.")
    assert ("SDNMIL", "SDNREBRSF", "012", "asserted", None) in warned


def test_an_office_speaks_for_its_holder_and_a_newspaper_for_itself(coded):
    assert coded("Uzbek President Shavkat Mirziyoyev will visit Dushanbe next month, his office "
                 "said.") == [("UZBGOV", "TJKGOV", "042", "planned", "UZBGOV")]
    assert ("DEU", "ISR", "111", "negated", "OUTLET") in coded(
        "Germany did not condemn the Israeli strike, the newspaper reported.")
    # a country's own office of the same name as a foreign seat of government
    assert coded("Kenya's State Department for Trade criticised Uganda.")[0][:3] == (
        "KENGOV", "UGA", "111")
