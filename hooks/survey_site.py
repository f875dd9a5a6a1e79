"""MkDocs hook module: the site's events, each routed to the module that does the job.

Data is read in on_files on every build, never at import, because `mkdocs serve` does not
re-import hook modules. The state is two typed objects (site_state): the process's, kept
across a preview's rebuilds, and the build's, made in on_files once every page is read.
Where the order of events matters it is stated with event_priority, never left to the
order of mkdocs.yml's `hooks:` list. check_built_site and page_time_budget are hook modules
of their own (they must run at other priorities of the same events); build_feedback too.
"""

from __future__ import annotations

import contextlib
import logging
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Sibling modules: hooks/ is on sys.path only while MkDocs imports this file.
import engine_log
from content_policy import with_policy
from docs_safety import check_docs, no_repository_without_address
from drafts import with_banner
from head_tags import not_found_context, page_context
from output_budget import OverBudget, count_page
from page_markdown import expand_placeholders, put_back_stash, set_meta
from preview_search import keep_what_pages_not_rebuilt_showed, merge_search_index
from site_build import start_build
from site_state import PROCESS
from survey_data import DataError
from survey_data.front_matter import body_start
from theme_markup import valid_theme_markup
from unused_questions import unused_warnings
from writer_html import sanitised, unsafe_anchors
from writer_paths import writer_path

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Under the engine's own log (its strict mode counts the warnings), without the "hooks/survey_site: "
# prefix a plugin logger adds: each line starts with the writer's file, as every problem does.
log = logging.getLogger("mkdocs.plugins.survey_site")
GENERATED_ID = re.compile(r'\sid="([^"<>]+)"')


def on_startup(command: str, dirty: bool) -> None:
    PROCESS.serving = command == "serve"
    # `make serve` is `mkdocs serve --dirty`: rebuild what an edit touches. `build --dirty`
    # starts with nothing remembered, so it rebuilds everything (and still gets the warning).
    PROCESS.rebuilds.active = dirty
    if PROCESS.serving and dirty:
        engine_log.hide_dirty_notice()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before MkDocs walks docs/ and reads it."""
    engine_log.make_printable()
    no_repository_without_address(config)
    check_docs(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read data/ and every page, hold drafts back, add the generated files and pages."""
    PROCESS.build = None
    PROCESS.build = start_build(files, config, PROCESS.rebuilds, PROCESS.serving, datetime.now(UTC).date(), log)
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str:
    """The page's text without its front matter, which was read and checked already: MkDocs
    would read it again with YAML 1.1, and where that failed on a value ours accepted, show it
    in the page as text. The leading blank line stops MkDocs reading any line as settings."""
    source = page.file.content_string
    return "\n" + source[body_start(source) :]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    build = PROCESS.current()
    set_meta(page, markdown, build)
    return expand_placeholders(page, markdown, config, build)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Put the generated blocks back where Markdown left their tokens; mark a draft."""
    build = PROCESS.current()
    # The writer's HTML through the allow-list first; then the site's own pieces, untouched.
    html = sanitised(html)
    unsafe = unsafe_anchors(page.toc)
    if unsafe:  # the theme prints them unescaped in the table of contents and the skip link
        raise PluginError(f"{writer_path(config, page.file)}: a heading's id is not a name: {unsafe[0]!r}; rename it")
    blocks = build.blocks.pop(page.file.src_uri, None)
    html = put_back_stash(html, blocks, page, config) or html
    if blocks is not None and page.present_anchor_ids is not None:
        # A writer may link to a benchmark (#benchmark--SURVEY--QUESTION): MkDocs found the
        # page's ids before the generated blocks were back, and would call such a link broken.
        page.present_anchor_ids.update(m[1] for piece in blocks.html.values() for m in GENERATED_ID.finditer(piece))
    # The page's size once its late pieces are back, counted as each page is made (before
    # any is written): a survey shown on too many pages stops the build here.
    late = build.late.get(page.file.src_uri)
    try:
        count_page(build, page.file.src_uri, len(html) + sum(map(len, late.html.values())) if late else len(html))
    except OverBudget as err:
        raise PluginError(str(err)) from None
    return with_banner(html, build.held.get(page.file.src_uri))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    build = PROCESS.current()
    build.rebuilt.add(page.url)
    page_context(context, page, config, build)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        not_found_context(context, config, PROCESS.current())
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    """Put back the reader's choices and their benchmark, after the search plugin has read the
    page; and make the theme's own markup valid HTML."""
    back = put_back_stash(output, PROCESS.current().late.pop(page.file.src_uri, None), page, config)
    return _published(valid_theme_markup(output if back is None else back))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a template, not a page: its theme markup made valid, and its policy, too."""
    return _published(valid_theme_markup(output)) if template_name.endswith(".html") else output


def _published(html: str) -> str:
    """A page with its Content-Security-Policy; not in the preview, whose server puts its own
    live-reload script into every page (a script no policy written at build time can know)."""
    return html if PROCESS.serving else with_policy(html)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is read by now: fail with all placeholder problems at once, before
    anything is written, and warn (fatal under --strict) about questions no page shows."""
    build, rebuilds = PROCESS.current(), PROCESS.rebuilds
    if rebuilds.active:
        env.bytecode_cache = rebuilds.templates
    if build.problems:
        raise PluginError(str(DataError(build.problems)))
    if rebuilds.active:
        keep_what_pages_not_rebuilt_showed(files, config, build, rebuilds)
    for warning in unused_warnings(build.dataset, build.shown, build.reserved):
        log.warning(warning)
    return env


@event_priority(50)  # before the search plugin writes its index (priority 0) and the output check
def on_post_build(config: MkDocsConfig) -> None:
    build = PROCESS.current()
    build.writes.wait()
    if PROCESS.rebuilds.active:
        merge_search_index(config, build, PROCESS.rebuilds)


def on_build_error(error: Exception) -> None:
    """A failed preview rebuild forgets what it wrote, so the next one redoes it; no file is
    still being written once it ends."""
    if PROCESS.build is not None:
        with contextlib.suppress(OSError):  # the build has failed already: its error is the one to tell
            PROCESS.build.writes.wait()
    PROCESS.rebuilds.fail()
