"""What only the PostgreSQL backend promises: passages commit in the rows' own transaction
(ingest, delete, failures), several processes see one index, startup repair and rebuild work on
its tables, and the query translation's own limits."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from corpus import fact_store
from corpus.articles import delete_article
from corpus.db import create_schema, make_engine
from corpus.errors import InvalidQuery
from corpus.ingest import ArticleInput, ingest_articles
from corpus.tables import Article
from search.maintenance import repair_index
from search.postgres.backend import PostgresIndex

pytestmark = pytest.mark.postgres

STORIES = [
    "Flooding closed the coastal road near Porthaven on Monday, the council said.\n\n"
    "Engineers expect the road to reopen by Friday.",
    "A ferry carrying 40 passengers ran aground off Porthaven; nobody was hurt.",
    "The council approved a new sea wall for the harbour after the flooding.",
]


@pytest.fixture
def engine(postgres_url: str) -> Iterator[Engine]:
    made = make_engine(postgres_url)
    create_schema(made)
    yield made
    made.dispose()


@pytest.fixture
def index(engine: Engine) -> Iterator[PostgresIndex]:
    opened = PostgresIndex.open(engine)
    yield opened
    opened.close()


def _ingest(engine: Engine, index: PostgresIndex, texts: list[str]) -> list[Article]:
    with Session(engine, expire_on_commit=False) as session:
        results = ingest_articles(
            session=session, index=index, articles_in=[ArticleInput(text=t) for t in texts]
        )
    return [r.article for r in results]


def test_passages_are_invisible_until_the_rows_commit(engine: Engine, index: PostgresIndex) -> None:
    with Session(engine) as session:
        article = Article(content_hash="h1", text=STORIES[1], passage_count=1)
        session.add(article)
        session.flush()
        index.in_transaction(session).add_articles([article])
        assert index.search("ferry", limit=5).total == 0  # another connection sees nothing yet
        session.commit()
    assert index.search("ferry", limit=5).total == 1


def test_a_failed_ingest_leaves_neither_rows_nor_passages(
    engine: Engine, index: PostgresIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("facts could not be stored")

    monkeypatch.setattr("corpus.ingest.store_facts", broken)
    with pytest.raises(RuntimeError, match="facts could not be stored"):
        _ingest(engine, index, STORIES)
    assert index.passage_count == 0
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Article)).one() == 0
    monkeypatch.setattr("corpus.ingest.store_facts", fact_store.store_facts)
    stored = _ingest(engine, index, STORIES)
    assert index.passage_count == sum(a.passage_count for a in stored)
    assert index.search("Porthaven", limit=10).total == 2


def test_delete_removes_passages_with_the_row(engine: Engine, index: PostgresIndex) -> None:
    stored = _ingest(engine, index, STORIES)
    ferry = stored[1]
    generation = index.generation
    with Session(engine) as session:
        row = session.get(Article, ferry.id)
        assert row is not None
        delete_article(session=session, index=index, article=row)
    assert index.search("ferry", limit=5).total == 0
    assert index.article_ids() == {a.id for a in stored} - {ferry.id}
    assert index.generation > generation


def test_two_processes_share_one_index(engine: Engine, postgres_url: str) -> None:
    """A write through one backend (one replica) is found at once by another on its own engine."""
    other_engine = make_engine(postgres_url)
    mine, theirs = PostgresIndex.open(engine), PostgresIndex.open(other_engine)
    try:
        _ingest(engine, mine, STORIES[:1])
        assert theirs.search("flooding", limit=5).total == 1
        assert theirs.generation == mine.generation
    finally:
        mine.close()
        theirs.close()
        other_engine.dispose()


def test_concurrent_ingests_with_shared_new_words_both_commit(
    engine: Engine, index: PostgresIndex
) -> None:
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            texts = [f"Story {number}.{i}: the lighthouse keeper counted gulls." for i in range(20)]
            _ingest(engine, index, texts)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert index.search("lighthouse", limit=1).total == 60


def test_startup_repair_indexes_a_database_made_with_the_whoosh_backend(
    engine: Engine, index: PostgresIndex
) -> None:
    stored = _ingest(engine, index, STORIES)
    expected = index.passage_count
    index.rebuild([])  # as if the articles had been ingested with the Whoosh backend
    with Session(engine) as session:
        check = repair_index(session=session, index=index)
    assert check.repaired and check.missing == len(stored)
    assert index.passage_count == expected
    with engine.begin() as connection:  # a passage lost: same articles, fewer passages
        connection.exec_driver_sql("DELETE FROM passage WHERE start > 0")
    with Session(engine) as session:
        assert repair_index(session=session, index=index).repaired
    assert index.passage_count == expected


def test_a_phrase_slop_with_too_many_variants_is_refused(index: PostgresIndex) -> None:
    assert index.search('"flooding closed road"~3', limit=5).total == 0  # 9 variants: fine
    with pytest.raises(InvalidQuery, match="PostgreSQL"):
        index.search('"a1 b2 c3 d4 e5 f6 g7 h8 i9 j10"~3', limit=5)


def test_not_alone_matches_every_passage_without_the_word(
    engine: Engine, index: PostgresIndex
) -> None:
    _ingest(engine, index, STORIES)
    page = index.search("NOT ferry", limit=10)
    assert page.total == index.passage_count - 1
    assert all("ferry" not in hit.passage.text for hit in page.hits)
