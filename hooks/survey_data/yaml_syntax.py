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
    opened = _quote_run_on(tokens, line)
    if opened is not None:
        return opened
    source = text.split("\n")[line - 1] if line - 1 < text.count("\n") + 1 else ""
    curly = next((i for i, char in enumerate(source) if char in CURLY_QUOTES), None)
    if curly is not None:
        message = (
            f'curly quotes ({source[curly]}) are text to YAML, not quotes: type straight quotes (") around '
            "the text instead"
        )
        return message, line, curly + 1
    return _indentation(tokens, source, line)


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


def _quote_run_on(tokens: list[yaml.Token], line: int) -> tuple[str, int, int] | None:
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


def _levels(tokens: list[yaml.Token], line: int) -> list[Level]:
    """The block collections still open at the start of `line`, outermost first."""
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
            stack.pop()
    return stack


def _indentation(tokens: list[yaml.Token], source: str, line: int) -> tuple[str, int, int] | None:
    indent = len(source) - len(source.lstrip(" "))
    levels = _levels(tokens, line)
    if not levels or not source.strip():
        return None
    is_entry = source.lstrip(" ").startswith("-")
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
