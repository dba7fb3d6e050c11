"""Machine output: one JSON object, diagnostics in stable (path, line, column, code) order."""

from __future__ import annotations

import json

from notelint.outcome import RunResult
from notelint.output import OutputContext
from notelint.versions import NOTELINT_VERSION, botocore_version


def render(result: RunResult, out: OutputContext) -> str:
    document = {
        "notelint_version": NOTELINT_VERSION,
        "botocore_version": botocore_version(),
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
