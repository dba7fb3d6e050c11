"""The claim reader's shortcuts (issue 19, seventh session) read what the plain forms read.

Each shortcut skips work that cannot find anything: a limit is not looked for in a sentence with
no quantity, the knowledge base's names are tried only at their first letter, a link's address is
read for a retired exam only if it holds one of the exam's forms.  These tests pin that the answers,
positions included, are the plain forms' answers, on the cases at each shortcut's edge."""

from __future__ import annotations

import re

import pytest

from notelint.aws.catalog import load_catalog
from notelint.aws.names import NameIndex, _inner_capital
from notelint.claims.assertions import extract
from notelint.claims.knowledge import build
from notelint.claims.resolver import NameResolver, _by_first_character


def _spans(found) -> list[tuple]:
    return [(a.relation, a.attribute, a.quantity, a.unit, a.bound, a.start, a.end) for a in found]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Lambda timeout up to 15 mins", [("limit", "duration", 900.0, "s", "max", 15, 28)]),
        ("Memory up to 3,008MB", [("limit", "memory", 3008.0, "MB", "max", 7, 20)]),
        ("up to 5 read replicas", [("limit", "read-replicas", 5.0, "count", "max", 0, 21)]),
        ("Max retention: 7 days", [("limit", "retention", 604800.0, "s", "max", 0, 21)]),
        ("maximum of 10 Dimensions", [("limit", "dimensions", 10.0, "count", "max", 0, 24)]),
        # digits with no quantity after them: versions, instance types, years, counts of other things
        ("Use ml.p3.2xlarge with version 1.2-1", []),
        ("Released in 2019, up to 3 models", []),
        ("up to 10 endpoints per account", []),
    ],
)
def test_limits_are_read_only_where_a_quantity_is_written(sentence, expected):
    assert _spans(extract(sentence)) == expected


FORMS = ["AWS Certified Zap", "AWS Certified Zap Builder", "Amazon Zap", "Zap", "Zap Builder", "S3 Select", "x-ray"]


def _flat(forms: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


@pytest.mark.parametrize(
    "text",
    [
        "AWS Certified Zap Builder - Specialty and Zap",
        "AWS Certified Zap Builders",  # the longest form fails at its end: the shorter one is tried
        "Amazon Zap, Zap-Builder, zap, S3 Select; x-ray x-rays",
        "AWS Certified Zap-Builder",
        "",
    ],
)
def test_forms_grouped_by_first_character_match_as_the_flat_alternation(text):
    grouped = re.compile(rf"(?<![\w-])(?:{_by_first_character(FORMS)})(?![\w-])")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in _flat(FORMS).finditer(text)]


def test_forms_grouped_by_first_character_in_full():
    assert [m.group() for m in re.finditer(_by_first_character(FORMS), "Zap Builder, AWS Certified Zap")] == [
        "Zap Builder", "AWS Certified Zap"]
    assert _by_first_character(["ab", "abc", "b"]) == "a(?:bc|b)|b(?:)"


def test_the_forms_that_name_an_entity_and_none_when_an_aws_name_does():
    index = NameIndex(load_catalog())
    knowledge = build(entities=[{"name": "AWS Certified Zap Builder - Specialty", "forms": ["Zap Builder Specialty"]},
                                {"name": "Polly"}])
    resolver = NameResolver(index, knowledge)
    assert resolver.forms_naming(frozenset({"AWS Certified Zap Builder - Specialty"})) == (
        "AWS Certified Zap Builder - Specialty", "Zap Builder Specialty")
    # Polly is an AWS name of the index: any text that names the service may name it
    assert resolver.forms_naming(frozenset({"Polly"})) is None
    assert resolver.forms_naming(frozenset()) == ()


@pytest.mark.parametrize(
    "word, expected",
    [("ClarifyProcessor", True), ("SageMaker", True), ("Sagemaker", False), ("SAGEMAKER", False), ("s3Bucket", False), ("myBucket", True),
     ("S3", False), ("", False), ("ÉtéMode", True), ("étéMode", True), ("ÉTÉ", False)],
)
def test_a_capital_after_a_small_letter(word, expected):
    assert _inner_capital(word) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Amazon Polly was renamed Amazon Voice.", True),
        ("POLLY WAS RETIRED", True),
        ("It is no longer\navailable.", True),
        ("Now called Voice", True),
        ("Formerly-known Polly", True),
        ("Unrenamed and retiredness", False),  # inside longer words
        ("Polly reads text aloud; it is available now.", False),
        ("Amazon Pölly was retired.", True),  # not ASCII: the case-insensitive pattern
        ("Pölly will ſunset in 2026.", True),  # "ſ" folds to "s" only case-insensitively
        ("Pölly reads text aloud.", False),
    ],
)
def test_a_sentence_that_says_a_change_happened_in_any_case(text, expected):
    from notelint.claims.extract import _ACKNOWLEDGED, _says_it_changed

    assert _says_it_changed(text) is expected
    assert (_ACKNOWLEDGED.search(text) is not None) is expected


def test_name_near_miss_patterns_start_at_a_capital_not_after_a_word_character():
    from notelint.aws.names import _INNER_CAPITALS, _TITLE_RUN

    text = "ElasticCache, xElasticCache, a.ElasticCache and Key Management System or xKey Management System"
    assert [m.span() for m in _INNER_CAPITALS.finditer(text)] == [(0, 12)]
    assert [m.span() for m in _TITLE_RUN.finditer(text)] == [(48, 69)]
    assert [m.span() for m in _TITLE_RUN.finditer("Key Management System")] == [(0, 21)]
