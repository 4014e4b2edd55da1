"""The real service in-process: ``create_app`` on a temporary data directory, spoken to over HTTP.

``fastapi.testclient.TestClient`` is an httpx client that runs the app's lifespan; every request
goes through routing, validation and serialisation exactly as a remote client's would.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

BATCH_ARTICLES = 500
BATCH_BYTES = 4 * 1024 * 1024  # under the service's 5 MiB body limit
FACT_PAGE = 100
_ARTICLE_FIELDS = ("text", "title", "source", "url", "published")


class Service:
    """A client of one running app: ingest, read facts and texts, ask, search."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self._texts: dict[int, str] = {}

    def _ok(self, response: Any) -> Any:
        if response.status_code >= 400:
            raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text}")
        return response.json()

    def ingest(self, articles: Sequence[dict[str, Any]]) -> list[int]:
        """Store articles with ``POST /articles/batch``; their ids, in input order."""
        ids: list[int] = []
        for batch in _batches([_article_body(a) for a in articles]):
            body = self._ok(self.client.post("/articles/batch", json=batch))
            ids.extend(item["id"] for item in body["articles"])
        return ids

    def facts(self, article_id: int) -> list[dict[str, Any]]:
        """Every fact of one article, paging ``GET /articles/{id}/facts`` by cursor."""
        facts: list[dict[str, Any]] = []
        params: dict[str, Any] = {"limit": FACT_PAGE}
        while True:
            page = self._ok(self.client.get(f"/articles/{article_id}/facts", params=params))
            facts.extend(page["facts"])
            if not page["next_cursor"]:
                return facts
            params = {"limit": FACT_PAGE, "cursor": page["next_cursor"]}

    def text(self, article_id: int) -> str:
        """The stored text of an article (what every offset indexes)."""
        if article_id not in self._texts:
            self._texts[article_id] = self._ok(self.client.get(f"/articles/{article_id}"))["text"]
        return self._texts[article_id]

    def ask(self, question: str) -> dict[str, Any]:
        """``GET /ask?q=``."""
        return dict(self._ok(self.client.get("/ask", params={"q": question})))

    def search_top(self, query: str) -> dict[str, Any] | None:
        """The top ``/search`` hit for a query, or None (no hit, or a query of stop words only)."""
        response = self.client.get("/search", params={"q": query, "limit": 1})
        if response.status_code == 400:
            return None
        hits = self._ok(response)["hits"]
        return dict(hits[0]) if hits else None


def _article_body(article: dict[str, Any]) -> dict[str, Any]:
    """The fields ``ArticleCreate`` takes; dates as ISO strings."""
    return {
        key: article[key].isoformat() if isinstance(article[key], date) else article[key]
        for key in _ARTICLE_FIELDS
        if article.get(key) is not None
    }


def _batches(bodies: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    size = 0
    for body in bodies:
        length = len(json.dumps(body).encode())
        if batch and (len(batch) >= BATCH_ARTICLES or size + length > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(body)
        size += length
    if batch:
        yield batch


@contextmanager
def running_service() -> Iterator[Service]:
    """An empty app (no sample seeding, SQLite) on a temporary data directory."""
    with tempfile.TemporaryDirectory(prefix="factdesk-accuracy-") as tmp:
        settings = Settings(
            data_dir=Path(tmp) / "data", seed_samples=False, database_url=None, api_key=None
        )
        with TestClient(create_app(settings)) as client:
            yield Service(client)
