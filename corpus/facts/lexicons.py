"""Shared lexicon plumbing for the entity extractors: JSON data loading and text helpers.

The curated word lists live in ``corpus/facts/data/*.json`` (shipped as package data) so the
rule modules stay short; everything here is loaded once, lazily, and is read-only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpus.facts.document import Document

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
}  # fmt: skip

SEASONS = frozenset(
    ["spring", "summer", "autumn", "fall", "winter", "printemps", "été", "ete", "automne", "hiver"]
)

_SLUG = re.compile(r"[^a-z0-9]+")
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def load_data(name: str) -> dict[str, Any]:
    """One JSON lexicon from ``corpus/facts/data`` (parsed once)."""
    path = resources.files("corpus.facts").joinpath("data", f"{name}.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents ("Türkiye" -> "turkiye")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slug(text: str) -> str:
    """A URL- and id-safe slug: folded, alphanumerics joined by hyphens."""
    return _SLUG.sub("-", fold(text)).strip("-")


@lru_cache(maxsize=2048)
def is_title_case(sentence: str) -> bool:
    """True for headline-style text, where most words are capitalised and names blur."""
    words = [w for w in _LETTERS.findall(sentence) if len(w) > 3]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


@lru_cache(maxsize=2048)
def is_shouting(sentence: str) -> bool:
    """True for all-caps text, where acronyms ("IS", "WHO") cannot be told from words."""
    letters = [ch for ch in sentence if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentences a span lies in: from the first one's start to the last one's end."""
    first, last = doc.sentence_at(start), doc.sentence_at(max(start, end - 1))
    return min(first.start, start), max(last.end, end)


@cache
def function_words() -> frozenset[str]:
    """Words that open sentences in capitals without naming anything ("The", "In", "Earlier")."""
    words: list[str] = load_data("words")["function_words"]
    return frozenset(words)


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym ("syrian", "liberian") -> ISO country code ("_" for no one country)."""
    table = _demonym_table()
    return {fold(word): code for code, words in table.items() for word in words}


@cache
def demonym_of(code: str) -> str | None:
    """The preferred demonym for an ISO country code ("RU" -> "Russian")."""
    words = _demonym_table().get(code)
    return words[0] if words else None


@cache
def _demonym_table() -> dict[str, list[str]]:
    """ISO code -> demonyms: ours (``places.json``: preferred forms, "Arab" and other
    non-country words under "_"), then countryinfo's for every other country. A demonym it
    gives two countries ("Congolese", "Dominican") names neither, unless only one has it as
    its whole demonym ("Montenegrin", not "Serbian/Montenegrin")."""
    import countryinfo  # loaded once, on first use

    table: dict[str, list[str]] = {
        code: list(words) for code, words in load_data("places")["demonyms"].items()
    }
    known = {fold(w) for words in table.values() for w in words}
    found: dict[str, dict[str, bool]] = {}  # demonym -> {code: is it the whole demonym}
    for country in countryinfo.all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code or code in table or not info.get("demonym"):
            continue
        words = [w.strip() for w in re.split(r"[,/]", info["demonym"]) if w.strip()]
        for word in words:
            if fold(word) not in known:
                found.setdefault(word, {})[code] = len(words) == 1
    for word, codes in sorted(found.items()):
        whole = [code for code, alone in codes.items() if alone]
        owner = next(iter(codes)) if len(codes) == 1 else (whole[0] if len(whole) == 1 else "_")
        table.setdefault(owner, []).append(word)
    return table


def trie_regex(words: Iterable[str], separator: str | None = None) -> str:
    """An alternation of ``words`` with shared prefixes factored out, longest match first.

    Python's ``re`` tries a plain alternation branch by branch at every position; factoring the
    prefixes ("Syrian army|Syrian Arab Army" -> "Syrian (?:arm|Arab Army)") keeps a lexicon of
    hundreds of aliases as fast as a handful. Apostrophes match both ' and ’. With
    ``separator``, every run of spaces and hyphens in a word is written as that pattern instead
    ("F-16" with ``[-\\s]?`` also finds "F16" and "F 16").
    """
    trie: dict[str, Any] = {}
    for word in words:
        if separator is not None:
            word = _SEPARATOR_RUNS.sub(_GAP, word)
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_to_regex(trie, separator)


_SEPARATOR_RUNS = re.compile(r"[\s-]+")
_GAP = "\0"  # stands for a separator inside the trie; NUL never occurs in a lexicon word


def _trie_to_regex(node: dict[str, Any], separator: str | None = None) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        if ch == _GAP and separator is not None:
            atom = separator
        else:
            atom = "['’]" if ch in "'’" else re.escape(ch)
        branches.append(atom + _trie_to_regex(node[ch], separator))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # The end of a shorter word is tried after every longer continuation (greedy, longest first).
    return f"(?:{body})?" if "" in node else body


def starts_word(text: str, start: int) -> bool:
    """True when ``start`` opens a word (the previous character is not a letter or digit)."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


class Occupancy:
    """Which characters of a text are already claimed by a mention (overlap tests in O(span))."""

    __slots__ = ("_mask",)

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        """True when no character of ``[start, end)`` is taken."""
        return self._mask.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        """Claim ``[start, end)``."""
        self._mask[start:end] = b"\x01" * (end - start)
