"""GitLab code quality report: a JSON array of issues (a subset of the Code
Climate spec), shown in merge requests when a job publishes it as
``artifacts: reports: codequality``.  Fingerprints are the SARIF ones, so an
issue keeps its identity when lines above it move."""

from __future__ import annotations

import json

from notelint.baseline import fingerprint, fingerprints
from notelint.diagnostic import Severity
from notelint.outcome import RunResult
from notelint.output import OutputContext

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(result: RunResult, out: OutputContext) -> str:
    issues = []
    for d, print_ in zip(result.diagnostics, fingerprints(result.diagnostics, out.sources)):
        message = d.message + (" (suggestions: " + ", ".join(d.suggestions) + ")" if d.suggestions else "")
        issues.append({
            "type": "issue",
            "check_name": d.code,
            "description": f"{d.code} [{d.name}] {message}",
            "categories": ["Style"] if d.code.startswith(("NL1", "NL2", "NL3")) else ["Bug Risk"],
            "severity": _SEVERITY[d.severity],
            "fingerprint": print_,
            "location": {"path": d.path, "lines": {"begin": d.line, "end": d.end_line}},
        })
    for error in result.errors:
        issues.append({
            "type": "issue",
            "check_name": "notelint-file-error",
            "description": f"{error.path}: {error.message}",
            "categories": ["Bug Risk"],
            "severity": "blocker",
            "fingerprint": fingerprint("file-error", error.path, error.message, 1),
            "location": {"path": error.path, "lines": {"begin": 1, "end": 1}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"

