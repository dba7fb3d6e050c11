"""Path patterns (``exclude``, ``per-file-ignores``): a pattern without wildcards is compared
as text instead of through fnmatch, with exactly fnmatch's answers."""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from notelint import files
from notelint.config import DEFAULT_EXCLUDE

# names and patterns built from the characters that matter: separators, dots, wildcards
_TEXT = st.text(alphabet="ab./*?[]!-", max_size=8)


@given(_TEXT, _TEXT)
def test_a_glob_matches_as_fnmatchcase_does(name, pattern):
    assert files._glob_matches(name, pattern) == fnmatchcase(name, pattern)
    assert files._below(name, pattern) == fnmatchcase(name, pattern + "/*")


def test_the_default_excludes_compile_no_pattern(monkeypatch):
    """What the shortcut is for: a run with the default excludes translates no glob."""
    def compiled(*args):
        raise AssertionError("a glob was compiled")

    monkeypatch.setattr(files, "fnmatchcase", compiled)
    root = Path("/project")
    assert files.path_matches(root / "notes" / "node_modules" / "a.md", root, DEFAULT_EXCLUDE)
    assert files.path_matches(root / ".git", root, DEFAULT_EXCLUDE)
    assert not files.path_matches(root / "notes" / "gitnotes" / "a.md", root, DEFAULT_EXCLUDE)
    assert not files.path_matches(root / "notes" / "build.md", root, DEFAULT_EXCLUDE)


def test_patterns_keep_their_meaning():
    root = Path("/project")
    cases = [
        ("notes/drafts/a.md", "notes/drafts", True),  # a folder covers what is below it
        ("notes/drafts/a.md", "notes/drafts/", True),
        ("notes/drafts/a.md", "notes/drafts/*", True),
        ("notes/draftsman.md", "notes/drafts", False),
        ("notes/x/drafts/a.md", "drafts", True),  # a bare name, anywhere
        ("notes/a.draft.md", "*.draft.md", True),
        ("notes/a.md", "notes/[ab].md", True),
        ("notes/c.md", "notes/[ab].md", False),
        ("notes/a.md", "NOTES", False),  # case counts
    ]
    for relative, pattern, expected in cases:
        assert files.path_matches(root / relative, root, (pattern,)) is expected, (relative, pattern)
