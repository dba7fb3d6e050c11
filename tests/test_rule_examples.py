"""Every rule documents a failing and a passing example; both behave as documented."""

import pytest

from notelint.codes import FAMILIES
from notelint.rules import RULES, find

from tests.helpers import lint


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_example_is_reported(rule):
    codes = [d.code for d in lint(rule.bad, select=rule.code)]
    assert rule.code in codes, f"{rule.code} example 'bad' is not reported"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_example_passes(rule):
    assert [d for d in lint(rule.good, select=rule.code) if d.code == rule.code] == []


def test_registry_is_consistent():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes), "duplicate rule code"
    assert len(set(names)) == len(names), "duplicate rule name"
    for rule in RULES:
        assert rule.code[:3] in FAMILIES
        assert rule.summary.endswith(".") and len(rule.summary) < 100
        assert rule.check.__doc__, f"{rule.code} has no explanation"
        assert find(rule.code) is rule and find(rule.name) is rule
