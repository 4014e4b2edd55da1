"""What the domain needs from a search backend, so corpus/ never imports one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from corpus.tables import Article


class ArticleIndex(Protocol):
    """A derived passage index that ingestion keeps in step with the database."""

    def add_articles(self, articles: Sequence[Article]) -> int:
        """Index every passage of ``articles`` in one commit; return the passage count."""
        ...

    def delete_articles(self, article_ids: Iterable[int]) -> None:
        """Remove every passage of the given articles in one commit."""
        ...
