"""``/ask`` latency alone on a generated corpus of any size, without the rest of the benchmark.

python -m bench.ask_latency --size 20000   # ingests once into bench/work/ask-20000, then times

The service's data directory is kept between runs: a run ingests only what is missing, so
answerer changes are timed again in seconds. The questions, the corpus and the timing are
``bench.run``'s (``ask_questions``, ``corpus_path``, ``get_latency``); p50 is the client's time,
server p50 the service's own (``Server-Timing``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import httpx

from bench.generate import corpus_path, read_corpus
from bench.measure import get_latency, ingest
from bench.run import BENCH_DIR, ask_questions
from bench.server import Service

WARM_UP = 10
BATCH = 200  # articles per POST: small enough to answer within the client timeout on a busy machine
STARTUP_SECONDS = 600.0


def main(argv: list[str] | None = None) -> int:
    """Grow the kept service to ``--size`` articles if needed, then time ``--count`` questions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000, help="articles in the corpus")
    parser.add_argument("--count", type=int, default=100, help="questions timed")
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "work")
    args = parser.parse_args(argv)
    data_dir = args.work / f"ask-{args.size}"
    # A kept index of 20k articles is checked against the database at startup: allow for it.
    with Service(
        data_dir / "data", data_dir / "server.log", startup_seconds=STARTUP_SECONDS
    ) as service:
        stored = httpx.get(f"{service.base_url}/articles", params={"limit": 1}).json()
        have = int(stored.get("total") or 0)
        if have < args.size:
            corpus = read_corpus(corpus_path(args.work, args.size))
            print(f"ingesting articles {have + 1}–{args.size}", flush=True)
            ingest(service.base_url, corpus[have : args.size], BATCH)
        questions = [{"q": q} for q in ask_questions(WARM_UP + args.count)]
        get_latency(service.base_url, "/ask", questions[:WARM_UP])
        latency = get_latency(service.base_url, "/ask", questions[WARM_UP:])
    print(
        f"/ask on {args.size} articles: p50 {latency.p50:.1f} ms, p95 {latency.p95:.1f} ms, "
        f"server p50 {latency.server_p50:.1f} ms, n {len(latency.samples)}, "
        f"errors {latency.errors}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
