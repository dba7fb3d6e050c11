"""Reading note files: decoding, size limits and the offset <-> line/column maps.

Every position notelint reports is computed here.  Rules work on *normalised*
text (BOM removed, CRLF and lone CR turned into LF, as CommonMark parsers do), and a
column is the 1-based count of Unicode code points from the start of the line
(a tab and a multi-byte character each count as one).  Because normalisation
never changes what is on a line, a (line, column) pair means the same thing in
the original file, which is how fixes are mapped back to original offsets.
"""

from __future__ import annotations

import errno
import re
from bisect import bisect_right
from pathlib import Path

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"
# A NUL byte in the first block is the usual test for a binary file (git, grep).
_BINARY_PROBE = 8192


class SourceError(Exception):
    """A file that cannot be read as a note; the message names the file."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (CR, LF and CRLF all end a line)."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


class SourceFile:
    """The text of one note, as read, with the maps between its two forms.

    Equal only to itself (the identity of what was read).  Written out rather than
    a dataclass: ``notelint.values`` says why."""

    path: str  # as displayed: relative to the working directory where possible
    text: str  # original text without the BOM, line endings as in the file
    bom: bool
    norm: str  # text with every line ending turned into "\n"
    _starts: list[int]
    _orig_starts: list[int]

    def __init__(self, path: str, text: str, bom: bool = False):
        self.path = path
        self.text = text
        self.bom = bom
        if "\r" in self.text:
            self.norm = _LINE_BREAK.sub("\n", self.text)
            self._orig_starts = line_starts(self.text)
        else:
            self.norm = self.text
            self._orig_starts = []
        # CommonMark replaces NUL with U+FFFD (markdown-it did, pulldown-cmark does); do the same so offsets agree.
        if "\0" in self.norm:
            self.norm = self.norm.replace("\0", "\ufffd")
        self._starts = line_starts(self.norm)
        if not self._orig_starts:
            self._orig_starts = self._starts

    def __repr__(self) -> str:
        return f"SourceFile(path={self.path!r}, text={self.text!r}, bom={self.bom!r}, norm={self.norm!r})"

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_starts(self) -> list[int]:
        """Offsets in the normalised text at which each line starts."""
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into the normalised text."""
        offset = max(0, min(offset, len(self.norm)))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset into the normalised text of a 1-based (line, column)."""
        return self._starts[line - 1] + column - 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.norm)
        return self.norm[start:end]

    def original_offset(self, offset: int) -> int:
        """Map an offset into the normalised text to one into ``text``."""
        line, column = self.position(offset)
        return self._orig_starts[line - 1] + column - 1

    def encoded(self, text: str | None = None) -> bytes:
        """Bytes to write back: ``text`` (default: the original) with the BOM restored."""
        body = self.text if text is None else text
        return ((_BOM if self.bom else "") + body).encode("utf-8")


def decode(path: str, data: bytes) -> SourceFile:
    """Decode bytes read from ``path`` as UTF-8, or raise SourceError saying where it fails."""
    if b"\0" in data[:_BINARY_PROBE]:
        raise SourceError(path, "binary file (contains NUL bytes), not a Markdown note")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise SourceError(
            path, f"not valid UTF-8: byte 0x{bad} at line {line}, byte column {column}"
        ) from None
    bom = text.startswith(_BOM)
    return SourceFile(path=path, text=text[1:] if bom else text, bom=bom)


def read_bytes(path: Path, display: str, max_bytes: int) -> bytes:
    """The bytes of one note file; every failure becomes a SourceError."""
    try:
        if path.is_dir():
            raise SourceError(display, "is a directory")
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(
                display,
                f"skipped: {_human_size(size)} is larger than max-file-size "
                f"({_human_size(max_bytes)})",
            )
        return path.read_bytes()
    except SourceError:
        raise
    except FileNotFoundError:
        if path.is_symlink():
            raise SourceError(display, "broken symbolic link (its target does not exist)") from None
        raise SourceError(display, "no such file (was it deleted while notelint ran?)") from None
    except PermissionError:
        raise SourceError(display, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(display, "symbolic link loop") from None
        raise SourceError(display, exc.strerror or str(exc)) from None


def read_source(path: Path, display: str, max_bytes: int) -> SourceFile:
    """Read and decode one note file; every failure becomes a SourceError."""
    return decode(display, read_bytes(path, display, max_bytes))


def _human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000  # type: ignore[assignment]
    raise AssertionError("unreachable")
