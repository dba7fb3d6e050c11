"""GitHub Actions workflow commands: one annotation per finding, then a count.

GitHub shows at most 10 annotations of each level per step, so the last line
is a plain summary with the full counts.
"""

from __future__ import annotations

from notelint.diagnostic import Severity
from notelint.outcome import RunResult
from notelint.output import OutputContext
from notelint.output.text import summary_counts

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, out: OutputContext) -> str:
    lines = []
    for d in result.diagnostics:
        properties = ",".join(
            [
                f"file={escape_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"endLine={d.end_line}",
                f"endColumn={d.end_column}",
                f"title={escape_property(f'{d.code} [{d.name}]')}",
            ]
        )
        message = d.message
        if d.suggestions:
            message += " (suggestions: " + ", ".join(d.suggestions) + ")"
        lines.append(f"::{_COMMAND[d.severity]} {properties}::{escape_data(message)}")
    for error in result.errors:
        lines.append(f"::error file={escape_property(error.path)},title=notelint::{escape_data(error.message)}")
    lines.append(f"notelint: {summary_counts(result)}" + (f"; {len(result.errors)} file errors" if result.errors else ""))
    return "\n".join(lines) + "\n"
