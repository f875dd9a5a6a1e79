"""An article's share card: the 1200x630 PNG a link preview shows (og:image), drawn with Pillow.

Title, standfirst, the lead chart (the article's first benchmark), the site name and the
source line. Fonts ship in fonts/ (DejaVu Sans): nothing is fetched. The PNG carries no
timestamp or text chunk and is drawn without randomness, so the bytes are the same on every
build with the same Pillow.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from survey_render.numbers import format_percent

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).parent / "fonts"
INK = (33, 33, 33)
MUTED = (84, 84, 84)
ACCENT = (57, 73, 171)  # the site's primary colour (indigo), as in the favicon
TRACK = (228, 231, 245)
BAND = (243, 244, 250)
MARGIN = 60
MAX_BARS = 5
BAND_TOP = HEIGHT - 100  # the source band's top when its line takes two


@dataclass(frozen=True)
class CardBar:
    label: str
    percent: float


@dataclass(frozen=True)
class LeadChart:
    """The first benchmark of an article, as the card and the home page draw it."""

    title: str
    bars: tuple[CardBar, ...]  # in the order the page shows them
    more: int = 0  # answers not drawn


@dataclass(frozen=True)
class Card:
    site_name: str
    title: str
    standfirst: str
    source: str  # "Source: ..." line, or "" where the article shows no survey
    chart: LeadChart | None


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """`text` cut with an ellipsis to fit `width` pixels (a long text is cut to what a line
    could ever hold first, so the search is short)."""
    if font.getlength(text) <= width:
        return text
    text = text[: width // 2 + 1]  # no glyph is narrower than 2 px at these sizes
    low, high = 0, len(text)  # the longest prefix that fits with "…"
    while low < high:
        mid = (low + high + 1) // 2
        if font.getlength(text[:mid].rstrip() + "…") <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


@lru_cache(maxsize=1 << 16)
def _length(font: ImageFont.FreeTypeFont, text: str) -> float:
    return font.getlength(text)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy line breaking at spaces; a word wider than a line is cut; the last line that
    fits ends with an ellipsis when text is left over. Each word is measured once (a line's
    width is its words' and spaces' widths added up), so long notes cost linear time."""
    if max_lines < 1:
        return []
    words = text.split()
    space = _length(font, " ")
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for at, word in enumerate(words):
        size = _length(font, word)
        if used + (space if line else 0) + size <= width - 1:  # a pixel spare for rounding
            used += (space if line else 0) + size
            line.append(word)
            continue
        if line:
            lines.append(" ".join(line))
        if len(lines) == max_lines:  # words[at:] do not fit: end the last line with "…"
            lines[-1] = _fit(" ".join([lines[-1], *words[at:]]), font, width)
            return lines
        if size <= width - 1:
            line, used = [word], size
        else:
            line, used = [_fit(word, font, width)], float(width)
    if line:
        lines.append(" ".join(line))
    return lines


def draw_card(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 14, HEIGHT), fill=ACCENT)
    text_width = WIDTH - 2 * MARGIN if card.chart is None else 560
    y = 52
    draw.text((MARGIN, y), _fit(card.site_name, _font(24, True), text_width), font=_font(24, True), fill=ACCENT)
    y += 56
    title_font = _font(46 if card.chart else 56, True)
    for line in wrap(card.title, title_font, text_width, 4):
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += int(title_font.size * 1.2)
    y += 18
    body = _font(24)
    room = max(0, (HEIGHT - 110 - y) // 34)
    for line in wrap(card.standfirst, body, text_width, min(room, 5)):
        draw.text((MARGIN, y), line, font=body, fill=MUTED)
        y += 34
    if card.chart is not None:
        _draw_chart(draw, card.chart, left=MARGIN + text_width + 50, right=WIDTH - MARGIN)
    # The source line, whole: on two lines where one is not enough.
    small = _font(22)
    source = wrap(card.source, small, WIDTH - 2 * MARGIN, 2)
    draw.rectangle((14, BAND_TOP if len(source) > 1 else HEIGHT - 70, WIDTH, HEIGHT), fill=BAND)
    for i, line in enumerate(source):
        draw.text((MARGIN, HEIGHT - 48 - 30 * (len(source) - 1 - i)), line, font=small, fill=MUTED)
    out = io.BytesIO()
    # A palette of the few colours drawn (and their anti-aliased edges) keeps a card near
    # 20 KB instead of 50+; no dithering, so the result does not depend on noise. The fast
    # octree and zlib level 6 take a third of the time of median cut and level 9.
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        out, format="PNG", compress_level=6
    )
    return out.getvalue()


def _draw_chart(draw: ImageDraw.ImageDraw, chart: LeadChart, left: int, right: int) -> None:
    width = right - left
    heading = _font(26, True)
    y = 60
    for line in wrap(chart.title, heading, width, 2):
        draw.text((left, y), line, font=heading, fill=INK)
        y += 34
    y += 16
    label_font, figure_font = _font(21), _font(24, True)
    figure_width = int(figure_font.getlength("100%")) + 12
    bar_width = width - figure_width
    bars = chart.bars[:MAX_BARS]
    # Each label whole, on up to two lines, where the card has the room; else one line each.
    labels = [wrap(bar.label, label_font, width, 2) for bar in bars]
    room = BAND_TOP - 8 - y - (30 if chart.more else 0)
    if sum(26 * len(lines) + 46 for lines in labels) > room:
        labels = [[_fit(bar.label, label_font, width)] for bar in bars]
    for bar, lines in zip(bars, labels, strict=True):
        for line in lines:
            draw.text((left, y), line, font=label_font, fill=INK)
            y += 26
        y += 4
        draw.rectangle((left, y, left + bar_width, y + 24), fill=TRACK)
        filled = round(bar_width * min(max(bar.percent, 0), 100) / 100)
        if filled:
            draw.rectangle((left, y, left + filled, y + 24), fill=ACCENT)
        draw.text((left + bar_width + 10, y - 2), format_percent(bar.percent), font=figure_font, fill=INK)
        y += 42
    if chart.more:
        draw.text((left, y), f"and {chart.more} more", font=label_font, fill=MUTED)
