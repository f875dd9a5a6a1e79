"""Real Chromium (Debian's /usr/bin/chromium, driven by Playwright) against the built site
served on 127.0.0.1. Nothing downloads a browser; every request is recorded and checked."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, Build, build, make_site
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's; CI elsewhere may point it at Chrome
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",  # no calls home: the machine has no network
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 until the generator is closed."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_build(tmp_path_factory) -> Iterator[tuple[Build, str]]:
    """The site built for the address it is served at, as a host would serve it: canonical
    URLs, sitemap and feed then point at the server itself."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    result = build(make_site(tmp_path_factory.mktemp("served")), site_url=url)
    assert result.returncode == 0, result.output
    for origin in serve(result.site, port):
        yield result, origin


@pytest.fixture(scope="session")
def site_url(served_build) -> str:
    return served_build[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium), as .ci/run does")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser page that records every request it makes."""

    def __init__(self, page: Page, origin: str):
        self.page = page
        self.origin = origin
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))

    def offsite(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.origin + "/") or u.startswith(("data:", "blob:")))]


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    """A fresh, JavaScript-enabled page; fails the test if anything left 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    v = Visit(context.new_page(), site_url)
    yield v
    context.close()
    assert v.requests, "the visit made no request at all"
    assert v.offsite() == [], f"requests left 127.0.0.1: {v.offsite()}"


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.exists() and any(SCREENSHOTS.glob("*.png")):
        terminalreporter.write_line(f"screenshots of the article: {SCREENSHOTS}")
