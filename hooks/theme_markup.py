"""What the theme writes that the Nu HTML checker refuses, made valid after each page is
rendered. Material's base.html puts autocomplete="off" on its two hidden toggle check boxes
(the drawer and the search); HTML allows that attribute on text-like inputs only, and the
templates give no block to override it with."""

from __future__ import annotations

_INVALID = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
)


def valid_theme_markup(html: str) -> str:
    for found, valid in _INVALID:
        html = html.replace(found, valid, 1)
    return html
