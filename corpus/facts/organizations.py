"""Organizations: a lexicon of canonical organizations and their aliases, and their mentions.

``canonical_organization`` normalises a mention ("the observatory", "Russia's Defense Ministry",
"SOHR") to one canonical organization; other extractors (attribution, quotes) call it. Phrases
compare without case; single words and acronyms with it, so "IS", "WHO" and "Guardian" are
organizations and "is", "who" and "guardian" are not.

``extract`` finds organization mentions by four rules, most specific first:

1. lexicon aliases (``data/organizations.json``), on word boundaries; one-word and all-caps
   aliases match only as written ("IS" never matches "is", nor anything in an all-caps headline);
2. a country or demonym owning a state body: "Israel's Defense Ministry", "Turkish army";
3. capitalised phrases built on an organization head noun: "Deir ez-Zor Military Council",
   "Ministry of Foreign Affairs" (not in headline-style title-case lines, where every word is
   capitalised and a phrase's edges cannot be seen);
4. unqualified aliases ("the ministry", "Defense Ministry", "General Command") refer back to the
   nearest earlier organization that has them, before falling back to the lexicon's default.

"US" / "U.S." are countries (see places), never organizations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus.facts.document import Document
from corpus.facts.lexicons import (
    MONTHS,
    WEEKDAYS,
    Occupancy,
    demonym_of,
    demonyms,
    function_words,
    is_shouting,
    is_title_case,
    load_data,
    sentence_bounds,
    slug,
    starts_word,
    trie_regex,
)
from corpus.facts.model import ExtractedFact


@dataclass(frozen=True, slots=True)
class Organization:
    """A canonical organization: a stable entity id and its preferred name."""

    entity_id: str
    name: str


_APOSTROPHES = re.compile(r"[’`]")
_LEADING_THE = re.compile(r"^(?i:the)\s+")
_DEFENCE = re.compile(r"\b([Dd])efence\b")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def _key(mention: str) -> str:
    text = _APOSTROPHES.sub("'", mention).strip()
    text = _LEADING_THE.sub("", text)
    text = _DEFENCE.sub(r"\1efense", text)
    return _SPACES.sub(" ", text)


@cache
def _lexicon() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = load_data("organizations")["organizations"]
    return {name: tuple(aliases) for name, aliases in table.items()}


def _organization(name: str) -> Organization:
    return Organization(entity_id=f"organization:{slug(name)}", name=name)


@cache
def _aliases() -> tuple[dict[str, Organization], dict[str, Organization]]:
    """(phrases compared without case, single words compared with it)."""
    caseless: dict[str, Organization] = {}
    exact: dict[str, Organization] = {}
    for canonical, aliases in _lexicon().items():
        org = _organization(canonical)
        for alias in (canonical, *aliases):
            key = _key(alias)
            if " " in key:
                caseless.setdefault(key.lower(), org)
                continue
            # "IS" is not "is", "Guardian" not "guardian"; "the ministry" may open a sentence.
            forms = {key, key.upper(), key[:1].upper() + key[1:] if key.islower() else key}
            for form in forms:
                exact.setdefault(form, org)
    return caseless, exact


def canonical_organization(mention: str) -> Organization | None:
    """Normalise an organization mention to its canonical organization, or None if unknown."""
    key = _key(mention)
    caseless, exact = _aliases()
    return caseless.get(key.lower()) if " " in key else exact.get(key)


def organization_aliases() -> dict[str, tuple[str, ...]]:
    """The lexicon: canonical name -> aliases (for search alias expansion and entity listing)."""
    return dict(_lexicon())


# --- rule 1: lexicon aliases ---------------------------------------------------------------


def _exact_case(alias: str) -> bool:
    # One word ("Guardian", "Amnesty") or an acronym ("IS", "U.N."): common words otherwise.
    return " " not in alias or alias.replace(".", "").replace("-", "").isupper()


@cache
def _alias_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(exact-case aliases, caseless aliases), each one factored alternation."""
    exact: set[str] = set()
    caseless: set[str] = set()
    for canonical, aliases in _lexicon().items():
        for alias in (canonical, *aliases):
            if _exact_case(alias):
                exact.add(alias)
                if " " not in alias and not alias.isupper():
                    exact.add(alias.upper())  # "REUTERS" in a photo credit
            else:
                caseless.add(alias.lower())
    return (
        re.compile(rf"{trie_regex(exact)}(?!\w)"),
        re.compile(rf"{trie_regex(caseless)}(?!\w)"),  # run over the lower-cased text
    )


# --- rule 2: a country's state body ----------------------------------------------------------

# One factored alternation (trie) of the spelled-out bodies: its literal first letters let re
# skip ahead through the text instead of trying every branch at every position.
_BODY_NAMES = [
    *(f"{d} ministry" for d in ("defense", "defence", "foreign", "interior", "health",
                                "justice", "finance", "information", "intelligence")),
    *(f"ministry of {d}" for d in ("defense", "defence", "foreign affairs", "the interior",
                                   "interior", "health", "justice")),
    "army", "military", "navy", "air force", "armed forces", "general staff", "general command",
    "parliament", "intelligence agency", "intelligence service", "security service",
    "security forces", "coast guard", "police",
]  # fmt: skip
_BODIES = re.compile(rf"(?:{trie_regex(_BODY_NAMES)})(?!\w)")  # run over the lower-cased text


@cache
def _owner_pattern() -> re.Pattern[str]:
    table: dict[str, list[str]] = load_data("places")["demonyms"]
    words = trie_regex(w for ws in table.values() for w in ws)
    owner = rf"(?P<country>[A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s|(?P<demonym>{words})"
    return re.compile(rf"(?:{owner}) $")


def _owned_bodies(text: str, lowered: str) -> list[tuple[int, int, Organization]]:
    """State bodies named with their owner: find the body, then look back for the owner."""
    out = []
    for body in _BODIES.finditer(lowered):
        if not starts_word(text, body.start()):
            continue
        window = max(0, body.start() - 40)
        owner = _owner_pattern().search(text, window, body.start())
        if owner is None or not starts_word(text, owner.start()):
            continue
        org = _owned_body(owner, text[body.start() : body.end()])
        if org is not None:
            out.append((owner.start(), body.end(), org))
    return out


def _owned_body(match: re.Match[str], body: str) -> Organization | None:
    if match["country"]:
        from corpus.facts.gazetteer import lookup_place  # the gazetteer loads lazily

        place = lookup_place(match["country"])
        owner = demonym_of(place.country) if place and place.kind == "country" else None
        if place and place.kind == "country" and place.country and owner is None:
            owner = place.canonical
    else:
        code = demonyms().get(match["demonym"].lower())
        owner = match["demonym"] if code and code != "_" else None
    if owner is None:
        return None
    body = re.sub(r"(?i)defence", "defense", body)
    body = re.sub(r"(?i)^ministry of (?:the )?(.*?)(?: affairs)?$", r"\1 ministry", body)
    name = f"{owner} {body.title().replace('Of', 'of')}"
    return canonical_organization(name) or _organization(name)


# --- rule 3: capitalised phrases on a head noun ---------------------------------------------

_WORD = r"(?:(?:al|el|ez|az|as|ad|an|ar|ash|at|es|ed|ul)-)?[A-Z][\w’'.&-]*"
_RUN = re.compile(rf"{_WORD}(?:(?: (?:of|for|the|and|on|de|du|des|la|le))* {_WORD})*")
_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "de", "du", "des", "la", "le"})


@cache
def _heads() -> frozenset[str]:
    return frozenset(load_data("organizations")["heads"])


def _discover(phrase: str) -> str | None:
    # "Sky News and the BBC" is two names; "the Army and Armed Forces" is one.
    for joint in re.finditer(" and ", phrase):
        right = phrase[joint.end() :]
        if right.startswith("the ") or canonical_organization(right) is not None:
            phrase = phrase[: joint.start()]
            break
    words = phrase.split(" ")
    if words[-1].endswith(".") and not words[-1].isupper():
        words[-1] = words[-1][:-1]  # the sentence's full stop, not an abbreviation
    while words and (words[0].lower() in function_words() or _is_calendar(words[0])):
        words = words[1:]
    while words and words[-1] in _CONNECTORS:
        words = words[:-1]
    if len(words) < 2 or not any(w in _heads() for w in words):
        return None
    if words[-1] not in _heads() and not any(w in _CONNECTORS for w in words):
        return None  # "Army positions" is not a name; "Ministry of Defence" is
    return " ".join(words)


def _named(name: str) -> Organization:
    """The organization a discovered phrase names: "Rossiya-24 TV" is the lexicon's Rossiya-24."""
    words = name.split(" ")
    while words:
        known = canonical_organization(" ".join(words))
        if known is not None:
            return known
        if words[-1] not in _heads():
            break
        words = words[:-1]
    return _organization(name)


def _is_calendar(word: str) -> bool:
    return word.lower() in MONTHS or word.lower() in WEEKDAYS


# --- rule 4: unqualified aliases refer back -------------------------------------------------


@cache
def _generic() -> frozenset[str]:
    return frozenset(_key(g).lower() for g in load_data("organizations")["generic"])


@lru_cache(maxsize=4096)
def has_head(org: Organization, head: str) -> bool:
    """True when the organization's name or one of its aliases contains ``head`` ("ministry")."""
    needle = _key(head).lower()
    names = (org.name, *_lexicon().get(org.name, ()))
    return any(re.search(rf"\b{re.escape(needle)}\b", _key(n).lower()) for n in names)


def refer_back(facts: Sequence[ExtractedFact], head: str, before: int) -> Organization | None:
    """The nearest organization mentioned before offset ``before`` whose name has ``head``."""
    for fact in sorted(facts, key=lambda f: f.start, reverse=True):
        if fact.field != "organizations" or fact.start >= before:
            continue
        org = Organization(fact.value["entity_id"], fact.value["name"])
        if has_head(org, head):
            return org
    return None


# --- extraction -----------------------------------------------------------------------------


def extract(doc: Document) -> list[ExtractedFact]:
    """Organization mentions in ``doc``, with aliases grouped under one canonical entity."""
    text = doc.text
    found: list[tuple[int, int, int, Organization | None]] = []  # (start, end, priority, org)
    exact, caseless = _alias_patterns()
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ")
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for pattern, haystack in ((exact, text), (caseless, lowered)):
        for match in pattern.finditer(haystack):
            start = match.start()
            if not starts_word(text, start) or text[start - 1 : start] == ".":
                continue
            if pattern is exact and is_shouting(doc.sentence_at(start).text):
                continue
            org = canonical_organization(text[start : match.end()])
            found.append((start, match.end(), 0, org))
    for start, end, org in _owned_bodies(text, lowered):
        found.append((start, end, 1, org))
    for sentence in doc.sentences:
        if is_title_case(sentence.text):
            continue
        for match in _RUN.finditer(sentence.text):
            name = _discover(match.group())
            if name is None:
                continue
            start = sentence.start + match.start() + match.group().index(name)
            found.append((start, start + len(name), 2, _named(name)))
    return _resolve(doc, _non_overlapping(found))


def _non_overlapping(
    found: list[tuple[int, int, int, Organization | None]],
) -> list[tuple[int, int, Organization]]:
    # The longest mention wins; on a tie, the lexicon beats a construction.
    kept: list[tuple[int, int, Organization]] = []
    taken = Occupancy(max((f[1] for f in found), default=0))
    for start, end, _, org in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        if org is None or not taken.free(start, end):
            continue
        kept.append((start, end, org))
        taken.take(start, end)
    return sorted(kept, key=lambda k: k[0])


def _resolve(doc: Document, mentions: list[tuple[int, int, Organization]]) -> list[ExtractedFact]:
    facts: list[ExtractedFact] = []
    for start, end, org in mentions:
        surface = doc.text[start:end]
        if _key(surface).lower() in _generic():
            org = refer_back(facts, _key(surface), start) or org
        sentence_start, sentence_end = sentence_bounds(doc, start, end)
        facts.append(
            ExtractedFact(
                field="organizations",
                kind="organization",
                value={"name": org.name, "entity_id": org.entity_id, "role": None},
                start=start,
                end=end,
                text=surface,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
            )
        )
    return facts
