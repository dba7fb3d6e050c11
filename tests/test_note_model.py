"""The Note model's parts, exactly: headings and their paths, list items and
their extent, claims, code blocks, HTML blocks, segments, and the maps from
visible text back to the file (1-based line/column positions).

Through ``parse_note`` and the Note's public parts only (what rules read), so
that a rewrite of the builder keeps them.  Found unpinned by
``bench/mutation.py note`` (issue 20).
"""

from __future__ import annotations

from notelint.note import BlockKind, ClaimKind, CodeKind, Kind, parse_note
from notelint.source import decode

FRONT = "---\ntitle: T\n---\n"  # lines 1-3: a note's text starts on line 4


def parse(body: str):
    return parse_note(decode("n.md", (FRONT + body).encode("utf-8")))


def where(note, start: int, end: int) -> tuple[int, int, int, int]:
    return (*note.position(start), *note.position(end))


# -- headings ---------------------------------------------------------------------------------------
HEADINGS = "#\n\n# Title #\n\n## Sub ##  \n\n### Third\n\n## Again\n\ntext\n"


def test_headings_levels_text_and_the_path_each_block_is_under():
    note = parse(HEADINGS)
    assert [(b.kind, b.text, b.level, b.heading_path, b.line) for b in note.blocks] == [
        (BlockKind.HEADING, "", 1, (), 4),
        (BlockKind.HEADING, "Title", 1, (), 6),
        (BlockKind.HEADING, "Sub", 2, ("Title",), 8),
        (BlockKind.HEADING, "Third", 3, ("Title", "Sub"), 10),
        (BlockKind.HEADING, "Again", 2, ("Title",), 12),  # a heading of the same level replaces its sibling
        (BlockKind.PARAGRAPH, "text", 0, ("Title", "Again"), 14),
    ]
    assert [h.text for h in note.headings] == ["", "Title", "Sub", "Third", "Again"]


def test_a_heading_text_is_placed_between_its_hashes():
    note = parse(HEADINGS)
    empty, title, sub, third, _again, _text = note.blocks
    assert (empty.segments, empty.src_start, empty.src_end, empty.span(0, 0)) == ([], 0, 0, (0, 0))
    assert where(note, *title.span(0, 5)) == (6, 3, 6, 8)
    assert where(note, sub.src_start, sub.src_end) == (8, 4, 8, 7)  # closing hashes and spaces are not text
    assert where(note, *third.span(1, 3)) == (10, 6, 10, 8)


# -- list items and claims ----------------------------------------------------------------------------
ITEMS = ("1. one\n2) two\n\n   three\n\n\n- a\n  ```Python  extra\n  x = 1\n   y\n  ```\n- > quote\n"
         "- <div>x</div>\n- | a |\n  |---|\n  | b |\n-\n")


def test_list_items_markers_places_and_extent():
    note = parse(ITEMS)
    assert [(i.marker, note.position(i.start), note.position(i.marker_end), i.line, i.end_line, i.depth)
            for i in note.items] == [
        ("1.", (4, 1), (4, 3), 4, 4, 1),
        ("2)", (5, 1), (5, 3), 5, 7, 1),  # the blank lines after "three" are not the item's
        ("-", (10, 1), (10, 2), 10, 14, 1),
        ("-", (15, 1), (15, 2), 15, 15, 1),
        ("-", (16, 1), (16, 2), 16, 16, 1),
        ("-", (17, 1), (17, 2), 17, 19, 1),
        ("-", (20, 1), (20, 2), 20, 20, 1),
    ]


def test_an_item_has_content_when_anything_is_in_it():
    note = parse(ITEMS)
    # paragraphs, code, a quote, an HTML block, a table: content; a bare marker: empty
    assert [i.is_empty for i in note.items] == [False] * 6 + [True]
    assert [[b.text for b in i.blocks] for i in note.items] == [["one"], ["two", "three"], ["a"], ["quote"], [], [], []]


def test_claims_are_items_with_paragraphs_in_order_with_their_extent():
    note = parse(ITEMS + "\nafter\n")
    assert [(c.kind, c.text, where(note, c.start, c.end), c.line) for c in note.claims] == [
        (ClaimKind.ITEM, "one", (4, 4, 4, 7), 4),
        (ClaimKind.ITEM, "two\nthree", (5, 4, 7, 9), 5),
        (ClaimKind.ITEM, "a", (10, 3, 10, 4), 10),
        (ClaimKind.ITEM, "quote", (15, 5, 15, 10), 15),
        (ClaimKind.PARAGRAPH, "after", (22, 1, 22, 6), 22),
    ]
    assert note.claims[0].item is note.items[0] and note.claims[-1].item is None


def test_nested_items_know_their_parent_depth_and_children():
    note = parse("* outer\n  * inner\n    * deepest\n  * second\n* next\n")
    outer, inner, deepest, second, following = note.items
    assert [i.depth for i in note.items] == [1, 2, 3, 2, 1]
    assert (outer.parent, inner.parent, deepest.parent, second.parent, following.parent) == (
        None, outer, inner, outer, None)
    assert (outer.children, inner.children, following.children) == ([inner, second], [deepest], [])
    assert (outer.line, outer.end_line) == (4, 7)


# -- code blocks ------------------------------------------------------------------------------------------
def test_a_fence_keeps_its_info_its_language_and_maps_each_line():
    note = parse(ITEMS)
    (code,) = note.code_blocks
    assert (code.kind, code.info, code.lang, code.text, code.line, code.end_line) == (
        CodeKind.FENCE, "Python  extra", "python", "x = 1\n y\n", 11, 14)
    assert where(note, *code.span(0, 1)) == (12, 3, 12, 4)
    assert where(note, *code.span(6, 8)) == (13, 3, 13, 5)  # " y": the second line keeps its space
    assert where(note, *code.span(6, 6)) == (13, 3, 13, 3)  # empty
    assert where(note, *code.span(0, 8)) == (12, 3, 13, 5)
    assert where(note, *code.span(0, 9)) == (12, 3, 14, 1)  # through the last line break


def test_an_indented_block_and_a_fence_without_info():
    note = parse("text\n\n    indented\n    more\n\n```\nplain\n```\n")
    indented, plain = note.code_blocks
    assert (indented.kind, indented.info, indented.lang, indented.text, indented.line, indented.end_line) == (
        CodeKind.INDENTED, "", "", "indented\nmore\n", 6, 7)
    assert where(note, *indented.span(9, 13)) == (7, 5, 7, 9)
    assert (plain.kind, plain.lang, plain.text, plain.line, plain.end_line) == (CodeKind.FENCE, "", "plain\n", 9, 11)


# -- HTML --------------------------------------------------------------------------------------------------
def test_html_blocks_and_inline_html_with_their_places():
    note = parse("> <!-- quoted -->\n\ntext <b>bold</b>\n")
    assert [(h.text, where(note, h.start, h.end), h.inline) for h in note.html] == [
        ("<!-- quoted -->", (4, 3, 5, 1), False),
        ("<b>", (6, 6, 6, 9), True),
        ("</b>", (6, 13, 6, 17), True),
    ]


# -- positions of visible text ------------------------------------------------------------------------------
def test_a_span_of_a_paragraph_over_several_lines_and_backwards():
    note = parse("first line\n  second line\n")
    (block,) = note.blocks
    assert block.text == "first line\nsecond line"
    assert where(note, *block.span(6, 10)) == (4, 7, 4, 11)
    assert where(note, *block.span(11, 17)) == (5, 3, 5, 9)
    assert where(note, *block.span(6, 17)) == (4, 7, 5, 9)
    assert where(note, *block.span(6, 2)) == (4, 7, 4, 7)  # an end before the start: empty, at the start
    assert where(note, *block.span(21, 22)) == (5, 13, 5, 14)  # the last character


def test_segments_name_their_kind_text_and_source_extent():
    note = parse("a `code` [link](https://x.example/a) b\n")
    (block,) = note.blocks
    assert [(s.kind, t, where(note, s.src_start, s.src_end), s.href) for s, t in block.iter_segments()] == [
        (Kind.PROSE, "a ", (4, 1, 4, 3), None),
        (Kind.CODE, "code", (4, 3, 4, 9), None),
        (Kind.PROSE, " ", (4, 9, 4, 10), None),
        (Kind.LINK, "link", (4, 10, 4, 37), "https://x.example/a"),
        (Kind.PROSE, " b", (4, 37, 4, 39), None),
    ]
    assert [t for _s, t in block.iter_segments(Kind.CODE, Kind.LINK)] == ["code", "link"]
    assert where(note, block.src_start, block.src_end) == (4, 1, 4, 39)


def test_table_cells_are_found_left_to_right_with_rows_counted_from_the_header():
    note = parse("| a | a |\n|---|---|\n| b | a |\n")
    cells = [b for b in note.blocks if b.kind is BlockKind.CELL]
    assert [(c.text, c.row, where(note, *c.span(0, 1))) for c in cells] == [
        ("a", 0, (4, 3, 4, 4)), ("a", 0, (4, 7, 4, 8)), ("b", 1, (6, 3, 6, 4)), ("a", 1, (6, 7, 6, 8))]


# -- the note as a whole -----------------------------------------------------------------------------------------
def test_front_matter_data_with_a_default_and_derived_data_built_once():
    note = parse("text\n")
    assert (note.data("title"), note.data("missing"), note.data("missing", 7)) == ("T", None, 7)
    bare = parse_note(decode("n.md", b"text\n"))
    assert (bare.front_matter, bare.data("title", "none")) == (None, "none")
    built = []
    assert note.cached("k", lambda: built.append(1) or "v") == "v"
    assert note.cached("k", lambda: built.append(2) or "w") == "v" and built == [1]


def test_an_opening_fence_with_trailing_spaces_and_no_end_is_unclosed():
    assert parse_note(decode("n.md", b"---  \ntitle: x\n")).unclosed_front_matter
    assert not parse_note(decode("n.md", b"--- x\ntitle: x\n")).unclosed_front_matter
    assert not parse("text\n").unclosed_front_matter


def test_claim_at_and_block_at_at_the_edges_of_a_block():
    note = parse("* one\n* two\n\npara\n")
    one = note.text.index("one")
    assert note.claim_at(one).text == note.block_at(one).text == "one"
    assert note.claim_at(one + 2).text == "one"  # the last character
    assert note.block_at(one + 3) is None  # the line break after it
    assert note.claim_at(note.text.index("para") + 3).text == "para"


def test_a_fence_of_three_lines_maps_its_last_line_and_knows_its_section():
    note = parse("# H\n\n```\nl1\nl2\nl3\n```\n\n    one\n")
    fence, indented = note.code_blocks
    assert (fence.text, fence.heading_path) == ("l1\nl2\nl3\n", ("H",))
    assert where(note, *fence.span(6, 8)) == (9, 1, 9, 3)
    assert (indented.line, indented.end_line, indented.heading_path) == (12, 12, ("H",))  # one line


def test_blocks_know_how_deep_in_quotes_they_are():
    note = parse("> a\n> > b\n\nc\n")
    assert [(b.text, b.quote_depth) for b in note.blocks] == [("a", 1), ("b", 2), ("c", 0)]


def test_an_html_block_keeps_its_text_but_not_its_line_break():
    note = parse("<div>X\n\n<div>y</div>   \n")
    assert [h.text for h in note.html] == ["<div>X", "<div>y</div>   "]


def test_cells_of_a_table_without_outer_pipes_and_with_escaped_pipes():
    note = parse("a | b\n--|--\nc | dd\n")
    assert [(b.text, b.row, where(note, *b.span(0, len(b.text)))) for b in note.blocks] == [
        ("a", 0, (4, 1, 4, 2)), ("b", 0, (4, 5, 4, 6)), ("c", 1, (6, 1, 6, 2)), ("dd", 1, (6, 5, 6, 7))]
    note = parse("| a \\| b | c |\n|---|---|\n|  x  | \\|y |\n")
    assert [(b.text, b.row, where(note, *b.span(0, len(b.text)))) for b in note.blocks] == [
        ("a | b", 0, (4, 3, 4, 9)), ("c", 0, (4, 12, 4, 13)), ("x", 1, (6, 4, 6, 5)), ("|y", 1, (6, 10, 6, 12))]
    escaped = note.blocks[0]
    assert where(note, *escaped.span(2, 3)) == (4, 6, 4, 7)  # the pipe itself, after its backslash
    assert where(note, *escaped.span(4, 5)) == (4, 8, 4, 9)  # after the escape, one character each again


def test_a_paragraph_of_three_lines_maps_each():
    note = parse("one\ntwo\nthree\n")
    (block,) = note.blocks
    assert where(note, *block.span(8, 13)) == (6, 1, 6, 6)
    assert where(note, *block.span(4, 7)) == (5, 1, 5, 4)


def test_a_one_character_block_ends_after_its_character():
    note = parse("x\n\ny\n")
    x = note.text.index("x")
    assert note.block_at(x).text == note.claim_at(x).text == "x"
    assert note.block_at(x + 1) is None and note.claim_at(x + 1) is None


def test_heading_text_is_found_in_its_line_whatever_the_hashes_quotes_or_padding():
    for body, text, place in (
            ("# C# notes #\n", "C# notes", (4, 3, 4, 11)),  # a '#' inside the text is text
            ("## #1 ##\n", "#1", (4, 4, 4, 6)),
            ("> ## Quoted\n", "Quoted", (4, 6, 4, 12)),
            ("#   Spaced   \n", "Spaced", (4, 5, 4, 11)),
            (" ## x ##\n", "x", (4, 5, 4, 6)),
            ("Setext\n======\n", "Setext", (4, 1, 4, 7))):
        note = parse(body)
        (heading,) = note.blocks
        assert (heading.kind, heading.text, where(note, *heading.span(0, len(text)))) == (
            BlockKind.HEADING, text, place), body


def test_paragraph_lines_are_found_whatever_their_padding_quotes_or_tabs():
    for body, text, first, last in (
            ("text   \n", "text", (4, 1, 4, 2), (4, 4, 4, 5)),
            ("  indented para  \n", "indented para", (4, 3, 4, 4), (4, 15, 4, 16)),
            ("> quoted\nlazy line\n", "quoted\nlazy line", (4, 3, 4, 4), (5, 9, 5, 10)),
            ("* item\n\tcontinued\n", "item\ncontinued", (4, 3, 4, 4), (5, 10, 5, 11)),
            ("a\n  b  \n c\n", "a\nb\nc", (4, 1, 4, 2), (6, 2, 6, 3))):
        note = parse(body)
        block = note.blocks[0]
        assert block.text == text, body
        assert (where(note, *block.span(0, 1)), where(note, *block.span(len(text) - 1, len(text)))) == (first, last), body


def test_items_of_a_loose_list_end_before_the_blank_lines():
    note = parse("- a\n\n- b\n\n\n- c\n")
    assert [(i.line, i.end_line) for i in note.items] == [(4, 4), (6, 6), (9, 9)]


def test_a_block_knows_its_last_line_its_item_and_no_row_outside_tables():
    note = parse("* a\n  b\n\n> q\n")
    item_block, quoted = note.blocks
    assert (item_block.line, item_block.end_line, item_block.item, item_block.row) == (4, 5, note.items[0], None)
    assert (quoted.line, quoted.end_line, quoted.item, quoted.row) == (7, 7, None, None)


def test_a_row_is_searched_from_its_start_so_a_repeated_cell_is_found_in_its_place():
    note = parse("a | b\n--|--\nx | x\n| y | y |\n")
    cells = [b for b in note.blocks if b.row == 1 or b.row == 2]
    assert [(b.text, where(note, *b.span(0, 1))) for b in cells] == [
        ("x", (6, 1, 6, 2)), ("x", (6, 5, 6, 6)), ("y", (7, 3, 7, 4)), ("y", (7, 7, 7, 8))]


def test_an_empty_span_at_the_end_of_a_block_is_after_its_last_character():
    note = parse("text\n")
    (block,) = note.blocks
    assert where(note, *block.span(4, 4)) == (4, 5, 4, 5)
    other = parse("a \\* b\n")
    (escaped,) = other.blocks  # pieces: 'a ', the escape, ' b'
    assert escaped.text == "a * b"
    assert where(other, *escaped.span(5, 5)) == (4, 7, 4, 7)
    assert where(other, *escaped.span(2, 3)) == (4, 3, 4, 5)  # the escape is one unit


def test_a_code_span_over_two_lines_maps_each_piece_to_its_line():
    note = parse("a `code\nspan` b\n")
    (block,) = note.blocks
    assert block.text == "a code span b"
    assert [(s.kind, t, where(note, s.src_start, s.src_end)) for s, t in block.iter_segments()] == [
        (Kind.PROSE, "a ", (4, 1, 4, 3)), (Kind.CODE, "code span", (4, 3, 5, 6)), (Kind.PROSE, " b", (5, 6, 5, 8))]
    assert where(note, *block.span(2, 6)) == (4, 4, 4, 8)  # 'code'
    assert where(note, *block.span(7, 11)) == (5, 1, 5, 5)  # 'span'
