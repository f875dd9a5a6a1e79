"""The published content itself: every placeholder resolves, every question is shown,
no figure is typed into Markdown, and the committed JSON Schema is current."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

import shortcodes
from survey_data import load_dataset
from survey_data.schema import SCHEMAS, schema_text

MARKDOWN = sorted((ROOT / "docs").rglob("*.md"))
TYPED_FIGURE = re.compile(r"\b\d{1,3}(?:[.,]\d+)?\s*(?:%|per\s?cent\b)", re.IGNORECASE)


def test_every_placeholder_in_docs_resolves_and_every_question_is_shown():
    dataset = load_dataset(ROOT)
    ctx = shortcodes.Context(dataset)
    for page in MARKDOWN:
        _, problems = shortcodes.expand(page.read_text(encoding="utf-8"), page.name, 0, ctx)
        assert problems == [], page
    every_question = {(s, q.id) for s, survey in dataset.surveys.items() for q in survey.questions}
    assert ctx.shown == every_question


@pytest.mark.parametrize("page", MARKDOWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_percentage_is_typed_into_markdown(page):
    typed = TYPED_FIGURE.findall(page.read_text(encoding="utf-8"))
    assert typed == [], f"{page}: use <!-- data:figure ... --> instead of typing {typed}"


def test_the_figure_pattern_catches_typed_figures():
    assert TYPED_FIGURE.findall("53% said; 12.5 % did; 7 percent; 9 per cent") == [
        "53%",
        "12.5 %",
        "7 percent",
        "9 per cent",
    ]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_json_schema_is_current(name):
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), f"schema/{name} is stale: run `make schema`"
    assert json.loads(committed)["additionalProperties"] is False


def test_each_data_file_names_its_schema():
    files = {
        "data/authors.yml": "../schema/authors.schema.json",
        "data/takeaways.yml": "../schema/takeaways.schema.json",
    }
    files |= {
        p.relative_to(ROOT).as_posix(): "../../schema/survey.schema.json" for p in (ROOT / "data/surveys").glob("*.yml")
    }
    for path, schema in files.items():
        first = (ROOT / path).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={schema}", path
        assert (ROOT / path).parent.joinpath(schema).resolve().exists()
