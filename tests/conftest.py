"""Shared helpers: throwaway sites built by the real `mkdocs build --strict`."""

from __future__ import annotations

import inspect
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Build:
    returncode: int
    output: str  # stdout + stderr
    site: Path
    seconds: float = 0.0

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


# The engine the tests build with: `make test ENGINE=properdocs` runs them all on ProperDocs.
ENGINE = os.environ.get("ENGINE") or "mkdocs"


def make_site(target: Path, docs: Path = ROOT / "docs", data: Path = ROOT / "data") -> Path:
    """A copy of the project's mkdocs.yml, hooks/ and overrides/ with the given docs/ and data/."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", target / "hooks", ignore=ignore)
    shutil.copytree(ROOT / "overrides", target / "overrides", ignore=ignore)
    shutil.copytree(docs, target / "docs", ignore=ignore)
    shutil.copytree(data, target / "data", ignore=ignore)
    return target


def build(
    site_root: Path,
    site_url: str | None = None,
    extra_env: dict[str, str] | None = None,
    memory_cap: int | None = None,
    timeout: float = 120,
    config: str | None = None,
    engine: str | None = None,
) -> Build:
    """Run the real MkDocs CLI, strict, exactly as `make build` does; optionally capped in
    address space (bytes), so that a blow-up fails instead of swapping."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)  # a test's failing build is no problem of the pull request's
    env.update(extra_env or {})
    if site_url:
        env["SITE_URL"] = site_url
    env.pop("PYTHONPATH", None)  # the hook must find its own modules

    def cap() -> None:
        if memory_cap:
            resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))

    start = time.monotonic()
    engine = engine or ENGINE
    if engine == "properdocs" and not config:
        config = "mkdocs.yml"  # ProperDocs reads it too, but asks for it by name
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", *(["-f", config] if config else [])],
        cwd=site_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=cap,
    )
    return Build(result.returncode, result.stdout + result.stderr, site_root / "site", time.monotonic() - start)


@pytest.fixture(scope="session")
def project_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One strict build of the real site, shared by the tests that only read it."""
    result = build(make_site(tmp_path_factory.mktemp("project")))
    assert result.returncode == 0, result.output
    return result


# A test is slow (left out of `make test-fast`) if it, or a fixture it uses, runs a real build,
# a server or another program, or drives the browser: found from the code, so a new test that
# builds is slow without anyone marking it.
_SLOW_CALL = re.compile(r"\b(?:build|zensical_build|mkdocs_serve)\(|\bsubprocess\.run\(")


def _uses_slow_code(item: pytest.Item) -> bool:
    functions = [item.function] if isinstance(item, pytest.Function) else []
    for name in getattr(item, "fixturenames", ()):
        functions += [d.func for d in item._fixtureinfo.name2fixturedefs.get(name, ())]
    for function in functions:
        try:
            if _SLOW_CALL.search(inspect.getsource(function)):
                return True
        except (OSError, TypeError):
            continue
    return False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in item.path.parts or _uses_slow_code(item):
            item.add_marker(pytest.mark.slow)
