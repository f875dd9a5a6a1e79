"""What a contributor who can only open pull requests might try, one test per class of attack
(issue 22): each class closed at its root, tried with several cases."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest
from conftest import build, make_site

from site_check import check_project

# ---- 1. Nothing outside the project --------------------------------------------------------------


def _linked(root: Path, name: str, to: str) -> None:
    """Make `name` (a folder of the project, perhaps missing) a link to `to`."""
    path = root / name
    if path.is_dir() and not path.is_symlink():
        shutil.move(path, root / f"{name}-moved")
    os.symlink(to, path)


@pytest.mark.parametrize(
    ("name", "to"),
    [
        ("docs", ".git"),  # would publish .git/config
        ("docs", "docs-elsewhere"),  # a link inside the project is a link all the same
        ("data", "/etc"),
        (".cache", "/tmp"),  # images would be written outside
        ("site", "/tmp/site-outside"),  # the engine cleans and writes its output folder
    ],
)
def test_no_folder_the_build_reads_or_writes_may_be_a_link(tmp_path, name, to):
    (tmp_path / "p").mkdir()
    root = make_site(tmp_path / "p")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[http] extraheader = AUTHORIZATION: basic SECRET\n")
    if to == "docs-elsewhere":
        shutil.copytree(root / "docs", root / "docs-elsewhere")
    _linked(root, name, to)
    result = build(root)
    assert result.returncode != 0
    assert f"{name}: a link (to {to})" in result.output, result.output
    published = [p for p in root.rglob("*") if p.is_file() and "site" in p.parts]
    assert not any("SECRET" in p.read_text(errors="replace") for p in published)
    # The same answer without the engine (the check that runs before Zensical).
    problems = check_project(root, datetime.date.today()).problems
    assert [p.file for p in problems] == [name]


# ---- 5. No crash: every YAML node type, every number in a placeholder, one checked path ----------

TAGS = [
    "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!binary",
    "!!seq", "!!map", "!!set", "!!omap", "!!pairs", "!!merge", "!!value", "!!yaml",
]  # fmt: skip
SHAPES = ["[1]", "{a: 1}", "abc", "12", "2026-11-20", "''"]


@pytest.mark.parametrize("tag", TAGS)
def test_any_tag_on_any_node_is_a_message_never_a_traceback(tag):
    from page_reading import read_page
    from survey_data.models import ArticleMeta, Survey
    from survey_data.validate import validate_file

    for shape in SHAPES:
        page = read_page("docs/articles/a.md", f"---\ntitle: {tag} {shape}\n---\n\n# x\n", {"a": None}, True)
        for problem in page.problems:
            assert problem.file == "docs/articles/a.md" and problem.line == 2, problem
        survey = f"title: {tag} {shape}\nsource:\n  publisher: P\nquestions: []\n"
        parsed, problems = validate_file("data/surveys/s.yml", survey, Survey)
        assert parsed is None and problems and all(p.line for p in problems), (shape, problems)
        # Deeper down: in a list, and as a key's value in a mapping.
        nested = f"title: T\nsource:\n  publisher: {tag} {shape}\nquestions:\n  - {tag} {shape}\n"
        assert validate_file("data/surveys/s.yml", nested, Survey)[1]
    assert ArticleMeta  # the front matter's own model is the one read_page checks against


@pytest.mark.parametrize("number", ["²", "1٣", "１", "9" * 5000, "-1", "0", "1e3", ""])
def test_a_placeholder_number_is_read_by_one_checked_path(number):
    from placeholder_kinds import _archive_shown, page_number

    assert page_number(number) is None or page_number(number) == 0
    assert _archive_shown((number,)) == (0, None) or number == "0"
