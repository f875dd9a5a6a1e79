"""axe-core (pinned in package.json) injected into Debian's Chromium: zero WCAG 2.2 A/AA
violations on every page, in the light and the dark scheme. No rule is disabled."""

from __future__ import annotations

import pytest
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PAGES = ["/", "/articles/social-healthcare-how-do-you-stack-up/", "/404.html", "/archive/"]


def axe_violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))  # inlined by Playwright: no request leaves the page
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violation(browser, site_url, path, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # axe is injected as an inline script
    page = context.new_page()
    page.goto(site_url + path)
    violations = axe_violations(page)
    context.close()
    assert violations == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violation_once_the_reader_has_answered(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # axe is injected as an inline script
    page = context.new_page()
    page.goto(site_url + PAGES[1])
    charts = page.locator(".benchmark.is-pickable")
    assert charts.count() >= 4
    for i in range(charts.count()):
        charts.nth(i).locator("tbody label").nth(1).click()
    page.wait_for_timeout(600)  # results are written once the reader stops
    violations = axe_violations(page)
    context.close()
    assert violations == []
