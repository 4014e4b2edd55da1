"""GET /events and /events/{id} on the sample corpus: one event of five reports."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _spans(value: Any) -> list[dict[str, Any]]:
    """Every cited span (a dict with article_id, start, end and text) inside ``value``."""
    if isinstance(value, dict):
        found = [value] if {"article_id", "start", "end", "text"} <= value.keys() else []
        return found + [s for v in value.values() for s in _spans(v)]
    if isinstance(value, list):
        return [s for v in value for s in _spans(v)]
    return []


def test_the_five_samples_are_one_event(sample_client: TestClient) -> None:
    body = sample_client.get("/events").json()
    assert body["total"] == 1 and body["next_cursor"] is None
    (event,) = body["events"]
    assert event["type"] == "airstrike"
    assert event["date"] == "2016-09-17"
    assert event["place"]["name"] == "Jebel Tharda"
    assert event["place"]["near"] == "Deir ez-Zor"
    assert len(event["article_ids"]) == 5
    killed = event["figures"]["killed"]
    assert killed["disputed"] is True
    assert (killed["range_min"], killed["range_max"]) == (30, 83)
    assert killed["stated"] == 62  # the most cited figure


def test_an_unknown_facet_is_a_400_naming_the_field(sample_client: TestClient) -> None:
    problem = sample_client.get("/events", params={"facets": "type,colour"}).json()
    assert problem["status"] == 400 and problem["errors"][0]["field"] == "facets"
    assert "colour" in problem["detail"]


def test_filters_facets_and_paging(sample_client: TestClient) -> None:
    def total(**params: Any) -> int:
        return int(sample_client.get("/events", params=params).json()["total"])

    assert total(place="Deir ez-Zor") == total(place="Deir el-Zour") == total(place="Syria") == 1
    assert total(place="Leeds") == 0
    assert total(type="airstrike") == 1 and total(type="flood") == 0
    assert total(since="2016-09-17", until="2016-09-17") == 1
    assert total(since="2016-09-18") == 0
    assert total(min_killed=60) == 1 and total(min_killed=100) == 0
    body = sample_client.get("/events", params={"facets": "type,place,month"}).json()
    assert body["facets"] == {
        "type": [{"value": "airstrike", "count": 1}],
        "place": [{"value": "Jebel Tharda", "count": 1}],
        "month": [{"value": "2016-09", "count": 1}],
    }
    page = sample_client.get("/events", params={"limit": 1, "sort": "-killed"}).json()
    assert page["next_cursor"] is None and len(page["events"]) == 1


def test_bad_parameters_are_problems(sample_client: TestClient) -> None:
    for params in ({"facets": "colour"}, {"limit": 0}, {"type": "picnic"}, {"cursor": "x"}):
        response = sample_client.get("/events", params=params)
        assert response.status_code in (400, 422)
        assert response.headers["content-type"].startswith("application/problem+json")
    missing = sample_client.get("/events/9999")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_the_detail_cites_spans_that_slice_the_text(sample_client: TestClient) -> None:
    (event,) = sample_client.get("/events").json()["events"]
    detail = sample_client.get(f"/events/{event['id']}").json()
    assert {a["id"] for a in detail["articles"]} == set(event["article_ids"])
    killed = [c for c in detail["claims"] if c["kind"] == "killed" and c["subject"] == "soldiers"]
    assert killed and killed[0]["disputed"] and killed[0]["range"] == {"min": 30, "max": 83}
    assert detail["timeline"]["killed"], "a timeline of reported tolls"
    assert any(p["role"] for p in detail["participants"])
    spans = _spans(detail)
    assert len(spans) > 20
    texts: dict[int, str] = {}
    for span in spans:
        article_id = span["article_id"]
        if article_id not in texts:
            texts[article_id] = sample_client.get(f"/articles/{article_id}").json()["text"]
        assert texts[article_id][span["start"] : span["end"]] == span["text"]


def test_claims_group_by_event(sample_client: TestClient) -> None:
    claims = sample_client.get("/claims", params={"kind": "killed"}).json()["claims"]
    soldiers = [c for c in claims if c["subject"] == "soldiers"]
    assert len(soldiers) == 1
    assert soldiers[0]["event"].startswith("Jebel Tharda 2016-09-17")
