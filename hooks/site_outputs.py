"""The files the site generates besides its pages: each survey's data package, CSVs and
charts (SVG, PNG), the RSS feed, the share cards and robots.txt. Pure functions of validated
data and the site's address; knows nothing of MkDocs, so an engine without hooks writes the
same files (`python -m site_outputs`, see generate_site.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from image_cache import cached_png
from site_paths import FEED, card_path
from survey_data import Survey
from survey_render import FeedItem, data_package, download_paths, question_csv, render_feed, survey_csv
from survey_render.benchmark_table import benchmark_notes
from survey_render.chart_image import chart_layout, chart_png, chart_svg
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


def survey_outputs(survey_id: str, survey: Survey, site_url: str, site_name: str, root: Path) -> list[Output]:
    """A survey's data package, CSVs and charts (SVG, PNG)."""
    paths = download_paths(survey_id)
    package_url = urljoin(site_url, paths["package"])
    made = [
        Output(paths["package"], data_package(survey_id, survey, package_url)),
        Output(paths["csv"], survey_csv(survey_id, survey)),
    ]
    credit = f"Chart: {site_name}, {site_url} · Data: {package_url}"
    for question in survey.questions:
        paths = download_paths(survey_id, question.id)
        made.append(Output(paths["csv"], question_csv(survey_id, survey, question)))
        drawing = chart_layout(survey, question, benchmark_notes(survey, question), credit)
        made.append(Output(paths["svg"], chart_svg(drawing)))
        made.append(_png(paths["png"], cached_png(drawing, chart_png, root)))
    return made


def feed_output(site_name: str, site_url: str, description: str, language: str, items: list[FeedItem]) -> Output:
    return Output(FEED, render_feed(site_name, site_url, description, language, urljoin(site_url, FEED), items))


def card_output(src_uri: str, card: Card, root: Path) -> Output:
    return _png(card_path(src_uri), cached_png(card, draw_card, root))


def robots_output(site_url: str) -> Output:
    return Output("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n")
