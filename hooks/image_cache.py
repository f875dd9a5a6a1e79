"""Drawn PNGs (charts, share cards) kept by content in the project's `.cache/images/`, as
Material's social plugin keeps its cards: a rebuild under `serve`, or a build with the cache
kept (CI keeps .cache/ between runs), copies a PNG instead of drawing it again. Knows nothing
of MkDocs."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import PIL

import survey_render
from survey_data.digests import bytes_digest, digest

PNG_CACHE = ".cache/images"
_RENDER = Path(survey_render.__file__).parent


def _drawing_code() -> str:
    """What a PNG's pixels depend on besides what it shows: the render layer's code (the
    drawing, the number format), its fonts, and Pillow."""
    parts = [
        (path.relative_to(_RENDER).as_posix(), bytes_digest(path.read_bytes()))
        for path in sorted([*_RENDER.glob("*.py"), *(_RENDER / "fonts").iterdir()])
    ]
    return digest(parts, PIL.__version__)


_CODE = _drawing_code()  # read once, at import: the engine imports the code it runs once too

Made = tuple[Path | None, bytes | None]  # the cached file, or the PNG where it cannot be cached


def cached_png(what: object, draw: Callable[[object], bytes], root: Path) -> Made:
    """draw(what), a PNG, drawn once per content (15-20 ms each). Returns the cached file, or
    the PNG itself where the cache cannot be written (a read-only checkout)."""
    cached = root / PNG_CACHE / f"{digest(what, draw.__name__, _CODE)}.png"
    if cached.is_file() and not cached.is_symlink():
        return cached, None
    png = draw(what)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(png)
        part.replace(cached)
    except OSError:
        return None, png  # a read-only checkout still builds; it draws every time
    return cached, None
