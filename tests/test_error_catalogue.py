"""The mistakes a writer can make, and the exact message each gets (file, line, column, what is
wrong, the fix). CONTRIBUTING.md explains each message; keep the two in step.

Every mistake is checked by the build's own checks, run without an engine (site_check: the
same code the hooks run, in one call); one mistake for each way a mistake reaches the build
(ROUTES), and every mistake only the engine finds, goes through a real `mkdocs build
--strict` of a copy of the site: a non-zero exit, no traceback, nothing published."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import ROOT, build, make_site

from site_check import check_project

S = "data/surveys/ubm-social-healthcare.yml"
A = "docs/articles/social-healthcare-how-do-you-stack-up.md"
AUTHORS = "data/authors.yml"
TAKEAWAYS = "data/takeaways.yml"


def line(path: str, needle: str) -> int:
    """Line number of `needle` in the project's own (unbroken) file."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if needle in text)


@dataclass
class Mistake:
    name: str
    expected: list[str]  # each a whole message line, as the build prints it
    edits: list[tuple[str, str, str]] = field(default_factory=list)  # (file, old, new)
    writes: dict[str, str | bytes] = field(default_factory=dict)  # file -> new content
    # A strict-mode warning, or the check of the built site, fails the build at its end, after
    # pages are written (and never published); every other mistake stops it before.
    warning: bool = False
    setup: Callable[[Path], None] | None = None  # for what edits cannot make: links, pipes, folders
    # Only the engine finds it (its own warnings, the time budget, the output check, two pages
    # at one address, a piece Markdown swallowed): a real build checks it.
    engine: bool = False
    real: bool = False  # also through a real build: a kind of mistake writers met (issue 23)


def link(name: str, target: str) -> Callable[[Path], None]:
    """A symbolic link at `name` (relative to the site) pointing at `target` (as given)."""

    def make(root: Path) -> None:
        (root / name).unlink(missing_ok=True)
        (root / name).symlink_to(target)

    return make


def pipe(name: str) -> Callable[[Path], None]:
    """A named pipe at `name`: reading it would wait forever for a writer."""
    return lambda root: os.mkfifo(root / name)


def folder(name: str) -> Callable[[Path], None]:
    return lambda root: (root / name).mkdir()


BIG = "9" * 5000  # an integer Python will not turn into text (4,300 digits at most)
INDEX = "docs/index.md"


P53 = line(S, "percent: 53")
PRESENCE = line(S, "- id: presence")
CATALOGUE = [
    # ---- YAML syntax ----
    Mistake(
        "yaml-unclosed-quote",
        [
            f'{S}:{line(S, "title: UBM Tech survey")}:8: YAML syntax error: a quote (") opened here is not closed on '
            f"this line: the text runs on to line {line(S, 'reported_in:')}; add the closing quote"
        ],
        edits=[(S, "title: UBM Tech survey", 'title: "UBM Tech survey')],
    ),
    Mistake(
        "yaml-bad-indentation",
        [
            f"{S}:{line(S, 'reported_in:')}:3: YAML syntax error: this line is indented 2 spaces, which lines up "
            f"with nothing above it: 'title' on line {line(S, 'title: UBM')} is indented 0 spaces and 'publisher' on "
            f"line {line(S, 'publisher:')} is indented 4 spaces; indent it like the line it belongs with"
        ],
        edits=[(S, "  publisher: UBM Tech", "    publisher: UBM Tech")],
        real=True,
    ),
    Mistake(
        "yaml-key-where-a-dash-stands",
        [
            f"{S}:{P53}:7: YAML syntax error: this line is indented 6 spaces, where the '- ' of the list on line "
            f"{P53 - 5} stands, but it does not start with '- ': indent it 8 spaces, like 'id' on line {P53 - 5}, "
            "to keep it in that entry, or start a new entry with '- '"
        ],
        edits=[(S, "        percent: 53", "      percent: 53")],
        real=True,
    ),
    Mistake(
        "yaml-dash-without-space",
        [f"{S}:{P53 - 5}:7: YAML syntax error: a '-' with no space after it: write '- id: some-presence'"],
        edits=[(S, "      - id: some-presence", "      -id: some-presence")],
        real=True,
    ),
    Mistake(
        "yaml-colon-without-space",
        [f"{S}:{P53}:16: YAML syntax error: no space after the ':': write 'percent: ...'"],
        edits=[(S, "        percent: 53", "        percent:53")],
        real=True,
    ),
    Mistake(
        "yaml-no-break-space-in-indentation",
        [
            f"{S}:{P53 - 4}:7: YAML syntax error: an invisible character in the indentation (U+00A0, a space pasted "
            "from elsewhere): retype the indentation with plain spaces"
        ],
        edits=[(S, "        label: Some presence", "      \u00a0\u00a0label: Some presence")],
    ),
    Mistake(
        "yaml-text-after-closing-quote",
        [
            f"{S}:{P53 - 4}:16: YAML syntax error: text after the closing quote: put the whole text inside one pair "
            "of quotes (single quotes around text that holds double ones)"
        ],
        edits=[(S, "        label: Some presence", '        label: "Some" presence')],
        real=True,
    ),
    Mistake(
        "yaml-entry-after-its-list-ended",
        [
            f"{S}:{line(S, 'answers_for:') + 1}:3: YAML syntax error: this '- ' entry is indented like the list that "
            f"starts on line {PRESENCE}, but that list ended on line {line(S, 'answers_for:')}: move the entry up, "
            f"into the list (above line {line(S, 'answers_for:')})"
        ],
        edits=[(S, "answers_for: your organisation\n", "answers_for: your organisation\n  - id: platforms\n")],
    ),
    Mistake(
        "yaml-value-starting-with-a-star",
        [
            f"{S}:{P53 - 4}:21: YAML syntax error: a value that starts with '*' is read as an alias: put the whole "
            "text in quotes"
        ],
        edits=[(S, "        label: Some presence", "        label: *Some* presence")],
    ),
    Mistake(
        "yaml-text-cut-by-a-comment",
        [
            f"{S}:{P53 - 4}:20: '#1' is read as a comment, which cuts the text before it: put the whole text in "
            "quotes; for a comment, put a space after the '#'"
        ],
        edits=[(S, "        label: Some presence", "        label: Our #1 priority")],
        real=True,
    ),
    Mistake(
        "yaml-curly-quotes",
        [
            f"{S}:{line(S, 'label: Some presence')}:16: YAML syntax error: curly quotes (\u201c) are text to YAML, "
            'not quotes: type straight quotes (") around the text instead'
        ],
        edits=[(S, "        label: Some presence", "        label: \u201cSome: presence\u201d")],
        real=True,
    ),
    Mistake(
        "yaml-tab",
        [f"{S}:{line(S, 'publisher: UBM')}:1: YAML syntax error: a tab character; indent with spaces only"],
        edits=[(S, "  publisher: UBM Tech", "\tpublisher: UBM Tech")],
    ),
    Mistake(
        "yaml-duplicate-key",
        [f"{S}:{P53 + 1}:9: duplicate key 'percent' (first given on line {P53}); remove one of the two"],
        edits=[(S, "        percent: 53\n", "        percent: 53\n        percent: 54\n")],
    ),
    Mistake(
        "yaml-second-document",
        [
            f"{S}:{line(S, 'questions:')}:1: YAML syntax error: a second document ('---') in one file; remove the '---' line"
        ],
        edits=[(S, "questions:\n", "---\nquestions:\n")],
    ),
    # ---- values ----
    Mistake(
        "percent-with-sign",
        [f"{S}:{P53}:18: questions[0].answers[0].percent: write the number without the % sign: 53"],
        edits=[(S, "percent: 53", 'percent: "53%"')],
    ),
    Mistake(
        "percent-over-100",
        [f"{S}:{P53}:18: questions[0].answers[0].percent: a percent must be between 0 and 100; got 153"],
        edits=[(S, "percent: 53", "percent: 153")],
    ),
    Mistake(
        "percent-negative",
        [f"{S}:{P53}:18: questions[0].answers[0].percent: a percent must be between 0 and 100; got -5"],
        edits=[(S, "percent: 53", "percent: -5")],
    ),
    Mistake(
        "percent-as-word",
        [f"{S}:{P53}:18: questions[0].answers[0].percent: must be a plain number such as 53, not 'fifty-three'"],
        edits=[(S, "percent: 53", "percent: fifty-three")],
    ),
    Mistake(
        "label-missing",
        [
            f"{S}:{line(S, '- id: some-presence')}:9: questions[0].answers[0].label: required field 'label' is "
            "missing; add 'label: ...'"
        ],
        edits=[(S, "        label: Some presence\n", "")],
    ),
    Mistake(
        "label-as-number",
        [
            f"{S}:{line(S, 'label: Some presence')}:16: questions[0].answers[0].label: must be text; got 2014 (put it in quotes)"
        ],
        edits=[(S, "label: Some presence", "label: 2014")],
    ),
    Mistake(
        "unknown-key-typo",
        [
            f"{S}:{line(S, 'label: Some presence') + 1}:9: questions[0].answers[0].lable: unknown key 'lable'; "
            "did you mean 'label'? (remove it or fix its spelling)",
        ],
        edits=[(S, "label: Some presence", "label: Some presence\n        lable: typo")],
    ),
    Mistake(
        "unknown-kind",
        [f"{S}:{PRESENCE + 2}:11: questions[0].kind: must be 'single' or 'multiple'; got 'one'"],
        edits=[(S, "    kind: single\n", "    kind: one\n")],
    ),
    Mistake(
        "answer-id-twice",
        [
            f"{S}:{line(S, '- id: good-deal-of-activity')}:9: questions[0].answers[1].id: id 'some-presence' is "
            f"already used on line {line(S, '- id: some-presence')}; give each a different id"
        ],
        edits=[(S, "- id: good-deal-of-activity", "- id: some-presence")],
    ),
    Mistake(
        "question-id-twice",
        [
            f"{S}:{line(S, '- id: effectiveness')}:5: questions[1].id: id 'presence' is already used on line "
            f"{PRESENCE}; give each a different id"
        ],
        edits=[(S, "- id: effectiveness", "- id: presence")],
    ),
    Mistake(
        "id-with-spaces",
        [
            f"{S}:{PRESENCE}:9: questions[0].id: must be lower-case letters, digits and hyphens, such as "
            "'good-deal'; got 'Social presence'"
        ],
        edits=[(S, "- id: presence", "- id: Social presence")],
    ),
    Mistake(
        "question-without-answers",
        [
            f"{S}:{line(S, 'id: effectiveness') + 3}:14: questions[1].answers: needs at least one entry; add one "
            "below it, each starting with '- '"
        ],
        edits=[
            (
                S,
                "    kind: single\n    answers:\n      - id: effective-room-to-improve\n"
                "        label: Effective, but with room for improvement\n        percent: 51\n"
                "      - id: not-doing-a-good-job\n        label: Not doing a good job handling social media\n"
                "        percent: 18\n      - id: very-effective\n        label: Very effective\n"
                "        percent: 17\n",
                "    kind: single\n    answers: []\n",
            )
        ],
    ),
    Mistake(
        "single-answers-over-100",
        [
            f"{S}:{PRESENCE + 3}:5: questions[0].answers: the answers of a single-answer question add up to 107%, "
            "more than 100%; check the figures, or set 'kind: multiple' if several answers were allowed"
        ],
        edits=[(S, "percent: 53", "percent: 60")],
    ),
    # ---- a figure typed into a page ----
    Mistake(
        "percentage-typed-into-markdown",
        [
            f"{A}:{line(A, 'what they found:')}:68: '53%': a percentage typed into the page: every figure must come "
            "from data/, so write <!-- data:figure SURVEY QUESTION ANSWER --> instead; for a percentage that is not a "
            "survey figure, write the sign as &#37; (50&#37;) or the space before 'percent' as &nbsp;"
        ],
        edits=[(A, "Here’s what they found:", "Here’s what they found (53% of them):")],
    ),
    Mistake(
        "placeholder-mistyped-as-a-comment",
        [
            f"{A}:{line(A, 'data:takeaway get-social')}:1: '<!-- Data:takeaway get-social -->': this comment looks "
            "like a placeholder but is not one: a placeholder starts exactly '<!-- data:'"
        ],
        edits=[(A, "<!-- data:takeaway get-social -->", "<!-- Data:takeaway get-social -->")],
    ),
    Mistake(
        "percentage-typed-into-front-matter",
        [
            f"{A}:{line(A, 'summary:') + 1}:3: '40%': a percentage typed into the front matter: every figure must "
            "come from data/, and front matter is plain text shown as typed; write the share in words, or leave the "
            "figure to the article's text"
        ],
        edits=[(A, "  Reports that scold", "  40% of reports that scold")],
    ),
    Mistake(
        "percentage-typed-into-a-takeaway",
        [
            f"data/takeaways.yml:{line('data/takeaways.yml', 'title:')}:5: takeaways[0].title: a percentage typed into "
            "text ('9 percent'): every figure must come from a survey file; write the share in words, or put the figure "
            "in the article with <!-- data:figure ... -->"
        ],
        edits=[("data/takeaways.yml", 'title: "The choice', 'title: "9 percent say the choice')],
    ),
    # ---- survey disclosure (AAPOR items) ----
    Mistake(
        "margin-of-error-for-opt-in-sample",
        [
            f"{S}:{line(S, 'publisher: UBM Tech') + 2}:3: source.margin_of_error: a margin of sampling error applies "
            "only to a probability sample, and this one is 'opt-in'; remove 'margin_of_error' (AAPOR: report none for "
            "an opt-in sample)"
        ],
        edits=[
            (S, "  publisher: UBM Tech\n", "  publisher: UBM Tech\n  sampling: opt-in\n  margin_of_error: ±3 points\n")
        ],
    ),
    Mistake(
        "sampling-not-a-design",
        [
            f"{S}:{line(S, 'publisher: UBM Tech') + 1}:13: source.sampling: must be 'probability' or 'opt-in'; got 'random'"
        ],
        edits=[(S, "  publisher: UBM Tech\n", "  publisher: UBM Tech\n  sampling: random\n")],
    ),
    Mistake(
        "question-sample-larger-than-survey",
        [
            f"{S}:{line(S, 'title: Social media presence') + 3}:5: questions[0].sample_size: 20 respondents to one "
            "question, more than the survey's 10; check both figures"
        ],
        edits=[
            (S, "  publisher: UBM Tech\n", "  publisher: UBM Tech\n  sample_size: 10\n"),
            (
                S,
                "    title: Social media presence\n    kind: single\n",
                "    title: Social media presence\n    kind: single\n    sample_size: 20\n",
            ),
        ],
    ),
    # ---- ordered scales ----
    Mistake(
        "scale-of-one",
        [
            f"{S}:{line(S, '- some-presence')}:7: questions[0].scale: needs at least 2 entries, each on a line "
            "starting with '- '"
        ],
        edits=[(S, "      - some-presence\n      - good-deal-of-activity\n", "      - some-presence\n")],
    ),
    Mistake(
        "scale-unknown-answer",
        [
            f"{S}:{line(S, '- effective-room-to-improve')}:9: questions[1].scale[1]: unknown answer "
            "'efective-room-to-improve' in the scale; did you mean 'effective-room-to-improve'?"
        ],
        edits=[(S, "      - effective-room-to-improve\n", "      - efective-room-to-improve\n")],
    ),
    Mistake(
        "scale-answer-twice",
        [
            f"{S}:{line(S, '- very-effective')}:9: questions[1].scale[2]: answer 'not-doing-a-good-job' is in the "
            "scale twice; list each answer once"
        ],
        edits=[(S, "      - very-effective\n", "      - not-doing-a-good-job\n")],
    ),
    Mistake(
        "scale-missing-answer",
        [
            f"{S}:{line(S, '- decrease') - 1}:5: questions[3].scale: the scale leaves out 'increase-resources': list "
            "every answer once, from the lowest to the highest"
        ],
        edits=[
            (
                S,
                "      - increase-without-resources\n      - increase-resources\n",
                "      - increase-without-resources\n",
            )
        ],
    ),
    Mistake(
        "scale-on-several-answers",
        [
            f"{S}:{line(S, 'percent: 12') + 1}:5: questions[2].scale: a scale orders the answers of a single-answer "
            "question, and several answers were allowed here; remove 'scale', or set 'kind: single'"
        ],
        edits=[
            (
                S,
                "        percent: 12\n",
                "        percent: 12\n    scale:\n      - gather-data\n      - attract-patients\n",
            )
        ],
    ),
    Mistake(
        "missing-section",
        [
            f"{S}:{line(S, 'title: UBM')}:1: source: required field 'source' is missing; add 'source: ...'",
            f"{S}:{line(S, 'source:')}:1: source_removed_by_test: unknown key 'source_removed_by_test'; valid: "
            "'answers_for', 'questions', 'source', 'title' (remove it or fix its spelling)",
        ],
        edits=[(S, "source:\n  publisher: UBM Tech\n  reported_in:", "source_removed_by_test:")],
    ),
    # ---- whole files ----
    Mistake(
        "empty-file",
        ["data/surveys/new.yml:1:1: the file is empty; fill it in as CONTRIBUTING.md shows"],
        writes={"data/surveys/new.yml": ""},
    ),
    Mistake(
        "list-not-mapping",
        ["data/surveys/new.yml:1:1: the top level must be 'key: value' lines (see CONTRIBUTING.md), not a list"],
        writes={"data/surveys/new.yml": "- title: T\n- source: S\n"},
    ),
    Mistake(
        "file-name-not-an-id",
        [
            "data/surveys/New Survey.yml: a survey file name is its id: rename the file with lower-case letters, "
            "digits and hyphens only (at most 60)"
        ],
        writes={"data/surveys/New Survey.yml": (ROOT / S).read_text(encoding="utf-8")},
    ),
    Mistake(
        "yaml-extension",
        ["data/surveys/new.yaml: data files end in .yml; rename the file new.yml"],
        writes={"data/surveys/new.yaml": (ROOT / S).read_text(encoding="utf-8")},
    ),
    Mistake(
        "not-utf8",
        [
            "data/surveys/new.yml:1:11: not UTF-8 text: byte 0xE9 ('é' in Windows-1252 or Latin-1) "
            "was saved in another encoding; save the file as UTF-8 (and retype the character if it then looks wrong)"
        ],
        writes={"data/surveys/new.yml": "title: caf\xe9\n".encode("latin-1")},
        real=True,
    ),
    Mistake(
        "survey-shown-nowhere",
        [
            "data/surveys/copy.yml: survey 'copy' is shown on no page; add <!-- data:tables copy --> to an article, "
            "or remove the file",
            "Aborted with 1 warnings in strict mode!",
        ],
        writes={"data/surveys/copy.yml": (ROOT / S).read_text(encoding="utf-8")},
        warning=True,
    ),
    Mistake(
        "question-shown-nowhere",
        [
            f"{S}:{line(S, '- id: investment')}: question 'investment' is shown on no page; add <!-- data:table ubm-social-healthcare investment "
            "--> to an article, or remove it"
        ],
        edits=[(A, "<!-- data:table ubm-social-healthcare investment -->\n", "")],
        warning=True,
    ),
    Mistake(
        "author-without-bio",
        [
            f"{AUTHORS}:{line(AUTHORS, '- id: rob-lovitt')}:5: authors[0].bio: required field 'bio' is missing; add 'bio: ...'"
        ],
        edits=[(AUTHORS, "    bio: >-", "    about: >-")],
        # and the unknown key is reported in the same run:
    ),
    Mistake(
        "takeaway-unknown-key",
        [
            f"{TAKEAWAYS}:{line(TAKEAWAYS, 'title: ')}:5: takeaways[0].titel: unknown key 'titel'; did you mean "
            "'title'? (remove it or fix its spelling)"
        ],
        edits=[(TAKEAWAYS, "    title: ", "    titel: ")],
    ),
    # ---- front matter ----
    Mistake(
        "unknown-author",
        [
            f"{A}:{line(A, 'author: rob-lovitt')}:9: author: unknown author 'rob-lovit'; did you mean 'rob-lovitt'? "
            "(see data/authors.yml)"
        ],
        edits=[(A, "author: rob-lovitt", "author: rob-lovit")],
    ),
    Mistake(
        "front-matter-missing-summary",
        [f"{A}:2:1: summary: required field 'summary' is missing; add 'summary: ...'"],
        edits=[(A, "summary: >-", "abstract: >-")],
    ),
    Mistake(
        "front-matter-bad-date",
        [f"{A}:{line(A, 'author: rob-lovitt') + 1}:7: date: must be a date written YYYY-MM-DD; got '27/11/2026'"],
        edits=[(A, "author: rob-lovitt\n", "author: rob-lovitt\ndate: 27/11/2026\n")],
    ),
    Mistake(
        "front-matter-yaml-error",
        [f"{A}:2:8: YAML syntax error: a quote is never closed; add the closing quote"],
        edits=[
            (A, 'title: "Social Healthcare: How Do You Stack Up?"', 'title: "Social Healthcare: How Do You Stack Up?')
        ],
    ),
    Mistake(
        "article-without-front-matter",
        [
            "docs/articles/new.md:1:1: an article starts with front matter: a '---' line, then title, summary and "
            "author, then '---'"
        ],
        writes={"docs/articles/new.md": "# New\n\nText.\n"},
    ),
    # ---- a traceback before: impossible dates, huge numbers, files that are not files ----
    Mistake(
        "date-not-in-the-calendar",
        [
            f"{A}:{line(A, 'author: rob-lovitt') + 1}:7: date: '2026-02-30' is not a day of the calendar; "
            "write a real date as YYYY-MM-DD"
        ],
        edits=[(A, "author: rob-lovitt\n", "author: rob-lovitt\ndate: 2026-02-30\n")],
    ),
    Mistake(
        "date-month-13",
        [
            f"{A}:{line(A, 'author: rob-lovitt') + 1}:7: date: '2026-13-01' is not a day of the calendar; "
            "write a real date as YYYY-MM-DD"
        ],
        edits=[(A, "author: rob-lovitt\n", "author: rob-lovitt\ndate: 2026-13-01\n")],
    ),
    Mistake(
        "date-year-0",
        [
            f"{A}:{line(A, 'author: rob-lovitt') + 1}:7: date: '0000-01-01' is not a day of the calendar; "
            "write a real date as YYYY-MM-DD"
        ],
        edits=[(A, "author: rob-lovitt\n", "author: rob-lovitt\ndate: 0000-01-01\n")],
    ),
    Mistake(
        "integer-too-long-to-print",
        [f"{S}:{P53}:18: a number of 5,000 digits; no figure needs more than 15"],
        edits=[(S, "percent: 53", f"percent: {BIG}")],
    ),
    Mistake(
        "survey-file-is-a-folder",
        ["data/surveys/extra.yml: is a folder, not a file; remove it or put a file here"],
        setup=folder("data/surveys/extra.yml"),
    ),
    Mistake(
        "survey-file-is-a-broken-link",
        ["data/surveys/extra.yml: a link to a file that does not exist; remove the link or fix it"],
        setup=link("data/surveys/extra.yml", "missing.yml"),
    ),
    Mistake(
        "survey-file-is-a-loop-of-links",
        ["data/surveys/extra.yml: cannot be read (a loop of links); replace it with a plain file"],
        setup=lambda root: (
            link("data/surveys/loop.txt", "extra.yml")(root),
            link("data/surveys/extra.yml", "loop.txt")(root),
        ),
    ),
    Mistake(
        "survey-file-is-a-pipe",
        ["data/surveys/extra.yml: is a pipe, not a file; remove it or put a file here"],
        setup=pipe("data/surveys/extra.yml"),
    ),
    Mistake(
        "page-title-is-a-list",
        [f"{INDEX}:2:8: title: must be text on one line; got a list"],
        edits=[(INDEX, "---\ndescription:", "---\ntitle: ['<b>a</b>', b]\ndescription:")],
    ),
    # ---- reading outside the project ----
    Mistake(
        "survey-file-links-outside",
        ["data/surveys/extra.yml: a link to a file outside data/, which is not read; put the file itself here"],
        setup=link("data/surveys/extra.yml", "/etc/passwd"),
    ),
    Mistake(
        "authors-file-links-to-an-endless-device",
        [f"{AUTHORS}: a link to a file outside data/, which is not read; put the file itself here"],
        setup=link(AUTHORS, "/dev/zero"),
    ),
    Mistake(
        "page-links-outside",
        ["docs/secret.md: a link to a file outside docs/, which is not read; put the file itself here"],
        # inside the repository, but not a page: as .git/config would be
        setup=lambda root: ((root / "secret.cfg").write_text("token\n"), link("docs/secret.md", "../secret.cfg")(root)),
    ),
    Mistake(
        "docs-folder-link",
        ["docs/again: a link to a folder, which would be followed (and a loop followed forever); put the folder here"],
        setup=link("docs/again", "."),
    ),
    Mistake(
        "page-is-a-pipe",
        ["docs/endless.md: is a pipe, not a file; remove it or put a file here"],
        setup=pipe("docs/endless.md"),
    ),
    Mistake(
        "page-not-utf8",
        [
            "docs/latin.md:1:4: not UTF-8 text: byte 0xE9 ('é' in Windows-1252 or Latin-1) "
            "was saved in another encoding; save the file as UTF-8 (and retype the character if it then looks wrong)"
        ],
        writes={"docs/latin.md": "café\n".encode("latin-1")},
    ),
    Mistake(
        "page-file-name-with-markup",
        [
            "docs/<img src=x>.md: a file name becomes an address and a title in the navigation: use letters, digits, "
            "'-', '_', '.' and spaces only; rename it"
        ],
        writes={"docs/<img src=x>.md": "Text.\n"},
    ),
    Mistake(
        "two-pages-one-address",
        [
            "docs/articles/social-healthcare-how-do-you-stack-up/index.md: docs/articles/social-healthcare-how-do-you-stack-up.md "
            "and docs/articles/social-healthcare-how-do-you-stack-up/index.md would both be published at "
            "/articles/social-healthcare-how-do-you-stack-up/; rename one"
        ],
        setup=lambda root: (
            (root / "docs/articles/social-healthcare-how-do-you-stack-up").mkdir(),
            (root / "docs/articles/social-healthcare-how-do-you-stack-up/index.md").write_text((root / A).read_text()),
        ),
        engine=True,
    ),
    Mistake(
        "page-settings-without-front-matter",
        [
            "docs/about.md:1:1: the page starts with 'Key: value' lines, which MkDocs reads as settings; put them "
            "between '---' lines, or start the page with text"
        ],
        writes={"docs/about.md": "Template: 404.html\n\nAbout us.\n"},
    ),
    Mistake(
        "page-too-large",
        ["docs/huge.md: the file is 2,000,000 bytes; a page may be at most 1,048,576 bytes: split or trim it"],
        writes={"docs/huge.md": "x" * 2_000_000},
    ),
    Mistake(
        "whole-file-is-one-long-value",
        [
            f"{S}:1:1: the top level must be 'key: value' lines (see CONTRIBUTING.md), not a single value "
            "('root:x:0:0:root:/root:/bin/bash root:x:0:0:root:/root:/bi...')"
        ],
        writes={S: "root:x:0:0:root:/root:/bin/bash " * 100 + "\n"},
    ),
    # ---- unbounded work ----
    Mistake(
        "page-too-slow-to-convert",
        [
            "docs/slow.md: converting this page took over 2 s and was stopped; it holds text the Markdown converter "
            "handles very slowly (thousands of '[' without ']', or of '<!--' never closed): simplify it"
        ],
        writes={"docs/slow.md": "[" * 20_000},
        engine=True,
    ),
    Mistake(
        "too-many-placeholders-on-a-page",
        ["docs/many.md:2001:1: more than 1,000 placeholders on one page; split the page"],
        writes={"docs/many.md": "<!-- data:figure ubm-social-healthcare presence some-presence -->\n\n" * 1001},
    ),
    # ---- pages outside docs/articles/ ----
    Mistake(
        "page-front-matter-alias-bomb",
        [
            f"{INDEX}:2:4: an alias (*name) repeats the value marked here with an anchor (&name); data files may not "
            "use anchors and aliases: write the value out"
        ],
        edits=[(INDEX, "---\ndescription:", "---\nx: &a [lol, lol]\ny: [*a, *a]\ndescription:")],
    ),
    Mistake(
        "page-front-matter-unknown-key",
        [f"{INDEX}:2:1: titel: unknown key 'titel'; did you mean 'title'? (remove it or fix its spelling)"],
        edits=[(INDEX, "---\ndescription:", "---\ntitel: Home\ndescription:")],
    ),
    Mistake(
        "page-description-too-long",
        [f"{INDEX}:2:14: description: is too long: 1,200 characters, at most 1,000; shorten it"],
        edits=[
            (
                INDEX,
                "description: Articles on social media in healthcare, with the survey data behind every figure.",
                "description: " + "x" * 1200,
            )
        ],
    ),
    # ---- what is written is what is read ----
    Mistake(
        "percent-with-too-many-decimals",
        [f"{S}:{P53}:18: questions[0].answers[0].percent: has more than 6 decimal places; round it"],
        edits=[(S, "percent: 53", "percent: 5e-324")],
    ),
    Mistake(
        "percent-in-base-60",
        [f"{S}:{P53}:18: questions[0].answers[0].percent: must be a plain number such as 53, not '1:09'"],
        edits=[(S, "percent: 53", "percent: 1:09")],
    ),
    Mistake(
        "key-that-is-not-a-word",
        [f"{S}:{P53 + 1}:9: a key must be a word, not a number, true/false or null: 'true'"],
        edits=[(S, "        percent: 53\n", "        percent: 53\n        true: 1\n")],
    ),
    # ---- text no output can carry ----
    Mistake(
        "control-character-in-a-label",
        [
            f"{S}:{line(S, 'label: Some presence')}:16: questions[0].answers[0].label: holds a character that cannot be "
            "published (U+0001, a control character); remove it"
        ],
        edits=[(S, "label: Some presence", 'label: "Some\\x01presence"')],
    ),
    Mistake(
        "line-separator-in-a-title",
        [
            f"{S}:{line(S, 'title: Social media presence')}:12: questions[0].title: holds a character that cannot be "
            "published (U+2028, a line break: this text stays on one line); remove it"
        ],
        edits=[(S, "title: Social media presence", 'title: "Social\\Lmedia presence"')],
    ),
    Mistake(
        "direction-control-in-a-bio",
        [
            f"{AUTHORS}:{line(AUTHORS, 'bio: >-')}:10: authors[0].bio: holds a character that cannot be published "
            "(U+202E, a control of the writing direction); remove it"
        ],
        edits=[(AUTHORS, "    bio: >-\n", '    bio: "\\u202Eevil"\n    old: >-\n')],
    ),
    Mistake(
        "noncharacter-in-a-summary",
        [
            f"{A}:{line(A, 'summary: >-')}:10: summary: holds a character that cannot be published (U+FFFE, a "
            "noncharacter); remove it"
        ],
        edits=[(A, "summary: >-\n", 'summary: "\\uFFFE"\nold: >-\n')],
    ),
    Mistake(
        "control-character-in-a-page",
        ["docs/pasted.md:3:6: holds a character that cannot be published (U+001B, a control character); remove it"],
        writes={"docs/pasted.md": "# Pasted\n\nFrom \x1b[1ma terminal\n"},
    ),
    # ---- placeholders only in page text ----
    Mistake(
        "placeholder-in-a-takeaway",
        [
            f"{TAKEAWAYS}:{line(TAKEAWAYS, 'title: ')}:12: takeaways[0].title: holds a placeholder, which works only in "
            "a page's text, not in data or front matter; write it in words (a figure typed here is refused too: figures come from placeholders only)"
        ],
        edits=[
            (
                TAKEAWAYS,
                'title: "The choice',
                'title: "<!-- data:figure ubm-social-healthcare presence some-presence --> The choice',
            )
        ],
    ),
    Mistake(
        "placeholder-in-front-matter",
        [
            f"{A}:{line(A, 'summary: >-')}:10: summary: holds a placeholder, which works only in a page's text, not in "
            "data or front matter; write it in words (a figure typed here is refused too: figures come from placeholders only)"
        ],
        edits=[
            (
                A,
                "summary: >-\n",
                "summary: '<!-- data:figure ubm-social-healthcare presence some-presence -->'\nold: >-\n",
            )
        ],
    ),
    Mistake(
        "block-placeholder-indented",
        [
            f"{A}:{line(A, 'data:takeaway') + 3}:5: <!-- data:table ubm-social-healthcare investment -->: 'table' makes "
            "a block, which cannot go inside an indented note, list item or quote; start its line at the margin"
        ],
        edits=[
            (A, "<!-- data:table ubm-social-healthcare investment -->\n", ""),
            (
                A,
                "<!-- data:takeaway get-social -->\n",
                "<!-- data:takeaway get-social -->\n\n!!! note\n\n    <!-- data:table ubm-social-healthcare investment -->\n",
            ),
        ],
    ),
    # ---- messages safe to print ----
    Mistake(
        "key-forging-a-log-line",
        [
            f"{S}:{P53 + 1}:9: questions[0].answers[0].bad\\n::warning::forged: unknown key 'bad\\n::warning::forged'; "
            "valid: 'detail', 'id', 'label', 'percent' (remove it or fix its spelling)"
        ],
        edits=[(S, "        percent: 53\n", '        percent: 53\n        "bad\\n::warning::forged": 1\n')],
    ),
    Mistake(
        "file-name-forging-a-log-line",
        [
            "data/surveys/a\\n::error::forged.yml: a survey file name is its id: rename the file with lower-case "
            "letters, digits and hyphens only "
            "(at most 60)"
        ],
        writes={"data/surveys/a\n::error::forged.yml": "title: x\n"},
    ),
    Mistake(
        "very-long-unknown-key",
        [
            f"{S}:{P53 + 1}:9: questions[0].answers[0]." + "k" * 93 + "...: unknown key '" + "k" * 57 + "...'; "
            "valid: 'detail', 'id', 'label', 'percent' (remove it or fix its spelling)"
        ],
        edits=[(S, "        percent: 53\n", "        percent: 53\n        " + "k" * 900 + ": 1\n")],
    ),
    # ---- the build checks its own output ----
    Mistake(
        "page-html-with-duplicate-ids",
        [
            "site/articles/social-healthcare-how-do-you-stack-up/index.html: element ids used more than once: 'twice'",
            "The built site failed its own check; nothing here may be published:",
        ],
        edits=[(A, "Or does it?", '<span id="twice"></span><span id="twice"></span> Or does it?')],
        warning=True,
        engine=True,
    ),
    Mistake(
        "page-html-comment-never-closed",
        [
            f"{A}:{line(A, '<!-- data:author rob-lovitt -->') + 3}:1: '<!--': a comment that is never "
            "closed hides the rest of the page; end it with '-->'"
        ],
        edits=[
            (
                A,
                "<!-- data:author rob-lovitt -->\n",
                "<!-- data:author rob-lovitt -->\n\n<div>\n<!-- forgot to close\n</div>\n",
            )
        ],
    ),
    Mistake(
        "page-script-tag",
        [
            f"{INDEX}:{line(INDEX, '<!-- data:articles -->')}:1: '<script': <script> is HTML a page may not "
            "hold: pages keep to text, links, images, lists, tables, figures and quotes, and nothing that runs a "
            "script or hides the page; remove it, or write it in Markdown"
        ],
        edits=[
            (
                INDEX,
                "<!-- data:articles -->",
                '<script type="application/ld+json">{]</script>\n\n<!-- data:articles -->',
            )
        ],
    ),
    Mistake(
        "page-event-handler",
        [
            f"{INDEX}:{line(INDEX, '<!-- data:articles -->')}:4: 'onclick=\"go()\"': the attribute 'onclick' "
            "may not be set here: no event handlers (on...), styles or hiding; allowed on <b>: class, dir, id, lang, "
            "title; remove it"
        ],
        edits=[(INDEX, "<!-- data:articles -->", '<b onclick="go()">Read</b>\n\n<!-- data:articles -->')],
    ),
    Mistake(
        "page-javascript-link",
        [
            f"{INDEX}:{line(INDEX, '<!-- data:articles -->')}:13: 'javascript:go(': an address starting "
            "'javascript:', which a page may not link to; use an https:// address or a page of the site"
        ],
        edits=[(INDEX, "<!-- data:articles -->", "[Read more](javascript:go())\n\n<!-- data:articles -->")],
    ),
    Mistake(
        "page-takes-the-sites-address",
        [
            "docs/assets/images/favicon.png: takes the address assets/images/favicon.png, "
            "which the site's theme or engine writes; rename the file or move it to another folder"
        ],
        writes={"docs/assets/images/favicon.png": b"\x89PNG\r\n\x1a\n mine"},
        engine=True,
    ),
    Mistake(
        "docs-folder-is-a-link",
        [
            "docs: a link (to .git), where the build reads or writes only the project's own folders; "
            "replace the link with the folder itself"
        ],
        setup=lambda root: (
            shutil.move(root / "docs", root / "docs-real"),
            (root / ".git").mkdir(exist_ok=True),
            link("docs", ".git")(root),
        ),
        engine=True,
    ),
    Mistake(
        "placeholder-question-twice",
        [
            f"{A}:{line(A, 'healthcare effectiveness -->')}:1: <!-- data:table ubm-social-healthcare presence -->: "
            "survey 'ubm-social-healthcare' question 'presence' is already shown above on this page; "
            "show each question once"
        ],
        edits=[(A, "data:table ubm-social-healthcare effectiveness", "data:table ubm-social-healthcare presence")],
    ),
    Mistake(
        "placeholder-your-benchmark-before-its-benchmarks",
        [
            f"{A}:{line(A, 'There’s no denying')}:1: <!-- data:self-assessment ubm-social-healthcare -->: 'Your "
            "benchmark' gathers the answers to the benchmarks of survey 'ubm-social-healthcare' above it on the page, "
            "and there is none; put it after <!-- data:table ubm-social-healthcare QUESTION --> or "
            "<!-- data:tables ubm-social-healthcare -->",
        ],
        edits=[(A, "There’s no denying", "<!-- data:self-assessment ubm-social-healthcare -->\n\nThere’s no denying")],
    ),
    Mistake(
        "placeholder-your-benchmark-twice",
        [
            f"{A}:{line(A, 'data:source')}:1: <!-- data:self-assessment ubm-social-healthcare -->: "
            "'Your benchmark' of survey 'ubm-social-healthcare' is already on this page; keep one"
        ],
        edits=[(A, "<!-- data:source", "<!-- data:self-assessment ubm-social-healthcare -->\n\n<!-- data:source")],
    ),
    Mistake(
        "placeholder-inside-a-comment",
        [
            f"{A}:{line(A, 'data:takeaway') + 1}:1: <!-- data:takeaway get-social -->: this placeholder is inside an "
            f"HTML comment opened on line {line(A, 'data:takeaway')} and not closed before it (comments do not nest): "
            "close that comment with '-->' where it should end; or, if you meant to hide this placeholder, delete its "
            "line instead"
        ],
        edits=[(A, "<!-- data:takeaway get-social -->\n", "<!--\n<!-- data:takeaway get-social -->\n-->\n")],
    ),
    Mistake(
        "placeholder-unknown-kind",
        [
            f"{A}:{line(A, 'data:takeaway')}:1: <!-- data:takaway get-social -->: unknown placeholder 'takaway'; "
            "did you mean 'takeaway'?"
        ],
        edits=[(A, "data:takeaway get-social", "data:takaway get-social")],
    ),
    Mistake(
        "placeholder-unknown-survey",
        [
            f"{A}:{line(A, 'data:source')}:1: <!-- data:source ubm-social-health -->: unknown survey "
            "'ubm-social-health'; did you mean 'ubm-social-healthcare'? (see data/surveys/)"
        ],
        edits=[(A, "data:source ubm-social-healthcare", "data:source ubm-social-health")],
    ),
    Mistake(
        "placeholder-unknown-question",
        [
            f"{A}:{line(A, 'healthcare uses -->')}:1: <!-- data:table ubm-social-healthcare use -->: unknown question "
            "'use' in survey 'ubm-social-healthcare'; did you mean 'uses'?"
        ],
        edits=[(A, "ubm-social-healthcare uses -->", "ubm-social-healthcare use -->")],
    ),
    Mistake(
        "placeholder-unknown-answer",
        [
            f"{A}:{line(A, 'Or does it?')}:13: <!-- data:figure ubm-social-healthcare presence some -->: unknown "
            "answer 'some' in question 'presence'; valid: 'good-deal-of-activity', 'some-presence'"
        ],
        edits=[(A, "Or does it?", "Or does it (<!-- data:figure ubm-social-healthcare presence some -->)?")],
    ),
    Mistake(
        "placeholder-missing-argument",
        [
            f"{A}:{line(A, 'healthcare uses -->')}:1: <!-- data:table uses -->: 'table' takes 2 arguments, got 1; "
            "write it as <!-- data:table SURVEY QUESTION -->"
        ],
        edits=[(A, "data:table ubm-social-healthcare uses", "data:table uses")],
    ),
    Mistake(
        "placeholder-not-closed",
        [f"{A}:{line(A, 'data:author')}:1: placeholder is not closed: end it with '-->' on the same line"],
        edits=[(A, "<!-- data:author rob-lovitt -->", "<!-- data:author rob-lovitt")],
    ),
    Mistake(
        "block-placeholder-in-a-sentence",
        [
            f"{A}:{line(A, 'data:takeaway')}:11: <!-- data:takeaway get-social -->: 'takeaway' makes a block: "
            "put it on a line of its own, with a blank line before and after"
        ],
        edits=[(A, "<!-- data:takeaway get-social -->", "In short: <!-- data:takeaway get-social -->")],
    ),
    Mistake(
        "unknown-takeaway",
        [
            f"{A}:{line(A, 'data:takeaway')}:1: <!-- data:takeaway get-socail -->: unknown takeaway 'get-socail'; "
            "did you mean 'get-social'?"
        ],
        edits=[(A, "data:takeaway get-social", "data:takeaway get-socail")],
    ),
    Mistake(
        "mistakes-in-several-data-files",
        [
            f"{S}:{line(S, 'percent: 47')}:18: questions[0].answers[1].percent: write the number without the % sign: 47",
            f"{AUTHORS}:{line(AUTHORS, 'name: Rob Lovitt')}:5: authors[0].nam: unknown key 'nam'; did you mean 'name'? "
            "(remove it or fix its spelling)",
        ],
        edits=[(S, "percent: 47", 'percent: "47%"'), (AUTHORS, "name: Rob Lovitt", "nam: Rob Lovitt")],
    ),
    # ---- what writers met: the last mile ----
    Mistake(
        "article-outside-articles",
        [
            "docs/short-note.md:1:1: this page has an article's 'summary' and 'author', but articles live in "
            "docs/articles/: move the file to docs/articles/short-note.md"
        ],
        writes={"docs/short-note.md": "---\ntitle: A note\nsummary: Short.\nauthor: rob-lovitt\n---\n\nText.\n"},
        real=True,
    ),
    Mistake(
        "title-repeated-as-heading",
        [
            f"{A}:{line(A, 'author: rob-lovitt') + 3}:1: a level-1 heading, but an article's title is already shown "
            "from its front matter; remove this heading, or make it a section with '## '"
        ],
        edits=[(A, "author: rob-lovitt\n---\n", "author: rob-lovitt\n---\n\n# Social Healthcare\n")],
        real=True,
    ),
    Mistake(
        "title-as-a-heading-instead",
        [
            f"{A}:{line(A, 'author: rob-lovitt') + 2}:1: an article's title goes in its front matter, not in a '#' "
            "heading: move this heading's words into the front matter as 'title: ...', and remove the heading"
        ],
        edits=[
            (A, 'title: "Social Healthcare: How Do You Stack Up?"\n', ""),
            (A, "author: rob-lovitt\n---\n", "author: rob-lovitt\n---\n\n# Social Healthcare\n"),
        ],
        real=True,
    ),
    Mistake(
        "shares-as-fractions",
        [
            f"{S}:{P53}:9: questions[0].answers[0].percent: every share of this question is 1 or less, as if "
            "written as a fraction (0.53); a percent is out of 100: write 53 for 53%"
        ],
        edits=[(S, "percent: 53", "percent: 0.53"), (S, "percent: 47", "percent: 0.47")],
        real=True,
    ),
    Mistake(
        "percent-left-empty",
        [f"{S}:{P53}:17: questions[0].answers[0].percent: nothing after 'percent:'; write a plain number such as 53"],
        edits=[(S, "percent: 53", "percent:")],
        real=True,
    ),
    Mistake(
        "author-by-name",
        [
            f"{A}:{line(A, 'author: rob-lovitt')}:9: author: unknown author 'Rob Lovitt': write the author's id, "
            "'rob-lovitt', not their name (see data/authors.yml)"
        ],
        edits=[(A, "author: rob-lovitt", "author: Rob Lovitt")],
        real=True,
    ),
    Mistake(
        "page-saved-as-upper-case-md",
        [
            "docs/articles/short-note.MD: a page must end in .md, in lower case, or it is published as plain text: "
            "save it as short-note.md"
        ],
        writes={"docs/articles/short-note.MD": (ROOT / A).read_text(encoding="utf-8")},
        real=True,
    ),
    Mistake(
        "page-saved-as-text",
        [
            "docs/articles/short-note.md.txt: a page must end in .md, or it is not published as a page: save it as short-note.md"
        ],
        writes={"docs/articles/short-note.md.txt": (ROOT / A).read_text(encoding="utf-8")},
        real=True,
    ),
    Mistake(
        "html-file-in-docs",
        [
            "docs/extra.html: a .html file would be published as it is; this folder holds pages (.md) and files a "
            "page shows or links to (.avif .csv .gif .jpeg .jpg .md .pdf .png .webp): write it as a page, or remove it"
        ],
        writes={"docs/extra.html": "<p>hi</p>\n"},
    ),
    Mistake(
        "survey-one-folder-too-high",
        ["data/my-survey.yml: the build reads surveys from data/surveys/ only: move it to data/surveys/my-survey.yml"],
        writes={"data/my-survey.yml": (ROOT / S).read_text(encoding="utf-8")},
        real=True,
    ),
    Mistake(
        "survey-in-a-subfolder",
        [
            "data/surveys/2026/my-survey.yml: the build reads surveys from data/surveys/ itself, not from folders "
            "in it: move it to data/surveys/my-survey.yml"
        ],
        writes={"data/surveys/2026/my-survey.yml": (ROOT / S).read_text(encoding="utf-8")},
    ),
    Mistake(
        "article-in-data",
        [
            "data/articles/second.md: a page, which the build reads from docs/ only: move it to docs/articles/second.md (or docs/)"
        ],
        writes={"data/articles/second.md": (ROOT / A).read_text(encoding="utf-8")},
    ),
    Mistake(
        "page-hidden-by-its-name",
        [
            "docs/articles/.second.md: a name that starts with '.' is never published: rename it second.md (to hold "
            "a page back, write 'draft: true' in its front matter)"
        ],
        writes={"docs/articles/.second.md": (ROOT / A).read_text(encoding="utf-8")},
        real=True,
    ),
    Mistake(
        "space-before-md",
        ["docs/articles/second .md: the name has a space before '.md' or at its start: rename it second.md"],
        writes={
            "docs/articles/second .md": (ROOT / A).read_text(encoding="utf-8").replace("data:table", "data:tablex")
        },
    ),
    Mistake(
        "image-ending-in-capitals",
        ["docs/articles/IMG_0042.JPG: the ending must be in lower case, as pages link to it: rename it IMG_0042.jpg"],
        writes={"docs/articles/IMG_0042.JPG": b"\xff\xd8\xff"},
    ),
    Mistake(
        "editor-backup-in-docs",
        ["docs/articles/note.md~: an editor's backup copy, which would be published as it is: delete it"],
        writes={"docs/articles/note.md~": "old text\n"},
    ),
    Mistake(
        "survey-in-docs",
        [
            "docs/my-survey.yml: a data file here would be published as it is: a survey goes in data/surveys/, "
            "authors in data/authors.yml, takeaways in data/takeaways.yml; move it"
        ],
        writes={"docs/my-survey.yml": (ROOT / S).read_text(encoding="utf-8")},
    ),
    Mistake(
        "percent-in-straight-quotes",
        [
            f"{S}:{P53}:18: questions[0].answers[0].percent: is in quotes, which makes it text: write it without them, percent: 53"
        ],
        edits=[(S, "percent: 53", 'percent: "53"')],
        real=True,
    ),
    Mistake(
        "decimal-comma",
        [f"{S}:{P53}:18: questions[0].answers[0].percent: write the decimal with a point, not a comma: percent: 53.5"],
        edits=[(S, "percent: 53", "percent: 53,5")],
    ),
    Mistake(
        "percent-not-given",
        [
            f"{S}:{P53}:18: questions[0].answers[0].percent: must be a plain number such as 53, not 'n/a': where the "
            "source gives no figure, leave the answer out (the table then says the rest was not reported)"
        ],
        edits=[(S, "percent: 53", "percent: n/a")],
    ),
    Mistake(
        "title-in-curly-quotes",
        [
            f"{S}:{line(S, 'title: Social media presence')}:12: questions[0].title: is wrapped in curly quotes, which "
            'YAML keeps as part of the text (the site would show them): remove them, or type straight quotes (") '
            "if the text holds ': '"
        ],
        edits=[(S, "title: Social media presence", "title: \u201cSocial media presence\u201d")],
        real=True,
    ),
    Mistake(
        "answers-for-not-your",
        [
            f"{S}:{line(S, 'answers_for:')}:14: answers_for: must be 'you', or 'your' and a noun, such as 'your "
            "organisation'; got 'our organisation'"
        ],
        edits=[(S, "answers_for: your organisation", "answers_for: our organisation")],
    ),
    Mistake(
        "kind-left-out",
        [
            f"{S}:{PRESENCE}:5: questions[0].kind: required field 'kind' is missing; add 'kind: single' or 'kind: multiple'"
        ],
        edits=[
            (
                S,
                "    kind: single\n",
                "",
            )
        ],
    ),
    Mistake(
        "percent-in-curly-quotes",
        [
            f"{S}:{P53}:18: questions[0].answers[0].percent: must be a plain number such as 53, not '\u201c53\u201d'; "
            "remove the curly quotes around it: YAML reads them as part of the value"
        ],
        edits=[(S, "percent: 53", "percent: \u201c53\u201d")],
        real=True,
    ),
    Mistake(
        "link-to-a-missing-page",
        [
            f"{A}:{line(A, 'There’s no denying')}:25: a link to 'other-article.md', but docs/articles/other-article.md "
            "is no page or file of the site; fix the address (it is relative to this page's folder)"
        ],
        edits=[(A, "There’s no denying", "See [the other article](other-article.md).\n\nThere’s no denying")],
        warning=True,
        engine=True,
    ),
    Mistake(
        "link-to-a-missing-heading",
        [
            f"{A}:{line(A, 'There’s no denying')}:12: a link to '../index.md#nowhere', but docs/index.md has no "
            "heading or id 'nowhere'; fix the part after '#' (a heading's id is its words in lower case, joined by "
            "hyphens; a benchmark's is benchmark--SURVEY--QUESTION)"
        ],
        edits=[(A, "There’s no denying", "See [home](../index.md#nowhere).\n\nThere’s no denying")],
        warning=True,
        engine=True,
    ),
    Mistake(
        "link-to-a-folder",
        [
            f"{A}:{line(A, 'There’s no denying')}:16: a link to '../articles', which names no page: link to the "
            "page's file, ending in .md (a folder's page is its index.md)"
        ],
        edits=[(A, "There’s no denying", "See [the list](../articles).\n\nThere’s no denying")],
        warning=True,
        engine=True,
    ),
    Mistake(
        "misspelt-required-key",
        [
            f"{A}:{line(A, 'summary: >-')}:1: sumary: unknown key 'sumary'; did you mean 'summary'? (remove it or fix "
            "its spelling)"
        ],
        edits=[(A, "summary: >-", "sumary: >-")],
        real=True,
    ),
    Mistake(
        "percent-sign-after-a-figure",
        [
            f"{A}:{line(A, 'There’s no denying')}:77: the figure shows its own % sign: remove the one after the placeholder"
        ],
        edits=[
            (
                A,
                "There’s no denying",
                "Over half (<!-- data:figure ubm-social-healthcare presence some-presence -->%) did.\n\nThere’s no denying",
            )
        ],
        real=True,
    ),
    Mistake(
        "figure-in-bold",
        [
            f"{A}:{line(A, 'There’s no denying')}:3: '53**%': a percentage typed into the page: every figure must come from data/, so write "
            "<!-- data:figure SURVEY QUESTION ANSWER --> instead; for a percentage that is not a survey figure, "
            "write the sign as &#37; (50&#37;) or the space before 'percent' as &nbsp;"
        ],
        edits=[(A, "There’s no denying", "**53**% did.\n\nThere’s no denying")],
        real=True,
    ),
    Mistake(
        "space-before-a-links-address",
        [
            f"{A}:{line(A, 'There’s no denying')}:5: a space between a link's ']' and its '(' makes it plain text: remove the space"
        ],
        edits=[(A, "There’s no denying", "See [the report] (https://example.org/r).\n\nThere’s no denying")],
        real=True,
    ),
    Mistake(
        "reference-link-never-given",
        [
            f"{A}:{line(A, 'There’s no denying')}:5: a link to [ubm], whose address is never given: add a line '[ubm]: https://...' below "
            "the paragraph, or write the address in the link, [text](https://...)"
        ],
        edits=[(A, "There’s no denying", "See [the report][ubm].\n\nThere’s no denying")],
    ),
    Mistake(
        "image-without-description",
        [
            f"{A}:{line(A, 'There’s no denying')}:1: an image with no description: write what it shows, ![a bar chart of ...](...), so "
            "that readers who cannot see it are told"
        ],
        writes={"docs/articles/chart.png": b"\x89PNG\r\n\x1a\n"},
        edits=[(A, "There’s no denying", "![](chart.png)\n\nThere’s no denying")],
        real=True,
    ),
    Mistake(
        "image-from-another-site",
        [
            f"{A}:{line(A, 'There’s no denying')}:1: an image from another site, which every reader's browser would fetch from there (and "
            "the site's policy blocks): save the image in docs/ beside the page and link to it there"
        ],
        edits=[(A, "There’s no denying", "![A chart](https://example.org/chart.png)\n\nThere’s no denying")],
        real=True,
    ),
    Mistake(
        "raw-h1-in-an-article",
        [
            f"{A}:{line(A, 'There’s no denying')}:1: a level-1 heading, but an article's title is already shown from its front matter; "
            "remove this heading, or make it a section with '## '"
        ],
        edits=[(A, "There’s no denying", "<h1>Big heading</h1>\n\nThere’s no denying")],
    ),
    Mistake(
        "front-matter-never-closed",
        [
            f"{A}:{line(A, 'author: rob-lovitt') + 1}:1: the front matter opened on line 1 is never closed: add a "
            f"'---' line after its last setting (line {line(A, 'author: rob-lovitt')})"
        ],
        edits=[(A, "author: rob-lovitt\n---\n", "author: rob-lovitt\n")],
        real=True,
    ),
    Mistake(
        "front-matter-below-a-blank-line",
        [f"{A}:1:1: the front matter must start on line 1: remove the blank lines above its '---'"],
        edits=[(A, "---\ntitle:", "\n---\ntitle:")],
    ),
    Mistake(
        "front-matter-opened-with-a-dash",
        [f"{A}:1:1: front matter opens with '---', three hyphens; this line has a dash an editor made: type '---'"],
        edits=[(A, "---\ntitle:", "\u2014\ntitle:")],
    ),
    Mistake(
        "author-by-name-in-a-placeholder",
        [
            f"{A}:{line(A, 'data:author')}:1: <!-- data:author Rob Lovitt -->: write the author's id, not their "
            "name: <!-- data:author rob-lovitt -->"
        ],
        edits=[(A, "<!-- data:author rob-lovitt -->", "<!-- data:author Rob Lovitt -->")],
    ),
    Mistake(
        "link-to-an-address-without-https",
        [
            f"{A}:{line(A, 'There’s no denying')}:18: a link to 'example.org/report', which looks like a web address: write it in full, "
            "'https://example.org/report'"
        ],
        edits=[(A, "There’s no denying", "See [the report](example.org/report).\n\nThere’s no denying")],
        warning=True,
        engine=True,
    ),
    Mistake(
        "link-from-the-sites-root",
        [
            f"{A}:{line(A, 'There’s no denying')}:19: a link from the site's root, '/archive/', which breaks when the site is published "
            "under a path, and which the build cannot check: write '../archive/index.md'"
        ],
        edits=[(A, "There’s no denying", "See [the archive](/archive/).\n\nThere’s no denying")],
        warning=True,
        engine=True,
    ),
    Mistake(
        "link-to-a-benchmark-misspelt",
        [
            f"{A}:{line(A, 'There’s no denying')}:12: a link to '#benchmark--ubm-social-healthcare--presenc', but this page has no heading "
            "or id 'benchmark--ubm-social-healthcare--presenc'; did you mean '#benchmark--ubm-social-healthcare--presence'?"
        ],
        edits=[
            (A, "There’s no denying", "See [that](#benchmark--ubm-social-healthcare--presenc).\n\nThere’s no denying")
        ],
        warning=True,
        engine=True,
    ),
    Mistake(
        "several-mistakes-at-once",
        [
            f"{A}:{line(A, 'data:takeaway')}:1: <!-- data:takaway get-social -->: unknown placeholder 'takaway'; "
            "did you mean 'takeaway'?",
            f"{A}:{line(A, 'data:author')}:1: <!-- data:author rob -->: unknown author 'rob'; valid: 'rob-lovitt'",
            f"docs/index.md:{line('docs/index.md', 'data:articles')}:1: <!-- data:article -->: unknown placeholder 'article'; did you mean 'articles'?",
        ],
        edits=[
            (A, "data:takeaway get-social", "data:takaway get-social"),
            (A, "data:author rob-lovitt", "data:author rob"),
            ("docs/index.md", "data:articles", "data:article"),
        ],
    ),
]


# One real build for each way a mistake reaches the build: route -> the mistake that shows it.
ROUTES = {
    "a data file's YAML": "yaml-unclosed-quote",
    "a data file's values": "percent-with-sign",
    "a data file that is not a file": "survey-file-is-a-pipe",
    "data no page shows (a strict-mode warning)": "question-shown-nowhere",
    "a page's front matter": "unknown-author",
    "a page's text": "percentage-typed-into-markdown",
    "a placeholder": "placeholder-unknown-question",
    "docs/ itself": "docs-folder-link",
    "mistakes in several files at once": "several-mistakes-at-once",
}
BY_NAME = {m.name: m for m in CATALOGUE}


# Mistakes that are several at once, each told: a file with no schema line that is also not a
# mapping, a key renamed (the required one missing, the new one unknown), and edits that keep
# a folded text's lines under a key of their own ('old:').
SEVERAL = {
    "list-not-mapping",
    "whole-file-is-one-long-value",
    "author-without-bio",
    "front-matter-missing-summary",
    "direction-control-in-a-bio",
    "noncharacter-in-a-summary",
    "placeholder-in-front-matter",
}


def test_the_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 30
    assert len({m.name for m in CATALOGUE}) == len(CATALOGUE)
    assert set(ROUTES.values()) <= set(BY_NAME)


def site_with(tmp_path: Path, mistake: Mistake) -> Path:
    root = make_site(tmp_path)
    for path, old, new in mistake.edits:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    for path, content in mistake.writes.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    if mistake.setup:
        mistake.setup(root)
    return root


@pytest.mark.parametrize("mistake", [m for m in CATALOGUE if not m.engine], ids=lambda m: m.name)
def test_mistake_is_found_by_the_builds_checks(tmp_path, mistake):
    found = check_project(site_with(tmp_path, mistake), datetime.now(UTC).date())
    assert bool(found.warnings) == mistake.warning and bool(found.problems) != mistake.warning, found.lines()
    for message in mistake.expected:
        if message.startswith("Aborted"):
            continue  # the engine's own line, after the warnings
        assert any(line.endswith(message) for line in found.lines()), found.lines()
    # One line per mistake: no second message for the same one, to mislead.
    if mistake.name not in SEVERAL:
        assert len(found.lines()) == len([m for m in mistake.expected if not m.startswith("Aborted")]), found.lines()


@pytest.mark.slow
@pytest.mark.parametrize(
    "mistake", [m for m in CATALOGUE if m.engine or m.real or m.name in ROUTES.values()], ids=lambda m: m.name
)
def test_mistake_fails_the_build_with_its_message(tmp_path, mistake):
    root = site_with(tmp_path, mistake)
    # Bounded: whatever the mistake, the build ends within 10 s and 1.5 GiB, or the test fails.
    result = build(root, timeout=10, memory_cap=1536 * 1024 * 1024)
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output
    # An error stops the build before any page is written; a strict-mode warning fails it at the end.
    assert (result.site / "articles/social-healthcare-how-do-you-stack-up/index.html").exists() == mistake.warning
    printed = result.output.splitlines()
    for message in mistake.expected:
        # Whole lines, after MkDocs' "ERROR    -  " or "WARNING  -  "
        assert any(text.endswith(message) for text in printed), result.output
