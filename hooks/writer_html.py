"""A writer's HTML in a page: only what an article needs, nothing live. Two parts, one allow-list:

- `html_problems` reads a page's Markdown and names, at its line and column, every tag,
  attribute (raw HTML and attr_list's `{: ...}`) and address that the allow-list refuses, so
  the writer learns what to change and the build fails;
- `sanitised` passes the page's HTML, once Markdown has made it, through nh3 (the binding of
  ammonia, a maintained Rust allow-list sanitiser: it parses as a browser does, so no
  spelling of a tag, attribute or address slips past a pattern) with the same allow-list, as
  defence in depth. The site's own generated pieces are put back after it, untouched.

Knows nothing of MkDocs.
"""

from __future__ import annotations

import bisect
import html
import re

import nh3

from markdown_scan import code_spans, comments, fenced_code, inside, line_starts
from survey_data import Problem
from survey_data.errors import quote
from survey_data.front_matter import body_start

# What Markdown, its extensions and a writer's figure or aside need; nothing that runs
# (script, object, iframe, form...), styles (style) or hides the rest of a page (template,
# dialog, details, noscript, textarea, select...).
_WORDS = (
    "a abbr aside b blockquote br caption cite code col colgroup dd del dfn div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub sup table tbody td "
    "tfoot th thead time tr u ul var wbr"
)
TAGS = frozenset(_WORDS.split())
EVERY_TAG = frozenset({"class", "id", "title", "lang", "dir"})
ATTRIBUTES = {
    "*": EVERY_TAG,
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})  # and addresses within the site
# An id or a class is a name: the engine copies a heading's id, unescaped, into the table of
# contents and the theme's skip link, so it may hold nothing else.
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,99}")
NAMED = frozenset({"id", "class"})
ADDRESSES = frozenset({"href", "src", "cite"})
MD_IN_HTML = "markdown"  # md_in_html's own attribute, which it removes

MAX_PROBLEMS = 20

# A tag as a browser reads one: "<" and a letter (so "a < b" and "(< 53%)" are text), then its
# attributes, whose quoted values may hold "<" and ">", up to its ">". Autolinks
# (<https://...>, <a@b.c>) are not tags.
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_TAG_STOP = re.compile(r"""[>"']""")
_ATTRIBUTE = re.compile(r"""([^\s"'=<>`/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# attr_list: "{: #id .class key=value }" after a block, or "{ ... }" after an inline element.
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*=[^{}\n]*|[#.][^{}\n]*)\}")
# Markdown's own addresses: a link's or an image's "](address", and a reference "[id]: address".
_MD_ADDRESS = re.compile(r"\]\(\s*<?([^\s)>]+)|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.M)
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*)\s*:")


def _refused_address(value: str) -> str | None:
    """The scheme of an address the site may not link to, or None. Browsers ignore tabs,
    line breaks and leading controls in a scheme ("jav&#9;ascript:"): they are taken out first."""
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(value))
    found = _SCHEME.match(plain)
    if found and found.group(1).lower() not in URL_SCHEMES:
        return found.group(1).lower()
    return None


def html_problems(page: str, markdown: str) -> list[Problem]:
    """Every tag, attribute and address in the page's raw HTML and attr_list blocks that the
    allow-list refuses, at its line and column (code, comments and placeholders aside)."""
    code = fenced_code(markdown)
    code_at = inside(code)
    skipped = sorted([*code, *comments(markdown, lambda pos: code_at(pos) is not None), *code_spans(markdown)])
    skipped_at = inside(skipped)
    starts = line_starts(markdown)
    body = body_start(markdown)  # front matter is text, escaped where it is shown
    problems: list[Problem] = []

    def add(pos: int, found: str, message: str) -> bool:
        """Records a problem; False once there are enough to stop."""
        line = bisect.bisect(starts, pos)
        problems.append(Problem(page, line, pos - starts[line - 1] + 1, quote(found, 60), message))
        return len(problems) < MAX_PROBLEMS

    for start, closing, name, attributes, offset in _tags(markdown, body):
        if skipped_at(start) is not None or attributes[:1] in (":", "@") or "@" in name:
            continue
        name = name.lower()
        if name not in TAGS and not closing:  # said once, at the opening tag
            add(
                start,
                f"<{name}",
                f"<{name}> is HTML a page may not hold: pages keep to text, links, images, lists, tables, figures "
                "and quotes, and nothing that runs a script or hides the page; remove it, or write it in Markdown",
            )
        elif name in TAGS and not closing:
            _check_attributes(name, attributes, offset, add)
        if len(problems) >= MAX_PROBLEMS:
            return problems[:MAX_PROBLEMS]
    for address in _MD_ADDRESS.finditer(markdown, body):
        value = address.group(1) or address.group(2)
        if skipped_at(address.start()) is None and (scheme := _refused_address(value)) is not None:
            start = address.start(1) if address.group(1) else address.start(2)
            message = f"an address starting '{scheme}:', which a page may not link to; use an https:// address or a "
            if not add(start, value, message + "page of the site"):
                return problems
    unclosed = _unclosed_comment(markdown, body, lambda pos: skipped_at(pos) is not None)
    if unclosed is not None:
        add(unclosed, "<!--", "a comment that is never closed hides the rest of the page; end it with '-->'")
    for block in _ATTR_LIST.finditer(markdown, body):
        if skipped_at(block.start()) is not None:
            continue
        _check_attributes("*", block.group(1), block.start(1), add, attr_list=True)
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems[:MAX_PROBLEMS]


def _tags(text: str, start: int):
    """(start, closing, name, attributes' text, where it starts) for each tag from `start`.
    One pass: every search begins where the last one ended, and a quoted value is skipped
    whole, so no text is read twice however the tags and quotes are arranged."""
    pos = start
    while (tag := _TAG_START.search(text, pos)) is not None:
        pos = tag.end()
        while (stop := _TAG_STOP.search(text, pos)) is not None and stop.group(0) != ">":
            close = text.find(stop.group(0), stop.end())
            if close < 0:  # a quote never closed: the tag runs to the end
                pos = len(text)
                break
            pos = close + 1
        else:
            pos = stop.end() if stop is not None else len(text)
        end = pos - 1 if pos <= len(text) and text[pos - 1 : pos] == ">" else pos
        yield tag.start(), bool(tag.group(1)), tag.group(2), text[tag.end() : end], tag.end()


def _unclosed_comment(text: str, start: int, in_code) -> int | None:
    """Where a writer's comment opens that never closes (not a placeholder, not in code)."""
    pos = start
    while (opened := text.find("<!--", pos)) >= 0:
        if in_code(opened) or text.startswith("<!-- data:", opened) or text.startswith("<!--data:", opened):
            pos = opened + 4
            continue
        closed = text.find("-->", opened + 4)
        if closed < 0:
            return opened
        pos = closed + 3
    return None


def _check_attributes(tag: str, text: str, offset: int, add, attr_list: bool = False) -> None:
    """Calls add(position, text, message) for each attribute of `text` the allow-list
    refuses, until it returns False."""
    allowed = EVERY_TAG | ATTRIBUTES.get(tag, set()) | ({MD_IN_HTML} if not attr_list else set())
    if attr_list:
        allowed |= ADDRESSES  # an attr_list may follow a link or an image
    for attribute in _ATTRIBUTE.finditer(text):
        name = attribute.group(1).lower()
        value = (attribute.group(2) or "").strip("\"'")
        if attr_list and name[:1] in ("#", "."):
            name, value = ("id" if name[0] == "#" else "class"), attribute.group(1)[1:]
        if name in NAMED and not all(NAME.fullmatch(word) for word in value.split() or [""]):
            more = add(
                offset + attribute.start(),
                attribute.group(0),
                f"an {name} is a name: letters, digits, '-' and '_', starting with a letter; rename it",
            )
        elif name not in allowed:
            more = add(
                offset + attribute.start(),
                attribute.group(0),
                f"the attribute '{name}' may not be set here: no event handlers (on...), styles or hiding; "
                f"allowed on <{tag}>: {', '.join(sorted(allowed - {MD_IN_HTML}))}; remove it"
                if tag != "*"
                else f"the attribute '{name}' may not be set: no event handlers (on...), styles or hiding; remove it",
            )
        elif name in ADDRESSES and (scheme := _refused_address(value)) is not None:
            more = add(
                offset + attribute.start(),
                attribute.group(0),
                f"an address starting '{scheme}:', which a page may not link to; use an https:// address or a "
                "page of the site",
            )
        else:
            continue
        if not more:
            return


# The site's own pieces stand in the HTML as comments (<!--survey-block-N-->) while it is
# sanitised: they are swapped for text the sanitiser keeps, and back.
_TOKEN = re.compile(r"<!--(survey-(?:block|late)-\d+)-->")
_KEPT = re.compile("\ue000(survey-(?:block|late)-\\d+)\ue001")


def sanitised(html: str) -> str:
    """The page's HTML with everything outside the allow-list taken out (comments too: an
    unclosed one would hide the rest of the page); the site's own tokens kept."""
    kept = _TOKEN.sub("\ue000\\1\ue001", html)
    clean = nh3.clean(
        kept,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,  # a writer's links stay as written
        strip_comments=True,
    )
    return _KEPT.sub("<!--\\1-->", clean)


_ANCHOR = re.compile(r"[^\s\"'<>&`=]+")


def unsafe_anchors(toc) -> list[str]:
    """The ids of a page's table of contents (the engine's, from its headings) that the theme
    could not print unescaped: anything but a run of plain characters. Defence in depth
    behind html_problems, which refuses such an id where the writer typed it."""
    found, stack = [], list(toc or [])
    while stack:
        item = stack.pop()
        if not _ANCHOR.fullmatch(str(getattr(item, "id", "") or "x")):
            found.append(str(item.id))
        stack.extend(getattr(item, "children", []) or [])
    return found
