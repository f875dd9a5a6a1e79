"""Load every data file and article front matter, collecting all problems before failing."""

from __future__ import annotations

import difflib
import hashlib
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from survey_data.errors import DataError, Problem, quote
from survey_data.files import check_file, read_text
from survey_data.models import (
    TYPED_FIGURE,
    ArticleMeta,
    Author,
    AuthorsFile,
    PageMeta,
    Question,
    Survey,
    Takeaway,
    TakeawaysFile,
    unpublishable,
)
from survey_data.yaml_source import Path, YamlDocument, YamlProblem, parse_yaml

M = TypeVar("M", bound=BaseModel)

MAX_FILE_BYTES = 1024 * 1024  # the largest data file read; a survey file is a few KB
MAX_SURVEYS = 2_000  # survey files read in one build: twice the 1,000-article archive make bench builds
MAX_PROBLEMS = 50  # reported per file; the rest are counted
SURVEYS_DIR = "data/surveys"
AUTHORS_FILE = "data/authors.yml"
TAKEAWAYS_FILE = "data/takeaways.yml"


@dataclass
class Dataset:
    """Everything under data/, validated. Survey ids are the file names without .yml."""

    surveys: dict[str, Survey] = field(default_factory=dict)
    survey_files: dict[str, str] = field(default_factory=dict)  # id -> data/surveys/<id>.yml
    question_lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (survey, question) -> line
    authors: dict[str, Author] = field(default_factory=dict)
    takeaways: dict[str, Takeaway] = field(default_factory=dict)
    survey_digests: dict[str, str] = field(default_factory=dict)  # id -> fingerprint of its file's text


# memo(slot, key, compute, *args): compute(*args), or the result kept from an earlier call with that key.
Memo = Callable[..., Any]


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _no_memo(slot: Any, key: str, compute: Callable[..., Any], *args: Any) -> Any:
    return compute(*args)


def load_dataset(root: FsPath, memo: Memo = _no_memo) -> Dataset:
    """Read and validate data/ under `root`. Raises DataError listing every problem found.
    `memo` may keep each file's validation for the next call (a preview's rebuild): the
    result depends only on the file's name and text."""
    dataset, problems = Dataset(), []
    root = root.resolve()
    surveys = root / SURVEYS_DIR
    folder = check_file(root, surveys, SURVEYS_DIR, MAX_FILE_BYTES) if surveys.is_symlink() else None
    survey_paths = [] if folder else survey_files(surveys)
    if len(survey_paths) > MAX_SURVEYS:
        message = f"{len(survey_paths):,} survey files; at most {MAX_SURVEYS:,} are read: remove or merge some"
        raise DataError([Problem(SURVEYS_DIR, None, None, "", message)])
    if folder and "not a file" not in folder.message:  # a link to a folder outside, or a broken one
        problems.append(folder)
    for path in survey_paths:
        shown = path.relative_to(root).as_posix()
        survey_id = path.name.rsplit(".", 1)[0]
        if path.suffix != ".yml":
            problems.append(Problem(shown, None, None, "", "data files end in .yml; rename the file"))
            continue
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", survey_id) or len(survey_id) > 60:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    "",
                    "a survey file name is its id: rename the file with lower-case letters, digits and hyphens only "
                    "(at most 60)",
                )
            )
            continue
        text = _read(root / "data", path, shown, problems)
        if text is None:
            continue
        key = text_digest(text)
        survey, found, lines = memo(("survey", shown), key, _survey, shown, text)
        problems += found
        if survey is not None:
            dataset.surveys[survey_id] = survey
            dataset.survey_files[survey_id] = shown
            dataset.survey_digests[survey_id] = key
            dataset.question_lines.update({(survey_id, q): line for q, line in lines})
    for relative, model, attribute, schema in (
        (AUTHORS_FILE, AuthorsFile, "authors", "../schema/authors.schema.json"),
        (TAKEAWAYS_FILE, TakeawaysFile, "takeaways", "../schema/takeaways.schema.json"),
    ):
        path = root / relative
        if path.exists() or path.is_symlink():  # a broken link is reported, not taken for no file
            text = _read(root / "data", path, relative, problems)
            parsed, found = memo(relative, text_digest(text or ""), validate_file, relative, text, model)
            problems += found + _schema_line(relative, text, schema)
            if parsed is not None:
                setattr(dataset, attribute, {item.id: item for item in getattr(parsed, attribute)})
    if problems:
        raise DataError(problems)
    return dataset


def survey_files(folder: FsPath) -> list[FsPath]:
    """The survey files: not hidden ones, which editors keep beside a file that is open."""
    return sorted(path for path in folder.glob("*.y*ml") if not path.name.startswith("."))


def _survey(shown: str, text: str) -> tuple[Survey | None, list[Problem], list[tuple[str, int]]]:
    """A survey file validated, with the line of each question (where "Edit these figures" opens)."""
    survey, found, doc = _validate(shown, text, Survey, 0)
    found += _schema_line(shown, text, "../../schema/survey.schema.json")
    if survey is None or doc is None:
        return None, found, []
    return survey, found, [(q.id, doc.locate(("questions", i)).line) for i, q in enumerate(survey.questions)]


def _schema_line(shown: str, text: str | None, schema: str) -> list[Problem]:
    """Line 1 names the file's JSON Schema: editors then check the file as the writer types.
    The build checks it too, so that a preview and a pull request agree."""
    expected = f"# yaml-language-server: $schema={schema}"
    if text is None or text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r") == expected:
        return []
    message = f"the first line must name the file's schema, so that editors check it as you type: add '{expected}'"
    return [Problem(shown, 1, 1, "", message)]


def _read(root: FsPath, path: FsPath, shown: str, problems: list[Problem]) -> str | None:
    text, problem = read_text(root, path, shown, MAX_FILE_BYTES)
    if problem is not None:
        problems.append(problem)
    return text


def validate_file(shown: str, text: str | None, model: type[M], line_offset: int = 0) -> tuple[M | None, list[Problem]]:
    """Parse `text` as YAML and validate it against `model`; problems point into `shown`.
    `line_offset` shifts line numbers, for YAML embedded in a larger file (front matter)."""
    parsed, problems, _ = _validate(shown, text, model, line_offset)
    return parsed, problems


def _validate(
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
        errors = err.errors(include_url=False)
        problems = [_problem(shown, doc, e, model, line_offset) for e in errors[:MAX_PROBLEMS]]
        if len(errors) > MAX_PROBLEMS:
            more = f"and {len(errors) - MAX_PROBLEMS:,} more problems like these"
            problems.append(Problem(shown, None, None, "", more))
        return None, problems, doc
    problems = [_at(shown, doc, path, message, line_offset) for path, message in _consistency(parsed, doc)]
    return (None if problems else parsed), problems, doc


def _at(shown: str, doc: YamlDocument, path: Path, message: str, line_offset: int, at_key: bool = True) -> Problem:
    position = doc.locate(path, at_key=at_key)
    return Problem(shown, position.line + line_offset, position.column, format_path(path), message)


FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as MkDocs reads it


def load_front_matter(
    shown: str, source: str, authors: typing.Collection[str] | None, article: bool = True
) -> tuple[PageMeta | None, list[Problem]]:
    """Validate a page's front matter (the `---` block at the top of its Markdown) with the
    project's own safe reader, before MkDocs reads it. An article (`article`) must have one,
    naming one of `authors` (unless None: authors failed to load); any other page may."""
    match = FRONT_MATTER.match(source)
    if not match:
        if not article:
            return None, []
        message = "an article starts with front matter: a '---' line, then title, summary and author, then '---'"
        return None, [Problem(shown, 1, 1, "", message)]
    meta, problems, doc = _validate(shown, match.group(1), ArticleMeta if article else PageMeta, line_offset=1)
    if article and meta is not None and authors is not None and meta.author not in authors:
        message = f"unknown author '{meta.author}'" + suggest(meta.author, authors) + " (see data/authors.yml)"
        return None, [_at(shown, doc, ("author",), message, 1, at_key=False)]
    return meta, problems


def page_characters(shown: str, source: str) -> list[Problem]:
    """A page's Markdown may break lines but holds no character a page cannot publish (the
    first one is reported: one is enough to stop, and the writer fixes the paste)."""
    found = unpublishable(source, breaks=True)
    if found is None:
        return []
    index, message = found
    line = source.count("\n", 0, index) + 1
    return [Problem(shown, line, index - source.rfind("\n", 0, index), "", message)]


def format_path(path: Path) -> str:
    """('questions', 0, 'percent') -> 'questions[0].percent'"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


MAX_SUGGEST_FROM = 200  # names compared for a suggestion: a close name is close in length too


def suggest(name: str, known: typing.Iterable[str]) -> str:
    """The "; did you mean 'x'?" hint for the nearest known name, or a list of what is valid.
    Cheap with thousands of names and a megabyte-long name: only names of about the same
    length are compared, at most MAX_SUGGEST_FROM of them."""
    known = sorted(known)
    slack = max(3, len(name) // 3)
    alike = [k for k in known if abs(len(k) - len(name)) <= slack][:MAX_SUGGEST_FROM]
    close = difflib.get_close_matches(name, alike, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    if not known:
        return ""
    shown = ", ".join(f"'{k}'" for k in known[:12]) + (", ..." if len(known) > 12 else "")
    return f"; valid: {shown}"


# ---- turning pydantic's errors into a writer's message --------------------------------------


def _problem(shown: str, doc: YamlDocument, error: dict[str, Any], model: type[BaseModel], offset: int) -> Problem:
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
    return Problem(shown, position.line + offset, position.column, format_path(path), message)


def _message(kind: str, name: str, value: Any, error: dict[str, Any], path: Path, model: type[BaseModel]) -> str:
    ctx = error.get("ctx", {})
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


# ---- rules that span several fields ------------------------------------------------------------


def _consistency(parsed: BaseModel, doc: YamlDocument) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    if isinstance(parsed, Survey):
        out += _disclosure_problems(parsed)
        out += _duplicate_ids(parsed.questions, ("questions",), doc)
        for q_index, question in enumerate(parsed.questions):
            at = ("questions", q_index)
            out += _duplicate_ids(question.answers, (*at, "answers"), doc)
            if question.kind == "single" and question.total > 100 + question.rounding_slack:
                out.append(
                    (
                        (*at, "answers"),
                        f"the answers of a single-answer question add up to {question.total:g}%, more than 100%; "
                        "check the figures, or set 'kind: multiple' if several answers were allowed",
                    )
                )
            out += _scale_problems(question, at)
    for attribute in ("authors", "takeaways"):
        if hasattr(parsed, attribute):
            out += _duplicate_ids(getattr(parsed, attribute), (attribute,), doc)
            out += _typed_figures(getattr(parsed, attribute), attribute)
    return out


def _typed_figures(items: list, attribute: str) -> list[tuple[Path, str]]:
    """A percentage typed into a bio or a takeaway: readers see it as a survey figure."""
    out: list[tuple[Path, str]] = []
    for index, item in enumerate(items):
        for name in ("title", "body", "bio"):
            found = TYPED_FIGURE.search(getattr(item, name, "") or "")
            if found:
                message = (
                    f"a percentage typed into text ({quote(found.group(0))}): every figure must come from a survey "
                    "file; write the share in words, or put the figure in the article with <!-- data:figure ... -->"
                )
                out.append(((attribute, index, name), message))
    return out


def _disclosure_problems(survey: Survey) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    source = survey.source
    if source.margin_of_error is not None and source.sampling == "opt-in":
        out.append(
            (
                ("source", "margin_of_error"),
                "a margin of sampling error applies only to a probability sample, and this one is 'opt-in'; "
                "remove 'margin_of_error' (AAPOR: report none for an opt-in sample)",
            )
        )
    if source.sample_size is not None:
        for index, question in enumerate(survey.questions):
            if question.sample_size is not None and question.sample_size > source.sample_size:
                out.append(
                    (
                        ("questions", index, "sample_size"),
                        f"{question.sample_size:,} respondents to one question, more than the survey's "
                        f"{source.sample_size:,}; check both figures",
                    )
                )
    return out


def _scale_problems(question: Question, at: Path) -> list[tuple[Path, str]]:
    """A scale names every answer of a single-answer question exactly once."""
    if question.scale is None:
        return []
    if question.kind == "multiple":
        return [
            (
                (*at, "scale"),
                "a scale orders the answers of a single-answer question, and several answers were allowed here; "
                "remove 'scale', or set 'kind: single'",
            )
        ]
    ids = [a.id for a in question.answers]
    out: list[tuple[Path, str]] = []
    for index, answer_id in enumerate(question.scale):
        if answer_id not in ids:
            message = f"unknown answer '{answer_id}' in the scale" + suggest(answer_id, ids)
            out.append(((*at, "scale", index), message))
        elif question.scale.index(answer_id) < index:
            out.append(((*at, "scale", index), f"answer '{answer_id}' is in the scale twice; list each answer once"))
    missing = [i for i in ids if i not in question.scale]
    if missing and not out:
        listed = ", ".join(f"'{i}'" for i in missing)
        message = f"the scale leaves out {listed}: list every answer once, from the lowest to the highest"
        out.append(((*at, "scale"), message))
    return out


def _duplicate_ids(items: list[Any], at: Path, doc: YamlDocument) -> list[tuple[Path, str]]:
    first: dict[str, int] = {}
    out = []
    for index, item in enumerate(items):
        if item.id in first:
            line = doc.locate((*at, first[item.id], "id")).line
            out.append(((*at, index, "id"), f"id '{item.id}' is already used on line {line}; give each a different id"))
        else:
            first[item.id] = index
    return out
