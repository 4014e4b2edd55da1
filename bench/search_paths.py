"""/search's engine in-process, per query class, on one index: raw Whoosh beside factdesk's
``WhooshIndex.search`` and the collector path it replaced for terms, AND and OR.

python -m bench.search_paths --articles 6000

Every query is asked once per path, in turn (raw, factdesk, collector), so machine load hits
the three alike; the postings cache is emptied before each factdesk query, so a query pays for
reading its words' postings as a first ask does. Also checks that factdesk's and the collector's
first pages are the same.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from whoosh.collectors import TopCollector

from bench.generate import corpus_path, read_corpus
from bench.queries import CLASSES, build_pools
from bench.reference import build_whoosh, split_all
from search.query import parse_query
from search.whoosh.index import WhooshIndex, _top
from search.whoosh.topk import PostingsCache

BENCH_DIR = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Build the index, time the three paths per class, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=60, help="per class")
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "work")
    args = parser.parse_args(argv)
    corpus = read_corpus(corpus_path(args.work, args.articles))
    split = split_all(corpus)
    directory = args.work / f"paths-{args.articles}"
    built = build_whoosh(directory, corpus, split)
    texts = [span.text for spans in split.passages for span in spans]
    pools = build_pools(texts, single=args.queries, concurrent=0)
    index = WhooshIndex.open(directory)
    print(f"{args.articles} articles, {built.passages} passages, one segment")
    print("| class | raw Whoosh p50 | factdesk search p50 | collector p50 | factdesk/raw |")
    print("|---|---|---|---|---|")
    try:
        with index._searching() as searcher:
            for cls in CLASSES:
                times: dict[str, list[float]] = {"raw": [], "ours": [], "collector": []}
                for q in pools.warmup[cls] + pools.single[cls]:
                    timed = _time_paths(index, searcher, q)
                    if q in pools.warmup[cls]:
                        continue
                    for name, ms in timed.items():
                        times[name].append(ms)
                p50 = {name: statistics.median(values) for name, values in times.items()}
                print(
                    f"| {cls} | {p50['raw']:.2f} | {p50['ours']:.2f} | {p50['collector']:.2f} | "
                    f"{p50['ours'] / p50['raw']:.2f}× |"
                )
    finally:
        index.close()
    return 0


def _time_paths(index: WhooshIndex, searcher: Any, q: str) -> dict[str, float]:
    parsed = parse_query(q, index._schema)
    start = time.perf_counter()
    collector = TopCollector(limit=10, usequality=False)
    searcher.search_with_collector(parsed, collector)
    results = collector.results()
    _raw = len(results), [hit.fields() for hit in results]
    raw = time.perf_counter() - start

    _forget_postings(index._postings)
    start = time.perf_counter()
    page = index.search(q, limit=10)
    ours = time.perf_counter() - start

    start = time.perf_counter()
    top, _count = _top(searcher, parsed, 10, None)
    window = [(hit.fields(), hit.score) for hit in top]
    collected = time.perf_counter() - start
    theirs = [(round(score, 6), fields["article_id"], fields["start"]) for fields, score in window]
    mine = [(hit.score, hit.article_id, hit.passage.start) for hit in page.hits]
    if mine != theirs:
        raise AssertionError(f"{q!r}: factdesk's first page differs from the collector's")
    return {"raw": raw * 1000, "ours": ours * 1000, "collector": collected * 1000}


def _forget_postings(cache: PostingsCache) -> None:
    """Empty the postings lists (a first ask reads them); segment lengths and term statistics
    stay, as they do in a serving process."""
    with cache._lock:
        cache._lists.clear()
        cache._size = 0


if __name__ == "__main__":
    raise SystemExit(main())
