"""A survey's figures for re-use: a Frictionless Data Package (datapackage.json with a Table
Schema, the source, the disclosure items and the licence) beside one CSV of every figure and
one CSV per question, one row per answer. The share a source leaves unreported is a column of
its own (`not_reported`), never a row whose figure could be read as an answer's."""

from __future__ import annotations

import csv
import io
import json

from survey_data import Question, Survey
from survey_render.disclosure import AAPOR, NOT_REPORTED, base_of, disclosure_items, size_of
from survey_render.numbers import plain_number

COLUMNS = [
    "survey",
    "question_id",
    "question_title",
    "question_wording",
    "kind",
    "answer_id",
    "answer",
    "answer_detail",
    "percent",
    "not_reported",
    "base",
    "sample_size",
]

# The Table Schema of every CSV: types and what each column means.
FIELDS = [
    {"name": "survey", "type": "string", "description": "Survey id (the data file's name)."},
    {"name": "question_id", "type": "string", "description": "Question id."},
    {"name": "question_title", "type": "string", "description": "Short title of the question, as the site shows it."},
    {
        "name": "question_wording",
        "type": "string",
        "description": "The exact question asked; empty where the source does not report it.",
    },
    {
        "name": "kind",
        "type": "string",
        "description": "'single': one answer per respondent; 'multiple': several answers allowed.",
        "constraints": {"required": True, "enum": ["single", "multiple"]},
    },
    {"name": "answer_id", "type": "string", "description": "Answer id."},
    {
        "name": "answer",
        "type": "string",
        "description": (
            "The answer as the source reports it. A text starting with =, +, - or @ has an apostrophe put before "
            "it, so that spreadsheet programs show it instead of running it as a formula."
        ),
    },
    {"name": "answer_detail", "type": "string", "description": "What the answer means, where the source explains it."},
    {
        "name": "percent",
        "type": "number",
        "description": "Share of the base, in percent (unit: %), as published.",
        "constraints": {"required": True, "minimum": 0, "maximum": 100},
    },
    {
        "name": "not_reported",
        "type": "number",
        "description": (
            "Of the question, not of this answer: the share of respondents (in percent) to a single-answer "
            "question that the source gives no figure for, 100 minus its published figures; empty where the "
            "figures add up to 100 (within rounding) or several answers were allowed."
        ),
        "constraints": {"minimum": 0, "maximum": 100},
    },
    {"name": "base", "type": "string", "description": "Whom the percentages are of; empty where not reported."},
    {
        "name": "sample_size",
        "type": "integer",
        "description": "Number of respondents; empty where not reported.",
        "constraints": {"minimum": 1},
    },
]


def download_paths(survey_id: str, question_id: str | None = None) -> dict[str, str]:
    """Where a survey's files (or one question's) live in the built site."""
    folder = f"data/{survey_id}/"
    if question_id is None:
        return {"package": folder + "datapackage.json", "csv": folder + f"{survey_id}.csv"}
    return {
        "csv": folder + f"questions/{question_id}.csv",
        "svg": folder + f"charts/{question_id}.svg",
        "png": folder + f"charts/{question_id}.png",
    }


def question_rows(survey_id: str, survey: Survey, question: Question) -> list[dict[str, object]]:
    common = {
        "survey": survey_id,
        "question_id": question.id,
        "question_title": question.title,
        "question_wording": question.wording or "",
        "kind": question.kind,
        "base": base_of(survey, question) or "",
        "sample_size": size_of(survey, question) or "",
        "not_reported": plain_number(question.unreported) if question.unreported is not None else "",
    }
    return [
        {
            **common,
            "answer_id": a.id,
            "answer": a.label,
            "answer_detail": a.detail or "",
            "percent": plain_number(a.percent),
        }
        for a in question.answers
    ]


# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection);
# a leading apostrophe makes them show it as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def to_csv(rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def survey_csv(survey_id: str, survey: Survey) -> str:
    return to_csv([row for q in survey.questions for row in question_rows(survey_id, survey, q)])


def question_csv(survey_id: str, survey: Survey, question: Question) -> str:
    return to_csv(question_rows(survey_id, survey, question))


def _reported_in(survey: Survey) -> list[dict[str, str]]:
    return [{"title": f"Figures as reported in {survey.source.reported_in}"}] if survey.source.reported_in else []


def data_package(survey_id: str, survey: Survey, package_url: str = "") -> str:
    """datapackage.json (Frictionless Data Package v1): resources are the CSVs beside it."""
    schema = {"fields": FIELDS, "missingValues": [""]}

    def resource(name: str, path: str, title: str) -> dict[str, object]:
        return {
            "name": name,
            "path": path,
            "title": title,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }

    source = survey.source
    items = disclosure_items(survey)
    notes = [
        "Percentages as published by the source; the site changes none of them.",
        "Column not_reported gives, for a single-answer question, the share of respondents that the source "
        "gives no figure for (100 minus the published figures); it is never one of the answers.",
        f"Licence: {source.licence.title}." if source.licence else "Licence: not stated in the source.",
    ]
    package: dict[str, object] = {
        "profile": "tabular-data-package",
        "name": survey_id,
        "title": survey.title,
        "description": " ".join(notes),
        "sources": [
            {
                "title": source.publisher + (f": {source.title}" if source.title else ""),
                **({"path": source.url} if source.url else {}),
            },
            *_reported_in(survey),
        ],
        "disclosure": {
            "standard": f"{AAPOR} (AAPOR Code, revised 2021)",
            "items": {item.name: item.value if item.value is not None else NOT_REPORTED for item in items},
            "base": source.base or NOT_REPORTED,
            "reported_in": source.reported_in or NOT_REPORTED,
        },
        "resources": [resource(survey_id, f"{survey_id}.csv", f"{survey.title}: every figure")]
        + [resource(f"{survey_id}--{q.id}", f"questions/{q.id}.csv", q.title) for q in survey.questions],
    }
    if source.licence:
        package["licenses"] = [{"title": source.licence.title, "path": source.licence.url}]
    if package_url:
        package["id"] = package_url  # where this package is published
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"
