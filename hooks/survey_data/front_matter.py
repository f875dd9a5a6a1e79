"""A page's front matter, read with the project's own safe reader before the engine reads it,
and the characters a page may hold."""

from __future__ import annotations

import re
import typing

from survey_data.errors import Problem
from survey_data.models import ArticleMeta, PageMeta, unpublishable
from survey_data.suggest import suggest
from survey_data.validate import at, validate

MAX_PAGE_BYTES = 1024 * 1024  # a page's Markdown; the article is about 5 KB
# As MkDocs reads it, and also where the closing line ends the file (MkDocs would then show
# the block as text; we read it, and hand MkDocs the page without it).
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)


def load_front_matter(
    shown: str, source: str, authors: typing.Collection[str] | None, article: bool = True
) -> tuple[PageMeta | None, list[Problem]]:
    """Validate a page's front matter (the `---` block at the top of its Markdown) with the
    project's own safe reader, before MkDocs reads it. An article (`article`) must have one,
    naming one of `authors` (unless None: authors failed to load); any other page may."""
    match = FRONT_MATTER.match(source)
    if not match:
        if not article:
            return None, []
        message = "an article starts with front matter: a '---' line, then title, summary and author, then '---'"
        return None, [Problem(shown, 1, 1, "", message)]
    meta, problems, doc = validate(shown, match.group(1), ArticleMeta if article else PageMeta, line_offset=1)
    if article and meta is not None and authors is not None and meta.author not in authors:
        message = f"unknown author '{meta.author}'" + suggest(meta.author, authors) + " (see data/authors.yml)"
        return None, [at(shown, doc, ("author",), message, 1, at_key=False)]
    return meta, problems


def page_characters(shown: str, source: str) -> list[Problem]:
    """A page's Markdown may break lines but holds no character a page cannot publish (the
    first one is reported: one is enough to stop, and the writer fixes the paste)."""
    found = unpublishable(source, breaks=True)
    if found is None:
        return []
    index, message = found
    line = source.count("\n", 0, index) + 1
    return [Problem(shown, line, index - source.rfind("\n", 0, index), "", message)]


def body_start(source: str) -> int:
    """Where a page's Markdown starts after its front matter (0 if it has none)."""
    match = FRONT_MATTER.match(source)
    return match.end() if match else 0
