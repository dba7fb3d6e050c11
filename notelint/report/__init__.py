"""The correctness report: ``notelint report`` writes report.html, report.md
and report.json for a set of notes.

A finished run (diagnostics and parsed notes) is collected into the report
model, compared with the previous report.json when there is one, rendered in
memory, and only then written, atomically:

    RunResult -> collect -> Report -> compare(previous) -> render_* -> write_files
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Sequence

from notelint.engine import RunResult
from notelint.report.collect import collect
from notelint.report.delta import NO_PREVIOUS, BaselineError, compare, read_baseline
from notelint.report.model import SCHEMA_VERSION, Baseline, Report
from notelint.report.render_html import render_html
from notelint.report.render_json import render_json
from notelint.report.render_markdown import render_markdown
from notelint.report.write import ReportWriteError, write_files
from notelint.rule import Rule

JSON_NAME = "report.json"


def build_report(
    result: RunResult,
    rules: Sequence[Rule],
    *,
    as_of: date,
    max_file_size: int,
    baseline: Baseline | None = None,
    no_delta_reason: str | None = None,
    generated_at: str | None = None,
) -> Report:
    """The report of a run; with a ``baseline`` (the previous report) it has a delta."""
    report = collect(result, rules, as_of=as_of, max_file_size=max_file_size, generated_at=generated_at)
    if baseline is None:
        return replace(report, no_delta_reason=no_delta_reason or NO_PREVIOUS)
    return compare(report, baseline)


def render(report: Report) -> dict[str, str]:
    """File name -> content of every report file."""
    return {
        "report.html": render_html(report),
        "report.md": render_markdown(report),
        JSON_NAME: render_json(report),
    }


def write_report(report: Report, directory: Path) -> list[Path]:
    return write_files(directory, render(report))


__all__ = [
    "JSON_NAME",
    "NO_PREVIOUS",
    "SCHEMA_VERSION",
    "BaselineError",
    "Report",
    "ReportWriteError",
    "build_report",
    "read_baseline",
    "render",
    "write_report",
]
