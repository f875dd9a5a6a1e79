"""Where a reader stands against a question's respondents, in sentences that are true of the
data: position on an ordered scale (the shares above, the same and below), never a ranking by
popularity. These sentences are rendered into the page; the script only picks one.

The tests in tests/browser/test_where_are_you.py rebuild every sentence independently.
"""

from __future__ import annotations

from survey_data import Answer, Question, Survey
from survey_render.numbers import format_percent

# "Most respondents": more than half. Used for the several-answer questions.
MAJORITY = 50


def _unreported(question: Question) -> str:
    if question.unreported is None:
        return ""
    return f" The answers of {format_percent(question.unreported)} of respondents were not reported in the source."


NAMED = 3  # answers named in a group above or below; a longer group gives only its share


def _labels(answers: list[Answer]) -> str:
    if len(answers) > NAMED:
        return f"{len(answers)} answers"
    return ", ".join(f"“{a.label}”" for a in answers)


def single_standing(question: Question, answer: Answer) -> str:
    """The result for one answer of a single-answer question."""
    same = format_percent(answer.percent)
    if question.scale is None:
        return f"{same} of respondents gave the same answer as you." + _unreported(question)
    above, below = question.around(answer)
    # Named from the highest down, as the table lists them.
    shown = question.shown_answers
    higher = _labels(shown[: shown.index(answer)])
    lower = _labels(shown[shown.index(answer) + 1 :])
    if not higher:
        text = (
            f"Yours is the highest answer on this scale: {same} of respondents gave it, "
            f"and {format_percent(below)} a lower one ({lower})."
        )
    elif not lower:
        text = (
            f"Yours is the lowest answer on this scale: {format_percent(above)} of respondents gave a higher one "
            f"({higher}), and {same} gave yours."
        )
    else:
        text = (
            f"{format_percent(above)} of respondents gave a higher answer than yours ({higher}), {same} gave yours, "
            f"and {format_percent(below)} a lower one ({lower})."
        )
    return text + _unreported(question)


def none_standing(question: Question) -> str:
    """The result for "none of these" on a single-answer question."""
    if question.unreported is None:
        return (
            "The survey reports no figure for any answer other than these, so there is nothing to compare yours with."
        )
    return (
        f"The survey reports no figure for other answers: the answers of {format_percent(question.unreported)} "
        "of respondents were not reported, and yours may be among them."
    )


def is_majority(answer: Answer) -> bool:
    return answer.percent > MAJORITY


def precision_note(survey: Survey, question: Question | None = None) -> str:
    """How much weight a comparison can bear, from what the source reports of its sample
    (the question's own number of respondents where it gives one)."""
    size = question.sample_size if question is not None and question.sample_size is not None else None
    size = size if size is not None else survey.source.sample_size
    if size is None:
        return (
            "The source gives no sample size, so these comparisons are indicative only: "
            "small differences between figures may not be real."
        )
    return f"Based on {size:,} respondents: small differences between figures may not be real."
