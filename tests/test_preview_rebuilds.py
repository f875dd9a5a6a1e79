"""`make serve` rebuilds only what an edit touches (hooks/preview_rebuilds.py, `serve --dirty`),
and what it serves is what a full build would: every page that shows an edited record changes,
the others are left as they were, the search index keeps every page once, and a failed
rebuild is mended by the next. The real `mkdocs serve --dirty`, on a site of twelve articles and forty-five notes."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from bench import write_site
from conftest import build
from serve_site import mkdocs_serve

from preview_rebuilds import Rebuilds

ARTICLES = 12
NOTES = 45  # short articles without figures: 57 in all, two archive pages


@pytest.fixture
def served(tmp_path):
    """(project, origin, log, served folder) of a preview of twelve synthetic articles and the notes."""
    root = write_site(tmp_path / "site", ARTICLES)
    for n in range(NOTES):  # older than the articles: the archive's second page holds the oldest
        front = f"title: Note {n:02d}\nsummary: A note.\nauthor: author-1\ndate: 2019-01-{n % 28 + 1:02d}\n"
        (root / f"docs/articles/note-{n:02d}.md").write_text(f"---\n{front}---\n\nA note.\n")
    temp = tmp_path / "tmp"
    temp.mkdir()
    with mkdocs_serve(root, start_timeout=120, env={"TMPDIR": str(temp)}) as (origin, log):
        (folder,) = [p for p in temp.iterdir() if p.is_dir()]  # the engine's temporary folder
        yield root, origin, log, folder


# The end of a rebuild, good or failed ("Documentation built in N s" is not: MkDocs drops a
# line that repeats an earlier one).
DONE = re.compile(r"Reloading browsers|The preview shows these problems")


def rebuilt_after(log: Path, change, timeout: float = 60) -> str:
    """Make `change`, wait for the rebuild it causes to end; the log lines of that rebuild."""
    before = log.read_text()
    change()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text()
        if len(DONE.findall(text)) > len(DONE.findall(before)):
            return text[len(before) :]
        time.sleep(0.1)
    raise AssertionError(f"no rebuild within {timeout}s:\n{log.read_text()[-6000:]}")


def fetch(origin: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(origin + path, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:  # a missing page, or the problem page of a failed build
        return err.code, err.read().decode()


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def swap(path: Path, one: str, other: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert one in text and other in text
    path.write_text(text.replace(one, "\0").replace(other, one).replace("\0", other), encoding="utf-8")


def first_percent(root: Path, n: int) -> int:
    data = yaml.safe_load((root / f"data/surveys/survey-{n}.yml").read_text().split("\n", 1)[1])
    return data["questions"][0]["answers"][0]["percent"]


def row(page: str, n: int) -> str:
    marker = f'id="benchmark--survey-{n}--q0--a0"'
    assert marker in page
    return page[page.find(marker) :][:600]


def pages(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("index.html")}


def search_locations(origin: str) -> list[str]:
    index = json.loads(fetch(origin, "/search/search_index.json")[1])
    return [entry["location"] for entry in index["docs"]]


def test_a_survey_edit_rebuilds_the_pages_that_show_it_and_no_other(served):
    root, origin, log, folder = served
    locations = search_locations(origin)
    before = pages(folder)
    old = first_percent(root, 5)
    new = old - 1 if old > 0 else old + 1
    rebuilt_after(log, lambda: replace(root / "data/surveys/survey-5.yml", f"percent: {old}\n", f"percent: {new}\n"))
    assert f">{new}%<" in row(fetch(origin, "/articles/article-5/")[1], 5)
    csv = fetch(origin, "/data/survey-5/survey-5.csv")[1]
    assert f",{new}," in csv or f",{new}\n" in csv or f",{new}\r" in csv
    after = pages(folder)
    changed = sorted(page for page in after if after[page] != before.get(page))
    # The article, its archive page and the home page (their lists show its lead chart), and
    # the pages in the navigation (always rebuilt: their titles are in every page's menu).
    assert "articles/article-5/index.html" in changed
    assert not any(page.startswith("articles/") and page != "articles/article-5/index.html" for page in changed)
    assert len(changed) <= 3, changed
    # Search: every page's entries once, as before the edit.
    assert sorted(search_locations(origin)) == sorted(locations)


def test_edits_to_shared_records_reach_every_page_that_shows_them(served):
    root, origin, log, _folder = served
    # A takeaway: only its article shows it.
    takeaway = "id: takeaway-3\n  label: Doctor Takeaway\n  title: Get social\n"
    edited = takeaway.replace("Get social", "Edited takeaway")
    rebuilt_after(log, lambda: replace(root / "data/takeaways.yml", takeaway, edited))
    assert "Edited takeaway" in fetch(origin, "/articles/article-3/")[1]
    assert "Edited takeaway" not in fetch(origin, "/articles/article-2/")[1]
    # An author's name: on every article of theirs, in its byline, and in the lists.
    rebuilt_after(log, lambda: replace(root / "data/authors.yml", "name: Author 7\n", "name: Renamed Seven\n"))
    assert "Renamed Seven" in fetch(origin, "/articles/article-7/")[1]
    assert "Renamed Seven" in fetch(origin, "/")[1]  # article-7 is among the newest ten
    assert "Renamed Seven" not in fetch(origin, "/articles/article-6/")[1]
    # An article's title: on its page, the home page, the archive and the feed.
    article = root / "docs/articles/article-9.md"
    rebuilt_after(log, lambda: replace(article, "title: Synthetic article 9\n", "title: Retitled nine\n"))
    for path in ("/articles/article-9/", "/", "/archive/", "/feed.xml"):
        assert "Retitled nine" in fetch(origin, path)[1], path
    # On a later archive page, which is not in the navigation.
    rebuilt_after(log, lambda: replace(root / "docs/articles/note-00.md", "title: Note 00\n", "title: Oldest note\n"))
    assert "Oldest note" in fetch(origin, "/archive/page/2/")[1]


def test_a_failed_rebuild_is_mended_by_the_next(served):
    root, origin, log, _folder = served
    survey1, article2 = root / "data/surveys/survey-1.yml", root / "docs/articles/article-2.md"
    good = survey1.read_text()
    old = first_percent(root, 1)
    new = old - 1 if old > 0 else old + 1
    # One edit is fine; another, a broken link, fails the build only at its end (--strict),
    # after every page was written: nothing of it may stay published...
    survey1.write_text(good.replace(f"percent: {old}\n", f"percent: {new}\n", 1))
    lines = rebuilt_after(log, lambda: replace(article2, "\n\n", "\n\nSee [this](missing.md).\n\n"))
    assert "missing.md" in lines and "Traceback" not in lines
    assert "The build failed" in fetch(origin, "/articles/article-1/")[1]
    # ...so once the first edit is undone and the link fixed, the page is as it was, not as
    # the failed build wrote it.
    survey1.write_text(good)
    rebuilt_after(log, lambda: replace(article2, "See [this](missing.md).", "See this."))
    status, page = fetch(origin, "/articles/article-1/")
    assert status == 200 and f">{old}%<" in row(page, 1)
    # A question no page shows any more is still found, with the other pages not rebuilt.
    article = root / "docs/articles/article-4.md"
    lines = rebuilt_after(log, lambda: replace(article, "<!-- data:table survey-4 q1 -->", ""))
    assert "question 'q1' is shown on no page" in lines
    # The same mistake, still there at the next save, is said again (MkDocs drops a line it
    # has logged before), in the terminal and on the page.
    lines = rebuilt_after(log, lambda: replace(root / "docs/articles/article-5.md", "\n\n", "\n\nMore.\n\n"))
    assert "question 'q1' is shown on no page" in lines
    assert "is shown on no page" in fetch(origin, "/")[1]  # the problem page


def test_links_to_another_pages_anchors_are_checked_though_neither_page_is_rebuilt(served):
    root, _origin, log, _folder = served
    target, linker = root / "docs/articles/article-3.md", root / "docs/articles/article-2.md"
    rebuilt_after(log, lambda: target.write_text(target.read_text() + "\n## Further reading\n\nMore.\n"))
    lines = rebuilt_after(log, lambda: replace(linker, "\n\n", "\n\nSee [more](article-3.md#further-reading).\n\n"))
    assert "The preview shows" not in lines
    lines = rebuilt_after(log, lambda: replace(linker, "#further-reading", "#no-such-heading"))
    assert "has no heading or id 'no-such-heading'" in lines, lines
    rebuilt_after(log, lambda: replace(linker, "#no-such-heading", "#further-reading"))
    # The heading renamed: only article-3 is rebuilt, and article-2's link is broken now.
    lines = rebuilt_after(log, lambda: replace(target, "## Further reading", "## Reading"))
    assert "a link to 'article-3.md#further-reading', but docs/articles/article-3.md has no heading" in lines


def test_an_editors_swap_and_lock_files_are_ignored(served):
    root, origin, log, folder = served
    before = pages(folder)
    (root / "docs/articles/.article-2.md.swp").write_bytes(b"b0VIM 9.0\x00")  # vim, article-2 open
    (root / "data/surveys/.#survey-2.yml").symlink_to("user@host.1234:1700000000")  # Emacs's lock
    (root / "data/surveys/.survey-2.yml.swp").write_bytes(b"b0VIM 9.0\x00")
    old = first_percent(root, 5)
    survey = root / "data/surveys/survey-5.yml"
    lines = rebuilt_after(log, lambda: replace(survey, f"percent: {old}\n", f"percent: {old - 1 if old else 1}\n"))
    assert "The preview shows" not in lines
    after = pages(folder)
    assert [p for p in after if p.startswith("articles/") and after[p] != before[p]] == [
        "articles/article-5/index.html"
    ]
    assert fetch(origin, "/articles/.article-2.md.swp")[0] == 404


def test_a_mistake_the_engine_raises_is_named_on_the_problem_page(served):
    root, origin, log, _folder = served
    settings, template = root / "mkdocs.yml", root / "overrides/404.html"
    good = settings.read_text()
    lines = rebuilt_after(log, lambda: settings.write_text(good + "extra_css: [unclosed\n"))
    shown = fetch(origin, "/")[1]
    assert "see the terminal" not in shown and "Traceback" not in lines
    assert "ConfigurationError" in shown and "mkdocs.yml&#34;, line 8" in shown  # where, as YAML says it
    rebuilt_after(log, lambda: settings.write_text(good))
    lines = rebuilt_after(log, lambda: template.write_text(template.read_text() + "{% if %}"))
    assert "404.html:" in lines and "TemplateSyntaxError" in lines
    assert "404.html:" in fetch(origin, "/")[1]


def test_adding_and_removing_an_article_updates_the_lists(served):
    root, origin, log, _folder = served
    before = pages(_folder)
    new = root / "docs/articles/late-addition.md"
    text = (root / "docs/articles/article-11.md").read_text()
    text = text.replace("title: Synthetic article 11", "title: Late addition")
    text = re.sub(r"<!-- data:(takeaway|self-assessment|author)[^>]*-->", "", text)
    rebuilt_after(log, lambda: new.write_text(text))
    assert "Late addition" in fetch(origin, "/")[1] or "Late addition" in fetch(origin, "/archive/")[1]
    assert fetch(origin, "/articles/late-addition/")[0] == 200
    after = pages(_folder)
    assert len([p for p in after if p.startswith("articles/")]) == ARTICLES + NOTES + 1
    rebuilt_after(log, new.unlink)
    assert fetch(origin, "/articles/late-addition/")[0] == 404
    assert "Late addition" not in fetch(origin, "/")[1] + fetch(origin, "/archive/")[1]
    # Not a rebuild of everything: the other articles were left as they were.
    after = pages(_folder)
    rewritten = [p for p in before if p.startswith("articles/") and after.get(p) != before[p]]
    assert rewritten == []


def test_a_template_edit_rebuilds_every_page(served):
    root, origin, log, _folder = served
    template = root / "hooks/survey_render/templates/takeaway.html"
    title = "{{ takeaway.title }}"
    rebuilt_after(log, lambda: replace(template, f"<strong>{title}</strong>", f"<em>{title}</em>"))
    for n in (0, 6, 11):
        assert "<em>Get social</em>" in fetch(origin, f"/articles/article-{n}/")[1]


def test_after_many_edits_the_preview_is_exactly_what_a_build_publishes(served):
    """The strongest check: after edits of every kind, rebuilt one at a time, the served folder
    and a clean `mkdocs build` of the same files (at the same address) are byte for byte the same."""
    root, origin, log, folder = served
    survey = root / "data/surveys/survey-3.yml"
    old = first_percent(root, 3)
    edits = [
        lambda: replace(survey, f"percent: {old}\n", f"percent: {old - 1 if old else 1}\n"),
        lambda: replace(root / "data/authors.yml", "name: Author 2\n", "name: Another Name\n"),
        lambda: replace(root / "data/takeaways.yml", "title: Get social\n", "title: Get going\n"),
        lambda: replace(root / "docs/articles/article-8.md", "date: 2020-01-09\n", "date: 2018-06-01\n"),
        # article-8 is now on the archive's second page: its lead chart changes there.
        lambda: swap(root / "docs/articles/article-8.md", "table survey-8 q0 -->", "table survey-8 q1 -->"),
        # The home page's title is in every page's navigation.
        lambda: replace(root / "docs/index.md", "# Synthetic site", "# Synthetic front page"),
        # A draft, and back; a future date, and back.
        lambda: replace(root / "docs/articles/article-9.md", "---\n", "---\ndraft: true\n"),
        lambda: replace(root / "docs/articles/article-9.md", "---\ndraft: true\n", "---\n"),
        lambda: replace(root / "docs/articles/article-10.md", "date: 2020-01-11\n", "date: 2099-01-01\n"),
        lambda: replace(root / "docs/articles/article-10.md", "date: 2099-01-01\n", "date: 2020-01-11\n"),
        lambda: replace(root / "docs/articles/note-30.md", "title: Note 30\n", "title: Note thirty\n"),
        lambda: (root / "docs/articles/note-44.md").unlink(),
        lambda: replace(root / "docs/articles/article-6.md", "<!-- data:self-assessment survey-6 -->", ""),
        # A build that fails after writing every page (a broken link, under --strict), then its fix.
        lambda: replace(root / "docs/articles/article-7.md", "\n\n", "\n\nSee [this](missing.md).\n\n"),
        lambda: replace(root / "docs/articles/article-7.md", "See [this](missing.md).", "See this."),
    ]
    failing = {len(edits) - 2}  # the broken link
    for number, change in enumerate(edits):
        failed = "The preview shows" in rebuilt_after(log, change)
        assert failed == (number in failing), number
    published = build(root, site_url=origin + "/")
    assert published.returncode == 0, published.output
    preview = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}
    built = {p.relative_to(published.site).as_posix(): p for p in published.site.rglob("*") if p.is_file()}
    assert sorted(preview) == sorted(built)
    # The published pages carry a Content-Security-Policy the preview leaves out (its server
    # adds a live-reload script): the one difference there may be.
    policy = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
    assert all(policy.search(built[name].read_bytes()) for name in built if name.endswith(".html"))

    def published_bytes(path: Path) -> bytes:
        return policy.sub(b"", path.read_bytes())

    differ = [name for name, file in sorted(built.items()) if preview[name].read_bytes() != published_bytes(file)]
    assert differ == []


# ---- the bookkeeping, without a server ---------------------------------------------------------


def test_a_build_remembers_what_it_wrote_only_once_it_has_succeeded():
    state = Rebuilds()
    state.active = True
    assert not state.start("site-1")  # nothing built yet: everything is
    assert state.changed("a.html", "1") and state.changed("b.html", "1")
    assert state.start("site-1")  # the first build succeeded
    assert not state.changed("a.html", "1")
    assert state.changed("b.html", "2")
    state.fail()  # b.html was written, then the build failed
    assert state.start("site-1")
    assert not state.changed("a.html", "1")
    assert state.changed("b.html", "1")  # even back at its old content: rebuilt
    assert not state.start("site-2")  # settings changed: everything again
    assert state.changed("a.html", "1")


def test_the_memo_keeps_one_result_per_slot_and_only_for_a_preview():
    state, calls = Rebuilds(), []

    def compute(x):
        calls.append(x)
        return x * 2

    assert state.memo("s", "k1", compute, 1) == 2 and state.memo("s", "k1", compute, 1) == 2
    assert calls == [1, 1]  # not a preview: computed each time
    state.active = True
    assert state.memo("s", "k1", compute, 3) == 6
    assert state.memo("s", "k1", compute, 3) == 6
    assert state.memo("s", "k2", compute, 4) == 8
    assert calls == [1, 1, 3, 4]


def test_a_navigation_title_made_with_a_placeholder_follows_a_data_edit(served):
    """A page in the navigation whose title shows a figure: every page's menu shows the title,
    so a data edit reaches pages that show nothing else of that survey."""
    root, origin, log, _folder = served
    old = first_percent(root, 5)
    rebuilt_after(
        log,
        lambda: (root / "docs/figures.md").write_text("# Share <!-- data:figure survey-5 q0 a0 -->\n\nText.\n"),
    )
    elsewhere = "/articles/article-1/"  # not in the navigation (not rebuilt for it), and shows no survey 5
    assert f"Share {old}%" in fetch(origin, elsewhere)[1]
    new = old - 1 if old > 0 else old + 1
    rebuilt_after(log, lambda: replace(root / "data/surveys/survey-5.yml", f"percent: {old}\n", f"percent: {new}\n"))
    menu = fetch(origin, elsewhere)[1]
    assert f"Share {new}%" in menu and f"Share {old}%" not in menu
