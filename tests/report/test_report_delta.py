"""Deltas: findings matched by rule and claim text, never by line number."""

from __future__ import annotations

import pytest
from tests.report.report_builders import baseline_of, linted, note

from notelint.report import BaselineError, read_baseline
from notelint.report.delta import compare

BEFORE = """
    ---
    title: AWS Data Pipeline
    reviewed: 2025-06-01
    ---
    ## Orchestration

    * Data Pipeline creates resources (EC2 or EMR in your own account.
    * Glue runs Spark jobs without servers to manage.

    ## Storage

    * S3 stores objects in buckets and keeps them.
    """


def delta_between(before: str, after: str, tmp_path, *, before_path="notes/pipeline.md", after_path="notes/pipeline.md"):
    previous = linted(note(before, before_path))
    current = linted(note(after, after_path))
    return compare(current, baseline_of(previous, tmp_path))


def statuses(report) -> list[tuple[str, int, str | None]]:
    return [(f.code, f.place.line, f.status) for f in report.findings]


def test_same_notes_nothing_changed(tmp_path):
    current = delta_between(BEFORE, BEFORE, tmp_path)
    assert (current.delta.new, current.delta.unchanged, current.delta.fixed) == (0, 1, ())
    assert statuses(current) == [("NL116", 7, "unchanged")]


def test_moving_a_paragraph_is_not_a_change(tmp_path):
    moved = """
        ---
        title: AWS Data Pipeline
        reviewed: 2025-06-01
        ---
        ## Storage

        * S3 stores objects in buckets and keeps them.

        ## Orchestration

        * Glue runs Spark jobs without servers to manage.
        * Data Pipeline creates resources (EC2 or EMR in your own account.
        """
    current = delta_between(BEFORE, moved, tmp_path)
    assert statuses(current) == [("NL116", 12, "unchanged")]
    assert (current.delta.new, current.delta.unchanged, current.delta.fixed) == (0, 1, ())


def test_rewrapping_a_claim_is_not_a_change(tmp_path):
    rewrapped = BEFORE.replace("(EC2 or EMR in your", "(EC2 or EMR\n      in   your")
    current = delta_between(BEFORE, rewrapped, tmp_path)
    assert statuses(current) == [("NL116", 7, "unchanged")]


def test_editing_a_claim_is_fixed_plus_new(tmp_path):
    edited = BEFORE.replace("(EC2 or EMR in your own", "(EC2 or EMR in the customer's")
    current = delta_between(BEFORE, edited, tmp_path)
    assert statuses(current) == [("NL116", 7, "new")]
    (fixed,) = current.delta.fixed
    assert (fixed.code, fixed.status, fixed.place.line) == ("NL116", "fixed", 7)
    assert fixed.excerpt.text == "Data Pipeline creates resources (EC2 or EMR in your own account."
    assert current.delta.new == 1 and current.delta.unchanged == 0


def test_fixing_a_finding(tmp_path):
    fixed_note = BEFORE.replace("(EC2 or EMR in", "(EC2 or EMR) in")
    current = delta_between(BEFORE, fixed_note, tmp_path)
    assert current.findings == ()
    assert [(f.code, f.status) for f in current.delta.fixed] == [("NL116", "fixed")]


def test_equal_findings_are_matched_one_for_one(tmp_path):
    claim = "* S3 stores objects in buckets and keeps them.\n"
    three = "---\ntitle: S3\nreviewed: 2025-06-01\n---\n" + claim * 3
    two = "---\ntitle: S3\nreviewed: 2025-06-01\n---\n" + claim * 2
    current = delta_between(three, two, tmp_path)
    assert statuses(current) == [("NL113", 6, "unchanged")]
    assert [(f.code, f.place.line) for f in current.delta.fixed] == [("NL113", 7)]


def test_a_renamed_note_is_a_change(tmp_path):
    current = delta_between(BEFORE, BEFORE, tmp_path, after_path="notes/data-pipeline.md")
    assert statuses(current) == [("NL116", 7, "new")]
    assert [f.place.path for f in current.delta.fixed] == ["notes/pipeline.md"]


def test_baseline_keeps_what_the_previous_report_was_made_with(tmp_path):
    current = delta_between(BEFORE, BEFORE, tmp_path)
    assert current.delta.baseline.to_dict() == {
        "as_of": "2026-11-25",
        "botocore_version": current.botocore_version,
        "notelint_version": current.notelint_version,
        "generated_at": None,
    }
    assert current.no_delta_reason is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no previous report"),
        (b"", "the previous report is not valid JSON (Expecting value at line 1)"),
        (b'{"findings": [', "the previous report is not valid JSON (Expecting value at line 1)"),
        (b"\xff\xfe", "the previous report is not UTF-8 text"),
        (b"[1, 2]", "the previous file is not a notelint report.json"),
        (b'{"schema_version": 2, "findings": []}', "the previous report has schema version 2; this notelint reads version 1"),
        (b'{"schema_version": 1}', "the previous report is damaged: a finding lacks a field or has a wrong type"),
        (b'{"schema_version": 1, "findings": [{"code": "NL101"}]}',
         "the previous report is damaged: a finding lacks a field or has a wrong type"),
        (b'{"schema_version": 1, "findings": [7]}',
         "the previous report is damaged: a finding lacks a field or has a wrong type"),
    ],
)
def test_unusable_previous_report(tmp_path, content, reason):
    path = tmp_path / "report.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(BaselineError) as raised:
        read_baseline(path)
    assert raised.value.reason == reason


def test_previous_report_that_is_a_folder(tmp_path):
    with pytest.raises(BaselineError) as raised:
        read_baseline(tmp_path)
    assert raised.value.reason == "the previous report cannot be read (Is a directory)"
