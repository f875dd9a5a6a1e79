"""Every page of the engine's file list read once (page_reading), then what each page is: an
article, a draft or scheduled article held back, the surveys it cites, its lead chart."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import InclusionLevel

from article_index import lead
from drafts import HeldPage, held_back
from page_expansion import expand_page
from page_reading import PageRead, body_of, home_page_problems, read_page
from placeholder_kinds import benchmarks, cited_surveys
from site_paths import ARTICLES_DIR
from survey_data import ArticleMeta, Problem
from survey_data.digests import digest, text_digest
from survey_data.files import read_text
from survey_data.front_matter import MAX_PAGE_BYTES
from survey_data.load import Dataset
from survey_data.page_meta import PageMeta
from writer_paths import project_root, writer_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from preview_rebuilds import Rebuilds


@dataclass
class Intake:
    """Every page of docs/, as read."""

    pages: list[File] = field(default_factory=list)  # every page, drafts too, in order
    problems: list[Problem] = field(default_factory=list)
    metas: dict[str, PageMeta | None] = field(default_factory=dict)
    reads: dict[str, PageRead] = field(default_factory=dict)  # page -> what its text holds
    texts: dict[str, str] = field(default_factory=dict)  # page -> fingerprint of its text
    in_nav: list[tuple] = field(default_factory=list)  # pages in the navigation, and what titles them
    held: dict[str, str] = field(default_factory=dict)  # page -> why it is held back
    held_pages: list[HeldPage] = field(default_factory=list)  # the same, as the writer knows them
    reserved: set[tuple[str, str | None]] = field(default_factory=set)  # benchmarks on held-back pages
    published: set[str] = field(default_factory=set)  # surveys a published page shows
    page_surveys: dict[str, list[str]] = field(default_factory=dict)
    articles: dict[str, tuple[File, ArticleMeta]] = field(default_factory=dict)
    leads: dict[str, tuple] = field(default_factory=dict)


def take_in(
    files: Files, config: MkDocsConfig, dataset: Dataset | None, rebuilds: Rebuilds, serving: bool, today: date
) -> Intake:
    """Read every documentation page; hold drafts and scheduled articles back (MkDocs's own
    draft level: `serve` builds them, `build` leaves them out of everything: page,
    navigation, sitemap, search)."""
    intake = Intake()
    authors = dataset.authors if dataset else None
    # Names too: an unknown author is answered with the nearest id or name.
    authors_key = digest(sorted((i, a.name) for i, a in authors.items()) if authors is not None else None)
    docs = Path(config.docs_dir)
    intake.pages = files.documentation_pages()  # before drafts are set apart: all of them
    for file in intake.pages:
        is_article = file.src_uri.startswith(ARTICLES_DIR)
        shown = writer_path(config, file)
        text, unreadable = read_text(docs, Path(file.abs_src_path), shown, MAX_PAGE_BYTES, "a page")
        if unreadable is not None:
            intake.problems.append(unreadable)
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as MkDocs reads it (universal newlines)
        intake.texts[file.src_uri] = key = text_digest(text)
        made_from = digest(shown, key, authors_key, is_article)
        page = rebuilds.memo(("page", file.src_uri), made_from, read_page, shown, text, authors, is_article)
        intake.problems += page.problems
        intake.metas[file.src_uri] = meta = page.meta
        intake.reads[file.src_uri] = page
        if file.inclusion.is_in_nav():
            intake.in_nav.append((file.src_uri, getattr(meta, "title", None), page.titles))
        reason = held_back(meta, today)
        if reason is not None:
            file.inclusion = InclusionLevel.DRAFT
            intake.held[file.src_uri] = reason
            intake.held_pages.append(HeldPage(shown, text, meta, tuple(cited_surveys(page.placed))))
            if not serving:
                intake.reserved.update(benchmarks(page.placed))  # its survey is not "unused"
                if dataset is not None and not meta.draft:
                    intake.problems += _scheduled_problems(shown, text, dataset)
                continue
        cited = [s for s in cited_surveys(page.placed) if dataset is not None and s in dataset.surveys]
        intake.page_surveys[file.src_uri] = cited
        intake.published.update(cited)
        if is_article and meta is not None:
            intake.articles[file.src_uri] = (file, meta)
            shown_first = benchmarks(page.placed)
            found = lead(dataset, shown_first[0] if shown_first else None)
            if found is not None:
                intake.leads[file.src_uri] = found
    intake.problems += _same_address(files, config)
    docs = Path(config.docs_dir)
    shown = docs.relative_to(project_root(config)).as_posix() + "/" if docs.is_relative_to(project_root(config)) else ""
    intake.problems += home_page_problems([f.src_uri for f in intake.pages], shown)
    return intake


def _scheduled_problems(shown: str, text: str, dataset: Dataset) -> list[Problem]:
    """A scheduled article is checked now, not on the day it is published."""
    body, above = body_of(text)
    return expand_page(body, shown, above, dataset, None).problems


def _same_address(files: Files, config: MkDocsConfig) -> list[Problem]:
    by_url: dict[str, list[File]] = {}
    for file in files.documentation_pages():
        by_url.setdefault(file.url, []).append(file)
    problems = []
    for url, same in by_url.items():
        if len(same) > 1:
            names = " and ".join(writer_path(config, f) for f in same)
            message = f"{names} would both be published at /{url}; rename one"
            problems.append(Problem(writer_path(config, same[-1]), None, None, "", message))
    return problems
