"""Load every file under data/ (surveys, authors, takeaways), collecting all problems before
failing. Validation is in validate.py, the cross-field rules in rules.py, pages' front
matter in front_matter.py."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from survey_data.digests import text_digest
from survey_data.errors import DataError, Problem
from survey_data.files import check_file, read_text
from survey_data.models import Author, AuthorsFile, Survey, Takeaway, TakeawaysFile
from survey_data.validate import validate, validate_file

MAX_FILE_BYTES = 1024 * 1024  # the largest data file read; a survey file is a few KB
MAX_SURVEYS = 2_000  # survey files read in one build: twice the 1,000-article archive make bench builds
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
            problems.append(Problem(shown, None, None, "", f"data files end in .yml; rename the file {path.stem}.yml"))
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
    problems += _stray_files(root)
    if problems:
        raise DataError(problems)
    return dataset


MAX_DATA_ENTRIES = 10_000  # files looked at under data/ for strays: a bound on the walk


def _stray_files(root: FsPath) -> list[Problem]:
    """A file under data/ that the build never reads is a mistake, not a store: a survey one
    folder too high or too low, or an article saved in data/, would be left out without a word.
    Hidden files and editors' backups are skipped, as everywhere."""
    problems, seen = [], 0
    for dirpath, dirnames, filenames in os.walk(root / "data", followlinks=False):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        here = FsPath(dirpath).relative_to(root).as_posix()
        for name in sorted(filenames):
            seen += 1
            if seen > MAX_DATA_ENTRIES:
                return problems
            shown = f"{here}/{name}"
            if name.startswith((".", "#")) or name.endswith(("~", ".swp", "#")) or here == SURVEYS_DIR:
                continue
            if shown not in (AUTHORS_FILE, TAKEAWAYS_FILE):
                problems.append(Problem(shown, None, None, "", _where_it_goes(here, name)))
    return problems


def _where_it_goes(folder: str, name: str) -> str:
    if name.lower().endswith(".md"):
        return f"a page, which the build reads from docs/ only: move it to docs/articles/{name} (or docs/)"
    if name.lower().endswith((".yml", ".yaml")):
        where = "itself, not from folders in it" if folder.startswith(SURVEYS_DIR) else "only"
        return f"the build reads surveys from {SURVEYS_DIR}/ {where}: move it to {SURVEYS_DIR}/{name}"
    return (
        f"a file the build does not read: data/ holds {AUTHORS_FILE}, {TAKEAWAYS_FILE} and the surveys in "
        f"{SURVEYS_DIR}/; move it or remove it"
    )


def survey_files(folder: FsPath) -> list[FsPath]:
    """The survey files: not hidden ones, which editors keep beside a file that is open."""
    if not folder.is_dir():
        return []
    return sorted(  # any case: a survey saved as X.YML is told to be renamed, not left unread
        path for path in folder.iterdir() if path.suffix.lower() in (".yml", ".yaml") and not path.name.startswith(".")
    )


def _survey(shown: str, text: str) -> tuple[Survey | None, list[Problem], list[tuple[str, int]]]:
    """A survey file validated, with the line of each question (where "Edit these figures" opens)."""
    survey, found, doc = validate(shown, text, Survey, 0)
    found += _schema_line(shown, text, "../../schema/survey.schema.json")
    if survey is None or doc is None:
        return None, found, []
    return survey, found, [(q.id, doc.locate(("questions", i)).line) for i, q in enumerate(survey.questions)]


def _schema_line(shown: str, text: str | None, schema: str) -> list[Problem]:
    """Line 1 names the file's JSON Schema: editors then check the file as the writer types.
    The build checks it too, so that a preview and a pull request agree."""
    expected = f"# yaml-language-server: $schema={schema}"
    if text is None or not text.strip() or text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r") == expected:
        return []  # an empty file is told to be filled in, as the guide shows: that is one mistake
    message = f"the first line must name the file's schema, so that editors check it as you type: add '{expected}'"
    return [Problem(shown, 1, 1, "", message)]


def _read(root: FsPath, path: FsPath, shown: str, problems: list[Problem]) -> str | None:
    text, problem = read_text(root, path, shown, MAX_FILE_BYTES)
    if problem is not None:
        problems.append(problem)
    return text
