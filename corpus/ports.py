"""What the domain needs from a search backend, so corpus/ never imports one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from sqlmodel import Session

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


@runtime_checkable
class TransactionalIndex(Protocol):
    """An index stored in the database itself (PostgreSQL full text): its writes can join the
    caller's transaction, so rows and passages commit or roll back together."""

    def in_transaction(self, session: Session) -> ArticleIndex:
        """Writes through ``session``: nothing is committed until the session commits."""
        ...


def index_writer(index: ArticleIndex, session: Session) -> tuple[ArticleIndex, bool]:
    """Where a write of ``session``'s rows sends its passages, and whether they commit with
    the session (True) or in the index's own commit, which the caller must undo by hand if
    the database's commit then fails (False)."""
    if isinstance(index, TransactionalIndex):
        return index.in_transaction(session), True
    return index, False
