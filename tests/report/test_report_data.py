"""The report's data: excerpts and highlights, scores, counts, and report.json."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator, FormatChecker
from tests.report.report_builders import STRUCTURE_RULES, diagnostic, location, note, report

from notelint.report.model import Excerpt, ReportedFinding
from notelint.report.render_json import render_json, schema
from notelint.report.score import score

def by_code(the_report, code) -> ReportedFinding:
    (found,) = [f for f in the_report.findings if f.code == code]
    return found


def test_claim_excerpt_is_visible_text_with_the_span_marked(sample):
    stale = by_code(sample, "NL501")
    assert stale.excerpt == Excerpt(
        "claim",
        "Glacier retrieval takes 12 hours.\nExpedited retrieval exists too.",
        ((24, 32),),
        ("Storage",),
    )
    assert stale.excerpt.flagged == "12 hours"


def test_markup_is_dropped_and_escapes_map_to_their_character(sample):
    assert by_code(sample, "NL301").excerpt == Excerpt("claim", "S3 stores objects in buckets.", ((0, 2),), ("Storage",))
    typo = by_code(sample, "NL201").excerpt
    assert typo.text == "Plain paragraph about GetObject and _escapes_."
    assert typo.highlights == ((36, 44),)
    assert typo.flagged == "_escapes"


def test_outside_claims_the_source_lines_are_shown(sample):
    assert by_code(sample, "NL104").excerpt == Excerpt("lines", "title: Amazon S3", ((0, 16),), ())


def test_both_sides_of_a_related_finding(sample):
    contradiction = by_code(sample, "NL601")
    (side,) = contradiction.related
    assert (side.place.path, side.place.line, side.place.column, side.message) == ("notes/glacier.md", 5, 3, "other side")
    assert side.excerpt == Excerpt("claim", "Glacier retrieval takes 5 hours.", ((0, 32),), ())


def test_evidence_in_display_order(sample):
    assert by_code(sample, "NL501").evidence == [
        ("Current fact", "Standard retrieval takes 3-5 hours."),
        ("Effective date", "2024-01-01"),
        ("Source", "https://aws.amazon.com/glacier/"),
    ]


def test_counts_and_scores(sample):
    data = sample.to_dict()
    assert data["summary"] == {
        "notes": 2,
        "claims": 4,
        "flagged_claims": 2,
        "score": 50,
        "score_formula": "Score = 100 × (claims with no warning or error) ÷ claims, rounded down; "
        "info findings and findings outside claims do not count",
        "findings": 5,
        "by_severity": {"error": 1, "warning": 3, "info": 1},
    }
    assert [(f["prefix"], f["name"], f["rules"], f["findings"]) for f in data["families"]] == [
        ("NL1", "structure", len(STRUCTURE_RULES), 1),
        ("NL2", "spelling", 0, 1),
        ("NL3", "aws-naming", 0, 1),
        ("NL4", "aws-api", 0, 0),
        ("NL5", "stale-claims", 0, 1),
        ("NL6", "contradictions", 0, 1),
    ]
    glacier, s3 = data["notes"]
    assert (glacier["path"], glacier["claims"], glacier["flagged_claims"], glacier["score"]) == ("notes/glacier.md", 1, 0, 100)
    # the info finding and the front matter error do not flag a claim; two
    # warnings in one claim flag it once
    assert (s3["path"], s3["title"], s3["claims"], s3["flagged_claims"], s3["score"]) == ("notes/s3.md", "Amazon S3", 3, 2, 33)
    assert s3["findings"] == {
        "total": 5,
        "by_severity": {"error": 1, "warning": 3, "info": 1},
        "by_family": {"NL1": 1, "NL2": 1, "NL3": 1, "NL4": 0, "NL5": 1, "NL6": 1},
    }


def test_score_formula():
    assert score(0, 0) is None
    assert score(3, 0) == 100
    assert score(3, 1) == 66  # rounded down
    assert score(200, 1) == 99  # one flagged claim never shows as 100
    assert score(3, 3) == 0


def test_finding_json(sample):
    (stale,) = [f for f in json.loads(render_json(sample))["findings"] if f["code"] == "NL501"]
    assert stale == {
        "code": "NL501",
        "name": "stale-claim",
        "family": "NL5",
        "severity": "warning",
        "path": "notes/s3.md",
        "line": 8,
        "column": 27,
        "end_line": 8,
        "end_column": 35,
        "message": "this changed",
        "excerpt": {
            "kind": "claim",
            "text": "Glacier retrieval takes 12 hours.\nExpedited retrieval exists too.",
            "highlights": [[24, 32]],
            "heading_path": ["Storage"],
        },
        "suggestions": [],
        "fix": None,
        # keys sorted, whatever order the rule filled them in
        "meta": {
            "current_fact": "Standard retrieval takes 3-5 hours.",
            "effective_date": "2024-01-01",
            "source": "https://aws.amazon.com/glacier/",
        },
        "related": [],
        "status": None,
    }


def test_json_header_and_no_delta(sample):
    data = json.loads(render_json(sample))
    assert list(data) == [
        "schema_version", "notelint_version", "botocore_version", "as_of", "generated_at", "summary",
        "families", "notes", "findings", "errors", "delta", "no_delta_reason",
    ]
    assert (data["schema_version"], data["as_of"], data["generated_at"]) == (1, "2026-11-25", None)
    assert (data["delta"], data["no_delta_reason"]) == (None, "no previous report")


def test_schema_is_valid_and_accepts_the_report(sample):
    Draft202012Validator.check_schema(schema())
    validator = Draft202012Validator(schema(), format_checker=FormatChecker())
    assert list(validator.iter_errors(json.loads(render_json(sample)))) == []


def test_schema_rejects_what_it_should(sample):
    validator = Draft202012Validator(schema(), format_checker=FormatChecker())
    data = json.loads(render_json(sample))
    data["findings"][0]["surprise"] = 1
    data["findings"][1]["severity"] = "fatal"
    data["summary"]["score"] = 101
    del data["notes"][0]["title"]
    messages = sorted(error.message for error in validator.iter_errors(data))
    assert messages == [
        "'fatal' is not one of ['error', 'warning', 'info']",
        "'title' is a required property",
        "101 is not valid under any of the given schemas",
        "Unevaluated properties are not allowed ('surprise' was unexpected)",
    ]


def test_findings_round_trip_through_json(sample):
    data = json.loads(render_json(sample))
    assert tuple(ReportedFinding.from_dict(f) for f in data["findings"]) == sample.findings


def test_zero_width_span_marks_the_character_it_sits_on():
    s3 = note("* S3 stores objects.\n")
    at = diagnostic(s3, "stores")
    empty = at.replaced(end_column=at.column)
    assert report([s3], [empty]).findings[0].excerpt == Excerpt("claim", "S3 stores objects.", ((3, 4),), ())


def test_image_without_alt_text_falls_back_to_the_source_line():
    kinesis = note("![](https://example.com/k.png)\n")
    found = report([kinesis], [diagnostic(kinesis, "![](https://example.com/k.png)", code="NL114", name="image-missing-alt")])
    assert found.findings[0].excerpt == Excerpt("lines", "![](https://example.com/k.png)", ((0, 30),), ())


def test_heading_excerpt():
    s3 = note("## Storage classes\n\n### Glacier\n")
    found = report([s3], [diagnostic(s3, "Glacier", code="NL111", name="duplicate-heading")])
    assert found.findings[0].excerpt == Excerpt("heading", "Glacier", ((0, 7),), ("Storage classes",))


def test_related_note_outside_the_run_is_read_from_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.md").write_text("* Glacier retrieval takes 5 hours.\n", encoding="utf-8")
    other = note("* Glacier retrieval takes 5 hours.\n", "other.md")
    s3 = note("* Glacier retrieval takes 12 hours.\n")
    found = report([s3], [diagnostic(s3, "12 hours", related=(location(other, "5 hours", "first made here"),))])
    (side,) = found.findings[0].related
    assert side.excerpt == Excerpt("claim", "Glacier retrieval takes 5 hours.", ((24, 31),), ())


def test_related_note_that_cannot_be_read_has_no_excerpt(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    gone = note("* Glacier retrieval takes 5 hours.\n", "gone.md")
    s3 = note("* Glacier retrieval takes 12 hours.\n")
    found = report([s3], [diagnostic(s3, "12 hours", related=(location(gone, "5 hours", "see"),))])
    assert found.findings[0].related[0].excerpt is None
