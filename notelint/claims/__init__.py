"""Claims: what each sentence of a note says, about what, for the stale-claim
and contradiction rules.  ``statements_of`` is the one entry point: it reads a
note once per run and keeps the result on the note.

This module imports nothing heavy, so that rule modules can name ``prepare``
at import time; the analysis itself loads when a claim rule first runs (a run
answered from the result cache never loads it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from notelint.note import Note
from notelint.rule import Context

if TYPE_CHECKING:
    from notelint.claims.extract import Statement


def resolver_for(ctx: Context):
    from notelint.aws.catalog import catalog_for
    from notelint.claims.knowledge import load
    from notelint.claims.resolver import NameResolver

    return ctx.shared("claims.resolver", lambda: NameResolver(catalog_for(ctx), load()))


def prepare(ctx: Context) -> None:
    """Load the knowledge base and the claim reader before files are read (and workers forked)."""
    from notelint.claims.knowledge import load

    load()
    resolver_for(ctx)


def statements_of(note: Note, ctx: Context) -> list[Statement]:
    """The note's statements, extracted on first use and shared by every rule."""
    if "claims.statements" not in note.memo:
        from notelint.claims.extract import statements

        note.memo["claims.statements"] = statements(note, resolver_for(ctx))
    return note.memo["claims.statements"]


__all__ = ["prepare", "resolver_for", "statements_of"]
