"""The service under test: ``factdesk serve`` as a subprocess on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

from bench.measure import descendants

HOST = "127.0.0.1"
STARTUP_SECONDS = 60.0


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Service:
    """``factdesk serve`` with its own data directory; stopped on exit, whatever happened."""

    def __init__(
        self,
        data_dir: Path,
        log_path: Path,
        settings: dict[str, str] | None = None,
        startup_seconds: float = STARTUP_SECONDS,
        workers: int = 1,
    ) -> None:
        """``settings`` are more ``FACTDESK_*`` variables by suffix, e.g. ``{"SEED_SAMPLES":
        "true"}``; they win over the defaults here. ``workers``: serving processes (one by
        default, whatever the machine, so figures compare across machines)."""
        self.startup_seconds = startup_seconds
        self.workers = workers
        self.data_dir = data_dir
        self.log_path = log_path
        self.settings = settings or {}
        self.port = free_port()
        self.base_url = f"http://{HOST}:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Service:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self._process is not None, "the service is not running"
        return self._process.pid

    def start(self) -> None:
        """Launch the server and wait until /ready answers 200 (startup repair done)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "FACTDESK_DATA_DIR": str(self.data_dir),
            "FACTDESK_SEED_SAMPLES": "false",
        }
        env.pop("FACTDESK_DATABASE_URL", None)
        env.pop("FACTDESK_API_KEY", None)
        env.pop("FACTDESK_CORS_ORIGINS", None)
        env.update({f"FACTDESK_{name}": value for name, value in self.settings.items()})
        command = [_factdesk(), "serve", "--host", HOST, "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        log = self.log_path.open("ab")
        self._process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + self.startup_seconds
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"factdesk serve exited early; see {self.log_path}")
            try:  # every worker: ask over as many fresh connections as there are workers, twice
                ready = (
                    httpx.get(f"{self.base_url}/ready", timeout=2.0).status_code == 200
                    for _ in range(2 * self.workers)
                )
                if all(ready):
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"factdesk serve was not ready in {self.startup_seconds}s")

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL after 15 s)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)

    def kill(self) -> None:
        """SIGKILL: no shutdown at all, as a machine losing power (``start`` runs it again)."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=15)

    def peak_rss_mb(self) -> float | None:
        """Peak resident memory of the server process so far (VmHWM), in MiB."""
        return _peak_rss_mb(self.pid)

    def workers_peak_rss_mb(self) -> float:
        """Sum of the peak resident memory of the server's child processes (the extraction
        workers and their pool's helper), in MiB; 0 when there are none."""
        return sum(_peak_rss_mb(child) or 0.0 for child in descendants(self.pid))

    def index_segments(self) -> int:
        """How many segments the service's index has now (read from its table of contents)."""
        from whoosh import index as whoosh_index

        ix = whoosh_index.open_dir(str(self.data_dir / "index"), indexname="passages")
        try:
            return len(ix._segments())
        finally:
            ix.close()

    def disk_bytes(self) -> tuple[int, int]:
        """Bytes on disk: (index directory, database files)."""
        index = sum(p.stat().st_size for p in (self.data_dir / "index").rglob("*") if p.is_file())
        database = sum(p.stat().st_size for p in self.data_dir.glob("factdesk.db*"))
        return index, database


def _factdesk() -> str:
    """The ``factdesk`` script of the running interpreter's environment."""
    script = Path(sys.executable).with_name("factdesk")
    if not script.exists():
        raise RuntimeError(f"{script} is missing; run `make install` first")
    return str(script)


def _peak_rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None
