"""The curated alias table (``notelint/data/aws/aliases.yaml``, its JSON Schema beside it).

The table is read when the catalog is built and stored in it, so a normal
run never parses YAML; its content digest is part of the catalog's cache
key, so editing the table rebuilds the catalog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from notelint.shipped import data_file, data_yaml

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PATH = ("aws", "aliases.yaml")  # under notelint/data/


def _file() -> Traversable:
    return data_file(*PATH)


def digest() -> str:
    """A short content hash of the table (cheap: no YAML parsing)."""
    from notelint.hashing import sha256

    return sha256(_file().read_bytes()).hexdigest()[:12]


def load() -> dict[str, Any]:
    """The table, with defaults filled in (tests/test_data_schemas.py keeps it valid)."""
    data = data_yaml(*PATH)
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
                "common": bool(entry.get("common", False)),
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
