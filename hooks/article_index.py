"""The articles of a build, newest first, each with its lead chart: for the home page's list,
the archive, the feed, the 404 page and the share cards. Knows nothing of MkDocs: the hooks
fill it from the engine's files (page_intake), an engine without hooks from docs/articles/
(published_articles)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from drafts import held_back
from page_reading import read_pages
from placeholder_kinds import benchmarks, cited_surveys
from site_paths import ARTICLES_DIR
from site_urls import page_url
from survey_data import ArticleMeta, DataError
from survey_data.load import Dataset
from survey_render import ArticleLink
from survey_render.article_page import lead_chart


@dataclass(frozen=True)
class Listed:
    """An article as lists show it: where its Markdown is, its address, its front matter."""

    src_uri: str
    url: str
    meta: ArticleMeta


def newest_first(articles) -> list[Listed]:
    """Newest first; undated articles after dated ones, then by title."""
    return sorted(articles, key=lambda a: (a.meta.date is None, -(a.meta.date or date.min).toordinal(), a.meta.title))


def lead(dataset: Dataset | None, found: tuple[str, str | None] | None):
    """(survey, question) objects of a page's first benchmark; None if the ids are wrong
    (expanding the page reports them)."""
    if dataset is None or found is None or found[0] not in dataset.surveys:
        return None
    survey = dataset.surveys[found[0]]
    question = next((q for q in survey.questions if found[1] in (None, q.id)), None)
    return (survey, question) if question is not None else None


class ArticleLinks(Sequence):
    """Every article, newest first, as links from one page (`href(address)` from there):
    made into links (with their lead charts) only where a page shows them, 10 or 50 of a
    thousand."""

    def __init__(self, href: Callable[[str], str], newest: list[Listed], leads: dict[str, tuple], dataset: Dataset):
        self._href = href
        self._articles = newest
        self._leads = leads
        self._dataset = dataset

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._link(article) for article in self._articles[index]]
        return self._link(self._articles[index])

    def _link(self, article: Listed) -> ArticleLink:
        found = self._leads.get(article.src_uri)
        meta = article.meta
        return ArticleLink(
            self._href(article.url),
            meta.title,
            meta.summary,
            self._dataset.authors[meta.author].name,
            meta.date,
            lead_chart(found[1]) if found else None,
            f"Source: {found[0].source.publisher}" if found else None,
        )


@dataclass
class Articles:
    """The articles a build publishes, for a step that runs without the engine's file list."""

    newest: list[Listed] = field(default_factory=list)
    leads: dict[str, tuple] = field(default_factory=dict)
    cited: dict[str, list[str]] = field(default_factory=dict)  # article -> the surveys it shows
    published: set[str] = field(default_factory=set)  # surveys any published page shows


def published_articles(root: Path, dataset: Dataset, today: date, docs: str = "docs") -> Articles:
    """The pages of docs/ a build publishes (not drafts, not scheduled), read safely as the
    build reads them: the articles among them, and the surveys any of them shows."""
    pages, problems = read_pages(root, docs, dataset.authors)
    if problems:
        raise DataError(problems)
    found, listed = Articles(), []
    for src_uri, (_, page) in pages.items():
        meta = page.meta
        if held_back(meta, today) is not None:
            continue
        cited = [s for s in cited_surveys(page.placed) if s in dataset.surveys]
        found.published.update(cited)
        if not src_uri.startswith(ARTICLES_DIR) or meta is None:
            continue
        listed.append(Listed(src_uri, page_url(src_uri), meta))
        found.cited[src_uri] = cited
        first = benchmarks(page.placed)
        if (chart := lead(dataset, first[0] if first else None)) is not None:
            found.leads[src_uri] = chart
    found.newest = newest_first(listed)
    return found
