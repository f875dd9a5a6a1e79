"""`make lint` for writers: the pages and the data files, with rules a writer can meet in
GitHub's web editor, and findings that reach the pull request's diff as annotations (the
workflow's problem matcher for markdownlint; yamllint's own GitHub format)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

from conftest import ROOT, make_site

from writer_html import TAGS

MATCHER = ROOT / ".github/matchers/markdownlint.json"


def jsonc(path):
    """A .jsonc file without its // comments (none of its strings holds //)."""
    return json.loads(re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.M))


def test_the_page_lint_allows_the_html_the_build_allows():
    allowed = set(jsonc(ROOT / "docs.markdownlint-cli2.jsonc")["config"]["MD033"]["allowed_elements"])
    assert allowed == TAGS - {"h1"}  # an article's title is its front matter's


def lint_commands(github: bool = False) -> list[list[str]]:
    """The markdownlint and yamllint commands `make lint` runs, as make expands them (on GitHub
    Actions, or not)."""
    printed = subprocess.run(
        ["make", "-n", "--no-print-directory", "lint", f"GITHUB_ACTIONS={'true' if github else ''}"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lines = [line.split(" #", 1)[0].split() for line in printed.splitlines()]
    return [line for line in lines if line and line[0].endswith(("markdownlint-cli2", "yamllint"))]


def lint_copy(tmp_path):
    """A copy of the site with every configuration file `make lint` reads, as in the repository."""
    root = make_site(tmp_path)
    for config in ROOT.glob("*markdownlint*"):
        shutil.copy(config, root / config.name)
    shutil.copy(ROOT / ".yamllint.yml", root / ".yamllint.yml")
    for guide in ("README.md", "CONTRIBUTING.md"):
        shutil.copy(ROOT / guide, root / guide)
    return root


def run_make_lint(root, github: bool = False) -> str:
    """Each lint command of `make lint`, run in `root`: their output, all together."""
    out = ""
    for command in lint_commands(github):
        tool = str(ROOT / command[0]) if command[0].startswith("node_modules") else sys.executable
        args = command[1:] if command[0].startswith("node_modules") else ["-m", "yamllint", *command[1:]]
        found = subprocess.run([tool, *args], capture_output=True, text=True, cwd=root)
        out += found.stdout + found.stderr
    return out


def test_make_lint_finds_a_mistake_in_every_page_and_data_file(tmp_path):
    """Not only README and CONTRIBUTING: `make lint`'s own commands find a writer's slip in an
    article, the home page and a data file."""
    root = lint_copy(tmp_path)
    clean = run_make_lint(root)
    assert " error " not in clean and "warning" not in clean, clean
    article = root / "docs/articles/social-healthcare-how-do-you-stack-up.md"
    article.write_text(article.read_text(encoding="utf-8").replace("There’s no denying", "## A\nThere’s no denying", 1))
    home = root / "docs/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n\n\n")
    survey = root / "data/surveys/ubm-social-healthcare.yml"
    survey.write_text(survey.read_text(encoding="utf-8").replace("kind: single", "kind: single   ", 1))
    out = run_make_lint(root)
    assert "docs/articles/social-healthcare-how-do-you-stack-up.md:" in out and "MD022" in out
    assert "docs/index.md:" in out and "MD012" in out
    assert "ubm-social-healthcare.yml" in out and "trailing spaces" in out


def test_a_page_lint_finding_becomes_an_annotation_on_its_line(tmp_path):
    root = lint_copy(tmp_path)
    page = root / "docs/articles/social-healthcare-how-do-you-stack-up.md"
    text = page.read_text(encoding="utf-8").replace("There’s no denying", "## Heading\nThere’s no denying", 1)
    page.write_text(text, encoding="utf-8")
    number = text.splitlines().index("## Heading") + 1
    pattern = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"][0]["pattern"][0]
    matched = [m for m in map(re.compile(pattern["regexp"]).match, run_make_lint(root).splitlines()) if m]
    assert [(m[pattern["file"]], m[pattern["line"]], m[pattern["code"]]) for m in matched] == [
        ("docs/articles/social-healthcare-how-do-you-stack-up.md", str(number), "MD022/blanks-around-headings")
    ]
    workflow = (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    assert workflow.index("::add-matcher::.github/matchers/markdownlint.json") < workflow.index("run: make check")


def test_a_data_lint_finding_is_an_annotation_on_github_and_a_line_elsewhere(tmp_path):
    root = lint_copy(tmp_path)
    survey = root / "data/surveys/ubm-social-healthcare.yml"
    text = survey.read_text(encoding="utf-8").replace("kind: single", "kind:   single", 1)
    survey.write_text(text, encoding="utf-8")
    number = text.splitlines().index("    kind:   single") + 1
    annotated = run_make_lint(root, github=True)
    assert re.search(
        rf"^::error file=\.?/?data/surveys/ubm-social-healthcare\.yml,line={number},col=\d+", annotated, re.M
    )
    # In a terminal: file:line:col, as the build says its own problems, and an error, never a "warning".
    local = run_make_lint(root)
    assert re.search(rf"^\.?/?data/surveys/ubm-social-healthcare\.yml:{number}:\d+: \[error\] ", local, re.M), local
