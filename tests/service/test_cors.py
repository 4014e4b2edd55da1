"""CORS: off by default; named origins may read and write, ``*`` may only read; preflights
answer 200 and writes still need the API key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

ORIGIN = "http://localhost:5173"
PREFLIGHT_POST = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, if-none-match",
}


def client_with(tmp_path: Path, **settings: str) -> Iterator[TestClient]:
    app = create_app(Settings(data_dir=tmp_path / "data", seed_samples=False, **settings))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def named(tmp_path: Path) -> Iterator[TestClient]:
    yield from client_with(
        tmp_path, cors_origins=f" {ORIGIN} , http://example.test ", api_key="s3cret"
    )


@pytest.fixture
def anyone(tmp_path: Path) -> Iterator[TestClient]:
    yield from client_with(tmp_path, cors_origins="*")


def test_settings_split_the_origin_list() -> None:
    settings = Settings(cors_origins="http://a.test, http://b.test,,")
    assert settings.cors_origin_list == ["http://a.test", "http://b.test"]
    assert Settings().cors_origin_list == []


def test_off_by_default(client: TestClient) -> None:
    response = client.get("/health", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/search", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_a_named_origin_reads_and_is_told_so(named: TestClient) -> None:
    response = named.get("/search", params={"q": "anything"}, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "server-timing" in response.headers["access-control-expose-headers"].lower()


def test_preflight_for_a_write_answers_200_with_the_headers(named: TestClient) -> None:
    response = named.options("/articles", headers=PREFLIGHT_POST)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    assert {"authorization", "content-type", "if-none-match"} <= {
        header.strip() for header in allowed.split(",")
    }


def test_writes_from_an_allowed_origin_still_need_the_key(named: TestClient) -> None:
    body = {"text": "A test wire says four bridges were closed on Monday."}
    refused = named.post("/articles", json=body, headers={"Origin": ORIGIN})
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.headers["access-control-allow-origin"] == ORIGIN  # the page can read why
    accepted = named.post(
        "/articles", json=body, headers={"Origin": ORIGIN, "Authorization": "Bearer s3cret"}
    )
    assert accepted.status_code == 201


def test_an_unlisted_origin_gets_no_grant(named: TestClient) -> None:
    response = named.get("/health", headers={"Origin": "http://elsewhere.test"})
    assert "access-control-allow-origin" not in response.headers
    preflight = named.options(
        "/articles", headers={**PREFLIGHT_POST, "Origin": "http://elsewhere.test"}
    )
    assert preflight.status_code == 400
    assert preflight.headers["content-type"] == "application/problem+json"
    assert preflight.json()["type"] == "/problems/cors-refused"
    assert preflight.json()["instance"] == "/articles"


def test_any_origin_may_read_but_not_write(anyone: TestClient) -> None:
    response = anyone.get("/health", headers={"Origin": ORIGIN})
    assert response.headers["access-control-allow-origin"] == "*"
    read = anyone.options(
        "/search", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    )
    assert read.status_code == 200
    write = anyone.options("/articles", headers=PREFLIGHT_POST)
    assert write.status_code == 400
    assert "POST" not in write.headers.get("access-control-allow-methods", "")
