"""MkDocs hooks: read data/ on every build and expand the `<!-- data:... -->` placeholders.

Thin on purpose: loading lives in survey_data, HTML in survey_render, placeholder syntax in
shortcodes. Data is read in on_files on every build, never at import, because `mkdocs serve`
does not re-import hook modules.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import posixpath
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import PIL
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import clean_directory, get_relative_url
from mkdocs.utils.meta import get_data
from preview_rebuilds import STATE as REBUILDS
from preview_rebuilds import digest

# Sibling modules: hooks/ is on sys.path only while MkDocs imports this file.
import shortcodes
from survey_data import ArticleMeta, DataError, Problem, load_dataset, load_front_matter
from survey_data.errors import printable
from survey_data.files import check_tree, read_text
from survey_data.load import Dataset, page_characters, survey_files, text_digest
from survey_data.models import PageMeta
from survey_render import (
    ArticleLink,
    FeedItem,
    PageFacts,
    ShareImage,
    data_package,
    download_paths,
    question_csv,
    render_feed,
    render_head,
    survey_csv,
)
from survey_render.article_page import (
    ArticleHeader,
    Colophon,
    card_alt,
    lead_chart,
    reading_minutes,
    render_article_header,
    render_colophon,
    render_draft_banner,
    render_not_found,
    share_card,
    source_line,
)
from survey_render.chart_image import chart_layout, chart_png, chart_svg
from survey_render.disclosure import quality_notice
from survey_render.pieces import benchmark_notes
from survey_render.share_card import Card, draw_card
from writer_paths import project_root, writer_path

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

ARTICLES_DIR = "articles/"
FEED = "feed.xml"


class _Build:
    """State of one build: reset in on_files, so a rebuild under `serve` starts afresh."""

    def __init__(self, dataset: Dataset, articles: dict[str, tuple[File, ArticleMeta]]):
        self.dataset = dataset
        self.articles = articles
        self.problems: list[Problem] = []
        self.shown: set[tuple[str, str]] = set()
        # page -> token -> HTML: blocks go back in on_page_content, late ones in on_post_page
        self.blocks: dict[str, dict[str, str]] = {}
        self.late: dict[str, dict[str, str]] = {}
        self.metas: dict[str, PageMeta | None] = {}  # every page's validated front matter
        self.leads: dict[str, tuple] = {}  # article -> (survey, question) of its first benchmark
        self.page_surveys: dict[str, list[str]] = {}  # page -> surveys whose figures or method it shows
        self.cards: dict[str, Card] = {}  # article -> its share card (drawn once, described in its head)
        self.minutes: dict[str, int] = {}  # article -> minutes to read its text
        self.held: dict[str, str] = {}  # page -> why it is not published yet (shown only by serve)
        self.reserved: set[tuple[str, str | None]] = set()  # benchmarks on pages not built
        self.published: set[str] = set()  # surveys shown on a page that is built
        self.pages: list[str] = []  # every page's URL, in order (for the preview's search index)
        self.shown_by_page: dict[str, frozenset] = {}  # page -> benchmarks it shows, if converted
        self.rebuilt: set[str] = set()  # URLs of the pages written by this build
        self.newest = _newest_first(articles.values())
        self.navigation = ""  # fingerprint of the titles the navigation shows (preview only)


_build: _Build | None = None
_serving = False  # `mkdocs serve`: drafts and scheduled articles are shown, with a banner


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links stale, which --strict
    makes fatal. preview_rebuilds rebuilds every page an edit touches, so under `serve` the
    warning is not true of this site."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    # `make serve` is `mkdocs serve --dirty`: rebuild what an edit touches. `build --dirty`
    # starts with nothing remembered, so it rebuilds everything (and still gets the warning).
    REBUILDS.active = dirty
    if _serving and dirty:
        logging.getLogger(PluginError.__module__.split(".")[0] + ".commands.build").addFilter(_DirtyNotice())


def held_back(meta: PageMeta | None, today: date) -> str | None:
    """Why a page is not published yet, or None. A future date schedules an article, as in
    Hugo: it is published by the first build on or after that day."""
    if meta is None:
        return None
    if meta.draft:
        return "Draft"
    published = getattr(meta, "date", None)
    if published is not None and published > today:
        return f"Scheduled for {published.day} {published:%B %Y}"
    return None


MAX_PAGE_BYTES = 1024 * 1024  # a page's Markdown; the article is about 5 KB


class _PrintableLog(logging.Filter):
    """Every line MkDocs, Material or we log, printable and cut short: no control character or
    line break from a file forges a line (a CI log reads `::error::` as a command)."""

    def filter(self, record: logging.LogRecord) -> bool:
        lines = record.getMessage().split("\n")
        record.msg, record.args = "\n".join(printable(line, 2000) for line in lines[:200]), ()
        return True


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before MkDocs walks docs/ (following links) and reads it: every entry must be a file or
    a folder inside the project, and no page too large to read."""
    # The engine's logger ("mkdocs", or "properdocs" under ProperDocs).
    for handler in logging.getLogger(PluginError.__module__.split(".")[0]).handlers:
        if not any(isinstance(f, _PrintableLog) for f in handler.filters):
            handler.addFilter(_PrintableLog())
    if not config.repo_url:  # REPO_URL unset or empty: no repository, no edit links
        config.repo_url = None
        config.edit_uri = None
    # Links may not leave docs/: a page linked to ../.git/config would publish it.
    docs = Path(config.docs_dir)
    problems = check_tree(project_root(config), docs, {".md": MAX_PAGE_BYTES}, inside=docs)
    if problems:
        raise PluginError(str(DataError(problems)))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    _build = None
    root = project_root(config)
    problems: list[Problem] = []
    if REBUILDS.active and not REBUILDS.start(_site_fingerprint(files, config, root)):
        clean_directory(config.site_dir)  # settings, templates or the list of files changed: start afresh
    try:
        dataset = load_dataset(root, REBUILDS.memo)
    except DataError as err:
        problems += err.problems
        dataset = None
    articles: dict[str, tuple[File, ArticleMeta]] = {}
    metas: dict[str, PageMeta | None] = {}
    leads: dict[str, tuple] = {}
    held: dict[str, str] = {}
    reserved: set[tuple[str, str | None]] = set()
    today = datetime.now(UTC).date()
    published: set[str] = set()  # surveys a built page shows: only theirs are downloadable
    page_surveys: dict[str, list[str]] = {}
    authors = dataset.authors if dataset else None
    authors_key = digest(sorted(authors) if authors is not None else None)
    texts: dict[str, str] = {}  # page -> fingerprint of its text
    placed_by_page: dict[str, list[list[str]]] = {}
    links_by_page: dict[str, tuple[str, ...]] = {}
    in_nav: list[tuple] = []  # pages in the navigation, with what their title comes from
    pages = files.documentation_pages()  # before drafts are set apart: all of them
    for file in pages:
        # Every page's front matter is read here first, safely (no aliases, bounded, typed),
        # before MkDocs's own reader sees it.
        is_article = file.src_uri.startswith(ARTICLES_DIR)
        shown = writer_path(config, file)
        docs = Path(config.docs_dir)
        text, unreadable = read_text(docs, Path(file.abs_src_path), shown, MAX_PAGE_BYTES, "a page")
        if unreadable is not None:
            problems.append(unreadable)
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as MkDocs reads it (universal newlines)
        texts[file.src_uri] = key = text_digest(text)
        made_from = digest(shown, key, authors_key, is_article)
        meta, found, (placed, links, titles) = REBUILDS.memo(
            ("page", file.src_uri), made_from, _read_page, shown, text, authors, is_article
        )
        problems += found
        metas[file.src_uri] = meta
        placed_by_page[file.src_uri] = placed
        links_by_page[file.src_uri] = links
        if file.inclusion.is_in_nav():
            in_nav.append((file.src_uri, getattr(meta, "title", None), titles))
        reason = held_back(meta, today)
        if reason is not None:
            # MkDocs's own draft level: `serve` builds the page, `build` leaves it out of
            # everything (page, navigation, sitemap, search).
            file.inclusion = InclusionLevel.DRAFT
            held[file.src_uri] = reason
            if not _serving:
                reserved.update(shortcodes.benchmarks(placed))  # its survey is not "unused"
                if dataset is not None and not meta.draft:
                    # A scheduled article is checked now, not on the day it is published.
                    body = get_data(text)[0]
                    above = text[: len(text) - len(body)].count("\n")
                    problems += shortcodes.expand(body, shown, above, shortcodes.Context(dataset))[1]
                continue
        cited = [s for s in shortcodes.cited_surveys(placed) if dataset is not None and s in dataset.surveys]
        page_surveys[file.src_uri] = cited
        published.update(cited)
        if is_article and meta is not None:
            articles[file.src_uri] = (file, meta)
            shown_first = shortcodes.benchmarks(placed)
            lead = _lead(dataset, shown_first[0] if shown_first else None)
            if lead is not None:
                leads[file.src_uri] = lead
    for url, same in _same_address(files.documentation_pages()).items():
        names = " and ".join(writer_path(config, f) for f in same)
        problems.append(
            Problem(
                writer_path(config, same[-1]), None, None, "", f"{names} would both be published at /{url}; rename one"
            )
        )
    if problems:
        raise PluginError(str(DataError(problems)))
    _build = _Build(dataset, articles)
    _build.metas = metas
    _build.leads = leads
    _build.held = held
    _build.reserved = reserved
    _build.published = published
    _build.page_surveys = page_surveys
    lists = _lists_fingerprint()
    if REBUILDS.active:
        names = {f.src_uri for f in files}
        _build.navigation = digest(sorted(in_nav))  # every page shows these titles in its menu
        for file in files:  # drafts too (documentation_pages() leaves them out)
            if file.src_uri in texts:
                # Whether each file the page links to exists: MkDocs warns of a missing one
                # only when it reads the page, so adding or removing a file rebuilds its linkers.
                here = posixpath.dirname(file.src_uri)
                linked = [
                    (t, posixpath.normpath(posixpath.join(here, t)) in names) for t in links_by_page[file.src_uri]
                ]
                made_from = _page_fingerprint(file, texts[file.src_uri], placed_by_page[file.src_uri], lists)
                _rebuild_when(file, digest(made_from, linked))
    _add_generated_files(files, config)
    problems = _add_archive_pages(files, config, lists)
    if problems:
        raise PluginError(str(DataError(problems)))
    # Each page's address as its Page has it (and the search index): the home page's is "".
    # Drafts too: the preview shows them.
    pages += [f for f in files if f.src_uri.startswith("archive/") and f.generated_by]
    _build.pages = ["" if f.url in (".", "./") else f.url for f in pages]
    return files


def _read_page(shown: str, text: str, authors, is_article: bool) -> tuple[PageMeta | None, list[Problem], list]:
    """A page's front matter, the problems in its text, and its placeholders' words: a pure
    function of its text, kept between a preview's rebuilds."""
    meta, found = load_front_matter(shown, text, authors, is_article)
    problems = found + page_characters(shown, text) + shortcodes.typed_figures(shown, text)
    if not found and meta is None and get_data(text)[1]:  # no '---' block, yet MkDocs would read meta
        message = (
            "the page starts with 'Key: value' lines, which MkDocs reads as settings; "
            "put them between '---' lines, or start the page with text"
        )
        problems.append(Problem(shown, 1, 1, "", message))
    # One scan of placeholders (read for surveys and lead), and what the preview's rebuilds
    # need: where the page links to, and its top-level headings (a title in the navigation).
    return meta, problems, (shortcodes.placeholders(text), _link_targets(text), tuple(H1.findall(text)))


H1 = re.compile(r"^ {0,3}#(?!#)[^\n]*|^[^\n]+\n {0,3}=+[ \t]*$", re.M)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.M)


def _link_targets(text: str) -> tuple[str, ...]:
    """The relative addresses a page's Markdown links to (links and images, inline or by
    reference), without their #anchor."""
    found = (a or b for a, b in LINK.findall(text))
    return tuple(sorted({t.split("#", 1)[0] for t in found if t.split("#", 1)[0] and "://" not in t}))


# ---- the preview's rebuilds (preview_rebuilds): what each output is made from -----------------


def _site_fingerprint(files: Files, config: MkDocsConfig, root: Path) -> str:
    """What every page is made from: the settings, the templates (the theme's and the render
    layer's, by content), the surveys there are, the day. (A page added or removed outside
    the navigation rebuilds only the pages it changes: see on_files.)"""
    if not REBUILDS.active:
        return ""
    # (The engine may give custom_dir relative on the first build and absolute on the next.)
    folders = [root / (config.theme.custom_dir or "overrides"), root / "hooks"]
    templates, code = [], []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                content = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
                (code if path.suffix == ".py" else templates).append((path.as_posix(), content))
    if REBUILDS.code is None:
        REBUILDS.code = digest(code)  # as imported, once: MkDocs does not import hook modules again
    elif REBUILDS.code != digest(code):
        log.info("The hooks' Python code changed: stop `make serve` (Ctrl+C) and start it again to use it")
    surveys = [p.name for p in survey_files(root / "data/surveys")]
    settings = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    today = datetime.now(UTC).date()
    return digest(settings, config.site_url, config.repo_url, config.edit_uri, templates, surveys, today)


def _lists_fingerprint() -> Callable[[str], str]:
    """What a list of articles is made from, by the slice of the newest-first list it shows:
    how many there are (page numbers), and each listed article's address, front matter,
    author, lead chart and the surveys it may come from."""
    assert _build is not None
    if not REBUILDS.active:
        return lambda shown: ""
    dataset = _build.dataset
    each = [
        digest(
            file.src_uri,
            file.url,
            meta,
            dataset.authors.get(meta.author),
            lead[1] if (lead := _build.leads.get(file.src_uri)) else None,  # the question its chart draws
            [dataset.survey_digests.get(s) for s in _build.page_surveys.get(file.src_uri, [])],
        )
        for file, meta in _build.newest
    ]

    def made_from(shown: str) -> str:
        start, _, stop = shown.partition(":")
        return digest(len(each), each[int(start or 0) : int(stop) if stop else None])

    return made_from


def _page_fingerprint(file: File, text: str, placed: list[list[str]], lists: Callable[[str], str]) -> str:
    """A page's text, the navigation's titles, whether it is held back, and every data record
    it shows."""
    assert _build is not None
    dataset = _build.dataset
    meta = _build.metas.get(file.src_uri)
    tables = {"SURVEY": dataset.survey_digests, "AUTHOR": dataset.authors, "TAKEAWAY": dataset.takeaways}
    read = sorted(shortcodes.reads(placed))
    records = [(what, item, tables[what].get(item)) for what, item in read if what in tables]
    author = getattr(meta, "author", None)
    return digest(
        text,
        _build.navigation,
        _build.held.get(file.src_uri),
        records,
        dataset.authors.get(author) if author else None,
        [lists(shown) for what, shown in read if what == "ARTICLES"],
    )


def _rebuild_when(file: File, fingerprint: str) -> None:
    """Under `serve --dirty`, `file` is written again only if what it is made from changed
    (or it is missing). A page in the navigation is always rebuilt: the navigation of the
    pages rebuilt shows its title, which only a page read this time has."""
    if not REBUILDS.active:
        return
    output = file.dest_uri
    REBUILDS.expect(output)

    def is_modified() -> bool:
        changed = REBUILDS.changed(output, fingerprint)
        in_nav = file.is_documentation_page() and file.inclusion.is_in_nav()
        return changed or in_nav or not os.path.isfile(file.abs_dest_path)

    file.is_modified = is_modified  # type: ignore[method-assign]


def _add_archive_pages(files: Files, config: MkDocsConfig, lists: Callable[[str], str]) -> list[Problem]:
    """archive/, archive/page/2/, ...: every article, newest first, a fixed number a page,
    as a blog's archive. Only the first is in the navigation (mkdocs.yml's not_in_nav): no
    page lists every article, so the build grows linearly with their number."""
    assert _build is not None
    count = len(_build.articles)
    pages = max(1, -(-count // shortcodes.ARCHIVE_PAGE))
    problems = []
    for number in range(1, pages + 1):
        src = "archive/index.md" if number == 1 else f"archive/page/{number}.md"
        if files.get_file_from_path(src) is not None:
            message = "archive/ is where the site lists every article: rename this page or its folder"
            problems.append(Problem(f"docs/{src}", None, None, "", message))
            continue
        title = "All articles" if number == 1 else f"All articles, page {number}"
        content = f"# All articles\n\n<!-- data:archive {number} -->\n"
        page = File.generated(config, src, content=content)
        _build.metas[src] = PageMeta(title=title, hide=["navigation", "toc"])
        _rebuild_when(page, _page_fingerprint(page, content, shortcodes.placeholders(content), lists))
        files.append(page)
    return problems


def _lead(dataset: Dataset | None, found: tuple[str, str | None] | None):
    """(survey, question) objects of a page's first benchmark; None if the ids are wrong
    (expanding the page reports them)."""
    if dataset is None or found is None or found[0] not in dataset.surveys:
        return None
    survey = dataset.surveys[found[0]]
    question = next((q for q in survey.questions if found[1] in (None, q.id)), None)
    return (survey, question) if question is not None else None


CARDS = "cards/"  # share cards in the built site: cards/articles/NAME.png
PNG_CACHE = ".cache/images"  # drawn PNGs by content, as Material's social plugin keeps its cards
_DRAWING_CODE = hashlib.sha256(
    b"".join(Path(f.__code__.co_filename).read_bytes() for f in (draw_card, chart_png))
).hexdigest()[:16]


def card_path(file: File) -> str:
    return CARDS + file.src_uri.removesuffix(".md") + ".png"


def _cached_png(what, draw, root: Path) -> tuple[Path | None, bytes | None]:
    """draw(what), a PNG, drawn once per content: a rebuild under `serve`, or a build with
    the cache kept, copies it instead of drawing it again (15-20 ms each). Returns the cached
    file, or the PNG itself where the cache cannot be written (a read-only checkout)."""
    key = hashlib.sha256(repr((what, _DRAWING_CODE, PIL.__version__)).encode()).hexdigest()
    cached = root / PNG_CACHE / f"{key}.png"
    if cached.is_file() and not cached.is_symlink():
        return cached, None
    png = draw(what)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(png)
        part.replace(cached)
    except OSError:
        return None, png  # a read-only checkout still builds; it draws every time
    return cached, None


def _same_address(pages) -> dict[str, list[File]]:
    by_url: dict[str, list[File]] = {}
    for file in pages:
        by_url.setdefault(file.url, []).append(file)
    return {url: same for url, same in by_url.items() if len(same) > 1}


def _add_generated_files(files: Files, config: MkDocsConfig) -> None:
    """Each survey's data as CSV and JSON, its charts, the RSS feed of the articles, the share
    cards, robots.txt."""
    assert _build is not None
    site_url = config.site_url or ""
    writers = {file.src_uri for file in files}

    def add(fingerprint: str, made: list[File]) -> None:
        for file in made:
            if file.src_uri in writers:  # a writer's file of that name
                message = "the site writes this file itself (see README.md); remove or rename yours"
                raise PluginError(str(DataError([Problem(f"docs/{file.src_uri}", None, None, "", message)])))
            _rebuild_when(file, fingerprint)
            files.append(file)

    for survey_id, survey in _build.dataset.surveys.items():
        if not _serving and survey_id not in _build.published:
            continue  # only on drafts or scheduled articles (or on no page: on_env says so)
        made_from = digest(_build.dataset.survey_digests[survey_id], site_url, config.site_name, config.site_dir)
        add(made_from, REBUILDS.memo(("downloads", survey_id), made_from, _survey_downloads, survey_id, survey, config))
    authors = _build.dataset.authors
    items = [
        FeedItem(meta.title, urljoin(site_url, file.url), meta.summary, authors[meta.author].name, meta.date)
        for file, meta in _build.newest
    ]
    feed = render_feed(
        config.site_name,
        site_url,
        config.site_description or config.site_name,
        config.theme.get("language") or "en",
        urljoin(site_url, FEED),
        items,
    )
    add(digest(feed), [_generated(config, FEED, feed)])
    for src_uri, (file, meta) in _build.articles.items():
        card = _build.cards[src_uri] = share_card(config.site_name, meta.title, meta.summary, _build.leads.get(src_uri))
        made_from = digest(card, config.site_dir)
        add(made_from, REBUILDS.memo(("card", src_uri), made_from, _card_file, card_path(file), card, config))
    robots = f"User-agent: *\nAllow: /\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"
    add(digest(robots), [_generated(config, "robots.txt", robots)])


def _generated(config: MkDocsConfig, path: str, made: str | tuple[Path | None, bytes | None]) -> File:
    cached, content = made if isinstance(made, tuple) else (None, made)
    if cached is not None:  # copied from the image cache, not read into memory
        return File.generated(config, path, abs_src_path=str(cached))
    return File.generated(config, path, content=content)


def _card_file(path: str, card: Card, config: MkDocsConfig) -> list[File]:
    return [_generated(config, path, _cached_png(card, draw_card, project_root(config)))]


def _survey_downloads(survey_id: str, survey, config: MkDocsConfig) -> list[File]:
    """A survey's data package, CSVs and charts (SVG, PNG)."""
    site_url = config.site_url or ""
    root = project_root(config)
    paths = download_paths(survey_id)
    package_url = urljoin(site_url, paths["package"])
    made = [
        _generated(config, paths["package"], data_package(survey_id, survey, package_url)),
        _generated(config, paths["csv"], survey_csv(survey_id, survey)),
    ]
    credit = f"Chart: {config.site_name}, {site_url} · Data: {package_url}"
    for question in survey.questions:
        paths = download_paths(survey_id, question.id)
        made.append(_generated(config, paths["csv"], question_csv(survey_id, survey, question)))
        drawing = chart_layout(survey, question, benchmark_notes(survey, question), credit)
        made.append(_generated(config, paths["svg"], chart_svg(drawing)))
        made.append(_generated(config, paths["png"], _cached_png(drawing, chart_png, root)))
    return made


def _newest_first(articles):
    """Newest first; undated articles after dated ones, then by title."""
    return sorted(articles, key=lambda fm: (fm[1].date is None, -(fm[1].date or date.min).toordinal(), fm[1].title))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    assert _build is not None, "on_files runs before on_page_markdown"
    # MkDocs read the front matter again with YAML 1.1 (`1:09` -> 69, `on` -> True): the values
    # the page gets are the ones we validated, as the writer wrote them.
    meta = _build.metas.get(page.file.src_uri)
    page.meta = meta.model_dump(exclude_none=True) if meta is not None else {}
    if isinstance(page.meta.get("title"), str):
        # Material prints the page title into the nav, <h1> and search index unescaped.
        page.meta["title"] = escape(page.meta["title"])
    if page.file.src_uri in _build.articles or page.is_homepage or page.file.src_uri.startswith("archive/"):
        # A publication's pages, not a manual's: one column, no documentation sidebars.
        page.meta.setdefault("hide", ["navigation", "toc"])
    if page.file.src_uri in _build.articles:
        page.meta["template"] = "article.html"  # overrides/article.html: header, byline, colophon
        _build.minutes[page.file.src_uri] = reading_minutes(shortcodes.PLACEHOLDER.sub(" ", markdown))
    _build.shown_by_page[page.file.src_uri] = frozenset()
    if "data:" not in markdown:
        return None  # cheap skip for pages with no placeholder
    source = page.file.content_string
    above = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    here = page.file.url
    links = shortcodes.PageLinks(
        site_name=config.site_name,
        page_url=page.canonical_url or urljoin(config.site_url or "", here),
        relative=lambda path: get_relative_url(path, here),
        absolute=lambda path: urljoin(config.site_url or "", path),
        edit_figures=_edit_figures(config),
    )
    ctx = shortcodes.Context(
        _build.dataset,
        article_links=lambda: _ArticleLinks(page.file),
        links=links,
        place_block=_stasher(_build.blocks.setdefault(page.file.src_uri, {}), "block"),
        place_late=_stasher(_build.late.setdefault(page.file.src_uri, {}), "late"),
        notice_in_header=page.file.src_uri in _build.articles,
    )
    expanded, problems = shortcodes.expand(markdown, writer_path(config, page.file), above, ctx)
    _build.problems += problems
    _build.shown |= ctx.shown
    _build.shown_by_page[page.file.src_uri] = frozenset(ctx.shown)
    if problems:
        # A page with problems is never written (on_env stops the build): convert nothing of
        # it, so that its mistakes cost no time, however many there are.
        _build.blocks.pop(page.file.src_uri, None)
        _build.late.pop(page.file.src_uri, None)
        return ""
    return expanded


def _edit_figures(config: MkDocsConfig):
    """(survey, question) -> the survey file at the question's line in the repository (the
    REPO_URL in mkdocs.yml), where GitHub's pencil edits it; None without a repository."""
    assert _build is not None
    dataset = _build.dataset
    if not config.repo_url or not config.edit_uri:
        return lambda survey, question: None
    # edit_uri is "edit/BRANCH/docs/": the same branch, viewed at a line ("blob"), for data/.
    branch = config.edit_uri.strip("/").split("/")[1] if config.edit_uri.count("/") >= 2 else "main"
    base = f"{config.repo_url.rstrip('/')}/blob/{branch}/"

    def url(survey: str, question: str) -> str | None:
        line = dataset.question_lines.get((survey, question))
        return f"{base}{dataset.survey_files[survey]}#L{line}" if line else None

    return url


def _stasher(stash: dict[str, str], kind: str):
    def place(html: str) -> str:
        token = f"<!--survey-{kind}-{len(stash)}-->"
        stash[token] = html
        return token

    return place


STASHED = re.compile(r"<!--survey-(?:block|late)-\d+-->")


def _put_back(html: str, stash: dict[str, str] | None, page: Page, config: MkDocsConfig) -> str | None:
    if not stash:
        return None
    html = STASHED.sub(lambda m: stash.pop(m.group(0), m.group(0)), html)
    if stash:  # Markdown did not keep a token: never publish a page with a piece missing
        raise PluginError(
            f"{writer_path(config, page.file)}: {len(stash)} placeholder(s) ended up inside something else "
            "(an indented code block, a list or a quote); start the placeholder's line at the margin"
        )
    return html


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Put the generated blocks back where Markdown left their tokens; mark a draft."""
    assert _build is not None
    html = _put_back(html, _build.blocks.pop(page.file.src_uri, None), page, config) or html
    reason = _build.held.get(page.file.src_uri)
    if reason is not None:
        html = render_draft_banner(reason) + html
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    """Put back the reader's choices and their benchmark, after the search plugin has indexed the page."""
    assert _build is not None
    return _put_back(output, _build.late.pop(page.file.src_uri, None), page, config)


class _ArticleLinks(Sequence):
    """Every article, newest first, as links from the page `current`: made into links (with
    their lead charts) only where a page shows them, 10 or 50 of a thousand."""

    def __init__(self, current: File):
        assert _build is not None
        self._current = current
        self._articles = _build.newest

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._link(*article) for article in self._articles[index]]
        return self._link(*self._articles[index])

    def _link(self, file: File, meta: ArticleMeta) -> ArticleLink:
        assert _build is not None
        lead = _build.leads.get(file.src_uri)
        return ArticleLink(
            file.url_relative_to(self._current),
            meta.title,
            meta.summary,
            _build.dataset.authors[meta.author].name,
            meta.date,
            lead_chart(lead[1]) if lead else None,
        )


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """The <head> tags of every page, escaped, from front matter and data (overrides/main.html)."""
    assert _build is not None
    _build.rebuilt.add(page.url)
    article = _build.articles.get(page.file.src_uri)
    meta = article[1] if article else None
    site_url = config.site_url or ""
    url = page.canonical_url or urljoin(site_url, page.url)
    image = None
    if meta is not None:
        author = _build.dataset.authors[meta.author]
        image = ShareImage(urljoin(site_url, card_path(page.file)), card_alt(_build.cards[page.file.src_uri]))
        bio = f"author-{meta.author}"
        surveys = _build.dataset.surveys
        cited = _build.page_surveys.get(page.file.src_uri, [])
        context["article_header"] = render_article_header(
            ArticleHeader(
                title=meta.title,
                standfirst=meta.summary,
                author=author.name,
                author_href=f"#{bio}" if f'id="{bio}"' in (page.content or "") else None,
                date=meta.date,
                minutes=_build.minutes.get(page.file.src_uri, 1),
                home_href=get_relative_url(shortcodes.archive_path(1), page.file.url),
                notices=tuple(
                    (surveys[s].title if len(cited) > 1 else "", notice)
                    for s in cited
                    if (notice := quality_notice(surveys[s]))
                ),
            )
        )
        sources = [source_line(surveys[s]) for s in cited]
        context["article_colophon"] = render_colophon(Colophon(url, author.name, meta.date, tuple(sources)))
    facts = PageFacts(
        site_name=config.site_name,
        title=config.site_name if page.is_homepage else (html.unescape(page.title or "") or config.site_name),
        description=(meta.description or meta.summary)
        if meta
        else (page.meta.get("description") or config.site_description or config.site_name),
        url=url,
        # Relative: Material fetches sitemap.xml beside every rel=alternate address, and an
        # absolute one would send that request to SITE_URL from a copy served elsewhere.
        feed_url=get_relative_url(FEED, page.url),
        is_article=meta is not None,
        author=_build.dataset.authors[meta.author].name if meta else None,
        date=meta.date if meta else None,
        image=image,
    )
    context["head_meta"] = render_head(facts)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page is a theme template, not a page: it gets its own head tags. No noindex:
    hosts serve it with status 404, which already keeps it out of search indexes."""
    if template_name == "404.html":
        assert _build is not None
        site_url = config.site_url or ""
        facts = PageFacts(
            site_name=config.site_name,
            title=f"Page not found - {config.site_name}",
            description=config.site_description or config.site_name,
            url=urljoin(site_url, "404.html"),
            feed_url=(urlsplit(site_url).path or "/") + FEED,
            canonical=False,
        )
        context["head_meta"] = render_head(facts)
        # Its links start at the site's root: the host serves it at any missing address.
        root = urlsplit(site_url).path or "/"
        newest = _build.newest[: shortcodes.HOME_ARTICLES]
        articles = [(root + file.url, meta.title) for file, meta in newest]
        more = root + shortcodes.archive_path(1) if len(_build.articles) > len(articles) else None
        context["not_found"] = render_not_found(root, articles, more, len(_build.articles))
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is read by now: fail with all placeholder problems at once, before
    anything is written, and warn (fatal under --strict) about questions no page shows."""
    assert _build is not None
    if REBUILDS.active:
        env.bytecode_cache = REBUILDS.templates
    if _build.problems:
        raise PluginError(str(DataError(_build.problems)))
    if REBUILDS.active:
        _keep_what_pages_not_rebuilt_showed(files, config)
    for survey_id, survey in _build.dataset.surveys.items():
        file = _build.dataset.survey_files[survey_id]
        if (survey_id, None) in _build.reserved:
            continue  # every question is on a draft or scheduled page
        hidden = [
            q.id
            for q in survey.questions
            if (survey_id, q.id) not in _build.shown and (survey_id, q.id) not in _build.reserved
        ]
        if len(hidden) == len(survey.questions):
            log.warning(
                f"{file}: survey '{survey_id}' is shown on no page; "
                f"add <!-- data:tables {survey_id} --> to an article, or remove the file"
            )
            continue
        for question_id in hidden:
            log.warning(
                f"{file}: question '{question_id}' is shown on no page; "
                f"add <!-- data:table {survey_id} {question_id} --> to an article, or remove it"
            )
    return env


def _keep_what_pages_not_rebuilt_showed(files: Files, config: MkDocsConfig) -> None:
    """A preview's rebuild read only some pages. The others, as last read, still count: the
    benchmarks they show (for "shown on no page"), their anchors and their links to anchors
    (MkDocs checks every page's links to anchors after writing, with what it read). And what
    a removed page or survey wrote goes."""
    assert _build is not None
    REBUILDS.staged_shown = dict(_build.shown_by_page)
    for src, shown in REBUILDS.shown.items():
        if src not in _build.shown_by_page and src in _build.metas:
            _build.shown |= shown
    for file in files:
        page = file.page
        if page is None or not file.is_documentation_page():
            continue
        if page.present_anchor_ids is not None:  # read by this build
            links = {target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
            REBUILDS.staged_anchors[file.src_uri] = (frozenset(page.present_anchor_ids), links)
        elif file.src_uri in REBUILDS.anchors:
            ids, links = REBUILDS.anchors[file.src_uri]
            page.present_anchor_ids = set(ids)
            page.links_to_anchors = {
                target: dict(anchors) for src, anchors in links.items() if (target := files.get_file_from_path(src))
            }
    for output in REBUILDS.stale():
        Path(config.site_dir, output).unlink(missing_ok=True)


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    """Under `serve --dirty` the search plugin indexed only the pages rebuilt: the index keeps
    every other page's entries from the builds before. (Material's own merge assumes one page
    was rebuilt, and drops every entry when the home page is.)"""
    if not REBUILDS.active or _build is None:
        return
    search = next((p for p in config.plugins.values() if hasattr(p, "search_index_prev")), None)
    if search is None:
        return
    fresh: dict[str, list[dict]] = {url: [] for url in _build.rebuilt}
    for entry in search.search_index.entries:
        fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    REBUILDS.staged_search = fresh
    search.search_index.entries = [
        entry for url in _build.pages for entry in (fresh[url] if url in fresh else REBUILDS.search.get(url, []))
    ]
    search.search_index_prev = None


def on_build_error(error: Exception) -> None:
    REBUILDS.fail()
