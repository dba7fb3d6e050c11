"""Runs the enabled rules over notes and turns their findings into diagnostics.

files -> SourceFile -> Note -> rules -> Finding -> (selection, suppressions,
severity overrides) -> Diagnostic.  Note rules run on the target notes; corpus
rules see the target notes plus the rest of the configured notes (context), and
report only on targets, so a pre-commit run on one changed note still compares
it with all the others.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterable, Sequence

from notelint.config import Config, ConfigError
from notelint.diagnostic import Diagnostic, Finding, FixOut, Location, Severity, TextEdit
from notelint.files import NoteFile
from notelint.note import Note, parse_note
from notelint.rule import Context, Rule
from notelint.source import SourceError, SourceFile, decode, read_source
from notelint.suppressions import Suppressions, suppressions


@dataclass
class FileError:
    path: str
    message: str


@dataclass
class RunResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # the target notes, parsed
    files: int = 0  # target files attempted
    fixed: dict[str, int] = field(default_factory=dict)  # path -> number of fixes applied

    def counts(self) -> dict[Severity, int]:
        result = {severity: 0 for severity in Severity}
        for diagnostic in self.diagnostics:
            result[diagnostic.severity] += 1
        return result


class Linter:
    def __init__(self, config: Config, rules: Sequence[Rule], as_of: date | None = None):
        self.config = config
        self.rules = [r for r in rules if config.selection.enabled(r.code, r.default_enabled)]
        self.as_of = as_of or config.as_of or date.today()
        self.context = Context(as_of=self.as_of, settings=config)

    @property
    def note_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.scope == "note"]

    @property
    def corpus_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.scope == "corpus"]

    # -- reading -------------------------------------------------------------------
    def read(self, file: NoteFile) -> SourceFile:
        return read_source(file.path, file.display, self.config.max_file_size)

    def parse_files(self, files: Iterable[NoteFile], result: RunResult | None) -> list[Note]:
        notes = []
        for file in files:
            try:
                notes.append(parse_note(self.read(file)))
            except SourceError as exc:
                if result is not None:
                    result.errors.append(FileError(exc.path, exc.reason))
        return notes

    # -- running -------------------------------------------------------------------
    def run(self, targets: Sequence[NoteFile], context: Sequence[NoteFile] = ()) -> RunResult:
        result = RunResult(files=len(targets))
        notes = self.parse_files(targets, result)
        result.notes = notes
        extra: list[Note] = []
        if self.corpus_rules:
            seen = {str(Path(f.path).resolve()) for f in targets}
            others = [f for f in context if str(Path(f.path).resolve()) not in seen]
            extra = self.parse_files(others, None)
        result.diagnostics = self.check_notes(notes, extra, result)
        return result

    def check_notes(self, notes: Sequence[Note], extra: Sequence[Note] = (), result: RunResult | None = None) -> list[Diagnostic]:
        diagnostics: list[Diagnostic] = []
        filters = {id(note): self._filter_for(note) for note in notes}
        for note in notes:
            for rule in self.note_rules:
                for finding in self._guarded(rule, note, note.path, result):
                    diagnostic = self._diagnostic(rule, note, finding, filters[id(note)])
                    if diagnostic is not None:
                        diagnostics.append(diagnostic)
        if self.corpus_rules and notes:
            corpus = [*notes, *extra]
            for rule in self.corpus_rules:
                for finding in self._guarded(rule, corpus, "the notes", result):
                    owner = finding.note
                    if owner is None or id(owner) not in filters:
                        continue  # context notes are read, not reported on
                    diagnostic = self._diagnostic(rule, owner, finding, filters[id(owner)])
                    if diagnostic is not None:
                        diagnostics.append(diagnostic)
        diagnostics.sort(key=lambda d: d.sort_key)
        return diagnostics

    def check_text(self, text: str, path: str = "<text>") -> list[Diagnostic]:
        """Lint one note given as text (used by tests and rule examples)."""
        return self.check_notes([parse_note(decode(path, text.encode("utf-8")))])

    def _guarded(self, rule: Rule, subject, where: str, result: RunResult | None) -> list[Finding]:
        """Run one rule; a crash in a rule is reported, and the run goes on."""
        try:
            return list(rule.run(subject, self.context))
        except ConfigError:
            raise  # a setting found unusable while building shared data (an unreadable word file)
        except Exception as exc:  # a bug in a rule must not hide other findings
            if result is None:
                raise
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            result.errors.append(
                FileError(
                    where,
                    f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc} "
                    f"at {Path(frame.filename).name}:{frame.lineno}; please report it",
                )
            )
            return []

    # -- filtering -----------------------------------------------------------------
    def _filter_for(self, note: Note) -> Suppressions:
        filt = suppressions(note)
        ignored = list(filt.note_wide)
        for pattern, codes in self.config.per_file_ignores.items():
            if _path_matches(note.path, pattern, self.config.root):
                ignored.extend(codes)
        filt.note_wide = tuple(ignored)
        return filt

    def _diagnostic(self, rule: Rule, note: Note, finding: Finding, filt: Suppressions) -> Diagnostic | None:
        line, column = note.position(finding.start)
        if filt.suppressed(rule.code, line):
            return None
        end_line, end_column = note.position(max(finding.end, finding.start))
        return Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=self.config.severity_for(rule.code, rule.severity),
            path=note.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            message=finding.message,
            suggestions=tuple(finding.suggestions),
            fix=_fix_out(note, finding),
            related=tuple(_location(r.note, r.start, r.end, r.message) for r in finding.related),
            meta=dict(finding.meta),
        )


def _location(note: Note, start: int, end: int, message: str) -> Location:
    line, column = note.position(start)
    end_line, end_column = note.position(max(end, start))
    return Location(note.path, line, column, end_line, end_column, message)


def _fix_out(note: Note, finding: Finding) -> FixOut | None:
    if finding.fix is None:
        return None
    edits = []
    for edit in finding.fix.edits:
        line, column = note.position(edit.start)
        end_line, end_column = note.position(edit.end)
        edits.append(TextEdit(line, column, end_line, end_column, edit.text))
    return FixOut(tuple(edits), finding.fix.description, finding.fix.safe)


def _path_matches(display: str, pattern: str, root: Path) -> bool:
    absolute = Path(display).absolute()
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        relative = display
    if "/" not in pattern:
        return fnmatchcase(Path(display).name, pattern) or fnmatchcase(relative, pattern)
    return fnmatchcase(relative, pattern)
