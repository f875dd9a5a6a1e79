"""What the preview rebuilds: the fingerprint of everything each output is made from, so that
under `make serve` (`serve --dirty`) an edit rewrites exactly the pages and files it touches.
preview_rebuilds remembers the fingerprints between rebuilds; this module makes them."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from markdown_scan import placeholders
from placeholder_kinds import Reads, Shown, reads
from survey_data.digests import bytes_digest, digest
from survey_data.load import SURVEYS_DIR, Dataset, survey_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from page_intake import Intake
    from preview_rebuilds import Rebuilds

Lists = Callable[[Shown], str]  # a slice of the newest-first articles -> what its list is made from


def site_fingerprint(config: MkDocsConfig, root: Path, rebuilds: Rebuilds, log) -> str:
    """What every page is made from: the settings, the templates (the theme's and the render
    layer's, by content), the surveys there are, the day. (A page added or removed outside
    the navigation rebuilds only the pages it changes: see mark_pages.)"""
    # (The engine may give custom_dir relative on the first build and absolute on the next.)
    folders = [root / (config.theme.custom_dir or "overrides"), root / "hooks"]
    templates, code = [], []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                (code if path.suffix == ".py" else templates).append((path.as_posix(), bytes_digest(path.read_bytes())))
    if rebuilds.code is None:
        rebuilds.code = digest(code)  # as imported, once: MkDocs does not import hook modules again
    elif rebuilds.code != digest(code):
        log.info("The hooks' Python code changed: stop `make serve` (Ctrl+C) and start it again to use it")
    surveys = [p.name for p in survey_files(root / SURVEYS_DIR)]
    settings = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    today = datetime.now(UTC).date()
    return digest(settings, config.site_url, config.repo_url, config.edit_uri, templates, surveys, today)


def lists_fingerprint(intake: Intake, newest: list, dataset: Dataset) -> Lists:
    """What a list of articles is made from, by the slice of the newest-first list it shows:
    how many there are (page numbers), and each listed article's address, front matter,
    author, lead chart and the surveys it may come from."""
    each = [
        digest(
            a.src_uri,
            a.url,
            a.meta,
            dataset.authors.get(a.meta.author),
            lead[1] if (lead := intake.leads.get(a.src_uri)) else None,  # the question its chart draws
            [dataset.survey_digests.get(s) for s in intake.page_surveys.get(a.src_uri, [])],
        )
        for a in newest
    ]
    return lambda shown: digest(len(each), each[slice(*shown)])


def _records(read: Reads, dataset: Dataset) -> list:
    """Each data record `read` names, with its digest: what changes when it is edited."""
    tables = {"survey": dataset.survey_digests, "author": dataset.authors, "takeaway": dataset.takeaways}
    return [(record, item, tables[record].get(item)) for record, item in sorted(read.records)]


def page_fingerprint(
    text: str, read: Reads, author: str | None, held: str | None, navigation: str, dataset: Dataset, lists: Lists
) -> str:
    """A page's text, the navigation's titles, whether it is held back, and every data record
    it shows, as its placeholders' kinds declare (placeholder_kinds)."""
    records = _records(read, dataset)
    return digest(
        text,
        navigation,
        held,
        records,
        dataset.authors.get(author) if author else None,
        [lists(shown) for shown in read.articles],
    )


def rebuild_when(file: File, fingerprint: str, rebuilds: Rebuilds) -> None:
    """`file` is written again only if what it is made from changed (or it is missing). A page
    in the navigation is always rebuilt: the navigation of the pages rebuilt shows its title,
    which only a page read this time has."""
    output = file.dest_uri
    rebuilds.expect(output)

    def is_modified() -> bool:
        changed = rebuilds.changed(output, fingerprint)
        in_nav = file.is_documentation_page() and file.inclusion.is_in_nav()
        return changed or in_nav or not os.path.isfile(file.abs_dest_path)

    file.is_modified = is_modified  # type: ignore[method-assign]


def navigation_fingerprint(intake: Intake, dataset: Dataset | None = None) -> str:
    """The titles the navigation shows: every page shows them in its menu. A title made with a
    placeholder (`# Share: <!-- data:figure ... -->`) shows data: the records it reads are in
    the fingerprint too, so a data edit rebuilds every page whose menu shows it."""
    shown = []
    for src, title, headings in sorted(intake.in_nav, key=repr):
        read = reads([words for heading in headings for words in placeholders(heading)])
        shown.append((src, title, headings, _records(read, dataset) if dataset is not None else None))
    return digest(shown)


def mark_pages(
    files: Files, intake: Intake, dataset: Dataset, navigation: str, lists: Lists, rebuilds: Rebuilds
) -> None:
    """Every page read (drafts too) is rebuilt when what it is made from changes, including
    whether each file it links to exists: MkDocs warns of a missing one only when it reads
    the page, so adding or removing a file rebuilds the pages that link to it."""
    names = {f.src_uri for f in files}
    for file in files:  # drafts too (documentation_pages() leaves them out)
        page = intake.reads.get(file.src_uri)
        if page is None:
            continue
        here = posixpath.dirname(file.src_uri)
        linked = [(t, posixpath.normpath(posixpath.join(here, t)) in names) for t in page.links]
        author = getattr(page.meta, "author", None)
        made_from = page_fingerprint(
            intake.texts[file.src_uri],
            reads(page.placed),
            author,
            intake.held.get(file.src_uri),
            navigation,
            dataset,
            lists,
        )
        rebuild_when(file, digest(made_from, linked), rebuilds)
