"""notes/ says what the original says, except where a reviewed correction says otherwise.

``tests/data/notes-mapping.tsv`` maps every non-empty line of the original
(``tests/fixtures/original-notes.md``) to the line of notes/ that carries it:

- ``kept``: the same text;
- ``fixed``: a typo, a name's case or form, alt text (``why`` lists what changed);
- ``corrected``: the content changed; ``source`` is the URL that backs it and is
  in that note's front matter ``sources``;
- ``link-replaced``: a link a reader cannot open, replaced (``why`` says how);
- ``dropped``: not carried over (``why`` says why);
- ``added``: a line of notes/ that is not in the original (``why``).

Every line of a note's body other than headings must be in the mapping, and
every mapped line must be in its note, verbatim.  So a fact changed, lost or
slipped in without a reviewed row fails here (the audit of 2026-12-02 changed
"poisson" to "Gaussian", deleted "Glue: ETL" and added a claim: the whole
suite passed).
"""

from __future__ import annotations

import csv
import difflib
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO

ORIGINAL = REPO / "tests" / "fixtures" / "original-notes.md"
MAPPING = REPO / "tests" / "data" / "notes-mapping.tsv"
NOTES = REPO / "notes"
STATUSES = {"kept", "fixed", "corrected", "link-replaced", "dropped", "added"}


def rows() -> list[dict[str, str]]:
    with MAPPING.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def body_lines(path: Path) -> tuple[list[str], list[str]]:
    """(the lines after the front matter, the front matter's sources)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    end = lines.index("---", 1)
    front = yaml.safe_load("\n".join(lines[1:end]))
    return lines[end + 1 :], list(front.get("sources") or [])


def test_every_line_of_the_original_is_mapped_once():
    original = ORIGINAL.read_text(encoding="utf-8").splitlines()
    wanted = {number for number, line in enumerate(original, 1) if line.strip()}
    mapped = Counter(int(r["seed_line"]) for r in rows() if r["seed_line"])
    assert set(mapped) == wanted
    assert [n for n, count in mapped.items() if count > 1] == []


@pytest.mark.parametrize("row", rows(), ids=lambda r: f"{r['seed_line'] or 'added'}-{r['status']}")
def test_each_row_is_reviewed_and_holds(row):
    original = ORIGINAL.read_text(encoding="utf-8").splitlines()
    status, seed = row["status"], original[int(row["seed_line"]) - 1] if row["seed_line"] else None
    assert status in STATUSES
    if status == "dropped":
        assert row["why"] and not row["note"] and not row["text"]
        return
    lines, sources = body_lines(NOTES / row["note"])
    assert row["text"] in lines, f"{row['note']} no longer has the line the mapping expects: {row['text']!r}"
    if status == "kept":
        assert row["text"].rstrip() == seed.rstrip()
        return
    assert row["why"], "a changed or added line says why"
    if status == "added":
        assert seed is None
    elif status == "fixed":
        assert row["text"] != seed
        assert difflib.SequenceMatcher(None, seed.strip(), row["text"].strip()).ratio() >= 0.8
    elif status == "corrected":
        assert row["source"].startswith("https://") and row["source"] in sources, "a correction cites a source of its note"
    elif status == "link-replaced":
        assert "https://" in row["text"] and row["text"] != seed


def test_every_line_of_the_notes_is_mapped():
    mapped = Counter((r["note"], r["text"]) for r in rows() if r["note"])
    unmapped, twice = [], []
    for path in sorted(NOTES.glob("*.md")):
        lines, _ = body_lines(path)
        for line in lines:
            if not line.strip() or (line.startswith("#") and (path.name, line) not in mapped):
                continue  # blank lines and the notes' own topic headings
            if mapped[(path.name, line)] == 0:
                unmapped.append(f"{path.name}: {line}")
        twice += [f"{path.name}: {line}" for line in set(lines) if lines.count(line) > 1 and line.strip()]
    assert unmapped == []
    assert twice == []  # a line is found by its text, so each is unique in its note


def test_the_provenance_of_the_original_is_kept():
    lines, _ = body_lines(NOTES / "exam-resources.md")
    assert "## Key notes from practice exams" in lines


def test_no_link_into_a_private_tenant():
    private = [line for path in sorted(NOTES.glob("*.md")) for line in path.read_text(encoding="utf-8").splitlines()
               if "healthedge." in line]
    assert private == []
