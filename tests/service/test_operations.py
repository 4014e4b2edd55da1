"""Operations: request ids, logs, metrics, readiness, gzip and strict query strings."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

import service.app
import service.deps
from corpus.tables import Article
from service.app import create_app
from service.logs import TEXT_FORMAT, JsonFormatter, RequestIdFilter, log_config
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """The factdesk loggers' lines at INFO, as JSON, for the duration of one test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("factdesk")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(level)


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


# Request ids


def test_a_valid_request_id_is_echoed(client: TestClient) -> None:
    sent = "trace-01.ab:cd_EF"
    assert client.get("/health", headers={"X-Request-ID": sent}).headers["x-request-id"] == sent


@pytest.mark.parametrize("sent", [None, b"", b"x" * 129, b"has space", b"semi;colon", "é".encode()])
def test_an_absent_or_invalid_request_id_is_replaced(
    client: TestClient, sent: bytes | None
) -> None:
    headers = {"X-Request-ID": sent} if sent is not None else {}
    got = client.get("/health", headers=headers).headers["x-request-id"]
    assert got.encode() != sent and len(got) == 32 and int(got, 16) >= 0


def test_error_responses_carry_the_request_id_too(client: TestClient) -> None:
    for path in ("/no-such-path", "/articles/999", "/search?q=fire~6"):
        response = client.get(path, headers={"X-Request-ID": "err-1"})
        assert response.status_code >= 400 and response.headers["x-request-id"] == "err-1"


def test_an_unexpected_error_is_a_500_with_the_request_id(
    settings: Settings, log_lines: io.StringIO
) -> None:
    app = create_app(settings)

    @app.get("/test-crash", include_in_schema=False)
    def crash() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/test-crash", headers={"X-Request-ID": "crash-1"})
    assert response.status_code == 500 and response.headers["x-request-id"] == "crash-1"
    lines = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    crash_lines = [line for line in lines if "/test-crash" in line["message"]]
    assert len(crash_lines) == 2  # the traceback and the access line
    assert {line["request_id"] for line in crash_lines} == {"crash-1"}
    assert any("RuntimeError: boom" in line.get("exception", "") for line in crash_lines)
    assert any(line.get("status") == 500 for line in crash_lines)


# Logs


def test_each_request_logs_one_json_access_line_with_its_id(
    client: TestClient, log_lines: io.StringIO
) -> None:
    client.get("/articles/7", headers={"X-Request-ID": "req-json-1"})
    lines = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "factdesk.access"]
    assert len(access) == 1
    line = access[0]
    assert line["request_id"] == "req-json-1"
    assert line["route"] == "/articles/{article_id}" and line["method"] == "GET"
    assert line["status"] == 404 and line["ms"] >= 0
    assert {"time", "level", "message"} <= line.keys() and line["level"] == "INFO"


def test_log_lines_inside_a_request_carry_its_id(
    settings: Settings, log_lines: io.StringIO
) -> None:
    app = create_app(settings)

    @app.get("/test-logs", include_in_schema=False)
    def logs_something() -> dict[str, str]:
        logging.getLogger("factdesk.test").info("inside the route")
        return {}

    with TestClient(app) as client:
        client.get("/test-logs", headers={"X-Request-ID": "inner-7"})
    lines = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    inner = next(line for line in lines if line["message"] == "inside the route")
    assert inner["request_id"] == "inner-7" and inner["logger"] == "factdesk.test"


def test_text_format_names_the_request_id() -> None:
    record = logging.LogRecord("factdesk", logging.INFO, __file__, 1, "hello", None, None)
    RequestIdFilter().filter(record)
    assert logging.Formatter(TEXT_FORMAT).format(record).endswith("factdesk [-] hello")


def test_json_lines_are_single_lines_even_with_a_traceback() -> None:
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        record = logging.LogRecord(
            "factdesk", logging.ERROR, __file__, 1, "failed", None, sys.exc_info()
        )
    line = JsonFormatter().format(record)
    assert "\n" not in line and "ValueError" in json.loads(line)["exception"]


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_log_config_shows_the_service_lines_at_info(log_format: str) -> None:
    config = log_config(log_format)  # type: ignore[arg-type]
    assert config["loggers"]["factdesk"]["level"] == "INFO"
    assert config["handlers"]["default"]["filters"] == ["request_id"]


# Metrics


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    labels = {"route": "/articles/{article_id}", "method": "GET", "status": "404"}
    before = _sample("factdesk_http_requests_total", **labels)
    unmatched = {"route": "unmatched", "method": "GET", "status": "404"}
    before_unmatched = _sample("factdesk_http_requests_total", **unmatched)
    client.get("/articles/41")
    client.get("/articles/42")
    client.get("/nothing/here")
    assert _sample("factdesk_http_requests_total", **labels) == before + 2
    assert _sample("factdesk_http_requests_total", **unmatched) == before_unmatched + 1
    body = client.get("/metrics")
    assert body.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert (
        'factdesk_http_request_duration_seconds_bucket{le="0.001",route="/articles/{article_id}"}'
        in body.text
    )


def test_metrics_report_the_corpus_and_cache_lookups(client: TestClient) -> None:
    client.post("/articles", json={"text": "Floods killed 12 people in the valley on Tuesday."})
    hits = _sample("factdesk_cache_lookups_total", cache="responses", result="hit")
    client.get("/facts")
    client.get("/facts")
    assert _sample("factdesk_cache_lookups_total", cache="responses", result="hit") > hits
    text = client.get("/metrics").text
    gauges = {
        line.split()[0]: float(line.split()[1])
        for line in text.splitlines()
        if line.startswith("factdesk_") and "{" not in line
    }
    assert gauges["factdesk_articles"] == 1 and gauges["factdesk_facts"] >= 1
    assert gauges["factdesk_passages_indexed"] == 1
    assert gauges["factdesk_index_bytes"] > 0 and gauges["factdesk_database_bytes"] > 0
    assert "factdesk_build_info{" in text


def test_metrics_work_in_multiprocess_mode(tmp_path: Path) -> None:
    """Issue 13 runs several workers: with PROMETHEUS_MULTIPROC_DIR set, a scrape sums them."""
    script = (
        "from service.metrics import observe_request, render_metrics\n"
        "observe_request(route='/search', method='GET', status=200, seconds=0.01)\n"
        "class NoCorpus:\n"
        "    def collect(self):\n"
        "        return []\n"
        "print(render_metrics(NoCorpus()).decode())\n"
    )
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert any(tmp_path.iterdir())  # values went to the shared directory
    assert 'factdesk_http_requests_total{method="GET",route="/search",status="200"} 2.0' in (
        runs[1].stdout
    )


# Health and readiness


def test_health_names_no_library_versions(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and "versions" not in body


def test_ready_when_startup_is_done(client: TestClient) -> None:
    assert client.get("/ready").json() == {"status": "ready"}


def test_ready_is_503_until_background_startup_is_done(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    prepare = service.app._prepare_corpus

    def slow_prepare(**kwargs: object) -> None:
        release.wait(timeout=30)
        prepare(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service.app, "_prepare_corpus", slow_prepare)
    app = create_app(settings, background_startup=True)
    with TestClient(app) as client:
        waiting = client.get("/ready")
        assert waiting.status_code == 503
        assert waiting.headers["content-type"] == "application/problem+json"
        assert "startup is not done" in waiting.json()["detail"]
        assert client.get("/health").status_code == 200  # the process is up
        monkeypatch.setattr(service.deps, "STARTUP_WAIT_SECONDS", 0.05)
        write = client.post("/articles", json={"text": "A story written too early."})
        assert write.status_code == 503 and write.headers["retry-after"] == "5"
        monkeypatch.setattr(service.deps, "STARTUP_WAIT_SECONDS", 30.0)
        threading.Timer(0.3, release.set).start()
        # a write during startup waits for it, then lands
        assert client.post("/articles", json={"text": "A story that waited."}).status_code == 201
        app.state.startup.wait()
        assert client.get("/ready").status_code == 200


def test_ready_is_503_when_the_index_disagrees_with_the_database(client: TestClient) -> None:
    index = client.app.state.index  # type: ignore[attr-defined]
    index.add_articles([Article(id=999, content_hash="g", text="A ghost passage.")])
    response = client.get("/ready")
    assert response.status_code == 503
    assert "the index holds 1 passages, the database expects 0" in response.json()["detail"]


def test_ready_is_503_when_background_startup_failed(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(service.app, "_prepare_corpus", broken)
    app = create_app(settings, background_startup=True)
    with TestClient(app) as client:
        app.state.startup.wait()
        detail = client.get("/ready").json()["detail"]
        assert "startup failed: RuntimeError: disk on fire" in detail


# Compression


def test_large_responses_are_gzipped_with_their_headers(client: TestClient) -> None:
    texts = [{"text": f"Story {n}: floods killed {n + 3} people in the valley."} for n in range(30)]
    client.post("/articles/batch", json=texts)
    response = client.get(
        "/facts", params={"limit": 100}, headers={"Accept-Encoding": "gzip", "X-Request-ID": "gz"}
    )
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["server-timing"].startswith("app;dur=")
    assert response.headers["x-request-id"] == "gz"
    assert int(response.headers["content-length"]) < len(response.content)
    plain = client.get("/facts", params={"limit": 100}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == response.json()


def test_small_responses_are_not_gzipped(client: TestClient) -> None:
    response = client.get("/health", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers


def test_streamed_responses_are_gzipped_chunk_by_chunk(settings: Settings) -> None:
    app = create_app(settings)
    rows = [f"row {n}, a line of a streamed export\n" for n in range(2000)]

    @app.get("/test-stream", include_in_schema=False)
    def stream() -> StreamingResponse:
        return StreamingResponse(iter(rows), media_type="text/csv")

    with (
        TestClient(app) as client,
        client.stream("GET", "/test-stream", headers={"Accept-Encoding": "gzip"}) as response,
    ):
        raw = b"".join(response.iter_raw())
        assert response.headers["content-encoding"] == "gzip"
        assert "server-timing" in response.headers
    assert gzip.decompress(raw).decode() == "".join(rows)


# Strict query strings


def test_an_unknown_query_parameter_is_a_400_naming_it(client: TestClient) -> None:
    for path in ("/search?q=rain&limt=1", "/articles?limt=1", "/facts?field=x&limt=1&zz=2"):
        response = client.get(path)
        assert response.status_code == 400, path
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["type"] == "/problems/unknown-parameter"
        assert "'limt'" in body["detail"] and body["errors"][0]["field"] == "limt"
    assert "'zz'" in client.get("/facts?limt=1&zz=2").json()["detail"]


def test_a_route_without_parameters_says_so(client: TestClient) -> None:
    detail = client.get("/health?verbose=1").json()["detail"]
    assert detail == "Unknown query parameter 'verbose' (this route takes no query parameters)."


def test_declared_parameters_and_dependency_parameters_pass(client: TestClient) -> None:
    assert client.get("/search", params={"q": "rain", "limit": 2, "source": "x"}).status_code == 200
    assert client.get("/articles", params={"limit": 2}).status_code == 200
    assert client.get("/health").status_code == 200


def test_pages_outside_the_api_keep_their_query_strings(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/ui/page", include_in_schema=False)
    def page() -> dict[str, str]:
        return {}

    with TestClient(app) as client:
        assert client.get("/ui/page?tab=facts").status_code == 200
        assert client.get("/docs?anything=1").status_code == 200
        assert client.get("/openapi.json?x=1").status_code == 200


def test_openapi_documents_the_400_on_every_operation(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "400" in operation["responses"], (method, path)
