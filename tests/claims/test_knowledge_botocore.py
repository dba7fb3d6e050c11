"""The knowledge base tests itself against the installed botocore, so that an upgrade names
the facts that went stale: the derived limits file is what scripts/botocore_limits.py makes
from the installed botocore; every fact that rests on a botocore limit states its maximum;
an entry whose subject lost its client says the service is retired."""

import importlib.util
from pathlib import Path

import botocore

from notelint.claims.knowledge import load
from notelint.shipped import data_text

ROOT = Path(__file__).resolve().parents[2]
RETIRING = {"end-of-life", "closed-to-new-customers", "maintenance-mode", "renamed", "naming"}


def _script():
    spec = importlib.util.spec_from_file_location("botocore_limits", ROOT / "scripts" / "botocore_limits.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_derived_limits_are_those_of_the_installed_botocore():
    script = _script()
    assert data_text("knowledge", "botocore-limits.yaml") == script.render(script.derive()), (
        f"botocore-limits.yaml is not what botocore {botocore.__version__} states: "
        "run python scripts/botocore_limits.py and review the facts that rest on it")


def test_every_fact_with_a_number_agrees_with_botocore():
    base = load()
    checked = 0
    for fact in base.facts:
        if fact.botocore is None:
            continue
        limit = base.limits[fact.botocore]
        assert (limit.subject, limit.attribute) == (fact.subject, fact.attribute), fact.id
        assert limit.unit == fact.unit, fact.id
        largest = max(limit.values)
        assert fact.max is not None and abs(fact.max - largest) <= 0.01 * largest, (
            f"{fact.id}: the fact says at most {fact.max:g} {fact.unit}, botocore {base.limits_version} "
            f"({limit.where}) states {largest:g} {limit.unit}")
        assert fact.floor is None or fact.floor <= fact.max, fact.id
        checked += 1
    assert checked >= 5


def test_an_entry_about_a_service_botocore_dropped_says_it_is_retired():
    base = load()
    gone = {name.casefold(): retired.client for retired in base.retired for name in retired.names}
    wrong = [(change.id, change.kind, gone[change.subject.casefold()]) for change in base.changes
             if change.subject.casefold() in gone and change.kind not in RETIRING and not change.superseded_by]
    assert wrong == []
