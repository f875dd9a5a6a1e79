"""Every kind of `<!-- data:KIND ARG... -->` placeholder: its arguments, whether it makes a
block, how it renders, and what it reads from data/, declared here as data.

What a kind reads is declared by its arguments (an argument that names a record of data/) and
by `articles` (which slice of the newest-first list of articles it shows). Expanding a page
and the preview's rebuilds (preview_fingerprints) both read these declarations; a test holds
every kind to them (tests/test_placeholder_kinds.py). Knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from placeholder_context import Context, Unresolved
from site_paths import ARCHIVE_PAGE, HOME_ARTICLES, archive_pages, archive_path
from survey_data.errors import quote
from survey_render import (
    render_archive_page,
    render_article_list,
    render_author_bio,
    render_benchmark,
    render_figure,
    render_source_note,
    render_survey_benchmarks,
    render_takeaway,
    render_your_benchmark,
)


@dataclass(frozen=True)
class Arg:
    """One argument of a placeholder: its name in the guide, and the record of data/ it names
    (None: it names a part of another argument's record, or nothing in data/)."""

    name: str
    record: str | None


SURVEY = Arg("SURVEY", "survey")
QUESTION = Arg("QUESTION", None)  # a question of the SURVEY argument's survey
ANSWER = Arg("ANSWER", None)  # an answer of that question
TAKEAWAY = Arg("TAKEAWAY", "takeaway")
AUTHOR = Arg("AUTHOR", "author")
PAGE = Arg("PAGE", None)  # an archive page's number

Shown = tuple[int, int | None]  # a slice of the newest-first list of articles: (start, stop)


@dataclass(frozen=True)
class Reads:
    """What one page's placeholders show from data/: the preview rebuilds the page when one changes."""

    records: frozenset[tuple[str, str]]  # (record, id): ("survey", "SURVEY-ID")
    articles: tuple[Shown, ...]  # slices of the newest-first list of articles


@dataclass(frozen=True, kw_only=True)
class Kind:
    args: tuple[Arg, ...]
    block: bool  # a block stands on a line of its own; an inline piece sits in a sentence
    render: Callable[..., str]
    summary: str
    # Which articles it lists, from its arguments; None: it lists none. No default: each kind
    # says, so a new kind cannot leave the preview stale by forgetting to.
    articles: Callable[[Sequence[str]], Shown] | None

    def example(self, name: str) -> str:
        return f"<!-- data:{' '.join([name, *(a.name for a in self.args)])} -->"


def _show(ctx: Context, survey: str, questions: list[str]) -> bool:
    """Each question once per page: a second copy would share the reader's answer and its ids.
    True for the survey's first figures on the page (they carry its data-quality notice)."""
    again = [q for q in questions if (survey, q) in ctx.shown]
    if again:
        names = ", ".join(f"'{q}'" for q in again)
        raise Unresolved(
            f"survey '{survey}' question {names} is already shown above on this page; show each question once"
        )
    first = not any(shown == survey for shown, _ in ctx.shown)
    ctx.shown.update((survey, q) for q in questions)
    return first


def _table(ctx: Context, survey: str, question: str) -> str:
    found_survey, found_question = ctx.question(survey, question)
    first = _show(ctx, survey, [question]) and not ctx.notice_in_header
    edit = ctx.links.edit_figures(survey, question) if ctx.links else None
    return render_benchmark(
        survey, found_survey, found_question, ctx.downloads(survey), ctx.place_late, ctx.level, first, edit
    )


def _tables(ctx: Context, survey: str) -> str:
    found = ctx.survey(survey)
    first = _show(ctx, survey, [q.id for q in found.questions]) and not ctx.notice_in_header
    edit = (lambda question: ctx.links.edit_figures(survey, question)) if ctx.links else None
    return render_survey_benchmarks(survey, found, ctx.downloads(survey), ctx.place_late, ctx.level, first, edit)


def _newest_shown(args: Sequence[str]) -> Shown:
    return (0, HOME_ARTICLES)


def page_number(text: str) -> int | None:
    """A page number as a placeholder gives it: ASCII digits only (a superscript or another
    script's digit is no page number), and few enough to be a page, never 5,000 of them
    (Python refuses to read an integer that long). The one reader of a placeholder's number."""
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None


def _archive_shown(args: Sequence[str]) -> Shown:
    """One archive page's articles; all of them if the page number is wrong (expanding the
    page reports that)."""
    number = page_number(args[0] if args else "")
    if number is not None:
        return ((number - 1) * ARCHIVE_PAGE, number * ARCHIVE_PAGE)
    return (0, None)


def _newest(ctx: Context) -> str:
    links = ctx.article_links()  # a sequence: only the slice shown is made into links
    more = ctx.links.relative(archive_path(1)) if ctx.links and len(links) > HOME_ARTICLES else None
    return render_article_list(links[slice(*_newest_shown(()))], archive_href=more, total=len(links))


def _archive(ctx: Context, page: str) -> str:
    links = ctx.article_links()
    pages = archive_pages(len(links))
    number = page_number(page)
    if number is None or not 1 <= number <= pages:
        raise Unresolved(f"archive page {quote(page)} does not exist: there are {pages}")
    href = (lambda n: ctx.links.relative(archive_path(n))) if ctx.links else (lambda n: archive_path(n))
    return render_archive_page(links[slice(*_archive_shown((page,)))], number, pages, href, len(links))


def _your_benchmark(ctx: Context, survey: str) -> str:
    found = ctx.survey(survey)
    if survey in ctx.gathered:
        raise Unresolved(f"'Your benchmark' of survey '{survey}' is already on this page; keep one")
    if not any(shown == survey for shown, _ in ctx.shown):
        raise Unresolved(
            f"'Your benchmark' gathers the answers to the benchmarks of survey '{survey}' above it on the page, "
            f"and there is none; put it after <!-- data:table {survey} QUESTION --> or <!-- data:tables {survey} -->"
        )
    ctx.gathered.add(survey)
    page_url = ctx.links.page_url if ctx.links else ""
    return ctx.place_late(render_your_benchmark(survey, found, ctx.level, page_url))


def _author(ctx: Context, author: str) -> str:
    found = ctx.lookup("author", ctx.dataset.authors, author)
    ctx.bios.add(author)
    return render_author_bio(author, found)


KINDS: dict[str, Kind] = {
    "table": Kind(
        args=(SURVEY, QUESTION),
        block=True,
        render=_table,
        summary="the benchmark of one question, with the reader's 'Where are you?'",
        articles=None,
    ),
    "tables": Kind(
        args=(SURVEY,),
        block=True,
        render=_tables,
        summary="the benchmark of every question of a survey",
        articles=None,
    ),
    "figure": Kind(
        args=(SURVEY, QUESTION, ANSWER),
        block=False,
        render=lambda ctx, s, q, a: render_figure(ctx.answer(s, q, a)),
        summary="one answer's percentage, inline in a sentence",
        articles=None,
    ),
    "takeaway": Kind(
        args=(TAKEAWAY,),
        block=True,
        render=lambda ctx, t: render_takeaway(ctx.lookup("takeaway", ctx.dataset.takeaways, t)),
        summary="a takeaway callout from data/takeaways.yml",
        articles=None,
    ),
    "author": Kind(
        args=(AUTHOR,),
        block=True,
        render=_author,
        summary="an author's bio from data/authors.yml",
        articles=None,
    ),
    "source": Kind(
        args=(SURVEY,),
        block=True,
        render=lambda ctx, s: render_source_note(s, ctx.survey(s), ctx.downloads(s), ctx.citation(s)),
        summary="the survey's methodology and source: who ran it, what the source does not report, downloads, citation",
        articles=None,
    ),
    "self-assessment": Kind(
        args=(SURVEY,),
        block=True,
        render=_your_benchmark,
        summary="'Your benchmark': the reader's answers to the survey's benchmarks on the page, gathered, to copy "
        "or print",
        articles=None,
    ),
    "articles": Kind(
        args=(),
        block=True,
        render=_newest,
        summary=f"the newest {HOME_ARTICLES} articles, and a link to the rest",
        articles=_newest_shown,
    ),
    "archive": Kind(
        args=(PAGE,),
        block=True,
        render=_archive,
        summary="one page of the archive of all articles",
        articles=_archive_shown,
    ),
}


def reads(placed: list[list[str]]) -> Reads:
    """What a page's placeholders (their words, as markdown_scan.placeholders finds them) show
    from data/, by each kind's declaration. Words that name no kind read nothing (expanding the
    page reports them)."""
    records: set[tuple[str, str]] = set()
    articles: list[Shown] = []
    for words in placed:
        kind = KINDS.get(words[0]) if words else None
        if kind is None:
            continue
        args = words[1:]
        records.update((arg.record, value) for arg, value in zip(kind.args, args, strict=False) if arg.record)
        if kind.articles is not None:
            articles.append(kind.articles(args))
    return Reads(frozenset(records), tuple(sorted(set(articles), key=repr)))


def benchmarks(placed: list[list[str]]) -> list[tuple[str, str | None]]:
    """The (survey, question) of each benchmark placeholder on the page, in order; question
    None for "tables" (all of the survey's)."""
    found: list[tuple[str, str | None]] = []
    for words in placed:
        if len(words) == 3 and words[0] == "table":
            found.append((words[1], words[2]))
        elif len(words) == 2 and words[0] == "tables":
            found.append((words[1], None))
    return found


def cited_surveys(placed: list[list[str]]) -> list[str]:
    """The surveys whose figures or method the page shows, in order of first mention: the
    first argument of every kind that takes a SURVEY first."""
    survey_kinds = {name for name, kind in KINDS.items() if kind.args[:1] == (SURVEY,)}
    return list(dict.fromkeys(words[1] for words in placed if len(words) > 1 and words[0] in survey_kinds))
