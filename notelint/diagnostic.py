"""What rules report (``Finding``) and what notelint outputs (``Diagnostic``).

A rule yields ``Finding``s in terms of offsets into the note it read; the engine
stamps each with the rule's code, name and configured severity, and resolves
offsets to 1-based line/column positions.  Formatters only ever see
``Diagnostic``s.

``meta`` carries the evidence behind a finding, under these keys where they
apply (formatters and the report show them): ``source`` (URL of the fact),
``effective_date`` (ISO date the fact changed), ``replacement`` (current name),
``botocore_version`` (the service data a name was checked against),
``kind`` (e.g. renamed, end-of-life), ``current_fact`` (one sentence).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from notelint.enums import Named

if TYPE_CHECKING:
    from notelint.note import Note


class Severity(Named):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``note.text[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    description: str
    safe: bool = True


@dataclass(frozen=True)
class Digest:
    """What a corpus rule sees of one note: its path, what ``collect`` returned
    for it, and enough of the file to turn offsets into positions."""

    path: str
    data: Any
    line_starts: tuple[int, ...]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, max(offset, 0))
        return line, offset - self.line_starts[line - 1] + 1


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (the other side of a contradiction)."""

    note: Note | Digest
    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found in a note; offsets are into ``note.text``.

    Corpus rules set ``note`` to the ``Digest`` of the note the finding belongs to.
    """

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    note: Note | Digest | None = None
    # a rule may raise or lower its default severity for one finding (a stale
    # claim that was already wrong when the note was reviewed is an error);
    # a severity set in the configuration still wins
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    message: str = ""


@dataclass(frozen=True, slots=True)
class TextEdit:
    """An edit in output coordinates (1-based, end exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class FixOut:
    edits: tuple[TextEdit, ...]
    description: str
    safe: bool


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    message: str
    suggestions: tuple[str, ...] = ()
    fix: FixOut | None = None
    related: tuple[Location, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

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
