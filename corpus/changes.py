"""The ordered change log: one row per write, numbered by the corpus version that write made.

Every write (ingest, batch, delete, re-extraction) calls ``record_change`` inside its transaction
instead of bumping the version alone, so the row and the version commit together: a reader that
sees version *n* can read every change up to *n*. The version row is updated first and keeps its
row lock (PostgreSQL) or the database's write lock (SQLite) until commit, so writes commit in
version order and the log has no holes below the version a reader sees.

Replicas that keep an index of their own (the Whoosh backend on several machines) apply the
changes they have not seen (``search.whoosh.follower``). The log is bounded by age, not by
who has read it: rows more than ``RETAIN`` versions old are pruned by the writes themselves
(every ``PRUNE_EVERY`` versions). A replica that fell further behind than that (down for a long
while) cannot replay the log and rebuilds by comparing its index with the article table (the
startup repair), which is always correct, just slower. No registry of replicas is needed, so a
replica that disappears for good holds nothing back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select
from sqlmodel import Session

from corpus.tables import CorpusChange
from corpus.version import bump_version, session_version

# Write kinds. "add": articles created (their passages must be indexed); "delete": articles
# removed; "reextract": facts recomputed, passages unchanged (a replica's index has nothing to
# do, but it still advances past the version).
ADD, DELETE, REEXTRACT = "add", "delete", "reextract"
RETAIN = 100_000  # versions kept: ~a day of one write a second, a few MB of rows
PRUNE_EVERY = 1_000

_TABLE = CorpusChange.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Change:
    """One logged write."""

    version: int
    op: str
    article_ids: tuple[int, ...]


def record_change(session: Session, op: str, article_ids: Iterable[int]) -> int:
    """Bump the corpus version and log this write under it, inside the session's transaction
    (both commit with the write); return the new version."""
    bump_version(session)
    version = session_version(session)
    ids = sorted({int(i) for i in article_ids})
    session.execute(insert(_TABLE).values(version=version, op=op, article_ids=ids))
    if version % PRUNE_EVERY == 0:
        session.execute(delete(_TABLE).where(_TABLE.c.version <= version - RETAIN))
    return version


def changes_after(engine: Engine, after: int, upto: int) -> list[Change] | None:
    """The changes with ``after < version <= upto`` in version order, or None when some of them
    are no longer in the log (pruned, or written before the log existed): replay is impossible
    and the reader must compare its index with the database instead."""
    if upto <= after:
        return []
    query = (
        select(_TABLE.c.version, _TABLE.c.op, _TABLE.c.article_ids)
        .where(_TABLE.c.version > after, _TABLE.c.version <= upto)
        .order_by(_TABLE.c.version)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    if len(rows) != upto - after:
        return None
    return [Change(int(v), str(op), tuple(int(i) for i in ids or ())) for v, op, ids in rows]
