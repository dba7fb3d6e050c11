"""Errors a reader saw in the shipped notes that notelint did not report (review of 2026-12-02).

Each was fixed by hand in notes/ (tests/data/notes-mapping.tsv says where);
each class becomes a case for the rule family that should catch it.  Cases
whose rule does not catch them yet are strict xfails naming the issue that
builds the capability: when the rule learns it, the xfail turns into a failure
and the marker must be removed.
"""

from __future__ import annotations

import pytest

from tests.helpers import lint

FRONT = "---\ntitle: T\nreviewed: 2026-11-25\n---\n"
LINE = FRONT.count("\n") + 1


def spans(text: str, select: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.column, d.end_column) for d in lint(FRONT + text, select)]


def column_of(text: str, word: str) -> int:
    return text.index(word) + 1


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("* IAM and bucket policies for S#. Bucket policies for public access\n", "S#"),  # S3: '#' is shift+3
        ("* Customer is responsible for OS< Network, firewall configuration\n", "OS<"),  # ',' typed with shift
        ("* AWS Security: IAM, MFA> SSL/TLS, encryption\n", "MFA>"),  # ',' typed with shift
    ],
)
def test_a_shifted_character_glued_to_a_word_is_reported(text, token):
    found = spans(text, "NL2")
    assert any(start == column_of(text, token) for _code, start, _end in found), found


@pytest.mark.parametrize(
    ("text", "words", "canonical"),
    [
        ("* AWS Security: IAM, MFA, SSL/TLS, cloud train, encryption\n", "cloud train", "CloudTrail"),
        ("* DynamoDB, Dynamo Accelerator, DocumentDB, EMR, Neptune\n", "Dynamo Accelerator", "DynamoDB Accelerator"),
    ],
)
def test_a_service_name_written_wrong_is_reported(text, words, canonical):
    found = lint(FRONT + text, "NL3")
    assert [(d.column, any(canonical in s for s in d.suggestions)) for d in found] == [(column_of(text, words), True)]


def test_a_service_name_split_in_two_is_reported():
    """The form of these errors notelint does catch today (NL302), kept beside the ones it misses."""
    text = "* DynamoDB, Dynamo DB, DocumentDB\n"
    assert spans(text, "NL302") == [("NL302", column_of(text, "Dynamo DB"), column_of(text, "Dynamo DB") + 9)]


def test_a_wrong_launch_year_is_reported():
    # Asynchronous Inference launched on 2021-08-20, Serverless Inference in April 2022
    text = "* Ways to deploy: real-time endpoints, Batch Transform, and since 2022 Serverless Inference and Asynchronous Inference\n"
    assert [code for code, _s, _e in spans(text, "NL5")] == ["NL508"]


def test_a_resource_for_a_retired_exam_named_only_in_its_link_is_reported():
    text = ("* DA Sample Questions https://d1.awsstatic.com/training-and-certification/docs-data-analytics-specialty/"
            "AWS-Certified-Data-Analytics-Specialty_Sample-Questions_v.1.1_FINAL.pdf\n")
    assert [code for code, _s, _e in spans(text, "NL5")] == ["NL502"]
