"""Organizations: the bodies an article mentions, each named by the resolver (``resolver.py``).

``extract`` finds mentions by four rules; where two overlap the longest wins, and on a tie the
lower-numbered rule:

1. explicit names from the lexicon (``data/organizations.json``), on word boundaries; one-word and
   all-caps names match only as written ("IS" never matches "is", nor anything in a shouted line);
2. state bodies with their owner in the noun phrase: "Israel's Defense Ministry", "the Turkish
   army", "the defense ministry in Russia"; and a town's or county's body in lower case after
   its place: "Tampa police", "Boyle County coroner";
3. capitalised phrases built on an organization head noun: "Deir ez-Zor Military Council",
   "Kenya Red Cross", "Harris County Sheriff's Office" (not in headline-style title-case lines,
   where a phrase's edges cannot be seen). A phrase of generic words only ("Defense Ministry",
   "Sheriff's Office") names no body by itself: it is a generic mention (rule 4);
4. generic mentions ("the ministry", "the foreign ministry", "police", "the coroner") name the
   nearest compatible body mentioned before them; one with none is not reported, so a fact
   never names a body its article does not.

"US" / "U.S." are countries (see places), never organizations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from corpus.facts.document import Document
from corpus.facts.grounding import distinctive_words
from corpus.facts.lexicons import (
    MONTHS,
    WEEKDAYS,
    Occupancy,
    function_words,
    is_shouting,
    is_title_case,
    load_data,
    sentence_bounds,
    starts_word,
    trie_regex,
)
from corpus.facts.model import ExtractedFact
from corpus.facts.resolver import (
    GenericMention,
    Organization,
    body_display,
    body_pattern,
    canonical_organization,
    generic_mention,
    generic_pattern,
    local_body,
    local_body_pattern,
    national_body,
    organization,
    organization_aliases,
    owner_after,
    owner_before,
)
from corpus.facts.resolver import refer_back as _refer_back

__all__ = [
    "Organization",
    "canonical_organization",
    "extract",
    "organization_aliases",
    "refer_back",
]

# (start, end, rule, organization, generic mention, the body's own span when an owner precedes
# or follows it); one of organization and generic mention is set.
_Mention = tuple[int, int, int, Organization | None, GenericMention | None, tuple[int, int] | None]


# --- rule 1: lexicon names -------------------------------------------------------------------


def _exact_case(alias: str) -> bool:
    # One word ("Guardian", "Amnesty"), an acronym ("IS", "U.N.") or generic words only ("State
    # Department" is a name, "the state department of health" is not): common words otherwise.
    return (
        " " not in alias
        or alias.replace(".", "").replace("-", "").isupper()
        or not distinctive_words(alias)
    )


@cache
def _alias_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(exact-case names, caseless names), each one factored alternation."""
    exact: set[str] = set()
    caseless: set[str] = set()
    for canonical, aliases in organization_aliases().items():
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


def _lexicon_mentions(doc: Document, lowered: str) -> list[_Mention]:
    text = doc.text
    found: list[_Mention] = []
    exact, caseless = _alias_patterns()
    for pattern, haystack in ((exact, text), (caseless, lowered)):
        for match in pattern.finditer(haystack):
            start = match.start()
            if not starts_word(text, start) or text[start - 1 : start] == ".":
                continue
            if pattern is exact and is_shouting(doc.sentence_at(start).text):
                continue
            org = canonical_organization(text[start : match.end()])
            if org is not None:
                found.append((start, match.end(), 1, org, None, None))
    return found


# --- rule 2: a country's state body ----------------------------------------------------------


def _owned_bodies(text: str, lowered: str) -> list[_Mention]:
    """State bodies named with their owner: find the body, then its owner before or after it."""
    out: list[_Mention] = []
    for body in body_pattern().finditer(lowered):
        if not starts_word(text, body.start()):
            continue
        phrase = text[body.start() : body.end()]
        before = owner_before(text, body.start())
        if before is not None:
            org = national_body(before[1], phrase)
            if org is not None:
                out.append((before[0], body.end(), 2, org, None, body.span()))
            continue
        after = owner_after(text, body.end(), body_display(phrase) or "")
        if after is not None:
            org = national_body(after[1], phrase)
            if org is not None:
                out.append((body.start(), after[0], 2, org, None, body.span()))
    for body in local_body_pattern().finditer(lowered):
        phrase = text[body.start() : body.end()]
        if phrase[:1].isupper() or not starts_word(text, body.start()):
            continue  # "Tampa Police" is a name rule 3 finds as written
        local = local_body(text, body.start(), body.end())
        if local is not None:
            out.append((local[0], body.end(), 2, local[1], None, body.span()))
    return out


# --- rule 3: capitalised phrases on a head noun ---------------------------------------------

_WORD = r"(?:(?:al|el|ez|az|as|ad|an|ar|ash|at|es|ed|ul)-)?[A-Z][\w’'.&-]*"
# Two words at least: a lone word is never a discovered name (``_discover``), and requiring the
# second word finds the same multi-word runs (a greedy run ends where the text stops it).
_RUN = re.compile(rf"{_WORD}(?:(?: (?:of|for|the|and|on|de|du|des|la|le))* {_WORD})+")
_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "de", "du", "des", "la", "le"})
# A word that ends a sentence or a dateline ("Sun.", "Ark.--"), not an initialism ("U.S.", "St.").
_POSSESSIVE = re.compile(r"['’]s$")
_ENDS_SENTENCE = re.compile(r"[a-z]{2}\.(?:-+)?$|-{2}$")


@cache
def _heads() -> frozenset[str]:
    return frozenset(load_data("organizations")["heads"])


def _discover(phrase: str) -> str | None:
    # Most runs are one capitalised word or hold no head noun. Both gates are exact: the steps
    # below only drop words (and the last word's full stop), and a name needs two words and a head.
    if " " not in phrase:
        return None
    heads = _heads()
    if not any(w in heads or w[:-1] in heads for w in phrase.split(" ")):
        return None
    # "Sky News and the BBC" is two names; "the Army and Armed Forces" is one.
    for joint in re.finditer(" and ", phrase):
        right = phrase[joint.end() :]
        if right.startswith("the ") or canonical_organization(right) is not None:
            phrase = phrase[: joint.start()]
            break
    words = phrase.split(" ")
    for i in range(len(words) - 2, -1, -1):
        if _ENDS_SENTENCE.search(words[i]):
            words = words[i + 1 :]  # "Baltimore Sun. Police": a sentence ended inside the run
            break
    if words[-1].endswith(".") and not words[-1].isupper():
        words[-1] = words[-1][:-1]  # the sentence's full stop, not an abbreviation
    while words and (words[0].lower() in function_words() or _is_calendar(words[0])):
        words = words[1:]
    while words and (words[-1] in _CONNECTORS or _POSSESSIVE.search(words[-1])):
        words = words[:-1]  # "General Command of Mali's" [army]: an owner, not a name's end
    for i, word in enumerate(words):
        if word in ("of", "for") and not any(w in _heads() for w in words[:i]):
            # "Ann Lee of the Dayton Police Department": a person of a body, not its name.
            words = words[i + 1 :]
            while words and words[0] in _CONNECTORS:
                words = words[1:]
            break
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
    return organization(name)


def _is_calendar(word: str) -> bool:
    return word.lower() in MONTHS or word.lower() in WEEKDAYS


# --- rule 4: generic mentions refer back -----------------------------------------------------

# Nouns a body's name modifies without naming the body as an actor ("police officers", "the
# military airport", "army positions").
_MODIFIED_NOUNS = frozenset(
    [
        "officer", "officers", "car", "cars", "cruiser", "cruisers", "vehicle", "vehicles",
        "chief", "station", "stations", "report", "reports", "custody", "tape", "scanner", "dog",
        "dogs", "academy", "union", "chase", "lights", "line", "presence", "radio", "records",
        "sources", "officials", "detectives", "investigators", "sergeant", "lieutenant",
        "captain", "commander", "spokesman", "spokeswoman", "spokesperson", "headquarters",
        "brutality", "escort", "response", "activity", "lt", "sgt", "capt", "trooper",
        "departments", "agencies", "forces", "airport", "airbase", "base", "bases", "position",
        "positions", "camp", "camps", "unit", "units", "level", "operation", "operations",
        "aircraft", "jets", "planes", "intervention", "campaign", "court", "hospital",
        "personnel", "equipment", "convoy", "commanders", "general", "generals", "source",
        "official", "leaders", "leadership", "deployment", "presence", "service", "veteran",
        "veterans", "recruits", "recruiter", "uniform", "spokesmen",
    ]
)  # fmt: skip
_NEXT_WORD = re.compile(r"\W{0,2}(\w+)")


def _generic_mentions(text: str, lowered: str) -> list[_Mention]:
    out: list[_Mention] = []
    for match in generic_pattern().finditer(lowered):
        start, end = match.start(), match.end()
        if not starts_word(text, start):
            continue
        after = _NEXT_WORD.match(lowered, end)
        if after is not None and after.group(1) in _MODIFIED_NOUNS:
            continue
        bare = not lowered.startswith("the ", start) and text[end - 1].islower()
        if bare and not lowered[start:end].endswith("police"):
            continue  # "military forces", "army camp": bare lower-case nouns name no body
        mention = generic_mention(text[start:end])
        if mention is not None:
            out.append((start, end, 4, None, mention, None))
    return out


def refer_back(facts: Sequence[ExtractedFact], mention: str, before: int) -> Organization | None:
    """The body a generic ``mention`` at offset ``before`` names: the nearest compatible one
    among the organization ``facts`` before it (None when the mention is not generic)."""
    generic = generic_mention(mention)
    if generic is None:
        return None
    earlier = [
        Organization(f.value["entity_id"], f.value["name"])
        for f in sorted(facts, key=lambda f: f.start)
        if f.field == "organizations" and f.start < before
    ]
    return _refer_back(generic, earlier)


# --- extraction -----------------------------------------------------------------------------


def extract(doc: Document) -> list[ExtractedFact]:
    """Organization mentions in ``doc``, each named by the resolver."""
    text = doc.text
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ")
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    found = [*_lexicon_mentions(doc, lowered), *_owned_bodies(text, lowered)]
    found += _discovered(doc)
    found += _generic_mentions(text, lowered)
    return _resolve(doc, _non_overlapping(found))


_TITLE_AT_END = re.compile(r"\b(?:Sgt|Lt|Capt|Cpl|Det|Dep|Ofc|Insp|Supt|Cmdr|Gen|Col|Maj|Dr)\.$")


def _discovered(doc: Document) -> list[_Mention]:
    found: list[_Mention] = []
    previous = ""
    for sentence in doc.sentences:
        # "said Sgt." | "Ann Lee of the Dayton Police Department.": judge the case of both.
        whole = previous + sentence.text if _TITLE_AT_END.search(previous) else sentence.text
        previous = sentence.text
        runs = list(_RUN.finditer(sentence.text))
        if not runs or is_title_case(whole):  # most sentences hold no run: skip the case test
            continue
        for match in runs:
            name = _discover(match.group())
            if name is None:
                continue
            start = sentence.start + match.start() + match.group().index(name)
            if not starts_word(doc.text, start):
                continue  # "41NBC News": the run starts inside a word
            end = start + len(name)
            if distinctive_words(name):
                found.append((start, end, 3, _named(name), None, None))
            elif (generic := generic_mention(name)) is not None:
                found.append((start, end, 4, None, generic, None))
    return found


def _non_overlapping(found: list[_Mention]) -> list[_Mention]:
    # A name beats a generic mention around it ("The State Department"); then the longest
    # mention wins, and on a tie the more specific rule.
    kept: list[_Mention] = []
    taken = Occupancy(max((f[1] for f in found), default=0))
    for mention in sorted(found, key=lambda f: (f[4] is not None, f[0] - f[1], f[2], f[0])):
        if not taken.free(mention[0], mention[1]):
            continue
        kept.append(mention)
        taken.take(mention[0], mention[1])
    return sorted(kept, key=lambda k: k[0])


def _resolve(doc: Document, mentions: list[_Mention]) -> list[ExtractedFact]:
    facts: list[ExtractedFact] = []
    named: list[Organization] = []
    for start, end, _, org, generic, body in mentions:
        if generic is not None:
            org = _refer_back(generic, named)
        if org is None:
            continue  # a generic mention with nothing earlier to name: not a fact
        named.append(org)
        sentence_start, sentence_end = sentence_bounds(doc, start, end)
        facts.append(
            ExtractedFact(
                field="organizations",
                kind="organization",
                value={"name": org.name, "entity_id": org.entity_id, "role": None},
                start=start,
                end=end,
                text=doc.text[start:end],
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                # "Tampa police", "Israel's army": the owner is a place mention of its own.
                extra={"body": body} if body is not None else {},
            )
        )
    return facts
