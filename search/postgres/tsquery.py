"""A parsed query (Whoosh's query tree from ``search.query``) as a PostgreSQL ``tsquery``.

Users write the same language on both backends; the parser, its bounds and the analyzer are
shared, only the last step differs:

- a term is a lexeme, ``AND``/``OR``/``NOT`` are ``&``/``|``/``!``;
- a phrase is a chain of ``<->`` (positions are the analyzer's, stop words removed, as Whoosh
  counts them); a phrase with slop ``~N`` allows 1..N positions between neighbours, written as
  the OR of every distance (at most ``MAX_SLOP_VARIANTS`` chains, else a 400);
- a prefix ``word*`` is ``'word':*``; wildcard and fuzzy terms expand over the indexed
  vocabulary (``passage_word``) with Whoosh's own expansion code and bounds, into an OR;
- boosts are ignored (a ``tsquery`` has no weights per term).

The result also carries the words highlighting marks: every positive term, expanded, as
``search.whoosh.index.positive_terms`` computes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from sqlalchemy import Connection, text
from whoosh.fields import Schema
from whoosh.query import (
    And,
    AndMaybe,
    AndNot,
    FuzzyTerm,
    Not,
    NullQuery,
    Or,
    Phrase,
    Prefix,
    Query,
    Term,
    Wildcard,
)

from corpus.errors import InvalidQuery
from search.postgres.vectors import quote_lexeme
from search.query import check_expansions

MAX_SLOP_VARIANTS = 256


class _Everything:
    """Matches every passage (``NOT`` of something that matches nothing)."""


NOTHING = None
EVERYTHING = _Everything()
Translated = str | _Everything | None


@dataclass(frozen=True, slots=True)
class TsQuery:
    """What a query becomes: ``match`` is the tsquery text, ``None`` when nothing can match and
    ``EVERYTHING`` when every passage does; ``terms`` are the words to highlight."""

    match: Translated
    terms: frozenset[str]


class Vocabulary:
    """The indexed words, read as a Whoosh reader's lexicon: enough for ``check_expansions``
    and Whoosh's prefix, wildcard and fuzzy expansion (``_btexts``) to run unchanged."""

    def __init__(self, connection: Connection, schema: Schema) -> None:
        self._connection = connection
        self.schema = schema

    def expand_prefix(self, fieldname: str, prefix: str | bytes) -> Iterator[bytes]:
        """Indexed words starting with ``prefix``, in order."""
        start = prefix.decode("utf-8") if isinstance(prefix, bytes) else str(prefix)
        escaped = start.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._connection.execute(
            # A LIKE prefix on a "C"-collated key is a range scan of its B-tree index.
            text("SELECT word FROM passage_word WHERE word LIKE :pattern ORDER BY word"),
            {"pattern": escaped + "%"},
        )
        for (word,) in rows:
            yield word.encode("utf-8")


def to_tsquery(query: Query, vocabulary: Vocabulary) -> TsQuery:
    """Translate ``query``; raise InvalidQuery when an expansion is too large or a construct
    has no ``tsquery`` form."""
    if query is NullQuery:
        return TsQuery(NOTHING, frozenset())
    check_expansions(query, vocabulary)
    terms: set[str] = set()
    match = _translate(query, vocabulary, terms, positive=True)
    return TsQuery(match, frozenset(terms))


def _translate(query: Query, vocabulary: Vocabulary, terms: set[str], positive: bool) -> Translated:
    if query is NullQuery:
        return NOTHING
    if isinstance(query, Term) and not isinstance(query, FuzzyTerm | Prefix | Wildcard):
        if positive:
            terms.add(str(query.text))
        return quote_lexeme(str(query.text))
    if isinstance(query, Prefix):
        if positive:
            terms.update(_words(query, vocabulary))
        return quote_lexeme(str(query.text)) + ":*"
    if isinstance(query, Wildcard | FuzzyTerm):
        words = sorted(_words(query, vocabulary))
        if positive:
            terms.update(words)
        return _or([quote_lexeme(word) for word in words])
    if isinstance(query, Phrase):
        words = [str(word) for word in query.words]
        if positive:
            terms.update(words)
        return _phrase(words, int(query.slop))
    if isinstance(query, Not):
        return _not(_translate(query.query, vocabulary, terms, positive=False))
    if isinstance(query, AndNot):
        return _and(
            [
                _translate(query.a, vocabulary, terms, positive),
                _not(_translate(query.b, vocabulary, terms, positive=False)),
            ]
        )
    if isinstance(query, AndMaybe):  # the optional part only scores in Whoosh
        return _translate(query.a, vocabulary, terms, positive)
    if isinstance(query, And):
        return _and([_translate(q, vocabulary, terms, positive) for q in query.subqueries])
    if isinstance(query, Or):
        return _or([_translate(q, vocabulary, terms, positive) for q in query.subqueries])
    raise InvalidQuery(f"'{query}' cannot be searched with the PostgreSQL backend.")


def _words(leaf: Any, vocabulary: Vocabulary) -> set[str]:
    """The indexed words an expanding leaf matches (bounded already by check_expansions)."""
    return {w.decode("utf-8") if isinstance(w, bytes) else str(w) for w in leaf._btexts(vocabulary)}


def _phrase(words: list[str], slop: int) -> Translated:
    lexemes = [quote_lexeme(word) for word in words]
    if len(lexemes) == 1:
        return lexemes[0]
    gaps = len(lexemes) - 1
    slop = max(1, slop)
    if slop**gaps > MAX_SLOP_VARIANTS:
        raise InvalidQuery(
            f"A phrase of {len(lexemes)} words allows at most slop "
            f"{_max_slop(gaps)} on the PostgreSQL backend."
        )
    chains = []
    for distances in product(range(1, slop + 1), repeat=gaps):
        chain = lexemes[0]
        for lexeme, distance in zip(lexemes[1:], distances, strict=True):
            operator = "<->" if distance == 1 else f"<{distance}>"
            chain = f"{chain} {operator} {lexeme}"
        chains.append(f"({chain})")
    return _or(chains)


def _max_slop(gaps: int) -> int:
    slop = 1
    while (slop + 1) ** gaps <= MAX_SLOP_VARIANTS:
        slop += 1
    return slop


def _and(parts: list[Translated]) -> Translated:
    if any(part is NOTHING for part in parts):
        return NOTHING
    kept = [part for part in parts if isinstance(part, str)]
    if not kept:
        return EVERYTHING
    return kept[0] if len(kept) == 1 else "(" + " & ".join(kept) + ")"


def _or(parts: list[Any]) -> Translated:
    if any(part is EVERYTHING for part in parts):
        return EVERYTHING
    kept = [part for part in parts if isinstance(part, str)]
    if not kept:
        return NOTHING
    return kept[0] if len(kept) == 1 else "(" + " | ".join(kept) + ")"


def _not(part: Translated) -> Translated:
    if part is NOTHING:
        return EVERYTHING
    if part is EVERYTHING:
        return NOTHING
    return f"!{part}"
