"""Alias expansion: a query naming one spelling of an entity also finds the others.

Groups of spellings come from the corpus (every way an entity is written, as extracted) and
from the organization lexicon. A quoted phrase or a run of bare words in the query whose analyzed
form equals one spelling becomes an OR of every spelling, as phrases.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlmodel import Session

from corpus.entities import variant_groups
from corpus.facts.organizations import organization_aliases
from search.analysis import passage_analyzer

_MAX_WORDS = 5
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_TOKEN = re.compile(r'"[^"]*"|\S+')


def _key(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in passage_analyzer()(text))


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Analyzed spelling -> every spelling of the same entity."""

    groups: dict[tuple[str, ...], tuple[str, ...]]

    @classmethod
    def build(cls, groups: Iterable[Sequence[str]]) -> AliasTable:
        """Index spelling groups by each spelling's analyzed form (one-word stop words skipped)."""
        table: dict[tuple[str, ...], set[str]] = {}
        for group in groups:
            spellings = {s.strip() for s in group if _key(s)}
            keys = {k for s in spellings if (k := _key(s))}
            for key in keys:
                table.setdefault(key, set()).update(spellings)
        return cls({k: tuple(sorted(v)) for k, v in table.items() if len(v) > 1})


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
            spellings = table.groups.get(_key(token[1:-1]))
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
            spellings = table.groups.get(_key(" ".join(words)))
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


def _alternatives(spellings: Sequence[str]) -> str:
    quoted = [f'"{s}"' if len(_key(s)) > 1 else s for s in spellings if '"' not in s]
    return "(" + " OR ".join(quoted) + ")"


class AliasCache:
    """The alias table, rebuilt from the database only when the index generation changes."""

    def __init__(self) -> None:
        self._generation: int | None = None
        self._table = AliasTable({})
        self._lock = threading.Lock()

    def get(self, session: Session, generation: int) -> AliasTable:
        """The table for this generation of the corpus."""
        with self._lock:
            if generation != self._generation:
                groups = [*variant_groups(session), *_lexicon_groups()]
                self._table = AliasTable.build(groups)
                self._generation = generation
            return self._table


def _lexicon_groups() -> list[list[str]]:
    return [[name, *aliases] for name, aliases in organization_aliases().items()]
