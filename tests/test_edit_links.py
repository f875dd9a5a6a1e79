"""Start an edit from the page: with REPO_URL, "Edit this page" on an article and "Edit these
figures" under each table, at the question's line; without it, neither. No widget asks
GitHub's API for anything (that would be a request to another origin)."""

from __future__ import annotations

import re

from conftest import ROOT, build, make_site

ARTICLE = "articles/social-healthcare-how-do-you-stack-up/index.html"
REPO = "https://github.com/example/social-healthcare"


def test_edit_links_open_the_files_at_their_lines(tmp_path):
    result = build(make_site(tmp_path), extra_env={"REPO_URL": REPO})
    assert result.returncode == 0, result.output
    html = result.page(ARTICLE)
    page_edit = f'{REPO}/edit/main/docs/articles/social-healthcare-how-do-you-stack-up.md" title="Edit this page"'
    assert page_edit in html
    lines = (ROOT / "data/surveys/ubm-social-healthcare.yml").read_text(encoding="utf-8").splitlines()
    figures = re.findall(r'class="benchmark__edit"><a href="([^"]+)"', html)
    expected = [
        f"{REPO}/blob/main/data/surveys/ubm-social-healthcare.yml#L{lines.index(f'  - id: {q}') + 1}"
        for q in ("presence", "effectiveness", "uses", "investment")
    ]
    assert figures == expected
    assert "md-source" not in html  # Material's repository widget (it would call api.github.com)


def test_no_edit_links_without_a_repository(tmp_path):
    result = build(make_site(tmp_path), extra_env={"REPO_URL": ""})
    assert result.returncode == 0, result.output
    html = result.page(ARTICLE)
    assert "Edit this page" not in html and "Edit these figures" not in html
