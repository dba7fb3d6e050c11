"""The prose tokenizer: what is a word to check, and how it is cut."""

from __future__ import annotations

import pytest

from notelint.spelling.tokens import (
    ALONE,
    HYPHEN,
    IDENTIFIER,
    camel_parts,
    caps_parts,
    is_acronym_plural,
    is_mixed_case,
    units,
)


def words(text: str) -> list[str]:
    return [unit.text for unit in units(text)]


@pytest.mark.parametrize(
    "text",
    [
        "https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html",
        "www.example.com",
        "someone@example.com",
        "@handle",
        "/opt/ml/model",
        "opt/ml/model",
        "~/notebooks",
        "./run.sh",
        "train.py",
        "nginx.conf",
        "ml.p3.2xlarge",
        "boto3.client",
        "v1.2.3",
        "e.g.",
        "s3:ListBucket",
        "arn:aws:iam::123456789012:role/x",
        "10:30",
        "key=value",
        "$HOME",
        "\\frac",
        "<bucket-name>",
        "*args",
        "**kwargs",
        "S3",
        "EC2",
        "p4d",
        "word2vec",
        "ResNet50",
        "us-east-1",
        "wikitext-2-raw-v1",
        "074de94302fd60948e1ad070e425eeda73d350e7",
        "fit()",
        "create_training_job()",
        "apply(cls, *args, **kwargs)",
        "naïve",
    ],
)
def test_not_words(text):
    assert words(text) == []


def test_plain_words_and_offsets():
    found = list(units("Build the image, then push it.", base=10))
    assert [u.text for u in found] == ["Build", "the", "image", "then", "push", "it"]
    assert (found[2].start, found[2].end) == (10 + 10, 10 + 15)
    assert all(u.joined == ALONE for u in found)


def test_punctuation_glued_to_words_is_not_part_of_them():
    assert words("(OS< Network, MFA> SSL/TLS)") == ["OS", "Network", "MFA", "SSL", "TLS"]
    assert words("“firewall” — rela-time…") == ["firewall", "rela", "time"]


def test_possessives_and_contractions():
    assert words("Amazon's SageMaker’s users' doesn't we'll") == ["Amazon", "SageMaker", "users", "does", "we"]


def test_hyphenated_compounds_are_split_and_marked():
    found = list(units("rela-time GPU-based"))
    assert [u.text for u in found] == ["rela", "time", "GPU", "based"]
    assert {u.joined for u in found} == {HYPHEN}


def test_identifiers_are_split_and_marked():
    found = list(units("decribe_training_job sagemaker-projectname-modeldeploy input/output"))
    assert [u.text for u in found] == [
        *("decribe", "training", "job"),
        *("sagemaker", "projectname", "modeldeploy"),
        *("input", "output"),
    ]
    assert {u.joined for u in found} == {IDENTIFIER}
    assert found[0].token == "decribe_training_job"


def test_quoted_literals_and_table_values_are_identifiers():
    assert [u.joined for u in units('the algorithms ("xgboost", "catboost")')] == [ALONE, ALONE, IDENTIFIER, IDENTIFIER]
    assert [u.joined for u in units("nthread", identifiers=True)] == [IDENTIFIER]


def test_prose_in_parentheses_after_a_word_is_not_a_call():
    assert words("model(ECR path that has image)") == ["model", "ECR", "path", "that", "has", "image"]


def test_camel_case():
    assert camel_parts("DocerFile") == [(0, "Docer"), (5, "File")]
    assert camel_parts("XGBoost") == [(0, "XG"), (2, "Boost")]
    assert camel_parts("recordIO") == [(0, "record"), (6, "IO")]
    assert camel_parts("AMIsAndGPUs") == [(0, "AMIs"), (4, "And"), (7, "GPUs")]
    assert caps_parts("IAMrole") == [(0, "IAM"), (3, "role")]
    assert is_mixed_case("SageMaker") and is_mixed_case("recordIO")
    assert not is_mixed_case("Docker") and not is_mixed_case("GPU")
    assert is_acronym_plural("GPUs") and is_acronym_plural("AMIs") and not is_acronym_plural("Gus")


def test_command_line_options_are_not_words_but_dashes_inside_prose_still_are():
    assert words("Run it with --dryrun or --outfile out.png.") == ["Run", "it", "with", "or"]
    assert words("--region-name and --max-items") == ["and"]
    # capitalised after the dashes, or one dash, or dashes inside a word: prose, checked
    assert words("--Outfle -outfle service--whch") == ["Outfle", "outfle", "service", "whch"]
