"""What processing one file produces; small enough to cross processes and be cached."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from notelint.diagnostic import Diagnostic, Digest
from notelint.source import SourceFile
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
