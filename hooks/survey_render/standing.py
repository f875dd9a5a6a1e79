"""Where a reader stands against a question's respondents, in one short line that is true of
the data: position on an ordered scale (the shares above, the same and below), never a
ranking by popularity. The reader's row is marked in the chart, so the line names no answer
the reader can see marked; it stays short enough to take in at once (about 20 words).

Single-answer lines are rendered into the page; for several-answer questions the page's
script writes the line from each answer's share and whether more than half chose it.
tests/browser/test_where_are_you.py rebuilds every line independently from data/.
"""

from __future__ import annotations

from survey_data import Answer, Question, Survey
from survey_render.numbers import format_percent

# "Most respondents": more than half. The several-answer questions are compared with these.
MAJORITY = 50


def single_standing(question: Question, answer: Answer) -> str:
    """The line for one answer of a single-answer question."""
    same = format_percent(answer.percent)
    if question.scale is None:
        return f"You are with the {same} who gave this answer."
    above, below = question.around(answer)
    rank = question.scale.index(answer.id)
    if rank == len(question.scale) - 1:
        text = f"You are with the {same} at the top of this scale; {format_percent(below)} answered lower."
    elif rank == 0:
        text = f"You are with the {same} at the bottom of this scale; {format_percent(above)} answered higher."
    else:
        text = f"You are with {same}; {format_percent(above)} answered higher and {format_percent(below)} lower."
    return text  # what the source leaves unreported is said once, under the chart


def none_standing(question: Question) -> str:
    """The line for "none of these" on a single-answer question."""
    if question.unreported is None:
        return "The source gives no other answer, so there is no figure to compare yours with."
    return f"The source does not say how {format_percent(question.unreported)} answered; yours may be among them."


def is_majority(answer: Answer) -> bool:
    return answer.percent > MAJORITY


def precision_note(survey: Survey, question: Question | None = None) -> str:
    """How much weight a comparison can bear, from what the source reports of its sample
    (the question's own number of respondents where it gives one)."""
    size = question.sample_size if question is not None and question.sample_size is not None else None
    size = size if size is not None else survey.source.sample_size
    if size is None:
        return "With no sample size given, small differences between figures may not be real."
    return f"Based on {size:,} respondents: small differences between figures may not be real."


def prompt(survey: Survey, question: Question) -> str:
    """What the chart asks of the reader, in words that fit whom the survey asked."""
    whose = survey.answers_for
    if question.kind == "multiple":
        return f"Pick every answer that fits {whose} to compare."
    return f"Pick the answer that fits {whose} to see where {subject(survey)}."


def subject(survey: Survey) -> str:
    """ "you stand", "your organisation stands"."""
    return "you stand" if survey.answers_for == "you" else f"{survey.answers_for} stands"


def possessive(survey: Survey) -> str:
    """ "your", "its": the reader's answers, or those they give for their organisation."""
    return "your" if survey.answers_for == "you" else "its"
