"""Declared intents, plural pronouns, the acts of force harm happened in, claims of one's own
attacks, and agents placed by the sentence: each rule on invented sentences (hand-built
parses, so the tests do not depend on the statistical parser's choices)."""

from tests.conftest import build_sentence
from tidings.coding.coder import CameoCoder
from tidings.coding.resolver import ArticleMemory
from tidings.models import Article

CODER = CameoCoder()


def code(s, **memory):
    """Code one sentence as the first of an article (pronouns resolve within it)."""
    return CODER.code_sentence(s, None, ArticleMemory(**memory))


def triples(events):
    return sorted((e.source.code, e.cameo, e.target.code if e.target else None, e.status)
                  for e in events)


def said(subject, verb_rows, *, tag="VBD"):
    """"<subject> said <clause>": rows of the clause have heads relative to its first row."""
    rows = [(subject, subject, "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1, tag)]
    for r in verb_rows:
        rows.append((*r[:4], r[4] + 2, *r[5:]))
    return build_sentence(rows)


def test_an_actor_declaring_its_own_future_act_expresses_an_intent():
    # "Israel said it will free Palestinian prisoners" → intent to release persons (0353)
    clause = [("it", "it", "PRON", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
              ("free", "free", "VERB", "ccomp", -1), ("Palestinian", "palestinian", "ADJ",
                                                        "amod", 4),
              ("prisoners", "prisoner", "NOUN", "dobj", 2)]
    [ev] = code(said("Israel", clause))
    assert (ev.source.code, ev.cameo, ev.status) == ("ISR", "0353", "planned")
    # another actor's future is only reported: the act keeps its code
    clause[0] = ("Hamas", "Hamas", "PROPN", "nsubj", 2)
    [ev] = code(said("Israel", clause))
    assert (ev.source.code, ev.cameo) == ("PSEGOVHMS", "0841")
    # a present-tense "says ... would" is no declaration
    clause[0] = ("it", "it", "PRON", "nsubj", 2)
    clause[1] = ("would", "would", "AUX", "aux", 2)
    [ev] = code(said("Israel", clause, tag="VBZ"))
    assert (ev.cameo, ev.status) == ("0841", "hypothetical")


def test_a_declared_attack_is_a_threat_and_a_declared_refusal_stays_a_refusal():
    clause = [("it", "it", "PRON", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
              ("attack", "attack", "VERB", "ccomp", -1), ("Iraq", "Iraq", "PROPN", "dobj", 2)]
    assert triples(code(said("Iran", clause))) == [
        ("IRN", "1384", "IRQ", "planned")]
    clause = [("it", "it", "PRON", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
              ("not", "not", "PART", "neg", 3), ("meet", "meet", "VERB", "ccomp", -1),
              ("Iraq", "Iraq", "PROPN", "dobj", 3)]
    assert [e.cameo_root for e in code(said("Iran", clause))] == ["12"]


def test_a_plural_pronoun_stands_for_every_conjunct_before_it():
    # "Obama and Putin said they will attack Iraq" (2010)
    s = build_sentence([
        ("Obama", "Obama", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Putin", "Putin", "PROPN", "conj", 0), ("said", "say", "VERB", "ROOT", 3, "VBD"),
        ("they", "they", "PRON", "nsubj", 6), ("will", "will", "AUX", "aux", 6),
        ("attack", "attack", "VERB", "ccomp", 3), ("Iraq", "Iraq", "PROPN", "dobj", 6),
    ])
    art = Article("a", s.text, published="2010-05-01")
    got = triples(CODER.code_sentence(s, art, ArticleMemory(date="2010-05-01")))
    assert got == [("RUSGOV", "1384", "IRQ", "planned"), ("USAGOV", "1384", "IRQ", "planned")]
    # one actor before it: "they" is that actor, as before
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1, "VBD"),
        ("they", "they", "PRON", "nsubj", 4), ("will", "will", "AUX", "aux", 4),
        ("attack", "attack", "VERB", "ccomp", 1), ("Iraq", "Iraq", "PROPN", "dobj", 4),
    ])
    assert [e.source.code for e in CODER.code_sentence(s, None, ArticleMemory())] == ["RUS"]


def test_a_pledge_with_no_intent_code_is_the_act_planned_not_a_threat():
    # "Qatar pledged to expel the rebels": no "intent to expel" code; no threat either
    s = build_sentence([
        ("Qatar", "Qatar", "PROPN", "nsubj", 1), ("pledged", "pledge", "VERB", "ROOT", 1, "VBD"),
        ("to", "to", "PART", "aux", 3), ("expel", "expel", "VERB", "xcomp", 1),
        ("Egyptian", "egyptian", "ADJ", "amod", 5), ("militants", "militant", "NOUN", "dobj", 3),
    ])
    assert triples(code(s)) == [("QAT", "174", "EGYREB", "planned")]
    # a vow of force is still a threat
    s = build_sentence([
        ("Qatar", "Qatar", "PROPN", "nsubj", 1), ("vowed", "vow", "VERB", "ROOT", 1, "VBD"),
        ("to", "to", "PART", "aux", 3), ("attack", "attack", "VERB", "xcomp", 1),
        ("Egyptian", "egyptian", "ADJ", "amod", 5), ("militants", "militant", "NOUN", "dobj", 3),
    ])
    assert [e.cameo_root for e in code(s)] == ["13"]


def test_a_passive_themes_own_preposition_names_the_target():
    # "Sanctions against Iran were imposed by the EU"
    s = build_sentence([
        ("Sanctions", "sanction", "NOUN", "nsubjpass", 4, "NNS"),
        ("against", "against", "ADP", "prep", 0), ("Iran", "Iran", "PROPN", "pobj", 1),
        ("were", "be", "AUX", "auxpass", 4), ("imposed", "impose", "VERB", "ROOT", 4, "VBN"),
        ("by", "by", "ADP", "agent", 4), ("the", "the", "DET", "det", 7),
        ("EU", "EU", "PROPN", "pobj", 5),
    ])
    assert [(e.source.code, e.cameo_root, e.target.code if e.target else None)
            for e in code(s)] == [("IGOEEC", "16", "IRN")]


def test_any_attack_is_a_possible_one():
    # "Russia warned against any attack by NATO": no particular attack happened
    s = build_sentence([
        ("any", "any", "DET", "det", 1), ("attack", "attack", "NOUN", "ROOT", 1),
        ("by", "by", "ADP", "prep", 1), ("NATO", "NATO", "PROPN", "pobj", 2),
    ])
    assert [e.status for e in code(s)] == ["hypothetical"]


def killed_in(*cause, verb=("killed", "kill", "VERB", "ROOT", 3, "VBN")):
    """"Four people were killed in <cause>", the cause's heads relative to its first row."""
    rows = [("Four", "four", "NUM", "nummod", 1), ("people", "people", "NOUN", "nsubjpass", 3),
            ("were", "be", "AUX", "auxpass", 3), verb, ("in", "in", "ADP", "prep", 3)]
    rows += [(*r[:4], r[4] + 5, *r[5:]) for r in cause]
    return build_sentence(rows)


def test_harm_in_an_act_of_force_is_that_act_by_its_owner():
    # "Four people were killed in an Israeli air strike": one event, the strike's code
    s = killed_in(("an", "a", "DET", "det", 3), ("Israeli", "israeli", "ADJ", "amod", 3),
                  ("air", "air", "NOUN", "compound", 3), ("strike", "strike", "NOUN", "pobj", -1))
    [ev] = code(s)
    assert (ev.source.code, ev.cameo) == ("ISR", "195")
    assert ev.trigger.text == "killed in an Israeli air strike"
    # "killed in police firing", the gerund tagged as a verb, in a story about India
    s = killed_in(("police", "police", "NOUN", "compound", 1),
                  ("firing", "fire", "VERB", "pobj", -1, "VBG"))
    [ev] = CODER.code_sentence(s, None, ArticleMemory(default_country="IND"))
    assert (ev.source.code, ev.cameo, ev.trigger.text) == (
        "INDCOP", "193", "killed in police firing")
    # "died in police firing": the same act
    s = killed_in(("police", "police", "NOUN", "compound", 1),
                  ("firing", "firing", "NOUN", "pobj", -1, "NN"),
                  verb=("died", "die", "VERB", "ROOT", 3, "VBD"))
    assert [(e.source.code, e.cameo) for e in CODER.code_sentence(
        s, None, ArticleMemory(default_country="IND"))] == [("INDCOP", "193")]
    # "died in hospital": no act of force, no event
    s = killed_in(("hospital", "hospital", "NOUN", "pobj", -1),
                  verb=("died", "die", "VERB", "ROOT", 3, "VBD"))
    assert CODER.code_sentence(s, None, ArticleMemory(default_country="IND")) == []


def test_the_firing_of_an_official_is_a_dismissal_and_a_crash_is_no_actor():
    s = build_sentence([
        ("the", "the", "DET", "det", 1), ("firing", "firing", "NOUN", "ROOT", 1),
        ("of", "of", "ADP", "prep", 1), ("the", "the", "DET", "det", 5),
        ("Kenyan", "kenyan", "ADJ", "amod", 5), ("minister", "minister", "NOUN", "pobj", 2),
        ("by", "by", "ADP", "prep", 1), ("Kenya", "Kenya", "PROPN", "pobj", 6),
    ])
    assert code(s) == []
    # "Four people were killed by the Malaysia Airlines crash": nobody's attack
    s = build_sentence([
        ("Four", "four", "NUM", "nummod", 1), ("people", "people", "NOUN", "nsubjpass", 3),
        ("were", "be", "AUX", "auxpass", 3), ("killed", "kill", "VERB", "ROOT", 3, "VBN"),
        ("by", "by", "ADP", "agent", 3), ("the", "the", "DET", "det", 8),
        ("Malaysia", "Malaysia", "PROPN", "compound", 7),
        ("Airlines", "Airlines", "PROPN", "compound", 8), ("crash", "crash", "NOUN", "pobj", 4),
    ])
    assert code(s) == []


def test_claiming_ones_own_attack_claims_responsibility():
    # "The US claimed that it had attacked Iraq": the attack (on its word) and 015
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("claimed", "claim", "VERB", "ROOT", 1, "VBD"),
        ("that", "that", "SCONJ", "mark", 5), ("it", "it", "PRON", "nsubj", 5),
        ("had", "have", "AUX", "aux", 5), ("shelled", "shell", "VERB", "ccomp", 1, "VBN"),
        ("Kyiv", "Kyiv", "PROPN", "dobj", 5),
    ])
    got = triples(CODER.code_sentence(s, None, ArticleMemory()))
    assert ("RUS", "015", "UKR", "asserted") in got
    assert ("RUS", "194", "UKR", "claimed") in got
    # claiming another's attack is an accusation's content, not responsibility
    rows = [(t.text, t.lemma, t.pos, t.dep, t.head, t.tag) for t in s.tokens]
    rows[3] = ("Ukraine", "Ukraine", "PROPN", "nsubj", 5)
    got = triples(CODER.code_sentence(build_sentence(rows), None, ArticleMemory()))
    assert all(code != "015" for _, code, _, _ in got)


def test_an_agent_with_no_owner_belongs_to_the_one_country_the_sentence_places_it_in():
    # "Gunmen killed three villagers in Nigeria"
    def gunmen(place):
        return build_sentence([
            ("Gunmen", "gunman", "NOUN", "nsubj", 1, "NNS"),
            ("killed", "kill", "VERB", "ROOT", 1, "VBD"), ("three", "three", "NUM", "nummod", 3),
            ("villagers", "villager", "NOUN", "dobj", 1, "NNS"), ("in", "in", "ADP", "prep", 1),
            (place, place, "PROPN", "pobj", 4),
        ])
    assert triples(CODER.code_sentence(gunmen("Nigeria"), None, ArticleMemory())) == [
        ("NGAREB", "190", "NGACVL", "asserted")]
    # two countries named: whose gunmen is not said
    s = build_sentence([
        ("Gunmen", "gunman", "NOUN", "nsubj", 1, "NNS"),
        ("killed", "kill", "VERB", "ROOT", 1, "VBD"), ("three", "three", "NUM", "nummod", 4),
        ("Chinese", "chinese", "ADJ", "amod", 4), ("workers", "worker", "NOUN", "dobj", 1),
        ("in", "in", "ADP", "prep", 1), ("Nigeria", "Nigeria", "PROPN", "pobj", 5),
    ])
    assert CODER.code_sentence(s, None, ArticleMemory()) == []


def test_opponents_and_bare_protests():
    # "Opponents of the Rwandan government protested"
    s = build_sentence([
        ("Opponents", "opponent", "NOUN", "nsubj", 5, "NNS"), ("of", "of", "ADP", "prep", 0),
        ("the", "the", "DET", "det", 4), ("Rwandan", "rwandan", "ADJ", "amod", 4),
        ("government", "government", "NOUN", "pobj", 1),
        ("protested", "protest", "VERB", "ROOT", 5, "VBD"),
    ])
    assert triples(code(s)) == [("RWAOPP", "140", None, "asserted")]


def test_sport_stories_have_no_state_acts_but_keep_their_police_and_courts():
    from tidings.models import Event

    coder = CameoCoder()

    def sent(i, *rows):
        return build_sentence(list(rows), index=i)

    beat = [("Spain", "Spain", "PROPN", "nsubj", 1), ("beat", "beat", "VERB", "ROOT", 1, "VBD"),
            ("Australia", "Australia", "PROPN", "dobj", 1), ("at", "at", "ADP", "prep", 1),
            ("tennis", "tennis", "NOUN", "pobj", 3)]
    charged = [("Greek", "greek", "ADJ", "amod", 1),
               ("prosecutors", "prosecutor", "NOUN", "nsubj", 2, "NNS"),
               ("charged", "charge", "VERB", "ROOT", 2, "VBD"),
               ("Kenyan", "kenyan", "ADJ", "amod", 4),
               ("officials", "official", "NOUN", "dobj", 2, "NNS")]
    filler = [("The", "the", "DET", "det", 1), ("tournament", "tournament", "NOUN", "ROOT", 1)]
    story = [sent(0, *beat), sent(1, *filler), sent(2, *filler), sent(3, *charged)]
    art = Article("s", " ".join(s.text for s in story))
    events: list[Event] = coder.code_article(art, story)
    assert [(e.source.code, e.cameo_root) for e in events] == [("GRCJUD", "17")]
    # the same sentences outside a sports story, or with the filter off, are all coded
    assert len(coder.code_article(art, [story[0], story[3]])) == 2
    assert len(CameoCoder(sports_filter=False).code_article(art, story)) == 2


def test_an_act_refused_or_failed_did_not_happen():
    def governed(verb, lemma, act, act_lemma, obj, prep=None):
        rows = [("Iran", "Iran", "PROPN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1, "VBD")]
        if prep:  # "refrained from attacking"
            rows += [(prep, prep, "ADP", "prep", 1), (act, act_lemma, "VERB", "pcomp", 2, "VBG")]
        else:
            rows += [("to", "to", "PART", "aux", 3), (act, act_lemma, "VERB", "xcomp", 1)]
        rows += [(obj, obj, "PROPN", "dobj", 3)]
        return build_sentence(rows)
    # a cooperative act refused is the refusal (12x), asserted, and no release is coded
    assert triples(code(governed("refused", "refuse", "release", "release", "Kuwait"))) == [
        ("IRN", "1243", "KWT", "asserted")]
    assert triples(code(governed("declined", "decline", "meet", "meet", "Kuwait"))) == [
        ("IRN", "125", "KWT", "asserted")]
    # a failure or an abstention leaves the act negated
    got = triples(code(governed("failed", "fail", "attack", "attack", "Kuwait")))
    assert got == [("IRN", "190", "KWT", "negated")]
    got = triples(code(governed("refrained", "refrain", "attacking", "attack", "Kuwait",
                                prep="from")))
    assert got == [("IRN", "190", "KWT", "negated")]


def test_strikes_by_workers_are_stoppages_and_armed_strikes_on_targets_are_attacks():
    # "Kenyan nurses went on strike"
    s = build_sentence([
        ("Kenyan", "kenyan", "ADJ", "amod", 1), ("nurses", "nurse", "NOUN", "nsubj", 2, "NNS"),
        ("went", "go", "VERB", "ROOT", 2, "VBD"), ("on", "on", "ADP", "prep", 2),
        ("strike", "strike", "NOUN", "pobj", 3),
    ])
    assert [(e.source.code, e.cameo) for e in code(s)] == [("KENHLH", "143")]
    # "Kenyan teachers launched a strike" / "Kenyan troops launched a strike"
    def launched(who, lemma):
        return build_sentence([
            ("Kenyan", "kenyan", "ADJ", "amod", 1), (who, lemma, "NOUN", "nsubj", 2, "NNS"),
            ("launched", "launch", "VERB", "ROOT", 2, "VBD"), ("a", "a", "DET", "det", 4),
            ("strike", "strike", "NOUN", "dobj", 2),
        ])
    assert [e.cameo for e in code(launched("teachers", "teacher"))] == ["143"]
    assert [e.cameo_root for e in code(launched("troops", "troop"))] == ["19"]
    # "Kenyan jets struck targets in Somalia": an attack, though "target" is often a level
    s = build_sentence([
        ("Kenyan", "kenyan", "ADJ", "amod", 1), ("jets", "jet", "NOUN", "nsubj", 2, "NNS"),
        ("struck", "strike", "VERB", "ROOT", 2, "VBD"),
        ("targets", "target", "NOUN", "dobj", 2, "NNS"), ("in", "in", "ADP", "prep", 2),
        ("Somalia", "Somalia", "PROPN", "pobj", 4),
    ])
    assert [(e.source.code, e.cameo_root, e.target.code) for e in code(s)] == [
        ("KENMIL", "19", "SOM")]


def test_an_unresolved_party_as_object_is_not_replaced_by_a_later_place():
    # "Kenyan troops killed 20 militants near the border with Somalia": Somalia is not hit
    s = build_sentence([
        ("Kenyan", "kenyan", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 2, "NNS"),
        ("killed", "kill", "VERB", "ROOT", 2, "VBD"), ("20", "20", "NUM", "nummod", 4),
        ("militants", "militant", "NOUN", "dobj", 2, "NNS"), ("near", "near", "ADP", "prep", 2),
        ("the", "the", "DET", "det", 7), ("border", "border", "NOUN", "pobj", 5),
        ("with", "with", "ADP", "prep", 7), ("Somalia", "Somalia", "PROPN", "pobj", 8),
    ])
    assert triples(code(s)) == [("KENMIL", "190", None, "asserted")]
    # a role named only by a modifier of a thing is no actor: "the Kenyan Police Bill"
    s = build_sentence([
        ("the", "the", "DET", "det", 2), ("Police", "police", "NOUN", "compound", 2),
        ("Bill", "bill", "NOUN", "nsubj", 3), ("proposes", "propose", "VERB", "ROOT", 3, "VBZ"),
        ("talks", "talk", "NOUN", "dobj", 3, "NNS"),
    ])
    assert code(s, default_country="KEN") == []


def test_a_blocked_decision_is_its_owners_and_did_not_happen():
    # "Hungary blocked an EU decision to send aid to Ukraine"
    s = build_sentence([
        ("Hungary", "Hungary", "PROPN", "nsubj", 1), ("blocked", "block", "VERB", "ROOT", 1),
        ("an", "a", "DET", "det", 4), ("EU", "EU", "PROPN", "compound", 4),
        ("decision", "decision", "NOUN", "dobj", 1), ("to", "to", "PART", "aux", 6),
        ("send", "send", "VERB", "acl", 4), ("aid", "aid", "NOUN", "dobj", 6),
        ("to", "to", "ADP", "prep", 6), ("Ukraine", "Ukraine", "PROPN", "pobj", 8),
    ])
    assert triples(code(s)) == [("IGOEEC", "073", "UKR", "negated")]


def test_coordinated_parties_of_a_mutual_act_act_on_each_other_not_on_a_later_actor():
    # "Saudi Arabia and Iran restored ties in a deal brokered by China"
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Iran", "Iran", "PROPN", "conj", 0), ("restored", "restore", "VERB", "ROOT", 3, "VBD"),
        ("ties", "tie", "NOUN", "dobj", 3, "NNS"), ("in", "in", "ADP", "prep", 3),
        ("a", "a", "DET", "det", 7), ("deal", "deal", "NOUN", "pobj", 5),
        ("brokered", "broker", "VERB", "acl", 7, "VBN"), ("by", "by", "ADP", "agent", 8),
        ("China", "China", "PROPN", "pobj", 9),
    ])
    got = triples(code(s))
    assert ("EGY", "050", "IRN", "asserted") in got and ("IRN", "050", "EGY", "asserted") in got
    assert not any(tgt == "CHN" for _, _, tgt, _ in got)


def test_according_to_makes_the_act_a_claim_of_its_source():
    # "Kenya attacked Somalia, according to Ethiopia"
    s = build_sentence([
        ("Kenya", "Kenya", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
        ("Somalia", "Somalia", "PROPN", "dobj", 1), (",", ",", "PUNCT", "punct", 1),
        ("according", "accord", "VERB", "prep", 1), ("to", "to", "ADP", "prep", 4),
        ("Ethiopia", "Ethiopia", "PROPN", "pobj", 5),
    ])
    [ev] = code(s)
    assert (ev.status, ev.claimant.code if ev.claimant else None) == ("claimed", "ETH")


def test_questions_and_beliefs_are_not_facts():
    # "Did Kenya attack Somalia?"
    s = build_sentence([
        ("Did", "do", "AUX", "aux", 2), ("Kenya", "Kenya", "PROPN", "nsubj", 2),
        ("attack", "attack", "VERB", "ROOT", 2), ("Somalia", "Somalia", "PROPN", "dobj", 2),
        ("?", "?", "PUNCT", "punct", 2),
    ])
    assert [e.status for e in code(s)] == ["hypothetical"]
    # "Why did Kenya attack Somalia?" takes the attack as given
    s = build_sentence([
        ("Why", "why", "SCONJ", "advmod", 3), ("did", "do", "AUX", "aux", 3),
        ("Kenya", "Kenya", "PROPN", "nsubj", 3), ("attack", "attack", "VERB", "ROOT", 3),
        ("Somalia", "Somalia", "PROPN", "dobj", 3), ("?", "?", "PUNCT", "punct", 3),
    ])
    assert [e.status for e in code(s)] == ["asserted"]
    # "Kenya is believed to have attacked Somalia": hearsay
    s = build_sentence([
        ("Kenya", "Kenya", "PROPN", "nsubjpass", 2), ("is", "be", "AUX", "auxpass", 2),
        ("believed", "believe", "VERB", "ROOT", 2, "VBN"), ("to", "to", "PART", "aux", 5),
        ("have", "have", "AUX", "aux", 5), ("attacked", "attack", "VERB", "xcomp", 2, "VBN"),
        ("Somalia", "Somalia", "PROPN", "dobj", 5),
    ])
    assert [e.status for e in code(s)] == ["claimed"]
    # "Whether Kenya will attack Somalia is unclear"
    s = build_sentence([
        ("Whether", "whether", "SCONJ", "mark", 3), ("Kenya", "Kenya", "PROPN", "nsubj", 3),
        ("will", "will", "AUX", "aux", 3), ("attack", "attack", "VERB", "csubj", 5),
        ("Somalia", "Somalia", "PROPN", "dobj", 3), ("is", "be", "AUX", "ROOT", 5),
        ("unclear", "unclear", "ADJ", "acomp", 5),
    ])
    assert [e.status for e in code(s)] == ["hypothetical"]


def test_recalling_ones_own_envoy_targets_the_country_of_the_post():
    # "Somalia recalled its ambassador to Kenya" — not Somalia's own government
    s = build_sentence([
        ("Somalia", "Somalia", "PROPN", "nsubj", 1), ("recalled", "recall", "VERB", "ROOT", 1),
        ("its", "its", "PRON", "poss", 3), ("ambassador", "ambassador", "NOUN", "dobj", 1),
        ("to", "to", "ADP", "prep", 3), ("Kenya", "Kenya", "PROPN", "pobj", 4),
    ])
    assert [(e.source.code, e.cameo_root, e.target.code if e.target else None)
            for e in code(s)] == [("SOM", "16", "KEN")]


def test_an_agentless_conviction_or_charge_is_by_the_courts_of_its_country():
    # "Two journalists were convicted in Moscow"
    s = build_sentence([
        ("Two", "two", "NUM", "nummod", 1), ("journalists", "journalist", "NOUN", "nsubjpass", 3),
        ("were", "be", "AUX", "auxpass", 3), ("convicted", "convict", "VERB", "ROOT", 3, "VBN"),
        ("in", "in", "ADP", "prep", 3), ("Moscow", "Moscow", "PROPN", "pobj", 4),
    ])
    [ev] = code(s)
    assert (ev.source.code, ev.cameo) == ("RUSJUD", "116") and ev.source.text == "convicted"


def test_the_addressee_of_a_call_on_is_the_appeals_target():
    # "Brazil called on Venezuela to release prisoners": Brazil appeals to Venezuela
    s = build_sentence([
        ("Brazil", "Brazil", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1, "VBD"),
        ("on", "on", "ADP", "prep", 1), ("Venezuela", "Venezuela", "PROPN", "pobj", 2),
        ("to", "to", "PART", "aux", 5), ("release", "release", "VERB", "xcomp", 1, "VB"),
        ("prisoners", "prisoner", "NOUN", "dobj", 5, "NNS"),
    ])
    [ev] = code(s)
    assert (ev.source.code, ev.cameo[:2], ev.target.code) == ("BRA", "02", "VEN")


def test_a_weapon_as_passive_agent_gives_way_to_whoever_fired_it():
    # "The plane was shot down by a missile fired by Russian soldiers"
    rows = [
        ("The", "the", "DET", "det", 1), ("plane", "plane", "NOUN", "nsubjpass", 3),
        ("was", "be", "AUX", "auxpass", 3), ("shot", "shoot", "VERB", "ROOT", 3, "VBN"),
        ("down", "down", "ADP", "prt", 3), ("by", "by", "ADP", "agent", 3),
        ("a", "a", "DET", "det", 7), ("missile", "missile", "NOUN", "pobj", 5),
        ("fired", "fire", "VERB", "acl", 7, "VBN"), ("by", "by", "ADP", "agent", 8),
        ("Russian", "russian", "ADJ", "amod", 11), ("soldiers", "soldier", "NOUN", "pobj", 9),
    ]
    assert [(e.source.code, e.cameo_root) for e in code(build_sentence(rows))] == [
        ("RUSMIL", "19")]
    # a weapon nobody is said to have fired leaves the act with no source
    rows[8:] = [("fired", "fire", "VERB", "acl", 7, "VBN"), ("from", "from", "ADP", "prep", 8),
                ("Gaza", "Gaza", "PROPN", "pobj", 9)]
    assert code(build_sentence(rows)) == []


def test_the_object_of_for_or_to_completes_a_verb_with_no_direct_object():
    # "Egypt called for a ceasefire": an appeal for a ceasefire (0256), not a bare appeal
    def called(prep, verb="call", lemma_verb="called"):
        return build_sentence([
            ("Egypt", "Egypt", "PROPN", "nsubj", 1), (lemma_verb, verb, "VERB", "ROOT", 1, "VBD"),
            (prep, prep, "ADP", "prep", 1), ("a", "a", "DET", "det", 4),
            ("ceasefire", "ceasefire", "NOUN", "pobj", 2),
        ])
    assert [e.cameo for e in code(called("for"))] == ["0256"]
    # "Ethiopia and the TPLF agreed to a ceasefire": each declares it with the other
    s = build_sentence([
        ("Ethiopia", "Ethiopia", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Hamas", "Hamas", "PROPN", "conj", 0), ("agreed", "agree", "VERB", "ROOT", 3, "VBD"),
        ("to", "to", "ADP", "prep", 3), ("a", "a", "DET", "det", 6),
        ("ceasefire", "ceasefire", "NOUN", "pobj", 4),
    ])
    assert triples(code(s)) == [("ETH", "0871", "PSEGOVHMS", "asserted"),
                                ("PSEGOVHMS", "0871", "ETH", "asserted")]


def test_ordering_a_diplomat_to_leave_is_an_expulsion_and_children_are_civilians():
    s = build_sentence([
        ("Niger", "Niger", "PROPN", "poss", 3), ("'s", "'s", "PART", "case", 0),
        ("military", "military", "ADJ", "amod", 3), ("rulers", "ruler", "NOUN", "nsubj", 4),
        ("ordered", "order", "VERB", "ROOT", 4, "VBD"), ("the", "the", "DET", "det", 7),
        ("French", "french", "ADJ", "amod", 7), ("ambassador", "ambassador", "NOUN", "dobj", 4),
        ("to", "to", "PART", "aux", 9), ("leave", "leave", "VERB", "xcomp", 4, "VB"),
    ])
    assert triples(code(s)) == [("NERGOV", "174", "FRAGOV", "asserted")]
    # "Troops killed two Malian children"
    s = build_sentence([
        ("Troops", "troop", "NOUN", "nsubj", 1, "NNS"), ("killed", "kill", "VERB", "ROOT", 1),
        ("two", "two", "NUM", "nummod", 4), ("Malian", "malian", "ADJ", "amod", 4),
        ("children", "child", "NOUN", "dobj", 1, "NNS"),
    ])
    assert [e.target.code for e in code(s, default_country="MLI")] == ["MLICVL"]


def test_force_on_what_an_actor_owns_is_force_on_the_actor():
    # "Armenia accused Azerbaijan of firing on its positions": on Armenia
    s = build_sentence([
        ("Armenia", "Armenia", "PROPN", "nsubj", 1), ("accused", "accuse", "VERB", "ROOT", 1),
        ("Azerbaijan", "Azerbaijan", "PROPN", "dobj", 1), ("of", "of", "ADP", "prep", 1),
        ("firing", "fire", "VERB", "pcomp", 3, "VBG"), ("on", "on", "ADP", "prep", 4),
        ("its", "its", "PRON", "poss", 7), ("positions", "position", "NOUN", "pobj", 5, "NNS"),
    ])
    assert ("AZE", "193", "ARM", "claimed") in triples(code(s))
    # "Russia shelled Ukraine's positions"
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1),
        ("Ukraine", "Ukraine", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2),
        ("positions", "position", "NOUN", "dobj", 1, "NNS"),
    ])
    assert triples(code(s)) == [("RUS", "194", "UKR", "asserted")]


def test_an_exchange_is_mutual_a_states_protest_is_a_complaint_and_seizing_power_no_seizure():
    # "Israel and Hamas exchanged prisoners under a truce brokered by Qatar"
    s = build_sentence([
        ("Israel", "Israel", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Hamas", "Hamas", "PROPN", "conj", 0), ("exchanged", "exchange", "VERB", "ROOT", 3),
        ("prisoners", "prisoner", "NOUN", "dobj", 3, "NNS"), ("under", "under", "ADP", "prep", 3),
        ("a", "a", "DET", "det", 7), ("truce", "truce", "NOUN", "pobj", 5),
        ("brokered", "broker", "VERB", "acl", 7, "VBN"), ("by", "by", "ADP", "agent", 8),
        ("Qatar", "Qatar", "PROPN", "pobj", 9),
    ])
    got = [(src, c, tgt) for src, c, tgt, _ in triples(code(s)) if c.startswith("08")]
    assert got == [("ISR", "0841", "PSEGOVHMS"), ("PSEGOVHMS", "0841", "ISR")]

    def protested(subject):
        return build_sentence([
            (subject, subject, "PROPN", "nsubj", 1), ("protested", "protest", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("visit", "visit", "NOUN", "dobj", 1)])
    assert [e.cameo for e in code(protested("China"))] == ["114"]
    # protesters protest in the street
    assert [e.cameo for e in code(build_sentence([
        ("Chinese", "chinese", "ADJ", "amod", 1), ("students", "student", "NOUN", "nsubj", 2),
        ("protested", "protest", "VERB", "ROOT", 2)]))] == ["140"]
    # "Soldiers seized power": no seizure of property, as "soldiers seized a ship" is
    def seized(what):
        return build_sentence([
            ("Iranian", "iranian", "ADJ", "amod", 1), ("soldiers", "soldier", "NOUN", "nsubj", 2),
            ("seized", "seize", "VERB", "ROOT", 2, "VBD"), (what, what, "NOUN", "dobj", 2)])
    assert [e.cameo for e in code(seized("ship"))] == ["171"]
    assert code(seized("power")) == []


def test_an_attack_in_words_is_criticism_and_poverty_is_no_foe():
    def attacked(*rest):
        return build_sentence([
            ("Kenya", "Kenya", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Uganda", "Uganda", "PROPN", "dobj", 1), *rest])
    assert [e.cameo for e in code(attacked())] == ["190"]
    # "..., saying it had lied"
    assert [e.cameo for e in code(attacked(
        (",", ",", "PUNCT", "punct", 1), ("saying", "say", "VERB", "advcl", 1, "VBG"),
        ("it", "it", "PRON", "nsubj", 7), ("lied", "lie", "VERB", "ccomp", 5, "VBD")))] == ["111"]
    # "... over the dam", "... for blocking the deal"
    assert [e.cameo for e in code(attacked(
        ("over", "over", "ADP", "prep", 1), ("the", "the", "DET", "det", 5),
        ("dam", "dam", "NOUN", "pobj", 3)))] == ["111"]
    assert [e.cameo for e in code(attacked(
        ("for", "for", "ADP", "prep", 1), ("blocking", "block", "VERB", "pcomp", 3, "VBG"),
        ("the", "the", "DET", "det", 6), ("deal", "deal", "NOUN", "dobj", 4)))] == ["111"]
    # "for hours" is how long the attack went on
    assert [e.cameo for e in code(attacked(
        ("for", "for", "ADP", "prep", 1), ("hours", "hour", "NOUN", "pobj", 3, "NNS")))] == ["190"]
    # "Kenya fought poverty"
    assert code(build_sentence([
        ("Kenya", "Kenya", "PROPN", "nsubj", 1), ("fought", "fight", "VERB", "ROOT", 1),
        ("poverty", "poverty", "NOUN", "dobj", 1)])) == []


def test_who_is_charged_with_an_act_does_it_on_the_accusers_word():
    # "Kenya charged two Somali men with helping Hamas"
    def charged(obj_rows):
        n = len(obj_rows)
        return build_sentence([
            ("Kenya", "Kenya", "PROPN", "nsubj", 1), ("charged", "charge", "VERB", "ROOT", 1),
            *obj_rows, ("with", "with", "ADP", "prep", 1),
            ("helping", "help", "VERB", "pcomp", 2 + n, "VBG"),
            ("Hamas", "Hamas", "PROPN", "dobj", 3 + n)])
    got = triples(code(charged([("two", "two", "NUM", "nummod", 4),
                                ("Somali", "somali", "ADJ", "amod", 4),
                                ("men", "man", "NOUN", "dobj", 1, "NNS")])))
    assert ("SOM", "070", "PSEGOVHMS", "claimed") in got
    # men of no known country: the help is theirs, not the prosecutors'
    got = triples(code(charged([("two", "two", "NUM", "nummod", 3),
                                ("men", "man", "NOUN", "dobj", 1, "NNS")])))
    assert all(c != "070" for _, c, _, _ in got)


def test_a_publication_named_by_a_reduced_relative_is_no_release():
    # "Figures released by the Japanese government showed ..."
    s = build_sentence([
        ("Figures", "figure", "NOUN", "nsubj", 6, "NNS"),
        ("released", "release", "VERB", "acl", 0, "VBN"), ("by", "by", "ADP", "agent", 1),
        ("the", "the", "DET", "det", 5), ("Japanese", "japanese", "ADJ", "amod", 5),
        ("government", "government", "NOUN", "pobj", 2), ("showed", "show", "VERB", "ROOT", 6)])
    assert code(s) == []
    s = build_sentence([
        ("Prisoners", "prisoner", "NOUN", "nsubj", 6, "NNS"),
        ("released", "release", "VERB", "acl", 0, "VBN"), ("by", "by", "ADP", "agent", 1),
        ("the", "the", "DET", "det", 5), ("Japanese", "japanese", "ADJ", "amod", 5),
        ("government", "government", "NOUN", "pobj", 2), ("returned", "return", "VERB", "ROOT", 6)])
    assert [(e.source.code, e.cameo) for e in code(s)] == [("JPNGOV", "0841")]


def test_an_act_by_no_one_is_no_fact():
    def signed(*subject):
        n = len(subject)
        return build_sentence([*subject, ("signed", "sign", "VERB", "ROOT", n, "VBD"),
                               ("the", "the", "DET", "det", n + 2),
                               ("treaty", "treaty", "NOUN", "dobj", n)])
    both = [("Ethiopia", "Ethiopia", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Egypt", "Egypt", "PROPN", "conj", 0)]
    assert {e.status for e in code(signed(*both))} == {"asserted"}
    neither = [("Neither", "neither", "DET", "det", 1),
               ("Ethiopia", "Ethiopia", "PROPN", "nsubj", 4),
               ("nor", "nor", "CCONJ", "cc", 1), ("Egypt", "Egypt", "PROPN", "conj", 1)]
    assert {e.status for e in code(signed(*neither))} == {"negated"}
    # "Egypt has never signed the treaty"
    s = build_sentence([("Egypt", "Egypt", "PROPN", "nsubj", 3), ("has", "have", "AUX", "aux", 3),
                        ("never", "never", "ADV", "advmod", 3),
                        ("signed", "sign", "VERB", "ROOT", 3, "VBN"),
                        ("the", "the", "DET", "det", 5), ("treaty", "treaty", "NOUN", "dobj", 3)])
    assert [e.status for e in code(s)] == ["negated"]


def test_reopening_their_embassies_is_between_the_two_and_approving_a_loan_is_aid():
    # "Saudi Arabia and Iran reopened their embassies"
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
        ("Iran", "Iran", "PROPN", "conj", 0), ("reopened", "reopen", "VERB", "ROOT", 3, "VBD"),
        ("their", "their", "PRON", "poss", 5), ("embassies", "embassy", "NOUN", "dobj", 3, "NNS"),
    ])
    assert triples(code(s)) == [("EGY", "050", "IRN", "asserted"),
                                ("IRN", "050", "EGY", "asserted")]
    # "Japan approved a loan to Kenya"
    s = build_sentence([
        ("Japan", "Japan", "PROPN", "nsubj", 1), ("approved", "approve", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3), ("loan", "loan", "NOUN", "dobj", 1),
        ("to", "to", "ADP", "prep", 3), ("Kenya", "Kenya", "PROPN", "pobj", 4),
    ])
    assert triples(code(s)) == [("JPN", "071", "KEN", "asserted")]


def test_a_countrys_police_courts_lawmakers_and_opposition_act_among_their_own_people():
    def sentence(subject_rows, verb, obj):
        n = len(subject_rows)
        return build_sentence([*subject_rows, (verb[0], verb[1], "VERB", "ROOT", n, "VBD"),
                               (obj[0], obj[1], "NOUN", "dobj", n, "NNS")])
    kenyan = [("Kenyan", "kenyan", "ADJ", "amod", 1)]
    # "Kenyan police arrested protesters": Kenya's protesters
    assert triples(code(sentence([*kenyan, ("police", "police", "NOUN", "nsubj", 2)],
                                 ("arrested", "arrest"), ("protesters", "protester")))) == [
        ("KENCOP", "173", "KENOPP", "asserted")]
    # "Kenyan lawmakers criticised officials"
    assert triples(code(sentence([*kenyan, ("lawmakers", "lawmaker", "NOUN", "nsubj", 2)],
                                 ("criticised", "criticise"), ("officials", "official")))) == [
        ("KENLEG", "111", "KENGOV", "asserted")]
    # an army or a government may act abroad: "Kenyan troops attacked militants" says not whose
    got = triples(code(sentence([*kenyan, ("troops", "troop", "NOUN", "nsubj", 2)],
                                ("attacked", "attack"), ("militants", "militant"))))
    assert got == [("KENMIL", "190", None, "asserted")]


def test_armed_men_attacking_positions_use_force():
    s = build_sentence([
        ("Russian", "russian", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 2, "NNS"),
        ("attacked", "attack", "VERB", "ROOT", 2, "VBD"),
        ("Ukrainian", "ukrainian", "ADJ", "amod", 4),
        ("positions", "position", "NOUN", "dobj", 2, "NNS")])
    assert [e.cameo for e in code(s)] == ["190"]
    s = build_sentence([
        ("Kenya", "Kenya", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1, "VBD"),
        ("Uganda", "Uganda", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2),
        ("position", "position", "NOUN", "dobj", 1)])
    assert [e.cameo for e in code(s)] == ["111"]


def test_what_a_round_or_a_barrage_is_of_is_what_is_acted_on():
    # "The EU imposed a new round of sanctions on Russia"
    s = build_sentence([
        ("Canada", "Canada", "PROPN", "nsubj", 1), ("imposed", "impose", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 4), ("new", "new", "ADJ", "amod", 4),
        ("round", "round", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 4),
        ("sanctions", "sanction", "NOUN", "pobj", 5, "NNS"), ("on", "on", "ADP", "prep", 1),
        ("Russia", "Russia", "PROPN", "pobj", 7)])
    assert triples(code(s)) == [("CAN", "163", "RUS", "asserted")]
    # "Russia launched a wave of drone attacks on Kyiv": the light verb's subject attacks
    s = build_sentence([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("launched", "launch", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3), ("wave", "wave", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3), ("attacks", "attack", "NOUN", "pobj", 4, "NNS"),
        ("on", "on", "ADP", "prep", 5), ("Ukraine", "Ukraine", "PROPN", "pobj", 6)])
    assert [(e.source.code, e.cameo_root, e.target.code) for e in code(s)] == [
        ("RUS", "19", "UKR")]


def test_gangs_are_criminals():
    s = build_sentence([
        ("Haitian", "haitian", "ADJ", "amod", 1), ("gangs", "gang", "NOUN", "nsubj", 2, "NNS"),
        ("attacked", "attack", "VERB", "ROOT", 2, "VBD"), ("a", "a", "DET", "det", 4),
        ("prison", "prison", "NOUN", "dobj", 2)])
    assert [(e.source.code, e.cameo) for e in code(s)] == [("HTICRM", "190")]


def test_hoping_to_act_is_a_plan():
    # spaCy lemmatises "hopes" as "hop": "Egypt hopes to mediate" is planned, not done
    s = build_sentence([
        ("Egypt", "Egypt", "PROPN", "nsubj", 1), ("hopes", "hop", "VERB", "ROOT", 1, "VBZ"),
        ("to", "to", "PART", "aux", 3), ("mediate", "mediate", "VERB", "xcomp", 1, "VB"),
        ("between", "between", "ADP", "prep", 3), ("Israel", "Israel", "PROPN", "pobj", 4)])
    assert [(e.cameo, e.status) for e in code(s)] == [("045", "planned")]


def test_a_light_verb_codes_its_object_when_no_noun_pattern_takes_it():
    # only "military drill" and "naval drill" are noun patterns: "held drills" is the verb's
    def held(*obj):
        n = len(obj)
        return build_sentence([
            ("Chinese", "chinese", "ADJ", "amod", 1), ("warships", "warship", "NOUN", "nsubj", 2),
            ("held", "hold", "VERB", "ROOT", 2, "VBD"), *obj,
            ("near", "near", "ADP", "prep", 2), ("Taiwan", "Taiwan", "PROPN", "pobj", 3 + n)])
    assert triples(code(held(("drills", "drill", "NOUN", "dobj", 2, "NNS")))) == [
        ("CHNMIL", "150", "TWN", "asserted")]
    assert [e.cameo for e in code(held(("naval", "naval", "ADJ", "amod", 4),
                                       ("drills", "drill", "NOUN", "dobj", 2, "NNS")))] == ["150"]


def test_agreeing_to_talks_is_the_intent_to_hold_them():
    # "Hamas agreed to talks with Israel"
    s = build_sentence([
        ("Hamas", "Hamas", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1, "VBD"),
        ("to", "to", "ADP", "prep", 1), ("talks", "talk", "NOUN", "pobj", 2, "NNS"),
        ("with", "with", "ADP", "prep", 3), ("Israel", "Israel", "PROPN", "pobj", 4)])
    assert triples(code(s)) == [("PSEGOVHMS", "036", "ISR", "planned")]
    # "Iran agreed to a visit by Russian inspectors": their visit to Iran, not yet made
    s = build_sentence([
        ("Iran", "Iran", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1, "VBD"),
        ("to", "to", "ADP", "prep", 1), ("a", "a", "DET", "det", 4),
        ("visit", "visit", "NOUN", "pobj", 2), ("by", "by", "ADP", "prep", 4),
        ("Russian", "russian", "ADJ", "amod", 7), ("inspectors", "inspector", "NOUN", "pobj", 5)])
    assert [(e.source.code[:3], e.cameo[:2], e.target.code, e.status) for e in code(s)] == [
        ("RUS", "04", "IRN", "planned")]


def test_a_state_moves_its_own_forces_and_they_refers_back_to_a_subject():
    # "US troops were deployed to Haiti": the United States deployed them
    s = build_sentence([
        ("US", "US", "PROPN", "compound", 1), ("troops", "troop", "NOUN", "nsubjpass", 3, "NNS"),
        ("were", "be", "AUX", "auxpass", 3), ("deployed", "deploy", "VERB", "ROOT", 3, "VBN"),
        ("to", "to", "ADP", "prep", 3), ("Haiti", "Haiti", "PROPN", "pobj", 4)])
    assert [(e.source.code, e.cameo_root, e.target.code) for e in code(s)] == [
        ("USA", "15", "HTI")]
    # "French troops were withdrawn from Mali"; but "US troops were killed" names no killer
    s = build_sentence([
        ("French", "french", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubjpass", 3),
        ("were", "be", "AUX", "auxpass", 3), ("withdrawn", "withdraw", "VERB", "ROOT", 3, "VBN"),
        ("from", "from", "ADP", "prep", 3), ("Mali", "Mali", "PROPN", "pobj", 4)])
    assert triples(code(s)) == [("FRA", "0874", "MLI", "asserted")]
    s = build_sentence([
        ("French", "french", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubjpass", 3),
        ("were", "be", "AUX", "auxpass", 3), ("killed", "kill", "VERB", "ROOT", 3, "VBN"),
        ("in", "in", "ADP", "prep", 3), ("Mali", "Mali", "PROPN", "pobj", 4)])
    assert all(e.source.code != "FRA" for e in code(s))
    # "Police in Kenya said they had arrested a Somali": the police, not Kenya
    s = build_sentence([
        ("Police", "police", "NOUN", "nsubj", 3), ("in", "in", "ADP", "prep", 0),
        ("Kenya", "Kenya", "PROPN", "pobj", 1), ("said", "say", "VERB", "ROOT", 3, "VBD"),
        ("they", "they", "PRON", "nsubj", 6), ("had", "have", "AUX", "aux", 6),
        ("arrested", "arrest", "VERB", "ccomp", 3, "VBN"), ("a", "a", "DET", "det", 8),
        ("Somali", "Somali", "PROPN", "dobj", 6)])
    assert [e.source.code for e in code(s) if e.cameo_root == "17"] == ["KENCOP"]


def test_a_persons_abduction_names_the_abducted_and_recognition_is_of_states():
    # "Obama spoke since her abduction by Iraqi gunmen": she is not the abductor, and "her"
    # is not Obama
    s = build_sentence([
        ("Obama", "Obama", "PROPN", "nsubj", 1), ("spoke", "speak", "VERB", "ROOT", 1, "VBD"),
        ("since", "since", "ADP", "prep", 1), ("her", "her", "PRON", "poss", 4),
        ("abduction", "abduction", "NOUN", "pobj", 2), ("by", "by", "ADP", "prep", 4),
        ("Iraqi", "iraqi", "ADJ", "amod", 7), ("gunmen", "gunman", "NOUN", "pobj", 5)])
    assert [(e.source.code, e.cameo) for e in code(s)] == [("IRQREB", "181")]

    def recognised(*obj):
        return build_sentence([("Spain", "Spain", "PROPN", "nsubj", 1),
                               ("recognised", "recognise", "VERB", "ROOT", 1, "VBD"), *obj])
    assert triples(code(recognised(("Palestine", "Palestine", "PROPN", "dobj", 1)))) == [
        ("ESP", "054", "PSE", "asserted")]
    assert code(recognised(("the", "the", "DET", "det", 3),
                           ("shortcomings", "shortcoming", "NOUN", "dobj", 1, "NNS"))) == []
