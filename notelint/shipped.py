"""Files shipped inside the package under ``notelint/data/``: the one way to read them.

Found beside this module when the package is a folder (a wheel installed by pip, a
source checkout), else through ``importlib.resources`` (a zip), on every supported
Python.  ``importlib.resources`` itself is imported only in that second case: its
import brings ``tempfile``, ``shutil`` and the compression modules, ~3 ms of CPU
that a one-note run would pay for a path it can compute.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_DATA = Path(__file__).parent / "data"


def data_file(*parts: str) -> Traversable:
    """``notelint/data/<parts...>``, e.g. ``data_file("knowledge", "changes.yaml")``."""
    node: Traversable
    if _DATA.is_dir():
        node = _DATA  # (what ``resources.files`` returns for a package in a folder: a Path)
    else:
        from importlib import resources

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
