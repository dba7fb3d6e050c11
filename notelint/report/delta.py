"""What changed since the previous report: new, fixed and unchanged findings.

A finding is matched by its note's path, its rule code, the text of its claim
and the flagged text within it, with whitespace normalised; never by line
number, so moving or re-wrapping a paragraph changes nothing, while editing a
claim turns its old finding into "fixed" and the edited one into "new".
Equal keys are matched one for one, so a claim flagged twice by one rule
stays two findings.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from notelint.report.model import SCHEMA_VERSION, Baseline, Delta, Report, ReportedFinding


NO_PREVIOUS = "no previous report"


class BaselineError(Exception):
    """The previous report cannot be used; ``reason`` says why, without paths
    (it is written into the report, which must not depend on where it ran)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_baseline(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(NO_PREVIOUS) from None
    except UnicodeDecodeError:
        raise BaselineError("the previous report is not UTF-8 text") from None
    except OSError as exc:
        raise BaselineError(f"the previous report cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"the previous report is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise BaselineError("the previous file is not a notelint report.json")
    version = data["schema_version"]
    if version != SCHEMA_VERSION:
        raise BaselineError(f"the previous report has schema version {version!r}; this notelint reads version {SCHEMA_VERSION}")
    try:
        findings = tuple(ReportedFinding.from_dict(finding) for finding in data["findings"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise BaselineError("the previous report is damaged: a finding lacks a field or has a wrong type") from None
    return Baseline(
        as_of=_text(data.get("as_of")),
        botocore_version=_text(data.get("botocore_version")),
        notelint_version=_text(data.get("notelint_version")),
        generated_at=_text(data.get("generated_at")),
        findings=findings,
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def match_key(finding: ReportedFinding) -> tuple[str, str, str, str]:
    return (finding.place.path, finding.code, _normal(finding.excerpt.text), _normal(finding.excerpt.flagged))


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def compare(report: Report, baseline: Baseline) -> Report:
    """``report`` with each finding's status set and the delta attached."""
    remaining = Counter(match_key(finding) for finding in baseline.findings)
    findings = []
    for finding in report.findings:
        key = match_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            findings.append(replace(finding, status="unchanged"))
        else:
            findings.append(replace(finding, status="new"))
    # in order, the first of equal findings matched, so the last ones are gone
    fixed = []
    for finding in reversed(baseline.findings):
        key = match_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            fixed.append(replace(finding, status="fixed"))
    fixed.reverse()
    new = sum(1 for finding in findings if finding.status == "new")
    delta = Delta(baseline=baseline, new=new, unchanged=len(findings) - new, fixed=tuple(fixed))
    return replace(report, findings=tuple(findings), delta=delta, no_delta_reason=None)
