"""``factdesk serve --workers 2``: two processes on one port answer from the same corpus, one
extraction pool serves both, ``/metrics`` sums both, and startup repair ran once.

Real processes (the command as users run it); which worker answered is read from the
multiprocess metrics directory, where each worker writes its own files named by its pid."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from bench.measure import descendants
from service.cli import main
from service.settings import Settings

READS = 60
BATCH = 80  # above the pool's minimum batch (64): prepared by the extraction workers
TOWNS = ["Ardwell", "Brenmoor", "Calloway", "Dunrith", "Eskmere", "Farrowby", "Glenholt"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _children(pid: int) -> list[int]:
    """Direct children, without multiprocessing's resource tracker (a helper, not a worker)."""
    found = []
    for child in descendants(pid):
        stat = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        if int(stat[1]) == pid and "resource_tracker" not in _cmdline(child):
            found.append(child)
    return found


def _answering_pids(metrics_dir: Path) -> set[int]:
    """Workers that timed at least one request (histograms are written per pid)."""
    return {int(p.stem.rsplit("_", 1)[1]) for p in metrics_dir.glob("histogram_*.db")}


def _summed(metrics: str, method: str, route: str, status: int) -> float:
    labels = f'method="{method}",route="{re.escape(route)}",status="{status}"'
    found = re.findall(rf"factdesk_http_requests_total{{{labels}}} (\S+)", metrics)
    return sum(float(value) for value in found)


def _article(k: int) -> dict[str, str]:
    town = TOWNS[k % len(TOWNS)]
    return {
        "text": f"Harbour works {k} in {town}\n\nBy Staff\n\nThe {town} harbour board said on "
        f"Friday that {k + 3} cranes would be replaced. Dock workers in {town} welcomed it."
    }


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_two_workers_one_port_one_pool_summed_metrics(tmp_path: Path) -> None:
    metrics_dir, log = tmp_path / "metrics", tmp_path / "serve.log"
    metrics_dir.mkdir()
    (metrics_dir / "counter_1.db").write_bytes(b"stale")  # a dead run's file: must be cleared
    port = _free_port()
    env = {
        **os.environ,
        "FACTDESK_DATA_DIR": str(tmp_path / "data"),
        "FACTDESK_SEED_SAMPLES": "false",
        "FACTDESK_EXTRACT_WORKERS": "2",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    for name in ("FACTDESK_DATABASE_URL", "FACTDESK_API_KEY", "FACTDESK_WORKERS"):
        env.pop(name, None)
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--workers", "2"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, server, log)
        assert not (metrics_dir / "counter_1.db").exists()

        # One write through one request, read back through many (fresh connections each, so
        # the kernel hands them to either worker).
        written = httpx.post(f"{url}/articles", json=_article(0), timeout=60)
        assert written.status_code == 201, written.text

        def read(_: int) -> int:
            found = httpx.get(f"{url}/search", params={"q": "cranes"}, timeout=60)
            assert found.status_code == 200, found.text
            return int(found.json()["total"])

        with ThreadPoolExecutor(8) as threads:
            assert list(threads.map(read, range(READS))) == [1] * READS

        workers = _answering_pids(metrics_dir)
        assert len(workers) == 2, f"one worker answered every request: {workers}"
        assert set(_children(server.pid)) >= workers

        # Every scrape, whichever worker answers it, sums both workers' counters.
        for _ in range(4):
            metrics = httpx.get(f"{url}/metrics", timeout=30).text
            assert _summed(metrics, "GET", "/search", 200) == READS
            assert _summed(metrics, "POST", "/articles", 201) == 1
            assert "factdesk_articles 1.0" in metrics

        # One pool: the supervisor's children are the two workers and two extraction
        # processes; the workers start none of their own.
        pool = [pid for pid in _children(server.pid) if pid not in workers]
        assert len(pool) == 2, [_cmdline(pid) for pid in pool]
        for worker in workers:
            assert _children(worker) == []
        before = sum(_cpu_ticks(pid) for pid in pool)
        batch = httpx.post(
            f"{url}/articles/batch",
            json=[_article(k) for k in range(1, BATCH + 1)],
            timeout=300,
        )
        assert batch.status_code == 200, batch.text
        assert sum(_cpu_ticks(pid) for pid in pool) > before  # the shared pool did the work
        for _ in range(6):
            total = httpx.get(f"{url}/search", params={"q": "cranes"}, timeout=60).json()["total"]
            assert total == BATCH + 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
    text = log.read_text()
    assert text.count("startup done: the index matches the database") == 1, text
    assert "died" not in text, text  # no worker was killed and replaced


def _wait_ready(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"factdesk serve exited: {log.read_text()}")
        try:  # both workers: ask several times over fresh connections
            if all(httpx.get(f"{url}/ready", timeout=5).status_code == 200 for _ in range(6)):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"factdesk serve --workers 2 was not ready: {log.read_text()}")


def test_workers_from_the_environment_or_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTDESK_WORKERS", raising=False)
    cores = len(os.sched_getaffinity(0))
    assert Settings().worker_count == min(4, cores)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(16)))
    assert Settings().worker_count == 4  # at most 4 however many cores
    monkeypatch.setenv("FACTDESK_WORKERS", "3")
    assert Settings().worker_count == 3
    monkeypatch.setenv("FACTDESK_WORKERS", "0")
    with pytest.raises(ValidationError):
        Settings()


def test_serve_refuses_zero_workers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--workers", "0"])
    assert exit_.value.code == 2
    assert "--workers: must be at least 1, not 0" in capsys.readouterr().err
