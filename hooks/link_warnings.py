"""The engine's warnings about a page's links, said as the build's other problems are: at the
file (from the project folder), the line and the column of the link, with what to do. MkDocs
names the file from docs/ and no line ("Doc file 'articles/x.md' contains a link 'y.md', but
the target 'articles/y.md' is not found among documentation files.")."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from survey_data.errors import printable
from survey_data.suggest import nearest

# The loggers that check links (MkDocs 1.6 and ProperDocs, its fork).
PAGE_LOGGERS = ("mkdocs.structure.pages", "properdocs.structure.pages")
_WARNING = re.compile(r"^Doc file '(?P<file>[^']+)' contains (?P<what>a link to|a link|an absolute link|"
                      r"an unrecognized relative link) '(?P<url>[^']*)'(?P<rest>.*)$", re.S)  # fmt: skip
_NOT_FOUND = re.compile(
    r"^, but the target(?: '(?P<target>[^']*)')? is not found among documentation files\.(?P<tip>.*)$"
)
_NO_ANCHOR = re.compile(r"^, but (?:the doc '(?P<doc>[^']*)' does not contain|there is no such anchor on this page)")
# An address without its scheme ("example.org/report"), and the files a page may link to.
_HOST = re.compile(r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_SITE_FILES = (".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf", ".csv", ".html", ".xml", ".json")
_ANCHOR_FIX = (
    "fix the part after '#' (a heading's id is its words in lower case, joined by hyphens; a benchmark's is "
    "benchmark--SURVEY--QUESTION)"
)
# Where a link's address stands in Markdown or HTML: after "](", "](<", "]: ", href=", src=".
_BEFORE = ("](", "](<", "]: ", "]:", 'href="', 'src="', "href='", "src='", "<")


class LinkWarnings(logging.Filter):
    """Rewrites each link warning in place; every other record passes as it is."""

    def __init__(self, docs_dir: Path, docs_prefix: str):
        super().__init__()
        self.docs_dir, self.prefix = docs_dir, docs_prefix
        self.files = None  # the build's Files, once it has them: the ids each page holds

    def anchors(self, page: str) -> list[str]:
        """The ids present on `page` (docs/-relative), once the engine has rendered it."""
        found = self.files.get_file_from_path(page) if self.files is not None else None
        return sorted(getattr(getattr(found, "page", None), "present_anchor_ids", None) or ())

    def filter(self, record: logging.LogRecord) -> bool:
        found = _WARNING.match(record.getMessage())
        if found and found["what"] == "a link to":  # MkDocs only informs: the page would link to nothing
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        if found:  # on one line, whatever the address holds: a line break in it would start a line of its own
            record.msg, record.args = printable(self.said(found), 2000), ()
        return True

    def said(self, found: re.Match[str]) -> str:
        page, url, rest = found["file"], found["url"], found["rest"]
        where = self.prefix + page + _position(self.docs_dir / page, url)
        missing, anchor = _NOT_FOUND.match(rest), _NO_ANCHOR.match(rest)
        if _looks_like_a_web_address(url):
            return f"{where}: a link to '{url}', which looks like a web address: write it in full, 'https://{url}'"
        if found["what"] == "an absolute link":
            tip = re.search(r"Did you mean '([^']*)'\?", rest)
            instead = f": write '{tip[1]}'" if tip else ": write it relative to this page, as '../' and the path"
            return (
                f"{where}: a link from the site's root, '{url}', which breaks when the site is published under "
                f"a path, and which the build cannot check{instead}"
            )
        if missing:
            target = self.prefix + (missing["target"] or url.lstrip("/")).split("#", 1)[0]
            return (
                f"{where}: a link to '{url}', but {target} is no page or file of the site; fix the address "
                f"(it is relative to this page's folder){missing['tip'].rstrip()}"
            )
        if anchor:
            name = url.split("#", 1)[-1]
            other = f"{self.prefix}{anchor['doc']} has" if anchor["doc"] else "this page has"
            ids = self.anchors(anchor["doc"] or page)
            ending = [i for i in ids if i.endswith(("-" + name, "--" + name))]  # "#presence": a benchmark's id
            close = min(ending, key=len) if ending else nearest(name, ids)
            fix = f"did you mean '#{close}'?" if close else _ANCHOR_FIX
            return f"{where}: a link to '{url}', but {other} no heading or id '{name}'; {fix}"
        if found["what"] == "an unrecognized relative link":
            return (
                f"{where}: a link to '{url}', which names no page: link to the page's file, ending in .md "
                "(a folder's page is its index.md)"
            )
        if found["what"] == "a link to":  # "... which is excluded from the built site."
            return (
                f"{where}: a link to '{url}', a page this build leaves out (a draft, or an article scheduled for "
                "later): the link would lead nowhere; remove it until that page is published"
            )
        return f"{where}: {found['what']} '{url}'{rest}"


def _looks_like_a_web_address(url: str) -> bool:
    """'example.org/report': a host name first, whose ending is no file's (not 'chart.png')."""
    host = re.split(r"[/?#]", url, maxsplit=1)[0]
    return bool(_HOST.fullmatch(host)) and not host.lower().endswith(_SITE_FILES)


def _position(path: Path, url: str) -> str:
    """':line:column' of the first place `url` stands as an address in the page, or ''."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        return ""
    places = [i + len(before) for before in _BEFORE if (i := text.find(before + url)) >= 0]
    if not places and "/" in url:  # MkDocs names the page from docs/ ('articles/new.md'), the writer did not
        return _position(path, url.rsplit("/", 1)[1])
    if not places:
        return ""
    at = min(places)
    line = text.count("\n", 0, at) + 1
    return f":{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def place_link_warnings(docs_dir: Path, docs_prefix: str) -> LinkWarnings:
    """On the engine's page loggers, in place of any earlier one (each build reads its settings anew)."""
    placed = LinkWarnings(docs_dir, docs_prefix)
    for name in PAGE_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, LinkWarnings)]:
            logger.removeFilter(old)
        logger.addFilter(placed)
    return placed
