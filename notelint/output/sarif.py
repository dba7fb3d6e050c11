"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are counted in Unicode code points (declared with ``columnKind``), end
columns are exclusive as SARIF requires, and URIs are relative to the
repository root (``%SRCROOT%``).  ``partialFingerprints`` hash the rule, the
file and the text of the flagged line, not its number, so a finding keeps its
identity when lines above it move.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from notelint.baseline import fingerprints
from notelint.codes import family_of
from notelint.diagnostic import Diagnostic, Location, Severity
from notelint.outcome import RunResult
from notelint.output import OutputContext
from notelint.rule import Rule
from notelint.versions import NOTELINT_VERSION, botocore_version

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    return quote(path, safe="/")


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _physical(location: Location | Diagnostic) -> dict:
    return {
        "artifactLocation": {"uri": _uri(location.path), "uriBaseId": "%SRCROOT%"},
        "region": _region(location.line, location.column, location.end_line, location.end_column),
    }


def _rule_descriptor(rule: Rule) -> dict:
    paragraphs = rule.doc.split("\n\n")
    full = " ".join(paragraphs[0].split())
    help_text = f"{rule.summary}\n\n{rule.doc}\n\nRun `notelint explain {rule.code}` for examples."
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [family_of(rule.code)]},
    }


def render(result: RunResult, out: OutputContext) -> str:
    used = sorted({d.code for d in result.diagnostics})
    by_code = {rule.code: rule for rule in out.rules}
    descriptors = [_rule_descriptor(by_code[code]) for code in used if code in by_code]
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    results = []
    for d, print_ in zip(result.diagnostics, fingerprints(result.diagnostics, out.sources)):
        entry: dict = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": d.message + (" (suggestions: " + ", ".join(d.suggestions) + ")" if d.suggestions else "")},
            "locations": [{"physicalLocation": _physical(d)}],
            "partialFingerprints": {"notelint/v1": print_},
        }
        if d.code in index:
            entry["ruleIndex"] = index[d.code]
        if d.related:
            entry["relatedLocations"] = [
                {"id": number, "physicalLocation": _physical(r), "message": {"text": r.message or "related"}}
                for number, r in enumerate(d.related, start=1)
            ]
        if d.fix is not None:
            entry["fixes"] = [
                {
                    "description": {"text": d.fix.description},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"},
                            "replacements": [
                                {
                                    "deletedRegion": _region(e.line, e.column, e.end_line, e.end_column),
                                    "insertedContent": {"text": e.text},
                                }
                                for e in d.fix.edits
                            ],
                        }
                    ],
                }
            ]
        if d.meta:
            entry["properties"] = dict(d.meta)
        results.append(entry)
    run = {
        "tool": {
            "driver": {
                "name": "notelint",
                "version": NOTELINT_VERSION,
                "semanticVersion": NOTELINT_VERSION,
                "rules": descriptors,
                "properties": {"botocoreVersion": botocore_version()},
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"{e.path}: {e.message}"},
                    }
                    for e in result.errors
                ],
            }
        ],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
