"""Where the site publishes what it generates: one place for every address and page size the
hooks, the renderers' callers and the tests share. Knows nothing of MkDocs."""

from __future__ import annotations

ARTICLES_DIR = "articles/"  # pages under docs/articles/ are articles (front matter required)
FEED = "feed.xml"
CARDS = "cards/"  # share cards: cards/articles/NAME.png
HOME_ARTICLES = 10  # on a page's list of articles; the archive pages hold the rest
ARCHIVE_PAGE = 50  # articles per archive page: no page grows with the number of articles


def archive_path(page: int) -> str:
    """Where archive page `page` (from 1) is published: archive/, archive/page/2/, ..."""
    return "archive/" if page == 1 else f"archive/page/{page}/"


def archive_source(page: int) -> str:
    """The generated Markdown page behind archive page `page`."""
    return "archive/index.md" if page == 1 else f"archive/page/{page}.md"


def archive_pages(articles: int) -> int:
    """How many archive pages `articles` articles take: at least one, which says there are none."""
    return max(1, -(-articles // ARCHIVE_PAGE))


def card_path(src_uri: str) -> str:
    """The share card of the article at `src_uri` (articles/NAME.md)."""
    return CARDS + src_uri.removesuffix(".md") + ".png"
