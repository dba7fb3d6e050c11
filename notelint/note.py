"""The parsed note every rule reads: front matter, blocks, claims, code, positions.

``parse_note`` turns a ``SourceFile`` into a ``Note`` once; rules never see the
raw file.  All positions are offsets into ``note.text`` (the normalised text);
``note.position(offset)`` turns one into a 1-based (line, column).

Inline text is *visible* text: escapes are resolved (``SageMaker\\-provided``
reads ``SageMaker-provided``), entities decoded, emphasis markers dropped.  Each
block keeps a piece map from its visible text back to source offsets, so a rule
that finds a word at ``block.text[i:j]`` reports ``block.span(i, j)``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Callable, Iterator, NamedTuple, TypeVar

from notelint.enums import Named
from notelint.frontmatter import FrontMatter, parse_front_matter
from notelint.markdown import (
    MAX_NESTING,
    SCHEME,
    TRIMMED,
    events,
    front_matter,
    linkify,
    normalize_link,
    normalize_link_text,
    valid_link,
)
from notelint.source import SourceFile
from notelint.values import FrozenValue, Record

_T = TypeVar("_T")


class Kind(Named):
    """What an inline segment is, which decides which rules read it."""

    PROSE = "prose"
    CODE = "code"  # a code span
    LINK = "link"  # the visible text of a [link](...)
    URL = "url"  # an autolink or a bare URL
    HTML = "html"  # inline HTML, comments included
    IMAGE = "image"  # an image; its text is the alt text


class BlockKind(Named):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CELL = "cell"  # a table cell


class ClaimKind(Named):
    ITEM = "item"  # a list item
    PARAGRAPH = "paragraph"  # a paragraph outside lists


class CodeKind(Named):
    FENCE = "fence"
    INDENTED = "indented"


class Segment(NamedTuple):
    """A run of a block's visible text of one kind: ``block.text[start:end]``.
    (A named tuple: a page has hundreds and a frozen dataclass took three times as long to make.)"""

    kind: Kind
    start: int
    end: int
    src_start: int  # offsets into note.text of the whole construct
    src_end: int
    href: str | None = None


class Block(Record):
    """A leaf block with inline content: a heading, a paragraph or a table cell.
    (This and the note's other parts are written out, not dataclasses: ``notelint.values`` says why.)"""

    FIELDS = ("kind", "text", "segments", "heading_path", "line", "end_line", "level", "item", "quote_depth", "row",
              "_pieces", "_piece_starts")
    HIDDEN = frozenset({"_pieces", "_piece_starts"})
    kind: BlockKind
    text: str
    segments: list[Segment]
    heading_path: tuple[str, ...]
    line: int
    end_line: int
    level: int = 0  # heading level, 0 for other blocks
    item: ListItem | None = None  # innermost list item containing the block
    quote_depth: int = 0
    row: int | None = None  # table row index for cells (0 = header)
    # (text_start, src_start, length, atomic_src_length) sorted by text_start; a
    # piece with atomic_src_length 0 maps char-by-char, otherwise every char of
    # it maps to the whole source unit (an escape or an entity).
    _pieces: list[tuple[int, int, int, int]]
    _piece_starts: list[int]

    def __init__(
        self, kind: BlockKind, text: str, segments: list[Segment], heading_path: tuple[str, ...], line: int,
        end_line: int, level: int = 0, item: ListItem | None = None, quote_depth: int = 0, row: int | None = None,
        _pieces: list[tuple[int, int, int, int]] | None = None, _piece_starts: list[int] | None = None,
    ):
        self.kind = kind
        self.text = text
        self.segments = segments
        self.heading_path = heading_path
        self.line = line
        self.end_line = end_line
        self.level = level
        self.item = item
        self.quote_depth = quote_depth
        self.row = row
        self._pieces = [] if _pieces is None else _pieces
        self._piece_starts = [] if _piece_starts is None else _piece_starts

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets (start, end) of ``self.text[start:end]``; end is exclusive."""
        # (the piece look-ups written out: the claim reader asks ~36,000 spans of every fifth
        # SageMaker page, and two helper calls a span were a quarter of its cost)
        pieces = self._pieces
        if not pieces:
            return 0, 0
        starts = self._piece_starts
        at = bisect_right(starts, start) - 1
        text_start, src_start, length, atomic = pieces[at if at > 0 else 0]
        if atomic:  # a unit (an escape, an entity): its start, or its end for the place after it
            first = src_start if start < text_start + length else src_start + atomic
        else:
            first = src_start + min(max(start - text_start, 0), max(length - 1, 0) + 1)
        if end <= start:
            return first, first
        at = bisect_right(starts, end - 1) - 1
        text_start, src_start, _length, atomic = pieces[at if at > 0 else 0]
        if atomic:
            return first, src_start + atomic
        return first, src_start + (end - 1 - text_start) + 1

    def iter_segments(self, *kinds: Kind) -> Iterator[tuple[Segment, str]]:
        """(segment, its text) for segments of the given kinds (all when none given)."""
        for segment in self.segments:
            if not kinds or segment.kind in kinds:
                yield segment, self.text[segment.start : segment.end]

    @property
    def src_start(self) -> int:
        return self.segments[0].src_start if self.segments else 0

    @property
    def src_end(self) -> int:
        return self.segments[-1].src_end if self.segments else 0


class ListItem(Record):
    """A list item; its own paragraphs (not nested items) make one claim."""

    FIELDS = ("marker", "start", "marker_end", "line", "end_line", "depth", "parent", "heading_path", "blocks",
              "children", "has_content")
    marker: str
    start: int  # offset of the marker
    marker_end: int
    line: int
    end_line: int
    depth: int
    parent: ListItem | None
    heading_path: tuple[str, ...]
    blocks: list[Block]
    children: list[ListItem]
    has_content: bool  # any child block at all (paragraph, code, nested list ...)

    def __init__(
        self, marker: str, start: int, marker_end: int, line: int, end_line: int, depth: int,
        parent: ListItem | None, heading_path: tuple[str, ...], blocks: list[Block] | None = None,
        children: list[ListItem] | None = None, has_content: bool = False,
    ):
        self.marker = marker
        self.start = start
        self.marker_end = marker_end
        self.line = line
        self.end_line = end_line
        self.depth = depth
        self.parent = parent
        self.heading_path = heading_path
        self.blocks = [] if blocks is None else blocks
        self.children = [] if children is None else children
        self.has_content = has_content

    @property
    def is_empty(self) -> bool:
        return not self.has_content


class Claim(Record):
    """A statement a note makes: one list item, or one paragraph outside lists."""

    FIELDS = ("kind", "blocks", "heading_path", "item")
    kind: ClaimKind
    blocks: list[Block]
    heading_path: tuple[str, ...]
    item: ListItem | None

    def __init__(self, kind: ClaimKind, blocks: list[Block], heading_path: tuple[str, ...], item: ListItem | None = None):
        self.kind = kind
        self.blocks = blocks
        self.heading_path = heading_path
        self.item = item

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)

    @property
    def start(self) -> int:
        return self.blocks[0].src_start

    @property
    def end(self) -> int:
        return self.blocks[-1].src_end

    @property
    def line(self) -> int:
        return self.blocks[0].line


class CodeBlock(Record):
    """A fenced or indented code block; ``text`` is its content."""

    FIELDS = ("kind", "info", "text", "line", "end_line", "heading_path", "_line_offsets", "_line_starts")
    HIDDEN = frozenset({"_line_offsets", "_line_starts"})
    kind: CodeKind
    info: str
    text: str
    line: int  # line of the opening fence (or first line)
    end_line: int
    heading_path: tuple[str, ...]
    # offsets into note.text of the first content char of each content line
    _line_offsets: list[int]
    _line_starts: list[int]

    def __init__(
        self, kind: CodeKind, info: str, text: str, line: int, end_line: int, heading_path: tuple[str, ...],
        _line_offsets: list[int] | None = None, _line_starts: list[int] | None = None,
    ):
        self.kind = kind
        self.info = info
        self.text = text
        self.line = line
        self.end_line = end_line
        self.heading_path = heading_path
        self._line_offsets = [] if _line_offsets is None else _line_offsets
        self._line_starts = [] if _line_starts is None else _line_starts

    @property
    def lang(self) -> str:
        return self.info.split(maxsplit=1)[0].lower() if self.info.strip() else ""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of ``self.text[start:end]``."""
        return self._offset(start), self._offset(max(end - 1, start)) + (1 if end > start else 0)

    def _offset(self, index: int) -> int:
        if not self._line_offsets:
            return 0
        at = max(bisect_right(self._line_starts, index) - 1, 0)
        return self._line_offsets[at] + index - self._line_starts[at]


class TableRow(FrozenValue):
    """One body row of a table, with the header cells of its columns (a row is read
    as a sentence whose words the header explains: "Max retention" over "7 days")."""

    __slots__ = FIELDS = ("cells", "header")
    cells: tuple[Block, ...]
    header: tuple[Block, ...]  # the table's header row, column for column (may be shorter or longer)

    def __init__(self, cells: tuple[Block, ...], header: tuple[Block, ...]):
        self._fill(cells, header)

    def header_of(self, column: int) -> Block | None:
        return self.header[column] if column < len(self.header) else None


class Html(FrozenValue):
    """Raw HTML (a block or inline), kept for comments and suppression directives."""

    __slots__ = FIELDS = ("text", "start", "end", "inline")
    text: str
    start: int
    end: int
    inline: bool

    def __init__(self, text: str, start: int, end: int, inline: bool):
        self._fill(text, start, end, inline)


class Note(Record):
    """A parsed note: what every rule reads."""

    FIELDS = ("path", "source", "front_matter", "blocks", "items", "claims", "code_blocks", "html",
              "unclosed_front_matter", "too_deep", "memo")
    HIDDEN = frozenset({"memo"})
    path: str
    source: SourceFile
    front_matter: FrontMatter | None
    blocks: list[Block]
    items: list[ListItem]
    claims: list[Claim]
    code_blocks: list[CodeBlock]
    html: list[Html]
    # a document that starts with "---" but whose front matter never closes
    unclosed_front_matter: bool
    # (first, last) 1-based lines the parser skipped: nested too deeply
    too_deep: tuple[tuple[int, int], ...]
    # derived data computed once per note and shared by rules (the claim
    # statements, say), keyed by the module that computes it; see ``cached``
    memo: dict[str, Any]

    def __init__(
        self, path: str, source: SourceFile, front_matter: FrontMatter | None, blocks: list[Block],
        items: list[ListItem], claims: list[Claim], code_blocks: list[CodeBlock], html: list[Html],
        unclosed_front_matter: bool = False, too_deep: tuple[tuple[int, int], ...] = (),
        memo: dict[str, Any] | None = None,
    ):
        self.path = path
        self.source = source
        self.front_matter = front_matter
        self.blocks = blocks
        self.items = items
        self.claims = claims
        self.code_blocks = code_blocks
        self.html = html
        self.unclosed_front_matter = unclosed_front_matter
        self.too_deep = too_deep
        self.memo = {} if memo is None else memo

    @property
    def text(self) -> str:
        return self.source.norm

    def cached(self, key: str, build: Callable[[], _T]) -> _T:
        """Data derived from this note alone, built on first use and shared by every
        rule that asks for ``key`` (the one way to memoise per note; per run, see
        ``Context.shared``)."""
        memo = self.memo
        if key not in memo:
            memo[key] = build()
        value: _T = memo[key]
        return value

    def position(self, offset: int) -> tuple[int, int]:
        return self.source.position(offset)

    @property
    def headings(self) -> list[Block]:
        return [block for block in self.blocks if block.kind is BlockKind.HEADING]

    def data(self, key: str, default: Any = None) -> Any:
        """A front matter value, or ``default``."""
        return self.front_matter.get(key, default) if self.front_matter else default

    def claim_at(self, offset: int) -> Claim | None:
        """The claim whose text contains ``offset`` (the innermost list item wins)."""
        best = None
        for claim in self.claims:
            for block in claim.blocks:
                if block.src_start <= offset < max(block.src_end, block.src_start + 1):
                    if best is None or claim.start >= best.start:
                        best = claim
        return best

    @property
    def table_rows(self) -> list[TableRow]:
        """The body rows of every table, in document order (cells are blocks in
        ``blocks``; a new table starts at a header cell that follows a body cell
        or any other block)."""
        return self.cached("note.table-rows", self._table_rows)

    def _table_rows(self) -> list[TableRow]:
        rows: list[TableRow] = []
        header: list[Block] = []
        current: list[Block] = []
        previous: Block | None = None
        for block in self.blocks:
            # (a row ends before a new table's header starts: two tables apart only by a blank line)
            if current and (block.kind is not BlockKind.CELL or block.row != current[0].row):
                rows.append(TableRow(tuple(current), tuple(header)))
                current = []
            if block.kind is BlockKind.CELL and block.row == 0:
                if previous is None or previous.kind is not BlockKind.CELL or previous.row != 0:
                    header = []  # a new table
            if block.kind is BlockKind.CELL:
                (header if block.row == 0 else current).append(block)
            previous = block
        if current:
            rows.append(TableRow(tuple(current), tuple(header)))
        return rows

    def block_at(self, offset: int) -> Block | None:
        """The leaf block (heading, paragraph, cell) containing ``offset``."""
        for block in self.blocks:
            if block.src_start <= offset < max(block.src_end, block.src_start + 1):
                return block
        return None


def parse_note(source: SourceFile) -> Note:
    """Parse one note.  Never raises on any text input."""
    return _Builder(source).build()


_OPENING_FENCE = re.compile(r"---[ \t]*$")
_ORDERED_MARKER = re.compile(r"[0-9]+[.)]")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_LINK_OPEN_HTML = re.compile(r"^<a[>\s]", re.IGNORECASE)
_LINK_CLOSE_HTML = re.compile(r"^</a\s*>", re.IGNORECASE)
# pulldown-cmark's inline containers: their events hold no text of their own
_INLINE_CONTAINERS = frozenset({"Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"})
_INLINE_ENDS = _INLINE_CONTAINERS | {"Link", "Image"}  # (the values of their End events)
_HEADING_LEVELS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}
# (read once: an enum member off its class costs a look-up each time, ~150 ns: its metaclass has a __getattr__)
_PROSE, _CODE, _LINK, _URL, _HTML, _IMAGE = Kind.PROSE, Kind.CODE, Kind.LINK, Kind.URL, Kind.HTML, Kind.IMAGE
_PARAGRAPH, _HEADING, _CELL = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CELL

# The inline tokens of one leaf block, in document order, each with its source range
# (offsets into note.text) -- the runs markdown-it-py made, which the piece map keeps:
#   (TEXT, text, start, end)    text as written, contiguous runs joined
#   (UNIT, text, start, end)    an escape or an entity: its text stands for the whole range
#   (BREAK, "\n", start, end)   a line break: the line's end
#   (CODE, text, start, end)    a code span, backticks included in the range
#   (OPEN, (kind, href), start, end)  a link or an autolink; a bare URL's has no range (-1, -1)
#   (CLOSE, None, start, end)
#   (IMAGE, (alt, href), start, end)  the alt text as written
#   (HTML, text, start, end)    inline HTML
TEXT, UNIT, BREAK, CODE, OPEN, CLOSE, IMAGE, HTML = range(8)
_Token = tuple[int, Any, int, int]
# A leaf block's inline event as the walk keeps it: pyromark's event unpacked, (key, value, start,
# end), offsets into note.text; a line break ("SoftBreak", "HardBreak") has the value None.
_Event = tuple[str, Any, int, int]


class _Builder:
    def __init__(self, source: SourceFile):
        self.source = source
        self.text = source.norm
        self.blocks: list[Block] = []
        self.items: list[ListItem] = []
        self.claims: list[Claim] = []
        self.code: list[CodeBlock] = []
        self.html: list[Html] = []
        self.front_matter: FrontMatter | None = None
        self.headings: list[tuple[int, str]] = []  # (level, text) stack
        self.item_stack: list[ListItem] = []
        self.list_depth = 0
        self.quote_depth = 0
        self.row = -1
        self.too_deep: list[tuple[int, int]] = []
        self._row_start = 0  # where the table row being read starts
        # (source, kind, mapped char by char) of each leaf block read: (its start, text, pieces, segments, inline HTML)
        self._known: dict[tuple[str, BlockKind, bool], tuple[int, str, list[tuple[int, int, int, int]], list[Segment], list[Html]]] = {}
        # the text and start offset of every line, looked up a few times per block
        self._lines = self.text.split("\n")
        self._starts = source.line_starts()
        self._heading_path: tuple[str, ...] | None = ()  # of ``headings``; None when it changed

    # -- helpers -----------------------------------------------------------------
    def line_text(self, index0: int) -> str:
        if 0 <= index0 < len(self._lines):
            return self._lines[index0]
        return self.source.line_text(index0 + 1) if index0 < self.source.line_count else ""

    def line_offset(self, index0: int) -> int:
        if 0 <= index0 < len(self._starts):
            return self._starts[index0]
        if index0 >= self.source.line_count:
            return len(self.text)
        return self.source.line_start(index0 + 1)

    def line_of(self, offset: int) -> int:
        """0-based line of an offset into note.text."""
        return bisect_right(self._starts, offset) - 1

    def heading_path(self) -> tuple[str, ...]:
        path = self._heading_path
        if path is None:  # (made again only when a heading changed the stack: every block shares it)
            path = self._heading_path = tuple(text for _level, text in self.headings)
        return path

    def _mark_parent_content(self) -> None:
        if self.item_stack:
            self.item_stack[-1].has_content = True

    # -- walk --------------------------------------------------------------------
    def build(self) -> Note:
        unclosed = False
        body_start = 0
        found = front_matter(self._lines)
        if found is not None:
            after, raw = found
            self._front_matter(after, raw)
            body_start = self.line_offset(after)
        elif _OPENING_FENCE.match(self.line_text(0)):
            unclosed = True
        self._walk_blocks(body_start)
        self.claims.sort(key=lambda claim: claim.start)
        return Note(
            path=self.source.path,
            source=self.source,
            front_matter=self.front_matter,
            blocks=self.blocks,
            items=self.items,
            claims=self.claims,
            code_blocks=self.code,
            html=self.html,
            unclosed_front_matter=unclosed,
            too_deep=tuple(self.too_deep),
        )

    def _front_matter(self, after: int, raw: str) -> None:
        start = self.line_offset(1)
        end = self.line_offset(after)

        def offset(line: int, column: int) -> int:
            return min(self.line_offset(1 + line) + column, len(self.text))

        self.front_matter = parse_front_matter(raw, start, end, offset)

    def _walk_blocks(self, body_start: int) -> None:
        """Read pyromark's events of the text after the front matter, block by block."""
        text = self.text
        stream = events(text[body_start:] if body_start else text, body_start)
        last_line = len(self._lines) - (1 if text.endswith("\n") else 0)  # markdown-it's line count
        # (kind, the nesting level its content is read at, the line its content ends before)
        containers: list[tuple[str, int, int]] = [("document", 0, last_line)]
        leaf: list[_Event] | None = None  # the inline events of the open leaf block
        explicit = False  # a paragraph, heading or cell is open: its events up to its end are inline
        leaf_kind = _PARAGRAPH
        leaf_level = 0
        leaf_start = leaf_end = 0
        implicit = False  # a tight list item's text: a paragraph without its events
        skip_until = -1  # while content nested too deeply is skipped: the depth of its container
        depth = 0  # pulldown-cmark's nesting of Start and End events
        code: list[str] | None = None
        code_start = 0
        code_fenced = False
        html: list[str] | None = None
        html_start = 0
        for event, start, end in stream:
            if explicit:  # (most events: read with the fewest tests)
                if type(event) is str:  # SoftBreak, HardBreak
                    leaf.append((event, None, start, end))  # type: ignore[union-attr]
                    continue
                key, value = next(iter(event.items()))
                if key != "End" or (type(value) is str and value in _INLINE_ENDS):
                    leaf.append((key, value, start, end))  # type: ignore[union-attr]
                    continue
                explicit = False  # the block's own end, read below
            elif type(event) is str:  # SoftBreak, HardBreak, Rule
                if skip_until >= 0:
                    continue
                if event == "Rule":
                    if implicit:
                        self._leaf(leaf_kind, leaf_level, leaf, leaf_start, leaf_end, implicit)  # type: ignore[arg-type]
                        leaf, implicit = None, False
                    self._mark_parent_content()
                    continue
                if leaf is None:
                    leaf, implicit, leaf_kind, leaf_level, leaf_start = [], True, _PARAGRAPH, 0, start
                leaf.append((event, None, start, end))
                leaf_end = end
                continue
            else:
                key, value = next(iter(event.items()))
            if key == "Start":
                name = value if type(value) is str else next(iter(value))
                depth += 1
                if skip_until >= 0:
                    continue
                if name in _INLINE_CONTAINERS or name == "Link" or name == "Image":
                    if leaf is None:
                        leaf, implicit, leaf_kind, leaf_level, leaf_start = [], True, _PARAGRAPH, 0, start
                    leaf.append((key, value, start, end))
                    leaf_end = end
                    continue
                if implicit:
                    self._leaf(leaf_kind, leaf_level, leaf, leaf_start, leaf_end, implicit)  # type: ignore[arg-type]
                    leaf, implicit = None, False
                if name == "Paragraph":
                    leaf, leaf_kind, leaf_level, leaf_start, leaf_end, explicit = [], _PARAGRAPH, 0, start, end, True
                elif name == "Heading":
                    level = _HEADING_LEVELS[value["Heading"]["level"]]
                    leaf, leaf_kind, leaf_level, leaf_start, leaf_end, explicit = [], _HEADING, level, start, end, True
                elif name == "TableCell":
                    leaf, leaf_kind, leaf_level, leaf_start, leaf_end, explicit = [], _CELL, 0, start, end, True
                elif name == "TableHead" or name == "TableRow":
                    self.row += 1
                    self._row_start = start
                elif name == "Table":
                    self.row = -1
                    self._mark_parent_content()
                elif name == "CodeBlock":
                    self._mark_parent_content()
                    code, code_start, code_fenced = [], start, value["CodeBlock"] != "Indented"
                elif name == "HtmlBlock":
                    self._mark_parent_content()
                    html, html_start = [], start
                elif name == "List":
                    self.list_depth += 1
                    self._mark_parent_content()
                    _kind, level, last = containers[-1]
                    containers.append(("list", level + 1, last))
                elif name == "Item":
                    _kind, level, last = containers[-1]
                    self._item_open(start, end, value)
                    containers.append(("item", level + 1, last))
                    if level + 1 >= MAX_NESTING:
                        self._skip(start, last)
                        skip_until = depth
                elif name == "BlockQuote":
                    self.quote_depth += 1
                    self._mark_parent_content()
                    _kind, level, _last = containers[-1]
                    last = self.line_of(max(end - 1, start)) + 1
                    containers.append(("quote", level + 1, last))
                    if level + 1 >= MAX_NESTING:
                        self._skip(start, last)
                        skip_until = depth
            elif key == "End":
                name = value if type(value) is str else next(iter(value))
                depth -= 1
                if skip_until >= 0:
                    if depth >= skip_until:
                        continue
                    skip_until = -1
                if name in _INLINE_CONTAINERS or name == "Link" or name == "Image":
                    if leaf is not None:
                        leaf.append((key, value, start, end))
                    continue
                if implicit:
                    self._leaf(leaf_kind, leaf_level, leaf, leaf_start, leaf_end, implicit)  # type: ignore[arg-type]
                    leaf, implicit = None, False
                if name == "Paragraph" or name == "Heading" or name == "TableCell":
                    if name == "TableCell":  # (a cell is placed on its row's line)
                        start = end = self._row_start
                    elif name == "Heading" and self.text[start : start + 1] != "#":
                        end = self.line_offset(self.line_of(max(end - 1, start)))  # (a setext heading's lines end before its underline)
                    self._leaf(leaf_kind, leaf_level, leaf, start, end, False)  # type: ignore[arg-type]
                    leaf = None
                elif name == "CodeBlock":
                    self._code_block(code_fenced, "".join(code or ()), code_start, end)
                    code = None
                elif name == "HtmlBlock":
                    self._html_block("".join(html or ()), html_start, end)
                    html = None
                elif name == "List":
                    self.list_depth -= 1
                    containers.pop()
                elif name == "Item":
                    containers.pop()
                    item = self.item_stack.pop()
                    if item.blocks:
                        self.claims.append(Claim(ClaimKind.ITEM, item.blocks, item.heading_path, item))
                elif name == "BlockQuote":
                    self.quote_depth -= 1
                    containers.pop()
            elif skip_until >= 0:
                continue
            elif code is not None:
                code.append(value)
            elif html is not None:
                html.append(value)
            else:
                if leaf is None:
                    leaf, implicit, leaf_kind, leaf_level, leaf_start = [], True, _PARAGRAPH, 0, start
                leaf.append((key, value, start, end))
                leaf_end = end
        if implicit and leaf is not None:
            self._leaf(leaf_kind, leaf_level, leaf, leaf_start, leaf_end, implicit)

    def _skip(self, start: int, last: int) -> None:
        """Record the lines of a container whose content is nested too deeply to read."""
        first = self.line_of(start)
        while first < last and not self.line_text(first).strip():
            first += 1
        if first < last:
            self.too_deep.append((first + 1, last))

    def _item_open(self, start: int, end: int, value: Any) -> None:
        parent = self.item_stack[-1] if self.item_stack else None
        text = self.text
        while start < len(text) and text[start] in " \t\n>":  # (a later item's range may start before its indent)
            start += 1
        first = self.line_of(start)
        ordered = _ORDERED_MARKER.match(self.text, start)
        marker = ordered.group() if ordered else self.text[start : start + 1]
        end_line = self.line_of(max(end - 1, start)) + 1
        # an item's range includes trailing blank lines; do not count them
        while end_line > first + 1 and not self.line_text(end_line - 1).strip():
            end_line -= 1
        item = ListItem(
            marker=marker,
            start=start,
            marker_end=start + len(marker),
            line=first + 1,
            end_line=end_line,
            depth=self.list_depth,
            parent=parent,
            heading_path=self.heading_path(),
        )
        if parent is not None:
            parent.children.append(item)
        self.items.append(item)
        self.item_stack.append(item)

    def _code_block(self, fenced: bool, content: str, start: int, end: int) -> None:
        first = self.line_of(start)
        after = self.line_of(max(end - 1, start)) + 1
        if fenced:
            line = self.text[start : self.line_offset(first + 1)].rstrip("\n").lstrip(" \t")
            info = line.lstrip(line[:1])  # what follows the fence's run of backticks or tildes
            self._code(CodeKind.FENCE, info, content, first, after, first + 1)
        else:  # (markdown-it ended an indented block's text with a line break, at the file's end too)
            self._code(CodeKind.INDENTED, "", content if content.endswith("\n") or not content else content + "\n", first, after, first)

    def _code(self, kind: CodeKind, info: str, content: str, first: int, after: int, body: int) -> None:
        lines = content.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        offsets, starts = [], []
        position = 0
        source_lines, source_starts = self._lines, self._starts
        for index, line in enumerate(lines, body):
            starts.append(position)
            # (a line as written, the usual case, starts where its source line does)
            offsets.append(source_starts[index] if index < len(source_lines) and source_lines[index] == line
                           else self._align_suffix(index, line))
            position += len(line) + 1
        self.code.append(
            CodeBlock(
                kind=kind,
                info=info.strip(),
                text=content,
                line=first + 1,
                end_line=max(after, first + 1),
                heading_path=self.heading_path(),
                _line_offsets=offsets,
                _line_starts=starts,
            )
        )

    def _html_block(self, content: str, start: int, end: int) -> None:
        first = self.line_of(start)
        after = self.line_of(max(end - 1, start)) + 1
        offset = self.line_offset(first)
        line = self.line_text(first)
        offset += len(line) - len(line.lstrip(" \t>"))
        self.html.append(Html(content.rstrip("\n"), offset, self.line_offset(after), False))

    def _leaf(self, kind: BlockKind, level: int, leaf: list[_Event], start: int, end: int,
              implicit: bool) -> None:
        first = bisect_right(self._starts, start) - 1  # (line_of, written out for every block)
        after = bisect_right(self._starts, end - 1 if end > start else start)
        text, pieces, segments = self._inline(kind, leaf) if leaf else ("", [], [])
        if kind is _HEADING:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
                self._heading_path = None
        item = self.item_stack[-1] if self.item_stack else None
        # (kind, text, segments, heading_path, line, end_line, level, item, quote_depth, row, _pieces, _piece_starts)
        block = Block(kind, text, segments, self.heading_path(), first + 1, after if after > first else first + 1, level,
                      item, self.quote_depth, self.row if kind is _CELL else None, pieces,
                      [piece[0] for piece in pieces])
        self.blocks.append(block)
        if kind is _HEADING:
            self.headings.append((level, text.strip()))
            self._heading_path = None
            return
        if item is not None:
            item.has_content = True
            if kind is _PARAGRAPH:
                item.blocks.append(block)
        elif kind is _PARAGRAPH:
            self.claims.append(Claim(ClaimKind.PARAGRAPH, [block], block.heading_path))

    def _inline(self, kind: BlockKind, leaf: list[_Event]) -> tuple[str, list[tuple[int, int, int, int]], list[Segment]]:
        """``_inline_text`` of a leaf block's events, from an earlier block of the same source when there is one.

        Table cells and captions repeat within a page ("Yes", "String"); what a block's events
        make of it depends on its source alone (within one document, whose link references are
        fixed), up to where it sits: every position moves with it.
        """
        start = leaf[0][2]
        source = self.text[start : leaf[-1][3]]
        # (a cell with an escaped pipe is not a copy of its source in markdown-it's reading: each
        # of its characters was mapped on its own)
        # (a pipe escaped at a cell's start leaves the rest a literal copy after its backslash)
        per_char = kind is _CELL and "\\|" in source
        key = (self.text[start - 1 : start] + source, kind, per_char)  # (the character before: an escape's backslash)
        known = self._known.get(key)
        html = self.html
        if known is not None:
            base, text, pieces, segments, found = known
            shift = start - base
            if found:
                html.extend(Html(item.text, item.start + shift, item.end + shift, True) for item in found)
            return (
                text,
                [(at, src + shift, length, atomic) for at, src, length, atomic in pieces],
                [Segment(s.kind, s.start, s.end, s.src_start + shift, s.src_end + shift, s.href) for s in segments],
            )
        before = len(html)
        text, pieces, segments = _inline_text(self.text, _tokens(self.text, leaf, kind is _CELL, "//" in source or "@" in source),
                                              html, per_char)
        self._known[key] = (start, text, pieces, segments, html[before:])
        return text, pieces, segments

    # -- positions ------------------------------------------------------------------
    def _align_suffix(self, line_index0: int, content_line: str) -> int:
        """Offset in note.text of ``content_line``'s first character.

        A code block's line lost its block markers (``>``, list indentation) on
        the left, and a partly used tab may have turned into spaces; what is
        left is a suffix of the source line.
        """
        source_line = self.line_text(line_index0)
        base = self.line_offset(line_index0)
        body = content_line.lstrip(" \t")
        lead = len(content_line) - len(body)
        core = body.rstrip(" \t")
        trimmed = source_line.rstrip(" \t")
        if core and trimmed.endswith(core):
            return base + len(trimmed) - len(core) - lead
        found = source_line.rfind(core) if core else -1  # the last: markers before it may hold the same text ("1. 1")
        if found >= 0:
            return base + found - lead
        return base + len(source_line) - len(source_line.lstrip(" \t>")) - lead


def _code_lines(source: str, raw: str, start: int, value: str) -> list[tuple[int, int]] | None:
    """(length, source offset) of each line of a code span written over several lines, as
    markdown-it read them: the first line as written, each later one past its block markers
    (``>``, a list item's indent), which both parsers drop; None when they do not line up.
    ``value`` is the code as shown: line breaks as spaces, and one space off both ends when
    both ends have one."""
    written = raw.split("\n")
    for shown, cut in ((value, 0), (" " + value + " ", 1)):
        lines: list[tuple[int, int]] = []
        at = 0  # in shown
        offset = start
        for number, line in enumerate(written):
            last = number + 1 == len(written)
            skip = 0
            if number:
                while skip <= len(line) and not (
                    shown.startswith(line[skip:], at) and (shown[at + len(line) - skip : at + len(line) - skip + 1] == ("" if last else " "))
                    and (not last or at + len(line) - skip == len(shown))
                ):
                    skip += 1
            elif not (shown.startswith(line) and (last or shown[len(line) : len(line) + 1] == " ")):
                skip = len(line) + 1
            if skip > len(line):
                break
            lines.append((len(line) - skip, offset + skip))
            at += len(line) - skip + 1
            offset += len(line) + 1
        else:
            if cut:  # (the shown code lost the first line's first character and the last line's last)
                size, src = lines[0]
                lines[0] = (size - 1, src + 1)
                size, src = lines[-1]
                lines[-1] = (size - 1, src)
            return lines
    return None


def _label_end(text: str, start: int, floor: int) -> int:
    """Where an image's label closes: the ``]`` matching its ``![``, at or after ``floor``
    (the end of the last event inside the label)."""
    depth = 0
    index = start + 2
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0 and index >= floor:
                return index
            depth = max(depth - 1, 0)
        index += 1
    return max(floor, start + 2)


def _tokens(text: str, leaf: list[_Event], cell: bool, may_link: bool) -> list[_Token]:
    """The inline tokens of a leaf block's events, bare URLs found (see ``TEXT`` ...)."""
    tokens: list[_Token] = []
    previous_end = -1  # end of the last event that held text (a backslash after it is an escape's)
    image_depth = 0
    image: tuple[int, str] = (0, "")
    image_floor = 0
    joinable = -1  # len(tokens) when the last token is an empty text that text right after it joins
    autolink = False  # the next text is an autolink's
    links: list[bool] = []  # of each open link: whether markdown-it took it for one
    leaf_end = leaf[-1][3] if leaf else 0
    for key, value, start, end in leaf:
        joins, joinable = joinable == len(tokens), -1
        if image_depth:  # inside an image's label: its alt text is read from the source
            if key == "Start" and type(value) is dict and "Image" in value:
                image_depth += 1
                continue
            if key == "End" and value == "Image":
                image_depth -= 1
                if image_depth == 0:
                    at, href = image
                    label = _label_end(text, at, image_floor)
                    tokens.append((IMAGE, (text[at + 2 : label], href), at, end))
                continue
            image_floor = max(image_floor, end)
            continue
        if value is None:  # SoftBreak, HardBreak
            gap = text[start : end - 1]
            kept = gap.rstrip(" ")
            if kept and not kept.strip(" \t"):  # (markdown-it dropped only the spaces before a line break, not tabs)
                _add_text(tokens, kept, start, False)
            tokens.append((BREAK, "\n", end - 1, end))
            previous_end = end
            continue
        if key == "Text":
            if autolink:  # an autolink's text is its URL as markdown-it showed it (%7E as ~)
                autolink = False
                shown = normalize_link_text(value)
                tokens.append((TEXT if shown == text[start:end] else UNIT, shown, start, end))
                previous_end = end
                continue
            if start > 0 and text[start - 1] == "\\" and previous_end <= start - 1 and value[:1] in _ASCII_PUNCTUATION \
                    and text.startswith(value[:1], start) and not (cell and value[0] == "|"):
                tokens.append((UNIT, value[0], start - 1, start + 1))
                value, start = value[1:], start + 1
                if not value:
                    previous_end = end
                    continue
            literal = end - start == len(value) and text.startswith(value, start)  # (stays so over the loop below)
            if literal and "\\" in value:
                # markdown-it kept a backslash before a character it cannot escape as one unit with it
                at = value.find("\\")
                while at >= 0 and start + at + 1 < leaf_end and text[start + at + 1] != "\n":
                    if at:
                        _add_text(tokens, value[:at], start, joins)
                    tokens.append((UNIT, value[at : at + 2], start + at, start + at + 2))
                    value, start = value[at + 2 :], start + at + 2
                    joins = False
                    at = value.find("\\")
                if not value:
                    previous_end = end
                    continue
            if literal:
                _add_text(tokens, value, start, joins)
            else:
                tokens.append((UNIT, value, start, end))
            previous_end = end
        elif key == "Code":
            tokens.append((CODE, value, start, end))
            previous_end = end
        elif key == "InlineHtml" or key == "Html":
            tokens.append((HTML, value, start, end))
            previous_end = end
        elif key == "Start":
            if value == "Strong" and (not tokens or tokens[-1][0] != TEXT):
                # markdown-it left an empty text token before a strong run it opened, where no text
                # came before to join it; it starts a segment where the last token ended
                at = tokens[-1][3] if tokens else leaf[0][2]
                tokens.append((TEXT, "", at, at))
            elif type(value) is dict:
                name = next(iter(value))
                if name == "Link":
                    link = value["Link"]
                    link_type = link["link_type"]
                    email = link_type == "Email"
                    href = normalize_link("mailto:" + link["dest_url"] if email else link["dest_url"])
                    autolink = email or link_type == "Autolink"
                    links.append(valid_link(href))
                    if links[-1]:
                        tokens.append((OPEN, (_URL if autolink else _LINK, href), start, end))
                    else:  # markdown-it refused the link (``javascript:``): its source is text
                        autolink = False
                        _add_text(tokens, text[start : start + 1], start, joins)
                elif name == "Image":
                    image_depth = 1
                    image = (start, normalize_link(value["Image"]["dest_url"]))
                    image_floor = start + 2
        elif key == "End":
            if value == "Link":
                if links.pop():
                    tokens.append((CLOSE, None, start, end))
                else:
                    at = max(tokens[-1][3], start + 1)
                    _add_text(tokens, text[at:end], at, False)
            elif value == "Strong":  # and one after the run it closed, which text right after it joins
                at = tokens[-1][3] if tokens else start
                tokens.append((TEXT, "", at, at))
                joinable = len(tokens)
                continue
    tokens = _trim(tokens)
    return _linkify(text, tokens, leaf_end) if tokens and may_link else tokens


def _add_text(tokens: list[_Token], value: str, start: int, joins: bool) -> None:
    """Add text as written at ``start``, joined to the text before it when that ends there."""
    last = tokens[-1] if tokens else None
    if last is not None and last[0] == TEXT and (last[3] == start or joins):
        tokens[-1] = (TEXT, last[1] + value, last[2] if last[1] else start, start + len(value))
    else:
        tokens.append((TEXT, value, start, start + len(value)))


def _trim(tokens: list[_Token]) -> list[_Token]:
    """Drop the white space markdown-it trimmed off a block's ends that pulldown-cmark keeps
    (a no-break space: markdown-it trims JavaScript's set, pulldown-cmark spaces and tabs),
    with any line break it leaves at an end then."""
    while tokens and tokens[0][0] in (TEXT, BREAK) and tokens[0][1] and tokens[0][1][0] in TRIMMED:
        first = tokens[0]
        kept = first[1].lstrip(TRIMMED)
        if kept:
            tokens[0] = (TEXT, kept, first[3] - len(kept), first[3])
            break
        del tokens[0]
    while tokens and tokens[-1][0] in (TEXT, BREAK) and tokens[-1][1] and tokens[-1][1][-1] in TRIMMED:
        last = tokens[-1]
        kept = last[1].rstrip(TRIMMED)
        if kept:
            tokens[-1] = (TEXT, kept, last[2], last[2] + len(kept))
            break
        del tokens[-1]
    return tokens


def _linkify(text: str, tokens: list[_Token], leaf_end: int) -> list[_Token]:
    """Bare URLs as markdown-it-py found them: scheme links ("https://...") where their
    "://" is met, then emails and "//host" links in runs of text outside links."""
    if not any(token[0] == TEXT and ("//" in token[1] or "@" in token[1]) for token in tokens):
        return tokens
    found = linkify()
    source = text[tokens[0][2] : tokens[-1][3]]
    if not found.pretest(source):
        return tokens
    # scheme links, met as the inline parser met them
    result: list[_Token] = []
    link_level = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        kind = token[0]
        if kind == OPEN:
            link_level += 1
        elif kind == CLOSE:
            link_level -= 1
        if kind != TEXT or link_level or "://" not in token[1]:
            result.append(token)
            continue
        value, start = token[1], token[2]
        done = 0
        at = value.find("://")
        while at >= 0:
            scheme = SCHEME.search(value[done:at])
            match = None
            if scheme is not None:
                begin = done + scheme.start(1)
                line_end = text.find("\n", start + begin, leaf_end)
                match = found.match_at_start(text[start + begin : line_end if line_end >= 0 else leaf_end])
            if match is None:
                at = value.find("://", at + 3)
                continue
            url = match.url.rstrip("*")
            href = normalize_link(url)
            url_end = start + begin + len(url)
            after = index  # the tokens the URL runs over (escapes, entities the inline parser had not met)
            while after < len(tokens) and tokens[after][2] < url_end and tokens[after][0] in (TEXT, UNIT):
                after += 1
            if not valid_link(href) or (after < len(tokens) and tokens[after][2] < url_end):
                at = value.find("://", at + 3)
                continue
            if begin > done:
                result.append((TEXT, value[done:begin], start + done, start + begin))
            shown = normalize_link_text(url)
            result.append((OPEN, (_URL, href), -1, -1))
            result.append((TEXT if shown == text[start + begin : url_end] else UNIT, shown, start + begin, url_end))
            result.append((CLOSE, None, -1, -1))
            if url_end > start + len(value):  # read on after the URL: what is left of the last token is text
                last_end = tokens[after - 1][3]
                if last_end > url_end:
                    rest = (TEXT, text[url_end:last_end], url_end, last_end)
                    if after < len(tokens) and tokens[after][0] == TEXT and tokens[after][2] == last_end:
                        rest = (TEXT, rest[1] + tokens[after][1], url_end, tokens[after][3])
                        after += 1
                    after -= 1
                    tokens[after] = rest
                index = after
                done = len(value)
                break
            done = begin + len(url)
            at = value.find("://", done)
        if done < len(value):
            result.append((TEXT, value[done:], start + done, token[3]))
    # emails and "//host" links in what is left, as markdown-it-py's core rule finds them
    tokens, result = result, []
    link_level = html_link_level = 0
    for index in range(len(tokens) - 1, -1, -1):  # (from the end, as the core rule reads them)
        token = tokens[index]
        kind = token[0]
        if kind == CLOSE:
            link_level += 1
        elif kind == OPEN:
            link_level -= 1
        elif kind == HTML:
            if _LINK_OPEN_HTML.search(token[1]) and html_link_level > 0:
                html_link_level -= 1
            if _LINK_CLOSE_HTML.search(token[1]):
                html_link_level += 1
        if kind != TEXT or link_level or html_link_level or not found.test(token[1]):
            result.append(token)
            continue
        value, start = token[1], token[2]
        links = found.match(value) or []
        if links and links[0].index == 0 and index > 0 and tokens[index - 1][0] == UNIT and tokens[index - 1][1] != "\n":
            links = links[1:]
        nodes: list[_Token] = []
        done = 0
        for link in links:
            href = normalize_link(link.url)
            if not valid_link(href):
                continue
            shown = link.text
            if link.schema == "mailto:" and shown.lower().startswith("mailto:"):
                shown = normalize_link_text("mailto:" + shown)[7:]
            else:
                shown = normalize_link_text(shown)
            if link.index > done:
                nodes.append((TEXT, value[done : link.index], start + done, start + link.index))
            nodes.append((OPEN, (_URL, href), -1, -1))
            nodes.append((TEXT if shown == value[link.index : link.last_index] else UNIT, shown,
                          start + link.index, start + link.last_index))
            nodes.append((CLOSE, None, -1, -1))
            done = link.last_index
        if done < len(value):
            nodes.append((TEXT, value[done:], start + done, token[3]))
        result.extend(reversed(nodes))
    result.reverse()
    return result


def _inline_text(source: str, tokens: list[_Token], html: list[Html], per_char: bool = False) -> tuple[str, list[tuple[int, int, int, int]], list[Segment]]:
    """Visible text, source pieces and segments of one leaf block's inline tokens."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    segments: list[Segment] = []
    length = 0
    context: list[tuple[Kind, str | None, tuple[int, int] | None]] = []
    seg_kind: Kind | None = None
    seg_href: str | None = None
    seg_start = 0
    seg_src_start = 0
    seg_src_end = 0

    def open_segment(kind: Kind, href: str | None, src_start: int) -> None:
        nonlocal seg_kind, seg_href, seg_start, seg_src_start, seg_src_end
        if seg_kind is kind and seg_href == href:
            return
        close_segment()
        seg_kind, seg_href, seg_start = kind, href, length
        seg_src_start = seg_src_end = src_start

    def close_segment() -> None:
        nonlocal seg_kind
        if seg_kind is not None and (length > seg_start or seg_kind is _IMAGE):
            segments.append(Segment(seg_kind, seg_start, length, seg_src_start, seg_src_end, seg_href))
        seg_kind = None

    def add_contiguous(text: str, src_start: int) -> None:
        """Add text as written at ``src_start``: a piece per line, and one per line break."""
        nonlocal length, seg_src_end
        if not text:
            return
        parts.append(text)
        if per_char:  # (an escaped pipe's backslash is no part of any character)
            at = src_start
            for index, char in enumerate(text):
                if char == "|" and source.startswith("\\|", at):
                    at += 1
                pieces.append((length + index, at, 1, 0))
                at += 1
            length += len(text)
            seg_src_end = at
            return
        done = 0
        while True:
            line_end = text.find("\n", done)
            if line_end < 0:
                pieces.append((length + done, src_start + done, len(text) - done, 0))
                break
            if line_end > done:
                pieces.append((length + done, src_start + done, line_end - done, 0))
            pieces.append((length + line_end, src_start + line_end, 1, 0))
            done = line_end + 1
            if done == len(text):
                break
        length += len(text)
        seg_src_end = src_start + len(text)

    def add_lines(text: str, lines: list[tuple[int, int]]) -> None:
        """Add text shown on one line that is written over several: (length, source offset) of
        each line's part, the line break between two (shown as a space) one character at the
        line's end."""
        nonlocal length, seg_src_end
        parts.append(text)
        at = length
        for number, (size, src) in enumerate(lines):
            if size:
                pieces.append((at, src, size, 0))
            at += size
            if number + 1 < len(lines):
                pieces.append((at, src + size, 1, 0))
                at += 1
        length += len(text)
        size, src = lines[-1]
        seg_src_end = src + size if size else seg_src_end

    def add_atomic(text: str, start: int, end: int) -> None:
        nonlocal length, seg_src_end
        end = max(end, start + 1)
        if text:
            parts.append(text)
            pieces.append((length, start, len(text), end - start))
            length += len(text)
        seg_src_end = max(seg_src_end, end)

    def extend_source(end: int, start: int) -> None:
        nonlocal seg_src_end
        seg_src_end = max(seg_src_end, max(end, start + 1))

    text_kind: Kind = _PROSE  # the kind and href of text here: of the innermost link, or prose
    text_href: str | None = None
    for kind, value, start, end in tokens:
        if kind == TEXT or kind == UNIT or kind == BREAK:
            if seg_kind is not text_kind or seg_href != text_href:
                open_segment(text_kind, text_href, start)
            # (add_contiguous's one-line case and add_atomic written out: nearly every token is one of them)
            if kind != TEXT:
                if end <= start:
                    end = start + 1
                if value:
                    parts.append(value)
                    pieces.append((length, start, len(value), end - start))
                    length += len(value)
                if end > seg_src_end:
                    seg_src_end = end
            elif per_char or "\n" in value:
                add_contiguous(value, start)
            elif value:
                parts.append(value)
                pieces.append((length, start, len(value), 0))
                length += len(value)
                seg_src_end = start + len(value)
        elif kind == CODE:
            open_segment(_CODE, None, start)
            fence = 0
            while start + fence < end and source[start + fence] == "`":
                fence += 1
            raw = source[start + fence : end - fence]
            lines = _code_lines(source, raw, start + fence, value) if "\n" in raw else None
            flat = raw.replace("\\|", "|") if per_char else raw
            if lines is not None:
                add_lines(value, lines)
            elif flat == value:
                add_contiguous(value, start + fence)
            elif flat[1:-1] == value:
                add_contiguous(value, start + fence + 1)
            else:
                add_atomic(value, start, end)
            extend_source(end, start)
            close_segment()
        elif kind == OPEN:
            segment_kind, target = value
            src = (start, end) if start >= 0 else None
            context.append((segment_kind, target, src))
            text_kind, text_href = segment_kind, target
            if src is not None:
                open_segment(segment_kind, target, start)
        elif kind == CLOSE:
            if context:
                _kind, _href, open_src = context.pop()
                if open_src is not None:
                    extend_source(open_src[1], open_src[0])
                text_kind, text_href = (context[-1][0], context[-1][1]) if context else (_PROSE, None)
            close_segment()
        elif kind == IMAGE:
            alt, target = value
            close_segment()
            open_segment(_IMAGE, target, start)
            add_contiguous(alt, start + 2)  # the alt text as written: each word keeps its place
            extend_source(end, start)
            close_segment()
        elif kind == HTML:
            close_segment()
            open_segment(_HTML, None, start)
            add_contiguous(value, start)
            close_segment()
            html.append(Html(value, start, end, True))
    close_segment()
    return "".join(parts), pieces, segments
