"""Linear scans of a page's Markdown: placeholders, fenced code, inline code, the writer's HTML
comments, headings and link targets. Knows nothing of MkDocs or of what a placeholder means.

Every pattern here runs in time linear in the page, whatever the page holds: a placeholder's
body is at most 400 characters (four ids need far fewer), and fenced code is found line by
line, not by one pattern that could backtrack.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

PLACEHOLDER = re.compile(r"<!--[ \t]*data:(?P<body>[^\n]{0,400}?)-->")
OPENING = re.compile(r"<!--[ \t]*data:")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)", re.M)  # an ATX heading's hashes
SETEXT = re.compile(r"^ {0,3}\S[^\n]*\n {0,3}(=+|-+)[ \t]*$", re.M)  # a line underlined: = is h1, - is h2
FENCE = re.compile(r"^(`{3,}|~{3,})([^\n]*)$", re.M)  # opens or closes fenced code: at the margin, as Markdown has it
BACKTICKS = re.compile(r"`+")
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.M)

Span = tuple[int, int]


def inside(spans: list[Span]) -> Callable[[int], Span | None]:
    """For spans in order: the one a position lies in, or None (a binary search)."""
    starts = [start for start, _ in spans]

    def at(pos: int) -> Span | None:
        i = bisect.bisect(starts, pos) - 1
        return spans[i] if i >= 0 and pos < spans[i][1] else None

    return at


def line_starts(text: str) -> list[int]:
    """The offset where each line starts: with bisect, a position's line in log time."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def fenced_code(markdown: str) -> list[Span]:
    """Spans of fenced code blocks: from an opening fence to the next line with exactly the
    same fence and nothing else. One pass over the fence lines."""
    spans: list[Span] = []
    fence, opened = None, 0
    for line in FENCE.finditer(markdown):
        if fence is None:
            fence, opened = line.group(1), line.start()
        elif line.group(1) == fence and not line.group(2).strip(" \t"):
            spans.append((opened, line.end()))
            fence = None
    return spans


def comments(markdown: str, in_code: Callable[[int], bool]) -> list[Span]:
    """The spans of the writer's own HTML comments (not placeholders, not in code), in order.
    Like a browser, a comment ends at the first '-->' after its '<!--'. One pass: linear."""
    spans: list[Span] = []
    pos = 0
    while (start := markdown.find("<!--", pos)) >= 0:
        if in_code(start) or OPENING.match(markdown, start):
            pos = start + 4
            continue
        end = markdown.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        pos = end + 3
    return spans


def code_spans(text: str) -> list[Span]:
    """Inline code spans on each line: a run of backticks up to the next run of the same
    length (as CommonMark pairs them). One pass over the runs: linear, whatever the text."""
    spans = []
    opened: tuple[int, int] | None = None  # (start, length) of the open run
    line_end = -1
    for run in BACKTICKS.finditer(text):
        if run.start() > line_end:  # a new line: an unclosed run stays literal
            opened, line_end = None, text.find("\n", run.start()) % (len(text) + 1)
        length = run.end() - run.start()
        if opened is None:
            opened = (run.start(), length)
        elif length == opened[1]:
            spans.append((opened[0], run.end()))
            opened = None
    return spans


def code(markdown: str) -> list[Span]:
    """What Markdown shows as typed: fenced code blocks, and inline code spans outside them, in
    order and never overlapping. A placeholder in either is an example, left as written."""
    fenced_at = inside(fenced := fenced_code(markdown))
    return sorted([*fenced, *(span for span in code_spans(markdown) if fenced_at(span[0]) is None)])


def headings(markdown: str, code_at: Callable[[int], Span | None] | None = None) -> list[tuple[int, int]]:
    """(start, level) of every heading outside fenced code, in order: ATX (`## x`) and setext
    (a line underlined with = or -). `code_at`: the page's fenced code, if already found."""
    code_at = code_at or inside(fenced_code(markdown))
    found = sorted(
        [(m.start(), len(m.group(1))) for m in HEADING.finditer(markdown)]
        + [(m.start(), 1 if m.group(1)[0] == "=" else 2) for m in SETEXT.finditer(markdown)]
    )
    return [(start, level) for start, level in found if code_at(start) is None]


def top_headings(markdown: str) -> tuple[str, ...]:
    """The text of each level-1 heading's line: a page's title in the navigation may come from one."""
    ends = (markdown.find("\n", start) % (len(markdown) + 1) for start, _ in headings(markdown))
    return tuple(
        markdown[start:end] for (start, level), end in zip(headings(markdown), ends, strict=True) if level == 1
    )


def placeholders(markdown: str) -> list[list[str]]:
    """The words of each placeholder outside code, in order: a scan only (expanding the page
    reports any mistake in them)."""
    code_at = inside(code(markdown))
    return [m.group("body").split() for m in PLACEHOLDER.finditer(markdown) if code_at(m.start()) is None]


def link_targets(text: str) -> tuple[str, ...]:
    """The relative addresses a page's Markdown links to (links and images, inline or by
    reference), without their #anchor."""
    found = (a or b for a, b in LINK.findall(text))
    return tuple(sorted({t.split("#", 1)[0] for t in found if t.split("#", 1)[0] and "://" not in t}))
