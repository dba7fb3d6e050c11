"""NL301-NL303: AWS names in their canonical form."""

from __future__ import annotations

from tests.aws_helpers import lint


def test_case_errors_with_positions_and_fixes():
    found = lint(
        """
        * Sagemaker and Quicksight read from Elasticache.
        * send logs to cloudwatch
        """,
        "NL301",
    )
    assert found == [
        ("NL301", 1, 3, ("SageMaker",)),
        ("NL301", 1, 17, ("QuickSight",)),
        ("NL301", 1, 38, ("ElastiCache",)),
        ("NL301", 2, 16, ("CloudWatch",)),
    ]


def test_vendor_case_and_multi_word_names():
    assert lint("* Aws Sagemaker tuning jobs\n* AWS step functions and EC2 image builder\n", "NL301") == [
        ("NL301", 1, 3, ("AWS SageMaker",)),
        ("NL301", 2, 3, ("AWS Step Functions",)),
        ("NL301", 2, 26, ("EC2 Image Builder",)),
    ]


def test_split_names():
    assert lint("* Dynamo DB, Document DB and Blazing Text\n", "NL302") == [
        ("NL302", 1, 3, ("DynamoDB",)),
        ("NL302", 1, 14, ("DocumentDB",)),
        ("NL302", 1, 30, ("BlazingText",)),
    ]


def test_lowercase_split_needs_evidence():
    assert lint("* the quick sight of a bird\n", "NL302") == []
    assert lint("* QuickSight uses SPICE; quick sight's engine\n", "NL302") == [("NL302", 1, 26, ("QuickSight",))]


def test_vendor_prefix_is_info():
    assert lint("* AWS S3 and Amazon Glue\n", "NL303") == [
        ("NL303", 1, 3, ("Amazon S3",)),
        ("NL303", 1, 14, ("AWS Glue",)),
    ]


def test_canonical_and_coincidental_words_are_left_alone():
    text = """
    * Amazon SageMaker, Amazon QuickSight, Amazon ElastiCache and AWS Glue
    * glue code, lambda functions, batch jobs, a data pipeline, ground truth labels
    * Data pipeline design starts with a step function
    * CloudWatch logs are kept for 30 days
    * SAGEMAKER in a shouted heading, High RDs
    """
    assert lint(text, "NL3") == []


def test_identifiers_paths_and_code_are_not_names():
    text = """
    * `sagemaker.Session()`, s3://bucket/sagemaker/, sagemaker-python-sdk, sagemaker.estimator
    * bucket names must contain **sagemaker** or "sagemaker"
    * run aws s3 ls and aws sqs create-queue

    | type | target |
    | --- | --- |
    | dynamodb | Amazon DynamoDB |
    """
    assert lint(text, "NL3") == []


def test_fix_rewrites_the_name():
    from datetime import date
    from pathlib import Path

    from notelint.config import Config
    from notelint.engine import Linter
    from notelint.rules import RULES

    linter = Linter(Config(root=Path.cwd(), select=("NL3",)), RULES, as_of=date(2025, 6, 1))
    (diagnostic,) = linter.check_text("---\ntitle: t\nreviewed: 2025-06-01\n---\n\n* Redshift spectrum\n")
    assert diagnostic.fix.safe
    assert [(e.line, e.column, e.end_column, e.text) for e in diagnostic.fix.edits] == [(6, 3, 20, "Redshift Spectrum")]


def test_product_names_cover_the_curated_names(catalog):
    names = catalog.product_names
    for name in ("SageMaker", "QuickSight", "ElastiCache", "DynamoDB", "CloudWatch", "BlazingText", "Object2Vec"):
        assert names[name.casefold()] == name
    assert "sagemaker" in catalog.words


def test_lowercase_english_names_need_the_note_to_name_the_service():
    text = """
    * Streams go from Kinesis to AWS Lambda.
    * lambda is processing the stream
    * the lambda parameter = 0.5, and lambda x: x + 1
    * an X-ray image
    """
    assert lint(text, "NL301") == [("NL301", 2, 3, ("Lambda",))]
    # no evidence in the note: the English word, the Greek letter and the hyperparameter are left alone
    assert lint("* lambda is processing the stream\n* set lambda to 0.1\n", "NL301") == []


def test_forms_are_case_checked_with_evidence():
    text = """
    * Kinesis Data Firehose buffers records.
    * data streams can be used as source to firehose
    """
    assert lint(text, "NL301") == [("NL301", 2, 41, ("Firehose",))]
    assert lint("* a firehose sprays water\n", "NL301") == []


def test_everyday_words_need_a_list_of_names_or_a_heading():
    text = """
    # AWS Glue

    * S3, glue and Athena
    * Lambda can trigger a glue job
    * glue the pieces together with S3
    """
    assert lint(text, "NL301") == [("NL301", 3, 7, ("Glue",))]
    assert lint("* Amazon Connect\n* QuickSight can connect to S3, connect and Redshift\n", "NL301") == [
        ("NL301", 2, 33, ("Connect",))
    ]


def test_split_and_joined_names_of_several_words():
    text = """
    * Open Search and Elastic Bean Stalk
    * DirectConnect and CloudWatchEvent
    * Simple Work Flow Service and Code Pipeline
    """
    assert lint(text, "NL302") == [
        ("NL302", 1, 3, ("OpenSearch",)),
        ("NL302", 1, 19, ("Elastic Beanstalk",)),
        ("NL302", 2, 3, ("Direct Connect",)),
        ("NL302", 2, 21, ("CloudWatch Events",)),
        ("NL302", 3, 3, ("Simple Workflow Service",)),
        ("NL302", 3, 32, ("CodePipeline",)),
    ]
    # lowercase identifiers, botocore service ids and singular names are not re-split names
    assert lint("* directconnect, Comprehend Medical, a CloudWatch Log group, open search results\n", "NL302") == []


def test_vendor_of_names_and_forms():
    assert lint("# AWS CloudSearch\n\n* AWS OpenSearch and AWS X-ray\n", "NL3") == [
        ("NL303", 1, 3, ("Amazon CloudSearch",)),
        ("NL303", 3, 3, ("Amazon OpenSearch",)),
        ("NL301", 3, 22, ("AWS X-Ray",)),
    ]
