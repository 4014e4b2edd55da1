"""One or two plain words skip Whoosh's parser: the query built is the parser's own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from search.query import _parse, _simple, check_query, parse_query
from search.whoosh.index import passage_schema

_WORDS = ["killed", "Soldiers", "the", "and", "AND", "OR", "NOT", "TO", "ANDNOT", "Alép",
          "F16", "1982", "x", "under_score", "Œuvre", "İstanbul", "a", "Killed", "ÉTÉ"]  # fmt: skip
_SCHEMA = passage_schema()


@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=2),
    st.sampled_from([" ", "  ", " AND ", " OR ", " and ", "\t"]),
    st.sampled_from(["", " ", "\n"]),
)
@settings(max_examples=400, deadline=None)
def test_simple_queries_equal_the_parsers(words: list[str], joint: str, pad: str) -> None:
    text = pad + joint.join(words) + pad
    if not text.strip():
        return
    built = _simple(text)
    if built is not None:
        assert built == _parse(text, _SCHEMA)
        check_query(text)
        assert parse_query(text, _SCHEMA) == built


def test_what_is_not_simple() -> None:
    for text in ['"killed soldiers"', "kill*", "killed~1", "a b c", "killed NOT army", "the"]:
        assert _simple(text) is None
