"""Where derived data lives: a per-user cache directory, written atomically.

Everything here can be deleted at any time; it is rebuilt on the next run.
``NOTELINT_CACHE_DIR`` overrides the location (tests point it at a temp dir).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from notelint.atomic import replace_file

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any


def cache_root() -> Path:
    """``NOTELINT_CACHE_DIR``, else the platform's per-user cache folder
    (``$XDG_CACHE_HOME/notelint``, ``~/Library/Caches/notelint``, ``%LOCALAPPDATA%\\notelint\\Cache``)."""
    override = os.environ.get("NOTELINT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # the standard answer for every platform; a run with an override never needs it

    return Path(platformdirs.user_cache_dir("notelint", appauthor=False))


def load_json(path: Path) -> Any | None:
    """The JSON document at ``path``, or None when it is missing or unreadable."""
    try:
        with path.open("rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError):
        return None


def store_json(path: Path, data: Any) -> bool:
    """Write ``data`` to ``path`` atomically; False (and nothing written) on failure.

    A cache that cannot be written (read-only home, full disk) only costs time,
    so callers carry on without it.
    """
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8 (a lone surrogate): JSON's escapes keep it
        encoded = json.dumps(data, separators=(",", ":")).encode("ascii")
    return store_bytes(path, encoded)


def store_text(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically; False (and nothing written) on failure."""
    return store_bytes(path, text.encode("utf-8"))


def store_bytes(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False (and nothing written) on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # not synced to disk: a cache file lost in a crash is only rebuilt
        replace_file(path, data, sync=False)
    except OSError:
        return False
    return True
