"""8-client ``/search`` with one serving process and with ``factdesk serve --workers 2``.

The same data directory is served by a fresh server for each round, rounds alternating between
the worker counts (1, 2, 1, 2, …) so that a change in the machine's load hits both alike; each
round warms its server's searchers, then runs the same rare-word and common-word query lists
from 8 client threads (one keep-alive connection each: the kernel hands the 8 connections to
either worker). Samples of all rounds of one worker count are pooled. The load generator runs
on the same cores as the server, as it does in the issue's targets.

python -m bench.workers --data-dir bench/work/service-quick/data   # after a bench.run
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.measure import Latency, concurrent_latency, get_latency
from bench.queries import QueryPools
from bench.server import Service

CLIENTS = 8
CLASSES = ("rare", "common")
TARGET_P95_MS = {"rare": 50.0, "common": 100.0}
TARGET_SPEEDUP = 1.4
# Each worker warms its own gazetteer before /ready says 200: tens of seconds on a busy machine.
STARTUP_SECONDS = 300.0


@dataclass(slots=True)
class WorkersResult:
    """Pooled 8-client latency per worker count and query class, and the load it ran under."""

    articles: int
    rounds: int
    latency: dict[int, dict[str, Latency]] = field(default_factory=dict)
    load: list[float] = field(default_factory=list)  # 1-minute load average at each round

    def add(self, workers: int, cls: str, measured: Latency) -> None:
        """Pool one round's samples with the earlier rounds' (requests/s: their mean)."""
        before = self.latency.setdefault(workers, {}).get(cls)
        if before is None:
            self.latency[workers][cls] = measured
            return
        statuses = dict(before.statuses)
        for status, count in measured.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
        self.latency[workers][cls] = Latency(
            before.samples + measured.samples,
            errors=before.errors + measured.errors,
            per_second=(before.per_second or 0) + (measured.per_second or 0),
            statuses=statuses,
            server=before.server + measured.server,
        )

    def per_second(self, workers: int, cls: str) -> float | None:
        """Mean requests/s over the rounds."""
        lat = self.latency.get(workers, {}).get(cls)
        return lat.per_second / self.rounds if lat and lat.per_second else None

    def lines(self) -> list[str]:
        """The report section (Markdown)."""
        out = [
            f"## Serving processes: 8 clients, `--workers 1` vs `--workers 2` "
            f"({self.articles:,} articles)",
            "",
            f"{self.rounds} rounds per worker count, alternating, each on a fresh server over "
            f"the same data directory; 1-minute load average at the rounds: "
            + ", ".join(f"{x:.1f}" for x in self.load),
            "",
            "| class | workers | p50 ms | p95 ms | p99 ms | req/s | non-200 |",
            "|---|---|---|---|---|---|---|",
        ]
        for cls in CLASSES:
            for workers in sorted(self.latency):
                lat = self.latency[workers][cls]
                rate = self.per_second(workers, cls)
                shown = "n/a" if rate is None else f"{rate:.0f}"
                out.append(
                    f"| {cls} | {workers} | {_ms(lat.p50)} | {_ms(lat.p95)} | {_ms(lat.p99)} | "
                    f"{shown} | {lat.errors} |"
                )
        out += ["", "| target (2 workers) | measured | status |", "|---|---|---|"]
        for cls in CLASSES:
            p95 = self.latency.get(2, {}).get(cls)
            value = p95.p95 if p95 else None
            limit = TARGET_P95_MS[cls]
            met = "n/a" if value is None else ("met" if value <= limit else "not met")
            out.append(f"| {cls} 8-client p95 ≤ {limit:g} ms | {_ms(value)} ms | {met} |")
        for cls in CLASSES:
            one, two = self.per_second(1, cls), self.per_second(2, cls)
            ratio = two / one if one and two else None
            met = "n/a" if ratio is None else ("met" if ratio >= TARGET_SPEEDUP else "not met")
            shown = "n/a" if ratio is None else f"{ratio:.2f}×"
            out.append(f"| {cls} req/s ≥ {TARGET_SPEEDUP}× one worker | {shown} | {met} |")
        return [*out, ""]


def measure_workers(
    data_dir: Path,
    log_path: Path,
    pools: QueryPools,
    *,
    articles: int,
    counts: tuple[int, ...] = (1, 2),
    rounds: int = 2,
) -> WorkersResult:
    """Alternate servers of ``counts`` workers over ``data_dir``, ``rounds`` times each."""
    result = WorkersResult(articles=articles, rounds=rounds)
    warm = [{"q": q, "limit": 10} for cls in CLASSES for q in pools.warmup[cls]]
    for _ in range(rounds):
        for workers in counts:
            server = Service(data_dir, log_path, workers=workers, startup_seconds=STARTUP_SECONDS)
            with server as service:
                url = service.base_url
                concurrent_latency(url, "/search", warm, CLIENTS)
                get_latency(url, "/search", warm)
                result.load.append(os.getloadavg()[0])
                for cls in CLASSES:
                    queries = [{"q": q, "limit": 10} for q in pools.concurrent[cls]]
                    result.add(workers, cls, concurrent_latency(url, "/search", queries, CLIENTS))
    return result


def _ms(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    """Measure an existing benchmark data directory (one the benchmark run left behind)."""
    from bench.generate import corpus_path, read_corpus
    from bench.queries import build_pools
    from bench.reference import split_all

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=2000, help="the articles it holds")
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "work")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = read_corpus(corpus_path(args.work, args.articles))
    split = split_all(corpus)
    passages = [span.text for spans in split.passages[: args.articles] for span in spans]
    pools: Any = build_pools(passages, single=40, concurrent=120)
    result = measure_workers(
        args.data_dir,
        args.data_dir.parent / "workers.log",
        pools,
        articles=args.articles,
        rounds=args.rounds,
    )
    print("\n".join(result.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
