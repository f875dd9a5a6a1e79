"""The generated files written by a few threads while the engine builds the pages, not one
after another before it starts: thousands of small files (a survey's downloads and charts)
cost more in file-system calls than in Python, and those calls run beside the page work.
A file from the cache is linked, not copied, where the file system allows it.

MkDocs still decides which files to write (its copy_file, and the preview's is_modified);
the engine's copy is swapped for a job queued here, and the build waits for every job before
the search index and the output check run (survey_site.on_post_build)."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.files import File

WORKERS = 4  # file-system calls wait on the disk, not the processor: more threads than cores


def write_file(path: str, content: str | bytes | None, cached: str | None) -> None:
    """`content`, or the file `cached` holds, at `path` (replaced: a link must never let a
    later write reach the cache)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.lexists(path):
        os.unlink(path)
    if cached is not None:
        try:
            os.link(cached, path)
        except OSError:  # another file system, or links not allowed
            shutil.copyfile(cached, path)
        return
    with open(path, "wb") as out:
        out.write(content.encode("utf-8") if isinstance(content, str) else content or b"")


class BackgroundWrites:
    """One build's queue of generated files."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._jobs: list[Future] = []

    def take_over(self, file: File) -> None:
        """`file` is written here when the engine copies it."""
        content, cached = file.content_bytes if file.abs_src_path is None else None, file.abs_src_path

        def copy_file(dirty: bool = False) -> None:
            if dirty and not file.is_modified():
                return
            if self._pool is None:
                self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="generated-files")
            self._jobs.append(self._pool.submit(write_file, file.abs_dest_path, content, cached))

        file.copy_file = copy_file  # type: ignore[method-assign]

    def wait(self) -> None:
        """Every file queued is written; the first failure is raised."""
        jobs, self._jobs = self._jobs, []
        try:
            for job in jobs:
                job.result()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None
