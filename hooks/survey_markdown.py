"""Python-Markdown extension: the `<!-- data:... -->` placeholders expanded by an engine that
runs no MkDocs hooks, such as Zensical (which runs the extensions listed under
`markdown_extensions` in mkdocs.yml). The same core as the MkDocs hooks: page_expansion.

    markdown_extensions:
      - survey_markdown: {root: .}     # the project folder, where data/ is (hooks/ on PYTHONPATH)

A preprocessor expands the placeholders before Markdown reads the page (generated HTML
becomes a token Markdown passes through); a postprocessor puts the HTML back. A mistake stops
the build with every problem of the page, at its file and line. Knows nothing of MkDocs.

Under Zensical the extension learns which page it converts, and the site's address, from the
context Zensical attaches to each Markdown instance; elsewhere links are absolute.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from article_index import ArticleLinks, Articles, published_articles
from page_expansion import Expanded, expand_page, put_back
from placeholder_context import PageLinks
from site_urls import relative_url
from survey_data import DataError
from survey_data.front_matter import body_start
from survey_data.load import AUTHORS_FILE, SURVEYS_DIR, TAKEAWAYS_FILE, Dataset, load_dataset, survey_files


class PlaceholderProblems(Exception):
    """A page's placeholders name what does not exist: every problem, one a line."""


def _stamp(root: Path, docs: str) -> tuple:
    """What data/ and the pages hold now (names, sizes, times): a new stamp reads them again,
    so a long-lived engine (`zensical serve`) never shows a list of articles or a figure stale."""
    paths = [*survey_files(root / SURVEYS_DIR), root / AUTHORS_FILE, root / TAKEAWAYS_FILE]
    paths += sorted((root / docs).rglob("*.md"))
    return tuple((p.as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in paths if p.is_file())


# One entry: the extension is made anew for every page, and what it reads is the same for all
# of a build's pages. Keyed by what it was read from, so it is a memo, not state.
@functools.lru_cache(maxsize=1)
def _site(root: Path, docs: str, stamp: tuple, today) -> tuple[Dataset, Articles]:
    dataset = load_dataset(root)
    return dataset, published_articles(root, dataset, today, docs)


def _zensical_page(md: Markdown):
    """(page, config) of the page Zensical converts with `md`, or (None, {})."""
    try:
        from zensical.extensions.context import ContextPreprocessor
    except ImportError:
        return None, {}
    context = ContextPreprocessor.from_markdown(md)
    return (context.page, context.config) if context is not None else (None, {})


def _lines_above(source: Path, markdown: str) -> int:
    """How many lines of the page's file lie above `markdown`, the text the engine hands over
    (below the front matter, its leading blank lines perhaps dropped): for messages' lines."""
    if not source.is_file():
        return 0
    text = source.read_text(encoding="utf-8").replace("\r\n", "\n")
    start = body_start(text)
    first = next((line for line in markdown.split("\n") if line.strip()), "")
    found = text.find(first, start) if first else -1
    if found < 0:
        return text[:start].count("\n")
    return text.count("\n", 0, found) - markdown[: markdown.find(first)].count("\n")


class _Expand(Preprocessor):
    def __init__(self, md: Markdown, root: Path):
        super().__init__(md)
        self.root = root

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if "data:" not in markdown:
            return lines
        page, config = _zensical_page(self.md)
        docs = config.get("docs_dir") or "docs"
        path = getattr(page, "path", None) or "page.md"
        here = getattr(page, "url", None) or ""
        site_url = config.get("site_url") or ""
        dataset, articles = _site(self.root, docs, _stamp(self.root, docs), datetime.now(UTC).date())
        above = _lines_above(self.root / docs / path, markdown)
        # Zensical rewrites a relative link as it does a link to another page: from the page's
        # Markdown file, as a writer would write it. Without a page, links are absolute.
        source_dir = path.rpartition("/")[0] + "/" if "/" in path else ""

        def absolute(target: str) -> str:
            return urljoin(site_url, target)

        def relative(target: str) -> str:
            return relative_url(target, source_dir) if page is not None else absolute(target)

        links = PageLinks(
            site_name=config.get("site_name") or "",
            page_url=urljoin(site_url, here),
            relative=relative,
            absolute=absolute,
        )
        result: Expanded = expand_page(
            markdown,
            f"{Path(docs).name}/{path}",
            above,
            dataset,
            links,
            article_links=lambda: ArticleLinks(relative, articles.newest, articles.leads, dataset),
            notice_in_header=False,
        )
        if result.problems:
            raise PlaceholderProblems("\n" + str(DataError(result.problems)))
        self.md.survey_stashes = (result.blocks, result.late)  # type: ignore[attr-defined]
        return result.markdown.split("\n")


class _PutBack(Postprocessor):
    """Puts the generated HTML back. The engine may run postprocessors on parts of a page (a
    heading's text, the table of contents) as well as the whole: each run puts back the
    tokens it finds."""

    def run(self, text: str) -> str:
        for stash in getattr(self.md, "survey_stashes", ()):
            present = {token: html for token, html in stash.html.items() if token in text}
            if present:
                text = put_back(text, type(stash)(stash.kind, present)) or text
        return text


class SurveyPlaceholders(Extension):
    def __init__(self, **kwargs):
        self.config = {"root": [".", "the project folder, where data/ is"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        root = Path(self.getConfig("root")).resolve()
        # Before html_block (20) reads raw HTML: the placeholders are HTML comments.
        md.preprocessors.register(_Expand(md, root), "survey_placeholders", 25)
        md.postprocessors.register(_PutBack(md), "survey_put_back", 5)  # after raw_html (30)


def makeExtension(**kwargs) -> SurveyPlaceholders:
    return SurveyPlaceholders(**kwargs)
