"""Human output: ``path:line:col: CODE [name] severity: message``, the source line, a caret."""

from __future__ import annotations

import unicodedata
from collections import Counter

from notelint.diagnostic import Diagnostic, Severity
from notelint.outcome import RunResult
from notelint.output import OutputContext

_TAB = 4
_STYLE = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "yellow": "33",
    "blue": "34",
    "cyan": "36",
    "green": "32",
}
_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _paint(text: str, style: str, on: bool) -> str:
    if not on or not text:
        return text
    codes = ";".join(_STYLE[s] for s in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _width(char: str) -> int:
    if char == "\t":
        return _TAB
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _excerpt(diagnostic: Diagnostic, source, color: bool) -> list[str]:
    if source is None or diagnostic.line > source.line_count:
        return []
    line = source.line_text(diagnostic.line)
    shown = line.replace("\t", " " * _TAB)
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line)
    end = max(end, start + 1)
    pad = sum(_width(c) for c in line[:start])
    marks = max(sum(_width(c) for c in line[start:end]), 1)
    gutter = " " * len(str(diagnostic.line))
    caret_color = _SEVERITY_COLOR[diagnostic.severity]
    return [
        _paint(f" {gutter} |", "blue", color),
        _paint(f" {diagnostic.line} |", "blue", color) + f" {shown}",
        _paint(f" {gutter} |", "blue", color) + " " + " " * pad + _paint("^" * marks, caret_color, color),
    ]


def render(result: RunResult, out: OutputContext) -> str:
    lines: list[str] = []
    color = out.color
    for diagnostic in () if out.statistics else result.diagnostics:  # --statistics: the counts only, as ruff
        head = (
            _paint(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:", "bold", color)
            + " "
            + _paint(diagnostic.code, f"bold {_SEVERITY_COLOR[diagnostic.severity]}", color)
            + f" [{diagnostic.name}] "
            # the severity in words: colour alone is lost with NO_COLOR, in pipes and in CI logs
            + _paint(f"{diagnostic.severity.value}:", _SEVERITY_COLOR[diagnostic.severity], color)
            + f" {diagnostic.message}"
        )
        lines.append(head)
        if out.quiet:
            continue
        lines.extend(_excerpt(diagnostic, out.sources.get(diagnostic.path), color))
        gutter = " " * len(str(diagnostic.line))
        if diagnostic.suggestions:
            label = "suggestion" if len(diagnostic.suggestions) == 1 else "suggestions"
            lines.append(f" {gutter} = {label}: " + ", ".join(diagnostic.suggestions))
        for related in diagnostic.related:
            lines.append(f" {gutter} = {related.message or 'see'}: {related.path}:{related.line}:{related.column}")
        if diagnostic.fix is not None and out.fixable_hint:
            kind = "fix" if diagnostic.fix.safe else "unsafe fix"
            lines.append(f" {gutter} = {kind}: {diagnostic.fix.description}")
        lines.append("")
    return _with_footer(lines, result, out)


def render_grouped(result: RunResult, out: OutputContext) -> str:
    """Findings grouped under their file, one line each (ruff's ``grouped``), then the summary."""
    lines: list[str] = []
    color = out.color
    path = None
    for diagnostic in () if out.statistics else result.diagnostics:
        if diagnostic.path != path:
            if path is not None:
                lines.append("")
            path = diagnostic.path
            lines.append(_paint(f"{path}:", "bold", color))
        lines.append(
            f"  {diagnostic.line}:{diagnostic.column} "
            + _paint(diagnostic.code, f"bold {_SEVERITY_COLOR[diagnostic.severity]}", color)
            + f" [{diagnostic.name}] "
            + _paint(f"{diagnostic.severity.value}:", _SEVERITY_COLOR[diagnostic.severity], color)
            + f" {diagnostic.message}"
        )
    if lines:
        lines.append("")
    return _with_footer(lines, result, out)


def _with_footer(lines: list[str], result: RunResult, out: OutputContext) -> str:
    """The findings' lines, then file errors, statistics and the summary: the end of every text format."""
    for error in result.errors:
        lines.append(_paint("error:", "bold red", out.color) + f" {error.path}: {error.message}")
    if out.statistics:
        lines.extend(_statistics(result))
    if not out.quiet:
        lines.append(_summary(result, out))
    return "\n".join(lines) + ("\n" if lines else "")


def _statistics(result: RunResult) -> list[str]:
    counts = Counter((d.code, d.name) for d in result.diagnostics)
    fixable = Counter(d.code for d in result.diagnostics if d.fix is not None and d.fix.safe)
    rows = []
    for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "[*]" if fixable[code] else "   "
        rows.append(f"{count:6d}  {code}  {mark} {name}")
    return rows + ([""] if rows else [])


def summary_counts(result: RunResult) -> str:
    counts = result.counts()
    total = len(result.diagnostics)
    parts = ", ".join(
        f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    noun = "finding" if total == 1 else "findings"
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    return f"{total} {noun} ({parts}) in {files}"


def _summary(result: RunResult, out: OutputContext) -> str:
    fixed = sum(result.fixed.values())
    lines = []
    if fixed:
        lines.append(_paint(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.", "green", out.color))
    if result.diagnostics:
        lines.append(f"Found {summary_counts(result)}.")
        fixable = sum(1 for d in result.diagnostics if d.fix is not None and (d.fix.safe or out.unsafe_fixes))
        unsafe = sum(1 for d in result.diagnostics if d.fix is not None and not d.fix.safe) if not out.unsafe_fixes else 0
        if fixable and out.fixable_hint:
            lines.append(f"[*] {fixable} fixable with --fix.")
        if unsafe:
            lines.append(f"{unsafe} more fixable with --fix --unsafe-fixes (review them: they may change meaning).")
    elif not result.errors:
        lines.append(_paint(f"All checks passed ({result.files} file{'s' if result.files != 1 else ''}).", "green", out.color))
    if result.errors:
        lines.append(f"{len(result.errors)} file error{'s' if len(result.errors) != 1 else ''}: see above.")
    return "\n".join(lines)
