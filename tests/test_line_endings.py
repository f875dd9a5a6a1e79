"""Windows line endings and a byte-order mark: the build, the linters and the tests agree
that a file saved so is fine (and .gitattributes stores text with plain line endings)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, build, make_site

FILES = ["data/surveys/ubm-social-healthcare.yml", "docs/articles/social-healthcare-how-do-you-stack-up.md"]


def test_crlf_and_bom_build_and_lint(tmp_path):
    root = make_site(tmp_path)
    for name in FILES:
        path = root / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = build(root)
    assert result.returncode == 0, result.output
    assert "53%" in result.page("articles/social-healthcare-how-do-you-stack-up/index.html")
    yaml_lint = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-c", str(ROOT / ".yamllint.yml"), str(root / FILES[0])],
        capture_output=True,
        text=True,
    )
    assert yaml_lint.returncode == 0, yaml_lint.stdout
    markdown_lint = subprocess.run(
        [
            str(ROOT / "node_modules/.bin/markdownlint-cli2"),
            "--config",
            "docs.markdownlint-cli2.jsonc",
            str(root / FILES[1]),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert markdown_lint.returncode == 0, markdown_lint.stdout + markdown_lint.stderr


def test_git_stores_text_with_plain_line_endings():
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    assert "* text=auto eol=lf" in attributes.splitlines()
