"""What a page says about itself to search engines, link previews and feed readers:
meta description, canonical URL, OpenGraph and Twitter tags, JSON-LD, and the RSS feed."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    alt: str
    width: int = 1200
    height: int = 630


@dataclass(frozen=True)
class PageFacts:
    site_name: str
    title: str  # the page's own title (the site name for the home page)
    description: str
    url: str  # absolute canonical URL
    feed_url: str  # the RSS feed, relative to the page (or from the site's root)
    is_article: bool = False
    author: str | None = None
    date: datetime.date | None = None
    canonical: bool = True  # False for the 404 page, which stands in for any missing URL
    image: ShareImage | None = None  # an article's share card


def json_ld(facts: PageFacts) -> Markup:
    """schema.org Article as JSON, safe inside <script>: <, > and & become \\u escapes."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": facts.title,
        "description": facts.description,
        "mainEntityOfPage": facts.url,
        "publisher": {"@type": "Organization", "name": facts.site_name},
    }
    if facts.author:
        data["author"] = {"@type": "Person", "name": facts.author}
    if facts.date:
        data["datePublished"] = facts.date.isoformat()
    if facts.image:
        data["image"] = facts.image.url
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str
    summary: str
    author: str
    date: datetime.date | None


def rfc822(date: datetime.date) -> str:
    """RSS's date format, fixed at noon UTC, independent of the locale."""
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{days[date.weekday()]}, {date.day:02d} {months[date.month - 1]} {date.year} 12:00:00 +0000"
