"""What processing one file produces; small enough to cross processes and be cached."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from notelint.diagnostic import Diagnostic, Severity
from notelint.source import SourceFile

if TYPE_CHECKING:
    from notelint.finding import Digest
    from notelint.note import Note
    from notelint.rule import Rule
    from notelint.suppressions import Suppressions


@dataclass
class FileError:
    path: str
    message: str


@dataclass
class NoteSummary:
    """What the corpus phase needs of one note: positions, suppressions, collected data."""

    path: str
    line_starts: tuple[int, ...]
    suppressions: Suppressions
    collected: dict[str, Any]

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


@dataclass
class FileOutcome:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: NoteSummary | None = None
    source: SourceFile | None = None
    error: FileError | None = None


@dataclass
class RunResult:
    """A finished run; it lives here, beside what one file produces, so that a run
    answered from the result cache is rendered without loading the rules or the parser."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    sources: dict[str, SourceFile] = field(default_factory=dict)  # target path -> text
    files: int = 0  # target files attempted
    fixed: dict[str, int] = field(default_factory=dict)  # path -> number of fixes applied
    rules: list[Rule] = field(default_factory=list)  # the rules that ran

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
