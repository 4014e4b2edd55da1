"""Results of a benchmark run and their rendering as Markdown (printed and written to a file)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.dataout import DataOutResult
from bench.measure import IngestResult, Latency
from bench.queries import CLASSES
from bench.reference import BuildResult
from bench.workers import WorkersResult

MB = 1024 * 1024


@dataclass(slots=True)
class SizeResult:
    """Every figure measured at one corpus size."""

    articles: int
    passages: int
    ingest: IngestResult
    ingest_from: int
    facts: int | None
    first_search_ms: float
    single: dict[str, Latency]
    concurrent: dict[str, Latency]
    endpoints: dict[str, Latency | None]
    repeated: Latency
    repeated_first_ms: float
    floor: Latency
    rss_mb: float | None
    workers_rss_mb: float
    index_bytes: int
    db_bytes: int
    split_seconds: float
    raw_build: BuildResult
    raw_search: dict[str, dict[str, Latency]]
    fts_build: BuildResult
    fts_search: dict[str, Latency]
    segments: int = 0
    other_cpu: dict[str, float] = field(default_factory=dict)
    data_out: DataOutResult | None = None
    # Raw Whoosh on the service's own index, each query right after its /search (issue 13).
    same_index: dict[str, Latency] = field(default_factory=dict)

    @property
    def raw_passages_per_second(self) -> float:
        """Raw Whoosh pipeline throughput: splitting plus indexing, one commit."""
        return self.raw_build.passages / (self.split_seconds + self.raw_build.seconds)

    @property
    def ingest_ratio(self) -> float:
        """factdesk ingest passages/s over raw Whoosh (split + index) passages/s."""
        return self.ingest.passages_per_second / self.raw_passages_per_second

    def search_ratio(self, cls: str) -> float | None:
        """factdesk /search p50 at the client (one client) over raw Whoosh p50 for one class."""
        ours, raw = self.single[cls].p50, self.raw_search["plain"][cls].p50
        return ours / raw if ours is not None and raw else None

    def server_ratio(self, cls: str) -> float | None:
        """factdesk's own time per /search (Server-Timing p50) over raw Whoosh p50: both
        without the HTTP transport, so the like-for-like ratio."""
        ours, raw = self.single[cls].server_p50, self.raw_search["plain"][cls].p50
        return ours / raw if ours is not None and raw else None

    @property
    def server_ms_estimate(self) -> float | None:
        """Repeated-query server time: Server-Timing p50 if sent, else client minus the floor."""
        if self.repeated.server_p50 is not None:
            return self.repeated.server_p50
        if self.repeated.p50 is None or self.floor.p50 is None:
            return None
        return max(0.0, self.repeated.p50 - self.floor.p50)


@dataclass(slots=True)
class RunResult:
    """A whole run: environment, query classes, extraction timing and one row per size."""

    mode: str
    machine: dict[str, str]
    versions: dict[str, str]
    started: str
    seconds: float = 0.0
    batch: int = 1000
    describe: dict[str, str] = field(default_factory=dict)
    pool_sizes: dict[str, tuple[int, int]] = field(default_factory=dict)
    extractor_version: str = "?"
    extraction_ms: float | None = None
    sentences_ms: float | None = None
    extraction_sample: int = 0
    facts_per_article: float = 0.0
    sizes: list[SizeResult] = field(default_factory=list)
    workers: WorkersResult | None = None


def ms(value: float | None) -> str:
    """Milliseconds with sensible precision, or n/a."""
    if value is None:
        return "n/a"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def render(run: RunResult) -> str:
    """The whole report as Markdown."""
    out = [f"# factdesk benchmark ({run.mode})", ""]
    out += [f"Run {run.started}, {run.seconds / 60:.1f} min. Produced by `python -m bench.run "
            f"--{run.mode}`; numbers are from one run on the machine below.", ""]  # fmt: skip
    out += ["## Machine and versions", ""]
    out += [f"- {k}: {v}" for k, v in {**run.machine, **run.versions}.items()]
    out += ["", "## Method", ""]
    out += _method(run)
    for size in run.sizes:
        out += _size_section(size, run.extraction_ms)
    if len(run.sizes) > 1:
        out += _growth(run.sizes)
    if run.workers is not None:
        out += run.workers.lines()
    out += _targets(run)
    return "\n".join(out) + "\n"


def _method(run: RunResult) -> list[str]:
    lines = [
        "- Corpus: `bench/generate.py` (seed fixed), JSON Lines, 1–8 KB news-like articles; the "
        "smaller corpora are prefixes of the larger. Sizes grow in one server: each row ingests "
        "the new articles on top of the previous row's.",
        f"- Ingest: `POST /articles/batch`, {run.batch} articles per batch, one client; "
        f"extraction on, as the service does it (extractor version {run.extractor_version}, "
        f"{run.facts_per_article:.1f} facts per 5 KB article in-process). The service prepares "
        "large batches (metadata, passages, facts) in its extraction worker process(es) "
        "(`FACTDESK_EXTRACT_WORKERS`, default cores − 1) while the request thread indexes, so it "
        "uses two cores where raw Whoosh uses one; its workers' CPU and memory are counted as "
        "the server's.",
        "- Search: `GET /search?q=…&limit=10` over loopback with httpx; every query in a "
        "measurement is distinct (a result cache cannot help), after a warm-up pass. *server "
        "p50* is the service's own time from its `Server-Timing: app;dur=…` header (from the "
        "request reaching the app to the response headers), the like-for-like figure beside raw "
        "Whoosh, which has no HTTP either.",
    ]
    for cls in CLASSES:
        single, concurrent = run.pool_sizes.get(cls, (0, 0))
        lines.append(
            f"  - {cls}: {run.describe.get(cls, '')}; {single} queries with 1 client, "
            f"{concurrent} others with 8"
        )
    lines += [
        "- Raw Whoosh: same schema, same `split_passages` passages, one writer and one commit; "
        "its throughput counts splitting plus indexing. Search with one reused searcher: "
        "*plain* = top 10 by score with stored fields and the exact total counted in the same "
        "pass (`TopCollector(limit=10, usequality=False)`; ties by docnum, which is insertion "
        "order) — the reference of the ratios, as it returns what /search returns; *sortedby* "
        "= the call factdesk made before its one-pass collector (score, article_id, start "
        "facets, terms=True); *top10* = "
        "`search(limit=10)` with block-quality skipping and no total (a lower bound).",
        "- SQLite FTS5 (porter unicode61) on the same passage texts: top 10 by bm25 with text, "
        "plus the match count.",
        "- /facts, /claims, /ask: one client, the same request (or distinct questions for /ask) "
        "repeated until the count or a 30 s budget runs out (n says how many were timed).",
        "- Floor: a 404 on an unknown path, the cost of the HTTP stack alone.",
        "",
    ]
    return lines


def _size_section(s: SizeResult, extraction_ms: float | None) -> list[str]:
    idx, db = s.index_bytes / MB, s.db_bytes / MB
    facts = "facts not counted (no /fields)" if s.facts is None else f"{s.facts:,} facts stored"
    out = [f"## {s.articles:,} articles, {s.passages:,} passages, {facts}", ""]
    out += ["| ingest | articles/s | passages/s | seconds | vs raw Whoosh |", "|" + "---|" * 5]
    out.append(
        f"| factdesk, articles {s.ingest_from + 1:,}–{s.articles:,} | "
        f"{s.ingest.articles_per_second:.1f} | {s.ingest.passages_per_second:.0f} | "
        f"{s.ingest.seconds:.1f} | {s.ingest_ratio:.2f}× |"
    )
    raw_total = s.split_seconds + s.raw_build.seconds
    out.append(
        f"| raw Whoosh, split + index (one commit) | {s.articles / raw_total:.1f} | "
        f"{s.raw_passages_per_second:.0f} | {raw_total:.1f} (split {s.split_seconds:.1f}) | 1× |"
    )
    out.append(
        f"| raw Whoosh, index only | {s.articles / s.raw_build.seconds:.1f} | "
        f"{s.raw_build.passages / s.raw_build.seconds:.0f} | {s.raw_build.seconds:.1f} | |"
    )
    out.append(
        f"| SQLite FTS5, index only | {s.articles / s.fts_build.seconds:.1f} | "
        f"{s.fts_build.passages / s.fts_build.seconds:.0f} | {s.fts_build.seconds:.1f} | |"
    )
    out += ["", "Search latency, ms (p50 / p95 / p99):", ""]
    out += [
        "| class | factdesk 1 client | server p50 | factdesk 8 clients | req/s (8) | "
        "raw Whoosh plain | raw sortedby | raw top10 | FTS5 | factdesk/raw p50: client, server |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for cls in CLASSES:
        one, eight = s.single[cls], s.concurrent[cls]
        raw = s.raw_search
        rps = f"{eight.per_second:.0f}" if eight.per_second else "n/a"
        errors = one.errors + eight.errors
        note = f" ({errors} non-200)" if errors else ""
        out.append(
            f"| {cls}{note} | {_three(one)} | {ms(one.server_p50)} | {_three(eight)} | {rps} | "
            f"{_two(raw['plain'][cls])} | {_two(raw['sortedby'][cls])} | "
            f"{_two(raw['top10'][cls])} | {_two(s.fts_search[cls])} | "
            f"{_ratio(s.search_ratio(cls))}, {_ratio(s.server_ratio(cls))} |"
        )
    out += ["", *_same_index_table(s)]
    out += ["| other | p50 ms | p95 ms | server p50 ms | n |", "|---|---|---|---|---|"]
    out.append(f"| first /search after the ingest | {ms(s.first_search_ms)} | | | 1 |")
    for name, lat in s.endpoints.items():
        if lat is None:
            out.append(f"| {name} | n/a | n/a | n/a | 404 |")
        else:
            extra = f" ({lat.errors} non-200: {lat.statuses})" if lat.errors else ""
            out.append(f"| {name} | {ms(lat.p50)} | {ms(lat.p95)} | {ms(lat.server_p50)} | "
                       f"{len(lat.samples)}{extra} |")  # fmt: skip
    out.append(
        f"| repeated identical /search (first call {ms(s.repeated_first_ms)}) | "
        f"{ms(s.repeated.p50)} | {ms(s.repeated.p95)} | {ms(s.repeated.server_p50)} | "
        f"{len(s.repeated.samples)} |"
    )
    out.append(f"| floor: 404 on an unknown path | {ms(s.floor.p50)} | {ms(s.floor.p95)} | | "
               f"{len(s.floor.samples)} |")  # fmt: skip
    out += [
        "",
        f"- repeated query, server time p50 {ms(s.server_ms_estimate)} ms (the Server-Timing "
        "header; client p50 minus the floor p50 if the header is missing)",
        f"- server peak RSS (VmHWM): {_mb(s.rss_mb)}, plus {_mb(s.workers_rss_mb)} in its "
        f"extraction workers (sum of their peaks); on disk: index {idx:.1f} MB + database "
        f"{db:.1f} MB = {idx + db:.1f} MB; raw Whoosh index {s.raw_build.disk_bytes / MB:.1f} MB; "
        f"FTS5 {s.fts_build.disk_bytes / MB:.1f} MB",
        f"- extraction of a ~5 KB article (in-process, median): {ms(extraction_ms)} ms",
        "- CPU used by other processes on the machine (share of one core; this harness and the "
        "server excluded): " + _noise(s.other_cpu),
        *(s.data_out.lines() if s.data_out else []),
        "",
    ]
    return out


def _noise(shares: dict[str, float]) -> str:
    text = ", ".join(f"{phase} {share:.0%}" for phase, share in shares.items())
    busy = any(share > 0.15 for share in shares.values())
    return text + (" — the machine was not quiet; treat these figures as noisy" if busy else "")


def _three(lat: Latency) -> str:
    return f"{ms(lat.p50)} / {ms(lat.p95)} / {ms(lat.p99)}"


def _two(lat: Latency) -> str:
    return f"{ms(lat.p50)} / {ms(lat.p95)}"


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} MB"


def _growth(sizes: list[SizeResult]) -> list[str]:
    head = ["articles", "passages", "ingest art/s", "ingest pass/s", "raw Whoosh pass/s"]
    head += [f"{c} p50 (raw)" for c in CLASSES]
    head += ["8-client p95 worst", "/facts p50", "/ask p50", "RSS", "disk MB"]
    out = ["## Growth", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in sizes:
        facts, ask = s.endpoints.get("/facts"), s.endpoints.get("/ask")
        worst = max((s.concurrent[c].p95 or 0.0) for c in CLASSES)
        row = [f"{s.articles:,}", f"{s.passages:,}", f"{s.ingest.articles_per_second:.1f}"]
        row += [f"{s.ingest.passages_per_second:.0f}", f"{s.raw_passages_per_second:.0f}"]
        row += [f"{ms(s.single[c].p50)} ({ms(s.raw_search['plain'][c].p50)})" for c in CLASSES]
        row += [ms(worst), ms(facts.p50 if facts else None), ms(ask.p50 if ask else None)]
        row += [_mb(s.rss_mb), f"{(s.index_bytes + s.db_bytes) / MB:.0f}"]
        out.append("| " + " | ".join(row) + " |")
    return [*out, ""]


def _http_target(s: SizeResult) -> str:
    """Issue 13's target: /search p50 over HTTP (at the client) within 1.3× raw Whoosh on the
    same index for common words, AND and phrases, within raw Whoosh + 1 ms for rare words."""
    parts, met = [], True
    for c in CLASSES:
        raw = s.same_index.get(c)
        ours, reference = s.single[c].p50, raw.p50 if raw else None
        if ours is None or not reference:
            parts.append(f"{c} n/a")
            met = False
        elif c == "rare":
            parts.append(f"rare {ms(ours)} vs {ms(reference)} + 1 ms")
            met = met and ours <= reference + 1.0
        else:
            parts.append(f"{c} {_ratio(ours / reference)}")
            met = met and ours <= 1.3 * reference
    return (
        "| /search p50 over HTTP ≤ 1.3× raw Whoosh on the same index (common, and, phrase), "
        f"≤ raw + 1 ms (rare) | {', '.join(parts)} | {'met' if met else 'not met'} |"
    )


def _same_index_table(s: SizeResult) -> list[str]:
    if not s.same_index:
        return []
    out = [
        "Over HTTP vs raw Whoosh on the service's own index (its segments, its passages), each "
        "query once, raw Whoosh timed right after each request (ms, p50 / p95):",
        "",
        "| class | factdesk at the client | server | raw Whoosh, same index | client/raw | "
        "server/raw |",
        "|---|---|---|---|---|---|",
    ]
    for c in CLASSES:
        ours, raw = s.single[c], s.same_index[c]
        client_ratio = ours.p50 / raw.p50 if ours.p50 and raw.p50 else None
        server_ratio = ours.server_p50 / raw.p50 if ours.server_p50 and raw.p50 else None
        out.append(
            f"| {c} | {_two(ours)} | {ms(ours.server_p50)} | {_two(raw)} | "
            f"{_ratio(client_ratio)} | {_ratio(server_ratio)} |"
        )
    return [*out, ""]


def _targets(run: RunResult) -> list[str]:
    s = run.sizes[-1]
    out = ["## Targets", ""]
    if s.articles < 20000:
        out += [f"Issue 5 sets these on the 20k-article corpus; this run measured "
                f"{s.articles:,} articles, so they are indicative only.", ""]  # fmt: skip
    out += ["| target | measured | status |", "|---|---|---|"]
    ratios = {c: s.server_ratio(c) for c in CLASSES}
    worst = max((r for r in ratios.values() if r is not None), default=None)
    detail = ", ".join(
        f"{c} {_ratio(r)} ({_ratio(s.search_ratio(c))} at the client)" for c, r in ratios.items()
    )
    out.append(
        f"| /search p50 ≤ 1.3× raw Whoosh (server time; raw Whoosh has no HTTP) | {detail} | "
        f"{_met(worst, 1.3)} |"
    )
    out.append(_http_target(s))
    p95 = {c: s.concurrent[c].p95 for c in CLASSES}
    worst_p95 = max((v for v in p95.values() if v is not None), default=None)
    detail = ", ".join(f"{c} {ms(v)}" for c, v in p95.items())
    out.append(f"| /search p95 ≤ 50 ms, 8 clients | {detail} ms | {_met(worst_p95, 50)} |")
    out.append(
        f"| repeated query ≤ 1 ms server time | {ms(s.server_ms_estimate)} ms (client p50 "
        f"{ms(s.repeated.p50)}, floor {ms(s.floor.p50)}) | {_met(s.server_ms_estimate, 1.0)} |"
    )
    out.append(
        f"| ingest ≥ 70% of raw Whoosh throughput | {s.ingest_ratio:.0%} "
        f"({s.ingest.passages_per_second:.0f} vs {s.raw_passages_per_second:.0f} passages/s) | "
        f"{_met(-s.ingest_ratio, -0.7)} |"
    )
    ask = s.endpoints.get("/ask")
    out.append(f"| /ask p50 ≤ 20 ms | {ms(ask.p50) if ask else 'n/a (404)'} | "
               f"{_met(ask.p50 if ask else None, 20)} |")  # fmt: skip
    out.append(
        f"| extraction of a 5 KB article ≤ 5 ms median | {ms(run.extraction_ms)} ms "
        f"({run.extraction_sample} articles, {run.facts_per_article:.1f} facts each; sentence "
        f"split alone {ms(run.sentences_ms)} ms) | "
        f"{_met(run.extraction_ms, 5)} |"
    )
    total = (s.rss_mb or 0.0) + s.workers_rss_mb
    out.append(
        f"| server RSS ≤ 400 MB | server process {_mb(s.rss_mb)}; with its extraction workers "
        f"{_mb(total)} | {_met(s.rss_mb, 400)} (server process), {_met(total, 400)} (with "
        "workers) |"
    )
    return [*out, "", *_reasons(run, worst, worst_p95, total), ""]


def _reasons(run: RunResult, ratio: float | None, p95: float | None, rss: float) -> list[str]:
    """What this run measured that explains each missed target (more in bench/PROFILE.md)."""
    s = run.sizes[-1]
    raw = s.raw_search["plain"]
    out = []
    if ratio is not None and ratio > 1.3:
        fts = ", ".join(f"{c} {ms(s.fts_search[c].p50)}" for c in CLASSES)
        out.append(
            f"- /search vs raw Whoosh: factdesk's index has {s.segments} segment(s) where raw "
            f"Whoosh's has one (one per 1,000-article batch: merging inside requests costs "
            f"about twice the indexing; `factdesk reindex` makes one); a cached answer, which "
            f"searches nothing, still costs {ms(s.repeated.server_p50)} ms of server time, "
            f"against raw Whoosh's whole {ms(raw['rare'].p50)} ms for a rare word. SQLite FTS5 "
            f"p50 on the same queries: {fts} ms."
        )
    common = raw["common"].p50
    if p95 is not None and p95 > 50 and common is not None:
        out.append(
            f"- 8 clients: raw Whoosh alone spends {ms(common)} ms p50 / "
            f"{ms(raw['common'].p95)} ms p95 of CPU on a common-word query; eight requests "
            f"queued on one interpreter wait ≈ 8 × {ms(common)} = {ms(8 * common)} ms "
            f"({8 * common / 50:.0%} of the 50 ms budget) for raw Whoosh's work alone, before "
            "any HTTP, highlighting or alias expansion."
        )
    if run.extraction_ms is not None and run.extraction_ms > 5:
        out.append(
            f"- Extraction: sentence splitting (syntok) alone takes {ms(run.sentences_ms)} ms "
            "of the median; the rest is ~50 regular-expression scans of the text."
        )
    if rss > 400:
        out.append(
            f"- Memory: the server process peaked at {_mb(s.rss_mb)} and its extraction "
            f"workers at {_mb(s.workers_rss_mb)}; every process that extracts holds the "
            "gazetteer, dateparser and py3langid's model (~190 MB), and Whoosh's indexing "
            "pool takes up to 128 MB during a batch."
        )
    if not out:
        return []
    return ["Measured reasons for the targets not met (breakdowns and what would meet them: "
            "`bench/PROFILE.md`):", "", *out]  # fmt: skip


def _met(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    return "met" if value <= limit else "not met"
