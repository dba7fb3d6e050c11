"""Every spelling rule documents a failing and a passing example, and they behave as documented.

(Limited to NL2xx: NL101's passing example currently has no front matter once
dedented, which is the structure family's to fix.)"""

from __future__ import annotations

import pytest

from notelint.rules import RULES
from tests.conftest import lint


@pytest.mark.parametrize("rule", [r for r in RULES if r.family == "NL2"], ids=lambda r: r.code)
def test_examples(rule):
    assert rule.bad.strip() and rule.good.strip() and rule.doc.strip()
    assert [d.code for d in lint(rule.bad, (rule.code,))], f"{rule.code}: the bad example is not reported"
    assert [d.code for d in lint(rule.good, (rule.code,))] == [], f"{rule.code}: the good example is reported"
    # and both are well-formed notes, front matter included
    assert [d.code for example in (rule.bad, rule.good) for d in lint(example, ("NL1",))] == []


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
