"""The benchmark: factdesk over HTTP next to raw Whoosh and SQLite FTS5, on generated corpora.

python -m bench.run --quick   # 2k articles, a few minutes; writes bench/RESULTS-quick.md
python -m bench.run --full    # 2k, 6k and 20k articles and a growth table; bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import time
from datetime import date, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench import lexicon as lx
from bench.dataout import measure_data_out
from bench.generate import GeneratedArticle, corpus_path, read_corpus, sized_articles
from bench.measure import (
    CpuMeter,
    Latency,
    client,
    concurrent_latency,
    facts_stored,
    floor_latency,
    get_latency,
    ingest,
    interleaved_latency,
    repeated_latency,
    timed_get,
)
from bench.queries import CLASSES, QueryPools, build_pools
from bench.reference import (
    Split,
    build_fts5,
    build_whoosh,
    search_fts5,
    search_whoosh,
    split_all,
    whoosh_searchers,
)
from bench.report import RunResult, SizeResult, render
from bench.server import Service
from bench.workers import measure_workers
from corpus.facts import EXTRACTOR_VERSION

BENCH_DIR = Path(__file__).resolve().parent
CLIENTS = 8
ENDPOINT_BUDGET_SECONDS = 30.0  # per endpoint and size; at least 5 requests are always timed
MODES: dict[str, dict[str, Any]] = {
    "quick": {"sizes": (2000,), "single": 40, "concurrent": 120, "other": 30, "repeat": 100},
    "full": {"sizes": (2000, 6000, 20000), "single": 100, "concurrent": 240, "other": 60,
             "repeat": 200},
}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark in quick or full mode, print the report and write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_const", dest="mode", const="quick")
    mode.add_argument("--full", action="store_const", dest="mode", const="full")
    parser.add_argument("--sizes", help="comma-separated article counts (overrides the mode's)")
    parser.add_argument("--batch", type=int, default=1000, help="articles per POST (≤ 1000)")
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "work")
    parser.add_argument("--output", type=Path, help="report file (default by mode)")
    args = parser.parse_args(argv)
    name = args.mode or "quick"
    config = dict(MODES[name])
    if args.sizes:
        config["sizes"] = tuple(sorted(int(n) for n in args.sizes.split(",")))
    output = args.output or BENCH_DIR / ("RESULTS.md" if name == "full" else "RESULTS-quick.md")
    run = benchmark(name, config, args.work, args.batch)
    report = render(run)
    print(report)
    output.write_text(report, encoding="utf-8")
    print(f"wrote {output}")
    return 0


def benchmark(name: str, config: dict[str, Any], work: Path, batch: int) -> RunResult:
    """Every measurement of one run."""
    started = time.perf_counter()
    run = RunResult(name, machine(), versions(), datetime.now().isoformat(timespec="seconds"))
    run.batch = batch
    sizes: tuple[int, ...] = config["sizes"]
    work.mkdir(parents=True, exist_ok=True)
    _say(f"corpus: {max(sizes)} articles")
    corpus = read_corpus(corpus_path(work, max(sizes)))
    _say("splitting passages for the references")
    split = split_all(corpus)
    first = [span.text for spans in split.passages[: sizes[0]] for span in spans]
    pools = build_pools(first, single=config["single"], concurrent=config["concurrent"])
    run.describe = pools.describe
    run.pool_sizes = {c: (len(pools.single[c]), len(pools.concurrent[c])) for c in CLASSES}
    _say("timing extraction of 5 KB articles")
    timing = extraction_timing()
    run.extraction_ms, run.sentences_ms, run.extraction_sample, run.facts_per_article = timing
    run.extractor_version = EXTRACTOR_VERSION
    data_dir = work / f"service-{name}"
    shutil.rmtree(data_dir, ignore_errors=True)
    with Service(data_dir / "data", data_dir / "server.log") as service:
        done = 0
        for size in sizes:
            run.sizes.append(
                measure_size(service, corpus, split, pools, config, work, batch, done, size)
            )
            done = size
    _say(f"[{sizes[-1]}] 8 clients with --workers 1 and --workers 2, alternating")
    run.workers = measure_workers(
        data_dir / "data", data_dir / "server.log", pools, articles=sizes[-1]
    )
    run.seconds = time.perf_counter() - started
    return run


def measure_size(
    service: Service,
    corpus: list[GeneratedArticle],
    split: Split,
    pools: QueryPools,
    config: dict[str, Any],
    work: Path,
    batch: int,
    done: int,
    size: int,
) -> SizeResult:
    """Grow the service to ``size`` articles, then measure it and the references."""
    url = service.base_url
    _say(f"[{size}] ingesting articles {done + 1}–{size}")
    meter = CpuMeter(service.pid)
    ingested = ingest(url, corpus[done:size], batch)
    noise = {"ingest": meter.others_share()[1]}
    meter = CpuMeter(service.pid)
    after_write_ms, _status = get_once(url, pools.warmup["rare"][0])
    facts = facts_stored(url)
    _say(f"[{size}] {ingested.articles_per_second:.1f} articles/s, {facts} facts; warming up")
    warm = [{"q": q, "limit": 10} for qs in pools.warmup.values() for q in qs]
    get_latency(url, "/search", warm[: len(warm) // 2])
    concurrent_latency(url, "/search", warm[len(warm) // 2 :], CLIENTS)
    _say(f"[{size}] /search, 1 client then {CLIENTS}")
    # Each query once over HTTP, then raw Whoosh on the service's own index (same segments,
    # same passages), in turn: the comparison issue 13 sets, fair under a shared machine's load.
    own_index, close_own = whoosh_searchers(service.data_dir / "index")
    try:
        own_search = own_index["plain"]
        for q in pools.warmup["rare"] + pools.warmup["common"]:
            own_search(q)
        paired = {
            c: interleaved_latency(url, "/search", _params(pools.single[c]), own_search)
            for c in CLASSES
        }
    finally:
        close_own()
    single = {c: pair[0] for c, pair in paired.items()}
    same_index = {c: pair[1] for c, pair in paired.items()}
    concurrent = {
        c: concurrent_latency(url, "/search", _params(pools.concurrent[c]), CLIENTS)
        for c in CLASSES
    }
    _say(f"[{size}] /facts, /claims, /ask, repeated query")
    endpoints = other_endpoints(url, config["other"])
    repeated, first_ms = repeated_latency(url, pools.repeated, config["repeat"])
    floor = floor_latency(url, config["repeat"])
    _say(f"[{size}] exports, facets, repeated reads with ETags")
    data_out = measure_data_out(url, service.pid, config["repeat"])
    noise["HTTP measures"] = meter.others_share()[1]
    rss, workers_rss = service.peak_rss_mb(), service.workers_peak_rss_mb()
    index_bytes, db_bytes = service.disk_bytes()
    segments = service.index_segments()
    passages = sum(len(p) for p in split.passages[:size])
    _say(f"[{size}] raw Whoosh: indexing {passages} passages")
    meter = CpuMeter(service.pid)
    raw_dir = work / "raw-whoosh"
    raw_build = build_whoosh(raw_dir, corpus[:size], split)
    searches, close = whoosh_searchers(raw_dir)
    try:
        raw_search = {k: search_whoosh(f, pools.single, pools.warmup) for k, f in searches.items()}
    finally:
        close()
    _say(f"[{size}] SQLite FTS5")
    fts_path = work / "fts5.db"
    fts_build = build_fts5(fts_path, split, size)
    fts_search = search_fts5(fts_path, pools.single)
    noise["references"] = meter.others_share()[1]
    return SizeResult(
        articles=size,
        passages=passages,
        ingest=ingested,
        ingest_from=done,
        facts=facts,
        first_search_ms=after_write_ms,
        single=single,
        same_index=same_index,
        concurrent=concurrent,
        endpoints=endpoints,
        repeated=repeated,
        repeated_first_ms=first_ms,
        floor=floor,
        rss_mb=rss,
        segments=segments,
        workers_rss_mb=workers_rss,
        index_bytes=index_bytes,
        db_bytes=db_bytes,
        split_seconds=sum(split.seconds[:size]),
        raw_build=raw_build,
        raw_search=raw_search,
        fts_build=fts_build,
        fts_search=fts_search,
        other_cpu=noise,
        data_out=data_out,
    )


def get_once(url: str, query: str) -> tuple[float, int]:
    """One /search right after a write: it pays for reopening searchers and derived tables."""
    with client(url) as http:
        ms, status, _own = timed_get(http, "/search", {"q": query, "limit": 10})
        return ms, status


def _params(queries: list[str]) -> list[dict[str, Any]]:
    return [{"q": q, "limit": 10} for q in queries]


def other_endpoints(url: str, count: int) -> dict[str, Latency | None]:
    """/facts, /claims and /ask latency; None where the route answers 404 (not built yet)."""
    requests: dict[str, list[dict[str, Any]]] = {
        "/facts": [{"field": "casualties"}] * count,
        "/claims": [{"field": "casualties", "kind": "killed"}] * count,
        "/ask": [{"q": q} for q in ask_questions(count)],
    }
    out: dict[str, Latency | None] = {}
    for path, params in requests.items():
        probe = get_latency(url, path, params[:1])
        if probe.statuses.get(404):
            out[path] = None
        else:
            out[path] = get_latency(url, path, params, budget_seconds=ENDPOINT_BUDGET_SECONDS)
    return out


def ask_questions(count: int) -> list[str]:
    """``count`` distinct /ask questions over the generated corpus: killed, wounded, weapons.

    Distinct, so that the service's answer cache (keyed by corpus version and question) serves
    none of them: each victim noun meets each place once before any pair repeats."""
    places = list(lx.PLACES)
    pairs = [(victim, place) for place in places for victim in lx.VICTIMS]
    templates = (
        "How many {victim} were killed in {place}?",
        "What weapons were used against {victim} near {place}?",
        "How many {victim} were wounded in {place}?",
    )
    return [
        templates[i % len(templates)].format(victim=victim, place=place)
        for i, (victim, place) in enumerate(pairs[(i * 41) % len(pairs)] for i in range(count))
    ]


def extraction_timing(sample: int = 40) -> tuple[float, float, int, float]:
    """Median ms of extract_facts and of sentence splitting alone on fresh ~5 KB articles."""
    from corpus.facts import extract_facts
    from corpus.spans import sentences

    texts = sized_articles(sample + 2, 5000)
    extract_facts(texts[0], None)  # imports, dictionaries and caches load on the first call
    sentences(texts[1])
    published = date(2016, 9, 18)
    extract_ms, split_ms, facts = [], [], 0
    for text in texts[2:]:
        # The sentence cache would hide the split: time extraction on the text first.
        start = time.perf_counter()
        facts += len(extract_facts(text, published))
        extract_ms.append((time.perf_counter() - start) * 1000)
        variant = text + " "
        start = time.perf_counter()
        sentences(variant)
        split_ms.append((time.perf_counter() - start) * 1000)
    return statistics.median(extract_ms), statistics.median(split_ms), sample, facts / sample


def machine() -> dict[str, str]:
    """CPU count and model, memory, OS."""
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return {
        "cpus (nproc)": str(len(os.sched_getaffinity(0))),
        "cpu model": model,
        "memory": memory,
        "os": platform.platform(),
    }


def versions() -> dict[str, str]:
    """Python, library and SQLite versions and the git commit measured."""
    out = {"python": platform.python_version()}
    for name in ("whoosh-reloaded", "fastapi", "uvicorn", "pydantic", "sqlmodel", "httpx"):
        out[name] = version(name)
    out["sqlite"] = sqlite3.sqlite_version
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
            cwd=BENCH_DIR.parent,
        ).stdout.strip()
        out["factdesk commit"] = commit
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def _say(message: str) -> None:
    print(f"bench: {message}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
