"""Read a writer's file, and nothing else: a regular file inside the project, of bounded size,
in UTF-8. A link that leads outside the project, a folder, a device, a pipe or a socket is
refused before a byte of it is read, and no read is longer than the limit allows."""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from pathlib import Path

from survey_data.errors import Problem, printable


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


@functools.lru_cache(maxsize=16)
def _resolved(root: Path) -> Path:
    """The project folder's real path: looked up once, not once for each of a thousand files."""
    return root.resolve()


def check_file(root: Path, path: Path, shown: str, limit: int, what: str = "a data file") -> Problem | None:
    """Why `path` may not be read as a writer's file, or None if it may. `root` is the
    project folder (absolute); `shown` is the path as the writer knows it."""
    return _checked(root, path, shown, limit, what)[0]


MAX_LINKS = 40  # links followed in a row, as Linux's own limit


def _follow(path: Path) -> tuple[Path | None, str | None]:
    """Where `path` leads, found by looking at each entry on the way (a link is read, never
    opened): the real path, or why it leads nowhere: "broken" (a link to nothing), "loop" (a
    link that leads back to itself), "chain" (more than MAX_LINKS links in a row),
    "unreadable" (no permission to look). The same answer on every Python, whatever
    exception its resolve() would raise."""
    current, seen = os.path.abspath(path), set()
    for _ in range(MAX_LINKS):
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return None, "broken"
        except OSError as err:  # a folder on the way that loops, or one we may not look into
            return None, "loop" if err.errno == errno.ELOOP else "unreadable"
        if not stat.S_ISLNK(info.st_mode):
            return Path(os.path.realpath(current)), None
        if current in seen:
            return None, "loop"
        seen.add(current)
        try:
            target = os.readlink(current)
        except OSError:
            return None, "unreadable"
        current = os.path.abspath(os.path.join(os.path.dirname(current), target))
    return None, "chain"


def _checked(root: Path, path: Path, shown: str, limit: int, what: str) -> tuple[Problem | None, Path | None]:
    """check_file(), and the file's real path when it may be read."""
    real, why = _follow(path)
    if why == "broken":
        return Problem(shown, None, None, "", "a link to a file that does not exist; remove the link or fix it"), None
    if real is None:
        reason = {"loop": "a loop of links", "chain": f"more than {MAX_LINKS} links in a row"}.get(why, "unreadable")
        return Problem(shown, None, None, "", f"cannot be read ({reason}); replace it with a plain file"), None
    if not real.is_relative_to(_resolved(root)):
        message = f"a link to a file outside {root.name}/, which is not read; put the file itself here"
        return Problem(shown, None, None, "", message), None
    try:
        info = os.stat(real)
    except OSError:
        return Problem(shown, None, None, "", "cannot be read (unreadable); replace it with a plain file"), None
    if not stat.S_ISREG(info.st_mode):
        return Problem(
            shown, None, None, "", f"is {_kind(info.st_mode)}, not a file; remove it or put a file here"
        ), None
    if info.st_size > limit:
        message = f"the file is {info.st_size:,} bytes; {what} may be at most {limit:,} bytes: split or trim it"
        return Problem(shown, None, None, "", message), None
    return None, real


def read_text(
    root: Path, path: Path, shown: str, limit: int, what: str = "a data file"
) -> tuple[str | None, Problem | None]:
    """The text of a writer's file, or the problem that stops it being read."""
    problem, real = _checked(root, path, shown, limit, what)
    if problem is not None or real is None:
        return None, problem
    try:
        with open(real, "rb") as file:
            data = file.read(limit + 1)  # a file that grew since it was looked at is still cut
    except OSError:
        return None, Problem(shown, None, None, "", "cannot be read (unreadable); replace it with a plain file")
    if len(data) > limit:
        return None, Problem(shown, None, None, "", f"the file is over {limit:,} bytes; {what} may be at most that")
    try:
        return data.decode("utf-8-sig"), None  # a BOM from a Windows editor is harmless
    except UnicodeDecodeError as err:
        return None, _not_utf8(shown, data, err.start)


def _not_utf8(shown: str, data: bytes, start: int) -> Problem:
    """Where a file stops being UTF-8, at its line and column, and what it was saved as."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]:
        return Problem(shown, 1, 1, "", "saved as UTF-16 text, not UTF-8; save the file again as UTF-8")
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    byte = data[start]
    seen = bytes([byte]).decode("cp1252", errors="replace")
    shown_as = f" ('{seen}' in Windows-1252 or Latin-1)" if seen.isprintable() and seen != "\ufffd" else ""
    message = (
        f"not UTF-8 text: byte 0x{byte:02X}{shown_as} was saved in another encoding; "
        "save the file as UTF-8 (and retype the character if it then looks wrong)"
    )
    return Problem(shown, line, column, "", message)


# The folders a build reads or writes besides the pages: the data, and the cache of drawn
# images and made files. (docs/ and the output folder come from the engine's settings.)
OWN_FOLDERS = ("data", ".cache")


def check_own_folders(root: Path, folders: list[Path]) -> list[Problem]:
    """A folder the build reads or writes must be the project's own, at every level from the
    project folder down, the top included: a pull request that makes docs/ a link to .git/
    would publish .git/config, and a .cache/ link would have images written anywhere. A link
    on the way is refused with its name; the folder need not exist yet. A folder the settings
    or the command line place outside the project (`mkdocs build -d /tmp/out`) is the
    maintainer's choice, not a pull request's: it is not looked at."""
    top = Path(os.path.abspath(root))
    problems = []
    for folder in folders:
        path = Path(os.path.abspath(folder))
        if not path.is_relative_to(top):
            continue
        current = top
        for part in path.relative_to(top).parts:
            current = current / part
            if os.path.islink(current):
                shown = str(current.relative_to(top))
                message = (
                    f"a link (to {printable(os.readlink(current), 100)}), where the build reads or writes only the "
                    "project's own folders; replace the link with the folder itself"
                )
                problems.append(Problem(shown, None, None, "", message))
                break
    return problems


MAX_ENTRIES = 20_000  # files and folders under docs/: far above any site, and a bound on the walk
SAFE_NAME = re.compile(r"[\w][\w .-]{0,99}")  # no markup, no control, not hidden, at most 100 characters
# What docs/ may hold: pages, and files a page shows or links to that a browser never runs. An
# .html, .svg, .js or .css file would be published as it is, scripts and all.
DOCS_KINDS = frozenset({".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf", ".csv"})


def _hidden_page(name: str, path: Path, kinds: frozenset[str] | None) -> bool:
    """A page or image named with a leading dot, as a writer might to hide it; not an editor's
    own file (Emacs's lock `.#x.md` is a link; swap files end in .swp)."""
    return (
        kinds is not None
        and os.path.splitext(name)[1].lower() in kinds
        and not name.startswith(".#")
        and not path.is_symlink()
        and path.is_file()
    )


# Emacs's autosave of an open file (#name.md#): left out of the site by mkdocs.yml's exclude_docs.
_AUTOSAVE = re.compile(r"#[^/]*#")
# An editor's backup copy beside a file: deleted, not renamed.
_BACKUP = re.compile(r".*(?:~|\.bak|\.orig|\.swp|\.tmp)", re.IGNORECASE)
_OTHER_IMAGES = (".heic", ".heif", ".tif", ".tiff", ".bmp", ".psd", ".raw", ".ico")
# A data file put in docs/, where it would be published as it is.
_DATA_SUFFIXES = (".yml", ".yaml", ".json")


def kind_problem(name: str, kinds: frozenset[str]) -> str | None:
    """Why a file named `name` may not be in a folder that holds `kinds`, or None."""
    suffix = os.path.splitext(name)[1]
    stem = name[: -len(suffix)] if suffix else name
    if suffix in kinds:
        if stem != stem.strip(" "):  # "note .md": an address ending in %20
            return f"the name has a space before '{suffix}' or at its start: rename it {stem.strip()}{suffix}"
        return None
    if suffix.lower() == ".md":
        return f"a page must end in .md, in lower case, or it is published as plain text: save it as {stem}.md"
    if suffix.lower() in kinds:
        return f"the ending must be in lower case, as pages link to it: rename it {stem}{suffix.lower()}"
    if suffix.lower() in _DATA_SUFFIXES and ".md" in kinds:
        return (
            "a data file here would be published as it is: a survey goes in data/surveys/, authors in "
            "data/authors.yml, takeaways in data/takeaways.yml; move it"
        )
    page = re.fullmatch(r"(?i)(.+?)\.(?:md|markdown|mdown|mkd)(?:\.txt)?|(.+?)\.(?:markdown|mdown|mkd|txt)", name)
    if page and ".md" in kinds:  # a page saved with another ending (an editor added .txt, say)
        return f"a page must end in .md, or it is not published as a page: save it as {page[1] or page[2]}.md"
    listed = " ".join(sorted(kinds))
    if suffix.lower() == ".svg":
        return "an .svg image can hold scripts, which would run in readers' browsers: save it as .png, and link to that"
    if suffix.lower() in _OTHER_IMAGES:
        return f"an image in a format browsers may not show ({suffix}): save it as .png or .jpg, and link to that"
    return (
        f"a {suffix or 'nameless'} file would be published as it is; this folder holds pages (.md) and files a "
        f"page shows or links to ({listed}): write it as a page, or remove it"
    )


def check_tree(
    root: Path,
    folder: Path,
    limits: dict[str, int],
    what: str = "a page",
    inside: Path | None = None,
    kinds: frozenset[str] | None = None,
) -> list[Problem]:
    """Problems with the entries under `folder` (walked without following links), before any
    tool reads them: every entry a regular file or a folder with a safe name, every link to a
    file inside `inside` (default: the project; a link to a folder could loop forever), and
    files whose suffix is in `limits` at most that many bytes. Paths shown from `root`."""
    problems: list[Problem] = []
    root = root.resolve()
    inside = (inside or root).resolve()  # where links may lead
    seen = 0
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        hidden = [name for name in dirnames if name.startswith(".")]
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in sorted(dirnames) + sorted(filenames) + sorted(hidden):
            seen += 1
            path = Path(dirpath) / name
            shown = os.path.relpath(path, root)
            if seen > MAX_ENTRIES:
                return [*problems, Problem(shown, None, None, "", f"more than {MAX_ENTRIES:,} files; split the site")]
            if name.startswith("."):
                # Hidden: MkDocs never reads or publishes it (editors keep swap and lock files
                # here while a page is open). A hidden folder is not walked, unless a link.
                if name in hidden and path.is_symlink():
                    message = "a link to a folder, which would be followed (and a loop followed forever); remove it"
                    problems.append(Problem(printable(shown, 200), None, None, "", message))
                elif _hidden_page(name, path, kinds):  # a page a writer hid by its name: never published
                    message = (
                        f"a name that starts with '.' is never published: rename it {name.lstrip('.')} "
                        "(to hold a page back, write 'draft: true' in its front matter)"
                    )
                    problems.append(Problem(printable(shown, 200), None, None, "", message))
                continue
            if name in filenames and _AUTOSAVE.fullmatch(name):
                continue  # an editor's autosave, there while a file is open: never published (mkdocs.yml)
            if kinds is not None and name in filenames and _BACKUP.fullmatch(name):
                message = "an editor's backup copy, which would be published as it is: delete it"
                problems.append(Problem(printable(shown, 200), None, None, "", message))
                continue
            if not SAFE_NAME.fullmatch(name):
                message = (
                    "a file name becomes an address and a title in the navigation: use letters, digits, "
                    "'-', '_', '.' and spaces only; rename it"
                )
                problems.append(Problem(printable(shown, 200), None, None, "", message))
                continue
            if name in dirnames and path.is_symlink():
                message = (
                    "a link to a folder, which would be followed (and a loop followed forever); put the folder here"
                )
                problems.append(Problem(shown, None, None, "", message))
            elif name in filenames and kinds is not None and (wrong := kind_problem(name, kinds)):
                problems.append(Problem(shown, None, None, "", wrong))
            elif name in filenames:
                limit = limits.get(path.suffix.lower(), 1 << 62)
                problem = check_file(inside, path, shown, limit, what)
                if problem is None and kinds is not None:
                    problem = _not_what_it_says(path, shown)
                if problem is not None:
                    problems.append(problem)
    return problems


# The first bytes of each kind of file a page may show or link to, as the file formats define them.
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".pdf": (b"%PDF-",),
}
_NAMES = {".png": "PNG", ".jpg": "JPEG", ".gif": "GIF", ".pdf": "PDF"}


def _not_what_it_says(path: Path, shown: str) -> Problem | None:
    """An image or a PDF whose bytes are another kind (a JPEG saved as .png) or none: browsers
    would show a broken image."""
    suffix = path.suffix.lower()
    if suffix not in _SIGNATURES:
        return None
    with open(path, "rb") as file:
        head = file.read(16)
    if head.startswith(_SIGNATURES[suffix]):
        return None
    actual = next((s for s, signs in _SIGNATURES.items() if head.startswith(signs) and s != ".jpeg"), None)
    said = _NAMES.get(suffix, suffix.lstrip(".").upper())
    if actual is not None:
        fix = f"its bytes are a {_NAMES[actual]}'s: rename it {path.stem}{actual}"
    else:
        fix = "its bytes are no image of any kind the site publishes: save it again from the program that made it"
    return Problem(shown, None, None, "", f"not a {said} file: {fix}")
