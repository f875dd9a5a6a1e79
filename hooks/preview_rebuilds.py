"""What a `make serve` process remembers between its rebuilds, so that an edit rebuilds only
what it touches (MkDocs's `serve --dirty`), the way Hugo's server does.

MkDocs's own rule for a dirty build is "a page whose Markdown file is newer than its HTML", which
knows nothing of data/: an edited survey would leave every page showing it stale. Here each
page and generated file gets a fingerprint of everything it is made from (its text, the data
records it shows, the site's settings); it is rebuilt when that changes. A rebuild that fails
forgets the fingerprints it touched, so the next one redoes them.

One `Rebuilds` lives in the process state (site_state.Process). preview_fingerprints says what
each output is made from; preview_search keeps what the pages not rebuilt contributed. Nothing
here is used by `mkdocs build`, which always builds everything.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import jinja2

T = TypeVar("T")


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once: MkDocs makes a new Jinja environment for every
    build, which compiles Material's templates again (0.2 s). Jinja checks each template's
    source against the checksum kept with its code, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Rebuilds:
    def __init__(self) -> None:
        self.active = False  # a `serve --dirty` process: the rest is used only then
        self.site = ""  # fingerprint of what every page depends on (settings, templates, surveys, the day)
        self.built: dict[str, str] = {}  # output -> fingerprint it was last written with, successfully
        self.pending: dict[str, str] = {}  # the same, for the build under way
        # Per page, for pages not rebuilt: the benchmarks it shows (for "shown on no page"),
        # and its entries in the search index. Staged like the fingerprints.
        self.shown: dict[str, frozenset] = {}
        self.search: dict[str, list[dict]] = {}
        self.anchors: dict[str, tuple] = {}  # page -> (its anchor ids, its links to anchors)
        self.staged_shown: dict[str, frozenset] = {}
        self.staged_search: dict[str, list[dict]] = {}
        self.staged_anchors: dict[str, tuple] = {}
        self.written: set[str] = set()  # every output of the build under way (the rest is stale)
        self.code: str | None = None  # fingerprint of the hooks' Python code, as imported
        self._memo: dict[Hashable, tuple[str, object]] = {}
        self.templates = CompiledTemplates()

    def start(self, site: str) -> bool:
        """A build begins; the one before it succeeded unless fail() was called. False if what
        every page depends on changed: then everything is rebuilt."""
        self.built.update(self.pending)
        self.shown.update(self.staged_shown)
        self.search.update(self.staged_search)
        self.anchors.update(self.staged_anchors)
        self._clear_staged()
        if site == self.site:
            return True
        self.site, self.built, self.shown, self.search, self.anchors, self._memo = site, {}, {}, {}, {}, {}
        return False

    def _clear_staged(self) -> None:
        self.pending, self.staged_shown, self.staged_search, self.staged_anchors = {}, {}, {}, {}
        self.written = set()

    def stale(self) -> list[str]:
        """Outputs an earlier build wrote that this one does not (a page or survey removed):
        forgotten here, for the caller to delete."""
        gone = sorted(set(self.built) - self.written)
        for output in gone:
            del self.built[output]
        return gone

    def expect(self, output: str) -> None:
        """`output` is part of the site this build makes."""
        self.written.add(output)

    def changed(self, output: str, fingerprint: str) -> bool:
        """Whether `output` must be written again; remembered once the build succeeds."""
        self.pending[output] = fingerprint
        return self.built.get(output) != fingerprint

    def fail(self) -> None:
        """The build failed, perhaps after writing some outputs: those are rebuilt next time."""
        for output, fingerprint in self.pending.items():
            if self.built.get(output) != fingerprint:
                self.built.pop(output, None)
        self._clear_staged()

    def memo(self, slot: Hashable, key: str, compute: Callable[..., T], *args: object) -> T:
        """compute(*args), or its result from an earlier build with the same key: `key` must
        fingerprint everything the result depends on. One result is kept per slot (a file, a
        survey), so memory stays bounded by the site's size."""
        if not self.active:
            return compute(*args)
        kept = self._memo.get(slot)
        if kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[return-value]
        value = compute(*args)
        self._memo[slot] = (key, value)
        return value
