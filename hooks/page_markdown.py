"""A page as MkDocs hands it over: the front matter we validated put back in place of MkDocs's
own reading, the layout chosen (an article, a list, a manual page), and its placeholders
expanded by page_expansion, the same core the Python-Markdown extension runs."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from article_index import ArticleLinks
from markdown_scan import PLACEHOLDER
from page_expansion import LeftOver, Stash, expand_page, put_back
from placeholder_context import PageLinks
from survey_render.article_page import reading_minutes
from writer_paths import writer_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from site_state import Build


def set_meta(page: Page, markdown: str, build: Build) -> None:
    """MkDocs read the front matter again with YAML 1.1 (`1:09` -> 69, `on` -> True): the values
    the page gets are the ones we validated, as the writer wrote them."""
    src = page.file.src_uri
    meta = build.metas.get(src)
    page.meta = meta.model_dump(exclude_none=True) if meta is not None else {}
    if isinstance(page.meta.get("title"), str):
        # Material prints the page title into the nav, <h1> and search index unescaped.
        page.meta["title"] = escape(page.meta["title"])
    if src in build.articles or page.is_homepage or src.startswith("archive/"):
        # A publication's pages, not a manual's: one column, no documentation sidebars.
        page.meta.setdefault("hide", ["navigation", "toc"])
    if src in build.articles:
        page.meta["template"] = "article.html"  # overrides/article.html: header, byline, colophon
        build.minutes[src] = reading_minutes(PLACEHOLDER.sub(" ", markdown))


def expand_placeholders(page: Page, markdown: str, config: MkDocsConfig, build: Build) -> str | None:
    """The page's Markdown with its placeholders expanded; None where it has none. A page with
    problems is never written (on_env stops the build): it converts to nothing, so that its
    mistakes cost no time, however many there are."""
    src = page.file.src_uri
    build.shown_by_page[src] = frozenset()
    if "data:" not in markdown:
        return None  # cheap skip for pages with no placeholder
    source = page.file.content_string
    above = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    here = page.file.url
    links = PageLinks(
        site_name=config.site_name,
        page_url=page.canonical_url or urljoin(config.site_url or "", here),
        relative=lambda path: get_relative_url(path, here),
        absolute=lambda path: urljoin(config.site_url or "", path),
        edit_figures=_edit_figures(config, build),
    )
    result = expand_page(
        markdown,
        writer_path(config, page.file),
        above,
        build.dataset,
        links,
        article_links=lambda: ArticleLinks(
            lambda url: get_relative_url(url, here), build.newest, build.leads, build.dataset
        ),
        notice_in_header=src in build.articles,
    )
    build.problems += result.problems
    build.shown |= result.shown
    build.shown_by_page[src] = result.shown
    build.bios[src] = result.bios
    if result.problems:
        return ""
    build.blocks[src], build.late[src] = result.blocks, result.late
    return result.markdown


def _edit_figures(config: MkDocsConfig, build: Build):
    """(survey, question) -> the survey file at the question's line in the repository (the
    REPO_URL in mkdocs.yml), where GitHub's pencil edits it; None without a repository."""
    dataset = build.dataset
    if not config.repo_url or not config.edit_uri:
        return lambda survey, question: None
    # edit_uri is "edit/BRANCH/docs/": the same branch, viewed at a line ("blob"), for data/.
    branch = config.edit_uri.strip("/").split("/")[1] if config.edit_uri.count("/") >= 2 else "main"
    base = f"{config.repo_url.rstrip('/')}/blob/{branch}/"

    def url(survey: str, question: str) -> str | None:
        line = dataset.question_lines.get((survey, question))
        return f"{base}{dataset.survey_files[survey]}#L{line}" if line else None

    return url


def put_back_stash(html: str, stash: Stash | None, page: Page, config: MkDocsConfig) -> str | None:
    """The page's HTML with the stash's pieces back in place; never a page with one missing."""
    try:
        return put_back(html, stash)
    except LeftOver as err:
        raise PluginError(f"{writer_path(config, page.file)}: {err}") from None
