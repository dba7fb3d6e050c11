"""Table rows split by notelint's fast path exactly as markdown-it-py's own ``escapedSplit``."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.markdown import parser
from notelint.note import parse_note
from notelint.source import decode


def _table_module():
    parser()  # (sets the fast path up)
    return sys.modules["markdown_it.rules_block.table"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="|\\ab `*-:\t", max_size=40))
def test_rows_split_as_the_library_splits_them(row: str) -> None:
    module = _table_module()
    assert module.escapedSplit(row) == module._notelint_library_split(row)


def test_fast_path_is_installed_once() -> None:
    module = _table_module()
    parser.cache_clear()
    try:
        parser()
        assert module._notelint_library_split.__module__ == "markdown_it.rules_block.table"
    finally:
        parser.cache_clear()
        parser()


def test_cells_with_escaped_and_plain_pipes() -> None:
    text = "| a | b |\n|---|---|\n| x \\| y | z |\n| p | q |\n"
    note = parse_note(decode("t.md", text.encode()))
    cells = [(block.text, block.line, note.position(block.src_start)) for block in note.blocks]
    assert cells == [
        ("a", 1, (1, 3)),
        ("b", 1, (1, 7)),
        ("x | y", 3, (3, 3)),
        ("z", 3, (3, 12)),
        ("p", 4, (4, 3)),
        ("q", 4, (4, 7)),
    ]
