"""Every rule documents a failing and a passing example; both behave as documented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from notelint.config import Config
from notelint.engine import Linter
from notelint.rules import RULES


def _codes(rule, text):
    linter = Linter(Config(root=Path.cwd(), select=(rule.code,)), RULES, as_of=date(2025, 6, 1))
    return [d.code for d in linter.check_text(text)]


@pytest.mark.parametrize("rule", [r for r in RULES if r.scope == "note" and r.family in ("NL3", "NL4")], ids=lambda r: r.code)
def test_examples(rule):
    assert rule.code in _codes(rule, rule.bad), f"{rule.code}: the bad example is not reported"
    assert rule.code not in _codes(rule, rule.good), f"{rule.code}: the good example is reported"
