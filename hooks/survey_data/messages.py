"""A pydantic validation error turned into a writer's message: the file, the line and the fix."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from survey_data.errors import Problem, quote
from survey_data.suggest import suggest
from survey_data.yaml_source import Path, YamlDocument


def format_path(path: Path) -> str:
    """('questions', 0, 'percent') -> 'questions[0].percent'"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def problem_from_error(
    shown: str, doc: YamlDocument, error: dict[str, Any], model: type[BaseModel], offset: int
) -> Problem:
    path: Path = tuple(error["loc"])
    kind, value = error["type"], error.get("input")
    name = str(path[-1]) if path else ""
    at_key = kind in {"extra_forbidden", "missing"}
    if kind == "missing":
        message = f"required field '{name}' is missing; add '{name}: ...'"
        position = doc.locate(path[:-1])
    else:
        position = doc.locate(path, at_key=at_key)
        message = _message(kind, name, value, error, path, model)
        if isinstance(value, str) and kind != "string_too_long" and _CURLY.match(value.strip()):
            message += "; remove the curly quotes around it: YAML reads them as part of the value"
    return Problem(shown, position.line + offset, position.column, format_path(path), message)


def _message(kind: str, name: str, value: Any, error: dict[str, Any], path: Path, model: type[BaseModel]) -> str:
    ctx = error.get("ctx", {})
    if value is None and kind in _EMPTY:  # `percent:` with nothing after it
        optional = "" if _required(model, path) else ", or remove the line"
        return f"nothing after '{name}:'; write {_EMPTY[kind]}{optional}"
    if kind == "extra_forbidden":
        fields = _fields_at(model, path[:-1])
        return f"unknown key {quote(name)}" + suggest(name, fields) + " (remove it or fix its spelling)"
    if kind == "bool_type":
        return f"must be true or false; got {quote(value)}"
    if kind in {"int_type", "int_from_float", "int_parsing"} and not (isinstance(value, str) and "%" in value):
        return f"must be a whole number such as 312; got {quote(value)}"
    if kind in {"float_type", "int_type"}:
        if isinstance(value, str) and value.strip().endswith("%"):
            return f"write the number without the % sign: {value.strip().rstrip('%').strip()[:40]}"
        return f"must be a plain number such as 53, not {quote(value)}"
    if kind in {"greater_than_equal", "less_than_equal"} and name == "percent":
        return f"a percent must be between 0 and 100; got {quote(value)}"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return error["msg"].replace("Input should be", "must be") + f"; got {quote(value)}"
    if kind == "string_type":
        if isinstance(value, (list, dict)):
            return f"must be text on one line; got a {'list' if isinstance(value, list) else 'mapping'}"
        return f"must be text; got {quote(value)} (put it in quotes)"
    if kind == "string_too_short":
        return "must not be empty; write the text, or remove the line if the field is optional"
    if kind == "string_pattern_mismatch":
        if name == "url":
            return f"must be a full https:// address; got {quote(value)}"
        return f"must be lower-case letters, digits and hyphens, such as 'good-deal'; got {quote(value)}"
    if kind == "string_too_long":
        return f"is too long: {len(value):,} characters, at most {ctx.get('max_length'):,}; shorten it"
    if kind == "too_long":
        return f"has too many entries: at most {ctx.get('max_length')}; split the file or remove some"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}; got {quote(value)}"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        if least > 1:
            return f"needs at least {least} entries, each on a line starting with '- '"
        return "needs at least one entry; add one below it, each starting with '- '"
    if kind == "list_type":
        return "must be a list: one entry per line, each starting with '- '"
    if kind in {"model_type", "dict_type"}:
        return "must be a mapping of 'key: value' lines"
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
            return f"{quote(value)} is not a day of the calendar; write a real date as YYYY-MM-DD"
        return f"must be a date written YYYY-MM-DD; got {quote(value)}"
    return error["msg"][0].lower() + error["msg"][1:]


# A value typed in curly quotes (as a word processor or a phone types them), which YAML keeps.
_CURLY = re.compile("[\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb]")

# What goes after a key left empty, by what the field wanted.
_EMPTY = {
    "float_type": "a plain number such as 53",
    "int_type": "a whole number such as 312",
    "bool_type": "true or false",
    "string_type": "the text",
    "date_type": "a date, YYYY-MM-DD",
    "literal_error": "one of the values this field takes",
    "list_type": "its entries, one per line below it, each starting with '- '",
    "model_type": "its 'key: value' lines, indented below it",
    "dict_type": "its 'key: value' lines, indented below it",
}


def _required(model: type[BaseModel], path: Path) -> bool:
    """Whether the field at `path` must be given (a field whose model is not found counts as required)."""
    fields = _fields_at(model, path[:-1])
    owner: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        owner = _model_in(getattr(owner, "model_fields", {})[part].annotation) if owner else None
    info = getattr(owner, "model_fields", {}).get(str(path[-1])) if owner and path and path[-1] in fields else None
    return info is None or info.is_required()


def _fields_at(model: type[BaseModel], path: Path) -> list[str]:
    """The keys allowed in the mapping at `path` (for suggestions)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        current = _model_in(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in {list, typing.Union, types.UnionType, typing.Annotated}:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
