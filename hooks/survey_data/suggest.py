"""The "did you mean" of every message: the nearest valid name, or what is valid."""

from __future__ import annotations

import difflib
import typing

MAX_SUGGEST_FROM = 200  # names compared for a suggestion: a close name is close in length too


def suggest(name: str, known: typing.Iterable[str]) -> str:
    """The "; did you mean 'x'?" hint for the nearest known name, or a list of what is valid.
    Cheap with thousands of names and a megabyte-long name: only names of about the same
    length are compared, at most MAX_SUGGEST_FROM of them."""
    known = sorted(known)
    slack = max(3, len(name) // 3)
    alike = [k for k in known if abs(len(k) - len(name)) <= slack][:MAX_SUGGEST_FROM]
    close = difflib.get_close_matches(name, alike, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    if not known:
        return ""
    shown = ", ".join(f"'{k}'" for k in known[:12]) + (", ..." if len(known) > 12 else "")
    return f"; valid: {shown}"
