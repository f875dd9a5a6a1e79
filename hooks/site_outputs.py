"""The files the site generates besides its pages: each survey's data package, CSVs and
charts (SVG, PNG), the RSS feed, the share cards and robots.txt. Pure functions of validated
data and the site's address (drawn images and downloads kept by content in .cache/, through
output_cache); knows nothing of MkDocs, so an engine without hooks writes the same files
(generate_site.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from output_cache import cached_files, cached_png, draw_missing, files_cached
from site_paths import FEED, card_path
from survey_data import Question, Survey
from survey_data.digests import digest
from survey_render import FeedItem, data_package, download_paths, question_csv, render_feed, survey_csv
from survey_render.article_page import share_card
from survey_render.benchmark_table import benchmark_notes
from survey_render.chart_image import Drawing, chart_layout, chart_png, chart_svg
from survey_render.share_card import Card, draw_card


@dataclass(frozen=True)
class Output:
    """One generated file: its path in the site, and its text or bytes, or the cached file
    to copy (a PNG is never read into memory when it is in the image cache)."""

    path: str
    content: str | bytes | None = None
    cached: Path | None = None


def _png(path: str, made: tuple[Path | None, bytes | None]) -> Output:
    cached, content = made
    return Output(path, content, cached)


def _drawings(survey_id: str, survey: Survey, site_url: str, site_name: str) -> list[tuple[Question, Drawing]]:
    """Each question's chart, laid out, with the credit line every chart carries."""
    package_url = urljoin(site_url, download_paths(survey_id)["package"])
    credit = f"Chart: {site_name}, {site_url} · Data: {package_url}"
    return [(q, chart_layout(survey, q, benchmark_notes(survey, q), credit)) for q in survey.questions]


def survey_outputs(survey_id: str, survey: Survey, site_url: str, site_name: str, root: Path) -> list[Output]:
    """A survey's data package, CSVs and charts (SVG, PNG)."""
    paths = download_paths(survey_id)
    made = [
        Output(paths["package"], data_package(survey_id, survey, urljoin(site_url, paths["package"]))),
        Output(paths["csv"], survey_csv(survey_id, survey)),
    ]
    for question, drawing in _drawings(survey_id, survey, site_url, site_name):
        paths = download_paths(survey_id, question.id)
        made.append(Output(paths["csv"], question_csv(survey_id, survey, question)))
        made.append(Output(paths["svg"], chart_svg(drawing)))
        made.append(_png(paths["png"], cached_png(drawing, chart_png, root)))
    return made


def cached_survey_outputs(
    survey_id: str, survey: Survey, survey_digest: str, site_url: str, site_name: str, root: Path
) -> list[Output]:
    """survey_outputs(), made once per survey file's text, site name and address: a build with
    the cache kept copies them (output_cache)."""
    key = survey_key(survey_id, survey_digest, site_url, site_name)

    def make() -> list[tuple[str, str | bytes | None, Path | None]]:
        return [(o.path, o.content, o.cached) for o in survey_outputs(survey_id, survey, site_url, site_name, root)]

    return [Output(path, content, cached) for path, content, cached in cached_files(key, make, root)]


def chart_jobs(survey_id: str, survey: Survey, site_url: str, site_name: str) -> list[tuple[Drawing, Callable]]:
    """(what, draw) of each of the survey's chart PNGs: for output_cache.draw_missing."""
    return [(drawing, chart_png) for _, drawing in _drawings(survey_id, survey, site_url, site_name)]


def draw_ahead(
    surveys: list[tuple[str, Survey, str]], cards: list[Card], site_url: str, site_name: str, root: Path
) -> int:
    """Every PNG the site's generated files need and the cache lacks, drawn on every core
    before the files are listed: the charts of `surveys` (id, survey, digest of its file)
    whose downloads are not cached, and the share cards."""
    jobs: list[tuple] = [(card, draw_card) for card in cards]
    for survey_id, survey, survey_digest in surveys:
        if not files_cached(survey_key(survey_id, survey_digest, site_url, site_name), root):
            jobs += chart_jobs(survey_id, survey, site_url, site_name)
    return draw_missing(jobs, root)


def survey_key(survey_id: str, survey_digest: str, site_url: str, site_name: str) -> str:
    return digest("survey outputs", survey_id, survey_digest, site_url, site_name)


def feed_output(site_name: str, site_url: str, description: str, language: str, newest, authors) -> Output:
    """The RSS feed of `newest` (article_index.Listed, newest first); `authors` by id."""
    items = [
        FeedItem(a.meta.title, urljoin(site_url, a.url), a.meta.summary, authors[a.meta.author].name, a.meta.date)
        for a in newest
    ]
    return Output(FEED, render_feed(site_name, site_url, description, language, urljoin(site_url, FEED), items))


def share_cards(site_name: str, articles, leads: dict[str, tuple]) -> dict[str, Card]:
    """Each article's share card: `articles` are (its page, its front matter); `leads` its first benchmark."""
    return {src: share_card(site_name, meta.title, meta.summary, leads.get(src)) for src, meta in articles}


def card_output(src_uri: str, card: Card, root: Path) -> Output:
    return _png(card_path(src_uri), cached_png(card, draw_card, root))


def robots_output(site_url: str) -> Output:
    return Output("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n")
