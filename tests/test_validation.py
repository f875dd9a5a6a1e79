"""Data layer: every validation rule, on small inline YAML, with its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from survey_data import DataError, load_dataset, load_front_matter
from survey_data.models import AuthorsFile, Survey, TakeawaysFile
from survey_data.validate import validate_file

FILE = "data/surveys/x.yml"
HEAD = "# yaml-language-server: $schema=../../schema/survey.schema.json\n"  # the build checks line 1
SURVEY = """\
title: T
source:
  publisher: P
questions:
  - id: q
    title: Q
    kind: single
    answers:
      - id: a
        label: A
        percent: 50
      - id: b
        label: B
        percent: 40
"""


def messages(text: str, model=Survey, file: str = FILE) -> list[str]:
    parsed, problems = validate_file(file, text, model)
    assert (parsed is None) == bool(problems)
    return [str(p) for p in problems]


def test_valid_survey_has_no_problem_and_keeps_values():
    parsed, problems = validate_file(FILE, SURVEY, Survey)
    assert problems == []
    assert [a.percent for a in parsed.questions[0].answers] == [50, 40]
    assert parsed.questions[0].unreported == 10


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("percent: 50", 'percent: "53%"'),
            "data/surveys/x.yml:11:18: questions[0].answers[0].percent: write the number without the % sign: 53",
            id="percent-with-sign",
        ),
        pytest.param(
            ("percent: 50", "percent: 153"),
            "data/surveys/x.yml:11:18: questions[0].answers[0].percent: a percent must be between 0 and 100; got 153",
            id="percent-above-100",
        ),
        pytest.param(
            ("percent: 50", "percent: -1"),
            "data/surveys/x.yml:11:18: questions[0].answers[0].percent: a percent must be between 0 and 100; got -1",
            id="percent-negative",
        ),
        pytest.param(
            ("percent: 50", "percent: fifty"),
            "data/surveys/x.yml:11:18: questions[0].answers[0].percent: must be a plain number such as 53, not 'fifty'",
            id="percent-as-word",
        ),
        pytest.param(
            ("percent: 50", "percent: true"),
            "data/surveys/x.yml:11:18: questions[0].answers[0].percent: must be a plain number such as 53, not true",
            id="percent-as-bool",
        ),
        pytest.param(
            ("label: A", "label: 2014"),
            "data/surveys/x.yml:10:16: questions[0].answers[0].label: must be text; got 2014 (put it in quotes)",
            id="label-wrong-type",
        ),
        pytest.param(
            ("label: A", 'label: "  "'),
            "data/surveys/x.yml:10:16: questions[0].answers[0].label: must not be empty; write the text, "
            "or remove the line if the field is optional",
            id="label-blank",
        ),
        pytest.param(
            ("        label: A\n", ""),
            "data/surveys/x.yml:9:9: questions[0].answers[0].label: "
            "required field 'label' is missing; add 'label: ...'",
            id="label-missing",
        ),
        pytest.param(
            ("  publisher: P\n", "  publisher: P\n  sample_sise: 3\n"),
            "data/surveys/x.yml:4:3: source.sample_sise: unknown key 'sample_sise'; did you mean 'sample_size'? "
            "(remove it or fix its spelling)",
            id="unknown-key-typo",
        ),
        pytest.param(
            ("title: T\n", "title: T\ncolour: red\n"),
            "data/surveys/x.yml:2:1: colour: unknown key 'colour'; valid: 'answers_for', 'questions', 'source', "
            "'title' "
            "(remove it or fix its spelling)",
            id="unknown-key-far-from-any",
        ),
        pytest.param(
            ("        label: A\n", "        label: A\n        label: A2\n"),
            "data/surveys/x.yml:11:9: duplicate key 'label' (first given on line 10); remove one of the two",
            id="duplicate-yaml-key",
        ),
        pytest.param(
            ("id: b", "id: a"),
            "data/surveys/x.yml:12:9: questions[0].answers[1].id: id 'a' is already used on line 9; "
            "give each a different id",
            id="duplicate-answer-id",
        ),
        pytest.param(
            ("id: a", "id: Some Answer"),
            "data/surveys/x.yml:9:13: questions[0].answers[0].id: must be lower-case letters, digits and hyphens, "
            "such as 'good-deal'; got 'Some Answer'",
            id="id-with-spaces",
        ),
        pytest.param(
            ("percent: 40", "percent: 60"),
            "data/surveys/x.yml:8:5: questions[0].answers: the answers of a single-answer question add up to 110%, "
            "more than 100%; check the figures, or set 'kind: multiple' if several answers were allowed",
            id="single-answer-over-100",
        ),
        pytest.param(
            ("kind: single", "kind: several"),
            "data/surveys/x.yml:7:11: questions[0].kind: must be 'single' or 'multiple'; got 'several'",
            id="unknown-kind",
        ),
        pytest.param(
            ("source:\n  publisher: P\n", ""),
            "data/surveys/x.yml:1:1: source: required field 'source' is missing; add 'source: ...'",
            id="missing-section",
        ),
        pytest.param(
            ("  publisher: P\n", "  publisher: P\n  url: www.example.org\n"),
            "data/surveys/x.yml:4:8: source.url: must be a full https:// address; got 'www.example.org'",
            id="url-not-https",
        ),
        pytest.param(
            ("  publisher: P\n", "  publisher: P\n  sample_size: 0\n"),
            "data/surveys/x.yml:4:16: source.sample_size: must be greater than 0; got 0",
            id="sample-size-zero",
        ),
        pytest.param(
            ("title: T", 'title: "unclosed'),
            "data/surveys/x.yml:1:8: YAML syntax error: a quote is never closed; add the closing quote",
            id="yaml-unclosed-quote",
        ),
        pytest.param(
            ("  publisher: P", "\tpublisher: P"),
            "data/surveys/x.yml:3:1: YAML syntax error: a tab character; indent with spaces only",
            id="yaml-tab",
        ),
        pytest.param(
            ("source:\n", " source:\n"),
            "data/surveys/x.yml:2:2: YAML syntax error: this line is indented 1 space, which lines up with nothing "
            "above it: 'title' on line 1 is indented 0 spaces; indent it like the line it belongs with",
            id="yaml-bad-indentation",
        ),
    ],
)
def test_each_mistake_gets_one_exact_message(change, expected):
    old, new = change
    assert old in SURVEY
    assert messages(SURVEY.replace(old, new, 1)) == [expected]


def test_answers_may_exceed_100_by_rounding_only():
    rounded = SURVEY.replace("percent: 40", "percent: 51")  # 101 with two answers: within half a point each
    assert messages(rounded) == []
    assert messages(SURVEY.replace("percent: 40", "percent: 52"))[0].endswith("if several answers were allowed")


def test_several_answer_question_may_exceed_100():
    assert messages(SURVEY.replace("kind: single", "kind: multiple").replace("percent: 40", "percent: 90")) == []


def test_question_with_no_answers():
    text = SURVEY.split("    answers:")[0] + "    answers: []\n"
    assert messages(text) == [
        "data/surveys/x.yml:8:14: questions[0].answers: needs at least one entry; add one below it, "
        "each starting with '- '"
    ]


def test_duplicate_question_id_points_at_second():
    text = SURVEY + SURVEY.split("questions:\n")[1]
    assert messages(text) == [
        "data/surveys/x.yml:15:5: questions[1].id: id 'q' is already used on line 5; give each a different id"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "data/surveys/x.yml:1:1: the file is empty; fill it in as CONTRIBUTING.md shows"),
        ("# just a comment\n", "data/surveys/x.yml:1:1: the file is empty; fill it in as CONTRIBUTING.md shows"),
        (
            "- a\n- b\n",
            "data/surveys/x.yml:1:1: the top level must be 'key: value' lines (see CONTRIBUTING.md), not a list",
        ),
        (
            "title: T\n---\ntitle: U\n",
            "data/surveys/x.yml:2:1: YAML syntax error: a second document ('---') in one file; remove the '---' line",
        ),
        (
            "title: !!python/object/apply:os.system ['true']\n",
            "data/surveys/x.yml:1:8: YAML syntax error: a '!!' tag, which data files may not use; remove it",
        ),
    ],
    ids=["empty", "only-comment", "list", "two-documents", "python-tag-refused"],
)
def test_file_level_mistakes(text, expected):
    assert messages(text) == [expected]


def test_every_problem_in_a_file_is_reported_together():
    text = SURVEY.replace("percent: 50", "percent: 150").replace("label: B", "lable: B")
    assert messages(text) == [
        "data/surveys/x.yml:11:18: questions[0].answers[0].percent: a percent must be between 0 and 100; got 150",
        # One line for the misspelt key: not also "'label' is missing".
        "data/surveys/x.yml:13:9: questions[0].answers[1].lable: unknown key 'lable'; did you mean 'label'? "
        "(remove it or fix its spelling)",
    ]


def test_authors_and_takeaways_files():
    authors = "authors:\n  - id: a\n    name: A\n    bio: B\n  - id: a\n    name: C\n    bio: D\n"
    assert messages(authors, AuthorsFile, "data/authors.yml") == [
        "data/authors.yml:5:5: authors[1].id: id 'a' is already used on line 2; give each a different id"
    ]
    takeaways = "takeaways:\n  - id: t\n    label: L\n    title: T\n"
    assert messages(takeaways, TakeawaysFile, "data/takeaways.yml") == [
        "data/takeaways.yml:2:5: takeaways[0].body: required field 'body' is missing; add 'body: ...'"
    ]


FRONT = "---\ntitle: T\nsummary: S\nauthor: rob-lovitt\n---\n\nText\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (FRONT, []),
        (
            FRONT.replace("rob-lovitt", "rob-lovit"),
            [
                "docs/articles/a.md:4:9: author: unknown author 'rob-lovit'; did you mean 'rob-lovitt'? "
                "(see data/authors.yml)"
            ],
        ),
        (
            FRONT.replace("summary: S\n", ""),
            ["docs/articles/a.md:2:1: summary: required field 'summary' is missing; add 'summary: ...'"],
        ),
        (
            FRONT.replace("summary: S\n", "summary: S\ndate: last May\n"),
            ["docs/articles/a.md:4:7: date: must be a date written YYYY-MM-DD; got 'last May'"],
        ),
        (
            "Text without front matter\n",
            [
                "docs/articles/a.md:1:1: an article starts with front matter: a '---' line, then title, summary and "
                "author, then '---'"
            ],
        ),
    ],
    ids=["valid", "unknown-author", "missing-summary", "bad-date", "no-front-matter"],
)
def test_article_front_matter(source, expected):
    meta, problems = load_front_matter("docs/articles/a.md", source, {"rob-lovitt"})
    assert [str(p) for p in problems] == expected
    assert (meta is None) == bool(expected)


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def test_load_dataset_reports_problems_of_all_files_at_once(tmp_path):
    write(
        tmp_path,
        {
            "data/surveys/good.yml": HEAD + SURVEY,
            "data/surveys/bad.yml": HEAD + SURVEY.replace("percent: 50", "percent: 150"),
            "data/surveys/Bad Name.yml": HEAD + SURVEY,
            "data/surveys/no-schema.yml": SURVEY,
            "data/surveys/latin1.yml": "title: caf\xe9\n".encode("latin-1"),
            "data/authors.yml": "authors: {}\n",
        },
    )
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path)
    assert str(caught.value).splitlines() == [
        "data/surveys/Bad Name.yml: a survey file name is its id: rename the file with lower-case letters, "
        "digits and hyphens only (at most 60)",
        "data/surveys/bad.yml:12:18: questions[0].answers[0].percent: a percent must be between 0 and 100; got 150",
        "data/surveys/latin1.yml:1:11: not UTF-8 text: byte 0xE9 ('é' in Windows-1252 or Latin-1) "
        "was saved in another encoding; save the file as UTF-8 (and retype the character if it then looks wrong)",
        "data/surveys/no-schema.yml:1:1: the first line must name the file's schema, so that editors check it as "
        "you type: add '# yaml-language-server: $schema=../../schema/survey.schema.json'",
        "data/authors.yml:1:10: authors: must be a list: one entry per line, each starting with '- ', each with id, "
        "name and bio",
        "data/authors.yml:1:1: the first line must name the file's schema, so that editors check it as you type: "
        "add '# yaml-language-server: $schema=../schema/authors.schema.json'",
    ]


def test_load_dataset_accepts_bom_and_crlf(tmp_path):
    write(tmp_path, {"data/surveys/win.yml": "\ufeff" + (HEAD + SURVEY).replace("\n", "\r\n")})
    dataset = load_dataset(tmp_path)
    assert list(dataset.surveys) == ["win"]
    assert dataset.survey_files == {"win": "data/surveys/win.yml"}


def test_the_real_data_loads():
    from conftest import ROOT

    dataset = load_dataset(ROOT)
    assert "ubm-social-healthcare" in dataset.surveys
    assert "rob-lovitt" in dataset.authors
    assert "get-social" in dataset.takeaways


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_both_yaml_parsers_refuse_hostile_structure(monkeypatch, loader):
    """LibYAML's parser is used where PyYAML has it; the pure-Python one is the fallback."""
    import yaml

    from survey_data import yaml_source

    if not hasattr(yaml, loader):
        pytest.skip(f"this PyYAML has no {loader}")
    monkeypatch.setattr(yaml_source, "Loader", getattr(yaml, loader))
    deep = messages("title: " + "[" * 5000 + "]" * 5000 + "\n")
    assert len(deep) == 1 and deep[0].endswith("nested more than 12 levels deep; no data file needs that many")
    aliases = messages("a: &x [1, 2]\nb: *x\n")
    assert aliases == [
        "data/surveys/x.yml:1:4: an alias (*name) repeats the value marked here with an anchor (&name); "
        "data files may not use anchors and aliases: write the value out"
    ]
    tab = messages(SURVEY.replace("  publisher: P", "\tpublisher: P"))
    assert tab == ["data/surveys/x.yml:3:1: YAML syntax error: a tab character; indent with spaces only"]
    assert messages(SURVEY) == []
