"""The state of the MkDocs side, in two typed objects: `Build`, made afresh by each build once
every page has been read (site_build.start_build, from survey_site.on_files), and `Process`,
what one engine process keeps across its builds (a `make serve` rebuilds many times).
Helpers get them as arguments.

MkDocs imports each file listed under `hooks:` as a module of its own; they share the one
process state through this module, `PROCESS`, the only mutable module global in hooks/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from article_index import Listed
from background_writes import BackgroundWrites
from page_expansion import Stash
from preview_rebuilds import Rebuilds
from survey_data import ArticleMeta, Problem
from survey_data.load import Dataset
from survey_data.page_meta import PageMeta
from survey_render.share_card import Card

if TYPE_CHECKING:
    from mkdocs.structure.files import File

Lead = tuple  # (Survey, Question) of an article's first benchmark


@dataclass
class Build:
    """One build: what every page was found to hold, then what building them yields."""

    dataset: Dataset
    metas: dict[str, PageMeta | None]  # page -> its validated front matter (generated pages too)
    articles: dict[str, tuple[File, ArticleMeta]]  # articles published by this build
    newest: list[Listed]  # the same, newest first
    leads: dict[str, Lead]  # article -> its first benchmark
    page_surveys: dict[str, list[str]]  # page -> surveys whose figures or method it shows
    held: dict[str, str]  # page -> why it is not published yet (shown only by `serve`)
    reserved: set[tuple[str, str | None]]  # benchmarks on pages this build leaves out
    cards: dict[str, Card]  # article -> its share card
    urls: list[str]  # every page's address as its Page has it, in order (the search index)
    writes: BackgroundWrites  # the generated files, written while the pages are built
    # Filled while pages are built:
    problems: list[Problem] = field(default_factory=list)
    shown: set[tuple[str, str]] = field(default_factory=set)  # benchmarks on the pages read
    shown_by_page: dict[str, frozenset] = field(default_factory=dict)  # page -> its benchmarks, if read
    bios: dict[str, frozenset[str]] = field(default_factory=dict)  # page -> authors whose bio it shows
    output_bytes: int = 0  # the generated files, then each page as it is made (output_budget)
    blocks: dict[str, Stash] = field(default_factory=dict)  # page -> blocks to put back after Markdown
    late: dict[str, Stash] = field(default_factory=dict)  # page -> pieces to put back after search
    minutes: dict[str, int] = field(default_factory=dict)  # article -> minutes to read it
    rebuilt: set[str] = field(default_factory=set)  # addresses of the pages this build wrote


@dataclass
class Process:
    """What one engine process keeps across its builds."""

    serving: bool = False  # `mkdocs serve`: drafts and scheduled articles shown, with a banner
    rebuilds: Rebuilds = field(default_factory=Rebuilds)  # the preview's memory (serve --dirty)
    build: Build | None = None  # the build under way, once its pages are read
    started: float = 0.0  # when the build under way started: the output check reads what it wrote
    docs_prefix: str = "docs/"  # where the engine's "Doc file" paths start, for annotations
    held_folders: list[Path] = field(default_factory=list)  # failed previews' folders, set aside
    first_failure: list[str] = field(default_factory=list)  # the preview's first build failed: its lines

    def current(self) -> Build:
        """The build under way; MkDocs calls every page event after on_files made it."""
        if self.build is None:
            raise RuntimeError("a page event ran before on_files: the hooks' event order is broken")
        return self.build


PROCESS = Process()
