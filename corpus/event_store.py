"""Storing and reading each article's main event (one ``ArticleEvent`` row an article).

Written at ingest and by ``factdesk reextract`` with the article's facts, so the answerer can
pin a question's date and place to articles with one indexed lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from corpus.facts.main_event import EventPlace, MainEvent
from corpus.tables import Article, ArticleEvent

_TABLE = ArticleEvent.__table__  # type: ignore[attr-defined]


def store_events(session: Session, events: Sequence[tuple[Article, MainEvent | None]]) -> None:
    """Insert the main event of each freshly flushed article that has one."""
    rows = [_row(article, event) for article, event in events if event is not None]
    if rows:
        session.execute(insert(_TABLE), rows)


def delete_events(session: Session, article_ids: Iterable[int] | None = None) -> None:
    """Delete the stored events of ``article_ids`` (of every article when None)."""
    statement = delete(ArticleEvent)
    if article_ids is not None:
        statement = statement.where(col(ArticleEvent.article_id).in_(sorted(article_ids)))
    session.exec(statement)  # type: ignore[call-overload]


def main_event(session: Session, article_id: int) -> MainEvent | None:
    """The stored main event of one article (None when it has none)."""
    return main_events(session, [article_id]).get(article_id)


def main_events(session: Session, article_ids: Iterable[int]) -> dict[int, MainEvent]:
    """The stored main events of ``article_ids``, by article id, in one query."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    rows = session.exec(select(ArticleEvent).where(col(ArticleEvent.article_id).in_(ids)))
    return {row.article_id: _event(row) for row in rows}


def articles_with_event(
    session: Session, *, day: date, slack_days: int = 0, place: str | None = None
) -> list[int]:
    """Ids of the articles whose main event falls within ``slack_days`` of ``day`` and, when
    ``place`` is given, whose place or locality is written or named so (any case)."""
    low, high = day - timedelta(days=slack_days), day + timedelta(days=slack_days)
    rows = session.exec(
        select(ArticleEvent)
        .where(col(ArticleEvent.event_date) >= low, col(ArticleEvent.event_date) <= high)
        .order_by(col(ArticleEvent.article_id))
    )
    wanted = place.casefold() if place else None
    return [
        row.article_id
        for row in rows
        if wanted is None
        or any(
            wanted in (str(p.get("name", "")).casefold(), str(p.get("canonical", "")).casefold())
            for p in (row.place, row.locality)
            if p
        )
    ]


def _row(article: Article, event: MainEvent) -> dict[str, Any]:
    assert article.id is not None, "events are stored after their article has an id"
    return {
        "article_id": article.id,
        "event_date": event.date,
        "date_from": event.date_from,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "place": asdict(event.place) if event.place else None,
        "place_entity_id": event.place.entity_id if event.place else None,
        "locality": asdict(event.locality) if event.locality else None,
        "locality_entity_id": event.locality.entity_id if event.locality else None,
    }


def _event(row: ArticleEvent) -> MainEvent:
    return MainEvent(
        date=row.event_date,
        date_from=row.date_from,
        date_start=row.date_start,
        date_end=row.date_end,
        place=EventPlace(**row.place) if row.place else None,
        locality=EventPlace(**row.locality) if row.locality else None,
    )
