"""Reading and deleting stored articles (keyset pagination by id)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from corpus.entities import drop_orphan_entities
from corpus.errors import NotFound
from corpus.event_store import delete_events
from corpus.events.assign import delete_article_events
from corpus.ports import ArticleIndex
from corpus.tables import Article, Fact


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    """Restrictions on a listing of articles."""

    source: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """One page of articles; ``next_after`` is the id to continue after, or None at the end."""

    articles: list[Article]
    total: int
    next_after: int | None


def _where(filters: ArticleFilters) -> list[Any]:
    clauses: list[Any] = []
    if filters.source:
        clauses.append(func.lower(col(Article.source)) == filters.source.lower())
    if filters.since:
        clauses.append(col(Article.published) >= filters.since)
    if filters.until:
        clauses.append(col(Article.published) <= filters.until)
    return clauses


def list_articles(
    *, session: Session, filters: ArticleFilters, limit: int, after: int | None = None
) -> ArticlePage:
    """Articles in id order, ``limit`` at a time, continuing after id ``after``."""
    clauses = _where(filters)
    total = session.exec(select(func.count()).select_from(Article).where(*clauses)).one()
    query = select(Article).where(*clauses).order_by(col(Article.id)).limit(limit + 1)
    if after is not None:
        query = query.where(col(Article.id) > after)
    rows = list(session.exec(query))
    more = len(rows) > limit
    rows = rows[:limit]
    return ArticlePage(rows, int(total), rows[-1].id if more and rows else None)


def get_article(*, session: Session, article_id: int) -> Article:
    """The article with this id, or NotFound."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article has id {article_id}.")
    return article


def delete_article(*, session: Session, index: ArticleIndex, article: Article) -> None:
    """Delete an article, its facts and its passages."""
    article_id = article.id
    assert article_id is not None
    entity_ids = set(session.exec(select(Fact.entity_id).where(Fact.article_id == article_id)))
    # One statement for the facts, before the article: the ORM would otherwise race the
    # database's ON DELETE CASCADE on PostgreSQL.
    session.exec(delete(Fact).where(col(Fact.article_id) == article_id))  # type: ignore[call-overload]
    delete_events(session, [article_id])
    delete_article_events(session, [article_id])
    session.delete(article)
    session.flush()
    drop_orphan_entities(session, {e for e in entity_ids if e})
    # Index first: if it fails, the rows roll back and nothing is half-deleted in the database.
    try:
        index.delete_articles([article_id])
    except BaseException:
        session.rollback()
        raise
    session.commit()


def iter_articles(session: Session, batch: int = 500) -> Iterator[Article]:
    """Every article in id order, fetched ``batch`` at a time."""
    after = 0
    while True:
        rows = list(
            session.exec(
                select(Article)
                .where(col(Article.id) > after)
                .order_by(col(Article.id))
                .limit(batch)
            )
        )
        if not rows:
            return
        yield from rows
        after = rows[-1].id  # type: ignore[assignment]


def article_stats(session: Session) -> tuple[int, int]:
    """(article count, expected passage count) as the database sees them."""
    count, passages = session.exec(
        select(func.count(), func.coalesce(func.sum(Article.passage_count), 0)).select_from(Article)
    ).one()
    return int(count), int(passages)


def article_ids(session: Session) -> set[int]:
    """Every stored article id."""
    return set(session.exec(select(Article.id)))  # type: ignore[arg-type]
