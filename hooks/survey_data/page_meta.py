"""A page's front matter: what any page may set, and what an article must."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field, StringConstraints

from survey_data.models import STRICT
from survey_data.text import MAX_TEXT, Text

PageOption = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]


class PageMeta(BaseModel):
    """Front matter of any page: only what the site uses, each value checked."""

    model_config = STRICT
    title: Text | None = None
    description: Text | None = None
    hide: list[PageOption] | None = Field(None, max_length=6)
    draft: bool = Field(
        False, description="true: shown by `make serve` with a Draft banner, left out of `make build` entirely."
    )


def _quoted_date(value: object) -> object:
    """A date written in quotes ("2026-11-20") is the date the writer meant. Anything else is
    left for the check to refuse, with the calendar's word for it."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


class ArticleMeta(PageMeta):
    """Front matter of a page under docs/articles/."""

    title: Text
    summary: Text = Field(description="One or two sentences for the home page.")
    # Any text: a name, or a near miss, is answered with the id to write (front_matter).
    author: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)] = Field(
        description="An author id from data/authors.yml."
    )
    date: Annotated[datetime.date | None, BeforeValidator(_quoted_date)] = Field(
        None,
        description=(
            "Publication date, YYYY-MM-DD, where known. A date after today schedules the article: `make serve` "
            "shows it, `make build` leaves it out until that day."
        ),
    )
