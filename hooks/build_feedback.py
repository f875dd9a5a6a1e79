"""MkDocs hook module: every problem a build reports reaches the writer where they are looking:
on the pull request's diff (github_annotations) and in the preview (preview_problem_page)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

# Sibling modules: hooks/ is on sys.path only while MkDocs imports this file.
from engine_log import add_handler_once
from github_annotations import Annotations
from link_warnings import LinkWarnings, place_link_warnings
from preview_problem_page import remove_held_folders, show_problems_on_failure, survive_a_failed_first_build
from site_state import PROCESS

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


_links: LinkWarnings | None = None  # this build's, placed in on_config


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        survive_a_failed_first_build(PROCESS)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        add_handler_once(Annotations(lambda: PROCESS.docs_prefix))


def on_config(config: MkDocsConfig) -> None:
    """Where MkDocs's "Doc file" paths start, from the project folder (set in mkdocs.yml)."""
    docs = Path(config.docs_dir)
    config_dir = Path(config.config_file_path or ".").parent
    PROCESS.docs_prefix = (
        docs.relative_to(config_dir).as_posix() if docs.is_relative_to(config_dir) else docs.name
    ) + "/"
    global _links
    _links = place_link_warnings(docs, PROCESS.docs_prefix)


def on_files(files: Files, config: MkDocsConfig) -> None:
    """The link warnings suggest the nearest id on the page linked to, once it is rendered."""
    if _links is not None:
        _links.files = files


def on_serve(server, config: MkDocsConfig, builder):
    return show_problems_on_failure(server, config, PROCESS)


def on_shutdown() -> None:
    remove_held_folders(PROCESS)
