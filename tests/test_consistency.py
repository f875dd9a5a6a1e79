"""The published content itself: every placeholder resolves, every question is shown,
no figure is typed into Markdown, and the committed JSON Schema is current."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

import shortcodes
from placeholder_context import Context
from survey_data import load_dataset
from survey_data.schema import SCHEMAS, schema_text
from typed_figures import typed_figures

MARKDOWN = sorted((ROOT / "docs").rglob("*.md"))


def test_every_placeholder_in_docs_resolves_and_every_question_is_shown():
    dataset = load_dataset(ROOT)
    ctx = Context(dataset)
    for page in MARKDOWN:
        _, problems = shortcodes.expand(page.read_text(encoding="utf-8"), page.name, 0, ctx)
        assert problems == [], page
    every_question = {(s, q.id) for s, survey in dataset.surveys.items() for q in survey.questions}
    assert ctx.shown == every_question


def test_the_figure_pattern_catches_typed_figures():
    text = "53% said; 12.5 % did; 7 percent; 9 per cent; 50&#37; and 5&nbsp;percent"
    found = typed_figures("p.md", text)
    assert [p.where for p in found] == ["'53%'", "'12.5 %'", "'7 percent'", "'9 per cent'"]
    assert [p.column for p in found] == [text.index(f) + 1 for f in ("53%", "12.5 %", "7 percent", "9 per cent")]
    code = "`53%` in code\n\n```\n12%\n```\n<!-- 40% in a comment -->\n"
    assert typed_figures("p.md", code) == []


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_json_schema_is_current(name):
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), f"schema/{name} is stale: run `make schema`"
    assert json.loads(committed)["additionalProperties"] is False
