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
    * glue the pieces together with S3
    * some glue code
    """
    assert lint(text, "NL301") == [("NL301", 3, 7, ("Glue",))]


def test_everyday_words_followed_by_a_resource_the_service_creates():
    # CreateJob, CreateCrawler (glue), CreateParallelData (translate): resource nouns from botocore
    text = """
    # AWS Glue and Amazon Translate

    * Lambda can trigger a glue job
    * the glue crawlers run hourly
    * you need to translate data first
    * glue code is boring
    """
    assert lint(text, "NL301") == [("NL301", 3, 24, ("Glue",)), ("NL301", 4, 7, ("Glue",))]


def test_proper_noun_use_of_a_several_word_everyday_name():
    text = """
    # AWS Data Pipeline

    * Data pipeline is an orchestrator; actions run on EC2 managed by Data pipeline.
    * a data pipeline feeds the model; build a Data pipeline
    """
    assert lint(text, "NL301") == [("NL301", 3, 67, ("Data Pipeline",))]


def test_parentheses_and_bold_around_names_in_prose():
    text = """
    * Amazon Kinesis Data Firehose and AWS Lambda are used.
    * send the updates to CloudSearch (lambda)
    * real time vs firehose (**near** real time)
    * **lambda functions time out after 15 minutes**
    * map(lambda x: x + 1), *lambda*, transfer data to lambda by: copying
    """
    assert lint(text, "NL301") == [
        ("NL301", 2, 36, ("Lambda",)),
        ("NL301", 3, 16, ("Firehose",)),
        ("NL301", 4, 5, ("Lambda",)),
        ("NL301", 5, 52, ("Lambda",)),
    ]


def test_a_capital_inside_a_loose_name_means_the_whole_name():
    assert lint("* use Kinesis data Streams here; Kinesis streams are shards\n", "NL301") == [
        ("NL301", 1, 7, ("Kinesis Data Streams",))
    ]
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


def test_near_miss_of_a_one_word_name():
    text = """
    * Amazon S3 and ElasticCache; CodePipline deploys; SagemMaker trains.
    * ElastiCache, CodePipeline, Snowballs, `ElasticCache`, ElasticSearch, https://x.test/ElasticCache
    """
    assert lint(text, "NL304") == [
        ("NL304", 1, 17, ("ElastiCache",)),
        ("NL304", 1, 31, ("CodePipeline",)),
        ("NL304", 1, 52, ("SageMaker",)),
    ]
    # not a note about AWS: an inner-capital word is someone's product
    assert lint("* ElasticCache is our in-house cache\n", "NL304") == []


def test_a_name_with_one_word_swapped_for_the_same_initial():
    text = """
    * Amazon S3 data is encrypted with the AWS Key Management System.
    * AWS Database Management Service moves it; the Kinesis Consumer Library reads it.
    * Auto Scaling Policies scale it; Select Data Wrangler in the console; Key Management Service.
    """
    assert lint(text, "NL304") == [
        ("NL304", 1, 44, ("Key Management Service",)),
        ("NL304", 2, 7, ("Database Migration Service",)),
        ("NL304", 2, 49, ("Kinesis Client Library", "Kinesis Connector Library")),
    ]


def test_a_digit_typed_with_shift():
    assert lint("* Store the data in S# and run it on EC@ instances.\n", "NL304") == [
        ("NL304", 1, 21, ("S3",)),
        ("NL304", 1, 38, ("EC2",)),
    ]
    assert lint("* Code in C# and F#; see #tags and S3#anchor, `S#`.\n", "NL304") == []


def test_a_casing_aws_itself_also_uses_is_accepted():
    # the SageMaker guide writes both "RecordIO" and "recordIO"
    assert lint("* Amazon SageMaker reads recordIO and RecordIO, not Recordio\n", "NL301") == [
        ("NL301", 1, 53, ("RecordIO",))
    ]


def test_names_in_code_spans_that_read_as_words():
    text = """
    * Use `Amazon Dynamo DB` and `Aws Sagemaker` with Amazon S3.
    * Not `sagemaker.Session()`, `aws_sagemaker`, `Sagemaker`, `dynamo db` or `s3://Sagemaker Data`.
    """
    assert lint(text, "NL301,NL302") == [
        ("NL302", 1, 15, ("DynamoDB",)),
        ("NL301", 1, 31, ("AWS SageMaker",)),
    ]


def test_cli_commands_in_prose_are_not_names():
    text = """
    * **aws opsworks --region us-east-1 create-deployment** and "aws sagemaker" and `aws s3 ls`
    * but "AWS Sagemaker" is cased wrong
    """
    # one finding per span: the vendor finding, whose suggestion also fixes the case
    assert lint(text, "NL301,NL303") == [("NL303", 2, 8, ("Amazon SageMaker",))]


def test_a_name_with_one_word_written_wrong_where_a_name_stands():
    text = """
    # AWS Snowball Family

    * AWS Security: IAM, MFA, SSL/TLS, cloud train, encryption
    * DynamoDB, Dynamo Accelerator, DocumentDB, EMR, Neptune
    * Optimize file sizes with the EMR tool S3DiscCP

    | Service | Use |
    | --- | --- |
    | Delivery Firehose | streaming delivery |
    | Kinesis Video Stream | video |
    """
    assert lint(text, "NL304") == [
        ("NL304", 1, 7, ("Snow Family",)),
        ("NL304", 3, 36, ("CloudTrail",)),
        ("NL304", 4, 13, ("DynamoDB Accelerator",)),
        ("NL304", 5, 41, ("S3DistCp",)),
        ("NL304", 9, 3, ("Data Firehose",)),
    ]


def test_words_near_a_name_that_do_not_stand_for_it():
    text = """
    * We took the cloud train to Amazon S3 headquarters.
    * S3, Direct Connection, and EC2
    * [SageMaker ClarifyProcessor](https://sagemaker.readthedocs.io/) runs the job on Amazon SageMaker
    * Orchestration Service
    * Create pipeline
    * S3 and Glue, Delivery Firehose and the rest
    """
    # a sentence (not a list item), a word ending ("Connection"), a class name, a generic
    # second word ("Service"), lowercase words, and a swapped first word outside a name position
    assert lint(text, "NL304") == []
    # not a note about AWS: nothing names a service, so words are words
    assert lint("* trains, buses, cloud train, ferries\n", "NL304") == []
