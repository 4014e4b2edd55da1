"""Smaller defects of hostile or unlucky input, one test each."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from corpus.facts.model import MAX_FACTS_PER_ARTICLE
from corpus.passages import MAX_CHARS
from service.app import create_app
from service.settings import Settings


def test_an_empty_api_key_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTDESK_API_KEY", "")
    with pytest.raises(ValidationError, match="FACTDESK_API_KEY"):
        Settings()


def test_responses_carry_security_headers_and_health_no_versions(client: TestClient) -> None:
    response = client.get("/health")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "versions" not in response.json()


def test_an_empty_cursor_is_the_first_page(client: TestClient) -> None:
    assert client.get("/articles", params={"cursor": ""}).status_code == 200


def test_published_as_a_number_is_refused(client: TestClient) -> None:
    response = client.post("/articles", json={"text": "A short story.", "published": 0})
    assert response.status_code == 422


def test_nul_is_refused_before_the_database(client: TestClient) -> None:
    response = client.post("/articles", json={"text": "Before\x00after."})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"


def test_deeply_nested_json_is_a_400(client: TestClient) -> None:
    response = client.post(
        "/articles/batch", content=b"[" * 10000, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400


def test_ids_beyond_the_database_range_are_refused(client: TestClient) -> None:
    for url in ("/articles/2147483648", "/facts/9223372036854775808", "/facts?article_id=2**31"):
        assert client.get(url).status_code == 422


def test_a_costly_fuzzy_query_is_refused(client: TestClient) -> None:
    response = client.get("/search", params={"q": "abcdefghijklmnop~6"})
    assert response.status_code == 400
    assert "edits" in response.json()["detail"]


def test_an_article_past_the_budget_is_stored_partial(client: TestClient) -> None:
    text = "".join(f"{i} killed, " for i in range(10, 10 + MAX_FACTS_PER_ARTICLE + 100))
    created = client.post("/articles", json={"text": text})
    assert created.status_code == 201
    body = created.json()
    assert body["extraction"] == "partial"
    facts = client.get(f"/articles/{body['id']}/facts", params={"limit": 1}).json()
    assert facts["total"] == MAX_FACTS_PER_ARTICLE
    ok = client.post("/articles", json={"text": "Police said two people were hurt."}).json()
    assert ok["extraction"] == "complete"


def test_passages_stay_short_without_sentence_breaks(client: TestClient) -> None:
    text = "the river road ran north past the old mill and the school " * 100
    created = client.post("/articles", json={"text": text}).json()
    hits = client.get("/search", params={"q": "mill", "limit": 100}).json()["hits"]
    assert hits and created["passage_count"] >= len(text) // MAX_CHARS
    assert all(len(hit["passage"]["text"]) <= MAX_CHARS for hit in hits)


def test_a_deleted_newest_article_id_is_not_reused(client: TestClient) -> None:
    first = client.post("/articles", json={"text": "The first story."}).json()["id"]
    assert client.delete(f"/articles/{first}").status_code == 204
    second = client.post("/articles", json={"text": "The second story."}).json()["id"]
    assert second > first


def _stored_bytes(client: TestClient) -> int:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    data_dir = client.app.state.settings.data_dir  # type: ignore[attr-defined]
    return sum(path.stat().st_size for path in data_dir.rglob("*") if path.is_file())


@pytest.mark.parametrize(
    "text",
    [
        "".join(f"{i} killed, " for i in range(10, 2000)),  # a fact every 11 characters
        ('"Go," said Ann Rey. ' * 1000),  # a quote and a speaker every 20
        "Police said two people were hurt in Lyon on Monday. " * 400,
    ],
    ids=["figures", "quotes", "repeated"],
)
def test_an_accepted_article_stores_at_most_fifty_times_its_size(
    client: TestClient, text: str
) -> None:
    client.post("/articles", json={"text": "A first story, so the files exist."})
    before = _stored_bytes(client)
    assert client.post("/articles", json={"text": text}).status_code == 201
    assert (_stored_bytes(client) - before) / len(text.encode()) <= 50


def test_fact_sentences_are_read_from_the_article(client: TestClient) -> None:
    text = "Officials met. Police said two people were hurt in Lyon. Then it rained."
    article = client.post("/articles", json={"text": text}).json()
    facts = client.get(f"/articles/{article['id']}/facts").json()["facts"]
    assert facts
    for fact in facts:
        sentence = fact["sentence"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"] != ""
    found = client.get("/facts", params={"q": "were hurt"}).json()
    assert found["total"] >= 1


def test_405_names_every_method_of_the_path_and_head_follows_get(client: TestClient) -> None:
    refused = client.put("/articles")
    assert refused.status_code == 405
    assert refused.headers["allow"] == "GET, HEAD, POST"
    batch = client.get("/articles/batch")
    assert batch.status_code == 405 and batch.headers["allow"] == "POST"
    head = client.head("/health")
    assert head.status_code == 200 and head.content == b""


def test_the_api_key_is_a_documented_security_scheme(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["components"]["securitySchemes"]["apiKey"]["scheme"] == "bearer"
    assert document["paths"]["/articles"]["post"]["security"] == [{"apiKey": []}]


def test_a_non_ascii_key_attempt_is_a_401(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, seed_samples=False, api_key="s3cret")
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/articles", json={"text": "A story."}, headers={"Authorization": "Bearer é".encode()}
        )
        assert response.status_code == 401


def test_a_search_past_its_time_budget_is_a_503_with_retry_after(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whoosh.collectors import TimeLimit

    import search.whoosh.index as whoosh_index

    def out_of_time(self: object) -> None:
        raise TimeLimit

    monkeypatch.setattr(whoosh_index._SearchBudget, "collect_matches", out_of_time)
    client.post("/articles", json={"text": "The army moved north on Monday."})
    # A phrase: the collector ranks it (words, AND and OR are ranked without one).
    response = client.get("/search", params={"q": '"army moved"'})
    assert response.status_code == 503
    assert response.headers["retry-after"] == str(int(whoosh_index.SEARCH_SECONDS))


@pytest.mark.parametrize(
    "question",
    ["How many people were killed?", "Who said the bridge would reopen?", "Where was the fire?"],
)
def test_a_question_to_an_empty_corpus_is_an_abstention(tmp_path: Path, question: str) -> None:
    settings = Settings(data_dir=tmp_path, seed_samples=False)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        response = client.get("/ask", params={"q": question})
    assert response.status_code == 200
    assert response.json()["answers"] == []
