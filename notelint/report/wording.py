"""Words both renderers use, so the page and the comment say things alike."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """``1 claim``, ``2 claims``; "info" is a mass noun and never takes an s."""
    return f"{count} {noun}{'' if count == 1 or noun == 'info' else 's'}"


def score_text(score: int | None) -> str:
    """A score as shown: a dash for a note without claims."""
    return "—" if score is None else str(score)
