"""Under `mkdocs serve`, a failed rebuild no longer leaves the browser waiting: every page
answers with a page listing the problems, which reloads by itself once they are fixed.

The served folder is set aside on failure and given back to the next rebuild, so that under
`serve --dirty` it mends only what the edits touched. Relies on LiveReloadServer's builder,
error_handler and live-reload script (MkDocs 1.6), which tests/browser/test_live_reload.py
exercises."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from engine_log import BUILD_LOG, engine_logger
from github_annotations import MAX_LINES
from survey_data.errors import printable
from survey_render.problem_page import render_problem_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from site_state import Process


class _Collect(logging.Handler):
    """The warning and error lines of one build, as the terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.lines) < MAX_LINES:
            self.lines += [printable(line, 2000) for line in record.getMessage().split("\n") if line.strip()]


def show_problems_on_failure(server, config: MkDocsConfig, process: Process):
    """Wrap the server's rebuild: on failure, set the served folder aside and answer every
    request with the problem page (MkDocs would otherwise hold each request until a build
    succeeds)."""
    rebuild, site = server.builder, Path(config.site_dir)
    failed: list[str] = []
    process.held_folders.append(held_folder(site))
    log = engine_logger()

    def build_or_show_problems() -> None:
        held = held_folder(site)
        if held.is_dir():  # the last build failed: its folder comes back, for this one to mend
            shutil.rmtree(site, ignore_errors=True)
            held.rename(site)
        _forget_logged_lines()
        collect = _Collect()
        log.addHandler(collect)
        try:
            rebuild()
            failed.clear()
        except Exception as error:  # any failure: the lines are in the log, and the server must not stall
            if not collect.lines:  # raised, not logged: a mistake in mkdocs.yml or in a template
                log.error(_described(error))
            failed[:] = collect.lines or ["The build failed; see the terminal."]
            if site.is_dir() and not site.is_symlink():
                site.rename(held)  # every request now finds nothing, and gets the problem page
            site.mkdir(exist_ok=True)
            log.error("The preview shows these problems on every page until they are fixed; it reloads by itself.")
        finally:
            log.removeHandler(collect)

    not_found = server.error_handler

    def problems_or_not_found(code: int) -> bytes | None:
        if not failed:
            return not_found(code)
        page = render_problem_page(config.site_name, failed).encode("utf-8")
        return server._inject_js_into_html(page, server._visible_epoch)  # reload when fixed

    server.builder = build_or_show_problems
    server.error_handler = problems_or_not_found
    return server


def _forget_logged_lines() -> None:
    """MkDocs drops a line its build logger has logged before, for the life of the process: a
    mistake made again, or left in place across saves, would show nowhere. Each rebuild of a
    preview starts with none remembered (utils.DuplicateFilter keeps them in `msgs`)."""
    for found in engine_logger(BUILD_LOG).filters:
        if isinstance(getattr(found, "msgs", None), set):
            found.msgs.clear()


def _described(error: Exception) -> str:
    """An exception the engine raised without logging it, as a line a writer can act on."""
    where = ""
    if isinstance(error, jinja2.TemplateError) and getattr(error, "filename", None):
        where = f"{error.filename}:{getattr(error, 'lineno', '?')}: "
    return f"{where}{type(error).__name__}: {error}"  # made printable, line by line, where it is logged


def held_folder(site: Path) -> Path:
    """Where a failed preview build's folder waits, beside the served one (a temporary folder)."""
    return site.with_name(site.name + ".held")


def remove_held_folders(process: Process) -> None:
    """MkDocs removes the served folder when `serve` stops; a folder set aside goes too."""
    for folder in process.held_folders:
        shutil.rmtree(folder, ignore_errors=True)
