"""One render_* function per generated piece other than the benchmark table (benchmark_table):
figures, takeaways, bios, the source note, lists of articles, "Your benchmark", head tags and
the feed. The HTML itself lives in templates/."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from survey_data import Answer, Author, Survey, Takeaway
from survey_render.benchmark_table import SECTION_LEVEL, Citation, Downloads
from survey_render.disclosure import disclosure_summary, methodology_items, unreported_names
from survey_render.numbers import format_percent
from survey_render.share_card import LeadChart
from survey_render.site_meta import FeedItem, PageFacts, json_ld, rfc822
from survey_render.standing import possessive, precision_note, subject
from survey_render.templating import render_template


def render_figure(answer: Answer) -> str:
    return str(escape(format_percent(answer.percent)))


def render_takeaway(takeaway: Takeaway) -> str:
    return render_template("takeaway.html", takeaway=takeaway)


def render_author_bio(author_id: str, author: Author) -> str:
    return render_template("author_bio.html", author_id=author_id, author=author)


def render_source_note(
    survey_id: str, survey: Survey, downloads: Downloads | None = None, citation: Citation | None = None
) -> str:
    """The "Methodology and source" section: each disclosure item the source reports, and
    each it does not, with a count."""
    items = methodology_items(survey)
    return render_template(
        "source_note.html",
        survey_id=survey_id,
        survey=survey,
        items=items,
        summary=disclosure_summary(items),
        unreported=unreported_names(items),
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
    lead_source: str | None = None  # "Source: PUBLISHER", under it


def render_article_list(articles: list[ArticleLink], archive_href: str | None = None, total: int = 0) -> str:
    """Articles, newest first; with `archive_href`, a link to all `total` of them."""
    return render_template("article_list.html", articles=articles, archive_href=archive_href, total=total)


def render_archive_page(
    articles: list[ArticleLink], page: int, pages: int, href: Callable[[int], str], total: int
) -> str:
    """One page of the archive: its articles and the way to the other pages."""
    return render_template("archive_page.html", articles=articles, page=page, pages=pages, href=href, total=total) + (
        "\n" + render_article_list(articles)
    )


def render_your_benchmark(survey_id: str, survey: Survey, level: int = SECTION_LEVEL, page_url: str = "") -> str:
    """The reader's own benchmark: their answers to every "Where are you?" of the survey
    on the page, gathered by the page script, with the source and the page's address."""
    return render_template(
        "your_benchmark.html",
        survey_id=survey_id,
        survey=survey,
        level=level,
        precision=precision_note(survey),
        page_url=page_url,
        subject=subject(survey),
        whose=possessive(survey),
    )


def render_head(facts: PageFacts) -> str:
    return render_template("head.html", facts=facts, ld=json_ld(facts) if facts.is_article else "")


def render_feed(
    site_name: str, site_url: str, description: str, language: str, feed_url: str, items: list[FeedItem]
) -> str:
    return (
        render_template(
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
