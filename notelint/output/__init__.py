"""Output formats: each module renders a finished run; none decides anything."""

from __future__ import annotations

from notelint.outcome import RunResult
from notelint.source import SourceFile
from notelint.values import Value

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:  # the rules' module loads only for the formats that describe them (SARIF)
    from typing import Callable, Sequence
    from notelint.rule import Rule


class OutputContext(Value):
    """How to render a run (a value written out: ``notelint.values`` says why)."""

    __slots__ = FIELDS = ("rules", "color", "quiet", "statistics", "fixable_hint", "unsafe_fixes", "sources")
    rules: Sequence[Rule]  # every known rule (SARIF lists the ones that fired)
    color: bool
    quiet: bool
    statistics: bool
    fixable_hint: bool  # say "fixable with --fix" (off when fixes were applied)
    unsafe_fixes: bool  # --unsafe-fixes was given: unsafe fixes count as fixable
    sources: dict[str, SourceFile]  # path -> text, for excerpts

    def __init__(
        self, rules: Sequence[Rule], color: bool = False, quiet: bool = False, statistics: bool = False,
        fixable_hint: bool = True, unsafe_fixes: bool = False, sources: dict[str, SourceFile] | None = None,
    ):
        self.rules = rules
        self.color = color
        self.quiet = quiet
        self.statistics = statistics
        self.fixable_hint = fixable_hint
        self.unsafe_fixes = unsafe_fixes
        self.sources = {} if sources is None else sources


if TYPE_CHECKING:
    Renderer = Callable[[RunResult, OutputContext], str]


def renderer(name: str) -> Renderer:
    if name == "text":
        from notelint.output.text import render
    elif name == "json":
        from notelint.output.jsonout import render
    elif name == "sarif":
        from notelint.output.sarif import render
    elif name == "github":
        from notelint.output.github import render
    elif name == "gitlab":
        from notelint.output.gitlab import render
    elif name == "junit":
        from notelint.output.junit import render
    elif name == "grouped":
        from notelint.output.text import render_grouped as render
    else:
        raise ValueError(f"unknown output format {name!r}")
    return render


FORMATS = ("text", "grouped", "json", "sarif", "github", "gitlab", "junit")
