"""The article built by Zensical 0.0.73 (Material's successor, which runs no hooks) holds the
same benchmark tables, figures, takeaway, source and author as the one MkDocs builds: the
placeholders run there as a Python-Markdown extension of the same code (hooks/survey_markdown.py),
and the generated files are written by the same step without MkDocs (hooks/generate_site.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from conftest import ROOT, build, make_site

ARTICLE = "articles/social-healthcare-how-do-you-stack-up/index.html"
SITE_URL = "http://127.0.0.1:8000/"


def zensical_build(root: Path) -> subprocess.CompletedProcess:
    """`make build ENGINE=zensical`, in a copy of the project."""
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "SITE_URL": SITE_URL}
    commands = [
        [sys.executable, "hooks/generate_site.py", "--check", "--strict", "-f", "zensical.yml"],
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", "zensical.yml"],
        [sys.executable, "hooks/generate_site.py", "--strict", "-f", "zensical.yml"],
    ]
    for command in commands:
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            return result
    return result


def main_content(page: str, start: re.Pattern[str]) -> str:
    """The page's own content: inside <article>, after its title block, with every href and
    src made absolute (the engines write relative ones from different places)."""
    article = page[page.index("<article") : page.index("</article>")]
    body = article[start.search(article).end() :]
    body = re.sub(r'(href|src)="(?!#|https?:)([^"]*)"', lambda m: f'{m[1]}="{absolute(m[2])}"', body)
    lines = [line.strip() for line in body.splitlines()]
    while lines and lines[-1] in {"", "</div>"}:
        lines.pop()
    return "\n".join(line for line in lines if line)


def absolute(href: str) -> str:
    return urljoin(SITE_URL + ARTICLE.removesuffix("index.html"), href)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    mkdocs_root = make_site(tmp_path_factory.mktemp("mkdocs"))
    result = build(mkdocs_root, site_url=SITE_URL)
    assert result.returncode == 0, result.output
    zensical_root = make_site(tmp_path_factory.mktemp("zensical"))
    shutil.copy(ROOT / "zensical.yml", zensical_root / "zensical.yml")
    made = zensical_build(zensical_root)
    assert made.returncode == 0, made.stdout + made.stderr
    return {"mkdocs": result.site, "zensical": zensical_root / "site"}


def test_the_article_holds_the_same_tables_figures_takeaway_source_and_author(sites):
    mkdocs = main_content(
        (sites["mkdocs"] / ARTICLE).read_text(encoding="utf-8"), re.compile(r'<div class="colophon">.*?</div>', re.S)
    )
    zensical = main_content(
        (sites["zensical"] / ARTICLE).read_text(encoding="utf-8"), re.compile(r"<h1>.*?</h1>", re.S)
    )
    # MkDocs's article says "About these figures" once, in its header (overrides/article.html);
    # Zensical has no such header, so it says it above the first table, as any other page does.
    notice = re.compile(r'^<div class="about-figures" role="note">\n(?:.*\n)*?</div>$', re.M)
    assert len(notice.findall(zensical)) == 1
    assert notice.sub("", zensical).replace("\n\n", "\n") == mkdocs
    for piece in (
        'class="benchmark__table"',
        'class="admonition takeaway"',
        'class="source-note"',
        'class="author-bio"',
    ):
        assert piece in mkdocs


def test_the_generated_files_are_the_same(sites):
    generated = ["feed.xml", "robots.txt", "cards", "data"]
    for name in generated:
        ours, theirs = sites["mkdocs"] / name, sites["zensical"] / name
        files = sorted(p.relative_to(ours) for p in ours.rglob("*") if p.is_file()) if ours.is_dir() else [Path()]
        assert files, name
        for file in files:
            assert (theirs / file).read_bytes() == (ours / file).read_bytes(), f"{name}/{file}"


def test_zensical_yml_lists_mkdocs_yml_extensions_and_the_placeholders():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    mkdocs = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    zensical = yaml.safe_load((ROOT / "zensical.yml").read_text(encoding="utf-8"))
    assert zensical["INHERIT"] == "mkdocs.yml"
    assert zensical["markdown_extensions"] == [*mkdocs["markdown_extensions"], {"survey_markdown": {"root": "."}}]


def test_a_mistake_in_a_placeholder_stops_the_zensical_build_with_its_file(tmp_path):
    root = make_site(tmp_path)
    shutil.copy(ROOT / "zensical.yml", root / "zensical.yml")
    page = root / "docs/articles/social-healthcare-how-do-you-stack-up.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "data:table ubm-social-healthcare uses", "data:table ubm-social-healthcare usse"
        ),
        encoding="utf-8",
    )
    line = page.read_text(encoding="utf-8").split("\n").index("<!-- data:table ubm-social-healthcare usse -->") + 1
    made = zensical_build(root)
    assert made.returncode != 0
    assert f"docs/articles/social-healthcare-how-do-you-stack-up.md:{line}:1: " in made.stderr
    assert "unknown question 'usse' in survey 'ubm-social-healthcare'; did you mean 'uses'?" in made.stderr


def test_a_survey_no_page_shows_fails_the_zensical_build_before_it_starts(tmp_path):
    root = make_site(tmp_path)
    shutil.copy(ROOT / "zensical.yml", root / "zensical.yml")
    survey = root / "data/surveys/ubm-social-healthcare.yml"
    (root / "data/surveys/copy.yml").write_text(survey.read_text(encoding="utf-8"), encoding="utf-8")
    made = zensical_build(root)
    assert made.returncode == 1
    assert "data/surveys/copy.yml: survey 'copy' is shown on no page" in made.stderr
    assert not (root / "site").exists()  # stopped before Zensical built anything
