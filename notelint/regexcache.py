"""Compiled regular expressions kept between processes.

A one-note ``--no-cache`` run compiles about 400 regular expressions (notelint's
claim readers, name and spelling tokenizers, the knowledge base's word lists,
linkify-it's; markdown-it's too before the parser swap): about 70 ms of its
420 ms of CPU, every process,
for the same patterns.  Python's ``re`` compiles a pattern in two steps: a
pure-Python parser and code generator turn it into a list of integers (the slow
part), which ``_sre.compile`` turns into a pattern object (fast, in C).  The
lists are a pure function of the pattern, its flags and the Python that made
them, so they are kept in the derived-data cache (``notelint.derived``), in a
file keyed by the exact Python build and its regular-expression engine
(``sys.version``, ``_sre.MAGIC``), and a later process hands them straight to
``_sre.compile``: the same pattern object ``re.compile`` would have built.

``install`` puts the look-up under ``re``'s own compile step (below ``re``'s
in-process cache, so ``re.compile``, ``re.search`` ... all use it) for the rest of
the process; ``notelint.runner.check`` installs it when notes are to be checked
(not for a run the result cache answers: loading the kept patterns would cost it
more than it compiles) and the command line saves it at exit.  ``save`` writes the patterns compiled since.  Anything
unexpected (another Python's internals, a damaged file) leaves ``re`` as it is.
"""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path
from typing import Any, Callable

from notelint.cache import cache_root, store_bytes

# (pattern, flags) -> what _sre.compile takes after the pattern:
# (flags, code, number of groups - 1, {name: group}, (name or None per group))
_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

# A save needs at least this many new patterns: a process that builds one pattern
# from a set (its characters in a different order each run) must not write the file
# on every run.
MIN_NEW = 8

# More than this many kept patterns and a save keeps only those the saving process
# used: patterns built from data (a knowledge base's word lists) change with it.
MAX_PATTERNS = 4096

_known: dict[tuple[str | bytes, int], _Entry] = {}  # (a str and a bytes pattern are never equal keys)
_used: set[tuple[str | bytes, int]] = set()
_new = 0
_original: Callable[..., Any] | None = None
_path: Path | None = None


def _engine() -> tuple[Any, Any, Any] | None:
    """``re``'s compiler and parser modules and ``_sre``, or None on a Python whose
    internals this module does not know."""
    try:
        import _sre

        if sys.version_info >= (3, 11):
            from re import _compiler as compiler, _parser as parser
        else:  # pragma: no cover (3.10)
            import sre_compile as compiler
            import sre_parse as parser
        if not (callable(getattr(compiler, "_code", None)) and callable(getattr(parser, "parse", None))):
            return None
        return compiler, parser, _sre
    except ImportError:  # pragma: no cover (another implementation of Python)
        return None


def _cache_path(sre: Any) -> Path:
    from notelint.hashing import sha256

    key = sha256(f"{sys.version}\0{sys.implementation.cache_tag}\0{sre.MAGIC}".encode()).hexdigest()[:24]
    return cache_root() / "derived" / f"regex-{key}.pickle"


def install() -> None:
    """Compile regular expressions through the kept ones for the rest of the process."""
    global _original, _path
    if _original is not None:
        return
    engine = _engine()
    if engine is None:
        return
    compiler, parser, sre = engine
    path = _cache_path(sre)
    try:
        from notelint.derived import load_plain

        with path.open("rb") as handle:
            loaded = load_plain(io.BytesIO(handle.read()))
        if isinstance(loaded, dict):
            _known.update(loaded)
    except Exception:  # noqa: BLE001 (missing, damaged or foreign: start empty)
        _known.clear()
    _path = path
    original = compiler.compile

    def compile_kept(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)) or flags & compiler.SRE_FLAG_DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags))
        entry = _known.get(key)
        if entry is None:
            entry = _entry(compiler, parser, pattern, int(flags))
            _known[key] = entry
            global _new
            _new += 1
        _used.add(key)
        return sre.compile(pattern, *entry)

    # a kept entry must build the pattern re would: check one before relying on it
    try:
        probe = r"(?P<word>[a-z]+)\s+(?:\1|x{2,3})$"
        built = sre.compile(probe, *_entry(compiler, parser, probe, 2))
        if built.pattern != probe or built.groupindex != {"word": 1} or not built.match("Ab AB"):
            return
    except Exception:  # noqa: BLE001
        return
    _original = original
    compiler.compile = compile_kept


def _entry(compiler: Any, parser: Any, pattern: str | bytes, flags: int) -> _Entry:
    """What ``re``'s own compile step computes before calling ``_sre.compile``."""
    parsed = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]  # plain ints: the opcodes are an int subclass
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def save() -> None:
    """Keep the patterns compiled since ``install`` (nothing when few were new)."""
    if _path is None or _new < MIN_NEW:
        return
    kept = _known if len(_known) <= MAX_PATTERNS else {key: _known[key] for key in _used}
    try:
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 (a pattern that cannot be kept costs only time)
        return
    store_bytes(_path, data)


def uninstall() -> None:
    """Put ``re``'s own compile step back (tests)."""
    global _original, _path, _new
    if _original is None:
        return
    engine = _engine()
    if engine is not None:
        engine[0].compile = _original
    _original = None
    _path = None
    _new = 0
    _known.clear()
    _used.clear()
