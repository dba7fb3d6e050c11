"""NL5xx: stale claims, their dates, acknowledgements, fixes and derived data."""

from datetime import date, timedelta

from notelint.diagnostic import Severity
from tests.helpers import lint, note

OLD = "---\ntitle: T\nreviewed: 2021-06-01\n---\n"
NEW = "---\ntitle: T\nreviewed: 2026-11-25\n---\n"


def found(text: str, select: str = "NL5", **kwargs):
    return [(d.code, d.line, d.column, d.end_column, d.severity.value, d.meta.get("status")) for d in lint(text, select, **kwargs)]


def test_renamed_service_is_stale_after_review_and_wrong_before_it():
    assert found(note("* Kinesis Data Firehose loads S3\n", OLD)) == [("NL501", 5, 3, 24, "warning", "stale")]
    assert found(note("* Kinesis Data Firehose loads S3\n", NEW)) == [("NL501", 5, 3, 24, "warning", "wrong")]
    # not yet renamed on the as-of date
    assert found(note("* Kinesis Data Firehose loads S3\n", OLD), as_of=date(2023, 1, 1)) == []


def test_rename_fix_is_safe_and_message_has_date_fact_and_source():
    (diagnostic,) = lint(note("* CloudWatch Events triggers Lambda\n", OLD), "NL501")
    assert diagnostic.message.startswith(
        "'CloudWatch Events' was renamed Amazon EventBridge on 2019-07-11, before this note was reviewed (2021-06-01): "
    )
    assert diagnostic.message.endswith("Source: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cwe-now-eb.html")
    assert diagnostic.suggestions == ("Amazon EventBridge",)
    (edit,) = diagnostic.fix.edits
    assert (edit.line, edit.column, edit.end_column, edit.text, diagnostic.fix.safe) == (5, 3, 20, "Amazon EventBridge", True)
    assert diagnostic.meta["effective_date"] == "2019-07-11"


def test_a_sentence_that_says_so_is_not_stale():
    assert found(note("* Amazon EventBridge (formerly CloudWatch Events) triggers Lambda\n", OLD)) == []
    assert found(note("* DeepLens was a camera; AWS retired it on 2024-01-31\n", OLD)) == []
    assert found(note("* DeepLens is a deep-learning camera\n", OLD)) == [("NL502", 5, 3, 11, "error", "stale")]


def test_capability_claims_are_read_not_matched_as_text():
    assert found(note("* XGBoost: only CPU\n", OLD)) == [("NL504", 5, 3, 10, "warning", "outdated")]
    assert found(note("## XGBoost\n\n* only CPU\n", OLD)) == [("NL504", 7, 3, 11, "warning", "outdated")]
    assert found(note("* XGBoost trains on CPU or GPU\n", OLD)) == []
    assert found(note("* Data must be tabular CSV for SageMaker Autopilot\n", OLD))[0][:2] == ("NL504", 5)
    assert found(note("* Data must be tabular CSV or Parquet for SageMaker Autopilot\n", OLD)) == []
    # a capability that was already there when the note was reviewed makes the claim wrong: an error
    assert found(note("* SageMaker Autopilot only accepts CSV\n", NEW)) == [("NL504", 5, 3, 22, "error", "wrong")]


def test_limits_compare_quantities_with_units():
    text = note("* Lambda functions have at most 3,008 MB of memory\n", "---\ntitle: T\nreviewed: 2019-06-01\n---\n")
    # a warning although the entry's day (re:Invent 2020) is not confirmed: the new limit is
    assert found(text) == [("NL505", 5, 3, 9, "warning", "stale")]
    assert found(note("* Lambda functions have at most 10 GB of memory\n", OLD)) == []


def test_latest_generation_is_checked_against_botocore():
    diagnostics = lint(note("* EC2 P4 instances are the latest generation of GPU instances\n", OLD), "NL506")
    assert [(d.line, d.column, d.end_column) for d in diagnostics] == [(5, 7, 9)]
    assert "p5, p5e, p5en" in diagnostics[0].message and diagnostics[0].meta["botocore_version"]
    assert found(note("* EC2 P6 instances are the latest generation of GPU instances\n", OLD), "NL506") == []
    assert found(note("* EC2 P4 instances were a GPU generation\n", OLD), "NL506") == []


def test_services_botocore_dropped_are_reported_once_per_note():
    # (Honeycode: a retired client no knowledge-base entry explains; CodeStar now has one, NL502)
    diagnostics = lint(note("* Amazon Honeycode builds apps\n* Honeycode has templates\n", OLD), "NL507")
    assert [(d.line, d.column) for d in diagnostics] == [(5, 3)]
    assert "1.34.121" in diagnostics[0].message
    assert found(note("* Amazon Macie finds personal data\n", OLD), "NL507") == []  # still a client (macie2)


def test_wrong_claims_and_superseded_entries():
    assert found(note("* Firehose can convert CSV or JSON to Parquet\n", NEW)) == [("NL508", 5, 3, 11, "error", "wrong")]
    assert found(note("* Firehose can convert JSON to Parquet\n", NEW)) == []
    # CodeCommit's closure was reversed later: not reported
    assert found(note("* AWS CodeCommit hosts Git repositories\n", OLD)) == []


def test_entry_severity_override_and_once_per_note():
    diagnostics = lint(note("* Amazon SageMaker trains models\n* Amazon SageMaker hosts models\n", OLD), "NL501")
    assert [(d.line, d.severity) for d in diagnostics] == [(5, Severity.INFO)]


def test_a_longer_product_name_is_not_the_renamed_one():
    # Studio Lab is its own product: neither Studio Classic nor the SageMaker AI rename applies
    assert found(note("* Amazon SageMaker Studio Lab is free\n", OLD), "NL501") == []
    # today's Studio has the same name: only a claim about the original IDE is about Studio Classic
    assert found(note("* Amazon SageMaker Studio hosts notebooks\n", OLD), "NL501") == []
    assert found(note("* SageMaker Studio notebooks run as KernelGateway apps\n", OLD), "NL501")[0][:2] == ("NL501", 5)


def test_every_kind_the_analysis_yields_is_reported_by_exactly_one_rule():
    from notelint.claims.knowledge import KINDS
    from notelint.claims.staleness import NOT_LATEST_GENERATION, RETIRED_CLIENT
    from notelint.rules import stale

    claimed = [kind for rule in stale.RULES for kind in rule.check.kinds]
    assert sorted(claimed) == sorted(set(KINDS) | {NOT_LATEST_GENERATION, RETIRED_CLIENT})


def test_a_run_can_be_given_its_own_knowledge_base():
    """The stale-claim rules read the knowledge base through the rule context, so a
    run (a test here) can hand them a one-entry knowledge base instead of the shipped one."""
    from notelint.claims.knowledge import build
    from notelint.config import Config
    from notelint.engine import Linter
    from notelint.rules import RULES
    from tests.helpers import AS_OF, REPO, note

    one_entry = build(changes=[{
        "id": "polly-renamed-for-a-test", "kind": "renamed", "subject": "Polly", "date": "2025-01-01",
        "claim": {"mentions": ["Polly"]}, "fact": "Polly is called Amazon Voice in this test.",
        "replacement": "Amazon Voice", "source": "https://example.com/test", "confidence": "verified",
    }])
    text = note("* Amazon Polly turns text into speech.\n")
    config = Config(root=REPO, select=("NL5",))
    given = Linter(config, RULES, AS_OF, shared={"claims.knowledge": one_entry}).check_text(text, "n.md")
    shipped = Linter(config, RULES, AS_OF).check_text(text, "n.md")
    assert [(d.code, d.line, d.column) for d in given] == [("NL501", 5, 3)]  # "Amazon Polly"
    assert "Amazon Voice" in given[0].message
    assert shipped == []


def test_a_rename_skips_longer_names_that_kept_theirs_and_the_new_name_itself():
    """'Amazon SageMaker Python SDK' was not renamed; 'Amazon SageMaker Studio' is
    not reported as renamed to 'Amazon SageMaker Studio (the updated experience)'."""
    from tests.helpers import found, note

    kept = note("* Amazon SageMaker Python SDK trains models.\n* Amazon SageMaker Canvas builds models without code.\n",
                front="---\ntitle: T\nreviewed: 2024-01-01\n---\n")
    assert [c for c in found(kept, "NL501") if c[0] == "NL501"] == []
    renamed = note("* Amazon SageMaker trains models.\n", front="---\ntitle: T\nreviewed: 2024-01-01\n---\n")
    assert found(renamed, "NL501") == [("NL501", 5, 3, 5, 19)]


def test_titles_in_links_are_not_claims():
    """A table-of-contents entry and a cited article's title name pages; they claim nothing."""
    from tests.helpers import found, note

    old = "---\ntitle: T\nreviewed: 2024-01-01\n---\n"
    toc = note("* [Kinesis Data Firehose](#kinesis-data-firehose)\n", front=old)
    cited = note("* See [Stream logs with Kinesis Data Firehose to S3](https://example.com/blog).\n", front=old)
    short = note("* Use [Kinesis Data Firehose](https://example.com/firehose) for delivery.\n", front=old)
    assert found(toc, "NL501") == [] and found(cited, "NL501") == []
    assert found(short, "NL501") == [("NL501", 5, 8, 5, 29)]


def test_a_name_in_a_link_is_still_a_name():
    """A link in a sentence, or one whose text is mostly the name, names the thing: it is checked."""
    from tests.helpers import found, note

    old = "---\ntitle: T\nreviewed: 2024-01-01\n---\n"
    inline = note("* For tuning see [Kinesis Data Firehose](../firehose.md) and its buffers.\n", front=old)
    exam = note("* [AWS Certified Data Analytics – Specialty](https://aws.amazon.com/certification/)\n", front=old)
    assert [f[:2] for f in found(inline, "NL501")] == [("NL501", 5)]
    assert [f[:2] for f in found(exam, "NL502")] == [("NL502", 5)]


def test_a_retired_service_is_located_exactly_after_markup():
    """Links and escapes before the name: the span is the name itself (NL507 was off by the markup)."""
    from tests.helpers import lint, note

    text = note("* See [the guide](https://example.com/a\\\\_b) \\\\(old\\\\) then use Amazon Honeycode for apps.\n",
                front="---\ntitle: T\nreviewed: 2020-01-01\n---\n")
    (finding,) = [d for d in lint(text, "NL507") if d.code == "NL507"]
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 : finding.end_column - 1] == "Amazon Honeycode"


# -- date boundaries, on both sides (the audit of 2026-12-02 moved each by a day unnoticed) --
RENAMED = date(2019, 7, 11)  # CloudWatch Events -> Amazon EventBridge
EVENTS = "* CloudWatch Events triggers Lambda\n"


def _reviewed(day: date) -> str:
    return f"---\ntitle: T\nreviewed: {day.isoformat()}\n---\n"


def test_a_change_on_the_review_day_makes_the_claim_wrong_one_the_day_after_it_stale():
    statuses = {
        offset: [d.meta["status"] for d in lint(note(EVENTS, _reviewed(RENAMED + timedelta(days=offset))), "NL501")]
        for offset in (-1, 0, 1)
    }
    assert statuses == {-1: ["stale"], 0: ["wrong"], 1: ["wrong"]}


def test_a_change_on_the_as_of_day_is_reported_the_day_before_it_is_not():
    text = note(EVENTS, _reviewed(date(2019, 1, 1)))
    assert [d.code for d in lint(text, "NL501", as_of=RENAMED - timedelta(days=1))] == []
    assert [d.code for d in lint(text, "NL501", as_of=RENAMED)] == ["NL501"]
    assert [d.code for d in lint(text, "NL501", as_of=RENAMED + timedelta(days=1))] == ["NL501"]


def test_dating_on_both_sides_of_the_change_date():
    from notelint.claims.staleness import dating

    day = date(2024, 2, 9)
    assert dating(day, True, day - timedelta(days=1), "renamed").status == "stale"
    assert dating(day, True, day, "renamed").status == "wrong"
    assert dating(day, True, day + timedelta(days=1), "renamed").status == "wrong"
    assert dating(day, True, None, "renamed").status == "outdated"
    assert dating(day, False, day, "renamed").status == "outdated"
    assert dating(day, True, day - timedelta(days=1), "wrong-claim").status == "wrong"
    assert dating(day, True, day - timedelta(days=1), "naming").status == "wrong"
    assert dating(day, True, day, "renamed").phrase == "on 2024-02-09, before this note was reviewed (2024-02-09)"
    assert dating(day, True, None, "renamed").phrase == "on 2024-02-09"
    assert dating(day, False, None, "renamed").phrase == "(no change date published; checked 2024-02-09)"


def test_a_library_named_after_the_service_is_not_renamed_with_it():
    """'Amazon SageMaker model parallelism library' kept its name; the service beside it did not."""
    from tests.helpers import found, note

    old = "---\ntitle: T\nreviewed: 2024-01-01\n---\n"
    kept = note("* Use the Amazon SageMaker model parallelism library and its data parallel libraries.\n", front=old)
    assert found(kept, "NL501") == []
    renamed = note("* Use the Amazon SageMaker console to train a model for the library.\n", front=old)
    assert found(renamed, "NL501") == [("NL501", 5, 11, 5, 27)]


def test_a_claims_words_are_read_on_the_line_that_names_the_subject():
    """Notes write one statement a line with no full stop: 'always' on the next line,
    about KMS, does not make the line about S3 the outdated 'S3 is not always encrypted'."""
    from tests.helpers import found, note

    old = "---\ntitle: T\nreviewed: 2021-06-01\n---\n"
    lines = note("KMS encrypts data stored in AWS including EBS volumes, S3, RDS\n**KMS always uses symmetric keys**\n", front=old)
    assert found(lines, "NL504") == []
    one = note("S3 objects are not always encrypted at rest; enable default encryption.\n", front=old)
    assert found(one, "NL504") == [("NL504", 5, 1, 5, 3)]
    # the claim is found on a later line of the statement that names the subject again
    later = note("**AWS Glue version**\nJobs created without a version default to AWS Glue 0.9.\n", front=old)
    assert [f[:3] for f in found(later, "NL502")] == [("NL502", 6, 43)]
