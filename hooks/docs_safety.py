"""Before the engine walks docs/ (following links) and reads it: every entry must be a plain
file or folder inside the project, and no page too large to read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from output_cache import cache_in_repository
from repository_files import output_folder_problems
from survey_data import DataError
from survey_data.files import DOCS_KINDS, OWN_FOLDERS, check_own_folders, check_tree
from survey_data.front_matter import MAX_PAGE_BYTES
from writer_paths import project_root

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def check_docs(config: MkDocsConfig) -> None:
    """Raises PluginError naming every entry of docs/ that may not be read, and every folder
    the build reads or writes that is not the project's own. Links may not leave docs/: a
    page linked to ../.git/config would publish it."""
    root, docs = project_root(config), Path(config.docs_dir)
    folders = [docs, Path(config.site_dir), *(root / name for name in OWN_FOLDERS)]
    problems = check_own_folders(root, folders) + cache_in_repository(root)
    if not problems:
        problems = output_folder_problems(root, Path(config.site_dir))
    if problems:  # the folders first: what they hold is not looked at
        raise PluginError(str(DataError(problems)))
    problems = check_tree(root, docs, {".md": MAX_PAGE_BYTES}, inside=docs, kinds=DOCS_KINDS)
    if problems:
        raise PluginError(str(DataError(problems)))


def no_repository_without_address(config: MkDocsConfig) -> None:
    """REPO_URL unset or empty: no repository, so no "Edit this page" links."""
    if not config.repo_url:
        config.repo_url = None
        config.edit_uri = None
