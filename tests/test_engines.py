"""The same site from MkDocs 1.6.1 and from ProperDocs 1.6.7 (MkDocs 1.6's maintained fork,
which keeps hooks): byte for byte. The differences allowed are listed, and there are none:
if an engine update makes one, it is named here, with its reason, or fixed."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, build, make_site

# (path in the built site, why it may differ). Empty: today both engines write the same bytes.
ALLOWED_DIFFERENCES: dict[str, str] = {}
FICTION = FIXTURES / "fictional-site"


@pytest.mark.parametrize("site", ["project", "fiction"])
def test_mkdocs_and_properdocs_build_the_same_site(tmp_path, site):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        (tmp_path / engine).mkdir()
        root = make_site(tmp_path / engine, *((FICTION / "docs", FICTION / "data") if site == "fiction" else ()))
        result = build(root, extra_env=env, engine=engine)
        assert result.returncode == 0, result.output
        sites[engine] = result.site
    files = {engine: sorted(p.relative_to(s) for p in s.rglob("*") if p.is_file()) for engine, s in sites.items()}
    assert files["mkdocs"] == files["properdocs"]
    assert len(files["mkdocs"]) > 20
    different = [
        f.as_posix()
        for f in files["mkdocs"]
        if (sites["mkdocs"] / f).read_bytes() != (sites["properdocs"] / f).read_bytes()
    ]
    assert sorted(set(different) - set(ALLOWED_DIFFERENCES)) == []


def test_properdocs_reports_a_writers_mistake_the_same_way(tmp_path):
    root = make_site(tmp_path)
    survey = root / "data/surveys/ubm-social-healthcare.yml"
    survey.write_text(survey.read_text(encoding="utf-8").replace("percent: 53", "percent: 153"), encoding="utf-8")
    outputs = [build(root, engine=engine) for engine in ("mkdocs", "properdocs")]
    assert [o.returncode for o in outputs] == [1, 1]
    errors = [[line for line in o.output.splitlines() if line.startswith("ERROR")] for o in outputs]
    assert errors[0] == errors[1] and "a percent must be between 0 and 100; got 153" in errors[0][0]
