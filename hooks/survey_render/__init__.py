"""The rendering layer: pure functions from validated data to HTML strings.

Knows nothing of MkDocs. Every value from data goes through Jinja's autoescape.
"""

from survey_render.benchmark_table import (
    Citation,
    Downloads,
    Link,
    render_about_figures,
    render_benchmark,
    render_survey_benchmarks,
)
from survey_render.downloads import data_package, download_paths, question_csv, survey_csv
from survey_render.numbers import format_percent
from survey_render.pieces import (
    ArticleLink,
    render_archive_page,
    render_article_list,
    render_author_bio,
    render_feed,
    render_figure,
    render_head,
    render_source_note,
    render_takeaway,
    render_your_benchmark,
)
from survey_render.site_meta import FeedItem, PageFacts, ShareImage

__all__ = [
    "ArticleLink",
    "Citation",
    "Downloads",
    "FeedItem",
    "Link",
    "PageFacts",
    "ShareImage",
    "data_package",
    "download_paths",
    "format_percent",
    "question_csv",
    "render_about_figures",
    "render_archive_page",
    "render_article_list",
    "render_author_bio",
    "render_benchmark",
    "render_feed",
    "render_figure",
    "render_head",
    "render_source_note",
    "render_survey_benchmarks",
    "render_takeaway",
    "render_your_benchmark",
    "survey_csv",
]
