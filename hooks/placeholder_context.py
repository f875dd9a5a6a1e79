"""What a placeholder can draw on while one page is expanded: the data, the page's links, and
where generated HTML goes. It also records every data record a placeholder looks up, so a test
can hold each kind to what it declares it reads (placeholder_kinds). Knows nothing of MkDocs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from survey_data.errors import quote
from survey_data.load import Dataset
from survey_data.suggest import suggest
from survey_render import ArticleLink, Citation, Downloads, Link, download_paths
from survey_render.benchmark_table import SECTION_LEVEL


class Unresolved(Exception):
    """A placeholder names something that does not exist; the message says what to write."""


@dataclass(frozen=True)
class PageLinks:
    """How the page being expanded links to the rest of the site."""

    site_name: str
    page_url: str  # absolute
    relative: Callable[[str], str]  # site path -> href from this page
    absolute: Callable[[str], str]  # site path -> absolute URL
    # (survey, question) -> the data file at the question's line in the repository, or None
    edit_figures: Callable[[str, str], str | None] = lambda survey, question: None


@dataclass
class Context:
    """What a placeholder can draw on while one page is expanded."""

    dataset: Dataset
    article_links: Callable[[], Sequence[ArticleLink]] = list
    links: PageLinks | None = None  # None: no download links or citation (unit tests)
    # Where generated HTML goes: inline by default. The page's expansion swaps in short tokens
    # and puts the HTML back later, so that Markdown need not parse it (place_block: back after
    # Markdown) and the search index skips what only repeats the tables (place_late: back after
    # the search plugin has read the page: the reader's choices and their benchmark).
    place_block: Callable[[str], str] = lambda html: html
    place_late: Callable[[str], str] = lambda html: html
    shown: set[tuple[str, str]] = field(default_factory=set)  # (survey, question) pairs placed
    # Heading level for a section made at the current placeholder: one below the page's last
    # heading above it, so that generated headings nest under the writer's. Set by expand().
    level: int = SECTION_LEVEL
    gathered: set[str] = field(default_factory=set)  # surveys whose "Your benchmark" is on the page
    # An article says what its sources leave out once, in its header, above every figure;
    # another page says it above a survey's first table.
    notice_in_header: bool = False
    read: set[tuple[str, str]] = field(default_factory=set)  # (record, id) looked up: "survey", "author", ...
    bios: set[str] = field(default_factory=set)  # authors whose bio is on the page (the byline links to it)

    def downloads(self, survey_id: str) -> Downloads | None:
        if self.links is None:
            return None
        links = self.links
        return Downloads(survey_id, lambda path: Link(links.relative(path), links.absolute(path)))

    def citation(self, survey_id: str) -> Citation | None:
        if self.links is None:
            return None
        data_url = self.links.absolute(download_paths(survey_id)["package"])
        return Citation(self.links.site_name, self.links.page_url, data_url)

    def survey(self, name: str):
        return self.lookup("survey", self.dataset.surveys, name, after=" (see data/surveys/)")

    def question(self, survey_name: str, name: str):
        survey = self.survey(survey_name)
        by_id = {q.id: q for q in survey.questions}
        return survey, self.lookup("question", by_id, name, within=f" in survey '{survey_name}'")

    def answer(self, survey_name: str, question_name: str, name: str):
        _, question = self.question(survey_name, question_name)
        by_id = {a.id: a for a in question.answers}
        return self.lookup("answer", by_id, name, within=f" in question '{question_name}'")

    def lookup(self, what: str, table: dict, name: str, within: str = "", after: str = ""):
        """table[name], or Unresolved: "unknown WHAT 'name' WITHIN; did you mean ...? AFTER"."""
        if name not in table:
            raise Unresolved(f"unknown {what} {quote(name)}{within}" + suggest(name, table) + after)
        if what in RECORDS:
            self.read.add((what, name))
        return table[name]


RECORDS = ("survey", "author", "takeaway")  # the records of data/ a placeholder may show
