"""Bad input, as a careless or hostile client sends it: a clear 4xx in the one problem shape,
never a 5xx, on SQLite and (when FACTDESK_TEST_POSTGRES_URL is set) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from corpus.ingest import MAX_ARTICLE_CHARS
from service.app import create_app
from service.settings import Settings
from tests.conftest import POSTGRES_URL

_BIG_INTS = ["0", "-1", "2147483648", "9223372036854775807", "9223372036854775808", "1e3",
             "99999999999999999999999", "abc", "%00", "1.5", " 1"]  # fmt: skip
_LIMITS = ["0", "-5", "101", "2147483648", "99999999999999999999", "x", ""]
_FORGED = "eyJrIjoiYXJ0aWNsZXMiLCJwIjo5OTk5OTk5OTk5OTk5OTk5OTk5fQ"  # position 10**19
_CURSORS = ["!!!", "e30", "eyJrIjoieCIsInAiOjF9", "eyJrIjoiYXJ0aWNsZXMiLCJwIjotMX0",
            _FORGED, "%00", "a" * 5000]  # fmt: skip
_QUERIES = ["abcdefghijklmnop~6", "a*", "*ing", "x~9", "((((", '"', "AND", "NOT", "~",
            "w " * 40, "q" * 1001, "\x00", "fi~ re~ bo~ mb~ ar~", "field:value", "ab?"]  # fmt: skip
_LISTS = ["/articles", "/facts", "/entities", "/claims?field=casualties", "/search?q=fire"]
_BODIES: list[Any] = [
    {"text": "a\x00b"},
    {"text": ""},
    {"text": "   \n "},
    {"text": "x" * (MAX_ARTICLE_CHARS + 1)},
    {"text": "Fine text.", "published": 0},
    {"text": "Fine text.", "published": "2016-13-45"},
    {"text": "Fine text.", "published": True},
    {"text": "Fine text.", "extra": 1},
    {"text": 5},
    {"text": None},
    {"text": ["a"]},
    {"title": "no text"},
    [],
    "text",
    5,
    None,
    {"text": "Fine text.", "source": "s" * 201},
    {"text": "Fine text.", "language": "x" * 17},
    {"text": "Fine text.", "title": "a\x00"},
]


def _cases() -> list[tuple[str, str, dict[str, Any]]]:
    cases: list[tuple[str, str, dict[str, Any]]] = []
    for value in _BIG_INTS:
        cases += [
            ("GET", f"/articles/{value}", {}),
            ("DELETE", f"/articles/{value}", {}),
            ("GET", f"/articles/{value}/facts", {}),
            ("GET", f"/facts/{value}", {}),
            ("GET", f"/facts?article_id={value}", {}),
        ]
    for path in _LISTS:
        sep = "&" if "?" in path else "?"
        cases += [("GET", f"{path}{sep}limit={limit}", {}) for limit in _LIMITS]
        cases += [("GET", f"{path}{sep}cursor={cursor}", {}) for cursor in _CURSORS]
    cases += [("GET", "/search", {"params": {"q": q}}) for q in _QUERIES]
    cases += [("GET", "/ask", {"params": {"q": q}}) for q in ["", "?" * 3000, "\x00"]]
    cases += [("GET", f"/search?q=fire&since={d}", {}) for d in ["0", "2016-02-30", "x"]]
    for body in _BODIES:
        cases += [
            ("POST", "/articles", {"json": body}),
            ("POST", "/articles/batch", {"json": [body]}),
        ]
    raw = ["[" * 10000, "{" * 5000, '[{"text": "a"}', "\xff\xfe", "", "null", "{}" * 3]
    for content in raw:
        for path in ("/articles", "/articles/batch"):
            headers = {"content-type": "application/json"}
            cases.append(("POST", path, {"content": content.encode("utf-8", "surrogatepass"),
                                         "headers": headers}))  # fmt: skip
    cases += [("POST", "/articles/batch", {"json": [{"text": "x"}] * 1001})]
    cases += [("GET", "/entities/" + "x" * 3000, {}), ("GET", "/claims/nofield/summary", {})]
    cases += [("PUT", "/articles", {}), ("PATCH", "/articles/1", {}), ("GET", "/nowhere", {})]
    return cases


CASES = _cases()


def test_the_suite_is_large() -> None:
    assert len(CASES) >= 150


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def bad_client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    data_dir: Path = tmp_path_factory.mktemp("bad") / "data"
    url = None
    if request.param == "postgresql":
        if not POSTGRES_URL:
            pytest.skip("FACTDESK_TEST_POSTGRES_URL is not set")
        url = request.getfixturevalue("postgres_module_url")
    settings = Settings(data_dir=data_dir, database_url=url, seed_samples=False)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        client.post("/articles", json={"text": "Police said two people were hurt in Lyon."})
        yield client


@pytest.mark.parametrize(("method", "url", "kwargs"), CASES, ids=lambda v: str(v)[:60])
def test_bad_input_is_a_4xx_problem(
    bad_client: TestClient, method: str, url: str, kwargs: dict[str, Any]
) -> None:
    response = bad_client.request(method, url, **kwargs)
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["status"] == response.status_code
