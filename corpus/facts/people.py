"""People: personal names found by the constructions that introduce them in news copy.

No list of first names is used; a capitalised name counts only inside one of these:

1. title + name: "Major-General Igor Konashenkov", "US Secretary of State John Kerry",
   "foreign ministry spokeswoman Maria Zakharova", "President Obama";
2. appositives: "senior Russian General Staff official, Viktor Poznikhir,", "officials, Kerry and
   Lavrov", "David Swanson, a spokesman for the UN Office ...", "Maria Zakharova, foreign ministry
   spokeswoman";
3. speech: "Maria Zakharova said", "said David Swanson", "cited Zakharova as", "according to X";
4. a social handle: "Ben Norton (@BenjaminNorton)".

Candidates that are places, organizations, months or demonyms are dropped. A surname alone
("Konashenkov said", "President Assad") takes the full name found in the same article, and
``link_surnames`` does the same across articles for the storage layer. Entity ids slug the full
name without Arabic articles, so "Bashar al-Assad" and "Bashar Assad" are one person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus.facts.document import Document
from corpus.facts.gazetteer import lookup_place
from corpus.facts.lexicons import (
    MONTHS,
    WEEKDAYS,
    Occupancy,
    demonyms,
    function_words,
    load_data,
    sentence_bounds,
    slug,
    trie_regex,
)
from corpus.facts.model import ExtractedFact

_WORD = r"[A-ZÀ-ÖØ-Þ](?:['’][A-Z])?[a-zß-öø-ÿ]+(?:[A-Z][a-zß-öø-ÿ]+)?(?:-[A-ZÀ-Þ]?[a-zß-öø-ÿ]+)*"
_PARTICLE = r"(?:al|el|bin|ibn|van|von|de|da|del|der|di|du|dos|ben|abu)"
_TOKEN = rf"{_WORD}|(?:al|el)-{_WORD}|[A-Z]\."  # a capital first keeps re's fast scan
_ARTICLE = re.compile(r"^(?:al|el)-", re.IGNORECASE)


def _name(most: int) -> str:
    return rf"(?:{_TOKEN})(?: (?:{_PARTICLE} )?(?:{_TOKEN})){{0,{most - 1}}}"


def _alternation(words: Iterable[str]) -> str:
    return trie_regex(set(words))


@dataclass(frozen=True, slots=True)
class _Patterns:
    title: re.Pattern[str]
    role_then_name: re.Pattern[str]
    name_first: re.Pattern[str]
    verb_first: re.Pattern[str]
    anchor: re.Pattern[str]  # first words of the title, role and speech-verb constructions
    starts: dict[str, tuple[str, ...]]  # first word -> the constructions that may open on it
    titles: frozenset[str]
    modifiers: frozenset[str]
    not_names: frozenset[str]


@cache
def _patterns() -> _Patterns:
    data = load_data("people")
    titles = _alternation(data["titles"])
    nouns = _alternation(data["role_nouns"])
    verbs = _alternation(data["speech_verbs"])
    cues = [*data["speech_verbs"], "according to", "cited", "quoted", "quoting", "citing"]
    starts: dict[str, tuple[str, ...]] = {}
    for kind, phrases in (
        ("title", data["titles"]),
        ("role_then_name", [*data["role_nouns"], *(f"{n}s" for n in data["role_nouns"])]),
        ("verb_first", cues),
    ):
        for phrase in phrases:
            first = phrase.split(" ")[0]
            starts[first] = (*starts.get(first, ()), kind)
    end = r"(?![\w-])"
    adverb = r"(?: (?:also|later|earlier|then|again|further|previously|recently|reportedly|had|has|have|was|is))?"  # noqa: E501
    # No pattern opens with a look-behind or \b: that would defeat re's first-character scan,
    # so _candidates checks word starts itself.
    return _Patterns(
        title=re.compile(rf"(?P<title>{titles}) (?P<name>{_name(4)}){end}"),
        role_then_name=re.compile(
            rf"(?P<noun>(?:{nouns})s?), (?:(?P<title>{titles}) )?(?P<name>{_name(4)})"
            rf"(?: and (?P<name2>{_name(4)}))?(?=\s*(?:[,.;)]|$| said| told| says| added))"
        ),
        # One pass for the three constructions that open with the name: "X, a ROLE ...",
        # "X (also) said", "X (@handle)".
        name_first=re.compile(
            rf"(?P<name>{_name(4)})(?:, (?:(?P<article>an?|the) )?"
            rf"(?P<role>(?:[\w’'-]+ ){{0,3}}?(?:{nouns})"
            rf"(?: (?:for|of|at|with|in|to) [^,.;:“”\"«»()\n]{{1,90}}?)?)(?=[,.;:)]| who| said|$)"
            rf"|{adverb},? (?:{verbs}){end}| \(@\w+\))"
        ),
        verb_first=re.compile(rf"(?:{_alternation(cues)}) (?P<name>{_name(4)}){end}"),
        anchor=re.compile(rf"(?:{_alternation(starts)})(?![\w-])"),
        starts=starts,
        titles=frozenset(data["titles"]),
        modifiers=frozenset(data["role_modifiers"]),
        not_names=frozenset(data["not_names"]),
    )


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    role: str | None
    strong: bool  # introduced by a title or appositive, so one word is enough


def _strip_article(token: str) -> str:
    return _ARTICLE.sub("", token)


@lru_cache(maxsize=16384)  # every mention of every name is keyed, several times per article
def person_key(name: str) -> str:
    """The comparison key of a name: folded, Arabic articles dropped ("bashar assad")."""
    return slug(" ".join(_strip_article(t) for t in name.split() if t.lower() != "al"))


def _surname(name: str) -> str:
    return person_key(name.split()[-1])


def link_surnames(names: Iterable[str]) -> dict[str, str]:
    """Map each one-word name to the one full name ending with it ("Putin" -> "Vladimir Putin")."""
    names = list(dict.fromkeys(names))
    full_by_surname: dict[str, set[str]] = {}
    for name in names:
        if " " in name:
            full_by_surname.setdefault(_surname(name), set()).add(person_key(name))
    chosen = {person_key(n): n for n in names if " " in n}
    out = {}
    for name in names:
        if " " not in name:
            keys = full_by_surname.get(person_key(name), set())
            if len(keys) == 1:
                out[name] = chosen[next(iter(keys))]
    return out


def extract(doc: Document, *, organizations: Sequence[ExtractedFact]) -> list[ExtractedFact]:
    """People named in ``doc`` outside its ``organizations``, surnames linked to full names."""
    text = doc.text
    blocked = Occupancy(len(text))
    for org in organizations:
        blocked.take(org.start, org.end)
    valid = (_validated(text, m, blocked) for m in _candidates(text))
    mentions = _non_overlapping(m for m in valid if m is not None)
    full = {person_key(m.name): m.name for m in mentions if " " in m.name}
    surnames: dict[str, set[str]] = {}
    for key, name in full.items():
        surnames.setdefault(_surname(name), set()).add(key)
    mentions = _non_overlapping([*mentions, *_surname_mentions(text, surnames, full, blocked)])
    facts = []
    for m in mentions:
        canonical = m.name
        if " " not in m.name:
            keys = surnames.get(person_key(m.name), set())
            canonical = full[next(iter(keys))] if len(keys) == 1 else m.name
        else:
            canonical = full[person_key(m.name)]
        sentence_start, sentence_end = sentence_bounds(doc, m.start, m.end)
        facts.append(
            ExtractedFact(
                field="people",
                kind="person",
                value={
                    "name": canonical,
                    "entity_id": f"person:{person_key(canonical)}",
                    "role": m.role,
                },
                start=m.start,
                end=m.end,
                text=text[m.start : m.end],
                sentence_start=sentence_start,
                sentence_end=sentence_end,
            )
        )
    return facts


def _opens_word(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")


def _candidates(text: str) -> Iterable[_Mention]:
    p = _patterns()
    # One scan for the first words of the title, role and verb constructions; each construction
    # then runs anchored there (re scans one factored alternation far faster than three).
    for anchor in _word_matches(p.anchor, text):
        for kind in p.starts.get(anchor.group(), ()):
            match = getattr(p, kind).match(text, anchor.start())
            if match is not None:
                yield from _constructed(text, kind, match)
    for match in _word_matches(p.name_first, text):
        if match["role"] is None:
            yield _mention(match, "name", None, strong=False)
        elif match["article"] or _all_modifiers(match["role"]):
            yield _mention(match, "name", match["role"].strip(), strong=True)


def _constructed(text: str, kind: str, match: re.Match[str]) -> Iterable[_Mention]:
    if kind == "title":
        role_start = _role_start(text, match.start("title"))
        role = text[role_start : match.end("title")]
        yield _mention(match, "name", role, strong=match["title"][0].isupper())
    elif kind == "role_then_name":
        role_start = _role_start(text, match.start("noun"))
        role = text[role_start : match.end("noun")]
        for group in ("name", "name2"):
            if match[group]:
                yield _mention(match, group, role, strong=True)
    else:
        yield _mention(match, "name", None, strong=False)


def _word_matches(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """Matches that start a word; one starting mid-word is retried from the next word."""
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        if _opens_word(text, match):
            yield match
            pos = match.end()
        else:
            pos = match.start() + 1


def _mention(match: re.Match[str], group: str, role: str | None, *, strong: bool) -> _Mention:
    return _Mention(match.start(group), match.end(group), match[group], role, strong)


def _all_modifiers(role: str) -> bool:
    words = role.split(" for ")[0].split(" of ")[0].split()
    p = _patterns()
    return all(w.lower() in p.modifiers or w[0].isupper() for w in words[:-1])


def _role_start(text: str, start: int) -> int:
    """Extend a role leftwards over its qualifiers: "foreign ministry" + "spokeswoman"."""
    p = _patterns()
    pos = start
    for _ in range(5):
        match = re.search(r"(?:^|(?<=[\s(]))([\w’'.-]+) $", text[max(0, pos - 40) : pos])
        if match is None:
            break
        word = match.group(1)
        bare = re.sub(r"['’]s$", "", word)
        if word.lower() in p.modifiers or (
            bare[:1].isupper() and bare.lower() not in function_words()
        ):
            pos -= len(word) + 1
        else:
            break
    return pos


def _clean(m: _Mention) -> _Mention | None:
    """Drop leading words that are not part of the name ("Russian General Vladimir Savchenko")."""
    p = _patterns()
    tokens = m.name.split(" ")
    start = m.start
    role_words: list[str] = []
    while len(tokens) > 1 and (
        tokens[0].lower() in function_words()
        or tokens[0].lower() in demonyms()
        or tokens[0] in p.titles
        or tokens[0] in p.not_names
        or _is_country(tokens[0])
    ):
        if tokens[0] in p.titles or tokens[0].lower() in demonyms():
            role_words.append(tokens[0])
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    if tokens and tokens[0][0].islower():  # a stray particle
        return None
    role = m.role or (" ".join(role_words) if role_words and role_words[-1] in p.titles else None)
    strong = m.strong or any(w in p.titles for w in role_words)
    return _Mention(start, m.end, " ".join(tokens), role, strong)


def _is_country(word: str) -> bool:
    place = lookup_place(word)
    return place is not None and place.kind == "country"


def _validated(text: str, mention: _Mention, blocked: Occupancy) -> _Mention | None:
    m = _clean(mention)
    return m if m is not None and _valid(text, m, blocked) else None


def _valid(text: str, m: _Mention, blocked: Occupancy) -> bool:
    p = _patterns()
    tokens = m.name.split(" ")
    if not blocked.free(m.start, m.end):
        return False
    for token in tokens:
        low = token.lower()
        if low in MONTHS or low in WEEKDAYS or token in p.not_names or low in function_words():
            return False
        if low in demonyms() or token in p.titles or token in organizations_heads():
            return False
    if text[max(0, m.start - 1) : m.start] in "#@" and m.start > 0:
        return False
    if len(tokens) > 1 and tokens[0] in _NETWORKS and lookup_place(" ".join(tokens[1:])):
        return False  # "Fox Denver said": a station named for its city, not a person
    place = lookup_place(m.name)
    if len(tokens) == 1:
        # "Moscow said" is the government; "President Obama" is a man.
        return place is None or (m.strong and place.kind == "city")
    return place is None


# US television networks whose local stations take their city's name ("Fox Denver", "NBC
# Bay Area"): general knowledge. "Fox" alone is also a surname, so only network + place is cut.
_NETWORKS = frozenset({"Fox", "NBC", "CBS", "ABC", "CNN", "CW", "PBS", "Telemundo", "Univision"})


@cache
def organizations_heads() -> frozenset[str]:
    """Organization head nouns ("Ministry", "Council"): never part of a personal name."""
    return frozenset(load_data("organizations")["heads"])


def _surname_mentions(
    text: str, surnames: dict[str, set[str]], full: dict[str, str], blocked: Occupancy
) -> Iterable[_Mention]:
    words = {full[next(iter(keys))].split()[-1] for keys in surnames.values() if len(keys) == 1}
    # Plain string search rather than a regex of this article's surnames: compiling one per
    # article cost more than the rest of the people rules. Both apostrophes spell a name
    # ("O’Brien", "O'Brien"), so both sides are searched with one; the lengths do not change.
    plain = text.replace("’", "'")
    bare_words = {_strip_article(w).replace("’", "'") for w in words}
    found = sorted(
        (span for bare in bare_words for span in _whole_word_spans(plain, bare)),
        key=lambda span: (span[0], -span[1]),
    )
    end = 0
    for start, stop in found:
        if start < end:
            continue  # inside the mention before it: mentions never overlap
        end = stop
        before = text[start - 1 : start]
        if (before and (before.isalnum() or before in "#@’'-_")) or not blocked.free(start, stop):
            continue
        yield _Mention(start, stop, text[start:stop], None, strong=True)


def _whole_word_spans(text: str, word: str) -> Iterable[tuple[int, int]]:
    """Where ``word`` ends a word ("Assad" in "Assad's", not in "Assadi"), with "al-" before it."""
    pos = text.find(word)
    while pos >= 0:
        stop = pos + len(word)
        after = text[stop : stop + 1]
        if not (after.isalnum() or after in ("_", "-")):
            start = pos - 3 if text[max(0, pos - 3) : pos] in ("al-", "el-") else pos
            yield start, stop
        pos = text.find(word, pos + 1)


def _non_overlapping(mentions: Iterable[_Mention]) -> list[_Mention]:
    # Longest first, then the fullest stated role; the survivors come back in text order.
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, -len(m.role or ""), m.start)):
        clash = next((k for k in kept if m.start < k.end and k.start < m.end), None)
        if clash is None:
            kept.append(m)
        elif clash.role is None and m.role and (clash.start, clash.end) == (m.start, m.end):
            clash.role = m.role
    return sorted(kept, key=lambda m: m.start)
