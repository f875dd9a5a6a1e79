"""Horizontal bar charts as inline SVG, computed here and drawn by templates/chart.svg.

Hand-written rather than matplotlib/plotly/vl-convert: about 1-2 KB a chart instead of
7-15 KB, byte-identical across builds, no JavaScript, and colours from CSS variables so the
chart follows Material's light and dark schemes and prints legibly.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from survey_data import Question, Survey
from survey_render.numbers import format_percent

WIDTH = 320  # viewBox units; the SVG scales to the column, up to a max width set in CSS
VALUE_ROOM = 44  # right of the longest bar, for "100%"
BAR_AREA = WIDTH - VALUE_ROOM
LABEL_CHARS = 46  # characters per label line at 12 units (a conservative sans-serif average)
LINE = 15  # label line height
BAR = 14  # bar height
GAP = 10  # between rows


@dataclass(frozen=True)
class ChartRow:
    answer_id: str
    lines: list[str]  # the label, wrapped
    label_y: int  # baseline of the first label line
    bar_y: int
    bar_width: str  # formatted, so output is byte-stable
    value: str  # "53%"
    value_x: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    height: int
    multiple: bool
    rows: list[ChartRow]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def chart_layout(survey_id: str, survey: Survey, question: Question) -> Chart:
    rows, y = [], 0
    for answer in question.answers:
        lines = textwrap.wrap(answer.label, LABEL_CHARS) or [answer.label]
        label_y = y + 12
        bar_y = y + len(lines) * LINE + 2
        width = BAR_AREA * answer.percent / 100
        rows.append(
            ChartRow(
                answer.id,
                lines,
                label_y,
                bar_y,
                _number(width),
                format_percent(answer.percent),
                _number(width + 5),
            )
        )
        y = bar_y + BAR + GAP
    shares = "; ".join(f"{a.label}: {format_percent(a.percent)}" for a in question.answers)
    if question.kind == "multiple":
        how = "Several answers allowed: each bar is a share of all respondents, and the bars do not add up to 100%."
    else:
        how = "One answer per respondent."
    return Chart(
        id=f"chart-{survey_id}-{question.id}",
        title=question.title,
        description=f"Bar chart. {how} {shares}.",
        height=y - GAP,
        multiple=question.kind == "multiple",
        rows=rows,
    )
