"""The safe file reader (hooks/survey_data/files.py) names why a writer's file cannot be read by
looking at what the entry is, so every Python gives the same message (3.13 reports a loop of
links with another exception than 3.11)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from survey_data.files import read_text

LIMIT = 1000


def make_loop(root: Path) -> Path:
    (root / "a.yml").symlink_to("b.yml")
    (root / "b.yml").symlink_to("a.yml")
    return root / "a.yml"


def make_self_loop(root: Path) -> Path:
    (root / "a.yml").symlink_to("a.yml")
    return root / "a.yml"


def make_folder_loop(root: Path) -> Path:
    (root / "d").symlink_to("d")  # a folder on the way that leads back to itself
    return root / "d" / "a.yml"


def make_long_chain(root: Path) -> Path:
    for n in range(60):
        (root / f"{n}.yml").symlink_to(f"{n + 1}.yml")
    (root / "60.yml").write_text("x: 1\n")
    return root / "0.yml"


def make_broken(root: Path) -> Path:
    (root / "a.yml").symlink_to("missing.yml")
    return root / "a.yml"


def make_outside(root: Path) -> Path:
    (root / "a.yml").symlink_to(Path(os.devnull))
    return root / "a.yml"


def make_folder(root: Path) -> Path:
    (root / "a.yml").mkdir()
    return root / "a.yml"


def make_pipe(root: Path) -> Path:
    os.mkfifo(root / "a.yml")
    return root / "a.yml"


def make_socket(root: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "a.yml"))
    server.close()
    return root / "a.yml"


def make_large(root: Path) -> Path:
    (root / "a.yml").write_text("x" * (LIMIT + 1))
    return root / "a.yml"


CASES = {
    "loop of two links": (make_loop, "cannot be read (a loop of links); replace it with a plain file"),
    "link to itself": (make_self_loop, "cannot be read (a loop of links); replace it with a plain file"),
    "folder that loops": (make_folder_loop, "cannot be read (a loop of links); replace it with a plain file"),
    "chain of sixty links": (
        make_long_chain,
        "cannot be read (more than 40 links in a row); replace it with a plain file",
    ),
    "broken link": (make_broken, "a link to a file that does not exist; remove the link or fix it"),
    "link outside": (make_outside, "a link to a file outside project/, which is not read; put the file itself here"),
    "folder": (make_folder, "is a folder, not a file; remove it or put a file here"),
    "pipe": (make_pipe, "is a pipe, not a file; remove it or put a file here"),
    "socket": (make_socket, "is a socket, not a file; remove it or put a file here"),
    "too large": (make_large, "the file is 1,001 bytes; a data file may be at most 1,000 bytes: split or trim it"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_reason_is_named_by_what_the_entry_is(tmp_path, case):
    make, expected = CASES[case]
    root = tmp_path / "project"
    root.mkdir()
    text, problem = read_text(root, make(root), "data/a.yml", LIMIT)
    assert text is None
    assert str(problem) == f"data/a.yml: {expected}"


def test_a_chain_of_links_inside_the_project_is_read(tmp_path):
    (tmp_path / "real.yml").write_text("x: 1\n")
    (tmp_path / "one.yml").symlink_to("real.yml")
    (tmp_path / "two.yml").symlink_to("one.yml")
    assert read_text(tmp_path, tmp_path / "two.yml", "two.yml", LIMIT) == ("x: 1\n", None)
