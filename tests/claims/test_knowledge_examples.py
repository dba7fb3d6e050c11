"""Every knowledge entry and fact carries a `bad` and a `good` example; both behave
as documented when run through the real rules (as rules' own examples do).

A `bad` example, written as a list item in a note reviewed the day before the
entry's date (facts: a note reviewed 2020-01-01), is reported for the entry: a
finding whose meta names its ``knowledge_id``, from the rule that declares the
entry's kind (NL5xx) or that the entry is ``covered_by``, or NL602 for a fact.
Rules outside NL5xx/NL6xx (the NL2xx-NL4xx spelling, naming and API rules that
``covered_by`` names) know nothing of the knowledge base, so for those entries
the finding's rule code is what is checked.  A `good` example is not reported
for the entry.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from notelint.rules import RULES
from notelint.dates import iso_date
from notelint.shipped import data_yaml
from tests.helpers import lint, note

AS_OF = date(2026, 12, 2)
FACTS_REVIEWED = date(2020, 1, 1)

CHANGES: list[dict[str, Any]] = data_yaml("knowledge", "changes.yaml")["entries"]
FACTS: list[dict[str, Any]] = data_yaml("knowledge", "facts.yaml")["facts"]
ENTRIES = [("change", entry) for entry in CHANGES] + [("fact", fact) for fact in FACTS]

# The rule that reports each knowledge-base kind (rules/stale.py declares them).
RULE_OF_KIND = {kind: r.code for r in RULES for kind in getattr(r.check, "kinds", ())}

# Entries whose natural `bad` example no rule reports today; strict, so the
# marker must go once the reader or the rule is fixed.
KNOWN_GAPS: dict[str, str] = {}


def _date(value: Any) -> date:
    found = iso_date(value)
    assert found is not None, value
    return found


def _case(kind: str, entry: dict[str, Any]) -> tuple[date, tuple[str, ...], str | None, str]:
    """(reviewed date, rules to select, rule code to check instead of knowledge_id, expected rule code)."""
    if kind == "fact":
        return FACTS_REVIEWED, ("NL5", "NL6"), None, "NL602"
    reviewed = _date(entry["date"]) - timedelta(days=1)
    covered_by = entry.get("covered_by")
    if covered_by is None:
        return reviewed, ("NL5", "NL6"), None, RULE_OF_KIND[entry["kind"]]
    if covered_by.startswith(("NL5", "NL6")):
        return reviewed, ("NL5", "NL6"), None, covered_by  # NL506 findings carry knowledge_id
    return reviewed, ("NL5", "NL6", covered_by), covered_by, covered_by


def _findings(text: str, reviewed: date, select: tuple[str, ...]):
    front = f"---\ntitle: Study notes\nreviewed: {reviewed.isoformat()}\n---\n"
    return lint(note(f"* {text}\n", front=front), select=select, as_of=AS_OF)


def _for_entry(findings, entry_id: str, code_instead: str | None):
    if code_instead is not None:
        return [d for d in findings if d.code == code_instead]
    return [d for d in findings if d.meta.get("knowledge_id") == entry_id]


def _params(for_bad: bool):
    params = []
    for kind, entry in ENTRIES:
        marks = ()
        if for_bad and entry["id"] in KNOWN_GAPS:
            marks = (pytest.mark.xfail(reason=KNOWN_GAPS[entry["id"]], strict=True),)
        params.append(pytest.param(kind, entry, id=entry["id"], marks=marks))
    return params


@pytest.mark.parametrize("kind, entry", _params(for_bad=True))
def test_bad_example_is_reported(kind, entry):
    reviewed, select, code_instead, code = _case(kind, entry)
    bad = entry["examples"]["bad"]
    findings = _findings(bad, reviewed, select)
    if entry.get("superseded_by"):
        # a superseded entry is switched off: what it once reported is now the later entry's call
        assert _for_entry(findings, entry["id"], code_instead) == [], f"superseded {entry['id']} still reported"
        return
    shown = [(d.code, d.meta.get("knowledge_id")) for d in findings]
    hits = _for_entry(findings, entry["id"], code_instead)
    assert hits, f"{entry['id']}: bad example {bad!r} is not reported (findings: {shown})"
    assert code in {d.code for d in hits}, f"{entry['id']}: reported by {shown}, expected {code}"


@pytest.mark.parametrize("kind, entry", _params(for_bad=False))
def test_good_example_passes(kind, entry):
    reviewed, select, code_instead, _code = _case(kind, entry)
    good = entry["examples"]["good"]
    hits = _for_entry(_findings(good, reviewed, select), entry["id"], code_instead)
    assert hits == [], f"{entry['id']}: good example {good!r} is reported: {[d.message for d in hits]}"


def test_every_entry_and_fact_has_both_examples():
    missing = [
        entry.get("id")
        for _kind, entry in ENTRIES
        if not isinstance(entry.get("examples"), dict)
        or not all(isinstance(entry["examples"].get(key), str) and entry["examples"][key].strip()
                   for key in ("bad", "good"))
    ]
    assert missing == []
    assert len(CHANGES) >= 69 and len(FACTS) >= 8
