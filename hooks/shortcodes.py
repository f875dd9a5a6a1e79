"""Find the `<!-- data:KIND ARG... -->` placeholders in a page's Markdown and replace each
with the HTML its kind renders (placeholder_kinds). Knows nothing of MkDocs, so it is tested
on plain strings; the MkDocs hooks and the Python-Markdown extension (survey_markdown) both
call expand() through page_expansion.

A placeholder is an HTML comment: it reads sensibly in raw Markdown and is invisible in a
Markdown preview. Anything that starts like one but cannot be resolved is a Problem, never
left in the page.
"""

from __future__ import annotations

import bisect
import re

from markdown_scan import OPENING, PLACEHOLDER, code, comments, fenced_code, headings, inside, line_starts
from placeholder_context import Context, Unresolved
from placeholder_kinds import KINDS
from survey_data import Problem
from survey_data.errors import quote
from survey_data.suggest import suggest
from survey_render.benchmark_table import SECTION_LEVEL

# A comment that a writer meant as a placeholder but mistyped ("Data:", "data :", "data-",
# a no-break space): it would vanish from the page without a word.
LOOKALIKE = re.compile(
    r"<!--[\s\u00a0\u200b]*data(?:[\s\u00a0]*[:\-]|[\s\u00a0]+(?:tables?|figure|takeaway|author|source|"
    r"self-assessment|articles|archive)\b)",
    re.IGNORECASE,
)
# Pieces with ids of their own: on a page once (the benchmarks and "Your benchmark" say so
# themselves, with their own words).
ONCE_A_PAGE = ("source", "author", "takeaway", "articles", "archive")
MAX_PLACEHOLDERS = 1_000  # per page: bounds the generated output (the article has 8)
MAX_PROBLEMS = 50  # per page: the rest are summed up in one line


def expand(markdown: str, page: str, line_offset: int, ctx: Context) -> tuple[str, list[Problem]]:
    """Replace every placeholder in `markdown`. `page` is the path shown in messages and
    `line_offset` the number of lines (front matter) above `markdown` in the file."""
    problems: list[Problem] = []
    code_at = inside(code(markdown))  # in order, never overlapping
    starts_of_lines = line_starts(markdown)

    def in_code(pos: int) -> bool:  # placeholders shown as examples in code stay as written
        return code_at(pos) is not None

    found_headings = headings(markdown, inside(fenced_code(markdown)))
    heading_starts = [start for start, _ in found_headings]
    writer_comments = comments(markdown, in_code)
    comment_at = inside(writer_comments)

    def in_comment(pos: int) -> int | None:
        """The start of the writer's HTML comment that `pos` lies in, if any."""
        span = comment_at(pos)
        return span[0] if span else None

    def level_at(pos: int) -> int:
        above = bisect.bisect(heading_starts, pos)
        return min(found_headings[above - 1][1] + 1, 6) if above else SECTION_LEVEL

    def position(pos: int) -> tuple[int, int]:
        line = bisect.bisect(starts_of_lines, pos)
        return line_offset + line, pos - starts_of_lines[line - 1] + 1

    count = 0
    placed_once: dict[tuple[str, ...], int] = {}  # a piece shown once a page -> its line

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if in_code(match.start()):
            return match.group(0)
        count += 1
        if count > MAX_PLACEHOLDERS:
            if count == MAX_PLACEHOLDERS + 1:
                line, column = position(match.start())
                message = f"more than {MAX_PLACEHOLDERS:,} placeholders on one page; split the page"
                problems.append(Problem(page, line, column, "", message))
            return ""
        opened = in_comment(match.start())
        if opened is not None:
            line, column = position(match.start())
            message = (
                f"this placeholder is inside an HTML comment opened on line {position(opened)[0]} and not closed "
                "before it (comments do not nest): close that comment with '-->' where it should end; or, if you "
                "meant to hide this placeholder, delete its line instead"
            )
            problems.append(Problem(page, line, column, match.group(0).strip(), message))
            return match.group(0)
        ctx.level = level_at(match.start())
        words = tuple(match.group("body").split())
        if words[:1] and words[0] in ONCE_A_PAGE:
            if words in placed_once:  # the same piece twice: the page would hold its ids twice
                line, column = position(match.start())
                first = placed_once[words]
                message = f"'{words[0]}' with these words is already on this page, on line {first}; keep one"
                problems.append(Problem(page, line, column, match.group(0).strip(), message))
                return ""
            placed_once[words] = position(match.start())[0]
        try:
            return _resolve(match, markdown, ctx)
        except Unresolved as err:
            line, column = position(match.start())
            problems.append(Problem(page, line, column, match.group(0).strip(), str(err)))
            return ""

    for start, _ in writer_comments:
        if LOOKALIKE.match(markdown, start):
            line, column = position(start)
            text = markdown[start : markdown.find("-->", start) + 3]
            message = "this comment looks like a placeholder but is not one: a placeholder starts exactly '<!-- data:'"
            problems.append(Problem(page, line, column, quote(text), message))
    expanded = PLACEHOLDER.sub(replace, markdown)
    closed = {m.start() for m in PLACEHOLDER.finditer(markdown)}
    for opening in OPENING.finditer(markdown):
        if not in_code(opening.start()) and opening.start() not in closed:
            line, column = position(opening.start())
            line_end = markdown.find("\n", opening.start())
            dash = re.search(
                "[\u2013\u2014\u2012\u2212]>", markdown[opening.start() : line_end if line_end >= 0 else None]
            )
            message = "placeholder is not closed: end it with '-->' on the same line"
            if dash:
                message += f" (two hyphens and '>'; this line has '{dash[0]}', a dash an editor made)"
            problems.append(Problem(page, line, column, "", message))
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem(page, None, None, "", f"and {more:,} more problems like these")]
    return expanded, problems


def _resolve(match: re.Match[str], markdown: str, ctx: Context) -> str:
    words = match.group("body").split()
    if not words:
        raise Unresolved("empty placeholder; write one of: " + ", ".join(k.example(n) for n, k in KINDS.items()))
    name, args = words[0], words[1:]
    if name not in KINDS:
        raise Unresolved(f"unknown placeholder {quote(name)}" + suggest(name, KINDS))
    kind = KINDS[name]
    if name == "author" and len(args) > 1 and ctx.dataset is not None:
        by_name = {a.name.casefold(): i for i, a in ctx.dataset.authors.items()}
        if " ".join(args).casefold() in by_name:
            raise Unresolved(
                f"write the author's id, not their name: <!-- data:author {by_name[' '.join(args).casefold()]} -->"
            )
    if len(args) != len(kind.args):
        raise Unresolved(
            f"'{name}' takes {len(kind.args)} argument{'s' * (len(kind.args) != 1)}, "
            f"got {len(args)}; write it as {kind.example(name)}"
        )
    if not kind.block:
        return kind.render(ctx, *args)
    line_start = markdown.rfind("\n", 0, match.start()) + 1
    line_end = markdown.find("\n", match.end())
    line = markdown[line_start : None if line_end < 0 else line_end]
    marked = re.fullmatch(r"(?:[-*+]|\d{1,9}[.)]|>)[ \t]+(.*)", line.strip())  # "- <!-- data:table ... -->"
    if line.strip() != match.group(0) and not (marked and marked[1] == match.group(0)):
        raise Unresolved(f"'{name}' makes a block: put it on a line of its own, with a blank line before and after")
    if line != line.lstrip() or marked:
        raise Unresolved(
            f"'{name}' makes a block, which cannot go inside an indented note, list item or quote; "
            "start its line at the margin"
        )
    return "\n\n" + ctx.place_block(kind.render(ctx, *args)) + "\n\n"
