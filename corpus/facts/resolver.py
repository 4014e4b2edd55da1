"""The resolver: which body an organization mention names, decided in one place.

Organizations, attribution, quote speakers and the answerer all ask it. A mention names:

1. **an explicit name**: a name or alias in the lexicon (``data/organizations.json``: "SOHR",
   "Agence France-Presse", "FBI"). Phrases compare without case; single words and acronyms
   with it ("IS" is not "is", "Guardian" not "guardian").
2. **an owned state body**: a body ("defense ministry", "army", "police") whose owner sits in
   the same noun phrase: a demonym ("the Israeli defense ministry"), a country's possessive
   ("Nigeria's army", "the US military's Central Command"), an initialism ("U.S. Army") or a
   country after it ("the defense ministry in Russia", "the Ministry of Defence of Ukraine").
   It is named "<demonym> <body>" ("Israeli Defense Ministry", "Nigerian Army", "U.S.
   military") for any country the places tables know, unless the lexicon names it otherwise.
3. **a generic mention**, with no owner ("the ministry", "the foreign ministry", "the army",
   "police", "the coroner's office"): only the nearest body named earlier in the same article
   that is *compatible*: its name has one of the words the head allows ("the army" ~ "Syrian
   Army" or "Syrian military"; "police" ~ "Chicago Police Department"; "the coroner" ~ "Clark
   County Coroner's Office") and every portfolio the mention states ("the foreign ministry"
   needs a foreign ministry). Without one it names nothing and stays as written.

Nothing here defaults: a generic mention never names a body the article does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus.facts.lexicons import (
    demonym_of,
    demonyms,
    function_words,
    load_data,
    slug,
    trie_regex,
)


@dataclass(frozen=True, slots=True)
class Organization:
    """A canonical organization: a stable entity id and its preferred name."""

    entity_id: str
    name: str


def organization(name: str) -> Organization:
    """The organization called ``name`` (its id is the name's slug)."""
    return Organization(entity_id=f"organization:{slug(name)}", name=name)


_APOSTROPHES = re.compile(r"[’`]")
_LEADING_THE = re.compile(r"^(?i:the)\s+")
_DEFENCE = re.compile(r"\b([Dd])efence\b")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def mention_key(mention: str) -> str:
    """A mention as compared: straight apostrophes, no leading "the", "defence" as "defense"."""
    text = _APOSTROPHES.sub("'", mention).strip()
    text = _LEADING_THE.sub("", text)
    text = _DEFENCE.sub(r"\1efense", text)
    return _SPACES.sub(" ", text)


# --- 1. explicit names -----------------------------------------------------------------------


@cache
def _lexicon() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = load_data("organizations")["organizations"]
    return {name: tuple(aliases) for name, aliases in table.items()}


def organization_aliases() -> dict[str, tuple[str, ...]]:
    """The lexicon: canonical name -> its other names (explicit names only)."""
    return dict(_lexicon())


def explicit_spellings(name: str) -> tuple[str, ...]:
    """Every explicit name of the body called ``name`` (itself alone when not in the lexicon)."""
    return (name, *_lexicon().get(name, ()))


@cache
def _aliases() -> tuple[dict[str, Organization], dict[str, Organization]]:
    """(phrases compared without case, single words compared with it)."""
    caseless: dict[str, Organization] = {}
    exact: dict[str, Organization] = {}
    for canonical, aliases in _lexicon().items():
        org = organization(canonical)
        for alias in (canonical, *aliases):
            key = mention_key(alias)
            if " " in key:
                caseless.setdefault(key.lower(), org)
                continue
            forms = {key, key.upper(), key[:1].upper() + key[1:] if key.islower() else key}
            for form in forms:
                exact.setdefault(form, org)
    return caseless, exact


def lexicon_organization(mention: str) -> Organization | None:
    """The lexicon body ``mention`` names explicitly, or None."""
    key = mention_key(mention)
    caseless, exact = _aliases()
    return caseless.get(key.lower()) if " " in key else exact.get(key)


# --- 2. owned state bodies -------------------------------------------------------------------


@cache
def _body_displays() -> dict[str, str]:
    """Lower-case body phrase ("ministry of defence") -> display ("Defense Ministry")."""
    table: dict[str, list[str]] = load_data("organizations")["national_bodies"]
    return {phrase: display for display, phrases in table.items() for phrase in phrases}


@cache
def body_pattern() -> re.Pattern[str]:
    """Every state body phrase, one factored alternation, to run over lower-cased text."""
    return re.compile(rf"(?<!\w)(?:{trie_regex(_body_displays())})(?!\w)")


_INTERMEDIATE = r"(?: (?:military|army|government)['’]s)?"
_OWNER_BEFORE = re.compile(
    rf"(?:(?P<possessive>[A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,2}})['’]s"
    rf"|(?P<word>(?:[A-Z][\w.]*(?:[ -][A-Z][\w.]*)?)|(?:[A-Z]\. ?){{2,3}})){_INTERMEDIATE} $"
)
_OWNER_AFTER = re.compile(
    r"^ (?P<prep>of|in) (?:the )?(?:(?:(?P<demonym>[A-Z][\w]*(?: [A-Z]\w*)?)"
    r"|(?P<possessive>[A-Z][\w.-]*(?: [A-Z][\w.-]*)?)['’]s) (?i:armed forces|army|military)(?!\w)"
    r"|(?P<country>[A-Z][\w.-]*(?: (?:and )?[A-Z][\w.-]*){0,3}))"
)


def owner_code(owner: str, *, possessive: bool = False) -> str | None:
    """The ISO code of the country ``owner`` names: a demonym, a country or an initialism."""
    owner = owner.strip()
    if not possessive:
        code = demonyms().get(owner.lower())
        if code and code != "_":
            return code
        if not owner.replace(".", "").replace(" ", "").isupper():
            return None  # "Kenya Red Cross": a country name before a body is part of a name
    from corpus.facts.gazetteer import lookup_place  # the gazetteer loads lazily

    place = lookup_place(owner)
    return place.country if place is not None and place.kind == "country" else None


def owner_before(text: str, start: int) -> tuple[int, str] | None:
    """The owner right before a body at ``start`` ("Israel's ", "the Israeli "): (start, code)."""
    window = text[max(0, start - 60) : start]
    match = _OWNER_BEFORE.search(window)
    if match is None:
        return None
    offset = start - len(window)
    if match["possessive"]:
        words = match["possessive"].split(" ")
        for i in range(len(words)):  # the shortest tail that is a country ("of Israel's")
            code = owner_code(" ".join(words[i:]), possessive=True)
            if code:
                return offset + match.start() + len(" ".join(words[:i])) + (1 if i else 0), code
        return None
    words = match["word"].split(" ")
    for i in range(len(words)):
        code = owner_code(" ".join(words[i:]))
        if code:
            return offset + match.start() + len(" ".join(words[:i])) + (1 if i else 0), code
    return None


def owner_after(text: str, end: int, display: str) -> tuple[int, str] | None:
    """A country after a body ("... of Ukraine", "... in Russia"): (end of the owner, code)."""
    match = _OWNER_AFTER.match(text[end : end + 80])
    if match is None:
        return None
    if match["prep"] == "in" and not ("Ministry" in display or "Police" in display):
        return None  # "the army in Syria" may be anyone's army; "the ministry in Russia" is not
    if match["demonym"] or match["possessive"]:  # "of the Polish army", "of Mali's army"
        code = owner_code(match["demonym"] or match["possessive"], possessive=not match["demonym"])
        return (end + match.end(), code) if code else None
    words = match["country"].split(" ")
    for j in range(len(words), 0, -1):
        name = " ".join(words[:j])
        code = owner_code(name, possessive=True)
        if code:
            return end + match.start("country") + len(name), code
    return None


def national_body(code: str, phrase: str) -> Organization | None:
    """The body of country ``code`` that ``phrase`` ("defence ministry") names."""
    display = _body_displays().get(mention_key(phrase).lower())
    if display is None:
        return None
    forms: dict[str, str] = load_data("organizations")["owner_forms"]
    from corpus.facts.gazetteer import country_name  # the gazetteer loads lazily

    owner = forms.get(code) or demonym_of(code) or country_name(code)
    if owner is None:
        return None
    name = f"{owner} {display}"
    return lexicon_organization(name) or organization(name)


def body_display(phrase: str) -> str | None:
    """The display name of a state body phrase ("ministry of defence" -> "Defense Ministry")."""
    return _body_displays().get(mention_key(phrase).lower())


def _owned(mention: str) -> Organization | None:
    """A whole mention that is an owned body: "Israel's Defense Ministry", "army of Nigeria"."""
    text = _LEADING_THE.sub("", mention.strip())
    text = _APOSTROPHES.sub("'", text)
    lowered = text.lower()
    for body in body_pattern().finditer(lowered):
        display = _body_displays()[body.group()]
        if body.end() == len(text):
            owner = owner_before(text, body.start())
            if owner is not None and owner[0] == 0:
                return national_body(owner[1], body.group())
        if body.start() == 0:
            after = owner_after(text, body.end(), display)
            if after is not None and after[0] == len(text):
                return national_body(after[1], body.group())
    return None


# --- 2b. a town's or county's body written after its place ("Tampa police") -----------------


@cache
def _local_displays() -> dict[str, str]:
    table: dict[str, list[str]] = load_data("organizations")["local_bodies"]
    return {phrase: display for display, phrases in table.items() for phrase in phrases}


@cache
def local_body_pattern() -> re.Pattern[str]:
    """Every local body phrase ("police", "sheriff's office"), to run over lower-cased text."""
    phrases = (p.replace("'", "’") for p in _local_displays())  # the trie matches ' and ’
    return re.compile(rf"(?<!\w)(?:{trie_regex(phrases)})(?!\w)")


_PLACE_BEFORE = re.compile(r"((?:[A-Z][\w.’'-]*\.? ){1,4})$")
_COUNTY = re.compile(r"\S \b(?:County|Parish|Borough|Township)$")


def local_body(text: str, start: int, end: int) -> tuple[int, Organization] | None:
    """The body a lower-case local phrase at ``[start, end)`` names with the place before it
    ("D.C. police" -> D.C. Police, "Boyle County coroner" -> Boyle County Coroner)."""
    match = _PLACE_BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return None
    words = match.group(1).split()
    from corpus.facts.gazetteer import lookup_places  # the gazetteer loads lazily

    i = 0
    while i < len(words) - 1 and words[i].lower() in function_words():
        i += 1  # "The Boyle County": the article is not part of the place
    place = " ".join(words[i:])  # the whole run: "Aransas Pass" is not the town of Pass
    if not (lookup_places(place) or _COUNTY.search(place)):
        return None
    display = _local_displays()[mention_key(text[start:end]).lower()]
    name = f"{place} {display}"
    first = match.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
    return first, lexicon_organization(name) or organization(name)


@lru_cache(maxsize=8192)
def canonical_organization(mention: str) -> Organization | None:
    """The body a mention names by itself (explicit or owned), or None (unknown or generic)."""
    return lexicon_organization(mention) or _owned(mention)


# --- 3. generic mentions ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GenericMention:
    """A mention with no owner: its head ("ministry"), the words a compatible body's name may
    have for it ("army" allows army/military/armed forces) and the portfolios it states."""

    head: str
    allowed: tuple[str, ...]
    portfolios: tuple[str, ...]


@cache
def _generic_heads() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = load_data("organizations")["generic_heads"]
    return {head: tuple(words) for head, words in table.items()}


@cache
def _portfolios() -> frozenset[str]:
    return frozenset(load_data("organizations")["portfolios"])


@cache
def _generic_words() -> frozenset[str]:
    from corpus.facts.grounding import generic_words

    return generic_words()


@cache
def generic_pattern() -> re.Pattern[str]:
    """A generic mention in lower-cased text: "the foreign ministry", "police", "the coroner"."""
    qualifiers = trie_regex(_portfolios())
    heads = trie_regex(h.replace("'", "’") for h in _generic_heads())  # trie matches ' and ’
    return re.compile(rf"(?<!\w)(?:the )?(?:(?:{qualifiers}) ){{0,2}}(?:{heads})(?!\w)")


@lru_cache(maxsize=4096)
def generic_mention(mention: str) -> GenericMention | None:
    """``mention`` read as a generic one ("the foreign ministry"), or None if it has an owner."""
    words = mention_key(mention).lower().replace("’", "'").split()
    if "of" in words[1:]:  # "Ministry of Defense", "General Command of the Army and ..."
        at = words.index("of")
        tail = [w for w in words[at + 1 :] if w not in ("the", "and")]
        if not _generic_words().issuperset(tail):
            return None  # "Ministry of Defense of Ukraine" has an owner
        words = [*(w for w in tail if w in _portfolios()), *words[:at]]
    for size in (3, 2, 1):
        head = " ".join(words[-size:])
        if len(words) >= size and head in _generic_heads():
            qualifiers = words[:-size]
            if all(w in _portfolios() for w in qualifiers):
                return GenericMention(head, _generic_heads()[head], tuple(qualifiers))
            return None
    return None


@lru_cache(maxsize=16384)
def _has_words(name: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", name) is not None


def _names(org: Organization) -> tuple[str, ...]:
    return tuple(mention_key(n).lower() for n in explicit_spellings(org.name))


def compatible(mention: GenericMention, org: Organization) -> bool:
    """True when ``org`` is a body ``mention`` may refer to (same kind, same portfolios)."""
    names = _names(org)
    if not any(_has_words(n, word) for n in names for word in mention.allowed):
        return False
    return all(any(_has_words(n, p) for n in names) for p in mention.portfolios)


def refer_back(mention: GenericMention, earlier: Sequence[Organization]) -> Organization | None:
    """The nearest (last) of ``earlier`` that ``mention`` is compatible with."""
    for org in reversed(earlier):
        if compatible(mention, org):
            return org
    return None


def resolve(mention: str, earlier: Sequence[Organization] = ()) -> Organization | None:
    """The body ``mention`` names given the bodies named before it, or None (stays as written)."""
    org = canonical_organization(mention)
    if org is not None:
        return org
    generic = generic_mention(mention)
    return refer_back(generic, earlier) if generic is not None else None


@lru_cache(maxsize=65536)
def is_generic_spelling(spelling: str) -> bool:
    """True when ``spelling`` names a kind of body, not one ("the ministry", "Police"): it
    must never stand for a body elsewhere (search aliases, entity spellings)."""
    from corpus.facts.grounding import distinctive_words

    return generic_mention(spelling) is not None or not distinctive_words(spelling)
