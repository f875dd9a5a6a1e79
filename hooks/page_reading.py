"""What a page's text holds, read once and safely before any engine reads it: its front matter
validated with the project's own reader (no aliases, bounded, typed), the mistakes in its text
(characters no page can carry, figures typed in), its placeholders, links and top headings.
A pure function of the text, so a preview keeps it between rebuilds. Knows nothing of MkDocs."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from markdown_scan import code, headings, inside, line_starts, link_targets, placeholders, top_headings
from markdown_slips import markdown_slips
from site_paths import ARTICLES_DIR
from survey_data import Problem, load_front_matter
from survey_data.files import read_text
from survey_data.front_matter import FRONT_MATTER, MAX_PAGE_BYTES, body_start, page_characters
from survey_data.page_meta import PageMeta
from typed_figures import typed_figures
from writer_html import html_problems

# MultiMarkdown's "Key: value" lines, which MkDocs (and Python-Markdown's meta extension) read
# as settings when a page has no '---' block (mkdocs.utils.meta.META_RE).
_COMMENTS = re.compile(r"<!--(?![ \t]*data:).*?-->", re.S)  # the writer's notes, not placeholders
_RAW_H1 = re.compile(r"<h1[\s>]", re.I)
_META_LINE = re.compile(r"[ ]{0,3}[A-Za-z0-9_-]+:\s*")


@dataclass(frozen=True)
class PageRead:
    meta: PageMeta | None
    problems: list[Problem]
    placed: list[list[str]]  # each placeholder's words
    links: tuple[str, ...]  # the relative addresses it links to
    titles: tuple[str, ...]  # its top-level headings (a title in the navigation may come from one)


def read_page(shown: str, text: str, authors, is_article: bool) -> PageRead:
    """`shown`: the page's path as the writer knows it; `authors`: the ids an article may name
    (None: data/authors.yml failed to load)."""
    meta, found = load_front_matter(shown, text, authors, is_article)
    problems = found + page_characters(shown, text) + typed_figures(shown, text) + html_problems(shown, text)
    problems += markdown_slips(shown, text, body_start(text))
    if is_article and meta is not None and not _COMMENTS.sub("", text[body_start(text) :]).strip():
        message = "an article with no text below its front matter: write it, or hold it back with 'draft: true'"
        problems.append(Problem(shown, text[: body_start(text)].count("\n") + 1, 1, "", message))
    if is_article and FRONT_MATTER.match(text):  # without front matter, that is the problem to tell
        titles = _second_titles(shown, text)
        missing = [p for p in found if p.where == "title" and p.message.startswith("required field")]
        if titles and missing:  # the title written as a heading: one mistake, one message
            problems = [p for p in problems if p not in missing]
            message = (
                "an article's title goes in its front matter, not in a '#' heading: move this heading's words "
                "into the front matter as 'title: ...', and remove the heading"
            )
            titles = [Problem(shown, titles[0].line, 1, "", message), *titles[1:]]
        problems += titles
    if not found and meta is None and _reads_as_settings(text):
        message = (
            "the page starts with 'Key: value' lines, which MkDocs reads as settings; "
            "put them between '---' lines, or start the page with text"
        )
        problems.append(Problem(shown, 1, 1, "", message))
    return PageRead(meta, problems, placeholders(text), link_targets(text), top_headings(text))


def _second_titles(shown: str, text: str) -> list[Problem]:
    """An article's title is its front matter's, shown above the text: a level-1 heading in
    the text would be a second title (and a second <h1>)."""
    start = body_start(text)
    starts = line_starts(text)
    problems = []
    raw = [(m.start(), 1) for m in _RAW_H1.finditer(text, start)]  # <h1> in the page's own HTML
    code_at = inside(code(text))
    for at, level in sorted([*headings(text[start:]), *((pos - start, lv) for pos, lv in raw if code_at(pos) is None)]):
        if level == 1:
            line = bisect.bisect(starts, start + at)
            message = (
                "a level-1 heading, but an article's title is already shown from its front matter; "
                "remove this heading, or make it a section with '## '"
            )
            problems.append(Problem(shown, line, 1, "", message))
    return problems


def read_pages(root: Path, docs: str, authors) -> tuple[dict[str, tuple[str, PageRead]], list[Problem]]:
    """Every page of `root`/`docs`, read as an engine reads it (UTF-8, universal newlines):
    page -> (its text, what it holds), and every problem found, in the order of the pages.
    For the steps that run without the engine's file list (site_check, article_index)."""
    folder = root / docs
    pages: dict[str, tuple[str, PageRead]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.rglob("*.md")):
        src = path.relative_to(folder).as_posix()
        shown = f"{docs}/{src}"
        text, unreadable = read_text(folder, path, shown, MAX_PAGE_BYTES, "a page")
        if unreadable is not None:
            problems.append(unreadable)
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        page = read_page(shown, text, authors, src.startswith(ARTICLES_DIR))
        problems += page.problems
        pages[src] = (text, page)
    return pages, problems


def _reads_as_settings(text: str) -> bool:
    """No '---' block, yet an engine would read the first lines as settings."""
    return not FRONT_MATTER.match(text) and _META_LINE.match(text.split("\n", 1)[0]) is not None


def body_of(text: str) -> tuple[str, int]:
    """The Markdown an engine converts (below the front matter, blank lines above it dropped, as
    MkDocs hands it to on_page_markdown), and how many lines of the file lie above it."""
    match = FRONT_MATTER.match(text)
    body = text[match.end() :].lstrip("\n") if match else text
    return body, text[: len(text) - len(body)].count("\n")


def home_page_problems(pages: list[str], docs: str) -> list[Problem]:
    """The site's front page is docs/index.md: without it, the published address is a 404."""
    if "index.md" in pages:
        return []
    message = "the home page is missing: the site's address would show nothing; restore it, or write one"
    return [Problem(f"{docs}index.md", None, None, "", message)]
