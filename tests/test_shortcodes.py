"""Placeholder syntax: expansion and every way a writer can get one wrong."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

import shortcodes
from placeholder_context import Context
from placeholder_kinds import KINDS
from survey_data import load_dataset
from survey_render import ArticleLink

PAGE = "docs/articles/p.md"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURES / "fictional-site")


def expand(markdown: str, dataset, offset: int = 0):
    ctx = Context(dataset, article_links=lambda: [ArticleLink("a/", "A", "S", "W", None)])
    text, problems = shortcodes.expand(markdown, PAGE, offset, ctx)
    return text, [str(p) for p in problems], ctx


def test_inline_figure(dataset):
    text, problems, _ = expand("Radio (<!-- data:figure lunar-clinics channels radio -->) leads.\n", dataset)
    assert problems == []
    assert text == "Radio (62%) leads.\n"


def test_decimal_figure(dataset):
    text, _, _ = expand("<!--data:figure lunar-clinics channels pigeons-->", dataset)
    assert text == "7.5%"


def test_block_placeholder_is_replaced_by_html_and_records_what_it_shows(dataset):
    text, problems, ctx = expand("Intro\n\n<!-- data:table lunar-clinics channels -->\n\nAfter\n", dataset)
    assert problems == []
    assert "data:" not in text
    assert (
        '<div class="benchmark benchmark--multiple" id="benchmark--lunar-clinics--channels" data-survey="lunar-clinics"'
        in text
    )
    assert ctx.shown == {("lunar-clinics", "channels")}


def test_tables_shows_every_question(dataset):
    text, _, ctx = expand("<!-- data:tables lunar-clinics -->\n", dataset)
    assert text.count('<div class="benchmark') == 3
    assert ctx.shown == {("lunar-clinics", "channels"), ("lunar-clinics", "satisfaction"), ("lunar-clinics", "visits")}


@pytest.mark.parametrize(
    ("markdown", "level"),
    [
        ("Intro\n\n", 2),  # under the article's title (the H1)
        ("## Findings\n\n", 3),
        ("# Part\n\n### Deep\n\n", 4),
        ("###### Deepest\n\n", 6),  # no h7: stays at 6
        ("## Findings\n\n```markdown\n#### in code\n```\n\n", 3),  # a heading shown in code does not count
        ("Findings\n--------\n\n", 3),  # underlined headings too
        ("Part\n====\n\nText\n\n", 2),
        ("## Findings\n\n<!-- a writer's note -->\n\n", 3),  # a comment of the writer's own is no trouble
    ],
)
def test_generated_headings_nest_under_the_writers_heading(dataset, markdown, level):
    text, problems, _ = expand(markdown + "<!-- data:table lunar-clinics channels -->\n", dataset)
    assert problems == []
    assert f'<h{level} class="benchmark__title"' in text
    assert f"</h{level}>" in text


def test_placeholders_inside_fenced_code_are_left_as_written(dataset):
    markdown = "```markdown\n<!-- data:nonsense here -->\n```\n"
    assert expand(markdown, dataset)[:2] == (markdown, [])


@pytest.mark.parametrize(
    "markdown",
    [
        "Write `<!-- data:figure lunar-clinics channels radio -->` in a sentence.\n",
        "``<!-- data:table lunar-clinics channels -->``\n",
    ],
)
def test_placeholders_inside_inline_code_are_left_as_written(dataset, markdown):
    assert expand(markdown, dataset)[:2] == (markdown, [])


def test_a_placeholder_beside_inline_code_is_still_expanded(dataset):
    text, problems, _ = expand("`code` and <!-- data:figure lunar-clinics channels radio --> `more`\n", dataset)
    assert problems == [] and "data:" not in text and "`code`" in text


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "<!-- data:tabel lunar-clinics channels -->",
            "docs/articles/p.md:13:1: <!-- data:tabel lunar-clinics channels -->: "
            "unknown placeholder 'tabel'; did you mean 'table'?",
        ),
        (
            "<!-- data:table lunar-clinic channels -->",
            "docs/articles/p.md:13:1: <!-- data:table lunar-clinic channels -->: "
            "unknown survey 'lunar-clinic'; did you mean 'lunar-clinics'? (see data/surveys/)",
        ),
        (
            "<!-- data:table lunar-clinics chanels -->",
            "docs/articles/p.md:13:1: <!-- data:table lunar-clinics chanels -->: "
            "unknown question 'chanels' in survey 'lunar-clinics'; did you mean 'channels'?",
        ),
        (
            "Some (<!-- data:figure lunar-clinics channels radios -->) text",
            "docs/articles/p.md:13:7: <!-- data:figure lunar-clinics channels radios -->: "
            "unknown answer 'radios' in question 'channels'; did you mean 'radio'?",
        ),
        (
            "<!-- data:table lunar-clinics -->",
            "docs/articles/p.md:13:1: <!-- data:table lunar-clinics -->: "
            "'table' takes 2 arguments, got 1; write it as <!-- data:table SURVEY QUESTION -->",
        ),
        (
            "<!-- data:articles now -->",
            "docs/articles/p.md:13:1: <!-- data:articles now -->: "
            "'articles' takes 0 arguments, got 1; write it as <!-- data:articles -->",
        ),
        (
            "<!-- data:takeaway keep-talkin -->",
            "docs/articles/p.md:13:1: <!-- data:takeaway keep-talkin -->: "
            "unknown takeaway 'keep-talkin'; did you mean 'keep-talking'?",
        ),
        (
            "<!-- data:author nobody -->",
            "docs/articles/p.md:13:1: <!-- data:author nobody -->: unknown author 'nobody'; valid: 'ada-testwriter'",
        ),
        (
            "See <!-- data:table lunar-clinics channels --> here",
            "docs/articles/p.md:13:5: <!-- data:table lunar-clinics channels -->: "
            "'table' makes a block: put it on a line of its own, with a blank line before and after",
        ),
        (
            "<!-- data:table lunar-clinics channels",
            "docs/articles/p.md:13:1: placeholder is not closed: end it with '-->' on the same line",
        ),
    ],
    ids=[
        "unknown-kind",
        "unknown-survey",
        "unknown-question",
        "unknown-answer",
        "missing-argument",
        "extra-argument",
        "unknown-takeaway",
        "unknown-author",
        "block-inside-sentence",
        "not-closed",
    ],
)
def test_placeholder_mistakes_name_page_line_and_nearest_name(dataset, markdown, expected):
    # Two lines of prose above, ten lines of front matter: line 13 of the file.
    text, problems, _ = expand("Prose\n\n" + markdown + "\n", dataset, offset=10)
    assert problems == [expected]
    assert "data:" not in text or "not closed" in expected  # nothing resolved leaks as HTML


def test_every_problem_on_a_page_is_reported(dataset):
    _, problems, _ = expand("<!-- data:x -->\n\n<!-- data:table nope q -->\n", dataset)
    assert len(problems) == 2


def test_empty_placeholder_lists_the_kinds(dataset):
    _, problems, _ = expand("<!-- data: -->\n", dataset)
    assert problems[0].startswith("docs/articles/p.md:1:1: <!-- data: -->: empty placeholder; write one of: ")
    for name in KINDS:
        assert f"<!-- data:{name}" in problems[0]
