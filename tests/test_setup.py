"""`make test` does its own set-up: Debian's Chromium is installed when missing and the
machine can (root with apt-get); otherwise the run stops before any test, saying what to do."""

from __future__ import annotations

import shutil
import subprocess

from conftest import ROOT

SCRIPT = ROOT / "scripts/ensure-chromium.sh"


def run(path: str, tmp_path, tools: list[str]) -> subprocess.CompletedProcess:
    """The script with only `tools` on the PATH (no apt-get: a machine that cannot install)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for tool in tools:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    return subprocess.run(
        ["/bin/bash", str(SCRIPT), path], env={"PATH": str(bin_dir)}, capture_output=True, text=True, timeout=60
    )


def test_an_existing_browser_is_used_as_it_is(tmp_path):
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    done = run(str(browser), tmp_path, ["id"])
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_without_a_way_to_install_it_says_what_to_install_in_one_line(tmp_path):
    done = run(str(tmp_path / "no-chromium"), tmp_path, ["id"])
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "install Debian's chromium (sudo apt-get install chromium)" in done.stderr
    assert "CHROMIUM_PATH" in done.stderr


def test_make_test_runs_it_before_any_test():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    lines = [line.strip() for line in recipe.splitlines()[1:]]
    assert lines.index('scripts/ensure-chromium.sh "$(CHROMIUM_PATH)"') < lines.index("$(BIN)/pytest")
