"""``python -m bench.events_cost``: what events cost at ingest and what ``GET /events`` takes.

Ingests the generated benchmark corpus (``bench.generate``, ``--count`` articles) into a
fresh store in batches as ``POST /articles/batch`` would, timing the event assignment inside
each batch (candidate lookups, link scores, event rows), and prints the rate with and without
it. Two separate ingests (events off, then on) were tried first: on this shared machine the
load from elsewhere, and the extraction caches the second one warms, moved the rates by far
more than assignment costs. The signature is computed in preparation with the other facts.
Then serves the events-on store and prints the median time of ``GET /events`` requests (plain,
filtered, faceted) after the first read has loaded the summaries.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

import corpus.ingest as ingest_module
from bench.generate import generate
from corpus.db import create_schema, make_engine, sqlite_url
from corpus.events.assign import assign_events
from corpus.ingest import ArticleInput, ingest_articles
from corpus.prepare_pool import PreparePool
from corpus.tables import Event
from search.whoosh.index import WhooshIndex
from service.app import create_app
from service.settings import Settings

BATCH = 500
REQUESTS = 120
_VARIANTS: list[dict[str, Any]] = [
    {},
    {"limit": 100},
    {"place": "Aleppo"},
    {"type": "airstrike", "since": "2016-01-01", "until": "2016-12-31"},
    {"min_killed": 10, "sort": "-killed"},
    {"facets": "type,place,month"},
]


def _ingest(root: Path, inputs: list[ArticleInput], workers: int) -> tuple[float, float]:
    """Seconds to ingest ``inputs`` into a fresh store, and the part of them spent assigning
    events (timed around ``corpus.ingest``'s call of ``assign_events``)."""
    root.mkdir(parents=True)
    engine = make_engine(sqlite_url(root))
    create_schema(engine)
    index = WhooshIndex.open(root / "index")
    pool = PreparePool(workers)
    pool.start()
    assigning = [0.0]

    def timed(session: Session, signatures: Any) -> None:
        started = time.perf_counter()
        assign_events(session, signatures)
        assigning[0] += time.perf_counter() - started

    ingest_module.assign_events = timed  # a benchmark's probe, not a code path
    try:
        started = time.perf_counter()
        with Session(engine) as session:
            for at in range(0, len(inputs), BATCH):
                ingest_articles(
                    session=session, index=index, articles_in=inputs[at : at + BATCH], pool=pool
                )
        return time.perf_counter() - started, assigning[0]
    finally:
        ingest_module.assign_events = assign_events
        pool.close()
        index.close()
        engine.dispose()


def _events_p50(data_dir: Path) -> tuple[int, float]:
    settings = Settings(data_dir=data_dir, seed_samples=False, database_url=None, api_key=None)
    with TestClient(create_app(settings)) as client:
        with Session(client.app.state.engine) as session:  # type: ignore[attr-defined]
            count = int(session.exec(select(func.count()).select_from(Event)).one())
        client.get("/events")
        times = []
        for number in range(REQUESTS):
            started = time.perf_counter()
            response = client.get("/events", params=_VARIANTS[number % len(_VARIANTS)])
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.text
    return count, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(prog="python -m bench.events_cost", description=__doc__)
    parser.add_argument("--count", type=int, default=20_000, help="articles to ingest")
    parser.add_argument("--workers", type=int, default=2, help="preparation worker processes")
    args = parser.parse_args(argv)
    articles = list(generate(args.count))
    inputs = [
        ArticleInput(text=a.text, title=a.title, source=a.source, url=a.url) for a in articles
    ]
    with tempfile.TemporaryDirectory(prefix="factdesk-events-cost-") as tmp:
        on, assigning = _ingest(Path(tmp) / "on", inputs, args.workers)
        off = on - assigning
        print(f"events on:  {args.count / on:.1f} articles/s ({on:.1f} s)", flush=True)
        print(f"without assignment: {args.count / off:.1f} articles/s ({off:.1f} s)")
        print(f"slower by {100 * assigning / off:.1f}% (assignment {assigning:.1f} s)", flush=True)
        count, p50 = _events_p50(Path(tmp) / "on")
        print(f"GET /events over {count} events: p50 {p50:.1f} ms ({REQUESTS} requests)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
