"""The PostgreSQL leg: the same API on PostgreSQL (skipped when no server is configured)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

pytestmark = pytest.mark.postgres


def test_ingest_search_delete_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=postgres_url, seed_samples=True)
    with TestClient(create_app(settings)) as client:
        health = client.get("/health").json()
        assert health["database"] == "postgresql" and health["articles"] == 5
        texts = {
            a["id"]: client.get(f"/articles/{a['id']}").json()["text"]
            for a in client.get("/articles").json()["articles"]
        }
        body = client.get("/search", params={"q": "Tharda"}).json()
        for hit in body["hits"]:
            text = texts[hit["article_id"]]
            assert text[hit["passage"]["start"] : hit["passage"]["end"]] == hit["passage"]["text"]
        claims = client.get("/claims", params={"field": "casualties", "kind": "killed"}).json()
        soldiers = next(c for c in claims["claims"] if c["subject"] == "soldiers")
        assert soldiers["disputed"] and soldiers["range"] == {"min": 30, "max": 83}
        answer = client.get("/ask", params={"q": "How many soldiers were killed?"}).json()
        assert answer["answers"] and not answer["abstained"]
        again = client.post("/articles", json={"text": texts[1]})
        assert again.status_code == 200 and again.json()["id"] == 1
        batch = client.post("/articles/batch", json=[{"text": "PG story one."}, {"text": texts[2]}])
        assert [a["created"] for a in batch.json()["articles"]] == [True, False]
        assert client.delete("/articles/1").status_code == 204
        assert client.get("/articles").json()["total"] == 5
        assert client.get("/articles", params={"source": "asharq al-awsat"}).json()["total"] == 1


def test_ready_and_metrics_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=postgres_url, seed_samples=False)
    with TestClient(create_app(settings)) as client:
        client.post("/articles", json={"text": "Storms closed the coastal road for two days."})
        assert client.get("/ready").json() == {"status": "ready"}
        lines = client.get("/metrics").text.splitlines()
        assert "factdesk_articles 1.0" in lines
        size = next(line for line in lines if line.startswith("factdesk_database_bytes "))
        assert float(size.split()[1]) > 0
