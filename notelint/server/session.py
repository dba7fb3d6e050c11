"""What the language server checks with: one configuration's linter and the notes it sees.

A ``Session`` belongs to one configuration (a ``notelint.toml`` or a
``pyproject.toml`` with ``[tool.notelint]``, found as the CLI finds it).  It
keeps one ``Linter`` for the life of that configuration, so the AWS catalog,
the vocabulary and the knowledge base are loaded once, and an *index* of every
configured note's corpus summary (what the duplicate and contradiction rules
compare), built on first use and then updated one note at a time: from the
editor's text on every check of an open note, from the disk when a note
changes there or is closed.  Nothing is re-read per keystroke.

It uses the engine's own steps (``process_note``, ``summarise``,
``check_corpus``), so a note gets in the editor the findings ``notelint check
NOTE`` gives it.  No editor types here: the protocol lives in ``lsp``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notelint import parallel
from notelint.config import Config
from notelint.diagnostic import Diagnostic
from notelint.engine import Linter, RunResult
from notelint.files import NOTE_SUFFIXES, expand, path_matches
from notelint.fixes import apply_fixes, safe_fixes
from notelint.note import parse_note
from notelint.outcome import FileError, FileOutcome, NoteSummary
from notelint.resultcache import ResultCache
from notelint.rule import Rule
from notelint.source import SourceError, SourceFile, decode, read_bytes

_BOM = "\ufeff"
MAX_FIX_PASSES = 10
# shared data built from the settings (the speller holds the project's words);
# every other entry (catalog, knowledge base, name index) is the same for every
# configuration and is handed from one session to the next
PER_CONFIG_DATA = ("spelling.speller", "spelling.names")  # the name finder reads the speller's vocabulary


@dataclass
class Checked:
    """One check of one note's text."""

    path: str  # as notelint shows it: relative to the configuration's folder
    source: SourceFile
    note_diagnostics: list[Diagnostic] = field(default_factory=list)
    corpus_diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    seconds: float = 0.0  # how long the check took
    summary: NoteSummary | None = None  # what the corpus rules compare of it

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return sorted([*self.note_diagnostics, *self.corpus_diagnostics], key=lambda d: d.sort_key)


class Session:
    def __init__(self, config: Config, rules: Sequence[Rule], shared: Mapping[str, Any] | None = None):
        self.config = config
        self.linter = Linter(config, rules, shared=shared)
        self._index: dict[str, NoteSummary] | None = None
        self.open: set[str] = set()  # notes whose index entry comes from the editor
        self.index_errors: list[FileError] = []
        self._last: dict[str, Checked] = {}  # the last check of each open note
        self._prepared = False
        self._cache: ResultCache | None = None

    # -- paths -----------------------------------------------------------------------
    @property
    def root(self) -> Path:
        return self.config.root

    def display(self, path: Path) -> str:
        """The path as findings name it: relative to the configuration's folder when inside it."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix()

    def absolute(self, display: str) -> Path:
        return Path(os.path.abspath(self.root / display))

    def excluded(self, path: Path) -> bool:
        return path_matches(path, self.root, self.config.all_excludes)

    def shared_data(self) -> dict[str, Any]:
        """What the next session may reuse of this one's loaded data."""
        data = self.linter.context.shared_data
        return {key: value for key, value in data.items() if key not in PER_CONFIG_DATA}

    # -- the index -------------------------------------------------------------------
    @property
    def index(self) -> dict[str, NoteSummary]:
        if self._index is None:
            self._index = {}
            if self.linter.corpus_rules:
                files, _missing = expand(
                    [p for p in (self.root / name for name in self.config.paths) if p.exists()],
                    self.root,
                    self.config.all_excludes,
                )
                for file in files:
                    self._summarise_from_disk(self.display(file.path))
        return self._index

    def _summarise_from_disk(self, display: str) -> None:
        """Index one note from its file: from the CLI's result cache when it holds the
        file as it is (a ``notelint check`` run from the same folder filled it), else by
        reading it (only what the corpus rules collect; its own rules do not run)."""
        assert self._index is not None
        try:
            data = read_bytes(self.absolute(display), display, self.config.max_file_size)
            if self._cache is None:
                self._cache = ResultCache(self.config, self.linter.rules, self.linter.as_of)
            cached = self._cache.get(self._cache.key(display, data))
            if cached is not None:
                self._index[display] = cached[1]
                return
            source = decode(display, data)
        except SourceError:
            self._index.pop(display, None)
            return
        outcome = FileOutcome(display)
        self._index[display] = self.linter.summarise(parse_note(source), outcome)
        if outcome.error is not None:
            self.index_errors.append(outcome.error)

    def in_corpus(self, path: Path) -> bool:
        """Whether a note on disk belongs to the configured notes (the index)."""
        if not path.name.lower().endswith(NOTE_SUFFIXES) or self.excluded(path):
            return False
        absolute = Path(os.path.abspath(path))
        for name in self.config.paths:
            top = Path(os.path.abspath(self.root / name))
            if absolute == top or top in absolute.parents:
                return True
        return False

    def disk_changed(self, path: Path) -> bool:
        """A note changed, appeared or went away on disk; True if the index changed."""
        display = self.display(path)
        if self._index is None or display in self.open:
            return False  # built later from the disk anyway / the editor's text wins
        if path.exists() and self.in_corpus(path):
            self._summarise_from_disk(display)
            return True
        return self._index.pop(display, None) is not None

    def closed(self, path: Path) -> None:
        """The editor closed a note: its unsaved text no longer counts, the disk's does."""
        display = self.display(path)
        self.open.discard(display)
        self._last.pop(display, None)
        if self._index is not None:
            self._index.pop(display, None)
            if path.exists() and self.in_corpus(path):
                self._summarise_from_disk(display)

    # -- checking --------------------------------------------------------------------
    def source(self, path: Path, text: str) -> SourceFile:
        bom = text.startswith(_BOM)
        return SourceFile(self.display(path), text[1:] if bom else text, bom)

    def check(self, path: Path, text: str, indexed: bool = True) -> Checked:
        """Check an open note's text, and put its summary in the index.

        A note that is not a file (an editor's untitled buffer: ``indexed`` False) is
        compared with the indexed notes but joins no index: no other note's findings
        may point into it."""
        started = time.perf_counter()
        source = self.source(path, text)
        last = self._last.get(source.path)
        if last is not None and last.source.text == source.text and last.source.bom == source.bom and not last.errors:
            # the same text (a save, a focus change): the note's findings stand; the corpus may have moved
            last.corpus_diagnostics, errors = (
                self.compare(last.summary, source.path) if last.summary is not None and self.linter.corpus_rules else ([], []))
            last.errors = errors
            last.seconds = time.perf_counter() - started
            return last
        checked = Checked(source.path, source)
        if not self._prepared:  # load the shared data once, outside the time limit (as a CLI run does)
            self.linter.prepare()
            self._prepared = True
        try:
            with parallel.time_limit(self.config.file_timeout):
                outcome = self.linter.process_note(parse_note(source))
        except parallel.FileTimeout:
            checked.errors.append(FileError(source.path, (
                f"not checked: checking took longer than {self.config.file_timeout:g} s "
                "(a rule is too slow on this text; please report it)")))
            checked.seconds = time.perf_counter() - started
            return checked
        checked.note_diagnostics = outcome.diagnostics
        if outcome.error is not None:
            checked.errors.append(outcome.error)
        checked.summary = outcome.summary
        if outcome.summary is not None and self.linter.corpus_rules:
            if indexed:
                self.open.add(source.path)
                self.index[source.path] = outcome.summary
            checked.corpus_diagnostics, errors = self.compare(outcome.summary, source.path)
            checked.errors.extend(errors)
        checked.seconds = time.perf_counter() - started
        self._last[source.path] = checked
        return checked

    def corpus(self, display: str) -> tuple[list[Diagnostic], list[FileError]]:
        """Corpus findings on one indexed note, compared with every other indexed note."""
        target = self.index.get(display)
        if target is None:
            return [], []
        return self.compare(target, display)

    def compare(self, target: NoteSummary, display: str) -> tuple[list[Diagnostic], list[FileError]]:
        """Corpus findings on one note's summary, compared with every indexed note but itself."""
        others = [summary for path, summary in self.index.items() if path != display]
        result = RunResult()
        diagnostics = self.linter.check_corpus([target], others, result)
        return diagnostics, result.errors

    def fix_all(self, path: Path, text: str) -> str:
        """The text with every safe fix applied, pass after pass as ``notelint check --fix`` does."""
        source = self.source(path, text)
        for _ in range(MAX_FIX_PASSES):
            outcome = self.linter.process_note(parse_note(source))
            fixed, _applied = apply_fixes(source, safe_fixes(outcome.diagnostics))
            if fixed == source.text:
                break
            source = SourceFile(source.path, fixed, source.bom)
        return (_BOM if source.bom else "") + source.text
