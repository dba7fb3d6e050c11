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
from functools import lru_cache
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

if TYPE_CHECKING:
    from markdown_it.token import Token

from notelint.enums import Named
from notelint.frontmatter import FrontMatter, parse_front_matter
from notelint.markdown import TOO_DEEP, parser
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


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a block's visible text of one kind: ``block.text[start:end]``."""

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
# the block an inline token makes, by the type of the token that opens it
_INLINE_KIND = {"heading_open": BlockKind.HEADING, "th_open": BlockKind.CELL, "td_open": BlockKind.CELL}


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
        self.cell_column = 0  # where the next table cell is searched from
        # the text and start offset of every line, looked up a few times per block
        self._lines = self.text.split("\n")
        self._starts = source.line_starts()
        self._heading_path: tuple[str, ...] | None = ()  # of ``headings``; None when it changed
        # one-line inline sources seen in this note: None once, then their walk relative to the line
        self._walks: dict[str, _RelativeWalk | None] = {}

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

    def heading_path(self) -> tuple[str, ...]:
        path = self._heading_path
        if path is None:  # (made again only when a heading changed the stack: every block shares it)
            path = self._heading_path = tuple(text for _level, text in self.headings)
        return path

    # -- walk --------------------------------------------------------------------
    def build(self) -> Note:
        env: dict[str, Any] = {}
        tokens = parser().parse(self.text, env)
        unclosed = False
        if tokens and tokens[0].type == "front_matter":
            self._front_matter(tokens[0])
        elif _OPENING_FENCE.match(self.line_text(0)):
            unclosed = True
        handlers = _handlers()
        for index, token in enumerate(tokens):
            handler = handlers.get(token.type)
            if handler is not None:
                handler(self, token, tokens, index)
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
            too_deep=tuple((first + 1, end) for first, end in env.get(TOO_DEEP, ())),
        )

    def _front_matter(self, token: Token) -> None:
        first, after = token.map or (0, 1)
        start = self.line_offset(first + 1)
        end = self.line_offset(after)
        raw = token.content

        def offset(line: int, column: int) -> int:
            return min(self.line_offset(first + 1 + line) + column, len(self.text))

        self.front_matter = parse_front_matter(raw, start, end, offset)

    def _on_bullet_list_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self.list_depth += 1
        self._mark_parent_content()

    _on_ordered_list_open = _on_bullet_list_open

    def _on_bullet_list_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self.list_depth -= 1

    _on_ordered_list_close = _on_bullet_list_close

    def _on_blockquote_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self.quote_depth += 1
        self._mark_parent_content()

    def _on_blockquote_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self.quote_depth -= 1

    def _mark_parent_content(self) -> None:
        if self.item_stack:
            self.item_stack[-1].has_content = True

    def _on_list_item_open(self, token: Token, tokens: list[Token], index: int) -> None:
        first, after = token.map or (0, 1)
        parent = self.item_stack[-1] if self.item_stack else None
        marker = (token.info or "") + token.markup
        line = self.line_text(first)
        search_from = 0
        if parent is not None and parent.line == first + 1:
            search_from = parent.marker_end - self.line_offset(first)
        column = line.find(marker, search_from)
        if column < 0:
            column = len(line) - len(line.lstrip(" \t>"))
        start = self.line_offset(first) + column
        end_line = after
        # a list item's map includes trailing blank lines; do not count them
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

    def _on_list_item_close(self, token: Token, tokens: list[Token], index: int) -> None:
        item = self.item_stack.pop()
        if item.blocks:
            self.claims.append(Claim(ClaimKind.ITEM, item.blocks, item.heading_path, item))

    def _on_table_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self.row = -1
        self._mark_parent_content()

    def _on_tr_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self.row += 1
        self.cell_column = 0

    def _on_hr(self, token: Token, tokens: list[Token], index: int) -> None:
        self._mark_parent_content()

    def _on_fence(self, token: Token, tokens: list[Token], index: int) -> None:
        first, after = token.map or (0, 1)
        self._code(CodeKind.FENCE, token.info or "", token.content, first, after, first + 1)

    def _on_code_block(self, token: Token, tokens: list[Token], index: int) -> None:
        first, after = token.map or (0, 1)
        self._code(CodeKind.INDENTED, "", token.content, first, after, first)

    def _code(self, kind: CodeKind, info: str, content: str, first: int, after: int, body: int) -> None:
        self._mark_parent_content()
        lines = content.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        offsets, starts = [], []
        position = 0
        for number, line in enumerate(lines):
            starts.append(position)
            offsets.append(self._align_suffix(body + number, line))
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

    def _on_html_block(self, token: Token, tokens: list[Token], index: int) -> None:
        first, after = token.map or (0, 1)
        self._mark_parent_content()
        start = self.line_offset(first)
        line = self.line_text(first)
        start += len(line) - len(line.lstrip(" \t>"))
        self.html.append(Html(token.content.rstrip("\n"), start, self.line_offset(after), False))

    def _on_inline(self, token: Token, tokens: list[Token], index: int) -> None:
        opener = tokens[index - 1] if index else None
        kind = _INLINE_KIND.get(opener.type if opener else "", BlockKind.PARAGRAPH)
        first, after = token.map or (0, 1)
        level = int(opener.tag[1]) if kind is BlockKind.HEADING and opener is not None else 0
        aligner = _ContentMap(self, token.content, first, kind)
        text, pieces, segments = self._walk(token, aligner)
        if kind is BlockKind.HEADING:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
                self._heading_path = None
        item = self.item_stack[-1] if self.item_stack else None
        block = Block(
            kind=kind,
            text=text,
            segments=segments,
            heading_path=self.heading_path(),
            line=first + 1,
            end_line=max(after, first + 1),
            level=level,
            item=item,
            quote_depth=self.quote_depth,
            row=self.row if kind is BlockKind.CELL else None,
            _pieces=pieces,
            _piece_starts=[piece[0] for piece in pieces],
        )
        self.blocks.append(block)
        if kind is BlockKind.HEADING:
            self.headings.append((level, text.strip()))
            self._heading_path = None
            return
        if item is not None:
            item.has_content = True
            if kind is BlockKind.PARAGRAPH:
                item.blocks.append(block)
        elif kind is BlockKind.PARAGRAPH:
            self.claims.append(Claim(ClaimKind.PARAGRAPH, [block], block.heading_path))

    def _walk(
        self, token: Token, content_map: _ContentMap
    ) -> tuple[str, list[tuple[int, int, int, int]], list[Segment]]:
        """``_inline_text`` of the token, from an earlier walk of the same source when there is one.

        Table cells and captions repeat within a page ("Yes", "String"), and the walk of
        one line of inline source depends on the source alone (its tokens are a function
        of it: see ``notelint.markdown``), up to where the line sits: every position is
        the line's offset plus a place in the source, unless the content map clamps it to
        the line's ends.  The second time a source is seen it is walked relative to its
        line; from then on that walk is moved to each new place, when no place it uses
        would be clamped there (otherwise the token is walked as the first time).
        """
        content = token.content
        if not content_map.single:
            return _inline_text(token, content_map, self.html)
        if content not in self._walks:
            self._walks[content] = None
            return _inline_text(token, content_map, self.html)
        known = self._walks[content]
        if known is None:
            known = self._walks[content] = _RelativeWalk(token)
        offset = content_map.offsets[0]
        if offset + known.lowest < content_map.floors[0] or offset + known.highest > content_map.ceilings[0]:
            return _inline_text(token, content_map, self.html)
        self.html.extend(Html(html.text, html.start + offset, html.end + offset, True) for html in known.html)
        pieces = [(start, src + offset, length, atomic) for start, src, length, atomic in known.pieces]
        segments = [
            Segment(seg.kind, seg.start, seg.end, seg.src_start + offset, seg.src_end + offset, seg.href)
            for seg in known.segments
        ]
        return known.text, pieces, segments

    # -- positions ------------------------------------------------------------------
    def _align_suffix(self, line_index0: int, content_line: str) -> int:
        """Offset in note.text of ``content_line``'s first character.

        markdown-it strips block markers (``>``, list indentation) from the left
        of each line, and may turn a partly used tab into spaces; what is left is
        a suffix of the source line.
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


_Handler = Callable[[_Builder, "Token", "list[Token]", int], None]


@lru_cache(maxsize=1)
def _handlers() -> dict[str, _Handler]:
    """The builder's ``_on_<token type>`` methods by token type (looked up once, not per token)."""
    return {name[4:]: getattr(_Builder, name) for name in dir(_Builder) if name.startswith("_on_")}


class _ContentMap:
    """Maps offsets in an inline token's content to offsets in note.text."""

    def __init__(self, builder: _Builder, content: str, first: int, kind: BlockKind):
        self.starts: list[int] = []
        self.offsets: list[int] = []
        self.floors: list[int] = []
        self.ceilings: list[int] = []
        # lines whose content is not a literal copy of the source (a table cell
        # with an escaped pipe): offset of every character, listed explicitly
        self.explicit: dict[int, list[int]] = {}
        position = 0
        for number, line in enumerate(content.split("\n")):
            index0 = first + number
            self.starts.append(position)
            if kind is BlockKind.PARAGRAPH:
                offset = builder._align_suffix(index0, line)
            elif kind is BlockKind.CELL:
                offset, builder.cell_column, explicit = _align_cell(builder, index0, line, builder.cell_column)
                if explicit is not None:
                    self.explicit[number] = explicit
            else:
                offset = _align_heading(builder, index0, line)
            self.offsets.append(offset)
            floor = builder.line_offset(index0)
            self.floors.append(floor)
            self.ceilings.append(floor + len(builder.line_text(index0)))
            position += len(line) + 1
        # most inline content is one literal line: map it with one addition
        self.single = len(self.starts) == 1 and not self.explicit
        # ``at`` is ``self(index)`` as a plain function, which the inline walk calls
        # about 16 times per block: a closure for one line is a third cheaper to call
        self.at: Callable[[int], int] = self._one_line() if self.single else self.__call__

    def _one_line(self) -> Callable[[int], int]:
        offset, floor, ceiling = self.offsets[0], self.floors[0], self.ceilings[0]
        return lambda index: min(max(offset + index, floor), ceiling)

    def __call__(self, index: int) -> int:
        if self.single:
            return min(max(self.offsets[0] + index, self.floors[0]), self.ceilings[0])
        at = max(bisect_right(self.starts, index) - 1, 0)
        explicit = self.explicit.get(at)
        if explicit is not None:
            return explicit[min(max(index - self.starts[at], 0), len(explicit) - 1)]
        offset = self.offsets[at] + index - self.starts[at]
        return min(max(offset, self.floors[at]), self.ceilings[at])

    def line_of(self, index: int) -> int:
        return max(bisect_right(self.starts, index) - 1, 0)


class _RelativeWalk:
    """The walk of one line of inline source with every position relative to the
    source's start, and the lowest and highest source places it mapped."""

    def __init__(self, token: Token):
        self.lowest = self.highest = 0
        self.single = True  # (read by ``_inline_text``, as for a one-line ``_ContentMap``)
        self.html: list[Html] = []
        self.text, self.pieces, self.segments = _inline_text(token, self, self.html)  # type: ignore[arg-type]

    def at(self, index: int) -> int:
        if index < self.lowest:
            self.lowest = index
        elif index > self.highest:
            self.highest = index
        return index


def _align_heading(builder: _Builder, index0: int, line: str) -> int:
    """An ATX heading's text sits between the opening and closing ``#`` runs."""
    source_line = builder.line_text(index0)
    base = builder.line_offset(index0)
    body = line.strip(" \t")
    lead = len(line) - len(line.lstrip(" \t"))
    stripped = source_line.lstrip(" \t>")
    hashes = len(stripped) - len(stripped.lstrip("#"))
    found = source_line.find(body, len(source_line) - len(stripped) + hashes) if body else -1
    if found < 0:
        found = source_line.find(body) if body else -1
    if found < 0:
        found = len(source_line) - len(stripped)
    return base + found - lead


def _align_cell(builder: _Builder, index0: int, line: str, cursor: int) -> tuple[int, int, list[int] | None]:
    """Table cells are found left to right along the row.

    markdown-it unescapes ``\\|`` inside cells, so such a cell is not a literal
    copy of the source; its characters are then mapped one by one.
    """
    source_line = builder.line_text(index0)
    base = builder.line_offset(index0)
    body = line.strip(" \t")
    lead = len(line) - len(line.lstrip(" \t"))
    found = source_line.find(body, cursor) if body else -1
    if found >= 0:
        return base + found - lead, found + len(body), None
    escaped = body.replace("|", "\\|")
    found = source_line.find(escaped, cursor) if body else -1
    if found < 0:
        found = len(source_line) - len(source_line.lstrip(" \t>|"))
        return base + found - lead, cursor, None
    explicit = [base + found] * lead
    column = found
    for char in body:
        if char == "|" and source_line.startswith("\\|", column):
            column += 1
        explicit.append(base + column)
        column += 1
    explicit.extend([base + column] * (len(line) - len(explicit) + 1))
    return base + found - lead, found + len(escaped), explicit


def _rewritten_url(content: str, cursor: int, text: str, autolink: tuple[int, int] | None) -> tuple[int, int]:
    """Range in ``content`` of a URL whose visible ``text`` the parser rewrote, so that
    it cannot be found as written (``%20`` shown as a space, a punycode host decoded).

    An ``<autolink>``'s range is known: its text is what the brackets hold.  A bare
    URL's is not recorded (linkify is left untracked, as it runs at every ``:``): it
    starts at its scheme, which the rewriting keeps (the first one after ``cursor``:
    emphasis markers may lie between), and ends where linkify's own match ends,
    measured as the linkify rule measures it.
    """
    if autolink is not None:
        return autolink[0] + 1, autolink[1] - 1
    start = max(content.find(text[: text.find("://") + 3], cursor), cursor)  # (linkify matched at a "://")
    linkify = parser().linkify
    assert linkify is not None  # the parser made this URL with it
    match = linkify.match_at_start(content[start:])
    return start, start + (len(match.url.rstrip("*")) if match else 1)


_PROSE = Kind.PROSE  # (read once: an enum member off its class costs a look-up each time)
_BREAKS_AND_SPECIALS = frozenset({"text_special", "softbreak", "hardbreak"})


def _inline_text(
    token: Token, content_map: _ContentMap, html: list[Html]
) -> tuple[str, list[tuple[int, int, int, int]], list[Segment]]:
    """Visible text, source pieces and segments of one inline token."""
    to_file = content_map.at
    single = content_map.single
    content = token.content
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    segments: list[Segment] = []
    length = 0
    cursor = 0
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
        if seg_kind is not None and (length > seg_start or seg_kind is Kind.IMAGE):
            segments.append(Segment(seg_kind, seg_start, length, seg_src_start, seg_src_end, seg_href))
        seg_kind = None

    def add_contiguous(text: str, content_start: int) -> None:
        """Add text that appears literally at ``content_start``, split at line ends."""
        nonlocal length, seg_src_end
        if not text:
            return
        parts.append(text)
        if single:
            size = len(text)
            pieces.append((length, to_file(content_start), size, 0))
            length += size
            seg_src_end = to_file(content_start + size - 1) + 1
            return
        done = 0
        while done < len(text):
            line = content_map.line_of(content_start + done)
            if line in content_map.explicit:  # not a literal copy: map char by char
                # (each visible character is one source character: an escaped pipe's backslash is not
                # visible, and is no part of the character before it)
                pieces.append((length + done, to_file(content_start + done), 1, 0))
                done += 1
                continue
            line_end = content_map.starts[line + 1] - 1 if line + 1 < len(content_map.starts) else len(content)
            take = max(min(len(text) - done, line_end - (content_start + done)), 1)
            pieces.append((length + done, to_file(content_start + done), take, 0))
            done += take
        length += len(text)
        seg_src_end = to_file(content_start + len(text) - 1) + 1

    def add_atomic(text: str, src: tuple[int, int]) -> None:
        nonlocal length, seg_src_end
        start, end = to_file(src[0]), to_file(max(src[1] - 1, src[0])) + 1
        if text:
            parts.append(text)
            pieces.append((length, start, len(text), max(end - start, 1)))
            length += len(text)
        seg_src_end = max(seg_src_end, end)

    def extend_source(src: tuple[int, int]) -> None:
        nonlocal seg_src_end
        seg_src_end = max(seg_src_end, to_file(max(src[1] - 1, src[0])) + 1)

    for child in token.children or ():
        kind = child.type
        src = child.meta.get("src") if child.meta else None
        if kind == "text":
            text = child.content
            found = content.find(text, cursor)
            # (``current()`` and ``open_segment``'s own test written out: most runs of text
            # continue the segment before them)
            segment_kind, href = (context[-1][0], context[-1][1]) if context else (_PROSE, None)
            if found < 0:  # a URL's text as the parser rewrote it (%20 decoded, punycode): one unit, the URL
                found, end = _rewritten_url(content, cursor, text, context[-1][2] if context else None)
                open_segment(segment_kind, href, to_file(found))
                add_atomic(text, (found, end))
                cursor = end
                continue
            if seg_kind is not segment_kind or seg_href != href:
                open_segment(segment_kind, href, to_file(found))
            add_contiguous(text, found)
            cursor = found + len(text)
        elif kind in _BREAKS_AND_SPECIALS:
            visible = child.content if kind == "text_special" else "\n"
            if src is None:
                found = content.find(child.markup or "\n", cursor)
                src = (found, found + max(len(child.markup), 1)) if found >= 0 else (cursor, cursor + 1)
            segment_kind, href = (context[-1][0], context[-1][1]) if context else (_PROSE, None)
            if seg_kind is not segment_kind or seg_href != href:
                open_segment(segment_kind, href, to_file(src[0]))
            add_atomic(visible, src)
            cursor = src[1]
        elif kind == "code_inline":
            if src is None:
                src = (cursor, cursor)
            open_segment(Kind.CODE, None, to_file(src[0]))
            fence = len(child.markup)
            raw = content[src[0] + fence : src[1] - fence]
            flat = raw.replace("\n", " ")
            if flat == child.content:
                add_contiguous(child.content, src[0] + fence)
            elif flat[1:-1] == child.content:
                add_contiguous(child.content, src[0] + fence + 1)
            else:
                add_atomic(child.content, src)
            extend_source(src)
            close_segment()
            cursor = src[1]
        elif kind == "link_open":
            target = child.attrGet("href")
            segment_kind = Kind.URL if child.markup in ("autolink", "linkify") else Kind.LINK
            context.append((segment_kind, None if target is None else str(target), src))
            if src is not None and segment_kind is Kind.LINK:
                cursor = src[0] + 1  # a [link]'s text starts after "["
            # a [link] or an <autolink> starts where its recorded range does; a bare URL's
            # range is not recorded, so its segment is opened by its text (after any "**")
            if src is not None or segment_kind is Kind.LINK:
                open_segment(segment_kind, context[-1][1], to_file(src[0] if src is not None else cursor))
        elif kind == "link_close":
            if context:
                _kind, _href, open_src = context.pop()
                if open_src is not None:
                    cursor = max(cursor, open_src[1])
                    extend_source(open_src)
            close_segment()
        elif kind == "image":
            if src is None:
                src = (cursor, cursor + 1)
            close_segment()
            open_segment(Kind.IMAGE, str(child.attrGet("src") or ""), to_file(src[0]))
            alt_at = src[0] + 2  # after "!["
            if content.startswith("![", src[0]) and content.startswith(child.content, alt_at):
                add_contiguous(child.content, alt_at)  # the alt text as written: each word keeps its place
                extend_source(src)
            else:
                add_atomic(child.content, src)
            close_segment()
            cursor = src[1]
        elif kind == "html_inline":
            if src is None:
                found = content.find(child.content, cursor)
                src = (max(found, cursor), max(found, cursor) + len(child.content))
            close_segment()
            open_segment(Kind.HTML, None, to_file(src[0]))
            add_contiguous(child.content, src[0])
            close_segment()
            html.append(Html(child.content, to_file(src[0]), to_file(src[1] - 1) + 1, True))
            cursor = src[1]
    close_segment()
    return "".join(parts), pieces, segments

