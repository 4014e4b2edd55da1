"""The real server and the system Chromium, shared by the browser tests and the screenshots.

The server is ``factdesk serve`` in a child process on a free port, with a fresh data
directory that it seeds with the sample corpus; the browser is the system's Chromium driven by
Playwright (its own browser download is never needed, nor used).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
LAPTOP = {"width": 1000, "height": 760}
PHONE = {"width": 390, "height": 800}
STARTUP_SECONDS = 120


def find_chromium() -> str | None:
    """The system Chromium's path (``FACTDESK_CHROMIUM`` wins), or None."""
    named = os.environ.get("FACTDESK_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(data_dir: Path, **settings: str) -> Iterator[str]:
    """``factdesk serve`` on a free port over ``data_dir``; yields its base URL.

    ``settings`` are further ``FACTDESK_*`` variables, e.g. ``CORS_ORIGINS="http://a.test"``."""
    port = free_port()
    # SQLite in the fresh directory and only the settings asked for, whatever the shell has set.
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_")}
    env.update(
        FACTDESK_DATA_DIR=str(data_dir), FACTDESK_SEED_SAMPLES="true", FACTDESK_EXTRACT_WORKERS="0"
    )
    env.update({f"FACTDESK_{name}": value for name, value in settings.items()})
    log = (data_dir.parent / "server.log").open("wb")
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(server, base)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wait_until_healthy(server: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"factdesk serve exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"factdesk serve did not answer /health within {STARTUP_SECONDS} s")


def launch_chromium(playwright: Playwright, executable: str) -> Browser:
    """Headless system Chromium, with no background traffic of its own."""
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def open_view(page: Page, url: str) -> None:
    """Go to a dashboard URL and wait until its view has rendered (or shown its error)."""
    page.goto(url)
    page.wait_for_selector("main[data-ready]", timeout=30_000)


class _BlankPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>another dashboard</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@contextmanager
def other_site() -> Iterator[int]:
    """A blank page on another port: a dashboard served from another origin; yields the port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BlankPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
