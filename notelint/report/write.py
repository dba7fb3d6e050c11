"""Writing the report files: all rendered first, then each swapped in by rename.

Each file is written to a temporary file in the output folder, flushed to disk
and renamed over the old one, so a reader (or a crash) never sees a
half-written file; if anything fails, the temporary files are removed and the
previous report stays as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Mapping


class ReportWriteError(Exception):
    """The report could not be written; the message names the path."""


def write_files(directory: Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``{name: text}`` into ``directory`` (created if missing); returns the paths."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportWriteError(f"{directory}: cannot create the output folder: {exc.strerror or exc}") from None
    mode = 0o666 & ~_umask()
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
            staged.append((temporary, directory / name))
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary for temporary, _target in staged)
        where = exc.filename or directory
        raise ReportWriteError(f"{where}: cannot write the report: {exc.strerror or exc}") from None
    except BaseException:
        _remove(temporary for temporary, _target in staged)
        raise
    return [target for _temporary, target in staged]


def _umask() -> int:
    """The process umask (only readable by setting it), so the files get the
    usual permissions rather than mkstemp's private 0600."""
    current = os.umask(0)
    os.umask(current)
    return current


def _remove(paths) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass  # already renamed into place, or never created
