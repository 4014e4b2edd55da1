"""A replica's Whoosh index following the shared database through the change log.

Several factdesk processes may share one PostgreSQL database, each with an index directory of
its own (one per machine). A write is indexed only by the process that made it; every other
process learns of it from the ordered change log (``corpus.changes``) and applies it here:
articles added (or re-added) are read from the database and indexed, articles deleted lose
their passages. The version the index has applied is kept in memory and in a file in the index
directory (``applied-version``), and the service keys its result caches and ETags on it, never on
a newer database version its index has not caught up with.

When: a background thread polls the version (one primary-key read) every ``POLL_SECONDS`` and
applies what is new, so a single article is searchable on every replica within ~0.1–0.3 s; a
read that finds the database ahead of the index also asks for a catch-up and waits for it up to
``READ_WAIT_SECONDS`` (then answers at the version applied so far). One catch-up runs at a time.

Applying is idempotent: an article is indexed only if it has no passages yet (checked again
under the index's cross-process lock, so processes sharing one index directory, e.g. the
serving workers of one machine, apply a change once) and deleted only if it has some. So a
process also "applies" its own writes, which are already in its index, at the cost of one
look-up, and a crash between the index commit and the file write only repeats work.

A replica that fell behind further than the log keeps (``corpus.changes.RETAIN``) compares its
whole index with the article table instead (``search.maintenance.repair_index``).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from corpus.changes import ADD, DELETE, changes_after
from corpus.tables import Article
from corpus.version import read_version
from search.maintenance import repair_index
from search.whoosh.index import WhooshIndex

log = logging.getLogger("factdesk")

APPLIED_FILE = "applied-version"
POLL_SECONDS = 0.1
READ_WAIT_SECONDS = 0.5
CHUNK = 500  # articles read from the database and indexed per commit


class IndexFollower:
    """Applies the change log to one process's index; ``applied`` is None until started."""

    def __init__(self, *, engine: Engine, index: WhooshIndex, directory: Path) -> None:
        self._engine, self._index, self._file = engine, index, directory / APPLIED_FILE
        self._applied: int | None = None
        self._applying = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def applied(self) -> int | None:
        """The newest version whose changes the index holds (None before ``start``)."""
        return self._applied

    def saved_version(self) -> int | None:
        """The applied version the index directory records, if any."""
        try:
            return int(self._file.read_text().strip())
        except (OSError, ValueError):
            return None

    def start(self, version: int) -> None:
        """Follow from ``version`` (the index holds every change up to it) in a thread."""
        log.info(
            "index follows the change log from version %d (its directory recorded %s)",
            version,
            self.saved_version(),
        )
        self._set_applied(version)
        self._thread = threading.Thread(target=self._run, name="factdesk-follower", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread (before the index closes)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def version_for(self, database_version: int) -> int | None:
        """The version a read may key on without waiting: ``database_version`` when the index
        has applied it, None when it must catch up first (or the follower has not started:
        then the database version, as a single process has always used)."""
        applied = self._applied
        if applied is None or applied >= database_version:
            return database_version
        return None

    def catch_up(self, wait: float = READ_WAIT_SECONDS) -> int:
        """Apply the changes the index has not seen, waiting up to ``wait`` seconds for a
        catch-up another thread is running; return the version applied."""
        if not self._applying.acquire(timeout=wait):
            return self._applied if self._applied is not None else 0
        try:
            return self._apply_new()
        finally:
            self._applying.release()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.catch_up(wait=0)
            except Exception:  # the database or index failing now may answer later
                log.exception("following the change log failed; retrying")
                self._stop.wait(1.0)
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()

    def _apply_new(self) -> int:
        applied = self._applied
        assert applied is not None, "start() first"
        target = read_version(self._engine)
        if target <= applied:
            return applied
        changes = changes_after(self._engine, applied, target)
        if changes is None:  # pruned past us: compare the whole index with the database
            log.warning("index at version %d is older than the change log; repairing", applied)
            with Session(self._engine, expire_on_commit=False) as session:
                repair_index(session=session, index=self._index)
        else:
            touched = sorted({i for c in changes if c.op in (ADD, DELETE) for i in c.article_ids})
            for start in range(0, len(touched), CHUNK):
                self._apply_articles(touched[start : start + CHUNK])
        self._set_applied(target)
        return target

    def _apply_articles(self, ids: list[int]) -> None:
        """Make the index hold the passages of those of ``ids`` the database has, and none of
        the others; reads the rows only when the index lacks some."""
        indexed = self._index.indexed_among(ids)
        with Session(self._engine, expire_on_commit=False) as session:
            stored = set(session.exec(select(Article.id).where(col(Article.id).in_(ids))))
            missing = sorted(i for i in stored - indexed if i is not None)
            gone = sorted(indexed - stored)  # type: ignore[operator]
            if not missing and not gone:
                return
            rows = list(
                session.exec(
                    select(Article).where(col(Article.id).in_(missing)).order_by(col(Article.id))
                )
            )
        # Indexed after the session ends: no database transaction stays open meanwhile.
        self._index.apply_articles(rows, gone)

    def _set_applied(self, version: int) -> None:
        self._applied = version
        temporary = self._file.with_name(f"{APPLIED_FILE}.{os.getpid()}.tmp")
        temporary.write_text(f"{version}\n")
        os.replace(temporary, self._file)
