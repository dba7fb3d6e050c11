"""Where AWS names are looked for: the readable runs of a note, with positions.

A ``Run`` is a stretch of one block's visible text of one kind (prose, link
text, or a code span), or one code block.  ``run.span(i, j)`` maps indices in
``run.text`` to offsets into ``note.text``; ``run.sentence(i)`` is the
sentence around an index, ``run.claim`` the claim (list item or paragraph)
text and ``run.headings`` the heading path, which together make the context
a name is read in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable, Iterator

from notelint.note import Block, BlockKind, Kind, Note
from notelint.values import Value

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9`*_(\[\"'])|\n")
# characters that glue a name into an identifier, a path or a URL
_GLUE_BEFORE = set("._/-:\\@#$=~+%&*<")
_GLUE_AFTER = set("_/-\\@=~+%&*>")


# written out, not a dataclass: notelint.values says why
class Run(Value):
    FIELDS = ("text", "kind", "span", "heading", "block_text", "offset", "claim", "headings", "lang")
    text: str
    kind: str  # "prose" | "code" (a code span) | "block" (a code block)
    span: Callable[[int, int], tuple[int, int]]
    heading: bool  # the run is (part of) a heading
    block_text: str  # the whole block (sentences may cross segments)
    offset: int  # where this run starts in block_text
    claim: str
    headings: tuple[str, ...]
    lang: str

    def __init__(
        self, text: str, kind: str, span: Callable[[int, int], tuple[int, int]], heading: bool, block_text: str,
        offset: int, claim: str, headings: tuple[str, ...], lang: str = "",
    ):
        self.text = text
        self.kind = kind
        self.span = span
        self.heading = heading
        self.block_text = block_text
        self.offset = offset
        self.claim = claim
        self.headings = headings
        self.lang = lang

    def sentence(self, index: int) -> str:
        """The sentence of the block that contains ``index`` (an index into ``self.text``)."""
        start, end = self.sentence_bounds(index)
        return self.block_text[start + self.offset : end + self.offset]

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """(start, end) of that sentence, as indices into ``self.text`` (may go outside it)."""
        at = self.offset + index
        starts, ends = _sentence_breaks(self.block_text)
        before = bisect_right(ends, at)  # the last break ending at or before ``at``
        after = bisect_left(starts, at)  # the first break starting at or after it
        start = ends[before - 1] if before else 0
        end = starts[after] if after < len(starts) else len(self.block_text)
        return start - self.offset, end - self.offset


@lru_cache(maxsize=64)
def _sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the breaks between the sentences of a block, found once
    per block rather than once per name in it (quadratic on a long paragraph)."""
    starts, ends = [], []
    for match in _SENTENCE_END.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def glued(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of a larger identifier, path or URL?"""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or before in _GLUE_BEFORE:
            return True
    if end < len(text):
        after = text[end]
        if after.isalnum() or after in _GLUE_AFTER:
            return True
        if after == "." and end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] in "_/:"):
            return True
        if after == ":" and end + 1 < len(text) and not text[end + 1].isspace():
            return True  # s3:GetObject, sns:*, s3://
        if after == "(" and start > 0 and text[start - 1] == ".":
            return True
    return False


def _claim_text(note: Note, block: Block) -> str:
    if block.item is not None:
        return "\n".join(b.text for b in block.item.blocks)
    return block.text


def runs(note: Note, *, prose: bool = True, code_spans: bool = True, code_blocks: bool = False) -> list[Run]:
    """The runs of a note, in document order within each kind (built once per note and kind)."""
    kinds = {kind for kind, wanted in (("prose", prose), ("code", code_spans), ("block", code_blocks)) if wanted}

    def selected() -> list[Run]:
        every = note.cached("aws.runs", lambda: list(_runs(note)))  # every run once; selections filter it
        return [run for run in every if run.kind in kinds]

    return note.cached(f"aws.runs:{prose}:{code_spans}:{code_blocks}", selected)


# the enum members _runs compares with, looked up once: reading ``Kind.PROSE`` off the class
# costs ~140 ns in Python 3.11, and _runs read up to three per segment
_PROSE, _LINK, _CODE, _HEADING = Kind.PROSE, Kind.LINK, Kind.CODE, BlockKind.HEADING


def _runs(note: Note) -> Iterator[Run]:
    for block in note.blocks:
        claim = None
        heading = block.kind is _HEADING
        path = block.heading_path
        block_text = block.text
        for segment in block.segments:
            segment_kind = segment.kind
            if segment_kind is _PROSE or segment_kind is _LINK:
                kind = "prose"
            elif segment_kind is _CODE:
                kind = "code"
            else:
                continue
            if claim is None:
                claim = _claim_text(note, block)
            start = segment.start
            yield Run(
                block_text[start : segment.end], kind, _shift(block.span, start), heading, block_text, start, claim, path
            )
    for code in note.code_blocks:
        yield Run(
            text=code.text,
            kind="block",
            span=code.span,
            heading=False,
            block_text=code.text,
            offset=0,
            claim="",
            headings=code.heading_path,
            lang=code.lang,
        )


def _shift(span: Callable[[int, int], tuple[int, int]], by: int) -> Callable[[int, int], tuple[int, int]]:
    return lambda start, end: span(start + by, end + by)


def title(note: Note) -> str:
    value = note.data("title", "")
    return value if isinstance(value, str) else ""
