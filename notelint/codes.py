"""Rule codes, prefixes and selection (``--select NL4 --ignore NL412``).

Codes are ``NL`` + three digits, grouped in families by their first digit.
Anywhere a code is accepted (config, command line, suppression comments) a
prefix is accepted too: ``NL``, ``NL4``, ``NL41`` or ``NL412``.
"""

from __future__ import annotations

import re

from notelint.values import FrozenValue

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Iterable

FAMILIES = {
    "NL1": "structure",
    "NL2": "spelling",
    "NL3": "aws-naming",
    "NL4": "aws-api",
    "NL5": "stale-claims",
    "NL6": "contradictions",
}

_PREFIX = re.compile(r"NL\d{0,3}")


def is_code_prefix(text: str) -> bool:
    return bool(_PREFIX.fullmatch(text))


def family_of(code: str) -> str:
    return FAMILIES.get(code[:3], "other")


def _best(code: str, prefixes: Iterable[str]) -> int:
    """Length of the longest prefix that matches ``code``, or -1."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


class Selection(FrozenValue):
    """Which rules run: the most specific matching prefix wins; on a tie, ignore wins."""

    __slots__ = FIELDS = ("select", "ignore", "extend_select")
    select: tuple[str, ...] | None  # None: every rule that is on by default
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]

    def __init__(
        self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (), extend_select: tuple[str, ...] = ()
    ):
        self._fill(select, ignore, extend_select)

    def enabled(self, code: str, default_enabled: bool = True) -> bool:
        ignored = _best(code, self.ignore)
        chosen = max(_best(code, self.select or ()), _best(code, self.extend_select))
        if self.select is None and default_enabled:
            chosen = max(chosen, 0)
        if not default_enabled and chosen < 3:
            return False  # off-by-default rules need their family or code named
        return chosen > ignored
