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
    """A shipped YAML file, parsed (its JSON Schema beside it is checked by the tests).

    Parsed once per version of notelint's data and kept in the derived-data cache
    (``notelint.derived``): parsing the knowledge base and importing PyYAML cost a
    one-note ``--no-cache`` run about 35 ms of CPU."""
    from notelint.derived import stored

    return stored("yaml-" + "-".join(parts), lambda: _parse_yaml(*parts))


def _parse_yaml(*parts: str) -> Any:
    from notelint.yamlsafe import load_yaml  # PyYAML only when data is parsed

    return load_yaml(data_text(*parts))
