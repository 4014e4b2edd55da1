"""How fast a write made on one replica is found on the others (issue 13: at most 1 s for one
article, Whoosh backend).

Starts three ``factdesk serve`` processes, each with its own data and index directory, on one
fresh PostgreSQL database (dropped afterwards); writes single articles round-robin to them and,
after each acknowledgement, polls the other two every few milliseconds until ``/search`` finds
the article there; then does the same for one batch. Prints p50 / p95 / max of the delay from
the acknowledgement to the first answer holding the write. Prints a skip line when PostgreSQL
does not answer (``--postgres``, else $FACTDESK_TEST_POSTGRES_URL, else the local server).

    python -m bench.replicas [--writes 20] [--batch 100] [--backend whoosh]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bench.server import Service

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
POLL = 0.005
GIVE_UP = 30.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("FACTDESK_TEST_POSTGRES_URL"))
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--backend", default="whoosh", choices=["whoosh", "postgres"])
    args = parser.parse_args(argv)
    url = args.postgres or DEFAULT_URL
    admin = create_engine(
        "postgresql+psycopg://" + url.split("://", 1)[1],
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 3},
    )
    name = f"factdesk_replicas_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError:
        print(f"replicas: skipped (PostgreSQL does not answer at {url})")
        return 0
    try:
        with tempfile.TemporaryDirectory() as work:
            _run(Path(work), url.rsplit("/", 1)[0] + f"/{name}", args)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


def _run(work: Path, database_url: str, args: argparse.Namespace) -> None:
    settings = {
        "DATABASE_URL": database_url,
        "SEARCH_BACKEND": args.backend,
        "EXTRACT_WORKERS": "0",
    }
    log = work / "replicas.log"
    services = [Service(work / n, log, settings, startup_seconds=180) for n in "abc"]
    try:
        for service in services:
            service.start()
        delays: list[float] = []
        for n in range(args.writes):
            writer = services[n % len(services)]
            word = _word(n)
            body = {
                "text": f"The {word} footbridge reopened on Monday after {n + 3} weeks of work."
            }
            response = httpx.post(f"{writer.base_url}/articles", json=body, timeout=60)
            response.raise_for_status()
            delays += _delays([s for s in services if s is not writer], word, 1)
        print(
            f"replicas: 3 x factdesk serve ({args.backend}) on one PostgreSQL database; "
            f"{args.writes} single-article writes, round-robin"
        )
        print(f"  found on each other replica after {_summary(delays)} (n={len(delays)})")
        word = "Ostravelund"
        batch = [
            {"text": f"The {word} ferry line {n} was suspended for {n % 9 + 2} days by storms."}
            for n in range(args.batch)
        ]
        began = time.monotonic()
        response = httpx.post(f"{services[0].base_url}/articles/batch", json=batch, timeout=600)
        response.raise_for_status()
        took = time.monotonic() - began
        after = _delays(services[1:], word, args.batch)
        print(
            f"  batch of {args.batch}: acknowledged after {took * 1000:.0f} ms, found on the "
            f"other two {', '.join(f'{d * 1000:.0f}' for d in after)} ms after that"
        )
        print(f"  load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        for service in services:
            service.stop()


def _delays(services: list[Service], word: str, total: int) -> list[float]:
    """Seconds from now until each service's /search first answers ``total`` hits for ``word``."""
    acknowledged = time.monotonic()
    found: dict[int, float] = {}

    def poll(position: int, service: Service) -> None:
        with httpx.Client(base_url=service.base_url, timeout=30) as client:
            while time.monotonic() - acknowledged < GIVE_UP:
                page = client.get("/search", params={"q": word, "limit": 1}).json()
                if page.get("total") == total:
                    found[position] = time.monotonic() - acknowledged
                    return
                time.sleep(POLL)

    threads = [threading.Thread(target=poll, args=item) for item in enumerate(services)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if len(found) < len(services):
        raise RuntimeError(f"a replica did not find {word!r} within {GIVE_UP:g} s")
    return [found[i] for i in range(len(services))]


def _summary(delays: list[float]) -> str:
    ordered = sorted(delays)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {ordered[-1] * 1000:.0f} ms"
    )


def _word(n: int) -> str:
    """A made-up place name of letters only, one per write."""
    return "Quell" + chr(97 + n // 26 % 26) + chr(97 + n % 26) + "ton"


if __name__ == "__main__":
    raise SystemExit(main())
