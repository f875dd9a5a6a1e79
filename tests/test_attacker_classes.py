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
