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
    render_source_note,
    render_survey_benchmarks,
    render_takeaway,
    render_your_benchmark,
)
from survey_render.benchmark_table import benchmark_notes
from survey_render.disclosure import about_figures, chart_notes
from survey_render.share_card import CardBar, LeadChart
from survey_render.standing import none_standing, precision_note, prompt, single_standing

EXPECTED = FIXTURES.parent / "expected"


@pytest.fixture(scope="module")
def data():
    return load_dataset(FIXTURES / "fictional-site")


def pieces(data) -> dict[str, str]:
    survey = data.surveys["lunar-clinics"]
    return {
        "benchmark-multiple.html": render_benchmark("lunar-clinics", survey, survey.questions[0]),
        "benchmark-single-incomplete.html": render_benchmark("lunar-clinics", survey, survey.questions[1]),
        "benchmark-scale.html": render_benchmark("lunar-clinics", survey, survey.questions[2], level=3),
        "your-benchmark.html": render_your_benchmark("lunar-clinics", survey),
        "takeaway.html": render_takeaway(data.takeaways["keep-talking"]),
        "author-bio.html": render_author_bio("ada-testwriter", data.authors["ada-testwriter"]),
        "source-note.html": render_source_note("lunar-clinics", survey),
        "article-list.html": render_article_list(
            [
                ArticleLink(
                    "articles/b/",
                    "Dated <b>",
                    "Sum & more",
                    "Ada",
                    datetime.date(2099, 2, 1),
                    LeadChart("Lead", (CardBar("A", 0.000001), CardBar("B", 53.5), CardBar("C", 100))),
                ),
                ArticleLink("articles/a/", "Undated", "Plain", "Bo", None),
            ]
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "benchmark-multiple.html",
        "benchmark-single-incomplete.html",
        "benchmark-scale.html",
        "your-benchmark.html",
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


def test_benchmark_is_one_accessible_table_under_a_heading(data):
    survey = data.surveys["lunar-clinics"]
    outline = _Outline()
    outline.feed(render_benchmark("lunar-clinics", survey, survey.questions[0]))
    names = [t for t, _ in outline.tags]
    heading = next(a for t, a in outline.tags if t == "h2")
    table = next(a for t, a in outline.tags if t == "table")
    assert table["aria-labelledby"] == heading["id"]  # named by its heading: the title is not repeated
    assert "caption" not in names
    scopes = [a.get("scope") for t, a in outline.tags if t == "th"]
    assert scopes == ["col", "col"] + ["row"] * len(survey.questions[0].answers)
    # The bars only draw the figures the cells hold as text: hidden from assistive technology.
    bars = [a for t, a in outline.tags if t == "svg"]
    assert len(bars) == len(survey.questions[0].answers)
    assert all(a["aria-hidden"] == "true" for a in bars)
    assert "role" not in names and not any("role" in a for _, a in outline.tags if _ == "svg")


def test_a_scale_is_shown_from_its_highest_answer_down(data):
    survey = data.surveys["lunar-clinics"]
    scaled = survey.questions[2]
    outline = _Outline()
    outline.feed(render_benchmark("lunar-clinics", survey, scaled))
    rows = [a["id"].rsplit("--", 1)[1] for t, a in outline.tags if t == "tr" and "id" in a]
    assert rows == list(reversed(scaled.scale))
    answers = [a["data-answer"] for t, a in outline.tags if t == "tr" and "data-answer" in a]
    assert answers == list(reversed(scaled.scale))  # the rows are the choices


def test_standing_on_a_scale_gives_the_shares_above_and_below(data):
    # lunar-clinics "visits": never 10, monthly 25, weekly 40, daily 15 (90 in all)
    visits = data.surveys["lunar-clinics"].questions[2]
    by_id = {a.id: a for a in visits.answers}
    assert single_standing(visits, by_id["weekly"]) == ("You are with 40%; 15% answered higher and 35% lower.")
    assert single_standing(visits, by_id["daily"]) == (
        "You are with the 15% at the top of this scale; 75% answered lower."
    )
    assert single_standing(visits, by_id["never"]) == (
        "You are with the 10% at the bottom of this scale; 80% answered higher."
    )
    assert none_standing(visits) == "The source does not say how 10% answered; yours may be among them."
    # Short enough to take in at once, beside the chart.
    for answer in visits.answers:
        assert len(single_standing(visits, answer).split()) <= 20


def test_standing_without_a_scale_gives_no_ranking(data):
    satisfaction = data.surveys["lunar-clinics"].questions[1]
    text = single_standing(satisfaction, satisfaction.answers[0])
    assert text == "You are with the 40% who gave this answer."
    for word in ("common", "higher", "lower", "most"):
        assert word not in text


def test_prompts_name_whom_the_survey_asked(data):
    survey = data.surveys["lunar-clinics"]
    single, multiple = survey.questions[1], survey.questions[0]
    people = survey.model_copy(update={"answers_for": "you"})
    clinics = survey.model_copy(update={"answers_for": "your clinic"})
    assert prompt(people, single) == "Pick the answer that fits you to see where you stand."
    assert prompt(clinics, single) == "Pick the answer that fits your clinic to see where your clinic stands."
    assert prompt(clinics, multiple) == "Pick every answer that fits your clinic to compare."


def test_shares_around_an_answer_carry_no_float_noise(data):
    visits = data.surveys["lunar-clinics"].questions[2]
    tenths = visits.model_copy(
        update={
            "answers": [
                a.model_copy(update={"percent": p}) for a, p in zip(visits.answers, [0.2, 0.1, 0.1, 0.1], strict=True)
            ]
        }
    )
    never = next(a for a in tenths.answers if a.id == "never")
    assert tenths.around(never) == (0.4, 0)  # 0.2 + 0.1 + 0.1 is 0.4000000000000001 in floats
    assert "0.4% answered higher" in single_standing(tenths, never)


def test_ids_from_data_never_make_two_equal_html_ids(data):
    """Ids are joined with '--', which no id holds, and each part of a benchmark has its own
    prefix: ids chosen to collide ('q' and 'q-title', 'a-b' + 'c' and 'a' + 'b-c') stay apart."""
    survey = data.surveys["lunar-clinics"]
    base = survey.questions[1]
    questions = [
        base.model_copy(update={"id": qid, "answers": [a.model_copy(update={"id": aid}) for a in base.answers[:1]]})
        for qid, aid in [("q", "title"), ("q-title", "where"), ("q-where", "q"), ("b-c", "d"), ("b", "c-d")]
    ]
    html = render_survey_benchmarks("a", survey.model_copy(update={"questions": questions}))
    html += render_your_benchmark("a", survey) + render_your_benchmark("a-title", survey)
    outline = _Outline()
    outline.feed(html)
    ids = [a["id"] for _, a in outline.tags if "id" in a]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert len(ids) > 15


def test_precision_depends_on_what_the_source_reports(data):
    survey = data.surveys["lunar-clinics"]
    assert precision_note(survey) == "Based on 120 respondents: small differences between figures may not be real."
    unsized = survey.model_copy(update={"source": survey.source.model_copy(update={"sample_size": None})})
    assert precision_note(unsized) == "With no sample size given, small differences between figures may not be real."


def test_notes_say_what_the_figures_are(data):
    channels, satisfaction, _ = data.surveys["lunar-clinics"].questions
    survey = data.surveys["lunar-clinics"]
    assert "Several answers allowed: totals exceed 100%." in benchmark_notes(survey, channels)
    assert "Figures add up to 75%: the rest (25%) was not reported in the source." in benchmark_notes(
        survey, satisfaction
    )
    # The question's own base and size, then the survey's source and fieldwork: each from a field.
    assert benchmark_notes(survey, satisfaction) == [
        "Figures are percentages of clinic managers who message patients (fictional), as published.",
        "Figures add up to 75%: the rest (25%) was not reported in the source.",
        "Number of respondents: 96.",
        "Source: Tranquility Base Polling (fictional), fieldwork January 2099 (fictional).",
    ]


def test_each_chart_says_only_what_differs_from_the_survey(data):
    survey = data.surveys["lunar-clinics"]
    channels, satisfaction, visits = survey.questions
    assert chart_notes(survey, channels) == ["Several answers were allowed, so these figures add up to 120.5%."]
    assert chart_notes(survey, satisfaction) == [
        "Percentages of clinic managers who message patients (fictional).",
        "96 respondents to this question.",
        "These figures add up to 75%: the other 25% is not reported.",
    ]
    # What holds for the whole survey is said once, above its first chart.
    about = " ".join(about_figures(survey))
    assert "120 respondents" in about and "Where answers form a scale" in about
    for note in chart_notes(survey, visits):
        assert note not in about


def test_all_tables_of_a_survey(data):
    html = render_survey_benchmarks("lunar-clinics", data.surveys["lunar-clinics"])
    assert html.count('<table class="benchmark__table"') == len(data.surveys["lunar-clinics"].questions)


def test_every_value_from_data_is_escaped(data):
    author = data.authors["ada-testwriter"].model_copy(update={"name": '<script>alert(1)</script>"'})
    html = render_author_bio("x", author)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in html
    assert "fixtures &amp; &lt;markup&gt;." in html


@pytest.mark.parametrize(("value", "text"), [(53.0, "53%"), (7.5, "7.5%"), (0, "0%"), (100, "100%")])
def test_format_percent(value, text):
    assert format_percent(value) == text
