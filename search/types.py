"""What search returns: small frozen values, never Whoosh objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Highlight:
    """A matched word; offsets are in article coordinates and lie inside the passage."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A window of an article: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """One passage that matched, with its article's metadata and highlights."""

    article_id: int
    title: str | None
    source: str | None
    published: date | None
    score: float
    passage: Passage
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of hits; ``next_offset`` is None on the last page.

    ``total`` is exact when ``total_relation`` is ``"eq"``; a backend asked to count only up to
    a bound answers ``"gte"`` when more passages match (Elasticsearch's ``track_total_hits``)."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    next_offset: int | None
    variants: tuple[str, ...] = ()
    facets: dict[str, list[tuple[Any, int]]] | None = None  # over the matching articles
    total_relation: Literal["eq", "gte"] = "eq"


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Restrictions on which articles' passages may match."""

    source: str | None = None
    since: date | None = None
    until: date | None = None
