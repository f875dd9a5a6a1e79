"""Rendering layer: each piece against committed expected HTML (a changed piece is a
reviewed diff). Regenerate after an intended change with: UPDATE_EXPECTED=1 make test"""

from __future__ import annotations

import datetime
import os
from html.parser import HTMLParser

import pytest
from conftest import FIXTURES

from survey_data import load_dataset
from survey_render import (
    ArticleLink,
    format_percent,
    render_article_list,
    render_author_bio,
    render_benchmark,
    render_chart,
    render_self_assessment,
    render_source_note,
    render_survey_benchmarks,
    render_takeaway,
)
from survey_render.pieces import benchmark_notes

EXPECTED = FIXTURES.parent / "expected"


@pytest.fixture(scope="module")
def data():
    return load_dataset(FIXTURES / "fictional-site")


def pieces(data) -> dict[str, str]:
    survey = data.surveys["lunar-clinics"]
    return {
        "benchmark-multiple.html": render_benchmark("lunar-clinics", survey, survey.questions[0]),
        "benchmark-single-incomplete.html": render_benchmark("lunar-clinics", survey, survey.questions[1]),
        "chart-lunar-clinics-channels.svg": render_chart("lunar-clinics", survey, survey.questions[0]),
        "chart-lunar-clinics-satisfaction.svg": render_chart("lunar-clinics", survey, survey.questions[1]),
        "self-assessment.html": render_self_assessment("lunar-clinics", survey),
        "takeaway.html": render_takeaway(data.takeaways["keep-talking"]),
        "author-bio.html": render_author_bio("ada-testwriter", data.authors["ada-testwriter"]),
        "source-note.html": render_source_note("lunar-clinics", survey),
        "article-list.html": render_article_list(
            [
                ArticleLink("articles/b/", "Dated <b>", "Sum & more", "Ada", datetime.date(2099, 2, 1)),
                ArticleLink("articles/a/", "Undated", "Plain", "Bo", None),
            ]
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "benchmark-multiple.html",
        "benchmark-single-incomplete.html",
        "chart-lunar-clinics-channels.svg",
        "chart-lunar-clinics-satisfaction.svg",
        "self-assessment.html",
        "takeaway.html",
        "author-bio.html",
        "source-note.html",
        "article-list.html",
    ],
)
def test_piece_matches_expected_html(data, name):
    html = pieces(data)[name] + "\n"
    path = EXPECTED / name
    if os.environ.get("UPDATE_EXPECTED"):
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


class _Outline(HTMLParser):
    """Collects tags and their attributes, to check structure with a real parser."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_table_is_accessible_html(data):
    survey = data.surveys["lunar-clinics"]
    outline = _Outline()
    outline.feed(render_benchmark("lunar-clinics", survey, survey.questions[0]))
    names = [t for t, _ in outline.tags]
    assert names.count("caption") == 1
    scopes = [a.get("scope") for t, a in outline.tags if t == "th"]
    assert scopes == ["col", "col", "row", "row", "row"]


def test_notes_say_what_the_figures_are(data):
    channels, satisfaction = data.surveys["lunar-clinics"].questions
    survey = data.surveys["lunar-clinics"]
    assert "Several answers allowed: totals exceed 100%." in benchmark_notes(survey, channels)
    assert "Figures add up to 75%: the rest (25%) was not reported in the source." in benchmark_notes(
        survey, satisfaction
    )
    assert benchmark_notes(survey, satisfaction)[-1] == (
        "Source: Tranquility Base Polling (fictional). Base: all respondents (n = 120)."
    )


def test_all_tables_of_a_survey(data):
    html = render_survey_benchmarks("lunar-clinics", data.surveys["lunar-clinics"])
    assert html.count('<table class="benchmark__table">') == 2


def test_every_value_from_data_is_escaped(data):
    author = data.authors["ada-testwriter"].model_copy(update={"name": '<script>alert(1)</script>"'})
    html = render_author_bio("x", author)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in html
    assert "fixtures &amp; &lt;markup&gt;." in html


@pytest.mark.parametrize(("value", "text"), [(53.0, "53%"), (7.5, "7.5%"), (0, "0%"), (100, "100%")])
def test_format_percent(value, text):
    assert format_percent(value) == text
