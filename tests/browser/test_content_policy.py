"""Every page's Content-Security-Policy, in Chromium: the site and the theme run without a
single violation, on every page type, in both schemes and through what a reader does; and a
script that slipped into a page does not run."""

from __future__ import annotations

import re

import pytest

PAGES = ["/", "/archive/", "/articles/social-healthcare-how-do-you-stack-up/", "/404.html"]
RECORD = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e =>"
    " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));"
)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_breaks_its_policy(browser, site_url, served_build, scheme):
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(RECORD)
    page = context.new_page()
    for path in PAGES:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0], policy
        for directive in ("object-src 'none'", "base-uri 'self'", "default-src 'self'"):
            assert directive in policy, policy
        if "articles" in path:  # what a reader does: pick an answer, search, switch the scheme
            page.locator(".benchmark tbody label").first.click()
            page.locator(".md-search__input").click()
            page.keyboard.type("social")
            page.wait_for_timeout(600)
            page.keyboard.press("Escape")
            page.locator("form[data-md-component=palette] label:visible").first.click()
        assert page.evaluate("window.__violations") == [], path
    context.close()


def test_a_script_that_slipped_into_a_page_does_not_run(browser, site_url, served_build):
    html = served_build[0].page("articles/social-healthcare-how-do-you-stack-up/index.html")
    probe = served_build[0].site / "articles" / "probe.html"
    # Two ways in: an inline script, and an event handler.
    injected = '<script>window.__ran = true</script><img src="x" onerror="window.__ran = true" alt="">'
    probe.write_text(re.sub("</article>", injected + "</article>", html, count=1), encoding="utf-8")
    context = browser.new_context()
    context.add_init_script(RECORD)
    page = context.new_page()
    page.goto(site_url + "/articles/probe.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__ran") is None
    violations = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in violations), violations
    context.close()
    probe.unlink()
