"""Every question of every survey must be shown on some page: a survey or question shown
nowhere is a warning (fatal under --strict), with the placeholder that would show it."""

from __future__ import annotations

from survey_data.load import Dataset


def unused_warnings(dataset: Dataset, shown: set[tuple[str, str]], reserved: set[tuple[str, str | None]]) -> list[str]:
    """`shown`: benchmarks on the pages built; `reserved`: those on pages held back."""
    warnings = []
    for survey_id, survey in dataset.surveys.items():
        file = dataset.survey_files[survey_id]
        if (survey_id, None) in reserved:
            continue  # every question is on a draft or scheduled page
        hidden = [
            q.id for q in survey.questions if (survey_id, q.id) not in shown and (survey_id, q.id) not in reserved
        ]
        if len(hidden) == len(survey.questions):
            warnings.append(
                f"{file}: survey '{survey_id}' is shown on no page; "
                f"add <!-- data:tables {survey_id} --> to an article, or remove the file"
            )
            continue
        warnings += [
            f"{file}:{dataset.question_lines.get((survey_id, question_id), 1)}: question '{question_id}' is "
            "shown on no page; "
            f"add <!-- data:table {survey_id} {question_id} --> to an article, or remove it"
            for question_id in hidden
        ]
    return warnings
