"""/search of two source trees side by side: one data directory, two servers, the same queries
asked of each in turn (alternating which goes first), so that a shared machine's load weighs
on both alike. For before/after figures of a change to the search path.

python -m bench.ab_search --before /tmp/old-tree --after . --data bench/work/service-quick/data

The data directory must hold an ingested corpus (``python -m bench.run --quick`` leaves one);
both servers only read it. Queries come from the 2,000-article benchmark corpus's pools, each
asked once per server (no cache hits).
"""

from __future__ import annotations

import argparse
import os
import statistics
from contextlib import ExitStack
from pathlib import Path

from bench.generate import corpus_path, read_corpus
from bench.measure import client, timed_get
from bench.queries import CLASSES, build_pools
from bench.reference import split_all
from bench.server import Service

BENCH_DIR = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Start both servers, ask every query of both, print p50 per class."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="source tree A")
    parser.add_argument("--after", type=Path, required=True, help="source tree B")
    parser.add_argument("--data", type=Path, required=True, help="an ingested data directory")
    parser.add_argument("--articles", type=int, default=2000, help="corpus the pools come from")
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "work")
    args = parser.parse_args(argv)
    corpus = read_corpus(corpus_path(args.work, args.articles))
    texts = [span.text for spans in split_all(corpus).passages for span in spans]
    pools = build_pools(texts, single=100, concurrent=240)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    with ExitStack() as stack:
        urls = {}
        for name, tree in trees.items():
            service = Service(args.data, args.work / f"ab-{name}.log")
            saved = os.environ.get("PYTHONPATH")
            os.environ["PYTHONPATH"] = str(tree)
            try:
                stack.enter_context(service)
            finally:
                if saved is None:
                    os.environ.pop("PYTHONPATH", None)
                else:
                    os.environ["PYTHONPATH"] = saved
            urls[name] = service.base_url
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print("| class | queries | before client p50 | after client p50 | before server p50 | "
              "after server p50 | server after/before |")  # fmt: skip
        print("|---|---|---|---|---|---|---|")
        with client(urls["before"]) as before, client(urls["after"]) as after:
            for q in pools.warmup["rare"] + pools.warmup["common"]:
                timed_get(before, "/search", {"q": q, "limit": 10})
                timed_get(after, "/search", {"q": q, "limit": 10})
            for cls in CLASSES:
                queries = pools.single[cls] + pools.concurrent[cls]
                times: dict[str, list[float]] = {"before": [], "after": []}
                server: dict[str, list[float]] = {"before": [], "after": []}
                for n, q in enumerate(queries):
                    order = [("before", before), ("after", after)]
                    for name, http in order if n % 2 else order[::-1]:
                        ms, status, own = timed_get(http, "/search", {"q": q, "limit": 10})
                        if status == 200:
                            times[name].append(ms)
                            server[name].append(own or 0.0)
                p50 = {k: statistics.median(v) for k, v in times.items()}
                s50 = {k: statistics.median(v) for k, v in server.items()}
                print(
                    f"| {cls} | {len(queries)} | {p50['before']:.2f} | {p50['after']:.2f} | "
                    f"{s50['before']:.2f} | {s50['after']:.2f} | "
                    f"{s50['after'] / s50['before']:.2f}× |"
                )
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
