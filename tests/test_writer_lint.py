"""`make lint` for writers: the pages and the data files, with rules a writer can meet in
GitHub's web editor, and findings that reach the pull request's diff as annotations (the
workflow's problem matcher for markdownlint; yamllint's own GitHub format)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import yaml
from conftest import ROOT, make_site

from writer_html import TAGS

MATCHER = ROOT / ".github/matchers/markdownlint.json"


def jsonc(path):
    """A .jsonc file without its // comments (none of its strings holds //)."""
    return json.loads(re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.M))


def test_the_page_lint_allows_the_html_the_build_allows():
    allowed = set(jsonc(ROOT / "docs.markdownlint-cli2.jsonc")["config"]["MD033"]["allowed_elements"])
    assert allowed == TAGS - {"h1"}  # an article's title is its front matter's


def test_make_lint_covers_every_page_and_data_file():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "markdownlint-cli2 --config docs.markdownlint-cli2.jsonc" in makefile
    assert "docs/**/*.md" in jsonc(ROOT / "docs.markdownlint-cli2.jsonc")["globs"]
    assert "yamllint --strict ." in makefile
    ignored = yaml.safe_load((ROOT / ".yamllint.yml").read_text(encoding="utf-8"))["ignore"]
    assert "data" not in ignored


def test_a_page_lint_finding_becomes_an_annotation_on_its_line(tmp_path):
    root = make_site(tmp_path)
    page = root / "docs/articles/social-healthcare-how-do-you-stack-up.md"
    text = page.read_text(encoding="utf-8").replace("There’s no denying", "## Heading\nThere’s no denying", 1)
    page.write_text(text, encoding="utf-8")
    number = text.splitlines().index("## Heading") + 1
    found = subprocess.run(
        [str(ROOT / "node_modules/.bin/markdownlint-cli2"), "--config", str(ROOT / "docs.markdownlint-cli2.jsonc")],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert found.returncode == 1
    pattern = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"][0]["pattern"][0]
    matched = [m for m in map(re.compile(pattern["regexp"]).match, (found.stdout + found.stderr).splitlines()) if m]
    assert [(m[pattern["file"]], m[pattern["line"]], m[pattern["code"]]) for m in matched] == [
        ("docs/articles/social-healthcare-how-do-you-stack-up.md", str(number), "MD022/blanks-around-headings")
    ]
    workflow = (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    assert workflow.index("::add-matcher::.github/matchers/markdownlint.json") < workflow.index("run: make check")


def test_a_data_lint_finding_is_an_annotation_on_github(tmp_path):
    root = make_site(tmp_path)
    survey = root / "data/surveys/ubm-social-healthcare.yml"
    survey.write_text(survey.read_text(encoding="utf-8").replace("kind: single", "kind:   single", 1), encoding="utf-8")
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "Pull request checks"}
    found = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-c", str(ROOT / ".yamllint.yml"), "data/"],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
    )
    assert found.returncode == 1
    assert re.search(r"^::error file=data/surveys/ubm-social-healthcare\.yml,line=\d+,col=\d+::", found.stdout, re.M)
