"""``suggest.close`` for the AWS rules' large pools: candidates that cannot pass its cutoff dropped in C first.

``suggest.close`` ranks candidates by difflib's ratio, ``2 * M / T``, where M
is the number of characters in the matching blocks difflib finds and T the
two lengths added.  Those blocks are a common subsequence of the two names,
so M is at most the length of their longest common subsequence, and the ratio
at most the Indel similarity ``2 * LCS / T`` that rapidfuzz computes in C++.
A candidate whose Indel similarity is under the cutoff therefore fails
difflib's test too, and leaving it out changes nothing: the candidates left
are ranked by ``suggest.close`` itself, with its bonus for preferred names and
its ties.  An operation pool is a verb's or a noun's operations (1,000-3,000
names for "Describe", "Get", "List"), and difflib looked at each in Python
(~30 ms a search); rapidfuzz keeps the few dozen that can pass.
"""

from __future__ import annotations

from typing import Iterable

from notelint import suggest

# rapidfuzz turns a normalised cutoff into a whole-number one with some rounding of its own (in 3.14.6
# a candidate scoring exactly 0.85 is dropped at score_cutoff 0.85 and at 0.85 - 1e-9), so the
# pre-filter is looser by a margin far above any rounding: a few more candidates reach difflib, never fewer
_SLACK = 0.01


def close_names(word: str, pool: Iterable[str], *, cutoff: float = 0.6, prefer: Iterable[str] = ()) -> tuple[str, ...]:
    """What ``suggest.close(word, pool, cutoff=cutoff, prefer=prefer)`` returns, found faster in a large pool."""
    # imported here: most notes ask for no suggestion, and rapidfuzz's package costs 10-30 ms to import
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    names = pool if isinstance(pool, (list, tuple)) else list(pool)
    folded = [name.casefold() for name in names]
    kept = process.extract(
        word.casefold(), folded, scorer=Indel.normalized_similarity, score_cutoff=cutoff - _SLACK, limit=None
    )
    return suggest.close(word, [names[index] for _name, _score, index in kept], cutoff=cutoff, prefer=prefer)
