"""report.md: the pull-request-sized summary, its delta lines and its escaping."""

from __future__ import annotations

from dataclasses import replace

from tests.report.report_builders import STRUCTURE_RULES, baseline_of, diagnostic, note, report, sample_report

from notelint.report.delta import compare
from notelint.report.render_markdown import render_markdown

SAMPLE = """\
## notelint correctness report

As of 2026-11-25 · botocore {botocore} · notelint {notelint}

**Score 50 / 100**: 2 of 4 claims flagged · 5 findings (1 error, 3 warnings, 1 info) in 2 notes

| Family | Rules | Findings |
|---|--:|--:|
| NL1 structure | {structure_rules} | 1 |
| NL2 spelling | not checked | 1 |
| NL3 aws-naming | not checked | 1 |
| NL4 aws-api | not checked | 0 |
| NL5 stale-claims | not checked | 1 |
| NL6 contradictions | not checked | 1 |

**Since the previous report:** no comparison (no previous report)

### Fix first

1. **warning** notes/s3.md:8:3 NL601 contradiction: contradicts  
   other side: notes/glacier.md:5:3
   > `Glacier retrieval takes 12 hours.` Expedited retrieval exists too.
2. **warning** notes/s3.md:8:27 NL501 stale-claim: this changed  
   Current fact: Standard retrieval takes 3-5 hours. · Effective date: 2024-01-01 · Source: https://aws.amazon.com/glacier/
   > Glacier retrieval takes `12 hours`. Expedited retrieval exists too.
3. **warning** notes/s3.md:11:40 NL201 misspelled: typo
   > Plain paragraph about GetObject and `_escapes`\\_.
4. **info** notes/s3.md:7:5 NL301 aws-name-case: spelled right
   > `S3` stores objects in buckets.
5. **error** notes/s3.md:2:1 NL104 invalid-field-value: bad value
   > `title: Amazon S3`

### Lowest scores

| Note | Score | Flagged claims | Findings |
|---|--:|--:|--:|
| notes/s3.md | 33 | 2 of 3 | 5 |

<sub>Score = 100 × (claims with no warning or error) ÷ claims, rounded down; info findings and findings outside claims do not count. Full report with every finding in context: report.html</sub>
"""


def test_summary_text(sample):
    expected = SAMPLE.format(
        botocore=sample.botocore_version, notelint=sample.notelint_version, structure_rules=len(STRUCTURE_RULES)
    )
    assert render_markdown(sample) == expected


def test_timestamp_only_when_asked():
    stamped = render_markdown(sample_report(generated_at="2026-11-25T10:00:00Z"))
    assert " · generated 2026-11-25T10:00:00Z\n" in stamped
    assert "generated" not in render_markdown(sample_report())


def test_delta_lines(tmp_path):
    previous = sample_report()
    current = replace(previous, findings=previous.findings[1:])  # the front matter error went
    s3 = note("* Glacier retrieval takes 12 hours.\n")
    extra = report([s3], [diagnostic(s3, "Glacier", code="NL302", name="aws-name", message="new one")])
    current = replace(current, findings=(*current.findings, *extra.findings))
    text = render_markdown(compare(current, baseline_of(previous, tmp_path)))
    assert "**Since the previous report (as of 2026-11-25):** 1 new · 1 fixed · 4 unchanged\n" in text
    # wrong facts (the contradiction, the stale claim) first; new findings first among those of one kind and severity
    assert "3. **warning** notes/s3.md:1:3 NL302 aws-name (new): new one\n" in text
    assert (
        "### Fixed since the previous report\n\n"
        "- **error** notes/s3.md:2:1 NL104 invalid-field-value: bad value\n"
        "   > `title: Amazon S3`\n\n"
    ) in text


def test_note_text_cannot_become_markup_html_or_mentions():
    hostile = note("* Ask @octocat about <script>alert(1)</script> and [x](javascript:y) *now* | `tick`\n")
    text = render_markdown(report([hostile], [diagnostic(hostile, "*now*", code="NL201", name="misspelled")]))
    # visible text: emphasis and code markers are gone, everything else escaped
    assert "   > Ask \\@octocat about \\<script\\>alert(1)\\</script\\> and \\[x\\](javascript:y) `now` \\| tick\n" in text
    assert "<script>" not in text


def test_flagged_text_with_backticks_gets_a_longer_fence():
    s3 = note("* Call GetObject `twice` \\`now\\`.\n")
    text = render_markdown(report([s3], [diagnostic(s3, "\\`now\\`", code="NL201", name="misspelled")]))
    assert "   > Call GetObject twice `` `now` ``.\n" in text


def test_long_claims_are_cut_around_the_flagged_text():
    words = " ".join(f"word{n}" for n in range(60))
    s3 = note(f"* {words}\n")
    text = render_markdown(report([s3], [diagnostic(s3, "word30")]))
    assert (
        "   > …d21 word22 word23 word24 word25 word26 word27 word28 word29 `word30` word31 word32 word33 "
        "word34 word35 word36 word37 word38 word39 word40 word41 word42 word43 wo…\n"
    ) in text


def test_lists_are_capped_to_stay_comment_sized():
    lines = "".join(f"* Claim number {n} says something.\n" for n in range(40))
    s3 = note(lines)
    diagnostics = [diagnostic(s3, f"number {n} ") for n in range(40)]
    text = render_markdown(report([s3], diagnostics))
    assert text.count("**warning**") == 10
    assert "\n… and 30 findings more in report.html\n" in text
    assert len(text) < 4000
