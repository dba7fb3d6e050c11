"""Every rule documents a failing and a passing example; both behave as documented."""

import pytest

from notelint.codes import FAMILIES
from notelint.rules import RULES, find

from tests.helpers import lint


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_example_is_reported(rule):
    codes = [d.code for d in lint(rule.bad, select=rule.code, **dict(rule.example_settings))]
    assert rule.code in codes, f"{rule.code} example 'bad' is not reported"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_example_passes(rule):
    assert [d for d in lint(rule.good, select=rule.code, **dict(rule.example_settings)) if d.code == rule.code] == []


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


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_fix_availability_is_as_declared(rule):
    """'always': every finding of the bad example has a fix; 'never': none has;
    'sometimes': the bad example shows one.  A fix's safety matches the declaration."""
    from notelint.rule import FixAvailability

    findings = [d for d in lint(rule.bad, select=rule.code, **dict(rule.example_settings)) if d.code == rule.code]
    fixes = [d.fix for d in findings if d.fix is not None]
    if rule.fix is FixAvailability.NEVER:
        assert fixes == []
    elif rule.fix is FixAvailability.ALWAYS:
        assert len(fixes) == len(findings)
    else:
        assert fixes
    assert all(fix.safe is rule.fix_safe for fix in fixes)
