"""Readers added for issue 15: a longer entity name wins over the service it contains, stated
minimums (Firehose's buffer interval), retention read from an unlabelled span of days, and
launch years ("since 2022 X") checked against the day X became generally available."""

from datetime import date

import pytest

from notelint.claims.assertions import extract
from tests.claims.test_reading import statements
from tests.helpers import FRONT, lint

AS_OF = date(2026, 12, 2)
LINE = FRONT.count("\n") + 1  # the first line after the front matter


def found(body: str, select: str) -> list[tuple[str, int, int, int, str | None]]:
    return [(d.code, d.line, d.column, d.end_column, d.meta.get("knowledge_id"))
            for d in lint(FRONT + body, select, as_of=AS_OF)]


# -- a longer entity name wins -------------------------------------------------------------------------


def test_a_feature_named_after_its_service_is_its_own_subject():
    _, read = statements("* S3 Select retrieves a subset of an object with SQL.\n* IoT Analytics stores device data.\n")
    assert [[(s.name, s.written) for s in statement.subjects] for statement in read] == [
        [("S3 Select", "S3 Select")], [("IoT Analytics", "IoT Analytics")],
    ]


def test_the_feature_is_reported_where_it_is_written():
    body = "* S3 Select enables applications to retrieve a subset of data.\n"
    assert found(body, "NL503") == [("NL503", LINE, 3, 12, "s3-select-closed-to-new-customers")]


def test_the_service_alone_is_not_the_feature():
    assert found("* S3 stores objects in buckets.\n* Glacier Instant Retrieval is a storage class.\n", "NL503") == []


# -- stated minimums ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("near real time (lowest buffer time is 1 minute)", [("buffer-interval", 60.0, "min")]),
    ("a buffering delay of at least 1 minute", [("buffer-interval", 60.0, "min")]),
    ("the minimum buffer interval is 60 seconds", [("buffer-interval", 60.0, "min")]),
])
def test_minimums_notes_write(sentence, expected):
    assert [(a.attribute, a.quantity, a.bound) for a in extract(sentence) if a.relation == "limit"] == expected


@pytest.mark.parametrize("sentence", [
    "the buffer size is at least 1 MB",  # a size, not the interval
    "the lowest price is 5 dollars",
])
def test_other_minimums_are_not_buffer_intervals(sentence):
    assert [a for a in extract(sentence) if a.attribute == "buffer-interval"] == []


def test_a_buffer_minimum_above_zero_is_stale():
    body = "* Firehose is near real time (lowest buffer time is 1 minute)\n"
    assert found(body, "NL505") == [("NL505", LINE, 3, 11, "firehose-zero-buffering-interval")]  # at the subject


def test_a_zero_buffer_interval_is_current():
    assert found("* Firehose can deliver with a buffer interval of 0 seconds.\n", "NL505") == []


# -- retention read from a span of days --------------------------------------------------------------------


def test_an_unlabelled_span_of_days_is_a_streams_retention():
    body = "## Kinesis Data Streams\n\n* data is stored in shards for 24 hours (by default, up to 7 days)\n"
    assert found(body, "NL505") == [("NL505", LINE + 2, 3, 67, "kinesis-data-streams-retention-up-to-365-days")]  # the subject is
    # inherited from the heading: the whole item


def test_the_current_retention_passes():
    body = "## Kinesis Data Streams\n\n* data is stored in shards for 24 hours by default, up to 365 days\n"
    assert found(body, "NL505") == []


def test_a_span_of_hours_is_not_read_as_retention():
    body = "## Kinesis Data Streams\n\n* a consumer may lag up to 5 minutes\n"
    assert found(body, "NL505") == []


# -- launch years -------------------------------------------------------------------------------------------


def test_a_wrong_launch_year_is_wrong():
    body = "* Ways to deploy: Batch Transform, and since 2022 Serverless Inference and Asynchronous Inference\n"
    assert found(body, "NL508") == [("NL508", LINE, 40, 50, None)]


def test_a_launch_year_in_parentheses_after_the_name():
    body = "* Asynchronous Inference (since 2022) queues requests.\n"
    assert found(body, "NL508") == [("NL508", LINE, 27, 37, None)]


@pytest.mark.parametrize("body", [
    "* since 2021 Asynchronous Inference queues requests\n",  # the right year
    "* Serverless Inference since 2022 scales to zero.\n",  # the right year (April 2022)
    "* since 2023 we use Batch Transform; Asynchronous Inference queues requests\n",  # another clause
    "## Asynchronous Inference since 2022\n",  # a heading asserts nothing
])
def test_right_or_unrelated_years_pass(body):
    assert found(body, "NL508") == []


# -- counted limits: stream consumers, global-database Regions -------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("limited to 5 consumers for a same stream by default", [("consumers", 5.0, "max")]),
    ("Up to 5 secondary (read-only) regions, replication lag is less than 1 second", [("secondary-regions", 5.0, "max")]),
])
def test_counted_limits_notes_write(sentence, expected):
    assert [(a.attribute, a.quantity, a.bound) for a in extract(sentence) if a.relation == "limit"] == expected


def test_an_old_consumer_limit_is_stale():
    body = "## Kinesis Data Streams\n\n* limited to 5 consumers for a same stream by default\n"
    assert found(body, "NL505") == [("NL505", LINE + 2, 3, 25, "kinesis-data-streams-enhanced-fan-out-consumers")]


def test_the_creating_state_limit_is_not_the_consumer_limit():
    body = "## Kinesis Data Streams\n\n* only up to 5 consumers can be created at the same time\n"
    assert found(body, "NL505") == []


def test_an_old_global_database_limit_is_stale():
    body = "* Aurora global database: up to 5 secondary regions\n"
    assert found(body, "NL505") == [("NL505", LINE, 27, 52, "aurora-global-database-secondary-regions")]


# -- object size (S3's 50 TB) ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("Maximum object size: 5 TB", [("object-size", 5.0 * 1024 * 1024, "max")]),
    ("object's size is from 0 bytes up to 5TB", [("object-size", 5.0 * 1024 * 1024, "max")]),
    ("S3 objects can be up to 50 TB in size", [("object-size", 50.0 * 1024 * 1024, "max")]),
])
def test_object_sizes_notes_write(sentence, expected):
    assert [(a.attribute, a.quantity, a.bound) for a in extract(sentence) if a.relation == "limit"] == expected


def test_the_old_object_ceiling_is_reported_and_the_single_put_limit_is_not():
    body = "## S3\n\n* Maximum object size: 5 TB\n* A single PUT uploads objects of at most 5 GB.\n* Objects can be up to 50 TB.\n"
    assert found(body, "NL505") == [("NL505", LINE + 2, 3, 28, "s3-object-size-50-tb")]


# -- other ways of naming a retired feature ------------------------------------------------------------------


def test_person_tracking_and_rcf_in_other_words():
    body = ("* Rekognition Video can track persons across the frames of a stored video.\n"
            "* Real-time outliers: Kinesis Analytics with RCF over the stream\n"
            "* SageMaker RCF finds outliers in batch data.\n")
    assert found(body, "NL502") == [
        ("NL502", LINE, 3, 14, "rekognition-people-pathing-end-of-support"),
        ("NL502", LINE + 1, 23, 40, "kinesis-data-analytics-sql-discontinued"),
    ]
