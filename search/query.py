"""Query parsing: Whoosh syntax (AND/OR/NOT, "phrases", prefix*, fuzzy~) or a clear InvalidQuery.

Every query has a bound on its work, checked before any search runs (as Elasticsearch caps
fuzzy edit distance and term expansion):

- at most ``MAX_QUERY_CHARS`` characters and ``MAX_QUERY_TERMS`` terms as the user wrote it
  (``check_query``; the spellings alias expansion adds are not counted);
- fuzzy terms (``word~N``) at most ``MAX_FUZZY_DISTANCE`` edits, from a word of at least
  ``MIN_EXPANDING_PREFIX`` letters;
- at most ``MAX_EXPANDING_TERMS`` prefix, wildcard or fuzzy terms, each starting with at least
  ``MIN_EXPANDING_PREFIX`` literal characters, and each matching at most ``MAX_EXPANSIONS``
  indexed words (``check_expansions``, against the index's reader).

Fuzzy terms expand by a scan of the words sharing their first letter, length-filtered, with a
bounded edit distance (``BoundedFuzzyTerm``): Whoosh's own expansion builds a Levenshtein
automaton in Python per query, seconds for a long word at two edits even on a small index.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from whoosh.fields import Schema
from whoosh.qparser import FieldsPlugin, FuzzyTermPlugin, QueryParser
from whoosh.query import And, FuzzyTerm, NullQuery, Or, Prefix, Query, Term, Wildcard
from whoosh.support.levenshtein import distance

from corpus.errors import InvalidQuery
from search.analysis import passage_analyzer

MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 32
MAX_FUZZY_DISTANCE = 2
MAX_EXPANDING_TERMS = 4
MIN_EXPANDING_PREFIX = 2
MAX_EXPANSIONS = 1000
# An alias-expanded query grows with the spellings it adds; this only stops the absurd.
_MAX_EXPANDED_CHARS = 50 * MAX_QUERY_CHARS


def check_query(text: str) -> None:
    """Refuse (InvalidQuery) a query as the user wrote it that is empty, too long, or has too
    many terms or costly ones; nothing is searched."""
    if not text or not text.strip():
        raise InvalidQuery("The query is empty.")
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"The query is longer than {MAX_QUERY_CHARS} characters.")
    if _SIMPLE.fullmatch(text):
        return  # one or two words: within every bound
    leaves = list(_parse(text, None).leaves())
    if len(leaves) > MAX_QUERY_TERMS:
        raise InvalidQuery(f"The query has more than {MAX_QUERY_TERMS} terms.")


def parse_query(text: str, schema: Schema) -> Query:
    """Parse a query against the passage text field; raise InvalidQuery if it is empty or an
    expanding term is too costly. A query with no searchable word (only stop words, or syntax
    such as ``AND``) matches nothing: it is ``NullQuery``, not an error."""
    if not text or not text.strip():
        raise InvalidQuery("The query is empty.")
    if len(text) > _MAX_EXPANDED_CHARS:
        raise InvalidQuery(f"The query is longer than {MAX_QUERY_CHARS} characters.")
    query = _simple(text) or _parse(text, schema)
    expanding = [leaf for leaf in query.leaves() if _expands(leaf)]
    if len(expanding) > MAX_EXPANDING_TERMS:
        raise InvalidQuery(
            f"The query has more than {MAX_EXPANDING_TERMS} prefix, wildcard or fuzzy terms."
        )
    for leaf in expanding:
        _check_expanding(leaf)
    query = query.accept(_bounded_fuzzy)
    no_terms = query is NullQuery or not list(query.iter_all_terms())
    return NullQuery if no_terms and not expanding else query


def check_expansions(query: Query, reader: Any) -> None:
    """Refuse a query whose prefix, wildcard or fuzzy term matches too many indexed words."""
    for leaf in query.leaves():
        if _expands(leaf) and len(list(islice(leaf._btexts(reader), MAX_EXPANSIONS + 1))) > (
            MAX_EXPANSIONS
        ):
            raise InvalidQuery(
                f"'{_written(leaf)}' matches more than {MAX_EXPANSIONS} words; make it longer."
            )


class BoundedFuzzyTerm(FuzzyTerm):  # type: ignore[misc]
    """A fuzzy term expanded by a scan of the words sharing its prefix (at least one letter),
    skipping those whose length alone puts them too far."""

    def _btexts(self, ixreader: Any) -> Iterator[str]:
        field = ixreader.schema[self.fieldname]
        text, limit = str(self.text), int(self.maxdist)
        for btext in ixreader.expand_prefix(self.fieldname, text[: max(1, self.prefixlength)]):
            word = field.from_bytes(btext)
            if abs(len(word) - len(text)) <= limit and distance(word, text, limit=limit) <= limit:
                yield word


def _bounded_fuzzy(query: Query) -> Query:
    if type(query) is FuzzyTerm:
        return BoundedFuzzyTerm(
            query.fieldname, query.text, query.boost, query.maxdist, query.prefixlength
        )
    return query


# One word, or two joined by a space, AND or OR: what most searches are. Whoosh's parser costs
# about as much as ranking such a query over cached postings; ``_simple`` builds the same query.
_SIMPLE = re.compile(r"\s*(\w+)(?:\s+(?:(AND|OR)\s+)?(\w+))?\s*")
_OPERATOR_WORDS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}


def _simple(text: str) -> Query | None:
    """The query Whoosh's parser makes of one or two plain words (tests/search/
    test_simple_queries.py holds them equal), or None for anything else, stop words included."""
    match = _SIMPLE.fullmatch(text)
    if match is None:
        return None
    first, operator, second = match.groups()
    words = [first] if second is None else [first, second]
    terms = []
    for word in words:
        if word in _OPERATOR_WORDS:
            return None
        tokens = [token.text for token in passage_analyzer()(word)]
        if len(tokens) != 1:
            return None
        terms.append(Term("text", tokens[0]))
    if len(terms) == 1 or terms[0] == terms[1]:
        return terms[0]  # the parser's normalize() drops a repeated word too
    return Or(terms) if operator == "OR" else And(terms)


def _parse(text: str, schema: Schema | None) -> Query:
    parser = QueryParser("text", schema)
    parser.add_plugin(FuzzyTermPlugin())
    # Users search passage text only; "field:value" syntax would expose internal fields.
    parser.remove_plugin_class(FieldsPlugin)
    try:
        return parser.parse(text)
    except Exception as exc:  # Whoosh raises assorted errors on malformed syntax
        raise InvalidQuery(f"The query could not be parsed: {exc}") from exc


def _expands(leaf: Query) -> bool:
    """Prefix, wildcard and fuzzy queries name no fixed term: they expand over the index."""
    return isinstance(leaf, Prefix | Wildcard | FuzzyTerm)


def _check_expanding(leaf: Query) -> None:
    written = _written(leaf)
    if isinstance(leaf, FuzzyTerm) and leaf.maxdist > MAX_FUZZY_DISTANCE:
        raise InvalidQuery(
            f"'{written}': a fuzzy term allows at most {MAX_FUZZY_DISTANCE} edits (word~2)."
        )
    literal = len(str(leaf.text)) if not isinstance(leaf, Wildcard) else _literal_prefix(leaf)
    if literal < MIN_EXPANDING_PREFIX:
        raise InvalidQuery(
            f"'{written}': a prefix, wildcard or fuzzy term needs at least "
            f"{MIN_EXPANDING_PREFIX} letters before any * or ?."
        )


def _literal_prefix(leaf: Wildcard) -> int:
    text = str(leaf.text)
    stops = [i for i in (text.find("*"), text.find("?")) if i >= 0]
    return min(stops) if stops else len(text)


def _written(leaf: Query) -> str:
    if isinstance(leaf, FuzzyTerm):
        return f"{leaf.text}~{leaf.maxdist}"
    return f"{leaf.text}*" if isinstance(leaf, Prefix) else str(leaf.text)
