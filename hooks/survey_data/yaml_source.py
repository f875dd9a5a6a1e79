"""Parse YAML with `yaml.SafeLoader`, rejecting duplicate keys and remembering where
every key and value stands, so a validation error can point at a line and column."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from survey_data.errors import printable, quote
from survey_data.yaml_syntax import diagnose, text_cut_by_a_comment

Path = tuple[str | int, ...]

MAX_DEPTH = 12  # a survey file needs 5 levels; more is a mistake or an attack
_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; no data file needs that many"

# LibYAML's parser (C, in PyYAML's wheels) is about ten times faster than the pure-Python
# one and gives the same safe loading, events and marks; the Python one is the fallback.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
MAX_DIGITS = 15  # in a number: no percent or sample size needs more


class Loader(_SafeLoader):
    """Safe loading with YAML 1.2's core schema instead of PyYAML's YAML 1.1, so that what a
    writer wrote is what is read: `047` is 47 (not octal 39), `1:09` is the text "1:09" (not
    69 in base 60), `yes`/`no`/`on`/`off` are words (only true/false are booleans), and `<<`
    is an ordinary key. Dates (YYYY-MM-DD) stay dates; one that is not in the calendar
    (2026-02-30) is read as text, so the field's check names it. Numbers longer than
    MAX_DIGITS digits are refused where they stand."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 - PyYAML's class-level registry, replaced whole


# Every scalar tag (ours and PyYAML's) reads its node through the loader's construct_scalar,
# which refuses a list or a mapping (`!!int [1]`) with a marked error: one checked path for
# every node type, so no tag reaches a constructor with a node it cannot read.


def _integer(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    loader.construct_scalar(node)
    digits = node.value.lstrip("+-")
    if not digits.isdigit() or not digits.isascii():
        raise YamlProblem(f"not a whole number: {quote(node.value)}", _position(node))
    if len(digits) > MAX_DIGITS:
        raise YamlProblem(
            f"a number of {len(digits):,} digits; no figure needs more than {MAX_DIGITS}", _position(node)
        )
    return int(node.value, 10)


_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = loader.construct_scalar(node).lower()
    if text in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text]
    mantissa = re.split("e", text)[0]
    if sum(c.isdigit() for c in mantissa) > MAX_DIGITS:
        raise YamlProblem(f"a number of more than {MAX_DIGITS} digits; no figure needs that many", _position(node))
    try:
        return float(text)
    except ValueError:
        raise YamlProblem(f"not a number: {quote(node.value)}", _position(node)) from None


def _date(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> datetime.date | str:
    """YYYY-MM-DD as a date; anything else (2026-02-30, month 13, year 0, or `!!timestamp abc`)
    stays text, so that the field's own check says what is wrong."""
    found = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", loader.construct_scalar(node))
    try:
        return datetime.date(*(int(part) for part in found.groups())) if found else node.value
    except ValueError:
        return node.value


for _tag, _pattern, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("timestamp", r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$", "0123456789"),
]:
    Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


def _boolean(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    """true or false (YAML 1.2), whatever the tag was put before (`!!bool abc` is refused)."""
    value = loader.construct_scalar(node).lower()
    if value not in ("true", "false"):
        raise YamlProblem(f"not true or false: {quote(node.value)}", _position(node))
    return value == "true"


Loader.add_constructor("tag:yaml.org,2002:bool", _boolean)
Loader.add_constructor("tag:yaml.org,2002:int", _integer)
Loader.add_constructor("tag:yaml.org,2002:float", _decimal)
Loader.add_constructor("tag:yaml.org,2002:timestamp", _date)


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlDocument:
    data: Any
    # The parser's nodes, kept so that a position is worked out only when a problem needs one.
    keys: dict[Path, yaml.Node] = field(default_factory=dict)  # where each mapping key stands
    values: dict[Path, yaml.Node] = field(default_factory=dict)  # where each value starts

    def locate(self, path: Path, *, at_key: bool = False) -> Position:
        """Position of `path`, or of its nearest ancestor that exists in the file."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            first, second = (self.keys, self.values) if at_key else (self.values, self.keys)
            if prefix in first:
                return _position(first[prefix])
            if prefix in second:
                return _position(second[prefix])
        return Position(1, 1)


class YamlProblem(Exception):
    """The text is not usable YAML; `position` says where."""

    def __init__(self, message: str, position: Position):
        super().__init__(message)
        self.message = message
        self.position = position


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _index(node: yaml.Node, path: Path, doc: YamlDocument, seen: set[int]) -> None:
    """Record positions under `node`; reject duplicate keys, repeated values (aliases: the
    "billion laughs" expansion) and deep nesting before anything is built from them."""
    if id(node) in seen:
        raise YamlProblem(
            "an alias (*name) repeats the value marked here with an anchor (&name); data files may not use "
            "anchors and aliases: write the value out",
            _position(node),
        )
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlProblem(_TOO_DEEP, _position(node))
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[tuple[str, str], yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("a key must be a plain word, not a list or mapping", _position(key_node))
            if key_node.tag != STR:
                raise YamlProblem(
                    f"a key must be a word, not a number, true/false or null: {quote(key_node.value)}",
                    _position(key_node),
                )
            signature = (key_node.tag, key_node.value)
            if signature in first_seen:
                earlier = _position(first_seen[signature])
                raise YamlProblem(
                    f"duplicate key {quote(key_node.value)} (first given on line {earlier.line}); "
                    "remove one of the two",
                    _position(key_node),
                )
            first_seen[signature] = key_node
            child = (*path, key_node.value)
            doc.keys[child] = key_node
            doc.values[child] = value_node
            _index(value_node, child, doc, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = (*path, i)
            doc.values[child] = item
            _index(item, child, doc, seen)


# The parser's wording (LibYAML's or PyYAML's) for the mistakes writers make most, and what
# to do about each.
_DOES_NOT_FIT = "this line does not fit the lines above: check them for a quote left open, or this line's indentation"
_HINTS = {
    "found character '\\t'": "a tab character; indent with spaces only",
    "while scanning a quoted scalar": "a quote is never closed; add the closing quote",
    "mapping values are not allowed": (
        "unexpected ':'; put text that holds a ':' (followed by a space, or ending the line) in quotes, or check "
        "this line's indentation"
    ),
    "while scanning an alias": "a value that starts with '*' is read as an alias: put the whole text in quotes",
    "while scanning an anchor": "a value that starts with '&' is read as an anchor: put the whole text in quotes",
    "expected a single document": "a second document ('---') in one file; remove the '---' line",
    "could not find expected ':'": "a line without 'key: value': add the ':' after the key, or check the indentation",
    "did not find expected key": _DOES_NOT_FIT,
    "expected <block end>": _DOES_NOT_FIT,
    "did not find expected '-' indicator": "a list item is indented differently{started}; line the '- ' up",
    "could not determine a constructor": "a '!!' tag, which data files may not use; remove it",
    # A tag that names a kind of value (!!int, !!str, !!seq, ...) put before another kind.
    "expected a scalar node": "a '!!' tag for a single value put before a list or mapping; remove the tag",
    "expected a sequence node": "a '!!' tag for a list put before something else; remove the tag",
    "expected a mapping node": "a '!!' tag for a mapping put before something else; remove the tag",
    "while constructing an ordered map": "a '!!' tag for a mapping put before something else; remove the tag",
    "found undefined alias": "an alias (*name) with no matching anchor (&name)",
    "cannot start any token": "a character that cannot start a value here; put the text in quotes",
}


def _explain(err: yaml.MarkedYAMLError, text: str) -> str:
    mark = err.problem_mark
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return _HINTS["found character '\\t'"]  # LibYAML does not name the character
    said = f"{err.context or ''} {err.problem or ''}"
    started = ""
    if err.context_mark and err.problem_mark and err.context_mark.line != err.problem_mark.line:
        started = f" (it starts on line {err.context_mark.line + 1})"
    for pattern, hint in _HINTS.items():
        if pattern in said:
            return hint.format(started=started)
    return printable(" ".join(said.split()), 200) or "not valid YAML"  # the parser may quote the file


def _unreadable(text: str, err: yaml.reader.ReaderError) -> YamlProblem:
    """A character YAML does not allow (a control character, say), with where it stands."""
    before = text[: err.position]
    line = before.count("\n") + 1
    column = err.position - (before.rfind("\n") + 1) + 1
    return YamlProblem(
        f"a control character (U+{err.character:04X}) that YAML does not allow; remove it", Position(line, column)
    )


def _check_depth(text: str) -> None:
    """Refuse deep nesting from the event stream, before the pure-Python composer, which
    recurses once per level, builds anything from it (the fallback without LibYAML)."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise YamlProblem(_TOO_DEEP, Position(mark.line + 1, mark.column + 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document. Raises YamlProblem for syntax errors, duplicate keys,
    several documents in one file, or an empty file."""
    try:
        loader = Loader(text)  # may raise ReaderError for characters YAML does not allow
    except yaml.reader.ReaderError as err:
        raise _unreadable(text, err) from None
    try:
        if _SafeLoader is yaml.SafeLoader:  # LibYAML stops at 1,000 levels itself; PyYAML would recurse on
            _check_depth(text)
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem("the file is empty; fill it in as CONTRIBUTING.md shows", Position(1, 1))
        cut = text_cut_by_a_comment(text, Loader)
        if cut is not None:
            raise YamlProblem(cut[0], Position(cut[1], cut[2]))
        doc = YamlDocument(data=None)
        doc.values[()] = node
        _index(node, (), doc, set())
        doc.data = loader.construct_document(node)
        return doc
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if ("end of stream" in str(err.problem) or "expected ':'" in str(err.problem)) and err.context_mark:
            mark = err.context_mark  # where the unclosed thing, or the line without ':', starts
        where = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        if "maximum nesting depth" in str(err.problem):  # LibYAML's own limit, reached first
            raise YamlProblem(_TOO_DEEP, where) from None
        explained = _explain(err, text)
        if isinstance(err, (yaml.scanner.ScannerError, yaml.parser.ParserError)) and "tab" not in explained:
            found = diagnose(text, where.line, Loader)
            if found is not None:
                explained, where = found[0], Position(found[1], found[2])
        raise YamlProblem(f"YAML syntax error: {explained}", where) from None
    except yaml.reader.ReaderError as err:
        raise _unreadable(text, err) from None
    except yaml.YAMLError as err:
        raise YamlProblem(f"YAML error: {' '.join(str(err).split())}", Position(1, 1)) from None
    except RecursionError:  # PyYAML's composer recurses once per level of nesting
        raise YamlProblem(_TOO_DEEP, Position(1, 1)) from None
    finally:
        loader.dispose()
