"""Limits stated in notes ("Memory: 128 MB - 3008 MB", "data blob (max 1MB)", "up to 5 read replicas")
against current limits: a smaller maximum than every current variant allows is stale (NL505), a larger
maximum than any variant allows is wrong (NL602), each with its source and the botocore version."""

from datetime import date

import pytest

from notelint.claims.assertions import extract
from tests.helpers import lint, note

AS_OF = date(2026, 12, 2)


def limits(sentence: str) -> list[tuple]:
    return [(a.attribute, a.quantity, a.unit, a.explicit, sentence[a.start:a.end])
            for a in extract(sentence) if a.relation == "limit"]


@pytest.mark.parametrize("sentence, expected", [
    ("Memory: 256MB - 4096MB (1MB steps)", [("memory", 4096.0, "MB", True, "256MB - 4096MB")]),
    ("Allowed memory: 128 MB to 2 GB", [("memory", 2048.0, "MB", True, "128 MB to 2 GB")]),
    ("Timeout: 1 - 600 seconds", [("duration", 600.0, "s", True, "1 - 600 seconds")]),
    ("each worker is limited to 4GB RAM", [("memory", 4096.0, "MB", True, "limited to 4GB")]),
    ("a message holds a data blob (max 2MB)", [("payload", 2.0, "MB", True, "max 2MB")]),
    ("small events (2MB max) only", [("size", 2.0, "MB", False, "2MB max")]),
    ("the max size of a data blob (after decoding) is 2 megabytes",
     [("payload", 2.0, "MB", True, "max size of a data blob (after decoding) is 2 megabytes")]),
    ("Each record can be as large as 2 MB", [("payload", 2.0, "MB", True, "as large as 2 MB")]),
    ("You can add up to 7 read replicas", [("read-replicas", 7.0, "count", True, "up to 7 read replicas")]),
    ("has access to a maximum of 500MB of non-persistent disk space in /tmp",
     [("ephemeral-storage", 500.0, "MB", True, "a maximum of 500MB")]),
    ("Up to 12 dimensions per metric", [("dimensions", 12.0, "count", True, "Up to 12 dimensions")]),
])
def test_limit_forms_notes_write(sentence, expected):
    assert limits(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Expedited retrieval takes 1-5 minutes",  # a range of durations, not a setting
    "batch jobs run 2-3 hours",
    "version 1.2 - 3 GB",  # no setting named before the range
    "128MB to 3008MB",  # a range with nothing said to be limited
    "the maximum number of shards is 500",  # no unit
])
def test_ranges_and_bare_numbers_are_not_limits(sentence):
    assert [a for a in extract(sentence) if a.relation == "limit" and a.explicit] == []


def findings(body: str, reviewed: str = "2019-06-01"):
    front = f"---\ntitle: Limits\nreviewed: {reviewed}\n---\n"
    return [(d.code, d.line, d.column, d.meta.get("knowledge_id"))
            for d in lint(note(body, front=front), select=("NL5", "NL6"), as_of=AS_OF)]


def test_a_smaller_maximum_is_stale_with_the_botocore_version():
    diagnostics = lint(note("# Kinesis Data Streams\n\n* records: data blob (max 1MB)\n",
                            front="---\ntitle: Limits\nreviewed: 2019-06-01\n---\n"), select=("NL5", "NL6"), as_of=AS_OF)
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("NL505", 7, 23)]
    message = diagnostics[0].message
    assert "botocore 1.44.8 (kinesis PutRecord Data) allows up to 10 MB" in message
    assert "Source: https://docs.aws.amazon.com/streams/latest/dev/large-records.html" in message
    assert diagnostics[0].meta["botocore_version"] == "1.44.8"


def test_a_dated_entry_explains_a_limit_before_the_generic_fact():
    # lambda-memory-ceiling-raised has a date; the generic fact does not report the same claim again
    assert findings("* Lambda memory allocation: 128 MB - 3008 MB\n") == [
        ("NL505", 5, 3, "lambda-memory-ceiling-raised")]


def test_limits_within_the_current_range_are_not_reported():
    assert findings("* Lambda memory: 128 MB - 10240 MB\n") == []
    assert findings("* Lambda memory up to 32 GB on Managed Instances\n") == []
    assert findings("* Kinesis Data Streams retention can be up to 365 days\n") == []


def test_the_default_setting_is_not_a_stale_maximum():
    assert findings("* Kinesis Data Streams: the default maximum record size is 1 MiB\n") == []


def test_a_larger_maximum_is_wrong():
    assert findings("* Lambda functions can run for up to 2 hours\n") == [
        ("NL602", 5, 32, "lambda-invocation-timeout")]


def test_a_variant_with_its_own_limit_is_not_compared():
    assert findings("* RDS for Oracle allows up to 5 read replicas\n") == []
    assert findings("* RDS allows up to 5 read replicas\n") == [("NL505", 5, 14, "rds-read-replicas")]
