"""End to end: real uvicorn on a free port, spoken to with httpx over TCP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from service.app import create_app
from service.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    app = create_app(Settings(data_dir=tmp_path / "data", seed_samples=True))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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
        bad = client.get("/search", params={"q": "AND"})
        assert bad.status_code == 400 and bad.headers["content-type"] == "application/problem+json"
