"""The two passage backends side by side: Whoosh and PostgreSQL full text, on one corpus.

python -m bench.backends --quick   # 2k articles; writes bench/RESULTS-backends.md

Each backend gets its own ``factdesk serve`` on its own fresh PostgreSQL database (so only the
passage backend differs, not the database), ingests the same generated articles in the same
batches, then answers the same distinct /search queries per class (``bench.queries``), one
client, after a warm-up pass. For the postgres backend it also reports the size of the passage
tables with their GIN and B-tree indexes (``pg_total_relation_size``) per 1,000 articles.
Needs a PostgreSQL server: ``FACTDESK_BENCH_POSTGRES_URL`` (default
``postgresql://postgres@127.0.0.1:5432/postgres``), on which it creates and drops databases.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.generate import corpus_path, read_corpus
from bench.measure import IngestResult, Latency, get_latency, ingest
from bench.queries import CLASSES, build_pools
from bench.reference import split_all
from bench.server import Service
from search.postgres.schema import RELATIONS

BENCH_DIR = Path(__file__).resolve().parent
BACKENDS = ("whoosh", "postgres")
MODES = {"quick": {"articles": 2000, "queries": 40}, "full": {"articles": 20000, "queries": 100}}
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass
class BackendRun:
    """What one backend measured."""

    backend: str
    ingest: IngestResult
    search: dict[str, Latency]
    passage_bytes: int | None = None


def main(argv: list[str] | None = None) -> int:
    """Run both backends, print the report and write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_const", dest="mode", const="quick")
    mode.add_argument("--full", action="store_const", dest="mode", const="full")
    parser.add_argument("--articles", type=int, help="corpus size (overrides the mode's)")
    # Smaller than bench.run's 1000: a batch must finish within the client timeout on a
    # loaded machine, and both backends get the same batches.
    parser.add_argument("--batch", type=int, default=250, help="articles per POST (≤ 1000)")
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "work")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "RESULTS-backends.md")
    args = parser.parse_args(argv)
    config = dict(MODES[args.mode or "quick"])
    if args.articles:
        config["articles"] = args.articles
    url = os.environ.get("FACTDESK_BENCH_POSTGRES_URL", DEFAULT_URL)
    try:
        with create_engine(_driver_url(url)).connect():
            pass
    except Exception as exc:  # no server: say so, as make bench runs this unconditionally
        print(f"bench.backends: skipped, PostgreSQL at {url} is unreachable ({exc})")
        return 0
    started = time.perf_counter()
    runs = benchmark(url, config["articles"], config["queries"], args.work, args.batch)
    report = render(runs, config["articles"], time.perf_counter() - started)
    print(report)
    args.output.write_text(report, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def benchmark(url: str, size: int, queries: int, work: Path, batch: int) -> list[BackendRun]:
    """Ingest and search the same corpus with each backend in turn."""
    corpus = read_corpus(corpus_path(work, size))
    split = split_all(corpus)
    texts = [span.text for spans in split.passages for span in spans]
    pools = build_pools(texts, single=queries, concurrent=0)
    runs = []
    for backend in BACKENDS:
        data_dir = work / f"backend-{backend}"
        shutil.rmtree(data_dir, ignore_errors=True)
        with _database(url) as database_url:
            settings = {"DATABASE_URL": database_url, "SEARCH_BACKEND": backend}
            with Service(data_dir / "data", data_dir / "server.log", settings) as service:
                _say(f"{backend}: ingesting {size} articles")
                ingested = ingest(service.base_url, corpus, batch)
                _say(f"{backend}: {ingested.articles_per_second:.1f} articles/s; searching")
                warm = [q for qs in pools.warmup.values() for q in qs]
                get_latency(service.base_url, "/search", _params(warm))
                search = {
                    c: get_latency(service.base_url, "/search", _params(pools.single[c]))
                    for c in CLASSES
                }
            size_bytes = _passage_bytes(database_url) if backend == "postgres" else None
            runs.append(BackendRun(backend, ingested, search, size_bytes))
    return runs


def render(runs: list[BackendRun], size: int, seconds: float) -> str:
    """The report as Markdown."""
    load = os.getloadavg()
    lines = [
        "# Passage backends: Whoosh and PostgreSQL full text",
        "",
        f"Run {datetime.now().isoformat(timespec='seconds')}, {seconds / 60:.1f} min, "
        f"{size:,} generated articles. Produced by `python -m bench.backends`; one run, "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        f"on {len(os.sched_getaffinity(0))} cores (compare the rows with each other, not "
        "with other runs).",
        "",
        "Both services use a PostgreSQL database of their own; only `FACTDESK_SEARCH_BACKEND`"
        " differs. Ingest: `POST /articles/batch`, extraction on. Search: distinct queries, "
        "one client, `limit=10`; *server* is the service's own time (`Server-Timing`).",
        "",
        "| backend | articles/s | passages/s | ingest s |",
        "|---|---|---|---|",
    ]
    for run in runs:
        lines.append(
            f"| {run.backend} | {run.ingest.articles_per_second:.1f} | "
            f"{run.ingest.passages_per_second:.0f} | {run.ingest.seconds:.1f} |"
        )
    lines += [
        "",
        "/search latency, ms: client p50 / p95, server p50",
        "",
        "| class | "
        + " | ".join(run.backend for run in runs)
        + " | postgres/whoosh p50 (server) |",
        "|---|" + "---|" * (len(runs) + 1),
    ]
    by_name = {run.backend: run for run in runs}
    for name in CLASSES:
        cells = [_latency(run.search[name]) for run in runs]
        ratio = _ratio(by_name, name)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio} |")
    postgres = by_name.get("postgres")
    if postgres and postgres.passage_bytes is not None:
        per_thousand = postgres.passage_bytes / size * 1000
        passages = postgres.ingest.passages
        lines += [
            "",
            f"- postgres passage tables ({', '.join(RELATIONS)}, with the GIN and B-tree "
            f"indexes and TOAST): {postgres.passage_bytes / 2**20:.1f} MiB for {size:,} "
            f"articles ({passages:,} passages) = **{per_thousand / 2**20:.2f} MiB per 1,000 "
            "articles**",
        ]
    return "\n".join(lines) + "\n"


def _params(queries: list[str]) -> list[dict[str, Any]]:
    return [{"q": q, "limit": 10} for q in queries]


def _latency(latency: Latency) -> str:
    p50, p95 = latency.percentile(50), latency.percentile(95)
    server = _median(latency.server)
    return f"{_ms(p50)} / {_ms(p95)}, {_ms(server)}"


def _ratio(runs: dict[str, BackendRun], name: str) -> str:
    if "whoosh" not in runs or "postgres" not in runs:
        return ""
    mine = _median(runs["postgres"].search[name].server)
    theirs = _median(runs["whoosh"].search[name].server)
    return f"{mine / theirs:.2f}×" if mine and theirs else ""


def _median(values: Any) -> float | None:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else None


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.3g}"


@contextmanager
def _database(url: str) -> Iterator[str]:
    """A fresh database on the server of ``url``, dropped afterwards."""
    name = f"factdesk_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_driver_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{url.rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _passage_bytes(database_url: str) -> int:
    engine = create_engine(_driver_url(database_url))
    try:
        with engine.connect() as connection:
            sizes = " + ".join(f"pg_total_relation_size('{name}')" for name in RELATIONS)
            return int(connection.exec_driver_sql(f"SELECT {sizes}").scalar_one())
    finally:
        engine.dispose()


def _driver_url(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def _say(message: str) -> None:
    print(f"bench.backends: {message}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
