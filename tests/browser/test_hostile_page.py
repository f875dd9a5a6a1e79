"""Chromium loads the site built from hostile data (tests/hostile.py) and runs none of it:
a trap on alert() and on dialogs stays untouched while a reader uses every control."""

from __future__ import annotations

from conftest import build
from hostile import hostile_site

from .conftest import serve


def test_no_injected_script_runs(browser, tmp_path):
    result = build(hostile_site(tmp_path))
    assert result.returncode == 0, result.output
    server = serve(result.site)
    origin = next(server)
    try:
        context = browser.new_context()
        context.add_init_script("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));")
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for path in ["/", "/articles/lunar-messaging/", "/404.html"]:
            page.goto(origin + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__alerts") == [], path
        # Use every "Where are you?": its labels and sentences are payloads too.
        page.goto(origin + "/articles/lunar-messaging/")
        labels = page.locator(".benchmark label.pick__choice")
        assert labels.count() >= 10
        for i in range(labels.count()):
            labels.nth(i).click()
        page.wait_for_timeout(600)  # results are written once the reader stops
        results = page.locator(".pick__line").all_inner_texts()
        assert all(results), results
        assert page.evaluate("window.__alerts") == []
        assert page.locator(".about-figures img, .benchmark img, .your-benchmark img").count() == 0
        context.close()
    finally:
        server.close()
    assert dialogs == [] and errors == []
