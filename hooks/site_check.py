"""Every mistake a build reports in a project, found without an engine: docs/ safe to read,
data/ valid, each page's front matter and text, each placeholder, and the questions no page
shows. The MkDocs hooks run the same checks spread over their events; this runs them in one
call, for an engine without hooks (generate_site) and for the error catalogue's unit tests.
Knows nothing of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from drafts import held_back
from output_cache import cache_in_repository
from page_expansion import expand_page
from page_reading import body_of, home_page_problems, read_pages
from placeholder_kinds import benchmarks
from repository_files import output_folder_problems
from site_paths import ARTICLES_DIR
from survey_data import DataError, Problem, load_dataset
from survey_data.files import DOCS_KINDS, OWN_FOLDERS, check_own_folders, check_tree
from survey_data.front_matter import MAX_PAGE_BYTES
from survey_render import ArticleLink
from unused_questions import unused_warnings


@dataclass
class Findings:
    """What a build would report: problems stop it; warnings fail it under --strict."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [*(str(p) for p in self.problems), *self.warnings]


def check_project(root: Path, today: date, docs: str = "docs") -> Findings:
    """As a build finds them, in the same stages: a stage with problems ends the check."""
    found = Findings()
    folder = root / docs
    found.problems = check_own_folders(root, [folder, root / "site", *(root / name for name in OWN_FOLDERS)])
    found.problems += cache_in_repository(root)
    if not found.problems:
        found.problems = output_folder_problems(root, root / "site")
    if found.problems:
        return found
    found.problems = check_tree(root, folder, {".md": MAX_PAGE_BYTES}, inside=folder, kinds=DOCS_KINDS)
    if found.problems:
        return found
    try:
        dataset = load_dataset(root)
    except DataError as err:
        found.problems += err.problems
        dataset = None
    pages, problems = read_pages(root, docs, dataset.authors if dataset else None)
    found.problems += problems + home_page_problems(list(pages), f"{docs}/")
    if found.problems or dataset is None:
        return found
    shown: set[tuple[str, str]] = set()
    reserved: set[tuple[str, str | None]] = set()
    published = [s for s, (_, p) in pages.items() if held_back(p.meta, today) is None]
    links = [ArticleLink("", "", "", "", None)] * sum(s.startswith(ARTICLES_DIR) for s in published)
    for src, (text, page) in pages.items():
        reason = held_back(page.meta, today)
        if reason is not None:
            reserved.update(benchmarks(page.placed))
            if page.meta.draft:
                continue  # a draft is checked when it is published; a scheduled article now
        body, above = body_of(text)
        expanded = expand_page(body, f"{docs}/{src}", above, dataset, None, article_links=lambda: links)
        found.problems += expanded.problems
        if reason is None:
            shown |= expanded.shown
    if not found.problems:
        found.warnings = unused_warnings(dataset, shown, reserved)
    return found
