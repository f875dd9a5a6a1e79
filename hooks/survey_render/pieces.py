"""One render_* function per generated piece; the HTML itself lives in templates/."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from survey_data import Answer, Author, Question, Survey, Takeaway
from survey_render.disclosure import (
    NOT_REPORTED,
    base_of,
    disclosure_items,
    disclosure_summary,
    quality_notice,
    size_of,
)
from survey_render.downloads import download_paths
from survey_render.numbers import format_percent, plain_number
from survey_render.share_card import LeadChart
from survey_render.site_meta import FeedItem, PageFacts, json_ld, rfc822
from survey_render.standing import is_majority, none_standing, precision_note, single_standing

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


_env.filters["percent"] = format_percent
_env.filters["plain"] = plain_number
_env.globals.update(
    NOT_REPORTED=NOT_REPORTED,
    single_standing=single_standing,
    none_standing=none_standing,
    is_majority=is_majority,
)


def _render(template: str, **values: object) -> str:
    html = _env.get_template(template).render(**values)
    # No blank line inside: Markdown then keeps the piece as one raw HTML block.
    return "\n".join(line for line in html.splitlines() if line.strip())


def benchmark_anchor(survey_id: str, question_id: str, part: str = "benchmark") -> str:
    """The HTML id of a part of a question's benchmark: "benchmark" (the whole; its rows add
    "--ANSWER"), "benchmark-title" (the heading) or "where" (the reader's choice). Ids never
    hold "--", so "a-b" + "c" stays apart from "a" + "b-c", and each part has its own prefix,
    so no id from data can make one part's id equal another's."""
    return f"{part}--{survey_id}--{question_id}"


def benchmark_notes(survey: Survey, question: Question) -> list[str]:
    """What a reader must know to read the figures right, in plain sentences, each backed by
    a data field or saying that the source does not report it."""
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
    """One question's benchmark: a heading, a table with a bar in each row, notes, and the
    reader's "Where are you?" choice. `place_late` may swap the choice's HTML for a token
    that the caller puts back later (it is not for the search index). `first`: the survey's
    first figures on the page, which carry its data-quality notice."""
    return _render(
        "benchmark.html",
        anchor=benchmark_anchor(survey_id, question.id),
        heading=benchmark_anchor(survey_id, question.id, "benchmark-title"),
        level=level,
        question=question,
        notice=quality_notice(survey) if first else None,
        notes=benchmark_notes(survey, question),
        downloads=downloads,
        edit_url=edit_url,
        where=Markup(place_late(render_where(survey_id, survey, question))),
    )


def render_where(survey_id: str, survey: Survey, question: Question) -> str:
    return _render(
        "where.html",
        anchor=benchmark_anchor(survey_id, question.id),
        heading=benchmark_anchor(survey_id, question.id, "benchmark-title"),
        where=benchmark_anchor(survey_id, question.id, "where"),
        survey_id=survey_id,
        question=question,
        precision=precision_note(survey, question),
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


def render_figure(answer: Answer) -> str:
    return str(escape(format_percent(answer.percent)))


def render_takeaway(takeaway: Takeaway) -> str:
    return _render("takeaway.html", takeaway=takeaway)


def render_author_bio(author_id: str, author: Author) -> str:
    return _render("author_bio.html", author_id=author_id, author=author)


def render_source_note(
    survey_id: str, survey: Survey, downloads: Downloads | None = None, citation: Citation | None = None
) -> str:
    """The "Methodology and source" section: each disclosure item the source reports, and
    each it does not, with a count."""
    items = disclosure_items(survey)
    return _render(
        "source_note.html",
        survey_id=survey_id,
        survey=survey,
        items=items,
        summary=disclosure_summary(items),
        multiple=any(q.kind == "multiple" for q in survey.questions),
        downloads=downloads,
        citation=citation,
    )


@dataclass(frozen=True)
class ArticleLink:
    href: str  # relative to the page the list is on
    title: str
    summary: str
    author: str
    date: datetime.date | None
    lead: LeadChart | None = None  # the article's first benchmark, drawn small


def render_article_list(articles: list[ArticleLink], archive_href: str | None = None, total: int = 0) -> str:
    """Articles, newest first; with `archive_href`, a link to all `total` of them."""
    return _render("article_list.html", articles=articles, archive_href=archive_href, total=total)


def render_archive_page(
    articles: list[ArticleLink], page: int, pages: int, href: Callable[[int], str], total: int
) -> str:
    """One page of the archive: its articles and the way to the other pages."""
    return _render("archive_page.html", articles=articles, page=page, pages=pages, href=href, total=total) + (
        "\n" + render_article_list(articles)
    )


def render_your_benchmark(survey_id: str, survey: Survey, level: int = SECTION_LEVEL, page_url: str = "") -> str:
    """The reader's own benchmark: their answers to every "Where are you?" of the survey
    on the page, gathered by the page script, with the source and the page's address."""
    return _render(
        "your_benchmark.html",
        survey_id=survey_id,
        survey=survey,
        level=level,
        precision=precision_note(survey),
        page_url=page_url,
    )


def render_head(facts: PageFacts) -> str:
    return _render("head.html", facts=facts, ld=json_ld(facts) if facts.is_article else "")


def render_feed(
    site_name: str, site_url: str, description: str, language: str, feed_url: str, items: list[FeedItem]
) -> str:
    return (
        _render(
            "feed.xml",
            site_name=site_name,
            site_url=site_url,
            description=description,
            language=language,
            feed_url=feed_url,
            items=items,
            rfc822=rfc822,
        )
        + "\n"
    )
