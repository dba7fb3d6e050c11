"""The rule registry: every rule family module, listed explicitly."""

from __future__ import annotations

from notelint.rule import Rule
from notelint.rules import (
    aws_api,
    aws_calls,
    aws_hyperparameters,
    aws_naming,
    aws_resources,
    contradictions,
    front_matter,
    spelling,
    stale,
    structure,
)

FAMILY_MODULES = (
    front_matter,
    structure,
    spelling,
    aws_naming,
    aws_api,
    aws_calls,
    aws_resources,
    aws_hyperparameters,
    stale,
    contradictions,
)

RULES: tuple[Rule, ...] = tuple(rule for module in FAMILY_MODULES for rule in module.RULES)


def find(code_or_name: str) -> Rule | None:
    """A rule by code (``NL112``, any case) or name (``empty-list-item``)."""
    key = code_or_name.strip()
    for rule in RULES:
        if rule.code == key.upper() or rule.name == key.lower():
            return rule
    return None
