"""The render layer's Jinja environment: every piece of HTML is a template in templates/,
rendered with autoescape on, so every value from data is escaped."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from survey_render.disclosure import NOT_REPORTED
from survey_render.numbers import format_percent, plain_number
from survey_render.standing import is_majority, none_standing, single_standing

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


_env.filters["percent"] = format_percent
_env.filters["plain"] = plain_number
_env.globals.update(
    NOT_REPORTED=NOT_REPORTED,
    single_standing=single_standing,
    none_standing=none_standing,
    is_majority=is_majority,
)


def render_template(template: str, **values: object) -> str:
    html = _env.get_template(template).render(**values)
    # No blank line inside: Markdown then keeps the piece as one raw HTML block.
    return "\n".join(line for line in html.splitlines() if line.strip())
