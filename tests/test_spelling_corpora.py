"""Snapshot of NL2xx findings on real notes written by others (../shared/corpora).

A change that adds a false positive shows up here as a diff.  After checking
that a change in the findings is right, rewrite the snapshot with
``NOTELINT_UPDATE_SNAPSHOTS=1 pytest tests/test_spelling_corpora.py``.
Skipped when the corpora are not beside the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notelint.config import Config
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.rules import RULES
from tests.helpers import AS_OF, ROOT

# the personal and community notes (the two AWS guides are measured by bench/spelling.py)
CORPORA = (
    "Zhenye-Na__aws-certs-cheatsheet",
    "gillouche__aws-notes",
    "jeyabalajis__aws-certified-data-analytics-specialty-notes",
    "marcus912__aws-mla-certification-notes",
    "open-guides__og-aws",
)
SNAPSHOT = ROOT / "tests" / "snapshots" / "spelling-corpora.txt"


def corpora_dir() -> Path | None:
    """``shared/corpora`` beside the repository (or its worktree), or $NOTELINT_CORPORA."""
    override = os.environ.get("NOTELINT_CORPORA")
    candidates = [Path(override)] if override else [p / "shared" / "corpora" for p in ROOT.parents[:3]]
    return next((c for c in candidates if c.is_dir()), None)


def findings(base: Path) -> list[str]:
    linter = Linter(Config(root=base, select=("NL2",)), RULES, AS_OF)
    files = [
        NoteFile(path, path.relative_to(base).as_posix())
        for corpus in CORPORA
        for path in sorted((base / corpus).rglob("*.md"))
    ]
    result = linter.run(files)
    assert not result.errors
    return [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in result.diagnostics]


def test_findings_on_real_notes_match_the_snapshot():
    base = corpora_dir()
    if base is None:
        pytest.skip("the shared corpora are not beside the repository")
    lines = findings(base)
    if os.environ.get("NOTELINT_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    assert lines == expected
