"""Requests built from arguments, problem+json turned into typed errors, rows decoded."""

from __future__ import annotations

import datetime
import json

import httpx
import pytest

from factdesk_client import (
    FactdeskClient,
    FactdeskError,
    InvalidRequest,
    NotFound,
    ServerError,
    Unauthorized,
)
from factdesk_client._core import RowDecoder


def _problem(status: int, title: str, errors: list[dict[str, str]] | None = None) -> httpx.Response:
    body = {
        "type": f"/problems/{title.lower().replace(' ', '-')}",
        "title": title,
        "status": status,
        "detail": f"{title} detail.",
        "instance": "/somewhere",
        "errors": errors or [],
    }
    return httpx.Response(status, json=body, headers={"content-type": "application/problem+json"})


def _client(handler: httpx.MockTransport | None = None, **kwargs: str) -> FactdeskClient:
    return FactdeskClient("http://factdesk.test", transport=handler, **kwargs)


def test_query_parameters_are_converted_and_none_is_left_out() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        page = {"claims": [], "articles": [], "total": 0, "next_cursor": None}
        return httpx.Response(200, json=page)

    with _client(httpx.MockTransport(handler)) as client:
        page = client.claims(disputed=True, kind="killed")
        client.articles(since=datetime.date(2020, 5, 1), until="2020-06-01")
    assert page.total == 0 and page.claims == []
    assert dict(seen[0].url.params) == {"disputed": "true", "kind": "killed"}
    assert dict(seen[1].url.params) == {"since": "2020-05-01", "until": "2020-06-01"}


def test_ingest_sends_the_fields_given_and_the_api_key() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _problem(401, "Unauthorized")

    transport = httpx.MockTransport(handler)
    with _client(transport, api_key="s3cret") as client, pytest.raises(Unauthorized):
        client.ingest("Some text.", published=datetime.date(2021, 3, 4))
    assert json.loads(seen[0].content) == {"text": "Some text.", "published": "2021-03-04"}
    assert seen[0].headers["authorization"] == "Bearer s3cret"


def test_path_parameters_are_quoted() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.raw_path.decode())
        return _problem(404, "Not found")

    with _client(httpx.MockTransport(handler)) as client, pytest.raises(NotFound):
        client.entity("place:a/b c")
    assert seen == ["/entities/place%3Aa%2Fb%20c"]


@pytest.mark.parametrize(
    ("status", "title", "error"),
    [
        (400, "Bad request", InvalidRequest),
        (401, "Unauthorized", Unauthorized),
        (404, "Not found", NotFound),
        (422, "Invalid input", InvalidRequest),
        (500, "Internal server error", ServerError),
        (503, "Service unavailable", ServerError),
        (418, "I'm a teapot", FactdeskError),
    ],
)
def test_a_problem_raises_its_family_with_the_problem_fields(
    status: int, title: str, error: type[FactdeskError]
) -> None:
    errors = [{"field": "limit", "message": "too big"}] if status == 422 else []
    transport = httpx.MockTransport(lambda request: _problem(status, title, errors))
    with _client(transport) as client, pytest.raises(error) as raised:
        client.health()
    problem = raised.value
    assert type(problem) is error
    assert (problem.status, problem.title, problem.detail) == (status, title, f"{title} detail.")
    assert problem.type.startswith("/problems/") and problem.instance == "/somewhere"
    assert problem.errors == errors


def test_an_error_without_a_problem_body_still_raises_by_status() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(502, text="<html>bad</html>"))
    with _client(transport) as client, pytest.raises(ServerError) as raised:
        client.health()
    assert raised.value.status == 502 and raised.value.instance == "/health"


def test_network_errors_stay_httpx_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with _client(httpx.MockTransport(handler)) as client, pytest.raises(httpx.ConnectError):
        client.health()


def test_iterators_follow_cursors_lazily() -> None:
    cursors: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        cursors.append(cursor)
        number = int(cursor or 0)
        entities = [
            {"id": f"place:{number}-{i}", "type": "place", "name": f"Place {number}-{i}",
             "data": {}, "variants": [], "mentions": 1, "article_ids": [1]}
            for i in range(2)
        ]
        following = str(number + 1) if number < 2 else None
        body = {"entities": entities, "total": 6, "next_cursor": following}
        return httpx.Response(200, json=body)

    with _client(httpx.MockTransport(handler)) as client:
        entities = client.iter_entities(type="place", limit=2)
        assert cursors == []  # nothing is fetched before the first item is asked for
        assert next(entities).name == "Place 0-0"
        assert cursors == [None]
        assert [e.id for e in entities][-1] == "place:2-1"
    assert cursors == [None, "1", "2"]


def test_csv_rows_may_span_lines_and_jsonl_rows_are_objects() -> None:
    decoder = RowDecoder("csv")
    lines = ["id,text", '1,"one line"', '2,"two', 'lines, with ""quotes"""', ""]
    rows = [row for line in lines for row in decoder.feed(line)]
    assert rows == [
        {"id": "1", "text": "one line"},
        {"id": "2", "text": 'two\nlines, with "quotes"'},
    ]
    jsonl = RowDecoder("jsonl")
    assert [row for line in ['{"a": 1}', "", '{"a": 2}'] for row in jsonl.feed(line)] == [
        {"a": 1},
        {"a": 2},
    ]
