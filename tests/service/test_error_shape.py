"""One error shape everywhere: every 4xx is application/problem+json with the same keys."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

KEYS = {"type", "title", "status", "detail", "instance", "errors"}

CASES: list[tuple[str, str, dict[str, Any], int]] = [
    ("GET", "/articles/999", {}, 404),
    ("GET", "/articles/abc", {}, 404),  # ids are integers: no such path
    ("GET", "/articles/0", {}, 422),
    ("DELETE", "/articles/999", {}, 404),
    ("GET", "/articles?limit=0", {}, 422),
    ("GET", "/articles?cursor=%%%", {}, 400),
    ("GET", "/articles?since=notadate", {}, 422),
    ("POST", "/articles", {"json": {}}, 422),
    ("POST", "/articles", {"json": {"text": "   "}}, 422),
    ("POST", "/articles", {"json": {"text": "ok", "published": "2016-13-45"}}, 422),
    ("POST", "/articles", {"json": {"text": "ok", "bogus": 1}}, 422),
    (
        "POST",
        "/articles",
        {"content": b"{not json", "headers": {"content-type": "application/json"}},
        422,
    ),
    ("POST", "/articles", {"json": ["a list"]}, 422),
    (
        "POST",
        "/articles/batch",
        {"content": b"", "headers": {"content-type": "application/json"}},
        422,
    ),
    ("POST", "/articles/batch", {"content": b'{"text": "a"}\n{oops', "headers": {}}, 422),
    ("POST", "/articles/batch", {"json": 42}, 422),
    ("POST", "/articles/batch", {"content": b"\xff\xfe", "headers": {}}, 422),
    ("GET", "/search", {}, 422),
    ("GET", "/search?q=fire~3", {}, 400),
    ("GET", "/search?q=ok&cursor=abc", {}, 400),
    ("GET", "/nowhere", {}, 404),
    ("PUT", "/articles", {}, 405),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), CASES)
def test_problem_shape(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    client.post("/articles", json={"text": "An article that must survive bad requests."})
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == KEYS
    assert body["status"] == status
    assert body["type"].startswith("/problems/")
    assert isinstance(body["detail"], str) and body["detail"]
    # Nothing stored is lost or corrupted by bad input.
    listing = client.get("/articles").json()
    assert listing["total"] == 1


def test_validation_errors_name_the_field(client: TestClient) -> None:
    body = client.post("/articles", json={"text": "ok", "published": "nope"}).json()
    assert body["errors"][0]["field"] == "published"
    assert "published" in body["detail"]
