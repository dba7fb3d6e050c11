"""Output formats, byte for byte on a small fixture; SARIF against the official schema."""

import json
import os
from pathlib import Path

import pytest

from notelint.cli import main
from notelint.output.github import escape_data, escape_property
from notelint.versions import NOTELINT_VERSION, botocore_version

SMALL = Path(__file__).parent / "fixtures" / "small"
EXPECTED = SMALL / "expected"
FORMATS = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github"}


def render(fmt: str, capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(SMALL)
    code = main(["check", "--isolated", "--extend-select", "NL113", "--as-of", "2026-11-25", "--format", fmt, "bad.md", "good.md"])
    return code, capsys.readouterr().out


def expected(fmt: str) -> str:
    text = (EXPECTED / f"out.{FORMATS[fmt]}").read_text(encoding="utf-8")
    return text.replace("{notelint_version}", NOTELINT_VERSION).replace("{botocore_version}", botocore_version())


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_matches_golden_file(fmt, capsys, monkeypatch):
    code, out = render(fmt, capsys, monkeypatch)
    assert code == 1
    if os.environ.get("NOTELINT_UPDATE_GOLDEN"):
        generic = out.replace(f'"{botocore_version()}"', '"{botocore_version}"')
        generic = generic.replace(f'"{NOTELINT_VERSION}"', '"{notelint_version}"')
        (EXPECTED / f"out.{FORMATS[fmt]}").write_text(generic, encoding="utf-8")
        pytest.fail(f"out.{FORMATS[fmt]} rewritten; check the diff, then run again without NOTELINT_UPDATE_GOLDEN")
    assert out == expected(fmt)


def test_json_is_stable_and_complete(capsys, monkeypatch):
    _, out = render("json", capsys, monkeypatch)
    document = json.loads(out)
    assert list(document) == ["notelint_version", "botocore_version", "diagnostics", "errors"]
    keys = [(d["path"], d["line"], d["column"], d["code"]) for d in document["diagnostics"]]
    assert keys == sorted(keys)
    assert set(document["diagnostics"][0]) == {
        "code", "name", "severity", "path", "line", "column", "end_line", "end_column",
        "message", "suggestions", "fix", "related", "meta",
    }


def test_sarif_validates_against_official_schema(capsys, monkeypatch, sarif_schema):
    import jsonschema

    _, out = render("sarif", capsys, monkeypatch)
    document = json.loads(out)
    jsonschema.Draft7Validator(sarif_schema).validate(document)
    run = document["runs"][0]
    assert run["tool"]["driver"]["properties"]["botocoreVersion"] == botocore_version()
    assert run["columnKind"] == "unicodeCodePoints"
    duplicate = next(r for r in run["results"] if r["ruleId"] == "NL113")
    assert duplicate["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 8
    empty = next(r for r in run["results"] if r["ruleId"] == "NL112")
    assert empty["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "startLine": 10, "startColumn": 1, "endLine": 11, "endColumn": 1,
    }


def test_sarif_fingerprint_survives_moved_lines(tmp_path, capsys, monkeypatch):
    def fingerprints(text: str) -> list[str]:
        (tmp_path / "n.md").write_text(text)
        monkeypatch.chdir(tmp_path)
        main(["check", "--isolated", "--format", "sarif", "--select", "NL114", "n.md"])
        return [r["partialFingerprints"]["notelint/v1"] for r in json.loads(capsys.readouterr().out)["runs"][0]["results"]]

    front = "---\ntitle: T\nreviewed: 2025-06-01\n---\n"
    before = fingerprints(front + "![](a.png)\n")
    after = fingerprints(front + "Intro.\n\nMore.\n\n![](a.png)\n")
    assert before == after and len(before) == 1


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_format_is_chosen_in_actions(capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(SMALL)
    main(["check", "--isolated", "--extend-select", "NL113", "--as-of", "2026-11-25", "bad.md", "good.md"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::warning file=bad.md,line=4,col=1,endLine=4,endColumn=4,title=NL105 [unknown-field]::")
    assert lines[-1] == "notelint: 5 findings (0 errors, 5 warnings, 0 info) in 2 files"


def test_statistics_and_quiet(capsys, monkeypatch):
    monkeypatch.chdir(SMALL)
    main(["check", "--isolated", "--extend-select", "NL113", "--quiet", "--statistics", "bad.md", "good.md"])
    assert capsys.readouterr().out.splitlines()[-6:] == [
        "     1  NL105      unknown-field",
        "     1  NL112  [*] empty-list-item",
        "     1  NL113      duplicate-claim",
        "     1  NL114      image-missing-alt",
        "     1  NL116      unclosed-parenthesis",
        "",
    ]
