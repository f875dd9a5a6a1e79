"""The engine's log: its name, and the filters every hook module's lines go through.

The engine logs under "mkdocs", or "properdocs" under ProperDocs (which redirects mkdocs.*
imports to its own modules and logs under its own name): the name is read from where its
PluginError lives, so each module need not know which engine runs it.
"""

from __future__ import annotations

import logging
import re

from mkdocs.exceptions import PluginError

from survey_data.errors import printable

ENGINE_LOG = PluginError.__module__.split(".")[0]
BUILD_LOG = ENGINE_LOG + ".commands.build"  # where the engine says a build's own news


def engine_logger(name: str = ENGINE_LOG) -> logging.Logger:
    return logging.getLogger(name)


# A line of a list of problems, as the build prints them: a path in one of the project's
# folders (or a settings file), then ":". A writer's "warning: ..." is no such line.
_PROBLEM_LINE = re.compile(r"(?:(?:docs|data|site|\.cache|schema|overrides)(?:/[^\n:]*)?|[\w-]+\.yml):")


OUTPUT_CHECK_HEADING = "The built site failed its own check; nothing here may be published:"


class PrintableLog(logging.Filter):
    """Every line MkDocs, Material or we log, printable and cut short, and one line per line
    meant: a line break from a file (a link's address, say, in MkDocs's own warning) is shown
    as "\\n", so no text can start a line of its own (a CI log reads `::error::` at a line's
    start as a command). A record breaks into lines only for a list of problems, each line a
    file's path and its message: the build's own lists start with one, and a message of the
    engine's (which may quote a writer's text) never does, so all of it stays on one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        lines = record.getMessage().split("\n")
        kept = [printable(lines[0], 2000)]
        # A list of problems starts with one, or with the output check's heading; MkDocs's own never.
        listed = bool(_PROBLEM_LINE.match(lines[0])) or lines[0].startswith(OUTPUT_CHECK_HEADING)
        for line in lines[1:]:
            if listed and (_PROBLEM_LINE.match(line) or not line):
                kept.append(printable(line, 2000))
            else:
                kept[-1] += printable("\n" + line, 2000)  # printable() shows the break as \\n
            if len(kept) >= 200:
                break
        record.msg, record.args = "\n".join(kept), ()
        return True


class DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links stale, which --strict
    makes fatal. preview_rebuilds rebuilds every page an edit touches, so under `serve` the
    warning is not true of this site."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def make_printable() -> None:
    """Every handler of the engine's log prints only printable lines (once per handler)."""
    for handler in engine_logger().handlers:
        if not any(isinstance(f, PrintableLog) for f in handler.filters):
            handler.addFilter(PrintableLog())


def hide_dirty_notice() -> None:
    engine_logger(BUILD_LOG).addFilter(DirtyNotice())


def add_handler_once(handler: logging.Handler) -> None:
    """Adds `handler` to the engine's log unless one of its type is there already; it prints
    only printable lines, as every other handler does."""
    logger = engine_logger()
    if not any(type(h) is type(handler) for h in logger.handlers):
        handler.addFilter(PrintableLog())
        logger.addHandler(handler)
