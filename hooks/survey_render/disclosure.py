"""What a survey's source discloses about its method, item by item, and the sentences the
site builds from it. Every sentence here states a value a data field holds, or says that
the source does not report it: nothing is assumed (a base, a date, a size or a margin)."""

from __future__ import annotations

from dataclasses import dataclass

from survey_data import Question, Survey
from survey_render.numbers import format_percent

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


def methodology_items(survey: Survey) -> list[Item]:
    """What "Methodology and source" lists: the eleven disclosure items, then whom the
    percentages are of and the licence of the figures."""
    source = survey.source
    based = sum(1 for q in survey.questions if q.base)
    base, partly = source.base, False
    if base is not None and based:
        base += "; for some questions, given with their table"
    elif base is None and based:
        total = len(survey.questions)
        base = f"given with the table of {based} of {total} questions; {NOT_REPORTED} for the others"
        partly = based < total
    licence = Item("Licence of the figures", None)
    if source.licence is not None:
        licence = Item("Licence of the figures", source.licence.title, href=source.licence.url)
    return [*disclosure_items(survey), Item("Whom the percentages are of (the base)", base, partial=partly), licence]


def disclosure_summary(items: list[Item]) -> str:
    """One sentence that counts the items listed: as many as the list holds."""
    applying = [item for item in items if item.applies]
    reported = sum(1 for item in applying if item.value is not None and not item.partial)
    partly = sum(1 for item in applying if item.partial)
    text = f"The source reports {reported} of these {len(applying)} items"
    if partly:
        text += f", and {partly} more in part"
    text += f" (eleven of them are those the {AAPOR} asks a survey to disclose"
    if len(applying) < len(items):
        text += "; the margin of error, which does not apply to an opt-in sample, is not counted"
    return text + ")."


def unreported_names(items: list[Item]) -> str:
    """The items the source leaves out, as one list for one sentence."""
    names = [item.name[0].lower() + item.name[1:] for item in items if item.applies and item.value is None]
    return ", ".join(names)


def base_of(survey: Survey, question: Question) -> str | None:
    return question.base or survey.source.base


def size_of(survey: Survey, question: Question) -> int | None:
    return question.sample_size if question.sample_size is not None else survey.source.sample_size


def _missing(survey: Survey) -> list[str]:
    """What a reader needs to weigh the figures and the source leaves out, in words."""
    source = survey.source
    missing = []
    if source.sample_size is None and any(q.sample_size is None for q in survey.questions):
        missing.append("how many responded")
    if source.fieldwork is None:
        missing.append("when the survey ran")
    unworded = sum(1 for q in survey.questions if q.wording is None)
    if unworded == len(survey.questions):
        missing.append("the exact questions asked")
    elif unworded:
        missing.append("the exact wording of some questions")
    if source.base is None and any(q.base is None for q in survey.questions):
        missing.append("whom the percentages are of")
    if source.sampling is None and source.sampling_detail is None:
        missing.append("how respondents were chosen")
    return missing


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def quality_notice(survey: Survey) -> str | None:
    """One plain sentence for where the figures travel alone (a chart image, a share card),
    where the source leaves out what a reader needs to weigh them; None where it reports it."""
    missing = _missing(survey)[:3]
    if not missing:
        return None
    return f"Read these figures as indicative: the source does not report {_listed(missing)}."


def about_figures(survey: Survey) -> list[str]:
    """ "About these figures": what a reader must know of the whole survey before reading its
    charts, said once per page. Each sentence states a data field or says the source leaves
    it out; what differs for one chart is said under it (chart_notes)."""
    source = survey.source
    where = f", as reported in {source.reported_in}" if source.reported_in else ""
    sentences = [f"Figures by {source.publisher}{where}."]
    known = []
    if source.sample_size is not None:
        known.append(f"{source.sample_size:,} respondents")
    if source.fieldwork is not None:
        known.append(f"fieldwork {source.fieldwork}")
    if source.base is not None:
        known.append(f"percentages of {source.base}")
    if known:
        sentences.append(known[0][0].upper() + "; ".join(known)[1:] + ".")
    missing = _missing(survey)
    if missing:
        sentences.append(
            f"The source does not report {_listed(missing)}, so read the figures as indicative: "
            "small differences between them may not be real."
        )
    elif source.sample_size is not None:
        sentences.append("Small differences between figures may not be real.")
    if any(q.scale for q in survey.questions):
        sentences.append(
            "Where answers form a scale, a chart lists them from the highest down, in an order this site chose."
        )
    return sentences


def chart_notes(survey: Survey, question: Question) -> list[str]:
    """What differs for one chart from what "About these figures" says of the survey: its own
    base or number of respondents, totals that are not 100%, several answers allowed. Each
    note names this chart's own figures, so no two charts carry the same sentence."""
    notes = []
    if question.base is not None and question.base != survey.source.base:
        notes.append(f"Percentages of {question.base}.")
    if question.sample_size is not None and question.sample_size != survey.source.sample_size:
        notes.append(f"{question.sample_size:,} respondents to this question.")
    total = format_percent(question.total)
    if question.kind == "multiple":
        if question.total > 100:
            notes.append(f"Several answers were allowed, so these figures add up to {total}.")
        else:
            notes.append(f"Several answers were allowed: these figures ({total} in all) are not shares of one whole.")
    elif question.total > 100:
        notes.append(f"These figures add up to {total}, more than 100%, as published.")
    elif question.unreported is not None:
        notes.append(
            f"These figures add up to {total}: the other {format_percent(question.unreported)} is not reported."
        )
    return notes
