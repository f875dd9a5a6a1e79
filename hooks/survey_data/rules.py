"""Rules that span several fields of a validated file (pydantic checks one field at a time):
duplicate ids, totals, scales, disclosure, figures typed into text."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from survey_data.errors import quote
from survey_data.models import Question, Survey
from survey_data.suggest import suggest
from survey_data.text import TYPED_FIGURE
from survey_data.yaml_source import Path, YamlDocument


def consistency(parsed: BaseModel, doc: YamlDocument) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    if isinstance(parsed, Survey):
        out += _disclosure_problems(parsed)
        out += _duplicate_ids(parsed.questions, ("questions",), doc)
        for q_index, question in enumerate(parsed.questions):
            at = ("questions", q_index)
            twice = _duplicate_ids(question.answers, (*at, "answers"), doc)
            out += twice
            if question.kind == "single" and question.total > 100 + question.rounding_slack:
                out.append(
                    (
                        (*at, "answers"),
                        f"the answers of a single-answer question add up to {question.total:g}%, more than 100%; "
                        "check the figures, or set 'kind: multiple' if several answers were allowed",
                    )
                )
            out += _fractions(question, at)
            if not twice:  # a scale of answers with one id twice would only repeat that mistake
                out += _scale_problems(question, at)
        out += _typed_figures(parsed.questions, "questions", names=("headline",))
    for attribute in ("authors", "takeaways"):
        if hasattr(parsed, attribute):
            out += _duplicate_ids(getattr(parsed, attribute), (attribute,), doc)
            out += _typed_figures(getattr(parsed, attribute), attribute)
    return out


def _typed_figures(
    items: list, attribute: str, names: tuple[str, ...] = ("title", "body", "bio")
) -> list[tuple[Path, str]]:
    """A percentage typed into a bio, a takeaway or a headline: readers see it as a survey figure."""
    out: list[tuple[Path, str]] = []
    for index, item in enumerate(items):
        for name in names:
            found = TYPED_FIGURE.search(getattr(item, name, "") or "")
            if found:
                message = (
                    f"a percentage typed into text ({quote(found.group(0))}): every figure must come from a survey "
                    "file; write the share in words, or put the figure in the article with <!-- data:figure ... -->"
                )
                out.append(((attribute, index, name), message))
    return out


def _fractions(question: Question, at: Path) -> list[tuple[Path, str]]:
    """Shares typed as fractions of one (0.22 for 22%): every answer at 1 or less, some in
    between. No survey reports every answer under 1%; the page would say "0.22%"."""
    shares = [a.percent for a in question.answers]
    if not all(share <= 1 for share in shares) or not any(0 < share < 1 for share in shares):
        return []
    index = next(i for i, share in enumerate(shares) if 0 < share < 1)
    share = shares[index]
    meant = f"{round(share * 100, 4):g}"
    message = (
        f"every share of this question is 1 or less, as if written as a fraction ({share:g}); "
        f"a percent is out of 100: write {meant} for {meant}%"
    )
    return [((*at, "answers", index, "percent"), message)]


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
