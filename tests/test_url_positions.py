"""A URL keeps its place when the parser rewrites its text.

markdown-it shows a URL's text decoded (``%20`` as a space, ``%7E`` as ``~``, a
punycode host in its own script), so that text cannot be found in the source as
written.  A bare URL (linkify) was then given a range of one character, its
first, and a finding on it a one-character caret; an ``<autolink>``'s text the
same, inside a segment that did span it.  Each now spans the URL as written.
"""

from __future__ import annotations

from datetime import date

from notelint.note import Kind, parse_note
from notelint.source import decode
from tests.helpers import FRONT, found

FRONT_LINES = 3  # the note body starts on line 4


def parse(body: str, crlf: bool = False):
    text = "---\ntitle: T\n---\n" + body
    return parse_note(decode("n.md", (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")))


def urls(note):
    """(visible text, segment's source range, the text's range by span()) of every URL, as (line, column) pairs."""
    out = []
    for block in note.blocks:
        for segment, text in block.iter_segments(Kind.URL):
            start, end = block.span(segment.start, segment.end)
            out.append((text, (*note.position(segment.src_start), *note.position(segment.src_end)),
                        (*note.position(start), *note.position(end))))
    return out


def test_a_bare_url_with_percent_escapes_spans_the_url_as_written():
    note = parse("see https://example.com/a%20b, then https://example.com/c ok\n")
    assert urls(note) == [
        ("https://example.com/a b", (4, 5, 4, 30), (4, 5, 4, 30)),  # 25 characters as written, 23 shown
        ("https://example.com/c", (4, 37, 4, 58), (4, 37, 4, 58)),
    ]
    (block,) = note.blocks
    assert block.text == "see https://example.com/a b, then https://example.com/c ok"
    # the text after it keeps its place, and a word inside the rewritten URL is the whole URL (one unit)
    assert note.position(block.span(block.text.index("then"), block.text.index("then") + 4)[0]) == (4, 32)
    assert [note.position(p) for p in block.span(24, 25)] == [(4, 5), (4, 30)]


def test_a_bare_url_with_a_punycode_host_after_non_ascii_text_and_crlf():
    for crlf in (False, True):
        note = parse("* é日 https://xn--e1afmkfd.xn--p1ai/%7Ex ok\n", crlf)
        assert urls(note) == [("https://пример.рф/~x", (4, 6, 4, 40), (4, 6, 4, 40))], crlf
        (block,) = note.blocks
        ok = block.text.index("ok")
        assert [note.position(p) for p in block.span(ok, ok + 2)] == [(4, 41), (4, 43)], crlf


def test_a_rewritten_bare_url_inside_emphasis_starts_after_the_markers():
    note = parse("a **https://example.com/%7E** b *https://example.com/x* c\n")
    assert urls(note) == [
        ("https://example.com/~", (4, 5, 4, 28), (4, 5, 4, 28)),
        ("https://example.com/x", (4, 34, 4, 55), (4, 34, 4, 55)),  # (written as is: found as before)
    ]


def test_text_after_a_rewritten_bare_url_is_found_after_it_and_emphasis_stars_are_not_url():
    note = parse("*https://a.example/%7E* x https://a.example/b%20c.\n")
    (block,) = note.blocks
    assert block.text == "https://a.example/~ x https://a.example/b c."
    assert urls(note) == [
        ("https://a.example/~", (4, 2, 4, 23), (4, 2, 4, 23)),  # the closing "*" is emphasis, not the URL's
        ("https://a.example/b c", (4, 27, 4, 50), (4, 27, 4, 50)),
    ]
    end = len(block.text)
    assert [note.position(p) for p in block.span(end - 1, end)] == [(4, 50), (4, 51)]  # not the "." of "a.example"


def test_bare_urls_on_two_lines_of_a_paragraph():
    note = parse("a https://example.com/x%41\nhttps://b.example/%7E z\n")
    assert urls(note) == [
        ("https://example.com/xA", (4, 3, 4, 27), (4, 3, 4, 27)),
        ("https://b.example/~", (5, 1, 5, 22), (5, 1, 5, 22)),
    ]
    (block,) = note.blocks
    assert [note.position(p) for p in block.span(len(block.text) - 1, len(block.text))] == [(5, 23), (5, 24)]


def test_an_autolink_with_a_rewritten_text_maps_it_inside_the_brackets():
    note = parse("see *<https://example.com/%7Efoo>* and <https://example.com/a> ok\n")
    assert urls(note) == [
        ("https://example.com/~foo", (4, 6, 4, 34), (4, 7, 4, 33)),  # the segment holds the brackets
        ("https://example.com/a", (4, 40, 4, 63), (4, 41, 4, 62)),
    ]


def test_a_url_written_as_link_text_is_text_not_rewritten():
    note = parse("[https://example.com/%7E](https://x.example) https://example.com/%7E\n")
    (block,) = note.blocks
    assert [(s.kind, t, where) for s, t in block.iter_segments()
            for where in [(*note.position(s.src_start), *note.position(s.src_end))]] == [
        (Kind.LINK, "https://example.com/%7E", (4, 1, 4, 45)),
        (Kind.PROSE, " ", (4, 45, 4, 46)),
        (Kind.URL, "https://example.com/~", (4, 46, 4, 69)),
    ]


# -- as a rule sees it: a finding on a bare URL spans the URL ------------------------------------------------------


def test_an_exam_link_finding_on_a_bare_url_with_percent_escapes_spans_the_url():
    url = "https://d1.awsstatic.com/training/AWS%20Certified%20Data%20Analytics%20Specialty%20Exam%20Guide.pdf"
    line = FRONT.count("\n") + 1
    assert found(FRONT + f"* DA exam guide {url}\n", "NL502", as_of=date(2026, 12, 2)) == [
        ("NL502", line, 17, line, 17 + len(url))]
    # and the same address written without escapes, for comparison
    plain = "https://d1.awsstatic.com/training/AWS-Certified-Data-Analytics-Specialty-Exam-Guide.pdf"
    assert found(FRONT + f"* DA exam guide {plain}\n", "NL502", as_of=date(2026, 12, 2)) == [
        ("NL502", line, 17, line, 17 + len(plain))]
