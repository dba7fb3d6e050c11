"""The one date parser: ISO calendar dates from YAML, TOML, front matter and the command line."""

from __future__ import annotations

from datetime import date, datetime

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any


def iso_date(value: Any) -> date | None:
    """``value`` as a date: a date already (YAML and TOML parse ``2025-06-01``), or a
    string written YYYY-MM-DD; None for anything else (a date-time is not a date)."""
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
