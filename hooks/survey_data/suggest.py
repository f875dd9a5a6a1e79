"""The "did you mean" of every message: the nearest valid name, or what is valid."""

from __future__ import annotations

import difflib
import typing

MAX_SUGGEST_FROM = 200  # names compared for a suggestion: a close name is close in length too


def nearest(name: str, known: typing.Iterable[str]) -> str | None:
    """The known name closest to `name`, if one is close. Cheap with thousands of names and a
    megabyte-long name: only names of about the same length are compared, at most
    MAX_SUGGEST_FROM of them."""
    slack = max(3, len(name) // 3)
    alike = [k for k in sorted(known) if abs(len(k) - len(name)) <= slack][:MAX_SUGGEST_FROM]
    close = difflib.get_close_matches(name, alike, n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(name: str, known: typing.Iterable[str]) -> str:
    """The "; did you mean 'x'?" hint for the nearest known name, or a list of what is valid."""
    known = sorted(known)
    close = nearest(name, known)
    if close:
        return f"; did you mean '{close}'?"
    if not known:
        return ""
    shown = ", ".join(f"'{k}'" for k in known[:12]) + (", ..." if len(known) > 12 else "")
    return f"; valid: {shown}"
