"""MkDocs hooks: read data/ on every build and expand the `<!-- data:... -->` placeholders.

Thin on purpose: loading lives in survey_data, HTML in survey_render, placeholder syntax in
shortcodes. Data is read in on_files on every build, never at import, because `mkdocs serve`
does not re-import hook modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

# Sibling modules: hooks/ is on sys.path only while MkDocs imports this file.
import shortcodes
from survey_data import ArticleMeta, DataError, Problem, load_dataset, load_front_matter
from survey_data.load import Dataset
from survey_render import ArticleLink

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

ARTICLES_DIR = "articles/"


class _Build:
    """State of one build: reset in on_files, so a rebuild under `serve` starts afresh."""

    def __init__(self, dataset: Dataset, articles: dict[str, tuple[File, ArticleMeta]]):
        self.dataset = dataset
        self.articles = articles
        self.problems: list[Problem] = []
        self.shown: set[tuple[str, str]] = set()


_build: _Build | None = None


def _docs_path(config: MkDocsConfig, file: File) -> str:
    root = Path(config.config_file_path).parent
    return Path(file.abs_src_path).relative_to(root).as_posix() if file.abs_src_path else file.src_uri


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    _build = None
    root = Path(config.config_file_path).parent
    problems: list[Problem] = []
    try:
        dataset = load_dataset(root)
    except DataError as err:
        problems += err.problems
        dataset = None
    articles: dict[str, tuple[File, ArticleMeta]] = {}
    for file in files.documentation_pages():
        if file.src_uri.startswith(ARTICLES_DIR):
            authors = dataset.authors if dataset else None
            meta, found = load_front_matter(_docs_path(config, file), file.content_string, authors)
            problems += found
            if meta is not None:
                articles[file.src_uri] = (file, meta)
    if problems:
        raise PluginError(str(DataError(problems)))
    _build = _Build(dataset, articles)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "data:" not in markdown:
        return None  # cheap skip for pages with no placeholder
    assert _build is not None, "on_files runs before on_page_markdown"
    source = page.file.content_string
    above = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    ctx = shortcodes.Context(_build.dataset, article_links=lambda: _article_links(page.file))
    expanded, problems = shortcodes.expand(markdown, _docs_path(config, page.file), above, ctx)
    _build.problems += problems
    _build.shown |= ctx.shown
    return expanded


def _article_links(current: File) -> list[ArticleLink]:
    assert _build is not None
    authors = _build.dataset.authors
    links = [
        ArticleLink(file.url_relative_to(current), meta.title, meta.summary, authors[meta.author].name, meta.date)
        for file, meta in _build.articles.values()
    ]
    # Newest first; undated articles after dated ones, then by title.
    return sorted(links, key=lambda a: (a.date is None, -(a.date.toordinal() if a.date else 0), a.title))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is read by now: fail with all placeholder problems at once, before
    anything is written, and warn (fatal under --strict) about questions no page shows."""
    assert _build is not None
    if _build.problems:
        raise PluginError(str(DataError(_build.problems)))
    for survey_id, survey in _build.dataset.surveys.items():
        for question in survey.questions:
            if (survey_id, question.id) not in _build.shown:
                log.warning(
                    f"{_build.dataset.survey_files[survey_id]}: question '{question.id}' is shown on no page; "
                    f"add <!-- data:table {survey_id} {question.id} --> to an article, or remove it"
                )
    return env
