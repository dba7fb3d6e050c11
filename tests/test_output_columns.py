"""Columns are Unicode code points in every output format, also after astral and combining characters.

The oracle is independent of notelint: the line's text sliced by code points
(Python's str indexing) must give the reported word.  The audit of 2026-12-02
emitted SARIF columns in UTF-16 code units (an emoji counts 2) and only a pure
ASCII fixture was tested.
"""

from __future__ import annotations

import json

import pytest

from notelint.cli import main
from tests.helpers import FRONT

# an astral emoji (2 UTF-16 units, 4 UTF-8 bytes), a combining accent and a CJK
# character before a misspelling, and an astral character inside the fixed span's line
LINE = "* 🙂🙂 cafe\u0301 日本 we recieve data"
TEXT = FRONT + LINE + "\n"
LINE_NO = FRONT.count("\n") + 1
WORD = "recieve"
START = LINE.index(WORD) + 1  # 1-based code point column
END = START + len(WORD)


def run(tmp_path, monkeypatch, capsys, fmt: str) -> str:
    (tmp_path / "n.md").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--isolated", "--select", "NL202", "--format", fmt, "n.md"])
    return capsys.readouterr().out


def test_the_oracle_counts_code_points():
    assert LINE[START - 1 : END - 1] == WORD
    assert len(LINE[: START - 1].encode("utf-16-le")) // 2 > START - 1  # UTF-16 units would differ


def test_sarif_regions_and_fix_regions_are_code_points(tmp_path, monkeypatch, capsys):
    run_ = json.loads(run(tmp_path, monkeypatch, capsys, "sarif"))["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    (result,) = run_["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        LINE_NO, START, LINE_NO, END)
    (replacement,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"] == {"startLine": LINE_NO, "startColumn": START, "endLine": LINE_NO,
                                            "endColumn": END}
    assert replacement["insertedContent"]["text"] == "receive"


def test_json_columns_are_code_points(tmp_path, monkeypatch, capsys):
    (d,) = json.loads(run(tmp_path, monkeypatch, capsys, "json"))["diagnostics"]
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (LINE_NO, START, LINE_NO, END)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_and_github_columns_are_code_points(tmp_path, monkeypatch, capsys, fmt):
    out = run(tmp_path, monkeypatch, capsys, fmt)
    expected = f"n.md:{LINE_NO}:{START}:" if fmt == "text" else f"line={LINE_NO},col={START},endLine={LINE_NO},endColumn={END}"
    assert expected in out
