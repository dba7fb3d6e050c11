"""NL406 and the existence-claim reader, with their own sentences.

Every combination of claim (exists / does not / no claim), operation (real /
made up) and service (none named / the right one / another one) is pinned here,
so that none depends on what a note of ``notes/`` happens to say (the audit of
2026-12-02 flipped the "no service named" case and only a line of
``notes/security.md`` noticed).
"""

from __future__ import annotations

import pytest

from notelint.aws.existence import claim
from tests.aws_helpers import lint


def _claim(sentence: str, name: str) -> bool | None:
    start = sentence.index(name)
    return claim(sentence, start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # says it exists
        ("MoveObject is a valid S3 API", True),
        ("MoveObject is a legal API call", True),
        ("PutObject, MoveObject are legal API calls", True),
        ("MoveObject exists in S3", True),
        ("MoveObject API exists", True),
        ("MoveObject is an existing operation", True),
        ("MoveObject is a real API", True),
        # says it does not
        ("MoveObject API call is illegal", False),
        ("MoveObject is invalid", False),
        ("MoveObject is a fake API", False),
        ("MoveObject is made up", False),
        ("MoveObject is not a valid API", False),
        ("MoveObject is not real", False),
        ("MoveObject does not exist", False),
        ("MoveObject doesn't exist in S3", False),
        ("there is no MoveObject in S3", False),
        ("There's no MoveObject API", False),
        ("S3 has no MoveObject API", False),
        ("S3 has no such MoveObject operation", False),
        ("no such API MoveObject", False),
        # only uses the name
        ("MoveObject moves a key", None),
        ("Call MoveObject to move a key", None),
        ("MoveObject is slow", None),
    ],
)
def test_claim_reader(sentence, expected):
    assert _claim(sentence, "MoveObject") is expected


def test_a_negation_before_the_name_wins_over_a_positive_after_it():
    assert _claim("there is no MoveObject, which is valid elsewhere", "MoveObject") is False


# NL406 on whole notes: (claim, real?, service named) -> reported?
@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a real operation said to exist: right, whether or not a service is named
        ("* GetObject is a valid API\n", False),
        ("* GetObject is a valid S3 API\n", False),
        ("* CreateTrainingJob is a valid SageMaker API\n", False),
        # a real operation said to exist in a service that lacks it: wrong
        ("* CreateTrainingJob is a valid S3 API\n", True),
        # a made-up operation said to exist: wrong, with or without a service
        ("* MoveObject is a valid API\n", True),
        ("* MoveObject is a valid S3 API\n", True),
        # a made-up operation said not to exist: right
        ("* MoveObject API call is illegal\n", False),
        ("* there is no MoveObject in S3\n", False),
        # a real operation said not to exist: wrong, with or without a service
        ("* GetObject does not exist\n", True),
        ("* S3 has no GetObject API\n", True),
        # a real operation said not to exist in a service that lacks it: right
        ("* S3 has no CreateTrainingJob API\n", False),
        # no claim at all
        ("* Call MoveObject to move a key\n", False),
        ("* GetObject reads an object\n", False),
    ],
)
def test_wrong_existence_claims(text, reported):
    assert [f[0] for f in lint(text, "NL406")] == (["NL406"] if reported else [])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # capitalised words written together between the name and the verb read as one filler
        ("MoveObject FooBar is a valid API", True),
        ("MoveObject FooAPI is a valid API", True),
        ("MoveObject S3Bucket API is illegal", False),
        ("MoveObject Fooexists", True),  # a capitalised word run into the verb, as before
        ("MoveObject ABCdef is valid", True),
        # many capitals after the name and no verb: answered (the search was exponential in them)
        ("MoveObject " + "A" * 40 + " x", None),
        ("MoveObject AKIAIOSFODNN7EXAMPLEAKIAIOSFODNN7EXAMPLE is the key", None),
        ("MoveObject " + "Ab" * 30 + "!", None),
    ],
)
def test_capitalised_fillers_and_long_runs_of_capitals(sentence, expected):
    assert _claim(sentence, "MoveObject") is expected
