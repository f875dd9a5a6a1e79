"""A survey's figures as downloadable CSV and JSON: one row per answer."""

from __future__ import annotations

import csv
import io
import json

from survey_data import Survey
from survey_render.numbers import plain_number

COLUMNS = ["survey", "question_id", "question", "answer_id", "answer", "percent", "kind"]


def survey_rows(survey_id: str, survey: Survey) -> list[dict[str, object]]:
    return [
        {
            "survey": survey_id,
            "question_id": question.id,
            "question": question.wording or question.title,
            "answer_id": answer.id,
            "answer": answer.label,
            "percent": int(answer.percent) if answer.percent.is_integer() else answer.percent,
            "kind": question.kind,
        }
        for question in survey.questions
        for answer in question.answers
    ]


# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection);
# a leading apostrophe makes them show it as text. The JSON keeps the value as it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def survey_csv(survey_id: str, survey: Survey) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in survey_rows(survey_id, survey):
        row["percent"] = plain_number(row["percent"])  # as written: never 1e-05
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def survey_json(survey_id: str, survey: Survey) -> str:
    return json.dumps(survey_rows(survey_id, survey), indent=2, ensure_ascii=False) + "\n"


def download_paths(survey_id: str) -> dict[str, str]:
    """Where the files live in the built site."""
    return {"csv": f"data/{survey_id}.csv", "json": f"data/{survey_id}.json"}
