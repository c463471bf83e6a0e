"""Details of force and of its status: trading fire is mutual, a test launch is a show of force,
fighting off an attack is force against the attackers, force on what another owns, a purpose
clause shares its governor's people, and a condition on an act told in the past was met.
Invented sentences, hand-built parses."""

from tests.conftest import build_sentence
from tidings.coding.coder import CameoCoder
from tidings.coding.resolver import ArticleMemory

CODER = CameoCoder()


def triples(s):
    return sorted((e.source.code, e.cameo, e.target.code if e.target else None, e.status)
                  for e in CODER.code_sentence(s, None, ArticleMemory()))


def test_trading_fire_is_mutual_and_a_test_launch_is_a_show_of_force():
    # "Thailand and Cambodia traded artillery fire"
    s = build_sentence([
        ("Thailand", "Thailand", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Cambodia", "Cambodia", "PROPN", "conj", 0), ("traded", "trade", "VERB", "ROOT", 3),
        ("artillery", "artillery", "NOUN", "compound", 5), ("fire", "fire", "NOUN", "dobj", 3)])
    assert triples(s) == [("KHM", "190", "THA", "asserted"), ("THA", "190", "KHM", "asserted")]
    # "North Korea test-fired a missile toward Japan"
    def fired(*before):
        n = len(before)
        return build_sentence([
            ("Iran", "Iran", "PROPN", "nsubj", n + 1), *before,
            ("fired", "fire", "VERB", "ROOT", n + 1, "VBD"), ("a", "a", "DET", "det", n + 3),
            ("missile", "missile", "NOUN", "dobj", n + 1), ("at", "at", "ADP", "prep", n + 1),
            ("Israel", "Israel", "PROPN", "pobj", n + 4)])
    assert triples(fired()) == [("IRN", "190", "ISR", "asserted")]
    assert [c for _, c, _, _ in triples(fired(("test", "test", "NOUN", "npadvmod", 3),
                                              ("-", "-", "PUNCT", "punct", 3)))] == ["150"]


def test_fighting_off_an_attack_is_force_against_whoever_attacked():
    # "The Nigerian army repelled a Boko Haram attack"
    s = build_sentence([
        ("The", "the", "DET", "det", 2), ("Nigerian", "nigerian", "ADJ", "amod", 2),
        ("army", "army", "NOUN", "nsubj", 3), ("repelled", "repel", "VERB", "ROOT", 3, "VBD"),
        ("a", "a", "DET", "det", 7), ("Boko", "Boko", "PROPN", "compound", 6),
        ("Haram", "Haram", "PROPN", "compound", 7), ("attack", "attack", "NOUN", "dobj", 3)])
    got = triples(s)
    assert ("NGAMIL", "190", "NGAREBBKH", "asserted") in got
    assert ("NGAREBBKH", "190", None, "asserted") in got
    # attackers not named: no force on what they attacked ("repulsed the attack on Egypt")
    s = build_sentence([
        ("The", "the", "DET", "det", 2), ("Nigerian", "nigerian", "ADJ", "amod", 2),
        ("army", "army", "NOUN", "nsubj", 3), ("repulsed", "repulse", "VERB", "ROOT", 3, "VBD"),
        ("the", "the", "DET", "det", 5), ("attack", "attack", "NOUN", "dobj", 3),
        ("on", "on", "ADP", "prep", 5), ("Egypt", "Egypt", "PROPN", "pobj", 6)])
    assert triples(s) == [("NGAMIL", "190", None, "asserted")]


def test_a_title_before_an_unknown_name_takes_its_modifiers_role():
    # "Ugandan police detained opposition leader Bobi Wine": the opposition's leader
    s = build_sentence([
        ("Ugandan", "ugandan", "ADJ", "amod", 1), ("police", "police", "NOUN", "nsubj", 2),
        ("detained", "detain", "VERB", "ROOT", 2, "VBD"),
        ("opposition", "opposition", "NOUN", "compound", 6),
        ("leader", "leader", "NOUN", "compound", 6), ("Bobi", "Bobi", "PROPN", "compound", 6),
        ("Wine", "Wine", "PROPN", "dobj", 2)])
    assert triples(s) == [("UGACOP", "173", "UGAOPP", "asserted")]


def test_water_cannon_fired_at_anothers_boats_is_fired_at_their_owner():
    # "Philippine officials said Chinese ships fired water cannon at its boats"
    s = build_sentence([
        ("Philippine", "philippine", "ADJ", "amod", 1),
        ("officials", "official", "NOUN", "nsubj", 2, "NNS"),
        ("said", "say", "VERB", "ROOT", 2, "VBD"), ("Chinese", "chinese", "ADJ", "amod", 4),
        ("ships", "ship", "NOUN", "nsubj", 5, "NNS"), ("fired", "fire", "VERB", "ccomp", 2, "VBD"),
        ("water", "water", "NOUN", "compound", 7), ("cannon", "cannon", "NOUN", "dobj", 5),
        ("at", "at", "ADP", "prep", 5), ("its", "its", "PRON", "poss", 10),
        ("boats", "boat", "NOUN", "pobj", 8, "NNS")])
    assert [(src, c, tgt) for src, c, tgt, _ in triples(s) if c == "175"] == [
        ("CHN", "175", "PHLGOV")]


def test_a_purpose_clause_shares_its_governors_people():
    # "Georgian police used water cannon to disperse protesters": Georgia's protesters
    s = build_sentence([
        ("Georgian", "georgian", "ADJ", "amod", 1), ("police", "police", "NOUN", "nsubj", 2),
        ("used", "use", "VERB", "ROOT", 2, "VBD"), ("water", "water", "NOUN", "compound", 4),
        ("cannon", "cannon", "NOUN", "dobj", 2), ("to", "to", "PART", "aux", 6),
        ("disperse", "disperse", "VERB", "xcomp", 2, "VB"),
        ("protesters", "protester", "NOUN", "dobj", 6, "NNS")])
    assert ("GEOCOP", "175", "GEOOPP", "asserted") in triples(s)


def test_a_condition_on_an_act_told_in_the_past_was_met():
    def released(*verb):
        n = len(verb)
        return build_sentence([
            ("Hamas", "Hamas", "PROPN", "nsubj", n), *verb,
            ("hostages", "hostage", "NOUN", "dobj", n, "NNS"), ("in", "in", "ADP", "prep", n),
            ("exchange", "exchange", "NOUN", "pobj", n + 2), ("for", "for", "ADP", "prep", n + 3),
            ("prisoners", "prisoner", "NOUN", "pobj", n + 4, "NNS")])
    [done] = CODER.code_sentence(released(("released", "release", "VERB", "ROOT", 1, "VBD")),
                                 None, ArticleMemory())
    assert (done.status, done.condition) == ("asserted", None)
    [will] = CODER.code_sentence(released(("will", "will", "AUX", "aux", 2),
                                          ("release", "release", "VERB", "ROOT", 2, "VB")),
                                 None, ArticleMemory())
    assert will.status == "conditional" and will.condition.text == "in exchange for prisoners"
    # an act that is itself the condition is never told as done, nor promised: it is only
    # supposed ("Egypt warned of chaos unless Israel withdrew")
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 1), ("warned", "warn", "VERB", "ROOT", 1, "VBD"),
        ("of", "of", "ADP", "prep", 1), ("chaos", "chaos", "NOUN", "pobj", 2),
        ("unless", "unless", "SCONJ", "mark", 6), ("Israel", "Israel", "PROPN", "nsubj", 6),
        ("withdrew", "withdraw", "VERB", "advcl", 1, "VBD")])
    assert [(e.cameo, e.status) for e in CODER.code_sentence(s, None, ArticleMemory())
            if e.source.code == "ISR"] == [("0874", "hypothetical")]


def test_mediators_mediate_between_the_parties_not_each_other():
    # "Egypt and Iran agreed to a truce brokered by Qatar and Turkey"
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Iran", "Iran", "PROPN", "conj", 0), ("agreed", "agree", "VERB", "ROOT", 3, "VBD"),
        ("to", "to", "ADP", "prep", 3), ("a", "a", "DET", "det", 6),
        ("truce", "truce", "NOUN", "pobj", 4), ("brokered", "broker", "VERB", "acl", 6, "VBN"),
        ("by", "by", "ADP", "agent", 7), ("Qatar", "Qatar", "PROPN", "pobj", 8),
        ("and", "and", "CCONJ", "cc", 9), ("Turkey", "Turkey", "PROPN", "conj", 9)])
    mediated = [(src, tgt) for src, c, tgt, _ in triples(s) if c == "045"]
    assert mediated == [("QAT", "EGY"), ("QAT", "IRN"), ("TUR", "EGY"), ("TUR", "IRN")]


def test_a_particle_taken_for_an_adverb_still_makes_the_phrasal_verb():
    # "Israeli troops pulled back" with "back" parsed as an adverb
    s = build_sentence([
        ("Israeli", "israeli", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 2),
        ("pulled", "pull", "VERB", "ROOT", 2, "VBD"), ("back", "back", "ADV", "advmod", 2)])
    assert triples(s) == [("ISRMIL", "0874", None, "asserted")]


def test_rejecting_a_proposal_does_not_unsay_it_and_prosecutors_are_their_countrys():
    # "Russia rejected a US proposal": the proposal was made, and is rejected
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("rejected", "reject", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 4), ("US", "US", "PROPN", "compound", 4),
        ("proposal", "proposal", "NOUN", "dobj", 1)])
    statuses = {c[:2]: st for _, c, _, st in triples(s)}
    assert statuses["12"] == "asserted" and statuses["03"] != "denied"
    # "Guatemala's president accused prosecutors of plotting": Guatemala's prosecutors
    s = build_sentence([
        ("Guatemala", "Guatemala", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
        ("president", "president", "NOUN", "nsubj", 3),
        ("accused", "accuse", "VERB", "ROOT", 3, "VBD"),
        ("prosecutors", "prosecutor", "NOUN", "dobj", 3, "NNS")])
    assert triples(s) == [("GTMGOV", "112", "GTMJUD", "asserted")]


def test_an_arrest_with_no_agent_named_is_the_polices_of_the_country():
    memory = {"default_country": "KEN"}

    def coded(rows):
        return sorted((e.source.code, e.cameo, e.target.code if e.target else None)
                      for e in CODER.code_sentence(build_sentence(rows), None,
                                                   ArticleMemory(**memory)))
    # "Opposition activists were taken into custody": the police's act, on the activists
    assert coded([
        ("Opposition", "opposition", "NOUN", "compound", 1),
        ("activists", "activist", "NOUN", "nsubjpass", 3, "NNS"),
        ("were", "be", "AUX", "auxpass", 3), ("taken", "take", "VERB", "ROOT", 3, "VBN"),
        ("into", "into", "ADP", "prep", 3), ("custody", "custody", "NOUN", "pobj", 4)]) == [
        ("KENCOP", "173", "KENOPP")]
    # "The crisis ended with the arrest of the opposition leader": a nominal arrest
    assert coded([
        ("The", "the", "DET", "det", 1), ("crisis", "crisis", "NOUN", "nsubj", 2),
        ("ended", "end", "VERB", "ROOT", 2, "VBD"), ("with", "with", "ADP", "prep", 2),
        ("the", "the", "DET", "det", 5), ("arrest", "arrest", "NOUN", "pobj", 3),
        ("of", "of", "ADP", "prep", 5), ("the", "the", "DET", "det", 9),
        ("opposition", "opposition", "NOUN", "compound", 9),
        ("leader", "leader", "NOUN", "pobj", 6)]) == [("KENCOP", "173", "KENOPP")]
    # counted arrests are particular ones; a kind of act is none: "detention without trial"
    assert coded([
        ("There", "there", "PRON", "expl", 1), ("were", "be", "VERB", "ROOT", 1, "VBD"),
        ("four", "four", "NUM", "nummod", 3), ("arrests", "arrest", "NOUN", "attr", 1, "NNS")
    ]) == [("KENCOP", "173", None)]
    assert coded([
        ("Critics", "critic", "NOUN", "nsubj", 1, "NNS"),
        ("oppose", "oppose", "VERB", "ROOT", 1, "VBP"),
        ("detention", "detention", "NOUN", "dobj", 1), ("without", "without", "ADP", "prep", 2),
        ("trial", "trial", "NOUN", "pobj", 3)]) == []
    # with no country known, no one is made the agent
    memory = {}
    assert coded([
        ("Activists", "activist", "NOUN", "nsubjpass", 2, "NNS"),
        ("were", "be", "AUX", "auxpass", 2), ("taken", "take", "VERB", "ROOT", 2, "VBN"),
        ("into", "into", "ADP", "prep", 2), ("custody", "custody", "NOUN", "pobj", 3)]) == []


def test_harm_when_an_act_of_force_happened_is_that_act_on_the_victims():
    # "Three Palestinians were killed when Israeli jets struck a building": one event, the
    # strike, on them
    s = build_sentence([
        ("Three", "three", "NUM", "nummod", 1),
        ("Palestinians", "Palestinians", "PROPN", "nsubjpass", 3, "NNPS"),
        ("were", "be", "AUX", "auxpass", 3), ("killed", "kill", "VERB", "ROOT", 3, "VBN"),
        ("when", "when", "SCONJ", "advmod", 7), ("Israeli", "israeli", "ADJ", "amod", 6),
        ("jets", "jet", "NOUN", "nsubj", 7), ("struck", "strike", "VERB", "advcl", 3, "VBD"),
        ("a", "a", "DET", "det", 9), ("building", "building", "NOUN", "dobj", 7)])
    got = triples(s)
    assert ("ISRMIL", "190", "PSE", "asserted") in got
    assert all(tgt is not None for _, _, tgt, _ in got)
    # a time clause with no force in it names no killer: "... killed when the roof fell"
    s = build_sentence([
        ("Three", "three", "NUM", "nummod", 1),
        ("Palestinians", "Palestinians", "PROPN", "nsubjpass", 3, "NNPS"),
        ("were", "be", "AUX", "auxpass", 3), ("killed", "kill", "VERB", "ROOT", 3, "VBN"),
        ("when", "when", "SCONJ", "advmod", 7), ("the", "the", "DET", "det", 6),
        ("roof", "roof", "NOUN", "nsubj", 7), ("fell", "fall", "VERB", "advcl", 3, "VBD")])
    assert triples(s) == []


def test_warning_of_ones_own_force_is_a_threat():
    # "Iran warned it would attack Iraq": a threat (1384), planned; another's attack is only
    # reported, on the warner's word
    def warned(subject):
        return build_sentence([
            ("Iran", "Iran", "PROPN", "nsubj", 1), ("warned", "warn", "VERB", "ROOT", 1, "VBD"),
            (subject[0], subject[1], subject[2], "nsubj", 4), ("would", "would", "AUX", "aux", 4),
            ("attack", "attack", "VERB", "ccomp", 1, "VB"), ("Iraq", "Iraq", "PROPN", "dobj", 4)])
    assert ("IRN", "1384", "IRQ", "planned") in triples(warned(("it", "it", "PRON")))
    [ev] = [e for e in CODER.code_sentence(warned(("Israel", "Israel", "PROPN")), None,
                                           ArticleMemory()) if e.source.code == "ISR"]
    assert (ev.source.code, ev.cameo, ev.status) == ("ISR", "190", "planned")
    assert ev.claimant is not None and ev.claimant.code == "IRN"


def test_blowing_up_a_structure_destroys_property_and_a_bus_is_a_bombing():
    def blew(noun):
        return build_sentence([
            ("Syria", "Syria", "PROPN", "nsubj", 1), ("blew", "blow", "VERB", "ROOT", 1, "VBD"),
            ("up", "up", "ADP", "prt", 1), ("a", "a", "DET", "det", 4),
            (noun, noun, "NOUN", "dobj", 1)])
    assert [c for _, c, _, _ in triples(blew("bridge"))] == ["1712"]
    assert [c for _, c, _, _ in triples(blew("bus"))] == ["183"]


def test_the_west_bank_is_palestinian_not_the_west_and_a_bank():
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1), ("raided", "raid", "VERB", "ROOT", 1, "VBD"),
        ("the", "the", "DET", "det", 4), ("West", "West", "PROPN", "compound", 4),
        ("Bank", "Bank", "PROPN", "dobj", 1)])
    assert triples(s) == [("ISR", "173", "PSE", "asserted")]
    # "the West" alone is still the West
    s = build_sentence([
        ("Iran", "Iran", "PROPN", "nsubj", 1), ("criticised", "criticise", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("West", "West", "PROPN", "dobj", 1)])
    assert triples(s) == [("IRN", "111", "WST", "asserted")]


def test_wounding_demonstrating_and_doing_again():
    # "Irish guerrillas wounded two British soldiers"
    s = build_sentence([
        ("Irish", "irish", "ADJ", "amod", 1), ("guerrillas", "guerrilla", "NOUN", "nsubj", 2),
        ("wounded", "wound", "VERB", "ROOT", 2, "VBD"), ("two", "two", "NUM", "nummod", 5),
        ("British", "british", "ADJ", "amod", 5), ("soldiers", "soldier", "NOUN", "dobj", 2)])
    assert triples(s) == [("IRLREB", "190", "GBRMIL", "asserted")]
    # "Sounding injured, Egypt said ...": a state of the speaker, no one wounded
    s = build_sentence([
        ("Sounding", "sound", "VERB", "advcl", 4, "VBG"),
        ("injured", "injure", "VERB", "xcomp", 0, "VBN"), (",", ",", "PUNCT", "punct", 4),
        ("Egypt", "Egypt", "PROPN", "nsubj", 4), ("said", "say", "VERB", "ROOT", 4, "VBD")])
    assert all(c != "190" for _, c, _, _ in triples(s))

    def demonstrated(*obj):
        return build_sentence([
            ("Kenyan", "kenyan", "ADJ", "amod", 1), ("students", "student", "NOUN", "nsubj", 2),
            ("demonstrated", "demonstrate", "VERB", "ROOT", 2, "VBD"), *obj])
    assert [c for _, c, _, _ in triples(demonstrated())] == ["141"]
    assert triples(demonstrated(("their", "their", "PRON", "poss", 4),
                                ("resolve", "resolve", "NOUN", "dobj", 2))) == []
    # "Israel reimposed blockades": imposing again is imposing
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 1),
        ("reimposed", "reimpose", "VERB", "ROOT", 1, "VBD"),
        ("blockades", "blockade", "NOUN", "dobj", 1, "NNS"), ("on", "on", "ADP", "prep", 2),
        ("Gaza", "Gaza", "PROPN", "pobj", 3)])
    assert [(c, tgt) for _, c, tgt, _ in triples(s)] == [("191", "PSE")]
    # "Haiti declared a state of siege": martial law by another name
    s = build_sentence([
        ("Haiti", "Haiti", "PROPN", "nsubj", 1), ("declared", "declare", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3), ("state", "state", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3), ("siege", "siege", "NOUN", "pobj", 4)])
    assert [c for _, c, _, _ in triples(s)] == ["1724"]
