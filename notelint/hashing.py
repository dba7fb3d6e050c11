"""SHA-256 for the result cache's keys, without loading OpenSSL when Python has its own.

``hashlib`` loads OpenSSL's libcrypto on import: ~3 ms of CPU, a twentieth of a
run answered from the result cache, which hashes only a few kilobytes (the notes
and remembered digests).  CPython also builds its own SHA-256 module (``_sha256``
up to 3.11, ``_sha2`` from 3.12), which loads in a tenth of that; the digests are
the same, only large inputs hash slower (~0.3 GB/s instead of ~2 GB/s), which
the first run over a tree pays once.  Without either, ``hashlib``'s is used.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any, Callable


def _sha256() -> Callable[..., Any]:
    for name in ("_sha256", "_sha2"):
        try:
            constructor: Callable[..., Any] = importlib.import_module(name).sha256
            return constructor
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256


sha256 = _sha256()
