"""The curated alias table (``notelint/data/aws/aliases.yaml``): loading and validation.

The table is read when the catalog is built and stored in it, so a normal
run never parses YAML; its content digest is part of the catalog's cache
key, so editing the table rebuilds the catalog.
"""

from __future__ import annotations

import hashlib
from importlib.resources.abc import Traversable
from typing import Any

from notelint.shipped import data_file

PATH = ("aws", "aliases.yaml")  # under notelint/data/
VENDORS = ("", "Amazon", "AWS", "AWS Glue", "AWS IoT", "Amazon SageMaker")
_NAME_KEYS = {"name": str, "vendor": str, "services": list, "forms": list, "english": bool, "loose": bool, "split": bool, "source": str}
_REQUIRED = ("name", "vendor", "services", "source")


class AliasError(ValueError):
    """The alias table does not follow its schema."""


def _file() -> Traversable:
    return data_file(*PATH)


def digest() -> str:
    """A short content hash of the table (cheap: no YAML parsing)."""
    return hashlib.sha256(_file().read_bytes()).hexdigest()[:12]


def load() -> dict[str, Any]:
    """The validated table, with defaults filled in; raises AliasError."""
    import yaml

    data = yaml.safe_load(_file().read_text(encoding="utf-8"))
    problems = validate(data)
    if problems:
        raise AliasError("aliases.yaml: " + "; ".join(problems))
    names = []
    for entry in data["names"]:
        names.append(
            {
                "name": entry["name"],
                "vendor": entry["vendor"],
                "services": list(entry["services"]),
                "forms": list(entry.get("forms", ())),
                "english": bool(entry.get("english", False)),
                "loose": bool(entry.get("loose", False)),
                "split": bool(entry.get("split", False)),
            }
        )
    return {
        "names": names,
        "not_operations": sorted(item["name"] for item in data["not_operations"]),
        "cli": {
            "top_level": sorted(data["cli"]["top_level"]),
            "commands": {k: sorted(v) for k, v in sorted(data["cli"]["commands"].items())},
        },
    }


def validate(data: Any) -> list[str]:
    """Every schema problem in the parsed table ([] when it is valid)."""
    if not isinstance(data, dict) or set(data) != {"names", "not_operations", "cli"}:
        return ["top level must be a mapping with exactly names, not_operations and cli"]
    problems: list[str] = []
    seen: set[str] = set()
    previous = ""
    for index, entry in enumerate(data["names"] or []):
        where = f"names[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where} is not a mapping")
            continue
        for key in _REQUIRED:
            if key not in entry:
                problems.append(f"{where} has no '{key}'")
        for key, value in entry.items():
            expected = _NAME_KEYS.get(key)
            if expected is None:
                problems.append(f"{where} has unknown key '{key}'")
            elif not isinstance(value, expected):
                problems.append(f"{where}.{key} must be a {expected.__name__}")
        name = entry.get("name", "")
        if entry.get("vendor") not in VENDORS:
            problems.append(f"{where}.vendor must be one of {', '.join(map(repr, VENDORS))}")
        if not str(entry.get("source", "")).startswith("https://"):
            problems.append(f"{where}.source must be an https URL")
        if name.casefold() in seen:
            problems.append(f"{where}: '{name}' is listed twice")
        if name.casefold() < previous:
            problems.append(f"{where}: '{name}' is out of order (sort by name, ignoring case)")
        seen.add(name.casefold())
        previous = name.casefold()
    names = [item.get("name", "") if isinstance(item, dict) else "" for item in data["not_operations"] or []]
    if names != sorted(names) or len(set(names)) != len(names):
        problems.append("not_operations must be sorted by name and unique")
    if any(not isinstance(item, dict) or set(item) != {"name", "why"} for item in data["not_operations"] or []):
        problems.append("every not_operations entry needs exactly 'name' and 'why'")
    cli = data["cli"]
    if not isinstance(cli, dict) or set(cli) != {"top_level", "commands"}:
        problems.append("cli must have exactly top_level and commands")
    else:
        lists = [cli["top_level"], *cli["commands"].values()]
        if any(not isinstance(v, list) or v != sorted(v) or len(set(v)) != len(v) for v in lists):
            problems.append("every cli command list must be sorted and unique")
        if list(cli["commands"]) != sorted(cli["commands"]):
            problems.append("cli.commands must be sorted by service")
    return problems
