"""A bounded memo for pure functions of a piece of text.

Several readers scan the same text (the AWS name rules and the claim reader
both look for names in a block and in its sentences), and an editor re-checks
a note of which most blocks did not change: a result kept by its text is
reused instead of scanned again.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

T = TypeVar("T")

DEFAULT_LIMIT = 4096  # texts kept: a few notes' worth of blocks and sentences


class TextMemo(Generic[T]):
    """``compute(text)`` for the last ``limit`` texts asked about (the oldest is
    dropped first).  ``compute`` must depend on the text alone, and its results
    must not be changed by callers (give them immutable values, such as tuples)."""

    def __init__(self, compute: Callable[[str], T], limit: int = DEFAULT_LIMIT):
        self._compute = compute
        self._limit = limit
        self._results: dict[str, T] = {}

    def __call__(self, text: str) -> T:
        results = self._results
        found = results.get(text, _MISSING)
        if found is _MISSING:
            if len(results) >= self._limit:
                del results[next(iter(results))]
            found = results[text] = self._compute(text)
        return found  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._results)


_MISSING = object()
