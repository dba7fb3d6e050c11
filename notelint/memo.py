"""A bounded memo for pure functions of a piece of text.

Several readers scan the same text (the AWS name rules and the claim reader
both look for names in a block and in its sentences), and an editor re-checks
a note of which most blocks did not change: a result kept by its text is
reused instead of scanned again.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Generic, Hashable, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

DEFAULT_LIMIT = 4096  # texts kept: a few notes' worth of blocks and sentences


class Memo(Generic[K, T]):
    """``compute(key)`` for the last ``limit`` keys asked about (the oldest is
    dropped first).  ``compute`` must depend on the key alone, and its results
    must not be changed by callers (give them immutable values, such as tuples).

    The key is a text (``TextMemo``), or a tuple of a text and what else decides
    the result (a block's text and the places of its links): a function of its
    key alone cannot read anything the key leaves out."""

    def __init__(self, compute: Callable[[K], T], limit: int = DEFAULT_LIMIT):
        self._compute = compute
        self._limit = limit
        # an OrderedDict drops its oldest key in constant time; a dict's first key is found by
        # walking past the slots of the keys deleted before it (~2 us a call once the memo is
        # full: 0.13 s of a run over a fifth of the SageMaker guide, 68,000 drops)
        self._results: OrderedDict[K, T] = OrderedDict()

    def __call__(self, key: K) -> T:
        results = self._results
        found = results.get(key, _MISSING)
        if found is _MISSING:
            if len(results) >= self._limit:
                results.popitem(last=False)
            found = results[key] = self._compute(key)
        return found  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._results)


class TextMemo(Memo[str, T]):
    """A memo of a function of one piece of text."""


_MISSING = object()
