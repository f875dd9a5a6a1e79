"""The rendering layer: pure functions from validated data to HTML strings.

Knows nothing of MkDocs. Every value from data goes through Jinja's autoescape.
"""

from survey_render.pieces import (
    ArticleLink,
    format_percent,
    render_article_list,
    render_author_bio,
    render_benchmark_table,
    render_figure,
    render_source_note,
    render_survey_tables,
    render_takeaway,
)

__all__ = [
    "ArticleLink",
    "format_percent",
    "render_article_list",
    "render_author_bio",
    "render_benchmark_table",
    "render_figure",
    "render_source_note",
    "render_survey_tables",
    "render_takeaway",
]
