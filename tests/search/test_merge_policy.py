"""Segment merging: few segments after many writes, document order and offsets kept."""

from __future__ import annotations

from typing import Any

from corpus.tables import Article
from search.whoosh.index import WhooshIndex
from search.whoosh.merge_policy import MAX_MERGED, MERGE_FACTOR, merge_from, tier

WORDS = [
    "officials",
    "said",
    "the",
    "convoy",
    "reached",
    "Aleppo",
    "after",
    "the",
    "ceasefire",
    "collapsed",
]


def _simulate(batches: int, size: int) -> list[int]:
    sizes: list[int] = []
    for _ in range(batches):
        start = merge_from(sizes, size)
        sizes = [*sizes[:start], sum(sizes[start:]) + size]
    return sizes


def test_small_segments_merge_like_a_counter_in_base_four() -> None:
    assert _simulate(3, 5) == [5] * 3
    assert _simulate(4, 5) == [20]
    assert _simulate(16, 5) == [80]
    assert _simulate(20, 5) == [80, 20]


def test_bulk_batches_are_never_rewritten() -> None:
    assert _simulate(20, 5000) == [5000] * 20
    assert _simulate(2 * MERGE_FACTOR, MAX_MERGED // MERGE_FACTOR) == [MAX_MERGED] * 2


def test_segment_count_stays_logarithmic_below_the_cap() -> None:
    for size in (1, 5, 300):
        for batches in range(1, 400, 13):
            sizes = _simulate(batches, size)
            assert sum(sizes) == batches * size
            assert max(sizes) <= MAX_MERGED
            capped = sum(s > MAX_MERGED // MERGE_FACTOR for s in sizes)
            assert len(sizes) - capped <= (MERGE_FACTOR - 1) * (tier(MAX_MERGED) + 1)
            assert sizes == sorted(sizes, reverse=True)  # the newest are the smallest


def _article(number: int) -> Article:
    sentences = [
        f"{WORDS[(number + k) % len(WORDS)].capitalize()} {' '.join(WORDS[k:])} {number}."
        for k in range(3)
    ]
    text = "\n\n".join(" ".join(sentences[: k + 1]) for k in range(3))
    return Article(id=number, content_hash=str(number), text=text, source="Wire")


def _docs(index: WhooshIndex) -> list[tuple[int, int]]:
    """(article id, start) of every live passage, in document-number order."""
    with index._searching() as searcher:
        reader: Any = searcher.reader()
        return [(f["article_id"], f["start"]) for _n, f in reader.iter_docs()]


def test_many_small_writes_with_deletes_keep_order_and_offsets() -> None:
    index = WhooshIndex.in_memory()
    articles = {}
    deleted: set[int] = set()
    for batch in range(40):
        new = [_article(batch * 3 + k) for k in range(1, 4)]
        articles.update({a.id: a for a in new})
        index.add_articles(new)
        if batch % 5 == 4:
            gone = batch * 3 + 2
            index.delete_articles([gone])
            deleted.add(gone)
    docs = _docs(index)
    assert docs == sorted(docs)  # equal scores are ordered by document number
    assert {article_id for article_id, _start in docs} == set(articles) - deleted
    assert len(index._ix._segments()) <= 2 * (MERGE_FACTOR - 1)
    page = index.search("aleppo", limit=500)
    assert page.total == len(docs)
    for hit in page.hits:
        text = articles[hit.article_id].text
        assert text[hit.passage.start : hit.passage.end] == hit.passage.text
    keys = [(-h.score, h.article_id, h.passage.start) for h in page.hits]
    assert keys == sorted(keys)
