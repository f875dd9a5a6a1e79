"""On GitHub Actions (GITHUB_ACTIONS=true), each error and warning line of a build is also
printed as a workflow command (`::error file=F,line=L,col=C,title=T::message`), so that it
shows on the very line of the pull request's diff. Values are encoded by GitHub's rules, so
nothing from a file can end the command or start another."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable

from survey_data.errors import printable

# "file:line:col: message", "file:line: message" or "file: message", as Problem prints them.
_PLACED = re.compile(r"^(?P<file>[\w./@+ -]+\.[A-Za-z]+)(?::(?P<line>\d+))?(?::(?P<col>\d+))?: (?P<message>.+)$")
_LOGGER = re.compile(r"^hooks/[\w.]+: ")  # the prefix of a hook's own logger
_DOC_FILE = re.compile(r"^Doc file '(?P<file>[^']+)'")  # MkDocs's link and anchor warnings
MAX_LINES = 200  # per log record; the rest is summed up by the build itself


def annotation(level: str, line: str, docs: str = "docs/") -> str:
    """A GitHub workflow command for one line of the build's output. `docs`: where the
    engine's "Doc file" paths start, from the project folder."""
    line = _LOGGER.sub("", line)
    doc_file = _DOC_FILE.match(line)
    if doc_file:
        return f"::{level} file={_prop(docs + doc_file['file'])},title=mkdocs build::{_data(line)}"
    found = _PLACED.match(line)
    if not found:
        return f"::{level} title=mkdocs build::{_data(line)}"
    props = [f"file={_prop(found['file'])}"]
    if found["line"]:
        props.append(f"line={found['line']}")
    if found["col"]:
        props.append(f"col={found['col']}")
    message = found["message"]
    where, _, rest = message.partition(": ")
    title = where if rest and len(where) <= 80 and " " not in where else "mkdocs build"
    props.append(f"title={_prop(title)}")
    return f"::{level} {','.join(props)}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class Annotations(logging.Handler):
    """Prints each warning and error line of the engine's log as a workflow command."""

    def __init__(self, docs: Callable[[], str]):
        super().__init__()
        self._docs = docs

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.WARNING:
            return
        level = "error" if record.levelno >= logging.ERROR else "warning"
        for line in record.getMessage().split("\n")[:MAX_LINES]:
            if line.strip():
                print(annotation(level, printable(line.strip(), 2000), self._docs()), file=sys.stdout, flush=True)
