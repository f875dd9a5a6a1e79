"""An article's share card (og:image): a real 1200x630 PNG within budget, wired into the
head tags, drawn from the article's own title, standfirst and lead benchmark; and the
article page's header and the 404 page, as built."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT, build, make_site
from htmlread import Text
from PIL import Image

from survey_render.share_card import Card, CardBar, LeadChart, _font, draw_card, wrap

ARTICLE = "articles/social-healthcare-how-do-you-stack-up/index.html"
CARD = "cards/articles/social-healthcare-how-do-you-stack-up.png"
MAX_CARD_BYTES = 100 * 1024


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(make_site(tmp_path_factory.mktemp("cards")), site_url="https://example.org/sh/")
    assert result.returncode == 0, result.output
    return result


def _meta(html: str, key: str) -> str:
    found = re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    assert len(found) == 1, (key, found)
    return found[0]


def test_article_head_points_at_its_card(site):
    html = site.page(ARTICLE)
    assert _meta(html, "og:image") == "https://example.org/sh/" + CARD
    assert (_meta(html, "og:image:width"), _meta(html, "og:image:height")) == ("1200", "630")
    assert _meta(html, "twitter:card") == "summary_large_image"
    alt = _meta(html, "og:image:alt")
    # The alt says what the card shows: the title and the lead chart's figures, from data.
    assert alt.startswith("Social Healthcare: How Do You Stack Up? Reports that scold")
    assert "Chart, Social media presence: A good deal of activity: 47%; Some presence: 53%." in alt
    assert _meta(html, "og:image:type") == "image/png"
    # The home page has no card of its own: a text card, honestly.
    assert _meta(site.page("index.html"), "twitter:card") == "summary"


def test_card_is_a_1200x630_png_within_budget(site):
    data = (site.site / CARD).read_bytes()
    assert len(data) <= MAX_CARD_BYTES, len(data)
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert image.info.keys() <= {"transparency"}  # no text chunk, no timestamp
    # It is drawn, not blank: the bars' colour and the text's are both there.
    colours = {c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 16)}
    assert (57, 73, 171) in colours and (33, 33, 33) in colours


def test_same_card_bytes_from_two_cold_builds(tmp_path, site):
    """A second build in another folder (no cache shared) draws the same bytes."""
    again = build(make_site(tmp_path), site_url="https://example.org/sh/")
    assert again.returncode == 0, again.output
    assert (again.site / CARD).read_bytes() == (site.site / CARD).read_bytes()
    assert not (ROOT / "docs" / ".cache").exists()


def test_card_draws_any_text_the_schema_accepts():
    """Long words, right-to-left and combining text, missing glyphs, a hundred bars: a valid
    PNG of the same size, within budget, every time."""
    hostile = [
        Card("S" * 500, "W" * 2000, "x " * 3000, "Source: " + "ق" * 300, None),
        Card("Site", "ﷺ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🩺 e\u0301\u0301\u0301", "עברית العربية", "", None),
        Card(
            "Site",
            "Title",
            "Standfirst",
            "Source",
            LeadChart("Q" * 400, tuple(CardBar("A" * 300, p) for p in (0, 0.000001, 100, 99.5, 3)), more=95),
        ),
    ]
    for card in hostile:
        data = draw_card(card)
        image = Image.open(io.BytesIO(data))
        assert image.size == (1200, 630) and len(data) <= MAX_CARD_BYTES


def test_wrap_keeps_every_line_inside_its_width():
    font = _font(24)
    lines = wrap("a " * 50 + "b" * 400 + " the end", font, 300, 3)
    assert len(lines) == 3
    assert all(font.getlength(line) <= 300 for line in lines)
    assert lines[-1].endswith("…")
    assert wrap("Short title", font, 300, 3) == ["Short title"]


def test_article_header_comes_before_the_first_figure(site):
    html = site.page(ARTICLE)
    article = html[html.index('<div class="article" id="main-content">') :]
    h1, standfirst, byline = (
        article.index(s) for s in ("<h1>", "article-header__standfirst", "article-header__byline")
    )
    first_figure = article.index('class="benchmark')
    assert h1 < standfirst < byline < first_figure
    text = Text(article[:first_figure]).text
    assert "Reports that scold healthcare providers" in text
    assert "By Rob Lovitt" in text and "min read" in text
    # The byline links to the bio on the page; no date, because the front matter gives none.
    assert '<a href="#author-rob-lovitt">Rob Lovitt</a>' in article[byline:first_figure]
    assert "<time" not in article[:first_figure]
    # No documentation sidebar: Material's navigation and contents are hidden on an article.
    assert re.search(r'data-md-type="navigation" hidden', html)
    assert re.search(r'data-md-type="toc" hidden', html)


def test_not_found_page_leads_on(site):
    html = site.page("404.html")
    assert "Page not found" in html
    hrefs = re.findall(r'<a href="([^"]+)"', html[html.index('class="page-column"') :])
    # Links from the site's root: the 404 page is served at any depth.
    assert "/sh/" in hrefs
    assert "/sh/articles/social-healthcare-how-do-you-stack-up/" in hrefs
    assert 'data-md-component="search"' in html  # and Material's search box
