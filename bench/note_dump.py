"""One hash per note of everything the parsed ``Note`` says, to show that a change to the
parser or the note builder changes nothing.

    .venv/bin/python bench/note_dump.py --spans ../shared/corpora tests/fixtures notes > before.txt
    (change the builder, or run another checkout's Python)
    .venv/bin/python bench/note_dump.py --spans ../shared/corpora tests/fixtures notes > after.txt
    cmp before.txt after.txt

A line per ``*.md`` file: its path and the SHA-256 of a canonical JSON form of its Note:
front matter, every block (kind, visible text, segments, heading path, lines, level, list
item, quote depth, table row, piece map), every list item, claim, code block (with its line
map) and piece of HTML, the unclosed front matter flag and the lines skipped as too deeply
nested.  ``--spans`` adds ``block.span(i, i + 1)`` for every index of every block's text and
the whole block's span (slower: ~30 s for the corpora), which catches a change in ``span``
itself.  ``--json`` prints the canonical form instead of its hash, to see what differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from notelint.note import Block, Note, parse_note
from notelint.source import SourceError, decode


def _block(block: Block, items: dict[int, int]) -> list[Any]:
    return [
        block.kind.value,
        block.text,
        [[s.kind.value, s.start, s.end, s.src_start, s.src_end, s.href] for s in block.segments],
        list(block.heading_path),
        block.line,
        block.end_line,
        block.level,
        items.get(id(block.item)),
        block.quote_depth,
        block.row,
        [list(piece) for piece in block._pieces],
        block._piece_starts,
    ]


def canonical(note: Note, spans: bool = False) -> dict[str, Any]:
    """Everything the note says, as plain data (list items and blocks referred to by index)."""
    items = {id(item): index for index, item in enumerate(note.items)}
    blocks = {id(block): index for index, block in enumerate(note.blocks)}
    form: dict[str, Any] = {
        "front_matter": None if note.front_matter is None else repr(note.front_matter),
        "blocks": [_block(block, items) for block in note.blocks],
        "items": [
            [item.marker, item.start, item.marker_end, item.line, item.end_line, item.depth, items.get(id(item.parent)),
             list(item.heading_path), [blocks[id(b)] for b in item.blocks], [items[id(c)] for c in item.children],
             item.has_content]
            for item in note.items
        ],
        "claims": [
            [claim.kind.value, [blocks[id(b)] for b in claim.blocks], list(claim.heading_path),
             items.get(id(claim.item))]
            for claim in note.claims
        ],
        "code": [
            [code.kind.value, code.info, code.text, code.line, code.end_line, list(code.heading_path),
             code._line_offsets, code._line_starts]
            for code in note.code_blocks
        ],
        "html": [[html.text, html.start, html.end, html.inline] for html in note.html],
        "unclosed_front_matter": note.unclosed_front_matter,
        "too_deep": [list(lines) for lines in note.too_deep],
    }
    if spans:
        form["spans"] = [
            [list(block.span(i, i + 1)) for i in range(len(block.text) + 1)] + [list(block.span(0, len(block.text)))]
            for block in note.blocks
        ]
    return form


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="folders (every *.md below them) or files")
    parser.add_argument("--spans", action="store_true", help="include the span of every index")
    parser.add_argument("--json", action="store_true", help="print the canonical form, not its hash")
    args = parser.parse_args(argv)
    files: list[Path] = []
    for path in map(Path, args.paths):
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    for path in files:
        try:
            source = decode(str(path), path.read_bytes())
        except SourceError:
            continue
        text = json.dumps(canonical(parse_note(source), args.spans), sort_keys=True, default=repr)
        print(path, text if args.json else hashlib.sha256(text.encode("utf-8")).hexdigest())
    return 0


if __name__ == "__main__":
    sys.exit(main())
