"""A YAML syntax error said as a writer can act on it: where the mistake is, which is often
above the line where the parser gave up, and what to type. Reads the tokens the scanner made
before the error; knows nothing of the models.

- A quote left open runs on over the lines below, up to the next quote: the parser stops
  there, lines later. The mistake is the line where the quote opened.
- Curly quotes (U+201C and U+201D, U+2018 and U+2019) are text to YAML, not quotes.
- A line indented to no level above it: the message names the levels there are, with their
  lines, or says that the line stands where a list's '- ' does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


@dataclass(frozen=True)
class Level:
    """A block collection open above the error: its items start at `column` (0-based)."""

    kind: str  # "mapping" (keys) or "list" ('- ')
    column: int
    line: int  # 1-based, where its first item is
    first: str  # its first key, or "" for a list


def diagnose(text: str, line: int, loader: type) -> tuple[str, int, int] | None:
    """(message, line, column) for a syntax error the parser reported on `line` (1-based), or
    None where the parser's own explanation is the best there is."""
    tokens = _tokens_before(text, line, loader)
    lines = text.split("\n")
    source = lines[line - 1] if line - 1 < len(lines) else ""
    for check in (_quote_run_on, _text_after_quote):
        found = check(tokens, line, lines)
        if found is not None:
            return found
    curly = next((i for i, char in enumerate(source) if char in CURLY_QUOTES), None)
    if curly is not None:
        message = (
            f'curly quotes ({source[curly]}) are text to YAML, not quotes: type straight quotes (") around '
            "the text instead"
        )
        return message, line, curly + 1
    return _slip_above(lines, line) or _indentation(tokens, source, line)


# Slips on a line that the parser reports a line or two later, or as an indentation.
_ODD_SPACE = re.compile("^[ \t]*([\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff])")
_DASH_NO_SPACE = re.compile(r"^([ ]*)-(?=[^\s-])")
_COLON_NO_SPACE = re.compile(r"^[ ]*(?:- )?([A-Za-z_][\w-]*):(?=[^\s/:])")


def _slip_above(lines: list[str], line: int) -> tuple[str, int, int] | None:
    """An invisible space in an indentation, a '-' or a ':' with no space after it, on the
    error's line or the few lines above it."""
    for number in range(min(line, len(lines)), max(line - 3, 0), -1):
        source = lines[number - 1]
        if odd := _ODD_SPACE.match(source):
            message = (
                f"an invisible character in the indentation (U+{ord(odd[1]):04X}, a space pasted from elsewhere): "
                "retype the indentation with plain spaces"
            )
            return message, number, odd.start(1) + 1
        if dash := _DASH_NO_SPACE.match(source):
            fixed = source.strip().replace("-", "- ", 1)
            return f"a '-' with no space after it: write '{fixed[:40]}'", number, len(dash[1]) + 1
        if colon := _COLON_NO_SPACE.match(source):
            return f"no space after the ':': write '{colon[1]}: ...'", number, colon.end()
    return None


def _tokens_before(text: str, line: int, loader: type) -> list[yaml.Token]:
    """The scanner's tokens up to where it stopped or to the error's line, whichever is first."""
    tokens: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=loader):
            tokens.append(token)
            if token.start_mark.line + 1 > line:
                break
    except yaml.YAMLError:
        pass
    return tokens


def _quote_run_on(tokens: list[yaml.Token], line: int, lines: list[str]) -> tuple[str, int, int] | None:
    """A quoted text that opened on an earlier line and ran on to the error's line."""
    for token in reversed(tokens):
        if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
            start, end = token.start_mark, token.end_mark
            if start.line < end.line and end.line + 1 >= line - 1 and start.line + 1 < line:
                message = (
                    f"a quote ({token.style}) opened here is not closed on this line: the text runs on to line "
                    f"{end.line + 1}; add the closing quote"
                )
                return message, start.line + 1, start.column + 1
    return None


def _text_after_quote(tokens: list[yaml.Token], line: int, lines: list[str]) -> tuple[str, int, int] | None:
    """A quoted text with more text after its closing quote, on the error's line."""
    for token in reversed(tokens):
        if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') and token.end_mark.line + 1 == line:
            rest = lines[line - 1][token.end_mark.column :].strip()
            if rest and rest[0] not in "#:,]}":
                message = (
                    "text after the closing quote: put the whole text inside one pair of quotes (single quotes "
                    "around text that holds double ones)"
                )
                return message, line, token.start_mark.column + 1
    return None


def _levels(tokens: list[yaml.Token], line: int, closed: list[Level] | None = None) -> list[Level]:
    """The block collections still open at the start of `line`, outermost first; `closed`
    gets the lists that ended above it, with the line that ended each."""
    stack: list[Level] = []
    for index, token in enumerate(tokens):
        if token.start_mark.line + 1 >= line:
            break
        if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)):
            is_mapping = isinstance(token, yaml.BlockMappingStartToken)
            key = tokens[index + 2] if is_mapping and index + 2 < len(tokens) else None
            first = key.value if isinstance(key, yaml.ScalarToken) else ""
            kind = "mapping" if is_mapping else "list"
            stack.append(Level(kind, token.start_mark.column, token.start_mark.line + 1, first[:40]))
        elif isinstance(token, yaml.BlockEndToken) and stack:
            ended = stack.pop()
            if closed is not None and ended.kind == "list":
                closed.append(Level("list", ended.column, ended.line, str(token.start_mark.line + 1)))
    return stack


def _indentation(tokens: list[yaml.Token], source: str, line: int) -> tuple[str, int, int] | None:
    indent = len(source) - len(source.lstrip(" "))
    closed: list[Level] = []
    levels = _levels(tokens, line, closed)
    if not levels or not source.strip():
        return None
    is_entry = source.lstrip(" ").startswith("-")
    ended = [lv for lv in closed if lv.column == indent and is_entry and not any(o.column == indent for o in levels)]
    if ended:  # an entry added below the line that ended its list (a question after 'answers_for:')
        entry = ended[-1]
        message = (
            f"this '- ' entry is indented like the list that starts on line {entry.line}, but that list ended "
            f"on line {entry.first}: move the entry up, into the list (above line {entry.first})"
        )
        return message, line, indent + 1
    lists = [level for level in levels if level.kind == "list" and level.column == indent]
    if lists and not is_entry:
        entry = lists[-1]
        inner = next((lv for lv in levels if lv.kind == "mapping" and lv.column > entry.column), None)
        belongs = (
            f"indent it {_spaces(inner.column)}, like '{inner.first}' on line {inner.line}, to keep it in that entry"
            if inner
            else "indent it more to keep it in that entry"
        )
        message = (
            f"this line is indented {_spaces(indent)}, where the '- ' of the list on line {entry.line} stands, "
            f"but it does not start with '- ': {belongs}, or start a new entry with '- '"
        )
        return message, line, indent + 1
    if any(level.column == indent for level in levels):
        return None  # it lines up with a level: the mistake is elsewhere, the parser's words stand
    nearest = sorted(levels, key=lambda lv: abs(lv.column - indent))[:2]
    described = " and ".join(
        (f"'{lv.first}' on line {lv.line}" if lv.kind == "mapping" else f"the '- ' on line {lv.line}")
        + f" is indented {_spaces(lv.column)}"
        for lv in nearest
    )
    message = (
        f"this line is indented {_spaces(indent)}, which lines up with nothing above it: {described}; "
        "indent it like the line it belongs with"
    )
    return message, line, indent + 1


def _spaces(count: int) -> str:
    return f"{count} space{'s' * (count != 1)}"


_COMMENT_NO_SPACE = re.compile(r"[ \t]#[^\s#]")


def text_cut_by_a_comment(text: str, loader: type) -> tuple[str, int, int] | None:
    """A plain text followed by ' #word' on its line: YAML reads '#word' as a comment and cuts
    the text there ("Our #1 priority" is "Our"). A comment that means to be one has a space
    after '#', as yamllint asks."""
    if not _COMMENT_NO_SPACE.search(text):
        return None  # the usual case: nothing to scan
    lines = text.split("\n")
    for token in yaml.scan(text, Loader=loader):
        if isinstance(token, yaml.ScalarToken) and token.plain and token.end_mark.line < len(lines):
            after = lines[token.end_mark.line][token.end_mark.column :]
            found = re.match(r"[ \t]+(#[^\s#]\S*)", after)
            if found:
                message = (
                    f"{found[1][:30]!r} is read as a comment, which cuts the text before it: put the whole text "
                    "in quotes; for a comment, put a space after the '#'"
                )
                return message, token.end_mark.line + 1, token.end_mark.column + found.start(1) + 1
    return None
