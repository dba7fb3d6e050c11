"""Claim reading: sentences, assertions, subjects (with inheritance), acknowledgement."""

from datetime import date

import pytest

from notelint.claims import statements_of
from notelint.claims.assertions import extract
from notelint.claims.sentences import sentence_spans
from notelint.config import Config
from notelint.note import parse_note
from notelint.rule import Context
from notelint.source import decode
from tests.helpers import FRONT, REPO


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_keep_abbreviations_versions_and_file_names_together():
    assert sentences("Glue converts data. It integrates with Athena. Runs spark") == [
        "Glue converts data.", "It integrates with Athena.", "Runs spark"
    ]
    assert sentences("NoSQL (e.g. Cassandra, Redis) and train.py. Version 1.2-1 works. Done") == [
        "NoSQL (e.g. Cassandra, Redis) and train.py.", "Version 1.2-1 works.", "Done"
    ]


def read(sentence: str) -> list[tuple]:
    return [(a.relation, a.attribute, a.values, a.quantity, a.bound) for a in extract(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("XGBoost: only CPU", [("only", "hardware", ("cpu",), None, None)]),
        ("CPU-only training", [("only", "hardware", ("cpu",), None, None)]),
        ("DeepAR can use CPU or GPU", [("supports", "hardware", ("cpu", "gpu"), None, None)]),
        ("It does not support GPU", [("lacks", "hardware", ("gpu",), None, None)]),
        ("Data must be tabular CSV for Autopilot", [("only", "input-format", ("csv",), None, None)]),
        ("it takes CSV or libsvm input, RecordIO wrapped protobuf, parquet; x",
         [("supports", "input-format", ("csv", "libsvm", "recordio-protobuf", "parquet"), None, None)]),
        ("Firehose cannot convert record formats", [("lacks", "convert-to", ("any",), None, None)]),
        ("Lambda runs for at most 15 minutes", [("limit", "duration", (), 900.0, "max")]),
        ("Lambda timeout maximum is 5 minutes", [("limit", "duration", (), 300.0, "max")]),
        ("up to 3,008 MB of memory", [("limit", "memory", (), 3008.0, "max")]),
        ("Reserved: (MINIMUM 1 year)", [("limit", "term", (), 31536000.0, "min")]),
        ("P4 instances are the latest generation of GPU-based instances", [("latest", "generation", ("gpu",), None, None)]),
        ("SageMaker does not support resource-based policies and service-linked roles",
         [("lacks", "capability", ("resource-based policies", "service-linked roles"), None, None)]),
    ],
)
def test_assertions(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["CPU is preferred", "ML models will run up to 2x better performance", "Required framework memory is reduced 10x",
     "GPU", "Use GPUs for deep learning"],
)
def test_sentences_that_assert_nothing(sentence):
    assert read(sentence) == []


CTX = Context(as_of=date(2026, 11, 25), settings=Config(root=REPO))


def statements(body: str, front: str = FRONT, with_front_matter: bool = False):
    """The statements of a note; those of its front matter (title, exam) only when asked."""
    note = parse_note(decode("n.md", (front + body).encode()))
    found = statements_of(note, CTX)
    start = note.front_matter.end if note.front_matter and not with_front_matter else 0
    return note, [s for s in found if s.start >= start]


def test_subjects_are_resolved_and_inherited_from_parents_and_headings():
    note, found = statements("## XGBoost\n\n* only CPU\n* Neo:\n  * runs up to 2x faster\n* Amazon Kinesis Data Firehose loads S3.\n")
    rows = [(s.text, [(x.name, x.written, x.inherited) for x in s.subjects]) for s in found]
    assert [s.heading for s in found] == [True, False, False, False, False]
    assert rows == [
        ("XGBoost", [("XGBoost", "XGBoost", False)]),  # the heading: its own statement, asserting nothing
        ("only CPU", [("XGBoost", "XGBoost", True)]),
        ("Neo:", [("SageMaker Neo", "Neo", False)]),
        ("runs up to 2x faster", [("SageMaker Neo", "Neo", True)]),
        ("Amazon Kinesis Data Firehose loads S3.",
         [("Data Firehose", "Amazon Kinesis Data Firehose", False), ("S3", "S3", False)]),
    ]
    assert found[0].assertions == ()
    only = found[1].assertions[0]
    assert (only.subject, note.position(only.assertion.start)) == ("XGBoost", (7, 3))


def test_a_label_owns_the_assertions_of_its_sentence():
    _, found = statements("* XGBoost: takes CSV or libsvm input, RecordIO wrapped protobuf, parquet; only CPU\n")
    assert {b.subject for b in found[0].assertions} == {"XGBoost"}


def test_plain_english_names_need_aws_casing():
    _, found = statements("* glue code and batch jobs\n* AWS Glue and Batch: both run jobs\n")
    assert [s.names() for s in found] == [set(), {"Glue", "Batch"}]


def test_acknowledged_changes_and_front_matter_statements():
    front = "---\ntitle: T\nreviewed: 2025-06-01\nexam: MLS-C01 (retired 2026-03-31)\n---\n"
    _, found = statements("* Amazon EventBridge (formerly CloudWatch Events) runs rules\n* DeepLens films\n", front, True)
    assert [(s.text, s.acknowledged) for s in found] == [
        ("T", False),
        ("MLS-C01 (retired 2026-03-31)", True),
        ("Amazon EventBridge (formerly CloudWatch Events) runs rules", True),
        ("DeepLens films", False),
    ]


def test_a_short_paragraph_labels_the_list_after_it():
    _, found = statements("## Kinesis Data Streams\n\nSQS\n* up to 14 days of retention\n")
    assert [(s.text, sorted(s.names())) for s in found if not s.heading] == [
        ("SQS", ["SQS"]), ("up to 14 days of retention", ["SQS"])]
    assert [s.text for s in found if s.heading] == ["Kinesis Data Streams"]


def test_hedged_could_is_not_a_capability_claim():
    assert read("Although it could technically run on GPU instance types, it does not use them") == []
