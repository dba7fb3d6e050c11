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


def _plant(tmp_path, tree: Path, files: dict, format_: int = filedigest.FORMAT) -> None:
    """Write the memo of ``tree`` by hand (the tree's memo file must exist already)."""
    (memo,) = (tmp_path / "cache" / "digests").glob("*.json")
    memo.write_text(json.dumps({"format": format_, "files": files}))


def test_a_memo_of_another_format_is_not_trusted_even_for_the_same_identity(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    first = filedigest.tree_digest(tree)
    entries = _memo(tmp_path)
    path = str(tree / "a.txt")
    _plant(tmp_path, tree, {**entries, path: [*entries[path][:5], "0" * 64]}, format_=filedigest.FORMAT + 1)
    monkeypatch.setattr(filedigest, "_TREES", {})
    assert filedigest.tree_digest(tree) == first


@pytest.mark.parametrize("damaged", [5, "text", [1, 2, 3], [1, 2, 3, 4, 5, 6, 7], ["1", 2, 3, 4, 5, "0" * 64], "IDENTITY"])
def test_a_damaged_entry_is_dropped_and_the_file_read_again(tree, tmp_path, monkeypatch, damaged):
    _later(monkeypatch)
    first = filedigest.tree_digest(tree)
    entries = _memo(tmp_path)
    path = str(tree / "a.txt")
    # "IDENTITY": the file's own identity with a digest that is not text
    _plant(tmp_path, tree, {**entries, path: [*entries[path][:5], 123] if damaged == "IDENTITY" else damaged})
    monkeypatch.setattr(filedigest, "_TREES", {})
    assert filedigest.tree_digest(tree) == first
    assert _memo(tmp_path)[path] == entries[path]  # rewritten from the bytes


def test_files_under_takes_every_file_by_default(tree):
    assert filedigest.files_under(tree) == [str(tree / "a.txt"), str(tree / "words" / "b.txt")]


def test_a_file_is_settled_only_two_seconds_after_its_last_change_of_either_time():
    second = 1_000_000_000
    changed_at = 10 * second
    assert not filedigest.is_settled((0, 0, 0, changed_at, changed_at), changed_at + 2 * second)  # exactly two: not yet
    assert filedigest.is_settled((0, 0, 0, changed_at, changed_at), changed_at + 2 * second + 1)
    # the later of the two times decides, whichever it is
    assert not filedigest.is_settled((0, 0, 0, changed_at, 0), changed_at + second)
    assert not filedigest.is_settled((0, 0, 0, 0, changed_at), changed_at + second)
    assert not filedigest.is_settled((), changed_at)  # a missing file


def test_a_settled_tree_is_answered_in_process_without_the_memo(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    first = filedigest.tree_digest(tree)

    def fail(path):
        raise AssertionError(f"{path} was read: the process's own digest should answer")

    monkeypatch.setattr(filedigest, "_load", fail)
    assert filedigest.tree_digest(tree) == first


def test_each_tree_and_suffix_has_its_own_memo(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    for root, suffix in ((tree, ""), (tree, ".txt"), (tree / "words", "")):
        monkeypatch.setattr(filedigest, "_TREES", {})  # (the process's own digests are by files alone)
        filedigest.tree_digest(root, suffix)
    assert len(list((tmp_path / "cache" / "digests").glob("*.json"))) == 3


def test_an_unchanged_memo_is_not_written_again_and_a_changed_file_is_recorded(tree, tmp_path, monkeypatch):
    _later(monkeypatch)
    filedigest.tree_digest(tree)
    writes: list[Path] = []
    store = filedigest.store_json
    monkeypatch.setattr(filedigest, "store_json", lambda path, data: (writes.append(path), store(path, data)))
    monkeypatch.setattr(filedigest, "_TREES", {})
    filedigest.tree_digest(tree)
    assert writes == []  # every file answered from the memo: nothing to write
    replacement = tree / "a.new"
    replacement.write_text("uno\n")
    os.replace(replacement, tree / "a.txt")  # the same number of files, one new identity
    _later(monkeypatch, 20.0)
    monkeypatch.setattr(filedigest, "_TREES", {})
    assert filedigest.tree_digest(tree) == _fresh_digest(tree)
    assert len(writes) == 1
    entries = _memo(tmp_path)
    assert entries[str(tree / "a.txt")] == [*filedigest.identity(str(tree / "a.txt")),
                                            hashlib.sha256(b"uno\n").hexdigest()]
    assert entries[str(tree / "words" / "b.txt")][-1] == hashlib.sha256(b"two\n").hexdigest()  # kept beside it


def test_a_file_name_that_is_not_utf8_is_digested(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(filedigest, "_TREES", {})
    root = tmp_path / os.fsdecode(b"data-\xff")
    root.mkdir()
    name = root / os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes in a name: a surrogate in Python
    try:
        name.write_text("one\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    _later(monkeypatch)
    expected = hashlib.sha256(
        os.fsencode(str(name)) + b"\0" + hashlib.sha256(b"one\n").hexdigest().encode() + b"\0").hexdigest()
    assert filedigest.tree_digest(root) == expected
    monkeypatch.setattr(filedigest, "_TREES", {})
    assert filedigest.tree_digest(root) == expected  # and again from the memo
    assert _memo(tmp_path) == {str(name): [*filedigest.identity(str(name)), hashlib.sha256(b"one\n").hexdigest()]}
