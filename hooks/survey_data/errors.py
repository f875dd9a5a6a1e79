"""How the project reports a writer's mistake: one line, `file:line:col: where: what`.

A report is printed to a terminal and to CI logs, where a line that starts with `::` is a
GitHub workflow command. So nothing from a file (a key, a value, a file name) reaches it raw:
control characters and line breaks are escaped, and every quoted value is cut short.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MAX_QUOTED = 60  # characters of a value from a file shown in a message
MAX_WHERE = 120  # characters of a field path or placeholder shown as "where"
MAX_FILE = 200  # characters of a file name

# Line breaks of any kind, C0/C1 controls, bidirectional controls (which reorder what follows
# on a terminal), noncharacters and lone surrogates: never printed as they are.
_UNPRINTABLE = re.compile(
    # Also what looks like nothing or like another character in a message: no-break and
    # zero-width spaces, the word joiner, the byte-order mark, the no-break hyphen.
    "[\x00-\x1f\x7f-\xa0\u00ad\u2011\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff"
    "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]"
)


def printable(text: str, limit: int | None = None) -> str:
    """`text` with every unprintable character written as an escape (\\n, \\x01, \\u202e), and
    cut to `limit` characters with an ellipsis."""
    text = _UNPRINTABLE.sub(_escape, text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def quote(value: object, limit: int = MAX_QUOTED) -> str:
    """A value from a file, for a message: 'text' in quotes, anything else as Python shows it;
    short, and printable. Never fails, whatever the value (a 5,000-digit integer included)."""
    if isinstance(value, str):
        return "'" + printable(value, limit) + "'"
    if isinstance(value, datetime.date):  # YAML read an unquoted date: show it as written
        return value.isoformat()
    if isinstance(value, bool) or value is None:  # as YAML spells them, not as Python does
        return {True: "true", False: "false", None: "nothing"}[value]
    try:
        text = repr(value)
    except ValueError:  # an integer too long to convert to text
        text = f"a number of about {value.bit_length() * 3 // 10:,} digits" if isinstance(value, int) else "a value"
    return printable(text, limit)


@dataclass(frozen=True)
class Problem:
    file: str  # path as the writer knows it, relative to the project: data/surveys/x.yml
    line: int | None  # 1-based
    column: int | None  # 1-based
    where: str  # field path (questions[0].answers[1].percent) or placeholder; may be ""
    message: str  # what is wrong, and where possible how to fix it

    def __str__(self) -> str:
        place = printable(self.file, MAX_FILE)
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        where = printable(self.where, MAX_WHERE)
        message = printable(self.message)  # its quoted values are already short
        return f"{place}: {where}: {message}" if where else f"{place}: {message}"


class DataError(Exception):
    """One or more problems found in the writer's files; str() is the report."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
