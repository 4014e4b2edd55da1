"""Every Prometheus metric the service exposes, defined here and nowhere else.

Two kinds:

- **Per-process counters and histograms** (requests, latency, cache lookups) live in
  prometheus-client's default registry, defined at import as the library expects. Setting
  ``PROMETHEUS_MULTIPROC_DIR`` before the process starts switches them to the library's
  multiprocess mode (several workers, one scrape sums them): ``render_metrics`` then reads the
  directory instead of this process's registry. There are no per-process gauges, so a worker
  that exits needs no ``mark_process_dead``.
- **What the corpus holds** (articles, facts, indexed passages, index and database size, build
  information) is read from the database and the index when ``/metrics`` is scraped, by
  ``CorpusCollector``, so every worker reports the same numbers and none keeps a copy.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Iterator
from functools import cache
from importlib.metadata import version
from pathlib import Path

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from corpus.articles import article_stats
from corpus.db import database_bytes
from corpus.fact_store import FactFilters, count_facts
from search.backend import PassageBackend

disable_created_metrics()  # no ``*_created`` series: they double the exposition for no use here

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
UNMATCHED_ROUTE = "unmatched"  # 404s get one label value, not one per probed path

HTTP_REQUESTS = Counter(
    "factdesk_http_requests_total",
    "HTTP requests answered, by route template, method and status.",
    ("route", "method", "status"),
)
HTTP_LATENCY = Histogram(
    "factdesk_http_request_duration_seconds",
    "Time from a request reaching the app to the end of its response, by route template.",
    ("route",),
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
CACHE_LOOKUPS = Counter(
    "factdesk_cache_lookups_total",
    "Result cache lookups, by cache and result (hit or miss).",
    ("cache", "result"),
)


def observe_request(*, route: str, method: str, status: int, seconds: float) -> None:
    """Count one answered request and its duration."""
    HTTP_REQUESTS.labels(route, method, str(status)).inc()
    HTTP_LATENCY.labels(route).observe(seconds)


class CacheObserver:
    """A result cache's lookup callback: counts its hits and misses under one cache name."""

    def __init__(self, cache: str) -> None:
        self._hit = CACHE_LOOKUPS.labels(cache, "hit")
        self._miss = CACHE_LOOKUPS.labels(cache, "miss")

    def __call__(self, hit: bool) -> None:
        (self._hit if hit else self._miss).inc()


class CorpusCollector(Collector):
    """Gauges of what one app's database and index hold, read at scrape time."""

    def __init__(self, *, engine: Engine, index: PassageBackend, index_dir: Path) -> None:
        self._engine, self._index, self._index_dir = engine, index, index_dir

    def collect(self) -> Iterator[Metric]:
        """Yield the corpus gauges; database gauges are left out while the database fails."""
        info = GaugeMetricFamily(
            "factdesk_build_info",
            "Always 1; the labels name the running versions.",
            labels=("version", "python"),
        )
        info.add_metric(_versions(), 1)
        yield info
        passages = self._index.passage_count
        yield _gauge("factdesk_passages_indexed", "Passages in the search index.", passages)
        index_bytes = _dir_bytes(self._index_dir)
        yield _gauge("factdesk_index_bytes", "Size of the index directory.", index_bytes)
        try:
            with Session(self._engine) as session:
                articles, _passages = article_stats(session)
                facts = count_facts(session=session, filters=FactFilters())
            size = database_bytes(self._engine)
        except SQLAlchemyError:
            return
        yield _gauge("factdesk_articles", "Articles stored in the database.", articles)
        yield _gauge("factdesk_facts", "Facts stored in the database.", facts)
        yield _gauge("factdesk_database_bytes", "Size of the database.", size)


def render_metrics(corpus: CorpusCollector) -> bytes:
    """The Prometheus text exposition: this process's (or all workers') metrics, then the
    corpus gauges."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        process: CollectorRegistry = CollectorRegistry()
        MultiProcessCollector(process)
    else:
        process = REGISTRY
    return generate_latest(process) + generate_latest(corpus)


@cache  # importlib.metadata scans the installed distributions: about 1 ms a call
def _versions() -> tuple[str, str]:
    return version("factdesk"), platform.python_version()


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


def _dir_bytes(path: Path) -> int:
    try:
        return sum(f.stat().st_size for f in path.iterdir() if f.is_file())
    except OSError:
        return 0
