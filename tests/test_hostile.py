"""Hostile and broken input: payloads in every text field stay text everywhere they appear;
oversized, deeply nested, alias-bomb and badly encoded files are refused at once, with a
clear message and bounded memory."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from conftest import FIXTURES, ROOT, build, make_site
from hostile import PAYLOADS, hostile_site, strings_in
from htmlread import Text

from survey_data import load_dataset

ARTICLE = "articles/lunar-messaging/index.html"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = hostile_site(tmp_path_factory.mktemp("hostile"))
    result = build(root)
    assert result.returncode == 0, result.output
    return root, result


class Elements(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attrs))
        if tag == "script":
            self._script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def normal(text: str) -> str:
    return " ".join(text.split())


def test_no_markup_from_data_becomes_markup(hostile):
    _, result = hostile
    for page in ["index.html", ARTICLE, "404.html"]:
        parsed = Elements(result.page(page))
        assert not [a for t, a in parsed.elements if any(k.startswith("on") for k in a)], page
        assert not [t for t, a in parsed.elements if t in {"img", "b"} and "src" in a and a["src"] == "x"]
        assert not [t for t, _ in parsed.elements if t == "bb"], page  # "<bb>tags</bb>" stays text
        for attrs, code in parsed.scripts:
            if "alert(1)" in code:  # only inside data blocks, as data
                assert attrs.get("type") in {"application/json", "application/ld+json"}, (page, attrs)
        hrefs = [a.get("href", "") for _, a in parsed.elements]
        assert not [h for h in hrefs if h.lower().startswith("javascript:")], page


def test_every_payload_shows_as_text_on_the_article(hostile):
    root, result = hostile
    text = Text(result.page(ARTICLE)).text
    for payload in strings_in(root):
        assert normal(payload) in text, payload


def test_payloads_survive_in_meta_tags_json_ld_feed_and_downloads(hostile):
    root, result = hostile
    html = result.page(ARTICLE)
    parsed = Elements(html)
    meta = {a.get("property") or a.get("name"): a.get("content") for t, a in parsed.elements if t == "meta"}
    assert meta["og:title"] == PAYLOADS[2]
    assert meta["description"] == meta["og:description"] == PAYLOADS[1]
    (ld,) = [json.loads(code) for attrs, code in parsed.scripts if attrs.get("type") == "application/ld+json"]
    assert ld["headline"] == PAYLOADS[2]
    assert "</script>" not in re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    # The charts' rows (the reader's choices) carry the lines in attributes: read back as text,
    # with each row's answer id; the labels are the rows' own text.
    rows = [a for t, a in parsed.elements if t == "tr" and "data-answer" in a]
    assert len(rows) > 1 and all(a["data-answer"] and "<" not in a.get("data-result", "") for a in rows)
    labels = {a.label for q in load_dataset(root).surveys["lunar-clinics"].questions for a in q.answers}
    assert len(labels) > 1 and labels <= strings_in(root)
    feed = ET.fromstring(result.page("feed.xml"))
    assert feed.findtext("channel/item/title") == PAYLOADS[2]
    cells = {r["answer"] for r in csv.DictReader(io.StringIO(result.page("data/lunar-clinics/lunar-clinics.csv")))}
    assert {c.removeprefix("'") for c in cells} - {"Not reported in the source"} == labels
    package = json.loads(result.page("data/lunar-clinics/datapackage.json"))
    assert package["title"] in strings_in(root)
    # The standalone charts hold the labels as SVG text, read back the same.
    for svg in (result.site / "data/lunar-clinics/charts").glob("*.svg"):
        root_element = ET.fromstring(svg.read_text(encoding="utf-8"))
        assert root_element.findtext("{http://www.w3.org/2000/svg}title") in strings_in(root)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<script>" not in title and "&lt;/script&gt;&lt;script&gt;" in title


def test_a_csv_cell_that_spreadsheets_would_run_is_made_text(tmp_path):
    fiction = FIXTURES / "fictional-site"
    root = make_site(tmp_path, docs=fiction / "docs", data=fiction / "data")
    survey = root / "data/surveys/lunar-clinics.yml"
    survey.write_text(survey.read_text().replace("label: Apps", 'label: "=HYPERLINK(1)"'))
    result = build(root)
    assert result.returncode == 0, result.output
    assert "'=HYPERLINK(1)" in result.page("data/lunar-clinics/lunar-clinics.csv")
    assert "'=HYPERLINK(1)" in result.page("data/lunar-clinics/questions/channels.csv")


# ---- limits ----------------------------------------------------------------------------------

SURVEY = "data/surveys/ubm-social-healthcare.yml"
MEMORY_CAP = 1536 * 1024 * 1024  # the build runs in 1.5 GiB of address space, or dies
PUBLISHER_LINE = (ROOT / SURVEY).read_text(encoding="utf-8").splitlines().index("  publisher: UBM Tech") + 1


def limited_build(root):
    """A real strict build, capped in memory and time: a hang or a blow-up fails the test."""
    result = build(root, memory_cap=MEMORY_CAP, timeout=60)
    print(f"finished in {result.seconds:.2f}s")
    return result.returncode, result.output


BILLION_LAUGHS = "title: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"k{i}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "billion-laughs",
            BILLION_LAUGHS,
            f"{SURVEY}:1:8: an alias (*name) repeats the value marked here with an anchor (&name); "
            "data files may not use anchors and aliases: write the value out",
        ),
        (
            "fifty-megabytes",
            "title: x\n" + "# padding\n" * 5_000_000,
            f"{SURVEY}: the file is 50,000,009 bytes; a data file may be at most 1,048,576 bytes: split or trim it",
        ),
        (
            "ten-thousand-levels",
            "title: " + "[" * 10_000 + "]" * 10_000 + "\n",
            re.compile(rf"{SURVEY}:1:\d+: nested more than 12 levels deep; no data file needs that many$"),
        ),
        (
            "one-megabyte-line",
            "title: " + "x" * 1_000_000 + "\nsource: {publisher: P}\nquestions: []\n",
            f"{SURVEY}:1:8: title: is too long: 1,000,000 characters, at most 1,000; shorten it",
        ),
        (
            "utf-16",
            "title: x\n".encode("utf-16"),
            f"{SURVEY}:1:1: saved as UTF-16 text, not UTF-8; save the file again as UTF-8",
        ),
        (
            "invalid-bytes",
            b"title: \xff\xfe\n",
            f"{SURVEY}:1:8: not UTF-8 text: byte 0xFF ('ÿ' in Windows-1252 or Latin-1) "
            "was saved in another encoding; save the file as UTF-8 (and retype the character if it then looks wrong)",
        ),
        (
            "javascript-url",
            None,
            f"{SURVEY}:{PUBLISHER_LINE + 1}:8: source.url: must be a full https:// address; got 'javascript:alert(1)'",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "",
)
def test_hostile_file_is_refused_quickly_with_a_clear_message(tmp_path, name, content, expected):
    root = make_site(tmp_path)
    target = root / SURVEY
    if content is None:
        text = target.read_text(encoding="utf-8")
        target.write_text(
            text.replace("  publisher: UBM Tech\n", "  publisher: UBM Tech\n  url: javascript:alert(1)\n")
        )
    elif isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    code, output = limited_build(root)
    assert code == 1, output[-2000:]
    assert "Traceback" not in output and "MemoryError" not in output
    if isinstance(expected, re.Pattern):  # where LibYAML stops depends on its own depth limit
        assert any(expected.search(line) for line in output.splitlines()), output[-2000:]
    else:
        assert any(line.endswith(expected) for line in output.splitlines()), output[-2000:]


def test_bom_and_crlf_are_accepted(tmp_path):
    root = make_site(tmp_path)
    target = root / SURVEY
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes().replace(b"\n", b"\r\n"))
    code, output = limited_build(root)
    assert code == 0, output
