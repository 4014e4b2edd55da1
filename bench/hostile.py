"""Hostile input against a running ``factdesk serve``: texts and queries made to be costly.

python -m bench.hostile   # a few minutes; prints the tables and writes bench/HOSTILE.md

Times what the issue of bounded work asks for, on this machine (they vary with its load; the
tests assert only what does not depend on speed):

- each hostile text posted alone (accepted, partial or refused, and how fast);
- /health, a cheap search and a small write while a hostile text is being ingested or a slow
  (bounded) query runs;
- fuzzy and wildcard queries: answered in at most a second, or refused with a 4xx.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from bench.server import Service
from corpus.files import sample_paths

BENCH_DIR = Path(__file__).resolve().parent
TIMEOUT = httpx.Timeout(600.0)


def quotes(size: int) -> str:
    """A quote mark and a speech verb, over and over (quote attribution's worst case)."""
    return ('"Go." said ' * (size // 11 + 1))[:size]


def figures(size: int) -> str:
    """'12 killed, 13 killed, ...': a casualty claim every eleven characters."""
    out, number, length = [], 12, 0
    while length < size:
        out.append(f"{number} killed, ")
        length += len(out[-1])
        number += 1
    return "".join(out)[:size]


def no_punctuation(size: int) -> str:
    """Words and no sentence mark at all."""
    return ("the convoy moved north along the river road while people waited " * (size // 64 + 1))[
        :size
    ]


TEXTS: list[tuple[str, Callable[[int], str], int]] = [
    ("quote marks and 'said', 200 KB", quotes, 200_000),
    ("'N killed,' figures, 269 KB", figures, 269_000),
    ("quote marks and 'said', 100 KB", quotes, 100_000),
    ("'N killed,' figures, 100 KB", figures, 100_000),
    ("no punctuation, 100 KB", no_punctuation, 100_000),
]
QUERIES = [
    "abcdefghijklmnop~6",
    "abcdefghijklmnop~2",
    "soldiers~2",
    "killd~1 soldirs~2 aleppo~1 convy~2",
    "se*",
    "a*",
    "*ing",
    "so?di*",
    "ki* so* ar* co*",
]
SLOW_QUERY = "killd~2 soldirs~2 aleppo~2 convy~2"


def main() -> int:
    """Run every measurement against a fresh service and write bench/HOSTILE.md."""
    work = Path(tempfile.mkdtemp(prefix="factdesk-hostile-"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Hostile input (python -m bench.hostile)",
        "",
        f"{os.cpu_count()} cores, load average {load:.1f} at the start: times vary with the load.",
        "",
    ]
    try:
        with (
            Service(work / "data", work / "server.log") as service,
            httpx.Client(base_url=service.base_url, timeout=TIMEOUT) as http,
        ):
            for path in sample_paths():
                http.post("/articles", json={"text": path.read_text(encoding="utf-8")})
            lines += _alone(http)
            lines += _alongside(service.base_url)
            lines += _queries(http)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines) + "\n"
    print(report)
    (BENCH_DIR / "HOSTILE.md").write_text(report, encoding="utf-8")
    return 0


def _alone(http: httpx.Client) -> list[str]:
    out = ["## Hostile texts, each posted alone", "",
           "| text | status | extraction | seconds |", "| --- | --- | --- | --- |"]  # fmt: skip
    for name, make, size in TEXTS:
        start = time.perf_counter()
        response = http.post("/articles", json={"text": make(size)})
        seconds = time.perf_counter() - start
        extraction = response.json().get("extraction", "-") if response.status_code < 300 else "-"
        out.append(f"| {name} | {response.status_code} | {extraction} | {seconds:.2f} |")
    return [*out, ""]


def _alongside(base_url: str) -> list[str]:
    out = ["## Meanwhile: other requests while a costly one runs", "",
           "| while | costly request (s) | /health p50 / max ms | cheap search p50 / max ms "
           "| small write p50 / max ms |", "| --- | --- | --- | --- | --- |"]  # fmt: skip
    costly: list[tuple[str, Callable[[httpx.Client], object]]] = [
        (
            "posting 100 KB of figures",
            lambda h: h.post("/articles", json={"text": figures(99_990)}),
        ),
        ("posting 100 KB of quotes", lambda h: h.post("/articles", json={"text": quotes(99_990)})),
        ("four fuzzy terms, 2 edits each", lambda h: h.get("/search", params={"q": SLOW_QUERY})),
    ]
    for name, call in costly:
        out.append(_while(base_url, name, call))
    return [*out, ""]


def _while(base_url: str, name: str, call: Callable[[httpx.Client], object]) -> str:
    done = threading.Event()
    took: list[float] = []

    def run() -> None:
        with httpx.Client(base_url=base_url, timeout=TIMEOUT) as http:
            start = time.perf_counter()
            call(http)
            took.append(time.perf_counter() - start)
        done.set()

    thread = threading.Thread(target=run)
    samples: dict[str, list[float]] = {"health": [], "search": [], "write": []}
    with httpx.Client(base_url=base_url, timeout=TIMEOUT) as http:
        thread.start()
        time.sleep(0.1)  # let the costly request start
        n = 0
        while not done.is_set() or n < 3:
            n += 1
            for key, request in (
                ("health", lambda: http.get("/health")),
                ("search", lambda: http.get("/search", params={"q": "army"})),
                ("write", lambda n=n: http.post("/articles", json={"text": _small(name, n)})),
            ):
                start = time.perf_counter()
                request()
                samples[key].append((time.perf_counter() - start) * 1000)
    thread.join()
    cells = [f"{statistics.median(v):.0f} / {max(v):.0f}" for v in samples.values()]
    return f"| {name} | {took[0]:.2f} | " + " | ".join(cells) + " |"


def _small(name: str, n: int) -> str:
    return f"A small note number {n} written while {name}: the council met on Monday."


def _queries(http: httpx.Client) -> list[str]:
    out = ["## Fuzzy and wildcard queries", "", "| query | status | ms |", "| --- | --- | --- |"]
    for query in QUERIES:
        start = time.perf_counter()
        response = http.get("/search", params={"q": query})
        ms = (time.perf_counter() - start) * 1000
        out.append(f"| `{query}` | {response.status_code} | {ms:.0f} |")
    return [*out, ""]


if __name__ == "__main__":
    raise SystemExit(main())
