"""The name index's word reader: the fast forms (one character class first, a byte translation for
ASCII text, pre-tests that pass over a text or a word) find exactly what the plain forms found."""

from __future__ import annotations

import re

import pytest

from notelint.aws.catalog import load_catalog
from notelint.aws.names import _TOKEN, NameIndex, _folded_tokens

# the token pattern as it was written before it opened with a character class
PLAIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*|(?<!\d)\d+[A-Za-z][A-Za-z0-9]*")

TEXTS = [
    "",
    "12345",
    "12345 abc 678",
    "Use Amazon SageMaker (v2) with S3, EC2 and 3D models; 10x faster, 2023-01-05.",
    "s3://bucket/key_name.txt and ml.p3.2xlarge at 99.9% (AWS::IAM::Role)",
    "a1b2 33c 4 d5 e 6 f7g",
    "snake_case_name CamelCase HTTPServer x86_64",
    "é123abc café naïve Δelta",  # non-ASCII letters are no token's
    "٣12ab ٣a b",  # an Arabic-Indic digit is a digit to \\d: it may start a token, or stop one
    "１２ab ＡＢ",  # full-width digits and letters
    "1²a ²a",
    "tab\tnew\nline\r\x00nul\x7fdel",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_token_pattern_matches_as_the_plain_pattern_did(text: str) -> None:
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in PLAIN_TOKEN.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_folded_tokens_are_the_plain_matches_casefolded(text: str) -> None:
    assert _folded_tokens(text) == [word.casefold() for word in PLAIN_TOKEN.findall(text)]


def test_folded_tokens_of_ascii_text_by_example() -> None:
    assert _folded_tokens("Amazon SageMaker, S3 and 10 EC2 (3D) x_y") == [
        "amazon", "sagemaker", "s3", "and", "ec2", "3d", "x", "y"
    ]
    assert _folded_tokens("2023 12 05") == []


def test_words_that_start_no_name_are_passed_over_and_names_still_found() -> None:
    index = NameIndex(load_catalog())
    # "data", "cloud" and "api" start names ("Data Pipeline", "CloudWatch" re-split, "API Gateway")
    # but not with the word after them here: no mention, and none missed around them
    assert index.mentions("The data scientists call the cloud api.") == []
    found = index.mentions("Send data to Cloud Watch and API gateway, then Amazon S3.")
    assert [(m.written, m.start, m.end) for m in found] == [
        ("Cloud Watch", 13, 24), ("API gateway", 29, 40), ("S3", 54, 56)
    ]
    assert found[2].vendor_written == "Amazon" and found[2].vendor_start == 47


def test_a_name_one_word_off_is_found_with_its_positions() -> None:
    index = NameIndex(load_catalog())
    assert index.names_one_word_off("We log with cloud train daily.") == [(12, 23, "CloudTrail", False)]
    # the same words across a comma are no name (words of a name are separated by one space)
    assert index.names_one_word_off("We log with cloud, train daily.") == []


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "ElasticCache feeds Key Management System and the Kinesis Data Analysis App Of Ours Here Now",
        "S3DiscCP, CodePipline.Stage and https://AwsCode/CodeBuild; Amazon Simple Storage",
        "A B C Def Ghi Jkl Mno Pqr Stu Vwx Yz",
    ],
)
def test_one_pass_finds_the_inner_capitals_and_the_title_runs(text: str) -> None:
    from notelint.aws.names import _INNER_CAPITALS, _INNER_CAPITALS_OR_TITLE_RUN, _TITLE_RUN

    both = [(m.span(), m.lastgroup == "inner") for m in _INNER_CAPITALS_OR_TITLE_RUN.finditer(text)]
    apart = sorted(
        [(m.span(), True) for m in _INNER_CAPITALS.finditer(text)] + [(m.span(), False) for m in _TITLE_RUN.finditer(text)]
    )
    assert both == apart
