"""From a finished run to the report model: findings in context, counts, scores.

The input is what every output format gets, the diagnostics and the parsed
target notes, plus the rules that ran (so a family with no rules reads "not
checked" rather than "no findings").  Nothing here decides what is a finding.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Sequence

from notelint.codes import FAMILIES, family_of
from notelint.diagnostic import Diagnostic, Location, Severity
from notelint.engine import RunResult
from notelint.note import Note, parse_note
from notelint.report.excerpt import excerpt
from notelint.report.model import (
    Excerpt,
    Family,
    FileProblem,
    NoteSummary,
    Place,
    Report,
    ReportedFinding,
    Side,
    Tally,
)
from notelint.report.score import SCORE_FORMULA, flags_claim, score
from notelint.rule import Rule
from notelint.source import SourceError, read_source
from notelint.versions import NOTELINT_VERSION, botocore_version


class NoteShelf:
    """The run's notes by path; a related location in a note the run only
    read as context (a duplicate in another folder) is parsed on demand."""

    def __init__(self, notes: Sequence[Note], max_file_size: int):
        self._notes: dict[str, Note | None] = {note.path: note for note in notes}
        self._max_file_size = max_file_size

    def get(self, path: str) -> Note | None:
        if path not in self._notes:
            try:
                self._notes[path] = parse_note(read_source(Path(path), path, self._max_file_size))
            except SourceError:
                self._notes[path] = None
        return self._notes[path]


def collect(
    result: RunResult,
    rules: Sequence[Rule],
    *,
    as_of: date,
    max_file_size: int,
    generated_at: str | None = None,
) -> Report:
    shelf = NoteShelf(result.notes, max_file_size)
    families = _families(result.diagnostics, rules)
    prefixes = [family.prefix for family in families]
    findings = tuple(_finding(d, shelf) for d in result.diagnostics)
    notes = tuple(_note_summary(note, result.diagnostics, prefixes) for note in sorted(result.notes, key=lambda n: n.path))
    claims = sum(note.claims for note in notes)
    flagged = sum(note.flagged_claims for note in notes)
    return Report(
        notelint_version=NOTELINT_VERSION,
        botocore_version=botocore_version(),
        as_of=as_of.isoformat(),
        generated_at=generated_at,
        score_formula=SCORE_FORMULA,
        score=score(claims, flagged),
        families=families,
        notes=notes,
        findings=findings,
        errors=tuple(FileProblem(e.path, e.message) for e in result.errors),
    )


def _place(where: Diagnostic | Location) -> Place:
    return Place(where.path, where.line, where.column, where.end_line, where.end_column)


def _finding(diagnostic: Diagnostic, shelf: NoteShelf) -> ReportedFinding:
    place = _place(diagnostic)
    note = shelf.get(diagnostic.path)
    return ReportedFinding(
        code=diagnostic.code,
        name=diagnostic.name,
        severity=diagnostic.severity.value,
        place=place,
        message=diagnostic.message,
        excerpt=excerpt(note, place) if note is not None else Excerpt("lines", ""),
        suggestions=tuple(diagnostic.suggestions),
        fix=None if diagnostic.fix is None else diagnostic.fix.description,
        fix_safe=diagnostic.fix is not None and diagnostic.fix.safe,
        meta=_plain(diagnostic.meta),
        related=tuple(_side(location, shelf) for location in diagnostic.related),
    )


def _side(location: Location, shelf: NoteShelf) -> Side:
    place = _place(location)
    note = shelf.get(location.path)
    return Side(place, location.message, None if note is None else excerpt(note, place))


def _plain(meta) -> dict:
    """``meta`` as JSON values, keys sorted so the output does not depend on
    the order a rule filled them in (dates become ISO strings)."""
    return {str(key): _plain_value(meta[key]) for key in sorted(meta, key=str)}


def _plain_value(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain_value(v) for v in value]
    if isinstance(value, dict):
        return _plain(value)
    return str(value)


def _families(diagnostics: Sequence[Diagnostic], rules: Sequence[Rule]) -> tuple[Family, ...]:
    """Every known family, plus any other prefix that has findings."""
    found = Counter(d.code[:3] for d in diagnostics)
    enabled = Counter(rule.code[:3] for rule in rules)
    prefixes = sorted(set(FAMILIES) | set(found))
    return tuple(Family(p, family_of(p), enabled[p], found[p]) for p in prefixes)


def _note_summary(note: Note, diagnostics: Sequence[Diagnostic], prefixes: Sequence[str]) -> NoteSummary:
    own = [d for d in diagnostics if d.path == note.path]
    flagged = set()
    for diagnostic in own:
        if flags_claim(diagnostic.severity):
            claim = note.claim_at(note.source.offset(diagnostic.line, diagnostic.column))
            if claim is not None:
                flagged.add(id(claim))
    severities = Counter(d.severity.value for d in own)
    families = Counter(d.code[:3] for d in own)
    title = note.data("title")
    return NoteSummary(
        path=note.path,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        claims=len(note.claims),
        flagged_claims=len(flagged),
        score=score(len(note.claims), len(flagged)),
        tally=Tally(
            by_severity={s.value: severities[s.value] for s in reversed(Severity)},
            by_family={p: families[p] for p in prefixes},
        ),
    )
