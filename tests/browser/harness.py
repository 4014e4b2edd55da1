"""The real server and the system Chromium, shared by the browser tests and the screenshots.

The server is ``factdesk serve`` in a child process on a free port (the benchmark's
``Service``), with a fresh data directory that it seeds with the sample corpus; the browser is
the system's Chromium driven by Playwright (its own browser download is never needed, nor used).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from bench.server import Service

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
LAPTOP = {"width": 1000, "height": 760}
PHONE = {"width": 390, "height": 800}


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


@contextmanager
def running_server(data_dir: Path, **settings: str) -> Iterator[str]:
    """``factdesk serve`` (``bench.server.Service``) on a free port over ``data_dir``, seeded
    with the sample corpus; yields its base URL. ``settings`` are more ``FACTDESK_*``
    variables by suffix, e.g. ``CORS_ORIGINS="http://a.test"``."""
    defaults = {"SEED_SAMPLES": "true", "EXTRACT_WORKERS": "0"}
    with Service(data_dir, data_dir.parent / "server.log", {**defaults, **settings}) as server:
        yield server.base_url


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
