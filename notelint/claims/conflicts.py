"""When two assertions about the same subject and attribute cannot both be true.

Shared by the contradiction rules: NL601 compares claims with each other,
NL602 compares a claim with a known fact.  Assertions are compared only when
they are about the same *phase*: "CPU only for inference" and "trains on
GPUs" are about different things.
"""

from __future__ import annotations

import re

from notelint.claims.assertions import Assertion

SET_ATTRIBUTES = ("hardware", "input-format", "convert-from", "convert-to")
LIMIT_ATTRIBUTES = ("duration", "memory", "retention", "payload", "read-replicas", "dimensions")
COMPARED = (*SET_ATTRIBUTES, *LIMIT_ATTRIBUTES, "capability")

_INFERENCE = re.compile(r"\b(?:inference|inferences|hosting|hosted|endpoints?|predictions?|predict)\b", re.IGNORECASE)
_TRAINING = re.compile(r"\b(?:train|trains|training|trained)\b", re.IGNORECASE)


def phase(sentence: str) -> str | None:
    """"training", "inference", or None when the sentence says neither (or both)."""
    inference, training = bool(_INFERENCE.search(sentence)), bool(_TRAINING.search(sentence))
    if inference == training:
        return None
    return "inference" if inference else "training"


_FAMILY = {"jsonlines": "json"}


def compatible_phases(a: tuple, phase_a: str | None, b: tuple, phase_b: str | None) -> bool:
    """Are two assertions about the same phase?

    Equal phases always are.  Otherwise only a restriction that names no phase
    ("XGBoost: only CPU") is universal and meets a claim about either phase
    ("XGBoost can train on GPUs"); "CPU only for inference" says nothing about
    training, and a claim that names no phase may be about training.
    """
    if phase_a == phase_b:
        return True
    restrictive = ("only", "lacks")
    return (phase_a is None and a[0] in restrictive) or (phase_b is None and b[0] in restrictive)


def conflict(a: tuple, b: tuple) -> bool:
    """Do two assertions ``(relation, attribute, values, quantity, bound)`` contradict?"""
    relation_a, attribute, values_a, quantity_a, bound_a = a
    relation_b, _attribute, values_b, quantity_b, bound_b = b
    if attribute in LIMIT_ATTRIBUTES:
        if relation_a != "limit" or relation_b != "limit" or bound_a != bound_b:
            return False
        if quantity_a is None or quantity_b is None:
            return False
        # "3 GB" and "3008 MB" are one limit rounded two ways: differences within 3% are not contradictions
        return abs(quantity_a - quantity_b) > 0.03 * max(quantity_a, quantity_b)
    # JSON Lines is JSON, RecordIO is protobuf: compare the families
    first, second = {_FAMILY.get(v, v) for v in values_a}, {_FAMILY.get(v, v) for v in values_b}
    if not first or not second:
        return False
    pair = {relation_a, relation_b}
    if pair == {"only"}:
        return first != second
    if pair == {"only", "supports"}:
        only, other = (first, second) if relation_a == "only" else (second, first)
        return bool(other - only)
    if pair == {"lacks", "supports"} or pair == {"lacks", "only"}:
        if "any" in first | second:
            return True  # "cannot convert record formats" against any conversion
        return bool(first & second)
    return False


_SHOWN = {"cpu": "CPU", "gpu": "GPU", "csv": "CSV", "tsv": "TSV", "json": "JSON", "jsonlines": "JSON Lines",
          "parquet": "Parquet", "orc": "ORC", "avro": "Avro", "libsvm": "libsvm", "recordio-protobuf": "RecordIO-protobuf"}


def describe(relation: str, values: tuple[str, ...], quantity: float | None, unit: str | None, bound: str | None,
             attribute: str = "") -> str:
    """A short reading of an assertion: "only CPU", "supports GPU", "at most 15 minutes"."""
    if relation == "limit":
        return f"{'at most' if bound == 'max' else 'at least'} {quantity_text(quantity, unit)}"
    shown = " or ".join(_SHOWN.get(v, v) for v in values)
    if attribute == "convert-to":
        return "no conversion" if "any" in values else f"{'only ' if relation == 'only' else ''}converts to {shown}"
    if attribute == "convert-from":
        return f"{'only ' if relation == 'only' else ''}converts from {shown}" if relation != "lacks" else f"does not convert from {shown}"
    return {"only": f"only {shown}", "supports": f"supports {shown}", "lacks": f"not {shown}"}.get(relation, shown)


def quantity_text(quantity: float | None, unit: str | None) -> str:
    if quantity is None:
        return "?"
    if unit == "count":
        return f"{quantity:g}"
    if unit == "s":
        for size, name in ((86400, "days"), (3600, "hours"), (60, "minutes")):
            if quantity >= size and quantity % size == 0:
                return f"{quantity / size:g} {name}"
        return f"{quantity:g} seconds"
    if quantity >= 1024 and quantity % 1024 == 0:
        return f"{quantity / 1024:g} GB"
    return f"{quantity:g} MB"


def key(assertion: Assertion) -> tuple:
    return (assertion.relation, assertion.attribute, assertion.values, assertion.quantity, assertion.bound)
