"""The base of notelint's enums of names (severities, kinds, scopes)."""

from __future__ import annotations

from enum import Enum


class Named(str, Enum):
    """An enum of names that compares equal to, prints, formats and serialises
    (JSON, YAML) as its value: ``Severity.ERROR == "error"``, ``f"{kind}"``."""

    def __str__(self) -> str:
        return str.__str__(self)
