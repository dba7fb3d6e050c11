"""The raw original notes (golden findings) and the structured notes shipped in notes/."""

import os

import pytest

from notelint.cli import main
from tests.helpers import REPO

GOLDEN = REPO / "tests" / "fixtures" / "original-notes.findings.txt"


def test_every_finding_on_the_original_notes(capsys, monkeypatch):
    """A change in what notelint reports on the real-world notes shows up as a diff here."""
    monkeypatch.chdir(REPO)
    code = main(["check", "--isolated", "--quiet", "--as-of", "2026-11-25", "tests/fixtures/original-notes.md"])
    out = capsys.readouterr().out
    assert code == 1
    if os.environ.get("NOTELINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
        pytest.fail(f"{GOLDEN.name} rewritten; check the diff, then run again without NOTELINT_UPDATE_GOLDEN")
    assert out == GOLDEN.read_text(encoding="utf-8")
    assert "original-notes.md:142:1: NL112 [empty-list-item] warning: empty list item" in out


def test_shipped_notes_pass(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["check"]) == 0, capsys.readouterr().out

# What notes/ says, line by line against the original, is checked by tests/test_notes_fidelity.py.
