"""Articles over HTTP: ingest, dedupe, batch, list, read, delete, auth and limits."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

TEXT = "(Example Wire — March 3, 2021) — Floods killed 12 people in the river valley on Tuesday."


def test_create_returns_201_with_location_then_200_for_the_same_text(client: TestClient) -> None:
    first = client.post("/articles", json={"text": TEXT})
    assert first.status_code == 201
    body = first.json()
    assert first.headers["location"] == f"/articles/{body['id']}"
    assert body["source"] == "Example Wire" and body["published"] == "2021-03-03"
    again = client.post("/articles", json={"text": TEXT.replace("\n", "\r\n")})
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]


def test_given_metadata_overrides_sniffed(client: TestClient) -> None:
    body = client.post(
        "/articles",
        json={
            "text": TEXT,
            "source": "Mine",
            "published": "2020-01-01",
            "title": "T",
            "url": "https://example.org/a",
            "language": "de",
        },
    ).json()
    assert (body["source"], body["published"], body["title"], body["language"]) == (
        "Mine",
        "2020-01-01",
        "T",
        "de",
    )


def test_text_is_stored_exactly_after_newline_normalisation(client: TestClient) -> None:
    raw = "  Title line\r\n\r\nFirst   paragraph\twith  spaces.\rSecond.  "
    article = client.post("/articles", json={"text": raw}).json()
    stored = client.get(f"/articles/{article['id']}").json()["text"]
    assert stored == raw.replace("\r\n", "\n").replace("\r", "\n")


def test_batch_json_list_and_json_lines(client: TestClient) -> None:
    existing = client.post("/articles", json={"text": TEXT}).json()
    items = [{"text": "A storm hit the coast."}, {"text": TEXT}, {"text": "A storm hit the coast."}]
    result = client.post("/articles/batch", json=items).json()
    assert [a["created"] for a in result["articles"]] == [True, False, False]
    assert result["articles"][1]["id"] == existing["id"]
    assert result["articles"][2]["id"] == result["articles"][0]["id"]
    assert (result["created"], result["existing"]) == (1, 2)
    lines = "\n".join(json.dumps({"text": f"Article number {i} about rain."}) for i in range(3))
    jsonl = client.post(
        "/articles/batch", content=lines, headers={"content-type": "application/x-ndjson"}
    ).json()
    assert jsonl["created"] == 3


def test_batch_validation_names_item_and_field(client: TestClient) -> None:
    response = client.post("/articles/batch", json=[{"text": "ok text"}, {"title": "no text"}])
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "1.text"
    assert client.get("/articles").json()["total"] == 0  # nothing of a bad batch is stored


def test_batch_over_the_limit_is_refused(client: TestClient) -> None:
    response = client.post("/articles/batch", json=[{"text": f"t{i}"} for i in range(1001)])
    assert response.status_code == 422


def test_list_paginates_with_cursor_and_filters(client: TestClient) -> None:
    for day in range(1, 6):
        client.post(
            "/articles",
            json={
                "text": f"Story {day}.",
                "source": "Wire" if day % 2 else "Post",
                "published": f"2021-03-0{day}",
            },
        )
    seen, cursor = [], None
    while True:
        page = client.get(
            "/articles", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        )
        body = page.json()
        assert body["total"] == 5 and "text" not in body["articles"][0]
        seen += [a["id"] for a in body["articles"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(seen) and len(seen) == 5
    wire = client.get("/articles", params={"source": "wire"}).json()
    assert wire["total"] == 3
    ranged = client.get("/articles", params={"since": "2021-03-02", "until": "2021-03-04"}).json()
    assert [a["published"] for a in ranged["articles"]] == [
        "2021-03-02",
        "2021-03-03",
        "2021-03-04",
    ]


def test_delete_removes_rows_and_passages(client: TestClient) -> None:
    article = client.post("/articles", json={"text": "Unique zebra crossing story."}).json()
    assert client.get("/search", params={"q": "zebra"}).json()["total"] == 1
    assert client.delete(f"/articles/{article['id']}").status_code == 204
    assert client.get(f"/articles/{article['id']}").status_code == 404
    assert client.get("/search", params={"q": "zebra"}).json()["total"] == 0
    assert client.delete(f"/articles/{article['id']}").status_code == 404


def test_api_key_guards_writes_only(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, seed_samples=False, api_key="s3cret")
    with TestClient(create_app(settings)) as client:
        refused = client.post("/articles", json={"text": TEXT})
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == "Bearer"
        assert (
            client.post(
                "/articles", json={"text": TEXT}, headers={"Authorization": "Bearer wrong"}
            ).status_code
            == 401
        )
        created = client.post(
            "/articles", json={"text": TEXT}, headers={"Authorization": "Bearer s3cret"}
        )
        assert created.status_code == 201
        assert client.delete(f"/articles/{created.json()['id']}").status_code == 401
        assert client.get("/articles").status_code == 200
        assert client.get("/search", params={"q": "floods"}).status_code == 200


def test_body_over_the_limit_is_413_and_stores_nothing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, seed_samples=False, max_body_bytes=1000)
    with TestClient(create_app(settings)) as client:
        response = client.post("/articles", json={"text": "x" * 2000})
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"

        def chunks():  # no Content-Length: the limit is enforced while reading
            for _ in range(5):
                yield b'{"text": "' + b"y" * 400
            yield b'"}'

        streamed = client.post(
            "/articles", content=chunks(), headers={"content-type": "application/json"}
        )
        assert streamed.status_code == 413
        assert client.get("/articles").json()["total"] == 0
