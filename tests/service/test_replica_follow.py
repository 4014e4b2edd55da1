"""Replicas on one database, each with its own index directory (in-process, SQLite): the change
log, a replica's index following it, and its caches keyed on what it applied. The process-level
test on PostgreSQL is tests/test_replicas.py. Sentences are our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from corpus import changes
from corpus.changes import ADD, DELETE, REEXTRACT, changes_after, record_change
from corpus.db import create_schema, make_engine, sqlite_url
from corpus.fact_store import reextract_all
from corpus.tables import Article
from corpus.version import read_version
from search.whoosh.follower import APPLIED_FILE, IndexFollower
from search.whoosh.index import WhooshIndex
from service.app import create_app
from service.settings import Settings

STORIES = [
    "A ferry carrying 40 passengers ran aground near Quellport on Tuesday, the coast guard said.",
    "Two hikers were rescued from the Brannock ridge after a night in freezing fog.",
    "The Quellport council voted to close the old harbour bridge for repairs in spring.",
]


def _replica(tmp_path: Path, name: str, database: Path) -> TestClient:
    settings = Settings(
        data_dir=tmp_path / name, seed_samples=False, database_url=sqlite_url(database)
    )
    return TestClient(create_app(settings))


@pytest.fixture
def replicas(tmp_path: Path) -> Iterator[tuple[TestClient, TestClient]]:
    database = tmp_path / "shared"
    database.mkdir()
    with _replica(tmp_path, "a", database) as a, _replica(tmp_path, "b", database) as b:
        yield a, b


def _search(client: TestClient, q: str) -> dict:  # type: ignore[type-arg]
    response = client.get("/search", params={"q": q})
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def test_a_write_to_one_replica_is_found_on_the_other(
    replicas: tuple[TestClient, TestClient],
) -> None:
    a, b = replicas
    assert _search(b, "Quellport")["total"] == 0  # cached on b at the empty version
    created = a.post("/articles", json={"text": STORIES[0]})
    assert created.status_code == 201
    # b's read finds the database ahead of its index, lets it catch up, and answers from it.
    assert _search(b, "Quellport") == _search(a, "Quellport")
    assert _search(b, "Quellport")["total"] == 1
    a.post("/articles/batch", json=[{"text": STORIES[1]}, {"text": STORIES[2]}])
    assert _search(b, "Quellport") == _search(a, "Quellport")
    assert _search(b, "Quellport")["total"] == 2
    assert b.get("/health").json()["passages"] == a.get("/health").json()["passages"]
    assert b.get("/ready").status_code == 200
    a.delete(f"/articles/{created.json()['id']}")
    assert _search(b, "ferry")["total"] == 0
    follower = b.app.state.follower  # type: ignore[attr-defined]
    version = read_version(b.app.state.engine)  # type: ignore[attr-defined]
    assert follower.applied == version
    index_dir = b.app.state.settings.index_dir  # type: ignore[attr-defined]
    assert (index_dir / APPLIED_FILE).read_text().strip() == str(version)


def test_etags_follow_the_replicas_own_index(replicas: tuple[TestClient, TestClient]) -> None:
    a, b = replicas
    before = b.get("/search", params={"q": "hikers"})
    a.post("/articles", json={"text": STORIES[1]})
    after = b.get(
        "/search", params={"q": "hikers"}, headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200 and after.json()["total"] == 1
    assert after.headers["etag"] != before.headers["etag"]


def test_a_new_replica_builds_its_index_from_the_database(tmp_path: Path) -> None:
    database = tmp_path / "shared"
    database.mkdir()
    with _replica(tmp_path, "a", database) as a:
        a.post("/articles/batch", json=[{"text": text} for text in STORIES])
        with _replica(tmp_path, "new", database) as new:
            assert _search(new, "Quellport") == _search(a, "Quellport")
            assert new.get("/ready").status_code == 200


def test_every_write_is_logged_under_its_version(tmp_path: Path) -> None:
    with _replica(tmp_path, "a", tmp_path) as a:
        engine = a.app.state.engine  # type: ignore[attr-defined]
        start = read_version(engine)
        first = a.post("/articles", json={"text": STORIES[0]}).json()["id"]
        batch = [
            r["id"]
            for r in a.post(
                "/articles/batch", json=[{"text": STORIES[1]}, {"text": STORIES[2]}]
            ).json()["articles"]
        ]
        a.delete(f"/articles/{first}")
        with Session(engine) as session:
            reextract_all(session=session)
        logged = changes_after(engine, start, read_version(engine))
        assert logged is not None
        assert [(c.version, c.op, c.article_ids) for c in logged] == [
            (start + 1, ADD, (first,)),
            (start + 2, ADD, tuple(sorted(batch))),
            (start + 3, DELETE, (first,)),
            (start + 4, REEXTRACT, ()),
        ]


def test_a_follower_behind_the_pruned_log_repairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "RETAIN", 2)
    monkeypatch.setattr(changes, "PRUNE_EVERY", 1)
    engine = make_engine(sqlite_url(tmp_path))
    create_schema(engine)
    writer_index, follower_index = WhooshIndex.in_memory(), WhooshIndex.open(tmp_path / "b")
    follower = IndexFollower(engine=engine, index=follower_index, directory=tmp_path / "b")
    follower._set_applied(0)  # not started: no thread, catch-ups run here
    with Session(engine, expire_on_commit=False) as session:
        for number, text in enumerate(STORIES, 1):
            article = Article(content_hash=f"h{number}", text=text, passage_count=1)
            session.add(article)
            session.flush()
            writer_index.add_articles([article])
            record_change(session, ADD, [article.id])  # type: ignore[list-item]
            session.commit()
    assert changes_after(engine, 0, 3) is None  # versions 1 is gone
    assert follower.catch_up() == 3
    assert follower_index.article_ids() == {1, 2, 3}
    follower_index.close()


def test_applying_twice_on_one_index_adds_once(tmp_path: Path) -> None:
    index = WhooshIndex.open(tmp_path / "index")
    article = Article(id=7, content_hash="h", text=STORIES[2], passage_count=1)
    assert index.apply_articles([article], []) == 1
    assert index.apply_articles([article], []) == 0  # another process sharing it got there first
    assert index.passage_count == 1 and index.indexed_among([7, 8]) == {7}
    assert index.apply_articles([], [7, 8]) == 0
    assert index.passage_count == 0
    index.close()
