"""Every page type passes the Nu HTML Checker (vnu.jar, from npm: package.json), with 0
errors: the real site, the fictional one (archive pages, several surveys, ids that are names in
JavaScript) and the hostile one (every data field a markup payload)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import FIXTURES, ROOT, build, make_site
from hostile import hostile_site

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(site) -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("the Nu HTML Checker needs Java and node_modules (make test installs both)")
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_the_real_site_has_no_html_error(project_build):
    pages = list(project_build.site.rglob("*.html"))
    assert {p.name for p in pages} >= {"index.html", "404.html"} and len(pages) >= 4
    assert nu_errors(project_build.site) == []


@pytest.mark.parametrize("which", ["fictional", "hostile"])
def test_other_sites_have_no_html_error(tmp_path, which):
    if which == "fictional":
        fiction = FIXTURES / "fictional-site"
        root = make_site(tmp_path, docs=fiction / "docs", data=fiction / "data")
    else:
        root = hostile_site(tmp_path)
    result = build(root)
    assert result.returncode == 0, result.output
    assert nu_errors(result.site) == []
