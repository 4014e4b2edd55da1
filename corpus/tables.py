"""SQLModel tables: the source of truth. API schemas live in service/schemas.py, not here."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text
from sqlalchemy import text as sql_text
from sqlmodel import Field, SQLModel

# The largest id either database stores (PostgreSQL INTEGER): ids, and positions in cursors,
# beyond it are refused before any SQL runs.
MAX_ID = 2**31 - 1


def utcnow() -> datetime:
    """The current time in UTC, timezone-aware."""
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    """One ingested article; ``text`` is stored exactly as given after CRLF -> LF. Ids are never
    reused (SQLite AUTOINCREMENT, a PostgreSQL sequence): a cached id names one article."""

    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(index=True, unique=True, max_length=64)
    title: str | None = Field(default=None, sa_column=Column(Text))
    source: str | None = Field(default=None, index=True, max_length=200)
    url: str | None = Field(default=None, sa_column=Column(Text))
    published: date | None = Field(default=None, index=True)
    language: str | None = Field(default=None, max_length=16)
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: datetime = Field(default_factory=utcnow)
    passage_count: int = 0
    extractor_version: str | None = Field(default=None, max_length=32)
    # "partial" when the extraction budget (corpus.facts.model.MAX_FACTS_PER_ARTICLE) ran out.
    extraction: str = Field(
        default="complete", max_length=16, sa_column_kwargs={"server_default": "complete"}
    )


class Fact(SQLModel, table=True):
    """One extracted fact; ``Article.text[start:end] == text``."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    field: str = Field(index=True, max_length=32)
    kind: str = Field(index=True, max_length=32)
    value: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    sentence_start: int
    sentence_end: int
    sentence_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    attributed_to: str | None = Field(default=None, max_length=200)
    qualifier: str | None = Field(default=None, max_length=32)
    entity_id: str | None = Field(default=None, index=True, max_length=200)

    __table_args__ = (
        # Counts by field and kind, and per article within them (facets, totals), from the
        # index alone, without reading a row per fact.
        Index("ix_fact_field_kind_article", "field", "kind", "article_id"),
        # Every spelling of each place and organization (the search alias table) from the index
        # alone: 0.8 s -> 0.07 s at 600k facts. Partial, because other facts' text (quotes) can
        # outgrow an index entry.
        Index(
            "ix_fact_spellings",
            "field",
            "entity_id",
            "text",
            sqlite_where=sql_text("field IN ('places', 'organizations')"),
            postgresql_where=sql_text("field IN ('places', 'organizations')"),
        ),
    )


class Entity(SQLModel, table=True):
    """A canonical place, person or organization that facts point at by ``entity_id``."""

    id: str = Field(primary_key=True, max_length=200)
    type: str = Field(index=True, max_length=32)
    name: str = Field(sa_column=Column(Text, nullable=False))
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class ArticleEvent(SQLModel, table=True):
    """One article's main event (``corpus.facts.main_event``): its day and most specific place,
    each with the span of ``Article.text`` that grounds it; written with the article's facts."""

    __tablename__ = "article_event"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    event_date: date | None = Field(default=None, index=True)
    date_from: str | None = Field(default=None, max_length=16)
    date_start: int | None = None
    date_end: int | None = None
    place: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    place_entity_id: str | None = Field(default=None, index=True, max_length=200)
    locality: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    locality_entity_id: str | None = Field(default=None, index=True, max_length=200)


class CorpusVersion(SQLModel, table=True):
    """One row: the corpus version (``corpus.version``), bumped with every write."""

    __tablename__ = "corpus_version"

    id: int = Field(default=1, primary_key=True)
    version: int = 0


class CorpusChange(SQLModel, table=True):
    """One write in the ordered change log (``corpus.changes``): the corpus version it made, what
    it did, and the articles whose passages it touched. Replicas with an index of their own
    apply these rows in version order."""

    __tablename__ = "corpus_change"

    version: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    op: str = Field(max_length=16)
    article_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class EventSignature(SQLModel, table=True):
    """What one article says about its incident (``corpus.events.signature``), kept so later
    articles are compared with it without reading its facts again."""

    __tablename__ = "event_signature"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    day: date | None = Field(default=None, index=True)  # the incident's day, else publication
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class EventKey(SQLModel, table=True):
    """A place key (entity id or spelling key) an article's incident is told with: follow-up
    reports and undated articles are compared with the articles sharing one."""

    __tablename__ = "event_key"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    key: str = Field(primary_key=True, index=True, max_length=200)


class Event(SQLModel, table=True):
    """An incident reported by one or more articles (``corpus.events``): its summary, kept in
    step with its members on every write that changes them."""

    __tablename__ = "event"

    id: int | None = Field(default=None, primary_key=True)
    type: str = Field(index=True, max_length=32)
    event_date: date | None = Field(default=None, index=True)
    place: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    region: str | None = Field(default=None, index=True, max_length=100)
    country: str | None = Field(default=None, max_length=8)
    keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    figures: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    killed: float | None = Field(default=None, index=True)
    injured: float | None = None
    article_count: int = 0
    last_published: date | None = None


class EventMember(SQLModel, table=True):
    """An article reporting an event (a roundup article reports several)."""

    __tablename__ = "event_member"

    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    article_id: int = Field(
        foreign_key="article.id", primary_key=True, index=True, ondelete="CASCADE"
    )
