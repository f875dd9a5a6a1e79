"""`make review`: on a temporary git repository, a changed figure, an added answer and a new
article give exactly this summary, in text and in Markdown."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, make_site

SURVEY = "data/surveys/ubm-social-healthcare.yml"
NEW_ARTICLE = """---
title: A Second Article
summary: Another look at the same survey.
author: rob-lovitt
---

Some text.
"""


@pytest.fixture
def changed(tmp_path):
    root = make_site(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=root, check=True)
    survey = root / SURVEY
    text = survey.read_text(encoding="utf-8").replace("percent: 53", "percent: 52")
    text = text.replace(
        "        label: To schedule appointments\n        percent: 12\n",
        "        label: To schedule appointments\n        percent: 12\n"
        "      - id: recruit-staff\n        label: To recruit staff\n        percent: 8\n",
    )
    survey.write_text(text, encoding="utf-8")
    (root / "docs/articles/second.md").write_text(NEW_ARTICLE, encoding="utf-8")
    return root


def review(root, *extra: str, code: int = 0) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/review.py"), "--base", "main", "--repo", str(root), *extra],
        capture_output=True,
        text=True,
    )
    assert result.returncode == code, result.stderr
    return result.stdout


def test_review_lists_figures_answers_articles_and_pages(changed):
    assert review(changed) == (
        "Review of this change against main\n"
        "\n"
        "Figures changed:\n"
        "  ubm-social-healthcare / presence / some-presence: 53% -> 52%\n"
        "\n"
        "Added:\n"
        "  answer ubm-social-healthcare / uses / recruit-staff: 8%\n"
        "\n"
        "Articles:\n"
        "  added: docs/articles/second.md\n"
        "\n"
        "Pages whose output changes:\n"
        "  changed: /404.html\n"
        "  changed: /archive/\n"
        "  added: /articles/second/\n"
        "  changed: /articles/social-healthcare-how-do-you-stack-up/\n"
        "  changed: /\n"
        "\n"
        # Every other published file whose bytes change: images too (a chart, a share card).
        "Other files whose bytes change:\n"
        "  added: cards/articles/second.png\n"
        "  changed: cards/articles/social-healthcare-how-do-you-stack-up.png\n"
        "  changed: data/ubm-social-healthcare/charts/presence.png\n"
        "  changed: data/ubm-social-healthcare/charts/presence.svg\n"
        "  changed: data/ubm-social-healthcare/charts/uses.png\n"
        "  changed: data/ubm-social-healthcare/charts/uses.svg\n"
        "  changed: data/ubm-social-healthcare/questions/presence.csv\n"
        "  changed: data/ubm-social-healthcare/questions/uses.csv\n"
        "  changed: data/ubm-social-healthcare/ubm-social-healthcare.csv\n"
        "  changed: feed.xml\n"
        "  changed: search/search_index.json\n"
        "  changed: sitemap.xml\n"
        "  changed: sitemap.xml.gz\n"
    )


def test_review_lists_changed_words(changed):
    survey = changed / SURVEY
    text = survey.read_text(encoding="utf-8").replace("label: Very effective", "label: Highly effective")
    survey.write_text(text, encoding="utf-8")
    assert (
        "Words changed:\n  ubm-social-healthcare / effectiveness / very-effective: label 'Very effective' -> "
        "'Highly effective'\n" in review(changed)
    )


def test_review_as_markdown_for_the_job_summary(changed):
    summary = review(changed, "--markdown", "--preview-url", "https://example.org/artifact/1")
    assert summary.startswith("## What this change publishes (against `main`)\n")
    assert "- `ubm-social-healthcare / presence / some-presence: 53% -> 52%`\n" in summary
    assert summary.endswith("[Download the built site (preview)](https://example.org/artifact/1)\n")


@pytest.mark.parametrize(
    "text",
    ["a `code` span", "``", "ends with `", "[a link](https://x.example)", "![img](x.png) <b>x</b>", "two\nlines"],
)
def test_writer_text_stays_in_its_code_span(text):
    """Text from data/ or docs/ in the summary is one code span, whatever it holds."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from review import code_span

    span = code_span(text)
    fence = re.match(r"`+", span).group(0)
    assert span.endswith(fence) and "\n" not in span
    inner = span[len(fence) : -len(fence)]
    assert fence not in inner  # the span cannot be closed early
    assert inner.strip() == " ".join(text.split())


def test_links_among_the_articles_are_not_followed(changed):
    """The review reads pages as the build does: a link to nothing, to a device or out of the
    project is listed, never read (no traceback, no endless read, nothing from outside)."""
    (changed / "docs/articles/broken.md").symlink_to("nowhere.md")
    (changed / "docs/articles/zero.md").symlink_to("/dev/zero")
    (changed / "docs/articles/leak.md").symlink_to("/etc/hostname")
    summary = review(changed, code=1)  # listed, and the change does not build
    for name in ("broken", "zero", "leak"):
        assert f"added: docs/articles/{name}.md" in summary


def test_review_says_what_is_held_back_and_until_when(changed):
    scheduled = NEW_ARTICLE.replace("author: rob-lovitt\n", "author: rob-lovitt\ndate: 2999-01-01\n")
    (changed / "docs/articles/second.md").write_text(scheduled, encoding="utf-8")
    summary = review(changed)
    assert (
        "Not published yet (drafts and scheduled articles):\n"
        "  docs/articles/second.md:5:1: not published by this build: scheduled for 1 January 2999, "
    ) in summary
    assert "is the year right?" in summary


def test_a_change_that_does_not_build_is_said_and_fails(changed):
    survey = changed / SURVEY
    survey.write_text(survey.read_text(encoding="utf-8").replace("percent: 52", "percent: 152"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/review.py"), "--base", "main", "--repo", str(changed)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "This change does not build" in result.stdout
    assert "No published figure" not in result.stdout
