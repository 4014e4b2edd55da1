"""The interface every passage backend implements: Whoosh today, PostgreSQL FTS beside it later."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, Protocol

from corpus.spans import Span
from corpus.tables import Article
from search.types import Hit, SearchFilters, SearchPage


class PassageBackend(Protocol):
    """Index, delete and search passages; the database stays the source of truth."""

    def add_articles(self, articles: Sequence[Article]) -> int:
        """Index every passage of ``articles`` in one commit; return the passage count."""
        ...

    def add_passages(self, items: Iterable[tuple[Article, Sequence[Span]]]) -> int:
        """Index the given passages of each article in one commit, consuming ``items`` inside
        the writer (committed once exhausted, cancelled if producing it raises)."""
        ...

    def delete_articles(self, article_ids: Iterable[int]) -> None:
        """Remove every passage of the given articles in one commit."""
        ...

    def rebuild(self, articles: Iterable[Article]) -> int:
        """Replace the whole index with the passages of ``articles``, atomically."""
        ...

    def search(
        self,
        query: str,
        *,
        limit: int,
        offset: int = 0,
        filters: SearchFilters | None = None,
        count_limit: int | None = None,
    ) -> SearchPage:
        """Passages matching ``query``, best first, ties by article id then passage start.

        ``count_limit``: count matches exactly only up to this many (None: always exactly);
        above it the page's ``total`` is a lower bound and ``total_relation`` is ``"gte"``."""
        ...

    def iter_search(
        self, query: str, *, filters: SearchFilters | None = None, highlights: bool = True
    ) -> Iterator[Hit]:
        """Every passage matching ``query`` in ``search`` order, read as the iterator advances."""
        ...

    def top_passages(self, terms: Sequence[str], k: int) -> list[Hit]:
        """The ``k`` best passages for an OR of analyzed ``terms``, ranked as ``search`` ranks
        them, without a total or highlights (the answerer's retrieval)."""
        ...

    def article_ids(self) -> set[int]:
        """Ids of the articles that have passages in the index."""
        ...

    @property
    def generation(self) -> int:
        """A number that changes whenever the index changes."""
        ...

    @property
    def passage_count(self) -> int:
        """How many passages are indexed."""
        ...

    def close(self) -> None:
        """Release files and searchers."""
        ...


def bounded_total(count: int, count_limit: int | None) -> tuple[int, Literal["eq", "gte"]]:
    """The total and relation a page reports for ``count`` matches: exact up to
    ``count_limit``, else the bound itself and ``"gte"`` (Elasticsearch's
    ``track_total_hits``), so a page says the same whichever way a backend counted."""
    if count_limit is not None and count > count_limit:
        return count_limit, "gte"
    return count, "eq"
