"""Every finding of every rule on a frozen sample of real notes and AWS documentation.

The sample (tests/fixtures/corpora, copied by scripts/freeze_corpora_sample.py
from the public corpora, licences and SOURCES.md included) is text written by
others.  A change that adds a false positive, or loses a true one, shows up
here as a diff.  After reading the diff and judging it right, rewrite the
snapshot with ``NOTELINT_UPDATE_GOLDEN=1 pytest tests/test_corpora_sample.py``.
"""

from __future__ import annotations

import os

from notelint.config import Config
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.rules import RULES
from tests.helpers import AS_OF, FIXTURES

SAMPLE = FIXTURES / "corpora"
SNAPSHOT = FIXTURES / "corpora-sample.findings.txt"


def findings() -> list[str]:
    files = [NoteFile(path, path.relative_to(SAMPLE).as_posix()) for path in sorted(SAMPLE.rglob("*.md"))]
    # every rule except the structure family's front-matter schema (these files have none, or Jekyll's)
    config = Config(root=SAMPLE, ignore=("NL101", "NL102", "NL103", "NL105"))
    result = Linter(config, RULES, AS_OF).run(files)
    assert not result.errors
    return [
        f"{d.path}:{d.line}:{d.column}: {d.code} {d.message[:140]}"
        for d in result.diagnostics
    ]


def test_findings_on_real_text_match_the_snapshot():
    lines = findings()
    if os.environ.get("NOTELINT_UPDATE_GOLDEN"):
        SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == SNAPSHOT.read_text(encoding="utf-8").splitlines()
