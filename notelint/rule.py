"""How a rule is declared: a code, a name, a severity, a summary, examples, a check.

    @rule("NL112", "empty-list-item", Severity.WARNING,
          "A list item has no text.",
          bad="...", good="...")
    def empty_list_item(note, ctx):
        '''Longer explanation, shown by ``notelint explain NL112``.'''
        yield Finding(...)

A *note* rule reads one ``Note``.  A *corpus* rule compares notes with each
other in two steps, so that notes can be read in parallel and cached: its
``collect(note, ctx)`` returns a small JSON-compatible summary of one note, and
its ``check(digests, ctx)`` reads the summaries of every note at once (one
``Digest`` per note) and yields findings with ``Finding.note`` set to the
digest they belong to.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from datetime import date
from typing import Any, Callable, Iterable, TypeVar

from notelint.config import Config
from notelint.diagnostic import Finding, Severity
from notelint.parallel import time_limit_paused
from notelint.enums import Named
from notelint.values import FrozenValue, Value

_T = TypeVar("_T")


class FixAvailability(Named):
    """Whether a rule's findings come with a fix, as in ruff: always, sometimes, never."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"  # only where one correction is certain (one spelling, one new name)
    NEVER = "never"


class Scope(Named):
    """What a rule reads: one note, or a summary of every note (a corpus rule)."""

    NOTE = "note"
    CORPUS = "corpus"


_CODE = re.compile(r"NL[1-9]\d\d")
_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


class Context(Value):
    """What a rule may know besides the note: settings and shared, lazily built data.

    ``shared`` may be seeded (``Linter(..., shared={"claims.knowledge": kb})``) so
    that a test can hand the rules its own data: a one-entry knowledge base, say.
    (Context and Rule are values written out, not dataclasses: ``notelint.values`` says why.)"""

    __slots__ = FIELDS = ("as_of", "settings", "shared_data", "many_notes")
    HIDDEN = frozenset({"shared_data"})
    as_of: date
    settings: Config
    shared_data: dict[str, Any]
    # set while shared data is loaded before worker processes are forked: a rule's ``prepare`` may then
    # load what a run over many notes asks for anyway (the workers inherit it), which a one-note run skips
    many_notes: bool

    def __init__(
        self, as_of: date, settings: Config, shared_data: dict[str, Any] | None = None, many_notes: bool = False
    ):
        self.as_of = as_of
        self.settings = settings
        self.shared_data = {} if shared_data is None else shared_data
        self.many_notes = many_notes

    def shared(self, key: str, build: Callable[[], _T]) -> _T:
        """Data built once per run and shared by every rule that asks for ``key`` (the
        one way to memoise per run; per note, see ``Note.cached``)."""
        if key not in self.shared_data:
            with time_limit_paused():  # building it once is not the current file's cost
                self.shared_data[key] = build()
        value: _T = self.shared_data[key]
        return value


NoteCheck = Callable[[Any, Context], Iterable[Finding]]
Collect = Callable[[Any, Context], Any]


class Rule(FrozenValue):
    __slots__ = FIELDS = (
        "code", "name", "severity", "summary", "check", "bad", "good", "scope", "fix", "fix_safe",
        "default_enabled", "collect", "prepare", "example_settings",
    )
    code: str
    name: str
    severity: Severity
    summary: str
    check: NoteCheck
    bad: str  # a note that triggers the rule
    good: str  # a similar note that does not
    scope: Scope
    fix: FixAvailability
    fix_safe: bool  # False: the fix may change meaning, so --fix does not apply it
    default_enabled: bool
    collect: Collect | None  # corpus rules: the per-note summary
    prepare: Callable[[Context], None] | None  # load shared data before files are read
    # settings (Config fields) the examples need, e.g. (("front_matter", "required"),)
    example_settings: tuple[tuple[str, Any], ...]

    def __init__(
        self, code: str, name: str, severity: Severity, summary: str, check: NoteCheck, bad: str, good: str,
        scope: Scope = Scope.NOTE, fix: FixAvailability = FixAvailability.NEVER, fix_safe: bool = True,
        default_enabled: bool = True, collect: Collect | None = None, prepare: Callable[[Context], None] | None = None,
        example_settings: tuple[tuple[str, Any], ...] = (),
    ):
        self._fill(
            code, name, severity, summary, check, bad, good, scope, fix, fix_safe, default_enabled, collect,
            prepare, example_settings
        )

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or self.summary)


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    bad: str,
    good: str,
    scope: Scope = Scope.NOTE,
    fix: FixAvailability = FixAvailability.NEVER,
    fix_safe: bool = True,
    default_enabled: bool = True,
    collect: Collect | None = None,
    prepare: Callable[[Context], None] | None = None,
    example_settings: dict[str, Any] | None = None,
) -> Callable[[NoteCheck], Rule]:
    """Declare a rule; the decorated generator becomes its ``check``."""
    if not _CODE.fullmatch(code):
        raise ValueError(f"rule code {code!r} is not of the form NL123")
    if not _NAME.fullmatch(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")
    if (scope is Scope.CORPUS) != (collect is not None):
        raise ValueError(f"{code}: a corpus rule needs a collect function, a note rule has none")

    def declare(check: NoteCheck) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            check=check,
            bad=_example(bad),
            good=_example(good),
            scope=scope,
            fix=fix,
            fix_safe=fix_safe,
            default_enabled=default_enabled,
            collect=collect,
            prepare=prepare,
            example_settings=tuple(sorted((example_settings or {}).items())),
        )

    return declare


def example(body: str = "", *, title: str = "Study notes", reviewed: str = "2025-06-01") -> str:
    """An example note for a rule's documentation: front matter, a blank line, ``body``
    (dedented).  The one way rules and knowledge entries build their examples."""
    text = textwrap.dedent(body).strip()
    front = f"---\ntitle: {title}\nreviewed: {reviewed}\n---\n"
    return front + (f"\n{text}\n" if text else "")


def _example(text: str) -> str:
    """Examples are written indented in triple quotes; keep trailing blank lines."""
    return textwrap.dedent(text.removeprefix("\n"))
