"""Files shipped inside the package under ``notelint/data/``: the one way to read them.

Read through ``importlib.resources``, so they are found in an installed wheel
or a zip as well as in a source checkout, on every supported Python.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any


def data_file(*parts: str) -> Traversable:
    """``notelint/data/<parts...>``, e.g. ``data_file("knowledge", "changes.yaml")``."""
    node = resources.files("notelint") / "data"
    for part in parts:
        node = node / part
    return node


def data_text(*parts: str) -> str:
    return data_file(*parts).read_text(encoding="utf-8")


def data_yaml(*parts: str) -> Any:
    """A shipped YAML file, parsed (its JSON Schema beside it is checked by the tests)."""
    from notelint.yamlsafe import load_yaml  # PyYAML only when data is read

    return load_yaml(data_text(*parts))
