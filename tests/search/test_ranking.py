"""/search's numpy ranking returns exactly what Whoosh's collector returns: the same passages,
scores and order, and the same count, on many generated queries over several segments with
deletions and filters."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from corpus.tables import Article
from search.backend import bounded_total
from search.query import parse_query
from search.types import SearchFilters
from search.whoosh import ranking
from search.whoosh.index import WhooshIndex, _filter_query, _top
from search.whoosh.ranking import Both, Either, Leaf, plan, worth_ranking

_WORDS = [
    "shelling", "killed", "soldiers", "civilians", "near", "Aleppo", "Homs", "Idlib", "army",
    "convoy", "ceasefire", "talks", "Geneva", "rebels", "fled", "hospital", "struck", "bridge",
    "river", "market", "officials", "said", "monday", "troops", "wounded", "village",
]  # fmt: skip
_SOURCES = ["Daily Post", "Wire Service", "Evening News"]


def _article(number: int, rng: random.Random) -> Article:
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        # Skewed word choice: a few words common, most rarer, lengths varied.
        words = [_WORDS[min(int(rng.expovariate(0.25)), len(_WORDS) - 1)] for _ in range(30)]
        count = rng.randint(4, 30)
        paragraphs.append(" ".join(words[:count]).capitalize() + ".")
    return Article(
        id=number,
        content_hash=str(number),
        text="\n\n".join(paragraphs),
        source=_SOURCES[number % 3],
        published=date(2016, 1 + number % 12, 1 + number % 27),
    )


@pytest.fixture(scope="module")
def index() -> WhooshIndex:
    rng = random.Random(13)
    ix = WhooshIndex.in_memory()
    for first in range(1, 401, 80):  # several commits: several segments
        ix.add_articles([_article(n, rng) for n in range(first, first + 80)])
    ix.delete_articles([5, 6, 90, 333])
    return ix


@pytest.fixture(autouse=True)
def rank_every_planned_query(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test corpus is small: without this, words and AND would go to the collector."""
    monkeypatch.setattr(ranking, "MIN_POSTINGS", 0)


def _queries(count: int) -> list[str]:
    rng = random.Random(7)
    out = []
    for _ in range(count):
        a, b, c = rng.sample(_WORDS, 3)
        out.append(
            rng.choice(
                [
                    a,
                    f"{a} {b}",
                    f"{a} AND {b}",
                    f"{a} OR {b}",
                    f"({a} OR {b}) AND {c}",
                    f"{a} AND ({b} OR {c})",
                    f"({a} OR {b}) ({c} OR {a})",
                    f"({a} AND {b}) OR {c}",
                    f"({a} AND {b}) OR ({b} AND {c})",
                    f"{a} OR nowhereword",
                    f"{a} nowhereword",
                ]
            )
        )
    return out


def _collector(index: WhooshIndex, query: str, wanted: int, filters: SearchFilters | None):
    """Today's first page (the top-N collector) and its count; for the queries ``plan`` takes,
    the count of every match (what an export of the query yields: the collector's own count
    misses passages of OR queries, which the numpy ranking does not)."""
    parsed = parse_query(query, index._schema)
    with index._searching() as searcher:
        top, count = _top(searcher, parsed, wanted, _filter_query(filters))
        if plan(parsed) is not None:
            every = searcher.search(
                parsed, limit=None, filter=_filter_query(filters), optimize=False
            )
            count = len(every)
        return [(hit.score, hit["article_id"], hit["start"]) for hit in top], count


_FILTERS = [
    None,
    SearchFilters(source="daily post"),
    SearchFilters(since=date(2016, 3, 1), until=date(2016, 8, 31)),
]


@pytest.mark.parametrize("query", _queries(100))
def test_same_hits_scores_order_and_count_as_the_collector(index: WhooshIndex, query: str) -> None:
    for filters in _FILTERS:
        for offset, limit in [(0, 10), (0, 1), (10, 10), (95, 20)]:
            page = index.search(query, limit=limit, offset=offset, filters=filters)
            expected, count = _collector(index, query, offset + limit, filters)
            got = [(h.score, h.article_id, h.passage.start) for h in page.hits]
            assert got == [(round(s, 6), a, st) for s, a, st in expected[offset:]]
            assert page.total == count and page.total_relation == "eq"
            assert page.next_offset == (offset + limit if offset + limit < count else None)


def test_unrounded_scores_are_whoosh_bits(index: WhooshIndex) -> None:
    from search.whoosh.ranking import rank

    planned = 0
    for query in _queries(60):
        parsed = parse_query(query, index._schema)
        node = plan(parsed)
        if node is None:
            continue
        planned += 1
        with index._searching() as searcher:
            ranked = rank(searcher, node, 1000, index._postings)
            results = searcher.search(parsed, limit=1000, optimize=False)
            theirs = sorted(
                ((hit.score, hit.docnum) for hit in results), key=lambda p: (-p[0], p[1])
            )
        assert ranked.top == theirs
        assert ranked.count == len(results)
    assert planned > 20


@pytest.mark.parametrize(
    ("query", "shape"),
    [
        ("killed", Leaf),
        ("killed AND army", Both),
        ("killed army", Both),
        ("killed OR army", Either),
        ('"killed soldiers"', None),
        ("killed OR army OR convoy", None),  # three children: Whoosh's sum order is its own
        ("(killed AND army) OR convoy", None),  # Whoosh's count loses passages of OR of ANDs
        ("convoy AND (killed OR army)", None),  # Whoosh's skipping drops words from OR's sum
        ("killed NOT army", None),
        ("kill*", None),
    ],
)
def test_plan_takes_only_what_it_ranks_exactly(index: WhooshIndex, query: str, shape) -> None:
    planned = plan(parse_query(query, index._schema))
    assert (type(planned) if planned is not None else None) is shape


def test_other_queries_still_rank_by_the_collector(index: WhooshIndex) -> None:
    for query in ['"shelling killed"', "killed OR army OR convoy", "killed NOT army", "kill*"]:
        page = index.search(query, limit=10)
        expected, count = _collector(index, query, 10, None)
        assert [(h.score, h.article_id) for h in page.hits] == [
            (round(s, 6), a) for s, a, _ in expected
        ]
        assert page.total == count


def test_totals_above_the_bound_are_a_lower_bound(index: WhooshIndex) -> None:
    exact = index.search("killed", limit=5)
    assert exact.total > 20 and exact.total_relation == "eq"
    bounded = index.search("killed", limit=5, count_limit=20)
    assert (bounded.total, bounded.total_relation) == (20, "gte")
    assert bounded.hits == exact.hits and bounded.next_offset == 5
    # Past the bound the next page still exists while more passages match.
    deep = index.search("killed", limit=5, offset=exact.total - 6, count_limit=20)
    assert deep.total_relation == "gte" and deep.next_offset == exact.total - 1
    last = index.search("killed", limit=5, offset=exact.total - 5, count_limit=20)
    assert last.next_offset is None and len(last.hits) == 5
    at_bound = index.search("killed", limit=5, count_limit=exact.total)
    assert (at_bound.total, at_bound.total_relation) == (exact.total, "eq")
    phrase = index.search('"shelling killed"', limit=5, count_limit=1)
    assert phrase.total == 1 and phrase.total_relation == ("gte" if phrase.hits else "eq")


@pytest.mark.parametrize(
    ("count", "bound", "expected"),
    [(0, 10, (0, "eq")), (10, 10, (10, "eq")), (11, 10, (10, "gte")), (5, None, (5, "eq"))],
)
def test_bounded_total(count: int, bound: int | None, expected: tuple[int, str]) -> None:
    assert bounded_total(count, bound) == expected


def test_the_collectors_time_budget_reads_the_clock(
    index: WhooshIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    import search.whoosh.index as whoosh_index
    from corpus.errors import Overloaded

    monkeypatch.setattr(whoosh_index, "SEARCH_SECONDS", 0.0)
    monkeypatch.setattr(whoosh_index._SearchBudget, "_EVERY", 1)
    with pytest.raises(Overloaded):
        index.search('"shelling killed"', limit=5)
    with pytest.raises(Overloaded):
        index.search('"shelling killed"', limit=5, filters=SearchFilters(source="daily post"))
    assert index.search("killed", limit=5).hits  # ranked without the collector


@pytest.mark.parametrize("query", ["river OR killed", "killed AND army", "convoy"])
def test_the_total_counts_what_an_export_yields(index: WhooshIndex, query: str) -> None:
    page = index.search(query, limit=10)
    exported = list(index.iter_search(query, highlights=False))
    assert page.total == len(exported)
    assert [(h.article_id, h.passage.start) for h in page.hits] == [
        (h.article_id, h.passage.start) for h in exported[:10]
    ]


def test_words_with_few_postings_go_to_the_collector(
    index: WhooshIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ranking, "MIN_POSTINGS", 10**9)
    with index._searching() as searcher:
        for query, ranked in [("killed", False), ("killed AND army", False), ("killed OR x", True)]:
            node = plan(parse_query(query, index._schema))
            assert node is not None and worth_ranking(searcher, node) is ranked
    page = index.search("killed", limit=5)
    expected, count = _collector(index, "killed", 5, None)
    theirs = [(round(score, 6), article) for score, article, _ in expected]
    assert [(h.score, h.article_id) for h in page.hits] == theirs
    assert page.total == count


def test_an_empty_index_answers_every_query_shape_with_no_hits(tmp_path: Path) -> None:
    index = WhooshIndex.open(tmp_path / "empty")
    try:
        for query in ("anything", "one OR two", "one AND two", '"a phrase"'):
            page = index.search(query, limit=10)
            assert (page.total, page.hits) == (0, ())
    finally:
        index.close()


@pytest.mark.parametrize(
    "query", ["alpha OR beta", "(alpha OR beta) AND gamma", '(alpha OR beta) AND NOT "gamma delta"']
)
def test_the_collector_counts_every_match_of_an_or(tmp_path: Path, query: str) -> None:
    """Whoosh's collector replaces an OR's matcher by one that skips what cannot enter the
    top N; the total must still count every match."""
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta"] + [f"w{i}" for i in range(60)]
    index = WhooshIndex.open(tmp_path / "index")
    try:
        index.add_articles(
            [
                Article(id=i, title=None, text=" ".join(rng.choice(words) for _ in range(40)))
                for i in range(1, 401)
            ]
        )
        parsed = parse_query(query, index._schema)
        with index._searching() as searcher:
            _, total = _top(searcher, parsed, 10, None)
            every = len(list(searcher.docs_for_query(parsed)))
        assert every > 10
        assert total == every
    finally:
        index.close()
