"""What a rule reports: a ``Finding`` in terms of offsets into the note it read,
with its fix (``Fix`` of ``Edit``s) and related places; ``Digest`` is what a corpus
rule sees of one note.  The engine turns findings into ``notelint.diagnostic``'s
``Diagnostic``s (which also re-exports these names, for the rules' imports).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from notelint.diagnostic import Severity
    from notelint.note import Note


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
