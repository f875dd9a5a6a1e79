"""A second, fictional site (tests/fixtures/fictional-site) built with the project's own
mkdocs.yml and hooks/: a new article plus a new survey file need no Python change."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, ROOT, build, make_site
from htmlread import BenchmarkRows, Text

FICTION = FIXTURES / "fictional-site"


@pytest.fixture(scope="module")
def fiction(tmp_path_factory):
    result = build(make_site(tmp_path_factory.mktemp("fiction"), docs=FICTION / "docs", data=FICTION / "data"))
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    return result


def test_every_figure_of_the_new_survey_is_shown(fiction):
    rows = BenchmarkRows(fiction.page("articles/lunar-messaging/index.html")).rows
    assert rows == {
        "benchmark--lunar-clinics--channels--radio": ("Short-wave radio", "62%"),
        "benchmark--lunar-clinics--channels--pigeons": ("Carrier pigeons Low-gravity breeds only", "7.5%"),
        "benchmark--lunar-clinics--channels--apps": ("Apps", "48%"),
        "benchmark--lunar-clinics--channels--constructor": ("Relayed by construction crews", "3%"),
        "benchmark--lunar-clinics--satisfaction--happy": ("Satisfied", "40%"),
        "benchmark--lunar-clinics--satisfaction--unhappy": ("Not satisfied", "35%"),
        # a scale, from its highest answer down
        "benchmark--lunar-clinics--visits--daily": ("Daily", "15%"),
        "benchmark--lunar-clinics--visits--weekly": ("Weekly", "40%"),
        "benchmark--lunar-clinics--visits--monthly": ("Monthly", "25%"),
        "benchmark--lunar-clinics--visits--never": ("Never", "10%"),
    }
    visits = [row.rsplit("--", 1)[1] for row in rows if "--visits--" in row]
    assert visits == ["daily", "weekly", "monthly", "never"]  # in page order


def test_inline_figure_takeaway_source_and_escaped_bio(fiction):
    html = fiction.page("articles/lunar-messaging/index.html")
    text = Text(html).text
    assert "Radio still leads (62%), while pigeons lag." in text
    assert "Clinic Takeaway Keep talking First fictional paragraph. Second fictional paragraph." in text
    assert "Question: “Which channels does your clinic use to message patients?”" in text
    assert "Number of respondents 120" in text
    assert "fixtures &amp; &lt;markup&gt;." in html


def test_home_lists_the_new_article_with_its_date(fiction):
    text = Text(fiction.page("index.html")).text
    assert (
        "How Lunar Clinics Message Patients By Ada Testwriter · 1 February 2024 A fictional article for tests." in text
    )


def test_the_code_names_no_article_survey_or_author():
    """The hooks are generic: nothing in them is specific to the published content."""
    for path in (ROOT / "hooks").rglob("*"):
        if path.is_file() and path.suffix in {".py", ".html"}:
            code = path.read_text(encoding="utf-8").lower()
            for name in ("ubm", "lovitt", "social-healthcare", "lunar"):
                # As a word: "submit" is no mention of UBM.
                assert not re.search(rf"\b{name}\b", code), f"{path} names {name!r}"


def test_the_site_code_comes_with_the_hooks_not_the_content(fiction):
    """CSS and script are theme files (overrides/), so a new site gets them without copying."""
    assert (fiction.site / "assets/stylesheets/site.css").is_file()
    assert (fiction.site / "assets/javascripts/where-are-you.js").is_file()
    html = fiction.page("articles/lunar-messaging/index.html")
    assert 'href="../../assets/stylesheets/site.css"' in html
    assert 'src="../../assets/javascripts/where-are-you.js"' in html


def test_new_article_gets_its_card_and_article_layout(fiction):
    """No Python change: the new article has its header, its share card and a 404 entry."""
    html = fiction.page("articles/lunar-messaging/index.html")
    assert '<div class="article" id="main-content">' in html and 'class="article-header__byline"' in html
    card = fiction.site / "cards/articles/lunar-messaging.png"
    assert card.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert 'content="summary_large_image"' in html
    assert 'href="/articles/lunar-messaging/"' in fiction.page("404.html")
