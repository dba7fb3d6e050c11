"""Did you mean ...?  Close matches for a mistyped name, ranked by difflib and bounded.

The one engine for names: AWS operations, methods, commands, actions and
regions, configuration keys, front matter fields.  (Unknown English words get
their suggestions from a dictionary search instead: ``spelling.suggest``.)
Every search runs over a small candidate pool chosen by the caller (the
operations that share a verb or a noun, one client's methods ...), never over
all 20,000 operations, so the warm path stays fast.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any, Iterable, Mapping

from notelint.diagnostic import Finding

MAX_SUGGESTIONS = 3


def close(word: str, pool: Iterable[str], *, cutoff: float = 0.6, prefer: Iterable[str] = (),
          n: int = MAX_SUGGESTIONS) -> tuple[str, ...]:
    """Up to ``n`` names from ``pool`` closest to ``word``; ``prefer`` ranks first on near ties.

    Matching ignores case; a preferred name gets a 0.05 bonus, so a name in the
    service the note is about wins over an equally close one elsewhere.  The
    same misspelling tends to recur across a corpus, so answers are cached.
    """
    return _close(word, frozenset(pool), cutoff, frozenset(prefer), n)


@lru_cache(maxsize=4096)
def _close(word: str, pool: frozenset[str], cutoff: float, preferred: frozenset[str], n: int) -> tuple[str, ...]:
    folded = word.casefold()
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(folded)
    scored = []
    for candidate in set(pool):
        if candidate == word:
            continue
        matcher.set_seq1(candidate.casefold())
        if matcher.real_quick_ratio() < cutoff - 0.05 or matcher.quick_ratio() < cutoff - 0.05:
            continue
        ratio = matcher.ratio()
        score = ratio + (0.05 if candidate in preferred else 0.0)
        if ratio >= cutoff:
            scored.append((-score, candidate))
    scored.sort()
    return tuple(candidate for _score, candidate in scored[:n])


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold(), autojunk=False).ratio()


def finding(start: int, end: int, message: str, found: tuple[str, ...] = (),
            meta: Mapping[str, Any] | None = None) -> Finding:
    """A finding whose message ends with "did you mean ..." when there are suggestions."""
    hint = f"; did you mean {', '.join(found)}?" if found else ""
    return Finding(start, end, message + hint, suggestions=found, meta=dict(meta or {}))
