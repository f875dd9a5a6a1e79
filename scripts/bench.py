"""make bench: what the hooks cost, and how the build scales.

For N synthetic articles (each with its own survey of 4-8 questions and every placeholder
kind), four builds of the same pages, interleaved (A B C D A B C D ...):
  1. hooks   - this project's build (`mkdocs build --strict` with hooks/), the image cache warm;
  2. cold    - the same with the image cache emptied first (a fresh CI runner): every chart
               and share card drawn;
  3. floor   - the same pages with `hooks:` removed from mkdocs.yml: plain MkDocs + Material;
  4. macros  - the same tables the usual way: mkdocs-macros-plugin reading the same YAML
               (include_yaml) and a Jinja loop per table (bench/requirements.txt).
Prints medians and min-max, the ratios hooks/floor, cold/hooks and hooks/macros, peak RSS,
growth from the smallest N to the largest, the preview's latency, the article page's weight
and a profile; writes the same to bench/RESULTS.md.
`--quick` (N=10 and 30, 2 repetitions) is CI's smoke test: it asserts nothing about time."""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).resolve().parent / "bench_run.py"
SEED_ARTICLE = ROOT / "docs/articles/social-healthcare-how-do-you-stack-up.md"
VARIANTS = ["hooks", "cold", "floor", "macros"]
SURVEY_SCHEMA = "# yaml-language-server: $schema=../../schema/survey.schema.json\n"  # the build checks line 1


# ---- synthetic sites -------------------------------------------------------------------------


def prose() -> list[str]:
    """The real article's paragraphs: synthetic pages read like real ones."""
    body = SEED_ARTICLE.read_text(encoding="utf-8").split("---", 2)[2]
    return [p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("<", ">"))][:6]


def make_survey(rng: random.Random, n: int) -> dict:
    questions = []
    for q in range(4 + n % 5):
        kind = "multiple" if q % 3 == 2 else "single"
        count = rng.randint(2, 6)
        if kind == "single":
            cuts = sorted(rng.sample(range(1, 100), count - 1))
            shares = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
        else:
            shares = [rng.randint(1, 90) for _ in range(count)]
        answers = [
            {"id": f"a{a}", "label": f"Answer {a} to question {q}", "percent": share} for a, share in enumerate(shares)
        ]
        if rng.random() < 0.5:
            answers[0]["detail"] = "An explanation of what this answer means, as the source gives it."
        questions.append({"id": f"q{q}", "title": f"Question {q} of survey {n}", "kind": kind, "answers": answers})
    return {
        "title": f"Synthetic survey {n}",
        "source": {"publisher": "Synthetic Polling", "sample_size": 100 + n},
        "questions": questions,
    }


def write_site(folder: Path, n_articles: int) -> Path:
    """The project's own mkdocs.yml, hooks and overrides, with N synthetic articles."""
    rng = random.Random(n_articles)
    paragraphs = prose()
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "hooks", folder / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    (folder / "docs/articles").mkdir(parents=True)
    (folder / "data/surveys").mkdir(parents=True)
    (folder / "docs/index.md").write_text("# Synthetic site\n\n<!-- data:articles -->\n")
    authors = [{"id": f"author-{i}", "name": f"Author {i}", "bio": paragraphs[0]} for i in range(10)]
    takeaways = []
    for n in range(n_articles):
        survey = make_survey(rng, n)
        (folder / f"data/surveys/survey-{n}.yml").write_text(SURVEY_SCHEMA + yaml.safe_dump(survey, sort_keys=False))
        takeaways.append(
            {"id": f"takeaway-{n}", "label": "Doctor Takeaway", "title": "Get social", "body": paragraphs[1]}
        )
        first = survey["questions"][0]
        blocks = [
            f"{paragraphs[0]}\n\nAbout <!-- data:figure survey-{n} {first['id']} a0 --> of respondents said so.",
        ]
        if n % 10 == 0:
            blocks.append(f"<!-- data:tables survey-{n} -->")
        else:
            for q in survey["questions"]:
                blocks += [paragraphs[len(blocks) % len(paragraphs)], f"<!-- data:table survey-{n} {q['id']} -->"]
        blocks += [
            f"<!-- data:takeaway takeaway-{n} -->",
            f"<!-- data:self-assessment survey-{n} -->",
            f"<!-- data:source survey-{n} -->",
            f"<!-- data:author author-{n % 10} -->",
        ]
        front = {
            "title": f"Synthetic article {n}",
            "summary": "A synthetic article for the benchmark.",
            "author": f"author-{n % 10}",
            "date": datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        }
        text = "---\n" + yaml.safe_dump(front) + "---\n\n" + "\n\n".join(blocks) + "\n"
        (folder / f"docs/articles/article-{n}.md").write_text(text)
    (folder / "data/authors.yml").write_text(
        "# yaml-language-server: $schema=../schema/authors.schema.json\n" + yaml.safe_dump({"authors": authors})
    )
    (folder / "data/takeaways.yml").write_text(
        "# yaml-language-server: $schema=../schema/takeaways.schema.json\n" + yaml.safe_dump({"takeaways": takeaways})
    )
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def floor_site(hooks_site: Path, folder: Path) -> Path:
    """The same pages and config with `hooks:` removed."""
    shutil.copytree(hooks_site, folder)
    config = (folder / "mkdocs.yml").read_text()
    config = re.sub(r"^hooks:\n(  - .*\n)+", "", config, flags=re.M)
    # Without REPO_URL the hooks drop edit_uri; plain MkDocs would warn about it instead.
    config = re.sub(r"^edit_uri: .*\n", "", config, flags=re.M)
    assert not re.search(r"^hooks:", config, flags=re.M)
    (folder / "mkdocs.yml").write_text(config)
    return folder


MACRO_TABLE = """\
{% for q in S.questions %}
**{{ q.title }}**

| Answer | Share of respondents |
| --- | --- |
{% for a in q.answers %}| {{ a.label }}{% if a.detail %}<br>{{ a.detail }}{% endif %} | {{ a.percent }}% |
{% endfor %}

{% endfor %}
"""


def macros_site(hooks_site: Path, folder: Path, n_articles: int) -> Path:
    """The usual way: mkdocs-macros-plugin, include_yaml of the same files, Jinja loops."""
    shutil.copytree(hooks_site / "data", folder / "data")
    shutil.copytree(hooks_site / "overrides", folder / "overrides")
    (folder / "docs/articles").mkdir(parents=True)
    (folder / "docs/index.md").write_text("# Synthetic site\n")
    for n in range(n_articles):
        source = (hooks_site / f"docs/articles/article-{n}.md").read_text()
        _, front, body = source.split("---\n", 2)
        first = body.split("\n\n", 1)[0].split("About")[0]
        page = (
            f"---\n{front}---\n\n{{% set S = survey_{n} %}}\n{first}\n\n"
            f"About {{{{ S.questions[0].answers[0].percent }}}}% of respondents said so.\n\n"
            + MACRO_TABLE
            + f'!!! tip "{{{{ takeaways.takeaways[{n}].label }}}}"\n    {{{{ takeaways.takeaways[{n}].body }}}}\n\n'
            + "**Source:** {{ S.source.publisher }}\n\n"
            + f"## About {{{{ authors.authors[{n % 10}].name }}}}\n\n{{{{ authors.authors[{n % 10}].bio }}}}\n"
        )
        (folder / f"docs/articles/article-{n}.md").write_text(page)
    includes = [{f"survey_{n}": f"data/surveys/survey-{n}.yml"} for n in range(n_articles)]
    includes += [{"authors": "data/authors.yml"}, {"takeaways": "data/takeaways.yml"}]
    config = {
        "site_name": "Synthetic",
        "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material", "font": False, "custom_dir": "overrides"},
        "plugins": ["search", {"macros": {"include_yaml": includes}}],
        "markdown_extensions": ["admonition", "tables"],
        "extra_css": ["assets/stylesheets/site.css"],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return folder


# ---- measuring -------------------------------------------------------------------------------


def run_build(site: Path, out: Path) -> tuple[float, int, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("PYTHONPATH", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(RUNNER), str(site), str(out)], env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build of {site} failed:\n{done.stdout}\n{done.stderr}")
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, measured["peak_rss_kib"], measured["hook_seconds"]


def measure(n_articles: int, reps: int, workdir: Path) -> dict[str, dict[str, list[float]]]:
    base = workdir / f"n{n_articles}"
    sites = {"hooks": write_site(base / "hooks", n_articles)}
    sites["cold"] = sites["hooks"]  # the same site, its image cache emptied before each build
    sites["floor"] = floor_site(sites["hooks"], base / "floor")
    sites["macros"] = macros_site(sites["hooks"], base / "macros", n_articles)
    results = {v: {"seconds": [], "rss_mib": [], "hook_seconds": []} for v in VARIANTS}
    for rep in range(reps):
        for variant in VARIANTS:  # interleaved: A B C D A B C D ...
            if variant == "cold":
                shutil.rmtree(sites["cold"] / ".cache", ignore_errors=True)
            seconds, rss, in_hooks = run_build(sites[variant], base / f"out-{variant}")
            results[variant]["seconds"].append(seconds)
            results[variant]["rss_mib"].append(rss / 1024)
            results[variant]["hook_seconds"].append(in_hooks)
            print(
                f"  N={n_articles:<5} rep {rep + 1}/{reps} {variant:6} {seconds:7.2f}s {rss / 1024:7.1f} MiB",
                flush=True,
            )
    shutil.rmtree(base)
    return results


def serve_latency(site: Path, articles: int, edits: int = 5) -> list[float]:
    """Seconds from saving a data edit to the open page showing it, under `make serve`'s
    `mkdocs serve --dirty` (after its first build, which fills the image cache): one edit to
    each of `edits` surveys spread over the archive, oldest to newest, one after another."""
    from serve_site import mkdocs_serve

    seconds = []
    with mkdocs_serve(site, start_timeout=900) as (origin, _log):
        for n in sorted({round(i * (articles - 1) / max(1, edits - 1)) for i in range(edits)}):
            survey = site / f"data/surveys/survey-{n}.yml"
            text = survey.read_text()
            old = yaml.safe_load(text.split("\n", 1)[1])["questions"][0]["answers"][0]["percent"]
            new = old - 1 if old > 0 else old + 1  # a single answer's shares stay within 100%
            marker = f'id="benchmark--survey-{n}--q0--a0"'
            url = f"{origin}/articles/article-{n}/"
            time.sleep(1)  # the previous edit's rebuild is over, and the file's time moves on
            start = time.monotonic()
            survey.write_text(text.replace(f"percent: {old}\n", f"percent: {new}\n", 1))
            while f">{new}%<" not in _row(url, marker):
                if time.monotonic() - start > 600:
                    raise SystemExit(f"the edit of survey-{n} never reached its page")
                time.sleep(0.1)
            seconds.append(time.monotonic() - start)
    return seconds


def _row(url: str, marker: str) -> str:
    try:
        page = urllib.request.urlopen(url, timeout=60).read().decode()
    except OSError:
        return ""
    return page[page.find(marker) :][:600] if marker in page else ""


def page_weight(workdir: Path) -> dict[str, int]:
    """The real article: its HTML, and HTML + the CSS, JS and images it needs, raw and gzip."""
    out = workdir / "real-site"
    run_build(ROOT, out)
    page = out / "articles/social-healthcare-how-do-you-stack-up/index.html"
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]+href="([^"]+)"', html)
    refs += re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<img[^>]+src="([^"]+)"', html)
    files = [page] + [(page.parent / ref).resolve() for ref in refs if not ref.startswith(("http", "data:"))]
    raw = [f.read_bytes() for f in files]
    return {
        "html": len(raw[0]),
        "html_gzip": len(gzip.compress(raw[0], 6)),
        "total": sum(len(b) for b in raw),
        "total_gzip": sum(len(gzip.compress(b, 6)) for b in raw),
        "files": len(files),
    }


# ---- reporting -------------------------------------------------------------------------------


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} ({min(values):.2f}-{max(values):.2f})"


def report(all_results: dict[int, dict], weight: dict[str, int], reps: int) -> str:
    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}; "
        f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}, "
        f"mkdocs-macros-plugin {version('mkdocs-macros-plugin')}",
        f"Date: {datetime.date.today().isoformat()}; {reps} interleaved repetitions; median (min-max)",
        "",
        "| N | hooks, warm (s) | cold (s) | floor (s) | macros (s) | hooks/floor | cold/hooks | hooks/macros | "
        "in hook code (s) | peak RSS hooks / cold / floor / macros (MiB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def warm(values: list[float], variant: str) -> list[float]:  # the hooks' first build fills the cache
        return values[1:] if variant == "hooks" and len(values) > 2 else values

    med = {n: {v: statistics.median(warm(r[v]["seconds"], v)) for v in VARIANTS} for n, r in all_results.items()}
    rss = {n: {v: max(r[v]["rss_mib"]) for v in VARIANTS} for n, r in all_results.items()}
    for n, r in all_results.items():
        m = med[n]
        lines.append(
            f"| {n} | {summary(warm(r['hooks']['seconds'], 'hooks'))} | {summary(r['cold']['seconds'])} | "
            f"{summary(r['floor']['seconds'])} | {summary(r['macros']['seconds'])} | {m['hooks'] / m['floor']:.3f} | "
            f"{m['cold'] / m['hooks']:.3f} | {m['hooks'] / m['macros']:.3f} | "
            f"{statistics.median(warm(r['hooks']['hook_seconds'], 'hooks')):.2f} | "
            + " / ".join(f"{rss[n][v]:.0f}" for v in VARIANTS)
            + " |"
        )
    small, large = min(med), max(med)
    if large > small:
        lines += [
            "",
            f"Growth from N={small} to N={large} (ideal {large / small:g}x): "
            + ", ".join(
                f"{v} time {med[large][v] / med[small][v]:.2f}x, memory {rss[large][v] / rss[small][v]:.2f}x"
                for v in VARIANTS
            ),
        ]
    lines += [
        "",
        "The hooks' first build of each N draws every chart and share card into the image cache and is left "
        "out of its median; `cold` empties the cache before each of its builds.",
    ]
    if large == TARGET_N:
        m = med[large]
        lines += ["", f"Targets at N={large} (issue 20):", ""]
        for text, value, target in (
            ("hooks build / the same pages without hooks", m["hooks"] / m["floor"], 2.0),
            ("a cold build / a warm one", m["cold"] / m["hooks"], 1.5),
            (f"growth, time N={large} / N={small}", med[large]["hooks"] / med[small]["hooks"], 11),
        ):
            lines.append(f"- {text} <= {target:g}: {value:.2f} ({'met' if value <= target else 'missed'})")
    lines += [
        "",
        "Article page weight (the real article): "
        f"HTML {weight['html']:,} B ({weight['html_gzip']:,} B gzip); with the CSS, JS and images it needs "
        f"({weight['files']} files): {weight['total']:,} B ({weight['total_gzip']:,} B gzip).",
    ]
    return "\n".join(lines)


TARGET_N = 300  # issue 20's targets are set at 300 articles


PACKAGES = ["hooks/", "material/", "mkdocs/", "markdown/", "pymdownx/", "jinja2/", "yaml/", "pydantic", "html/"]


# Where a build's time goes, by stage: (what, file the function is in, its name) -> cumulative time.
STAGES = [
    ("the whole build", "mkdocs/commands/build.py", "build"),
    ("reading each page: Markdown, with the placeholders expanded", "mkdocs/commands/build.py", "_populate_page"),
    ("  of which placeholder expansion (hooks)", "hooks/page_markdown.py", "expand_placeholders"),
    ("writing each page: templates, search index entry, head tags", "mkdocs/commands/build.py", "_build_page"),
    ("  of which Material's search plugin reading the page", "material/plugins/search/plugin.py", "on_page_context"),
    ("on_files: data, pages, generated files (hooks)", "hooks/site_build.py", "start_build"),
    ("  of which loading and validating data/", "hooks/survey_data/load.py", "load_dataset"),
    ("  of which listing the generated files", "hooks/generated_files.py", "add_generated_files"),
    ("queuing the generated files to be written", "mkdocs/structure/files.py", "copy_static_files"),
    ("waiting for them to be written (hooks)", "hooks/background_writes.py", "wait"),
    ("the output check (hooks)", "hooks/output_check.py", "check_site"),
]


def stage_times(stats: dict) -> dict[str, float]:
    totals = {what: 0.0 for what, _, _ in STAGES}
    for (filename, _, name), (_, _, _, cumtime, _) in stats.items():
        for what, path, function in STAGES:
            if name == function and filename.endswith(path):
                totals[what] += cumtime
    return totals


def profile_by_package(site: Path, out: Path, stages: dict[str, float] | None = None) -> dict[str, float]:
    """Own time (cProfile tottime) of one build, summed by the package each function is in;
    `stages`, if given, gets the cumulative time of each of STAGES."""
    import cProfile
    import logging
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.disable(logging.INFO)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out), strict=True)
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    stats = pstats.Stats(profiler).stats
    if stages is not None:
        stages.update(stage_times(stats))
    totals: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.items():
        group = next((p.strip("/") for p in PACKAGES if p in filename), "other (stdlib, builtins)")
        if group == "hooks" and "/survey_render/templates/" in filename:
            group = "hooks"  # compiled Jinja templates of the project count as the project's
        totals[group] = totals.get(group, 0.0) + tottime
    return totals


def profile_report(n_articles: int, workdir: Path) -> str:
    """Where the hooks build spends its time beyond the floor, by package: the evidence for
    what is the project's own cost and what is MkDocs' or Material's."""
    hooks = write_site(workdir / "profile-hooks", n_articles)
    floor = floor_site(hooks, workdir / "profile-floor")
    run_build(hooks, workdir / "out-a")  # fills the image cache: the profile is of a warm build
    stages: dict[str, float] = {}
    a = profile_by_package(hooks, workdir / "out-a", stages)
    b = profile_by_package(floor, workdir / "out-b")
    lines = [
        f"Profile at N={n_articles}, the image cache warm (cProfile own time by package; profiling slows "
        "everything alike):",
        "",
        "| package | hooks build (s) | floor build (s) | difference (s) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for group in sorted(set(a) | set(b), key=lambda g: -(a.get(g, 0) - b.get(g, 0))):
        lines.append(
            f"| {group} | {a.get(group, 0):.2f} | {b.get(group, 0):.2f} | {a.get(group, 0) - b.get(group, 0):+.2f} |"
        )
    lines.append(
        f"| total | {sum(a.values()):.2f} | {sum(b.values()):.2f} | {sum(a.values()) - sum(b.values()):+.2f} |"
    )
    lines += ["", "The hooks build by stage (cProfile cumulative time; stages overlap where one calls another):", ""]
    lines += ["| stage | seconds | share |", "| --- | ---: | ---: |"]
    whole = stages[STAGES[0][0]] or 1.0
    lines += [f"| {what} | {seconds:.2f} | {seconds / whole:.0%} |" for what, seconds in stages.items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N=10 and 30, 2 repetitions: a smoke test")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[30, TARGET_N])
    parser.add_argument("--profile", type=int, default=300, help="N for the by-package profile (0: none)")
    args = parser.parse_args()
    sizes, reps = ([10, 30], 2) if args.quick else (args.sizes, args.reps)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            results[n] = measure(n, reps, Path(tmp))
        weight = page_weight(Path(tmp))
        largest = max(sizes)
        latencies = serve_latency(write_site(Path(tmp) / "serve", largest), largest)
        profile = "" if args.quick or not args.profile else profile_report(args.profile, Path(tmp))
    worst = max(latencies)
    target = f" (target at N={TARGET_N}: < 1 s: {'met' if worst < 1 else 'missed'})" if largest == TARGET_N else ""
    serve = (
        f"Under `make serve` (`mkdocs serve --dirty`) at N={largest}, a data edit reached its open page in "
        f"{statistics.median(latencies):.2f} s (median of {len(latencies)} edits to surveys spread over the archive; "
        f"slowest {worst:.2f} s){target}. Each: " + ", ".join(f"{s:.2f}" for s in latencies) + " s."
    )
    text = report(results, weight, reps) + "\n\n" + serve + ("\n\n" + profile if profile else "")
    print("\n" + text)
    if not args.quick:
        (ROOT / "bench" / "RESULTS.md").write_text(
            "# Benchmark results\n\nWritten by `make bench` (scripts/bench.py).\n\n" + text + "\n", encoding="utf-8"
        )
        print("\nwritten to bench/RESULTS.md")


if __name__ == "__main__":
    main()
