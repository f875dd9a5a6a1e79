"""Drafts and scheduled articles never leak: `make build` leaves them out of every output file
(page, navigation, home page, feed, sitemap, search index, cards, 404), while their surveys
still count as shown. `make serve` shows them with a banner (tests/browser/test_live_reload.py)."""

from __future__ import annotations

from conftest import build, make_site

DRAFT = """---
title: Secret Draft Title
summary: A draft summary nobody may read yet.
author: rob-lovitt
draft: true
---

Draft text.

<!-- data:table ubm-social-healthcare presence -->
"""
SCHEDULED = """---
title: Scheduled Article Title
summary: Not before its day.
author: rob-lovitt
date: 2999-01-01
---

Scheduled text.
"""


def add_held_pages(root):
    (root / "docs/articles/secret-draft.md").write_text(DRAFT, encoding="utf-8")
    (root / "docs/articles/scheduled.md").write_text(SCHEDULED, encoding="utf-8")
    return root


def test_drafts_and_scheduled_articles_are_in_no_output_file(tmp_path):
    result = build(add_held_pages(make_site(tmp_path)))
    assert result.returncode == 0, result.output
    files = [p for p in result.site.rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        for secret in (b"Secret Draft", b"secret-draft", b"Scheduled Article", b"articles/scheduled", b"draft summary"):
            assert secret not in data, (path, secret)
    assert not (result.site / "articles/secret-draft").exists()
    # The build says what it left out, and until when; a date years off is pointed out.
    assert (
        "docs/articles/secret-draft.md: not published by this build: a draft ('draft: true'): remove that line "
        "to publish it" in result.output
    )
    assert "docs/articles/scheduled.md:5:1: not published by this build: scheduled for 1 January 2999," in result.output
    assert "from today: is the year right? If not, fix the date;" in result.output
    # The published article is untouched.
    assert "Social Healthcare: How Do You Stack Up?" in result.page("index.html")


def test_a_survey_shown_only_on_a_draft_is_not_reported_unused(tmp_path):
    root = add_held_pages(make_site(tmp_path))
    article = root / "docs/articles/social-healthcare-how-do-you-stack-up.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("<!-- data:table ubm-social-healthcare presence -->\n", ""),
        encoding="utf-8",
    )
    result = build(root)
    assert result.returncode == 0, result.output
    assert "shown on no page" not in result.output


def test_a_draft_flag_must_be_true_or_false(tmp_path):
    root = make_site(tmp_path)
    (root / "docs/articles/secret-draft.md").write_text(DRAFT.replace("draft: true", "draft: maybe"), encoding="utf-8")
    result = build(root)
    assert result.returncode == 1
    assert "docs/articles/secret-draft.md:5:8: draft: must be true or false" in result.output


def test_a_survey_only_a_draft_shows_is_not_published(tmp_path):
    root = make_site(tmp_path)
    secret = (root / "data/surveys/ubm-social-healthcare.yml").read_text(encoding="utf-8")
    (root / "data/surveys/secret-poll.yml").write_text(secret.replace("title: UBM Tech survey", "title: Embargoed"))
    draft = DRAFT.replace("<!-- data:table ubm-social-healthcare presence -->", "<!-- data:tables secret-poll -->")
    (root / "docs/articles/secret-draft.md").write_text(draft, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    assert "and survey 'secret-poll' with it (no published page shows it)" in result.output
    assert not (result.site / "data/secret-poll").exists()
    for path in result.site.rglob("*"):
        if path.is_file():
            assert b"secret-poll" not in path.read_bytes() and b"Embargoed" not in path.read_bytes(), path


def test_a_scheduled_article_is_checked_before_its_day(tmp_path):
    root = make_site(tmp_path)
    broken = SCHEDULED.replace(
        "Scheduled text.", "Scheduled text.\n\n<!-- data:tabel ubm-social-healthcare presence -->"
    )
    (root / "docs/articles/scheduled.md").write_text(broken, encoding="utf-8")
    result = build(root)
    assert result.returncode == 1
    assert (
        "docs/articles/scheduled.md:10:1: <!-- data:tabel ubm-social-healthcare presence -->: unknown placeholder"
        in (result.output)
    )


def test_what_is_held_back_is_said_with_its_day_and_its_surveys():
    from datetime import date

    from drafts import HeldPage, held_back_lines
    from survey_data.page_meta import ArticleMeta

    meta = ArticleMeta(title="T", summary="S", author="a", date=date(2027, 11, 20))
    text = "---\ntitle: T\nsummary: S\nauthor: a\ndate: 2027-11-20\n---\n"
    soon = ArticleMeta(title="T", summary="S", author="a", date=date(2026, 12, 2))
    lines = held_back_lines(
        [HeldPage("docs/articles/x.md", text, meta, ("poll", "shared")), HeldPage("docs/articles/y.md", "", soon, ())],
        {"shared"},
        date(2026, 12, 1),
    )
    assert lines == [
        "docs/articles/x.md:5:1: not published by this build: scheduled for 20 November 2027, 354 days from "
        "today: is the year right? If not, fix the date; the first build on or after that day publishes it, "
        "and survey 'poll' with it (no published page shows it)",
        "docs/articles/y.md: not published by this build: scheduled for 2 December 2026, 1 day from today; "
        "the first build on or after that day publishes it",
    ]
