"""Versions stamped on every result: notelint's and the botocore data's.

botocore's version comes from package metadata, so reading it does not import
botocore (which costs about 0.1 s).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from notelint import __version__ as NOTELINT_VERSION  # noqa: N812


@lru_cache(maxsize=1)
def botocore_version() -> str:
    try:
        return metadata.version("botocore")
    except metadata.PackageNotFoundError:
        return "not installed"


__all__ = ["NOTELINT_VERSION", "botocore_version"]
