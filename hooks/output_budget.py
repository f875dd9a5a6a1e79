"""The build's total output has a budget, checked as each page is made: a survey shown on many
pages multiplies the site, and the build stops early, naming the survey and its pages, instead
of making hundreds of megabytes first. Knows nothing of MkDocs."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_state import Build

MAX_SITE_BYTES = 100 * 1024 * 1024  # every page's content together; the seed site's is under 1 MB
NAMED_PAGES = 5


class OverBudget(Exception):
    pass


def count_page(build: Build, src: str, size: int, budget: int = MAX_SITE_BYTES) -> None:
    """Adds a page's size (characters of its content); raises OverBudget once the pages add
    up to more than the budget, saying which survey the pages share most (the usual cause)
    and on which pages it is shown."""
    build.output_bytes += size
    if build.output_bytes <= budget:
        return
    shown = Counter(survey for benchmarks in build.shown_by_page.values() for survey in {s for s, _ in benchmarks})
    written = f"the pages made so far add up to more than {budget // (1024 * 1024):,} MB"
    if not shown:
        raise OverBudget(f"docs/{src}: {written}; make the pages smaller or fewer")
    survey, count = shown.most_common(1)[0]
    pages = sorted(f"docs/{page}" for page, b in build.shown_by_page.items() if any(s == survey for s, _ in b))
    listed = ", ".join(pages[:NAMED_PAGES]) + (
        f" and {len(pages) - NAMED_PAGES:,} more" if len(pages) > NAMED_PAGES else ""
    )
    raise OverBudget(
        f"data/surveys/{survey}.yml: {written}, and survey '{survey}' is shown on {count:,} pages ({listed}); "
        "show its tables on fewer pages, or split the survey"
    )
