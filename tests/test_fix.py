"""--fix and --diff: safe fixes only, atomic writes, idempotent, nothing else touched."""

import os
import stat

import pytest

from tests.helpers import FRONT
from notelint import fixes
from notelint.cli import main

BROKEN = FRONT + "* one\r\n*\r\n* two é\r\n\r\n\r\n"


def run(tmp_path, monkeypatch, capsys, *args):
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--isolated", *args])
    return code, capsys.readouterr()


def test_fix_changes_only_the_fixed_spans_and_keeps_crlf_and_bom(tmp_path, monkeypatch, capsys):
    path = tmp_path / "n.md"
    original = ("\ufeff" + BROKEN).encode()
    path.write_bytes(original)
    os.chmod(path, 0o640)
    code, out = run(tmp_path, monkeypatch, capsys, "--fix", "n.md")
    assert code == 0
    assert "Fixed 2 findings." in out.out
    assert path.read_bytes() == ("\ufeff" + FRONT + "* one\r\n* two é\r\n").encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    # idempotent: a second run changes nothing
    code, out = run(tmp_path, monkeypatch, capsys, "--fix", "n.md")
    assert code == 0 and "Fixed" not in out.out
    assert path.read_bytes() == ("\ufeff" + FRONT + "* one\r\n* two é\r\n").encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.md"]  # no temp files left


def test_diff_shows_fixes_and_writes_nothing(tmp_path, monkeypatch, capsys):
    path = tmp_path / "n.md"
    path.write_text(FRONT + "* one\n*\n")
    code, out = run(tmp_path, monkeypatch, capsys, "--diff", "n.md")
    assert code == 1
    assert out.out == "--- a/n.md\n+++ b/n.md\n@@ -3,4 +3,3 @@\n reviewed: 2025-06-01\n ---\n * one\n-*\n"
    assert path.read_text() == FRONT + "* one\n*\n"


def test_failure_mid_write_leaves_the_original(tmp_path, monkeypatch, capsys):
    path = tmp_path / "n.md"
    path.write_text(FRONT + "* one\n*\n")

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes.os, "replace", broken_replace)
    code, out = run(tmp_path, monkeypatch, capsys, "--fix", "n.md")
    assert code == 2
    assert "error: n.md: No space left on device; not fixed" in out.out
    assert path.read_text() == FRONT + "* one\n*\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.md"]


def test_file_changed_on_disk_is_not_overwritten(tmp_path):
    path = tmp_path / "n.md"
    path.write_text("new content")
    with pytest.raises(fixes.FixError, match="changed on disk"):
        fixes.write_atomic(path, b"fixed", b"old content")
    assert path.read_text() == "new content"


def test_symlink_keeps_pointing_at_fixed_target(tmp_path, monkeypatch, capsys):
    target = tmp_path / "real.md"
    target.write_text(FRONT + "* one\n*\n")
    (tmp_path / "link.md").symlink_to(target)
    run(tmp_path, monkeypatch, capsys, "--fix", "link.md")
    assert (tmp_path / "link.md").is_symlink()
    assert target.read_text() == FRONT + "* one\n"


def test_overlapping_fixes_apply_one_at_a_time():
    from notelint.diagnostic import FixOut, TextEdit
    from notelint.source import decode

    source = decode("n.md", b"abcdef\n")
    first = FixOut((TextEdit(1, 1, 1, 4, "X"),), "a", True)
    overlapping = FixOut((TextEdit(1, 3, 1, 5, "Y"),), "b", True)
    later = FixOut((TextEdit(1, 6, 1, 7, "Z"),), "c", True)
    assert fixes.apply_fixes(source, [overlapping, later, first]) == ("XdeZ\n", 2)
