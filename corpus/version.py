"""The corpus version: one number the database bumps in the same transaction as every write.

Ingest, batch, delete and re-extraction call ``bump_version`` before they commit, so a reader
that sees version *n* sees every write up to *n*. Result caches, ETags and cursors key on it: it
is the only clock of the corpus (the index commits at another moment, so its generation is not
one). Reading it is one primary-key lookup.
"""

from __future__ import annotations

from contextlib import suppress

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from corpus.tables import CorpusVersion

_ROW = 1
_TABLE = CorpusVersion.__table__  # type: ignore[attr-defined]


def ensure_version(engine: Engine) -> None:
    """Create the version row (at 0) if the database has none yet."""
    with engine.connect() as connection:
        if connection.execute(select(_TABLE.c.version).where(_TABLE.c.id == _ROW)).first():
            return
    with suppress(IntegrityError), engine.begin() as connection:  # or another process did
        connection.execute(insert(_TABLE).values(id=_ROW, version=0))


def bump_version(session: Session) -> None:
    """Advance the version inside the session's transaction (commits with the write)."""
    session.execute(update(_TABLE).where(_TABLE.c.id == _ROW).values(version=_TABLE.c.version + 1))


def read_version(engine: Engine) -> int:
    """The version of the last committed write."""
    with engine.connect() as connection:
        value = connection.execute(select(_TABLE.c.version).where(_TABLE.c.id == _ROW)).scalar()
    return int(value or 0)


def session_version(session: Session) -> int:
    """The version as ``session`` sees it."""
    value = session.execute(select(_TABLE.c.version).where(_TABLE.c.id == _ROW)).scalar()
    return int(value or 0)
