"""What the repository holds under a folder the build makes itself (its cache, its output):
nothing may be there, since a committed file would stand for something the build made. Empty
where the project is not a git checkout, or git is missing. Knows nothing of MkDocs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from survey_data.errors import Problem


def tracked(root: Path, folder: str) -> list[str]:
    if not (root / ".git").exists():
        return []
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", folder], cwd=root, capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [name for name in listed.stdout.decode("utf-8", "replace").split("\0") if name]


def output_folder_problems(root: Path, site: Path) -> list[Problem]:
    """The output folder is the build's alone: no file of it in the repository, and nothing in
    it that the engine's clean leaves behind (a link, whose target it would write through; a
    hidden entry, which it keeps)."""
    top = Path(os.path.abspath(root))
    site = Path(os.path.abspath(site))
    if not site.is_relative_to(top) or site == top:
        return []  # placed outside by the maintainer: not a pull request's
    problems = [
        Problem(name, None, None, "", "a file of the build's output is in the repository; remove it (git rm --cached)")
        for name in tracked(top, site.relative_to(top).as_posix())
    ]
    if problems or not site.is_dir() or site.is_symlink():
        return problems
    for dirpath, dirnames, filenames in os.walk(site, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            shown = path.relative_to(top).as_posix()
            if path.is_symlink():
                message = "a link in the build's output folder, which the build would write through; remove it"
                problems.append(Problem(shown, None, None, "", message))
            elif name.startswith("."):
                message = "a hidden file in the build's output folder, which a clean keeps; remove it"
                problems.append(Problem(shown, None, None, "", message))
        dirnames[:] = [d for d in dirnames if not (Path(dirpath) / d).is_symlink() and not d.startswith(".")]
        if len(problems) >= 20:
            break
    return problems
