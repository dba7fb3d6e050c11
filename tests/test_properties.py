"""Property-based tests: any text parses, every position lies in the file, fixes converge."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint.config import Config
from notelint.engine import Linter
from notelint.fixes import apply_fixes, safe_fixes
from notelint.note import parse_note
from notelint.rules import RULES
from notelint.source import SourceFile, decode

from tests.helpers import AS_OF, REPO

# Markdown's punctuation, whitespace of every kind, and some non-ASCII text
ALPHABET = st.sampled_from(list("abcXYZ019 \t\n\r*-+>#`~[]()!<>&;\\|_:'\"=./") + ["é", "日", "\u00a0", "\ufeff", "---\n", "```\n", "* ", "1. ", "<!-- notelint-disable -->", "&amp;", "| a | b |\n|---|---|\n"])
MARKDOWN = st.lists(ALPHABET, max_size=80).map("".join)
FRONT = st.sampled_from(["", "---\ntitle: T\nreviewed: 2025-06-01\n---\n", "---\ntitle: [\n---\n", "---\n"])

LINTER = Linter(Config(root=REPO), RULES, AS_OF)


def inside(source: SourceFile, line: int, column: int) -> bool:
    if not 1 <= line <= source.line_count:
        return False
    return 1 <= column <= len(source.line_text(line)) + 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRONT, MARKDOWN)
def test_any_text_parses_and_positions_lie_inside_the_file(front, body):
    source = decode("p.md", (front + body).encode("utf-8"))
    note = parse_note(source)
    for block in note.blocks:
        for segment in block.segments:
            start, end = block.span(segment.start, segment.end)
            assert 0 <= start <= end <= len(source.norm)
    for diagnostic in LINTER.check_notes([note]):
        assert inside(source, diagnostic.line, diagnostic.column), diagnostic
        assert inside(source, diagnostic.end_line, diagnostic.end_column), diagnostic
        assert (diagnostic.line, diagnostic.column) <= (diagnostic.end_line, diagnostic.end_column)


def fix_until_stable(source: SourceFile) -> str:
    text = source.text
    for _ in range(10):
        current = SourceFile("p.md", text, source.bom)
        fixed, _ = apply_fixes(current, safe_fixes(LINTER.check_notes([parse_note(current)])))
        if fixed == text:
            break
        text = fixed
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRONT, MARKDOWN)
def test_fixes_are_idempotent_and_touch_only_their_spans(front, body):
    source = decode("p.md", (front + body).encode("utf-8"))
    fixes = safe_fixes(LINTER.check_notes([parse_note(source)]))
    once, applied = apply_fixes(source, fixes)
    if applied:
        # nothing before the first edit changes
        first = min(source.original_offset(source.offset(e.line, e.column)) for fix in fixes for e in fix.edits)
        assert once[:first] == source.text[:first]
    stable = fix_until_stable(source)
    assert fix_until_stable(SourceFile("p.md", stable, source.bom)) == stable
