"""Find the `<!-- data:KIND ARG... -->` placeholders in a page's Markdown and replace each
with the HTML its renderer makes. Knows nothing of MkDocs, so it is tested on plain strings.

A placeholder is an HTML comment: it reads sensibly in raw Markdown and is invisible in a
Markdown preview. Anything that starts like one but cannot be resolved is a Problem, never
left in the page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from survey_data import Problem
from survey_data.errors import quote
from survey_data.load import Dataset, suggest
from survey_data.models import TYPED_FIGURE
from survey_render import (
    ArticleLink,
    Citation,
    Downloads,
    Link,
    download_paths,
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
from survey_render.pieces import SECTION_LEVEL

# Every pattern here runs in time linear in the page, whatever the page holds: a placeholder's
# body is at most 400 characters (four ids need far fewer), and fenced code is found line by
# line, not by one pattern that could backtrack.
PLACEHOLDER = re.compile(r"<!--[ \t]*data:(?P<body>[^\n]{0,400}?)-->")
OPENING = re.compile(r"<!--[ \t]*data:")
# A comment that a writer meant as a placeholder but mistyped ("Data:", "data :", "data-",
# a no-break space): it would vanish from the page without a word.
LOOKALIKE = re.compile(
    r"<!--[\s\u00a0\u200b]*data(?:[\s\u00a0]*[:\-]|[\s\u00a0]+(?:tables?|figure|takeaway|author|source|"
    r"self-assessment|articles|archive)\b)",
    re.IGNORECASE,
)
MAX_PLACEHOLDERS = 1_000  # per page: bounds the generated output (the article has 8)
MAX_PROBLEMS = 50  # per page: the rest are summed up in one line
HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)", re.M)  # an ATX heading's hashes
SETEXT = re.compile(r"^ {0,3}\S[^\n]*\n {0,3}(=+|-+)[ \t]*$", re.M)  # a line underlined: = is h1, - is h2
FENCE = re.compile(r"^(`{3,}|~{3,})([^\n]*)$", re.M)  # opens or closes fenced code: at the margin, as Markdown has it


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
    # Where generated HTML goes: inline by default. The hook swaps in short tokens and puts the
    # HTML back later, so that Markdown need not parse it (place_block: back after Markdown)
    # and the search index skips what only repeats the tables (place_late: back after the
    # search plugin has read the page: the reader's choices and their benchmark).
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

    @staticmethod
    def lookup(what: str, table: dict, name: str, within: str = "", after: str = ""):
        """table[name], or Unresolved: "unknown WHAT 'name' WITHIN; did you mean ...? AFTER"."""
        if name not in table:
            raise Unresolved(f"unknown {what} {quote(name)}{within}" + suggest(name, table) + after)
        return table[name]


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


HOME_ARTICLES = 10  # on a page's list of articles; the archive pages hold the rest
ARCHIVE_PAGE = 50  # articles per archive page: no page grows with the number of articles


def archive_path(page: int) -> str:
    """Where archive page `page` (from 1) is published: archive/, archive/page/2/, ..."""
    return "archive/" if page == 1 else f"archive/page/{page}/"


def listed(words: list[str]) -> slice:
    """Which articles, newest first, a list placeholder shows: the home page's newest, or one
    archive page's (all of them if the page number is wrong: expanding it reports that)."""
    if words[:1] == ["archive"] and len(words) == 2 and words[1].isdigit():
        number = int(words[1])
        return slice((number - 1) * ARCHIVE_PAGE, number * ARCHIVE_PAGE)
    return slice(0, HOME_ARTICLES) if words[:1] == ["articles"] else slice(None)


def _newest(ctx: Context) -> str:
    links = ctx.article_links()  # a sequence: only the slice shown is made into links
    more = ctx.links.relative(archive_path(1)) if ctx.links and len(links) > HOME_ARTICLES else None
    return render_article_list(links[listed(["articles"])], archive_href=more, total=len(links))


def _archive(ctx: Context, page: str) -> str:
    links = ctx.article_links()
    pages = max(1, -(-len(links) // ARCHIVE_PAGE))
    if not page.isdigit() or not 1 <= int(page) <= pages:
        raise Unresolved(f"archive page {quote(page)} does not exist: there are {pages}")
    number = int(page)
    href = (lambda n: ctx.links.relative(archive_path(n))) if ctx.links else (lambda n: archive_path(n))
    return render_archive_page(links[listed(["archive", page])], number, pages, href, len(links))


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


@dataclass(frozen=True)
class Kind:
    args: tuple[str, ...]
    block: bool  # a block stands on a line of its own; an inline piece sits in a sentence
    render: Callable[..., str]
    summary: str
    lists_articles: bool = False  # shows every article's front matter (a preview rebuilds it on any change)

    def example(self, name: str) -> str:
        return f"<!-- data:{' '.join([name, *self.args])} -->"


KINDS: dict[str, Kind] = {
    "table": Kind(
        ("SURVEY", "QUESTION"), True, _table, "the benchmark of one question, with the reader's 'Where are you?'"
    ),
    "tables": Kind(("SURVEY",), True, _tables, "the benchmark of every question of a survey"),
    "figure": Kind(
        ("SURVEY", "QUESTION", "ANSWER"),
        False,
        lambda ctx, s, q, a: render_figure(ctx.answer(s, q, a)),
        "one answer's percentage, inline in a sentence",
    ),
    "takeaway": Kind(
        ("TAKEAWAY",),
        True,
        lambda ctx, t: render_takeaway(ctx.lookup("takeaway", ctx.dataset.takeaways, t)),
        "a takeaway callout from data/takeaways.yml",
    ),
    "author": Kind(
        ("AUTHOR",),
        True,
        lambda ctx, a: render_author_bio(a, ctx.lookup("author", ctx.dataset.authors, a)),
        "an author's bio from data/authors.yml",
    ),
    "source": Kind(
        ("SURVEY",),
        True,
        lambda ctx, s: render_source_note(s, ctx.survey(s), ctx.downloads(s), ctx.citation(s)),
        "the survey's methodology and source: who ran it, what the source does not report, downloads, citation",
    ),
    "self-assessment": Kind(
        ("SURVEY",),
        True,
        _your_benchmark,
        "'Your benchmark': the reader's answers to the survey's benchmarks on the page, gathered, to copy or print",
    ),
    "articles": Kind(
        (), True, lambda ctx: _newest(ctx), f"the newest {HOME_ARTICLES} articles, and a link to the rest", True
    ),
    "archive": Kind(
        ("PAGE",), True, lambda ctx, page: _archive(ctx, page), "one page of the archive of all articles", True
    ),
}


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], tuple[int, int] | None]:
    """For spans in order: the one a position lies in, or None (a binary search)."""
    starts = [start for start, _ in spans]

    def at(pos: int) -> tuple[int, int] | None:
        i = bisect.bisect(starts, pos) - 1
        return spans[i] if i >= 0 and pos < spans[i][1] else None

    return at


def expand(markdown: str, page: str, line_offset: int, ctx: Context) -> tuple[str, list[Problem]]:
    """Replace every placeholder in `markdown`. `page` is the path shown in messages and
    `line_offset` the number of lines (front matter) above `markdown` in the file."""
    problems: list[Problem] = []
    code_at = _inside(_fenced_code(markdown))  # in order, never overlapping
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]

    def in_code(pos: int) -> bool:  # placeholders shown as examples in code blocks stay as written
        return code_at(pos) is not None

    headings = sorted(
        [(m.start(), len(m.group(1))) for m in HEADING.finditer(markdown)]
        + [(m.start(), 1 if m.group(1)[0] == "=" else 2) for m in SETEXT.finditer(markdown)]
    )
    headings = [(start, level) for start, level in headings if not in_code(start)]
    starts = [start for start, _ in headings]
    comments = _comments(markdown, in_code)
    comment_at = _inside(comments)

    def in_comment(pos: int) -> int | None:
        """The start of the writer's HTML comment that `pos` lies in, if any."""
        span = comment_at(pos)
        return span[0] if span else None

    def level_at(pos: int) -> int:
        above = bisect.bisect(starts, pos)
        return min(headings[above - 1][1] + 1, 6) if above else SECTION_LEVEL

    def position(pos: int) -> tuple[int, int]:
        line = bisect.bisect(line_starts, pos)
        return line_offset + line, pos - line_starts[line - 1] + 1

    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if in_code(match.start()):
            return match.group(0)
        count += 1
        if count > MAX_PLACEHOLDERS:
            if count == MAX_PLACEHOLDERS + 1:
                line, column = position(match.start())
                message = f"more than {MAX_PLACEHOLDERS:,} placeholders on one page; split the page"
                problems.append(Problem(page, line, column, "", message))
            return ""
        opened = in_comment(match.start())
        if opened is not None:
            line, column = position(match.start())
            message = (
                f"this placeholder is inside an HTML comment opened on line {position(opened)[0]}, and comments do "
                "not nest: the comment would end at this placeholder's '-->'; to leave it out, delete its line"
            )
            problems.append(Problem(page, line, column, match.group(0).strip(), message))
            return match.group(0)
        ctx.level = level_at(match.start())
        try:
            return _resolve(match, markdown, ctx)
        except Unresolved as err:
            line, column = position(match.start())
            problems.append(Problem(page, line, column, match.group(0).strip(), str(err)))
            return ""

    for start, _ in comments:
        if LOOKALIKE.match(markdown, start):
            line, column = position(start)
            text = markdown[start : markdown.find("-->", start) + 3]
            message = "this comment looks like a placeholder but is not one: a placeholder starts exactly '<!-- data:'"
            problems.append(Problem(page, line, column, quote(text), message))
    expanded = PLACEHOLDER.sub(replace, markdown)
    closed = {m.start() for m in PLACEHOLDER.finditer(markdown)}
    for opening in OPENING.finditer(markdown):
        if not in_code(opening.start()) and opening.start() not in closed:
            line, column = position(opening.start())
            problems.append(
                Problem(page, line, column, "", "placeholder is not closed: end it with '-->' on the same line")
            )
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem(page, None, None, "", f"and {more:,} more problems like these")]
    return expanded, problems


BACKTICKS = re.compile(r"`+")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code spans on each line: a run of backticks up to the next run of the same
    length (as CommonMark pairs them). One pass over the runs: linear, whatever the text."""
    spans = []
    opened: tuple[int, int] | None = None  # (start, length) of the open run
    line_end = -1
    for run in BACKTICKS.finditer(text):
        if run.start() > line_end:  # a new line: an unclosed run stays literal
            opened, line_end = None, text.find("\n", run.start()) % (len(text) + 1)
        length = run.end() - run.start()
        if opened is None:
            opened = (run.start(), length)
        elif length == opened[1]:
            spans.append((opened[0], run.end()))
            opened = None
    return spans


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^---[ \t]*$", re.S | re.M)


def typed_figures(page: str, text: str) -> list[Problem]:
    """Problems for each percentage typed into a page's text (front matter included), outside
    code, HTML comments and tags, and addresses (50%20 is an encoded space)."""
    code = _fenced_code(text)
    code_at = _inside(code)
    comments = _comments(text, lambda pos: code_at(pos) is not None)
    skipped_at = _inside(sorted([*code, *comments, *_code_spans(text)]))
    front = _FRONT_MATTER.match(text)
    front_end = front.end() if front else 0
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    problems = []
    for match in TYPED_FIGURE.finditer(text):
        if skipped_at(match.start()) is not None:
            continue
        line = bisect.bisect(line_starts, match.start())
        before = text[line_starts[line - 1] : match.start()]
        in_address = before.rfind("](") > before.rfind(")")
        if before.startswith(("    ", "\t")) or before.rfind("<") > before.rfind(">") or in_address:
            continue  # indented code, inside a tag, or a link's address
        if match.start() < front_end:
            message = (
                "a percentage typed into the front matter: every figure must come from data/, and front matter is "
                "plain text shown as typed; write the share in words, or leave the figure to the article's text"
            )
        else:
            message = (
                "a percentage typed into the page: every figure must come from data/, so write "
                "<!-- data:figure SURVEY QUESTION ANSWER --> instead; for a percentage that is not a survey figure, "
                "write the sign as &#37; (50&#37;) or the space before 'percent' as &nbsp;"
            )
        problems.append(Problem(page, line, match.start() - line_starts[line - 1] + 1, quote(match.group(0)), message))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems


def placeholders(markdown: str) -> list[list[str]]:
    """The words of each placeholder outside code, in order: a scan only (expand() reports
    any mistake in them). benchmarks() and cited_surveys() read the result."""
    code_at = _inside(_fenced_code(markdown))
    return [m.group("body").split() for m in PLACEHOLDER.finditer(markdown) if code_at(m.start()) is None]


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
    survey_kinds = {name for name, kind in KINDS.items() if kind.args[:1] == ("SURVEY",)}
    return list(dict.fromkeys(words[1] for words in placed if len(words) > 1 and words[0] in survey_kinds))


DATA_ARGS = ("SURVEY", "TAKEAWAY", "AUTHOR")  # arguments that name a record in data/


def reads(placed: list[list[str]]) -> set[tuple[str, str]]:
    """What a page's placeholders show from data/: (SURVEY, id), (TAKEAWAY, id), (AUTHOR, id),
    and ("ARTICLES", "START:STOP") for a list of articles (newest first). A preview rebuilds the
    page when one changes, so a new kind must declare what it reads: through its arguments'
    names or lists_articles."""
    found: set[tuple[str, str]] = set()
    for words in placed:
        kind = KINDS.get(words[0]) if words else None
        if kind is None:
            continue
        found.update((arg, value) for arg, value in zip(kind.args, words[1:], strict=False) if arg in DATA_ARGS)
        if kind.lists_articles:
            shown = listed(words)
            found.add(("ARTICLES", f"{shown.start or 0}:{'' if shown.stop is None else shown.stop}"))
    return found


def _fenced_code(markdown: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks: from an opening fence to the next line with exactly the
    same fence and nothing else. One pass over the fence lines."""
    spans: list[tuple[int, int]] = []
    fence, opened = None, 0
    for line in FENCE.finditer(markdown):
        if fence is None:
            fence, opened = line.group(1), line.start()
        elif line.group(1) == fence and not line.group(2).strip(" \t"):
            spans.append((opened, line.end()))
            fence = None
    return spans


def _comments(markdown: str, in_code: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The spans of the writer's own HTML comments (not placeholders, not in code), in order.
    Like a browser, a comment ends at the first '-->' after its '<!--'. One pass: linear."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := markdown.find("<!--", pos)) >= 0:
        if in_code(start) or OPENING.match(markdown, start):
            pos = start + 4
            continue
        end = markdown.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        pos = end + 3
    return spans


def _resolve(match: re.Match[str], markdown: str, ctx: Context) -> str:
    words = match.group("body").split()
    if not words:
        raise Unresolved("empty placeholder; write one of: " + ", ".join(k.example(n) for n, k in KINDS.items()))
    name, args = words[0], words[1:]
    if name not in KINDS:
        raise Unresolved(f"unknown placeholder {quote(name)}" + suggest(name, KINDS))
    kind = KINDS[name]
    if len(args) != len(kind.args):
        raise Unresolved(
            f"'{name}' takes {len(kind.args)} argument{'s' * (len(kind.args) != 1)}, "
            f"got {len(args)}; write it as {kind.example(name)}"
        )
    if not kind.block:
        return kind.render(ctx, *args)
    line_start = markdown.rfind("\n", 0, match.start()) + 1
    line_end = markdown.find("\n", match.end())
    line = markdown[line_start : None if line_end < 0 else line_end]
    if line.strip() != match.group(0):
        raise Unresolved(f"'{name}' makes a block: put it on a line of its own, with a blank line before and after")
    if line != line.lstrip():
        raise Unresolved(
            f"'{name}' makes a block, which cannot go inside an indented note, list item or quote; "
            "start its line at the margin"
        )
    return "\n\n" + ctx.place_block(kind.render(ctx, *args)) + "\n\n"
