"""What rules report (``Finding``) and what notelint outputs (``Diagnostic``).

A rule yields ``Finding``s in terms of offsets into the note it read; the engine
stamps each with the rule's code, name and configured severity, and resolves
offsets to 1-based line/column positions.  Formatters only ever see
``Diagnostic``s.  ``Finding`` and what it holds (``Edit``, ``Fix``, ``Related``,
``Digest``) are defined in ``notelint.finding`` and read from here on first use:
a run answered from the result cache renders ``Diagnostic``s only, and each
dataclass costs about half a millisecond to define.

``meta`` carries the evidence behind a finding, under these keys where they
apply (formatters and the report show them): ``source`` (URL of the fact),
``effective_date`` (ISO date the fact changed), ``replacement`` (current name),
``botocore_version`` (the service data a name was checked against),
``kind`` (e.g. renamed, end-of-life), ``current_fact`` (one sentence).
"""

from __future__ import annotations

from notelint.enums import Named
from notelint.values import FrozenValue

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any, Mapping
    from notelint.finding import Digest as Digest
    from notelint.finding import Edit as Edit
    from notelint.finding import Finding as Finding
    from notelint.finding import Fix as Fix
    from notelint.finding import Related as Related

_IN_FINDING = frozenset({"Digest", "Edit", "Finding", "Fix", "Related"})


def __getattr__(name: str) -> Any:
    """``from notelint.diagnostic import Finding`` (and the rest of ``_IN_FINDING``), loaded on first use."""
    if name in _IN_FINDING:
        from notelint import finding

        return getattr(finding, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Severity(Named):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


# These four are frozen values written out (``notelint.values``: a run answered
# from the result cache makes them without importing ``dataclasses``).


class Location(FrozenValue):
    __slots__ = FIELDS = ("path", "line", "column", "end_line", "end_column", "message")
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    message: str

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int, message: str = ""):
        self._fill(path, line, column, end_line, end_column, message)


class TextEdit(FrozenValue):
    """An edit in output coordinates (1-based, end exclusive)."""

    __slots__ = FIELDS = ("line", "column", "end_line", "end_column", "text")
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def __init__(self, line: int, column: int, end_line: int, end_column: int, text: str):
        self._fill(line, column, end_line, end_column, text)


class FixOut(FrozenValue):
    __slots__ = FIELDS = ("edits", "description", "safe")
    edits: tuple[TextEdit, ...]
    description: str
    safe: bool

    def __init__(self, edits: tuple[TextEdit, ...], description: str, safe: bool):
        self._fill(edits, description, safe)


class Diagnostic(FrozenValue):
    __slots__ = FIELDS = (
        "code", "name", "severity", "path", "line", "column", "end_line", "end_column", "message",
        "suggestions", "fix", "related", "meta",
    )
    code: str
    name: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    message: str
    suggestions: tuple[str, ...]
    fix: FixOut | None
    related: tuple[Location, ...]
    meta: Mapping[str, Any]

    def __init__(
        self, code: str, name: str, severity: Severity, path: str, line: int, column: int, end_line: int,
        end_column: int, message: str, suggestions: tuple[str, ...] = (), fix: FixOut | None = None,
        related: tuple[Location, ...] = (), meta: Mapping[str, Any] | None = None,
    ):
        # (meta: a new dict each, as default_factory=dict gave)
        self._fill(
            code, name, severity, path, line, column, end_line, end_column, message, suggestions, fix,
            related, {} if meta is None else meta
        )

    @property
    def sort_key(self) -> tuple[str, int, int, str, int, int, str]:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; keys and order are part of the output format."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fix": None
            if self.fix is None
            else {
                "description": self.fix.description,
                "safe": self.fix.safe,
                "edits": [
                    {
                        "line": e.line,
                        "column": e.column,
                        "end_line": e.end_line,
                        "end_column": e.end_column,
                        "text": e.text,
                    }
                    for e in self.fix.edits
                ],
            },
            "related": [
                {
                    "path": r.path,
                    "line": r.line,
                    "column": r.column,
                    "end_line": r.end_line,
                    "end_column": r.end_column,
                    "message": r.message,
                }
                for r in self.related
            ],
            "meta": dict(self.meta),
        }


def diagnostic_from_dict(data: dict[str, Any]) -> Diagnostic:
    """The inverse of ``Diagnostic.to_dict`` (used by the per-file result cache)."""
    fix = data["fix"]
    return Diagnostic(
        code=data["code"],
        name=data["name"],
        severity=Severity(data["severity"]),
        path=data["path"],
        line=data["line"],
        column=data["column"],
        end_line=data["end_line"],
        end_column=data["end_column"],
        message=data["message"],
        suggestions=tuple(data["suggestions"]),
        fix=None
        if fix is None
        else FixOut(
            tuple(TextEdit(e["line"], e["column"], e["end_line"], e["end_column"], e["text"]) for e in fix["edits"]),
            fix["description"],
            fix["safe"],
        ),
        related=tuple(
            Location(r["path"], r["line"], r["column"], r["end_line"], r["end_column"], r["message"])
            for r in data["related"]
        ),
        meta=data["meta"],
    )
