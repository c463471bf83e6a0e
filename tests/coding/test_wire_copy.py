"""Wire copy as API users pass it: a dateline before the lead, a ministry that speaks for its
state, reactions to "the move" or "the verdict", and common phrasings of diplomacy and force.
Invented sentences, the real parser."""

import pytest


@pytest.fixture(scope="module")
def coded(coded_claims):
    return coded_claims  # (source, target, code, status, claimant)


@pytest.mark.parametrize("text, wanted", [
    ("BANGKOK (Reuters) - Thailand's Constitutional Court on Wednesday dissolved the country's "
     "largest opposition party.", ("THAJUD", "THAOPP")),
    ("MAPUTO, Mozambique (AFP) - Mozambican security forces shot dead at least 12 people "
     "during protests.", ("MOZCOP", "MOZCVL")),
])
def test_a_dateline_before_the_lead_does_not_hide_its_subject(coded, text, wanted):
    assert any((s, t) == wanted for s, t, *_ in coded(text))


def test_a_ministry_reporting_its_states_words_is_that_states(coded):
    got = coded("Vietnam urged China to withdraw its survey ship, the foreign ministry said.")
    assert ("VNM", "CHN", "0256", "asserted", "VNMGOV") in got


@pytest.mark.parametrize("text, reaction", [
    ("Serbia closed two border crossings with Kosovo. Pristina condemned the move.",
     ("KSVGOV", "SRB", "111")),
    ("A Zimbabwean court convicted the opposition leader of inciting violence. Amnesty "
     "International denounced the verdict.", ("NGOAMN", "ZWEJUD")),
    ("Russia and Belarus signed a military cooperation pact in Minsk. Lithuania criticised "
     "the pact.",
     ("LTU", "RUS", "111")),
])
def test_a_reaction_to_the_last_act_named_by_a_word_for_it_is_aimed_at_its_author(
        coded, text, reaction):
    got = coded(text)
    assert any((s, t, c)[:len(reaction)] == reaction for s, t, c, *_ in got), got


def test_a_pact_with_a_role_word_before_it_is_no_actor(coded):
    got = coded("Russia and Belarus signed a military cooperation pact in Minsk.")
    assert {(s, t) for s, t, c, *_ in got if c.startswith("05")} == {
        ("RUS", "BLR"), ("BLR", "RUS")}


@pytest.mark.parametrize("text, code", [
    ("Pyongyang vowed to retaliate.", "138"),
    ("North Korea fired a ballistic missile into the sea.", "150"),
    ("India suspended trade with Pakistan.", "163"),
    ("Hungary blocked Ukraine's bid to join the European Union.", "129"),
])
def test_common_phrasings(coded, text, code):
    assert code in {c for _, _, c, *_ in coded(text)}


def test_released_water_is_no_release_of_captives(coded):
    assert not any(c.startswith("084") for _, _, c, *_ in coded(
        "Japan resumed releasing treated water into the ocean."))


@pytest.mark.parametrize("text, denied", [
    ("Mali accused Algeria of arming separatist rebels in the north. Algiers denied the "
     "accusation.", "DZA"),
    ("Azerbaijan accused Armenia of shelling its positions. Armenia rejected the allegations.",
     "ARM"),
])
def test_an_accusation_denied_in_a_later_sentence_makes_the_alleged_act_denied(
        coded, text, denied):
    got = coded(text)
    alleged = [e for e in got if e[0].startswith(denied) and e[2][:2] not in ("01", "11")]
    assert alleged and all(status == "denied" and claimant.startswith(denied)
                           for _, _, _, status, claimant in alleged), got


def test_the_groups_spokesman_speaks_for_the_armed_group_named_before(coded):
    got = coded("Al-Shabaab fighters attacked an army base near Mogadishu, the group's "
                "spokesman said.")
    assert any(c == "190" and claimant == s for s, _, c, _, claimant in got), got


def test_civilians_destroying_property_riot(coded):
    got = coded("Bolivian protesters burned down a police station.")
    assert any(s == "BOLOPP" and c == "145" for s, _, c, *_ in got), got


def test_an_act_held_off_until_something_happens_holds_on_it(events_of):
    events = events_of("Bolivia's government said it would not resume talks with the miners' "
                       "union until the union ends its blockades.", published=None)
    refusal = next(e for e in events if e.cameo_root == "12")
    assert refusal.status == "asserted" and refusal.condition is not None
    assert refusal.condition.text.startswith("until")
    # what is waited for is only supposed
    assert all(e.status == "hypothetical" for e in events if e is not refusal), events


def test_an_accusing_participle_claims_for_the_main_subject(coded):
    got = coded("Chad recalled its ambassador from Khartoum on Monday, accusing Sudan of "
                "arming rebels near the border.")
    assert any(s.startswith("SDN") and status == "claimed" and claimant == "TCD"
               for s, _, _, status, claimant in got), got


def test_the_move_after_an_attack_is_not_the_attack(coded):
    got = coded("Azerbaijani forces shelled Armenian villages. Armenia suspended its "
                "participation in the alliance. The Kremlin said it regretted the decision.")
    assert any(c == "012" and t == "ARM" for s, t, c, *_ in got), got


def test_two_parties_claims_of_force_are_two_events(coded):
    got = coded("India and Pakistan exchanged fire in Kashmir, according to the Indian army. "
                "Pakistan's army denied that its troops had fired first and accused Indian "
                "forces of shelling villages.")
    assert any(s.startswith("IND") and c.startswith("19") and status == "claimed" and
               claimant == "PAKMIL" for s, _, c, status, claimant in got), got
    assert any(s == "PAKMIL" and c == "112" and status == "asserted"
               for s, _, c, status, _ in got), got


def test_a_militia_named_by_an_unknown_name_is_not_the_last_group(coded):
    got = coded("M23 rebels seized the town of Rubaya. Kigali said Kinshasa was collaborating "
                "with the FDLR militia.")
    assert not any(t == "CODREBM23" and c == "060" for _, t, c, *_ in got), got


def test_a_title_abbreviation_does_not_end_the_sentence(coded):
    got = coded("Nigerien troops killed 20 militants near Tillaberi, army spokesman Col. "
                "Amadou Issa said.")
    assert any(s == "NERMIL" and status == "claimed" for s, _, _, status, _ in got), got


def test_unable_to_act_is_not_acting(coded):
    got = coded("Chadian authorities said they had been unable to deliver food aid to the "
                "camps.")
    assert all(status == "negated" for _, _, c, status, _ in got if c.startswith("07")), got


def test_who_tells_an_act_is_not_its_target(coded):
    got = coded("Malian jihadists torched dozens of homes near Mopti, according to a local "
                "official.")
    assert not any(t is not None and t.endswith("GOV") for _, t, *_ in got), got


@pytest.mark.parametrize("text, wanted", [
    ("Haitian gang members raided a police station in Port-au-Prince.", ("HTICRM", "190")),
    ("Somali gunmen stormed the compound of a hotel in Mogadishu.", ("SOMREB", "190")),
    ("Kinshasa accused Rwanda of supporting the M23 rebels.", ("RWA", "072")),
    ("The Pakistani Taliban claimed the bombing of a police station in Peshawar.",
     ("PAKREBTTP", "015")),
])
def test_armed_groups_acts_are_coded_as_force_or_arms(coded, text, wanted):
    assert any((s, c) == wanted for s, _, c, *_ in coded(text)), coded(text)


def test_a_demand_rejected_is_aimed_at_who_asked(coded):
    got = coded("ECOWAS urged Guinea's junta to release detained politicians. The junta "
                "rejected the demand.")
    assert any(c.startswith("12") and t == "IGOWAS" for _, t, c, *_ in got), got


def test_a_weapon_is_not_the_story_countrys_forces(coded):
    got = coded("KYIV (Reuters) - Russia launched a massive drone attack on Ukraine overnight. "
                "Ukrainian air defences shot down 110 of the drones, the air force said.")
    assert any(s == "RUS" and t == "UKR" and c.startswith("19") for s, t, c, *_ in got), got
    assert not any(s == "UKRMIL" and t == "UKR" for s, t, *_ in got), got


@pytest.mark.parametrize("text, wanted", [
    ("Moscow said it was ready for talks with Kyiv.", ("RUSGOV", "UKRGOV", "036")),
    ("The Burkinabe junta said it was open to dialogue with ECOWAS.", ("BFAGOV", "IGOWAS", "036")),
])
def test_being_ready_for_talks_is_meaning_to_meet(coded, text, wanted):
    assert (*wanted, "planned") in {(s, t, c, st) for s, t, c, st, _ in coded(text)}


@pytest.mark.parametrize("text, wanted", [
    ("Niger's junta accused France of plotting to destabilise the country, a charge Paris "
     "has rejected.", ("FRAGOV", "NERGOV")),
    ("Ethiopia accused Eritrea of arming rebels, a charge Asmara has rejected.",
     ("ERIGOV", "ETH")),
])
def test_a_charge_rejected_in_the_same_sentence_is_aimed_at_the_accuser(coded, text, wanted):
    assert any((s, t) == wanted and c.startswith("12") for s, t, c, *_ in coded(text))


def test_a_court_remanding_a_leader_in_custody(coded):
    got = coded("A Pakistani court remanded opposition leader Imran Khan in custody.")
    assert ("PAKJUD", "PAKOPP", "173", "asserted", None) in got, got


def test_prosecutors_reporting_their_states_arrests_and_the_men_arrested(coded):
    got = coded("Poland arrested two men suspected of spying for Belarus, national prosecutors "
                "said.")
    assert ("POL", None, "173", "claimed", "POLJUD") in got, got


def test_a_claim_through_a_news_agency_is_not_aimed_at_the_agency(coded):
    got = coded("Islamic State claimed the attack through its Amaq news agency.")
    assert ("IMGMOSISI", None, "015", "asserted", None) in got, got


def test_a_group_named_by_its_backer_and_its_it(coded):
    got = coded("Houthi rebels fired a missile at a tanker. The Iran-aligned group said it had "
                "targeted the vessel.")
    assert not any(s == "IRN" for s, *_ in got), got


def test_a_threat_coordinated_with_a_rebuke_shares_its_target(coded):
    got = coded("Indian jets struck militant camps in Pakistan. Islamabad condemned the strikes "
                "and warned of consequences.")
    assert any(c.startswith("13") and t == "INDMIL" for _, t, c, *_ in got), got


def test_an_offer_joined_to_an_appeal_is_the_offerers_plan(coded):
    got = coded("The African Union urged both sides to avoid unilateral steps and offered to host "
                "talks in Addis Ababa.")
    assert any(c == "036" and status == "planned" for _, _, c, status, _ in got), got


def test_a_visit_someone_is_due_to_make_is_planned(coded):
    got = coded("Indonesian President Joko Widodo is due to visit Canberra next month.")
    assert any(c == "042" and status == "planned" for _, _, c, status, _ in got), got


def test_people_sent_away_are_not_aimed_at_where_they_are_sent(coded):
    got = coded("Belarusian authorities freed 14 prisoners and deported them to Lithuania.")
    assert not any(c == "174" and t == "LTU" for _, t, c, *_ in got), got
    assert any(c == "174" for _, _, c, *_ in got), got


def test_an_opposition_bloc_is_no_international_body(coded):
    got = coded("The IMF approved a new loan for Argentina. The opposition Peronist bloc "
                "criticised the agreement.")
    assert any(s == "ARGOPP" and c == "111" for s, _, c, *_ in got), got


def test_its_own_deal_has_no_other_party(coded):
    got = coded("Japan signed a debt deal with Sri Lanka. China has not yet finalised its own "
                "deal.")
    assert not any(s == "CHN" and t == "JPN" for s, t, *_ in got), got
