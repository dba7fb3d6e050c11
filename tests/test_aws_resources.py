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
