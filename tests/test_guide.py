"""The writers' guide (CONTRIBUTING.md) keeps up with the code: every placeholder kind,
every data field and every error message of the catalogue is explained in it."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, build, make_site
from test_error_catalogue import CATALOGUE

from placeholder_kinds import KINDS
from survey_data.models import (
    Answer,
    Author,
    AuthorsFile,
    Question,
    Source,
    Survey,
    Takeaway,
    TakeawaysFile,
)
from survey_data.page_meta import ArticleMeta

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
MODELS = [Survey, Source, Question, Answer, Author, AuthorsFile, Takeaway, TakeawaysFile, ArticleMeta]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_placeholder_kind_is_documented_with_an_example(kind):
    example = rf"<!-- data:{re.escape(kind)}\b[^>]*-->"
    assert re.search(example, GUIDE), f"CONTRIBUTING.md has no example of data:{kind}"
    assert re.search(example, README), f"README.md has no example of data:{kind}"


@pytest.mark.parametrize(
    ("model", "name"), [(m, f) for m in MODELS for f in m.model_fields], ids=lambda x: getattr(x, "__name__", x)
)
def test_every_data_field_is_documented(model, name):
    assert re.search(rf"(^|\s|`){re.escape(name)}(:|`)", GUIDE, re.M), f"{model.__name__}.{name} not in CONTRIBUTING.md"


def documented_errors() -> list[re.Pattern[str]]:
    """The first column of the guide's error table, as patterns: 'x', N stand for any value."""
    section = GUIDE.split("## What each error means", 1)[1].split("\n## ", 1)[0]
    phrases = []
    for row in section.splitlines():
        if row.startswith("| `"):
            phrases += re.findall(r"`([^`]+)`", row.split(" | ")[0])
    patterns = []
    for phrase in phrases:
        pattern = re.escape(phrase)
        pattern = re.sub(r"'(x|y)'", r"'[^']*'", pattern).replace(r"\ N", r"\ [\d,]+").replace("N%", r"\d+%")
        pattern = pattern.replace(r"docs/\.\.\.", r"docs/\S+")  # a path in docs/
        patterns.append(re.compile(pattern))
    return patterns


@pytest.mark.parametrize("mistake", CATALOGUE, ids=lambda m: m.name)
def test_every_error_of_the_catalogue_is_explained(mistake):
    patterns = documented_errors()
    assert len(patterns) >= 30
    for message in mistake.expected:
        if message.startswith("Aborted"):
            continue
        assert any(p.search(message) for p in patterns), f"CONTRIBUTING.md does not explain: {message}"


def test_the_quick_start_article_builds_as_the_guide_says(tmp_path):
    """The first example a new writer copies is published as it stands."""
    quick = GUIDE.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```markdown\n(.*?)```", quick, re.S)[1]
    article = "\n".join(line.removeprefix("   ") for line in example.splitlines()) + "\n"
    root = make_site(tmp_path)
    (root / "docs/articles/my-article.md").write_text(article, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    page = result.page("articles/my-article/index.html")
    assert "over half (53%) have some" in page and 'class="benchmark' in page
