"""The built site, checked before the build may succeed: every page, feed, sitemap and data
file must be sound, so that a mistake in any renderer (ours or the theme's) becomes a clear
error instead of a broken page. Knows nothing of MkDocs: it reads a folder.

Checked, in one pass over each file with patterns that run in linear time:
- HTML: every comment closed, no placeholder or internal token left, element ids unique, every
  embedded JSON block (JSON-LD, page data) parses. (Characters no page may hold are refused
  earlier, where they are typed: in data, and in the pages' Markdown.)
- XML (feed.xml, sitemap.xml) and SVG (the chart downloads): parse;
- JSON: parses;
- CSV: every row has as many cells as the header;
- PNG (share cards, chart downloads): Pillow reads and verifies it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from content_policy import inline_scripts, is_theme_script
from survey_data.errors import Problem, quote

MAX_OUTPUT_BYTES = 20 * 1024 * 1024  # one generated file; the article page is about 40 KB

_LEFTOVER = re.compile(r"<!--[ \t]*data:|<!--survey-")  # a placeholder, or a token of ours
# An id attribute: found by its literal text (fast on the megabytes of a large site's
# navigation), then kept only if it stands inside a tag, not in text such as a code example.
# One pattern per spelling of "id" (id, ID, Id, iD): each starts with its literal text, which
# the regex engine finds fast; one case-insensitive pattern was four times slower.
_IDS = [
    re.compile(spelling + r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`/]+))""")
    for spelling in ("id", "ID", "Id", "iD")
]
_TAG_REACH = 4000  # characters looked back for the tag an id="" stands in
_SCRIPT = re.compile(r"<script\b", re.I)
_SCRIPT_END = re.compile(r"</script\s*>", re.I)
_JSON_TYPE = re.compile(r"""\btype\s*=\s*["']?\s*application/(?:ld\+)?json\b""", re.I)
# Elements that, left open, swallow or hide the rest of the page: those whose content is raw
# text up to their end tag, and those whose content is not shown (a template's, a closed
# dialog's or details', a select's options, an object's fallback).
_RAW_TEXT = re.compile(
    r"<(/?)(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext"
    r"|template|dialog|details|select|object)\b",
    re.I,
)


# An address with a space or a line break in it (a file named "my note.md" gives one unless it
# is percent-encoded): in a link, a source, a share image, or JSON-LD.
_SPACED_ADDRESS = re.compile(
    r'\s(?:href|src)\s*=\s*"([^"]*\s[^"]*)"|(?:og:image|og:url|twitter:image)"\s+content="([^"]*\s[^"]*)"'
)
_LD_ADDRESSES = ("url", "image", "mainEntityOfPage", "@id")


def check_site(folder: Path, since: float | None = None, skip: frozenset[str] = frozenset()) -> list[Problem]:
    """Every file under `folder`, or only those written at or after `since` (a timestamp),
    except the paths (relative to `folder`) in `skip`."""
    problems: list[Problem] = []
    for path, stat in _files(folder, since):
        checker = _CHECKERS[path.suffix.lower()]
        relative = path.relative_to(folder).as_posix()
        if relative in skip:
            continue
        shown = "site/" + relative
        if stat.st_size > MAX_OUTPUT_BYTES:
            problems.append(Problem(shown, None, None, "", f"is over {MAX_OUTPUT_BYTES:,} bytes; something ran away"))
            continue
        if checker is check_png:
            problems += [Problem(shown, None, None, "", message) for message in check_png(path.read_bytes())]
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            problems.append(Problem(shown, None, None, "", f"is not valid UTF-8 (byte {err.start})"))
            continue
        problems += [Problem(shown, line, None, "", message) for line, message in checker(text)]
    return problems


def _files(folder: Path, since: float | None) -> list[tuple[Path, os.stat_result]]:
    """The files under `folder` that a checker reads (written at or after `since`, if given),
    sorted, with their status. os.scandir, not Path.rglob: a preview walks 20,000 files on
    every rebuild. Links to folders are not followed; a link to a file is checked as the file."""
    found: list[tuple[Path, os.stat_result]] = []
    stack = [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif os.path.splitext(entry.name)[1].lower() in _CHECKERS and entry.is_file():
                    status = entry.stat()
                    if since is None or status.st_mtime >= since:
                        found.append((Path(entry.path), status))
    return sorted(found, key=lambda item: item[0])


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def check_html(text: str) -> list[tuple[int | None, str]]:
    found: list[tuple[int | None, str]] = []
    leftover = _LEFTOVER.search(text)
    if leftover:
        found.append((_line(text, leftover.start()), "a placeholder or an internal token was left in the page"))
    opened = text.rfind("<!--")
    if opened >= 0 and text.find("-->", opened + 4) < 0:
        found.append((_line(text, opened), "a comment is never closed: the rest of the page would be hidden"))
    ids = Counter(
        next(g for g in m.groups() if g is not None)
        for pattern in _IDS
        for m in pattern.finditer(text)
        if _in_tag(text, m.start())
    )
    twice = sorted(i for i, n in ids.items() if n > 1)
    if twice:
        names = ", ".join(quote(i, 40) for i in twice[:5]) + (", ..." if len(twice) > 5 else "")
        found.append((None, f"element ids used more than once: {names}"))
    balance: Counter[str] = Counter()
    for tag in _RAW_TEXT.finditer(text):
        balance[tag.group(2).lower()] += -1 if tag.group(1) else 1
    if balance["plaintext"] > 0:
        found.append((None, "a <plaintext> element, which turns the rest of the page into text"))
    for name, opened in sorted(balance.items()):
        if opened > 0 and name != "plaintext":
            found.append((None, f"a <{name}> element is never closed: the rest of the page would be swallowed"))
    for start, body in _json_scripts(text):
        problem = _json_problem(body)
        if problem:
            found.append((_line(text, start), f"an embedded JSON block does not parse: {problem}"))
        elif any(_spaced(v) for v in _ld_addresses(body)):
            found.append((_line(text, start), "an address in the page's JSON-LD holds a space: percent-encode it"))
    foreign = [script for script in inline_scripts(text) if not is_theme_script(script)]
    if foreign:
        found.append(
            (
                None,
                f"an inline script the theme does not write, which the page's policy blocks: {quote(foreign[0], 60)}",
            )
        )
    for spaced in _SPACED_ADDRESS.finditer(text):
        address = spaced.group(1) or spaced.group(2)
        found.append((_line(text, spaced.start()), f"an address holds a space or a line break: {quote(address, 60)}"))
        break  # one is enough: the rest are the same mistake
    return found


def _spaced(value: object) -> bool:
    return isinstance(value, str) and any(c.isspace() for c in value)


def _ld_addresses(body: str) -> list[object]:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return []
    return [data.get(key) for key in _LD_ADDRESSES] if isinstance(data, dict) else []


def _json_scripts(text: str) -> list[tuple[int, str]]:
    """(where, content) of each <script type="application/json"> or ld+json. One pass: each
    search starts where the last ended, so "<script " repeated inside an attribute is read
    once, not once per repetition (a single pattern for the whole element was quadratic)."""
    found = []
    pos = 0
    while (script := _SCRIPT.search(text, pos)) is not None:
        tag_end = text.find(">", script.end())
        if tag_end < 0:
            break
        end = _SCRIPT_END.search(text, tag_end + 1)
        if end is None:
            break
        if _JSON_TYPE.search(text, script.end(), tag_end):
            found.append((script.start(), text[tag_end + 1 : end.start()]))
        pos = end.end()
    return found


def _json_problem(text: str) -> str | None:
    try:
        json.loads(text)
    except ValueError as err:
        return str(err)
    except RecursionError:
        return "nested too deeply"
    return None


def _in_tag(text: str, pos: int) -> bool:
    """Whether `pos` (an id=" in `text`) is an attribute: after whitespace, inside a tag."""
    if pos == 0 or text[pos - 1] not in " \t\n/\"'":
        return False
    start = max(0, pos - _TAG_REACH)
    return text.rfind("<", start, pos) > text.rfind(">", start, pos)


def check_xml(text: str) -> list[tuple[int | None, str]]:
    try:
        ET.fromstring(text.encode("utf-8"))  # our own output: no DTD, no entities to expand
    except ET.ParseError as err:
        return [(err.position[0], f"is not well-formed XML: {err}")]
    return []


def check_json(text: str) -> list[tuple[int | None, str]]:
    problem = _json_problem(text)
    return [(None, f"is not valid JSON: {problem}")] if problem else []


def check_csv(text: str) -> list[tuple[int | None, str]]:
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as err:
        return [(None, f"is not valid CSV: {err}")]
    if not rows:
        return [(None, "is empty")]
    width = len(rows[0])
    for number, row in enumerate(rows[1:], 2):
        if len(row) != width:
            return [(number, f"row {number} has {len(row)} cells, the header {width}")]
    return []


def check_png(data: bytes) -> list[str]:
    from PIL import Image  # only where there are images to check

    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.verify()
    except Exception as err:  # Pillow raises many kinds for a broken file
        return [f"is not a valid PNG ({type(err).__name__}): a fault in the code that drew it"]
    return []


_CHECKERS = {
    ".html": check_html,
    ".xml": check_xml,
    ".svg": check_xml,
    ".json": check_json,
    ".csv": check_csv,
    ".png": check_png,
}
