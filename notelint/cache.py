"""Where derived data lives: a per-user cache directory, written atomically.

Everything here can be deleted at any time; it is rebuilt on the next run.
``NOTELINT_CACHE_DIR`` overrides the location (tests point it at a temp dir).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def cache_root() -> Path:
    override = os.environ.get("NOTELINT_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "notelint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "notelint"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "notelint"


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
    return store_text(path, json.dumps(data, separators=(",", ":"), ensure_ascii=False))


def store_text(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically; False (and nothing written) on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
