"""Every page of the built site in Chromium: nothing leaves 127.0.0.1; screenshots of the
article at phone and desktop width, light and dark, for a person to look at."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, build, make_site

from .conftest import SCREENSHOTS, Visit, serve

PAGES = ["/", "/articles/social-healthcare-how-do-you-stack-up/"]


def test_no_request_leaves_localhost_on_any_page(visit, served_build):
    site = served_build[0].site
    built = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    assert len(built) >= 2
    for path in built:
        url = f"{visit.origin}/{path.as_posix()}".removesuffix("index.html")
        visit.page.goto(url)
        visit.page.wait_for_load_state("networkidle")
    # the `visit` fixture asserts that every recorded request stayed on 127.0.0.1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", ["article", "home"])
def test_screenshot(browser, site_url, name, width, scheme):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + (PAGES[1] if name == "article" else PAGES[0]))
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    if name == "article":  # answer one question so the highlight shows in the picture
        page.locator('.benchmark[data-question="presence"] tbody label').first.click()
    path = SCREENSHOTS / f"{name}-{width}px-{scheme}.png"
    page.screenshot(path=str(path), full_page=True)
    context.close()
    assert path.stat().st_size > 5_000
    assert path.is_relative_to(ROOT)


def _rgba(colour: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", colour)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def over(colour: str, background: str) -> str:
    """A translucent colour as seen on an opaque background."""
    r, g, b, alpha = _rgba(colour)
    br, bg, bb, _ = _rgba(background)
    return f"rgb({r * alpha + br * (1 - alpha)}, {g * alpha + bg * (1 - alpha)}, {b * alpha + bb * (1 - alpha)})"


def _luminance(rgb: str) -> float:
    channels = [c / 255 for c in _rgba(rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_bar_colours_meet_contrast_in_both_schemes(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + PAGES[1])
    page.locator(".benchmark tbody label.pick__choice").first.click()  # one row becomes "yours"
    colours = page.evaluate(
        """() => {
          const style = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
          return {
            bg: getComputedStyle(document.body).backgroundColor,
            bar: style('tr:not(.is-you) .benchmark__bar rect:not(.benchmark__track)', 'fill'),
            you: style('tr.is-you .benchmark__bar rect:not(.benchmark__track)', 'fill'),
            track: style('.benchmark__track', 'fill'),
            label: style('.benchmark__table tbody th', 'color'),
            value: style('.benchmark__value', 'color'),
          };
        }"""
    )
    context.close()
    bg = colours["bg"]
    assert contrast(colours["bar"], bg) >= 3, colours
    assert contrast(colours["you"], bg) >= 3, colours
    assert contrast(colours["bar"], colours["track"]) >= 3, colours
    assert contrast(over(colours["label"], bg), bg) >= 4.5, colours  # Material's text colour is translucent
    assert contrast(over(colours["value"], bg), bg) >= 4.5, colours


def test_bars_print_in_grey_and_the_choices_do_not_print(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + PAGES[1])
    page.emulate_media(media="print")
    fills = page.evaluate(
        "() => ['.benchmark__bar rect', '.benchmark__track'].map(s => getComputedStyle(document.querySelector(s)).fill)"
    )
    assert not page.locator(".your-benchmark").is_visible()
    assert not page.locator(".pick").first.is_visible()
    context.close()
    assert fills == ["rgb(68, 68, 68)", "rgb(221, 221, 221)"]


def test_a_copy_served_at_another_address_asks_no_other_origin(browser, tmp_path):
    """Built for https://example.org/ but served from 127.0.0.1 (a preview, a mirror, http
    and https): no page asks the address it was built for, or any other."""
    result = build(make_site(tmp_path), site_url="https://example.org/sh/")
    assert result.returncode == 0, result.output
    for origin in serve(result.site):
        context = browser.new_context()
        visit = Visit(context.new_page(), origin)
        for path in ("/", "/articles/social-healthcare-how-do-you-stack-up/", "/404.html"):
            visit.page.goto(origin + path)
            visit.page.wait_for_load_state("networkidle")
        context.close()
        assert visit.requests and visit.offsite() == []
