"""The original notes, typos intact: every labelled error found where it is, nothing else.

``tests/data/original-spelling.tsv`` is the labelled list, read by hand from
``tests/fixtures/original-notes.md``.  A new finding on the original notes is
either a new true error (label it) or a false positive (fix the tokenizer or a
vocabulary).
"""

from __future__ import annotations

import csv

from notelint.config import Config
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.rules import RULES
from tests.helpers import AS_OF, FIXTURES, ROOT

LABELS = ROOT / "tests" / "data" / "original-spelling.tsv"


def labels() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8") as handle:
        rows = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(rows, delimiter="\t"))


def spelling_findings():
    path = FIXTURES / "original-notes.md"
    linter = Linter(Config(root=ROOT, select=("NL2",)), RULES, AS_OF)
    return linter.run([NoteFile(path, str(path))]).diagnostics


def test_labels_point_at_their_text():
    lines = (FIXTURES / "original-notes.md").read_text(encoding="utf-8").split("\n")
    for row in labels():
        line, column = int(row["line"]), int(row["column"])
        assert lines[line - 1][column - 1 :].startswith(row["text"]), row


def test_every_labelled_error_is_found_and_nothing_else():
    expected = {(int(r["line"]), int(r["column"]), r["code"]) for r in labels()}
    actual = {(d.line, d.column, d.code) for d in spelling_findings()}
    assert sorted(expected - actual) == [], "labelled errors not found"
    assert sorted(actual - expected) == [], "findings that are not labelled errors (false positives?)"


def test_the_seed_list_of_misspellings_is_all_labelled():
    # section A of the hand-read seed list: 17 occurrences, 15 distinct words
    typos = [r for r in labels() if r["category"] == "A"]
    assert len(typos) == 17
    assert len({r["text"].lower() for r in typos}) == 15
