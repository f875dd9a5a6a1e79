"""One page's placeholders expanded, and the generated HTML put back after Markdown: the core
that the MkDocs hooks (page_markdown, page_intake), the Python-Markdown extension
(survey_markdown) and the checks without an engine (site_check) call. Knows nothing of MkDocs.

Generated HTML never goes through Markdown: each block is replaced by a short token
(`<!--survey-block-N-->`, a raw HTML comment Markdown passes through as it is) and put back in
the HTML. Late pieces (`<!--survey-late-N-->`: the reader's choices and their benchmark) go
back after a search index has read the page, so that search does not find every answer twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from placeholder_context import Context, PageLinks
from shortcodes import expand
from survey_data import Problem
from survey_data.load import Dataset
from survey_render import ArticleLink

STASHED = re.compile(r"<!--survey-(?:block|late)-\d+-->")


@dataclass
class Stash:
    """The HTML a page's tokens stand for, by token."""

    kind: str  # "block" or "late"
    html: dict[str, str] = field(default_factory=dict)

    def place(self, html: str) -> str:
        token = f"<!--survey-{self.kind}-{len(self.html)}-->"
        self.html[token] = html
        return token


@dataclass
class Expanded:
    """A page's Markdown with its placeholders replaced, and what they showed."""

    markdown: str
    problems: list[Problem]
    blocks: Stash
    late: Stash
    shown: frozenset[tuple[str, str]]  # (survey, question) of every benchmark on the page
    bios: frozenset[str]  # authors whose bio is on the page


class LeftOver(Exception):
    """Markdown did not keep a token: the page would be published with a piece missing."""

    def __init__(self, count: int):
        super().__init__(
            f"{count} placeholder(s) ended up inside something else "
            "(an indented code block, a list or a quote); start the placeholder's line at the margin"
        )


def expand_page(
    markdown: str,
    page: str,
    line_offset: int,
    dataset: Dataset,
    links: PageLinks | None,
    article_links: Callable[[], Sequence[ArticleLink]] = list,
    notice_in_header: bool = False,
) -> Expanded:
    """Expand `markdown` (the page's text below its front matter, `line_offset` lines down the
    file `page`), with every generated block and late piece replaced by a token."""
    blocks, late = Stash("block"), Stash("late")
    ctx = Context(
        dataset,
        article_links=article_links,
        links=links,
        place_block=blocks.place,
        place_late=late.place,
        notice_in_header=notice_in_header,
    )
    expanded, problems = expand(markdown, page, line_offset, ctx)
    return Expanded(expanded, problems, blocks, late, frozenset(ctx.shown), frozenset(ctx.bios))


def put_back(html: str, stash: Stash | None) -> str | None:
    """`html` with the stash's tokens replaced by what they stand for; None if it has none.
    Raises LeftOver if a token is missing from `html`."""
    if stash is None or not stash.html:
        return None
    waiting = dict(stash.html)
    html = STASHED.sub(lambda m: waiting.pop(m.group(0), m.group(0)), html)
    if waiting:
        raise LeftOver(len(waiting))
    return html
