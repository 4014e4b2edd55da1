"""The corpus version: bumped with every write, the key of caches and ETags, and what cursors
are pinned to. Sentences are our own."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from corpus.fact_store import reextract_all
from corpus.spans import Span
from corpus.tables import Article

STORIES = [
    "Four fishermen were killed when a storm hit the harbour of Tarsus on Monday.",
    "Rescuers said 11 people were injured in the collapse of a bridge near Adana.",
    "A fire in a warehouse in Mersin killed two guards overnight, officials said.",
    "At least 30 people were wounded in clashes in Hama on Sunday.",
]


def _version(client: TestClient) -> int:
    return int(client.get("/health").json()["corpus_version"])


def test_every_write_bumps_the_version(client: TestClient) -> None:
    start = _version(client)
    created = client.post("/articles", json={"text": STORIES[0]})
    assert _version(client) == start + 1
    client.post("/articles", json={"text": STORIES[0]})  # already stored: nothing written
    assert _version(client) == start + 1
    client.post("/articles/batch", json=[{"text": STORIES[1]}, {"text": STORIES[2]}])
    assert _version(client) == start + 2
    client.delete(f"/articles/{created.json()['id']}")
    assert _version(client) == start + 3
    with Session(client.app.state.engine) as session:  # type: ignore[attr-defined]
        reextract_all(session=session)
    assert _version(client) == start + 4


def test_etag_and_304_follow_the_version(client: TestClient) -> None:
    client.post("/articles", json={"text": STORIES[0]})
    paths = ["/articles", "/articles/1", "/facts", "/fields", "/claims", "/search?q=storm"]
    tags = {}
    for path in paths:
        first = client.get(path)
        assert first.status_code == 200 and first.headers["etag"].startswith('W/"'), path
        tags[path] = first.headers["etag"]
        again = client.get(path, headers={"If-None-Match": tags[path]})
        assert again.status_code == 304 and again.content == b"", path
        assert again.headers["etag"] == tags[path]
    # Another request has another tag; a write changes every tag.
    assert client.get("/facts?limit=1").headers["etag"] != tags["/facts"]
    client.post("/articles", json={"text": STORIES[1]})
    for path in paths:
        fresh = client.get(path, headers={"If-None-Match": tags[path]})
        assert fresh.status_code == 200 and fresh.headers["etag"] != tags[path], path
    # Exports are tagged as well, by format.
    csv = client.get("/facts", params={"format": "csv"})
    assert csv.headers["etag"] != client.get("/facts", params={"format": "jsonl"}).headers["etag"]
    assert (
        client.get("/facts?format=csv", headers={"If-None-Match": csv.headers["etag"]}).status_code
        == 304
    )


class _PausingIndex:
    """Wraps the index: after the index commit of a write, and before the database commits,
    lets a reader run (the window where the old cache keyed on the index generation went
    stale)."""

    def __init__(self, index: Any, committed: threading.Event, resume: threading.Event) -> None:
        self._index, self._committed, self._resume = index, committed, resume

    def add_passages(self, items: Iterable[tuple[Article, Sequence[Span]]]) -> int:
        count = self._index.add_passages(items)
        self._committed.set()
        assert self._resume.wait(30)
        return int(count)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


def test_a_read_between_index_and_database_commits_leaves_nothing_stale(
    client: TestClient,
) -> None:
    client.post("/articles", json={"text": STORIES[0]})

    def total() -> int:
        return int(client.get("/facts", params={"field": "casualties"}).json()["total"])

    before = total()
    state = client.app.state  # type: ignore[attr-defined]
    committed, resume = threading.Event(), threading.Event()
    real = state.index
    state.index = _PausingIndex(real, committed, resume)
    writer = threading.Thread(target=lambda: client.post("/articles", json={"text": STORIES[3]}))
    writer.start()
    try:
        assert committed.wait(30)
        # The index holds the new article; the database does not yet: this read caches the
        # old total, as it should, under the old version.
        assert total() == before
        assert client.get("/search", params={"q": "Hama"}).status_code == 200
    finally:
        resume.set()
        writer.join(30)
        state.index = real
    # Acknowledged: no read may serve the old total or the old search page.
    assert total() == before + 1
    assert client.get("/search", params={"q": "Hama"}).json()["total"] == 1


def test_cursors_are_bound_to_their_query(client: TestClient) -> None:
    client.post("/articles/batch", json=[{"text": s} for s in STORIES])
    cursor = client.get("/facts", params={"limit": 1}).json()["next_cursor"]
    assert client.get("/facts", params={"limit": 1, "cursor": cursor}).status_code == 200
    for params in (
        {"limit": 2},
        {"limit": 1, "field": "casualties"},
        {"limit": 1, "sort": "-article_id"},
    ):
        wrong = client.get("/facts", params={**params, "cursor": cursor})
        assert wrong.status_code == 400, params
        assert wrong.headers["content-type"] == "application/problem+json"
        assert "another query" in wrong.json()["detail"]
    other = client.get("/search", params={"q": "killed", "limit": 1}).json()["next_cursor"]
    assert (
        client.get("/search", params={"q": "injured", "limit": 1, "cursor": other}).status_code
        == 400
    )
    assert client.get("/articles", params={"cursor": other}).status_code == 400
    assert (
        client.get("/search", params={"q": "killed", "cursor": "not-a-cursor"}).status_code == 400
    )


def test_search_paging_across_a_write_is_a_409_never_a_silent_repeat(client: TestClient) -> None:
    client.post("/articles/batch", json=[{"text": s} for s in STORIES])
    params = {"q": "killed OR injured OR wounded", "limit": 1}
    first = client.get("/search", params=params).json()
    seen = [(h["article_id"], h["passage"]["start"]) for h in first["hits"]]
    second = client.get("/search", params={**params, "cursor": first["next_cursor"]}).json()
    seen += [(h["article_id"], h["passage"]["start"]) for h in second["hits"]]
    client.post("/articles", json={"text": "Nine climbers were killed by an avalanche."})
    stale = client.get("/search", params={**params, "cursor": second["next_cursor"]})
    assert stale.status_code == 409
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["type"] == "/problems/corpus-changed"
    # Starting again pages through every hit once, the new one included.
    hits, cursor = [], None
    while True:
        body = client.get("/search", params={**params, **({"cursor": cursor} if cursor else {})})
        page = body.json()
        hits += [(h["article_id"], h["passage"]["start"]) for h in page["hits"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(hits) == len(set(hits)) == page["total"] == 5
    assert set(seen) <= set(hits)


@pytest.mark.parametrize("sort", ["id", "-id", "published", "-published"])
def test_article_paging_while_articles_are_added_neither_repeats_nor_skips(
    client: TestClient, sort: str
) -> None:
    days = ["2024-03-02", None, "2024-03-01", "2024-03-02"]
    client.post(
        "/articles/batch",
        json=[
            {"text": s, **({"published": d} if d else {})}
            for s, d in zip(STORIES, days, strict=True)
        ],
    )
    listed, cursor, added = [], None, 0
    while True:
        params = {"limit": 1, "sort": sort, **({"cursor": cursor} if cursor else {})}
        page = client.get("/articles", params=params).json()
        listed += [a["id"] for a in page["articles"]]
        if added < 3:  # a write between every page
            added += 1
            client.post("/articles", json={"text": f"Story number {added} of a later day."})
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(listed) == len(set(listed))
    assert {1, 2, 3, 4} <= set(listed)  # every article there at the start is listed once


def test_an_identical_read_is_answered_again_without_the_route(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import service.routes.facts as facts_routes

    client.post("/articles", json={"text": STORIES[0]})
    calls: list[int] = []
    real = facts_routes.list_facts
    monkeypatch.setattr(facts_routes, "list_facts", lambda **kw: calls.append(1) or real(**kw))
    first = client.get("/facts", params={"limit": 2})
    again = client.get("/facts", params={"limit": 2})
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert calls == [1]
    client.post("/articles", json={"text": STORIES[1]})  # a write: answered afresh
    assert client.get("/facts", params={"limit": 2}).json()["total"] > first.json()["total"]
    assert calls == [1, 1]


def test_a_kept_answer_is_sent_again_and_never_after_a_write(client: TestClient) -> None:
    client.post("/articles", json={"text": STORIES[0]})
    first = client.get("/facts?limit=2&field=casualties")
    again = client.get("/facts?field=casualties&limit=2")  # the same read, parameters reordered
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    tagged = client.get(
        "/facts?limit=2&field=casualties", headers={"If-None-Match": first.headers["etag"]}
    )
    assert tagged.status_code == 304 and tagged.headers["etag"] == first.headers["etag"]
    assert 'route="/facts"' in client.get("/metrics").text
    client.post("/articles", json={"text": STORIES[3]})  # a write: the kept answer is stale
    after = client.get("/facts?limit=2&field=casualties")
    assert after.headers["etag"] != first.headers["etag"]
    assert after.json()["total"] > first.json()["total"]
    assert client.get("/facts?field=casualties&limit=2&bogus=1").status_code == 400


@pytest.mark.parametrize(
    ("path", "params"),
    [("/claims", {"field": "casualties", "limit": 1}), ("/entities", {"limit": 1})],
)
def test_ranked_listings_answer_409_after_a_write(
    client: TestClient, path: str, params: dict[str, Any]
) -> None:
    client.post("/articles/batch", json=[{"text": s} for s in STORIES])
    first = client.get(path, params=params).json()
    assert first["next_cursor"], first
    assert client.get(path, params={**params, "cursor": first["next_cursor"]}).status_code == 200
    client.post("/articles", json={"text": "Six miners were killed in a blast near Zonguldak."})
    stale = client.get(path, params={**params, "cursor": first["next_cursor"]})
    assert stale.status_code == 409 and stale.json()["type"] == "/problems/corpus-changed"
