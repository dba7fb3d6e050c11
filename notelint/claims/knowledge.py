"""The knowledge base: dated, sourced facts about AWS changes (notelint/data/knowledge/).

* ``changes.yaml``: what changed, when, what an outdated claim looks like, the
  current fact and its source (stale-claim rules, NL5xx);
* ``facts.yaml``: current limits and capabilities a claim can contradict (NL602);
* ``entities.yaml``: names claims are about that the AWS alias table lacks;
* ``retired-clients.yaml``: derived by scripts/retired_botocore_clients.py;
* ``botocore-limits.yaml``: limits the installed botocore states (shape
  constraints and limit sentences), derived by scripts/botocore_limits.py; a
  fact names the limit it rests on (``botocore``) and a test keeps the two equal.

``load()`` reads them once per process.  Each file's JSON Schema lies beside it
(``*.schema.json``) and tests/test_data_schemas.py checks the files against them.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, Sequence

from notelint.claims.assertions import in_base_units
from notelint.dates import iso_date
from notelint.shipped import data_yaml
from notelint.values import FrozenValue, Value

KINDS = (
    "renamed",
    "end-of-life",
    "closed-to-new-customers",
    "maintenance-mode",
    "capability-added",
    "limit-changed",
    "wrong-claim",
    "naming",
)


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    parts = []
    for word in words:
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word) + r"(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


# the knowledge base's types are values written out, not dataclasses: ``notelint.values`` says why
class AssertionPattern(FrozenValue):
    """What a claim must assert for a change to match it (a limit below or above, one of some values)."""

    __slots__ = FIELDS = ("relation", "attribute", "values_any", "below", "above", "bound")
    relation: str
    attribute: str
    values_any: tuple[str, ...]
    below: float | None  # limits: the claim's quantity is smaller than this (base units: s, MB, count)
    above: float | None  # limits: the claim's quantity is larger than this ("at least 1 minute" when 0 is allowed)
    bound: str | None  # limits: only a stated maximum ("max") or minimum ("min")

    def __init__(self, relation: str, attribute: str, values_any: tuple[str, ...] = (), below: float | None = None,
                 above: float | None = None, bound: str | None = None):
        self._fill(relation, attribute, values_any, below, above, bound)


class Matcher(FrozenValue):
    """What a sentence must say for a change to apply to it: its subject, words, an assertion."""

    __slots__ = FIELDS = ("mentions", "words_all", "words_any", "words_none", "assertion", "any_of", "literals")
    HIDDEN = frozenset({"literals"})
    mentions: tuple[str, ...]
    words_all: tuple[re.Pattern[str], ...]
    words_any: re.Pattern[str] | None
    words_none: re.Pattern[str] | None  # a sentence with one of these already has it right
    assertion: AssertionPattern | None
    any_of: tuple[Matcher, ...]
    # what a text must hold for ``words_all`` and ``words_any`` to be found in it, worked out once from
    # their words: for each of those patterns, the words (lower case, a final "*" dropped) of which the
    # text holds one where the pattern is found (only patterns of ASCII words: ``match.may_match``);
    # made from the words, so it is equal wherever they are
    literals: tuple[tuple[str, ...], ...]

    def __init__(
        self, mentions: tuple[str, ...], words_all: tuple[re.Pattern[str], ...] = (),
        words_any: re.Pattern[str] | None = None, words_none: re.Pattern[str] | None = None,
        assertion: AssertionPattern | None = None, any_of: tuple[Matcher, ...] = (),
        literals: tuple[tuple[str, ...], ...] = (),
    ):
        self._fill(mentions, words_all, words_any, words_none, assertion, any_of, literals)

    @property
    def mentions_only(self) -> bool:
        """True when naming the subject is all it takes (then only a name the
        sentence itself writes counts, not one inherited from a heading)."""
        return not (self.words_all or self.words_any or self.assertion or self.any_of)


class Change(FrozenValue):
    """A dated, sourced change to AWS (changes.yaml) and what an outdated claim about it looks like."""

    __slots__ = FIELDS = (
        "id", "kind", "subject", "effective", "fact", "source", "confidence", "matcher", "date_known", "announced",
        "replacement", "fix", "once_per_note", "severity", "superseded_by", "covered_by", "family", "event",
    )
    id: str
    kind: str
    subject: str
    effective: date  # the date the change took effect (the YAML key `date`)
    fact: str
    source: str
    confidence: str
    matcher: Matcher | None  # None for naming entries reported by another rule
    date_known: bool
    announced: date | None
    replacement: str | None
    fix: bool
    once_per_note: bool
    severity: str | None
    superseded_by: str | None
    covered_by: str | None
    family: str | None
    event: str | None  # what happened, where the kind's headline ("reached end of life") would overstate it

    def __init__(
        self, id: str, kind: str, subject: str, effective: date, fact: str, source: str, confidence: str,
        matcher: Matcher | None, date_known: bool = True, announced: date | None = None,
        replacement: str | None = None, fix: bool = False, once_per_note: bool = False, severity: str | None = None,
        superseded_by: str | None = None, covered_by: str | None = None, family: str | None = None,
        event: str | None = None,
    ):
        self._fill(id, kind, subject, effective, fact, source, confidence, matcher, date_known, announced,
                   replacement, fix, once_per_note, severity, superseded_by, covered_by, family, event)


class Fact(FrozenValue):
    """A current limit or capability (facts.yaml) that a claim can contradict."""

    __slots__ = FIELDS = ("id", "subject", "attribute", "fact", "source", "checked", "confidence", "values", "max",
                          "unit", "floor", "botocore", "unless")
    id: str
    subject: str
    attribute: str
    fact: str
    source: str
    checked: date
    confidence: str
    values: tuple[str, ...]
    max: float | None  # base units: the largest value any current variant allows (above: NL602)
    unit: str | None  # "s", "MB" or "count"
    floor: float | None  # base units: the smallest current maximum (a stated maximum below it: NL505)
    botocore: str | None  # id of the botocore-limits.yaml limit the fact rests on
    unless: re.Pattern[str] | None  # words of a variant the fact does not cover ("Oracle")

    def __init__(
        self, id: str, subject: str, attribute: str, fact: str, source: str, checked: date, confidence: str,
        values: tuple[str, ...] = (), max: float | None = None, unit: str | None = None, floor: float | None = None,
        botocore: str | None = None, unless: re.Pattern[str] | None = None,
    ):
        self._fill(id, subject, attribute, fact, source, checked, confidence, values, max, unit, floor, botocore,
                   unless)


class BotocoreLimit(FrozenValue):
    """A limit the installed botocore states (botocore-limits.yaml)."""

    __slots__ = FIELDS = ("id", "subject", "attribute", "service", "where", "docs", "values", "unit")
    id: str
    subject: str
    attribute: str
    service: str
    where: str  # "lambda MemorySize", "kinesis IncreaseStreamRetentionPeriod"
    docs: str
    values: tuple[float, ...]  # every stated maximum, in base units (shape max, documented values)
    unit: str  # their base unit: "s", "MB" or "count"

    def __init__(self, id: str, subject: str, attribute: str, service: str, where: str, docs: str,
                 values: tuple[float, ...], unit: str):
        self._fill(id, subject, attribute, service, where, docs, values, unit)


class Entity(FrozenValue):
    """A name claims are about that the AWS alias table lacks (entities.yaml)."""

    __slots__ = FIELDS = ("name", "forms", "launched", "launch_source")
    name: str
    forms: tuple[str, ...]
    launched: str | None  # when it became generally available, YYYY-MM-DD or YYYY-MM where the day is not
    # confirmed ("since 2022 X" is checked against its year)
    launch_source: str | None

    def __init__(self, name: str, forms: tuple[str, ...], launched: str | None = None,
                 launch_source: str | None = None):
        self._fill(name, forms, launched, launch_source)


class RetiredClient(FrozenValue):
    """A service whose botocore client is gone (retired-clients.yaml)."""

    __slots__ = FIELDS = ("client", "names", "removed_in", "removed_on")
    client: str
    names: tuple[str, ...]  # the names notes use for it
    removed_in: str
    removed_on: date

    def __init__(self, client: str, names: tuple[str, ...], removed_in: str, removed_on: date):
        self._fill(client, names, removed_in, removed_on)


class Knowledge(Value):
    """The whole knowledge base, as ``load`` reads it (or a test builds it)."""

    __slots__ = FIELDS = ("changes", "facts", "entities", "retired", "retired_compared", "umbrellas", "limits",
                          "limits_version")
    changes: list[Change]
    facts: list[Fact]
    entities: list[Entity]
    retired: list[RetiredClient]
    retired_compared: dict[str, Any]
    umbrellas: frozenset[str]
    limits: dict[str, BotocoreLimit]
    limits_version: str  # the botocore release botocore-limits.yaml was derived from

    def __init__(
        self, changes: list[Change], facts: list[Fact], entities: list[Entity], retired: list[RetiredClient],
        retired_compared: dict[str, Any] | None = None, umbrellas: frozenset[str] = frozenset(),
        limits: dict[str, BotocoreLimit] | None = None, limits_version: str = "",
    ):
        self.changes = changes
        self.facts = facts
        self.entities = entities
        self.retired = retired
        self.retired_compared = {} if retired_compared is None else retired_compared
        self.umbrellas = umbrellas
        self.limits = {} if limits is None else limits
        self.limits_version = limits_version

    def botocore_says(self, limit_id: str | None) -> str:
        """"botocore 1.44.8 (lambda CreateFunction MemorySize) allows up to 32 GB. ", or "" without a limit."""
        from notelint.claims.conflicts import quantity_text

        limit = self.limits.get(limit_id) if limit_id else None
        if limit is None or not limit.values:
            return ""
        return f"botocore {self.limits_version} ({limit.where}) allows up to {quantity_text(max(limit.values), limit.unit)}. "



def _read(name: str) -> Any:
    return data_yaml("knowledge", name)


def _date(value: Any) -> date:
    found = iso_date(value)
    if found is None:  # the schema test keeps the shipped files valid
        raise ValueError(f"not a date written YYYY-MM-DD: {value!r}")
    return found


def _matcher(spec: dict[str, Any], subject: str) -> Matcher:
    assertion = None
    if "assertion" in spec:
        a = spec["assertion"]
        below = in_base_units(float(a["below"]["value"]), a["below"]["unit"])[0] if "below" in a else None
        above = in_base_units(float(a["above"]["value"]), a["above"]["unit"])[0] if "above" in a else None
        assertion = AssertionPattern(a["relation"], a["attribute"], tuple(a.get("values_any", ())), below, above,
                                     a.get("bound"))
    needed = [[w] for w in spec.get("words_all", ())] + ([spec["words_any"]] if spec.get("words_any") else [])
    return Matcher(
        mentions=tuple(spec.get("mentions", (subject,))),
        words_all=tuple(_words_pattern([w]) for w in spec.get("words_all", ())),
        words_any=_words_pattern(spec["words_any"]) if spec.get("words_any") else None,
        words_none=_words_pattern(spec["words_none"]) if spec.get("words_none") else None,
        assertion=assertion,
        any_of=tuple(_matcher(option, subject) for option in spec.get("any", ())),
        literals=tuple(_literals(words) for words in needed if all(word.isascii() for word in words)),
    )


def _literals(words: list[str]) -> tuple[str, ...]:
    """The words of a ``_words_pattern``, one of which a text it is found in holds (lower case)."""
    return tuple(word.removesuffix("*").lower() for word in words)


def _change(spec: dict[str, Any]) -> Change:
    claim = spec.get("claim")
    return Change(
        id=spec["id"],
        kind=spec["kind"],
        subject=spec["subject"],
        effective=_date(spec["date"]),
        fact=" ".join(str(spec["fact"]).split()),
        source=spec["source"],
        confidence=spec["confidence"],
        matcher=None if claim is None else _matcher(claim, spec["subject"]),
        date_known=spec.get("date_known", True),
        announced=_date(spec["announced"]) if spec.get("announced") else None,
        replacement=spec.get("replacement"),
        fix=spec.get("fix", False),
        once_per_note=spec.get("once_per_note", False),
        severity=spec.get("severity"),
        superseded_by=spec.get("superseded_by"),
        covered_by=spec.get("covered_by"),
        family=spec.get("family"),
        event=spec.get("event"),
    )


# units of botocore's models that claims do not use
_MODEL_UNITS = {"b": (1 / 1024 / 1024, "MB"), "byte": (1 / 1024 / 1024, "MB"), "bytes": (1 / 1024 / 1024, "MB"),
                "count": (1, "count"), "dimensions": (1, "count")}


def model_quantity(value: float, unit: str) -> tuple[float, str]:
    """A quantity as botocore's models and limit sentences give it, in base units."""
    if unit.lower() in _MODEL_UNITS:
        factor, base = _MODEL_UNITS[unit.lower()]
        return value * factor, base
    return in_base_units(value, unit)


def _fact(spec: dict[str, Any]) -> Fact:
    limit = spec.get("max")
    quantity, unit = model_quantity(float(limit["value"]), limit["unit"]) if limit else (None, None)
    floor = model_quantity(float(spec["floor"]["value"]), spec["floor"]["unit"])[0] if spec.get("floor") else None
    return Fact(
        id=spec["id"],
        subject=spec["subject"],
        attribute=spec["attribute"],
        fact=spec["fact"],
        source=spec["source"],
        checked=_date(spec["checked"]),
        confidence=spec["confidence"],
        values=tuple(spec.get("values", ())),
        max=quantity,
        unit=unit,
        floor=floor,
        botocore=spec.get("botocore"),
        unless=_words_pattern(spec["unless"]) if spec.get("unless") else None,
    )


def _limit(spec: dict[str, Any]) -> BotocoreLimit:
    values = []
    base = model_quantity(1, spec["unit"])[1]
    if "max" in spec:
        values.append(model_quantity(float(spec["max"]), spec["unit"])[0])
    for documented in spec.get("documented", ()):
        for value in documented["values"]:
            quantity, unit = model_quantity(float(value["value"]), value["unit"])
            if unit == base:
                values.append(quantity)
    where = " ".join(part for part in (spec["service"], spec.get("operation"), spec.get("member") or spec.get("shape"))
                     if part)
    return BotocoreLimit(spec["id"], spec["subject"], spec["attribute"], spec["service"], where, spec["docs"],
                         tuple(values), base)


def _retired(spec: dict[str, Any]) -> RetiredClient:
    names = []
    for label in (spec["full_name"], spec["abbreviation"]):
        for vendor in ("Amazon ", "AWS "):
            label = label.removeprefix(vendor)
        if label and label not in names:
            names.append(label)
    return RetiredClient(spec["client"], tuple(names), spec["removed_in"], _date(spec["removed_on"]))


def build(
    changes: Sequence[dict[str, Any]] = (),
    facts: Sequence[dict[str, Any]] = (),
    entities: Sequence[dict[str, Any]] = (),
    retired: Sequence[dict[str, Any]] = (),
    retired_compared: dict[str, Any] | None = None,
    umbrellas: Sequence[str] = (),
    limits: dict[str, Any] | None = None,
) -> Knowledge:
    """A knowledge base from entries written as in the YAML files (a test may build a small one)."""
    return Knowledge(
        changes=[_change(spec) for spec in changes],
        facts=[_fact(spec) for spec in facts],
        entities=[Entity(e["name"], tuple(e.get("forms", ())), str(e["launched"]) if e.get("launched") else None,
                         e.get("launch_source")) for e in entities],
        retired=[_retired(spec) for spec in retired],
        retired_compared=retired_compared or {},
        umbrellas=frozenset(umbrellas),
        limits={spec["id"]: _limit(spec) for spec in (limits or {}).get("limits", ())},
        limits_version=(limits or {}).get("botocore_version", ""),
    )


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """The shipped knowledge base."""
    retired = _read("retired-clients.yaml")
    entities = _read("entities.yaml")
    return build(
        changes=_read("changes.yaml")["entries"],
        facts=_read("facts.yaml")["facts"],
        entities=entities["entities"],
        retired=retired["retired"],
        retired_compared=retired["compared"],
        umbrellas=entities.get("umbrellas", ()),
        limits=_read("botocore-limits.yaml"),
    )
