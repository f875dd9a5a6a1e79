"""The page a writer's preview shows while the build fails: every problem, as the terminal
prints it, in the site's colours. Standalone: the site's own files are not there to use."""

from __future__ import annotations

from survey_render.templating import render_template as _render


def render_problem_page(site_name: str, lines: list[str]) -> str:
    return _render("problem_page.html", site_name=site_name, lines=lines)
