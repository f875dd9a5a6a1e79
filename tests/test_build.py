"""The real site, built by the real `mkdocs build --strict`: every figure from data/ is on
the page in a table, nothing leaks, and every kind of mistake stops the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from htmlread import BenchmarkRows, Text

from survey_data import load_dataset
from survey_render import format_percent

ARTICLE = "articles/social-healthcare-how-do-you-stack-up/index.html"
ARTICLE_MD = "docs/articles/social-healthcare-how-do-you-stack-up.md"
SURVEY_YML = "data/surveys/ubm-social-healthcare.yml"


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_build_is_strict_and_quiet(project_build):
    assert "WARNING" not in project_build.output
    assert "ERROR" not in project_build.output


def test_every_figure_of_the_data_is_in_a_table_on_the_article(project_build):
    rows = BenchmarkRows(project_build.page(ARTICLE)).rows
    dataset = load_dataset(ROOT)
    expected = 0
    for survey_id, survey in dataset.surveys.items():
        for question in survey.questions:
            for answer in question.answers:
                row_id = f"benchmark--{survey_id}--{question.id}--{answer.id}"
                label, percent = rows[row_id]
                assert label.startswith(answer.label)
                assert percent == format_percent(answer.percent)
                expected += 1
    assert len(rows) == expected == 15  # the article's four lists: 2 + 3 + 6 + 4 answers


def test_the_article_figures_are_those_of_the_source(project_build):
    # The seed article's numbers, list by list, read back from the built page. The three
    # scales (data/: presence, effectiveness, investment) are shown from their highest answer
    # down; the uses keep the source's order.
    rows = BenchmarkRows(project_build.page(ARTICLE)).rows
    by_question: dict[str, list[str]] = {}
    for row_id, (_, percent) in rows.items():
        question = row_id.removeprefix("benchmark--ubm-social-healthcare--").split("--")[0]
        by_question.setdefault(question, []).append(percent.rstrip("%"))
    assert by_question == {
        "presence": ["47", "53"],
        "effectiveness": ["17", "51", "18"],
        "uses": ["69", "57", "46", "23", "19", "12"],
        "investment": ["15", "45", "38", "2"],
    }


def test_tables_say_what_the_figures_are(project_build):
    text = Text(project_build.page(ARTICLE)).text
    # Under each chart, only what differs for it; what holds for the survey, once, above them.
    assert "Several answers were allowed, so these figures add up to 226%." in text
    assert "These figures add up to 86%: the other 14% is not reported." in text
    assert text.count("the exact questions asked") == 1
    headings = BenchmarkRows(project_build.page(ARTICLE)).headings
    assert headings == [
        "Social media presence",
        "Perceived effectiveness of social media efforts",
        "How organisations use social media",
        "Plans for investment in social media",
    ]


def test_takeaway_quote_source_and_bio(project_build):
    html = project_build.page(ARTICLE)
    text = Text(html).text
    assert re.search(
        r'<div class="admonition takeaway" id="takeaway-get-social">\s*<h2 class="admonition-title takeaway__label">'
        r"Doctor Takeaway</h2>",
        html,
    )
    assert "The choice is clear: Get social or get left behind" in text
    assert "they’re also more likely to be there at the end." in text
    assert re.search(r'<figure class="pull-quote">\s*<blockquote>\s*<p>Healthcare is at the beginning', html)
    assert "<figcaption>Jeremy Solly, manager of social media, Cambia Health Solutions</figcaption>" in html
    assert "About Rob Lovitt" in text and "Rob Lovitt is a longtime writer and editor" in text
    missing = text.split("Not reported in the source: ", 1)[1].split(".")[0].split(", ")
    for item in ("number of respondents", "fieldwork dates", "question wording"):
        assert item in missing
    assert "Conducted by UBM Tech" in text


def test_all_prose_of_the_seed_is_kept(project_build):
    text = Text(project_build.page(ARTICLE)).text
    seed = ROOT.parent / "shared/seed/social-healthcare-how-do-you-stack-up.txt"
    if not seed.exists():
        pytest.skip("shared/seed not beside this checkout")
    paragraphs = [p.strip() for p in seed.read_text(encoding="utf-8").split("\n\n")]
    prose = [p for p in paragraphs if len(p) > 80 and "•" not in p and "%" not in p]
    assert len(prose) >= 6
    for paragraph in prose:
        assert " ".join(paragraph.split()) in text


def test_home_page_lists_the_article(project_build):
    html = project_build.page("index.html")
    assert (
        '<a href="articles/social-healthcare-how-do-you-stack-up/">Social Healthcare: How Do You Stack Up?</a>' in html
    )
    assert "By Rob Lovitt" in Text(html).text


def test_no_placeholder_token_or_third_party_font_survives(project_build):
    pages = built_pages(project_build.site)
    assert len(pages) >= 3
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<!--\s*data:", html), page  # no placeholder
        assert "<!--survey-" not in html, page  # no token of a generated block left behind
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


# Mistakes that stop the build: tests/test_error_catalogue.py, each through a real build.
