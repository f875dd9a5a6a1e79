"""MkDocs hook: every problem a build reports reaches the writer where they are looking.

- On GitHub Actions (GITHUB_ACTIONS=true), each error and warning line is also printed as a
  workflow command (`::error file=F,line=L,col=C,title=T::message`), so that it shows on the
  very line of the pull request's diff.
- Under `mkdocs serve`, a failed rebuild no longer leaves the browser waiting: every page
  answers with a page listing the problems, which reloads by itself once they are fixed.

The lines are the ones the terminal shows (MkDocs's log), read as they are logged.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from mkdocs.exceptions import PluginError

from survey_data.errors import printable
from survey_render.problem_page import render_problem_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# "file:line:col: message", "file:line: message" or "file: message", as Problem prints them.
_PLACED = re.compile(r"^(?P<file>[\w./@+ -]+\.[A-Za-z]+)(?::(?P<line>\d+))?(?::(?P<col>\d+))?: (?P<message>.+)$")
_LOGGER = re.compile(r"^hooks/[\w.]+: ")  # the prefix of a hook's own logger
_DOC_FILE = re.compile(r"^Doc file '(?P<file>[^']+)'")  # MkDocs's link and anchor warnings
DOCS = "docs/"  # where MkDocs's "Doc file" paths start from (set from mkdocs.yml)
_MAX_LINES = 200  # per log record; the rest is summed up by the build itself
# The engine's logger: "mkdocs", or "properdocs" under ProperDocs (which redirects mkdocs.*
# imports to its own modules, and logs under its own name).
ENGINE_LOG = PluginError.__module__.split(".")[0]


def annotation(level: str, line: str) -> str:
    """A GitHub workflow command for one line of the build's output. Values are encoded by
    GitHub's rules, so nothing from a file can end the command or start another."""
    line = _LOGGER.sub("", line)
    doc_file = _DOC_FILE.match(line)
    if doc_file:
        return f"::{level} file={_prop(DOCS + doc_file['file'])},title=mkdocs build::{_data(line)}"
    found = _PLACED.match(line)
    if not found:
        return f"::{level} title=mkdocs build::{_data(line)}"
    props = [f"file={_prop(found['file'])}"]
    if found["line"]:
        props.append(f"line={found['line']}")
    if found["col"]:
        props.append(f"col={found['col']}")
    message = found["message"]
    where, _, rest = message.partition(": ")
    title = where if rest and len(where) <= 80 and " " not in where else "mkdocs build"
    props.append(f"title={_prop(title)}")
    return f"::{level} {','.join(props)}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class _Annotations(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.WARNING:
            return
        level = "error" if record.levelno >= logging.ERROR else "warning"
        for line in record.getMessage().split("\n")[:_MAX_LINES]:
            if line.strip():
                print(annotation(level, printable(line.strip(), 2000)), file=sys.stdout, flush=True)


class _Collect(logging.Handler):
    """The warning and error lines of one build, as the terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.lines) < _MAX_LINES:
            self.lines += [printable(line, 2000) for line in record.getMessage().split("\n") if line.strip()]


def _install(handler: logging.Handler) -> None:
    logger = logging.getLogger(ENGINE_LOG)
    if not any(type(h) is type(handler) for h in logger.handlers):
        logger.addHandler(handler)


def on_startup(command: str, dirty: bool) -> None:
    if os.environ.get("GITHUB_ACTIONS") == "true":
        _install(_Annotations())


def on_config(config: MkDocsConfig) -> None:
    global DOCS
    docs = Path(config.docs_dir)
    config_dir = Path(config.config_file_path or ".").parent
    DOCS = (docs.relative_to(config_dir).as_posix() if docs.is_relative_to(config_dir) else docs.name) + "/"


def on_serve(server, config: MkDocsConfig, builder):
    """Wrap the server's rebuild: on failure, set the served folder aside and answer every
    request with the problem page (MkDocs would otherwise hold each request until a build
    succeeds). The next rebuild gets the folder back, so that under `serve --dirty` it mends
    only what the edits touched. Relies on LiveReloadServer's builder, error_handler and
    live-reload script (MkDocs 1.6), which tests/browser/test_live_reload.py exercises."""
    rebuild, site = server.builder, Path(config.site_dir)
    failed: list[str] = []
    _held_folders.append(_held(site))

    def build_or_show_problems() -> None:
        held = _held(site)
        if held.is_dir():  # the last build failed: its folder comes back, for this one to mend
            shutil.rmtree(site, ignore_errors=True)
            held.rename(site)
        _forget_logged_lines()
        collect = _Collect()
        logging.getLogger(ENGINE_LOG).addHandler(collect)
        try:
            rebuild()
            failed.clear()
        except Exception as error:  # any failure: the lines are in the log, and the server must not stall
            if not collect.lines:  # raised, not logged: a mistake in mkdocs.yml or in a template
                logging.getLogger(ENGINE_LOG).error(_described(error))
            failed[:] = collect.lines or ["The build failed; see the terminal."]
            if site.is_dir() and not site.is_symlink():
                site.rename(held)  # every request now finds nothing, and gets the problem page
            site.mkdir(exist_ok=True)
            logging.getLogger(ENGINE_LOG).error(
                "The preview shows these problems on every page until they are fixed; it reloads by itself."
            )
        finally:
            logging.getLogger(ENGINE_LOG).removeHandler(collect)

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
    for found in logging.getLogger(ENGINE_LOG + ".commands.build").filters:
        if isinstance(getattr(found, "msgs", None), set):
            found.msgs.clear()


def _described(error: Exception) -> str:
    """An exception the engine raised without logging it, as a line a writer can act on."""
    where = ""
    if isinstance(error, jinja2.TemplateError) and getattr(error, "filename", None):
        where = f"{error.filename}:{getattr(error, 'lineno', '?')}: "
    return f"{where}{type(error).__name__}: {error}"  # made printable, line by line, where it is logged


def _held(site: Path) -> Path:
    """Where a failed preview build's folder waits, beside the served one (a temporary folder)."""
    return site.with_name(site.name + ".held")


_held_folders: list[Path] = []


def on_shutdown() -> None:
    """MkDocs removes the served folder when `serve` stops; a folder set aside goes too."""
    for folder in _held_folders:
        shutil.rmtree(folder, ignore_errors=True)
