"""Property-based tests: any text parses, every position lies in the file, fixes converge
and change nothing outside their spans, through the real ``check --fix`` too."""

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint import runner
from notelint.config import Config
from notelint.diagnostic import FixOut
from notelint.engine import Linter
from notelint.fixes import apply_fixes, safe_fixes
from notelint.note import parse_note
from notelint.rules import RULES
from notelint.source import SourceFile, decode

from tests.helpers import AS_OF, REPO

# Markdown's punctuation, whitespace of every kind (CRLF, tabs), non-ASCII text
# (combining marks, astral characters), and text that some rule fixes
ALPHABET = st.sampled_from(
    list("abcXYZ019 \t\n\r*-+>#`~[]()!<>&;\\|_:'\"=./")
    + ["é", "e\u0301", "日", "🙂", "\u00a0", "\ufeff", "\r\n", "\r\n\r\n", "---\n", "```\n", "* ", "1. ", "> ", "    "]
    + ["<!-- notelint-disable -->", "&amp;", "| a | b |\n|---|---|\n", "[x](y)", "![](i.png)"]
    + ["*\n", "\n\n\n", "Sagemaker ", "Dynamo DB ", "AWS S3 ", "we recieve ", "Putobject ", "Amazon Kinesis Data Analytics "]
)
MARKDOWN = st.lists(ALPHABET, max_size=80).map("".join)
FRONT = st.sampled_from(
    [
        "",
        "---\ntitle: T\nreviewed: 2025-06-01\n---\n",
        "---\r\ntitle: T\r\nreviewed: 2025-06-01\r\n---\r\n",
        "---\ntitle: [\n---\n",
        "---\n",
        "---\ntitle: !!python/object/apply:os.system [x]\nreviewed: 2025-06-01\n---\n",
    ]
)
BOM = st.sampled_from(["", "\ufeff"])

LINTER = Linter(Config(root=REPO), RULES, AS_OF)


def inside(source: SourceFile, line: int, column: int) -> bool:
    if not 1 <= line <= source.line_count:
        return False
    return 1 <= column <= len(source.line_text(line)) + 1


def span_inside(source: SourceFile, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return inside(source, *start) and inside(source, *end) and start <= end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BOM, FRONT, MARKDOWN)
def test_any_text_parses_and_positions_lie_inside_the_file(bom, front, body):
    source = decode("p.md", (bom + front + body).encode("utf-8"))
    note = parse_note(source)
    for block in note.blocks:
        for segment in block.segments:
            start, end = block.span(segment.start, segment.end)
            assert 0 <= start <= end <= len(source.norm)
    for first, last in note.too_deep:
        assert 1 <= first <= last <= source.line_count
    for diagnostic in LINTER.check_notes([note]):
        d = diagnostic
        assert span_inside(source, (d.line, d.column), (d.end_line, d.end_column)), d
        for related in d.related:
            assert related.path == "p.md"
            assert span_inside(source, (related.line, related.column), (related.end_line, related.end_column)), d
        for edit in d.fix.edits if d.fix else ():
            assert span_inside(source, (edit.line, edit.column), (edit.end_line, edit.end_column)), d


def fix_until_stable(source: SourceFile) -> str:
    text = source.text
    for _ in range(10):
        current = SourceFile("p.md", text, source.bom)
        fixed, _ = apply_fixes(current, safe_fixes(LINTER.check_notes([parse_note(current)])))
        if fixed == text:
            break
        text = fixed
    return text


def only_spans_changed(source: SourceFile, fixes: list[FixOut], after: str) -> bool:
    """Is ``after`` the original text with only the fixes' spans replaced (by anything)?"""
    before = source.text
    spans = sorted(
        (source.original_offset(source.offset(e.line, e.column)), source.original_offset(source.offset(e.end_line, e.end_column)))
        for fix in fixes
        for e in fix.edits
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return after == before
    # the text between the spans must appear in order, first and last at the ends
    gaps = [before[: merged[0][0]], *(before[a[1] : b[0]] for a, b in zip(merged, merged[1:])), before[merged[-1][1] :]]
    if not after.startswith(gaps[0]):
        return False
    position = len(gaps[0])
    for gap in gaps[1:-1]:
        found = after.find(gap, position)
        if found < 0:
            return False
        position = found + len(gap)
    return after.endswith(gaps[-1]) and len(after) - len(gaps[-1]) >= position


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BOM, FRONT, MARKDOWN)
def test_fixes_are_idempotent_and_touch_only_their_spans(bom, front, body):
    source = decode("p.md", (bom + front + body).encode("utf-8"))
    fixes = safe_fixes(LINTER.check_notes([parse_note(source)]))
    once, _applied = apply_fixes(source, fixes)
    assert only_spans_changed(source, fixes, once)
    stable = fix_until_stable(source)
    assert fix_until_stable(SourceFile("p.md", stable, source.bom)) == stable


def fix_file(path: Path) -> runner.RunResult:
    config = Config(root=path.parent)
    result, _patch = runner.check(config, RULES, runner.plan(config, [str(path)]), as_of=AS_OF, fix=True, cache=False)
    return result


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BOM, FRONT, MARKDOWN)
def test_check_fix_writes_what_fixing_in_process_gives_and_a_second_run_changes_nothing(bom, front, body):
    data = (bom + front + body).encode("utf-8")
    source = decode("p.md", data)
    expected = source.encoded(fix_until_stable(source))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.md"
        path.write_bytes(data)
        first = fix_file(path)
        assert path.read_bytes() == expected
        assert bool(first.fixed) == (expected != data)
        second = fix_file(path)
        assert path.read_bytes() == expected and second.fixed == {}
        assert os.listdir(folder) == ["p.md"]  # no temporary file left
