"""Every placeholder kind declares what it reads from data/ (placeholder_kinds), and reads
nothing else: the preview rebuilds a page when what its placeholders declare changes, so an
undeclared read would leave a page stale with no error."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import FIXTURES

import placeholder_kinds
import shortcodes
from markdown_scan import placeholders
from placeholder_context import RECORDS, Context
from placeholder_kinds import KINDS, Arg, reads
from survey_data import load_dataset
from survey_render import ArticleLink

DATASET = load_dataset(FIXTURES / "fictional-site")
SURVEY_ID, SURVEY = next(iter(DATASET.surveys.items()))
QUESTION = SURVEY.questions[0]

# A valid value for each kind of argument there is. A new kind of argument fails
# test_every_argument_kind_has_a_valid_example until it is added here.
VALID = {
    placeholder_kinds.SURVEY: SURVEY_ID,
    placeholder_kinds.QUESTION: QUESTION.id,
    placeholder_kinds.ANSWER: QUESTION.answers[0].id,
    placeholder_kinds.TAKEAWAY: next(iter(DATASET.takeaways)),
    placeholder_kinds.AUTHOR: next(iter(DATASET.authors)),
    placeholder_kinds.PAGE: "2",
}


class Articles(Sequence):
    """120 articles, newest first, recording which slices a placeholder makes into links."""

    def __init__(self) -> None:
        self.sliced: list[tuple[int, int | None]] = []

    def __len__(self) -> int:
        return 120

    def __getitem__(self, index):
        assert isinstance(index, slice), "lists of articles take slices: only what a page shows is made"
        self.sliced.append((index.start or 0, index.stop))
        return [ArticleLink(f"a{n}/", f"A{n}", "S", "W", None) for n in range(120)[index]]


def page_with(name: str) -> str:
    """A page that uses kind `name` once, with valid arguments (and a benchmark above it, which
    "Your benchmark" needs)."""
    words = " ".join([name, *(VALID[arg] for arg in KINDS[name].args)])
    above = f"<!-- data:table {SURVEY_ID} {QUESTION.id} -->\n\n" if name == "self-assessment" else ""
    return f"{above}Text\n\n<!-- data:{words} -->\n"


def test_every_argument_kind_has_a_valid_example():
    used = {arg for kind in KINDS.values() for arg in kind.args}
    assert used <= set(VALID), f"add a valid example of {used - set(VALID)} to VALID"
    assert all(isinstance(arg, Arg) for arg in used)
    assert {arg.record for arg in used} - {None} <= set(RECORDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_kind_reads_only_what_it_declares(name):
    articles = Articles()
    ctx = Context(DATASET, article_links=lambda: articles)
    markdown = page_with(name)
    _, problems = shortcodes.expand(markdown, "docs/p.md", 0, ctx)
    assert problems == []
    declared = reads(placeholders(markdown))
    assert ctx.read <= declared.records, f"'{name}' reads {ctx.read - declared.records} without declaring it"
    assert set(articles.sliced) <= set(declared.articles), f"'{name}' lists articles it does not declare"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_what_a_kind_declares_it_reads_is_what_expanding_it_looks_up(name):
    """The declaration is not wider than the reads either: a declared record is looked up."""
    ctx = Context(DATASET, article_links=Articles)
    markdown = page_with(name)
    shortcodes.expand(markdown, "docs/p.md", 0, ctx)
    assert reads(placeholders(markdown)).records == ctx.read


def test_a_kind_must_say_whether_it_lists_articles():
    with pytest.raises(TypeError, match="articles"):
        placeholder_kinds.Kind(args=(), block=True, render=lambda ctx: "", summary="x")


def test_lists_declare_the_slice_they_show():
    assert reads([["articles"]]).articles == ((0, 10),)
    assert reads([["archive", "3"]]).articles == ((100, 150),)
    assert reads([["archive", "²"]]).articles == ((0, None),)  # a wrong number: expanding reports it
    assert reads([["table", "s", "q"], ["author", "a"]]).records == {("survey", "s"), ("author", "a")}
