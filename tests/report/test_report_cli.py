"""`notelint report` end to end: files, exit codes, determinism, deltas, failures."""

from __future__ import annotations

from notelint.rules import RULES

import json
import os
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from notelint.cli import main
from notelint.report.render_json import schema

REPO = Path(__file__).resolve().parents[2]
FRONT = "---\ntitle: {title}\nreviewed: 2025-06-01\n---\n"
PIPELINE = FRONT.format(title="Data Pipeline") + (
    "## Orchestration\n\n"
    "* Data Pipeline creates resources (EC2 or EMR in your own account.\n"
    "* Glue runs Spark jobs without servers to manage.\n"
)
S3 = FRONT.format(title="S3") + "* S3 stores objects in buckets.\n"
FILES = ("report.html", "report.md", "report.json")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A notes project: notelint.toml with paths = ["notes"] and two notes.

    Only the structure rules run, so the expected findings stay put as other
    rule families learn more about Data Pipeline or Glue."""
    (tmp_path / "notelint.toml").write_text('paths = ["notes"]\nselect = ["NL1"]\n', encoding="utf-8")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "pipeline.md").write_text(PIPELINE, encoding="utf-8")
    (notes / "s3.md").write_text(S3, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(*args: str) -> int:
    return main(["report", "--output-dir", "out", "--as-of", "2026-11-25", *args])


def written(name: str = "report.json"):
    text = (Path("out") / name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else text


def test_writes_the_three_files_and_exits_0_with_findings(project, capsys):
    assert report() == 0
    assert sorted(os.listdir("out")) == sorted(FILES)
    assert capsys.readouterr().err == (
        "notelint: note: out/report.json: no previous report; the report shows no changes\n"
        "notelint: report on 2 notes (1 finding, score 66) written to out/report.html, out/report.md, out/report.json\n"
    )
    data = written()
    assert list(Draft202012Validator(schema(), format_checker=FormatChecker()).iter_errors(data)) == []
    assert [(f["path"], f["line"], f["code"]) for f in data["findings"]] == [("notes/pipeline.md", 7, "NL116")]
    assert [(n["path"], n["claims"], n["flagged_claims"], n["score"]) for n in data["notes"]] == [
        ("notes/pipeline.md", 2, 1, 50),
        ("notes/s3.md", 1, 0, 100),
    ]


def test_same_inputs_give_byte_identical_files(project, tmp_path):
    assert report("--previous", "none.json") == 0
    first = {name: (Path("out") / name).read_bytes() for name in FILES}
    os.rename("out", "first")
    assert report("--previous", "none.json") == 0
    assert {name: (Path("out") / name).read_bytes() for name in FILES} == first


def test_regenerating_in_place_is_stable(project):
    assert report() == 0
    assert report() == 0  # now compared with the first: everything unchanged
    second = {name: (Path("out") / name).read_bytes() for name in FILES}
    assert report() == 0
    assert {name: (Path("out") / name).read_bytes() for name in FILES} == second
    assert written()["delta"] == {
        "previous": {"as_of": "2026-11-25", "botocore_version": written()["botocore_version"],
                     "notelint_version": written()["notelint_version"], "generated_at": None},
        "new": 0, "fixed": 0, "unchanged": 1, "fixed_findings": [],
    }


def test_timestamp_only_when_asked(project):
    assert report() == 0
    assert written()["generated_at"] is None
    assert report("--timestamp") == 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", written()["generated_at"])
    assert f"generated <time>{written()['generated_at']}</time>" in written("report.html")


def test_moving_a_claim_then_editing_one(project):
    assert report() == 0
    moved = PIPELINE.replace(
        "* Data Pipeline creates resources (EC2 or EMR in your own account.\n"
        "* Glue runs Spark jobs without servers to manage.\n",
        "* Glue runs Spark jobs without servers to manage.\n\n\n"
        "* Data Pipeline creates resources (EC2 or EMR in your own account.\n",
    )
    Path("notes/pipeline.md").write_text(moved, encoding="utf-8")
    assert report() == 0
    assert [(f["line"], f["status"]) for f in written()["findings"]] == [(10, "unchanged")]
    assert (written()["delta"]["new"], written()["delta"]["fixed"], written()["delta"]["unchanged"]) == (0, 0, 1)

    Path("notes/pipeline.md").write_text(moved.replace("your own", "the customer's"), encoding="utf-8")
    assert report() == 0
    assert [(f["line"], f["status"]) for f in written()["findings"]] == [(10, "new")]
    delta = written()["delta"]
    assert (delta["new"], delta["fixed"], delta["unchanged"]) == (1, 1, 0)
    assert delta["fixed_findings"][0]["excerpt"]["text"] == "Data Pipeline creates resources (EC2 or EMR in your own account."
    assert "**Since the previous report (as of 2026-11-25):** 1 new · 1 fixed · 0 unchanged" in written("report.md")


def test_corrupt_previous_report_is_reported_and_the_report_still_written(project, capsys):
    Path("out").mkdir()
    Path("out/report.json").write_text("{not json", encoding="utf-8")
    assert report() == 0
    assert capsys.readouterr().err.startswith(
        "notelint: warning: out/report.json: the previous report is not valid JSON "
        "(Expecting property name enclosed in double quotes at line 1); the report shows no changes\n"
    )
    assert written()["delta"] is None
    assert written()["no_delta_reason"] == (
        "the previous report is not valid JSON (Expecting property name enclosed in double quotes at line 1)"
    )
    assert "No comparison: the previous report is not valid JSON" in written("report.html")


def test_explicit_previous_that_is_missing_is_a_warning(project, capsys):
    assert report("--previous", "missing.json") == 0
    assert capsys.readouterr().err.startswith(
        "notelint: warning: missing.json: no previous report; the report shows no changes\n"
    )


def test_paths_and_rule_selection(project):
    assert report("notes/s3.md") == 0
    assert [n["path"] for n in written()["notes"]] == ["notes/s3.md"]
    assert report("--ignore", "NL116", "--previous", "none.json") == 0
    assert written()["findings"] == []
    structure = [rule for rule in RULES if rule.code.startswith("NL1") and rule.code != "NL116"]
    assert [f["rules"] for f in written()["families"]][0] == len(structure)
    assert report("--select", "NL113", "--previous", "none.json") == 0
    assert [(f["prefix"], f["rules"]) for f in written()["families"] if f["rules"]] == [("NL1", 1)]


def test_no_notes_is_an_error_and_writes_nothing(project, capsys):
    os.mkdir("empty")
    assert report("empty") == 2
    assert capsys.readouterr().err == "notelint: error: no notes (*.md, *.markdown) found in empty\n"
    assert not Path("out").exists()


def test_unreadable_note_exits_2_but_the_report_lists_it(project, capsys):
    Path("notes/broken.md").write_bytes(b"* caf\xe9\n")
    assert report() == 2
    assert capsys.readouterr().err.endswith(
        "notelint: error: notes/broken.md: not valid UTF-8: byte 0xe9 at line 1, byte column 6\n"
    )
    assert written()["errors"] == [{"path": "notes/broken.md", "message": "not valid UTF-8: byte 0xe9 at line 1, byte column 6"}]
    assert "notes/broken.md" in written("report.html")


def test_output_dir_that_is_a_file(project, capsys):
    Path("out").write_text("a file", encoding="utf-8")
    assert report() == 2
    assert capsys.readouterr().err.endswith("notelint: error: out: cannot create the output folder: File exists\n")


def test_a_failed_write_leaves_the_previous_report_whole(project, monkeypatch, capsys):
    assert report() == 0
    before = {name: (Path("out") / name).read_bytes() for name in FILES}
    real_replace = os.replace
    calls = []

    def failing_replace(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    Path("notes/s3.md").write_text(S3 + "* New claim (unclosed.\n", encoding="utf-8")
    assert report() == 2
    assert capsys.readouterr().err.endswith(f"notelint: error: {calls[1]}: cannot write the report: No space left on device\n")
    # report.html was already replaced when report.md failed: it is put back
    assert {name: (Path("out") / name).read_bytes() for name in FILES} == before
    assert sorted(os.listdir("out")) == sorted(FILES)  # no temporary file left


def test_a_failed_first_write_leaves_no_file(project, monkeypatch, capsys):
    def failing_replace(source, target):
        raise OSError(13, "Permission denied", str(target))

    monkeypatch.setattr(os, "replace", failing_replace)
    assert report() == 2
    assert os.listdir("out") == []


@pytest.mark.parametrize("folder", ["reports", "reports/original-notes"])
def test_committed_reports_follow_the_schema(folder):
    data = json.loads((REPO / folder / "report.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema(), format_checker=FormatChecker()).iter_errors(data)) == []
    assert (data["as_of"], data["generated_at"]) == ("2026-11-25", None)
