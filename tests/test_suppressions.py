"""Inline suppression comments, front matter ignores and per-file-ignores."""

from tests.helpers import found, lint, note

BODY = "* one\n*\n"  # an empty list item (NL112) on line 6


def test_disable_next_line():
    assert found(note(BODY), "NL112") == [("NL112", 6, 1, 6, 2)]
    assert found(note("* one\n<!-- notelint-disable-next-line NL112 -->\n*\n"), "NL112") == []
    assert found(note("* one\n<!-- notelint-disable-next-line NL2, NL3 -->\n*\n"), "NL112") == [("NL112", 7, 1, 7, 2)]
    assert found(note("* one\n<!-- notelint-disable-next-line -->\n*\n"), "NL112") == []


def test_disable_enable_ranges_with_prefixes():
    text = note("<!-- notelint-disable NL1 -->\n\n* a\n*\n\n<!-- notelint-enable -->\n\n* b\n*\n")
    assert found(text, "NL112") == [("NL112", 13, 1, 13, 2)]
    unclosed = note("<!-- notelint-disable NL11 -->\n\n* a\n*\n")
    assert found(unclosed, "NL112") == []


def test_disable_line_inline_comment():
    text = note("![](x.png) <!-- notelint-disable-line NL114 -->\n")
    assert found(text, "NL114") == []


def test_front_matter_ignore_for_whole_note():
    text = "---\ntitle: T\nreviewed: 2025-06-01\nnotelint: {ignore: [NL112]}\n---\n" + BODY
    assert found(text, "NL112") == []


def test_comments_inside_code_do_not_suppress():
    text = note("```\n<!-- notelint-disable -->\n```\n\n* a\n*\n")
    assert found(text, "NL112") == [("NL112", 10, 1, 10, 2)]


def test_invalid_directive_is_reported():
    text = note("<!-- notelint-disabel NL112 -->\n<!-- notelint-disable spelling -->\n")
    assert [(d.code, d.line, d.column, d.end_column, d.message) for d in lint(text, "NL108")] == [
        ("NL108", 5, 1, 32, "unknown directive 'notelint-disabel' (expected one of: notelint-disable-next-line, notelint-disable-line, notelint-disable, notelint-enable)"),
        ("NL108", 6, 1, 35, "'spelling' is not a rule code or prefix such as NL2 or NL201"),
    ]


def test_per_file_ignores_and_severity_overrides():
    assert found(note(BODY), "NL112", per_file_ignores={"*.md": ("NL11",)}) == []
    assert found(note(BODY), "NL112", per_file_ignores={"other.md": ("NL11",)}) == [("NL112", 6, 1, 6, 2)]
    # one meaning with exclude: a folder covers the notes below it, a bare name matches anywhere
    in_drafts = "notes/drafts/n.md"
    assert found(note(BODY), "NL112", path=in_drafts, per_file_ignores={"notes/drafts": ("NL11",)}) == []
    assert found(note(BODY), "NL112", path=in_drafts, per_file_ignores={"drafts": ("NL11",)}) == []
    assert found(note(BODY), "NL112", path=in_drafts, per_file_ignores={"notes/other": ("NL11",)}) != []
    from notelint.diagnostic import Severity

    (diagnostic,) = lint(note(BODY), "NL112", severity={"NL1": Severity.INFO, "NL112": Severity.ERROR})
    assert diagnostic.severity is Severity.ERROR
