"""NL440-NL442: instance types and regions."""

from __future__ import annotations

from tests.aws_helpers import lint


def test_unknown_instance_types():
    text = """
    * Train on ml.p3.4xlarge or ml.p3.2xlarge; host on ml.eia1.medium accelerators
    * EC2: p4d.24xlarge, t2.micro, m5.large and c5.8xlarge
    """
    assert lint(text, "NL440") == [
        ("NL440", 1, 12, ("ml.p3.2xlarge", "ml.p3.8xlarge", "ml.p3.16xlarge")),
        ("NL440", 2, 45, ("c5.18xlarge", "c5.xlarge", "c5.2xlarge")),
    ]


def test_file_and_host_names_are_not_instance_types():
    assert lint("* read config.large, model.tar.gz and file1.xlarge.json\n", "NL440") == []


def test_instance_type_purpose():
    assert lint("* Run the training job on ml.inf1.xlarge instances\n", "NL441") == [("NL441", 1, 27, ())]
    assert lint("* Host the endpoint on ml.inf1.xlarge instances\n", "NL441") == []
    assert lint("* ml.inf1.xlarge for training or hosting\n", "NL441") == []  # two purposes: not judged


def test_regions():
    text = """
    * us-east-1, eu-central-2, ap-southeast-4, us-gov-west-1, us-east-1a
    * us-east-3 and eu-north-9
    """
    assert lint(text, "NL442") == [
        ("NL442", 2, 3, ("us-east-1", "us-east-2")),
        ("NL442", 2, 17, ("eu-north-1",)),
    ]


def test_instance_types_in_the_wrong_case():
    text = """
    * Train on ml.P3.2xlarge or ml.m5.2Xlarge; M4.10xlarge has 10 Gbit/s; ml.p3.2xlarge is fine.
    * README.MD, Config.Large and ML.FOO.LARGE are not instance types.
    """
    assert lint(text, "NL440") == [
        ("NL440", 1, 12, ("ml.p3.2xlarge",)),
        ("NL440", 1, 29, ("ml.m5.2xlarge",)),
        ("NL440", 1, 44, ("m4.10xlarge",)),
    ]


def test_an_availability_zone_where_a_region_is_meant():
    text = """
    * Create the bucket in the us-east-1a region; the subnet is in us-east-1b.
    * `aws s3 presign s3://b/k --region us-east-1a` and `boto3.client("s3", region_name="eu-west-1c")`
    * Region: us-west-2a; the instance runs in us-west-2a
    """
    assert lint(text, "NL442") == [
        ("NL442", 1, 28, ("us-east-1",)),
        ("NL442", 2, 37, ("us-east-1",)),
        ("NL442", 2, 86, ("eu-west-1",)),
        ("NL442", 3, 11, ("us-west-2",)),
    ]
