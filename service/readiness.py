"""Readiness: startup work done, the database answering, the index consistent with it.

``factdesk serve`` starts listening at once and runs the startup work (index repair against the
database, seeding the samples) in a background thread, so ``/health`` answers while ``/ready``
says 503 until that work is done; writes wait for it too (``service.deps.require_started``).
Embedders and tests run the same work inline, before the app takes a request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from corpus.articles import article_stats
from search.backend import PassageBackend

log = logging.getLogger("factdesk")
# A write commits the index a moment before the database; a mismatch is read again this many
# times, this far apart, before it counts.
_RECHECKS, _RECHECK_PAUSE = 3, 0.05


class Startup:
    """The startup work of one app, run once, inline or in a thread, and whether it is done."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: str | None = None

    @property
    def done(self) -> bool:
        """True once the work finished without error."""
        return self._done.is_set() and self.error is None

    def run(self, work: Callable[[], None]) -> None:
        """Run the work now; its errors propagate (the app does not start)."""
        work()
        self._done.set()

    def run_in_background(self, work: Callable[[], None]) -> None:
        """Run the work in a thread; an error is logged and keeps the app not ready."""

        def target() -> None:
            try:
                work()
            except Exception as exc:  # the process keeps serving /health and reads
                self.error = f"{type(exc).__name__}: {exc}"
                log.exception("startup failed; /ready stays 503")
            finally:
                self._done.set()

        self._thread = threading.Thread(target=target, name="factdesk-startup", daemon=True)
        self._thread.start()

    def finished_within(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the work to finish; whether it is done (without error)."""
        self._done.wait(seconds)
        return self.done

    def wait(self) -> None:
        """Block until background work (if any) has finished: before closing what it uses."""
        if self._thread is not None:
            self._thread.join()


class Follower(Protocol):
    """What readiness needs of an index that follows the change log (a replica's)."""

    def catch_up(self, wait: float = ...) -> int: ...


def readiness_problems(
    *, startup: Startup, engine: Engine, index: PassageBackend, follower: Follower | None = None
) -> list[str]:
    """Why the service is not ready to take traffic; empty when it is. A replica's index first
    applies what other replicas wrote (else it would look short of passages after each)."""
    if not startup.done:
        return [f"startup failed: {startup.error}" if startup.error else "startup is not done"]
    for attempt in range(_RECHECKS):
        try:
            if follower is not None:
                follower.catch_up(wait=1.0)
            with Session(engine) as session:
                _articles, expected = article_stats(session)
        except SQLAlchemyError as exc:
            return [f"the database does not answer: {type(exc).__name__}"]
        try:
            indexed = index.passage_count
        except Exception as exc:  # a closed or broken index
            return [f"the index is not open: {type(exc).__name__}"]
        if indexed == expected:
            return []
        if attempt + 1 < _RECHECKS:
            time.sleep(_RECHECK_PAUSE)
    return [f"the index holds {indexed} passages, the database expects {expected}"]
