"""Before the engine walks docs/ (following links) and reads it: every entry must be a plain
file or folder inside the project, and no page too large to read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from survey_data import DataError
from survey_data.files import check_tree
from survey_data.front_matter import MAX_PAGE_BYTES
from writer_paths import project_root

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def check_docs(config: MkDocsConfig) -> None:
    """Raises PluginError naming every entry of docs/ that may not be read. Links may not
    leave docs/: a page linked to ../.git/config would publish it."""
    docs = Path(config.docs_dir)
    problems = check_tree(project_root(config), docs, {".md": MAX_PAGE_BYTES}, inside=docs)
    if problems:
        raise PluginError(str(DataError(problems)))


def no_repository_without_address(config: MkDocsConfig) -> None:
    """REPO_URL unset or empty: no repository, so no "Edit this page" links."""
    if not config.repo_url:
        config.repo_url = None
        config.edit_uri = None
