"""Output formats: each module renders a finished run; none decides anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

from notelint.outcome import RunResult
from notelint.source import SourceFile

if TYPE_CHECKING:  # the rules' module loads only for the formats that describe them (SARIF)
    from notelint.rule import Rule


@dataclass
class OutputContext:
    rules: Sequence[Rule]  # every known rule (SARIF lists the ones that fired)
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    fixable_hint: bool = True  # say "fixable with --fix" (off when fixes were applied)
    unsafe_fixes: bool = False  # --unsafe-fixes was given: unsafe fixes count as fixable
    sources: dict[str, SourceFile] = field(default_factory=dict)  # path -> text, for excerpts


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
