"""The prose of HTML list items in raw HTML blocks.

Notes written for a web page keep some lists in HTML (``<div class="alert"><ol><li>...``):
Markdown leaves such a block raw, so no prose segment holds its words.  This module gives
each ``<li>``'s text with tags dropped and entities decoded, each character mapped to its
place in the note, for the rules that read it (the claim rules, NL208 and NL209).
"""

from __future__ import annotations

import html
import re
from typing import Iterator

from notelint.note import Html, Note
from notelint.values import FrozenValue

_LIST_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li\s*>", re.IGNORECASE | re.DOTALL)
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_CODE = re.compile(r"<(code|pre|kbd|samp)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


# written out, not a dataclass: notelint.values says why
class ItemText(FrozenValue):
    """An ``<li>``'s text and, for each of its characters, its offset in the note's text."""

    __slots__ = FIELDS = ("text", "offsets")
    text: str
    offsets: tuple[int, ...]

    def __init__(
        self, text: str, offsets: tuple[int, ...],
    ):
        self._fill(text, offsets)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets into the note's text of [i, j) of ``text`` (empty when j <= i)."""
        first = self.offsets[min(i, len(self.offsets) - 1)]
        return (first, first) if j <= i else (first, self.offsets[min(j, len(self.offsets)) - 1] + 1)


def list_items(note: Note, cut_code: str | None = None) -> Iterator[ItemText]:
    """The text of each ``<li>`` of the note's HTML blocks.  With ``cut_code``, the whole of a
    ``<code>``, ``<pre>``, ``<kbd>`` or ``<samp>`` element becomes that string (a cut in the prose)."""
    for block in note.html:
        if not block.inline and "<li" in block.text.lower():
            yield from block_items(note, block, cut_code)


def block_items(note: Note, block: Html, cut_code: str | None = None) -> Iterator[ItemText]:
    """The text of each ``<li>`` of one HTML block (see ``list_items``)."""
    source = note.text[block.start : block.end]
    for item in _LIST_ITEM.finditer(source):
        chars: list[str] = []
        offsets: list[int] = []
        position = item.start(1)
        markups = sorted(
            [*(_CODE.finditer(source, item.start(1), item.end(1)) if cut_code is not None else ()),
             *_TAG_OR_ENTITY.finditer(source, item.start(1), item.end(1))],
            key=lambda m: m.start(),
        )
        for markup in markups:
            if markup.start() < position:
                continue  # inside a code element already cut
            for index in range(position, markup.start()):
                chars.append(" " if source[index] in "\n\t" else source[index])
                offsets.append(block.start + index)
            text = markup.group(0)
            if markup.re is _CODE:
                replacement = cut_code or ""
            elif text.startswith("&"):
                replacement = html.unescape(text)
            else:
                replacement = ""
            for char in replacement:
                chars.append(char)
                offsets.append(block.start + markup.start())
            position = markup.end()
        for index in range(position, item.end(1)):
            chars.append(" " if source[index] in "\n\t" else source[index])
            offsets.append(block.start + index)
        if "".join(chars).strip():
            yield ItemText("".join(chars), tuple(offsets))
