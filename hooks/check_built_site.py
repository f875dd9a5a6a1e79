"""MkDocs hook: the last step of every build checks what was written (output_check) and fails
the build, naming each file and what broke, rather than let a broken page be published."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

# Sibling modules: hooks/ is on sys.path only while MkDocs imports this file.
import output_check
from survey_data import DataError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(config: MkDocsConfig) -> None:
    problems = output_check.check_site(Path(config.site_dir))
    if problems:
        raise PluginError(
            "The built site failed its own check; nothing here may be published:\n" + str(DataError(problems))
        )
