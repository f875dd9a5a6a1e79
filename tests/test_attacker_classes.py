"""What a contributor who can only open pull requests might try, one test per class of attack
(issue 22): each class closed at its root, tried with several cases."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import build, make_site

from output_check import check_html
from site_check import check_project
from typed_figures import typed_figures
from writer_html import html_problems, sanitised

# ---- 1. Nothing outside the project --------------------------------------------------------------


def _linked(root: Path, name: str, to: str) -> None:
    """Make `name` (a folder of the project, perhaps missing) a link to `to`."""
    path = root / name
    if path.is_dir() and not path.is_symlink():
        shutil.move(path, root / f"{name}-moved")
    os.symlink(to, path)


@pytest.mark.parametrize(
    ("name", "to"),
    [
        ("docs", ".git"),  # would publish .git/config
        ("docs", "docs-elsewhere"),  # a link inside the project is a link all the same
        ("data", "/etc"),
        (".cache", "/tmp"),  # images would be written outside
        ("site", "/tmp/site-outside"),  # the engine cleans and writes its output folder
    ],
)
def test_no_folder_the_build_reads_or_writes_may_be_a_link(tmp_path, name, to):
    (tmp_path / "p").mkdir()
    root = make_site(tmp_path / "p")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[http] extraheader = AUTHORIZATION: basic SECRET\n")
    if to == "docs-elsewhere":
        shutil.copytree(root / "docs", root / "docs-elsewhere")
    _linked(root, name, to)
    result = build(root)
    assert result.returncode != 0
    assert f"{name}: a link (to {to})" in result.output, result.output
    published = [p for p in root.rglob("*") if p.is_file() and "site" in p.parts]
    assert not any("SECRET" in p.read_text(errors="replace") for p in published)
    # The same answer without the engine (the check that runs before Zensical).
    problems = check_project(root, datetime.date.today()).problems
    assert [p.file for p in problems] == [name]


# ---- 5. No crash: every YAML node type, every number in a placeholder, one checked path ----------

TAGS = [
    "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!binary",
    "!!seq", "!!map", "!!set", "!!omap", "!!pairs", "!!merge", "!!value", "!!yaml",
]  # fmt: skip
SHAPES = ["[1]", "{a: 1}", "abc", "12", "2026-11-20", "''"]


@pytest.mark.parametrize("tag", TAGS)
def test_any_tag_on_any_node_is_a_message_never_a_traceback(tag):
    from page_reading import read_page
    from survey_data.models import Survey
    from survey_data.page_meta import ArticleMeta
    from survey_data.validate import validate_file

    for shape in SHAPES:
        page = read_page("docs/articles/a.md", f"---\ntitle: {tag} {shape}\n---\n\n## x\n", {"a": None}, True)
        for problem in page.problems:
            assert problem.file == "docs/articles/a.md" and problem.line == 2, problem
        survey = f"title: {tag} {shape}\nsource:\n  publisher: P\nquestions: []\n"
        parsed, problems = validate_file("data/surveys/s.yml", survey, Survey)
        assert parsed is None and problems and all(p.line for p in problems), (shape, problems)
        # Deeper down: in a list, and as a key's value in a mapping.
        nested = f"title: T\nsource:\n  publisher: {tag} {shape}\nquestions:\n  - {tag} {shape}\n"
        assert validate_file("data/surveys/s.yml", nested, Survey)[1]
    assert ArticleMeta  # the front matter's own model is the one read_page checks against


@pytest.mark.parametrize("number", ["²", "1٣", "１", "9" * 5000, "-1", "0", "1e3", ""])
def test_a_placeholder_number_is_read_by_one_checked_path(number):
    from placeholder_kinds import _archive_shown, page_number

    assert page_number(number) is None or page_number(number) == 0
    assert _archive_shown((number,)) == (0, None) or number == "0"


# ---- 4. Every scan linear; the output has a budget ------------------------------------------------

MIB = 1024 * 1024


def _scan_seconds(scan, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - start)
    return best


def _adversarial(unit: str, size: int) -> str:
    return unit * (size // len(unit))


SCANS = {
    # The typed-figure check: figures on one long line, inside an unclosed tag, in addresses.
    "figures in a tag left open": (lambda t: typed_figures("p.md", t), "<b " + "53% x "),
    "figures after a lone <": (lambda t: typed_figures("p.md", t), "(< x) 1 "),
    "figures in a link's address": (lambda t: typed_figures("p.md", t), "[a](53% "),
    "code spans": (lambda t: typed_figures("p.md", t), "`a` `` 53% "),
    "comments left open": (lambda t: typed_figures("p.md", t), "<!-- 53% "),
    # The output check: '<script ' inside an attribute, ids, comments, raw-text elements.
    "scripts in an attribute": (check_html, '<div title="' + "<script "),
    "ids in a tag": (check_html, "<p id=a "),
    "comments in output": (check_html, "<!-- "),
    "templates": (check_html, "<template>"),
    "addresses with spaces": (check_html, ' href="a b c d'),
    # Placeholders and the Markdown scanner.
    "placeholders left open": (lambda t: typed_figures("p.md", t), "<!-- data:table a b "),
    # The writer's HTML: quotes never closed, tags never ended, attr_list braces.
    "tags with a quote left open": (lambda t: html_problems("p.md", t), '<a "<a '),
    "tags never ended": (lambda t: html_problems("p.md", t), "<b class=x "),
    "attribute lists": (lambda t: html_problems("p.md", t), "{: .a #b c=d "),
    "comments in a page": (lambda t: html_problems("p.md", t), "<!-- x --> <!-- "),
    "the sanitiser": (sanitised, "<b><i>x<script>"),
}


@pytest.mark.parametrize("name", SCANS)
def test_every_scan_over_page_or_output_text_is_linear(name):
    """1 MiB of the worst text we know for each scan takes about eight times as long as 128
    KiB: linear. (A quadratic scan takes sixty-four times as long, and minutes at 1 MiB.)"""
    scan, unit = SCANS[name]
    small = _scan_seconds(scan, _adversarial(unit, MIB // 8))
    large = _scan_seconds(scan, _adversarial(unit, MIB))
    assert large < max(20 * small, 0.05), (name, small, large)


def test_a_survey_shown_on_too_many_pages_stops_the_build_early(tmp_path):
    root = make_site(tmp_path)
    labels = "\n".join(f"      - id: a{a}\n        label: {'L' * 370} {a}\n        percent: 1" for a in range(40))
    questions = "".join(
        f"  - id: q{q}\n    title: Q{q}\n    kind: multiple\n    answers:\n{labels}\n" for q in range(60)
    )
    (root / "data/surveys/big.yml").write_text(
        "# yaml-language-server: $schema=../../schema/survey.schema.json\n"
        f"title: Big\nsource:\n  publisher: P\nquestions:\n{questions}",
        encoding="utf-8",
    )
    for i in range(60):
        (root / f"docs/articles/big-{i:02}.md").write_text(
            f"---\ntitle: Big {i}\nsummary: S\nauthor: rob-lovitt\n---\n\nText.\n\n<!-- data:tables big -->\n"
        )
    result = build(root)
    assert result.returncode != 0
    assert "data/surveys/big.yml: the pages made so far add up to more than 100 MB" in result.output
    assert "survey 'big' is shown on" in result.output and "docs/articles/big-00.md" in result.output
    # Stopped before a page was written.
    assert not list(result.site.glob("articles/big-*/index.html"))


# ---- 3. Nothing live from a writer ----------------------------------------------------------------

LIVE = [
    ("<script>alert(1)</script>", "<script> is HTML a page may not hold"),
    ("<SCRIPT SRC=//x.example/a.js></SCRIPT>", "<script> is HTML a page may not hold"),
    ('<a href="javascript:alert(1)">x</a>', "an address starting 'javascript:'"),
    ('<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>', "an address starting 'javascript:'"),
    ('<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">', "an address starting 'data:'"),
    ('<b onclick="alert(1)">x</b>', "the attribute 'onclick' may not be set"),
    ('<p style="display:none">x</p>', "the attribute 'style' may not be set"),
    ("<div hidden>x</div>", "the attribute 'hidden' may not be set"),
    ("<template>", "<template> is HTML a page may not hold"),
    ("<iframe src=https://x.example></iframe>", "<iframe> is HTML a page may not hold"),
    ("<svg><script>alert(1)</script></svg>", "<svg> is HTML a page may not hold"),
    ('{: onmouseover="alert(1)" }', "the attribute 'onmouseover' may not be set"),
    ("<!-- a comment never closed", "a comment that is never closed hides the rest of the page"),
    ("[a link](https://x.example){ onclick=alert(1) }", "the attribute 'onclick' may not be set"),
    ("[a link](https://x.example){ href=javascript:alert(1) }", "an address starting 'javascript:'"),
]


@pytest.mark.parametrize(("html", "message"), LIVE, ids=[h[:30] for h, _ in LIVE])
def test_live_markup_in_a_page_is_refused_at_its_line(html, message):
    from page_reading import read_page

    text = f"---\ntitle: T\n---\n\n# T\n\nSome text.\n\n{html}\n"
    problems = read_page("docs/p.md", text, None, False).problems
    assert problems, html
    assert problems[0].line == 9 and problems[0].column >= 1 and message in problems[0].message, problems


def test_what_a_page_may_hold_passes():
    from page_reading import read_page

    allowed = (
        '<figure class="pull-quote" markdown>\n\n> Quoted.\n\n<figcaption>Someone</figcaption>\n</figure>\n\n'
        '<a href="https://example.org/">a</a> <a href="../other/">b</a> <a href="mailto:a@b.org">c</a> '
        '<img src="pic.png" alt="x"> <abbr title="World Health Organization">WHO</abbr> a < b, (< 3 >) '
        "<https://example.org> <a@b.org> `<script>` in code\n\n```html\n<script>in a fence</script>\n```\n"
        "A paragraph\n{: #an-id .a-class }\n"
    )
    assert read_page("docs/p.md", f"# T\n\n{allowed}", None, False).problems == []


def test_the_sanitiser_takes_out_whatever_a_check_could_miss():
    """Defence in depth: the HTML Markdown made passes through the same allow-list (nh3)."""
    from writer_html import sanitised

    payloads = [
        "<script>alert(1)</script>",
        "<scr<script>ipt>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="java\tscript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
        "<svg><animate onbegin=alert(1) attributeName=x></svg>",
        "<template><p>hidden</p></template>",
        "<style>body{display:none}</style>",
        '<p style="display:none" hidden>x</p>',
        "<details><summary>s</summary>closed</details>",
        '<form action="https://x.example"><input name=a></form>',
        "<base href='https://x.example/'>",
        "<object data=x></object><embed src=x><iframe src=x></iframe>",
    ]
    out = sanitised("<p>before<!--survey-block-0-->" + "".join(payloads) + "after</p>")
    lowered = out.lower()
    live = "<script onerror onbegin javascript <template <style style= hidden <details <form <input <base <object"
    for found in (*live.split(), "<embed", "<iframe", "<math", "<svg"):
        assert found not in lowered, (found, out)
    assert "<!--survey-block-0-->" in out and "after" in out  # the site's own token kept, and the text


def test_a_writers_file_may_not_take_an_address_the_site_or_theme_writes(tmp_path):
    root = make_site(tmp_path)
    (root / "docs/assets/images").mkdir(parents=True)
    (root / "docs/assets/images/favicon.png").write_bytes(b"\x89PNG\r\n\x1a\n mine")
    (root / "docs/archive.md").write_text("# Mine\n\nText.\n")
    (root / "docs/search.md").write_text("# Mine\n\nText.\n")  # a page where the search index lives
    (root / "docs/feed.xml").mkdir()  # a folder where the site writes a file
    (root / "docs/feed.xml/index.md").write_text("# Mine\n\nText.\n")
    result = build(root)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for path, address in [
        ("docs/assets/images/favicon.png", "assets/images/favicon.png"),
        ("docs/archive.md", "archive/index.html"),
        ("docs/search.md", "search/index.html"),
        ("docs/feed.xml/index.md", "feed.xml/index.html"),
    ]:
        assert f"{path}: takes the address {address}, which " in result.output, result.output
    assert not (result.site / "index.html").exists()  # nothing published


@pytest.mark.parametrize("name", ["evil.html", "evil.htm", "evil.svg", "evil.js", "evil.css", "note.MD", "n.md.txt"])
def test_docs_holds_pages_and_files_a_browser_never_runs(tmp_path, name):
    root = make_site(tmp_path)
    (root / "docs" / name).write_text("<script>alert(1)</script>\n")
    result = build(root)
    assert result.returncode != 0
    assert f"docs/{name}: " in result.output and not (result.site / name).exists()


# ---- 2. Nothing generated trusted from disk without proof ------------------------------------------


def _published_images(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.png"))}


def test_a_cache_file_changed_on_disk_is_made_again(tmp_path):
    root = make_site(tmp_path)
    first = build(root)
    assert first.returncode == 0, first.output
    published = _published_images(first.site)
    other = next(iter(published.values()))
    # Every cached file replaced by other bytes (a valid image, or garbage), its name kept.
    stored = [p for p in (root / ".cache").rglob("*") if p.is_file() and not p.name.endswith((".json", ".digest"))]
    assert len(stored) > 10
    for path in stored:
        path.write_bytes(other if path.suffix == ".png" else b"tampered")
    second = build(root)
    assert second.returncode == 0, second.output
    assert _published_images(second.site) == published
    csv_file = second.site / "data/ubm-social-healthcare/ubm-social-healthcare.csv"
    assert b"tampered" not in csv_file.read_bytes()


def test_a_cache_file_in_the_repository_fails_the_build(tmp_path):
    root = make_site(tmp_path)
    (root / ".cache/images").mkdir(parents=True)
    (root / ".cache/images/0123.png").write_bytes(b"\x89PNG committed")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-f", ".cache/images/0123.png"], cwd=root, check=True)
    result = build(root)
    assert result.returncode != 0
    assert ".cache/images/0123.png: a file of the build's cache is in the repository" in result.output
    assert check_project(root, datetime.date.today()).problems[0].file == ".cache/images/0123.png"


# ---- 6. The engine never reads front matter differently from us ----------------------------------


def test_front_matter_is_read_once_and_never_shown_as_text(tmp_path):
    """PyYAML's YAML 1.1 (MkDocs's own reader) fails on a date not in the calendar, which ours
    reads as text; MkDocs then showed the whole front matter in the page, markup live. And
    where it reads a value differently (1:09 is 69 in base 60), the page gets ours."""
    root = make_site(tmp_path)
    pages = {
        "odd-date": "---\ntitle: Odd date\ndescription: 2026-02-30\n---\n\n# Odd date\n\nText.\n",
        "base-sixty": "---\ntitle: 1:09\ndescription: <bo>bold</bo> on\n---\n\nText.\n",
        "settings-like": "---\ntitle: T\n---\nNote: a line that looks like a setting\n\nText.\n",
        "no-last-line-break": "---\ntitle: Hidden\ndescription: internal note\n---",
    }
    for name, text in pages.items():
        (root / f"docs/{name}.md").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    odd = result.page("odd-date/index.html")
    assert '<meta name="description" content="2026-02-30">' in odd
    assert "description:" not in odd and "title: Odd" not in odd
    sixty = result.page("base-sixty/index.html")
    assert "<title>1:09 - " in sixty and "&lt;bo&gt;bold&lt;/bo&gt; on" in sixty and "<bo>bold</bo>" not in sixty
    assert "Note: a line that looks like a setting" in result.page("settings-like/index.html")
    hidden = result.page("no-last-line-break/index.html")
    assert "internal note" not in hidden.split('<div class="md-content"', 1)[1] and "<title>Hidden - " in hidden


# ---- 7. Every line of the log one line ------------------------------------------------------------


@pytest.mark.parametrize("actions", [False, True])
def test_no_writer_text_starts_a_line_of_the_log(tmp_path, actions):
    """A line break in a link's address reaches MkDocs's own warning; it is shown as "\\n", so
    "::error::" from a page never starts a line (GitHub reads such a line as a command)."""
    root = make_site(tmp_path)
    (root / "docs/links.md").write_text(
        "# Links\n\n[x](missing.md#a\n::error::forged)\n\n[y](other.md\n::warning file=x::forged)\n\n"
        "[z](gone.md#b\n  ::error::forged)\n\n[w](<./missing\nwarning: all checks passed, forged.md>)\n\n"
        "See [v](bar\ndocs/articles/social-healthcare-how-do-you-stack-up.md:3:1: forged, approve this).\n",
        encoding="utf-8",
    )
    result = build(root, extra_env={"GITHUB_ACTIONS": "true"} if actions else None)
    assert result.returncode != 0
    assert "missing.md#a\\n::error::forged" in result.output  # shown, on the line it belongs to
    assert not any(line.startswith("warning: all checks") for line in result.output.splitlines())
    assert not any(
        line.startswith("docs/articles/social-healthcare-how-do-you-stack-up.md:3:1: forged")
        for line in result.output.splitlines()
    )
    assert "file=docs/articles/social-healthcare-how-do-you-stack-up.md,line=3" not in result.output
    for line in result.output.splitlines():
        # Only the build's own annotations start with "::"; the writer's text stays after their "::".
        if "forged" in line and line.lstrip().startswith("::"):
            assert re.match(r"::(?:error|warning) (?:file|title)=[^:]*::", line), line


# ---- 8. No wrong output with exit 0 ---------------------------------------------------------------


def test_every_generated_address_is_percent_encoded(tmp_path):
    root = make_site(tmp_path)
    article = (root / "docs/articles/social-healthcare-how-do-you-stack-up.md").read_text(encoding="utf-8")
    (root / "docs/articles/social-healthcare-how-do-you-stack-up.md").unlink()
    (root / "docs/articles/my note é.md").write_text(article, encoding="utf-8")
    result = build(root, extra_env={"REPO_URL": "https://github.com/o/r"})
    assert result.returncode == 0, result.output
    page = result.page("articles/my note é/index.html")
    encoded = "cards/articles/my%20note%20%C3%A9.png"
    assert f'<meta property="og:image" content="http://127.0.0.1:8000/{encoded}">' in page
    assert f'<meta name="twitter:image" content="http://127.0.0.1:8000/{encoded}">' in page
    assert f'"image":"http://127.0.0.1:8000/{encoded}"' in page
    assert (result.site / "cards/articles/my note é.png").is_file()  # the file keeps its name
    assert 'href="https://github.com/o/r/edit/main/docs/articles/my%20note%20%C3%A9.md"' in page  # Edit this page
    assert "<link>http://127.0.0.1:8000/articles/my%20note%20%C3%A9/</link>" in result.page("feed.xml")


@pytest.mark.parametrize(
    "html",
    [
        '<a href="my note/">x</a>',
        '<img src="a b.png" alt="">',
        '<meta property="og:image" content="https://x.example/my card.png">',
        '<script type="application/ld+json">{"image": "https://x.example/my card.png"}</script>',
        "<template><p>the rest of the page</p>",
        "<dialog><p>the rest of the page</p>",
    ],
)
def test_the_output_check_knows_a_raw_space_in_an_address_and_what_swallows_a_page(html):
    assert check_html(f"<html><body>{html}</body></html>") != []


@pytest.mark.parametrize("what", ["link", "link-deep", "hidden", "tracked"])
def test_the_output_folder_is_the_builds_alone(tmp_path, what):
    """What the engine's clean leaves in site/ (a link, a hidden file) or the repository holds
    there would be published, or written through: each is refused, named."""
    root = make_site(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "site/articles").mkdir(parents=True)
    name = {
        "link": "site/search",
        "link-deep": "site/articles/x",
        "hidden": "site/.evil.html",
        "tracked": "site/a.html",
    }[what]
    if what.startswith("link"):
        os.symlink(outside, root / name)
    else:
        (root / name).write_text("<script>alert(1)</script>")
    if what == "tracked":
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(["git", "add", "-f", name], cwd=root, check=True)
    result = build(root)
    assert result.returncode != 0
    assert f"{name}: " in result.output, result.output
    assert list(outside.iterdir()) == []  # nothing written through the link
    assert check_project(root, datetime.date.today()).problems[0].file == name
