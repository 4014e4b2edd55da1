"""Which passage backend the settings ask for, opened on the service's engine."""

from __future__ import annotations

from sqlalchemy import Engine

from search.backend import PassageBackend
from search.postgres.backend import PostgresIndex
from search.whoosh.index import WhooshIndex
from service.settings import Settings


def open_backend(settings: Settings, engine: Engine) -> PassageBackend:
    """The Whoosh index under the data directory, or the passage tables of the PostgreSQL
    database (created if missing) with ``FACTDESK_SEARCH_BACKEND=postgres``."""
    if settings.search_backend == "postgres":
        return PostgresIndex.open(engine)
    return WhooshIndex.open(settings.index_dir)
