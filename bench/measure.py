"""Timing primitives: latency samples and percentiles, HTTP clients, concurrent load, ingest."""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.generate import GeneratedArticle

TIMEOUT = httpx.Timeout(120.0, connect=5.0)


@dataclass(frozen=True, slots=True)
class Latency:
    """Latency samples in milliseconds, with requests per second when measured under load."""

    samples: tuple[float, ...]
    errors: int = 0
    per_second: float | None = None
    statuses: dict[int, int] = field(default_factory=dict)
    server: tuple[float, ...] = ()  # the service's own ms per request (Server-Timing), if sent

    def percentile(self, p: float) -> float | None:
        """The ``p``-th percentile (linear interpolation), or None without samples."""
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        rank = (len(ordered) - 1) * p / 100
        low, high = math.floor(rank), math.ceil(rank)
        return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)

    @property
    def p50(self) -> float | None:
        """Median latency in ms."""
        return self.percentile(50)

    @property
    def p95(self) -> float | None:
        """95th percentile in ms."""
        return self.percentile(95)

    @property
    def p99(self) -> float | None:
        """99th percentile in ms."""
        return self.percentile(99)

    @property
    def server_p50(self) -> float | None:
        """Median of the server's own time (Server-Timing ``app;dur``), or None if not sent."""
        return Latency(self.server).p50 if self.server else None


def latency_of(call: Callable[[str], Any], inputs: Iterable[str]) -> Latency:
    """Call ``call`` on each input in turn, timing each call."""
    samples = []
    for item in inputs:
        start = time.perf_counter()
        call(item)
        samples.append((time.perf_counter() - start) * 1000)
    return Latency(tuple(samples))


def client(base_url: str) -> httpx.Client:
    """An HTTP client for the service under test (loopback, keep-alive)."""
    return httpx.Client(base_url=base_url, timeout=TIMEOUT)


def timed_get(
    http: httpx.Client, path: str, params: dict[str, Any]
) -> tuple[float, int, float | None]:
    """One GET: (milliseconds, status, the server's own ms); the body is read in full."""
    start = time.perf_counter()
    response = http.get(path, params=params)
    response.read()
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, response.status_code, server_ms(response.headers.get("server-timing"))


def server_ms(header: str | None) -> float | None:
    """The ``dur`` of a ``Server-Timing: app;dur=1.23`` header, or None."""
    if not header or "dur=" not in header:
        return None
    try:
        return float(header.split("dur=")[1].split(";")[0].split(",")[0])
    except ValueError:
        return None


def get_latency(
    base_url: str,
    path: str,
    params_list: Sequence[dict[str, Any]],
    budget_seconds: float | None = None,
    min_samples: int = 5,
    after_each: Callable[[dict[str, Any]], Any] | None = None,
) -> Latency:
    """Sequential GETs from one client; non-200 answers are counted, not timed.

    With ``budget_seconds``, stops early once the budget is spent and ``min_samples`` were taken
    (slow endpoints would otherwise dominate a run's time). ``after_each(params)`` runs after
    each GET, untimed.
    """
    samples: list[float] = []
    server: list[float] = []
    statuses: dict[int, int] = {}
    deadline = time.perf_counter() + budget_seconds if budget_seconds else None
    with client(base_url) as http:
        for done, params in enumerate(params_list):
            if deadline and done >= min_samples and time.perf_counter() > deadline:
                break
            ms, status, own = timed_get(http, path, params)
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200:
                samples.append(ms)
                if own is not None:
                    server.append(own)
            if after_each is not None:
                after_each(params)
    errors = sum(statuses.values()) - len(samples)
    return Latency(tuple(samples), errors=errors, statuses=statuses, server=tuple(server))


def interleaved_latency(
    base_url: str,
    path: str,
    params_list: Sequence[dict[str, Any]],
    reference: Callable[[str], Any],
) -> tuple[Latency, Latency]:
    """Each GET followed by ``reference(params["q"])``, timed in turn, so that the machine's
    load at any moment weighs on both alike: (the GETs, the reference calls)."""
    theirs: list[float] = []

    def timed_reference(params: dict[str, Any]) -> None:
        start = time.perf_counter()
        reference(params["q"])
        theirs.append((time.perf_counter() - start) * 1000)

    ours = get_latency(base_url, path, params_list, after_each=timed_reference)
    return ours, Latency(tuple(theirs))


def concurrent_latency(
    base_url: str, path: str, params_list: Sequence[dict[str, Any]], clients: int
) -> Latency:
    """GETs from ``clients`` threads (one HTTP client each) sharing one work list."""
    lock = threading.Lock()
    work = iter(params_list)
    samples: list[float] = []
    server: list[float] = []
    statuses: dict[int, int] = {}

    def worker() -> None:
        with client(base_url) as http:
            while True:
                with lock:
                    params = next(work, None)
                if params is None:
                    return
                ms, status, own = timed_get(http, path, params)
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                    if status == 200:
                        samples.append(ms)
                        if own is not None:
                            server.append(own)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(worker) for _ in range(clients)]:
            future.result()
    wall = time.perf_counter() - start
    return Latency(
        tuple(samples),
        errors=len(params_list) - len(samples),
        per_second=len(params_list) / wall if wall else None,
        statuses=statuses,
        server=tuple(server),
    )


@dataclass(frozen=True, slots=True)
class IngestResult:
    """A bulk ingest: articles and passages stored, wall seconds, per-batch seconds."""

    articles: int
    passages: int
    seconds: float
    batch_seconds: tuple[float, ...]

    @property
    def articles_per_second(self) -> float:
        """Articles stored per second of wall time."""
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def passages_per_second(self) -> float:
        """Passages indexed per second of wall time."""
        return self.passages / self.seconds if self.seconds else 0.0


def ingest(base_url: str, articles: Sequence[GeneratedArticle], batch: int) -> IngestResult:
    """POST ``articles`` to /articles/batch in batches; fails loudly on any non-2xx answer."""
    created = passages = 0
    batch_seconds = []
    with client(base_url) as http:
        for first in range(0, len(articles), batch):
            body = json.dumps([asdict(a) for a in articles[first : first + batch]])
            start = time.perf_counter()
            response = http.post(
                "/articles/batch", content=body, headers={"content-type": "application/json"}
            )
            batch_seconds.append(time.perf_counter() - start)
            if response.status_code >= 300:
                raise RuntimeError(f"batch at {first}: {response.status_code} {response.text}")
            data = response.json()
            created += int(data["created"])
            passages += sum(item["passage_count"] for item in data["articles"] if item["created"])
    return IngestResult(created, passages, sum(batch_seconds), tuple(batch_seconds))


def repeated_latency(base_url: str, query: str, times: int) -> tuple[Latency, float]:
    """One query asked ``times`` times: latency of the repeats and of the first call."""
    with client(base_url) as http:
        first, _status, _own = timed_get(http, "/search", {"q": query, "limit": 10})
    return get_latency(base_url, "/search", [{"q": query, "limit": 10}] * times), first


def floor_latency(base_url: str, times: int) -> Latency:
    """Latency of an unknown path (404 problem+json): the HTTP stack's own cost, as a floor."""
    samples = []
    with client(base_url) as http:
        for _ in range(times):
            ms, _status, _own = timed_get(http, "/bench-floor-no-such-route", {})
            samples.append(ms)
    return Latency(tuple(samples))


def facts_stored(base_url: str) -> int | None:
    """How many facts the service holds (sum of GET /fields counts); None without the route."""
    with client(base_url) as http:
        response = http.get("/fields")
    if response.status_code != 200:
        return None
    return sum(int(field.get("count", 0)) for field in response.json().get("fields", []))


def _busy_seconds() -> float:
    """CPU seconds spent busy by the whole machine since boot (all cores)."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def process_seconds(pid: int) -> float:
    """CPU seconds used by one process (user + system)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc: each process's parent id)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


class CpuMeter:
    """CPU used during a phase by the server (with its workers), by this harness, and by
    everything else."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self._start = self._sample()

    def _sample(self) -> tuple[float, float, float, float]:
        own = os.times()
        return (
            time.perf_counter(),
            _busy_seconds(),
            # The server and its extraction workers.
            sum(map(process_seconds, [self.server_pid, *descendants(self.server_pid)])),
            own.user + own.system,
        )

    def others_share(self) -> tuple[float, float]:
        """(seconds of wall time, share of one core used by other processes) since creation."""
        end = self._sample()
        wall = end[0] - self._start[0]
        busy, server, own = (end[i] - self._start[i] for i in (1, 2, 3))
        others = max(0.0, busy - server - own)
        return wall, (others / wall if wall else 0.0)
