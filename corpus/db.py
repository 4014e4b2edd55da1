"""Database engines: SQLite (WAL) under the data directory by default, PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine

from corpus import tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from corpus.version import ensure_version


def sqlite_url(data_dir: Path) -> str:
    """The default database URL: ``factdesk.db`` inside the data directory."""
    return f"sqlite:///{data_dir / 'factdesk.db'}"


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        # psycopg 3 is the driver we ship; plain URLs would pick psycopg2.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@contextmanager
def writers_paused(session: Session) -> Iterator[None]:
    """Wait until no other transaction is writing articles, and keep new ones waiting until the
    block ends (its transaction is rolled back then): what is read inside is final.

    SQLite: a no-op UPDATE takes the database's one write lock (waiting up to the busy
    timeout). PostgreSQL: SHARE mode on the article table conflicts with every writer's ROW
    EXCLUSIVE lock."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE article IN SHARE MODE"))
    else:
        session.execute(text("UPDATE article SET passage_count = passage_count WHERE id = -1"))
    try:
        yield
    finally:
        session.rollback()


# The key of the PostgreSQL advisory lock that serialises schema creation (any constant
# unlikely to be used by another application on the same database).
_SCHEMA_LOCK = 0x66616374  # "fact"


def create_schema(engine: Engine) -> None:
    """Create every table and index that does not exist yet (an index added in a later
    version is created on a database made by an earlier one). Replicas starting together on
    one fresh PostgreSQL database take turns (else their CREATE TABLEs collide)."""
    with _schema_lock(engine):
        SQLModel.metadata.create_all(engine)
        _add_missing_columns(engine)
        for table in SQLModel.metadata.sorted_tables:
            for index in table.indexes:
                index.create(engine, checkfirst=True)
        ensure_version(engine)


@contextmanager
def _schema_lock(engine: Engine) -> Iterator[None]:
    """A session-level advisory lock on PostgreSQL, held on a connection of its own while
    the schema is created on others; nothing on SQLite (its writers already take turns)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_LOCK})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK})
            connection.commit()


def database_bytes(engine: Engine) -> int:
    """The database's size on disk: pages in use for SQLite, the whole database for PostgreSQL."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
            size = connection.exec_driver_sql("PRAGMA page_size").scalar_one()
            return int(pages) * int(size)
        query = "SELECT pg_database_size(current_database())"
        return int(connection.exec_driver_sql(query).scalar_one())


def _add_missing_columns(engine: Engine) -> None:
    """Add the columns a later version introduced (each has a server default) to the tables of
    a database made by an earlier one."""
    inspector = inspect(engine)
    with engine.begin() as connection:
        for table in SQLModel.metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in present or column.server_default is None:
                    continue
                kind = column.type.compile(engine.dialect)
                default = column.server_default.arg  # type: ignore[attr-defined]
                connection.execute(
                    text(
                        f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind} '
                        f"NOT NULL DEFAULT '{default}'"
                    )
                )
