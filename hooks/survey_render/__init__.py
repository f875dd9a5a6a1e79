"""The rendering layer: pure functions from validated data to HTML strings.

Knows nothing of MkDocs. Every value from data goes through Jinja's autoescape.
"""

from survey_render.numbers import format_percent
from survey_render.pieces import (
    ArticleLink,
    render_article_list,
    render_author_bio,
    render_benchmark,
    render_chart,
    render_figure,
    render_self_assessment,
    render_source_note,
    render_survey_benchmarks,
    render_takeaway,
)

__all__ = [
    "ArticleLink",
    "format_percent",
    "render_article_list",
    "render_author_bio",
    "render_benchmark",
    "render_chart",
    "render_figure",
    "render_self_assessment",
    "render_source_note",
    "render_survey_benchmarks",
    "render_takeaway",
]
