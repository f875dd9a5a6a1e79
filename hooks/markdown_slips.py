"""Slips in a page's Markdown that Markdown itself forgives by publishing them as they are: a
link whose address never arrives, an image no one can read or that the site's policy blocks,
a sign doubled after a figure. Each is a Problem at its line and column. A pure, linear scan
outside code and the writer's comments; knows nothing of MkDocs."""

from __future__ import annotations

import bisect
import re

from markdown_scan import PLACEHOLDER, code, comments, inside, line_starts
from survey_data import Problem

# "[text] (https://...)": a space between the text and its address makes it plain text.
_SPACED_LINK = re.compile(r"(?<!!)\[[^\]\n]{1,300}\][ \t]+\((?:https?://|mailto:|\.{0,2}/|[\w-]+\.md)")
# "[text][name]" or "[text][]": a link by reference, whose address a "[name]: ..." line gives.
_REFERENCE = re.compile(r"(?<![\]\\])\[([^\[\]\n]{1,300})\]\[([^\[\]\n]{0,300})\]")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]{1,300})\]:", re.M)
# Images: Markdown's ![alt](address) and HTML's <img ...>.
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\(\s*<?([^)\s>]*)")
_IMG_TAG = re.compile(r"<img\b[^>\n]{0,2000}>", re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_REMOTE = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*:|//)")
# "[x](https://e.org/my report.pdf)": an address with a space, unless what follows is a title
# in straight quotes or parentheses, as Markdown has it.
_SPACED_ADDRESS = re.compile(r"\]\(\s*([^()\s<>]+)[ \t]+(?![\"'(])([^)\n]{1,300})\)")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
# A figure placeholder already shows its sign: "53%%", "53% percent".
_SIGN_AFTER = re.compile(r"[ \t\u00a0]?(?:%|\uff05|&#37;|percent\b|per cent\b)", re.I)


def markdown_slips(shown: str, text: str, start: int = 0) -> list[Problem]:
    """The slips in `text` (a page's whole text) from `start` (below its front matter)."""
    code_at = inside(code(text))
    skipped = inside(sorted([*code(text), *comments(text, lambda pos: code_at(pos) is not None)]))
    starts = line_starts(text)
    problems: list[Problem] = []

    def say(pos: int, message: str) -> None:
        if pos >= start and skipped(pos) is None:
            line = _line(starts, pos)
            problems.append(Problem(shown, line, pos - starts[line - 1] + 1, "", message))

    for found in _SPACED_LINK.finditer(text):
        say(found.start(), "a space between a link's ']' and its '(' makes it plain text: remove the space")
    defined = {name.strip().casefold() for name in _DEFINITION.findall(text)}
    for found in _REFERENCE.finditer(text):
        name = (found[2] or found[1]).strip()
        if name.casefold() not in defined:
            say(found.start(), f"a link to [{name[:40]}], whose address is never given: add a line '[{name[:40]}]: "
                "https://...' below the paragraph, or write the address in the link, [text](https://...)")  # fmt: skip
    for found in _SPACED_ADDRESS.finditer(text):
        rest = found[2]
        if rest[:1] in "\u201c\u2018":
            say(
                found.start() + 2,
                "the link's title is in curly quotes, which Markdown does not read: use straight quotes (\")",
            )
        else:
            say(found.start() + 2, "an address with a space in it: write each space as %20")
    fenced_ends = {end for _, end in code(text)}
    for found in _FENCE_OPEN.finditer(text, start):
        if code_at(found.start()) is None and not any(end > found.start() for end in fenced_ends):
            say(
                found.start(),
                f"a code block opened with {found[1]} is never closed: add a line {found[1]} where it ends",
            )
            break
    for found in _IMAGE.finditer(text):
        _image(say, found.start(), found[1], found[2])
    for found in _IMG_TAG.finditer(text):
        alt = _ALT.search(found[0])
        src = _SRC.search(found[0])
        described = next((a for a in alt.groups() if a is not None), "") if alt else ""
        _image(say, found.start(), described, src[1] if src else "")
    for found in PLACEHOLDER.finditer(text):
        words = found["body"].split()
        if words[:1] == ["figure"] and code_at(found.start()) is None and _SIGN_AFTER.match(text, found.end()):
            say(found.end(), "the figure shows its own % sign: remove the one after the placeholder")
    return problems


def _image(say, pos: int, alt: str, address: str) -> None:
    name = address.rsplit("/", 1)[-1]
    if alt.strip() and name and alt.strip().casefold() in (name.casefold(), name.rsplit(".", 1)[0].casefold()):
        say(pos, "an image described by its file name: write what it shows instead, ![a bar chart of ...](...)")
    if not alt.strip():
        say(pos, "an image with no description: write what it shows, ![a bar chart of ...](...), so that "
            "readers who cannot see it are told")  # fmt: skip
    if _REMOTE.match(address) and not address.lower().startswith("data:"):
        say(pos, "an image from another site, which every reader's browser would fetch from there (and the "
            "site's policy blocks): save the image in docs/ beside the page and link to it there")  # fmt: skip


def _line(starts: list[int], pos: int) -> int:
    return bisect.bisect(starts, pos)
