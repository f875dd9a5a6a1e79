"""What a contributor who can only open pull requests might try, one test per class of attack
(issue 22): each class closed at its root, tried with several cases."""

from __future__ import annotations

import datetime
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import build, make_site

from output_check import check_html
from site_check import check_project
from typed_figures import typed_figures

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


# ---- 4. Every scan linear; the output has a budget ------------------------------------------------

MIB = 1024 * 1024


def _scan_seconds(scan, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - start)
    return best


def _adversarial(unit: str, size: int) -> str:
    return unit * (size // len(unit))


SCANS = {
    # The typed-figure check: figures on one long line, inside an unclosed tag, in addresses.
    "figures in a tag left open": (lambda t: typed_figures("p.md", t), "<b " + "53% x "),
    "figures after a lone <": (lambda t: typed_figures("p.md", t), "(< x) 1 "),
    "figures in a link's address": (lambda t: typed_figures("p.md", t), "[a](53% "),
    "code spans": (lambda t: typed_figures("p.md", t), "`a` `` 53% "),
    "comments left open": (lambda t: typed_figures("p.md", t), "<!-- 53% "),
    # The output check: '<script ' inside an attribute, ids, comments, raw-text elements.
    "scripts in an attribute": (check_html, '<div title="' + "<script "),
    "ids in a tag": (check_html, "<p id=a "),
    "comments in output": (check_html, "<!-- "),
    "templates": (check_html, "<template>"),
    # Placeholders and the Markdown scanner.
    "placeholders left open": (lambda t: typed_figures("p.md", t), "<!-- data:table a b "),
}


@pytest.mark.parametrize("name", SCANS)
def test_every_scan_over_page_or_output_text_is_linear(name):
    """1 MiB of the worst text we know for each scan takes about eight times as long as 128
    KiB: linear. (A quadratic scan takes sixty-four times as long, and minutes at 1 MiB.)"""
    scan, unit = SCANS[name]
    small = _scan_seconds(scan, _adversarial(unit, MIB // 8))
    large = _scan_seconds(scan, _adversarial(unit, MIB))
    assert large < max(20 * small, 0.05), (name, small, large)


def test_a_survey_shown_on_too_many_pages_stops_the_build_early(tmp_path):
    root = make_site(tmp_path)
    labels = "\n".join(f"      - id: a{a}\n        label: {'L' * 370} {a}\n        percent: 1" for a in range(40))
    questions = "".join(
        f"  - id: q{q}\n    title: Q{q}\n    kind: multiple\n    answers:\n{labels}\n" for q in range(60)
    )
    (root / "data/surveys/big.yml").write_text(
        "# yaml-language-server: $schema=../../schema/survey.schema.json\n"
        f"title: Big\nsource:\n  publisher: P\nquestions:\n{questions}",
        encoding="utf-8",
    )
    for i in range(60):
        (root / f"docs/articles/big-{i:02}.md").write_text(
            f"---\ntitle: Big {i}\nsummary: S\nauthor: rob-lovitt\n---\n\nText.\n\n<!-- data:tables big -->\n"
        )
    result = build(root)
    assert result.returncode != 0
    assert "data/surveys/big.yml: the pages made so far add up to more than 100 MB" in result.output
    assert "survey 'big' is shown on" in result.output and "docs/articles/big-00.md" in result.output
    # Stopped before a page was written.
    assert not list(result.site.glob("articles/big-*/index.html"))
