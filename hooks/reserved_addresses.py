"""A writer's file may not take an address the site or its theme writes: a file at
docs/assets/javascripts/where-are-you.js would replace the site's script on every page, a page
at docs/archive.md would be replaced by the generated archive. Checked once every file, the
generated ones included, is in the engine's list: by the address each is written to."""

from __future__ import annotations

import fnmatch
import os
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from survey_data import Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

# What the engine and its plugins write besides the files in the list: the search index and
# the templates rendered on their own (404.html, sitemap.xml), with the sitemap's gzip.
ENGINE_WRITES = ("search/search_index.json", "sitemap.xml.gz")
# Folders the site, the engine or the theme's code fill: a writer's file has no place there.
OWNED_FOLDERS = ("search/", "archive/", "cards/", "data/", "assets/javascripts/", "assets/stylesheets/")
# What a theme folder holds that is not published (as MkDocs itself leaves them out).
NOT_PUBLISHED = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*")


def theme_addresses(config: MkDocsConfig) -> set[str]:
    """Every file the theme (Material and overrides/) publishes, by its path in the site, and
    the pages it renders on their own."""
    found = {*config.theme.static_templates, *ENGINE_WRITES}
    for folder in config.theme.dirs:
        for dirpath, _, filenames in os.walk(folder):
            for name in filenames:
                path = Path(dirpath, name).relative_to(folder).as_posix()
                if not any(fnmatch.fnmatch(path.lower(), pattern) for pattern in NOT_PUBLISHED):
                    found.add(path)
    return found


def _is_writers(file: File, docs: Path) -> bool:
    return bool(file.abs_src_path) and Path(file.abs_src_path).is_relative_to(docs) and not file.generated_by


def taken_addresses(files: Files, config: MkDocsConfig, theme: set[str]) -> list[Problem]:
    """A problem for each of the writer's files written where the theme, the engine or the
    site's own generated files write."""
    docs = Path(os.path.abspath(config.docs_dir))
    by_address: dict[str, list[File]] = defaultdict(list)
    for file in files:
        by_address[file.dest_uri].append(file)
    written = set(theme) | {f.dest_uri for f in files if not _is_writers(f, docs)}
    problems = []
    for file in files:
        if not _is_writers(file, docs):
            continue
        shown = Path(os.path.relpath(file.abs_src_path, Path(config.config_file_path).parent)).as_posix()
        others = [f for f in by_address[file.dest_uri] if f is not file]
        dest = file.dest_uri
        if dest in theme or file.src_uri in theme:
            whose = "the site's theme or engine"
        elif others:
            kind = "a generated page" if others[0].is_documentation_page() else "a generated file"
            whose = f"the site itself ({kind})"
        elif dest.startswith(OWNED_FOLDERS):
            whose = "the site itself (its folder " + next(f for f in OWNED_FOLDERS if dest.startswith(f)) + ")"
        elif any(parent in written for parent in _parents(dest)):
            whose = "the site itself (a file where this one needs a folder)"
        else:
            continue
        message = (
            f"takes the address {file.dest_uri}, which {whose} writes; rename the file or move it to another folder"
        )
        problems.append(Problem(shown, None, None, "", message))
    return problems


def _parents(path: str) -> list[str]:
    """ "a/b/c.png" -> ["a", "a/b"]."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]
