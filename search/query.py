"""Query parsing: Whoosh syntax (AND/OR/NOT, "phrases", prefix*, fuzzy~) or a clear InvalidQuery."""

from __future__ import annotations

from whoosh.fields import Schema
from whoosh.qparser import FieldsPlugin, FuzzyTermPlugin, QueryParser
from whoosh.query import NullQuery, Query

from corpus.errors import InvalidQuery

MAX_QUERY_CHARS = 1000


def parse_query(text: str, schema: Schema) -> Query:
    """Parse a user query against the passage text field; raise InvalidQuery if it cannot run."""
    if not text or not text.strip():
        raise InvalidQuery("The query is empty.")
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"The query is longer than {MAX_QUERY_CHARS} characters.")
    parser = QueryParser("text", schema)
    parser.add_plugin(FuzzyTermPlugin())
    # Users search passage text only; "field:value" syntax would expose internal fields.
    parser.remove_plugin_class(FieldsPlugin)
    try:
        query = parser.parse(text)
    except Exception as exc:  # Whoosh raises assorted errors on malformed syntax
        raise InvalidQuery(f"The query could not be parsed: {exc}") from exc
    no_terms = query is NullQuery or not list(query.iter_all_terms())
    if no_terms and not _has_expanding_terms(query):
        raise InvalidQuery("The query has no searchable words (only stop words or syntax).")
    return query


def _has_expanding_terms(query: Query) -> bool:
    """True for prefix, wildcard and fuzzy queries, which name no fixed term."""
    from whoosh.query import FuzzyTerm, Prefix, Wildcard

    return any(isinstance(q, Prefix | Wildcard | FuzzyTerm) for q in query.leaves())
