"""A page's front matter, read with the project's own safe reader before the engine reads it,
and the characters a page may hold."""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping

from survey_data.errors import Problem, quote
from survey_data.page_meta import ArticleMeta, PageMeta
from survey_data.suggest import nearest, suggest
from survey_data.text import unpublishable
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
        slip = _front_matter_slip(shown, source)
        if slip is not None or not article:
            return None, [slip] if slip else []
        message = "an article starts with front matter: a '---' line, then title, summary and author, then '---'"
        return None, [Problem(shown, 1, 1, "", message)]
    meta, problems, doc = validate(shown, match.group(1), ArticleMeta if article else PageMeta, line_offset=1)
    if not article and len(_articles_fields(problems)) >= 2 and shown.rsplit("/", 1)[-1] != "index.md":
        return None, [_not_in_articles(shown, _articles_fields(problems))]
    if article and meta is not None and authors is not None and meta.author not in authors:
        hint = _author_hint(meta.author, authors)
        message = f"unknown author {quote(meta.author)}{hint} (see data/authors.yml)"
        return None, [at(shown, doc, ("author",), message, 1, at_key=False)]
    return meta, problems


# The first lines of a front matter a writer began and got wrong: blank lines above it, a dash an
# editor made of '---' (an en or em dash), or no closing line before the text.
_DASHES = re.compile(r"[ \t]*(?:[\u2012-\u2015\u2212]+-*|-{1,2}[\u2012-\u2015]+|—)[ \t]*(?:\n|\Z)")
_SETTING = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")


def _in_settings(text: str) -> bool:
    """A line of front matter: a setting, or a value's next line (indented, or a list entry)."""
    return bool(_SETTING.match(text)) or text.startswith((" ", "\t", "-"))


def _front_matter_slip(shown: str, source: str) -> Problem | None:
    """Why a page that means to start with front matter does not, or None."""
    lines = source.split("\n")
    first = next((i for i, text in enumerate(lines[:20]) if text.strip()), None)
    if first is None:
        return None
    if (
        first > 0
        and lines[first].strip() == "---"
        and _SETTING.match(lines[first + 1] if first + 1 < len(lines) else "")
    ):
        message = "the front matter must start on line 1: remove the blank lines above its '---'"
        return Problem(shown, 1, 1, "", message)
    if _DASHES.match(lines[0] + "\n"):
        message = "front matter opens with '---', three hyphens; this line has a dash an editor made: type '---'"
        return Problem(shown, 1, 1, "", message)
    if lines[0].strip() == "---" and len(lines) > 1 and _SETTING.match(lines[1]):
        end = next((i for i, text in enumerate(lines[1:], 2) if not _in_settings(text)), len(lines))
        message = (
            "the front matter opened on line 1 is never closed: "
            f"add a '---' line after its last setting (line {end - 1})"
        )
        return Problem(shown, end, 1, "", message)
    return None


# What only an article's front matter holds: a page with them was meant to be an article.
_ARTICLE_ONLY = [name for name in ArticleMeta.model_fields if name not in PageMeta.model_fields]


def _articles_fields(problems: list[Problem]) -> list[str]:
    return [p.where for p in problems if p.where in _ARTICLE_ONLY and p.message.startswith("unknown key")]


def _not_in_articles(shown: str, fields: list[str]) -> Problem:
    """An article saved outside docs/articles/: the fix is to move it, not to delete its fields."""
    folder, _, name = shown.partition("/")
    named = " and ".join(f"'{f}'" for f in fields)
    message = (
        f"this page has an article's {named}, but articles live in {folder}/articles/: "
        f"move the file to {folder}/articles/{name.rsplit('/', 1)[-1]}"
    )
    return Problem(shown, 1, 1, "", message)


def _author_hint(written: str, authors: typing.Collection[str]) -> str:
    """The id to write: the author whose id or name is closest to what was written."""
    names = {a.name.casefold(): i for i, a in authors.items()} if isinstance(authors, Mapping) else {}
    if written.casefold() in names:
        return f": write the author's id, '{names[written.casefold()]}', not their name"
    by_id = nearest(written, authors)
    if by_id is None and (by_name := nearest(written.casefold(), names)) is not None:
        return f"; did you mean '{names[by_name]}' ({authors[names[by_name]].name})?"
    return suggest(written, authors)


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
