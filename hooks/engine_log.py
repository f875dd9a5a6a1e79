"""The engine's log: its name, and the filters every hook module's lines go through.

The engine logs under "mkdocs", or "properdocs" under ProperDocs (which redirects mkdocs.*
imports to its own modules and logs under its own name): the name is read from where its
PluginError lives, so each module need not know which engine runs it.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from survey_data.errors import printable

ENGINE_LOG = PluginError.__module__.split(".")[0]
BUILD_LOG = ENGINE_LOG + ".commands.build"  # where the engine says a build's own news


def engine_logger(name: str = ENGINE_LOG) -> logging.Logger:
    return logging.getLogger(name)


class PrintableLog(logging.Filter):
    """Every line MkDocs, Material or we log, printable and cut short: no control character or
    line break from a file forges a line (a CI log reads `::error::` as a command)."""

    def filter(self, record: logging.LogRecord) -> bool:
        lines = record.getMessage().split("\n")
        record.msg, record.args = "\n".join(printable(line, 2000) for line in lines[:200]), ()
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
    """Adds `handler` to the engine's log unless one of its type is there already."""
    logger = engine_logger()
    if not any(type(h) is type(handler) for h in logger.handlers):
        logger.addHandler(handler)
