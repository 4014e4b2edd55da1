"""Both passage backends for one test suite: Whoosh in RAM, and PostgreSQL full text in a fresh
database (skipped without ``FACTDESK_TEST_POSTGRES_URL``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from corpus.db import create_schema, make_engine
from corpus.tables import Article
from search.backend import PassageBackend
from search.postgres.backend import PostgresIndex
from search.whoosh.index import WhooshIndex

BACKENDS = ["whoosh", pytest.param("postgres", marks=pytest.mark.postgres)]

# An empty backend that may index the given articles (PostgreSQL passages reference their rows).
MakeBackend = Callable[[Sequence[Article]], PassageBackend]


def backend_maker(
    kind: str, request: pytest.FixtureRequest, url_fixture: str
) -> Iterator[MakeBackend]:
    """Yield a maker of empty ``kind`` backends; PostgreSQL ones share the database that
    ``url_fixture`` (``postgres_url`` or ``postgres_module_url``) creates, each starting empty."""
    if kind == "whoosh":
        made: list[PassageBackend] = []

        def whoosh(_articles: Sequence[Article]) -> PassageBackend:
            made.append(WhooshIndex.in_memory())
            return made[-1]

        yield whoosh
        for index in made:
            index.close()
        return
    engine = make_engine(request.getfixturevalue(url_fixture))
    create_schema(engine)
    opened: list[PassageBackend] = []

    def postgres(articles: Sequence[Article]) -> PassageBackend:
        store_articles(engine, articles)
        opened.append(PostgresIndex.open(engine))
        opened[-1].rebuild([])  # empty, whatever an earlier test of the module left
        return opened[-1]

    try:
        yield postgres
    finally:
        for index in opened:
            index.close()
        engine.dispose()


def store_articles(engine: Engine, articles: Sequence[Article]) -> None:
    """Insert (or keep) rows for ``articles`` under their own ids."""
    with Session(engine) as session:
        for article in articles:
            if session.get(Article, article.id) is None:
                session.add(Article(**article.model_dump()))
        session.commit()
