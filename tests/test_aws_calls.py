"""NL410-NL431: boto3 methods, CLI commands, IAM actions."""

from __future__ import annotations

from tests.aws_helpers import lint, messages
from tests.helpers import lint as lint_note
from tests.helpers import note


def test_method_of_a_client_assigned_in_the_note():
    text = """
    ```python
    s3 = boto3.client("s3")
    s3.list_object(Bucket="b")
    s3.upload_file("a", "b", "c")
    s3.generate_presigned_url("get_object", Params={})
    ```
    """
    assert lint(text, "NL410") == [("NL410", 3, 4, ("list_objects", "list_objects_v2", "get_object"))]


def test_misspelled_method_in_prose_and_variable_named_after_service():
    assert lint("* call create_training_job(), then poll decribe_training_job\n", "NL410") == [
        ("NL410", 1, 41, ("describe_training_job",)),
    ]
    assert lint("* `sm.decribe_training_job(...)` polls the job\n", "NL410") == [
        ("NL410", 1, 7, ("describe_training_job",)),
    ]


def test_non_boto3_objects_are_left_alone():
    text = """
    ```python
    estimator.fit(inputs)
    predictor = estimator.deploy(1, "ml.m5.large")
    predictor.predict(data)
    s3 = boto3.resource("s3")
    s3.Bucket("b").objects.all()
    role = get_execution_role()
    ```
    * feature_dim and mini_batch_size are hyperparameters
    """
    assert lint(text, "NL410") == []


def test_client_with_real_method_from_chain():
    assert lint('* `boto3.client("sagemaker").describe_training_job(TrainingJobName="x")`\n', "NL410") == []
    assert lint('* `boto3.client("sagemaker").describe_trainig_job(TrainingJobName="x")`\n', "NL410") == [
        ("NL410", 1, 30, ("describe_training_job", "describe_labeling_job", "describe_training_plan")),
    ]


def test_cli_commands():
    text = """
    ```bash
    aws sagemaker start-training-job --training-job-name x
    aws --region us-east-1 s3 cp a.txt s3://b/
    aws s3api get-object --bucket b --key k out
    aws sagemaker wait training-job-completed-or-stopped --training-job-name x
    aws eks update-kubeconfig --name c
    aws sagmaker list-endpoints
    ```
    """
    found = lint(text, "NL420")
    assert [(code, line, column) for code, line, column, _ in found] == [("NL420", 2, 15), ("NL420", 7, 5)]
    assert found[1][3][0] == "sagemaker"


def test_iam_actions_two_levels():
    text = """
    * s3:GetObject, s3:ListBucket, s3:Get*, sagemaker:CreateTrainingJob, sagemaker:VolumeKmsKey
    * s3:GetBucketLifecycle and sagemkr:CreateTrainingJob
    * arn:aws:s3:::bucket, aws:SourceIp, Fn::GetAtt, 10:30, s3://bucket/key, s3:TestEvent
    """
    assert lint(text, "NL43") == [
        ("NL431", 2, 3, ("s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:DeleteBucketPolicy")),
        ("NL430", 2, 29, ("sagemaker:CreateTrainingJob",)),
    ]
    (message,) = messages("* s3:GetBucketLifecycle\n", "NL431")
    assert "IAM data 0.1.202610271" in message


def test_unknown_prefix_in_a_policy():
    text = """
    ```json
    {"Effect": "Allow", "Action": ["s3:GetObject", "sagemakr:CreateModel"], "Resource": "*"}
    ```
    """
    assert lint(text, "NL430") == [("NL430", 2, 49, ("sagemaker:CreateModel",))]


def test_iam_actions_said_to_be_gone_are_not_reported():
    """A changelog row that removes a permission, or prose that calls an action invalid."""
    text = note("""
        | Change | Description |
        | --- | --- |
        | Update | Remove `sqs:SendMessageBatchh` permission. |

        * `s3:MoveObject` is not a valid action; copy, then delete.
        * The role needs s3:MoveObject.
        """)
    assert [(d.code, d.line, d.column) for d in lint_note(text, "NL43")] == [("NL431", 10, 18)]


def test_a_retired_services_iam_prefix_is_reported_as_retired():
    (finding,) = lint_note(note('* Allow "elastic-inference:Connect" for the accelerator.\n'), "NL430")
    assert (finding.line, finding.column, finding.end_column, finding.severity.value) == (5, 10, 27, "warning")
    assert "retired service" in finding.message and finding.suggestions == ()


def test_a_name_the_text_calls_a_condition_key_is_not_an_action():
    text = """
    * Use the `sagemaker:TargetContainerHostname` IAM condition key, and s3:ExistingKey condition keys.
    * Allow `sagemaker:InvokeEndpointz` and then `sagemaker:TargetContainerHostnam` in prose.
    """
    assert [(code, line, column) for code, line, column, _ in lint(text, "NL431")] == [("NL431", 2, 10), ("NL431", 2, 47)]


def test_keyword_arguments_an_operation_does_not_take():
    text = '''
    ```python
    sm = boto3.client("sagemaker")
    sm.describe_training_job(JobName="job")
    sm.create_endpoint(EndpointName="e", EndpointConfigName=f"c{x}", Tags=[{"Key": "k", "Value": "v"}], **extra)
    s3 = boto3.client('s3')
    s3.get_object(Bucket="b", Key=key(a=1),
                  Versionid="1")
    s3.upload_file("a", "b", "c", ExtraArgs={"ACL": "x"})
    s3.get_objects(Bucket="b")
    runtime.invoke_endpoint(EndpointNam="e")
    ```
    '''
    found = lint(text, "NL411")
    assert found == [("NL411", 3, 26, ("TrainingJobName",)), ("NL411", 7, 15, ("VersionId",))]
