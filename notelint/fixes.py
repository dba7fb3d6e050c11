"""Applying fixes: edits to the original text, diffs, and atomic writes.

Edits arrive in line/column form and are mapped onto the file's *original*
text (line endings and BOM as they were), so nothing outside an edit changes.
Fixes that overlap an earlier one wait for the next pass.
"""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path
from typing import Iterable

from notelint.atomic import replace_file
from notelint.diagnostic import Diagnostic, FixOut
from notelint.source import SourceFile


class FixError(Exception):
    """A file that could not be written; the original is untouched."""


def safe_fixes(diagnostics: Iterable[Diagnostic]) -> list[FixOut]:
    return [d.fix for d in diagnostics if d.fix is not None and d.fix.safe]


def apply_fixes(source: SourceFile, fixes: Iterable[FixOut]) -> tuple[str, int]:
    """The original text with every non-overlapping fix applied, and how many applied."""
    spans = []
    for fix in fixes:
        edits = sorted(
            (_original(source, e.line, e.column), _original(source, e.end_line, e.end_column), e.text)
            for e in fix.edits
        )
        spans.append(edits)
    spans.sort(key=lambda edits: (edits[0][0], edits[0][1]) if edits else (0, 0))
    chosen: list[tuple[int, int, str]] = []
    applied = 0
    last_end = -1
    for edits in spans:
        if not edits or edits[0][0] < last_end or _overlaps(edits):
            continue
        if edits[0][0] == last_end and edits[0][0] == edits[0][1] and chosen and chosen[-1][1] == last_end:
            continue  # two insertions at one point: order would be arbitrary
        chosen.extend(edits)
        last_end = max(end for _start, end, _text in edits)
        applied += 1
    text = source.text
    for start, end, replacement in sorted(chosen, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, applied


def _overlaps(edits: list[tuple[int, int, str]]) -> bool:
    return any(b[0] < a[1] for a, b in zip(edits, edits[1:]))


def _original(source: SourceFile, line: int, column: int) -> int:
    return source.original_offset(source.offset(line, column))


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, data: bytes, expected: bytes) -> None:
    """Replace ``path``'s content with ``data`` via a temporary file and a rename.

    Refuses (FixError) when the file is read-only or changed on disk since it
    was read (``expected``).  The file's mode is kept and a symbolic link keeps
    pointing at the rewritten target.  On any failure the original is intact.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
        if not os.access(target, os.W_OK):
            raise FixError(f"{path}: read-only file; not fixed")
        if target.read_bytes() != expected:
            raise FixError(f"{path}: changed on disk while notelint ran; not fixed")
    except OSError as exc:
        raise FixError(f"{path}: {exc.strerror or exc}; not fixed") from None
    try:
        replace_file(target, data, mode=stat.S_IMODE(info.st_mode))
    except OSError as exc:
        raise FixError(f"{path}: {exc.strerror or exc}; not fixed") from None
