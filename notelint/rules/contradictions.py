"""NL6xx: claims that contradict each other, or a known fact.

Claims are compared by subject and attribute, on what they assert: "only X"
against "supports Y", "not X" against "X", and numeric limits (units
normalised).  "CPU is preferred" asserts nothing, so it contradicts nothing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterator, NamedTuple, Sequence

from notelint.claims import knowledge_for, prepare, statements_of
from notelint.diagnostic import Digest, Finding, Related, Severity
from notelint.note import Note
from notelint.rule import Context, Scope, rule

if TYPE_CHECKING:
    from notelint.claims.knowledge import Fact, Knowledge

_MAX_TEXT = 160


class Compared(NamedTuple):
    """One assertion of a note, as the contradiction rule compares it (a JSON array in the result cache)."""

    subject: str
    relation: str
    attribute: str
    values: list[str]
    quantity: float | None
    unit: str | None
    bound: str | None
    phase: str | None
    start: int
    end: int
    line: int
    text: str

    def assertion(self) -> tuple[str, str, tuple[str, ...], float | None, str | None]:
        """(relation, attribute, values, quantity, bound), as ``claims.conflicts`` reads it."""
        return (self.relation, self.attribute, tuple(self.values), self.quantity, self.bound)


def _assertions_to_compare(note: Note, ctx: Context) -> list[Compared]:
    from notelint.claims.conflicts import COMPARED, phase

    entries = []
    umbrellas = knowledge_for(ctx).umbrellas
    for statement in statements_of(note, ctx):
        if not statement.assertions:
            continue
        statement_phase = phase(statement.text)
        for bound in statement.assertions:
            a = bound.assertion
            if bound.subject is None or bound.subject in umbrellas:
                continue
            if a.attribute not in COMPARED or a.relation not in ("only", "supports", "lacks", "limit"):
                continue
            if a.relation == "limit" and not a.explicit:
                continue  # "up to 5 minutes" of what? only limits that say what they limit are compared
            text = statement.text if len(statement.text) <= _MAX_TEXT else statement.text[: _MAX_TEXT - 1] + "…"
            entries.append(Compared(
                bound.subject, a.relation, a.attribute, list(a.values), a.quantity, a.unit, a.bound,
                statement_phase, statement.start, statement.end, statement.line, text,
            ))
    return entries


def _conflicting(entry: Compared, other: Compared) -> bool:
    from notelint.claims.conflicts import compatible_phases, conflict

    first, second = entry.assertion(), other.assertion()
    return compatible_phases(first, entry.phase, second, other.phase) and conflict(first, second)


def _reading(entry: Compared) -> str:
    from notelint.claims.conflicts import describe

    return describe(entry.relation, tuple(entry.values), entry.quantity, entry.unit, entry.bound, entry.attribute)


@rule(
    "NL601",
    "contradictory-claims",
    Severity.WARNING,
    "Two claims about the same subject cannot both be true.",
    bad="""
    ---
    title: SageMaker algorithms
    reviewed: 2025-06-01
    ---
    * XGBoost: only CPU
    * XGBoost can use CPU or GPU instances
    """,
    good="""
    ---
    title: SageMaker algorithms
    reviewed: 2025-06-01
    ---
    * XGBoost: CPU is preferred
    * XGBoost can use CPU or GPU instances
    """,
    scope=Scope.CORPUS,
    collect=_assertions_to_compare,
    prepare=prepare,
)
def contradictory_claims(digests: Sequence[Digest], ctx: Context) -> Iterator[Finding]:
    """Notes grow claim by claim, and a later claim can quietly contradict an
    earlier one: "XGBoost only supports CPU" and "XGBoost can train on GPU
    instances", or "Lambda runs for at most 15 minutes" and "the Lambda
    timeout maximum is 5 minutes".  Each side is reported at its position,
    with the other side as a related location, across every configured note
    (also when pre-commit passes only the changed one)."""
    groups: dict[tuple[str, str], list[tuple[Digest, Compared]]] = defaultdict(list)
    for digest in digests:
        for raw in digest.data or ():
            entry = Compared(*raw)  # a list when read back from the result cache
            groups[(entry.subject, entry.attribute)].append((digest, entry))
    reported: set[tuple[str, int]] = set()
    for (subject, attribute), members in groups.items():
        for index, (digest, entry) in enumerate(members):
            key = (digest.path, entry.start)
            if key in reported:
                continue
            others = [
                (other_digest, other)
                for other_index, (other_digest, other) in enumerate(members)
                if other_index != index
                and (other_digest.path, other.start) != key
                and _conflicting(entry, other)
            ]
            if not others:
                continue
            reported.add(key)
            other_digest, other = others[0]
            where = f"line {other.line}" if other_digest.path == digest.path else f"{other_digest.path}:{other.line}"
            more = f" (and {len(others) - 1} other claim{'s' if len(others) > 2 else ''})" if len(others) > 1 else ""
            yield Finding(
                entry.start,
                entry.end,
                f"contradicts the claim on {where}{more} about {subject}: this says {_reading(entry)}, "
                f"that one says {_reading(other)}",
                related=tuple(
                    Related(d, o.start, o.end, f"the other side: {_reading(o)}") for d, o in others[:3]
                ),
                meta={"subject": subject, "attribute": attribute},
                note=digest,
            )


@rule(
    "NL602",
    "contradicts-known-fact",
    Severity.ERROR,
    "A claim contradicts a sourced fact (a limit or a capability) of the knowledge base.",
    bad="""
    ---
    title: Serverless
    reviewed: 2025-06-01
    ---
    * Lambda timeout maximum is 120 minutes.
    """,
    good="""
    ---
    title: Serverless
    reviewed: 2025-06-01
    ---
    * Lambda timeout maximum is 15 minutes.
    """,
    prepare=prepare,
)
def contradicts_known_fact(note: Note, ctx: Context) -> Iterator[Finding]:
    """The knowledge base keeps a few current facts with their sources (the
    Lambda timeout, Lambda memory, SQS message size, which hardware and input
    formats some built-in algorithms take).  A claim that contradicts one is
    reported with the fact and the source, unless a stale-claim rule (NL5xx)
    already explains the same claim with the date it changed.  For a limit,
    only a maximum larger than any current variant allows is wrong (a smaller
    one is out of date: NL505); where the fact rests on a limit the installed
    botocore states, the message names the botocore version."""
    from notelint.claims.conflicts import conflict, describe, phase
    from notelint.claims.staleness import stale_findings

    knowledge = knowledge_for(ctx)
    facts = ctx.shared("claims.facts-by-subject", lambda: _facts_by_subject(knowledge))
    if facts.knowledge is not knowledge:  # shared data carried over from a run given another knowledge base
        facts = _facts_by_subject(knowledge)
    explained = [(f.start, f.end) for findings in stale_findings(note, ctx).values() for f in findings]
    for statement in statements_of(note, ctx):
        if not statement.assertions or phase(statement.text) is not None:
            continue  # the facts are about a service as a whole, not one phase of it
        if any(statement.start <= start < statement.end for start, _end in explained):
            continue
        for bound in statement.assertions:
            a = bound.assertion
            if a.relation == "limit" and not a.explicit:
                continue  # "cached for up to 1 hour" is not a claim about the timeout
            if bound.subject is None:
                continue  # every fact is about a subject
            for fact in facts.by_subject.get((bound.subject, a.attribute), ()):
                if fact.unless is not None and fact.unless.search(statement.text):
                    continue  # about a variant the fact does not cover
                if fact.max is not None:
                    # a larger maximum than any variant allows is wrong; a smaller one is stale (NL505)
                    if not (a.relation == "limit" and a.bound == "max" and a.unit == fact.unit
                            and a.quantity is not None and a.quantity > fact.max * 1.01):
                        continue
                elif not conflict((a.relation, a.attribute, a.values, a.quantity, a.bound),
                                  ("only", a.attribute, fact.values, None, None)):
                    continue
                said = describe(a.relation, a.values, a.quantity, a.unit, a.bound, a.attribute)
                hedge = "" if fact.confidence == "verified" else " (not fully confirmed by the source)"
                yield Finding(
                    a.start,
                    a.end,
                    f"contradicts a known fact about {bound.subject}: this says {said}; {fact.fact}{hedge} "
                    f"{knowledge.botocore_says(fact.botocore)}Source: {fact.source} (checked {fact.checked})",
                    meta={
                        "subject": bound.subject,
                        "attribute": a.attribute,
                        "current_fact": fact.fact,
                        "source": fact.source,
                        "checked": fact.checked.isoformat(),
                        "confidence": fact.confidence,
                        "knowledge_id": fact.id,
                    },
                )


class _FactsBySubject(NamedTuple):
    """The knowledge base's facts by subject and attribute, made once per run (not once per note)."""

    knowledge: Knowledge  # what they were read from
    by_subject: dict[tuple[str, str], list[Fact]]


def _facts_by_subject(knowledge: Knowledge) -> _FactsBySubject:
    by_subject: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in knowledge.facts:
        by_subject[(fact.subject, fact.attribute)].append(fact)
    return _FactsBySubject(knowledge, dict(by_subject))


RULES = (contradictory_claims, contradicts_known_fact)
