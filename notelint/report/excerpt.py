"""A finding in context: the claim it is in, with the flagged span marked.

Claims are shown as *visible* text (escapes resolved, emphasis markers
dropped, as rules read them), so the span, which is in source offsets, is
mapped back through each block's piece map: a visible character is flagged
when its source overlaps the span.  A finding outside any claim (front
matter, a blank line) or on markup that has no visible text (an image without
alt text) is shown with its source lines instead.
"""

from __future__ import annotations

from typing import Sequence

from notelint.note import Block, Note
from notelint.report.model import Excerpt, Place

# A span running over more lines than this is shown by its first lines only.
MAX_LINES = 3


def excerpt(note: Note, place: Place) -> Excerpt:
    start = _offset(note, place.line, place.column)
    end = max(_offset(note, place.end_line, place.end_column), start)
    claim = note.claim_at(start)
    shown: Excerpt | None
    if claim is not None:
        shown = _in_blocks("claim", claim.blocks, claim.heading_path, start, end)
    else:
        block = note.block_at(start)
        shown = None if block is None else _in_blocks(block.kind.value, [block], block.heading_path, start, end)
    if shown is None or (end > start and not shown.highlights):
        return _in_lines(note, place, start, end)
    return shown


def _offset(note: Note, line: int, column: int) -> int:
    """Offset of a (line, column) into note.text, clamped to the text."""
    if line > note.source.line_count:
        return len(note.text)
    line_start = note.source.line_start(line)
    return min(line_start + max(column - 1, 0), line_start + len(note.source.line_text(line)))


def _in_blocks(kind: str, blocks: Sequence[Block], heading_path: tuple[str, ...], start: int, end: int) -> Excerpt:
    """Visible text of ``blocks`` joined by newlines, as ``Claim.text`` is."""
    flagged: list[int] = []
    base = 0
    for block in blocks:
        for index in range(len(block.text)):
            src_start, src_end = block.span(index, index + 1)
            if start == end:  # an empty span marks the character it sits on
                hit = src_start <= start < max(src_end, src_start + 1)
            else:
                hit = src_start < end and src_end > start
            if hit:
                flagged.append(base + index)
        base += len(block.text) + 1
    text = "\n".join(block.text for block in blocks)
    return Excerpt(kind, text, _ranges(flagged), heading_path)


def _in_lines(note: Note, place: Place, start: int, end: int) -> Excerpt:
    first = min(place.line, note.source.line_count)
    last = min(place.end_line, first + MAX_LINES - 1, note.source.line_count)
    text_start = note.source.line_start(first)
    text = "\n".join(note.source.line_text(line) for line in range(first, last + 1))
    highlight = (max(start - text_start, 0), min(end - text_start, len(text)))
    highlights = (highlight,) if highlight[1] > highlight[0] else ()
    block = note.block_at(start)
    return Excerpt("lines", text, highlights, block.heading_path if block is not None else ())


def _ranges(indexes: list[int]) -> tuple[tuple[int, int], ...]:
    """Sorted indexes as (start, end) ranges of consecutive indexes."""
    ranges: list[tuple[int, int]] = []
    for index in indexes:
        if ranges and ranges[-1][1] == index:
            ranges[-1] = (ranges[-1][0], index + 1)
        else:
            ranges.append((index, index + 1))
    return tuple(ranges)
