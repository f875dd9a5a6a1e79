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
        choices = _literal_choices(model, path)
        what = " or ".join(f"'{name}: {c}'" for c in choices) if choices else f"'{name}: ...'"
        message = f"required field '{name}' is missing; add {what}"
        position = doc.locate(path[:-1])
    else:
        position = doc.locate(path, at_key=at_key)
        message = _message(kind, name, value, error, path, model)
        if isinstance(value, str) and kind not in _SAYS_SO and _CURLY.match(value.strip()):
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
    if isinstance(value, str) and (odd := _ODD_SPACE.search(value)) and kind in _NUMERIC:
        return f"holds an invisible character (U+{ord(odd[0]):04X}, pasted from elsewhere) beside the value: delete it"
    quoted = _in_quotes(kind, value)
    if quoted is not None:  # percent: "53", draft: "true": the quotes make it text
        return f"is in quotes, which makes it text: write it without them, {name}: {quoted}"
    if kind == "bool_type":
        return f"must be true or false; got {quote(value)}"
    written = value.strip() if isinstance(value, str) else ""
    if kind in {"int_type", "int_from_float", "int_parsing"} and "%" not in written:
        if re.fullmatch(r"\d{1,3}(,\d{3})+", written):
            return f"write the number without its commas: {name}: {written.replace(',', '')}"
        return f"must be a whole number such as 312; got {quote(value)}"
    if kind in {"float_type", "int_type"}:
        if written.endswith("%"):
            return f"write the number without the % sign: {written.rstrip('%').strip()[:40]}"
        if re.fullmatch(r"\d+,\d+", written):
            return f"write the decimal with a point, not a comma: {name}: {written.replace(',', '.')}"
        if name == "percent" and _ABOUT.fullmatch(written):
            return f"write the figure the source gives without the sign before it: {name}: {written[1:].strip()}"
        if name == "percent" and _NO_FIGURE.fullmatch(written):
            return (
                f"must be a plain number such as 53, not {quote(value)}: where the source gives no figure, leave "
                "the answer out (the table then says the rest was not reported)"
            )
        return f"must be a plain number such as 53, not {quote(value)}"
    if kind in {"greater_than_equal", "less_than_equal"} and name == "percent":
        return f"a percent must be between 0 and 100; got {quote(value)}"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return error["msg"].replace("Input should be", "must be") + f"; got {quote(value)}"
    if kind == "string_type":
        if name == "author" and isinstance(value, list):
            return "an article names one author: write 'author: ' and one author's id"
        if isinstance(value, (list, dict)):
            return f"must be text on one line; got a {'list' if isinstance(value, list) else 'mapping'}"
        return f"must be text; got {quote(value)} (put it in quotes)"
    if kind == "string_too_short":
        return "must not be empty; write the text, or remove the line if the field is optional"
    if kind == "string_pattern_mismatch":
        if name == "url":
            return f"must be a full https:// address; got {quote(value)}"
        if name == "answers_for":
            return f"must be 'you', or 'your' and a noun, such as 'your organisation'; got {quote(value)}"
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
        return "must be a list: one entry per line, each starting with '- '" + _each_entry(model, path)
    if kind in {"model_type", "dict_type"}:
        needed = [f for f, info in _model_fields_at(model, path).items() if info.is_required()]
        example = f" (first '{needed[0]}: ...')" if needed else ""
        return f"must be its own 'key: value' lines, on the lines below, indented two more spaces{example}"
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
            return f"{quote(value)} is not a day of the calendar; write a real date as YYYY-MM-DD"
        return f"must be a date written YYYY-MM-DD; got {quote(value)}"
    return error["msg"][0].lower() + error["msg"][1:]


_SAYS_SO = {"string_too_long", "text_curly_quoted"}  # messages that need no word on curly quotes
# A value typed in curly quotes (as a word processor or a phone types them), which YAML keeps.
_CURLY = re.compile("[\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb]")

# A share a source gives as no figure, or as a bound: "n/a", "-", "<1", "~5".
_NO_FIGURE = re.compile(r"(?i)n/?a|none|-+|\u2013|\u2014|\?|[<>\u2264\u2265]\s*[\d.]+")
_ABOUT = re.compile(r"[~\u2248]\s*\d+(\.\d+)?")  # "~53": the source's own figure, said to be rounded
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
_NUMERIC = {"float_type", "int_type", "int_parsing", "bool_type", "date_type", "date_parsing", "literal_error"}

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


def _in_quotes(kind: str, value: Any) -> str | None:
    """A number or true/false typed in quotes, as the writer meant it without them; or None."""
    if not isinstance(value, str):
        return None
    written = value.strip()
    if kind == "bool_type" and written in ("true", "false"):
        return written
    if kind in {"float_type", "int_type", "int_parsing"} and re.fullmatch(r"[+-]?\d+(\.\d+)?", written):
        return written
    return None


def _model_fields_at(model: type[BaseModel], path: Path) -> dict[str, Any]:
    """The fields of the model at `path` (a mapping's own), by name; {} if none."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return {}
        current = _model_in(fields[part].annotation)
    return dict(getattr(current, "model_fields", {}))


def _each_entry(model: type[BaseModel], path: Path) -> str:
    """ ", each with id, label and percent": what an entry of a list of models needs."""
    needed = [f for f, info in _model_fields_at(model, (*path, 0)).items() if info.is_required()]
    return f", each with {', '.join(needed[:-1])} and {needed[-1]}" if len(needed) > 1 else ""


def _literal_choices(model: type[BaseModel], path: Path) -> list[str]:
    """The values a Literal field takes ('single', 'multiple'), or []."""
    info = _model_fields_at(model, path[:-1]).get(str(path[-1])) if path else None
    if info is None or typing.get_origin(info.annotation) is not typing.Literal:
        return []
    return [str(choice) for choice in typing.get_args(info.annotation)]


def _required(model: type[BaseModel], path: Path) -> bool:
    """Whether the field at `path` must be given (a field whose model is not found counts as required)."""
    info = _model_fields_at(model, path[:-1]).get(str(path[-1])) if path else None
    return info is None or info.is_required()


def _fields_at(model: type[BaseModel], path: Path) -> list[str]:
    """The keys allowed in the mapping at `path` (for suggestions)."""
    return list(_model_fields_at(model, path))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in {list, typing.Union, types.UnionType, typing.Annotated}:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
