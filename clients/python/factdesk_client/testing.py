"""A pytest plugin (registered through the ``pytest11`` entry point) for testing against factdesk.

- ``factdesk_server`` (one per test session): a real factdesk started with the ``factdesk``
  command on an empty temporary data directory, a free port and no sample articles, stopped at
  the end; or the one at ``FACTDESK_URL`` when that is set. It has ``.url`` and ``.client``.
- ``factdesk_transport``: an ``httpx.ASGITransport`` over an in-process app with its lifespan
  run (the ``service`` package must be importable), for ``AsyncFactdeskClient(transport=...)``.

``serve`` starts a server the same way outside pytest.
"""

from __future__ import annotations

import importlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from anyio.from_thread import start_blocking_portal

from factdesk_client.client import FactdeskClient

STARTUP_SECONDS = 120.0
# Settings a test server must not inherit from the shell: it gets its own empty SQLite database.
_NOT_INHERITED = ("FACTDESK_DATABASE_URL", "FACTDESK_URL")


@dataclass
class FactdeskServer:
    """A running factdesk: where it listens and a client for it."""

    url: str
    client: FactdeskClient


def find_command() -> str | None:
    """The ``factdesk`` command: on PATH, else next to this Python (an unactivated venv)."""
    beside_python = str(Path(sys.executable).parent)
    return shutil.which("factdesk") or shutil.which("factdesk", path=beside_python)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"factdesk exited with {process.returncode}:\n{tail}")
        try:
            # /ready where the service has it (it waits for startup repair), else /health.
            for path in ("/ready", "/health"):
                status = httpx.get(url + path, timeout=5).status_code
                if status == 200:
                    return
                if status != 404:
                    break
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"factdesk did not answer on {url} within {STARTUP_SECONDS:.0f} s")


@contextmanager
def serve(data_dir: Path, *, command: str = "factdesk") -> Iterator[FactdeskServer]:
    """Run ``factdesk serve`` on a free port over ``data_dir`` with no samples; stop it after."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env.update(FACTDESK_DATA_DIR=str(data_dir), FACTDESK_SEED_SAMPLES="false")
    env.setdefault("FACTDESK_EXTRACT_WORKERS", "0")  # small test corpora need no worker pool
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = data_dir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [command, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(url, process, log)
        with FactdeskClient(url, api_key=env.get("FACTDESK_API_KEY")) as client:
            yield FactdeskServer(url, client)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def factdesk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FactdeskServer]:
    """A factdesk for this test session (see the module docstring)."""
    url = os.environ.get("FACTDESK_URL")
    if url:
        url = url.rstrip("/")
        with FactdeskClient(url, api_key=os.environ.get("FACTDESK_API_KEY")) as client:
            yield FactdeskServer(url, client)
        return
    command = find_command()
    if command is None:
        pytest.fail("factdesk_server needs the factdesk command on PATH, or FACTDESK_URL")
    with serve(tmp_path_factory.mktemp("factdesk"), command=command) as server:
        yield server


@pytest.fixture
def factdesk_transport(tmp_path: Path) -> Iterator[httpx.ASGITransport]:
    """An in-process factdesk on an empty data directory, as an httpx ASGI transport."""
    # Imported by name: the client does not depend on the service, which may be absent.
    app_module = pytest.importorskip("service.app", reason="needs the factdesk service")
    settings_module = importlib.import_module("service.settings")
    settings = settings_module.Settings(
        data_dir=tmp_path / "factdesk", seed_samples=False, database_url=None, extract_workers=0
    )
    app = app_module.create_app(settings)
    # httpx's ASGITransport does not run lifespan (httpx #1024): run it in a portal's loop,
    # as Starlette's TestClient does, for as long as the test uses the transport.
    with (
        start_blocking_portal() as portal,
        portal.wrap_async_context_manager(app.router.lifespan_context(app)),
    ):
        yield httpx.ASGITransport(app=app)
