"""The PostgreSQL leg: the same API on PostgreSQL (skipped when no server is configured)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("backend", ["whoosh", "postgres"])
def test_ingest_search_delete_on_postgres(postgres_url: str, tmp_path: Path, backend: str) -> None:
    settings = Settings(
        data_dir=tmp_path, database_url=postgres_url, seed_samples=True, search_backend=backend
    )
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


def test_version_sorting_facets_and_exports_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=postgres_url, seed_samples=False)
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json()["corpus_version"] == 0
        items = [
            {
                "text": "Two walkers were killed by a rockfall on Tuesday.",
                "published": "2024-05-02",
            },
            {"text": "Nine sailors were injured when a ferry ran aground.", "source": "Port News"},
            {"text": "A blast killed 14 workers at a mine.", "published": "2024-04-30"},
        ]
        client.post("/articles/batch", json=items)
        assert client.get("/health").json()["corpus_version"] == 1
        for sort, expected in [
            ("published", ["2024-04-30", "2024-05-02", None]),
            ("-published", ["2024-05-02", "2024-04-30", None]),
        ]:
            rows, cursor = [], None
            while True:
                params = {"sort": sort, "limit": 1, **({"cursor": cursor} if cursor else {})}
                page = client.get("/articles", params=params).json()
                rows += [a["published"] for a in page["articles"]]
                if not (cursor := page["next_cursor"]):
                    break
            assert rows == expected, sort
        stated = client.get("/facts", params={"field": "casualties", "sort": "-value"}).json()
        values = [f["value"]["stated"] for f in stated["facts"]]
        assert values == sorted(values, reverse=True) and values[0] == 14
        facets = client.get("/articles", params={"facets": "published_month,source"}).json()
        assert facets["facets"]["published_month"] == [  # most first, then by value, None last
            {"value": "2024-04", "count": 1},
            {"value": "2024-05", "count": 1},
            {"value": None, "count": 1},
        ]
        assert {"value": "Port News", "count": 1} in facets["facets"]["source"]
        export = client.get("/facts", params={"format": "csv"})
        rows = list(csv.DictReader(io.StringIO(export.text)))
        assert len(rows) == client.get("/facts").json()["total"]
        assert all(isinstance(json.loads(row["value"]), dict) for row in rows)
        lines = client.get("/facts", params={"format": "jsonl"}).text.splitlines()
        assert all(isinstance(json.loads(line)["value"], dict) for line in lines)
        etag = client.get("/facts").headers["etag"]
        assert client.get("/facts", headers={"If-None-Match": etag}).status_code == 304


def test_ready_and_metrics_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=postgres_url, seed_samples=False)
    with TestClient(create_app(settings)) as client:
        client.post("/articles", json={"text": "Storms closed the coastal road for two days."})
        assert client.get("/ready").json() == {"status": "ready"}
        lines = client.get("/metrics").text.splitlines()
        assert "factdesk_articles 1.0" in lines
        size = next(line for line in lines if line.startswith("factdesk_database_bytes "))
        assert float(size.split()[1]) > 0


def test_postgres_search_backend_serves_search_ask_and_exports(
    postgres_url: str, tmp_path: Path
) -> None:
    """FACTDESK_SEARCH_BACKEND=postgres: no index directory, every offset slices the text,
    highlights included, and a delete is gone from the next search."""
    settings = Settings(
        data_dir=tmp_path, database_url=postgres_url, seed_samples=True, search_backend="postgres"
    )
    with TestClient(create_app(settings)) as client:
        assert not (tmp_path / "index").exists()
        texts = {
            a["id"]: client.get(f"/articles/{a['id']}").json()["text"]
            for a in client.get("/articles").json()["articles"]
        }
        for query in ('"Deir ez-Zor"', "thard*", "konashenkov~1", "killed NOT wounded"):
            body = client.get("/search", params={"q": query, "limit": 50}).json()
            assert body["total"] == len(body["hits"]) > 0, query
            for hit in body["hits"]:
                text, passage = texts[hit["article_id"]], hit["passage"]
                assert text[passage["start"] : passage["end"]] == passage["text"]
                assert hit["highlights"]
                for light in hit["highlights"]:
                    assert text[light["start"] : light["end"]] == light["text"]
        answer = client.get("/ask", params={"q": "How many soldiers were killed?"}).json()
        assert answer["answers"] and answer["answers"][0]["text"] == "62"
        for cited in answer["answers"][0]["citations"]:
            text = texts[cited["article_id"]]
            assert text[cited["start"] : cited["end"]] == cited["text"]
        exported = client.get("/search", params={"q": "killed OR wounded", "format": "jsonl"})
        rows = [json.loads(line) for line in exported.text.splitlines()]
        total = client.get("/search", params={"q": "killed OR wounded"}).json()["total"]
        assert len(rows) == total and all(r["highlights"] for r in rows)
        bad = client.get("/search", params={"q": "ceasefire~3"})
        assert bad.status_code == 400 and bad.headers["content-type"] == "application/problem+json"
        tharda = client.get("/search", params={"q": "Tharda", "limit": 50}).json()
        gone = tharda["hits"][0]["article_id"]
        assert client.delete(f"/articles/{gone}").status_code == 204
        after = client.get("/search", params={"q": "Tharda", "limit": 50}).json()
        assert gone not in {hit["article_id"] for hit in after["hits"]}
        assert after["total"] < tharda["total"]
