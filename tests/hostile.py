"""A copy of the fictional site whose every text field holds a hostile payload."""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml
from conftest import FIXTURES, make_site

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{ 7*7 }} {% if x %}",
    # Markdown and formatting tags are refused in plain text (a writer meant them); what is
    # accepted is shown as typed, whatever it looks like.
    "| a | b | * not bold * [link] (https://example.org) `code` <!-- a comment --> --> <!--",
    "Ampersands & <bb>tags</bb> & non-ASCII: café – 日本語 ✓",
    'Robert\'); DROP TABLE answers; -- =HYPERLINK("https://example.org")',
]
# Fields that are not free text: ids, kinds, numbers, dates, URLs and references stay valid.
NOT_TEXT = {"id", "kind", "percent", "sample_size", "url", "author", "date", "scale", "sampling"}


def poison(value, payloads):
    if isinstance(value, dict):
        return {k: (v if k in NOT_TEXT else poison(v, payloads)) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, payloads) for v in value]
    if isinstance(value, str):
        return next(payloads)
    return value


def hostile_site(target: Path) -> Path:
    fiction = FIXTURES / "fictional-site"
    root = make_site(target, docs=fiction / "docs", data=fiction / "data")
    payloads = itertools.cycle(PAYLOADS)
    for path in sorted((root / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        data = poison(yaml.safe_load(text), payloads)
        schema_line = text.split("\n", 1)[0] + "\n"  # the build checks it
        path.write_text(schema_line + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    article = root / "docs/articles/lunar-messaging.md"
    front, body = article.read_text(encoding="utf-8").split("---\n", 2)[1:]
    meta = yaml.safe_load(front)
    meta["title"], meta["summary"] = PAYLOADS[2], PAYLOADS[1]
    article.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    return root


def strings_in(root: Path) -> set[str]:
    """Every payload string the hostile data holds (to look for on the built pages)."""
    found: set[str] = set()

    def walk(value, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key not in NOT_TEXT:
            found.add(value)

    for path in (root / "data").rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found
