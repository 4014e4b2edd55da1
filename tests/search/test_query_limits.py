"""Query bounds: costly queries are refused before any search runs, cheap ones pass."""

from __future__ import annotations

import pytest

from corpus.errors import InvalidQuery
from search.query import MAX_EXPANSIONS, check_expansions, check_query, parse_query
from search.whoosh.index import passage_schema


@pytest.mark.parametrize(
    "query",
    [
        "abcdefghijklmnop~6",  # more than two edits
        "ceasefire~3",
        "x~1",  # fuzzy from one letter
        "a*",  # prefix of one letter
        "*fire",  # leading wildcard
        "?ire",
        "fi~ re~ bo~ mb~ ar~",  # more than four expanding terms
        "tr* bo* ca* fi* ar*",
    ],
)
def test_costly_expanding_terms_are_refused(query: str) -> None:
    with pytest.raises(InvalidQuery):
        parse_query(query, passage_schema())


@pytest.mark.parametrize("query", ["x" * 1001, " ".join(f"w{i}" for i in range(33)), " "])
def test_long_queries_as_written_are_refused(query: str) -> None:
    with pytest.raises(InvalidQuery):
        check_query(query)


@pytest.mark.parametrize("query", ["ceasefire~2", "ceasef*", "cease?ire", '"air strike" OR bomb'])
def test_bounded_queries_pass(query: str) -> None:
    check_query(query)
    parse_query(query, passage_schema())


class _Reader:
    """A reader whose lexicon holds ``words``: enough for a prefix to expand over."""

    def __init__(self, words: list[bytes]) -> None:
        self.words = words

    def expand_prefix(self, fieldname: str, prefix: str) -> list[bytes]:
        return [w for w in self.words if w.startswith(prefix.encode())]


def test_a_prefix_matching_too_many_words_is_refused() -> None:
    reader = _Reader([f"ab{i:05d}".encode() for i in range(MAX_EXPANSIONS + 1)])
    with pytest.raises(InvalidQuery):
        check_expansions(parse_query("ab*", passage_schema()), reader)
    check_expansions(parse_query("abc*", passage_schema()), _Reader([b"abcd"]))


def test_bounded_fuzzy_terms_match_what_whoosh_would() -> None:
    from whoosh.query import FuzzyTerm

    from corpus.tables import Article
    from search.query import BoundedFuzzyTerm
    from search.whoosh.index import WhooshIndex

    index = WhooshIndex.in_memory()
    text = "Soldiers and a soldier were seen near the solder shop; the sodiers' convoy left."
    index.add_articles([Article(id=1, content_hash="h", text=text)])
    try:
        with index._searching() as searcher:
            reader = searcher.reader()
            for word, edits in [("soldier", 2), ("convy", 1), ("shop", 2), ("zzzz", 2)]:
                ours = set(BoundedFuzzyTerm("text", word, maxdist=edits)._btexts(reader))
                theirs = set(FuzzyTerm("text", word, maxdist=edits)._btexts(reader))
                assert ours == theirs, word
        assert index.search("soldirs~2", limit=5).total == 1
    finally:
        index.close()
