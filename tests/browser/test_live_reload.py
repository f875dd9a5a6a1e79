"""`mkdocs serve` as a writer uses it: the real server on 127.0.0.1, an open Chromium page,
a data edit that shows up without a restart, and a broken edit reported then recovered."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, make_site
from serve_site import mkdocs_serve

SURVEY = "data/surveys/ubm-social-healthcare.yml"
ROW = "#benchmark--ubm-social-healthcare--presence--some-presence td"


def wait_for(condition, timeout: float = 20.0, what: str = "") -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def served(tmp_path):
    """A copy of the project served by `mkdocs serve`; stopped after the test."""
    root = make_site(tmp_path)
    with mkdocs_serve(root, start_timeout=20) as (origin, log):
        yield root, origin, log


def edit(root: Path, old: str, new: str) -> None:
    path = root / SURVEY
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_data_edit_reaches_the_open_page_without_restart(browser, served):
    root, origin, _log = served
    page = browser.new_page()
    page.goto(origin + "/articles/social-healthcare-how-do-you-stack-up/")
    assert page.locator(ROW).inner_text() == "53%"
    edit(root, "percent: 53", "percent: 54")
    seconds = wait_for(lambda: page.locator(ROW).inner_text() == "54%", what="the page to show 54%")
    print(f"live reload: the open page showed the edit {seconds:.1f}s after saving")
    page.close()


def test_a_broken_edit_shows_its_problems_on_the_page_then_recovers_without_restart(browser, served):
    root, origin, log = served
    page = browser.new_page()
    url = origin + "/articles/social-healthcare-how-do-you-stack-up/"
    page.goto(url)
    edit(root, "percent: 53", "percent: 153")
    message = "questions[0].answers[0].percent: a percent must be between 0 and 100; got 153"
    wait_for(lambda: message in log.read_text(), what="the error in the server's output")
    assert "Traceback" not in log.read_text()
    # The open page reloads by itself onto the problem page; reloading, or opening any other
    # page, answers at once with it (MkDocs alone would hold the request until a fix).
    wait_for(lambda: page.locator("h1").first.inner_text() == "The build failed", timeout=10, what="the problem page")
    number = (root / SURVEY).read_text(encoding="utf-8").splitlines().index("        percent: 153") + 1
    assert f"{SURVEY}:{number}:18: {message}" in page.locator("main").inner_text()
    start = time.monotonic()
    page.goto(origin + "/", timeout=2000)
    page.reload(timeout=2000)
    assert time.monotonic() - start < 2
    assert page.locator("h1").inner_text() == "The build failed"
    page.goto(url)
    edit(root, "percent: 153", "percent: 52")  # 52 + 47: within 100
    wait_for(lambda: page.locator(ROW).count() == 1 and page.locator(ROW).inner_text() == "52%", what="the fixed page")
    page.close()


def test_the_preview_shows_a_draft_with_its_banner(browser, served):
    """`make build` leaves a draft out (tests/test_drafts.py); the writer's preview shows it."""
    from test_drafts import DRAFT

    root, origin, _log = served
    (root / "docs/articles/secret-draft.md").write_text(DRAFT, encoding="utf-8")
    page = browser.new_page()
    url = origin + "/articles/secret-draft/"

    def shown() -> bool:
        response = page.goto(url)
        return response is not None and response.ok

    wait_for(shown, what="the draft in the preview")
    banner = page.locator(".draft-banner")
    assert banner.is_visible()
    assert banner.inner_text().startswith("Draft. This preview shows the page; make build leaves it out")
    assert page.locator("h1").inner_text() == "Secret Draft Title"
    page.close()


def test_a_preview_opened_on_a_broken_file_serves_its_problems_then_the_site(browser, tmp_path):
    """`serve` exits when its first build fails; the writer's preview shows the problem page
    instead, and the site once the file is fixed, without a restart."""
    root = make_site(tmp_path)
    edit(root, "percent: 53", "percent: 153")
    with mkdocs_serve(root, start_timeout=20) as (origin, log):
        page = browser.new_page()
        page.goto(origin + "/articles/social-healthcare-how-do-you-stack-up/")
        assert page.locator("h1").first.inner_text() == "The build failed"
        assert "a percent must be between 0 and 100; got 153" in page.locator("main").inner_text()
        edit(root, "percent: 153", "percent: 52")
        wait_for(lambda: page.locator(ROW).count() == 1, what="the fixed page")
        assert page.locator(ROW).inner_text() == "52%"
        assert "Traceback" not in log.read_text()
        page.close()


def test_make_serve_takes_another_port(tmp_path):
    """`make serve PORT=...`, as the guide says, when 8000 is taken."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        wait_for(lambda: f"Serving on http://127.0.0.1:{port}/" in log.read_text(), timeout=120, what="the server")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as answer:
            assert answer.status == 200 and b"<h1" in answer.read()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_port_in_use_is_one_line_not_a_traceback(tmp_path):
    root = make_site(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("GITHUB_ACTIONS", None)
        env.pop("PYTHONPATH", None)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=root, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    said = f"port {port} is in use, by another preview perhaps: stop that one, or run 'make serve PORT={port + 1}'"
    assert said in output
    assert "Traceback" not in output
