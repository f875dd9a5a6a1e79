"""On GitHub Actions every problem is also a workflow command, so that it shows on the line of
the pull request's diff; nothing in a file can break a command's line or forge another."""

from __future__ import annotations

import pytest
from conftest import ROOT, build, make_site

from github_annotations import annotation

S = "data/surveys/ubm-social-healthcare.yml"
ARTICLE = "docs/articles/social-healthcare-how-do-you-stack-up.md"


def line(path: str, needle: str) -> int:
    return next(i for i, t in enumerate((ROOT / path).read_text(encoding="utf-8").splitlines(), 1) if needle in t)


def commands(output: str) -> list[str]:
    return [text for text in output.splitlines() if text.startswith("::")]


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_data_error_is_annotated_on_its_line(tmp_path, engine):
    root = make_site(tmp_path)
    survey = root / S
    text = survey.read_text(encoding="utf-8").replace("percent: 53", "percent: 153")
    survey.write_text(text.replace("title: UBM", '"bad\\nkey": 1\ntitle: UBM', 1), encoding="utf-8")
    result = build(root, extra_env={"GITHUB_ACTIONS": "true"}, engine=engine)
    assert result.returncode == 1
    percent = line(S, "percent: 53") + 1  # one line was added above it
    title = line(S, "title: UBM")
    assert commands(result.output) == [
        f"::error file={S},line={percent},col=18,title=questions[0].answers[0].percent::questions[0].answers[0]."
        "percent: a percent must be between 0 and 100; got 153",
        # The key's line break is written as \n: the command stays on one line.
        f"::error file={S},line={title},col=1,title=bad\\nkey::bad\\nkey: unknown key 'bad\\nkey'; valid: "
        "'answers_for', 'questions', 'source', 'title' (remove it or fix its spelling)",
    ]


def test_a_page_error_is_annotated_on_its_line(tmp_path):
    root = make_site(tmp_path)
    page = root / ARTICLE
    page.write_text(page.read_text(encoding="utf-8").replace("data:table ubm", "data:tabel ubm", 1), encoding="utf-8")
    result = build(root, extra_env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    number = line(ARTICLE, "data:table ubm-social-healthcare presence")
    assert commands(result.output) == [
        f"::error file={ARTICLE},line={number},col=1,title=mkdocs build::<!-- data:tabel ubm-social-healthcare "
        "presence -->: unknown placeholder 'tabel'; did you mean 'table'?"
    ]


def test_no_commands_off_github(tmp_path):
    root = make_site(tmp_path)
    (root / S).write_text((root / S).read_text(encoding="utf-8").replace("percent: 53", "percent: 153"))
    result = build(root, extra_env={"GITHUB_ACTIONS": ""})
    assert result.returncode == 1 and commands(result.output) == []


def test_values_cannot_forge_a_command():
    forged = annotation("error", "data/x.yml:3:1: label: 50%0A::error::forged, a:b")
    assert forged == "::error file=data/x.yml,line=3,col=1,title=label::label: 50%250A::error::forged, a:b"
    assert annotation("warning", "Doc file 'x.md' links to 'y.md'") == (
        "::warning file=docs/x.md,title=mkdocs build::Doc file 'x.md' links to 'y.md'"
    )
    assert annotation("error", "weird,file:name.md:1: x") == "::error title=mkdocs build::weird,file:name.md:1: x"
