"""Where each piece of a note's visible text comes from, exactly, in the inputs the
common cases do not reach: escapes and entities repeated or at a block's edge,
hard breaks, padded code spans, image alt text, inline HTML, table cells with
escaped pipes or no outer pipes, headings whose text looks like their markers,
lines ending in a no-break space, blank lines inside code.

Through ``parse_note`` and the Note's public parts only (block text, segments,
``Block.span``, ``CodeBlock.span``, ``note.html``), as 1-based (line, column)
pairs, so that a rewrite of the builder keeps them (issue 20: found unpinned by
``bench/mutation.py note``).
"""

from __future__ import annotations

from notelint.note import BlockKind, Kind, parse_note
from notelint.source import decode


def parse(body: str):
    return parse_note(decode("n.md", ("---\ntitle: T\n---\n" + body).encode("utf-8")))  # the body starts on line 4


def where(note, start: int, end: int) -> tuple[int, int, int, int]:
    return (*note.position(start), *note.position(end))


def spans(note, block, *ranges: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    return [where(note, *block.span(start, end)) for start, end in ranges]


def segments(note, block) -> list[tuple]:
    return [(s.kind, text, where(note, s.src_start, s.src_end), s.href) for s, text in block.iter_segments()]


# -- escapes, entities and breaks ------------------------------------------------------------------------------------
def test_repeated_entities_and_escapes_are_each_found_in_their_place():
    note = parse("&amp; x &amp; y\n")
    (block,) = note.blocks
    assert block.text == "& x & y"
    assert spans(note, block, (0, 1), (4, 5), (2, 3), (7, 7)) == [
        (4, 1, 4, 6), (4, 9, 4, 14), (4, 7, 4, 8), (4, 16, 4, 16)]
    assert segments(note, block) == [(Kind.PROSE, "& x & y", (4, 1, 4, 16), None)]
    note = parse("\\* x \\*\n")
    (block,) = note.blocks
    assert (block.text, spans(note, block, (0, 1), (4, 5))) == ("* x *", [(4, 1, 4, 3), (4, 6, 4, 8)])


def test_text_after_an_escape_is_searched_from_the_escape_on():
    note = parse("b a \\* a\n")
    (block,) = note.blocks
    assert (block.text, spans(note, block, (6, 7))) == ("b a * a", [(4, 8, 4, 9)])


def test_an_entity_at_the_end_of_a_block_ends_the_segment_and_the_place_after_it_is_after_it():
    note = parse("a\nb &amp;\n")
    (block,) = note.blocks
    assert segments(note, block) == [(Kind.PROSE, "a\nb &", (4, 1, 5, 8), None)]
    assert spans(note, block, (4, 5), (5, 5), (4, 4)) == [(5, 3, 5, 8), (5, 8, 5, 8), (5, 3, 5, 3)]


def test_escapes_and_entities_inside_link_text_stay_in_the_link():
    note = parse("[a &amp; b\\*](u) c\n")
    (block,) = note.blocks
    assert segments(note, block) == [
        (Kind.LINK, "a & b*", (4, 1, 4, 17), "u"),
        (Kind.PROSE, " c", (4, 17, 4, 19), None),
    ]
    assert spans(note, block, (2, 3), (5, 6)) == [(4, 4, 4, 9), (4, 11, 4, 13)]


def test_an_entity_right_after_a_code_span_opens_its_own_segment_at_itself():
    note = parse("`c`&amp;\n")
    (block,) = note.blocks
    assert segments(note, block) == [(Kind.CODE, "c", (4, 1, 4, 4), None), (Kind.PROSE, "&", (4, 4, 4, 9), None)]


def test_line_breaks_map_to_the_line_end_they_stand_for():
    note = parse("a  \nb\\\nc\nd\n")  # a hard break by two spaces, one by a backslash, a soft break
    (block,) = note.blocks
    assert block.text == "a\nb\nc\nd"
    assert spans(note, block, (1, 2), (3, 4), (5, 6), (6, 7)) == [
        (4, 4, 5, 1), (5, 3, 6, 1), (6, 2, 7, 1), (7, 1, 7, 2)]


# -- code spans, links, images, inline HTML ----------------------------------------------------------------------------
def test_a_padded_code_span_maps_its_text_inside_the_padding():
    note = parse("x ` a ` y ``  `` z\n")
    (block,) = note.blocks
    assert segments(note, block) == [
        (Kind.PROSE, "x ", (4, 1, 4, 3), None),
        (Kind.CODE, "a", (4, 3, 4, 8), None),
        (Kind.PROSE, " y ", (4, 8, 4, 11), None),
        (Kind.CODE, "  ", (4, 11, 4, 17), None),  # only spaces: nothing is stripped
        (Kind.PROSE, " z", (4, 17, 4, 19), None),
    ]
    assert spans(note, block, (2, 3), (6, 8)) == [(4, 5, 4, 6), (4, 13, 4, 15)]


def test_a_link_with_no_text_makes_no_segment_and_text_after_a_link_is_found_after_it():
    note = parse("a [](https://x.example) b\n")
    (block,) = note.blocks
    assert segments(note, block) == [(Kind.PROSE, "a ", (4, 1, 4, 3), None), (Kind.PROSE, " b", (4, 24, 4, 26), None)]
    note = parse("x a [b](u) a\n")
    (block,) = note.blocks
    assert spans(note, block, (6, 7)) == [(4, 12, 4, 13)]


def test_image_alt_text_maps_word_by_word_and_text_after_an_image_is_found_after_it():
    note = parse('x a ![alt text](i.png "t") ![b](j.png) a\n')
    (block,) = note.blocks
    assert block.text == "x a alt text b a"
    assert segments(note, block) == [
        (Kind.PROSE, "x a ", (4, 1, 4, 5), None),
        (Kind.IMAGE, "alt text", (4, 5, 4, 27), "i.png"),
        (Kind.PROSE, " ", (4, 27, 4, 28), None),
        (Kind.IMAGE, "b", (4, 28, 4, 39), "j.png"),
        (Kind.PROSE, " a", (4, 39, 4, 41), None),
    ]
    assert spans(note, block, (8, 12), (13, 14), (15, 16)) == [(4, 11, 4, 15), (4, 30, 4, 31), (4, 40, 4, 41)]


def test_an_image_without_alt_text_is_a_segment_and_knows_its_source():
    note = parse("see ![](pic.png) here\n")
    (block,) = note.blocks
    assert segments(note, block) == [
        (Kind.PROSE, "see ", (4, 1, 4, 5), None),
        (Kind.IMAGE, "", (4, 5, 4, 17), "pic.png"),
        (Kind.PROSE, " here", (4, 17, 4, 22), None),
    ]


def test_repeated_inline_html_tags_are_each_found_in_their_place():
    note = parse("x a <b>y</b> <b>z</b> a\n")
    (block,) = note.blocks
    assert [(h.text, where(note, h.start, h.end)) for h in note.html] == [
        ("<b>", (4, 5, 4, 8)), ("</b>", (4, 9, 4, 13)), ("<b>", (4, 14, 4, 17)), ("</b>", (4, 18, 4, 22))]
    assert [(t, w) for kind, t, w, _href in segments(note, block) if kind is Kind.HTML] == [
        ("<b>", (4, 5, 4, 8)), ("</b>", (4, 9, 4, 13)), ("<b>", (4, 14, 4, 17)), ("</b>", (4, 18, 4, 22))]
    assert spans(note, block, (4, 7), (22, 23)) == [(4, 5, 4, 8), (4, 23, 4, 24)]


# -- table cells ---------------------------------------------------------------------------------------------------------
def cells(note):
    return [b for b in note.blocks if b.kind is BlockKind.CELL]


def test_each_character_of_a_cell_with_an_escaped_pipe_is_its_own_source_character():
    note = parse("| a\\|b | c |\n|---|---|\n| x | y |\n")
    escaped = cells(note)[0]
    assert escaped.text == "a|b"
    # the backslash is no part of the "a" before it; the place after the cell is after its "b"
    assert spans(note, escaped, (0, 1), (1, 2), (2, 3), (3, 3), (0, 3)) == [
        (4, 3, 4, 4), (4, 5, 4, 6), (4, 6, 4, 7), (4, 7, 4, 7), (4, 3, 4, 7)]


def test_a_cell_with_an_escaped_pipe_in_the_first_column_of_a_table_without_outer_pipes():
    note = parse("a \\| b | c\n--|--\nd | e\n")
    first, second = cells(note)[:2]
    assert (first.text, second.text) == ("a | b", "c")
    assert spans(note, first, (0, 1), (2, 3), (4, 5), (5, 5)) == [(4, 1, 4, 2), (4, 4, 4, 5), (4, 6, 4, 7), (4, 7, 4, 7)]
    assert spans(note, second, (0, 1)) == [(4, 10, 4, 11)]


def test_a_repeated_cell_with_an_escaped_pipe_is_found_after_the_one_before():
    note = parse("| a \\| b | a \\| b | c |\n|---|---|---|\n")
    assert [(c.text, spans(note, c, (0, 1))) for c in cells(note)] == [
        ("a | b", [(4, 3, 4, 4)]), ("a | b", [(4, 12, 4, 13)]), ("c", [(4, 21, 4, 22)])]


def test_an_empty_cell_does_not_move_the_search_for_the_next_cell_back():
    note = parse("| x | | x |\n|---|---|---|\n| y \\| | | y \\| |\n")
    assert [(c.text, c.row, spans(note, c, (0, 1)) if c.text else c.segments) for c in cells(note)] == [
        ("x", 0, [(4, 3, 4, 4)]), ("", 0, []), ("x", 0, [(4, 9, 4, 10)]),
        ("y |", 1, [(6, 3, 6, 4)]), ("", 1, []), ("y |", 1, [(6, 12, 6, 13)])]


def test_a_cell_with_a_backslash_before_an_escaped_pipe_starts_at_its_first_character():
    # "\\|": the table takes the pipe as escaped and drops one backslash; the cell is found with it put back
    note = parse("| a \\\\| b | c |\n|---|---|\n")
    first, second = cells(note)
    assert (first.text, spans(note, first, (0, 1))) == ("a | b", [(4, 3, 4, 4)])
    assert spans(note, second, (0, 1)) == [(4, 13, 4, 14)]


def test_a_cell_whose_first_or_last_character_is_an_x_is_placed_at_it():
    note = parse("| X-ray X | Xen |\n|---|---|\n")
    assert [(c.text, spans(note, c, (0, len(c.text)))) for c in cells(note)] == [
        ("X-ray X", [(4, 3, 4, 10)]), ("Xen", [(4, 13, 4, 16)])]


# -- headings and paragraph lines ------------------------------------------------------------------------------------------
def test_a_heading_whose_text_starts_like_its_markers_is_placed_after_them():
    for body, text, place in (
            ("# # x\n", "# x", (4, 3, 4, 6)),
            ("# # #\n", "#", (4, 3, 4, 4)),  # the text '#', then the closing sequence
            ("> # # x\n", "# x", (4, 5, 4, 8)),
            ("# X-ray X\n", "X-ray X", (4, 3, 4, 10))):
        note = parse(body)
        (heading,) = note.blocks
        assert (heading.text, spans(note, heading, (0, len(text)))) == (text, [place]), body


def test_paragraph_lines_ending_in_a_no_break_space_are_placed_after_their_markers():
    # markdown-it strips the no-break space (Python's strip); the line as written still ends in it
    for body, text, place in (
            ("- b\u00a0\n", "b", (4, 3, 4, 4)),
            ("1. 1\u00a0\n", "1", (4, 4, 4, 5)),  # not the "1" of the marker
            ("a\n  b\u3000\n", "a\nb", (5, 3, 5, 4)),
            ("- 1 X\n", "1 X", (4, 3, 4, 6))):
        note = parse(body)
        block = note.blocks[0]
        assert (block.text, spans(note, block, (len(text) - 1, len(text)))[0][2:]) == (text, place[2:]), body
        last_line_start = text.rfind("\n") + 1
        assert spans(note, block, (last_line_start, len(text)))[0] == place, body


# -- code blocks -----------------------------------------------------------------------------------------------------------
def test_blank_and_whitespace_lines_inside_code_are_placed_at_their_line():
    note = parse("```\na\n   \n\nb\n```\n\n> ```\n> c\n>\n> d\n> ```\n")
    fence, quoted = note.code_blocks
    assert (fence.text, quoted.text) == ("a\n   \n\nb\n", "c\n\nd\n")
    # each line's first character (a newline for an empty line) at its own line
    assert [where(note, *fence.span(i, i + 1)) for i in (0, 2, 5, 6, 7)] == [
        (5, 1, 5, 2), (6, 1, 6, 2), (6, 4, 7, 1), (7, 1, 8, 1), (8, 1, 8, 2)]
    assert [where(note, *quoted.span(i, i + 1)) for i in (0, 2, 3)] == [(12, 3, 12, 4), (13, 2, 14, 1), (14, 3, 14, 4)]


def test_a_code_span_over_two_lines_of_a_list_item_or_a_quote_maps_each_line_past_its_markers():
    for body in ("* a `code\n  span` b\n", "> a `code\n> span` b\n"):
        note = parse(body)
        (block,) = note.blocks
        assert block.text == "a code span b", body
        assert spans(note, block, (2, 6), (6, 7), (7, 11), (12, 13)) == [
            (4, 6, 4, 10), (4, 10, 5, 1), (5, 3, 5, 7), (5, 9, 5, 10)], body


def test_an_empty_span_at_the_start_of_a_quoted_line_is_at_its_text():
    note = parse("> a\n> b\n")
    (block,) = note.blocks
    assert spans(note, block, (2, 2), (1, 2), (0, 0)) == [(5, 3, 5, 3), (4, 4, 5, 1), (4, 3, 4, 3)]


def test_the_place_after_a_fence_is_the_start_of_the_line_after_its_last_line():
    note = parse("> ```\n> a\n> b\n> ```\n\n```\ncode")  # the second fence is never closed, at the end of the file
    quoted, unclosed = note.code_blocks
    assert (quoted.text, where(note, *quoted.span(4, 4)), where(note, *quoted.span(2, 4))) == (
        "a\nb\n", (7, 1, 7, 1), (6, 3, 7, 1))
    assert (unclosed.text, unclosed.line, unclosed.end_line, where(note, *unclosed.span(0, 4))) == (
        "code", 9, 10, (10, 1, 10, 5))


def test_an_empty_code_block_has_no_place_of_its_own():
    note = parse("```\n```\n")
    (code,) = note.code_blocks
    assert (code.text, code.span(0, 0), code.span(0, 1)) == ("", (0, 0), (0, 1))


# -- the note as a whole --------------------------------------------------------------------------------------------------------
def test_the_front_matter_extent_from_after_its_opening_line_to_after_its_closing_line():
    for text, end in (("---\ntitle: T\n---\nbody\n", (4, 1)), ("---\r\ntitle: T\r\n---\r\n", (4, 1)),
                      ("---\ntitle: T\n---", (3, 4))):  # a file that is only front matter, with no last line break
        note = parse_note(decode("notes/x.md", text.encode("utf-8")))
        front = note.front_matter
        assert (note.position(front.start), note.position(front.end), front.raw) == ((2, 1), end, "title: T"), text
        assert (note.path, note.unclosed_front_matter) == ("notes/x.md", False)


def test_lines_nested_too_deeply_to_parse_are_named_one_based():
    body = "".join("  " * depth + "- x\n" for depth in range(15))
    note = parse(body)
    assert note.too_deep == ((13, 18),)
    assert parse("- x\n").too_deep == ()


def test_a_block_with_no_text_is_found_at_its_own_empty_place():
    note = parse_note(decode("n.md", b"#\n\ntext\n"))
    empty, text = note.blocks
    assert (empty.text, empty.src_start, empty.src_end) == ("", 0, 0)
    assert note.block_at(0) is empty and note.block_at(3) is text and note.block_at(1) is None


def test_a_setext_heading_over_two_lines_and_one_that_starts_with_a_hash():
    for body, text, last_word, place in (
            ("Title\n  more\n===\n", "Title\nmore", "more", (5, 3, 5, 7)),  # the second line keeps its indent out
            ("Title\n\u00a0more\n===\n", "Title\n\u00a0more", "more", (5, 2, 5, 6)),  # a no-break space is text
            ("#hashtag\n===\n", "#hashtag", "#hashtag", (4, 1, 4, 9)),  # no ATX heading: no space after '#'
            ("> #tag\n> ===\n", "#tag", "#tag", (4, 3, 4, 7))):
        note = parse(body)
        (heading,) = note.blocks
        at = text.rindex(last_word)
        assert (heading.kind, heading.text, spans(note, heading, (at, at + len(last_word)))) == (
            BlockKind.HEADING, text, [place]), body


# -- found by the third run of bench/mutation.py note ---------------------------------------------------------------------
def test_an_autolink_of_a_scheme_linkify_does_not_know_maps_its_rewritten_text_inside_the_brackets():
    note = parse("see <made+up://host/%7Ex> ok\n")
    (block,) = note.blocks
    url = block.segments[1]
    assert (url.kind, block.text[url.start:url.end], url.href) == (Kind.URL, "made+up://host/~x", "made+up://host/%7Ex")
    assert (where(note, url.src_start, url.src_end), spans(note, block, (url.start, url.end))) == (
        (4, 5, 4, 26), [(4, 6, 4, 25)])


def test_link_text_that_starts_like_the_emphasis_around_the_link_is_found_inside_it():
    note = parse("**[*](u)**\n")
    (block,) = note.blocks
    assert segments(note, block) == [(Kind.LINK, "*", (4, 3, 4, 9), "u")]
    assert spans(note, block, (0, 1)) == [(4, 4, 4, 5)]  # not the first "*" of the emphasis


def test_an_image_with_an_empty_destination_has_an_empty_address():
    note = parse("![alt]() x\n")
    (block,) = note.blocks
    assert segments(note, block)[0] == (Kind.IMAGE, "alt", (4, 1, 4, 9), "")


def test_inline_html_inside_emphasis_is_found_after_the_marker():
    note = parse("<b>x</b> *<b>y</b>*\n")
    assert [(h.text, where(note, h.start, h.end)) for h in note.html] == [
        ("<b>", (4, 1, 4, 4)), ("</b>", (4, 5, 4, 9)), ("<b>", (4, 11, 4, 14)), ("</b>", (4, 15, 4, 19))]


def test_a_code_span_over_three_quoted_lines_maps_its_middle_line():
    note = parse("> a `b\n> c\n> d` e\n")
    (block,) = note.blocks
    assert block.text == "a b c d e"
    assert spans(note, block, (2, 3), (4, 5), (6, 7), (8, 9)) == [(4, 6, 4, 7), (5, 3, 5, 4), (6, 3, 6, 4), (6, 6, 6, 7)]


def test_a_rewritten_bare_url_in_emphasis_after_a_url_of_the_same_scheme_and_an_ftp_one():
    note = parse("https://a.example/x **https://b.example/%7E**\n\n**ftp://ftp.example/%7Ea**\n")
    first, second = note.blocks
    assert [(first.text[s.start:s.end], where(note, s.src_start, s.src_end)) for s in first.segments
            if s.kind is Kind.URL] == [("https://a.example/x", (4, 1, 4, 20)), ("https://b.example/~", (4, 23, 4, 44))]
    assert [(second.text[s.start:s.end], where(note, s.src_start, s.src_end)) for s in second.segments] == [
        ("ftp://ftp.example/~a", (6, 3, 6, 25))]


def test_a_quoted_heading_whose_text_is_a_hash():
    note = parse("> # # #\n")
    (heading,) = note.blocks
    assert (heading.text, spans(note, heading, (0, 1))) == ("#", [(4, 5, 4, 6)])


def test_two_tables_apart_only_by_a_blank_line_keep_their_own_headers():
    note = parse("| A |\n|---|\n| x |\n\n| B |\n|---|\n| y |\n")
    assert [([c.text for c in row.cells], [h.text for h in row.header]) for row in note.table_rows] == [
        (["x"], ["A"]), (["y"], ["B"])]


def test_a_paragraph_line_of_only_no_break_spaces_or_only_xs_is_placed_at_its_start():
    for body, text in (("a\n\u00a0\u00a0\nb\n", "a\n\u00a0\u00a0\nb"), ("a\nXX\nb\n", "a\nXX\nb")):
        note = parse(body)
        (block,) = note.blocks
        assert (block.text, spans(note, block, (2, 3), (3, 4), (len(text) - 1, len(text)))) == (
            text, [(5, 1, 5, 2), (5, 2, 5, 3), (6, 1, 6, 2)]), body


def test_tabs_crlf_and_non_ascii_keep_each_word_in_its_column():
    for newline in ("\n", "\r\n"):
        body = "* é item\n\tcontinued &amp; x\n\n|日 \\| b | c |\n|---|---|\n"
        note = parse_note(decode("n.md", ("---\ntitle: T\n---\n" + body).replace("\n", newline).encode("utf-8")))
        item, cell, other = note.blocks[:3]
        assert item.text == "é item\ncontinued & x", newline
        assert spans(note, item, (0, 1), (2, 6), (7, 16), (17, 18), (19, 20)) == [
            (4, 3, 4, 4), (4, 5, 4, 9), (5, 2, 5, 11), (5, 12, 5, 17), (5, 18, 5, 19)], newline  # a tab is one column
        assert (cell.text, spans(note, cell, (0, 1), (2, 3), (4, 5))) == (
            "日 | b", [(7, 2, 7, 3), (7, 5, 7, 6), (7, 7, 7, 8)]), newline
        assert spans(note, other, (0, 1)) == [(7, 11, 7, 12)], newline
