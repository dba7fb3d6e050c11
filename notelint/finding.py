"""What a rule reports: a ``Finding`` in terms of offsets into the note it read,
with its fix (``Fix`` of ``Edit``s) and related places; ``Digest`` is what a corpus
rule sees of one note.  The engine turns findings into ``notelint.diagnostic``'s
``Diagnostic``s (which also re-exports these names, for the rules' imports).
"""

from __future__ import annotations

from bisect import bisect_right

from notelint.values import FrozenValue

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any, Mapping

    from notelint.diagnostic import Severity
    from notelint.note import Note

# Frozen values written out rather than dataclasses (``notelint.values`` says why):
# every run that checks a note made these five, compiling 27 methods.


class Edit(FrozenValue):
    """Replace ``note.text[start:end]`` with ``text``."""

    __slots__ = FIELDS = ("start", "end", "text")
    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str):
        self._fill(start, end, text)


class Fix(FrozenValue):
    __slots__ = FIELDS = ("edits", "description", "safe")
    edits: tuple[Edit, ...]
    description: str
    safe: bool

    def __init__(self, edits: tuple[Edit, ...], description: str, safe: bool = True):
        self._fill(edits, description, safe)


class Digest(FrozenValue):
    """What a corpus rule sees of one note: its path, what ``collect`` returned
    for it, and enough of the file to turn offsets into positions."""

    __slots__ = FIELDS = ("path", "data", "line_starts")
    path: str
    data: Any
    line_starts: tuple[int, ...]

    def __init__(self, path: str, data: Any, line_starts: tuple[int, ...]):
        self._fill(path, data, line_starts)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, max(offset, 0))
        return line, offset - self.line_starts[line - 1] + 1


class Related(FrozenValue):
    """Another place that explains a finding (the other side of a contradiction)."""

    __slots__ = FIELDS = ("note", "start", "end", "message")
    note: Note | Digest
    start: int
    end: int
    message: str

    def __init__(self, note: Note | Digest, start: int, end: int, message: str):
        self._fill(note, start, end, message)


class Finding(FrozenValue):
    """One problem a rule found in a note; offsets are into ``note.text``.

    Corpus rules set ``note`` to the ``Digest`` of the note the finding belongs to.
    """

    __slots__ = FIELDS = ("start", "end", "message", "suggestions", "fix", "related", "meta", "note", "severity")
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]
    fix: Fix | None
    related: tuple[Related, ...]
    meta: Mapping[str, Any]
    note: Note | Digest | None
    # a rule may raise or lower its default severity for one finding (a stale
    # claim that was already wrong when the note was reviewed is an error);
    # a severity set in the configuration still wins
    severity: Severity | None

    def __init__(
        self, start: int, end: int, message: str, suggestions: tuple[str, ...] = (), fix: Fix | None = None,
        related: tuple[Related, ...] = (), meta: Mapping[str, Any] | None = None, note: Note | Digest | None = None,
        severity: Severity | None = None,
    ):
        # (meta: a new dict each, as default_factory=dict gave)
        self._fill(start, end, message, suggestions, fix, related, {} if meta is None else meta, note, severity)
