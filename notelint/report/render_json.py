"""``report.json``: the report model as one JSON document (see schema.json)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from notelint.report.model import Report


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every report.json satisfies."""
    return json.loads(resources.files("notelint.report").joinpath("schema.json").read_text(encoding="utf-8"))
