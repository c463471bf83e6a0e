"""Event location: toponym resolution in context and the syntax that ties a place to an event."""

from __future__ import annotations

import pytest

from tests.conftest import build_sentence
from tidings.geo import Geocoder, GeoContext
from tidings.geo.gazetteer import load_gazetteer
from tidings.models import Article, EntitySpan, Location


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder(load_gazetteer())


def with_ents(sent, *ents):
    return type(sent)(
        sent.article_id, sent.index, sent.text, sent.start, sent.end, sent.tokens, tuple(ents)
    )


# ------------------------------------------------------------------ no model: hand-built parses


def test_place_in_a_prepositional_phrase_on_the_trigger(geo):
    # "Militants attacked a checkpoint in Sinai"
    s = build_sentence(
        [
            ("Militants", "militant", "NOUN", "nsubj", 1),
            ("attacked", "attack", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3),
            ("checkpoint", "checkpoint", "NOUN", "dobj", 1),
            ("in", "in", "ADP", "prep", 1),
            ("Sinai", "Sinai", "PROPN", "pobj", 4),
        ]
    )
    s = with_ents(s, EntitySpan("LOC", 5, 6, "Sinai"))
    match = geo.place(GeoContext(), s, [1])
    assert match is not None and match.level == "attached"
    assert match.location == Location("Sinai", "EGY", 29.5, 33.8, "region")
    assert (match.start, match.end) == (s.tokens[5].start, s.tokens[5].end)


def test_a_place_standing_for_its_government_is_no_location(geo):
    # "Cairo rejected the offer" — metonymy: Cairo is the actor
    s = build_sentence(
        [
            ("Cairo", "Cairo", "PROPN", "nsubj", 1),
            ("rejected", "reject", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("offer", "offer", "NOUN", "dobj", 1),
        ]
    )
    s = with_ents(s, EntitySpan("GPE", 0, 1, "Cairo"))
    assert geo.locate(GeoContext(), s, [1]) is None


def test_dateline_only_when_nothing_closer_and_says_so(geo):
    s = build_sentence(
        [
            ("Officials", "official", "NOUN", "nsubj", 1),
            ("met", "meet", "VERB", "ROOT", 1),
        ]
    )
    ctx = GeoContext(dateline=geo.resolve_name("Tel Aviv"), dateline_text="TEL AVIV")
    loc = geo.locate(ctx, s, [1])
    assert loc is not None and loc.name == "Tel Aviv" and loc.precision == "dateline"
    assert Geocoder(geo.gazetteer, dateline_fallback=False).locate(ctx, s, [1]) is None


def test_context_picks_among_same_named_places(geo):
    lebanon = GeoContext(countries=(("LBN", 1.0),))
    assert geo.resolve_name("Tripoli").country == "LBY"  # the larger, without context
    assert geo.resolve_name("Tripoli", lebanon).country == "LBN"
    assert geo.resolve_name("Georgia").country == "GEO"
    assert geo.resolve_name("Georgia", GeoContext(countries=(("USA", 1.0),))).country == "USA"


def test_gaza_alone_is_the_strip_gaza_city_is_the_city(geo):
    ctx = GeoContext(countries=(("PSE", 1.0),))
    assert geo.resolve_name("Gaza", ctx).name == "Gaza Strip"
    assert geo.resolve_name("Gaza City", ctx).precision == "city"
    # "the Strip" means the Gaza Strip only in an article about Palestine or a neighbour
    assert geo.resolve_name("the Strip", ctx).name == "Gaza Strip"
    assert geo.resolve_name("the Strip") is None


# ------------------------------------------------------------------ the real model


def locate(parser, geo, text: str, trigger: str, published: str = "2024-01-15"):
    art = Article(id="t", text=text, published=published)
    sents = parser.parse(art)
    ctx = geo.article_context(art, sents)
    sent = next(s for s in sents if any(t.text == trigger for t in s.tokens))
    anchor = [t.i for t in sent.tokens if t.text == trigger][:1]
    return geo.place(ctx, sent, anchor), ctx


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "name", "country", "precision"),
    [
        ("Hamas officials met Egyptian envoys in Cairo.", "met", "Cairo", "EGY", "city"),
        ("A tornado damaged homes in Paris, Texas.", "damaged", "Paris", "USA", "city"),
        ("French police fired tear gas at protesters in Paris.", "fired", "Paris", "FRA", "city"),
        (
            "Lebanese soldiers clashed with gunmen in Tripoli in northern Lebanon.",
            "clashed",
            "Tripoli",
            "LBN",
            "city",
        ),
        (
            "Rival militias fought in Tripoli, the Libyan capital.",
            "fought",
            "Tripoli",
            "LBY",
            "city",
        ),
        ("Israeli aircraft struck targets in Gaza.", "struck", "Gaza Strip", "PSE", "region"),
        ("Militants attacked an outpost in Sinai.", "attacked", "Sinai", "EGY", "region"),
        ("Taliban fighters entered Kabul on Sunday.", "entered", "Kabul", "AFG", "city"),
        ("Clashes broke out in Nigeria.", "broke", "Nigeria", "NGA", "country"),
    ],
)
def test_locate_with_the_real_parse(parser, geo, text, trigger, name, country, precision):
    match, _ = locate(parser, geo, text, trigger)
    assert match is not None, text
    loc = match.location
    assert (loc.name, loc.country, loc.precision) == (name, country, precision)


@pytest.mark.model
def test_places_of_other_predicates_are_not_borrowed(parser, geo):
    # the delegation returned from Cairo; the conveying happened nowhere the text says
    text = (
        "A delegation that recently returned from Cairo conveyed the message to Hamas, "
        "an official said."
    )
    match, _ = locate(parser, geo, text, "conveyed")
    assert match is None


@pytest.mark.model
def test_a_place_in_an_argument_counts(parser, geo):
    match, _ = locate(
        parser, geo, "IS militants attacked an Egyptian outpost in Sinai.", "attacked"
    )
    assert match is not None and match.location.name == "Sinai"
    match, _ = locate(
        parser, geo, "Hamas agreed to stop persecuting Gaza Salafists.", "persecuting"
    )
    assert match is not None and match.location.name == "Gaza Strip"


@pytest.mark.model
def test_demonyms_give_context_not_places(parser, geo):
    match, ctx = locate(parser, geo, "The Egyptian army arrested two Palestinian men.", "arrested")
    assert match is None
    assert {"EGY", "PSE"} <= set(dict(ctx.countries))


@pytest.mark.model
def test_dateline_is_metadata_not_a_sentence_place(parser, geo):
    text = "TEL AVIV – Hamas officials met Egyptian envoys.\n\nThey met again in Cairo."
    art = Article(id="t", text=text)
    sents = parser.parse(art)
    ctx = geo.article_context(art, sents)
    assert ctx.dateline is not None and ctx.dateline.name == "Tel Aviv"
    first = sents[0]
    match = geo.place(ctx, first, [t.i for t in first.tokens if t.text == "met"])
    assert match is not None and match.level == "dateline"
    assert match.location.precision == "dateline"


@pytest.mark.model
def test_no_event_silently_gets_a_country_centroid(parser, geo):
    """Every location is either a named place of the sentence (a country only with precision
    "country") or the dateline; a country's point never stands in for an unnamed place."""
    texts = [
        "Gunmen kidnapped 30 students, police said.",
        "The Nigerian army said it killed ten militants.",
        "Clashes broke out in Nigeria.",
        "Nigerian troops repelled an attack on Maiduguri.",
        "Egypt and Israel signed a deal.",
    ]
    gaz = geo.gazetteer
    for text in texts:
        art = Article(id="t", text=text)
        for sent in parser.parse(art):
            ctx = geo.article_context(art, [sent])
            for tok in sent.tokens:
                match = geo.place(ctx, sent, [tok.i])
                if match is None:
                    continue
                loc = match.location
                country = gaz.country(loc.country)
                if country is not None and (loc.lat, loc.lon) == (
                    round(country.lat, 4),
                    round(country.lon, 4),
                ):
                    assert loc.precision == "country", (text, tok.text, loc)
                    assert match.text and match.start is not None, (text, tok.text, loc)
                    assert (
                        sent.text[match.start - sent.start : match.end - sent.start] == match.text
                    )
    match, _ = locate(parser, geo, "Gunmen kidnapped 30 students, police said.", "kidnapped")
    assert match is None


@pytest.mark.model
def test_place_mention_benchmark_floor(parser, geo):
    """The geocoding benchmark (docs/places-and-dates.md) stays above its floor."""
    from pathlib import Path

    from tidings.geo.evaluate import evaluate_places, load_records

    path = Path(__file__).resolve().parents[1] / "data" / "geo" / "places.jsonl"
    records = load_records(path)
    assert len(records) >= 100
    n, place, country, located = evaluate_places(records, parser.parse, geo)["all"].row()
    assert place >= 0.95 and country >= 0.95 and located >= 0.95, (place, country, located)


@pytest.mark.model
@pytest.mark.shared
def test_seed_gold_locations(parser, geo, shared):
    from tidings.geo.evaluate import evaluate_gold

    gold = shared / "data" / "seed" / "egypt-hamas.gold.jsonl"
    if not gold.exists():
        pytest.skip(f"{gold} is absent")
    with_loc, found, without, clean, lines = evaluate_gold(gold, parser.parse, geo)
    assert with_loc >= 10 and found / with_loc >= 0.9, lines
    assert clean / without >= 0.8, lines


def coded_triples(parser, geo, text):
    """(source, CAMEO root, target) of a one-sentence article coded with locations on."""
    from tidings.coding.coder import CameoCoder

    art = Article(id="t", text=text, published="2024-05-01")
    return [(e.source.code, e.cameo_root, e.target.code if e.target else None)
            for e in CameoCoder(geocoder=geo).code_article(art, parser.parse(art))]


def test_a_place_struck_by_force_is_the_attacks_target(parser, geo):
    # "Russian missiles hit Kharkiv": Ukraine is the target (CAMEO codes attacks on places);
    # a place that is only where something happened ("killed in Kharkiv") is not
    from tidings.coding.coder import CameoCoder

    coder = CameoCoder(geocoder=geo)

    def events(text):
        art = Article(id="t", text=text, published="2024-05-01")
        return coder.code_article(art, parser.parse(art))

    [hit] = events("Russian missiles hit Kharkiv on Sunday.")
    assert (hit.source.code, hit.target.code, hit.cameo_root) == ("RUS", "UKR", "19")
    assert hit.target.text == "Kharkiv" and hit.location.name == "Kharkiv"
    [shelled] = events("Russia shelled Kharkiv overnight.")
    assert shelled.target.code == "UKR"
    assert all(e.target is None for e in events("Russia attacked in Kharkiv on Sunday."))


def test_a_sea_named_after_a_country_is_the_sea(geo):
    # "in the Gulf of Oman" is the gulf, not Oman
    assert geo.resolve_name("Gulf of Oman").kind == "sea"
    assert geo.resolve_name("the Indian Ocean").name == "Indian Ocean"


def test_agents_with_no_owner_belong_to_the_country_of_the_place_they_act_in(parser, geo):
    # "gunmen ... in Kaduna state": the gazetteer knows Kaduna is in Nigeria
    def events(text):
        return coded_triples(parser, geo, text)

    assert events("Gunmen abducted 30 students from a school in Kaduna state.") == [
        ("NGAREB", "18", "NGAEDU")]
    assert events("Police arrested 12 protesters in Lahore on Friday.") == [
        ("PAKCOP", "17", "PAKOPP")]
    # an owner that is named but unknown is not the place's country
    assert events("Mexican authorities arrested a leader of the Sinaloa cartel in Culiacan.") == [
        ("MEXGOV", "17", None)]


def test_a_part_of_a_place_is_where_the_act_on_it_happens(parser, geo):
    # "the outskirts of Goma", "Pakistan's ... province": the place they belong to places the
    # agents with no owner, and a part of a place struck by force is still that place
    def events(text):
        return coded_triples(parser, geo, text)

    assert events("Rebels shelled the outskirts of Goma on Sunday.") == [("CODREB", "19", "COD")]
    assert events("Gunmen stormed Maiduguri overnight.") == [("NGAREB", "19", "NGA")]
    assert events("Militants attacked a police post in Pakistan's Khyber Pakhtunkhwa "
                  "province.") == [("PAKREB", "19", "PAKCOP")]
    # who holds a district is not who is hit in it
    assert events("Insurgents shelled a government-held district of the Yemeni city of "
                  "Taiz.") == [("YEMREB", "19", "YEM")]


def test_a_body_in_a_city_is_that_citys_countrys(parser, geo):
    # "a court in Istanbul": the place it is in is no unknown owner, as "of the Sinaloa
    # cartel" is
    assert coded_triples(parser, geo, "A court in Istanbul jailed a journalist on Friday.") == [
        ("TURJUD", "17", "TURMED")]


def test_an_office_of_a_place_is_of_its_country(parser, geo):
    # "the Istanbul mayor", "the governor of Borno state", "Lagos police": the gazetteer
    # knows the place; a group named after one ("the Sinaloa cartel") is not its country's
    assert coded_triples(parser, geo, "Turkey detained the Istanbul mayor on Wednesday.") == [
        ("TUR", "17", "TURGOV")]
    assert coded_triples(parser, geo, "Turkey detained the mayor of Istanbul.") == [
        ("TUR", "17", "TURGOV")]
    assert coded_triples(parser, geo, "The governor of Borno state condemned the attack.") == [
        ("NGAGOV", "11", None)]
    assert coded_triples(parser, geo, "Lagos police dispersed protesters.") == [
        ("NGACOP", "17", "NGAOPP")]
