"""One ``notelint check``: choose files, lint, apply fixes, write or diff them."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from notelint.config import Config
from notelint.files import NoteFile, expand
from notelint.outcome import FileError, RunResult
from notelint.source import SourceError, SourceFile, decode, read_bytes
from notelint.values import Value

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:  # the engine, the parser and the rules load only when a file is checked
    from datetime import date
    from typing import Sequence
    from notelint.resultcache import RunCache
    from notelint.rule import Rule

MAX_FIX_PASSES = 10


class Plan(Value):
    """The files a run reports on (targets) and the rest of the corpus (context).
    A value written out, not a dataclass: ``notelint.values`` says why."""

    __slots__ = FIELDS = ("targets", "context", "missing")
    targets: list[NoteFile]
    context: list[NoteFile]
    missing: list[str]

    def __init__(self, targets: list[NoteFile], context: list[NoteFile], missing: list[str] | None = None):
        self.targets = targets
        self.context = context
        self.missing = [] if missing is None else missing


def plan(config: Config, paths: Sequence[str]) -> Plan:
    """Targets are the paths given (or the configured ``paths``); context is the
    configured notes, which corpus rules read when only some files are given."""
    excludes = config.all_excludes
    configured = [config.root / p for p in config.paths]
    if paths:
        targets, missing = expand([Path(p) for p in paths], config.root, excludes)
        context: list[NoteFile] = []
        if config.file is not None:  # without a config there are no configured notes
            context, _ = expand([p for p in configured if p.exists()], config.root, excludes)
    else:
        targets, missing = expand(configured, config.root, excludes)
        context = []
    return Plan(targets, context, missing)


def check(config: Config, rules: Sequence[Rule] | None, the_plan: Plan, *, as_of: date | None = None,
          fix: bool = False, diff: bool = False, cache: bool = True, jobs: int = 0,
          unsafe_fixes: bool = False) -> tuple[RunResult, str]:
    """Lint the planned files; with ``fix`` or ``diff``, apply safe fixes (every fix with ``unsafe_fixes``).

    ``rules`` None means every registered rule; such a run, with the cache on and
    nothing to fix, is answered whole from the run cache when no file changed.
    Returns the result (after fixes) and the unified diff of the fixes (for
    ``diff``; empty otherwise).  With ``fix`` the fixed files are written.
    """
    answer = None
    if rules is None and cache and not (fix or diff):
        answer = _RunAnswer.look_up(config, as_of, the_plan)
        if answer is not None and answer.result is not None:
            return _with_missing(answer.result, the_plan), ""
    # notes will be checked: compile the rules' ~400 regular expressions from the kept
    # ones (a sixth of a one-note --no-cache run); an answered run above never loads them
    from notelint import regexcache

    regexcache.install()
    from notelint.engine import Linter

    linter = Linter(config, _registered() if rules is None else rules, as_of, cache=cache, jobs=jobs)
    result = linter.run(the_plan.targets, the_plan.context)
    if answer is not None:
        answer.store(result)
    _with_missing(result, the_plan)
    if not (fix or diff) or not result.notes:
        return result, ""

    from notelint.engine import parse_files
    from notelint.fixes import FixError, apply_fixes, safe_fixes, unified_diff, write_atomic
    from notelint.note import Note, parse_note

    originals = {note.path: note.source for note in result.notes}
    files = {f.display: f for f in the_plan.targets}
    extra = parse_files(linter, [f for f in the_plan.context if f.display not in originals]) if linter.corpus_rules else []
    notes = list(result.notes)
    fixed: dict[str, int] = defaultdict(int)
    diagnostics = result.diagnostics
    scratch = RunResult()  # errors met on text between passes, never written: not reported
    for _ in range(MAX_FIX_PASSES):
        by_path = defaultdict(list)
        for diagnostic in diagnostics:
            by_path[diagnostic.path].append(diagnostic)
        changed = False
        for index, note in enumerate(notes):
            fixes = safe_fixes(by_path.get(note.path, ()), unsafe_fixes)
            if not fixes:
                continue
            text, applied = apply_fixes(note.source, fixes)
            if text == note.source.text:
                continue
            notes[index] = parse_note(SourceFile(note.path, text, note.source.bom))
            fixed[note.path] += applied
            changed = True
        if not changed:
            break
        diagnostics = linter.check_notes(notes, extra, scratch)

    patch = []
    final: list[Note] = []
    if not diff:
        # the last check reports on the files as written: its errors replace the
        # first run's for these notes (a line number may have moved)
        result.errors = [e for e in result.errors if e.path not in originals]
    for note in notes:
        before = originals[note.path]
        if note.source.text == before.text:
            final.append(note)
            continue
        if diff:
            patch.append(unified_diff(note.path, before.text, note.source.text))
            final.append(note)
            continue
        try:
            write_atomic(files[note.path].path, note.source.encoded(), before.encoded())
            final.append(note)
        except FixError as exc:
            result.errors.append(FileError(note.path, str(exc).split(": ", 1)[-1]))
            fixed.pop(note.path, None)
            final.append(parse_note(before))
    if diff:
        # a diff changes nothing: report on the files as they are
        return result, "".join(patch)
    result.sources = {note.path: note.source for note in final}
    result.__dict__.pop("notes", None)  # parsed again from the fixed text when asked for
    result.fixed = dict(fixed)
    result.diagnostics = linter.check_notes(final, extra, result)
    result.errors = [e for i, e in enumerate(result.errors) if e not in result.errors[:i]]  # corpus errors, once
    return result, ""


def _registered() -> Sequence[Rule]:
    from notelint.rules import RULES

    return RULES


def _with_missing(result: RunResult, the_plan: Plan) -> RunResult:
    for path in the_plan.missing:
        result.errors.insert(0, FileError(path, "no such file or directory"))
    return result


class _RunAnswer:
    """A run looked up in the run cache: its result when found, else where to store it."""

    def __init__(self, cache: RunCache, key: str, result: RunResult | None):
        self.cache = cache
        self.key = key
        self.result = result

    @classmethod
    def look_up(cls, config: Config, as_of: date | None, the_plan: Plan) -> _RunAnswer | None:
        """None when a file cannot be read or decoded: that run reports errors, and is not cached."""
        from notelint.resultcache import RunCache

        try:
            targets = [(f.display, read_bytes(f.path, f.display, config.max_file_size)) for f in the_plan.targets]
            context = [(f.display, read_bytes(f.path, f.display, config.max_file_size)) for f in the_plan.context]
            sources = {display: decode(display, data) for display, data in targets}
        except SourceError:
            return None
        run_cache = RunCache(config, as_of or config.as_of)  # None: today
        key = run_cache.key(targets, context)
        diagnostics = run_cache.get(key)
        if diagnostics is None:
            return cls(run_cache, key, None)
        return cls(run_cache, key, RunResult(diagnostics=diagnostics, sources=sources, files=len(targets)))

    def store(self, result: RunResult) -> None:
        if not result.errors:  # errors (a rule's crash, a file over its time limit) are never cached
            self.cache.put(self.key, result.diagnostics)
