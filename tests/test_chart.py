"""Charts: accessible SVG, honest about several-answer questions, small and deterministic."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from conftest import FIXTURES, ROOT, build, make_site

from survey_data import load_dataset
from survey_data.models import Survey
from survey_render import render_chart, render_self_assessment

HOSTILE = '</script><script>alert(1)</script> & "quotes" <b>'


@pytest.fixture(scope="module")
def real():
    return load_dataset(ROOT).surveys["ubm-social-healthcare"]


class _Svg(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.elements, self._open, self.text = [], [], {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._open.append(dict(attrs).get("id"))

    def handle_endtag(self, tag):
        self._open.pop()

    def handle_data(self, data):
        if self._open and self._open[-1]:
            self.text[self._open[-1]] = self.text.get(self._open[-1], "") + data


def test_chart_is_an_accessible_image_with_every_figure_in_text(real):
    for question in real.questions:
        svg = render_chart("ubm-social-healthcare", real, question)
        parsed = _Svg(svg)
        tag, attrs = parsed.elements[0]
        assert tag == "svg" and attrs["role"] == "img"
        title_id, desc_id = attrs["aria-labelledby"].split()
        assert parsed.text[title_id] == question.title
        for answer in question.answers:
            assert f"{answer.label}: {answer.percent:g}%" in parsed.text[desc_id]
        assert len(svg.encode()) < 4096, f"{question.id}: {len(svg.encode())} bytes"


def test_several_answer_charts_draw_each_bar_against_its_own_100_percent(real):
    by_id = {q.id: q for q in real.questions}
    multiple = render_chart("ubm-social-healthcare", real, by_id["uses"])
    single = render_chart("ubm-social-healthcare", real, by_id["presence"])
    assert multiple.count('class="chart__track"') == len(by_id["uses"].answers)
    assert "do not add up to 100%" in multiple
    assert "chart__track" not in single
    assert "One answer per respondent." in single


def test_bars_are_to_scale(real):
    presence = real.questions[0]
    widths = re.findall(r'class="chart__bar" y="\d+" width="([\d.]+)"', render_chart("s", real, presence))
    assert [float(w) for w in widths] == [round(276 * a.percent / 100, 1) for a in presence.answers]


def test_hostile_labels_stay_text_in_chart_and_embedded_json():
    survey = Survey.model_validate(
        {
            "title": "T",
            "source": {"publisher": "P"},
            "questions": [
                {
                    "id": "q",
                    "title": HOSTILE,
                    "kind": "single",
                    "answers": [{"id": "a", "label": HOSTILE, "percent": 10}],
                }
            ],
        }
    )
    svg = render_chart("s", survey, survey.questions[0])
    assert "<script>" not in svg and "<b>" not in svg
    html = render_self_assessment("s", survey)
    assert html.count("</script>") == 1  # only the real end of the JSON block
    payload = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S).group(1)
    assert json.loads(payload)["questions"][0]["answers"][0]["label"] == HOSTILE


def test_two_builds_give_byte_identical_charts(tmp_path):
    fiction = FIXTURES / "fictional-site"
    pages = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        result = build(make_site(tmp_path / name, docs=fiction / "docs", data=fiction / "data"))
        assert result.returncode == 0, result.output
        pages.append(result.page("articles/lunar-messaging/index.html"))
    charts = [re.findall(r"<svg class=\"chart.*?</svg>", page, re.S) for page in pages]
    assert len(charts[0]) == 2
    assert charts[0] == charts[1]
    expected = (FIXTURES.parent / "expected" / "chart-lunar-clinics-channels.svg").read_text(encoding="utf-8")
    assert charts[0][0] + "\n" == expected
