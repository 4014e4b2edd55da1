"""Three ``factdesk serve`` replicas on one PostgreSQL database, each with its own data and
index directory, as behind a load balancer (deploy/compose.yaml without containers): a write
acknowledged by one is found, with the same hits, offsets and answers, by the others within a
second (a batch: within a second after its indexing time), and a replica killed right after an
acknowledged write loses nothing. Real processes; skips without FACTDESK_TEST_POSTGRES_URL."""

from __future__ import annotations

import importlib.util
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.server import Service

WITHIN = 1.0  # seconds after the acknowledgement (the bound for one article)
BACKENDS = [
    "whoosh",
    pytest.param(
        "postgres",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("search.postgres") is None,
            reason="the PostgreSQL search backend (search.postgres) is not in this tree",
        ),
    ),
]


class Replica(Service):
    """One ``factdesk serve`` process with its own data directory, and JSON over HTTP."""

    def __init__(self, name: str, data_dir: Path, settings: dict[str, str], log: Path) -> None:
        super().__init__(data_dir, log, settings, startup_seconds=180)
        self.name = name

    def get(self, path: str, **params: Any) -> Any:
        response = httpx.get(f"{self.base_url}{path}", params=params, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    def post(self, path: str, body: Any) -> Any:
        response = httpx.post(f"{self.base_url}{path}", json=body, timeout=120)
        assert response.status_code in (200, 201), response.text
        return response.json()


def _start_together(replicas: list[Replica]) -> None:
    """Start the replicas at the same moment; return once each answers /ready with 200."""
    failures: list[BaseException] = []

    def start(replica: Replica) -> None:
        try:
            replica.start()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=start, args=(replica,)) for replica in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def _search(replica: Replica, query: str) -> tuple[int, list[Any]]:
    page = replica.get("/search", q=query, limit=50)
    hits = [(h["article_id"], h["passage"], h["highlights"], h["score"]) for h in page["hits"]]
    return page["total"], hits


def _answers(replica: Replica, question: str) -> Any:
    found = replica.get("/ask", q=question)
    return [(a["text"], a["citations"]) for a in found["answers"]]


def _agrees_within(
    replica: Replica, read: Callable[[Replica], Any], expected: Any, seconds: float
) -> float:
    """Seconds after now at which a read of ``replica`` first sent gave ``expected``; fails if
    none sent within ``seconds`` did."""
    start = time.monotonic()
    last = None
    while True:
        sent = time.monotonic() - start
        last = read(replica)
        if last == expected:
            return sent
        if sent > seconds:
            pytest.fail(f"{replica.name} still answers {last!r} {sent:.2f} s after the write")
        time.sleep(0.02)


@pytest.mark.parametrize("backend", BACKENDS)
def test_three_replicas_agree(backend: str, tmp_path: Path, postgres_url: str) -> None:
    settings = {"DATABASE_URL": postgres_url, "SEARCH_BACKEND": backend, "EXTRACT_WORKERS": "0"}
    log = tmp_path / "replicas.log"
    a, b, c = (Replica(n, tmp_path / n, settings, log) for n in ("a", "b", "c"))
    replicas = [a, b, c]
    try:
        _start_together(replicas)  # as a deployment does: all on the fresh database at once

        # One article, acknowledged by a: b and c find it, and answer from it, within a second.
        text = (
            "QUELLPORT, March 3 (Wire) - A landslide in Quellport killed 12 people on Tuesday, "
            "the provincial governor said.\n\nRescue teams searched the hillside through the night."
        )
        a.post("/articles", {"text": text})
        acknowledged = time.monotonic()
        question = "How many people were killed in Quellport?"
        expected = _search(a, "Quellport")
        assert expected[0] == 1
        for other in (b, c):
            left = WITHIN - (time.monotonic() - acknowledged)
            _agrees_within(other, lambda r: _search(r, "Quellport"), expected, max(left, 0))
        answers = _answers(a, question)
        assert answers and answers[0][0] == "12"
        for other in (b, c):
            _agrees_within(other, lambda r: _answers(r, question), answers, WITHIN)

        # A batch acknowledged by b: a and c agree within a second after its indexing time.
        batch = [
            {"text": f"The Ostrava ferry line {n} was suspended for {n + 2} days after a storm."}
            for n in range(1, 21)
        ]
        began = time.monotonic()
        b.post("/articles/batch", batch)
        indexing = time.monotonic() - began
        expected = _search(b, "Ostrava")
        assert expected[0] == 20
        for other in (a, c):
            _agrees_within(other, lambda r: _search(r, "Ostrava"), expected, indexing + WITHIN)

        # Kill c right after its write is acknowledged, and b right after a's (before b can
        # have applied it): nothing acknowledged is lost, and the restarted replicas catch up.
        c.post("/articles", {"text": "Vintner Hale said the Quellport harvest fell by a third."})
        c.kill()
        a.post("/articles", {"text": "The Quellport tram depot reopened after 6 weeks of work."})
        b.kill()
        _start_together([b, c])
        expected = _search(a, "Quellport")
        assert expected[0] == 3
        for other in (b, c):
            _agrees_within(other, lambda r: _search(r, "Quellport"), expected, WITHIN)
        counts = {r.name: r.get("/health")["passages"] for r in replicas}
        assert len(set(counts.values())) == 1, counts
    finally:
        for replica in replicas:
            replica.stop()
