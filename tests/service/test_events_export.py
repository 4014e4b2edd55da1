"""GET /events?format=csv|jsonl on the sample corpus: every selected event, flattened."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from service.exports import COLUMNS


def test_csv_export_flattens_each_event_to_the_documented_columns(
    sample_client: TestClient,
) -> None:
    listed = sample_client.get("/events").json()["events"]
    response = sample_client.get("/events", params={"format": "csv", "limit": 1})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="events.csv"'
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == COLUMNS["events"]
    rows = list(reader)
    assert len(rows) == len(listed) == 1
    (row,), (event,) = rows, listed
    killed = event["figures"]["killed"]
    assert row["id"] == str(event["id"]) and row["type"] == event["type"]
    assert row["date"] == event["date"]
    assert (row["place"], row["place_kind"], row["near"], row["country"]) == (
        event["place"]["name"],
        event["place"]["kind"],
        event["place"]["near"],
        event["place"]["country"],
    )
    assert row["region"] == ""  # None is an empty cell
    assert row["killed_stated"] == str(killed["stated"])
    assert (row["killed_range_min"], row["killed_range_max"]) == ("30", "83")
    assert row["killed_qualifier"] == killed["qualifier"]
    assert row["killed_disputed"] == "true"
    assert row["article_count"] == "5"
    assert json.loads(row["article_ids"]) == event["article_ids"]


def test_jsonl_export_keeps_types_and_the_json_filters(sample_client: TestClient) -> None:
    response = sample_client.get(
        "/events", headers={"Accept": "application/x-ndjson"}, params={"place": "Syria"}
    )
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert response.headers["content-disposition"] == 'attachment; filename="events.jsonl"'
    (record,) = [json.loads(line) for line in response.text.splitlines()]
    assert tuple(record) == COLUMNS["events"]
    event = sample_client.get("/events", params={"place": "Syria"}).json()["events"][0]
    for kind in ("killed", "injured"):
        figure = event["figures"][kind] or {}
        for part in ("stated", "min", "max", "qualifier", "disputed", "range_min", "range_max"):
            assert record[f"{kind}_{part}"] == figure.get(part)
    assert record["article_ids"] == event["article_ids"]
    assert record["killed_disputed"] is True
    for params in ({"place": "Leeds"}, {"type": "flood"}, {"since": "2016-09-18"}):
        empty = sample_client.get("/events", params={**params, "format": "jsonl"})
        assert empty.status_code == 200 and empty.text == ""
        header_only = sample_client.get("/events", params={**params, "format": "csv"})
        assert header_only.text == ",".join(COLUMNS["events"]) + "\n"


def test_export_parameters_are_checked_like_the_listing(sample_client: TestClient) -> None:
    for params in ({"format": "xml"}, {"format": "csv", "type": "picnic"}):
        response = sample_client.get("/events", params=params)
        assert response.status_code in (400, 422)
        assert response.headers["content-type"].startswith("application/problem+json")
    paged = sample_client.get("/events", params={"format": "json"}, headers={"Accept": "text/csv"})
    assert paged.headers["content-type"].startswith("application/json")
