"""Fingerprints: the one way every layer hashes what something is made from (a preview's
rebuilds, the image cache, a data file's text). 128-bit BLAKE2b, as hex."""

from __future__ import annotations

import hashlib


def bytes_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def text_digest(text: str) -> str:
    """A text's fingerprint; lone surrogates (a file read with errors) hash too."""
    return bytes_digest(text.encode("utf-8", "surrogatepass"))


def digest(*parts: object) -> str:
    """A fingerprint of values whose repr() is stable: str, bytes, numbers, tuples, frozen models."""
    return bytes_digest(repr(parts).encode())
