"""The raw original notes (golden findings) and the structured notes shipped in notes/."""

import os
from pathlib import Path

import pytest

from tests.helpers import REPO
from notelint.cli import main
from notelint.note import parse_note
from notelint.source import decode

ORIGINAL = REPO / "tests" / "fixtures" / "original-notes.md"
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


def _claims(path: Path) -> list[str]:
    return [c.text for c in parse_note(decode(str(path), path.read_bytes())).claims]


def test_notes_keep_every_claim_of_the_original():
    original = _claims(ORIGINAL)
    shipped = [claim for path in sorted((REPO / "notes").glob("*.md")) for claim in _claims(path)]
    # the original's one stand-alone paragraph became part of its list item in notes/
    assert len(shipped) >= len(original) - 1
