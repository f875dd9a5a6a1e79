"""A benchmark table: one question's heading, its table with a bar in each row (Datawrapper's
bar-column table) where the reader also picks their own answer, what differs for this chart,
and the downloads; and "About these figures", said once per survey."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from survey_data import Question, Survey
from survey_render.disclosure import NOT_REPORTED, about_figures, base_of, chart_notes, size_of
from survey_render.downloads import download_paths
from survey_render.numbers import format_percent
from survey_render.standing import possessive, prompt, subject
from survey_render.templating import render_template


def benchmark_anchor(survey_id: str, question_id: str, part: str = "benchmark") -> str:
    """The HTML id of a part of a question's benchmark: "benchmark" (the whole; its rows add
    "--ANSWER"), "benchmark-title" (the heading) or "where" (the reader's choice). Ids never
    hold "--", so "a-b" + "c" stays apart from "a" + "b-c", and each part has its own prefix,
    so no id from data can make one part's id equal another's."""
    return f"{part}--{survey_id}--{question_id}"


def benchmark_notes(survey: Survey, question: Question) -> list[str]:
    """Everything a reader of one chart needs when it travels alone (a chart image), in plain
    sentences, each backed by a data field or saying that the source does not report it. On
    the page, the survey's "About these figures" says most of it once (chart_notes)."""
    base = base_of(survey, question)
    if base:
        notes = [f"Figures are percentages of {base}, as published."]
    else:
        notes = [f"Figures are percentages as published. Whom they are percentages of (the base): {NOT_REPORTED}."]
    if question.kind == "multiple":
        if question.total > 100:
            notes.append("Several answers allowed: totals exceed 100%.")
        else:
            notes.append("Several answers allowed: the figures are not shares of one whole.")
    elif question.total > 100:
        notes.append(f"Figures add up to {format_percent(question.total)}, more than 100%, as published.")
    elif question.unreported is not None:
        notes.append(
            f"Figures add up to {format_percent(question.total)}: the rest "
            f"({format_percent(question.unreported)}) was not reported in the source."
        )
    size = size_of(survey, question)
    notes.append(f"Number of respondents: {size:,}." if size is not None else f"Number of respondents: {NOT_REPORTED}.")
    when = f", fieldwork {survey.source.fieldwork}" if survey.source.fieldwork else ""
    notes.append(f"Source: {survey.source.publisher}{when}.")
    return notes


@dataclass(frozen=True)
class Link:
    href: str  # relative to the page
    url: str  # absolute: what a printed copy shows


@dataclass(frozen=True)
class Downloads:
    """Links from one page to a survey's files (see downloads.download_paths)."""

    survey_id: str
    link: Callable[[str], Link]  # site path -> link from the page

    def survey(self, kind: str) -> Link:
        """kind: "package" or "csv" (every figure)."""
        return self.link(download_paths(self.survey_id)[kind])

    def question(self, question_id: str, kind: str) -> Link:
        """kind: "csv", "svg" or "png"."""
        return self.link(download_paths(self.survey_id, question_id)[kind])


@dataclass(frozen=True)
class Citation:
    site_name: str
    page_url: str  # absolute
    data_url: str  # absolute, the data package


def _same(html: str) -> str:
    return html


# Heading level of a generated section when the page gives no other: the article's title is the H1.
SECTION_LEVEL = 2


def render_benchmark(
    survey_id: str,
    survey: Survey,
    question: Question,
    downloads: Downloads | None = None,
    place_late: Callable[[str], str] = _same,
    level: int = SECTION_LEVEL,
    first: bool = False,
    edit_url: str | None = None,
) -> str:
    """One question's benchmark: a heading, a table with a bar in each row (where the reader
    also picks their answer), what differs for this chart, and the downloads. `place_late`
    may swap HTML for a token that the caller puts back later (it is not for the search
    index). `first`: the survey's first figures on a page with no article header to carry
    "About these figures", which it then carries."""
    return render_template(
        "benchmark.html",
        survey_id=survey_id,
        anchor=benchmark_anchor(survey_id, question.id),
        heading=benchmark_anchor(survey_id, question.id, "benchmark-title"),
        level=level,
        question=question,
        about=Markup(render_about_figures(survey_id, survey, benchmarks=True)) if first else None,
        notes=chart_notes(survey, question),
        downloads=downloads,
        edit_url=edit_url,
        line=Markup(render_template("where.html", question=question, prompt=prompt(survey, question))),
        late=lambda html: Markup(place_late(str(html))),
    )


def render_about_figures(survey_id: str, survey: Survey, benchmarks: bool, named: bool = False) -> str:
    """ "About these figures", once per survey on a page. `benchmarks`: the page shows the
    survey's charts, so it says how to answer them; `named`: the page cites several surveys."""
    return render_template(
        "about_figures.html",
        survey_id=survey_id,
        survey=survey,
        sentences=about_figures(survey),
        benchmarks=benchmarks,
        named=named,
        subject=subject(survey),
        whose=possessive(survey),
    )


def render_survey_benchmarks(
    survey_id: str,
    survey: Survey,
    downloads: Downloads | None = None,
    place_late: Callable[[str], str] = _same,
    level: int = SECTION_LEVEL,
    first: bool = False,
    edit_url: Callable[[str], str | None] | None = None,
) -> str:
    return "\n".join(
        render_benchmark(
            survey_id, survey, q, downloads, place_late, level, first and i == 0, edit_url(q.id) if edit_url else None
        )
        for i, q in enumerate(survey.questions)
    )
