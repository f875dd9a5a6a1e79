"""What the site generates, kept by content in the project's `.cache/` (as Material's social
plugin keeps its cards), so that a rebuild under `serve`, or a build with the cache kept (CI
keeps .cache/ between runs), copies a file instead of making it again:

- `.cache/images/`: each drawn PNG (a chart, a share card: 15-20 ms each to draw);
- `.cache/outputs/`: each survey's downloads (data package, CSVs, charts), by the survey
  file's text and the site's name and address.

Every key covers the code that makes the file. Knows nothing of MkDocs."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import site
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import PIL

import survey_data
import survey_render
from survey_data.digests import bytes_digest, digest

PNG_CACHE = ".cache/images"
OUTPUT_CACHE = ".cache/outputs"
_RENDER = Path(survey_render.__file__).parent
_DATA = Path(survey_data.__file__).parent
_HOOKS = _RENDER.parent
POOL_FROM = 64  # PNGs missing from the cache before they are drawn on every core at once


def _code(paths: list[Path]) -> str:
    """A fingerprint of the code, templates and fonts a generated file depends on, and Pillow."""
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))]
    parts = [
        (p.relative_to(_HOOKS).as_posix(), bytes_digest(p.read_bytes()))
        for p in files
        if p.is_file() and "__pycache__" not in p.parts
    ]
    return digest(sorted(parts), PIL.__version__)


# Read once, at import: the engine imports the code it runs once too. A PNG depends on the
# drawing code and fonts (what it shows is in its key); the downloads on the data and render
# layers and the module listing them.
DRAWING_CODE = _code([_RENDER / name for name in ("chart_image.py", "share_card.py", "numbers.py", "fonts")])
CODE = _code([_DATA, _RENDER, Path(__file__), Path(__file__).with_name("site_outputs.py")])

Made = tuple[Path | None, bytes | None]  # the cached file, or the PNG where it cannot be cached


def png_path(what: object, draw: Callable[[object], bytes], root: Path) -> Path:
    return root / PNG_CACHE / f"{digest(what, draw.__name__, DRAWING_CODE)}.png"


def cached_png(what: object, draw: Callable[[object], bytes], root: Path) -> Made:
    """draw(what), a PNG, drawn once per content. Returns the cached file, or the PNG itself
    where the cache cannot be written (a read-only checkout)."""
    cached = png_path(what, draw, root)
    if cached.is_file() and not cached.is_symlink():
        return cached, None
    png = draw(what)
    return (cached, None) if _store(cached, png) else (None, png)


def _store(cached: Path, png: bytes) -> bool:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(png)
        part.replace(cached)
    except OSError:
        return False  # a read-only checkout still builds; it draws every time
    return True


def _draw(job: tuple[object, Callable[[object], bytes]]) -> bytes:
    what, draw = job
    return draw(what)


def _context():
    """fork where this process has one thread (a build: quick to start, nothing to import
    again); spawn where it has more (the preview's server), which fork would copy half-way.
    A spawned worker imports this module with hooks/ added to its path: the engine puts
    hooks/ there only while it imports the hook modules."""
    one_thread = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if one_thread else "spawn")


def draw_missing(jobs: list[tuple[object, Callable[[object], bytes]]], root: Path, pool_from: int = POOL_FROM) -> int:
    """Draws every PNG of `jobs` (what, draw) not in the cache yet, on every core, where there
    are at least `pool_from` (a cold build: a fresh CI runner draws thousands); fewer are
    drawn one by one where they are needed. Returns how many were drawn here."""
    missing = {png_path(what, draw, root): (what, draw) for what, draw in jobs}
    missing = {path: job for path, job in missing.items() if not path.is_file()}
    if len(missing) < max(pool_from, 1) or (os.cpu_count() or 1) < 2:
        return 0
    try:
        with ProcessPoolExecutor(
            os.cpu_count(), mp_context=_context(), initializer=site.addsitedir, initargs=(str(_HOOKS),)
        ) as pool:
            for path, png in zip(missing, pool.map(_draw, missing.values(), chunksize=8), strict=True):
                _store(path, png)
    except BrokenProcessPool:  # a program that runs the engine and cannot be started twice
        return 0  # they are drawn one by one where they are needed
    return len(missing)


Files = list[tuple[str, str | bytes | None, Path | None]]  # (site path, content, or the file holding it)


def files_cached(key: str, root: Path) -> bool:
    """Whether cached_files(key, ...) would copy, not make."""
    return (root / OUTPUT_CACHE / digest(key, CODE) / "manifest.json").is_file()


def cached_files(key: str, make: Callable[[], Files], root: Path) -> Files:
    """make(), or the files it made for the same key before, each as a file in the cache.
    `key` must fingerprint everything the files depend on but the code (added here)."""
    folder = root / OUTPUT_CACHE / digest(key, CODE)
    manifest = folder / "manifest.json"
    if manifest.is_file() and not folder.is_symlink():
        paths = json.loads(manifest.read_text(encoding="utf-8"))
        return [(path, None, folder / str(i)) for i, path in enumerate(paths)]
    made = make()
    part = folder.with_name(f"{folder.name}.{os.getpid()}.part")
    try:
        shutil.rmtree(part, ignore_errors=True)
        part.mkdir(parents=True)
        for i, (_, content, cached) in enumerate(made):
            if cached is not None:
                shutil.copyfile(cached, part / str(i))
            else:
                (part / str(i)).write_bytes(content.encode("utf-8") if isinstance(content, str) else content or b"")
        (part / "manifest.json").write_text(json.dumps([path for path, _, _ in made]), encoding="utf-8")
        part.rename(folder)
    except OSError:
        shutil.rmtree(part, ignore_errors=True)
        return made  # a read-only checkout, or another build just stored the same
    return [(path, None, folder / str(i)) for i, (path, _, _) in enumerate(made)]
