"""MkDocs hook: no page may take more than PAGE_SECONDS to turn into HTML.

Our own page scanners run in linear time, but the Markdown converter does not on every input:
a few thousand '[' with no ']' take Python-Markdown minutes (its link parser is quadratic), and
MkDocs' own HTML scan of a page is quadratic in unclosed '<!--'. Rather than chase each
pattern, every page gets a time budget: a real page takes milliseconds, and a page over budget
stops the build with its name instead of hanging it.

The budget is a SIGALRM timer, so it runs only where there is one (Unix) and in the main
thread (`mkdocs build`; `mkdocs serve` builds elsewhere and goes unguarded).
"""

from __future__ import annotations

import signal
import threading
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Sibling modules: hooks/ is on sys.path only while MkDocs imports this file.
from writer_paths import writer_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

PAGE_SECONDS = 2.0


def _usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _arm(page: Page, config: MkDocsConfig, step: str) -> None:
    if not _usable():
        return
    shown = writer_path(config, page.file)

    def stop(signum, frame):
        raise PluginError(
            f"{shown}: {step} this page took over {PAGE_SECONDS:g} s and was stopped; it holds text the "
            "Markdown converter handles very slowly (thousands of '[' without ']', or of '<!--' never closed): "
            "simplify it"
        )

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, PAGE_SECONDS)


def _disarm() -> None:
    if _usable():
        signal.setitimer(signal.ITIMER_REAL, 0)


# Converting a page: from reading its source to its HTML.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> None:
    _arm(page, config, "converting")


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> None:
    _disarm()


# Writing a page: its template, search index entry and our late pieces.
@event_priority(100)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> None:
    _arm(page, config, "writing")


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> None:
    _disarm()


def on_build_error(error: Exception) -> None:
    _disarm()
