"""Keeping the derived index in step with the database: full rebuilds and startup repair."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from corpus.articles import article_ids, article_stats, iter_articles
from corpus.db import writers_paused
from corpus.tables import Article
from search.backend import PassageBackend


@dataclass(frozen=True, slots=True)
class IndexCheck:
    """How the index compares with the database, and what repair did about it."""

    missing: int
    extra: int
    passages_expected: int
    passages_indexed: int
    repaired: bool


def reindex(*, session: Session, index: PassageBackend) -> int:
    """Rebuild the whole index from the database in one atomic commit; return passages indexed."""
    return index.rebuild(iter_articles(session))


def repair_index(*, session: Session, index: PassageBackend) -> IndexCheck:
    """Index articles the index lacks and drop ones the database no longer has.

    Passages of an article another process is still committing are in the index before its
    rows are in the database: what to drop (and a rebuild) is decided only while no writer is
    in flight (``writers_paused``)."""
    stored = article_ids(session)
    indexed = index.article_ids()
    missing, extra = stored - indexed, indexed - stored
    repaired = False
    if extra:
        with writers_paused(session):
            extra = index.article_ids() - article_ids(session)
            if extra:
                index.delete_articles(sorted(extra))
                repaired = True
    if missing:
        for chunk in _chunks(sorted(missing), 500):
            articles = [session.get(Article, article_id) for article_id in chunk]
            index.add_articles([a for a in articles if a is not None])
        repaired = True
    _count, expected = article_stats(session)
    if index.passage_count != expected:
        with writers_paused(session):
            _count, expected = article_stats(session)
            if index.passage_count != expected:
                # Same articles but different passages (a crash mid-way, or a new splitter).
                reindex(session=session, index=index)
                repaired = True
    return IndexCheck(len(missing), len(extra), expected, index.passage_count, repaired)


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
