"""The start of a build (on_files): data/ loaded, every page read, drafts held back, the
generated files and archive pages added, and the Build made that every later event reads."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils import clean_directory

import preview_fingerprints as preview
from archive_pages import archive_markdown, archive_meta, make_archive_pages
from article_index import Listed, newest_first
from background_writes import BackgroundWrites
from drafts import held_back_lines
from generated_files import add_generated_files
from markdown_scan import placeholders
from page_intake import take_in
from placeholder_kinds import reads
from reserved_addresses import taken_addresses, theme_addresses
from site_state import Build
from survey_data import DataError, load_dataset
from writer_paths import project_root

if TYPE_CHECKING:
    from logging import Logger

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from preview_rebuilds import Rebuilds


def start_build(
    files: Files, config: MkDocsConfig, rebuilds: Rebuilds, serving: bool, today: date, log: Logger
) -> Build:
    """Raises PluginError with every problem in data/ and the pages' front matter at once."""
    root = project_root(config)
    if rebuilds.active and not rebuilds.start(preview.site_fingerprint(config, root, rebuilds, log)):
        clean_directory(config.site_dir)  # settings, templates or the surveys there are changed: start afresh
    problems = []
    try:
        dataset = load_dataset(root, rebuilds.memo)
    except DataError as err:
        problems += err.problems
        dataset = None
    intake = take_in(files, config, dataset, rebuilds, serving, today)
    problems += intake.problems
    if problems or dataset is None:
        raise PluginError(str(DataError(problems)))
    if not serving:  # the preview shows them, each with its banner
        for line in held_back_lines(intake.held_pages, intake.published, today):
            log.info(line)
    newest = newest_first(Listed(f.src_uri, f.url, meta) for f, meta in intake.articles.values())
    navigation, lists = "", None
    if rebuilds.active:
        navigation = preview.navigation_fingerprint(intake, dataset)
        lists = preview.lists_fingerprint(intake, newest, dataset)
        preview.mark_pages(files, intake, dataset, navigation, lists, rebuilds)

    def rebuild_when(file: File, fingerprint: str) -> None:
        if rebuilds.active:
            preview.rebuild_when(file, fingerprint, rebuilds)

    writes = BackgroundWrites()
    cards, generated = add_generated_files(
        files, config, dataset, intake, newest, rebuilds, rebuild_when, serving, writes
    )
    archive, problems = make_archive_pages(files, config, len(intake.articles))
    if problems:
        raise PluginError(str(DataError(problems)))
    metas = dict(intake.metas)
    for number, page in enumerate(archive, start=1):
        metas[page.src_uri] = archive_meta(number)
        if lists is not None:
            content = archive_markdown(number)
            read = reads(placeholders(content))
            rebuild_when(page, preview.page_fingerprint(content, read, None, None, navigation, dataset, lists))
        files.append(page)
    taken = taken_addresses(files, config, theme_addresses(config))
    if taken:
        raise PluginError(str(DataError(taken)))
    # Each page's address as its Page has it (and the search index): the home page's is "".
    # Drafts too: the preview shows them.
    urls = ["" if f.url in (".", "./") else f.url for f in [*intake.pages, *archive]]
    return Build(
        dataset=dataset,
        metas=metas,
        articles=intake.articles,
        newest=newest,
        leads=intake.leads,
        page_surveys=intake.page_surveys,
        held=intake.held,
        reserved=intake.reserved,
        cards=cards,
        urls=urls,
        writes=writes,
        output_bytes=generated,  # the pages' budget counts the downloads too
    )
