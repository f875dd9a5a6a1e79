"""The cache of generated files (hooks/output_cache.py): what it gives back is what making the
files again gives, byte for byte, whether they were drawn in this process or on every core."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

import output_cache
from site_outputs import chart_jobs, survey_outputs
from survey_data import load_dataset
from survey_render.chart_image import chart_png

DATASET = load_dataset(FIXTURES / "fictional-site")
SURVEY_ID, SURVEY = next(iter(DATASET.surveys.items()))


@pytest.mark.slow  # starts a process per core
def test_pngs_drawn_on_every_core_are_the_ones_drawn_here(tmp_path):
    jobs = chart_jobs(SURVEY_ID, SURVEY, "https://example.org/", "Site")
    assert output_cache.draw_missing(jobs, tmp_path, pool_from=1) == len(jobs)
    for drawing, draw in jobs:
        assert output_cache.png_path(drawing, draw, tmp_path).read_bytes() == chart_png(drawing)
    assert output_cache.draw_missing(jobs, tmp_path, pool_from=1) == 0  # all cached now


def test_a_survey_s_files_from_the_cache_are_the_files_made(tmp_path):
    made = survey_outputs(SURVEY_ID, SURVEY, "https://example.org/", "Site", tmp_path)

    def make():
        return [(o.path, o.content, o.cached) for o in made]

    first = output_cache.cached_files("key", make, tmp_path)
    again = output_cache.cached_files("key", lambda: [], tmp_path)  # a hit: nothing is made
    assert [path for path, _, _ in again] == [o.path for o in made]
    for (path, _, cached), output in zip(again, made, strict=True):
        expected = output.cached.read_bytes() if output.cached else output.content
        expected = expected.encode("utf-8") if isinstance(expected, str) else expected
        assert cached.read_bytes() == expected, path
    assert first == again
    assert output_cache.files_cached("key", tmp_path) and not output_cache.files_cached("other", tmp_path)
