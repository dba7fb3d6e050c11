"""Content digests of notelint's own files, remembered between processes.

The result caches are keyed by a hash of every file of notelint's code and data
(``resultcache``).  Those files are 10 MB, mostly the spelling counts, and
hashing them again in every process was a tenth of a run answered from the
cache.  So each file's SHA-256 is kept in the cache directory beside the
identity of the file it was read from: device, inode, size, time of last
modification and time of last status change.  A write changes the times (and
replacing the file, as pip and editors do, the inode), so a file whose identity
is unchanged has the bytes that were hashed, and the digest of the tree is the
same as if every byte had been read again.  The status-change time cannot be
set back by a program (``touch -d`` sets only the modification time).

A file changed in the last two seconds is hashed but not remembered: a file
system keeps times in ticks, and a second write within the tick of the first
could leave the same size and times (git's "racily clean" entries).  Deleting
the cache directory is always safe.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from notelint.cache import cache_root, store_json
from notelint.hashing import sha256

# the age, in nanoseconds, a file's last change must have before its digest is remembered
_SETTLED_NS = 2_000_000_000
FORMAT = 1

# digests already computed in this process, by the tree's files and their identities
# (only trees whose files have all settled, for the reason above)
_TREES: dict[tuple[tuple[str, tuple[int, ...]], ...], str] = {}


def files_under(root: Path, suffix: str = "") -> list[str]:
    """Every file below ``root`` whose name ends with ``suffix``, sorted, without
    ``__pycache__`` (os.walk: a fraction of the time of Path.rglob)."""
    found: list[str] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found.extend(os.path.join(folder, name) for name in names if name.endswith(suffix))
    return sorted(found)


def identity(path: str) -> tuple[int, ...]:
    """The file's device, inode, size, modification and status-change times (ns); () when missing."""
    try:
        stat = os.stat(path)
    except OSError:
        return ()
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def is_settled(stamp: tuple[int, ...], now: int) -> bool:
    """Whether a file of this ``identity`` last changed long enough before ``now``
    (``time.time_ns()``) for its identity to tell any later change."""
    return bool(stamp) and now - max(stamp[3], stamp[4]) > _SETTLED_NS


def _content_digest(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return sha256(handle.read()).hexdigest()
    except OSError:
        return "<unreadable>"


def tree_digest(root: Path, suffix: str = "") -> str:
    """A hash of the path and bytes of every file below ``root`` ending with ``suffix``."""
    files = tuple((path, identity(path)) for path in files_under(root, suffix))
    known = _TREES.get(files)
    if known is not None:
        return known
    tree = sha256(f"{root}\n{suffix}".encode("utf-8", "surrogateescape")).hexdigest()[:24]
    memo_path = cache_root() / "digests" / f"{tree}.json"
    memo = _load(memo_path)
    kept: dict[str, list] = {}
    changed = False
    settled = True
    now = time.time_ns()
    digest = sha256()
    for path, stamp in files:
        entry = memo.get(path)
        if stamp and entry is not None and tuple(entry[:-1]) == stamp:
            content = entry[-1]
            kept[path] = entry
        else:
            content = _content_digest(path) if stamp else "<unreadable>"
            if is_settled(stamp, now):
                kept[path] = [*stamp, content]
                changed = True
            else:
                settled = False
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0" + content.encode() + b"\0")
    if changed or len(kept) != len(memo):
        store_json(memo_path, {"format": FORMAT, "files": kept})
    value = digest.hexdigest()
    if settled:
        _TREES[files] = value
    return value


def _load(path: Path) -> dict[str, list]:
    """The remembered digests, by file; empty when missing, damaged or of another format."""
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read())
        files = data["files"] if data.get("format") == FORMAT else {}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {
        path: entry for path, entry in files.items()
        if isinstance(entry, list) and len(entry) == 6 and all(isinstance(v, int) for v in entry[:5])
        and isinstance(entry[5], str)
    }
