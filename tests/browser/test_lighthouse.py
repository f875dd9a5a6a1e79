"""Lighthouse's deterministic categories, asserted: accessibility, best practices and SEO
score 100 on every page. Performance is timing, so it is measured by `make audit`, never here."""

from __future__ import annotations

import pytest
from audit import LIGHTHOUSE, lighthouse, scores

PAGES = {
    "home": "/",
    "article": "/articles/social-healthcare-how-do-you-stack-up/",
    "404": "/404.html",
    "archive": "/archive/",
}


@pytest.mark.parametrize("name", PAGES)
def test_accessibility_best_practices_and_seo_score_100(site_url, name):
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE} missing: run `npm ci` (make test does)")
    report = lighthouse(site_url + PAGES[name], f"test-{name}", ["accessibility", "best-practices", "seo"])
    failed = [
        f"{category}: {ref['id']}"
        for category, data in report["categories"].items()
        for ref in data["auditRefs"]
        if ref["weight"]
        and (report["audits"][ref["id"]]["score"] or 0) < 1
        and report["audits"][ref["id"]]["scoreDisplayMode"] == "binary"
    ]
    assert scores(report) == {"accessibility": 100, "best-practices": 100, "seo": 100}, failed
