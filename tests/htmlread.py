"""Read a built page with a real HTML parser (the standard library's), for assertions."""

from __future__ import annotations

from html.parser import HTMLParser


class BenchmarkRows(HTMLParser):
    """{row id: (answer cell text, percent cell text)} for every benchmark table row, in page
    order, and the benchmarks' headings."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, tuple[str, str]] = {}
        self.headings: list[str] = []
        self._row: str | None = None
        self._cells: list[str] = []
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and (attrs.get("id") or "").startswith("benchmark--"):
            self._row, self._cells = attrs["id"], []
        elif tag in {"th", "td"} and self._row:
            self._cell = []
        elif "benchmark__title" in (attrs.get("class") or "").split():
            self._heading = []

    def handle_endtag(self, tag):
        if tag in {"th", "td"} and self._cell is not None:
            self._cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row:
            self.rows[self._row] = tuple(self._cells)
            self._row = None
        elif tag in {"h2", "h3", "h4", "h5", "h6"} and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            self._heading.append(data)


INLINE = {"a", "abbr", "b", "code", "em", "i", "small", "span", "strong", "sub", "sup", "time", "tspan"}


class Text(HTMLParser):
    """The text of a page as a reader meets it: whitespace collapsed, a space between
    blocks (cells, list items, paragraphs), none inside a line of inline markup."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skip = 0
        self.feed(html)
        self.text = " ".join("".join(self._parts).split())

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag not in INLINE:
            self._parts.append(" ")

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1
        elif tag not in INLINE:
            self._parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self._parts.append(data)
