"""NL401-NL406: operation names checked against botocore."""

from __future__ import annotations

from tests.aws_helpers import lint, messages


def test_existing_operations_pass():
    assert lint("* GetObject and PutObject read and write S3 objects; CreateTrainingJob starts training\n", "NL4") == []


def test_unknown_operation_with_ranked_suggestions():
    assert lint("* In S3, call the MoveObject API to rename a key\n", "NL401") == [
        ("NL401", 1, 19, ("GetObject", "RenameObject", "CopyObject")),
    ]
    assert lint("* DescribeTrainingJobz returns the status\n", "NL401") == [
        ("NL401", 1, 3, ("DescribeTrainingJob", "DescribeSigningJob", "DescribeTrainingPlan")),
    ]


def test_unknown_names_not_meant_as_operations_are_left_alone():
    # SDK helpers, Debugger rules, CloudFormation functions, Step Functions fields
    text = """
    * `CreateModelStep` and `CheckJobConfig` are SageMaker Python SDK helpers
    * Fn::GetAtt, !GetAtt and GetAZs are intrinsic functions; StartAt names the first state
    * ## CreateXgboostReport rule
    """
    assert lint(text, "NL401") == []


def test_camelcase_words_are_not_operations():
    text = "* SageMaker, DeepAR, BlazingText, PyTorch, JavaScript, PostgreSQL, TensorFlow, XGBoost\n"
    assert lint(text, "NL4") == []


def test_shapes_members_and_iam_actions_are_not_unknown_operations():
    text = "* Set EnableNetworkIsolation and StopCondition; ListBucket and PassRole are permissions\n"
    assert lint(text, "NL401") == []


def test_sdk_python_methods_are_not_operations():
    text = "* The fit method trains, deploy creates an endpoint, predict and transform run inference\n"
    assert lint(text, "NL4") == []


def test_wrong_case_has_a_safe_fix():
    assert lint("* GetObject, Putobject are legal API calls\n", "NL402") == [("NL402", 1, 14, ("PutObject",))]


def test_operation_of_another_service():
    assert lint("* PutRecordBatch writes records to a Kinesis stream\n", "NL403") == [
        ("NL403", 1, 3, ("PutRecord", "PutRecords")),
    ]
    assert lint("* PutRecordBatch writes records to a Firehose delivery stream\n", "NL403") == []
    # IAM names the permission, not the owner of the operation
    assert lint("* The IAM role needs permission to call InvokeEndpoint\n", "NL403") == []


def test_deprecated_operation_quotes_botocore():
    assert lint("* GetBucketLifecycle returns the lifecycle rules\n", "NL404") == [("NL404", 1, 3, ())]
    (message,) = messages("* TagLogGroup tags a log group in CloudWatch Logs\n", "NL404")
    assert message == (
        "'TagLogGroup' is deprecated in logs (botocore 1.44.8): Please use the generic tagging API TagResource"
    )


def test_misspelled_exception():
    assert lint("* Throttled writes fail with ProvisionedThroughputException\n", "NL405") == [
        ("NL405", 1, 30, ("ProvisionedThroughputExceededException",)),
    ]
    assert lint("* ProvisionedThroughputExceededException, NullPointerException, IndexReaderException\n", "NL405") == []


def test_existence_claims():
    assert lint("* MoveObject API call is illegal\n* there is no MoveObject in S3\n", "NL4") == []
    assert lint("* MoveObject is a valid S3 API\n", "NL4") == [
        ("NL406", 1, 3, ("GetObject", "RenameObject", "CopyObject")),
    ]
    assert lint("* S3 has no RenameObject API\n", "NL4") == [("NL406", 1, 13, ())]
    (message,) = messages("* S3 has no RenameObject API\n", "NL406")
    assert "botocore 1.44.8" in message and "s3" in message


def test_code_blocks_are_not_read_for_operation_names():
    text = """
    ```java
    GetObjectRequest request = new GetObjectRequest(bucket, key);
    MoveObjectNow();
    ```
    """
    assert lint(text, "NL40") == []
