"""Under `mkdocs serve`, a failed build no longer leaves the browser waiting, nor ends the
preview: every page answers with a page listing the problems, which reloads by itself once
they are fixed. The first build too: `serve` would exit when it fails, so a writer who opened
the preview on a broken file would have to start it again.

The served folder is set aside on failure and given back to the next rebuild, so that under
`serve --dirty` it mends only what the edits touched. Relies on LiveReloadServer's builder,
error_handler and live-reload script, and on the serve command's module-level `build`
(MkDocs 1.6, ProperDocs 1.6), which tests/browser/test_live_reload.py exercises."""

from __future__ import annotations

import errno
import logging
import shutil
import sys
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


SHOWN_UNTIL_FIXED = "The preview shows these problems on every page until they are fixed; it reloads by itself."
SERVE_COMMANDS = ("mkdocs.commands.serve", "properdocs.commands.serve")


def survive_a_failed_first_build(process: Process) -> None:
    """`serve` runs its first build before it serves, and exits if it fails. Its command's
    `build` is replaced, for that one call, by one that keeps the failure (shown by the
    server once it starts, as any later one) instead of raising it."""
    for name in SERVE_COMMANDS:
        module = sys.modules.get(name)
        if module is None or getattr(module.build, "first_build", False):
            continue
        engine_build = module.build

        def first_build(config: MkDocsConfig, *args, _module=module, _build=engine_build, **kwargs) -> None:
            _module.build = _build  # the rebuilds raise as before: the server's builder catches them
            process.first_failure = _build_or_set_aside(lambda: _build(config, *args, **kwargs), config)

        first_build.first_build = True
        module.build = first_build


def _build_or_set_aside(build, config: MkDocsConfig) -> list[str]:
    """Run `build`; if it fails, its warning and error lines, with the served folder set aside
    (every request then finds nothing, and gets the problem page). [] when it succeeds."""
    site = Path(config.site_dir)
    held = held_folder(site)
    if held.is_dir():  # the last build failed: its folder comes back, for this one to mend
        shutil.rmtree(site, ignore_errors=True)
        held.rename(site)
    _forget_logged_lines()
    log = engine_logger()
    collect = _Collect()
    log.addHandler(collect)
    try:
        build()
        return []
    except Exception as error:  # any failure: the lines are in the log, and the server must not stall
        if not collect.lines:  # raised, not logged: a mistake in mkdocs.yml or in a template
            log.error(_described(error))
        lines = list(collect.lines) or ["The build failed; see the terminal."]  # not the line said below
        if site.is_dir() and not site.is_symlink():
            site.rename(held)
        site.mkdir(exist_ok=True)
        log.error(SHOWN_UNTIL_FIXED)
        return lines
    finally:
        log.removeHandler(collect)


def show_problems_on_failure(server, config: MkDocsConfig, process: Process):
    """Wrap the server's rebuild: on failure, set the served folder aside and answer every
    request with the problem page (MkDocs would otherwise hold each request until a build
    succeeds). A failed first build is shown from the start."""
    rebuild, site = server.builder, Path(config.site_dir)
    failed: list[str] = list(process.first_failure)
    process.held_folders.append(held_folder(site))

    def build_or_show_problems() -> None:
        failed[:] = _build_or_set_aside(rebuild, config)

    not_found = server.error_handler

    def problems_or_not_found(code: int) -> bytes | None:
        if not failed:
            return not_found(code)
        page = render_problem_page(config.site_name, failed).encode("utf-8")
        return server._inject_js_into_html(page, server._visible_epoch)  # reload when fixed

    server.builder = build_or_show_problems
    server.error_handler = problems_or_not_found
    server.serve = _port_in_use_said(server.serve, config)
    return server


def _port_in_use_said(serve, config: MkDocsConfig):
    """A port another program (another preview, say) listens on is a line, not a traceback."""

    def serve_or_say(*args, **kwargs) -> None:
        try:
            serve(*args, **kwargs)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            port = config.dev_addr.port
            engine_logger().error(
                f"port {port} is in use, by another preview perhaps: stop that one, or run 'make serve PORT={port + 1}'"
            )
            raise SystemExit(1) from None

    return serve_or_say


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
