"""Where the project is, and a file's path as a writer knows it (docs/articles/x.md), for
every hook module's messages, however the config path was given (`mkdocs build -f mkdocs.yml`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File


def project_root(config: MkDocsConfig) -> Path:
    """The project folder, absolute."""
    return Path(os.path.abspath(os.path.dirname(config.config_file_path or "mkdocs.yml")))


def writer_path(config: MkDocsConfig, file: File) -> str:
    """The file's path relative to the project, or its path in docs/ if it lies elsewhere."""
    if not file.abs_src_path:
        return file.src_uri
    path, root = Path(os.path.abspath(file.abs_src_path)), project_root(config)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else file.src_uri
