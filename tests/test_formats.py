"""--format junit, gitlab and grouped, each checked against its schema or shape."""

from __future__ import annotations

import json

import jsonschema
from lxml import etree

from tests.helpers import FIXTURES, REPO, run_cli

DATA = REPO / "tests" / "data"
NOTES = FIXTURES / "original-notes.md"


def _run(fmt: str, *paths: str) -> str:
    result = run_cli("check", "--isolated", "--format", fmt, *paths, cwd=REPO)
    assert result.returncode in (1, 2), result.stderr
    return result.stdout.decode()


def test_junit_output_is_valid_against_the_junit_schema(tmp_path):
    broken = tmp_path / "latin1.md"
    broken.write_bytes(b"caf\xe9\n")
    document = _run("junit", str(NOTES), str(broken)).encode()
    schema = etree.XMLSchema(etree.parse(str(DATA / "junit" / "JUnit.xsd")))
    tree = etree.fromstring(document)
    schema.assertValid(tree)
    json_count = len(json.loads(_run("json", str(NOTES)))["diagnostics"])
    assert len(tree.findall(".//failure")) == json_count > 50
    assert len(tree.findall(".//error")) == 1


def test_gitlab_output_is_valid_against_the_code_quality_schema():
    issues = json.loads(_run("gitlab", str(NOTES)))
    schema = json.loads((DATA / "gitlab" / "codequality.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(issues, schema)
    sarif = json.loads(_run("sarif", str(NOTES)))
    prints = [r["partialFingerprints"]["notelint/v1"] for r in sarif["runs"][0]["results"]]
    assert [issue["fingerprint"] for issue in issues] == prints
    assert len(set(prints)) == len(prints)  # GitLab drops issues with a repeated fingerprint
    # the schema is not vacuous: a wrong severity or a missing line fails
    bad = [dict(issues[0], severity="warning")]
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepted a severity GitLab does not know")


def test_grouped_output_lists_findings_under_their_file(tmp_path):
    (tmp_path / "b.md").write_text("teh cat\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("* Sagemaker\n", encoding="utf-8")
    result = run_cli("check", "--isolated", "--format", "grouped", "--color", "never", ".", cwd=tmp_path)
    assert result.stdout.decode().splitlines() == [
        "a.md:",
        "  1:3 NL301 [aws-name-case] warning: 'Sagemaker' is spelled right, wrong case: AWS writes 'SageMaker'",
        "",
        "b.md:",
        "  1:1 NL201 [unknown-word] warning: unknown word 'teh'",
        "",
        "Found 2 findings (0 errors, 2 warnings, 0 info) in 2 files.",
        "[*] 1 fixable with --fix.",
    ]
