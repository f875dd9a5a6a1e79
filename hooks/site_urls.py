"""Addresses between pages of the built site, without the engine: what MkDocs's
get_relative_url does, for the steps that run without MkDocs (survey_markdown, generate_site)."""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urljoin


def page_url(src_uri: str) -> str:
    """A page's address with directory URLs (MkDocs's and Zensical's default): index.md -> '',
    articles/a.md -> 'articles/a/', notes/index.md -> 'notes/'; percent-encoded as MkDocs
    encodes it ("my note.md" -> 'my%20note/')."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return quote(stem.removesuffix("index"), safe="/")
    return quote(stem, safe="/") + "/"


def relative_url(target: str, here: str) -> str:
    """`target` (a path in the site) as an href from the page at `here` (its address)."""
    base = "/" + (here if here.endswith("/") or not here else posixpath.dirname(here) + "/")
    relative = posixpath.relpath("/" + target, base)
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative


def absolute_url(site_url: str, path: str) -> str:
    """A path of the site (as its files are named: "cards/articles/my note.png") as an
    absolute address, every character that an address may not hold percent-encoded."""
    return urljoin(site_url, quote(path, safe="/"))
