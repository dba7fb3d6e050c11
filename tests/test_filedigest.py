"""The digests of notelint's files, remembered between runs: always the digest of the bytes.

``filedigest.tree_digest`` keys the result caches (tests/test_resultcache.py shows
every input is in the key); these tests show that remembering a file's digest by its
identity never answers for other bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from notelint import filedigest


def _fresh_digest(root: Path, suffix: str = "") -> str:
    """The tree digest computed from the bytes, nothing remembered."""
    digest = hashlib.sha256()
    for path in filedigest.files_under(root, suffix):
        content = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        digest.update(path.encode() + b"\0" + content.encode() + b"\0")
    return digest.hexdigest()


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A folder of two files, an empty cache directory, and no digest kept in this process."""
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(filedigest, "_TREES", {})
    root = tmp_path / "data"
    (root / "words").mkdir(parents=True)
    (root / "a.txt").write_text("one\n")
    (root / "words" / "b.txt").write_text("two\n")
    return root


def _later(monkeypatch, seconds: float = 10.0) -> None:
    """Run as if ``seconds`` had passed since the files were written (they have settled)."""
    now = time.time_ns() + int(seconds * 1e9)
    monkeypatch.setattr(filedigest.time, "time_ns", lambda: now)


def _memo(tmp_path) -> dict:
    (memo,) = (tmp_path / "cache" / "digests").glob("*.json")
    return json.loads(memo.read_text())["files"]


def _no_reading(monkeypatch) -> None:
    def fail(path):
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(filedigest, "_content_digest", fail)


def test_a_settled_tree_is_remembered_and_not_read_again(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    first = filedigest.tree_digest(tree)
    assert first == _fresh_digest(tree)
    assert sorted(_memo(tmp_path)) == [str(tree / "a.txt"), str(tree / "words" / "b.txt")]
    monkeypatch.setattr(filedigest, "_TREES", {})  # a new process
    _no_reading(monkeypatch)
    assert filedigest.tree_digest(tree) == first


def test_files_changed_in_the_last_two_seconds_are_read_every_time(tree, tmp_path, monkeypatch):
    """Two writes within one tick of the file system's clock can leave the same size and times."""
    first = filedigest.tree_digest(tree)
    assert first == _fresh_digest(tree)
    assert not (tmp_path / "cache" / "digests").exists() or _memo(tmp_path) == {}
    assert filedigest._TREES == {}  # not kept in this process either
    (tree / "a.txt").write_text("uno\n")  # same size, maybe the same tick
    assert filedigest.tree_digest(tree) == _fresh_digest(tree) != first


def test_an_edit_of_the_same_size_with_the_old_modification_time_is_seen(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    first = filedigest.tree_digest(tree)
    path = tree / "a.txt"
    stat = path.stat()
    path.write_text("uno\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # `touch -d`: the change time still moves
    _later(monkeypatch, 20.0)  # settled again; identity (dev, inode, size, times) compared as a whole
    monkeypatch.setattr(filedigest, "_TREES", {})
    if path.stat().st_ctime_ns == stat.st_ctime_ns:
        pytest.skip("this file system kept the change time within one tick")
    assert filedigest.tree_digest(tree) == _fresh_digest(tree) != first


def test_a_replaced_added_removed_or_renamed_file_changes_the_digest(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    digests = [filedigest.tree_digest(tree)]
    replacement = tree / "a.new"
    replacement.write_text("uno\n")
    os.replace(replacement, tree / "a.txt")  # as pip and editors write: a new inode
    digests.append(filedigest.tree_digest(tree))
    (tree / "c.txt").write_text("three\n")
    digests.append(filedigest.tree_digest(tree))
    (tree / "c.txt").rename(tree / "d.txt")
    digests.append(filedigest.tree_digest(tree))
    (tree / "d.txt").unlink()
    monkeypatch.setattr(filedigest, "_TREES", {})  # a new process: the second tree again, from the memo
    digests.append(filedigest.tree_digest(tree))
    assert len(set(digests[:4])) == 4  # each change moved the digest
    assert digests[4] == digests[1] == _fresh_digest(tree)
    assert sorted(_memo(tmp_path)) == [str(tree / "a.txt"), str(tree / "words" / "b.txt")]  # the gone files forgotten


def test_only_files_with_the_suffix_and_no_byte_code(tree, monkeypatch):
    _later(monkeypatch)
    (tree / "__pycache__").mkdir()
    (tree / "__pycache__" / "x.py").write_text("X = 1\n")
    (tree / "rule.py").write_text("X = 1\n")
    assert filedigest.files_under(tree, ".py") == [str(tree / "rule.py")]
    before = filedigest.tree_digest(tree, ".py")
    (tree / "a.txt").write_text("changed, but not code\n")
    assert filedigest.tree_digest(tree, ".py") == before
    assert filedigest.tree_digest(tree) != before


@pytest.mark.parametrize("content", [b"not json", b'{"format": 99, "files": {}}', b'{"format": 1, "files": []}', b"[]"])
def test_a_damaged_or_foreign_memo_is_ignored_and_rewritten(tree, tmp_path, monkeypatch, content):
    _later(monkeypatch)
    first = filedigest.tree_digest(tree)
    (memo,) = (tmp_path / "cache" / "digests").glob("*.json")
    memo.write_bytes(content)
    monkeypatch.setattr(filedigest, "_TREES", {})
    assert filedigest.tree_digest(tree) == first
    assert sorted(_memo(tmp_path)) == [str(tree / "a.txt"), str(tree / "words" / "b.txt")]


def test_a_remembered_digest_answers_only_for_the_same_identity(tree, tmp_path, monkeypatch):
    """A planted entry with another file's identity is not used."""
    _later(monkeypatch)
    first = filedigest.tree_digest(tree)
    (memo,) = (tmp_path / "cache" / "digests").glob("*.json")
    data = json.loads(memo.read_text())
    entry = data["files"][str(tree / "a.txt")]
    data["files"][str(tree / "a.txt")] = [*entry[:2], entry[2] + 1, *entry[3:5], "0" * 64]  # another size
    memo.write_text(json.dumps(data))
    monkeypatch.setattr(filedigest, "_TREES", {})
    assert filedigest.tree_digest(tree) == first
    data["files"][str(tree / "a.txt")] = [*entry[:5], "0" * 64]  # the same identity: trusted, as designed
    memo.write_text(json.dumps(data))
    monkeypatch.setattr(filedigest, "_TREES", {})
    assert filedigest.tree_digest(tree) != first


def test_an_unwritable_cache_still_gives_the_digest(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    assert filedigest.tree_digest(tree) == _fresh_digest(tree)
