"""The Note model: structure, visible text and exact source positions."""

from notelint.note import Kind, parse_note
from notelint.source import decode


def parse(text: str, raw: bytes | None = None):
    return parse_note(decode("n.md", raw if raw is not None else text.encode("utf-8")))


def locate(note, needle: str, kind: Kind | None = None):
    """(line, column, end_line, end_column) of ``needle`` in the visible text of any block."""
    for block in note.blocks:
        for segment, text in block.iter_segments(*(() if kind is None else (kind,))):
            at = text.find(needle)
            if at >= 0:
                start, end = block.span(segment.start + at, segment.start + at + len(needle))
                return (*note.position(start), *note.position(end))
    raise AssertionError(f"{needle!r} not found")


FRONT = "---\ntitle: T\nreviewed: 2025-06-01\n---\n"


def test_front_matter_fields_and_positions():
    note = parse(FRONT + "# H\n")
    assert note.front_matter.data["title"] == "T"
    assert note.position(note.front_matter.fields["reviewed"].value_start) == (3, 11)
    assert locate(note, "H") == (5, 3, 5, 4)


def test_positions_with_crlf_tabs_bom_and_multibyte():
    text = FRONT + "* é日 \tword `code` after\n"
    for raw in (
        text.encode(),
        text.replace("\n", "\r\n").encode(),
        ("\ufeff" + text).encode(),
    ):
        note = parse("", raw)
        assert locate(note, "word") == (5, 7, 5, 11)
        assert locate(note, "code", Kind.CODE) == (5, 13, 5, 17)
        assert locate(note, "after") == (5, 19, 5, 24)


def test_escapes_and_entities_are_resolved_with_exact_spans():
    note = parse(FRONT + "SageMaker\\-provided create\\_connection &amp; x\n")
    block = note.blocks[0]
    assert block.text == "SageMaker-provided create_connection & x"
    assert locate(note, "SageMaker-provided") == (5, 1, 5, 20)
    assert locate(note, "create_connection") == (5, 21, 5, 39)
    assert locate(note, "&") == (5, 40, 5, 45)  # the whole entity


def test_segments_code_link_url_html_image():
    note = parse(FRONT + "See [the *docs*](https://x.example \"t\") and <https://y.example>, https://z.example/p. <b>B</b> ![alt](i.png) `c`\n")
    kinds = [(s.kind, t) for s, t in note.blocks[0].iter_segments()]
    assert kinds == [
        (Kind.PROSE, "See "),
        (Kind.LINK, "the docs"),
        (Kind.PROSE, " and "),
        (Kind.URL, "https://y.example"),
        (Kind.PROSE, ", "),
        (Kind.URL, "https://z.example/p"),
        (Kind.PROSE, ". "),
        (Kind.HTML, "<b>"),
        (Kind.PROSE, "B"),
        (Kind.HTML, "</b>"),
        (Kind.PROSE, " "),
        (Kind.IMAGE, "alt"),
        (Kind.PROSE, " "),
        (Kind.CODE, "c"),
    ]
    assert locate(note, "docs", Kind.LINK) == (5, 11, 5, 15)
    assert locate(note, "https://z.example/p", Kind.URL) == (5, 66, 5, 85)
    assert locate(note, " and ") == (5, 40, 5, 45)


def test_lists_claims_and_heading_paths():
    note = parse(FRONT + "# A\n## B\n* one\n  * two\n    continued\n*\n\nPara.\n### C\n| h | i |\n|---|---|\n| x \\| y | z |\n")
    assert [(c.kind, c.text, c.heading_path) for c in note.claims] == [
        ("item", "one", ("A", "B")),
        ("item", "two\ncontinued", ("A", "B")),
        ("paragraph", "Para.", ("A", "B")),
    ]
    assert [(i.marker, i.line, i.is_empty, i.depth) for i in note.items] == [
        ("*", 7, False, 1),
        ("*", 8, False, 2),
        ("*", 10, True, 1),
    ]
    assert locate(note, "continued") == (9, 5, 9, 14)
    cells = [b for b in note.blocks if b.kind == "cell"]
    assert [(b.text, b.row, b.heading_path) for b in cells] == [
        ("h", 0, ("A", "B", "C")),
        ("i", 0, ("A", "B", "C")),
        ("x | y", 1, ("A", "B", "C")),
        ("z", 1, ("A", "B", "C")),
    ]
    assert locate(note, "y") == (16, 8, 16, 9)  # after the escaped pipe


def test_blockquote_and_nested_list_positions():
    note = parse(FRONT + "> * quoted item\n> > deeper\n- - inner\n")
    assert locate(note, "quoted") == (5, 5, 5, 11)
    assert locate(note, "deeper") == (6, 5, 6, 11)
    assert locate(note, "inner") == (7, 5, 7, 10)
    assert [(i.line, note.position(i.start)) for i in note.items] == [(5, (5, 3)), (7, (7, 1)), (7, (7, 3))]


def test_code_blocks_map_to_source():
    note = parse(FRONT + "* item\n\n  ```python\n  s3.get_object()\n  ```\n\n      indented\n")
    fence, indented = note.code_blocks
    assert (fence.lang, fence.text, fence.line) == ("python", "s3.get_object()\n", 7)
    start, end = fence.span(3, 13)
    assert (*note.position(start), *note.position(end)) == (8, 6, 8, 16)
    assert indented.kind == "indented"


def test_unclosed_front_matter_and_yaml_errors():
    assert parse("---\ntitle: x\n# H\n").unclosed_front_matter
    bad = parse("---\ntitle: [x\n---\n")
    assert bad.front_matter.error.startswith("YAML syntax error")
    assert parse("---\n- a\n---\n").front_matter.error == "front matter must be a mapping of fields, not a YAML list"
    unsafe = parse("---\ntitle: !!python/object:os.system x\n---\n")
    assert unsafe.front_matter.data is None and "python/object" in unsafe.front_matter.error
    date = parse("---\nreviewed: 2024-13-45\n---\n")
    assert date.front_matter.error.startswith("invalid value:")
    assert date.position(date.front_matter.error_offset) == (2, 11)


def test_html_comments_are_collected_but_not_inside_code():
    note = parse(FRONT + "<!-- block -->\n\ntext <!-- inline -->\n\n```\n<!-- code -->\n```\n")
    assert [h.text for h in note.html] == ["<!-- block -->", "<!-- inline -->"]


def test_claim_at_and_block_at():
    note = parse(FRONT + "* outer\n  * inner words\n")
    offset = note.text.index("words")
    assert note.claim_at(offset).text == "inner words"
    assert note.block_at(offset).text == "inner words"
    assert note.claim_at(0) is None


def test_table_rows_carry_their_tables_header():
    note = parse(
        "| Stream | Max retention |\n| --- | --- |\n| Kinesis | 7 days |\n| SQS |  |\n\n"
        "Text between.\n\n| A | B | C |\n| - | - | - |\n| x | y | z |\n"
    )
    rows = [([c.text for c in row.cells], [h.text for h in row.header]) for row in note.table_rows]
    assert rows == [
        (["Kinesis", "7 days"], ["Stream", "Max retention"]),
        (["SQS", ""], ["Stream", "Max retention"]),
        (["x", "y", "z"], ["A", "B", "C"]),
    ]
    first = note.table_rows[0]
    assert first.header_of(1).text == "Max retention" and first.header_of(2) is None
    assert note.position(first.cells[1].span(0, 6)[0]) == (3, 13)


def test_a_note_without_tables_has_no_table_rows():
    assert parse(FRONT + "* item\n\nparagraph\n").table_rows == []
