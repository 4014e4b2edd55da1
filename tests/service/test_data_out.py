"""Exports, facets and sorting: every matching row, counted or ordered as asked. Sentences are
our own."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

STORIES = [
    (
        "Four fishermen were killed when a storm hit the harbour of Tarsus.",
        "Coast Daily",
        "2024-03-02",
    ),
    ("Rescuers said 11 people were injured when a bridge fell near Adana.", "Coast Daily", None),
    ("A fire in a warehouse in Mersin killed two guards overnight.", "Valley Post", "2024-02-28"),
    ("At least 30 people were wounded in clashes in Hama on Sunday.", None, "2024-03-02"),
    (
        "Officials said 120 people were killed and 45 injured in the flood.",
        "Valley Post",
        "2024-03-05",
    ),
]


@pytest.fixture
def stocked(client: TestClient) -> TestClient:
    items = []
    for text, source, day in STORIES:
        item: dict[str, str] = {"text": text}
        if source:
            item["source"] = source
        if day:
            item["published"] = day
        items.append(item)
    assert client.post("/articles/batch", json=items).status_code == 200
    return client


def _texts(client: TestClient) -> dict[int, str]:
    ids = [a["id"] for a in client.get("/articles", params={"limit": 100}).json()["articles"]]
    return {i: client.get(f"/articles/{i}").json()["text"] for i in ids}


def test_fact_export_as_csv_streams_every_row_with_exact_offsets(
    stocked: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("service.exports.CHUNK_ROWS", 3)  # several chunks
    monkeypatch.setattr("corpus.fact_store.EXPORT_BATCH", 4)  # several keyset batches
    response = stocked.get("/facts", params={"format": "csv", "limit": 5})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="facts.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == stocked.get("/facts").json()["total"] > 5  # not one page: every row
    assert list(rows[0]) == [
        "id", "article_id", "source", "field", "kind", "value", "text", "start", "end",
        "sentence_start", "sentence_end", "attributed_to", "qualifier",
    ]  # fmt: skip
    texts = _texts(stocked)
    for row in rows:
        article = texts[int(row["article_id"])]
        assert article[int(row["start"]) : int(row["end"])] == row["text"]
        assert isinstance(json.loads(row["value"]), dict)
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)


def test_exports_by_accept_header_and_filters_compose(stocked: TestClient) -> None:
    response = stocked.get(
        "/facts", params={"field": "casualties"}, headers={"Accept": "application/x-ndjson"}
    )
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines and all(line["field"] == "casualties" for line in lines)
    assert len(lines) == stocked.get("/facts", params={"field": "casualties"}).json()["total"]
    articles = stocked.get("/articles", headers={"Accept": "text/csv"})
    assert articles.headers["content-disposition"] == 'attachment; filename="articles.csv"'
    assert len(list(csv.DictReader(io.StringIO(articles.text)))) == len(STORIES)
    # format= wins over Accept; json keeps the paged shape.
    paged = stocked.get("/articles", params={"format": "json"}, headers={"Accept": "text/csv"})
    assert paged.json()["total"] == len(STORIES)


def test_search_and_claims_exports(stocked: TestClient) -> None:
    texts = _texts(stocked)
    search = stocked.get("/search", params={"q": "killed OR injured", "format": "jsonl"})
    hits = [json.loads(line) for line in search.text.splitlines()]
    assert len(hits) == stocked.get("/search", params={"q": "killed OR injured"}).json()["total"]
    for hit in hits:
        assert texts[hit["article_id"]][hit["start"] : hit["end"]] == hit["text"]
        for start, end in hit["highlights"]:
            assert hit["start"] <= start < end <= hit["end"]
    claims = stocked.get("/claims", params={"format": "csv"})
    assert claims.headers["content-disposition"] == 'attachment; filename="claims.csv"'
    rows = list(csv.DictReader(io.StringIO(claims.text)))
    assert rows and {"subject", "stated", "article_id", "start", "end"} <= set(rows[0])
    for row in rows:
        assert texts[int(row["article_id"])][int(row["start"]) : int(row["end"])] == row["text"]


def test_an_unknown_format_is_a_problem(stocked: TestClient) -> None:
    response = stocked.get("/facts", params={"format": "xml"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "format"


def test_facets_count_every_matching_row_and_compose_with_filters(stocked: TestClient) -> None:
    body = stocked.get(
        "/articles", params={"facets": "source,published,published_month", "limit": 1}
    ).json()
    assert len(body["articles"]) == 1
    assert body["facets"]["source"] == [
        {"value": "Coast Daily", "count": 2},
        {"value": "Valley Post", "count": 2},
        {"value": None, "count": 1},
    ]
    assert body["facets"]["published_month"] == [
        {"value": "2024-03", "count": 3},
        {"value": "2024-02", "count": 1},
        {"value": None, "count": 1},
    ]
    assert body["facets"]["published"][0] == {"value": "2024-03-02", "count": 2}
    facts = stocked.get("/facts", params={"facets": "field,kind"}).json()
    total = facts["total"]
    assert sum(b["count"] for b in facts["facets"]["field"]) == total
    casualties = stocked.get(
        "/facts", params={"field": "casualties", "source": "valley post", "facets": "kind,source"}
    ).json()
    kinds = {b["value"]: b["count"] for b in casualties["facets"]["kind"]}
    assert sum(kinds.values()) == casualties["total"] and kinds.get("killed", 0) >= 2
    assert casualties["facets"]["source"] == [
        {"value": "Valley Post", "count": casualties["total"]}
    ]
    search = stocked.get("/search", params={"q": "killed", "facets": "source"}).json()
    assert {b["value"] for b in search["facets"]["source"]} == {"Coast Daily", "Valley Post"}
    assert "facets" not in stocked.get("/search", params={"q": "killed"}).json()


@pytest.mark.parametrize(
    ("path", "params", "names"),
    [
        ("/facts", {}, ["field", "kind", "source", "published", "published_month", "place"]),
        ("/facts", {"field": "casualties"}, ["kind", "source", "published_month", "place"]),
        ("/facts", {"source": "coast daily"}, ["field", "published", "place"]),
        ("/articles", {}, ["source", "published", "published_month", "place"]),
    ],
)
def test_facets_asked_together_equal_each_asked_alone(
    stocked: TestClient, path: str, params: dict[str, str], names: list[str]
) -> None:
    """Facets of one level are counted by one query together: each must still count alone."""
    together = stocked.get(path, params={**params, "facets": ",".join(names)}).json()
    total = together["total"]
    for name in names:
        alone = stocked.get(path, params={**params, "facets": name}).json()["facets"][name]
        assert together["facets"][name] == alone, name
        assert sum(bucket["count"] for bucket in alone) == total, name


def test_an_unknown_facet_or_sort_is_a_400_naming_the_choices(stocked: TestClient) -> None:
    for path, params in [
        ("/articles", {"facets": "source,colour"}),
        ("/facts", {"facets": "title"}),
        ("/articles", {"sort": "title"}),
        ("/facts", {"sort": "published"}),
    ]:
        response = stocked.get(path, params=params)
        assert response.status_code == 400, (path, params)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["field"] in {"facets", "sort"}


def _all(client: TestClient, path: str, key: str, params: dict) -> list[dict]:
    rows, cursor = [], None
    while True:
        page = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        rows += page[key]
        cursor = page["next_cursor"]
        if not cursor:
            return rows


def test_articles_sort_with_missing_dates_last_both_ways(stocked: TestClient) -> None:
    up = [
        a["published"]
        for a in _all(stocked, "/articles", "articles", {"sort": "published", "limit": 2})
    ]
    assert up == ["2024-02-28", "2024-03-02", "2024-03-02", "2024-03-05", None]
    down = _all(stocked, "/articles", "articles", {"sort": "-published", "limit": 2})
    assert [a["published"] for a in down] == [
        "2024-03-05",
        "2024-03-02",
        "2024-03-02",
        "2024-02-28",
        None,
    ]
    ids = [a["id"] for a in _all(stocked, "/articles", "articles", {"sort": "-id", "limit": 2})]
    assert ids == sorted(ids, reverse=True) and len(ids) == len(STORIES)
    ingested = _all(stocked, "/articles", "articles", {"sort": "ingested_at", "limit": 2})
    assert [a["ingested_at"] for a in ingested] == sorted(a["ingested_at"] for a in ingested)
    export = stocked.get("/articles", params={"sort": "-published", "format": "jsonl"})
    assert [json.loads(x)["published"] for x in export.text.splitlines()] == [
        a["published"] for a in down
    ]


def test_facts_sort_by_value_over_every_field_puts_numbers_first(stocked: TestClient) -> None:
    facts = _all(stocked, "/facts", "facts", {"sort": "-value", "limit": 50})
    numeric = {"casualties": "stated", "quantities": "number", "equipment": "count"}
    stated = [f["value"].get(numeric.get(f["field"], ""), None) for f in facts]
    present = [v for v in stated if v is not None]
    assert present and present == sorted(present, reverse=True)
    assert stated == present + [None] * (len(stated) - len(present))  # the rest last


def test_facts_sort_by_stated_value_and_article(stocked: TestClient) -> None:
    params = {"field": "casualties", "sort": "value", "limit": 2}
    values = [f["value"]["stated"] for f in _all(stocked, "/facts", "facts", params)]
    assert values == sorted(values) and 120 in values
    down = [
        f["value"]["stated"] for f in _all(stocked, "/facts", "facts", {**params, "sort": "-value"})
    ]
    assert down == sorted(values, reverse=True)
    by_article = _all(stocked, "/facts", "facts", {"sort": "-article_id", "limit": 7})
    assert [f["article_id"] for f in by_article] == sorted(
        (f["article_id"] for f in by_article), reverse=True
    )
    assert len(by_article) == stocked.get("/facts").json()["total"]
