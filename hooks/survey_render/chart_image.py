"""A benchmark as a standalone image to take away, as Datawrapper and Our World in Data offer:
title, question, one bar per answer with its figure, the notes and the source line built in.

One layout, measured with the fonts the PNG is drawn in (fonts/, DejaVu Sans), is written
out twice: as SVG text (escaped, selectable, with a title and description for screen
readers) and as a PNG drawn with Pillow. Both are the same bytes on every build.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from markupsafe import escape
from PIL import Image, ImageDraw

from survey_data import Question, Survey
from survey_render.disclosure import quality_notice
from survey_render.numbers import format_percent
from survey_render.share_card import ACCENT, INK, MUTED, _font, wrap

WIDTH = 800
PAD = 32
LABEL_WIDTH = 330
FIGURE_RIGHT = PAD + LABEL_WIDTH + 70  # figures end here, right-aligned
BAR_LEFT = FIGURE_RIGHT + 10
TRACK = (227, 229, 239)
FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif"


@dataclass(frozen=True)
class Run:
    """A line of text; y is its baseline."""

    x: int
    y: int
    text: str
    size: int
    bold: bool = False
    colour: tuple[int, int, int] = INK
    end: bool = False  # right-aligned at x


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int
    colour: tuple[int, int, int]


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    runs: tuple[Run, ...]
    boxes: tuple[Box, ...]
    title: str
    description: str


def _lines(runs: list[Run], text: str, size: int, top: int, width: int, max_lines: int, **style) -> int:
    """Wrap `text` into runs from `top`; return the y below the last line."""
    font = _font(size, style.get("bold", False))
    ascent = font.getmetrics()[0]
    step = round(size * 1.35)
    for line in wrap(text, font, width, max_lines):
        runs.append(Run(PAD, top + ascent, line, size, **style))
        top += step
    return top


def chart_layout(survey: Survey, question: Question, notes: list[str], credit: str) -> Drawing:
    runs: list[Run] = []
    boxes: list[Box] = []
    text_width = WIDTH - 2 * PAD
    y = PAD
    y = _lines(runs, question.title, 26, y, text_width, 3, bold=True)
    asked = f"Question: “{question.wording}”" if question.wording else "Question wording: not reported in the source."
    y = _lines(runs, asked, 15, y + 4, text_width, 4, colour=MUTED)
    y += 14
    label_font = _font(17)
    figure_font = _font(17, True)
    ascent = label_font.getmetrics()[0]
    for answer in question.shown_answers:
        lines = wrap(answer.label, label_font, LABEL_WIDTH, 3)
        for i, line in enumerate(lines):
            runs.append(Run(PAD, y + ascent + i * 22, line, 17))
        if answer.detail:  # what the answer means, as the table gives it: a slide keeps it
            detail = wrap(answer.detail, _font(14), LABEL_WIDTH, 4)
            top = y + len(lines) * 22
            for i, line in enumerate(detail):
                runs.append(Run(PAD, top + 14 + i * 18, line, 14, colour=MUTED))
            lines = [*lines, *([""] * ((len(detail) * 18 + 21) // 22))]
        runs.append(
            Run(FIGURE_RIGHT, y + figure_font.getmetrics()[0], format_percent(answer.percent), 17, bold=True, end=True)
        )
        bar_width = WIDTH - PAD - BAR_LEFT
        if question.kind == "multiple":
            boxes.append(Box(BAR_LEFT, y + 2, bar_width, 18, TRACK))
        filled = round(bar_width * min(max(answer.percent, 0), 100) / 100)
        if filled:
            boxes.append(Box(BAR_LEFT, y + 2, filled, 18, ACCENT))
        y += max(len(lines) * 22, 24) + 12
    y += 6
    boxes.append(Box(PAD, y, text_width, 1, TRACK))
    y += 10
    notice = quality_notice(survey)
    if notice and "how many responded" in notice:  # the notice says it: not twice
        notes = [n for n in notes if not n.startswith("Number of respondents: not reported")]
    # The source (the last note) and what it leaves out are never cut, however long the notes.
    *others, source = notes
    y = _lines(runs, " ".join(others), 14, y, text_width, 6, colour=MUTED)
    y = _lines(runs, source, 14, y, text_width, 3, colour=INK)
    if notice:
        y = _lines(runs, notice, 14, y, text_width, 3, colour=INK)
    y = _lines(runs, credit, 14, y + 4, text_width, 3, colour=MUTED)
    description = "; ".join(f"{a.label}: {format_percent(a.percent)}" for a in question.shown_answers)
    return Drawing(WIDTH, y + PAD - 6, tuple(runs), tuple(boxes), question.title, description + ". " + " ".join(notes))


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def chart_svg(drawing: Drawing) -> str:
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{drawing.width}" height="{drawing.height}" '
        f'viewBox="0 0 {drawing.width} {drawing.height}" role="img" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(drawing.title)}</title>',
        f'<desc id="chart-desc">{escape(drawing.description)}</desc>',
        f'<rect width="{drawing.width}" height="{drawing.height}" fill="#ffffff"/>',
        f'<g font-family="{FONT_FAMILY}">',
    ]
    for box in drawing.boxes:
        out.append(
            f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" fill="{_hex(box.colour)}"/>'
        )
    for run in drawing.runs:
        attrs = f'x="{run.x}" y="{run.y}" font-size="{run.size}" fill="{_hex(run.colour)}"'
        if run.bold:
            attrs += ' font-weight="bold"'
        if run.end:
            attrs += ' text-anchor="end"'
        out.append(f"<text {attrs}>{escape(run.text)}</text>")
    out += ["</g>", "</svg>"]
    return "\n".join(out) + "\n"


# The PNG is drawn at twice the SVG's size: sharp on a slide or a high-density screen.
PNG_SCALE = 2


def chart_png(drawing: Drawing) -> bytes:
    k = PNG_SCALE
    image = Image.new("RGB", (drawing.width * k, drawing.height * k), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for box in drawing.boxes:
        draw.rectangle(
            (box.x * k, box.y * k, (box.x + box.width) * k - 1, (box.y + box.height) * k - 1), fill=box.colour
        )
    for run in drawing.runs:
        draw.text(
            (run.x * k, run.y * k),
            run.text,
            font=_font(run.size * k, run.bold),
            fill=run.colour,
            anchor="rs" if run.end else "ls",
        )
    out = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        out,
        format="PNG",
        compress_level=1,  # a third of level 6's time; a chart stays near 20 KB
    )
    return out.getvalue()
