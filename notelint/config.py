"""Configuration: found by walking up from the working directory, validated loudly.

Settings live in ``notelint.toml`` (top-level keys) or in the ``[tool.notelint]``
table of ``pyproject.toml``; in one directory ``notelint.toml`` wins.  Any
unknown key or bad value is an error that names the file, the key and the
expected form.  Relative paths are relative to the directory of the config file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from notelint.cache import cache_root, load_json, store_json
from notelint.codes import Selection, is_code_prefix
from notelint.diagnostic import Severity
from notelint.values import FrozenValue

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from datetime import date
    from typing import Any, Callable

FAIL_ON = ("error", "warning", "info", "never")
# where the notes schema's front-matter rules apply: "required" on every note,
# "auto" on notes whose front matter already uses it (has `reviewed`)
FRONT_MATTER = ("auto", "required")
LANGUAGES = ("en-US", "en-GB")  # the spell checker's English
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    "build",
    "dist",
    "site-packages",
)
DEFAULT_MAX_FILE_SIZE = 5_000_000
DEFAULT_FILE_TIMEOUT = 30.0


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


class Config(FrozenValue):
    """The settings of one run (a frozen value: ``with_overrides`` makes a changed copy)."""

    __slots__ = FIELDS = (
        "root", "file", "paths", "exclude", "extend_exclude", "select", "ignore", "extend_select",
        "per_file_ignores", "severity", "fail_on", "front_matter", "as_of", "words", "word_files", "language",
        "max_file_size", "file_timeout",
    )
    root: Path  # directory that relative paths are resolved against
    file: Path | None  # the config file, if one was found
    paths: tuple[str, ...]
    exclude: tuple[str, ...]
    extend_exclude: tuple[str, ...]
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    per_file_ignores: dict[str, tuple[str, ...]]
    severity: dict[str, Severity]
    fail_on: str
    front_matter: str  # one of FRONT_MATTER
    as_of: date | None
    words: tuple[str, ...]
    word_files: tuple[str, ...]
    language: str  # one of LANGUAGES: en-GB accepts British spellings (organisation, vectorise)
    max_file_size: int
    file_timeout: float  # seconds one file may take before it is skipped

    def __init__(
        self,
        root: Path,
        file: Path | None = None,
        paths: tuple[str, ...] = (".",),
        exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
        extend_exclude: tuple[str, ...] = (),
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        per_file_ignores: dict[str, tuple[str, ...]] | None = None,  # None: a new empty dict
        severity: dict[str, Severity] | None = None,  # None: a new empty dict
        fail_on: str = "warning",
        front_matter: str = "auto",
        as_of: date | None = None,
        words: tuple[str, ...] = (),
        word_files: tuple[str, ...] = (),
        language: str = "en-US",
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        file_timeout: float = DEFAULT_FILE_TIMEOUT,
    ):
        self._fill(
            root, file, paths, exclude, extend_exclude, select, ignore, extend_select,
            {} if per_file_ignores is None else per_file_ignores, {} if severity is None else severity,
            fail_on, front_matter, as_of, words, word_files, language, max_file_size, file_timeout,
        )

    @property
    def selection(self) -> Selection:
        return Selection(self.select, self.ignore, self.extend_select)

    @property
    def all_excludes(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity: the most specific matching prefix wins."""
        configured = self.configured_severity(code)
        return default if configured is None else configured

    def configured_severity(self, code: str) -> Severity | None:
        best, chosen = -1, None
        for prefix, level in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best:
                best, chosen = len(prefix), level
        return chosen

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the settings given that are not None changed (an unknown name is a TypeError)."""
        config: Config = self.replaced(**{k: v for k, v in changes.items() if v is not None})
        return config


# -- validators -------------------------------------------------------------------
def _strings(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(key, "a list of strings", value)
    return tuple(value)


def _codes(value: Any, key: str) -> tuple[str, ...]:
    codes = _strings(value, key)
    for code in codes:
        if not is_code_prefix(code):
            raise _Bad(key, "a list of rule codes or prefixes such as NL2 or NL201", code)
    return codes


def _per_file(value: Any, key: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise _Bad(key, 'a table of glob = ["NL2", ...]', value)
    return {str(pattern): _codes(codes, f"{key}.{pattern}") for pattern, codes in value.items()}


def _severities(value: Any, key: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise _Bad(key, 'a table of code = "error" | "warning" | "info"', value)
    result = {}
    for code, level in value.items():
        if not is_code_prefix(code):
            raise _Bad(f"{key}.{code}", "a rule code or prefix such as NL2 or NL201", code)
        try:
            result[code] = Severity(level)
        except ValueError:
            raise _Bad(f"{key}.{code}", '"error", "warning" or "info"', level) from None
    return result


def _one_of(choices: tuple[str, ...]) -> Callable[[Any, str], str]:
    def check(value: Any, key: str) -> str:
        if value not in choices:
            raise _Bad(key, " | ".join(f'"{v}"' for v in choices), value)
        return str(value)

    return check



def parse_date(value: Any, key: str) -> date:
    from notelint.dates import iso_date  # (datetime) only when a date is given: a run without one does without

    found = iso_date(value)
    if found is None:
        raise _Bad(key, "a date written YYYY-MM-DD", value)
    return found


def _size(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _Bad(key, "a positive number of bytes", value)
    return value


def _seconds(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise _Bad(key, "a positive number of seconds", value)
    return float(value)


_KEYS: dict[str, tuple[str, Callable[[Any, str], Any]]] = {
    "paths": ("paths", _strings),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "extend-select": ("extend_select", _codes),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "severity": ("severity", _severities),
    "fail-on": ("fail_on", _one_of(FAIL_ON)),
    "front-matter": ("front_matter", _one_of(FRONT_MATTER)),
    "as-of": ("as_of", parse_date),
    "words": ("words", _strings),
    "word-files": ("word_files", _strings),
    "language": ("language", _one_of(LANGUAGES)),
    "max-file-size": ("max_file_size", _size),
    "file-timeout": ("file_timeout", _seconds),
}


class _Bad(Exception):
    def __init__(self, key: str, expected: str, value: Any):
        super().__init__(f"'{key}' must be {expected}, got {value!r}")


def from_table(table: dict[str, Any], root: Path, file: Path | None) -> Config:
    """Validate a settings table (already parsed TOML) into a Config."""
    where = f"{file}: " if file else ""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            from notelint import suggest  # (difflib) only for a mistyped key

            close = suggest.close(key, _KEYS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"{where}unknown setting '{key}'{hint}")
        attribute, validate = _KEYS[key]
        try:
            values[attribute] = validate(value, key)
        except _Bad as exc:
            raise ConfigError(f"{where}{exc}") from None
    return Config(root=root, file=file, **values)


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed file, remembered in the cache directory while the file is unchanged.

    Importing the TOML parser and parsing a 3 kB pyproject.toml in pure Python
    took ~5 ms of CPU, a twentieth of a run answered from the result cache.  The parsed document is kept beside the file's
    identity (``filedigest.identity``: inode, size, times), as the digests of
    notelint's files are, once the file has settled; a document holding TOML dates
    or times (which JSON does not keep) is parsed every time.
    """
    from notelint import filedigest

    stamp = filedigest.identity(str(path))
    memo_path = _memo_path(path)
    memo = load_json(memo_path) if stamp else None
    if (isinstance(memo, dict) and memo.get("identity") == list(stamp) and memo.get("python") == sys.version
            and isinstance(memo.get("document"), dict)):
        document: dict[str, Any] = memo["document"]
        return document
    document = _parse_toml(path)
    if filedigest.is_settled(stamp, time.time_ns()) and _json_faithful(document):
        store_json(memo_path, {"identity": list(stamp), "python": sys.version, "document": document})
    return document


def _memo_path(path: Path) -> Path:
    from notelint.hashing import sha256

    where = str(path.absolute()).encode("utf-8", "surrogateescape")
    return cache_root() / "config" / f"{sha256(where).hexdigest()[:24]}.json"


def _json_faithful(value: Any) -> bool:
    """Whether JSON gives ``value`` back equal and of the same types (TOML's dates and times it does not)."""
    if isinstance(value, dict):
        return all(isinstance(key, str) and _json_faithful(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_json_faithful(item) for item in value)
    return isinstance(value, (str, int, float, bool))


def _parse_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def load_file(path: Path) -> Config:
    """Load settings from an explicit file (notelint.toml or pyproject.toml)."""
    return _from_document(path, _read_toml(path))


def _from_document(path: Path, data: dict[str, Any]) -> Config:
    if path.name == "pyproject.toml" or "tool" in data:
        table = data.get("tool", {}).get("notelint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.notelint] must be a table")
    else:
        table = data
    return from_table(table, path.parent.resolve(), path)


def discover(start: Path | None = None) -> Config:
    """Settings of the nearest notelint.toml or pyproject.toml with [tool.notelint]."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        own = directory / "notelint.toml"
        if own.is_file():
            return load_file(own)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            if "notelint" in data.get("tool", {}):
                return _from_document(pyproject, data)
    return Config(root=here)
