"""Figures typed into a page: every percentage a reader sees must come from data/, so one typed
into the Markdown is a mistake, reported at its line and column. Knows nothing of MkDocs."""

from __future__ import annotations

import bisect
import re

from markdown_scan import code_spans, comments, fenced_code, inside, line_starts
from survey_data import Problem
from survey_data.errors import quote
from survey_data.front_matter import body_start
from survey_data.text import TYPED_FIGURE

MAX_PROBLEMS = 50  # per page: one is enough to stop, and a pasted table can hold thousands

# What decides whether a figure stands in text: a tag's opening (an HTML tag starts with a
# letter, '/' or '!': "(< 53%)" is text), a tag's end, a link address's opening "](" and a ")".
_MARKS = re.compile(r"<[A-Za-z/!]|>|\]\(|\)")


class _Line:
    """Where the scan stands on one line: the last mark of each kind before the cursor. The
    cursor only moves forward, so a line is read once however many figures it holds."""

    def __init__(self, text: str, start: int):
        self.text, self.start, self.cursor = text, start, start
        self.last = {"<": -1, ">": -1, "](": -1, ")": -1}
        self.indented = text.startswith(("    ", "\t"), start)

    def skip(self, pos: int) -> bool:
        """Whether a figure at `pos` is in indented code, inside a tag, or in a link's address."""
        for mark in _MARKS.finditer(self.text, self.cursor, pos):
            self.last[mark.group(0)[0] if mark.group(0)[0] == "<" else mark.group(0)] = mark.start()
        self.cursor = pos
        in_tag = self.last["<"] > self.last[">"]
        in_address = self.last["]("] > self.last[")"]
        return self.indented or in_tag or in_address


def typed_figures(page: str, text: str) -> list[Problem]:
    """Problems for each percentage typed into a page's text (front matter included), outside
    code, HTML comments and tags, and addresses (50%20 is an encoded space)."""
    code = fenced_code(text)
    code_at = inside(code)
    skipped_at = inside(sorted([*code, *comments(text, lambda pos: code_at(pos) is not None), *code_spans(text)]))
    front_end = body_start(text)
    starts = line_starts(text)
    problems = []
    scan: _Line | None = None
    for match in TYPED_FIGURE.finditer(text):
        if skipped_at(match.start()) is not None:
            continue
        line = bisect.bisect(starts, match.start())
        if scan is None or scan.start != starts[line - 1]:
            scan = _Line(text, starts[line - 1])
        if scan.skip(match.start()):
            continue  # indented code, inside a tag, or a link's address
        if match.start() < front_end:
            message = (
                "a percentage typed into the front matter: every figure must come from data/, and front matter is "
                "plain text shown as typed; write the share in words, or leave the figure to the article's text"
            )
        else:
            message = (
                "a percentage typed into the page: every figure must come from data/, so write "
                "<!-- data:figure SURVEY QUESTION ANSWER --> instead; for a percentage that is not a survey figure, "
                "write the sign as &#37; (50&#37;) or the space before 'percent' as &nbsp;"
            )
        problems.append(Problem(page, line, match.start() - starts[line - 1] + 1, quote(match.group(0)), message))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems
