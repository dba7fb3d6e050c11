#!/usr/bin/env python3
"""What changed for note writers between two botocore releases, as Markdown (the body of the
weekly data-refresh pull request, .github/workflows/refresh-data.yml).

Offline: it reads two botocore data folders already on disk, for example the installed
botocore and an older one unpacked with ``pip install --no-deps --target DIR botocore==X``:

    python scripts/botocore_diff.py OLD NEW [--json FILE]

OLD and NEW are a botocore package folder (``.../site-packages/botocore``, whose ``data/``
holds the service models and whose ``__init__.py`` names the version) or a folder of service
models with a ``VERSION`` file (the small fixtures of tests/test_botocore_diff.py).

It reports what a note can go stale by:

* services added and removed (a removed client usually means a retired service: see
  scripts/retired_botocore_clients.py and the knowledge base's entries);
* operations removed, and operations newly marked deprecated;
* availability notices that appeared or disappeared (scripts/botocore_notices.py's scan);
* limits of the settings notes quote that changed (scripts/botocore_limits.py's selection).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

from botocore.loaders import Loader

SCRIPTS = Path(__file__).resolve().parent
_SHOWN = 6  # operations named in one row of the report


def _script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Release:
    """The service models of one botocore release, read from a folder."""

    def __init__(self, folder: Path) -> None:
        folder = folder.resolve()
        data = folder / "data" if (folder / "data").is_dir() else folder
        self.version = _version(folder)
        self.loader = Loader(extra_search_paths=[str(data)], include_default_search_paths=False)
        self.services = sorted(self.loader.list_available_services("service-2"))
        self._models: dict[str, dict[str, Any]] = {}

    def model(self, service: str) -> dict[str, Any]:
        if service not in self._models:
            self._models[service] = self.loader.load_service_model(service, "service-2")
        return self._models[service]

    def full_name(self, service: str) -> str:
        return str(self.model(service)["metadata"].get("serviceFullName", service))


def _version(folder: Path) -> str:
    if (folder / "VERSION").is_file():
        return (folder / "VERSION").read_text(encoding="utf-8").strip()
    init = folder / "__init__.py"
    if init.is_file():
        found = re.search(r"""__version__\s*=\s*['"]([^'"]+)['"]""", init.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    raise SystemExit(f"{folder}: no botocore version (neither __init__.py nor VERSION)")


def _deprecated(model: dict[str, Any]) -> dict[str, str]:
    return {name: str(op.get("deprecatedMessage") or "")
            for name, op in model["operations"].items() if op.get("deprecated")}


def diff(old: Release, new: Release) -> dict[str, Any]:
    added = sorted(set(new.services) - set(old.services))
    removed = sorted(set(old.services) - set(new.services))
    operations_removed: dict[str, list[str]] = {}
    deprecated: dict[str, dict[str, str]] = {}
    for service in sorted(set(old.services) & set(new.services)):
        before, after = old.model(service), new.model(service)
        gone = sorted(set(before["operations"]) - set(after["operations"]))
        if gone:
            operations_removed[service] = gone
        newly = {op: message for op, message in _deprecated(after).items() if op not in _deprecated(before)}
        if newly:
            deprecated[service] = newly
    notices = _script("botocore_notices")
    old_notices = notices.derive(loader=old.loader, version=old.version)["notices"]
    new_notices = notices.derive(loader=new.loader, version=new.version)["notices"]
    before_keys = {(n["service"], n["sentence"]) for n in old_notices}
    after_keys = {(n["service"], n["sentence"]) for n in new_notices}
    limits = _script("botocore_limits")
    changed_limits = []
    old_limits = {item["id"]: item for item in _limits(limits, old)}
    for item in _limits(limits, new):
        previous = old_limits.get(item["id"])
        if previous is None or _stated(previous) != _stated(item):
            changed_limits.append({"id": item["id"], "where": _where(item), "unit": item["unit"],
                                   "before": _stated(previous) if previous else None, "after": _stated(item)})
    return {
        "old": old.version,
        "new": new.version,
        "services_added": [{"client": s, "name": new.full_name(s)} for s in added],
        "services_removed": [{"client": s, "name": old.full_name(s)} for s in removed],
        "operations_removed": operations_removed,
        "operations_deprecated": deprecated,
        "notices_added": [n for n in new_notices if (n["service"], n["sentence"]) not in before_keys],
        "notices_removed": [n for n in old_notices if (n["service"], n["sentence"]) not in after_keys],
        "limits_changed": changed_limits,
    }


def _limits(script: Any, release: Release) -> list[dict[str, Any]]:
    """The selected limits whose service the release has."""
    present = set(release.services)
    kept = type(script.SELECTION)(item for item in script.SELECTION if item.service in present)
    saved = script.SELECTION
    script.SELECTION = kept
    try:
        return list(script.derive(loader=release.loader, version=release.version)["limits"])
    finally:
        script.SELECTION = saved


def _stated(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "min": item.get("min"),
        "max": item.get("max"),
        "documented": [s["sentence"] for s in item.get("documented", ())],
    }


def _where(item: dict[str, Any]) -> str:
    return " ".join(str(item[k]) for k in ("service", "operation", "member") if item.get(k)) or item["id"]


def markdown(found: dict[str, Any]) -> str:
    lines = [f"# botocore {found['old']} → {found['new']}: what changed for note writers", ""]

    def section(title: str, rows: list[str], empty: str) -> None:
        lines.extend([f"## {title}", ""])
        lines.extend(rows or [f"_{empty}_"])
        lines.append("")

    section("Services added", [f"- `{s['client']}`: {s['name']}" for s in found["services_added"]], "none")
    section("Services removed (a retired service? check retired-clients.yaml and the knowledge base)",
            [f"- `{s['client']}`: {s['name']}" for s in found["services_removed"]], "none")
    section("Operations removed", [
        f"- `{service}`: {', '.join(ops[:_SHOWN])}" + (f" and {len(ops) - _SHOWN} more" if len(ops) > _SHOWN else "")
        for service, ops in found["operations_removed"].items()], "none")
    deprecated_rows = []
    for service, ops in found["operations_deprecated"].items():
        by_message: dict[str, list[str]] = {}
        for op, message in ops.items():
            by_message.setdefault(message, []).append(op)
        for message, names in by_message.items():
            shown = ", ".join(names[:_SHOWN]) + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")
            deprecated_rows.append(f"- `{service}` {shown}" + (f": {message}" if message else ""))
    section("Operations newly deprecated", deprecated_rows, "none")
    section("New availability notices (review them in botocore-notices-review.yaml)", [
        f"- `{n['service']}` ({n['where']}): {n['sentence']}" for n in found["notices_added"]], "none")
    section("Notices no longer in botocore (an entry resting on one fails its test)", [
        f"- `{n['service']}` ({n['where']}): {n['sentence']}" for n in found["notices_removed"]], "none")

    def limit_row(change: dict[str, Any]) -> str:
        after = change["after"]
        before = change["before"] or {}
        parts = [f"- `{change['id']}` ({change['where']}, {change['unit']}):"]
        for bound in ("min", "max"):
            if before.get(bound) != after.get(bound):
                parts.append(f"{bound} {before.get(bound)} → {after.get(bound)};")
        for sentence in after["documented"]:
            if sentence not in before.get("documented", []):
                parts.append(f"now documented: “{sentence}”")
        for sentence in before.get("documented", []):
            if sentence not in after["documented"]:
                parts.append(f"no longer documented: “{sentence}”")
        return " ".join(parts)

    section("Changed limits (facts.yaml entries resting on them fail until updated)",
            [limit_row(change) for change in found["limits_changed"]], "none")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("old", type=Path, help="the older botocore package folder (or models folder)")
    parser.add_argument("new", type=Path, help="the newer botocore package folder (or models folder)")
    parser.add_argument("--json", type=Path, help="also write the differences as JSON to this file")
    args = parser.parse_args(argv)
    found = diff(Release(args.old), Release(args.new))
    if args.json:
        args.json.write_text(json.dumps(found, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(markdown(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
