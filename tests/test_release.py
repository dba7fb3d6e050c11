"""The release process: one version, a changelog, and documentation that pins that version's tag."""

from __future__ import annotations

import re

import notelint
from tests.helpers import REPO


def test_the_version_is_set_in_one_place():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'attr = "notelint.__version__"' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+", notelint.__version__)


def test_the_changelog_has_the_current_version_and_an_unreleased_section():
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", changelog, re.MULTILINE)
    assert headings[0] == "Unreleased"
    assert any(h.split(" ")[0] == notelint.__version__ for h in headings[1:])


def test_the_documented_tags_are_the_current_version():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    tags = set(re.findall(r"(?:@|rev: |/)(v\d+\.\d+\.\d+)\b", readme))
    assert tags == {f"v{notelint.__version__}"}


def test_no_file_holds_a_merge_conflict_marker():
    # A conflict left in the README once reached main; markers at the start of a line are never content here.
    marker = re.compile(r"^(?:<{7} |>{7} |={7}$)", re.MULTILINE)
    skipped = {".git", ".venv", "node_modules", "mutants", "__pycache__"}
    offending = []
    for path in REPO.rglob("*"):
        if not path.is_file() or skipped.intersection(path.relative_to(REPO).parts):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        offending += [f"{path.relative_to(REPO)}:{text.count(chr(10), 0, m.start()) + 1}" for m in marker.finditer(text)]
    assert offending == []
