"""Edits the language server offers besides rule fixes: a suppression comment
for one finding, and a word added to the project's word list (a word file, or
the ``words`` setting of the configuration when the project has no word file).

Pure text work, tested without an editor.  A suppression comment is written so
that the Markdown keeps its structure (checked by parsing the result: the
same blocks, and the finding's line now suppressed); where that cannot be
done, none is offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit

from notelint.atomic import replace_file
from notelint.note import Note, parse_note
from notelint.source import SourceFile
from notelint.spelling.vocab import entry_words, parse_lines
from notelint.suppressions import suppressions

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")  # a line break the Markdown keeps


@dataclass(frozen=True)
class Insert:
    """Insert ``text`` before the 1-based (line, column) of the note's text."""

    line: int
    column: int
    text: str


def suppress(source: SourceFile, code: str, line: int) -> tuple[Insert, ...] | None:
    """Insertions that switch ``code`` off for findings starting on ``line``, or None.

    In prose: ``<!-- notelint-disable-line CODE -->`` at the end of the line (before a
    hard line break's trailing spaces or backslash).  In a code block, where a
    comment would be code: a ``notelint-disable``/``notelint-enable`` pair around
    the block.  In front matter (no comment can go there): None.
    """
    note = parse_note(source)
    newline = _newline(source.text)
    block = next((b for b in note.code_blocks if b.line <= line <= b.end_line), None)
    if block is not None:
        indent = re.match(r"[ \t]*", source.line_text(block.line)).group(0)  # type: ignore[union-attr]
        last = source.line_text(block.end_line)
        inserts: tuple[Insert, ...] = (
            Insert(block.line, 1, f"{indent}<!-- notelint-disable {code} -->{newline}"),
            Insert(block.end_line, len(last) + 1, f"{newline}{indent}<!-- notelint-enable {code} -->"),
        )
        return _verified(source, note, code, line + 1, inserts)
    text = source.line_text(line)
    trailing = _HARD_BREAK.search(text)
    column = (trailing.start() if trailing else len(text.rstrip())) + 1
    space = "" if column == 1 or text[column - 2] in " \t" else " "
    at_end = (Insert(line, column, f"{space}<!-- notelint-disable-line {code} -->"),)
    indent = re.match(r"[ \t]*", text).group(0)  # type: ignore[union-attr]
    above = (Insert(line, 1, f"{indent}<!-- notelint-disable-next-line {code} -->{newline}"),)
    return _verified(source, note, code, line, at_end) or _verified(source, note, code, line + 1, above)


def _verified(source: SourceFile, note: Note, code: str, line: int, inserts: tuple[Insert, ...]) -> tuple[Insert, ...] | None:
    """``inserts`` if, once made, ``code`` is off on ``line`` and the Markdown has kept its shape."""
    after = parse_note(SourceFile(source.path, apply(source, inserts), source.bom))
    if not suppressions(after).suppressed(code, line) or _shape(after) != _shape(note):
        return None
    return inserts


def apply(source: SourceFile, inserts: tuple[Insert, ...]) -> str:
    """The original text with the insertions made."""
    text = source.text
    for insert in sorted(inserts, key=lambda i: (i.line, i.column), reverse=True):
        at = source.original_offset(source.offset(insert.line, insert.column))
        text = text[:at] + insert.text + text[at:]
    return text


def _shape(note: Note) -> list[tuple[str, str, int]]:
    """The note's structure, which a suppression comment must not change."""
    blocks = [(b.kind.value, " ".join(_COMMENT.sub(" ", b.text).split()), b.level) for b in note.blocks]
    return blocks + [("code", c.text, 0) for c in note.code_blocks]


def _newline(text: str) -> str:
    first = re.search(r"\r\n|\r|\n", text)
    return first.group(0) if first else "\n"


def add_word(path: Path, word: str) -> bool:
    """Add ``word`` to a word file (one entry a line); False if it was already there.

    A file kept in sorted order stays sorted; otherwise the word goes at the end.
    The file is created if missing and written atomically.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    entries = parse_lines(text)
    if entry_words([word]) <= entry_words(entries):
        return False
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    keys = [entry.casefold() for entry in entries]
    position = len(lines)
    if keys and keys == sorted(keys):
        later = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")
                 and line.strip().casefold() > word.casefold()]
        if later:
            position = later[0]
    lines.insert(position, word + "\n")
    replace_file(path, "".join(lines).encode("utf-8"), mode=path.stat().st_mode & 0o777 if path.exists() else 0o644)
    return True


def add_word_to_config(path: Path, word: str) -> bool:
    """Add ``word`` to the ``words`` setting of a configuration file; False if it was already there.

    ``path`` is a ``notelint.toml`` (top-level keys; created if missing) or a
    ``pyproject.toml`` (its ``[tool.notelint]`` table).  tomlkit keeps the rest
    of the file as it was, comments and layout included; a sorted list stays
    sorted.  Written atomically.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    document = tomlkit.parse(text)
    table: Any = document
    if path.name == "pyproject.toml":
        table = document.setdefault("tool", tomlkit.table(is_super_table=True)).setdefault("notelint", tomlkit.table())
    words = table.get("words")
    if words is None:
        table["words"] = tomlkit.array()
        words = table["words"]
    entries = [str(entry) for entry in words]
    if entry_words([word]) <= entry_words(entries):
        return False
    keys = [entry.casefold() for entry in entries]
    position = len(entries)
    if keys and keys == sorted(keys):
        position = next((i for i, key in enumerate(keys) if key > word.casefold()), len(entries))
    words.insert(position, word)
    replace_file(path, tomlkit.dumps(document).encode("utf-8"), mode=path.stat().st_mode & 0o777 if path.exists() else 0o644)
    return True
