"""Alias expansion: a query naming one spelling of an entity also finds the others.

Groups of spellings are explicit names only: every way an entity is written in the corpus, as
extracted, less generic mentions ("the ministry", "police" name a body only in their article),
and the organization lexicon's names. A quoted phrase or a run of bare words in the query whose
analyzed form equals one spelling becomes an OR of every spelling; a spelling of more than one
word is always quoted, so it is searched as a phrase. An acronym matches only as written, as in
the lexicon ("ICE", not "ice").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from corpus.entities import variant_groups
from corpus.facts.resolver import organization_aliases
from search.analysis import passage_analyzer

_MAX_WORDS = 5
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_TOKEN = re.compile(r'"[^"]*"|\S+')


def _key(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in passage_analyzer()(text))


def _acronym(spelling: str) -> bool:
    letters = spelling.replace(".", "").replace("-", "")
    return len(letters) > 1 and letters.isalnum() and letters.isupper()


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Analyzed spelling -> every spelling of the same entity; and the analyzed forms reached
    only through acronyms, with the acronyms (a query must write one of them as is)."""

    groups: dict[tuple[str, ...], tuple[str, ...]]
    acronyms: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, groups: Iterable[Sequence[str]]) -> AliasTable:
        """Index spelling groups by each spelling's analyzed form (one-word stop words skipped)."""
        table: dict[tuple[str, ...], set[str]] = {}
        by_key: dict[tuple[str, ...], set[str]] = {}
        for group in groups:
            spellings = {s.strip() for s in group if _key(s)}
            for spelling in spellings:
                key = _key(spelling)
                table.setdefault(key, set()).update(spellings)
                by_key.setdefault(key, set()).add(spelling)
        acronyms = {
            key: frozenset(written)
            for key, written in by_key.items()
            if all(_acronym(s) for s in written)
        }
        return cls(
            {k: tuple(sorted(v)) for k, v in table.items() if len(v) > 1},
            {k: v for k, v in acronyms.items() if k in table and len(table[k]) > 1},
        )

    def spellings(self, written: str) -> tuple[str, ...] | None:
        """Every spelling of the entity ``written`` names, or None."""
        key = _key(written)
        found = self.groups.get(key)
        if found is None:
            return None
        acronyms = self.acronyms.get(key)
        if acronyms is not None and written.strip() not in acronyms:
            return None  # "ice" is not ICE
        return found


def expand_query(query: str, table: AliasTable) -> tuple[str, tuple[str, ...]]:
    """The query with known spellings OR-ed in, and the spellings added."""
    if not table.groups:
        return query, ()
    tokens = _TOKEN.findall(query)
    out: list[str] = []
    used: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith('"') and token.endswith('"') and len(token) > 1:
            spellings = table.spellings(token[1:-1])
            if spellings:
                out.append(_alternatives(spellings))
                used += [s for s in spellings if _key(s) != _key(token[1:-1])]
            else:
                out.append(token)
            i += 1
            continue
        matched = False
        for width in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
            words = tokens[i : i + width]
            if any(w in _OPERATORS or w.startswith('"') or _is_syntax(w) for w in words):
                continue
            spellings = table.spellings(" ".join(words))
            if spellings:
                out.append(_alternatives(spellings))
                used += [s for s in spellings if _key(s) != _key(" ".join(words))]
                i += width
                matched = True
                break
        if not matched:
            out.append(token)
            i += 1
    return " ".join(out), tuple(dict.fromkeys(used))


def _is_syntax(word: str) -> bool:
    return any(ch in word for ch in "*?~^():")


_PLAIN_WORD = re.compile(r"^\w+$")


def _alternatives(spellings: Sequence[str]) -> str:
    # Anything but a plain word is a phrase ("the Taliban", "U.N.", "al-Qaeda"): quoted.
    quoted = [s if _PLAIN_WORD.match(s) else f'"{s}"' for s in spellings if '"' not in s]
    return "(" + " OR ".join(quoted) + ")"


class AliasCache:
    """The alias table, rebuilt from the database only when the corpus version changes."""

    def __init__(self) -> None:
        self._version: int | None = None
        self._table = AliasTable({})
        self._lock = threading.Lock()

    def get(self, session: Session, version: int) -> AliasTable:
        """The table for this version of the corpus."""
        with self._lock:
            if version != self._version:
                groups = [*variant_groups(session), *lexicon_groups()]
                self._table = AliasTable.build(groups)
                self._version = version
            return self._table


def lexicon_groups() -> list[list[str]]:
    """The organization lexicon's names, one group per body (explicit names only)."""
    return [[name, *aliases] for name, aliases in organization_aliases().items()]
