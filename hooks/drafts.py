"""Drafts and scheduled articles: why a page is held back, and the banner `make serve` shows
above it. As in Hugo, `draft: true` holds a page back, and a future `date` schedules it: it
is published by the first build on or after that day. Holding a page back (MkDocs's draft
level, the benchmarks it reserves, a scheduled article checked now) is page_intake's; the
surveys only held-back pages show are left out by generated_files."""

from __future__ import annotations

from datetime import date

from survey_data.models import PageMeta
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
