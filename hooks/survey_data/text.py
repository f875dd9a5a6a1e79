"""The plain text a data file or a page's front matter may hold: its limits, the characters no
output can carry, and the figures that may not be typed into it."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

# Limits, documented in CONTRIBUTING.md: far above any real text, low enough that a hostile
# file is rejected at once.
MAX_TEXT = 1_000  # a label, title or question
MAX_LONG_TEXT = 20_000  # a bio or a takeaway's body

# Characters no output can carry: C0 and C1 controls (XML and HTML refuse them), line and
# paragraph separators, bidirectional controls (they reorder the sentences a label sits in),
# noncharacters and lone surrogates (not encodable as UTF-8). LongText may break lines.
_NONCHARACTERS = "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17))
UNPUBLISHABLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
    "\ud800-\udfff" + _NONCHARACTERS + "]"
)
# Markdown or HTML in a plain text, which would be shown as typed: **bold**, *italics*, a link
# [text](address), a tag such as <em>.
_MARKUP = re.compile(
    r"(\*\*|__)[^\s*_](?:[^*_\n]*[^\s*_])?\1|(?<![\w*])\*[^\s*](?:[^*\n]*[^\s*])?\*(?![\w*])"
    r"|\[[^\]\n]+\]\([^)\s]+\)|</?(?:em|strong|b|i|u|a|br|p|span|sup|sub)\b[^>\n]*>",
    re.IGNORECASE,
)
# A whole text in one pair of curly quotes (U+201C and U+201D, say), as a phone or a word
# processor types quotes: the writer meant quoting, and YAML would keep the quotes in the text.
_CURLY_QUOTED = re.compile(
    "\u201c[^\u201c\u201d\n]*\u201d|\u2018[^\u2018\u2019\n]*\u2019|\u00ab[^\u00ab\u00bb\n]*\u00bb"
    "|\u201e[^\u201e\u201c\u201d\n]*[\u201c\u201d]"
)
_PLACEHOLDER = re.compile(r"<!--[ \t]*data:")
# A percentage typed where a reader sees it: figures come from survey files only. "&#37;" (in
# a page) writes a sign this does not match; its other spellings are matched, and a figure in
# bold or italics before its sign (**53**%).
TYPED_FIGURE = re.compile(  # \uff05: the fullwidth percent sign
    r"(?<![%\w])\d{1,3}(?:[.,]\d+)?(?:[*_]{1,3}|</(?:b|strong|em|i)>)?\s*(?:pct?\b|\\?(?:%|\uff05|&percnt;|&#[xX]0*25;|\\[uxU]0*25)(?![0-9A-Fa-f]{2})|per\s?cent\b)",
    re.IGNORECASE,
)


def unpublishable(text: str, breaks: bool = False) -> tuple[int, str] | None:
    """The first character of `text` that no output can carry, as (index, message), or None.
    `breaks`: line breaks are allowed (a bio, a page's Markdown)."""
    for match in UNPUBLISHABLE.finditer(text):
        char = match.group(0)
        if breaks and char in "\n\r":
            continue
        code = f"{ord(char):04X}"
        return (
            match.start(),
            f"holds a character that cannot be published (U+{code}, {character_kind(char)}); remove it",
        )
    return None


def _publishable(text: str, breaks: bool = False) -> str:
    found = unpublishable(text, breaks)
    if found is not None:
        raise PydanticCustomError("text_character", found[1])
    if _PLACEHOLDER.search(text):
        raise PydanticCustomError(
            "text_placeholder",
            "holds a placeholder, which works only in a page's text, not in data or front matter; "
            "write it in words (a figure typed here is refused too: figures come from placeholders only)",
        )
    if (markup := _MARKUP.search(text)) is not None:
        raise PydanticCustomError(
            "text_markup",
            "is plain text, shown exactly as typed: write it without Markdown or HTML "
            f"({markup.group(0)[:30]!r} would be shown as it is)",
        )
    if _CURLY_QUOTED.fullmatch(text):
        raise PydanticCustomError(
            "text_curly_quoted",
            "is wrapped in curly quotes, which YAML keeps as part of the text (the site would show them): remove "
            "them, or type straight quotes (\") if the text holds ': '",
        )
    return text


def character_kind(char: str) -> str:
    code = ord(char)
    if char in "\n\r\u2028\u2029":
        return "a line break: this text stays on one line"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return "a control of the writing direction"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "a control character"
    if 0xD800 <= code <= 0xDFFF:
        return "half of a character"
    return "a noncharacter"


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT), AfterValidator(_publishable)
]
LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LONG_TEXT),
    AfterValidator(lambda text: _publishable(text, breaks=True)),
]
