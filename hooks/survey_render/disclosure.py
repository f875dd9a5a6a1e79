"""What a survey's source discloses about its method, item by item, and the sentences the
site builds from it. Every sentence here states a value a data field holds, or says that
the source does not report it: nothing is assumed (a base, a date, a size or a margin)."""

from __future__ import annotations

from dataclasses import dataclass

from survey_data import Question, Survey

NOT_REPORTED = "not reported in the source"
AAPOR = "AAPOR Transparency Initiative"
SAMPLING = {
    "probability": "probability sample (respondents drawn at random from the population)",
    "opt-in": "opt-in sample (whoever chose to answer; not drawn at random)",
}


@dataclass(frozen=True)
class Item:
    name: str
    value: str | None  # None: not reported in the source
    applies: bool = True  # False: the item does not apply (a margin of error to an opt-in sample)
    href: str | None = None  # the value is a link
    partial: bool = False  # reported for some questions only


def _wording(survey: Survey) -> tuple[str | None, bool]:
    """(what the methodology says, whether only some questions have it)"""
    unworded = sum(1 for q in survey.questions if q.wording is None)
    total = len(survey.questions)
    if unworded == total:
        return None, False
    if unworded == 0:
        return "given with each table", False
    return f"given with the table of {total - unworded} of {total} questions; {NOT_REPORTED} for the others", True


def _size(survey: Survey) -> tuple[str | None, bool]:
    sized = sum(1 for q in survey.questions if q.sample_size is not None)
    total = survey.source.sample_size
    if total is not None:
        extra = f"; given with the table of {sized} of {len(survey.questions)} questions" if sized else ""
        return f"{total:,} for the survey{extra}", False
    if not sized:
        return None, False
    if sized == len(survey.questions):
        return "given with each table", False
    return f"given with the table of {sized} of {len(survey.questions)} questions; {NOT_REPORTED} for the others", True


def disclosure_items(survey: Survey) -> list[Item]:
    """The eleven disclosure items, in the order AAPOR's Code lists them."""
    source = survey.source
    sampling = None
    if source.sampling is not None:
        sampling = SAMPLING[source.sampling] + (f": {source.sampling_detail}" if source.sampling_detail else "")
    elif source.sampling_detail is not None:
        sampling = source.sampling_detail
    opt_in = source.sampling == "opt-in"
    size, size_partly = _size(survey)
    wording, wording_partly = _wording(survey)
    report = source.url  # a title alone still lets a reader find it
    if source.title:
        report = source.title if source.url else f"{source.title} (no link given)"
    return [
        Item("Sponsor", source.sponsor),
        Item("Conducted by", source.publisher),
        Item("Who was asked (population)", source.population),
        Item("How the sample was drawn", sampling),
        Item("How answers were collected (mode)", source.mode),
        Item("Fieldwork dates", source.fieldwork),
        Item("Number of respondents", size, partial=size_partly),
        Item("Weighting", source.weighting),
        Item(
            "Margin of sampling error",
            "does not apply to an opt-in sample" if opt_in else source.margin_of_error,
            applies=not opt_in,
        ),
        Item("Question wording", wording, partial=wording_partly),
        Item("Original report", report, href=source.url),
    ]


def disclosure_summary(items: list[Item]) -> str:
    applying = [item for item in items if item.applies]
    reported = sum(1 for item in applying if item.value is not None and not item.partial)
    partly = sum(1 for item in applying if item.partial)
    text = f"The source reports {reported} of the {len(applying)} items that the {AAPOR} asks a survey to disclose"
    if partly:
        text += f", and {partly} more in part"
    if len(applying) < len(items):
        text += " (the margin of error does not apply to an opt-in sample)"
    return text + "."


def base_of(survey: Survey, question: Question) -> str | None:
    return question.base or survey.source.base


def size_of(survey: Survey, question: Question) -> int | None:
    return question.sample_size if question.sample_size is not None else survey.source.sample_size


def quality_notice(survey: Survey) -> str | None:
    """One plain sentence above a survey's first figures on a page, where the source leaves
    out what a reader needs to weigh them; None where it reports all three."""
    missing = []
    if survey.source.sample_size is None and any(q.sample_size is None for q in survey.questions):
        missing.append("how many responded")
    if survey.source.fieldwork is None:
        missing.append("when the survey ran")
    unworded = sum(1 for q in survey.questions if q.wording is None)
    if unworded == len(survey.questions):
        missing.append("the exact questions asked")
    elif unworded:
        missing.append("the exact wording of some questions")
    if not missing:
        return None
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]
    return f"Read these figures as indicative: the source does not report {listed}."
