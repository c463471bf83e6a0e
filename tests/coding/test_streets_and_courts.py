"""Protest, crackdown and court reporting: marches and rallies by civilians, riots by unarmed
crowds, internet shutdowns, release from prison and bail, and a warning that people would be
arrested. Invented sentences, the real parser."""

import pytest


def codes(got):
    return {c for _, _, c, _ in got}


@pytest.mark.parametrize("text, source", [
    ("Thousands of Georgian students marched through Tbilisi on Sunday.", "GEOEDU"),
    ("Hundreds of Bolivian miners took to the streets of La Paz.", "BOL"),
    ("Thousands of Malawian teachers rallied outside parliament in Lilongwe.", "MWIEDU"),
])
def test_civilians_marching_or_rallying_demonstrate(coded, text, source):
    assert any(s.startswith(source) and c == "141" for s, _, c, _ in coded(text))


def test_troops_marching_into_a_town_do_not_demonstrate(coded):
    assert "141" not in codes(coded("Sudanese troops marched into the town on Monday."))


@pytest.mark.parametrize("text, source", [
    ("Bangladeshi students clashed with police in Dhaka.", "BGDEDU"),
    ("Kenyan protesters stormed the parliament building.", "KENOPP"),
])
def test_unarmed_crowds_using_force_riot(coded, text, source):
    got = coded(text)
    assert any(s == source and c == "145" for s, _, c, _ in got), got
    assert not any(c.startswith("19") for c in codes(got))


def test_an_internet_shutdown_is_a_media_restriction(coded):
    got = coded("Ethiopian authorities suspended mobile internet services in the Amhara region.")
    assert any(c == "1721" for c in codes(got))


def test_a_protest_by_a_group_named_by_its_nationality_is_no_official_complaint(coded):
    got = coded("Peruvian farmers blocked highways to protest against low potato prices.")
    assert "114" not in codes(got) and "144" in codes(got)
    # (the purpose, to protest, is no second act beside the blockade)
    assert "140" not in codes(got)


@pytest.mark.parametrize("text, wanted", [
    ("Tunisian opposition leader Samir Haddad was freed from prison on Monday.",
     ("TUNGOV", "TUNOPP", "0841")),
    ("A Ugandan court granted bail to opposition politician Moses Kato.",
     ("UGAJUD", "UGAOPP", "0841")),
])
def test_release_from_prison_and_bail(coded, text, wanted):
    assert (*wanted, "asserted") in coded(text)


def test_released_hostages_have_no_implied_releaser(coded):
    assert not coded("The hostages were released on Friday.")


def test_a_warning_that_people_would_be_arrested_is_a_threat(coded):
    got = coded("Zambian police warned that anyone who joined the march would be arrested.")
    assert any(s == "ZMBCOP" and c == "137" for s, _, c, _ in got), got
    assert "012" not in codes(got) and "173" not in codes(got)
