"""archive/, archive/page/2/, ...: every article, newest first, a fixed number a page, as a
blog's archive. Only the first is in the navigation (mkdocs.yml's not_in_nav): no page lists
every article, so the build grows linearly with their number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from site_paths import archive_pages, archive_source
from survey_data import Problem
from survey_data.page_meta import PageMeta

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

TAKEN = "archive/ is where the site lists every article: rename this page or its folder"


def archive_markdown(number: int) -> str:
    """The Markdown of archive page `number`: its heading and one placeholder."""
    return f"# All articles\n\n<!-- data:archive {number} -->\n"


def archive_meta(number: int) -> PageMeta:
    title = "All articles" if number == 1 else f"All articles, page {number}"
    return PageMeta(title=title, hide=["navigation", "toc"])


def make_archive_pages(files: Files, config: MkDocsConfig, articles: int) -> tuple[list[File], list[Problem]]:
    """The archive's generated pages for `articles` articles, and a problem for each page of
    the writer's that stands where one would go."""
    pages, problems = [], []
    for number in range(1, archive_pages(articles) + 1):
        src = archive_source(number)
        if files.get_file_from_path(src) is not None:
            problems.append(Problem(f"docs/{src}", None, None, "", TAKEN))
            continue
        pages.append(File.generated(config, src, content=archive_markdown(number)))
    return pages, problems
