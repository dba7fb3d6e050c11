"""Runs the enabled rules over notes and turns their findings into diagnostics.

files -> SourceFile -> Note -> rules -> Finding -> (selection, suppressions,
severity overrides) -> Diagnostic.

Each file is processed on its own (and so can be processed in another process
or taken from the result cache): it is parsed, note rules run on it, and every
corpus rule *collects* a small summary of it.  Corpus rules then compare the
summaries of the target notes and of the rest of the configured notes
(context), and report only on targets, so a pre-commit run on one changed note
still compares it with all the others.  A corpus rule reports on a target only
at what it collected of it: one that collected nothing of any target reports
nothing, and (in a run of one process without the result cache) the context is
not read for it.  Checking one note of the shipped notes so skips the claim
reader on the nine others when the note asserts nothing to compare.
"""

from __future__ import annotations

import traceback
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from notelint import parallel
from notelint.config import Config, ConfigError
from notelint.diagnostic import (
    Diagnostic,
    Digest,
    Finding,
    FixOut,
    Location,
    TextEdit,
)
from notelint.files import NoteFile, path_matches
from notelint.fixes import keep_meaning
from notelint.markdown import MAX_NESTING
from notelint.note import Note, parse_note
from notelint.outcome import FileError, FileOutcome, NoteSummary
from notelint.outcome import RunResult as RunResult  # its home before outcome.py; callers import it from here
from notelint.resultcache import ResultCache
from notelint.rule import Context, Rule, Scope
from notelint.source import SourceError, decode, read_bytes
from notelint.suppressions import Suppressions, suppressions


class Linter:
    def __init__(self, config: Config, rules: Sequence[Rule], as_of: date | None = None, *,
                 cache: bool = False, jobs: int = 0, shared: Mapping[str, Any] | None = None):
        self.config = config
        self.rules = [r for r in rules if config.selection.enabled(r.code, r.default_enabled)]
        self.as_of = as_of or config.as_of or date.today()
        # data the rules share for the run; a caller may seed some (a test's knowledge base)
        self.context = Context(as_of=self.as_of, settings=config, shared_data=dict(shared or {}))
        self.cache = ResultCache(config, self.rules, self.as_of) if cache else None
        self.jobs = jobs
        self._prepared = False  # shared data loaded (see prepare)

    @property
    def note_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.scope is Scope.NOTE]

    @property
    def corpus_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.scope is Scope.CORPUS]

    # -- one file ------------------------------------------------------------------
    def process_file(self, file: NoteFile) -> FileOutcome:
        """Read, parse and check one file; never raises for a bad file."""
        cache = self.cache
        try:
            data = read_bytes(file.path, file.display, self.config.max_file_size)
            key = cache.key(file.display, data) if cache is not None else None
            source = decode(file.display, data)
        except SourceError as exc:
            return FileOutcome(file.display, error=FileError(exc.path, exc.reason))
        if cache is not None and key is not None:
            cached = cache.get(key)
            if cached is not None:
                diagnostics, summary = cached
                return FileOutcome(file.display, diagnostics, summary, source)
        if not self._prepared:
            # shared data (the speller, the catalog) loads once, outside any one
            # file's time budget: a loaded machine must not skip the first file
            self.prepare()
        try:
            with parallel.time_limit(self.config.file_timeout):
                outcome = self.process_note(parse_note(source))
        except parallel.FileTimeout:
            return FileOutcome(file.display, source=source, error=self._timed_out(file))
        outcome.source = source
        if cache is not None and key is not None and outcome.error is None:
            cache.put(key, outcome.diagnostics, outcome.summary)
        return outcome

    def process_context_file(self, file: NoteFile, rules: Sequence[Rule] | None = None) -> FileOutcome:
        """A context note, read for the corpus rules only (``rules``: those of them that
        need it; all by default): without the result cache nothing would keep its own
        findings, so only its summary is made (with the cache on, it is checked whole
        and stored, for a later run that targets it)."""
        if self.cache is not None:
            return self.process_file(file)
        try:
            source = decode(file.display, read_bytes(file.path, file.display, self.config.max_file_size))
        except SourceError as exc:
            return FileOutcome(file.display, error=FileError(exc.path, exc.reason))
        if not self._prepared:
            self.prepare()
        outcome = FileOutcome(file.display, source=source)
        try:
            with parallel.time_limit(self.config.file_timeout):
                note = parse_note(source)
                outcome.summary = self.summarise(note, outcome, rules=rules)
        except parallel.FileTimeout:
            outcome.error = self._timed_out(file)
        return outcome

    def _timed_out(self, file: NoteFile) -> FileError:
        return FileError(
            file.display,
            f"skipped: checking took longer than {self.config.file_timeout:g} s "
            "(a rule is too slow on this text; please report it)",
        )

    def _process(self, item: tuple[NoteFile, bool]) -> FileOutcome:
        file, context = item
        return self.process_context_file(file) if context else self.process_file(file)

    def process_note(self, note: Note) -> FileOutcome:
        filt = self._filter_for(note)
        outcome = FileOutcome(note.path)
        if note.too_deep:
            outcome.error = FileError(note.path, _too_deep(note.too_deep))
        for rule in self.note_rules:
            findings = self._findings(rule, rule.check, note, note.path, outcome)
            for finding in findings:
                diagnostic = self._diagnostic(rule, note, finding, filt)
                if diagnostic is not None and not any(a <= diagnostic.line <= b for a, b in note.too_deep):
                    outcome.diagnostics.append(diagnostic)  # (an item whose content was skipped looks empty)
        outcome.diagnostics = one_per_name(outcome.diagnostics)
        outcome.summary = self.summarise(note, outcome, filt)
        return outcome

    def summarise(self, note: Note, outcome: FileOutcome, filt: Suppressions | None = None,
                  rules: Sequence[Rule] | None = None) -> NoteSummary:
        """What the corpus rules (or these of them) need of one note, without running its note
        rules (an editor's workspace index); a corpus rule's crash is reported in ``outcome``."""
        collected = {rule.code: self._collected(rule, note, outcome) for rule in rules or self.corpus_rules}
        return NoteSummary(note.path, tuple(note.source.line_starts()), filt or self._filter_for(note), collected)

    # -- a run ---------------------------------------------------------------------
    def prepare(self) -> None:
        """Load shared data once, before any worker process is forked."""
        self._prepared = True
        from notelint.markdown import linkify

        linkify()  # the bare-URL finder, built once (its regular expressions)
        for rule in self.rules:
            if rule.prepare is not None:
                rule.prepare(self.context)

    def _prepare_for_workers(self) -> None:
        self.context.many_notes = True
        try:
            self.prepare()
        finally:
            self.context.many_notes = False

    def run(self, targets: Sequence[NoteFile], context: Sequence[NoteFile] = ()) -> RunResult:
        result = RunResult(files=len(targets), rules=list(self.rules))
        seen = {str(Path(f.path).absolute()) for f in targets}
        others = [f for f in context if str(Path(f.path).absolute()) not in seen] if self.corpus_rules else []
        if self.cache is None and parallel.job_count(self.jobs, len(targets) + len(others)) == 1:
            # in this process: the targets first, then the context for the corpus rules that need it
            target_outcomes = [self.process_file(f) for f in targets]
            needed = self._rules_for_context([o.summary for o in target_outcomes if o.summary is not None])
            other_outcomes = [self.process_context_file(f, needed) for f in others] if needed else []
        else:
            items = [*((f, False) for f in targets), *((f, True) for f in others)]
            outcomes = parallel.map_files(self._process, items, self.jobs, before_fork=self._prepare_for_workers)
            target_outcomes, other_outcomes = outcomes[: len(targets)], outcomes[len(targets) :]
        diagnostics: list[Diagnostic] = []
        for outcome in target_outcomes:
            if outcome.error is not None:
                result.errors.append(outcome.error)
            if outcome.source is not None:
                result.sources[outcome.path] = outcome.source
            diagnostics.extend(outcome.diagnostics)
        summaries = [o.summary for o in target_outcomes if o.summary is not None]
        extra = [o.summary for o in other_outcomes if o.summary is not None]
        diagnostics.extend(self.check_corpus(summaries, extra, result))
        diagnostics.sort(key=lambda d: d.sort_key)
        result.diagnostics = diagnostics
        return result

    def _rules_for_context(self, summaries: Sequence[NoteSummary]) -> list[Rule]:
        """The corpus rules that collected something of a target (these summaries): only they can report."""
        return [rule for rule in self.corpus_rules if any(summary.collected.get(rule.code) for summary in summaries)]

    def check_corpus(self, summaries: Sequence[NoteSummary], extra: Sequence[NoteSummary] = (),
                     result: RunResult | None = None) -> list[Diagnostic]:
        """Corpus rules over the targets' summaries, with the context's as background."""
        if not self.corpus_rules or not summaries:
            return []
        targets = {summary.path: summary for summary in summaries}
        # context notes first: what was already there is the original, and a
        # changed note that repeats or contradicts it is the one reported
        ordered = [*extra, *summaries]
        diagnostics = []
        for rule in self._rules_for_context(summaries):
            digests = [summary.digest(rule.code) for summary in ordered]
            for finding in self._findings(rule, rule.check, digests, "the notes", result):
                owner = finding.note
                if owner is None or owner.path not in targets:
                    continue  # context notes are read, not reported on
                diagnostic = self._diagnostic(rule, owner, finding, targets[owner.path].suppressions)
                if diagnostic is not None:
                    diagnostics.append(diagnostic)
        return diagnostics

    def check_notes(self, notes: Sequence[Note], extra: Sequence[Note] = (), result: RunResult | None = None) -> list[Diagnostic]:
        """Check notes already parsed, in this process (tests, rule examples, --fix)."""
        diagnostics: list[Diagnostic] = []
        summaries: list[NoteSummary] = []
        for note in notes:
            outcome = self.process_note(note)
            diagnostics.extend(outcome.diagnostics)
            if outcome.summary is not None:
                summaries.append(outcome.summary)
            if result is not None and outcome.error is not None:
                result.errors.append(outcome.error)
        extra_summaries = [
            summary for summary in (self.process_note(note).summary for note in extra) if summary is not None
        ] if self.corpus_rules else []
        diagnostics.extend(self.check_corpus(summaries, extra_summaries, result))
        diagnostics.sort(key=lambda d: d.sort_key)
        return diagnostics

    def check_text(self, text: str, path: str = "<text>") -> list[Diagnostic]:
        """Lint one note given as text (used by tests and rule examples)."""
        return self.check_notes([parse_note(decode(path, text.encode("utf-8")))])

    def _findings(self, rule: Rule, check: Callable[[Any, Context], Iterable[Finding]], subject: Any,
                  where: str, sink: FileOutcome | RunResult | None) -> list[Finding]:
        """One rule's findings; a crash in a rule is reported in ``sink``, and the run goes on."""
        try:
            return list(check(subject, self.context))
        except _RAISED:
            raise
        except Exception as exc:  # a bug in a rule must not hide other findings
            _report_crash(rule, exc, where, sink)
            return []

    def _collected(self, rule: Rule, note: Note, outcome: FileOutcome) -> Any:
        """A corpus rule's summary of one note, or None when the rule crashed (reported in ``outcome``)."""
        assert rule.collect is not None  # corpus rules have one (checked when declared)
        try:
            return rule.collect(note, self.context)
        except _RAISED:
            raise
        except Exception as exc:
            _report_crash(rule, exc, note.path, outcome)
            return None

    # -- filtering -----------------------------------------------------------------
    def _filter_for(self, note: Note) -> Suppressions:
        filt = suppressions(note)
        ignored = list(filt.note_wide)
        for pattern, codes in self.config.per_file_ignores.items():
            if path_matches(Path(note.path), self.config.root, (pattern,)):
                ignored.extend(codes)
        filt.note_wide = tuple(ignored)
        return filt

    def _diagnostic(self, rule: Rule, note: Note | Digest, finding: Finding, filt: Suppressions) -> Diagnostic | None:
        line, column = note.position(finding.start)
        if filt.suppressed(rule.code, line):
            return None
        end_line, end_column = note.position(max(finding.end, finding.start))
        return Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=self.config.severity_for(rule.code, finding.severity or rule.severity),
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


# rules that say how a name should be written, most specific first: a rename says
# more than a wrong vendor, which says more than the spacing or the case
_NAMING_PRECEDENCE = ("NL501", "NL303", "NL302", "NL301")


def one_per_name(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per span and name: where naming rules report a name at the
    same place ("Aws Sagemaker": wrong case, wrong vendor, renamed), only the most
    specific stays, so the reader gets one answer.  After --fix applies it, the
    next pass reports what is left of the others."""
    best: dict[tuple[int, int], int] = {}
    for d in diagnostics:
        if d.code in _NAMING_PRECEDENCE:
            span = (d.line, d.column)  # NL303 marks only the vendor of the name the others mark
            rank = _NAMING_PRECEDENCE.index(d.code)
            best[span] = min(best.get(span, rank), rank)
    if not best:
        return diagnostics
    return [
        d for d in diagnostics
        if d.code not in _NAMING_PRECEDENCE
        or _NAMING_PRECEDENCE.index(d.code) == best[(d.line, d.column)]
    ]


def _too_deep(ranges: Sequence[tuple[int, int]]) -> str:
    lines = ", ".join(f"line {a}" if a == b else f"lines {a}–{b}" for a, b in ranges)
    return (
        f"{lines} not checked: lists or block quotes nested too deeply "
        f"(the Markdown parser stops at {MAX_NESTING} levels; a nested list takes 2)"
    )


def _location(note: Note | Digest, start: int, end: int, message: str) -> Location:
    line, column = note.position(start)
    end_line, end_column = note.position(max(end, start))
    return Location(note.path, line, column, end_line, end_column, message)


def _fix_out(note: Note | Digest, finding: Finding) -> FixOut | None:
    fix = finding.fix
    if fix is None:
        return None
    if isinstance(note, Note):
        fix = keep_meaning(note, fix)
    edits = []
    for edit in fix.edits:
        line, column = note.position(edit.start)
        end_line, end_column = note.position(edit.end)
        edits.append(TextEdit(line, column, end_line, end_column, edit.text))
    return FixOut(tuple(edits), fix.description, fix.safe)


# not a rule's bug: a file over its time limit, a setting found unusable while
# building shared data (an unreadable word file)
_RAISED = (parallel.FileTimeout, ConfigError)


def _report_crash(rule: Rule, exc: Exception, where: str, sink: FileOutcome | RunResult | None) -> None:
    if sink is None:
        raise exc
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    error = FileError(
        where,
        f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc} "
        f"at {Path(frame.filename).name}:{frame.lineno}; please report it",
    )
    if isinstance(sink, FileOutcome):
        sink.error = sink.error or error
    else:
        sink.errors.append(error)


def parse_files(linter: Linter, files: Iterable[NoteFile]) -> list[Note]:
    """Parse files for in-process work (the --fix loop); unreadable files are left out."""
    notes = []
    for file in files:
        try:
            notes.append(parse_note(decode(file.display, read_bytes(file.path, file.display, linter.config.max_file_size))))
        except SourceError:
            pass
    return notes
