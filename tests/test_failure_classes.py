"""Classes of failure that must end in a sound site, not an error: what the writer wrote is
what is shown, a config path given relative, and hostile pages and data at the limits, each
built for real and bounded (10 s, 1.5 GiB). The cases that end in an error, with their exact
messages, are in the error catalogue (tests/test_error_catalogue.py)."""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from conftest import ROOT, build, make_site
from htmlread import BenchmarkRows
from test_error_catalogue import line

S = "data/surveys/ubm-social-healthcare.yml"
A = "docs/articles/social-healthcare-how-do-you-stack-up.md"
ARTICLE = "articles/social-healthcare-how-do-you-stack-up/index.html"
ROW = "benchmark--ubm-social-healthcare--presence--some-presence"
LIMITS = {"timeout": 10, "memory_cap": 1536 * 1024 * 1024}


def site_with(tmp_path, edits=(), writes=None):
    root = make_site(tmp_path)
    for path, old, new in edits:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    for path, content in (writes or {}).items():
        (root / path).write_text(content, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("047", "47%"),  # YAML 1.1 read a leading zero as octal: 39
        ("+53", "53%"),
        ("53.50", "53.5%"),
        ("-0.0", "0%"),  # never "-0%"
        ("0.00001", "0.00001%"),  # never "1e-05%"
        ("1e-05", "0.00001%"),
    ],
)
def test_a_percent_shows_as_written(tmp_path, written, shown):
    result = build(site_with(tmp_path, [(S, "percent: 53", f"percent: {written}")]), **LIMITS)
    assert result.returncode == 0, result.output
    assert BenchmarkRows(result.page(ARTICLE)).rows[ROW][1] == shown
    cells = {
        row["answer_id"]: row["percent"]
        for row in csv.DictReader(io.StringIO(result.page(f"data/{S[13:-4]}/{S[13:-4]}.csv")))
    }
    assert cells["some-presence"] == shown.rstrip("%")


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "1:09", "0x1F", "1_000"])
def test_words_that_yaml_1_1_turned_into_values_stay_words(tmp_path, word):
    result = build(site_with(tmp_path, [(S, "label: Some presence", f"label: {word}")]), **LIMITS)
    assert result.returncode == 0, result.output
    assert BenchmarkRows(result.page(ARTICLE)).rows[ROW][0].startswith(word + " ")


def test_a_config_path_given_relative_builds_and_names_files_as_the_writer_knows_them(tmp_path):
    root = site_with(tmp_path)
    assert build(root, config="mkdocs.yml", **LIMITS).returncode == 0
    (root / A).write_text((root / A).read_text(encoding="utf-8").replace("author: rob-lovitt", "author: nobody"))
    result = build(root, config="mkdocs.yml", **LIMITS)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert f"{A}:{line(A, 'author: rob-lovitt')}:9: author: unknown author 'nobody'" in result.output


# Pages built to be slow: long runs of the characters the page scanners look for. Each must
# end, within the limits, in a sound site or in the project's own messages.
HOSTILE_PAGES = {
    "open-brackets": "[" * 20_000,  # Python-Markdown's link parser: quadratic
    "open-image-links": "![" * 10_000,
    "backtick-runs": ("`" * 5000 + "\n") * 200,
    "tilde-fence-never-closed": "~~~\n" + "text <!-- data:nothing -->\n" * 50_000,
    "fence-openers": "```\n" * 200_000,
    "comment-openings": "<!--" * 200_000,
    "placeholder-openings-on-one-line": "<!-- data:" * 100_000,
    "hashes": "#" * 500_000 + "\n",
    "underlines": ("x\n" + "=" * 2000 + "\n") * 200,
    "spaces-after-openings": ("<!--" + " " * 10_000) * 50,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_a_hostile_page_ends_quickly_in_a_site_or_a_message(tmp_path, name):
    result = build(site_with(tmp_path, writes={"docs/hostile.md": HOSTILE_PAGES[name]}), **LIMITS)
    assert "Traceback" not in result.output
    if result.returncode:
        errors = [line for line in result.output.splitlines() if "docs/hostile.md" in line]
        assert errors, result.output[-2000:]
        assert len(result.output.splitlines()) < 80  # at most 50 problems a page, then a count


def test_a_thousand_authors_and_a_long_unknown_name_are_cheap_to_suggest_from(tmp_path):
    authors = [
        {"id": f"author-{i:04d}-{'x' * 40}", "name": f"Author {i}", "bio": "A bio."} for i in range(999)
    ]  # with Rob Lovitt: the most a file may hold
    authors_text = "# yaml-language-server: $schema=../schema/authors.schema.json\n" + yaml.safe_dump(
        {"authors": [*yaml.safe_load((ROOT / "data/authors.yml").read_text())["authors"], *authors]}
    )
    root = site_with(
        tmp_path,
        [(A, "author: rob-lovitt", "author: " + "author-0500-" + "y" * 48)],
        writes={"data/authors.yml": authors_text},
    )
    result = build(root, **LIMITS)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert (
        f"{A}:{line(A, 'author: rob-lovitt')}:9: author: unknown author 'author-0500-yyyyyyyyyyyyyyyyyyyyyyy"
        in result.output
    )


@pytest.mark.parametrize(
    ("field", "written"), [("title", "1:09"), ("title", "yes"), ("title", "0x1F"), ("summary", "on")]
)
def test_front_matter_reaches_the_page_as_written(tmp_path, field, written):
    # MkDocs reads front matter again with YAML 1.1 (1:09 -> 69, on -> True); the page must get ours.
    old = 'title: "Social Healthcare: How Do You Stack Up?"' if field == "title" else "summary: >-"
    new = f"title: {written}" if field == "title" else f"summary: {written}\nold: >-"
    root = site_with(tmp_path)
    text = (root / A).read_text(encoding="utf-8")
    if field == "summary":  # the folded summary's lines go with it
        start = text.index("summary: >-")
        end = text.index("author:")
        text = text[:start] + f"summary: {written}\n" + text[end:]
    else:
        text = text.replace(old, new)
    (root / A).write_text(text, encoding="utf-8")
    result = build(root, **LIMITS)
    assert result.returncode == 0, result.output
    html = result.page(ARTICLE)
    if field == "title":
        assert f"<h1>{written}</h1>" in html or f">{written}</h1>" in html
    else:
        assert f'<meta name="description" content="{written}">' in html


def test_a_third_party_warning_cannot_flood_the_log(tmp_path):
    # MkDocs' own warning about a missing anchor quotes the link: the line is cut short.
    page = "[a](#" + "a" * 50_000 + ")\n"
    result = build(site_with(tmp_path, writes={"docs/links.md": page}), **LIMITS)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert max(len(line) for line in result.output.splitlines()) < 2100
    assert any("links.md" in line and "..." in line for line in result.output.splitlines())


def test_a_quoted_date_and_a_placeholder_in_inline_code_are_built_as_meant(tmp_path):
    """`date: "2026-11-20"` is that day; a placeholder in `inline code` is an example, shown as
    typed, as it is in fenced code."""
    example = "`<!-- data:figure ubm-social-healthcare presence some-presence -->`"
    root = site_with(
        tmp_path,
        [
            (A, "author: rob-lovitt\n", 'author: rob-lovitt\ndate: "2014-03-20"\n'),
            (A, "There’s no denying", f"To show a figure, write {example}.\n\nThere’s no denying"),
        ],
    )
    result = build(root, **LIMITS)
    assert result.returncode == 0, result.output
    page = result.page(ARTICLE)
    assert '<time datetime="2014-03-20">' in page
    assert "<code>&lt;!-- data:figure ubm-social-healthcare presence some-presence --&gt;</code>" in page
