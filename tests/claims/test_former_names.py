"""Former names as people write them (issue 13): with the vendor, as an abbreviation the
note defines, as members of a family listed after a shared prefix, and a longer
knowledge-base name over the alias-table name inside it."""

from __future__ import annotations

from datetime import date

from tests.helpers import lint, note

FRONT = "---\ntitle: Study notes\nreviewed: 2026-11-25\n---\n"
LINE = FRONT.count("\n")


def stale(body: str) -> list[tuple[str, int, int, str]]:
    """(code, line counted from the body, column, knowledge id) of the NL5 findings."""
    found = lint(note(body, front=FRONT), select="NL5", as_of=date(2026, 12, 2))
    return [(d.code, d.line - LINE, d.column, d.meta.get("knowledge_id")) for d in found]


def test_a_former_name_written_with_its_vendor():
    assert stale("* Amazon Elasticsearch Service indexes logs.\n") == [
        ("NL501", 1, 3, "elasticsearch-service-renamed-opensearch"),
    ]
    assert stale("* Amazon Kinesis Firehose delivers to S3.\n") == [
        ("NL501", 1, 3, "kinesis-data-firehose-renamed-data-firehose"),
    ]


def test_the_abbreviation_aws_used_for_a_former_name():
    assert stale("* Amazon ES indexes logs.\n") == [("NL501", 1, 3, "elasticsearch-service-renamed-opensearch")]
    assert stale("* AWS SSO gives one sign-in.\n") == [("NL501", 1, 3, "aws-sso-renamed-iam-identity-center")]


def test_an_abbreviation_the_note_defines_stands_for_the_name():
    # a heading does not report a rename; the bare abbreviation under it does
    assert stale("# AWS Single Sign-On (SSO)\n\n* SSO gives one sign-in for every account.\n") == [
        ("NL501", 3, 3, "aws-sso-renamed-iam-identity-center"),
    ]
    # used before it is defined, in a note that defines it later (reported once per note)
    body = "* directly delivered to ES clusters\n\nFirehose feeds Amazon Elasticsearch Service (Amazon ES).\n"
    assert stale(body) == [("NL501", 1, 25, "elasticsearch-service-renamed-opensearch")]


def test_abbreviations_that_define_nothing():
    # letters that do not abbreviate the name before them, a name of its own, a phrase that is no name
    body = (
        "* Amazon Elasticsearch Service (KMS) encrypts.\n* Single sign-on (SSO) is a login scheme.\n"
        "* SSO and KMS again.\n"
    )
    assert [f for f in stale(body) if f[1] != 1] == []


def test_members_of_a_family_listed_after_a_shared_prefix():
    assert stale("* Amazon Kinesis Data Streams, Firehose and Analytics ingest and process streams.\n") == [
        ("NL501", 1, 32, "kinesis-data-firehose-renamed-data-firehose"),
        ("NL501", 1, 45, "kinesis-data-analytics-renamed-managed-flink"),
    ]
    assert stale("* CloudWatch Logs and Events collect everything.\n") == [
        ("NL501", 1, 23, "cloudwatch-events-now-eventbridge"),
    ]


def test_a_member_that_is_a_name_of_its_own_keeps_its_reading():
    # today's "Firehose" beside Kinesis Data Streams; no other member needs the prefix
    assert stale("* Amazon Kinesis Data Streams and Firehose ingest streams.\n") == []
    # a member that makes no name with the prefix ends the list
    assert stale("* Amazon Kinesis Data Streams, Lambda and S3 process streams.\n") == []


def test_a_longer_knowledge_name_wins_over_the_alias_name_inside_it():
    codes = [code for code, *_ in stale("* IoT Analytics cleans and stores device data.\n")]
    assert codes == ["NL502"]


def test_short_items_under_a_family_heading_name_its_members():
    body = (
        "## Amazon Kinesis\n\n* Analytics: SQL queries over a stream\n* Firehose: delivers to S3\n"
        "* Streams keep records for a day\n"
    )
    # "Analytics" labels Kinesis Analytics (its SQL flavour is retired); "Firehose" is a name of its own;
    # "Streams keep ..." is a sentence, not a label
    assert stale(body) == [("NL502", 3, 3, "kinesis-data-analytics-sql-discontinued")]
    assert stale("* Amazon Kinesis Analytics runs Flink applications.\n") == [
        ("NL501", 1, 3, "kinesis-data-analytics-renamed-managed-flink"),
    ]


def test_a_note_that_carries_the_notice_is_not_reported_at_every_mention():
    notice = "* AWS DeepLens was discontinued; these notes are kept for reference.\n"
    body = "* AWS DeepLens runs models on the camera.\n* DeepLens projects deploy from the console.\n"
    assert stale(notice + body) == []
    # a loose "no longer needs" is no notice for the note (only its own sentence is passed over)
    loose = "* DeepLens no longer needs a role alias.\n"
    assert [line for _code, line, *_ in stale(loose + body)] == [2, 3]
