"""What the pages a preview's rebuild did not read still contribute: the benchmarks they show
(for "shown on no page"), their anchors and links to anchors (MkDocs checks every page's links
to anchors after writing, with what it read), and their entries in the search index. And
what a removed page or survey wrote goes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from preview_rebuilds import Rebuilds
    from site_state import Build


def keep_what_pages_not_rebuilt_showed(files: Files, config: MkDocsConfig, build: Build, rebuilds: Rebuilds) -> None:
    rebuilds.staged_shown = dict(build.shown_by_page)
    for src, shown in rebuilds.shown.items():
        if src not in build.shown_by_page and src in build.metas:
            build.shown |= shown
    for file in files:
        page = file.page
        if page is None or not file.is_documentation_page():
            continue
        if page.present_anchor_ids is not None:  # read by this build
            links = {target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
            rebuilds.staged_anchors[file.src_uri] = (frozenset(page.present_anchor_ids), links)
        elif file.src_uri in rebuilds.anchors:
            ids, links = rebuilds.anchors[file.src_uri]
            page.present_anchor_ids = set(ids)
            page.links_to_anchors = {
                target: dict(anchors) for src, anchors in links.items() if (target := files.get_file_from_path(src))
            }
    for output in rebuilds.stale():
        Path(config.site_dir, output).unlink(missing_ok=True)


def merge_search_index(config: MkDocsConfig, build: Build, rebuilds: Rebuilds) -> None:
    """The search plugin indexed only the pages rebuilt: the index keeps every other page's
    entries from the builds before. (Material's own merge assumes one page was rebuilt, and
    drops every entry when the home page is.) Runs before the plugin writes its index."""
    search = next((p for p in config.plugins.values() if hasattr(p, "search_index_prev")), None)
    if search is None:
        return
    fresh: dict[str, list[dict]] = {url: [] for url in build.rebuilt}
    for entry in search.search_index.entries:
        fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    rebuilds.staged_search = fresh
    search.search_index.entries = [
        entry for url in build.urls for entry in (fresh[url] if url in fresh else rebuilds.search.get(url, []))
    ]
    search.search_index_prev = None
