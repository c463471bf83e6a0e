"""The CAMEO event coder: ParsedSentence* → Event*.

For each trigger (a verb or noun in the pattern tables) the coder finds its participants in the
dependency parse, not by word order:

- verbs: subject → source, direct object or the pattern's preposition → target; passives swap
  ("dismantled by the Egyptian army"); subjects are inherited through control (xcomp: "agreed to
  stop persecuting"), coordination (conj) and relative clauses ("commanders who trained ...");
- nouns: a possessive, demonym or actor modifier → source ("the Egyptian blockade", "Hamas'
  cooperation"), an "of"/pattern preposition → target ("blockade of the Strip", "cooperation
  with IS"); a light verb carrying the noun gives its subject as the source ("launched raids",
  "waging war").

Every event needs a resolved source. Status, condition and claimant come from ``status.py``.
Repeated mentions of one event (same source, target and code) in an article are merged.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tidings.coding import evaluations, sports
from tidings.coding import status as status_mod
from tidings.coding.actors import roles_of
from tidings.coding.codebook import Codebook, load_codebook
from tidings.coding.modality import governing, load_modalities
from tidings.coding.patterns import (
    DEFAULT_TARGET_PREPS,
    OBJECT_KINDS,
    Pattern,
    PatternSet,
    default_patterns,
)
from tidings.coding.patterns import lemma as lemma_of
from tidings.coding.resolver import (
    AREA_WORDS,
    HELD_WORDS,
    LOCATIVE_PREPS,
    NON_ACTOR_HEADS,
    NON_STATE_PREFIXES,
    POSSESSIVE_PRONOUNS,
    WEAPON_AGENTS,
    ActorResolver,
    ArticleMemory,
)
from tidings.models import (
    ActorRef,
    Article,
    Event,
    Mention,
    ParsedSentence,
    Plover,
    Span,
    Token,
)

logger = logging.getLogger(__name__)

CODER_NAME = "tidings.coder.cameo.v1"

# Verbs that carry a nominal event ("launched raids", "waged war", "imposed a blockade").
LIGHT_VERBS = {"launch", "carry", "conduct", "wage", "stage", "hold", "mount", "begin", "start",
               "continue", "impose", "step", "escalate", "intensify", "make", "undertake",
               "unleash", "resume", "pay", "order", "announce", "maintain", "enforce", "tighten"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Roots whose events between coordinated subjects are mutual ("A and B met", "... clashed").
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}
RECIPROCAL_CODES = {"0871"}  # a ceasefire between parties is each one's
NON_RECIPROCAL_CODES = {"045"}  # mediators do not mediate between themselves
# verbs whose coordinated subjects act on each other whatever the act ("exchanged prisoners")
RECIPROCAL_VERBS = {"exchange", "swap", "trade"}
# words of force that coordinated parties use on each other
MUTUAL_FORCE_WORDS = {"clash", "fight", "battle", "skirmish", "war", "fighting", "clashes",
                      "hostility", "confrontation", "exchange", "engage", "feud"}


def _instrument(sent: ParsedSentence, noun: Token) -> bool:
    """Whether ``noun`` is what another act was done by or with ("shot down by a missile",
    "killed with weapons")."""
    if noun.dep != "pobj" or noun.head == noun.i:
        return False
    prep = sent.tokens[noun.head]
    return prep.dep == "agent" or prep.lower in ("by", "with")


def _reciprocal(code: str, verb: str = "") -> bool:
    if code[:2] == "19" and verb and verb not in MUTUAL_FORCE_WORDS | RECIPROCAL_VERBS:
        # "Somali and AU troops recaptured villages": allies, not foes (but "police and
        # protesters clashed", "clashes between ...")
        return False
    return (code[:2] in RECIPROCAL_ROOTS and code not in NON_RECIPROCAL_CODES) or \
        code in RECIPROCAL_CODES or verb in RECIPROCAL_VERBS

# organs that speak for their state: "the foreign ministry said", "state media reported"
SPEAKING_ORGANS = {"GOV", "MIL", "JUD", "MED", "LEG", "COP", "SPY"}
# Roots of acts done by saying (statements, appeals, intents, demands, disapproval,
# rejections, threats): rejecting one does not deny it was said
SAID_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}
# codes of the said roots that are deeds, not made by saying them: considering a policy,
# rallying opposition, suing, finding guilty, defying
DONE_NOT_SAID = {"014", "113", "115", "116", "128"}
# nouns naming an act, by the CAMEO roots of the acts they can name again ("rejected the
# warning", "condemned the attack": see ``CameoCoder._referred_target``)
ALL_ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))
ACT_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("warning",), frozenset({"01", "13"})),
    **dict.fromkeys(("threat",), frozenset({"13"})),
    **dict.fromkeys(("ultimatum",), frozenset({"13", "10"})),
    **dict.fromkeys(("accusation", "allegation", "charge", "criticism", "remark", "comment",
                     "claim"), frozenset({"11", "01"})),
    # (an appeal and a demand name each other: "The AU urged the junta to hold elections.
    # The junta rejected the demand.")
    **dict.fromkeys(("demand", "appeal", "request", "call"), frozenset({"02", "10"})),
    **dict.fromkeys(("proposal", "offer", "plan"), frozenset({"03", "05"})),
    **dict.fromkeys(("sanction", "expulsion", "ban", "embargo", "tariff", "duty",
                     "restriction", "blockade"), frozenset({"16", "17"})),
    **dict.fromkeys(("attack", "strike", "raid", "assault", "shelling", "bombing",
                     "airstrike", "killing", "massacre", "bombardment", "incursion",
                     "offensive"), frozenset({"18", "19", "20"})),
    **dict.fromkeys(("arrest", "detention", "crackdown"), frozenset({"17"})),
    **dict.fromkeys(("pact", "deal", "agreement", "accord", "treaty"),
                    frozenset({"03", "04", "05", "06", "07", "08"})),
    **dict.fromkeys(("verdict", "ruling", "sentence", "conviction", "acquittal"),
                    frozenset({"11", "12", "17"})),
    **dict.fromkeys(("exercise", "drill", "deployment", "buildup", "build-up"),
                    frozenset({"15"})),
    # words that name whatever was done last, other than words and force: "Guyana condemned
    # the move" (after a law was passed, not after an attack)
    **dict.fromkeys(("move", "decision", "step", "action", "measure"),
                    ALL_ROOTS - {"01", "02", "18", "19", "20"} | {"191", "192"}),
}
# cooperative roots: intent, meeting, diplomatic and material cooperation, aid, yielding
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
CUSTODY_NOUNS = {"detention", "custody", "arrest", "jail", "prison", "captivity"}
STATE_VERBS = {"be", "remain", "stay", "die", "languish", "spend", "sit", "lie", "live"}
TALK_NOUNS = {"talk", "talks", "negotiation", "meeting", "dialogue", "summit", "conference",
              "consultation"}
# speakers named by what they publish, and offices that speak for their holder
OUTLET_NOUNS = {"newspaper", "paper", "daily", "weekly", "tabloid", "magazine", "broadcaster",
                "channel", "website", "outlet"}
OFFICE_NOUNS = {"office", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser",
                "advisor", "lawyer", "attorney", "camp", "party", "ministry", "government"}
# a warning of the warner's own act is a threat (see ``CameoCoder._warnings``)
WARNING_VERBS = {"warn", "caution"}
THREATENED_FORCE = {"retaliation", "reprisal", "revenge", "war", "attack", "strike", "force",
                    "invasion", "vengeance"}
THREATENED_MEASURES = {"consequence", "repercussion", "response", "measure", "action",
                       "countermeasure", "punishment"}
# Codes that react to a publication rather than make one: comment, endorse, criticise, reject
REACTION_ROOTS = {"01", "05", "11", "12"}
# Objects that make a bare action verb a publication: "released a video", "seized on a report"
MEDIA_OBJECTS = {"statement", "report", "video", "footage", "picture", "photo", "photograph",
                 "image", "data", "figure", "document", "list", "book", "album", "film",
                 "recording", "study", "survey", "result", "communique", "transcript", "map",
                 "poll", "message", "audio", "tape", "clip", "song", "trailer", "detail"}
# Things released that are no captives: "releasing treated water", "released funds"
RELEASED_THINGS = {"water", "fund", "money", "cash", "budget", "gas", "oil", "reserve", "stock",
                   "tranche", "payment", "grain", "emission", "radiation", "balloon",
                   "wastewater", "sewage", "chemical", "toxin", "pollutant", "plan", "proposal"}
# Objects that take a bare action verb out of its sense: "seized power" is no seizure of
# property (CAMEO has no code for a coup), "seized the opportunity" none at all
IDIOM_OBJECTS = {"power", "opportunity", "chance", "moment", "lead", "limelight", "headline",
                 "spotlight"}
ADVERB_PARTICLES = {"back", "out", "off", "away", "down", "up", "over"}
# words after a place's name that still name the place ("Borno state", "Kherson oblast")
OWNER_AREA_WORDS = AREA_WORDS | {"state", "oblast", "prefecture"}
# verbs whose bare pattern holds only with no direct object ("protesters demonstrated")
INTRANSITIVE_SENSES = {"demonstrate"}
# verbs whose bare pattern holds only with no direct object and an armed subject ("the police
# fired", not "the minister fired back" or "fired the coach")
ARMED_SENSES = {"fire"}
# verbs whose demonstration sense holds only for an unarmed subject ("students marched through
# Belgrade", not "troops marched into the town")
CIVIL_SENSES = {"march", "rally"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
# words said against someone: statements, demands, rebukes, rejections, threats
VERBAL_REACTIONS = {"01", "10", "11", "12", "13"}
# verbs of sending people away, whose "to" names a destination, not a target
SENDING_AWAY = {"expel", "deport", "exile", "banish", "repatriate"}
# armed men outside the state: rebels, insurgents, militias, criminal gangs
NON_STATE_ARMED = frozenset({"REB", "INS", "UAF", "CRM", "SEP"})
# force words that, done by unarmed civilians, are a riot (145), not military force
RIOT_VERBS = {"clash", "storm", "attack", "fight", "battle", "ransack", "overrun"}
# verbs of agreeing to an act, which is an intent to cooperate where no pattern names the act
AGREEING = {"agree", "consent"}
# verbs of helping: with an infinitive and no one helped, the helper shares in the act
JOINING_VERBS = {"help", "assist"}
# verbs whose bare pattern needs someone acted on ("wounded two soldiers", "were injured")
TRANSITIVE_SENSES = {"wound", "injure"}
# Prepositions whose object completes a verb's sense even beside a direct object: "placed him
# under house arrest", "took them into custody", "removed him from office"
SENSE_PREPS = {"under", "into", "from"}
# Nouns of something flowing whose modifier names what flows: "gas supplies", "oil exports"
FLOW_NOUNS = {"supply", "supplies", "delivery", "export", "shipment", "flow", "service"}
# nouns that measure out what is acted on: "a round of sanctions", "a barrage of rockets"
CONTAINER_NOUNS = {"state", "round", "wave", "barrage", "volley", "salvo", "series", "spate",
                   "string", "batch", "package", "set", "number", "group", "kind", "lot",
                   "raft", "flurry", "hail", "stream", "host", "dozen", "hundred", "thousand"}
# What one "fights" or "attacks" that is no actor: "an attempt to fight poverty"
ABSTRACT_FOES = {"poverty", "corruption", "crime", "disease", "hunger", "inflation",
                 "unemployment", "fire", "blaze", "wildfire", "flood", "climate", "virus",
                 "pandemic", "epidemic", "addiction", "illiteracy", "racism", "discrimination",
                 "fraud", "obesity", "cancer", "malaria", "drought", "deforestation", "pollution",
                 "smuggling", "trafficking", "piracy", "inequality", "apathy", "complacency"}
# "attacked British imperialists, saying ...", "attacked the minister over the cuts": words
VERBAL_ATTACK_CUES = {"say", "call", "describe", "accuse", "argue", "claim", "insist", "tell",
                      "warn", "brand", "label", "dismiss"}
HARM_VERBS = {"kill", "wound", "injure", "die", "hurt", "maim", "displace", "trap", "bury"}
# verbs of answering an act with one's own: "retaliated with tariffs", "responded with strikes"
RESPONSE_VERBS = {"retaliate", "respond", "react", "reply", "answer", "counter", "hit",
                  "strike", "continue", "press", "push"}
# verbs whose subject undergoes what their "in" phrase names: "lost ten soldiers in an attack"
UNDERGO_VERBS = {"lose", "suffer", "survive", "escape", "face", "endure", "sustain", "witness",
                 "see", "experience", "receive", "get", "miss", "flee", "hide", "shelter",
                 "seek", "report", "say", "deny", "condemn", "mourn"}
PURPOSE_NOUNS = {"attempt", "bid", "effort", "order", "move", "push", "drive", "campaign"}
# "urged Israel to attack", "called on Israel to halt": the governor's object does the action
# (object control), except after verbs whose subject keeps doing it ("promised Kyiv to send",
# "used drones to attack").
SUBJECT_CONTROL = {"promise", "pledge", "vow", "threaten", "offer", "use", "employ", "take",
                   "need", "have", "get", "spend", "make"}
# "Germany wants Russia to withdraw": a wish for another actor's act is an appeal to it
WISH_VERBS = {"want", "wish"}
# asking for an act a noun names: "urged talks", "demanded the withdrawal", "called for a
# ceasefire", "renewed calls for the release" (see CameoCoder._asked_for)
DEMAND_WORDS = {"demand", "insist"}
ASKING_VERBS = {"urge", "demand", "request"}
ASKING_FOR = {"call", "appeal", "press", "push", "plead", "clamour", "clamor", "lobby", "ask",
              "demand", "plea", "request", "insist"}
# verbs of dying: coded only with the act of force they happened in ("died in police firing")
DEATH_VERBS = {"die", "perish"}
# a state's roles that act as the state ("Egypt's war" … "the government fights")
STATE_ROLES = frozenset({"GOV", "MIL"})
# statuses of an act reported as done, on the writer's or a source's word
REPORTED_DONE = frozenset({"asserted", "claimed"})
# sympathy, and the prepositions naming what it is for: "condolences over the floods in X"
SYMPATHY_CODES = {"018"}
MOURNED_PREPS = {"for", "over", "on", "to", "about", "after"}
# nouns of harm ("deaths in police firing", "injuries in the firing"), and of the count of
# deaths after "death" ("the death toll from the shelling")
HARM_NOUNS = {"death", "fatality", "casualty", "killing", "injury", "wound"}
DEATH_NOUNS = {"toll", "count", "figure"}
# what "held" someone can be judged, in no detention ("held the police responsible")
JUDGED = {"responsible", "accountable", "liable", "guilty", "hostage", "captive", "dear",
          "high", "esteem", "regard", "ransom"}
# codes a participle before its noun tells of as done to it ("the arrested workers")
PREMODIFIER_CODES = {"173"}
# words naming people, for a pattern's "@person" object ("picked up two men", "he was held")
PERSON_OBJECT_PRONOUNS = {"him", "her", "them", "he", "she", "they", "others"}
PEOPLE_NOUNS = {
    "person", "people", "man", "woman", "youth", "boy", "girl", "child", "student", "worker",
    "activist", "leader", "member", "suspect", "accused", "protester", "protestor",
    "demonstrator", "militant", "rioter", "miscreant", "journalist", "reporter", "official",
    "supporter", "volunteer", "villager", "resident", "trader", "farmer", "teacher", "doctor",
    "politician", "opponent", "dissident", "criminal", "gangster", "smuggler", "thief",
    "terrorist", "insurgent", "rebel", "gunman", "soldier", "officer", "policeman", "citizen",
    "national", "migrant", "refugee", "tourist", "passenger", "pilgrim", "devotee", "cleric",
    "priest", "imam", "monk", "lawyer", "businessman", "executive", "employee", "mp",
    "lawmaker", "councillor", "mayor", "minister", "chief", "head", "president", "secretary",
    "chairman", "commander", "spokesman", "agent", "spy", "fugitive", "poacher", "pirate"}
# what an act of force left its victims ("shot dead", "left five dead", "left 20 injured")
HARM_OUTCOMES = {"dead", "injured", "wounded"}
# verbs by which an actor takes an act as its own ("claimed it had attacked")
RESPONSIBILITY_VERBS = {"claim", "admit", "acknowledge", "confirm"}
# verbs whose gerund object is an activity they keep others from, done by no one named
PREVENT_VERBS = {"deter", "ban", "prohibit", "outlaw", "criminalise", "criminalize", "forbid",
                 "discourage", "curb", "punish", "legalise", "legalize", "condone"}
# "strike" by workers, students or doctors is a work stoppage (143), not an attack
STOPPAGE_NOUNS = {"strike"}
ON_STRIKE_VERBS = {"go", "be", "remain", "stay", "come"}
CIVILIAN_ROLES = frozenset({"LAB", "CVL", "EDU", "HLH", "BUS", "MED", "OPP", "AGR", "REF"})
ARMED_OR_STATE_ROLES = frozenset({"MIL", "REB", "COP", "SPY", "GOV", "UAF", "INS"})
ARMED_ROLES = ARMED_OR_STATE_ROLES - {"GOV"}  # those that bear arms
# nouns naming shooting that also name a dismissal when they take an "of" object
DISMISSAL_NOUNS = {"firing"}
# roots whose announcement is a threat against the target (force, and cutting relations)
THREAT_ROOTS = {"16", "18", "19", "20"}
# verbs by which an actor declares its own future act ("said it will reopen")
DECLARING = {"say", "tell", "announce", "state", "confirm", "add", "stress", "insist", "indicate",
             "declare", "reiterate", "assert", "warn"}
# Acts only a state's agents perform: with no agent named, the police or courts did them
# (verbs listed for their 173 patterns only: "were taken into custody", "placed under house
# arrest", "booked under the anti-terror law"; nouns for a nominal arrest with no agent)
IMPLIED_AGENTS = {"arrest": "COP", "detain": "COP", "apprehend": "COP", "nab": "COP",
                  "round up": "COP", "jail": "JUD", "imprison": "JUD", "indict": "JUD",
                  "charge": "JUD", "prosecute": "JUD", "convict": "JUD", "sentence": "JUD",
                  "take": "COP", "place": "COP", "put": "COP", "keep": "COP", "lock up": "COP",
                  "book": "COP", "raid": "COP", "impeach": "LEG", "incarcerate": "JUD",
                  "detention": "COP", "roundup": "COP", "pick up": "COP", "catch": "COP",
                  "remand": "JUD"}
# (not "hold": who holds someone is often another state — "Britons held at Guantanamo Bay")
# Verbs by which a group owns an attack ("claimed the bombing", "took responsibility for")
CLAIM_VERBS = {"claim", "accept", "take", "bear", "admit", "acknowledge"}
# Verbs that draw their object into the event noun of their "in" phrase
ENGAGE_VERBS = {"engage", "embroil", "involve", "draw", "drag", "lock"}
# Nouns of intent whose infinitive is their holder's act ("has no plans to meet")
INTENT_NOUNS = status_mod.INTENT_NOUNS
# Objects that make "hit", "strike" or "reach" a level, not a blow
MEASURE_WORDS = {"low", "high", "record", "peak", "level", "mark", "milestone", "total",
                 "target", "figure", "threshold", "ceiling", "floor", "barrier", "limit", "rate",
                 "percent", "%", "bn", "billion", "million", "trillion", "jackpot", "snag",
                 "headline", "shelf", "market", "store", "shop", "button", "note", "stride"}
# weapons named as a passive agent: who fired them is the agent
MUNITIONS = {"missile", "rocket", "shell", "mortar", "bomb", "grenade", "bullet", "projectile",
             "round", "explosive", "mine", "torpedo"}
STRUCK_PREPS = {"at", "on", "upon", "into", "against", "toward", "towards"}
MEASURE_VERBS = {"hit", "strike", "smash", "beat", "crush", "blast", "break", "top"}
CURRENCY_SIGNS = {"$", "£", "€", "¥", "us$"}
# Hostilities named after where they happen ("the Iraq war"): a country name compounded with
# them is the theatre, not a party
THEATRE_NOUNS = {"war", "conflict", "crisis", "fighting", "violence", "unrest", "insurgency",
                 "hostilities", "civil war", "battle", "bloodshed", "clash", "clashes", "fight",
                 "struggle"}
# Modifiers that make a war or battle no violence: "a legal battle", "a trade war"
FIGURATIVE_MODIFIERS = {"legal", "court", "political", "price", "trade", "tariff", "bidding",
                        "custody", "ratings", "verbal", "word", "turf", "culture", "takeover",
                        "boardroom", "pr", "propaganda", "media", "advertising", "currency",
                        "election", "electoral", "leadership", "budget", "patent", "copyright"}
VICTIM_NOUNS = {"genocide", "holocaust"}
# acts done to a person: "her abduction", "his release" name whom it was done to
PATIENT_NOUNS = {"abduction", "kidnapping", "kidnap", "arrest", "detention", "release",
                 "killing", "murder", "assassination", "execution", "deportation", "expulsion",
                 "torture", "beheading", "imprisonment", "jailing", "capture", "extradition",
                 "trial", "conviction", "sentencing", "disappearance", "rescue", "dismissal",
                 "sacking", "ouster", "removal"}
# diplomatic recognition is of states, governments and their claims, not of "shortcomings"
RECOGNISING = {"recognize", "recognise"}
RECOGNISED_THINGS = {"independence", "sovereignty", "statehood", "state", "government",
                     "regime", "authority", "administration", "election", "result",
                     "annexation", "claim", "republic", "union", "leadership", "president"}
PLACE_RULES = {"country", "region", "capital-metonym"}
ACTOR_POS = {"NOUN", "PROPN", "PRON", "ADJ"}  # words that can name an actor
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout"}
# verbs of moving forces: with no agent, the state whose forces they are moved them
FORCE_MOVING_VERBS = {"deploy", "send", "withdraw", "station", "dispatch", "redeploy",
                      "move", "pull", "evacuate"}
AGREE_VERBS = {"agree", "consent", "commit"}  # "agreed to talks", "agreed on an exchange"
# being ready for an act is meaning to take part: "ready for talks", "open to dialogue"
READY_WORDS = {"ready", "willing", "prepared", "open", "available"}
CHARGE_VERBS = {"charge", "indict", "task", "credit", "entrust"}  # "charged X with doing"
SUBJ = ("nsubj", "csubj")
SUBJ_PASS = ("nsubjpass",)


@dataclass(frozen=True, slots=True)
class _Candidate:
    pattern: Pattern
    trigger: tuple[int, ...]  # token indices naming the action
    anchor: int  # the token whose clause carries status (trigger or light verb)
    source: list[Mention]
    target: list[Mention]
    code: str = ""  # the pattern's code, or the governed code ("ready to allow" → 0354)
    governors: tuple[int, ...] = ()
    # folded into an appeal or demand: the status is the speaking's, read from the governor
    speech_act: bool = False
    # the source is who claimed the act ("IS claimed the attack"): the act rests on its word
    claimed: bool = False


class CameoCoder:
    """Codes parsed sentences into CAMEO events (registered as ``tidings.coder.cameo.v1``)."""

    name = CODER_NAME

    def __init__(
        self,
        patterns: PatternSet | None = None,
        resolver: ActorResolver | None = None,
        codebook: Codebook | None = None,
        *,
        speech_events: bool = False,
        geocoder: Any | None = None,
        dates: bool = True,
        default_country: str = "",
        sports_filter: bool = True,
    ) -> None:
        self.patterns = patterns or default_patterns()
        self.sports_filter = sports_filter
        self.resolver = resolver or ActorResolver()
        self.codebook = codebook or load_codebook()
        self.speech_events = speech_events
        self._memory: ArticleMemory | None = None
        self.geocoder = geocoder  # tidings.geo.Geocoder or None: no locations
        self.dates = dates
        self.default_country = default_country.upper()
        self._geo_ctx: Any = None
        # char offsets where an opening dateline starts and ends, -1: none
        self._dateline_start = self._dateline_end = -1
        # the place owners of the sentence last asked about (see _place_owners)
        self._owners_of: tuple[tuple[str, int, int], dict[int, str]] | None = None

    # -- public
    def code_article(self, article: Article, sentences: Sequence[ParsedSentence]) -> list[Event]:
        """Code an article's sentences in order, resolving coreference across them."""
        memory = ArticleMemory(date=article.published,
                               default_country=self.default_country or None)
        self._geo_ctx = (self.geocoder.article_context(article, sentences)
                         if self.geocoder is not None else None)
        # the dateline ("NAIROBI, Kenya —") names where the story is told: no actor, but a
        # sign of the article's country (what "police" or "the government" belong to)
        place, self._dateline_start, self._dateline_end = self._dateline(article, sentences)
        if self.geocoder is not None:
            # where a sentence places things, for agents with no owner ("gunmen abducted 30
            # students in Kaduna state" → Nigerian gunmen); the geocoder caches by sentence
            memory.place_lookup = self._place_countries
            memory.owner_lookup = self._place_owners
        country = self.resolver.dictionary.country_of_place(place) if place else None
        if country is not None:
            memory.country_counts[country] = memory.country_counts.get(country, 0) + 2
        events: list[Event] = []
        try:
            for sent in sentences:
                events.extend(self.code_sentence(sent, article, memory))
        finally:
            self._geo_ctx = None
            self._owners_of = None
            self._dateline_start = self._dateline_end = -1
        if self.sports_filter and events:
            marked = sports.sport_sentences(sentences)
            if sports.is_sport(sentences, marked):
                events = [e for e in events if sports.keep(e, marked)]
        return merge_events(_denied_later(events))

    @staticmethod
    def _dateline(article: Article, sentences: Sequence[ParsedSentence]
                  ) -> tuple[str | None, int, int]:
        """The dateline's place and where it starts and ends in the text (-1, -1 when cut off
        already): at the start of the first sentence, or of the second after a headline."""
        if article.dateline:
            return article.dateline, -1, -1
        from tidings.ingest.clean import match_dateline

        for sent in sentences[:2]:
            # (from the article's text: a dateline is parsed as a sentence of its own)
            found = match_dateline(article.text[sent.start:sent.start + 300]
                                   if article.text[sent.start:sent.end] == sent.text
                                   else sent.text)
            if found is not None:
                dl = found[0]
                place = f"{dl.place}, {dl.region}" if dl.region else dl.place
                return place, sent.start, sent.start + found[1]
            if sent.text.rstrip()[-1:] in ".!?\"”'’":
                break  # (a sentence, not a headline: no dateline after it)
        return None, -1, -1

    def code_sentence(
        self, sent: ParsedSentence, article: Article | None = None,
        memory: ArticleMemory | None = None,
    ) -> list[Event]:
        """Events of one sentence; ``memory`` carries the article's earlier mentions."""
        self._memory = memory
        try:
            out: list[Event] = []
            for cand in self._candidates(sent):
                done = self._events(sent, cand, article)
                out.extend(done)
                if done and memory is not None and cand.source:
                    memory.acts.append((sent.index, frozenset(
                        w for i in cand.trigger for w in (sent.tokens[i].lower,
                                                          lemma_of(sent.tokens[i]))),
                        done[0].cameo, tuple(cand.source),
                        tuple(e.target.code for e in done if e.target and e.target.code)))
            if self.speech_events:
                for cand in self._speech_candidates(sent):
                    out.extend(self._events(sent, cand, article))
        finally:
            self._memory = None
        if memory is not None:
            memory.remember(sent, [m for m in self.resolver.mentions(sent, memory)
                                   if not self._in_dateline(m.start)])
        return out

    def _resolve(self, sent: ParsedSentence, i: int, *, follow_conj: bool = True
                 ) -> list[Mention]:
        found = self.resolver.resolve(sent, i, self._memory, follow_conj=follow_conj)
        if self._dateline_end >= 0 and sent.start < self._dateline_end:
            found = [m for m in found if not self._in_dateline(m.start)]
        return found

    def _in_dateline(self, start: int) -> bool:
        return self._dateline_start <= start < self._dateline_end

    # -- triggers
    def _candidates(self, sent: ParsedSentence) -> list[_Candidate]:
        out: list[_Candidate] = []
        verbs, nouns = self.patterns.verbs, self.patterns.nouns
        for tok in sent.tokens:
            lemma = lemma_of(tok)
            cand: _Candidate | None
            if tok.pos == "VERB" and (lemma in HARM_VERBS or lemma == "leave") and \
                    (by_act := self._harm_by_act(sent, tok)) is not None:
                cand = by_act
            elif _gerund_noun(sent, tok) and tok.lower in nouns:
                # "killed in police firing" with "firing" tagged as a verb
                cand = self._nominal(sent, tok, nouns[tok.lower])
            elif tok.pos in ("VERB", "AUX") and (lemma in verbs or tok.lower in verbs):
                # an imported dictionary may list an inflected form ("CALLED")
                cand = self._verbal(sent, tok, verbs.get(lemma) or verbs[tok.lower])
            elif tok.pos in ("NOUN", "PROPN") and lemma in nouns:
                cand = self._nominal(sent, tok, nouns[lemma])
            elif (tok.pos == "VERB" and lemma in DEATH_VERBS) or (
                    tok.pos == "ADJ" and tok.lower in HARM_OUTCOMES):
                # ("one dead in police-VHP clash", "20 injured in police firing")
                cand = self._died_in(sent, tok)
            else:
                continue
            if cand is None:
                continue
            if cand.pattern.code == "043" and lemma_of(tok) == "host" and \
                    self._hosts_talks_between(sent, tok):
                # "Qatar hosted talks between Israel and Hamas": the host mediates
                cand = replace(cand, pattern=replace(cand.pattern, code="045"))
            if cand.pattern.code == "0874" and cand.target and all(
                    m.code[:3] == "IGO" for m in cand.target):
                # leaving an international body is no retreat: "withdrew from ECOWAS"
                cand = replace(cand, pattern=replace(cand.pattern, code="166"))
            cand = self._govern(sent, cand)
            out.append(cand)
            owned = self._responsibility(sent, cand)
            if owned is not None:
                out.append(owned)
            back = cand.pattern.reverse
            if back and cand.target and cand.code == cand.pattern.code:
                # "[032:033]": the visit by the source is hosted by the target
                out.append(replace(cand, source=cand.target, target=cand.source, code=back))
        out = self._weapon_subjects(sent, out)
        out = [self._with_harm(sent, c, out) for c in out]
        out = self._warnings(sent, out)
        out = self._asked_for(sent, out)
        out = [self._referred_target(sent, c, out) for c in out]
        out = self._shared_targets(sent, out)
        out = [self._purpose_target(sent, c) for c in out]
        out.extend(self._agreements(sent, out))
        out.extend(self._judgements(sent, out))
        protests = {c.anchor for c in out if (c.code or c.pattern.code)[:2] == "14"}
        if protests:
            # "blocked roads to protest against fuel prices", "went on strike to demand higher
            # wages": the protest's purpose is no second act
            out = [c for c in out if not (
                (c.code or c.pattern.code)[:2] in ("14", "10") and
                sent.tokens[c.anchor].dep == "advcl" and
                sent.tokens[c.anchor].head in protests and
                any(k.dep == "aux" and k.lower == "to" for k in sent.children(c.anchor)))]
        consumed = {g for c in out for g in c.governors}
        return [c for c in out if c.anchor not in consumed]

    def _weapon_subjects(self, sent: ParsedSentence, cands: list[_Candidate]
                         ) -> list[_Candidate]:
        """"An Israeli air strike hit a building, killing two advisers": an act of force whose
        subject names an act of force is that act told once, with the noun's own code where it
        says more (195 for the air strike) and the verb's target."""
        by_anchor = {c.anchor: c for c in cands if not c.governors}
        merged: dict[int, _Candidate] = {}
        dropped: set[int] = set()
        for cand in cands:
            verb = sent.tokens[cand.anchor]
            if verb.pos != "VERB" or not self._force(cand.code or cand.pattern.code):
                continue
            subj = next((c for c in sent.children(verb.i) if c.dep == "nsubj"), None)
            noun = by_anchor.get(subj.i) if subj is not None else None
            if noun is None or noun is cand or not noun.source or \
                    not self._force(noun.code or noun.pattern.code):
                continue
            code = noun.code or noun.pattern.code
            if code in ("190", "180", "200"):
                code = cand.code or cand.pattern.code
            merged[cand.anchor] = replace(cand, code=code, source=noun.source,
                                          trigger=(*noun.trigger, *cand.trigger))
            dropped.add(noun.anchor)
        return [merged.get(c.anchor, c) for c in cands
                if not (c.anchor in dropped and c.anchor not in merged)]

    def _warnings(self, sent: ParsedSentence, cands: list[_Candidate]) -> list[_Candidate]:
        """A warning of the warner's own future act is a threat: "warned Taiwan that it would
        take resolute measures" (130), "warned Finland of consequences" (130), "warned of
        retaliation" (138). When the act is coded as a threat of its own ("warned it would
        attack the bases": 1384), the warning is that threat and no second event."""
        threats = self._passive_threats(sent, cands)
        out: list[_Candidate] = []
        for cand in cands:
            verb = sent.tokens[cand.anchor]
            if cand.anchor in threats:
                threat = threats[cand.anchor]
                if threat is not None:
                    out.append(threat)
                continue
            if (cand.code or cand.pattern.code) != "012" or lemma_of(verb) not in WARNING_VERBS:
                out.append(cand)
                continue
            kids = sent.children(verb.i)
            own = next((c for c in kids if c.dep == "ccomp" and self._own_future(sent, c, cand)),
                       None)
            if own is not None:
                inner = {t.i for t in sent.subtree(own.i)}
                if any(o.anchor in inner and self.codebook.lookup(o.code or o.pattern.code).root
                       == "13" for o in cands):
                    continue  # the threat is coded on the act itself
                # (the warner itself, named again as the clause's subject, is no target)
                target = [t for t in cand.target if not any(
                    t.code.startswith(m.code) or m.code.startswith(t.code) for m in cand.source)]
                out.append(replace(cand, code="130", trigger=(*cand.trigger, own.i),
                                   target=target))
                continue
            of = [g for c in kids if c.dep == "prep" and c.lower == "of"
                  for g in sent.children(c.i) if g.dep == "pobj"]
            word = lemma_of(of[0]) if of else ""
            if word in THREATENED_FORCE or word in THREATENED_MEASURES:
                out.append(replace(cand, code="138" if word in THREATENED_FORCE else "130"))
                continue
            out.append(cand)
        return out

    def _judgements(self, sent: ParsedSentence, cands: list[_Candidate]) -> list[_Candidate]:
        """"India called the moves unilateral", "the ministry described the sanctions as a
        hostile act", "China said the visit was a serious provocation": judging an act or an
        actor by a word of ``data/evaluations.yaml`` criticises (111) or praises (051) its
        author, when the text says who that is."""
        by_anchor = {c.anchor: c for c in cands}
        out: list[_Candidate] = []
        for verb in sent.tokens:
            if verb.pos != "VERB" or verb.lemma.lower() not in evaluations.JUDGING_VERBS:
                continue
            own = by_anchor.get(verb.i)
            if own is not None and self.codebook.lookup(own.code or own.pattern.code).root in (
                    "01", "11", "12"):
                continue  # ("condemned the move as a violation": coded by the verb)
            found = evaluations.judged(sent, verb)
            code = evaluations.judgement(sent, found[1]) if found is not None else None
            if found is None or code is None:
                continue
            thing, word = found
            source = self._subject(sent, verb)
            if not source:
                continue
            target = [m for m in self._resolve(sent, thing.i)
                      if not any(_same_actor(m.code, s.code) or m.code == s.code[:3]
                                 for s in source)]
            told = by_anchor.get(thing.i)
            if not target and told is not None:
                target = list(told.source)  # "said the visit by Pelosi was a provocation"
            if not target:
                target = self._owned_event(sent, thing)[0] or self._prep_objects(
                    sent, thing.i, ("by", "between", "of", "from"))
            if not target and self._memory is not None and (
                    lemma_of(thing) in ACT_NOUNS or thing.lower in ("it", "this", "that")):
                target = self._act_author(sent, thing, ACT_NOUNS.get(lemma_of(thing), ALL_ROOTS),
                                          source)
            target = [m for m in target if not any(m.code[:3] == s.code[:3] for s in source)]
            if not target:
                continue
            pattern = Pattern((lemma_of(verb),), False, code)
            # (the words judging are the trigger: "called the moves unilateral", "said ... was
            # [a serious provocation]")
            trigger = (word.i,) if word.i > thing.i + 1 and verb.i < thing.i and \
                lemma_of(verb) in evaluations.SAYING_VERBS else (verb.i, word.i)
            out.append(_Candidate(pattern, trigger, verb.i, source, target, code=code))
        return out

    def _shared_targets(self, sent: ParsedSentence, cands: list[_Candidate]
                        ) -> list[_Candidate]:
        """"The Taliban condemned the strikes and warned of consequences": a rebuke, demand,
        rejection or threat with no target, coordinated with one of the same speaker's that
        has one, is aimed at the same party."""
        by_anchor = {c.anchor: c for c in cands}
        out = []
        for cand in cands:
            verb = sent.tokens[cand.anchor]
            sibling = by_anchor.get(verb.head) if verb.dep == "conj" and \
                verb.head != verb.i else None
            if not cand.target and sibling is not None and sibling.target and \
                    {m.code for m in sibling.source} == {m.code for m in cand.source} and \
                    self.codebook.lookup(cand.code or cand.pattern.code).root in VERBAL_REACTIONS:
                cand = replace(cand, target=list(sibling.target))
            out.append(cand)
        return out

    def _passive_threats(self, sent: ParsedSentence, cands: list[_Candidate]
                         ) -> dict[int, _Candidate | None]:
        """"Police warned that anyone who incited violence would be arrested": a state organ
        warning of an act done by no one named, in the future, threatens that act itself
        (137); the warning is the threat, no second event. By anchor: the recoded act, or
        None for the warning it replaces."""
        out: dict[int, _Candidate | None] = {}
        for cand in cands:
            verb = sent.tokens[cand.anchor]
            if (cand.code or cand.pattern.code) != "012" or lemma_of(verb) not in WARNING_VERBS \
                    or not any(roles_of(m.code) & ARMED_OR_STATE_ROLES for m in cand.source):
                continue
            for c in sent.children(verb.i):
                kids = sent.children(c.i)
                if c.dep != "ccomp" or not any(k.dep == "auxpass" for k in kids) or \
                        not any(k.dep == "aux" and k.lower in FUTURE_AUX for k in kids) or \
                        any(k.dep in ("agent", "neg") for k in kids):
                    continue
                act = next((o for o in cands if o.anchor == c.i), None)
                mapped = load_modalities()["threat"].code_for(act.code or act.pattern.code) \
                    if act is not None else None
                if act is None or mapped is None:
                    continue
                out[act.anchor] = replace(act, code=mapped, source=cand.source,
                                          trigger=(verb.i, *act.trigger))
                out[cand.anchor] = None
        return out

    def _asked_for(self, sent: ParsedSentence, cands: list[_Candidate]) -> list[_Candidate]:
        """An act named by a noun that is asked or demanded is no act done: "called for talks
        between Serbia and Kosovo" is an appeal to both to meet (026), "demanded the release of
        the hostages" a demand to their holders (1053). The request takes the act's family and
        its parties as targets (unless it names its addressee: "called on Israel for a
        ceasefire"); the act itself is not coded."""
        by_anchor: dict[int, list[_Candidate]] = {}
        for c in cands:
            by_anchor.setdefault(c.anchor, []).append(c)
        replaced: dict[int, _Candidate] = {}
        for anchor, group in by_anchor.items():
            noun = sent.tokens[anchor]
            if noun.pos not in ("NOUN", "PROPN") or any(c.governors for c in group):
                continue
            asker = _asker_of(sent, noun)
            if asker is None:
                continue
            mod = load_modalities()["demand" if lemma_of(asker) in DEMAND_WORDS else "appeal"]
            act = group[0]
            parties: list[Mention] = []
            for c in group:
                for m in (*c.source, *c.target):
                    if m.code not in {p.code for p in parties}:
                        parties.append(m)
            own = next((c for c in by_anchor.get(asker.i, ()) if c is not act), None)
            source = own.source if own is not None and own.source else self._subject(
                sent, asker) if asker.pos in ("VERB", "AUX") else []
            code = mod.code_for(act.code or act.pattern.code) or (
                own.code or own.pattern.code if own is not None else None)
            if not source or code is None:
                continue
            target = own.target if own is not None and own.target and not any(
                m.code == t.code for m in parties for t in own.target) else [
                m for m in parties if m.code not in {s.code for s in source}]
            replaced[anchor] = replace(act, code=code, source=source, target=target,
                                       trigger=(asker.i, *act.trigger),
                                       governors=(*act.governors, asker.i), speech_act=True)
        if not replaced:
            return cands
        out: list[_Candidate] = []
        for c in cands:
            if c.anchor not in replaced:
                out.append(c)
            elif c is by_anchor[c.anchor][0]:
                out.append(replaced[c.anchor])  # (one request for the act and its reverse)
        return out

    def _purpose_target(self, sent: ParsedSentence, cand: _Candidate) -> _Candidate:
        """A cooperative act done for a purpose names its partner there: "Arnor signed an
        accord to supply Gondor with wheat", "Qatar pledged funds to rebuild Gaza's
        hospitals" (whom the purpose's act is done to)."""
        if cand.target or not cand.source or self.codebook.lookup(
                cand.code or cand.pattern.code).root not in COOPERATIVE_ROOTS:
            return cand
        verb = sent.tokens[cand.anchor]
        heads = [verb, *(c for c in sent.children(verb.i) if c.dep == "dobj")]
        purpose = next((c for h in heads for c in sent.children(h.i)
                        if c.dep in ("advcl", "acl", "xcomp") and c.pos == "VERB"
                        and c.i not in cand.trigger and c.i not in cand.governors
                        and any(a.dep == "aux" and a.lower == "to"
                                for a in sent.children(c.i))), None)
        if purpose is None:
            return cand
        obj = next((c for c in sent.children(purpose.i) if c.dep in ("dobj", "dative")), None)
        found = self._resolve(sent, obj.i) if obj is not None else []
        found = found or self._prep_objects(sent, purpose.i, ("to", "with"))
        found = [m for m in found if not any(_same_actor(m.code, s.code) for s in cand.source)]
        return replace(cand, target=found) if found else cand

    def _hosts_talks_between(self, sent: ParsedSentence, verb: Token) -> bool:
        obj = next((c for c in sent.children(verb.i) if c.dep == "dobj"), None)
        if obj is None or lemma_of(obj) not in TALK_NOUNS:
            return False
        return len({m.code for m in self._prep_objects(sent, obj.i, ("between",))}) > 1

    def _referred_target(self, sent: ParsedSentence, cand: _Candidate,
                         cands: Sequence[_Candidate] = ()) -> _Candidate:
        """A reaction to an act named by a definite noun reacts to its author: "China warned
        Taiwan. Taipei rejected the warning" (TWN 120 CHN), "Egypt condemned the attack" (the
        attacker, when an earlier sentence told the attack)."""
        if cand.target or self._memory is None or not cand.source or \
                self.codebook.lookup(cand.code or cand.pattern.code).root not in REACTION_ROOTS:
            return cand
        verb = sent.tokens[cand.anchor]
        kids = sent.children(verb.i)
        obj = next((c for c in kids if c.dep in ("dobj", "nsubjpass")), None)
        if obj is None:
            to = next((c for c in kids if c.dep == "prep" and c.lower in ("to", "against", "of")),
                      None)
            obj = next((c for c in sent.children(to.i) if c.dep == "pobj"), None) \
                if to is not None else None
        if obj is None:
            # (", a charge Asmara has rejected" parsed with the charge as the subject, or as
            # the noun the clause hangs on)
            obj = next((c for c in kids if c.dep == "nsubj" and lemma_of(c) in ACT_NOUNS
                        and any(d.dep == "det" and d.lower in ("a", "an")
                                for d in sent.children(c.i))), None)
            if obj is None and verb.dep == "relcl" and verb.head != verb.i and \
                    lemma_of(sent.tokens[verb.head]) in ACT_NOUNS:
                obj = sent.tokens[verb.head]
        if obj is None or lemma_of(obj) not in ACT_NOUNS:
            return cand
        by = [m for c in sent.children(obj.i) if c.dep in ("prep", "agent")
              and c.lower in ("by", "from") for g in sent.children(c.i) if g.dep == "pobj"
              for m in self._resolve(sent, g.i)]
        by = [m for m in by if not any(_same_actor(m.code, s.code) for s in cand.source)]
        if by:
            # "Manila rejected calls by the rebels to resume talks": the callers
            return replace(cand, target=by)
        if any(c.dep == "det" and c.lower in ("a", "an") for c in sent.children(obj.i)) and \
                any(t.text == "," for t in sent.tokens[:obj.i]):
            # "accused France of plotting a coup, a charge Paris has rejected": the accuser
            # earlier in the sentence
            accusers = [m for o in cands if o.anchor < obj.i and self.codebook.lookup(
                o.code or o.pattern.code).root in ACT_NOUNS[lemma_of(obj)]
                for m in o.source if not any(_same_actor(m.code, s.code) or
                                             m.code[:3] == s.code[:3] for s in cand.source)]
            return replace(cand, target=accusers) if accusers else cand
        if not any((c.dep == "det" and c.lower in ("the", "this", "that", "these", "those"))
                   or (c.dep == "poss" and c.pos == "PRON") for c in sent.children(obj.i)) or \
                any(c.lower == "own" for c in sent.children(obj.i)):
            return cand  # (nor "finalised its own deal": the actor's own)
        if any(c.dep == "prep" and c.lower in ("by", "of", "from", "against", "on")
               for c in sent.children(obj.i)):
            return cand  # ("the attack on X": whose attack is not said)
        target = self._act_author(sent, obj, ACT_NOUNS[lemma_of(obj)], cand.source)
        return replace(cand, target=target) if target else cand

    def _act_author(self, sent: ParsedSentence, noun: Token, roots: frozenset[str],
                    source: list[Mention]) -> list[Mention]:
        """Who did the latest earlier act (of ``roots``, by someone other than ``source``) that
        a noun names again ("rejected the warning", "called the decision unjustified"), as
        mentions spanning the noun's phrase."""
        if self._memory is None:
            return []
        author = self._memory.act_source(sent.index, roots, {m.code for m in source})
        span = sent.subtree(noun.i)
        text = sent.text[span[0].start - sent.start : span[-1].end - sent.start]
        return [Mention(text, span[0].start, span[-1].end, sent.index, span[0].i,
                        span[-1].i + 1, noun.i, m.code, "coref:act", m.actor_name)
                for m in author]

    def _own_future(self, sent: ParsedSentence, verb: Token, cand: _Candidate) -> bool:
        """Whether a clause tells the candidate's source's own future act: "(warned) that it
        would take measures", "(warned) Iran will respond"."""
        kids = sent.children(verb.i)
        if not any(c.dep == "aux" and c.lower in ("will", "would", "shall", "'ll", "wo")
                   for c in kids):
            return False
        if any(c.dep == "neg" for c in kids) and lemma_of(verb) not in ("tolerate", "allow"):
            return False  # ("warned it would not tolerate ..." is a threat all the same)
        subj = next((c for c in kids if c.dep == "nsubj"), None)
        if subj is None or verb.pos not in ("VERB", "AUX"):
            return False
        if subj.pos == "PRON":
            return subj.lower in ("it", "we", "they", "he", "she", "i")
        theirs = self._resolve(sent, subj.i)
        return bool(theirs) and all(any(t.code.startswith(m.code) or m.code.startswith(t.code)
                                        for m in cand.source) for t in theirs)

    def _agreements(self, sent: ParsedSentence, cands: list[_Candidate]) -> list[_Candidate]:
        """"Ethiopia agreed to reopen its borders to UN peacekeepers", "the two sides agreed
        that their countries should cooperate": agreeing to an act no pattern names is an
        intent to cooperate (030), by those who agreed, with whom the act is done."""
        taken = {i for c in cands for i in (c.anchor, *c.governors, *c.trigger)}
        out = []
        for tok in sent.tokens:
            if tok.pos != "VERB" or lemma_of(tok) not in AGREEING or tok.i in taken:
                continue
            kids = sent.children(tok.i)
            act = next((c for c in kids if c.dep == "xcomp" and c.pos in ("VERB", "AUX")), None)
            if act is None:
                act = next((c for c in kids if c.dep == "ccomp" and any(
                    m.dep == "mark" and m.lower == "that" for m in sent.children(c.i))), None)
            if act is None or act.i in taken:
                continue
            source = self._subject(sent, tok)
            if not source:
                continue
            # (with whom: "with" the agreeing, else whom the act is done to — its object or
            # its "to"/"with" object — not an actor further down: "agreed to pay a fine for
            # bribing an Indonesian official")
            obj = next((c for c in sent.children(act.i) if c.dep in ("dobj", "dative")), None)
            target = self._prep_objects(sent, tok.i, ("with",)) or (
                self._resolve(sent, obj.i) if obj is not None else []) or \
                self._prep_objects(sent, act.i, ("to", "with"))
            target = [m for m in target if not any(_same_actor(m.code, s.code) for s in source)]
            if not target and len(source) > 1:
                target = source  # "Hungary and Romania agreed that ...": with each other
            out.append(_Candidate(Pattern(("agree",), False, "030"), (tok.i,), tok.i, source,
                                  target))
        return out

    def _force(self, code: str) -> bool:
        return self.codebook.lookup(code).root in ("18", "19", "20")

    def _harm_by_act(self, sent: ParsedSentence, verb: Token) -> _Candidate | None:
        """"Israeli air strikes killed twelve people", "clashes between police and protesters
        left five dead": harm whose subject is an act of force is that act, by its owner, on
        the victims."""
        outcome = None
        if lemma_of(verb) == "leave":
            outcome = next((c for c in sent.children(verb.i) if c.lower in HARM_OUTCOMES
                            and c.dep in ("oprd", "acomp", "xcomp", "ccomp", "advcl")), None)
            if outcome is None:
                return None
        subj = next((c for c in sent.children(verb.i) if c.dep == "nsubj"), None)
        if subj is None:
            return None
        if subj.lower in RELATIVE_PRONOUNS and verb.dep == "relcl" and verb.head != verb.i:
            subj = sent.tokens[verb.head]  # "the police firing that left one dead"
        cause = None
        # (or a conjunct of it: "rioting and police firing left two dead")
        for noun in (subj, *(c for c in sent.children(subj.i) if c.dep == "conj")):
            pats = self.patterns.nouns.get(noun.lower if noun.pos == "VERB" else lemma_of(noun))
            if noun.pos not in ("NOUN", "VERB") or not pats:
                continue
            cause = self._nominal(sent, noun, pats)
            if cause is not None and cause.source and cause.anchor == noun.i and \
                    self._force(cause.pattern.code):
                break
            cause = None
        if cause is None:
            return None
        obj = next((c for c in sent.children(verb.i) if c.dep == "dobj"), None)
        harmed = _harmed_in(verb, cause, self._resolve(sent, obj.i) if obj is not None else [])
        if outcome is not None:
            harmed = replace(harmed, trigger=(*harmed.trigger, outcome.i))
        return harmed

    def _with_harm(self, sent: ParsedSentence, cand: _Candidate, cands: list[_Candidate]
                   ) -> _Candidate:
        """An act of force with the harm it did in its own clause, as one act: "shot dead"
        ("shot dead 98 rioters", "were shot dead"), and "fired 40 rounds, killing two
        persons", "shelled the town, killing nine civilians" (the killing is no second event;
        its victims are the target where the act named none, or only a place)."""
        if not self._force(cand.code or cand.pattern.code):
            return cand
        verb = sent.tokens[cand.anchor]
        if verb.pos != "VERB":
            return cand
        kids = sent.children(verb.i)
        after = sent.tokens[verb.i + 1] if verb.i + 1 < len(sent.tokens) else None
        dead = next((c for c in kids if c.lower in HARM_OUTCOMES and c.dep in (
            "oprd", "acomp", "xcomp", "advcl", "advmod")), None)
        if dead is None and after is not None and after.lower in HARM_OUTCOMES:
            dead = after  # "shot dead 98 rioters" ("dead" read as the object's modifier)
        if dead is not None and dead.i not in cand.trigger:
            cand = replace(cand, trigger=(*cand.trigger, dead.i))
        harm = next((c for c in kids if c.dep == "advcl" and c.tag == "VBG"
                     and lemma_of(c) in HARM_VERBS
                     and not any(g.dep in SUBJ for g in sent.children(c.i))), None)
        if harm is None or harm.i in cand.governors:
            return cand
        done = next((c for c in cands if c.anchor == harm.i), None)
        target = cand.target
        victims = done.target if done is not None else [
            m for c in sent.children(harm.i) if c.dep == "dobj"
            for m in self._resolve(sent, c.i)
            if not any(_same_actor(m.code, s.code) for s in cand.source)]
        if victims and (not target or all(m.rule.endswith((":place", "metonym"))
                                          for m in target)):
            # (the killing's victims, coded by it or, where it has no source of its own
            # — "an air strike hit a building, killing two advisers" — read here)
            target = victims
        return replace(cand, trigger=(*cand.trigger, harm.i), target=target,
                       governors=(*cand.governors, harm.i))

    def _place_countries(self, sent: ParsedSentence) -> frozenset[str]:
        """The countries of the gazetteer places the sentence puts something in."""
        if self.geocoder is None or self._geo_ctx is None:
            return frozenset()
        def where(att: Any) -> bool:
            if att.prep in LOCATIVE_PREPS:
                return True
            host = sent.tokens[att.host] if att.host is not None else None
            if att.prep is None and host is not None and \
                    host.pos == "VERB" and att.resolved.place.kind != "country" and \
                    sent.tokens[att.head].dep == "dobj":
                return True  # "shelled Kherson, killing two civilians": a town acted on
            # "shelled the outskirts of Goma": a part of a place as the act's object
            return att.role == "attached" and att.prep is None and host is not None and \
                host.lower in AREA_WORDS and host.dep in ("dobj", "nsubjpass")

        return frozenset(
            att.resolved.place.country for att in self.geocoder.places(self._geo_ctx, sent)
            if att.resolved.place.country and where(att))

    def _place_owners(self, sent: ParsedSentence) -> dict[int, str]:
        """Nouns owned by a gazetteer place that modifies them or is their "of" object ("the
        Istanbul mayor", "Kaduna state police", "the governor of Borno state"), by token, with
        the place's country. Countries are left to the actor dictionary. (Asked for each role
        of a sentence: kept for the sentence last asked about.)"""
        if self.geocoder is None or self._geo_ctx is None:
            return {}
        key = (sent.article_id, sent.index, sent.start)
        if self._owners_of is not None and self._owners_of[0] == key:
            return self._owners_of[1]
        out: dict[int, str] = {}
        for att in self.geocoder.places(self._geo_ctx, sent):
            place = att.resolved.place
            if not place.country or place.kind == "country":
                continue
            tok = sent.tokens[att.head]
            place_slot = True  # the place itself, or its area word ("Borno state")
            while tok.dep in ("compound", "amod", "nmod", "poss") and tok.head != tok.i:
                tok = sent.tokens[tok.head]
                if tok.lower in OWNER_AREA_WORDS:
                    continue  # "Borno state": still the place
                place_slot = False
                out.setdefault(tok.i, place.country)
            if place_slot and tok.dep == "pobj" and tok.head != tok.i and \
                    sent.tokens[tok.head].lower == "of":
                prep = sent.tokens[tok.head]
                if prep.head != prep.i:
                    out.setdefault(prep.head, place.country)
        self._owners_of = (key, out)
        return out

    def _responsibility(self, sent: ParsedSentence, cand: _Candidate) -> _Candidate | None:
        """"IS claimed it had carried out the bombing", "the army admitted it shelled the
        village": an actor claiming its own past act of force claims responsibility (015) —
        beside the act itself, which rests on its word."""
        verb = sent.tokens[cand.anchor]
        if (cand.code or cand.pattern.code)[:2] not in ("18", "19", "20") or not cand.source \
                or verb.dep != "ccomp" or verb.head == verb.i or verb.pos not in ("VERB", "AUX"):
            return None
        gov = sent.tokens[verb.head]
        if lemma_of(gov) not in RESPONSIBILITY_VERBS or any(
                c.dep == "neg" or (c.dep == "aux" and c.lower in (*status_mod.FUTURE_AUX,
                                                                    *status_mod.HEDGE_AUX))
                for c in sent.children(verb.i)):
            return None
        speakers = self._subject(sent, gov)
        if not speakers or {m.code for m in speakers} != {m.code for m in cand.source}:
            return None
        struck = [t for t in (_hit_place(m) for m in cand.target) if t is not None]
        return _Candidate(Pattern(("claim",), False, "015"), (gov.i,), gov.i, speakers, struck,
                          code="015")

    def _speech_candidates(self, sent: ParsedSentence) -> list[_Candidate]:
        """The speaker's own statement (010) for each reporting verb with a clausal
        complement: "Egypt said ..." — emitted beside the reported event, never instead."""
        out = []
        pattern = Pattern(("say",), False, "010")
        for tok in sent.tokens:
            if tok.pos not in ("VERB", "AUX") or lemma_of(tok) not in status_mod.SPEECH:
                continue
            if not any(c.dep in ("ccomp", "parataxis") for c in sent.children(tok.i)):
                continue
            source = self._subject(sent, tok)
            hearer = next((c for c in sent.children(tok.i) if c.dep in ("dobj", "dative")), None)
            target = self._resolve(sent, hearer.i) if hearer is not None else []
            out.append(_Candidate(pattern, (tok.i,), tok.i, source, target, code="010"))
        return out

    def _govern(self, sent: ParsedSentence, cand: _Candidate) -> _Candidate:
        """Recode an action governed by intent, threat, appeal, demand or cessation words:
        "agreed to stop persecuting" → 175 → 080 → 035."""
        code = cand.pattern.code
        if cand.pattern.origin == "petrarch":
            # an imported dictionary spells governed phrases out in its own patterns
            return replace(cand, code=code)
        source, target = cand.source, cand.target
        trigger, governors = cand.trigger, cand.governors
        speech_act = cand.speech_act
        cur = sent.tokens[cand.anchor]
        for _ in range(4):
            link = cur
            if cur.dep == "conj" and cur.tag == "VB" and cur.head != cur.i and \
                    sent.tokens[cur.head].dep in ("xcomp", "ccomp"):
                # "urged the junta to end violence and release prisoners": the second act
                # is asked for too
                link = sent.tokens[cur.head]
            if link.dep not in ("xcomp", "ccomp") or link.head == link.i:
                break
            gov = sent.tokens[link.head]
            mod = governing(lemma_of(gov))
            if mod is not None and lemma_of(gov) in WISH_VERBS and \
                    status_mod.asks_another(sent, gov, link):
                mod = load_modalities()["appeal"]
            if mod is None or (link.dep == "ccomp" and mod.roles != "object"):
                break
            mapped = mod.code_for(code)
            if mapped is None and mod.name == "intent" and not any(
                    p.origin == "petrarch" for p in self.patterns.verbs.get(lemma_of(gov), ())):
                # "vowed to wage war", "plans to attack": an intent to use force is a threat
                mapped = _threat_of(code)
            if mapped is None:
                if mod.name == "intent" and source:
                    # "pledged to expel the exiles": the act itself, planned, stands for the
                    # pledge (which is no second event)
                    governors = (*governors, gov.i)
                break
            code = mapped
            if mod.roles == "object":
                source = self._subject(sent, gov) or source
                obj = next((c for c in sent.children(gov.i) if c.dep == "dobj"), None)
                if obj is None and link.dep == "ccomp":
                    obj = next((c for c in sent.children(link.i) if c.dep == "nsubj"), None)
                # "called on Venezuela to release": the addressee is the preposition's object
                addressee = self._resolve(sent, obj.i) if obj is not None else \
                    self._controller(sent, gov)
                target = addressee or target
            trigger = (gov.i, *trigger)
            governors = (*governors, gov.i)
            # (an appeal, a demand or a refusal is the governor's act: its status is theirs)
            speech_act = mod.roles == "object" or mod.name == "refusal"
            cur = gov
        if code == cand.pattern.code and cur.i == cand.anchor:
            declared = self._declared_intent(sent, cur, source, code)
            if declared is not None:
                code = declared
        return replace(cand, code=code, source=source, target=target, trigger=trigger,
                       governors=governors, speech_act=speech_act)

    def _declared_intent(self, sent: ParsedSentence, verb: Token, source: list[Mention],
                         code: str) -> str | None:
        """"Egypt said it will reopen the crossing", "Israel announced it would free
        prisoners": an actor declaring its own future act expresses an intent (03x), or a
        threat (13x) when the act is force. Another actor's future ("Egypt said Hamas would
        ...") is only reported; a negated one is a refusal (see ``_refusal``)."""
        if verb.dep != "ccomp" or verb.head == verb.i or not source:
            return None
        gov = sent.tokens[verb.head]
        if lemma_of(gov) not in DECLARING or gov.pos not in ("VERB", "AUX"):
            return None
        kids = sent.children(verb.i)
        if any(c.dep == "neg" for c in kids):
            return None
        future = any(c.dep == "aux" and (c.lower in status_mod.FUTURE_AUX or (
            c.lower == "would" and gov.tag in ("VBD", "VBN"))) for c in kids)
        if not future:
            return None
        speakers = self._subject(sent, gov)
        subj = next((c for c in kids if c.dep in ("nsubj", "nsubjpass")), None)
        if not speakers or subj is None or subj.dep == "nsubjpass":
            return None
        # ("Ukraine's president said Ukraine would strike back": the state's own act)
        same = {m.code for m in source} == {m.code for m in speakers} or (
            len(source) == len(speakers) == 1 and (source[0].code.startswith(speakers[0].code)
                                                   or speakers[0].code.startswith(
                                                       source[0].code)))
        if not (same or (subj.pos == "PRON" and {m.code[:3] for m in source}
                         == {m.code[:3] for m in speakers})):
            return None
        return load_modalities()["intent"].code_for(code) or _threat_of(code)

    def _verbal(self, sent: ParsedSentence, verb: Token, pats: list[Pattern]) -> _Candidate | None:
        kids = sent.children(verb.i)
        # (a particle the parser took for an adverb: "Israeli troops pulled back")
        particles = {c.lower for c in kids if c.dep == "prt" or (
            c.dep == "advmod" and c.i == verb.i + 1 and c.lower in ADVERB_PARTICLES)}
        obj = next((c for c in kids if c.dep in ("dobj", "attr")), None)
        if lemma_of(verb) in JOINING_VERBS and obj is None and any(
                c.dep == "xcomp" and c.pos == "VERB" for c in kids):
            # "French officers helped to plan the killings": the helper takes part in the act
            # it helped do (coded there, its subject by control), giving no one aid
            return None
        # the passive subject plays the object for a pattern's object constraint:
        # "sanctions were imposed on Iran" matches {verb: impose, obj: [sanction]}
        pass_subj = next((c for c in kids if c.dep in SUBJ_PASS), None)
        # the noun a reduced relative hangs on is its theme too: "sanctions imposed by the EU
        # on Russia", "figures released by the Cabinet Office" (but an instrument's history is
        # part of the act it serves: "shot down by a missile fired by rebels")
        # ("the arrested workers were released": a participle before its noun tells of an
        # arrest done to them — only for arrests, PREMODIFIER_CODES)
        premod = verb.dep == "amod" and verb.tag == "VBN" and verb.i < verb.head
        rel_head = sent.tokens[verb.head] if (
            obj is None and pass_subj is None and (verb.dep == "acl" or premod)
            and verb.tag == "VBN"
            and verb.head != verb.i and not any(c.dep in ("aux", "auxpass", "nsubj")
                                                for c in kids)
            and not _instrument(sent, sent.tokens[verb.head])) else None
        theme = obj or pass_subj or rel_head
        obj_words = {theme.lemma.lower(), theme.lower} if theme is not None else set()
        obj_tokens = [theme] if theme is not None else []
        contents = _contents(sent, theme) if theme is not None else None
        if contents is not None:
            # "imposed a new round of sanctions", "fired a barrage of rockets", "declared a
            # state of emergency": the of-object is what is acted on
            obj_words.add(contents.lemma.lower())
            obj_tokens.append(contents)
        if theme is not None and theme.pos == "PROPN":
            # a title before a name: "overthrew President Roch Kabore"
            obj_words |= {c.lemma.lower() for c in sent.children(theme.i)
                          if c.dep == "compound" and c.i < theme.i}
        if theme is not None and lemma_of(theme) in FLOW_NOUNS:
            # what flows names the act: "halted gas supplies", "cut oil exports"
            obj_words |= {c.lemma.lower() for c in sent.children(theme.i)
                          if c.dep in ("compound", "amod")}
        if theme is not None and lemma_of(theme) in MUNITIONS | {"gas", "canister", "cannon"}:
            # what a munition is names the act: "lobbed tear gas shells", "rubber bullets"
            obj_words |= {t.lemma.lower() for t in sent.subtree(theme.i)
                          if t.dep in ("compound", "amod") and t.i < theme.i}
        # what a bare pattern must not act on: a publication, an idiom's object
        bare_words = set(obj_words)
        # a clausal complement as object: "agreed to stop persecuting" → xcomp lemma
        xcomp = next((c for c in kids if c.dep == "xcomp"), None)
        if xcomp is not None:
            obj_words.add(xcomp.lemma.lower())
        if obj is None:
            # "would allow aid convoys to reach El Fasher": the clause's subject is what is
            # allowed
            for comp in (c for c in kids if c.dep in ("ccomp", "xcomp")):
                for subj in (g for g in sent.children(comp.i) if g.dep == "nsubj"):
                    obj_words |= {subj.lemma.lower(), *(g.lemma.lower() for g in
                                                       sent.children(subj.i)
                                                       if g.dep == "compound")}
        sense_words: set[str] = set()
        for c in kids:
            # the object of "for", "to" or "on" when there is no direct object ("called for a
            # ceasefire", "agreed to a truce", "agreed on a prisoner exchange"); the object of
            # a preposition that completes the verb's sense ("placed him under house arrest",
            # "took them into custody", "removed him from office", "withdrew from ECOWAS")
            if c.dep == "prep" and (c.lower in SENSE_PREPS or (
                    theme is None and c.lower in ("for", "to", "on", "upon"))):
                pobj = next((g for g in sent.children(c.i) if g.dep == "pobj"), None)
                if pobj is not None:
                    obj_words |= {pobj.lemma.lower(), pobj.lower}
                    obj_tokens.append(pobj)
                    if c.lower in SENSE_PREPS:
                        sense_words |= {pobj.lemma.lower(), pobj.lower}
        pattern = None
        roles: dict[str, list[Mention]] = {}
        for p in pats:
            if p.context is not None:
                found = self._context_match(sent, verb, p.context)
                if found is None:
                    continue
                pattern, roles = p, found
                break
            if len(p.lemma) > 1 and p.lemma[1] not in particles:
                continue
            if p.objs and not obj_words & set(p.objs) and not self._names_kind(
                    sent, obj_tokens, p.objs):
                continue
            if "@person" in p.objs and not obj_words & set(p.objs) and (any(
                    c.dep in ("oprd", "acomp", "xcomp", "ccomp") for c in kids) or any(
                    t.lemma.lower() in JUDGED for o in obj_tokens for t in sent.subtree(o.i))
                    or any(g.lemma.lower() in JUDGED for c in kids if c.dep == "prep"
                           for g in sent.children(c.i)) or particles - set(p.lemma[1:])):
                # "held the minister responsible", "held at ransom": a judgement or a crime,
                # no detention; "caught up with them", "held up": another verb
                continue
            if not p.objs and bare_words & MEDIA_OBJECTS and \
                    self.codebook.lookup(p.code).root not in REACTION_ROOTS:
                # "released a video", "issued a statement": a publication, no act (but
                # "vetoed a statement", "condemned the report" react to one)
                continue
            if not p.objs and bare_words & RELEASED_THINGS and p.code.startswith("084"):
                continue  # "began releasing treated water", "released funds": no captives
            if not p.objs and p.lemma[0] in RECOGNISING and theme is not None and \
                    theme.lemma.lower() not in RECOGNISED_THINGS and \
                    not self._resolve(sent, theme.i):
                continue  # "should recognise the shortcomings of the review": no recognition
            if not p.objs and bare_words & ABSTRACT_FOES and \
                    self.codebook.lookup(p.code).root in ("18", "19", "20"):
                continue
            if not p.objs and bare_words & IDIOM_OBJECTS and \
                    self.codebook.lookup(p.code).root not in REACTION_ROOTS:
                continue
            if not p.objs and theme is not None and p.lemma[0] in MEASURE_VERBS and \
                    _measure(sent, theme) and not (theme.lemma.lower() == "target" and any(
                        ARMED_ROLES & roles_of(m.code)
                        for m in self._subject(sent, verb))):
                # "hit a seven-month low", "the deficit is set to hit $368bn" (but "its
                # drones struck targets" is an attack)
                continue
            if not p.objs and not p.preps and obj is not None and \
                    p.lemma[0] in INTRANSITIVE_SENSES:
                continue  # "demonstrated its resolve" is no demonstration
            if not p.objs and theme is None and p.lemma[0] in TRANSITIVE_SENSES:
                continue  # "sounding injured, he said": a state, no one wounded
            if not p.objs and not p.preps and p.lemma[0] in ARMED_SENSES and (
                    obj is not None or not any(ARMED_ROLES & roles_of(m.code)
                                               for m in self._subject(sent, verb))):
                continue  # "the police fired to disperse the mob" (but "fired back, saying")
            if p.lemma[0] in CIVIL_SENSES and p.code.startswith("14") and any(
                    ARMED_ROLES & roles_of(m.code) for m in self._subject(sent, verb)):
                continue
            if p.preps and not p.objs and not self._has_prep(sent, verb.i, p.preps):
                continue  # "appeal to", "call on", "side with": the preposition is the sense
            pattern = p
            break
        if pattern is None:
            return None
        if not pattern.objs and lemma_of(verb) == "attack" and _verbal_attack(sent, verb):
            pattern = replace(pattern, code="111")
        if any(c.lower == "test" and c.i < verb.i for c in kids) and \
                self.codebook.lookup(pattern.code).root == "19":
            # "test-fired a ballistic missile": a show of force, not an attack
            pattern = replace(pattern, code="150")
        named = (_contents(sent, obj) or obj) if obj is not None else None
        # ("naval drills" is a noun pattern's; "held drills" is the verb's when only "military
        # drill" and "naval drill" are listed)
        if named is not None and lemma_of(verb) in LIGHT_VERBS and any(
                _noun_matches(sent, named, p)
                for p in self.patterns.nouns.get(lemma_of(named), ())):
            # "staged a protest", "imposed a round of sanctions": the noun names the event,
            # anchored on the verb
            return None
        has_subject = any(c.dep in SUBJ for c in kids)
        if premod and pattern.code not in PREMODIFIER_CODES:
            return None  # ("the injured soldiers", "the occupied territories", "a proposed deal")
        passive = any(c.dep in SUBJ_PASS or c.dep == "auxpass" for c in kids) or (
            verb.tag == "VBN" and (verb.dep == "acl" or premod) and not has_subject)
        # "repulsed the attack on parliament": force against attackers not named, not against
        # what they attacked
        force_on_event = obj is not None and self.codebook.lookup(pattern.code).root in (
            "18", "19", "20") and any(self.codebook.lookup(p.code).root in ("18", "19", "20")
                                      for p in self.patterns.nouns.get(lemma_of(obj), ()))
        cause: _Candidate | None = None
        if passive:
            if lemma_of(verb) in HARM_VERBS:
                # ("killed by army shelling": the shelling's owner, in one act)
                cause = self._cause(sent, verb)
            source = cause.source if cause is not None else (
                self._agent(sent, verb.i) or self._implied_agent(sent, verb, pattern))
            passive_theme = pass_subj or rel_head
            if pattern.objs and passive_theme is not None and obj is None and \
                    not sense_words & set(pattern.objs):
                # (but "80 workers were taken into custody": the preposition's object named
                # the act, the passive subject is whom it was done to)
                # the passive subject was the theme ("sanctions were imposed on Iran"), its
                # own preposition naming the target as often ("evidence against Russia was
                # presented")
                preps = pattern.preps or DEFAULT_TARGET_PREPS
                target = self._prep_objects(sent, verb.i, preps) or \
                    self._prep_objects(sent, passive_theme.i, preps)
            else:
                target = self._passive_subject(sent, verb)
            if not target and rel_head is not None and pattern.code in NON_RECIPROCAL_CODES:
                # "Israel and Hezbollah agreed to a ceasefire brokered by France": mediated
                # between the parties to what was brokered
                target = self._parties_to(sent, rel_head)
            if not source and pass_subj is not None and obj is None and \
                    lemma_of(verb) in FORCE_MOVING_VERBS:
                # "US troops had been deployed to Haiti", "French troops were withdrawn from
                # Mali": a state moves its own forces
                source = [replace(m, code=m.code[:3], rule=m.rule + "+own-forces")
                          for m in self._resolve(sent, pass_subj.i)
                          if roles_of(m.code) == {"MIL"} and m.code[:3].isalpha()
                          and m.code[:3] not in NON_STATE_PREFIXES]
                if source:
                    target = self._prep_objects(sent, verb.i, ("to", "into", "in", "from"))
        else:
            source = self._subject(sent, verb) or self._gerund_owner(sent, verb)
            target = []
            preps = pattern.preps or DEFAULT_TARGET_PREPS
            if lemma_of(verb) in SENDING_AWAY:
                # "expelled them to Guatemala": where they were sent is no party to it
                preps = tuple(p for p in preps if p not in ("to", "into", "toward", "towards"))
            if obj is not None and lemma_of(obj) not in self.patterns.nouns:
                target = self._resolve(sent, obj.i)
                own = any(c.dep == "poss" and c.lower in ("its", "their", "his", "her")
                          for c in sent.children(obj.i))
                if own and target and source and all(t.code[:3] in {s.code[:3] for s in source}
                                                     for t in target):
                    # its own forces are not the target: "Chad withdrew its troops from Mali"
                    alt = self._prep_objects(sent, verb.i, ("from", "out", *preps)) or \
                        self._prep_objects(sent, obj.i, ("to", "in", "from"))
                    # ("recalled its ambassador to Kenya": Kenya; "Saudi Arabia and Iran
                    # agreed to reopen their embassies": each other's)
                    # ("put its army on high alert": no one's)
                    if alt or self.codebook.lookup(pattern.code).root in ("08", "15", "16") or \
                            len(source) > 1:
                        target = alt
            elif obj is not None:
                # an event noun is no participant; whoever it belongs to is: "condemned the
                # Israeli blockade" criticises Israel, "deliberating Egypt's queries" Egypt
                owner, struck = self._owned_event(sent, obj)
                # ("claimed the attack on a police station": who was attacked)
                target = struck if pattern.code == "015" else owner
                if not target and pattern.code != "015":
                    # ("accused Indian forces": a word for an act and for an agent, here the
                    # agent)
                    target = [m for m in self._resolve(sent, obj.i) if m.rule.endswith("agent")
                              and not any(_same_actor(m.code, s.code) for s in source)]
            if not target:
                target = self._prep_objects(sent, verb.i, preps)
            if not target and obj is not None and not force_on_event:
                target = self._prep_objects(sent, obj.i, preps)
            if not target:
                dative = next((c for c in kids if c.dep == "dative"), None)
                if dative is not None:
                    target = self._resolve(sent, dative.i)
            if not target and obj is not None and self._memory is not None and \
                    lemma_of(obj) in NON_ACTOR_HEADS:
                # "said a Russian helicopter violated its airspace": the owner of the place
                # or thing acted on
                poss = next((c for c in sent.children(obj.i) if c.dep == "poss"
                             and c.lower in ("its", "their")), None)
                code = self.resolver.possessor(sent, poss.i, self._memory) \
                    if poss is not None else None
                if poss is not None and (code is None or any(code[:3] == m.code[:3]
                                                             for m in source)):
                    # (a place is a state's: "Lithuania said a Russian helicopter violated its
                    # airspace" — not the helicopter's)
                    code = next((m.code for m in reversed(self.resolver.mentions(
                        sent, self._memory.names_only())) if m.token_end <= poss.i
                        and len(m.code) == 3 and m.code.isalpha()
                        and m.code not in NON_STATE_PREFIXES), None)
                if poss is not None and code is not None and \
                        not any(code[:3] == m.code[:3] for m in source):
                    target = [Mention(poss.text, poss.start, poss.end, sent.index, poss.i,
                                      poss.i + 1, poss.i, code, "coref:possessive")]
        if not target and (self.codebook.lookup(pattern.code).root in ("18", "19", "20")
                           or pattern.code == "175"):
            target = self._struck_owner(sent, verb, theme, source)
        if pattern.converse and not passive:
            giver = self._prep_objects(sent, verb.i, pattern.preps or ("from",))
            if not giver and obj is not None:
                giver = self._prep_objects(sent, obj.i, pattern.preps or ("from",))
            source, target = giver, source
        if not target and not passive and verb.tag == "VBG" and verb.head != verb.i and \
                lemma_of(sent.tokens[verb.head]) in HARM_VERBS:
            # "four children were killed in Israeli tank shelling": the harm befell them
            target = self._passive_subject(sent, sent.tokens[verb.head])
        if "compound" in roles:  # "%": the actors act on each other
            source = target = roles["compound"]
        source = roles.get("source") or source
        target = roles.get("target") or target
        # (a person the dictionary does not know is a party all the same: "accused Pashinyan
        # of giving away land to Azerbaijan" is aimed at him, not at Azerbaijan)
        # (nor is "claimed the attack through its news agency" aimed at the agency)
        unknown_party = obj is not None and not target and (
            self.resolver.is_party(sent, obj.i) or force_on_event or (
                pattern.code == "015" and lemma_of(obj) in self.patterns.nouns) or (
                obj.pos == "PROPN" and obj.ent_type in ("PERSON", "ORG", "")))
        mutual = len(source) > 1 and not target and \
            _reciprocal(self.codebook.lookup(pattern.code).code, lemma_of(verb))
        # ("expelled them to Guatemala": whoever "them" is, not Guatemala, nor the expellers
        # the pronoun was read as)
        if obj is not None and obj.lower in ("him", "her", "them"):
            unknown_party = True
            if source and all(_same_actor(t.code, m.code) for t in target for m in source):
                target = []
        if not passive and not unknown_party and (not target or (source and all(
                _same_actor(t.code, m.code) for t in target for m in source))):
            # (an object that names a party of unknown country — "killed 20 jihadists near the
            # border with Mali" — is the target, unresolved: Mali is not; coordinated parties
            # of a mutual act act on each other — "A and B restored ties in a deal brokered by
            # C")
            # no object or target preposition, or one naming the source itself ("hailed its
            # victory over Ethiopia"): the first other actor in the verb phrase, as PETRARCH
            # codes it ("welcomed memos from Bree", "issued arrest warrants for two Brazilian
            # men"); never inside the object that named the source
            inside = {t.i for t in sent.subtree(obj.i)} if obj is not None and target else set()
            after = self._first_actor_after(sent, verb, source, inside)
            if mutual and after:
                in_obj = {t.i for t in sent.subtree(obj.i)} if obj is not None else set()
                if any(m.head not in in_obj for m in after):
                    after = []  # not an actor of an adjunct ("in a deal brokered by China")
            target = after or target
        if not source and self.codebook.lookup(pattern.code).root == "08":
            owner, owned_target = self._owned_event(sent, obj)
            source, target = owner, target or owned_target
        trigger: tuple[int, ...] = (verb.i,)
        if theme is not None and pattern.objs and (
                theme.lemma.lower() in pattern.objs or theme.lower in pattern.objs):
            trigger = (verb.i, theme.i)
        if cause is not None:
            return _harmed_in(verb, cause, target)
        return _Candidate(pattern, trigger, verb.i, source, target)

    def _is_person(self, sent: ParsedSentence, tok: Token) -> bool:
        """Whether ``tok`` heads a phrase naming people: a person's name, a personal pronoun,
        a count of people ("50 were held"), a noun of people ("two men", "the suspects",
        "opposition leaders") or a people ("20 Palestinians")."""
        if tok.pos == "PROPN" and tok.ent_type in ("PERSON", "") and not self._resolve(
                sent, tok.i) and not self._is_place(sent, tok):
            return True  # a name that is no known actor, body or place ("Siddiqui")
        if tok.lower in PERSON_OBJECT_PRONOUNS or (
                tok.pos == "NUM" and tok.dep in SUBJ_PASS):
            return True
        if tok.pos in ("NOUN", "PROPN") and tok.lemma.lower() in PEOPLE_NOUNS:
            return True
        # a known person, or a people named by their country ("held 20 Palestinians")
        return any(m.rule == "person" or (m.rule == "demonym" and tok.tag in ("NNS", "NNPS"))
                   for m in self._resolve(sent, tok.i))

    def _is_place(self, sent: ParsedSentence, tok: Token) -> bool:
        """Whether ``tok`` heads a place name: one the gazetteer resolves, or a country or
        capital of the actor dictionary ("seized Aleppo", "took Kyiv")."""
        if tok.pos != "PROPN":
            return False
        if self.geocoder is not None and self._geo_ctx is not None and any(
                att.head == tok.i for att in self.geocoder.places(self._geo_ctx, sent)):
            return True
        return any(m.rule in PLACE_RULES for m in self._resolve(sent, tok.i))

    def _parties_to(self, sent: ParsedSentence, noun: Token) -> list[Mention]:
        """The subject of the verb a noun is the object of (through one preposition): "Israel
        and Hezbollah agreed to a ceasefire", "the two sides signed a deal"."""
        tok = noun
        if tok.dep == "pobj" and tok.head != tok.i:
            tok = sent.tokens[tok.head]
        if tok.dep not in ("dobj", "prep") or tok.head == tok.i:
            return []
        verb = sent.tokens[tok.head]
        return self._subject(sent, verb) if verb.pos in ("VERB", "AUX") else []

    def _names_kind(self, sent: ParsedSentence, tokens: list[Token],
                    objs: tuple[str, ...]) -> bool:
        """Whether an object names an actor of a kind a pattern asks for: "@actor" any
        resolved actor, "@state" a country with no role ("suspended Niger"), "@igo" an
        international body ("withdrew from ECOWAS"), "@gov" a government or its leader
        ("ousted the president")."""
        kinds = OBJECT_KINDS.intersection(objs)
        if not kinds:
            return False
        if "@place" in kinds and any(self._is_place(sent, tok) for tok in tokens):
            return True
        if "@person" in kinds and any(self._is_person(sent, tok) for tok in tokens):
            return True
        for tok in tokens:
            for m in self._resolve(sent, tok.i):
                roles = roles_of(m.code)
                if "@actor" in kinds or ("@igo" in kinds and m.code[:3] == "IGO") or (
                        "@gov" in kinds and "GOV" in roles and m.code[:3] != "IGO") or (
                        "@state" in kinds and not roles and len(m.code) == 3
                        and m.code[:3] not in NON_STATE_PREFIXES):
                    return True
        return False

    def _died_in(self, sent: ParsedSentence, verb: Token) -> _Candidate | None:
        """"125 people died in police firing": the firing's owner killed them."""
        cause = self._cause(sent, verb)
        if cause is None:
            return None
        subj = next((c for c in sent.children(verb.i) if c.dep == "nsubj"), None)
        return _harmed_in(verb, cause, self._resolve(sent, subj.i) if subj is not None else [])

    def _cause(self, sent: ParsedSentence, verb: Token) -> _Candidate | None:
        """The act of force a passive harm verb happened in ("killed in an Israeli air strike",
        "wounded during police firing"), when its noun names who did it."""
        for prep in sent.children(verb.i):
            objs = _cause_objects(sent, prep)
            objs += [c for o in objs for c in sent.children(o.i) if _gerund_noun(sent, c)]
            for noun in objs:
                pats = self.patterns.nouns.get(
                    noun.lower if _gerund_noun(sent, noun) or noun.pos == "VERB"
                    else lemma_of(noun))
                if not pats:
                    continue
                cand = self._nominal(sent, noun, pats)
                if cand is not None and cand.source and cand.anchor == noun.i and \
                        self.codebook.lookup(cand.pattern.code).root in ("18", "19", "20"):
                    return cand
        # (also a coordinated harm verb's: "four were killed and five injured when ...")
        harmed = [verb, *(c for c in sent.children(verb.i)
                          if c.dep == "conj" and lemma_of(c) in HARM_VERBS)]
        for clause in (c for v in harmed for c in sent.children(v.i)):
            # "four people were killed when police opened fire", "three died after Israeli
            # jets struck the building": the act of force of a time clause
            if clause.dep != "advcl" or clause.pos != "VERB" or not any(
                    m.dep in ("mark", "advmod") and m.lower in ("when", "as", "after")
                    for m in sent.children(clause.i)):
                continue
            pats = self.patterns.verbs.get(lemma_of(clause))
            if not pats or lemma_of(clause) in HARM_VERBS:
                continue
            cand = self._verbal(sent, clause, pats)
            if cand is not None and cand.source and \
                    self.codebook.lookup(cand.pattern.code).root in ("18", "19", "20"):
                return cand
        return None

    def _gerund_owner(self, sent: ParsedSentence, verb: Token) -> list[Mention]:
        """A gerund the parser took for a verb inside a noun phrase ("killed in Israeli tank
        shelling"): its owner is the actor phrase right before it."""
        if verb.tag != "VBG" or verb.i == 0 or any(c.dep in ("dobj", "aux")
                                                  for c in sent.children(verb.i)):
            return []
        prev = sent.tokens[verb.i - 1]
        if prev.pos not in ("NOUN", "PROPN"):
            return []
        return [m for m in self._resolve(sent, prev.i) if m.token_end == verb.i]

    def _first_actor_after(self, sent: ParsedSentence, verb: Token, source: list[Mention],
                           skip: set[int] | None = None) -> list[Mention]:
        """The first actor after the verb in its phrase, other than the source, outside the
        clauses hanging from the verb (adverbial, relative, coordinated verbs)."""
        skip = set(skip or ())
        own = {m.code for m in source}

        for c in sent.children(verb.i):
            if c.dep in ("advcl", "parataxis", "relcl") or (
                    c.dep == "conj" and c.pos in ("VERB", "AUX")) or (
                    c.dep == "prep" and c.lower == "according"):
                # (nor who tells it: "torched dozens of homes, according to a community
                # leader")
                skip.update(t.i for t in sent.subtree(c.i))
        tried: set[int] = set()
        for t in sent.subtree(verb.i):
            if t.i <= verb.i or t.i in skip or t.pos not in ACTOR_POS:
                continue
            if t.dep in ("npadvmod", "compound") and sent.tokens[t.head].lower in HELD_WORDS:
                continue  # "a government-held district": who holds the place is not hit
            if t.dep == "poss" and t.i + 1 < len(sent.tokens) and \
                    sent.tokens[t.i + 1].lower == "own":
                continue  # "finalised its own deal": the actor's own, no other party
            # a modifier stands for the phrase it modifies ("Israeli troops" → ISRMIL), else
            # for itself ("Egypt's proposal" → Egypt)
            head = t
            while head.dep in ("amod", "compound", "nmod", "flat", "poss") and \
                    head.head != head.i and head.head not in skip:
                head = sent.tokens[head.head]
            for i in dict.fromkeys((head.i, t.i)):
                if i in tried:
                    continue
                tried.add(i)
                found = [m for m in (self._as_place(sent, m) for m in self._resolve(sent, i))
                         if not any(_same_actor(m.code, o) for o in own)]
                if found:
                    return found
        return []

    @staticmethod
    def _as_place(sent: ParsedSentence, m: Mention) -> Mention:
        """A capital named as the place of an act ("a protest in Beijing") is its country,
        not its government."""
        tok = sent.tokens[m.head]
        if m.rule.endswith("metonym") and tok.dep == "pobj" and tok.head != tok.i and \
                sent.tokens[tok.head].lower in PLACE_PREPS:
            return replace(m, code=m.code[:3], rule=m.rule + ":place")
        return m

    def _context_match(self, sent: ParsedSentence, verb: Token, ctx: Any
                       ) -> dict[str, list[Mention]] | None:
        """Match an imported pattern's words around the verb: after it within its subtree,
        before it in the sentence. Role marks ($ + %) take the first actor in the stretch of
        words they stand for; a mark that finds none fails the pattern."""
        after_ok = {t.i for t in sent.subtree(verb.i) if t.i > verb.i}
        n = len(sent.tokens)
        roles: dict[str, list[Mention]] = {}

        def word_at(i: int, w: str) -> bool:
            t = sent.tokens[i]
            return t.lower == w or t.lemma.lower() == w

        def side(slots: tuple[Any, ...], step: int) -> bool:
            inside = (lambda i: i in after_ok) if step > 0 else (lambda i: 0 <= i < verb.i)
            spans: list[tuple[str, int, int]] = []

            def match(k: int, pos: int, open_role: tuple[str, int] | None) -> bool:
                if k == len(slots):
                    if open_role is not None:
                        spans.append((open_role[0], open_role[1], n if step > 0 else -1))
                    return True
                sl = slots[k]
                if sl.role and sl.role != "skip":
                    return match(k + 1, pos, (sl.role, pos))
                starts = [pos] if sl.glued or sl.role == "skip" else (
                    range(pos, n) if step > 0 else range(pos, -1, -1))
                for st in starts:
                    if not inside(st):
                        continue
                    if sl.role == "skip":
                        if match(k + 1, st + step, open_role):
                            return True
                        continue
                    for alt in sl.words:
                        idx = [st + j for j in range(len(alt))] if step > 0 else \
                            [st - len(alt) + 1 + j for j in range(len(alt))]
                        if not all(inside(i) and word_at(i, w) for i, w in zip(idx, alt,
                                                                                strict=True)):
                            continue
                        mark = len(spans)
                        if open_role is not None:
                            spans.append((open_role[0], open_role[1], st))
                        if match(k + 1, (idx[-1] + 1) if step > 0 else (idx[0] - 1), None):
                            return True
                        del spans[mark:]
                return False

            if not match(0, verb.i + step, None):
                return False
            for role, a, b in spans:
                rng = range(a, b) if step > 0 else range(a, b, -1)
                found: list[Mention] = []
                for i in rng:
                    if inside(i):
                        found = self._resolve(sent, i)
                        if found:
                            break
                if not found:
                    return False
                roles[role] = found
            return True

        if not side(ctx.after, 1) or not side(ctx.before, -1):
            return None
        return roles

    def _nominal(self, sent: ParsedSentence, noun: Token, pats: list[Pattern]) -> _Candidate | None:
        pattern = next((p for p in pats if _noun_matches(sent, noun, p)), None)
        if pattern is None:
            return None
        kids = sent.children(noun.i)
        if lemma_of(noun) in DISMISSAL_NOUNS and any(c.dep == "prep" and c.lower == "of"
                                                     for c in kids):
            return None  # "the firing of the army chief": a dismissal, no shooting
        if pattern.code == "173" and lemma_of(noun) in CUSTODY_NOUNS and noun.dep == "pobj" \
                and sent.tokens[noun.head].lower in ("in", "under") and \
                sent.tokens[noun.head].head != noun.head and lemma_of(
                    sent.tokens[sent.tokens[noun.head].head]) in STATE_VERBS:
            return None  # "who remains in detention", "died in custody": a state, no arrest
        source: list[Mention] = []
        anchor = noun.i
        trigger: tuple[int, ...] = (noun.i,)
        for c in kids:  # possessive or actor modifier: "Egypt's", "the Egyptian blockade"
            if c.dep == "poss" and c.lower in ("his", "her", "their") and \
                    lemma_of(noun) in PATIENT_NOUNS:
                continue  # "since her abduction": she was abducted
            if c.dep == "compound" and lemma_of(c) in WEAPON_AGENTS:
                continue  # "a drone attack": the weapon, not who launched it
            if c.dep in ("poss", "amod", "compound", "nmod"):
                source = self._resolve(sent, c.i)
                if lemma_of(c) in FIGURATIVE_MODIFIERS and lemma_of(noun) in THEATRE_NOUNS:
                    return None  # "a court battle", "a price war", "a political fight"
                if source and (c.dep == "compound" and (
                        all(m.rule == "capital-metonym" for m in source) or (
                        lemma_of(noun) in THEATRE_NOUNS
                        and all(m.rule in PLACE_RULES for m in source))) or (
                        lemma_of(noun) in VICTIM_NOUNS and (c.dep in ("amod", "compound") or
                                                            all(len(m.code) == 3
                                                                for m in source)))):
                    # ("the Rwandan genocide", "the country's genocide": its victims, not its
                    # perpetrators)
                    # "the Iraq war", "the Lisbon summit", "the Berlin blockade": where, not who
                    source = []
                    continue
                if source:
                    break
        if not source:
            source = self._agent(sent, noun.i)
        claimed = False
        if not source:
            source = self._claimer(sent, noun)
            claimed = bool(source)
        if not source:
            source = self._possessor_before(sent, noun.i)
        between: list[Mention] = []
        if not source and _reciprocal(pattern.code):
            # "talks between Kenya and Uganda", "clashes between police and protesters": the
            # parties act on each other
            between = self._prep_objects(sent, noun.i, ("between",))
            if len({m.code for m in between}) > 1:
                source = between
            else:
                between = []
        if not source and noun.pos == "VERB":
            source = self._gerund_owner(sent, noun)  # "police firing" as pobj + acl
        if not source and self._memory is not None and self._force(pattern.code) and any(
                c.dep == "det" and c.lower in ("the", "this", "that") for c in kids) and \
                _harm_told(sent, noun):
            # "Police opened fire on the crowd. One man was killed in the firing.": the act
            # named before, by its owner, where the harm it did is told (a bare "before the
            # attack" adds nothing to it)
            source = list(self._memory.act_before(
                sent.index, {noun.lower, lemma_of(noun)}, pattern.code))
        if not source and pattern.code == "173" and _particular(sent, noun):
            # "with the arrest of the VHP leader", "432 arrests have been made": by the police
            # of where it happened, or of the article's country (but "while in detention" is a
            # state, and "detention with no habeas corpus" no particular arrest)
            source = self._implied_agent(sent, noun, pattern)
        head = sent.tokens[noun.i]
        slot = head  # "launched a wave of drone attacks": the container takes the verb
        if head.dep == "pobj" and head.head != head.i:
            of = sent.tokens[head.head]
            if of.lower == "of" and of.head != of.i and \
                    _contents(sent, sent.tokens[of.head]) is head:
                slot = sent.tokens[of.head]
        light = sent.tokens[slot.head] if slot.head != slot.i else None
        if (light is not None and slot.dep in ("dobj", "nsubjpass")
                and lemma_of(light) in LIGHT_VERBS):
            anchor = light.i
            trigger = (light.i, noun.i)
            if not source:
                source = self._subject(sent, light)
        engaged: Token | None = None
        host: list[Mention] = []  # who agreed to an act that has its own actor
        agree = _agreed_to(sent, head)
        if agree is not None and source:
            # "Iran agreed to a visit by UN inspectors": their visit, to Iran
            host = [m for m in self._subject(sent, agree)
                    if m.code not in {s.code for s in source}]
        elif agree is not None:
            # "Hamas agreed to talks with Israel": the agreeing party means to take part
            # (036, planned)
            if agree.pos == "VERB" and any(lemma_of(noun) in p.objs for p in
                                           self.patterns.verbs.get(lemma_of(agree), ())):
                return None  # "agreed to a ceasefire" is the verb's own pattern (0871)
            anchor, trigger = agree.i, (agree.i, noun.i)
            source = self._subject(sent, agree)
            intent = load_modalities()["intent"].code_for(pattern.code)
            if intent is not None:
                pattern = replace(pattern, code=intent)
        if head.dep == "pobj" and head.head != head.i:
            prep = sent.tokens[head.head]
            if prep.lower == "in" and prep.head != prep.i and \
                    lemma_of(sent.tokens[prep.head]) in ENGAGE_VERBS:
                # "rebels engaged peacekeepers in a firefight": the verb's subject and object
                engaged = sent.tokens[prep.head]
                anchor = engaged.i
                trigger = (engaged.i, noun.i)
                source = source or self._subject(sent, engaged)
            elif prep.lower == "on" and prep.head != prep.i and \
                    lemma_of(noun) in STOPPAGE_NOUNS and \
                    lemma_of(sent.tokens[prep.head]) in ON_STRIKE_VERBS:
                # "nurses went on strike": a work stoppage by the verb's subject
                verb = sent.tokens[prep.head]
                anchor, trigger = verb.i, (verb.i, noun.i)
                source = source or self._subject(sent, verb)
                pattern = replace(pattern, code="143")
            elif not source and prep.head != prep.i and (
                    prep.lower in ("in", "during") or (
                        prep.lower == "with"
                        and lemma_of(sent.tokens[prep.head]) in RESPONSE_VERBS) or (
                        prep.lower == "to" and lemma_of(sent.tokens[prep.head]) == "resort")):
                # ("police resorted to firing": theirs)
                # ("China retaliated with tariffs on American goods": its tariffs)
                # "Turkish troops entered Syria in an offensive against Kurdish fighters",
                # "police fired tear gas during a crackdown": an armed or state actor doing
                # something in an act of force is doing that act
                verb = sent.tokens[prep.head]
                if self._acts_in(sent, verb, pattern):
                    anchor = verb.i
                    source = self._subject(sent, verb)
        if lemma_of(noun) in STOPPAGE_NOUNS and source and all(
                _civilian(m.code) for m in source):
            # "trade unions carried out strikes", "a teachers' strike": no attack
            pattern = replace(pattern, code="143")
        preps = pattern.preps or DEFAULT_TARGET_PREPS
        target = between or self._prep_objects(sent, noun.i, (*preps, "of"))
        if not target and engaged is not None:
            obj = next((c for c in sent.children(engaged.i) if c.dep == "dobj"), None)
            target = self._resolve(sent, obj.i) if obj is not None else []
        if not target and anchor != noun.i:
            target = self._prep_objects(sent, anchor, preps)
        if not target:
            target = self._victims(sent, head)
        if not target and self.codebook.lookup(pattern.code).root == "02":
            target = self._asked(sent, noun.i)
        if not target and host:
            target = host
        if not target and anchor != noun.i and source and not self._unknown_party(
                sent, noun.i, preps):
            # a light verb's phrase, as for verbs: "staged a protest in Beijing" (but "an
            # offensive against Kurdish fighters" names its target, of no known country)
            target = self._first_actor_after(sent, sent.tokens[anchor], source)
        death = _death_of(sent, head)
        if death is not None and self._force(pattern.code):
            # "77 deaths due to police firing", "the death toll from police firing": the act
            # with the harm it did
            trigger = (*trigger, death.i)
        return _Candidate(pattern, trigger, anchor, source, target, claimed=claimed)

    def _acts_in(self, sent: ParsedSentence, verb: Token, pattern: Pattern) -> bool:
        """Whether the active subject of ``verb`` does the act of force named in its "in" or
        "during" phrase: a state's or armed group's, not one it suffered ("lost ten soldiers
        in an attack") or harm verbs, which code themselves ("killed in an air strike")."""
        if verb.pos != "VERB" or lemma_of(verb) in HARM_VERBS | DEATH_VERBS | UNDERGO_VERBS:
            return False
        if self.codebook.lookup(pattern.code).root not in ("15", "16", "17", "18", "19", "20"):
            return False  # "police arrested 20 during a protest": not the police's protest
        kids = sent.children(verb.i)
        if any(c.dep in SUBJ_PASS or c.dep == "auxpass" for c in kids):
            return False
        subj = next((c for c in kids if c.dep in SUBJ), None)
        if subj is None:
            return False
        return any(ARMED_OR_STATE_ROLES & roles_of(m.code) or (
            len(m.code) == 3 and m.code not in NON_STATE_PREFIXES)
            for m in self._resolve(sent, subj.i))

    def _asked(self, sent: ParsedSentence, noun: int) -> list[Mention]:
        """"Cairo's query as to whether Hamas supports ...": who the question is about is
        whom it is put to — the subject of the whether/if clause under the noun."""
        for t in sent.subtree(noun):
            if t.i == noun or t.pos not in ("VERB", "AUX"):
                continue
            if any(c.dep == "mark" and c.lower in ("whether", "if") for c in sent.children(t.i)):
                subj = next((c for c in sent.children(t.i) if c.dep == "nsubj"), None)
                return self._resolve(sent, subj.i) if subj is not None else []
        return []

    def _victims(self, sent: ParsedSentence, noun: Token) -> list[Mention]:
        """"Four children were killed in Israeli tank shelling": who the harm verb governing
        the attack noun ("killed in", "wounded by", "died in") befell is its target."""
        if noun.dep != "pobj" or noun.head == noun.i:
            return []
        prep = sent.tokens[noun.head]
        if prep.lower not in ("in", "by", "during", "from") or prep.head == prep.i:
            return []
        verb = sent.tokens[prep.head]
        if lemma_of(verb) not in HARM_VERBS:
            return []
        for c in sent.children(verb.i):
            if c.dep in ("nsubjpass", "nsubj"):
                return self._resolve(sent, c.i)
        return []

    def _possessor_before(self, sent: ParsedSentence, noun: int) -> list[Mention]:
        """"Hamas' cross-border cooperation" parsed without a poss arc: the actor right before
        a possessive marker that opens the noun's phrase."""
        start = min(t.i for t in sent.subtree(noun) if t.i <= noun)
        k = start - 1
        if k >= 1 and sent.tokens[k].text in ("'", "’", "'s", "’s"):
            return self._resolve(sent, k - 1, follow_conj=False)
        return []

    def _owned_event(self, sent: ParsedSentence, obj: Token | None) -> tuple[list[Mention],
                                                                             list[Mention]]:
        """Source and target of a nominal event that is the object of a verb of easing or
        ending ("alleviate the Egyptian blockade of the Strip": Egypt eases it, on Gaza)."""
        if obj is None or lemma_of(obj) not in self.patterns.nouns:
            return [], []
        cand = self._nominal(sent, obj, self.patterns.nouns[lemma_of(obj)])
        if cand is None:
            return [], []
        return cand.source, cand.target

    # -- participants
    def _subject(self, sent: ParsedSentence, verb: Token, depth: int = 0) -> list[Mention]:
        """The source of a verb: its subject, or one inherited through control, coordination
        or a relative clause."""
        if depth > 6:
            return []
        for c in sent.children(verb.i):
            if c.dep in SUBJ and self._in_dateline(c.start):
                continue  # "NAIROBI, Kenya — Police arrested ...": the dateline is no subject
            if c.dep in SUBJ:
                if c.lower in RELATIVE_PRONOUNS and verb.dep == "relcl":
                    return self._resolve(sent, verb.head)
                found = self._resolve(sent, c.i)
                if not found:  # "TEL AVIV – An Islamic Jihad delegation ... conveyed"
                    for a in sent.children(c.i):
                        if a.dep == "appos":
                            found = self._resolve(sent, a.i)
                            break
                return found
            if c.dep in SUBJ_PASS:
                if depth > 0:  # "its militants were seen attacking", "is expected to attack"
                    return self._resolve(sent, c.i)
                return []
        for c in sent.children(verb.i):
            if c.dep == "aux":  # a parse that hangs the subject on the auxiliary
                subj = next((g for g in sent.children(c.i) if g.dep in SUBJ), None)
                if subj is not None:
                    return self._resolve(sent, subj.i)
        if verb.head == verb.i:
            return []
        head = sent.tokens[verb.head]
        if verb.dep == "acl" and lemma_of(head) in PURPOSE_NOUNS and head.dep == "pobj":
            # "in an attempt to embarrass Hamas": the purpose is the main verb subject's
            prep = sent.tokens[head.head]
            if prep.head != prep.i and sent.tokens[prep.head].pos in ("VERB", "AUX"):
                return self._subject(sent, sent.tokens[prep.head], depth + 1)
        if verb.dep == "conj" and (lifted := status_mod.lifted_conjunct(sent, verb)) is not None:
            # "Beijing said the boat had intruded and warned Manila": the warning is Beijing's
            return self._subject(sent, lifted, depth + 1)
        if verb.dep == "xcomp" and verb.tag == "VBG" and lemma_of(head) in PREVENT_VERBS:
            return []  # "a law to deter begging": nobody's begging
        if verb.dep == "xcomp" and head.pos == "VERB":
            doer = self._controller(sent, head)
            if doer:
                return doer
        if verb.dep in ("xcomp", "conj", "advcl", "acomp") and head.pos in ("VERB", "AUX", "ADJ"):
            kids = sent.children(verb.i)
            if verb.dep == "advcl" and not any(c.dep == "aux" and c.lower == "to" for c in kids) \
                    and not (verb.tag == "VBG" and not any(c.dep == "mark" for c in kids)
                             and any(c.dep == "nsubj" for c in sent.children(head.i))):
                # (a participle adjunct shares an active clause's subject: "police fired at
                # the mob, killing one")
                return []
            return self._subject(sent, head, depth + 1)
        if verb.dep == "relcl":
            return self._resolve(sent, verb.head)
        if verb.dep == "acl" and head.dep in ("dobj", "attr") and head.head != head.i and \
                lemma_of(head) in INTENT_NOUNS and any(
                    c.dep == "aux" and c.lower == "to" for c in sent.children(verb.i)):
            # "Putin had no plans to meet Zelensky": the plan's holder would do it; "blocked
            # an EU decision to send aid": the decision's owner would
            owner = [m for c in sent.children(head.i) if c.dep in ("poss", "compound", "amod")
                     for m in self._resolve(sent, c.i)]
            return owner or self._subject(sent, sent.tokens[head.head], depth + 1)
        if verb.dep == "acl" and verb.tag in ("VBG",):
            return self._resolve(sent, verb.head)
        if (verb.dep == "pcomp" or (verb.dep == "pobj" and verb.tag == "VBG")) and \
                head.dep == "prep":
            grand = sent.tokens[head.head]
            if grand.pos in ("VERB", "AUX"):
                if (head.lower in ("of", "for", "from") and lemma_of(grand) not in
                        SUBJECT_CONTROL) or (head.lower == "with" and
                                             lemma_of(grand) in CHARGE_VERBS):
                    # "accused Eritrea of backing rebels", "thanked Qatar for mediating",
                    # "charged nine suppliers with helping Ahold": the object does it, even
                    # one of no known country
                    obj = next((c for c in sent.children(grand.i) if c.dep == "dobj"), None)
                    if obj is not None:
                        return self._resolve(sent, obj.i)
                return self._subject(sent, grand, depth + 1)
        return []

    def _controller(self, sent: ParsedSentence, head: Token) -> list[Mention]:
        """The actor object of an object-control verb ("urged Israel to attack", "called on
        Israel to halt"), which is the subject of its infinitive; [] when there is none."""
        if lemma_of(head) in SUBJECT_CONTROL:
            return []
        for c in sent.children(head.i):
            if c.dep == "dobj":
                return self._resolve(sent, c.i)
            if c.dep == "prep" and c.lower in ("on", "upon"):
                for g in sent.children(c.i):
                    if g.dep == "pobj":
                        return self._resolve(sent, g.i)
        return []

    def _passive_subject(self, sent: ParsedSentence, verb: Token) -> list[Mention]:
        for c in sent.children(verb.i):
            if c.dep in SUBJ_PASS:
                if c.lower in RELATIVE_PRONOUNS and verb.dep == "relcl":
                    return self._resolve(sent, verb.head)
                return self._resolve(sent, c.i)
        if verb.dep in ("acl", "relcl") or (verb.dep == "amod" and verb.i < verb.head):
            return self._resolve(sent, verb.head)
        return []

    @staticmethod
    def _has_prep(sent: ParsedSentence, head: int, preps: Iterable[str]) -> bool:
        preps = set(preps)
        # (a time phrase is no argument: "insisted on Wednesday that ...")
        return any(c.dep in ("prep", "dative", "prt") and c.lower in preps and not any(
            g.dep == "pobj" and g.ent_type in ("DATE", "TIME") for g in sent.children(c.i))
            for c in sent.children(head))

    def _claimer(self, sent: ParsedSentence, noun: Token) -> list[Mention]:
        """Who claims an attack: "IS claimed the attack", "al-Shabaab claimed responsibility
        for the bombing", "the attack was claimed by IS". The event is then theirs, and its
        status (from "claim") is claimed, with them as claimant."""
        tok = noun
        verbs = {"claim"}  # "claimed the attack"; "accepted the offer" is no claim
        if tok.dep == "pobj" and tok.head != tok.i:
            prep = sent.tokens[tok.head]
            owner = sent.tokens[prep.head]
            if prep.lower != "for" or lemma_of(owner) not in ("responsibility", "credit"):
                return []
            tok, verbs = owner, CLAIM_VERBS
        if tok.head == tok.i:
            return []
        verb = sent.tokens[tok.head]
        if lemma_of(verb) not in verbs:
            return []
        if tok.dep == "dobj":
            return self._subject(sent, verb)
        if tok.dep == "nsubjpass" and verb.lower != "claims":
            return self._agent(sent, verb.i)
        return []

    def _implied_agent(self, sent: ParsedSentence, verb: Token, pattern: Pattern
                       ) -> list[Mention]:
        """"The suspects were arrested": only a state's police arrest and only its courts jail,
        charge or sentence, so an agentless arrest or jailing is by the police or courts of the
        country it happens
        in ("arrested in Kenya"), else of the country the article is about. [] when neither is
        known."""
        role = IMPLIED_AGENTS.get(" ".join(pattern.lemma))
        if pattern.code == "0841" and lemma_of(verb) in ("release", "free"):
            # "was freed from prison", "was released on bail": a state lets its prisoners go
            # (but "the hostages were released" may be by their captors)
            held = {lemma_of(g) for c in sent.children(verb.i) if c.dep == "prep"
                    and c.lower in ("from", "on") for g in sent.children(c.i)
                    if g.dep == "pobj"}
            role = "JUD" if "bail" in held else "GOV" if held & CUSTODY_NOUNS else None
            if role is None:
                return []
        elif role is None or pattern.code not in ("173", "116"):
            return []
        country = next((m.code[:3] for m in self._prep_objects(sent, verb.i, ("in",))
                        if m.rule in ("country", "capital-metonym")), None)
        if country is None and self._memory is not None:
            # a gazetteer place of one country ("in Kampala" with locations on), else the
            # article's country
            placed = self._memory.place_countries(sent)
            country = next(iter(placed)) if len(placed) == 1 else self._memory.home_country()
        if country is None:
            # "Senegalese opposition leader Ousmane Sonko was freed from prison": a state's
            # police and courts act on its own people
            patient = next((c for c in sent.children(verb.i) if c.dep == "nsubjpass"), None)
            own = {m.code[:3] for m in self._resolve(sent, patient.i)} \
                if patient is not None else set()
            # (only in a sentence of that one country: "Kigali hoped French officials would
            # be indicted" is no French court's act)
            named = {m.code[:3] for m in self.resolver.mentions(sent)}
            country = own.pop() if len(own) == 1 and not own & NON_STATE_PREFIXES and \
                next(iter(own)).isalpha() and named <= own else None
        if country is None:
            return []
        return [Mention(verb.text, verb.start, verb.end, sent.index, verb.i, verb.i + 1, verb.i,
                        country + role, "implied:" + role.lower())]

    def _agent(self, sent: ParsedSentence, head: int, depth: int = 0) -> list[Mention]:
        for c in sent.children(head):
            if c.dep == "agent" or (c.dep == "prep" and c.lower == "by"):
                for g in sent.children(c.i):
                    if g.dep == "pobj":
                        found = self._resolve(sent, g.i)
                        if not found and g.lemma.lower() in MUNITIONS and depth < 2:
                            # "shot down by a missile fired by separatists": who fired it
                            found = self._fired_by(sent, g, depth)
                        return found
        return []

    def _struck_owner(self, sent: ParsedSentence, verb: Token, theme: Token | None,
                      source: list[Mention]) -> list[Mention]:
        """"Shelled Ukraine's positions", "struck Hezbollah's depots", "accused Azerbaijan of
        firing on its positions": force on what an actor owns is force on the actor."""
        struck = [theme] if theme is not None else []
        for c in sent.children(verb.i):
            if c.dep == "prep" and c.lower in STRUCK_PREPS:
                struck.extend(g for g in sent.children(c.i) if g.dep == "pobj")
        own = {m.code for m in source}
        for noun in struck:
            poss = next((c for c in sent.children(noun.i) if c.dep == "poss"), None)
            if poss is None:
                continue
            if poss.lower in POSSESSIVE_PRONOUNS:
                # the nearest collective actor before it, other than the one who strikes
                before = [m for m in self.resolver.mentions(sent, ArticleMemory(shallow=True))
                          if m.token_end <= poss.i and m.code not in own
                          and m.code[:3] not in {o[:3] for o in own}
                          and (sent.tokens[m.head].pos == "PROPN" or m.code[:3].isalpha())]
                return before[-1:]
            found = [m for m in self._resolve(sent, poss.i) if m.code not in own]
            if found:
                return found
        return []

    def _fired_by(self, sent: ParsedSentence, weapon: Token, depth: int) -> list[Mention]:
        for v in sent.children(weapon.i):
            if v.dep not in ("acl", "relcl") or v.pos != "VERB":
                continue
            # (also through "believed to be fired by")
            for verb in (v, *(x for x in sent.children(v.i) if x.dep == "xcomp")):
                found = self._agent(sent, verb.i, depth + 1)
                if found:
                    return found
        return []

    def _prep_objects(
        self, sent: ParsedSentence, head: int, preps: Iterable[str]
    ) -> list[Mention]:
        preps = set(preps)
        for c in sent.children(head):
            if c.dep in ("prep", "dative") and c.lower in preps:
                for g in sent.children(c.i):
                    if g.dep == "pobj":
                        found = self._resolve(sent, g.i)
                        if found:
                            return found
        return []

    def _unknown_party(self, sent: ParsedSentence, head: int, preps: Iterable[str]) -> bool:
        """Whether a target preposition of ``head`` names a party that resolves to no actor."""
        return any(c.dep == "prep" and c.lower in preps and any(
            g.dep == "pobj" and self.resolver.is_party(sent, g.i) for g in sent.children(c.i))
            for c in sent.children(head))

    # -- events
    def _events(
        self, sent: ParsedSentence, cand: _Candidate, article: Article | None
    ) -> list[Event]:
        if not cand.source:
            return []
        info = self.codebook.lookup(cand.code or cand.pattern.code)
        result = status_mod.analyse(
            sent, cand.governors[-1] if cand.speech_act and cand.governors else cand.anchor,
            intent_code=info.root in ("03", "13"),
            said_act=info.root in SAID_ROOTS,
        )
        claimant = self._claimant(sent, result, article)
        if claimant is not None and claimant.code is None and info.root in SAID_ROOTS | {"17"}:
            claimant = self._own_organ(sent, result, claimant, cand.source, info.root)
        if info.code == "183" and all(len(m.code) == 6 and m.code[3:] in ("MIL", "GOV")
                                      for m in cand.source):
            # state forces bombing: from the air (195), not a planted bomb (183)
            info = self.codebook.lookup("195")
        anchor_lemma = lemma_of(sent.tokens[cand.anchor])
        if info.code in ("145", "173") and all(roles_of(m.code) & NON_STATE_ARMED
                                               for m in cand.source) and (
                info.code == "145" or anchor_lemma in ("raid", "storm")):
            # "gunmen stormed the compound", "gang members raided a police station": armed
            # men attack; they neither riot nor arrest
            info = self.codebook.lookup("190")
        if info.code == "051" and anchor_lemma in ("support", "back", "sponsor") and \
                cand.target and all(roles_of(m.code) & NON_STATE_ARMED or
                                    m.code.startswith("IMG") for m in cand.target):
            # "Rwanda denies supporting the militia", "rebels backed by Rwanda": backing an
            # armed group is arming it
            info = self.codebook.lookup("072")
        if ((info.root == "19" and anchor_lemma in RIOT_VERBS) or
                info.code == "1712") and all(_civilian(m.code) for m in cand.source):
            # "students clashed with police", "protesters stormed the residence", "a
            # protester demolished the building": a riot (CAMEO's 17 is coercion by those
            # who rule)
            info = self.codebook.lookup("145")
        if info.code == "111" and lemma_of(sent.tokens[cand.anchor]) == "attack" and all(
                roles_of(m.code) & ARMED_ROLES for m in cand.source):
            # "troops attacked the army's positions": armed men attack with arms
            info = self.codebook.lookup("190")
        if info.code == "140" and lemma_of(sent.tokens[cand.anchor]) == "protest" and all(
                m.code[:3] not in NON_STATE_PREFIXES and roles_of(m.code) <= {"GOV"}
                and sent.tokens[m.head].tag not in ("NNS", "NNPS")  # ("indigenous groups")
                for m in cand.source) and not any(
                c.dep == "prep" and c.lower in ("outside", "near", "in", "at", "across")
                for c in sent.children(cand.anchor)):
            # (but "Serbs protested outside the embassy" is a demonstration)
            # "China protested the visit": a state's protest is an official complaint
            info = self.codebook.lookup("114")
        # (an imported PETRARCH dictionary spells its own negated patterns out)
        refused = _refusal(info.code, result) if cand.pattern.origin != "petrarch" else None
        if refused is not None:
            info = self.codebook.lookup(refused)
        trig_toks = [sent.tokens[i] for i in sorted(cand.trigger)]
        t_start, t_end = trig_toks[0].start, trig_toks[-1].end
        trigger = Span(sent.text[t_start - sent.start : t_end - sent.start], t_start, t_end)
        anchor_toks = tuple(sorted({*cand.trigger, cand.anchor}))
        location = None
        struck: Mention | None = None
        if self._geo_ctx is not None and self.geocoder is not None:
            match = self.geocoder.place(self._geo_ctx, sent, anchor_toks)
            location = match.location if match is not None else None
            if match is not None and not cand.target and info.root in ("18", "19", "20"):
                struck = _struck_place(sent, cand, match)
            elif match is not None and not cand.target and info.code in SYMPATHY_CODES:
                struck = _mourned_place(sent, cand, match)
        date, precision = (None, None)
        if self.dates and article is not None:
            from tidings.time import event_date

            date, precision = event_date(article, sent, anchor_toks)
        targets: list[Mention | None] = list(cand.target) or [struck]
        if info.root <= "13" and info.code != "015" and cand.target and \
                len(cand.source) == 1 and all(
                t.rule.endswith(":place") for t in cand.target):
            # "signed a peace agreement in Pretoria", "met in Cairo": where words and
            # cooperation happen is no party to them (responsibility claimed for an attack
            # keeps the place the attack hit)
            targets = [None]
        if info.root in ("18", "19", "20"):
            # "fired shells at Seoul": a capital hit by force is the place, not the government
            targets = [_hit_place(t) for t in targets]
        pairs = [(s, t) for s in cand.source for t in targets]
        place_only = all(t.rule.endswith(":place") for t in cand.target)
        if place_only and len(cand.source) > 1 and \
                _reciprocal(info.code, lemma_of(sent.tokens[cand.anchor])) and not (
                    info.root == "03" and sent.tokens[cand.anchor].pos == "NOUN"):
            # (but "a proposal by Egypt and Sudan" is theirs together, to someone else)
            # (where "A and B clashed in Khartoum" happened does not stop them acting on each
            # other)
            # "Brazil and the United States agreed to deepen ties": each acts on the other
            pairs = [(s, t) for s in cand.source for t in cand.source if t is not s]
        out: list[Event] = []
        for src, tgt in pairs:
            if True:
                if tgt is not None and _same_actor(src.code, tgt.code):
                    continue
                confidence = 0.5 + (0.2 if tgt is not None else 0.0) + (
                    0.1 if cand.pattern.objs or cand.pattern.preps else 0.0
                ) + (0.1 if not src.rule.startswith(("coref", "implied")) else 0.0)
                article_id = sent.article_id
                out.append(
                    Event(
                        article_id=article_id,
                        event_id=event_id(article_id, sent.index, t_start, t_end, info.code,
                                          src.code, tgt.code if tgt else None),
                        sentence_index=sent.index,
                        sentence=sent.text,
                        source=ActorRef(src.text, src.code, src.start, src.end),
                        target=ActorRef(tgt.text, tgt.code, tgt.start, tgt.end) if tgt else None,
                        cameo=info.code,
                        cameo_root=info.root,
                        cameo_name=info.name,
                        goldstein=info.goldstein,
                        quad_class=info.quad_class,
                        plover=Plover(info.plover_type, info.plover_mode)
                        if info.plover_type else None,
                        status="claimed" if cand.claimed and result.status == "asserted"
                        else "asserted" if _said_by_itself(info.code, info.root, result,
                                                           claimant, src)
                        else result.status if refused is None else (
                            "claimed" if claimant is not None and claimant.code != src.code
                            and any(c.startswith(("speech:", "report:")) for c in result.cues)
                            else "asserted"),
                        condition=result.condition,
                        claimant=claimant if claimant is not None or not cand.claimed
                        else ActorRef(src.text, src.code, src.start, src.end),
                        trigger=trigger,
                        date=date,
                        date_precision=precision,
                        location=location,
                        confidence=round(min(confidence, 0.95), 2),
                        coder=self.name,
                        evidence=(trigger,),
                    )
                )
        return out

    def _own_organ(self, sent: ParsedSentence, result: status_mod.StatusResult,
                   claimant: ActorRef, source: list[Mention], root: str) -> ActorRef:
        """"Egypt urged Ethiopia to halt the filling, the foreign ministry said": a ministry,
        spokesman, court or state media named with no country that reports a state's words
        (a statement, appeal, demand, rebuke or rejection) is that state's own; so are
        prosecutors, police or a ministry reporting the state's arrests and charges ("Germany
        arrested three men, federal prosecutors said")."""
        if result.speaker is None:
            return claimant
        role = self.resolver.bare_role(sent, result.speaker)
        countries = {m.code[:3] for m in source}
        if role not in SPEAKING_ORGANS or len(countries) != 1 or (
                root == "17" and (role not in ("COP", "JUD", "GOV") or any(
                    roles_of(m.code) - {"COP", "JUD", "GOV"} for m in source))):
            return claimant
        country = next(iter(countries))
        if not country.isalpha() or country in NON_STATE_PREFIXES or \
                country in self.resolver.dictionary.regions:
            return claimant
        return replace(claimant, code=country + role)

    def _claimant(
        self, sent: ParsedSentence, result: status_mod.StatusResult, article: Article | None
    ) -> ActorRef | None:
        if result.speaker is None:
            if result.speaker_verb is not None:
                return None
            return None
        found = self._resolve(sent, result.speaker, follow_conj=False)
        speaker_tok = sent.tokens[result.speaker]
        if not found and lemma_of(speaker_tok) in OFFICE_NOUNS:
            # "his office said", "the minister's spokesman said": whose office speaks
            owner = next((c for c in sent.children(speaker_tok.i) if c.dep == "poss"), None)
            if owner is not None and owner.pos == "PRON" and self._memory is not None:
                code = self.resolver.possessor(sent, owner.i, self._memory)
                if code is not None:
                    return ActorRef(sent.text[owner.start - sent.start:speaker_tok.end
                                              - sent.start], code, owner.start,
                                    speaker_tok.end)
            elif owner is not None:
                found = self._resolve(sent, owner.i, follow_conj=False)
        span = sent.subtree(result.speaker)
        text = sent.text[span[0].start - sent.start : span[-1].end - sent.start]
        if article is not None and article.outlet and article.outlet.lower() in text.lower():
            return ActorRef(text, "OUTLET", span[0].start, span[-1].end)
        if found:
            m = found[0]
            return ActorRef(m.text, m.code, m.start, m.end)
        if (speaker_tok.ent_type == "ORG" and result.outlet_claim) or \
                lemma_of(speaker_tok) in OUTLET_NOUNS or (
                    lemma_of(speaker_tok) == "agency" and any(
                        c.dep == "compound" and c.lower == "news"
                        for c in sent.children(speaker_tok.i))):
            # "Breitbart reported", "the newspaper said": the publication vouches
            return ActorRef(text, "OUTLET", span[0].start, span[-1].end)
        return ActorRef(text, None, span[0].start, span[-1].end)


def _said_by_itself(code: str, root: str, result: status_mod.StatusResult,
                    claimant: ActorRef | None, src: Mention) -> bool:
    """"The ministry said it regretted the decision", "Kigali said it rejected the charge": a
    verbal act reported by its own author is made by the saying, so it is asserted, not
    claimed (the intents and threats of 03 and 13 keep the status of the promised act)."""
    if result.status != "claimed" or root not in SAID_ROOTS - {"03", "13"} or \
            code in DONE_NOT_SAID:
        return False
    if claimant is None or not claimant.code or not (
            claimant.code.startswith(src.code) or src.code.startswith(claimant.code)):
        return False
    claims = [c for c in result.cues if c.startswith(("speech:", "report:", "claim-adverb:",
                                                      "according-to", "evidential:",
                                                      "media:", "accusation:"))]
    return bool(claims) and all(c.startswith("speech:") for c in claims)


def _harm_told(sent: ParsedSentence, noun: Token) -> bool:
    """Whether the noun names what harm came from: "killed in the firing", "died during the
    clashes", "the attack killed five", "deaths in the shelling"."""
    if noun.dep == "nsubj" and noun.head != noun.i:
        verb = sent.tokens[noun.head]
        return lemma_of(verb) in HARM_VERBS or (lemma_of(verb) == "leave" and any(
            c.lower in HARM_OUTCOMES for c in sent.children(verb.i)))
    if noun.dep != "pobj" or noun.head == noun.i:
        return False
    prep = sent.tokens[noun.head]
    if prep.head == prep.i:
        return False
    up = sent.tokens[prep.head]
    if up.lower in ("due", "owing") and up.head != up.i:
        up = sent.tokens[up.head]
    return lemma_of(up) in HARM_VERBS | DEATH_VERBS or up.lower in HARM_OUTCOMES or \
        _death_of(sent, noun) is not None


def _death_of(sent: ParsedSentence, noun: Token) -> Token | None:
    """The noun of harm an act of force is the cause of: "deaths in police firing", "77
    deaths due to police firing", "the death toll from the shelling", "injuries in the
    firing"."""
    if noun.dep != "pobj" or noun.head == noun.i:
        return None
    prep = sent.tokens[noun.head]
    if prep.lower == "to" and prep.head != prep.i and \
            sent.tokens[prep.head].lower in ("due", "owing"):
        prep = sent.tokens[prep.head]
    elif prep.lower not in ("in", "from", "during", "by"):
        return None
    if prep.head == prep.i:
        return None
    owner = sent.tokens[prep.head]
    if owner.lemma.lower() in HARM_NOUNS:
        return owner
    # ("the death toll": from its first word)
    return next((c for c in sent.children(owner.i) if c.dep == "compound"
                 and c.lemma.lower() == "death" and owner.lemma.lower() in DEATH_NOUNS), None)


def _cause_objects(sent: ParsedSentence, prep: Token) -> list[Token]:
    """The nouns a preposition of a harm verb names as the harm's cause: "in"/"during"/"from"
    an act, "by" it (passive), "due to", "owing to" or "because of" it."""
    if prep.dep == "agent" or (prep.dep == "prep" and prep.lower in (
            "in", "during", "from", "by")):
        # (or a gerund read as a clause: "died in police firing", "police" its subject)
        return [c for c in sent.children(prep.i) if c.dep == "pobj" or (
            c.dep == "pcomp" and c.tag == "VBG")]
    if prep.dep == "prep" and prep.lower in ("due", "owing", "because"):
        # (the object hangs on "to"/"of", or on the first word itself)
        return [g for c in sent.children(prep.i) if c.lower in ("to", "of")
                for g in sent.children(c.i) if g.dep == "pobj"] + [
            c for c in sent.children(prep.i) if c.dep == "pobj"]
    return []


def _harmed_in(verb: Token, cause: _Candidate, victims: list[Mention]) -> _Candidate:
    """"Four people were killed in police firing": one act, the firing's kind, by its owner,
    on the victims (else the firing's own target); the firing is no second event."""
    return _Candidate(cause.pattern, (verb.i, *cause.trigger), verb.i, cause.source,
                      victims or cause.target, governors=(cause.anchor,))


def _particular(sent: ParsedSentence, noun: Token) -> bool:
    """Whether an event noun names particular acts: plural, determined or modified ("the
    arrests", "his arrest", "four arrests", "the arrest of the leader"), or made ("arrest was
    made"); not a state ("in detention") or a kind of act ("detention without trial")."""
    if noun.dep == "pobj" and sent.tokens[noun.head].lower in ("in", "under"):
        return False
    if noun.tag in ("NNS", "NNPS") or any(
            (c.dep == "prep" and c.lower == "of") or c.dep in ("nummod", "poss", "det", "amod")
            for c in sent.children(noun.i)):
        return True  # ("the arrests", "mass arrests", "his arrest", "four arrests")
    return noun.head != noun.i and noun.dep in ("dobj", "nsubjpass") and \
        lemma_of(sent.tokens[noun.head]) in ("make", "carry")


def _agreed_to(sent: ParsedSentence, noun: Token) -> Token | None:
    """The verb of agreeing whose "to"/"on" object the noun is ("agreed to talks")."""
    if noun.dep != "pobj" or noun.head == noun.i:
        return None
    prep = sent.tokens[noun.head]
    if prep.lower not in ("to", "on", "for") or prep.head == prep.i:
        return None
    verb = sent.tokens[prep.head]
    if prep.lower in ("to", "for") and verb.pos == "ADJ" and verb.lower in READY_WORDS:
        return verb  # "said it was ready for talks", "open to dialogue"
    if prep.lower == "for":
        return None
    return verb if verb.pos == "VERB" and lemma_of(verb) in AGREE_VERBS else None


def _noun_matches(sent: ParsedSentence, noun: Token, p: Pattern) -> bool:
    """Whether a noun pattern matches the noun with the words before it ("military drill")."""
    n = len(p.lemma)
    if n == 1:
        return True
    start = noun.i - n + 1
    return start >= 0 and tuple(t.lemma.lower() for t in sent.tokens[start:noun.i + 1]) == p.lemma


def _contents(sent: ParsedSentence, tok: Token) -> Token | None:
    """What a container noun is of: "a round of sanctions" → sanctions; None for others."""
    if tok.lemma.lower() not in CONTAINER_NOUNS:
        return None
    return next((g for c in sent.children(tok.i) if c.dep == "prep" and c.lower == "of"
                 for g in sent.children(c.i) if g.dep == "pobj"), None)


def _verbal_attack(sent: ParsedSentence, verb: Token) -> bool:
    """"Mbeki attacked British imperialists, saying they ...", "attacked the minister over
    the cuts", "attacked him for failing to act": an attack in words."""
    for c in sent.children(verb.i):
        if c.dep == "advcl" and c.tag == "VBG" and lemma_of(c) in VERBAL_ATTACK_CUES:
            return True
        if c.dep == "prep" and c.lower == "over":
            return True
        if c.dep == "prep" and c.lower == "for" and any(
                g.dep == "pcomp" and g.tag == "VBG" for g in sent.children(c.i)):
            return True
    return False


def _civilian(code: str) -> bool:
    """An actor with a civilian role and no armed or state one (LAB, CVL, EDU, ...)."""
    chunks = roles_of(code)
    return bool(chunks & CIVILIAN_ROLES) and not chunks & ARMED_OR_STATE_ROLES


def _gerund_noun(sent: ParsedSentence, tok: Token) -> bool:
    """A gerund the parser tagged as a verb in a noun's place: the object of a preposition
    ("killed in police firing") or a verb phrase right after its owner ("police firing in
    Karachi" read as "police" + a clause)."""
    if tok.tag != "VBG" or any(c.dep in ("dobj", "aux", "nsubj") for c in sent.children(tok.i)):
        return False
    if tok.dep == "pobj":
        return True
    return tok.dep == "acl" and tok.head == tok.i - 1 and sent.tokens[tok.i - 1].pos == "NOUN"


def _threat_of(code: str) -> str | None:
    """The threat an announced act of force or rupture amounts to ("vowed to wage war" →
    138, "will cut ties" → 1313). Announced coercion of third parties ("pledged to expel the
    exiles", "vowed to arrest the killers") is a plan, not a threat: it keeps its code."""
    if code[:2] not in THREAT_ROOTS:
        return None
    return load_modalities()["threat"].code_for(code)


def _refusal(code: str, result: status_mod.StatusResult) -> str | None:
    """The 12x code of a negated cooperative act declared for the future ("will not
    negotiate" → 125, "not ready to release" → 1243), else None. A negated past act ("did
    not meet") is no refusal: it stays the act, negated."""
    if result.status != "negated" or not any(
            c.startswith(("future:", "future-in-past", "intent:", "intent-code"))
            for c in result.cues) or any(c.startswith("thwarted:") for c in result.cues):
        return None  # (a plan someone else stopped is no refusal by its owner)
    return load_modalities()["refusal"].code_for(code)


def _measure(sent: ParsedSentence, tok: Token) -> bool:
    """An amount or a level rather than a thing that can be struck: "$368bn", "a record"."""
    if tok.lemma.lower() in MEASURE_WORDS or tok.pos == "NUM" or tok.lower in CURRENCY_SIGNS \
            or tok.text[:1].isdigit():
        return True
    return any(c.dep in ("nummod", "quantmod", "nmod", "compound") and c.lower in CURRENCY_SIGNS
               for c in sent.children(tok.i))


def _mourned_place(sent: ParsedSentence, cand: _Candidate, match: Any) -> Mention | None:
    """"Modi offered condolences for the earthquake in Turkey": sympathy for what happened in
    a place is with its country, when the place is inside what is mourned (not "said in
    Delhi")."""
    country = match.location.country
    if country is None or match.start is None or match.location.precision == "dateline":
        return None
    tok = next((t for t in sent.tokens if t.start <= match.start < t.end), None)
    mourned = False
    while tok is not None and tok.head != tok.i:
        parent = sent.tokens[tok.head]
        if tok.dep == "pobj" and parent.lower in MOURNED_PREPS:
            mourned = True
        if parent.i in cand.trigger or parent.i == cand.anchor:
            if not mourned:
                return None
            return Mention(match.text, match.start, match.end, sent.index, tok.i, tok.i + 1,
                           tok.i, country, "place-mourned")
        if parent.pos in ("VERB", "AUX"):
            return None  # the place of another clause
        tok = parent
    return None


def _struck_place(sent: ParsedSentence, cand: _Candidate, match: Any) -> Mention | None:
    """"Missiles hit Kharkiv", "shelled towns near Aleppo": a place struck by force stands for
    its country as the target (as CAMEO codes attacks on places), when the place is the
    action's object or the object of "at"/"on"/"into"/"against"."""
    country = match.location.country
    if country is None or match.start is None or match.location.precision == "dateline":
        return None
    tok = next((t for t in sent.tokens if t.start <= match.start < t.end), None)
    if tok is None:
        return None
    while tok.head != tok.i:
        if tok.dep in ("compound", "flat", "amod"):
            tok = sent.tokens[tok.head]
            continue
        of = sent.tokens[tok.head]
        if tok.dep == "pobj" and of.lower == "of" and of.head != of.i and \
                sent.tokens[of.head].lower in AREA_WORDS:
            tok = sent.tokens[of.head]  # "shelled the outskirts of Goma"
            continue
        break
    head = sent.tokens[tok.head]
    held = tok.dep == "dobj" and head.i in cand.trigger or tok.dep == "nsubjpass" and \
        head.i in cand.trigger
    if tok.dep == "pobj" and head.lower in STRUCK_PREPS and head.head in (*cand.trigger,
                                                                          cand.anchor):
        held = True
    if not held:
        return None
    return Mention(match.text, match.start, match.end, sent.index, tok.i, tok.i + 1, tok.i,
                   country, "place-struck")


def _hit_place(m: Mention | None) -> Mention | None:
    if m is not None and m.rule == "capital-metonym" and len(m.code) > 3:
        return replace(m, code=m.code[:3], rule=m.rule + ":place")  # as ``_as_place``
    return m


def _denied_later(events: list[Event]) -> list[Event]:
    """"The DRC accused Rwanda of sending troops. Kigali denied the accusation": an act
    claimed by an accuser and denied in a later sentence by the accused (a denial aimed at the
    accuser, see ``CameoCoder._referred_target``) is denied, with the denier as claimant."""
    denials = [(d, d.target.code) for d in events if d.cameo == "016" and
               d.target is not None and d.target.code and d.status == "asserted"]
    if not denials:
        return events
    out = list(events)
    for d, accuser in denials:
        for n, e in enumerate(out):
            said = e.claimant.code if e.claimant is not None else None
            if e.status != "claimed" or not said or \
                    not d.sentence_index - 3 <= e.sentence_index < d.sentence_index:
                continue
            if (said.startswith(accuser) or accuser.startswith(said)) and \
                    (e.source.code or "")[:3] == (d.source.code or "-")[:3]:
                out[n] = replace(e, status="denied", claimant=d.source)
    return out


def _asker_of(sent: ParsedSentence, noun: Token) -> Token | None:
    """The verb or noun asking or demanding the act ``noun`` names: "urged talks", "demanded
    the withdrawal", "called for a ceasefire", "renewed calls for the release"."""
    if noun.head == noun.i:
        return None
    head = sent.tokens[noun.head]
    if noun.dep == "dobj" and head.pos == "VERB" and lemma_of(head) in ASKING_VERBS:
        return head
    if noun.dep == "pobj" and head.lower == "for" and head.head != head.i:
        asker = sent.tokens[head.head]
        if lemma_of(asker) in ASKING_FOR:
            return asker
    return None


def _same_actor(a: str, b: str) -> bool:
    """One actor acting on itself (or a group on its own wing) is not an event between two."""
    if a == b:
        return True
    return len(a) >= 9 and len(b) >= 9 and a[:3] == b[:3] and a[-3:] == b[-3:]


def event_id(
    article_id: str, sentence: int, start: int, end: int, code: str, source: str | None,
    target: str | None,
) -> str:
    """Deterministic id from article, sentence, trigger span, code and actors."""
    key = f"{article_id}|{sentence}|{start}|{end}|{code}|{source}|{target}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _actor_key(code: str | None) -> str | None:
    """An actor at country/group level: "EGYGOV" and "EGY" are one actor for merging."""
    if not code:
        return None
    return code[:3] + (code[-3:] if len(code) >= 9 else "")


def _roles_agree(a: str | None, b: str | None) -> bool:
    """Whether two codes of one country may name one actor: unless their roles differ, where
    a state's government and its military are the state acting ("Egypt's war" … "the
    government fights")."""
    ra, rb = roles_of(a or ""), roles_of(b or "")
    return not ra or not rb or ra == rb or (ra | rb) <= STATE_ROLES


def _same_report(a: str, b: str) -> bool:
    """Whether two statuses tell of one act in the same way: equal, or both reported done."""
    return a == b or {a, b} <= REPORTED_DONE


def _headline(sentence: str) -> bool:
    """Whether a sentence is a headline: no full stop, question or exclamation mark ends it."""
    return not sentence.rstrip().endswith((".", "!", "?", "\"", "”", "'", "’"))


def _same_teller(a: Event, b: Event) -> bool:
    """Whether two claimed mentions rest on the same party's word: "India and Pakistan
    exchanged fire, according to the Indian army" and Pakistan's claim that Indian forces
    targeted villages are two claims, not one act told twice."""
    if a.status != "claimed" or b.status != "claimed":
        return True
    x = a.claimant.code if a.claimant is not None else None
    y = b.claimant.code if b.claimant is not None else None
    return not x or not y or x[:3] == y[:3]


def merge_events(events: list[Event]) -> list[Event]:
    """Merge repeated mentions of one event in an article, keeping the first mention and every
    mention's evidence: the same code between the same actors (at country/group level) with the
    same status (within one country, at role level: police and protesters are two parties); and
    a later mention that names no target ("Egypt's queries") into an earlier one by the same
    source (of an agreeing role) with the same code that does ("Cairo's query ... whether
    Hamas"), where both are reported done or their statuses are equal: "the police failed to
    arrest him" is no mention of an arrest reported made; and, the same way, an earlier one
    that names none into the first later one that does, which gives it its target."""
    seen: dict[tuple[str | None, str | None, str, str], list[int]] = {}
    by_source: dict[tuple[str | None, str], list[int]] = {}
    untargeted: dict[tuple[str | None, str], list[int]] = {}
    out: list[Event] = []
    for ev in events:
        src = country = _actor_key(ev.source.code)
        tgt = _actor_key(ev.target.code if ev.target else None)
        if src is not None and src == tgt and ev.target is not None:
            # within one country the roles are the parties ("police clashed with protesters":
            # KENCOP on KENOPP and KENOPP on KENCOP are two acts)
            src, tgt = ev.source.code, ev.target.code
        key = (src, tgt, ev.cameo, ev.status)
        k = next((i for i in seen.get(key, ())
                  if _roles_agree(out[i].source.code, ev.source.code)), None)
        if k is None and ev.target is None:
            # (of the same role, where both name one: the police's detention is not folded
            # into the court's charge)
            k = next((i for i in by_source.get((country, ev.cameo), ())
                      if _roles_agree(out[i].source.code, ev.source.code)
                      and _same_report(out[i].status, ev.status)
                      and _same_teller(out[i], ev)), None)
            if k is None:
                # two mentions naming no target, told close together, one narrated and one
                # claimed ("Houthi rebels fired a missile at a tanker. The group said it had
                # targeted the vessel")
                k = next((i for i in untargeted.get((country, ev.cameo), ())
                          if _roles_agree(out[i].source.code, ev.source.code)
                          and _same_report(out[i].status, ev.status)
                          and _same_teller(out[i], ev)
                          and ev.sentence_index - out[i].sentence_index <= 2), None)
        if k is not None:
            first = out[k]
            out[k] = replace(first, evidence=first.evidence + ev.evidence,
                             confidence=max(first.confidence, ev.confidence))
            continue
        if ev.target is not None:
            # an earlier mention that named no target ("Houthis claim missile attack") told
            # the act this one tells with its target ("fired two missiles at a Greek tanker")
            # (a headline and the body's telling, not any later act of the kind)
            k = next((i for i in untargeted.get((country, ev.cameo), ())
                      if _roles_agree(out[i].source.code, ev.source.code)
                      and _same_report(out[i].status, ev.status)
                      and _same_teller(out[i], ev) and _headline(out[i].sentence)
                      and ev.sentence_index - out[i].sentence_index <= 6), None)
            if k is not None:
                first = out[k]
                untargeted[(country, ev.cameo)].remove(k)
                out[k] = replace(
                    first, target=ev.target, evidence=first.evidence + ev.evidence,
                    confidence=max(first.confidence, ev.confidence),
                    event_id=event_id(first.article_id, first.sentence_index,
                                      first.trigger.start, first.trigger.end, first.cameo,
                                      first.source.code, ev.target.code))
                seen.setdefault(key, []).append(k)
                by_source.setdefault((country, ev.cameo), []).append(k)
                continue
        seen.setdefault(key, []).append(len(out))
        if ev.target is not None:
            by_source.setdefault((country, ev.cameo), []).append(len(out))
        else:
            untargeted.setdefault((country, ev.cameo), []).append(len(out))
        out.append(ev)
    return out


def make_cameo_coder(**kwargs: object) -> CameoCoder:
    """Factory registered under ``tidings.coder.cameo.v1``."""
    return CameoCoder(**kwargs)  # type: ignore[arg-type]
