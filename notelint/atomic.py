"""The one way notelint writes a file: in full to a temporary file beside it, then renamed over it.

A reader (or a crash) sees the old file or the new one, never half of one.  The
result cache, ``--fix`` and the report all write through here.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_temporary(directory: Path, name: str, data: bytes, mode: int | None = None, *, sync: bool = True) -> str:
    """A new file in ``directory`` (named after ``name``) holding ``data``, with ``mode``
    if given (else private, 0600), flushed to disk when ``sync``; returns its path.
    Nothing is left behind when writing fails."""
    import tempfile  # (shutil, random) only when something is written: a run answered from the cache writes nothing

    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
    except BaseException:
        _unlink(temporary)
        raise
    return temporary


def replace_file(path: Path, data: bytes, mode: int | None = None, *, sync: bool = True) -> None:
    """Give ``path`` the content ``data`` atomically; raises OSError, and then ``path`` is as it was."""
    temporary = write_temporary(path.parent, path.name, data, mode, sync=sync)
    try:
        os.replace(temporary, path)
    except BaseException:
        _unlink(temporary)
        raise


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
