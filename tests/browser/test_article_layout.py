"""The article as a reader meets it in Chromium: a magazine layout (no documentation sidebar,
the header before the first figure), a home page of cards, a print edition that is light,
keeps each benchmark whole and cites itself, forced colours, and a 404 page with a way on.
Screenshots (test_pages.py) and the printed pages go to test-artifacts/ for a person to look at."""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest
from PIL import Image

from .conftest import SCREENSHOTS

ARTICLE = "/articles/social-healthcare-how-do-you-stack-up/"
PRINTS = SCREENSHOTS.parent / "print"


def test_home_lists_each_article_with_its_lead_chart(browser, site_url):
    page = browser.new_context().new_page()
    page.goto(site_url + "/")
    card = page.locator(".article-list > li").first
    # Title, byline, standfirst, then the lead chart, small: what it shows said in words (its
    # title, each bar's answer and figure, the source); the bars themselves drawing only.
    assert card.locator("h2 a").inner_text() == "Social Healthcare: How Do You Stack Up?"
    assert card.locator(".article-list__meta").inner_text() == "By Rob Lovitt"
    assert card.locator("svg.article-list__chart rect:not(.article-list__track)").count() == 2
    assert card.locator("svg.article-list__chart[aria-hidden=true]").count() == 2
    lead = card.locator(".article-list__lead")
    assert lead.is_visible()
    assert " ".join(lead.locator("figcaption").inner_text().split()) == "Social media presence Source: UBM Tech"
    labels = [" ".join(t.split()) for t in lead.locator(".article-list__bar-label").all_inner_texts()]
    assert labels == ["A good deal of activity 47%", "Some presence 53%"]
    page.context.close()


def test_article_has_no_sidebar_and_its_header_comes_first(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
    text = page.locator("div.article").bounding_box()
    assert text["x"] > 150 and abs((text["x"] + text["width"] / 2) - 640) < 40  # one column, centred
    boxes = [
        page.locator(selector).first.bounding_box()
        for selector in (".article h1", ".article-header__standfirst", ".article-header__byline", ".benchmark")
    ]
    tops = [box["y"] for box in boxes]
    assert tops == sorted(tops), tops
    # The title is the strongest text on the page: heavier and larger than a table's title.
    weight = page.evaluate("s => getComputedStyle(document.querySelector(s)).fontWeight", ".article h1")
    sizes = [
        page.evaluate("s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", s)
        for s in (".article h1", ".benchmark__title")
    ]
    assert int(weight) >= 700 and sizes[0] > 1.5 * sizes[1]
    context.close()


def _print(browser, url: str, scheme: str, answer: bool = False) -> pdfium.PdfDocument:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    if answer:
        page.locator('.benchmark[data-question="presence"] tbody label').first.click()
        page.wait_for_function("document.querySelector('.your-benchmark').classList.contains('has-answers')")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    return pdfium.PdfDocument(pdf)


def _pages_text(doc: pdfium.PdfDocument) -> list[str]:
    return [" ".join(page.get_textpage().get_text_range().split()) for page in doc]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_edition(browser, site_url, served_build, scheme):
    doc = _print(browser, site_url + ARTICLE, scheme)
    pages = _pages_text(doc)
    PRINTS.mkdir(parents=True, exist_ok=True)
    for stale in PRINTS.glob(f"article-{scheme}-page-*.png"):  # a longer earlier print's last pages
        stale.unlink()
    for number, page in enumerate(doc, 1):
        image = page.render(scale=1).to_pil().convert("RGB")
        image.save(PRINTS / f"article-{scheme}-page-{number}.png")
        # Always light: the corners (the page margin) and the page are white in both schemes.
        assert image.getpixel((3, 3)) == (255, 255, 255)
        assert image.getpixel((image.width // 2, image.height - 3)) == (255, 255, 255)
    whole = " ".join(pages)
    # It cites itself: its address, the author, the date (or that none is given), the source.
    assert f"This article: {site_url}{ARTICLE}" in whole
    assert "By Rob Lovitt. Publication date not given." in whole
    assert "Source: UBM Tech" in whole
    # The data's addresses are printed once, in the methodology (long addresses break across
    # lines); a printed copy has the charts already, so their download links are left out.
    compact = whole.replace(" ", "")
    data = f"{site_url}/data/ubm-social-healthcare"
    assert f"everyfigure(CSV)({data}/" in compact
    assert f"{data}/datapackage.json" in compact, compact[compact.find("(JSON)") - 80 :][:300]
    assert "chart(PNG)" not in compact
    # Not answered: one line says where to answer, and the choices are not printed.
    assert "To see where your organisation stands, pick its answers in the charts of this article online" in whole
    assert "Pick the answer that fits" not in whole and "needs JavaScript" not in whole
    # Each benchmark (heading, table with its bars, notes) sits whole on one printed page.
    html = served_build[0].page("articles/social-healthcare-how-do-you-stack-up/index.html")
    titles = re.findall(r'<h2 class="benchmark__title"[^>]*>([^<]+)</h2>', html)
    assert len(titles) == 4
    for title in titles:
        on = [i for i, text in enumerate(pages) if title in text]
        assert len(on) == 1, (title, on)
        block = html[html.index(f">{title}</h2>") :]
        last_row = re.findall(r'<th scope="row">([^<]+)', block[: block.index("</table>")])[-1].strip()
        text = pages[on[0]]
        after = text[text.index(title) :]
        assert last_row in after, (title, on, last_row)  # the whole table on the heading's page


def test_print_with_answers_prints_the_readers_benchmark(browser, site_url):
    pages = _pages_text(_print(browser, site_url + ARTICLE, "light", answer=True))
    whole = " ".join(pages)
    assert "Your benchmark" in whole
    assert "You have answered 1 of the 4 benchmarks on this page." in whole
    assert "pick its answers in the charts of this article online" not in whole
    assert "Copy the address" not in whole


def test_forced_colours_show_the_bars_and_the_takeaway_icon(browser, site_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(forced_colors="active", color_scheme="dark", viewport={"width": 900, "height": 900})
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    page.screenshot(path=str(SCREENSHOTS / "article-forced-colours.png"), full_page=True)
    # Chromium's forced palette on dark is white text on black: each bar is drawn in the text colour.
    canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for selector in (".benchmark__bar", ".takeaway > .admonition-title"):
        shot = Image.open(io.BytesIO(page.locator(selector).first.screenshot())).convert("RGB")
        colours = {c for _, c in shot.getcolors(maxcolors=1 << 20)}
        assert len(colours) > 1, (selector, canvas)  # something is drawn on the canvas
    bar = Image.open(io.BytesIO(page.locator(".benchmark__bar").first.screenshot())).convert("L")
    icon = page.evaluate(
        "() => getComputedStyle(document.querySelector('.takeaway > .admonition-title'), '::before').backgroundColor"
    )
    context.close()
    lit = sum(bar.histogram()[129:])
    assert lit > bar.width * bar.height * 0.2  # the bar is visible, not the background
    assert icon not in ("rgba(0, 0, 0, 0)", canvas)


def test_not_found_page_leads_home(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/404.html")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("input.md-search__input").count() == 1
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_load_state()
    assert page.url.rstrip("/") == site_url.rstrip("/")
    page.go_back()
    page.get_by_role("link", name="Social Healthcare: How Do You Stack Up?").click()
    page.wait_for_load_state()
    assert page.url.endswith(ARTICLE)
    context.close()


@pytest.mark.parametrize("path", ["/", ARTICLE, "/404.html"])
def test_phone_has_no_documentation_drawer_and_skip_link_leads_to_the_text(browser, site_url, path):
    """At 375 px Material would still show its navigation drawer; these pages have none. The
    first Tab stop is "Skip to content", and the next Tab after it lands in the text."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator('label.md-header__button[for="__drawer"]').is_visible()
    assert page.locator(".md-header__button.md-logo").is_visible()  # the way home
    assert not page.locator(".md-nav--primary").first.is_visible()
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent.trim()")
    assert skip == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    context.close()
