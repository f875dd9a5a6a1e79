"""MkDocs hook module: the last step of every build checks what was written (output_check) and
fails the build, naming each file and what broke, rather than let a broken page be published.

Under `make serve` (`serve --dirty`), a rebuild checks only the files it wrote: the others
passed when they were written (preview_rebuilds rewrites whatever a failed build touched)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Sibling modules: hooks/ is on sys.path only while MkDocs imports this file.
import output_check
from engine_log import OUTPUT_CHECK_HEADING
from site_state import PROCESS
from survey_data import DataError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_pre_build(config: MkDocsConfig) -> None:
    PROCESS.started = time.time()


@event_priority(-100)  # last: after the search plugin (priority 0) has written its index
def on_post_build(config: MkDocsConfig) -> None:
    rebuilds = PROCESS.rebuilds
    # A second of slack: a file system may round times; checking a file twice costs nothing.
    since = PROCESS.started - 1 if rebuilds.active and rebuilds.built else None
    # A preview's rebuild rewrites the whole search index (8 MB at 1,000 articles), with
    # json.dumps: parsing it again is a tenth of the rebuild. `make build` checks it.
    skip = frozenset({"search/search_index.json"}) if since is not None else frozenset()
    problems = output_check.check_site(Path(config.site_dir), since, skip)
    if problems:
        raise PluginError(OUTPUT_CHECK_HEADING + "\n" + str(DataError(problems)))
