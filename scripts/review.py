"""What a change does to the published site: `make review BASE=REF`.

Compares the data and the built pages of REF (default: main) with the working tree and lists
each figure changed (old -> new); answers, questions and surveys added or removed; articles
added, removed or changed; the address of every page whose output changes; and every other
file the site publishes whose bytes change (charts, cards, downloads, the feed). Plain text
for a terminal; --markdown for a pull request's job summary, where every item from a writer
is escaped for the code span it sits in.

Both sides are built with their own hooks, as they are (or would be) published, with the same
SITE_URL and SOURCE_DATE_EPOCH, so that only the change itself differs.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from drafts import HeldPage, held_back, held_back_lines  # noqa: E402
from page_reading import read_pages  # noqa: E402
from placeholder_kinds import cited_surveys  # noqa: E402
from survey_data import DataError, load_dataset  # noqa: E402
from survey_data.files import read_text  # noqa: E402
from survey_data.front_matter import MAX_PAGE_BYTES  # noqa: E402
from survey_render.numbers import format_percent  # noqa: E402

# Page addresses: under SITE_URL where it is set, else from the site's root (/articles/x/).
SITE_URL = os.environ.get("SITE_URL") or "/"


@dataclass
class Review:
    base: str
    figures: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # labels, titles, wording, kind, scale, source
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # images, downloads, feed: whatever else changes
    held: list[str] = field(default_factory=list)  # drafts and scheduled articles, and their surveys
    notes: list[str] = field(default_factory=list)


def export(ref: str, target: Path, repo: Path) -> None:
    """The tree of `ref` (committed files only) into `target`."""
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=repo, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")


def compare_data(base: Path, head: Path, review: Review) -> None:
    try:
        old = load_dataset(base)
    except DataError as err:
        review.notes.append(
            f"The data at {review.base} does not load ({len(err.problems)} problems): all of it is new."
        )
        old = None
    try:
        new = load_dataset(head)
    except DataError as err:
        review.notes.append(f"The data of this change does not load: {err.problems[0]}")
        return
    old_surveys = old.surveys if old else {}
    for survey_id in sorted(set(old_surveys) | set(new.surveys)):
        if survey_id not in new.surveys:
            review.removed.append(f"survey {survey_id}")
            continue
        if survey_id not in old_surveys:
            review.added.append(f"survey {survey_id}")
            continue
        if old_surveys[survey_id].source != new.surveys[survey_id].source:
            review.texts.append(f"{survey_id}: source (methodology) changed")
        before = {q.id: q for q in old_surveys[survey_id].questions}
        after = {q.id: q for q in new.surveys[survey_id].questions}
        for question_id in [*before, *(q for q in after if q not in before)]:
            where = f"{survey_id} / {question_id}"
            if question_id not in after:
                review.removed.append(f"question {where}")
                continue
            if question_id not in before:
                review.added.append(f"question {where}")
                continue
            old_q, new_q = before[question_id], after[question_id]
            for name in ("title", "wording", "kind", "scale", "base", "sample_size"):
                if getattr(old_q, name) != getattr(new_q, name):
                    review.texts.append(f"{where}: {name} {getattr(old_q, name)!r} -> {getattr(new_q, name)!r}")
            old_answers = {a.id: a for a in old_q.answers}
            new_answers = {a.id: a for a in new_q.answers}
            for answer_id in old_answers.keys() & new_answers.keys():
                for name in ("label", "detail"):
                    was, now = getattr(old_answers[answer_id], name), getattr(new_answers[answer_id], name)
                    if was != now:
                        review.texts.append(f"{where} / {answer_id}: {name} {was!r} -> {now!r}")
            for answer_id, answer in new_answers.items():
                if answer_id not in old_answers:
                    review.added.append(f"answer {where} / {answer_id}: {format_percent(answer.percent)}")
                elif old_answers[answer_id].percent != answer.percent:
                    old_figure, new_figure = (
                        format_percent(old_answers[answer_id].percent),
                        format_percent(answer.percent),
                    )
                    review.figures.append(f"{where} / {answer_id}: {old_figure} -> {new_figure}")
            for answer_id, answer in old_answers.items():
                if answer_id not in new_answers:
                    review.removed.append(f"answer {where} / {answer_id}: was {format_percent(answer.percent)}")


def compare_articles(base: Path, head: Path, review: Review) -> None:
    def articles(root: Path) -> dict[str, str | None]:
        """Each article's text, read as the build reads a page (a plain file inside docs/, of
        bounded size: a link leading elsewhere is not followed); None where it may not be read."""
        folder = root / "docs/articles"
        found = {}
        for path in sorted(folder.rglob("*.md")):
            shown = path.relative_to(root).as_posix()
            text, _problem = read_text(root / "docs", path, shown, MAX_PAGE_BYTES, "a page")
            found[shown] = text
        return found

    old, new = articles(base), articles(head)
    for name in sorted(set(old) | set(new)):
        if name not in old:
            review.articles.append(f"added: {name}")
        elif name not in new:
            review.articles.append(f"removed: {name}")
        elif old[name] != new[name]:
            review.articles.append(f"changed: {name}")


def list_held_back(head: Path, review: Review) -> None:
    """What the change leaves out of the published site, and until when (as `make build` says)."""
    try:
        dataset = load_dataset(head)
    except DataError:
        return  # the build says why
    today = datetime.now(UTC).date()
    held, published = [], set()
    for src, (text, page) in read_pages(head, "docs", dataset.authors)[0].items():
        surveys = tuple(cited_surveys(page.placed))
        if held_back(page.meta, today) is None:
            published.update(surveys)
        else:
            held.append(HeldPage(f"docs/{src}", text, page.meta, surveys))
    review.held = held_back_lines(held, published, today)


def build(root: Path, out: Path) -> bool:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    env["SITE_URL"] = SITE_URL if SITE_URL.startswith("http") else "http://127.0.0.1:8000/"
    env.pop("GITHUB_ACTIONS", None)  # the checks already annotated this build's problems
    env["PYTHONPATH"] = str(root / "hooks")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    return result.returncode == 0


def compare_pages(base: Path, head: Path, work: Path, review: Review) -> bool:
    """Whether the change builds; the pages and files whose bytes it changes."""
    sites = {"base": work / "site-base", "head": work / "site-head"}
    built = {"base": build(base, sites["base"]), "head": build(head, sites["head"])}
    if not built["head"]:
        review.notes.append("This change does not build: run `make build` to see why.")
        return False
    if not built["base"]:
        review.notes.append(f"{review.base} does not build: every page is listed as changed.")

    def published(site: Path) -> dict[str, bytes]:
        if not site.is_dir():
            return {}
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    old, new = published(sites["base"]), published(sites["head"])
    for path in sorted(set(old) | set(new)):
        if old.get(path) != new.get(path):
            state = "added" if path not in old else "removed" if path not in new else "changed"
            if path.endswith(".html"):
                review.pages.append(f"{state}: {SITE_URL + path.removesuffix('index.html')}")
            else:
                review.files.append(f"{state}: {path}")
    return True


SECTIONS = [
    ("figures", "Figures changed"),
    ("texts", "Words changed"),
    ("added", "Added"),
    ("removed", "Removed"),
    ("articles", "Articles"),
    ("pages", "Pages whose output changes"),
    ("files", "Other files whose bytes change"),
    ("held", "Not published yet (drafts and scheduled articles)"),
]


def text(review: Review) -> str:
    lines = [f"Review of this change against {review.base}"]
    lines += [f"Note: {note}" for note in review.notes]
    if not (review.figures or review.added or review.removed or review.texts or review.notes):
        lines += ["", "No published figure, answer, question or survey changes."]
    for attribute, title in SECTIONS:
        items = getattr(review, attribute)
        if items:
            lines += ["", f"{title}:"] + [f"  {item}" for item in items]
    if not review.pages:
        lines += ["", "No page's output changes."]
    return "\n".join(lines) + "\n"


def code_span(text: str) -> str:
    """`text` as one Markdown code span, whatever it holds: on one line, fenced by a run of
    backticks longer than any inside it, and padded where it starts or ends with one
    (CommonMark), so no writer's text becomes a link, an image or markup in the summary."""
    text = " ".join(text.split())  # line breaks would end the list item
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown(review: Review, preview_url: str | None) -> str:
    lines = [f"## What this change publishes (against {code_span(review.base)})"]
    lines += ["", *(f"> {code_span(note)}" for note in review.notes)] if review.notes else []
    if not (review.figures or review.added or review.removed or review.texts):
        lines += ["", "No published figure, answer, question or survey changes."]
    for attribute, title in SECTIONS:
        items = getattr(review, attribute)
        if items:
            lines += ["", f"### {title}", ""] + [f"- {code_span(item)}" for item in items]
    if not review.pages:
        lines += ["", "No page's output changes."]
    if preview_url:
        lines += ["", f"[Download the built site (preview)]({preview_url})"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="git ref to compare with (default: main)")
    parser.add_argument("--markdown", action="store_true", help="Markdown, for $GITHUB_STEP_SUMMARY")
    parser.add_argument("--preview-url", help="link to the built site, for the Markdown summary")
    parser.add_argument("--repo", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    review = Review(args.base)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        base = work / "base"
        base.mkdir()
        try:
            export(args.base, base, args.repo)
        except subprocess.CalledProcessError as err:
            print(f"cannot read {args.base!r} from git: {err.stderr.decode().strip()}", file=sys.stderr)
            return 2
        compare_data(base, args.repo, review)
        compare_articles(base, args.repo, review)
        list_held_back(args.repo, review)
        builds = compare_pages(base, args.repo, work, review)
    sys.stdout.write(markdown(review, args.preview_url) if args.markdown else text(review))
    return 0 if builds else 1  # a change that does not build is no change to publish


if __name__ == "__main__":
    sys.exit(main())
