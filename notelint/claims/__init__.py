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
    from notelint.claims.knowledge import Knowledge
    from notelint.claims.resolver import NameResolver


def knowledge_for(ctx: Context) -> Knowledge:
    """The run's knowledge base: the shipped one, unless the run was given another."""
    from notelint.claims.knowledge import load

    return ctx.shared("claims.knowledge", load)


def resolver_for(ctx: Context) -> NameResolver:
    from notelint.aws.names import name_index
    from notelint.claims.resolver import NameResolver

    return ctx.shared("claims.resolver", lambda: NameResolver(name_index(ctx), knowledge_for(ctx)))


def prepare(ctx: Context) -> None:
    """Load the knowledge base and the claim reader before files are read (and workers forked)."""
    knowledge_for(ctx)
    resolver_for(ctx)


def statements_of(note: Note, ctx: Context) -> list[Statement]:
    """The note's statements, extracted on first use and shared by every rule."""
    from notelint.claims.extract import statements

    return note.cached("claims.statements", lambda: statements(note, resolver_for(ctx).for_note(note.text)))


__all__ = ["knowledge_for", "prepare", "resolver_for", "statements_of"]
