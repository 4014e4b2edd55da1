"""Data out: export throughput and server memory while streaming, facet time, repeated reads.

python -m bench.dataout --size 2000   # a fresh service at that size; prints the figures

``bench.run`` calls ``measure_data_out`` at every size and puts the figures in its report.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.generate import corpus_path, read_corpus
from bench.measure import client, ingest, process_seconds, server_ms
from bench.server import Service

BENCH_DIR = Path(__file__).resolve().parent
FACET_REQUESTS: list[dict[str, Any]] = [
    {"facets": "field,kind"},
    {"field": "casualties", "facets": "kind,source"},
    {"field": "places", "facets": "kind,published_month"},
    {"facets": "source,published,place"},
]


@dataclass
class ExportRun:
    """One streamed export: rows, seconds, and the server's RSS growth while it ran."""

    path: str
    rows: int
    seconds: float
    rss_growth_mb: float
    rss_before_mb: float
    server_cpu_seconds: float

    @property
    def rows_per_cpu_second(self) -> float:
        """Rows a second of the server's own CPU time (what a machine shared with other work
        does not change)."""
        return self.rows / self.server_cpu_seconds if self.server_cpu_seconds else 0.0

    @property
    def rows_per_second(self) -> float:
        """Rows a second at the client."""
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class DataOutResult:
    """Every data-out figure at one corpus size."""

    exports: list[ExportRun] = field(default_factory=list)
    facet_ms: list[float] = field(default_factory=list)  # server time, uncached
    facet_cpu_ms: list[float] = field(default_factory=list)  # the server's CPU for each of them
    load_average: tuple[float, float, float] | None = None  # the machine's, at the end
    repeat_ms: float | None = None  # server p50 of an identical /facts read
    not_modified_ms: float | None = None  # server p50 of the same read with its ETag
    not_modified_status: int | None = None

    def lines(self) -> list[str]:
        """The figures as Markdown."""
        out = [
            "",
            "Data out (exports, facets, repeated reads; `bench/dataout.py`):",
            "",
            "| measure | value | target |",
            "|---|---|---|",
        ]
        for run in self.exports:
            out.append(
                f"| export {run.path}: {run.rows} rows | {run.rows_per_second:,.0f} rows/s "
                f"({run.rows_per_cpu_second:,.0f} per second of server CPU), "
                f"server RSS +{run.rss_growth_mb:.1f} MB (from {run.rss_before_mb:.0f} MB) | "
                "≥ 50k rows/s, ≤ 50 MB |"
            )
        if self.facet_ms:
            out.append(
                f"| facets on /facts (uncached, {len(self.facet_ms)} requests) | "
                f"median {statistics.median(self.facet_ms):.1f} ms, max "
                f"{max(self.facet_ms):.1f} ms server time; server CPU median "
                f"{statistics.median(self.facet_cpu_ms):.0f} ms, max {max(self.facet_cpu_ms):.0f} "
                "ms | ≤ 200 ms |"
            )
        out.append(
            f"| repeated identical /facts read | {_ms(self.repeat_ms)} ms server time p50 | "
            "≤ 1 ms |"
        )
        out.append(
            f"| same read with If-None-Match | {self.not_modified_status}, "
            f"{_ms(self.not_modified_ms)} ms server time p50 | 304 |"
        )
        if self.load_average:
            out.append("")
            out.append(
                "Load average at the end: " + ", ".join(f"{x:.1f}" for x in self.load_average)
            )
        return out


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def export_run(base_url: str, pid: int, path: str, params: dict[str, Any]) -> ExportRun:
    """Stream one export to the end, sampling the server's RSS every 20 ms."""
    before = _rss_mb(pid)
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss_mb(pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    lines = 0
    cpu = process_seconds(pid)
    start = time.perf_counter()
    with client(base_url) as http, http.stream("GET", path, params=params) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            lines += chunk.count(b"\n")
    seconds = time.perf_counter() - start
    cpu = process_seconds(pid) - cpu
    done.set()
    sampler.join()
    rows = lines - 1 if params.get("format") == "csv" else lines
    label = f"{path}?format={params['format']}"
    return ExportRun(label, rows, seconds, peak[0] - before, before, cpu)


def measure_data_out(base_url: str, pid: int, repeat: int = 100) -> DataOutResult:
    """Exports of every fact (CSV, JSON Lines), uncached facet requests, and one read repeated
    with and without its ETag."""
    result = DataOutResult()
    for fmt in ("csv", "jsonl"):
        result.exports.append(export_run(base_url, pid, "/facts", {"format": fmt}))
    with client(base_url) as http:
        for params in FACET_REQUESTS:  # each is the first of its kind at this version
            cpu = process_seconds(pid)
            own = server_ms(http.get("/facts", params=params).headers.get("server-timing"))
            result.facet_cpu_ms.append((process_seconds(pid) - cpu) * 1000)
            if own is not None:
                result.facet_ms.append(own)
        params = {"field": "casualties", "limit": 20}
        first = http.get("/facts", params=params)
        etag = first.headers.get("etag", "")
        plain, conditional, statuses = [], [], set()
        for _ in range(repeat):
            own = server_ms(http.get("/facts", params=params).headers.get("server-timing"))
            if own is not None:
                plain.append(own)
            response = http.get("/facts", params=params, headers={"If-None-Match": etag})
            statuses.add(response.status_code)
            own = server_ms(response.headers.get("server-timing"))
            if own is not None:
                conditional.append(own)
    result.repeat_ms = statistics.median(plain) if plain else None
    result.not_modified_ms = statistics.median(conditional) if conditional else None
    result.not_modified_status = statuses.pop() if len(statuses) == 1 else None
    result.load_average = os.getloadavg()
    return result


def main(argv: list[str] | None = None) -> int:
    """Ingest a generated corpus into a fresh service and print the data-out figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "work")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the service left by the last run as is"
    )
    parser.add_argument("--data-dir", type=Path, help="with --reuse: another service's data")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or args.work / f"service-dataout-{args.size}"
    if not args.reuse:
        shutil.rmtree(data_dir, ignore_errors=True)
    with Service(data_dir / "data", data_dir / "server.log") as service:
        if not args.reuse:
            ingest(service.base_url, read_corpus(corpus_path(args.work, args.size)), 1000)
        with client(service.base_url) as http:
            facts = sum(f["count"] for f in http.get("/fields").json()["fields"])
        with client(service.base_url) as http:
            articles = http.get("/health").json()["articles"]
        print(f"{articles} articles, {facts} facts")
        print("\n".join(measure_data_out(service.base_url, service.pid).lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
