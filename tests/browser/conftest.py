"""Browser fixtures: one server and one Chromium for the whole session; a page per test that
fails the test on any console error or uncaught exception."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.harness import (
    LAPTOP,
    find_chromium,
    launch_chromium,
    other_site,
    running_server,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Error, Page

playwright_api = pytest.importorskip(
    "playwright.sync_api",
    reason="the playwright package is not installed (pip install -e '.[test]')",
)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium, or skip: these tests never download a browser."""
    path = find_chromium()
    if path is None:
        pytest.skip("no system Chromium (apt-get install -y chromium, or set FACTDESK_CHROMIUM)")
    return path


@pytest.fixture(scope="session")
def other_site_port() -> Iterator[int]:
    """A page on another port: ``http://localhost:<port>`` is an origin the server allows,
    ``http://127.0.0.1:<port>`` (the same page) one it does not."""
    with other_site() as port:
        yield port


@pytest.fixture(scope="session")
def base_url(
    chromium_path: str, other_site_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The real server on a free port, holding the sample corpus, open to one other origin."""
    data_dir = tmp_path_factory.mktemp("browser") / "data"
    allowed = f"http://localhost:{other_site_port}"
    with running_server(data_dir, CORS_ORIGINS=allowed) as base:
        yield base


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    """One headless Chromium for the session."""
    with playwright_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright, chromium_path)
        yield chromium
        chromium.close()


class ConsoleLog:
    """Console errors and uncaught page errors seen by one page."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} at {message.location}")

    def on_page_error(self, error: Error) -> None:
        self.errors.append(f"page error: {error}")


@pytest.fixture
def console() -> ConsoleLog:
    """What the test's page logged as errors (a test expecting one removes it)."""
    return ConsoleLog()


@pytest.fixture
def page(browser: Browser, base_url: str, console: ConsoleLog) -> Iterator[Page]:
    """A laptop-sized page on the server; the test fails if the page logged an error."""
    context = browser.new_context(base_url=base_url, viewport=LAPTOP)
    new_page = context.new_page()
    log = console
    new_page.on("console", log.on_console)
    new_page.on("pageerror", log.on_page_error)
    yield new_page
    context.close()
    assert log.errors == [], log.errors
