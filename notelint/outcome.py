"""What processing one file produces; small enough to cross processes and be cached."""

from __future__ import annotations

from functools import cached_property

from notelint.diagnostic import Diagnostic, Severity
from notelint.source import SourceFile
from notelint.values import Value

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any
    from notelint.finding import Digest
    from notelint.note import Note
    from notelint.rule import Rule
    from notelint.suppressions import Suppressions


# Values written out rather than dataclasses: ``notelint.values`` says why.
class FileError(Value):
    __slots__ = FIELDS = ("path", "message")
    path: str
    message: str

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message


class NoteSummary(Value):
    """What the corpus phase needs of one note: positions, suppressions, collected data."""

    __slots__ = FIELDS = ("path", "line_starts", "suppressions", "collected")
    path: str
    line_starts: tuple[int, ...]
    suppressions: Suppressions
    collected: dict[str, Any]

    def __init__(self, path: str, line_starts: tuple[int, ...], suppressions: Suppressions, collected: dict[str, Any]):
        self.path = path
        self.line_starts = line_starts
        self.suppressions = suppressions
        self.collected = collected

    def digest(self, code: str) -> Digest:
        from notelint.finding import Digest

        return Digest(self.path, self.collected.get(code), self.line_starts)

    def to_data(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line_starts": list(self.line_starts),
            "suppressions": self.suppressions.to_data(),
            "collected": self.collected,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> NoteSummary:
        # imported here: a run answered whole from the run cache reads no summary
        from notelint.suppressions import Suppressions

        return cls(
            data["path"],
            tuple(data["line_starts"]),
            Suppressions.from_data(data["suppressions"]),
            data["collected"],
        )


class FileOutcome(Value):
    __slots__ = FIELDS = ("path", "diagnostics", "summary", "source", "error")
    path: str
    diagnostics: list[Diagnostic]
    summary: NoteSummary | None
    source: SourceFile | None
    error: FileError | None

    def __init__(
        self, path: str, diagnostics: list[Diagnostic] | None = None, summary: NoteSummary | None = None,
        source: SourceFile | None = None, error: FileError | None = None,
    ):
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.summary = summary
        self.source = source
        self.error = error


class RunResult(Value):
    """A finished run; it lives here, beside what one file produces, so that a run
    answered from the result cache is rendered without loading the rules or the parser."""

    # no __slots__: ``notes`` is a cached_property, kept in the instance's __dict__
    FIELDS = ("diagnostics", "errors", "sources", "files", "fixed", "rules")
    diagnostics: list[Diagnostic]
    errors: list[FileError]
    sources: dict[str, SourceFile]  # target path -> text
    files: int  # target files attempted
    fixed: dict[str, int]  # path -> number of fixes applied
    rules: list[Rule]  # the rules that ran

    def __init__(
        self, diagnostics: list[Diagnostic] | None = None, errors: list[FileError] | None = None,
        sources: dict[str, SourceFile] | None = None, files: int = 0, fixed: dict[str, int] | None = None,
        rules: list[Rule] | None = None,
    ):
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.errors = [] if errors is None else errors
        self.sources = {} if sources is None else sources
        self.files = files
        self.fixed = {} if fixed is None else fixed
        self.rules = [] if rules is None else rules

    @cached_property
    def notes(self) -> list[Note]:
        """The target notes, parsed (on first use: the report needs them, a check does not)."""
        from notelint.note import parse_note

        return [parse_note(source) for source in self.sources.values()]

    def counts(self) -> dict[Severity, int]:
        result = {severity: 0 for severity in Severity}
        for diagnostic in self.diagnostics:
            result[diagnostic.severity] += 1
        return result
