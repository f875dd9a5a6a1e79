"""Drafts and scheduled articles: why a page is held back, and the banner `make serve` shows
above it. As in Hugo, `draft: true` holds a page back, and a future `date` schedules it: it
is published by the first build on or after that day. Holding a page back (MkDocs's draft
level, the benchmarks it reserves, a scheduled article checked now) is page_intake's; the
surveys only held-back pages show are left out by generated_files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from survey_data.errors import quote
from survey_data.front_matter import FRONT_MATTER
from survey_data.page_meta import PageMeta
from survey_render.article_page import render_draft_banner


def held_back(meta: PageMeta | None, today: date) -> str | None:
    """Why a page is not published yet, or None."""
    if meta is None:
        return None
    if meta.draft:
        return "Draft"
    published = getattr(meta, "date", None)
    if published is not None and published > today:
        return f"Scheduled for {published.day} {published:%B %Y}"
    return None


def with_banner(html: str, reason: str | None) -> str:
    """A held-back page as the preview shows it: the banner above, saying why."""
    return html if reason is None else render_draft_banner(reason) + html


# A scheduled date further out than this is pointed out: a year typed wrong (2027 for 2026)
# would hold an article back for a year without a word.
FAR_OFF_DAYS = 92
_DATE_LINE = re.compile(r"^date[ \t]*:", re.M)


@dataclass(frozen=True)
class HeldPage:
    """A page the build leaves out, as the writer knows it."""

    shown: str  # docs/articles/x.md
    text: str  # the page's text, for the line of its date
    meta: PageMeta
    surveys: tuple[str, ...]  # the surveys it cites


def held_back_lines(held: list[HeldPage], published: set[str], today: date) -> list[str]:
    """What a build leaves out and until when, one line per page: drafts, scheduled articles
    (a far-off date pointed out), and the surveys that leave the site with them because no
    published page shows them."""
    lines = []
    for page in held:
        where = page.shown
        if page.meta.draft:
            why = "a draft ('draft: true'): remove that line to publish it"
        else:
            day = page.meta.date
            days = (day - today).days
            front = FRONT_MATTER.match(page.text)
            found = _DATE_LINE.search(front.group(1)) if front else None
            if found:
                where += f":{front.group(1).count(chr(10), 0, found.start()) + 2}:1"
            why = f"scheduled for {day.day} {day:%B %Y}, {days:,} day{'s' * (days != 1)} from today"
            if days > FAR_OFF_DAYS:
                why += ": is the year right? If not, fix the date"
            why += "; the first build on or after that day publishes it"
        leaving = [quote(s) for s in page.surveys if s not in published]
        if leaving:
            them = "them" if len(leaving) > 1 else "it"
            why += f", and survey {', '.join(leaving)} with it (no published page shows {them})"
        lines.append(f"{where}: not published by this build: {why}")
    return lines
