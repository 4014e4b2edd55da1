"""Reading and deleting stored articles (sorted listings continue by keyset: corpus.ordering)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from corpus.changes import DELETE, record_change
from corpus.entities import drop_orphan_entities
from corpus.errors import NotFound
from corpus.event_store import delete_events
from corpus.events.assign import delete_article_events
from corpus.facets import Buckets, count_facets
from corpus.ordering import Sort, parse_date, parse_datetime
from corpus.ports import ArticleIndex, index_writer
from corpus.tables import Article, Fact


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    """Restrictions on a listing of articles."""

    source: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """One page of articles; ``next_after`` is the position to continue after, or None at the
    end."""

    articles: list[Article]
    total: int
    next_after: list[Any] | None


ARTICLE_SORTS = {
    s.name: s
    for s in (
        Sort("id", None),
        Sort("-id", None, descending=True),
        Sort("published", col(Article.published), parse=parse_date),
        Sort("-published", col(Article.published), descending=True, parse=parse_date),
        Sort("ingested_at", col(Article.ingested_at), parse=parse_datetime),
        Sort("-ingested_at", col(Article.ingested_at), descending=True, parse=parse_datetime),
    )
}
# Listings never load the text: at 20k articles it is most of the table.
_SUMMARY = defer(Article.text)  # type: ignore[arg-type]


def article_clauses(filters: ArticleFilters) -> list[Any]:
    """WHERE clauses selecting the articles ``filters`` keep."""
    clauses: list[Any] = []
    if filters.source:
        clauses.append(func.lower(col(Article.source)) == filters.source.lower())
    if filters.since:
        clauses.append(col(Article.published) >= filters.since)
    if filters.until:
        clauses.append(col(Article.published) <= filters.until)
    return clauses


def list_articles(
    *,
    session: Session,
    filters: ArticleFilters,
    limit: int,
    sort: Sort = ARTICLE_SORTS["id"],
    after: Any = None,
) -> ArticlePage:
    """Articles in ``sort`` order, ``limit`` at a time, continuing after position ``after``
    (a cursor's, checked against the sort)."""
    clauses = article_clauses(filters)
    total = session.exec(select(func.count()).select_from(Article).where(*clauses)).one()
    rows = _page(session, clauses, sort, limit + 1, after)
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if more and rows else None
    return ArticlePage(rows, int(total), _position(sort, last) if last else None)


def _page(
    session: Session, clauses: list[Any], sort: Sort, limit: int, after: Any
) -> list[Article]:
    query = select(Article).options(_SUMMARY).where(*clauses)
    if after is not None:
        query = query.where(sort.after(col(Article.id), sort.read_position(after)))
    return list(session.exec(query.order_by(*sort.order_by(col(Article.id))).limit(limit)))


def _position(sort: Sort, article: Article) -> list[Any]:
    key = getattr(article, sort.name.lstrip("-")) if sort.key is not None else None
    return sort.position(key, article.id or 0)


def stream_articles(
    *, session: Session, filters: ArticleFilters, sort: Sort, batch: int = 1000
) -> Iterator[Article]:
    """Every article ``filters`` keep, in ``sort`` order, fetched ``batch`` at a time (memory
    stays flat however many match)."""
    clauses = article_clauses(filters)
    after = None
    while rows := _page(session, clauses, sort, batch, after):
        yield from rows
        after = _position(sort, rows[-1])


def article_facets(
    *, session: Session, filters: ArticleFilters, names: Sequence[str]
) -> dict[str, Buckets]:
    """Facet buckets (``corpus.facets``) over every article ``filters`` keep."""
    return count_facets(session, names=names, clauses=article_clauses(filters), of_facts=False)


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
    record_change(session, DELETE, [article_id])
    # Index first: if it fails, the rows roll back and nothing is half-deleted in the database.
    try:
        index_writer(index, session)[0].delete_articles([article_id])
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
