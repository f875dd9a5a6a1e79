"""The generated files (site_outputs) handed to the engine as files of the site: each
survey's downloads and charts, the feed, the share cards, robots.txt. A writer's own file of
the same name stops the build."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from background_writes import BackgroundWrites
from output_budget import MAX_SITE_BYTES
from site_outputs import (
    Output,
    cached_survey_outputs,
    card_output,
    draw_ahead,
    feed_output,
    robots_output,
    share_cards,
)
from survey_data import DataError, Problem
from survey_data.digests import digest
from survey_render.share_card import Card
from writer_paths import project_root

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from page_intake import Intake
    from preview_rebuilds import Rebuilds
    from survey_data.load import Dataset

OURS = "the site writes this file itself (see README.md); remove or rename yours"


def as_file(config: MkDocsConfig, output: Output) -> File:
    if output.cached is not None:  # copied from the image cache, not read into memory
        return File.generated(config, output.path, abs_src_path=str(output.cached))
    return File.generated(config, output.path, content=output.content)


def add_generated_files(
    files: Files,
    config: MkDocsConfig,
    dataset: Dataset,
    intake: Intake,
    newest: list,
    rebuilds: Rebuilds,
    rebuild_when: Callable[[File, str], None],
    serving: bool,
    writes: BackgroundWrites,
) -> tuple[dict[str, Card], int]:
    """Adds every generated file to `files`; returns each article's share card (its <head>
    describes it), and how many bytes the files add up to (the site's output budget counts
    them, survey by survey). `rebuild_when(file, fingerprint)` tells a preview what the file
    is made of."""
    site_url = config.site_url or ""
    root = project_root(config)
    writers = {file.src_uri for file in files}
    total = 0

    def add(fingerprint: str, made: list[File], survey: str | None = None) -> None:
        nonlocal total
        for file in made:
            if file.src_uri in writers:
                raise PluginError(str(DataError([Problem(f"docs/{file.src_uri}", None, None, "", OURS)])))
            rebuild_when(file, fingerprint)
            writes.take_over(file)
            files.append(file)
            total += _size(file)
        if survey is not None and total > MAX_SITE_BYTES:
            shown = dataset.survey_files.get(survey, f"data/surveys/{survey}.yml")
            message = (
                f"the site's downloads add up to more than {MAX_SITE_BYTES // (1024 * 1024):,} MB by this survey's; "
                "trim the survey (fewer questions or answers, shorter labels), or split it"
            )
            raise PluginError(str(DataError([Problem(shown, None, None, "", message)])))

    def files_of(outputs: list[Output]) -> list[File]:
        return [as_file(config, output) for output in outputs]

    # Only the surveys a published page shows (drafts' too under `serve`; one shown on no page
    # gets a warning instead).
    surveys = [
        (i, s, dataset.survey_digests[i]) for i, s in dataset.surveys.items() if serving or i in intake.published
    ]
    cards = share_cards(config.site_name, ((src, meta) for src, (_, meta) in intake.articles.items()), intake.leads)
    draw_ahead(surveys, list(cards.values()), site_url, config.site_name, root)
    for survey_id, survey, _ in surveys:
        made_from = digest(dataset.survey_digests[survey_id], site_url, config.site_name, config.site_dir)

        def downloads(survey_id=survey_id, survey=survey) -> list[File]:
            key = dataset.survey_digests[survey_id]
            return files_of(cached_survey_outputs(survey_id, survey, key, site_url, config.site_name, root))

        add(made_from, rebuilds.memo(("downloads", survey_id), made_from, downloads), survey_id)
    language = config.theme.get("language") or "en"
    description = config.site_description or config.site_name
    feed = feed_output(config.site_name, site_url, description, language, newest, dataset.authors)
    add(digest(feed.content), files_of([feed]))
    for src_uri, card in cards.items():
        made_from = digest(card, config.site_dir)
        made = rebuilds.memo(
            ("card", src_uri), made_from, lambda s=src_uri, c=card: files_of([card_output(s, c, root)])
        )
        add(made_from, made)
    robots = robots_output(site_url)
    add(digest(robots.content), files_of([robots]))
    return cards, total


def _size(file: File) -> int:
    if file.abs_src_path:
        try:
            return os.path.getsize(file.abs_src_path)
        except OSError:
            return 0
    content = file.content_bytes if file.content_bytes is not None else (file.content_string or "").encode()
    return len(content)
