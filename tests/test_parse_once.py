"""The parser's shortcuts (issue 19, speed): a block whose source repeats one earlier in the
document is read once, and linkify's test skips text that cannot hold a link.  Neither may change
what a note's blocks say or where their pieces are: 1-based (line, column) pairs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notelint import markdown
from notelint.markdown import linkify
from notelint.note import BlockKind, Kind, parse_note
from notelint.source import decode


def parse(text: str):
    return parse_note(decode("n.md", text.encode("utf-8")))


def segments(note, block) -> list[tuple]:
    return [
        (s.kind, text, note.position(s.src_start), note.position(s.src_end), s.href)
        for s, text in block.iter_segments()
    ]


# -- an inline source repeated in one document ------------------------------------------------------------------------
TABLE = "| a | b |\n|---|---|\n| Yes | Yes |\n| No | Yes |\n"


def test_repeated_cells_each_keep_their_own_place():
    note = parse(TABLE)
    cells = [block for block in note.blocks if block.kind is BlockKind.CELL and block.row]
    assert [(block.text, block.row, note.position(block.span(0, 3)[0])) for block in cells] == [
        ("Yes", 1, (3, 3)),
        ("Yes", 1, (3, 9)),
        ("No", 2, (4, 3)),
        ("Yes", 2, (4, 8)),
    ]
    assert [note.position(cells[3].span(index, index + 1)[0]) for index in range(3)] == [(4, 8), (4, 9), (4, 10)]


def test_a_repeated_source_is_read_once_per_document():
    note = parse(TABLE)
    yes = [block for block in note.blocks if block.text == "Yes"]
    assert len(yes) == 3
    assert yes[1].text is yes[0].text  # the walk made once ...
    assert yes[1]._pieces is not yes[0]._pieces and yes[1]._pieces[0][1] != yes[0]._pieces[0][1]  # ... moved to each place


def test_repeated_links_and_code_keep_their_own_place():
    note = parse("See [`x`](https://a.example.com) here.\n\nSee [`x`](https://a.example.com) here.\n")
    first, second = note.blocks
    for block, line in ((first, 1), (second, 3)):
        assert segments(note, block) == [
            (Kind.PROSE, "See ", (line, 1), (line, 5), None),
            (Kind.CODE, "x", (line, 6), (line, 9), None),  # (a link holding only code: its text is code)
            (Kind.PROSE, " here.", (line, 33), (line, 39), None),
        ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("[x] and [x]\n\n[x]: https://a.example.com\n", "[x] and [x]\n"),
        ("[x] and [x]\n", "[x] and [x]\n\n[x]: https://a.example.com\n"),
    ],
)
def test_link_references_of_one_document_do_not_reach_another(first, second):
    kinds = []
    for text in (first, second):
        note = parse(text)
        kinds.append([(s.kind, block.text[s.start : s.end]) for block in note.blocks for s in block.segments])
    linked = [(Kind.LINK, "x"), (Kind.PROSE, " and "), (Kind.LINK, "x")]
    plain = [(Kind.PROSE, "[x] and [x]")]
    assert kinds == ([linked, plain] if "]:" in first else [plain, linked])


# -- linkify's test ---------------------------------------------------------------------------------------------------
def test_links_without_a_scheme_are_still_found_beside_a_scheme_link():
    note = parse("See https://a.example.com and //example.com, or mail x@example.com.\n")
    (block,) = note.blocks
    assert [(kind, text, start, href) for kind, text, start, _end, href in segments(note, block)] == [
        (Kind.PROSE, "See ", (1, 1), None),
        (Kind.URL, "https://a.example.com", (1, 5), "https://a.example.com"),
        (Kind.PROSE, " and ", (1, 26), None),
        (Kind.URL, "//example.com", (1, 31), "//example.com"),
        (Kind.PROSE, ", or mail ", (1, 44), None),
        (Kind.URL, "x@example.com", (1, 54), "mailto:x@example.com"),
        (Kind.PROSE, ".", (1, 67), None),
    ]


def test_an_email_alone_is_a_link():
    note = parse("Mail x@example.com today.\n")
    assert segments(note, note.blocks[0])[1] == (Kind.URL, "x@example.com", (1, 6), (1, 19), "mailto:x@example.com")


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "a: b",
        "http:",
        "mailto:nobody",
        "Mailto:a@b.example.com",
        "x@example.com",
        "192.168.1.1@gmail.com",
        "//example.com",
        "see //localhost:8080/x",
        "http://a.example.com",
        "FTP://files.example.org/x",
        "https:/one-slash.example.com",
        "s3://bucket/key",
        "a/b//c",
        "@user",
        "",
    ],
)
def test_linkify_test_answers_as_linkify_it_does(text):
    from linkify_it import LinkifyIt

    reference = LinkifyIt().set({"fuzzy_link": False, "fuzzy_email": True})
    assert linkify().test(text) == reference.test(text)


def test_a_repeated_source_after_trimmed_white_space_keeps_its_own_place():
    # The third paragraph (a lazy line after a list item of no-break spaces) starts where its text is
    # written, after the tab of line 5 (markdown-it-py's builder mapped it from line 4, the item's line,
    # and clamped its last places to line 5's end); the walk made for lines 1 and 3 moves there whole.
    note = parse("//h.com //h.com\n\n//h.com //h.com\n* \u00a0\u00a0\n\t//h.com //h.com\u00a0")
    assert [
        (segments(note, block), [note.position(block.span(i, i + 1)[0]) for i in (0, 13, 14)])
        for block in note.blocks
    ] == [
        ([(Kind.PROSE, "//h.com //h.com", (1, 1), (1, 16), None)], [(1, 1), (1, 14), (1, 15)]),
        ([(Kind.PROSE, "//h.com //h.com", (3, 1), (3, 16), None)], [(3, 1), (3, 14), (3, 15)]),
        ([(Kind.PROSE, "//h.com //h.com", (5, 2), (5, 17), None)], [(5, 2), (5, 15), (5, 16)]),
    ]
    assert note.position(note.blocks[2].span(0, 15)[1]) == (5, 17)


# -- a plain URL is its own href and shown text; byte offsets by a bisect; code lines as written --------------------
PLAIN_URLS = [
    "https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html#anchor",
    "sagemaker-roles.md",
    "#section",
    "../img/a_b.png",
    "?q=1&r=(2)",
    "s3://bucket/key",
    "",
]
OTHER_URLS = [
    "https://xn--bcher-kva.example/x",  # a punycoded label is shown decoded
    "https://bücher.example/x",
    "HTTPS://Example.com/A",
    "https://example.com:8080/x",
    "https://a.example.com/%7Efoo",
    "https://a.example.com/it's",
    "https://" + "a" * 64 + ".com/",  # a label longer than a host's may be
    "https://" + "a." * 130 + "com",  # a host longer than 255 characters
    "mailto:a@b.example.com",
    "//host/path",
    "https://a..b/x",
    "https://user@host.com/x",
    "https://host.com/a b",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("url", PLAIN_URLS + OTHER_URLS)
def test_a_url_normalises_as_mdurl_normalises_it(url):
    assert markdown.normalize_link(url) == markdown._normalize_link(url)
    assert markdown.normalize_link_text(url) == markdown._normalize_link_text(url)
    assert bool(markdown._PLAIN_URL.fullmatch(url) and len(url) <= 255) == (url in PLAIN_URLS)


URL_CHARS = st.sampled_from(list("aZ09-._~!$&()*+,;=:@/?#%'\\ [") + ["https://", "xn--", "é", ":80"])


@settings(max_examples=300, deadline=None)
@given(st.lists(URL_CHARS, max_size=20).map("".join))
def test_any_url_normalises_as_mdurl_normalises_it(url):
    assert markdown.normalize_link(url) == markdown._normalize_link(url)
    assert markdown.normalize_link_text(url) == markdown._normalize_link_text(url)


MARKDOWN_CHARS = st.sampled_from(list("ab *_`\n\\[]()|-#>&;") + ["é", "日", "🙂", "\u00a0", "| a |\n|---|\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_CHARS, max_size=40).map("".join), st.integers(0, 5))
def test_event_offsets_are_the_characters_before_each_byte_offset(text, offset):
    import pyromark

    raw = text.encode("utf-8")
    expected = [
        (event, len(raw[: span["start"]].decode("utf-8", "ignore")) + offset,
         len(raw[: span["end"]].decode("utf-8", "ignore")) + offset)
        for event, span in pyromark.events_with_range(text, options=pyromark.Options.ENABLE_TABLES)
    ]
    assert list(markdown.events(text, offset)) == expected


def test_code_lines_start_where_written_or_past_their_containers_markers():
    note = parse("```\nx = 1\n\n  y\t\n```\n\n- item\n\n  ```\n  z\n   w\n  ```\n\n> ```\n> q\n>\n> ```\n\n    indented\n      more\n")
    assert [
        (code.text, [note.position(code.span(i, i + 1)[0]) for i in range(len(code.text)) if i == 0 or code.text[i - 1] == "\n"])
        for code in note.code_blocks
    ] == [
        ("x = 1\n\n  y\t\n", [(2, 1), (3, 1), (4, 1)]),
        ("z\n w\n", [(10, 3), (11, 3)]),
        ("q\n\n", [(15, 3), (16, 2)]),
        ("indented\n  more\n", [(19, 5), (20, 5)]),
    ]


def test_a_heading_and_a_paragraph_of_one_source_each_keep_their_kind_and_place():
    note = parse("# Limits `x`\n\nLimits `x`\n\n| Limits `x` |\n|---|\n")
    assert [(block.kind, segments(note, block)) for block in note.blocks] == [
        (BlockKind.HEADING, [(Kind.PROSE, "Limits ", (1, 3), (1, 10), None), (Kind.CODE, "x", (1, 10), (1, 13), None)]),
        (BlockKind.PARAGRAPH, [(Kind.PROSE, "Limits ", (3, 1), (3, 8), None), (Kind.CODE, "x", (3, 8), (3, 11), None)]),
        (BlockKind.CELL, [(Kind.PROSE, "Limits ", (5, 3), (5, 10), None), (Kind.CODE, "x", (5, 10), (5, 13), None)]),
    ]
