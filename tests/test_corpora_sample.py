"""Every finding of every rule on a frozen sample of real notes and AWS documentation.

The sample (tests/fixtures/corpora, copied by scripts/freeze_corpora_sample.py
from the public corpora, licences and SOURCES.md included) is text written by
others.  A change that adds a false positive, or loses a true one, shows up
here as a diff, in the snapshot of its rule family (one file per family,
so the failing test names the family and each line its rule).  After reading
the diff and judging it right, rewrite the snapshots with
``NOTELINT_UPDATE_GOLDEN=1 pytest tests/test_corpora_sample.py``; that run
writes them and then fails, so a rewrite never passes unnoticed.
"""

from __future__ import annotations

import os
from functools import lru_cache

import pytest

from notelint.config import Config
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.rules import RULES
from tests.helpers import AS_OF, FIXTURES

SAMPLE = FIXTURES / "corpora"
SNAPSHOTS = FIXTURES / "corpora-sample"  # NL1.txt ... NL6.txt
FAMILIES = ("NL1", "NL2", "NL3", "NL4", "NL5", "NL6")


@lru_cache(maxsize=1)
def findings() -> tuple[str, ...]:
    files = [NoteFile(path, path.relative_to(SAMPLE).as_posix()) for path in sorted(SAMPLE.rglob("*.md"))]
    # the default rules, as a user's first run sees them (the front-matter schema applies to no page here)
    config = Config(root=SAMPLE)
    result = Linter(config, RULES, AS_OF).run(files)
    assert not result.errors
    return tuple(
        f"{d.path}:{d.line}:{d.column}: {d.code} {d.message[:140]}"
        for d in result.diagnostics
    )


@pytest.mark.parametrize("family", FAMILIES)
def test_findings_on_real_text_match_the_snapshot(family):
    lines = [line for line in findings() if line.split(": ", 1)[1].startswith(family)]
    snapshot = SNAPSHOTS / f"{family}.txt"
    if os.environ.get("NOTELINT_UPDATE_GOLDEN"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        pytest.fail(f"{snapshot.name} rewritten from the current findings; check the diff, then run again without NOTELINT_UPDATE_GOLDEN")
    assert lines == snapshot.read_text(encoding="utf-8").splitlines()
