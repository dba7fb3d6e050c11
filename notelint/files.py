"""Which files are notes: expand paths, walk directories, apply excludes."""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path

from notelint.values import FrozenValue

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Iterable

NOTE_SUFFIXES = (".md", ".markdown")


class NoteFile(FrozenValue):
    __slots__ = FIELDS = ("path", "display")
    path: Path  # as given or found (not resolved: symlinks stay symlinks)
    display: str  # shown in output: relative to the working directory if inside it

    def __init__(self, path: Path, display: str):
        self._fill(path, display)


def display_path(path: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def path_matches(path: Path, root: Path, patterns: Iterable[str]) -> bool:
    """True if a pattern matches the path relative to ``root``, a folder it is in, or one of its parts.

    The one meaning of a path pattern, for ``exclude`` and ``per-file-ignores``
    alike: ``*`` matches across ``/`` (as in fnmatch); ``notes/drafts`` and
    ``notes/drafts/*`` cover everything below that folder; a bare name such as
    ``drafts`` or ``*.draft.md`` matches a folder or file of that name anywhere.
    """
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    parts = relative.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if _glob_matches(relative, pattern) or _below(relative, pattern):
            return True
        if "/" not in pattern and any(_glob_matches(part, pattern) for part in parts):
            return True
    return False


def _glob_matches(name: str, pattern: str) -> bool:
    """``fnmatchcase(name, pattern)``; a pattern without ``*``, ``?`` or ``[`` (the default
    excludes: ``.git``, ``node_modules``) is compared as it is, not compiled to a regular
    expression (fnmatch's translation is pure Python: ~2 ms for the defaults, every run)."""
    if _WILDCARDS.isdisjoint(pattern):
        return name == pattern
    return fnmatchcase(name, pattern)


def _below(name: str, pattern: str) -> bool:
    """``fnmatchcase(name, pattern + "/*")``: ``name`` is below a folder the pattern matches."""
    if _WILDCARDS.isdisjoint(pattern):
        return name.startswith(pattern + "/")
    return fnmatchcase(name, pattern + "/*")


_WILDCARDS = frozenset("*?[")


def expand(paths: Iterable[Path], root: Path, excludes: tuple[str, ...]) -> tuple[list[NoteFile], list[str]]:
    """Note files under ``paths`` (sorted, without duplicates), and missing paths.

    A file named directly is taken whatever its suffix (unless excluded); a
    directory contributes its ``.md`` and ``.markdown`` files.  Symbolic links
    to directories are not followed, so a link loop cannot hang the walk.
    """
    found: dict[str, NoteFile] = {}
    missing: list[str] = []
    for path in paths:
        if not os.path.lexists(path):
            missing.append(display_path(path))
            continue
        if path.is_dir():
            for directory, subdirs, names in os.walk(path):
                here = Path(directory)
                subdirs[:] = sorted(d for d in subdirs if not path_matches(here / d, root, excludes))
                for name in sorted(names):
                    candidate = here / name
                    if name.lower().endswith(NOTE_SUFFIXES) and not path_matches(candidate, root, excludes):
                        _add(found, candidate)
        elif not path_matches(path, root, excludes):
            _add(found, path)
    return sorted(found.values(), key=lambda f: f.display), missing


def _add(found: dict[str, NoteFile], path: Path) -> None:
    key = os.path.abspath(path)
    if key not in found:
        found[key] = NoteFile(path, display_path(path))
