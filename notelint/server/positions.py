"""notelint positions <-> Language Server Protocol positions.

notelint counts a column in Unicode code points, 1-based, on the note's
normalised text (every line ending is one "\\n"; lines are the same as in the
file).  LSP counts lines from 0 and characters in the *code units* of the
encoding the client and server agreed on: UTF-16 unless the client offers
another (a character outside the Basic Multilingual Plane, such as an emoji,
is two UTF-16 units, four UTF-8 units, one UTF-32 unit).

Pure functions over text, so that they are tested without an editor.
"""

from __future__ import annotations

from notelint.source import SourceFile

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)


def units(char: str, encoding: str = UTF16) -> int:
    """Code units one code point takes in ``encoding``."""
    point = ord(char)
    if encoding == UTF16:
        return 2 if point > 0xFFFF else 1
    if encoding == UTF8:
        return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4
    return 1


def to_units(line_text: str, column: int, encoding: str = UTF16) -> int:
    """The 0-based LSP character of a 1-based code-point ``column`` on a line.

    A column past the end of the line (an end position just after its last
    character, or beyond) is the line's length in code units."""
    prefix = line_text[: max(column - 1, 0)]
    if encoding == UTF32 or prefix.isascii():
        return len(prefix)
    return sum(units(char, encoding) for char in prefix)


def to_column(line_text: str, character: int, encoding: str = UTF16) -> int:
    """The 1-based code-point column of a 0-based LSP ``character`` on a line.

    A character that falls inside a code point (half of a surrogate pair) is
    rounded down to that code point; one past the end is the end of the line."""
    if encoding == UTF32 or line_text.isascii():
        return min(character, len(line_text)) + 1
    seen = 0
    for index, char in enumerate(line_text):
        width = units(char, encoding)
        if seen + width > character:
            return index + 1
        seen += width
    return len(line_text) + 1


class PositionMap:
    """Positions of one note's text in both systems."""

    def __init__(self, source: SourceFile, encoding: str = UTF16):
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.source = source
        self.encoding = encoding

    def line_text(self, line: int) -> str:
        """The text of a 1-based line ("" outside the note): what converts its columns."""
        return self.source.line_text(line) if 1 <= line <= self.source.line_count else ""

    def to_lsp(self, line: int, column: int) -> tuple[int, int]:
        """(0-based line, code-unit character) of a notelint (line, column)."""
        if line > self.source.line_count:  # the end of a file that ends with a line break
            return self.source.line_count - 1, to_units(self.line_text(self.source.line_count), 10**9, self.encoding)
        return line - 1, to_units(self.line_text(line), column, self.encoding)

    def from_lsp(self, line0: int, character: int) -> tuple[int, int]:
        """notelint (line, column) of an LSP position, clamped to the text."""
        if line0 >= self.source.line_count:
            last = self.source.line_count
            return last, len(self.line_text(last)) + 1
        line = max(line0, 0) + 1
        return line, to_column(self.line_text(line), character, self.encoding)

    def offset(self, line0: int, character: int) -> int:
        """Offset into the normalised text of an LSP position."""
        line, column = self.from_lsp(line0, character)
        return self.source.offset(line, column)
