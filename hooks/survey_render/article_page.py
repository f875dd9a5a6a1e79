"""The pieces around an article's text: its header (title, standfirst, byline), the colophon
a printed copy carries, the lead chart its card and the home page draw, and the 404 page's way on."""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass

from survey_data import Question, Survey
from survey_render.disclosure import quality_notice
from survey_render.numbers import format_percent
from survey_render.share_card import MAX_BARS, Card, CardBar, LeadChart
from survey_render.templating import render_template as _render

WORDS_PER_MINUTE = 230  # an adult's silent reading of non-fiction (Brysbaert 2019: 238)
_WORD = re.compile(r"\w+")


def reading_minutes(text: str) -> int:
    """Minutes to read the writer's words (the generated tables and notes are looked at,
    not read through); at least 1."""
    return max(1, math.ceil(len(_WORD.findall(text)) / WORDS_PER_MINUTE))


def lead_chart(question: Question) -> LeadChart:
    shown = question.shown_answers
    bars = tuple(CardBar(a.label, a.percent) for a in shown[:MAX_BARS])
    return LeadChart(question.title, bars, more=len(shown) - len(bars))


def source_line(survey: Survey) -> str:
    return f"Source: {survey.source.publisher}, {survey.title}"


def share_card(site_name: str, title: str, standfirst: str, lead: tuple[Survey, Question] | None) -> Card:
    if lead is None:
        return Card(site_name, title, standfirst, site_name, None)
    survey, question = lead
    caveat = " · indicative figures: see the article's notes" if quality_notice(survey) else ""
    return Card(site_name, title, standfirst, source_line(survey) + caveat, lead_chart(question))


def card_alt(card: Card) -> str:
    """What the card shows, in words: og:image:alt."""
    stop = "" if card.title.endswith((".", "?", "!", "…")) else "."
    alt = f"{card.title}{stop} {card.standfirst}"
    if card.chart is not None:
        figures = "; ".join(f"{bar.label}: {format_percent(bar.percent)}" for bar in card.chart.bars)
        more = f"; and {card.chart.more} more" if card.chart.more else ""
        alt += f" Chart, {card.chart.title}: {figures}{more}. {card.source}."
    return alt


@dataclass(frozen=True)
class ArticleHeader:
    title: str
    standfirst: str
    author: str
    author_href: str | None  # the bio on the page, where the page shows one
    date: datetime.date | None
    minutes: int
    home_href: str
    about: tuple[str, ...] = ()  # "About these figures" (HTML), one per survey the page cites


def render_article_header(header: ArticleHeader) -> str:
    return _render("article_header.html", header=header)


@dataclass(frozen=True)
class Colophon:
    """What a printed copy says about itself."""

    url: str
    author: str
    date: datetime.date | None
    sources: tuple[str, ...]  # one line per survey shown on the page


def render_colophon(colophon: Colophon) -> str:
    return _render("colophon.html", colophon=colophon)


def render_not_found(
    home_href: str, articles: list[tuple[str, str]], archive_href: str | None = None, total: int = 0
) -> str:
    """The 404 page's body: where to go instead. `articles` are (href, title), the newest;
    `archive_href` leads to all `total` of them."""
    return _render("not_found.html", home_href=home_href, articles=articles, archive_href=archive_href, total=total)


def render_draft_banner(reason: str) -> str:
    """What a writer's preview shows above a page that `make build` leaves out."""
    return _render("draft_banner.html", reason=reason)
