"""End to end: real uvicorn on a free port, spoken to with httpx over TCP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service.app import create_app
from service.settings import Settings
from tests.live_server import live_server


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    app = create_app(Settings(data_dir=tmp_path / "data", seed_samples=True))
    with live_server(app, start_timeout=30) as address:
        yield f"http://{address}"


def test_serves_the_sample_corpus_over_tcp(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=10) as client:
        health = client.get("/health").json()
        assert health["status"] == "ok" and health["articles"] == 5 and health["passages"] > 0
        body = client.get("/search", params={"q": "Tharda"}).json()
        assert len({hit["article_id"] for hit in body["hits"]}) >= 3
        for hit in body["hits"]:
            text = client.get(f"/articles/{hit['article_id']}").json()["text"]
            assert text[hit["passage"]["start"] : hit["passage"]["end"]] == hit["passage"]["text"]
        created = client.post("/articles", json={"text": "A new story about zebras near Tharda."})
        assert created.status_code == 201
        assert client.get("/search", params={"q": "zebras"}).json()["total"] == 1
        bad = client.get("/search", params={"q": "abcdefghijklmnop~6"})
        assert bad.status_code == 400 and bad.headers["content-type"] == "application/problem+json"
