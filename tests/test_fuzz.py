"""Property-based fuzzing (Hypothesis). Whatever YAML or Markdown a pull request brings, the
loader and the placeholder parser return a result or the project's own Problem with a file
and a position, never another exception.

`make test` runs a fixed, derandomised number of examples; `make fuzz` runs many more."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import string
import xml.etree.ElementTree as ET

import pytest
import yaml
from conftest import FIXTURES
from htmlread import Text
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import shortcodes
from output_check import check_csv, check_html, check_png, check_xml
from placeholder_context import Context
from placeholder_kinds import KINDS
from survey_data import Problem, load_front_matter
from survey_data.load import load_dataset
from survey_data.models import AuthorsFile, Survey, TakeawaysFile
from survey_data.validate import validate_file
from survey_render import (
    FeedItem,
    PageFacts,
    data_package,
    render_feed,
    render_head,
    render_source_note,
    render_survey_benchmarks,
    render_your_benchmark,
    survey_csv,
)
from survey_render.article_page import share_card
from survey_render.benchmark_table import benchmark_notes
from survey_render.chart_image import chart_layout, chart_png, chart_svg
from survey_render.downloads import FORMULA_START
from survey_render.share_card import draw_card

settings.register_profile(
    "ci", max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fuzz", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FILE = "data/surveys/fuzz.yml"
DATASET = load_dataset(FIXTURES / "fictional-site")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["single", "multiple", "presence", "53%", "", " ", "~", "null", "<b>x</b>"]),
)
keys = st.one_of(
    st.sampled_from(["title", "source", "publisher", "questions", "id", "kind", "answers", "label", "percent"]),
    st.text(max_size=12),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=40,
)


def check(result: tuple, text: str) -> None:
    parsed, problems = result
    assert (parsed is None) == bool(problems)
    lines = len(text.splitlines()) + 1  # YAML also breaks lines at a lone \r (found by fuzzing)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == FILE
        assert problem.line is None or 1 <= problem.line <= lines + 1
        assert str(problem).startswith(FILE)


@given(documents)
def test_any_yaml_structure_gives_a_model_or_problems(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    for model in (Survey, AuthorsFile, TakeawaysFile):
        check(validate_file(FILE, text, model), text)


@given(st.text(max_size=300))
def test_any_text_gives_a_model_or_problems(text):
    check(validate_file(FILE, text, Survey), text)


yaml_noise = st.text(alphabet=string.printable + "äé日&*!|>-:#[]{}'\"\t", max_size=200)


@given(yaml_noise)
def test_yaml_like_noise_gives_a_model_or_problems(text):
    check(validate_file(FILE, text, Survey), text)


@settings(max_examples=50)
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["[", "{a: ", "- "]))
def test_deep_nesting_gives_a_problem(depth, opener):
    text = opener * depth
    parsed, problems = validate_file(FILE, text, Survey)
    assert parsed is None and problems


SURVEY = (FIXTURES / "fictional-site" / "data/surveys/lunar-clinics.yml").read_text(encoding="utf-8")


@given(st.integers(min_value=0, max_value=len(SURVEY)), st.text(max_size=20), st.integers(0, 20))
def test_a_valid_survey_with_a_random_edit_gives_a_model_or_problems(position, insert, delete):
    text = SURVEY[:position] + insert + SURVEY[position + delete :]
    check(validate_file(FILE, text, Survey), text)


@given(st.text(max_size=300))
def test_any_front_matter_gives_meta_or_problems(text):
    meta, problems = load_front_matter("docs/articles/a.md", "---\n" + text + "\n---\n", {"ada-testwriter"})
    assert (meta is None) == bool(problems)


placeholder_words = st.sampled_from(
    [*KINDS, "tabel", "", "lunar-clinics", "channels", "radio", "satisfaction", "keep-talking", "x"]
)
placeholders = st.lists(placeholder_words, max_size=4).map(lambda w: "<!-- data:" + " ".join(w) + " -->")
markdown = st.lists(
    st.one_of(st.text(max_size=30), placeholders, st.sampled_from(["\n", "\n\n", "```\n", "<!-- data:", "-->"])),
    max_size=12,
).map("".join)


@given(markdown, st.integers(min_value=0, max_value=50))
def test_any_markdown_expands_or_gives_problems(text, offset):
    ctx = Context(DATASET)
    expanded, problems = shortcodes.expand(text, "docs/p.md", offset, ctx)
    assert isinstance(expanded, str)
    lines = text.count("\n") + 1
    for problem in problems:
        assert problem.file == "docs/p.md"
        assert offset + 1 <= problem.line <= offset + lines
        assert problem.column >= 1


# ---- every text the schema accepts gives outputs that parse ----------------------------------

# Any character at all (surrogates and controls included, which the schema refuses), with the
# ones that break outputs drawn often.
nasty = st.sampled_from(list("<>&\"'`=+-@\t\n\r\x00\x01\x0b\x1b\x7f\x85\x9f\u2028\u2029\u202e\u2066\ufeff\ufffe\uffff"))
any_text = st.text(alphabet=st.one_of(st.characters(exclude_categories=[]), nasty), min_size=1, max_size=30)


def with_texts(label: str, title: str, publisher: str) -> Survey | None:
    data = yaml.safe_load(SURVEY)  # a fresh copy
    data["questions"][0]["answers"][0]["label"] = label
    data["questions"][1]["title"] = title
    data["source"]["publisher"] = publisher
    try:
        return Survey.model_validate(data)
    except ValidationError:
        return None


@pytest.mark.slow  # draws a chart and a card for each example: half a minute
@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(any_text, any_text, any_text)
def test_any_text_the_schema_accepts_gives_outputs_that_parse(label, title, publisher):
    survey = with_texts(label, title, publisher)
    assume(survey is not None)
    html = render_survey_benchmarks("s", survey) + render_your_benchmark("s", survey) + render_source_note("s", survey)
    assert check_html(html) == []
    assert " ".join(survey.questions[0].answers[0].label.split()) in Text(html).text  # shown, as text
    facts = PageFacts(
        "Site", title.strip(), survey.questions[0].answers[0].label, "https://e.org/a/", "https://e.org/f"
    )
    head = render_head(dataclasses.replace(facts, is_article=True, author=publisher.strip()))
    assert check_html(head) == []
    feed = render_feed(
        "Site",
        "https://e.org/",
        "d",
        "en",
        "https://e.org/f",
        [FeedItem(title.strip(), "https://e.org/a/", survey.questions[0].answers[0].label, publisher.strip(), None)],
    )
    assert check_xml(feed) == []
    assert ET.fromstring(feed).findtext("channel/item/title") == title.strip()
    table = survey_csv("s", survey)
    assert check_csv(table) == []
    label = survey.questions[0].answers[0].label
    guarded = "'" + label if label.startswith(FORMULA_START) else label  # the spreadsheet-formula guard
    assert next(csv.DictReader(io.StringIO(table)))["answer"] == guarded
    package = json.loads(data_package("s", survey))
    assert package["title"] == survey.title
    assert [r["path"] for r in package["resources"]][1:] == [f"questions/{q.id}.csv" for q in survey.questions]
    # The standalone chart and the share card: valid SVG (the label as its text) and PNG.
    question = survey.questions[0]
    drawing = chart_layout(survey, question, benchmark_notes(survey, question), "credit")
    svg = chart_svg(drawing)
    assert check_xml(svg) == []
    assert ET.fromstring(svg).findtext("{http://www.w3.org/2000/svg}title") == question.title
    assert check_png(chart_png(drawing)) == []
    card = share_card("Site", title.strip() or "t", label, (survey, question))
    assert check_png(draw_card(card)) == []
