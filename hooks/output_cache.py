"""What the site generates, kept by content in the project's `.cache/` (as Material's social
plugin keeps its cards), so that a rebuild under `serve`, or a build with the cache kept (CI
keeps .cache/ between runs), copies a file instead of making it again:

- `.cache/images/`: each drawn PNG (a chart, a share card: 15-20 ms each to draw);
- `.cache/outputs/`: each survey's downloads (data package, CSVs, charts), by the survey
  file's text and the site's name and address.

Every key covers the code that makes the file. Nothing is trusted from disk without proof: each
file is stored with the digest of its bytes and read back only when the bytes still match it
(a file changed on disk is made again), and a file of the cache that is in the repository
fails the build (`cache_in_repository`: a pull request could commit one to replace a chart).
Knows nothing of MkDocs."""

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
from repository_files import tracked
from survey_data.digests import bytes_digest, digest
from survey_data.errors import Problem

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
    if _intact(cached):
        return cached, None
    png = draw(what)
    return (cached, None) if _store(cached, png) else (None, png)


def _proof(cached: Path) -> Path:
    return cached.with_name(cached.name + ".digest")


def _intact(cached: Path) -> bool:
    """Whether `cached` is a plain file whose bytes are those stored (its digest beside it)."""
    proof = _proof(cached)
    if not cached.is_file() or cached.is_symlink() or not proof.is_file() or proof.is_symlink():
        return False
    try:
        return proof.read_text(encoding="ascii") == bytes_digest(cached.read_bytes())
    except (OSError, UnicodeDecodeError):
        return False


def _store(cached: Path, data: bytes) -> bool:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for path, content in ((cached, data), (_proof(cached), bytes_digest(data).encode("ascii"))):
            part = path.with_name(f"{path.name}.{os.getpid()}.part")
            part.write_bytes(content)
            part.replace(path)
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
    missing = {path: job for path, job in missing.items() if not _intact(path)}
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
    return _stored(root / OUTPUT_CACHE / digest(key, CODE)) is not None


def _stored(folder: Path) -> list[str] | None:
    """The site paths of the files stored in `folder`, if every one is intact: its bytes are
    those whose digest the manifest gives. None: not stored, or changed since (made again)."""
    manifest = folder / "manifest.json"
    if folder.is_symlink() or not manifest.is_file() or manifest.is_symlink():
        return None
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))
        for i, (_, expected) in enumerate(entries):
            stored = folder / str(i)
            if stored.is_symlink() or bytes_digest(stored.read_bytes()) != expected:
                return None
        return [path for path, _ in entries]
    except (OSError, ValueError, TypeError):
        return None


def cached_files(key: str, make: Callable[[], Files], root: Path) -> Files:
    """make(), or the files it made for the same key before, each as a file in the cache.
    `key` must fingerprint everything the files depend on but the code (added here)."""
    folder = root / OUTPUT_CACHE / digest(key, CODE)
    paths = _stored(folder)
    if paths is not None:
        return [(path, None, folder / str(i)) for i, path in enumerate(paths)]
    shutil.rmtree(folder, ignore_errors=True)  # changed since it was stored: made again
    made = make()
    part = folder.with_name(f"{folder.name}.{os.getpid()}.part")
    try:
        shutil.rmtree(part, ignore_errors=True)
        part.mkdir(parents=True)
        entries = []
        for i, (path, content, cached) in enumerate(made):
            data = cached.read_bytes() if cached is not None else content
            data = data.encode("utf-8") if isinstance(data, str) else data or b""
            (part / str(i)).write_bytes(data)
            entries.append([path, bytes_digest(data)])
        (part / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
        part.rename(folder)
    except OSError:
        shutil.rmtree(part, ignore_errors=True)
        return made  # a read-only checkout, or another build just stored the same
    return [(path, None, folder / str(i)) for i, (path, _, _) in enumerate(made)]


CACHE_TRACKED = (
    "a file of the build's cache is in the repository; the build makes its cache itself, and a "
    "committed file could stand for any chart: remove it from the repository (git rm --cached)"
)


def cache_in_repository(root: Path) -> list[Problem]:
    return [Problem(name, None, None, "", CACHE_TRACKED) for name in tracked(root, ".cache")]
