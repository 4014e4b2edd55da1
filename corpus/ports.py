"""What the domain needs from a search backend, so corpus/ never imports one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from corpus.spans import Span
from corpus.tables import Article


class ArticleIndex(Protocol):
    """A derived passage index that ingestion keeps in step with the database."""

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
