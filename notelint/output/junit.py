"""JUnit XML (the Apache Ant schema that CI systems read): one test suite per
file, one failing test case per finding, as ruff writes it, so a CI that shows
test results shows the findings."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from notelint.outcome import RunResult
from notelint.output import OutputContext


def render(result: RunResult, out: OutputContext) -> str:
    by_path: dict[str, list] = defaultdict(list)
    for d in result.diagnostics:
        by_path[d.path].append(d)
    errors: dict[str, list] = defaultdict(list)
    for error in result.errors:
        errors[error.path].append(error)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    root = ET.Element("testsuites")
    for number, path in enumerate(sorted(set(by_path) | set(errors))):
        found, broken = by_path.get(path, []), errors.get(path, [])
        suite = ET.SubElement(root, "testsuite", {
            "package": "notelint", "id": str(number), "name": path, "timestamp": stamp, "hostname": "localhost",
            "tests": str(len(found) + len(broken)), "failures": str(len(found)), "errors": str(len(broken)),
            "time": "0",
        })
        ET.SubElement(suite, "properties")
        for d in found:
            case = ET.SubElement(suite, "testcase", {
                "name": f"{d.code} [{d.name}] at {d.line}:{d.column}", "classname": path, "time": "0",
            })
            failure = ET.SubElement(case, "failure", {"message": d.message, "type": d.severity.value})
            failure.text = f"{path}:{d.line}:{d.column}: {d.code} [{d.name}] {d.severity.value}: {d.message}"
        for error in broken:
            case = ET.SubElement(suite, "testcase", {"name": "file could not be checked", "classname": path, "time": "0"})
            ET.SubElement(case, "error", {"message": error.message, "type": "file-error"})
        ET.SubElement(suite, "system-out")
        ET.SubElement(suite, "system-err")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
