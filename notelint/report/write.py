"""Writing the report files: all or nothing, never a half-written file.

Every file is first written in full to a temporary file in the output folder
and flushed to disk; then each is renamed over its target.  Before a target is
replaced, a hard link keeps its old content, so if a later rename fails the
files already replaced are put back: a failed run leaves the previous report
as it was (on a file system without hard links, each file is still whole).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Mapping

from notelint.atomic import write_temporary


class ReportWriteError(Exception):
    """The report could not be written; the message names the path."""


def write_files(directory: Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``{name: text}`` into ``directory`` (created if missing); returns the paths."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportWriteError(f"{directory}: cannot create the output folder: {exc.strerror or exc}") from None
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            staged.append((_write_temporary(directory, name, text), directory / name))
        _swap_in(staged)
    except OSError as exc:
        raise ReportWriteError(f"{exc.filename or directory}: cannot write the report: {exc.strerror or exc}") from None
    finally:
        _remove(temporary for temporary, _target in staged)
    return [target for _temporary, target in staged]


def _write_temporary(directory: Path, name: str, text: str) -> str:
    # a report is for reading: the usual permissions, not a temporary file's private ones
    return write_temporary(directory, name, text.encode("utf-8"), mode=0o666 & ~_umask())


def _swap_in(staged: list[tuple[str, Path]]) -> None:
    """Rename each temporary file over its target; on failure, undo the renames done."""
    done: list[tuple[Path, bool, str | None]] = []  # target, existed before, link to its old content
    try:
        for temporary, target in staged:
            existed = target.exists()
            backup = _keep_old(target) if existed else None
            done.append((target, existed, backup))
            os.replace(temporary, target)
    except BaseException:
        for target, existed, backup in reversed(done):
            try:
                if backup is not None:
                    os.replace(backup, target)
                elif not existed:
                    target.unlink(missing_ok=True)
            except OSError:
                pass  # keep undoing the others; the original error is raised
        raise
    finally:
        _remove(backup for _target, _existed, backup in done if backup is not None)


def _keep_old(target: Path) -> str | None:
    """A hard link to ``target``'s current content, or None where links are not supported."""
    backup = str(target.parent / f".{target.name}.old")
    try:
        _remove([backup])  # left over from a run that was killed
        os.link(target, backup)
    except OSError:
        return None
    return backup


def _umask() -> int:
    """The process umask (it can only be read by setting it)."""
    current = os.umask(0)
    os.umask(current)
    return current


def _remove(paths: Iterable[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass  # already renamed into place, or never created
