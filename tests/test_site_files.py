"""The built site describes itself and shares its data: head tags, JSON-LD, sitemap,
robots.txt, 404, RSS feed, CSV/JSON downloads, methodology and citation. And it is private:
nothing in it loads from another origin."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from conftest import FIXTURES, ROOT, build, make_site
from htmlread import Text

from survey_data import load_dataset

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is not set
ARTICLE = "articles/social-healthcare-how-do-you-stack-up/index.html"
ARTICLE_URL = SITE_URL + "articles/social-healthcare-how-do-you-stack-up/"


class Head(HTMLParser):
    """<meta>, <link> and JSON-LD of a page, and every resource it would load."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.resources: list[str] = []
        self.json_ld: list[str] = []
        self._in_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content", "")
        if tag == "link":
            self.links.append(attrs)
            if attrs.get("rel") not in {"canonical", "alternate"}:
                self.resources.append(attrs.get("href", ""))
        if "src" in attrs:
            self.resources.append(attrs["src"])
        if "srcset" in attrs:
            self.resources += [part.split()[0] for part in attrs["srcset"].split(",") if part.strip()]
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return url.startswith("data:") or (not parts.scheme and not parts.netloc) or url.startswith(SITE_URL)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# ---- private ---------------------------------------------------------------------------------


def test_no_page_loads_anything_from_another_origin(project_build):
    pages = html_pages(project_build.site)
    assert len(pages) >= 3
    for page in pages:
        head = Head(page.read_text(encoding="utf-8"))
        assert head.resources, page
        offsite = [r for r in head.resources if not same_origin(r)]
        assert offsite == [], f"{page}: {offsite}"


def test_no_stylesheet_imports_from_another_origin(project_build):
    sheets = sorted(project_build.site.rglob("*.css"))
    assert sheets
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+(?:url\()?['\"]?([^'\");]+)", css)
        offsite = [u for u in urls if not same_origin(u.strip())]
        assert offsite == [], f"{sheet}: {offsite}"


def test_the_static_check_catches_offsite_resources():
    head = Head('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><img srcset="//cdn.x/a.png 2x">')
    assert [r for r in head.resources if not same_origin(r)] == ["https://fonts.googleapis.com/css", "//cdn.x/a.png"]


# ---- described -------------------------------------------------------------------------------


def test_every_page_has_description_canonical_and_social_tags(project_build):
    for page, url, kind in [
        ("index.html", SITE_URL, "website"),
        (ARTICLE, ARTICLE_URL, "article"),
    ]:
        head = Head(project_build.page(page))
        assert len(head.meta["description"]) > 40
        canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert canonical == [url]
        assert head.meta["og:url"] == url
        assert head.meta["og:type"] == kind
        assert head.meta["og:site_name"] == "Social Healthcare"
        assert head.meta["og:description"] == head.meta["description"] == head.meta["twitter:description"]
        assert head.meta["og:title"] == head.meta["twitter:title"]
        # An article shows its share card large; a page without one, a text card.
        assert head.meta["twitter:card"] == ("summary_large_image" if kind == "article" else "summary")
        feed = [link["href"] for link in head.links if link.get("type") == "application/rss+xml"]
        assert [urljoin(url, href) for href in feed] == [SITE_URL + "feed.xml"]
        assert not feed[0].startswith("http")  # relative: a copy served elsewhere asks no other origin


def test_article_description_and_json_ld_come_from_front_matter_and_data(project_build):
    head = Head(project_build.page(ARTICLE))
    assert head.meta["description"].startswith("Reports that scold healthcare providers")
    assert head.meta["og:title"] == "Social Healthcare: How Do You Stack Up?"
    (ld,) = [json.loads(text) for text in head.json_ld]
    assert ld == {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": "Social Healthcare: How Do You Stack Up?",
        "description": head.meta["description"],
        "mainEntityOfPage": ARTICLE_URL,
        "publisher": {"@type": "Organization", "name": "Social Healthcare"},
        "author": {"@type": "Person", "name": "Rob Lovitt"},
        "image": SITE_URL + "cards/articles/social-healthcare-how-do-you-stack-up.png",
    }  # no datePublished: the source gives no date, and none is invented


def test_a_dated_article_has_date_published(tmp_path):
    fiction = FIXTURES / "fictional-site"
    result = build(make_site(tmp_path, docs=fiction / "docs", data=fiction / "data"))
    assert result.returncode == 0, result.output
    head = Head(result.page("articles/lunar-messaging/index.html"))
    (ld,) = [json.loads(text) for text in head.json_ld]
    assert ld["datePublished"] == "2024-02-01"
    assert head.meta["article:published_time"] == "2024-02-01"
    feed = ET.fromstring(result.page("feed.xml"))
    assert feed.findtext("channel/item/pubDate") == "Thu, 01 Feb 2024 12:00:00 +0000"


def test_sitemap_robots_and_404(project_build):
    sitemap = ET.fromstring(project_build.page("sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert {loc.text for loc in sitemap.findall("s:url/s:loc", ns)} == {SITE_URL, ARTICLE_URL, SITE_URL + "archive/"}
    assert project_build.page("robots.txt") == f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n"
    not_found = project_build.page("404.html")
    assert "Page not found" in Text(not_found).text
    assert 'class="md-header' in not_found  # the site's own header and style
    not_found_head = Head(not_found)
    assert "robots" not in not_found_head.meta  # hosts serve it with status 404
    assert not [link for link in not_found_head.links if link.get("rel") == "canonical"]
    assert len(not_found_head.meta["description"]) > 40


def test_rss_feed_lists_the_articles(project_build):
    channel = ET.fromstring(project_build.page("feed.xml")).find("channel")
    assert channel.findtext("title") == "Social Healthcare"
    items = channel.findall("item")
    assert [(i.findtext("title"), i.findtext("link")) for i in items] == [
        ("Social Healthcare: How Do You Stack Up?", ARTICLE_URL)
    ]
    assert items[0].findtext("description").startswith("Reports that scold")
    assert items[0].findtext("{http://purl.org/dc/elements/1.1/}creator") == "Rob Lovitt"
    assert items[0].find("pubDate") is None


# ---- reusable --------------------------------------------------------------------------------


PACKAGE = "data/ubm-social-healthcare/datapackage.json"


def expected_rows(question_id: str | None = None) -> list[dict[str, str]]:
    """Every published figure from the data file, plus the remainder the source left unreported."""
    survey = load_dataset(ROOT).surveys["ubm-social-healthcare"]
    rows = []
    for q in survey.questions:
        if question_id not in (None, q.id):
            continue
        common = {
            "survey": "ubm-social-healthcare",
            "question_id": q.id,
            "question_title": q.title,
            "question_wording": "",  # the source reports none
            "kind": q.kind,
            "base": "",  # not reported
            "sample_size": "",  # not reported
        }
        total = sum(a.percent for a in q.answers)
        unreported = q.kind == "single" and total < 100 - 0.5 * len(q.answers)
        common["not_reported"] = f"{100 - total:g}" if unreported else ""
        rows += [
            {
                **common,
                "answer_id": a.id,
                "answer": a.label,
                "answer_detail": a.detail or "",
                "percent": f"{a.percent:g}",
            }
            for a in q.answers
        ]
    return rows


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_survey_csv_and_each_question_csv_hold_every_figure(project_build):
    rows = _csv(project_build.page("data/ubm-social-healthcare/ubm-social-healthcare.csv"))
    assert rows == expected_rows()
    assert len(rows) == 15  # one row per answer: what the source leaves out is never a row of its own
    # The effectiveness question leaves 14% unreported: its own column, on that question's rows.
    assert {(r["question_id"], r["not_reported"]) for r in rows if r["not_reported"]} == {("effectiveness", "14")}
    for question in ("presence", "effectiveness", "uses", "investment"):
        text = project_build.page(f"data/ubm-social-healthcare/questions/{question}.csv")
        assert _csv(text) == expected_rows(question)


def test_data_package_describes_source_method_and_licence(project_build):
    package = json.loads(project_build.page(PACKAGE))
    assert package["profile"] == "tabular-data-package"
    assert package["sources"] == [  # no report title or link in the source
        {"title": "UBM Tech"},
        {"title": "Figures as reported in Social Healthcare: How Do You Stack Up?, by Rob Lovitt"},
    ]
    assert "licenses" not in package and "Licence: not stated in the source." in package["description"]
    items = package["disclosure"]["items"]
    assert items["Conducted by"] == "UBM Tech"
    assert [k for k, v in items.items() if v != "not reported in the source"] == ["Conducted by"]
    assert package["disclosure"]["base"] == "not reported in the source"
    paths = [r["path"] for r in package["resources"]]
    assert paths == ["ubm-social-healthcare.csv"] + [
        f"questions/{q}.csv" for q in ("presence", "effectiveness", "uses", "investment")
    ]
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["percent"]["type"] == "number" and "percent" in fields["percent"]["description"]
    assert list(fields) == list(_csv(project_build.page("data/ubm-social-healthcare/ubm-social-healthcare.csv"))[0])


def test_every_benchmark_links_to_its_own_files_and_they_exist(project_build):
    html = project_build.page(ARTICLE)
    blocks = re.findall(r'<p class="benchmark__downloads">.*?</p>', html, re.S)
    assert len(blocks) == 4
    for question, block in zip(("presence", "effectiveness", "uses", "investment"), blocks, strict=True):
        hrefs = re.findall(r' href="([^"]+)"', block)
        targets = [urljoin(ARTICLE_URL, href).removeprefix(SITE_URL) for href in hrefs]
        assert targets == [
            f"data/ubm-social-healthcare/questions/{question}.csv",
            f"data/ubm-social-healthcare/charts/{question}.svg",
            f"data/ubm-social-healthcare/charts/{question}.png",
            PACKAGE,
        ]
        assert all((project_build.site / target).is_file() for target in targets)


def test_methodology_and_citation(project_build):
    text = Text(project_build.page(ARTICLE)).text
    assert "Methodology and source" in text
    # The count and the list agree: 13 items, of which the source reports one.
    assert "The source reports 1 of these 13 items (eleven of them are those the AAPOR Transparency Initiative" in text
    missing = text.split("Not reported in the source: ", 1)[1].split(".")[0].split(", ")
    assert len(missing) == 12
    for item in (
        "Sponsor",
        "Who was asked (population)",
        "How the sample was drawn",
        "Number of respondents",
        "Fieldwork dates",
        "Weighting",
        "Margin of sampling error",
        "Question wording",
        "Original report",
        "Whom the percentages are of (the base)",
        "Licence of the figures",
    ):
        assert item[0].lower() + item[1:] in missing, item
    assert "Conducted by UBM Tech" in text
    assert "all respondents" not in text and "rounded" not in text
    assert (
        "Cite this: UBM Tech, UBM Tech survey on social media in healthcare, as reported in Social Healthcare: "
        f"How Do You Stack Up?, by Rob Lovitt. Social Healthcare, {ARTICLE_URL}. "
        f"Data: {SITE_URL}{PACKAGE}. The source links to no original report, so this citation points to this page."
    ) in text


OWN_ASSETS_BUDGET = 12 * 1024  # gzip bytes of the project's own CSS and JS, on top of Material's
# (12 KiB since the charts became the self-assessment's control, with its summary table)


def test_own_css_and_js_within_budget():
    import gzip

    own = [ROOT / "overrides/assets/stylesheets/site.css", ROOT / "overrides/assets/javascripts/where-are-you.js"]
    assert sorted(p.relative_to(ROOT / "overrides") for p in (ROOT / "overrides/assets").rglob("*.*")) == sorted(
        p.relative_to(ROOT / "overrides") for p in own
    ), "a new asset: add it to the budget"
    total = sum(len(gzip.compress(p.read_bytes(), compresslevel=9, mtime=0)) for p in own)
    assert total <= OWN_ASSETS_BUDGET, total


def test_a_writers_file_where_the_site_writes_its_own_is_refused(tmp_path):
    """robots.txt, feed.xml and the downloads are the site's: a writer's file of that name
    would be replaced silently (MkDocs only warns, with a stack trace)."""
    root = make_site(tmp_path)
    (root / "docs/data/ubm-social-healthcare").mkdir(parents=True)
    (root / "docs/data/ubm-social-healthcare/ubm-social-healthcare.csv").write_text("a,b\n1,2\n")
    result = build(root)
    assert result.returncode != 0
    assert (
        "docs/data/ubm-social-healthcare/ubm-social-healthcare.csv: the site writes this file itself (see README.md); "
        "remove or rename yours"
    ) in result.output
    assert "Traceback" not in result.output and "warnings.warn" not in result.output
