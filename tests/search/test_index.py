"""The passage backends on their own (Whoosh in RAM, PostgreSQL full text): analysis, golden
hits, paging, writes; Whoosh's own segment and lock behaviour last."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from corpus.errors import InvalidQuery
from corpus.metadata import sniff_metadata
from corpus.tables import Article
from search.analysis import passage_analyzer
from search.backend import PassageBackend
from search.types import SearchFilters
from search.whoosh.index import WhooshIndex
from tests.search.backends import MakeBackend


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    from corpus.files import sample_paths

    articles = []
    for number, path in enumerate(sample_paths(), 1):
        text = path.read_text(encoding="utf-8")
        meta = sniff_metadata(text)
        articles.append(
            Article(
                id=number,
                content_hash=str(number),
                text=text,
                title=meta.title,
                source=meta.source,
                published=meta.published,
            )
        )
    return articles


@pytest.fixture
def index(make_module_backend: MakeBackend, sample_articles: list[Article]) -> PassageBackend:
    ix = make_module_backend(sample_articles)
    ix.add_articles(sample_articles)
    return ix


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Deir ez-Zor", ["deir", "ez", "zor"]),
        ("al-Tharda Mountain", ["al", "tharda", "mountain"]),
        ("Mondialisation.ca, 18 septembre", ["mondialis", "ca", "18", "septembr"]),
        ("Alépo RÉGION", ["alepo", "region"]),
        ("the soldiers were killed", ["soldier", "were", "kill"]),
    ],
)
def test_analyzer(text: str, tokens: list[str]) -> None:
    assert [t.text for t in passage_analyzer()(text)] == tokens


def test_tharda_finds_every_article_that_mentions_it(
    index: PassageBackend, sample_articles: list[Article]
) -> None:
    page = index.search("Tharda", limit=100)
    mentioning = {a.id for a in sample_articles if "tharda" in a.text.lower()}
    assert {hit.article_id for hit in page.hits} == mentioning
    assert len(mentioning) >= 3


def test_phrase_query_matches_the_phrase_only(index: PassageBackend) -> None:
    page = index.search('"Deir ez-Zor"', limit=100)
    assert page.total >= 3
    for hit in page.hits:
        assert "deir ez-zor" in hit.passage.text.lower()


QUERIES = [
    "Tharda",
    '"Deir ez-Zor"',
    "deir AND zor",
    "thard*",
    "konashenkov~",
    "killed OR wounded",
    "soldiers NOT Russia",
    "F-16",
    "septembre",
]


@pytest.mark.parametrize("query", QUERIES)
def test_offsets_and_highlights_are_exact(
    index: PassageBackend, sample_articles: list[Article], query: str
) -> None:
    texts = {a.id: a.text for a in sample_articles}
    page = index.search(query, limit=100)
    assert page.total > 0
    for hit in page.hits:
        text = texts[hit.article_id]
        assert text[hit.passage.start : hit.passage.end] == hit.passage.text
        assert hit.highlights
        for light in hit.highlights:
            assert hit.passage.start <= light.start < light.end <= hit.passage.end
            assert text[light.start : light.end] == light.text


def test_pages_are_stable_and_ordered(index: PassageBackend) -> None:
    everything = index.search("syrian", limit=100).hits
    paged = []
    offset: int | None = 0
    while offset is not None:
        page = index.search("syrian", limit=7, offset=offset)
        paged.extend(page.hits)
        offset = page.next_offset
    assert paged == list(everything)
    keys = [(-h.score, h.article_id, h.passage.start) for h in everything]
    assert keys == sorted(keys)


def test_filters(index: PassageBackend) -> None:
    by_source = index.search("Tharda", limit=100, filters=SearchFilters(source="NEWSWIRE.NET"))
    assert {h.source for h in by_source.hits} == {"Newswire.net"}
    since = index.search("syrian", limit=100, filters=SearchFilters(since=date(2016, 9, 18)))
    assert since.total and all(h.published and h.published >= date(2016, 9, 18) for h in since.hits)
    until = index.search("syrian", limit=100, filters=SearchFilters(until=date(2016, 9, 17)))
    assert {h.published for h in until.hits} == {date(2016, 9, 17)}


@pytest.mark.parametrize("query", ["", "   ", "x" * 50_001, "abcdefghijklmnop~6", "a*"])
def test_unusable_queries_raise_invalid_query(index: PassageBackend, query: str) -> None:
    with pytest.raises(InvalidQuery):
        index.search(query, limit=10)


@pytest.mark.parametrize("query", ["the", "AND", "(((", "~", "*", "of the"])
def test_queries_without_a_searchable_word_match_nothing(index: PassageBackend, query: str) -> None:
    page = index.search(query, limit=10)
    assert page.total == 0 and not page.hits


def test_field_syntax_is_plain_text(index: PassageBackend) -> None:
    assert (
        index.search("title:Tharda", limit=10).total == index.search("title Tharda", limit=10).total
    )


def test_delete_and_rebuild(index: PassageBackend, sample_articles: list[Article]) -> None:
    before = index.passage_count
    generation = index.generation
    index.delete_articles([1])
    assert index.article_ids() == {2, 3, 4, 5}
    assert index.passage_count < before
    assert index.generation > generation
    assert all(h.article_id != 1 for h in index.search("Tharda", limit=100).hits)
    assert index.rebuild(sample_articles) == before
    assert index.article_ids() == {1, 2, 3, 4, 5}


def test_segments_on_disk_are_separate_files(
    tmp_path: Path, sample_articles: list[Article]
) -> None:
    """Compound segment files are copied into memory by every reader that opens them."""
    index = WhooshIndex.open(tmp_path / "index")
    try:
        index.add_articles(sample_articles[:2])
        index.add_articles(sample_articles[2:])
        assert index.search("Tharda", limit=10).total >= 3
    finally:
        index.close()
    names = [path.name for path in (tmp_path / "index").iterdir()]
    assert any(name.endswith(".pst") for name in names)
    assert not any(name.endswith(".seg") for name in names)


def test_a_writer_waits_for_the_lock_another_index_holds(tmp_path: Path) -> None:
    mine, theirs = WhooshIndex.open(tmp_path), WhooshIndex.open(tmp_path)
    held = theirs._ix.writer()  # another process on the same data directory is writing
    releaser = threading.Timer(0.3, held.cancel)
    releaser.start()
    try:
        added = mine.add_articles([Article(id=7, content_hash="h", text="The mayor spoke.")])
        assert added == 1 and mine.passage_count == 1
    finally:
        releaser.join()
        mine.close()
        theirs.close()


AGREEMENT_QUERIES = [
    *QUERIES,
    "killed ANDNOT wounded",
    "cease?ire",
    '"killing of soldiers"~3',
    '"air strike" OR bomb',
    "syrian (army OR government) NOT isis",
]


@pytest.mark.parametrize("query", AGREEMENT_QUERIES)
def test_backends_find_the_same_passages_and_highlights(
    index: PassageBackend, sample_articles: list[Article], query: str
) -> None:
    """Whatever the ranking, every backend matches the same passages and marks the same words
    as Whoosh does: the analyzer, the parser and the highlighter are shared."""
    reference = WhooshIndex.in_memory()
    reference.add_articles(sample_articles)

    def found(ix: PassageBackend) -> dict[tuple[int, int], tuple[tuple[int, int], ...]]:
        return {
            (h.article_id, h.passage.start): tuple((x.start, x.end) for x in h.highlights)
            for h in ix.iter_search(query)
        }

    expected = found(reference)
    assert expected
    assert found(index) == expected
    assert index.search(query, limit=5).total == len(expected)


def test_counting_stops_at_the_bound(index: PassageBackend) -> None:
    exact = index.search("syrian", limit=3).total
    assert exact > 10
    bounded = index.search("syrian", limit=3, count_limit=5)
    if bounded.total_relation == "gte":  # a backend may always count exactly
        assert 5 <= bounded.total < exact and bounded.next_offset == 3
    else:
        assert bounded.total == exact
    whole = index.search("syrian", limit=3, count_limit=exact)
    assert (whole.total, whole.total_relation) == (exact, "eq")
    last = index.search("syrian", limit=3, offset=exact - 2, count_limit=5)
    assert last.next_offset is None and len(last.hits) == 2
