"""The labelled real-world set: its labels are valid, and the scorer matches findings to them as documented."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, load_bench

BENCH = REPO / "bench"
REAL = REPO / "tests" / "fixtures" / "real"


real_labels = load_bench("real_labels")
real_recall = load_bench("real_recall")

HEADER = "\t".join(real_labels.COLUMNS)


def _row(**fields) -> str:
    values = {column: "" for column in real_labels.COLUMNS}
    values.update({"why": "a reason", "confidence": "sure"}, **{k: str(v) for k, v in fields.items()})
    return "\t".join(values[column] for column in real_labels.COLUMNS)


LAMBDA = "gillouche__aws-notes/services/compute/lambda/lambda.md"


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "x.tsv"
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


# -- the committed set --------------------------------------------------------


def test_committed_labels_are_valid_and_cover_at_least_3000_lines():
    labels = real_labels.read_labels()
    assert labels, "no labels"
    files = [p for p in REAL.rglob("*.md") if "__" in p.relative_to(REAL).parts[0]]
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in files)
    assert lines >= 3000
    assert {label.category for label in labels} <= set(real_labels.SUBTYPES)


def test_every_source_folder_is_recorded_with_its_licence():
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    for folder in (p for p in REAL.iterdir() if p.is_dir() and "__" in p.name):
        assert f"`{folder.name}`" in sources, folder.name
        assert any(folder.glob("LICENSE*")), f"{folder.name} has no licence file"


# -- the label validator ------------------------------------------------------


def test_a_valid_row_is_read(tmp_path):
    path = _write(tmp_path, _row(file=LAMBDA, line=1, category="aws-name", subtype="wrong-case", token="AWS Lambda"))
    (label,) = real_labels.read_labels([path])
    assert (label.file, label.line, label.token, label.category) == (LAMBDA, 1, "AWS Lambda", "aws-name")


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"category": "grammar", "subtype": "non-word", "token": "AWS"}, "category"),
        ({"category": "spelling", "subtype": "wrong-case", "token": "AWS"}, "subtype"),
        ({"category": "spelling", "subtype": "non-word", "token": "Lamda"}, "is not on"),
        ({"category": "stale", "subtype": "renamed", "token": "AWS"}, "date"),
        ({"category": "stale", "subtype": "renamed", "token": "AWS", "date": "2024-01-01"}, "source"),
        ({"category": "contradiction", "subtype": "contradiction", "token": "AWS"}, "related"),
        ({"category": "spelling", "subtype": "non-word", "token": "AWS", "confidence": "maybe"}, "confidence"),
        ({"category": "spelling", "subtype": "non-word", "token": "AWS", "line": 9999}, "lines, not 9999"),
    ],
)
def test_invalid_rows_are_reported_with_their_place(tmp_path, fields, problem):
    path = _write(tmp_path, _row(file=LAMBDA, **{"line": 1, **fields}))
    with pytest.raises(real_labels.LabelError) as raised:
        real_labels.read_labels([path])
    assert "x.tsv:2" in str(raised.value)
    assert problem in str(raised.value)


def test_a_wrong_header_is_reported(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("file\tline\n", encoding="utf-8")
    with pytest.raises(real_labels.LabelError, match="header"):
        real_labels.read_labels([path])


# -- matching findings to labels ----------------------------------------------


def _label(category="spelling", subtype="non-word", token="recieve", line=3, file="a.md", related="", expected=""):
    return real_labels.Label(
        file=file, line=line, category=category, subtype=subtype, token=token, expected=expected, why="w",
        confidence="sure", date="", source="", related=related, origin="t",
    )


def _finding(code="NL201", line=3, column=5, end_column=12, path="a.md", end_line=None, related=()):
    return real_recall.Finding(
        path=path, line=line, column=column, end_line=end_line or line, end_column=end_column,
        code=code, message="m", related=related,
    )


TEXT = {"a.md": ["one", "two", "we recieve it, recieve", "four"], "b.md": ["x"] * 9}


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (_finding(column=4, end_column=11), True),  # exactly the token
        (_finding(column=10, end_column=11), True),  # overlaps its end
        (_finding(column=16, end_column=23), True),  # the second occurrence
        (_finding(column=1, end_column=4), False),  # next to it, not on it
        (_finding(column=4, end_column=11, line=2), False),  # another line
        (_finding(column=4, end_column=11, path="b.md"), False),  # another file
        (_finding(code="NL116", column=4, end_column=11), False),  # structure never matches content labels
        (_finding(code="NL301", column=4, end_column=11), True),  # another content family still finds it
        (_finding(line=2, end_line=3, column=2, end_column=5), True),  # a span from the line before
    ],
)
def test_token_labels_match_findings_whose_span_overlaps_the_token(finding, expected):
    label = _label()
    assert real_recall.matches(label, finding, TEXT["a.md"][2]) is expected


def test_stale_labels_match_any_claim_finding_on_their_line():
    label = _label(category="stale", subtype="renamed", token="it")
    elsewhere_on_line = _finding(code="NL505", column=1, end_column=3)
    assert real_recall.matches(label, elsewhere_on_line, TEXT["a.md"][2])
    assert not real_recall.matches(label, _finding(code="NL201", column=1, end_column=3), TEXT["a.md"][2])
    assert not real_recall.matches(label, _finding(code="NL505", line=4), TEXT["a.md"][2])


def test_contradiction_labels_match_through_related_locations():
    label = _label(category="contradiction", subtype="contradiction", token="x", file="b.md", line=7, related="a.md:3")
    finding = _finding(code="NL601", related=(("b.md", 7),))
    assert real_recall.matches(label, finding, "x")
    result = real_recall.score([label], [finding], TEXT)
    assert result.found_by[label] == [finding]


def test_recall_and_precision_rows():
    found, missed = _label(), _label(token="it", subtype="real-word")
    hit = _finding(column=4, end_column=11)
    judged_false = _finding(line=1, column=1, end_column=4)
    unjudged = _finding(code="NL301", line=4, column=1, end_column=5)
    result = real_recall.score([found, missed], [hit, judged_false, unjudged], TEXT)
    rows = {(r["category"], r["subtype"]): r for r in real_recall.recall_rows(result)}
    assert (rows[("spelling", "non-word")]["found"], rows[("spelling", "non-word")]["labels"]) == (1, 1)
    assert (rows[("spelling", "real-word")]["found"], rows[("spelling", "real-word")]["labels"]) == (0, 1)
    assert (rows[("all", "all")]["found"], rows[("all", "all")]["labels"]) == (1, 2)
    verdicts = {real_recall.verdict_key(judged_false, TEXT): ("false", "")}
    precision = {r["family"]: r for r in real_recall.precision_rows(result, verdicts, TEXT)}
    assert precision["spelling"]["matched"] == 1 and precision["spelling"]["judged_false"] == 1
    assert precision["spelling"]["precision"] == 0.5
    assert precision["aws-naming"]["unjudged"] == 1 and precision["aws-naming"]["precision"] is None


def test_a_group_is_one_error_repeated_in_one_note_and_found_by_any_of_its_labels():
    first = _label(category="stale", subtype="renamed", token="we", line=3, expected="New Name")
    again = _label(category="stale", subtype="renamed", token="four", line=4, expected="new name")
    elsewhere = _label(category="stale", subtype="renamed", token="x", line=2, file="b.md", expected="New Name")
    result = real_recall.score([first, again, elsewhere], [_finding(code="NL501", column=1, end_column=3)], TEXT)
    (row,) = [r for r in real_recall.recall_rows(result) if r["subtype"] == "renamed"]
    assert (row["found"], row["labels"], row["groups_found"], row["groups"]) == (1, 3, 1, 2)


def test_verdicts_round_trip(tmp_path):
    path = tmp_path / "verdicts.tsv"
    finding = _finding(column=4, end_column=11)
    assert real_recall.append_unjudged([finding], TEXT, path) == 1
    verdicts = real_recall.read_verdicts(path)
    assert verdicts == {("a.md", 3, "NL201", "recieve"): ("?", "m")}
    assert path.read_text(encoding="utf-8").splitlines()[1].split("\t")[-1] == TEXT["a.md"][2]
    path.write_text(path.read_text(encoding="utf-8").replace("\t?\t", "\ttrue\t"), encoding="utf-8")
    assert real_recall.read_verdicts(path)[("a.md", 3, "NL201", "recieve")][0] == "true"


# -- the scorer, end to end -----------------------------------------------------


def test_the_scorer_runs_the_real_cli_on_the_set(tmp_path):
    out = tmp_path / "score.json"
    done = subprocess.run(
        [sys.executable, str(BENCH / "real_recall.py"), "--no-clean-text", "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    assert "## Recall per category and subtype" in done.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    total = next(r for r in data["recall"] if r["category"] == "all")
    assert total["labels"] == len(real_labels.read_labels())
    assert 0 <= total["found"] <= total["labels"]
    assert data["lines"] >= 3000
    assert data["botocore_version"]
    # a change to a rule that loses a label it used to find, or that adds a finding on the
    # set nobody has judged, is seen here: re-run bench/real_recall.py, judge the new findings
    # in verdicts.tsv (--update-verdicts), and record what is found (--write-found)
    recorded = set((REAL / "found.txt").read_text(encoding="utf-8").splitlines())
    assert sorted(recorded - set(data["found"])) == []
    assert data["unjudged"] == 0
