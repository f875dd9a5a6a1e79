"""What each page's templates get besides its content: the <head> tags, escaped, from front
matter and data (overrides/main.html); an article's header and colophon (overrides/
article.html); the 404 page's head and links."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit

from mkdocs.utils import get_relative_url

from site_paths import FEED, HOME_ARTICLES, archive_path, card_path
from site_urls import absolute_url
from survey_render import PageFacts, ShareImage, render_about_figures, render_head
from survey_render.article_page import (
    ArticleHeader,
    Colophon,
    card_alt,
    render_article_header,
    render_colophon,
    render_not_found,
    source_line,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from site_state import Build


def page_context(context: dict, page: Page, config: MkDocsConfig, build: Build) -> None:
    """Sets head_meta on every page; article_header and article_colophon on an article."""
    src = page.file.src_uri
    if page.edit_url:  # MkDocs joins the file's name as it is: "my note.md" would be a broken address
        page.edit_url = quote(page.edit_url, safe=":/?#[]@!$&'()*+,;=%~")
    article = build.articles.get(src)
    meta = article[1] if article else None
    site_url = config.site_url or ""
    url = page.canonical_url or urljoin(site_url, page.url)
    image = None
    if meta is not None:
        author = build.dataset.authors[meta.author]
        image = ShareImage(absolute_url(site_url, card_path(src)), card_alt(build.cards[src]))
        surveys = build.dataset.surveys
        cited = build.page_surveys.get(src, [])
        charted = {survey for survey, _ in build.shown_by_page.get(src, ())}
        context["article_header"] = render_article_header(
            ArticleHeader(
                title=meta.title,
                standfirst=meta.summary,
                author=author.name,
                # The byline links to the author's bio where the page shows it.
                author_href=f"#author-{meta.author}" if meta.author in build.bios.get(src, ()) else None,
                date=meta.date,
                minutes=build.minutes.get(src, 1),
                home_href=get_relative_url(archive_path(1), page.file.url),
                # "About these figures", once per survey, before the text.
                about=tuple(
                    render_about_figures(s, surveys[s], benchmarks=s in charted, named=len(cited) > 1) for s in cited
                ),
            )
        )
        sources = [source_line(surveys[s]) for s in cited]
        context["article_colophon"] = render_colophon(Colophon(url, author.name, meta.date, tuple(sources)))
    facts = PageFacts(
        site_name=config.site_name,
        title=config.site_name if page.is_homepage else (html.unescape(page.title or "") or config.site_name),
        description=(meta.description or meta.summary)
        if meta
        else (page.meta.get("description") or config.site_description or config.site_name),
        url=url,
        # Relative: Material fetches sitemap.xml beside every rel=alternate address, and an
        # absolute one would send that request to SITE_URL from a copy served elsewhere.
        feed_url=get_relative_url(FEED, page.url),
        is_article=meta is not None,
        author=build.dataset.authors[meta.author].name if meta else None,
        date=meta.date if meta else None,
        image=image,
    )
    context["head_meta"] = render_head(facts)


def not_found_context(context: dict, config: MkDocsConfig, build: Build) -> None:
    """The 404 page is a theme template, not a page: it gets its own head tags. No noindex:
    hosts serve it with status 404, which already keeps it out of search indexes. Its links
    start at the site's root: the host serves it at any missing address."""
    site_url = config.site_url or ""
    root = urlsplit(site_url).path or "/"
    facts = PageFacts(
        site_name=config.site_name,
        title=f"Page not found - {config.site_name}",
        description=config.site_description or config.site_name,
        url=urljoin(site_url, "404.html"),
        feed_url=root + FEED,
        canonical=False,
    )
    context["head_meta"] = render_head(facts)
    newest = build.newest[:HOME_ARTICLES]
    articles = [(root + a.url, a.meta.title) for a in newest]
    more = root + archive_path(1) if len(build.articles) > len(articles) else None
    context["not_found"] = render_not_found(root, articles, more, len(build.articles))
