"""Parse a YAML text with the safe reader and validate it against a model: every problem at
its file, line and column."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from survey_data.errors import Problem, quote
from survey_data.messages import format_path, problem_from_error
from survey_data.rules import consistency
from survey_data.suggest import nearest
from survey_data.yaml_source import Path, YamlDocument, YamlProblem, parse_yaml

M = TypeVar("M", bound=BaseModel)

MAX_PROBLEMS = 50  # reported per file; the rest are counted


def validate_file(shown: str, text: str | None, model: type[M], line_offset: int = 0) -> tuple[M | None, list[Problem]]:
    """Parse `text` as YAML and validate it against `model`; problems point into `shown`.
    `line_offset` shifts line numbers, for YAML embedded in a larger file (front matter)."""
    parsed, problems, _ = validate(shown, text, model, line_offset)
    return parsed, problems


def _misspelt_not_missing(errors: list[dict]) -> list[dict]:
    """A required key spelt wrong is one mistake: its unknown key says "did you mean" it, so
    "required field is missing" for it goes unsaid."""
    unknown: dict[tuple, list[str]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            unknown.setdefault(tuple(error["loc"][:-1]), []).append(str(error["loc"][-1]))
    kept = []
    for error in errors:
        parent, name = tuple(error["loc"][:-1]), str(error["loc"][-1]) if error["loc"] else ""
        if error["type"] == "missing" and any(nearest(typed, [name]) for typed in unknown.get(parent, ())):
            continue
        kept.append(error)
    return kept


def validate(
    shown: str, text: str | None, model: type[M], line_offset: int
) -> tuple[M | None, list[Problem], YamlDocument | None]:
    if text is None:
        return None, [], None
    try:
        doc = parse_yaml(text)
    except YamlProblem as err:
        return None, [Problem(shown, err.position.line + line_offset, err.position.column, "", err.message)], None
    if not isinstance(doc.data, dict):
        got = "a list" if isinstance(doc.data, list) else f"a single value ({quote(doc.data)})"
        message = f"the top level must be 'key: value' lines (see CONTRIBUTING.md), not {got}"
        return None, [Problem(shown, 1 + line_offset, 1, "", message)], doc
    try:
        parsed = model.model_validate(doc.data)
    except ValidationError as err:
        errors = _misspelt_not_missing(err.errors(include_url=False))
        problems = [problem_from_error(shown, doc, e, model, line_offset) for e in errors[:MAX_PROBLEMS]]
        if len(errors) > MAX_PROBLEMS:
            more = f"and {len(errors) - MAX_PROBLEMS:,} more problems like these"
            problems.append(Problem(shown, None, None, "", more))
        return None, problems, doc
    problems = [at(shown, doc, path, message, line_offset) for path, message in consistency(parsed, doc)]
    return (None if problems else parsed), problems, doc


def at(shown: str, doc: YamlDocument, path: Path, message: str, line_offset: int, at_key: bool = True) -> Problem:
    position = doc.locate(path, at_key=at_key)
    return Problem(shown, position.line + line_offset, position.column, format_path(path), message)
