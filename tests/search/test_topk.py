"""The answerer's retrieval: ``top_passages`` ranks exactly as the backend's OR search does
(on Whoosh, with common words pruned rather than scored, across segments), after deletions."""

from __future__ import annotations

import pytest
from whoosh.query import Or, Term

from corpus.tables import Article
from search.analysis import passage_analyzer
from search.backend import PassageBackend
from search.whoosh.index import WhooshIndex
from tests.search.backends import MakeBackend

_PLACES = ["Aleppo", "Homs", "Idlib", "Raqqa", "Mosul"]
_VICTIMS = ["soldiers", "civilians", "fighters", "rebels"]


def _article(number: int) -> Article:
    place, victims = _PLACES[number % 5], _VICTIMS[number % 4]
    paragraphs = [
        f"Shelling killed {number % 7 + 2} {victims} near {place} on Monday, officials said.",
        f"The army said troops were killed in {_PLACES[(number * 3) % 5]} and the toll rose.",
        "Talks resumed in Geneva." if number % 3 else f"Witnesses in {place} said {victims} fled.",
    ]
    return Article(id=number, content_hash=str(number), text="\n\n".join(paragraphs))


def _or_ranking(index: PassageBackend, words: list[str], k: int) -> list[tuple[float, int, int]]:
    """The first ``k`` of the backend's own search for the OR of ``words`` (Whoosh: its
    collector over the query object, as analyzed words are not query text)."""
    if not isinstance(index, WhooshIndex):
        page = index.search(" OR ".join(words), limit=k) if words else None
        return [(-h.score, h.article_id, h.passage.start) for h in page.hits] if page else []
    with index._searching() as searcher:
        results = searcher.search(Or([Term("text", w) for w in words]), limit=k)
        stored = [(score, searcher.stored_fields(doc)) for score, doc in results.top_n]
    return sorted((-round(s, 6), f["article_id"], f["start"]) for s, f in stored)


def _terms(question: str) -> list[str]:
    return [token.text for token in passage_analyzer()(question)]


_ARTICLES = [_article(n) for n in range(1, 151)]


@pytest.fixture(scope="module")
def index(make_module_backend: MakeBackend) -> PassageBackend:
    ix = make_module_backend(_ARTICLES)
    for first in range(1, 121, 30):  # several commits: several segments
        ix.add_articles([_article(n) for n in range(first, first + 30)])
    ix.delete_articles([7, 8, 40])
    return ix


@pytest.mark.parametrize(
    "question",
    [
        "soldiers killed near Aleppo",
        "killed said",
        "rebels fled Idlib witnesses",
        "Geneva talks",
        "troops toll Mosul army",
        "nowhere words",
    ],
)
@pytest.mark.parametrize("k", [1, 5, 60, 1000])
def test_same_ranking_as_or_search(index: PassageBackend, question: str, k: int) -> None:
    words = _terms(question)
    got = [(-h.score, h.article_id, h.passage.start) for h in index.top_passages(words, k)]
    assert got == _or_ranking(index, words, k)


def test_deleted_articles_are_never_returned(index: PassageBackend) -> None:
    found = {h.article_id for h in index.top_passages(_terms("killed"), 1000)}
    assert found and not found & {7, 8, 40}


def test_hits_slice_their_article(make_backend: MakeBackend) -> None:
    article = _article(3)
    ix = make_backend([article])
    ix.add_articles([article])
    for hit in ix.top_passages(_terms("soldiers Raqqa"), 10):
        assert article.text[hit.passage.start : hit.passage.end] == hit.passage.text


def test_an_empty_index_has_no_passages(make_backend: MakeBackend) -> None:
    ix = make_backend([])
    assert ix.top_passages(_terms("soldiers Raqqa"), 10) == []


def test_a_write_is_seen_by_the_next_query(make_backend: MakeBackend) -> None:
    ix = make_backend(_ARTICLES)
    ix.add_articles([_article(n) for n in range(1, 11)])
    first = {h.article_id for h in ix.top_passages(_terms("Aleppo"), 100)}
    ix.delete_articles([min(first)])
    ix.add_articles([_article(n) for n in (15, 20)])
    after = {h.article_id for h in ix.top_passages(_terms("Aleppo"), 100)}
    assert after == (first - {min(first)}) | {15, 20}
    assert [
        (-h.score, h.article_id, h.passage.start) for h in ix.top_passages(_terms("Aleppo"), 100)
    ] == _or_ranking(ix, _terms("Aleppo"), 100)
