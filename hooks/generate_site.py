"""For an engine without hooks (Zensical), what the hooks do around the pages:

    python hooks/generate_site.py --check [--strict] [-f zensical.yml]   # before the build
    python hooks/generate_site.py [--strict] [-f zensical.yml]           # after it

Both check the project first, every problem at once (site_check: data/, front matter,
placeholders; with --strict, a question no page shows fails too). Without --check, it then
writes each survey's downloads and charts, the feed, the share cards and robots.txt into
site_dir. Knows nothing of MkDocs."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from article_index import published_articles
from site_check import check_project
from site_outputs import (
    Output,
    cached_survey_outputs,
    card_output,
    draw_ahead,
    feed_output,
    robots_output,
    share_cards,
)
from survey_data import DataError, load_dataset


class _SettingsLoader(yaml.SafeLoader):
    """mkdocs.yml as the engines read it: `!ENV [NAME, default]` is the variable or the default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[v] for v in variables if v in os.environ), default)


_SettingsLoader.add_constructor("!ENV", _env)


def read_settings(config: Path) -> dict:
    """The settings, with those of the file named by INHERIT beneath them (as the engines merge them)."""
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=_SettingsLoader) or {}  # a SafeLoader
    parent = settings.pop("INHERIT", None)
    if parent is None:
        return settings
    return _merged(read_settings(config.parent / parent), settings)


def _merged(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        both = isinstance(value, dict) and isinstance(base.get(key), dict)
        merged[key] = _merged(base[key], value) if both else value
    return merged


def outputs(root: Path, settings: dict, today: date) -> list[Output]:
    """Every generated file of the site at `root`, as `make build` publishes it."""
    site_url = settings.get("site_url") or ""
    site_name = settings["site_name"]
    dataset = load_dataset(root)
    articles = published_articles(root, dataset, today, settings.get("docs_dir") or "docs")
    surveys = [(i, s, dataset.survey_digests[i]) for i, s in dataset.surveys.items() if i in articles.published]
    cards = share_cards(site_name, ((a.src_uri, a.meta) for a in articles.newest), articles.leads)
    draw_ahead(surveys, list(cards.values()), site_url, site_name, root)
    made = []
    for survey_id, survey, survey_digest in surveys:
        made += cached_survey_outputs(survey_id, survey, survey_digest, site_url, site_name, root)
    language = (settings.get("theme") or {}).get("language") or "en"
    description = settings.get("site_description") or site_name
    made.append(feed_output(site_name, site_url, description, language, articles.newest, dataset.authors))
    made += [card_output(src, card, root) for src, card in cards.items()]
    made.append(robots_output(site_url))
    return made


def write(site: Path, made: list[Output]) -> None:
    for output in made:
        target = site / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if output.cached is not None:
            shutil.copyfile(output.cached, target)
        elif isinstance(output.content, bytes):
            target.write_bytes(output.content)
        else:
            target.write_text(output.content or "", encoding="utf-8", newline="")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--check", action="store_true", help="only check the project, every problem at once")
    parser.add_argument("--strict", action="store_true", help="a warning (a question no page shows) fails too")
    args = parser.parse_args(argv)
    config = Path(args.config_file).resolve()
    settings = read_settings(config)
    today = datetime.now(UTC).date()
    found = check_project(config.parent, today, docs=settings.get("docs_dir") or "docs")
    for line in found.lines():
        print(line, file=sys.stderr)
    if found.problems or (found.warnings and args.strict):
        return 1
    if args.check:
        return 0
    try:
        made = outputs(config.parent, settings, today)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    write(config.parent / (settings.get("site_dir") or "site"), made)
    print(f"generate_site: {len(made)} files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
