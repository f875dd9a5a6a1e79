"""Nothing about a survey is stated that its data does not hold. Each disclosure field is
removed in turn from the fully reported fictional survey: its value then appears in no
generated sentence, table note, methodology, data package or chart, and the methodology
says "not reported in the source" for it. The built packages pass `frictionless validate`."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from io import BytesIO

import pytest
from conftest import FIXTURES, build, make_site
from frictionless import validate
from htmlread import Text
from PIL import Image

from survey_data import load_dataset
from survey_render import data_package, render_benchmark, render_source_note, render_your_benchmark
from survey_render.benchmark_table import benchmark_notes
from survey_render.chart_image import chart_layout, chart_png, chart_svg
from survey_render.disclosure import disclosure_items, quality_notice

FICTION = FIXTURES / "fictional-site"
EXPECTED = FIXTURES.parent / "expected"


@pytest.fixture(scope="module")
def survey():
    return load_dataset(FICTION).surveys["lunar-clinics"]


def everything_said(survey) -> str:
    """Every text the site generates about a survey, in one string (the data package without
    its Table Schema, whose column descriptions say what a column holds in any survey)."""
    package = json.loads(data_package("s", survey))
    for resource in package["resources"]:
        resource.pop("schema")
    parts = [render_source_note("s", survey), render_your_benchmark("s", survey)]
    for i, question in enumerate(survey.questions):
        parts.append(render_benchmark("s", survey, question, first=i == 0))
        parts.append(chart_svg(chart_layout(survey, question, benchmark_notes(survey, question), "credit")))
    return Text("\n".join(parts)).text + " " + json.dumps(package, ensure_ascii=False)


# field -> the methodology row that must then say "not reported in the source"
FIELDS = {
    "sponsor": "Sponsor",
    "population": "Who was asked (population)",
    "sampling_detail": None,  # sampling stays: the row keeps the design, without the detail
    "mode": "How answers were collected (mode)",
    "fieldwork": "Fieldwork dates",
    "weighting": "Weighting",
    "margin_of_error": "Margin of sampling error",
    "base": "Whom the percentages are of (the base)",
    "url": None,  # the report's title stays, marked "(no link given)"
    "title": None,  # the link stays
}


@pytest.mark.parametrize("field", FIELDS)
def test_a_field_left_out_is_stated_nowhere(survey, field):
    value = getattr(survey.source, field)
    assert value and value in everything_said(survey)  # present while the data holds it
    source = survey.source.model_copy(update={field: None})
    without = survey.model_copy(update={"source": source})
    said = everything_said(without)
    assert value not in said
    if FIELDS[field]:
        # Named in the one sentence that lists what the source leaves out, or, where some
        # questions give it, its row says the others do not.
        note = Text(render_source_note("s", without)).text
        missing = (note.split("Not reported in the source: ", 1)[1:] or [""])[0].split(".")[0].split(", ")
        named = FIELDS[field][0].lower() + FIELDS[field][1:] in missing
        assert named or re.search(re.escape(FIELDS[field]) + r" ?given with the table of [^.]*not reported", note)


def test_sample_size_left_out(survey):
    """The survey's 120 goes; the one question that gives its own (96) keeps it, and says so."""
    source = survey.source.model_copy(update={"sample_size": None})
    without = survey.model_copy(update={"source": source})
    said = everything_said(without)
    assert not re.search(r"\b120\b(?!\.)", said)  # 120.5% is a total, not the sample size
    assert "Number of respondents: 96." in said
    note = Text(render_source_note("s", without)).text
    assert (
        "Number of respondents given with the table of 1 of 3 questions; not reported in the source for the others"
        in note
    )
    assert "and 1 more in part" in note
    # Then no question left without: two of three have no size at all.
    assert "does not report how many responded" in said


def test_fully_reported_survey_counts_every_item_and_needs_no_notice(survey):
    assert "The source reports 13 of these 13 items" in Text(render_source_note("s", survey)).text
    assert quality_notice(survey) is None
    assert "indicative" not in Text(render_benchmark("s", survey, survey.questions[0], first=True)).text


def test_opt_in_sample_has_no_margin_and_says_why(survey):
    source = survey.source.model_copy(update={"sampling": "opt-in", "margin_of_error": None})
    opt_in = survey.model_copy(update={"source": source})
    items = {item.name: item for item in disclosure_items(opt_in)}
    assert items["Margin of sampling error"].value == "does not apply to an opt-in sample"
    text = Text(render_source_note("s", opt_in)).text
    assert "The source reports 12 of these 12 items" in text and "does not apply to an opt-in sample" in text


def test_unreported_survey_gets_one_plain_notice_above_its_first_figures(survey):
    source = survey.source.model_copy(update={"sample_size": None, "fieldwork": None})
    bare = survey.model_copy(
        update={
            "source": source,
            "questions": [q.model_copy(update={"wording": None, "sample_size": None}) for q in survey.questions],
        }
    )
    notice = (
        "Read these figures as indicative: the source does not report how many responded, when the survey ran or "
        "the exact questions asked."
    )
    assert quality_notice(bare) == notice  # where a chart travels alone: its image, the share card
    # On a page, "About these figures" says it once, above the survey's first chart.
    about = (
        "The source does not report how many responded, when the survey ran or the exact questions asked, "
        "so read the figures as indicative"
    )
    first = render_benchmark("s", bare, bare.questions[0], first=True)
    assert about in first and first.index(about) < first.index("<table")
    assert about not in render_benchmark("s", bare, bare.questions[1])


def test_chart_svg_matches_the_committed_one_and_its_png(survey):
    for question in survey.questions:
        drawing = chart_layout(survey, question, benchmark_notes(survey, question), "Chart: Site · Data: package")
        svg = chart_svg(drawing)
        expected = EXPECTED / f"chart-{question.id}.svg"
        if not expected.exists() or os.environ.get("UPDATE_EXPECTED"):
            expected.write_text(svg, encoding="utf-8")
        assert svg == expected.read_text(encoding="utf-8")
        root = ET.fromstring(svg)
        assert root.findtext("{http://www.w3.org/2000/svg}title") == question.title
        png = chart_png(drawing)
        assert png.startswith(b"\x89PNG") and png == chart_png(drawing)
        # Twice the SVG's size: for slides and high-density screens.
        assert Image.open(BytesIO(png)).size == (2 * int(root.get("width")), 2 * int(root.get("height")))


@pytest.mark.parametrize("site", ["project", "fiction"])
def test_every_built_data_package_is_valid(tmp_path, site):
    root = make_site(tmp_path) if site == "project" else make_site(tmp_path, FICTION / "docs", FICTION / "data")
    result = build(root)
    assert result.returncode == 0, result.output
    packages = sorted(result.site.glob("data/*/datapackage.json"))
    assert packages
    for package in packages:
        report = validate(str(package))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
        described = json.loads(package.read_text(encoding="utf-8"))
        for resource in described["resources"]:
            assert (package.parent / resource["path"]).is_file()
    if site == "fiction":
        package = json.loads(packages[0].read_text(encoding="utf-8"))
        assert package["licenses"] == [{"title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}]
        assert package["sources"] == [
            {
                "title": "Tranquility Base Polling (fictional): Lunar Clinic Messaging Report (fictional)",
                "path": "https://example.org/lunar-clinics",
            }
        ]


CLAIMS = ("base", "respondents:", "fieldwork", "margin", "weight", "sample", "sponsor", "mode", "licen", "population")
DENIALS = ("not reported", "not stated", "no sample size", "does not report", "does not apply", "gives no")


def test_with_nothing_disclosed_no_sentence_claims_a_method(survey):
    """The UBM case: every disclosure field left out. Any sentence anywhere that speaks of a
    base, size, date, margin, weighting, sample, sponsor, mode, licence or population must
    say that the source does not report it."""
    fields = ("sponsor", "title", "url", "population", "base", "sampling", "sampling_detail", "mode")
    fields += ("sample_size", "fieldwork", "weighting", "margin_of_error", "licence")
    bare = survey.model_copy(
        update={
            "source": survey.source.model_copy(update=dict.fromkeys(fields)),
            "questions": [
                q.model_copy(update={"wording": None, "sample_size": None, "base": None}) for q in survey.questions
            ],
        }
    )
    # The fixture's own names ("Tranquility Base") are data, not claims: blank them out.
    said = everything_said(bare).replace("\n", " ").replace(bare.source.publisher, "PUBLISHER")
    sentences = [s.strip() for s in said.replace(". ", ".\n").replace("; ", ";\n").splitlines()]
    claims = [s for s in sentences if any(c in s.lower() for c in CLAIMS)]
    assert len(claims) > 5
    unbacked = [s for s in claims if not any(d in s.lower() for d in DENIALS)]
    assert unbacked == [], "\n".join(unbacked)
