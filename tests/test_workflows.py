"""The GitHub Actions workflows: valid YAML, actions pinned by commit, only existing make
targets, no token left on disk, nothing pasted into a script, nothing deployed unless every
check passed; and zizmor (the Actions security linter) finds nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_there_are_two_workflows():
    assert [w.name for w in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_and_make_targets_exist(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    for step in steps(workflow):
        if "uses" in step:
            # By the commit's full hash (a tag can be moved), the version beside it as a comment.
            assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+$", path.read_text(), re.M)
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False  # no token in .git/config
        # Values from the event reach a script through env:, never pasted into it.
        assert "${{" not in step.get("run", ""), step["run"]
        for command in re.findall(r"\bmake ([a-z -]+)", step.get("run", "")):
            for target in (word for word in command.split() if not word.startswith("-")):
                assert target in MAKE_TARGETS, f"{path.name}: make {target} is not a target"


def test_pull_requests_run_make_check_and_upload_the_site():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    runs = [s.get("run") for s in steps(workflow)]
    assert "make check" in runs
    upload = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site/"


def test_only_a_fully_checked_build_is_deployed():
    workflow = load("publish.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    names = [s.get("run") or s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert names.index("make lint test") < names.index("make build") < names.index("actions/upload-pages-artifact")
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_pull_requests_run_on_the_oldest_and_newest_python_promised():
    """pyproject.toml's requires-python (">=3.11,<3.14") is what the README promises; the
    workflow tests its two ends, and `make test-pythons` every version between."""
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    low, high = re.search(r'requires-python = ">=3\.(\d+),<3\.(\d+)"', project).groups()
    versions = [f"3.{minor}" for minor in range(int(low), int(high))]
    job = load("pull-request.yml")["jobs"]["check"]
    assert job["strategy"]["matrix"]["python"] == [versions[0], versions[-1]]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^PYTHON_VERSIONS \?= " + " ".join(versions) + "$", makefile, re.M)
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "Python " + ", ".join(versions[:-1]) + " or " + versions[-1] + ": the versions tested" in readme


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).parent / "zizmor"
    run = subprocess.run(
        [str(zizmor), "--offline", "--format", "plain", str(ROOT / ".github" / "workflows")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings to report" in run.stdout + run.stderr
