"""scripts/botocore_diff.py, offline, on two small releases cut from real ones (botocore 1.43.90 of
2026-09-09 and 1.44.8 of 2026-11-20; tests/fixtures/botocore-diff/make_fixtures.py says how): the
pull-request body of the data-refresh workflow names what a note writer must look at."""

import json
import os
from pathlib import Path

import botocore

from tests.helpers import REPO, load_script

FIXTURES = REPO / "tests" / "fixtures" / "botocore-diff"


def _script():
    return load_script("botocore_diff")


def test_the_differences_between_two_real_releases(tmp_path, capsys):
    script = _script()
    assert script.main([str(FIXTURES / "1.43.90"), str(FIXTURES / "1.44.8"), "--json", str(tmp_path / "d.json")]) == 0
    body = capsys.readouterr().out
    found = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert (found["old"], found["new"]) == ("1.43.90", "1.44.8")
    assert found["services_added"] == [{"client": "payments", "name": "AWS Payments"}]
    assert found["services_removed"] == [{"client": "tnb", "name": "AWS Telco Network Builder"}]
    assert sorted(found["operations_deprecated"]["lookoutequipment"]) == ["CreateDataset", "DeleteDataset"]
    assert {n["service"] for n in found["notices_added"]} == {"bedrock-agent", "lookoutequipment", "rekognition"}
    assert found["notices_removed"] == []
    timeout = next(c for c in found["limits_changed"] if c["id"] == "lambda-timeout")
    assert "The maximum allowed value is 900 seconds." in timeout["before"]["documented"]
    assert any("1,800 seconds" in s for s in timeout["after"]["documented"])
    # the Markdown body says the same for people
    assert body.startswith("# botocore 1.43.90 → 1.44.8: what changed for note writers\n")
    assert "- `payments`: AWS Payments" in body and "- `tnb`: AWS Telco Network Builder" in body
    assert "- `lookoutequipment` CreateDataset, DeleteDataset: End of support notice" in body
    assert "Streaming Video and Bulk Image Analysis is no longer available to new customers." in body
    assert "no longer documented: “The maximum allowed value is 900 seconds.”" in body


def test_the_same_release_twice_has_no_differences(capsys):
    script = _script()
    script.main([str(FIXTURES / "1.44.8"), str(FIXTURES / "1.44.8")])
    body = capsys.readouterr().out
    assert body.count("_none_") == 7


def test_a_release_is_read_from_a_botocore_package_folder():
    release = _script().Release(Path(os.path.dirname(botocore.__file__)))
    assert release.version == botocore.__version__
    assert "lambda" in release.services and release.full_name("lambda") == "AWS Lambda"


def test_the_constraints_are_bumped_to_the_installed_versions(tmp_path, capsys):
    bump = load_script("bump_constraints")
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("# pins\nboto3==1.0.0\nbotocore==1.0.0\nPyYAML==6.0.4\n", encoding="utf-8")
    assert bump.main(["botocore", "--constraints", str(constraints)]) == 0
    assert constraints.read_text(encoding="utf-8") == f"# pins\nboto3==1.0.0\nbotocore=={botocore.__version__}\nPyYAML==6.0.4\n"
    assert capsys.readouterr().out == f"botocore 1.0.0 -> {botocore.__version__}\n"
    _text, changes = bump.bump(constraints.read_text(encoding="utf-8"), {"botocore": botocore.__version__})
    assert changes == []
