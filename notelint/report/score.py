"""The correctness score: the share of claims no warning or error points into.

A claim is one list item or one paragraph outside lists (``Note.claims``).
Info findings are advice and do not lower the score; findings outside claims
(front matter, headings, blank lines) are listed but do not change it either,
since they say nothing about whether a statement can be trusted.  Rounding
down keeps 100 for notes where nothing at all was flagged.
"""

from __future__ import annotations

from notelint.diagnostic import Severity

SCORE_FORMULA = (
    "Score = 100 × (claims with no warning or error) ÷ claims, rounded down; "
    "info findings and findings outside claims do not count"
)

# The lowest severity that flags a claim.
FLAGGING = Severity.WARNING


def flags_claim(severity: Severity) -> bool:
    return severity.rank >= FLAGGING.rank


def score(claims: int, flagged: int) -> int | None:
    """The score of ``claims`` claims of which ``flagged`` are flagged; None without claims."""
    if claims <= 0:
        return None
    return 100 * (claims - flagged) // claims
