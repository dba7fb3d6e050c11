"""The knowledge base tests itself against the installed botocore, so that an upgrade names
the facts that went stale: the derived limits file is what scripts/botocore_limits.py makes
from the installed botocore; every fact that rests on a botocore limit states its maximum;
an entry whose subject lost its client says the service is retired."""

import botocore

from notelint.claims.knowledge import load
from notelint.shipped import data_text, data_yaml
from tests.helpers import load_script

RETIRING = {"end-of-life", "closed-to-new-customers", "maintenance-mode", "renamed", "naming"}


def _script():
    return load_script("botocore_limits")


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


def _notices_script():
    return load_script("botocore_notices")


def test_the_derived_notices_are_those_of_the_installed_botocore():
    """A notice whose sentence botocore no longer carries disappears from the derived file
    (and the next test then names the entry that rested on it)."""
    script = _notices_script()
    assert data_text("knowledge", "botocore-notices.yaml") == script.render(script.derive()), (
        f"botocore-notices.yaml is not what botocore {botocore.__version__} documents: "
        "run python scripts/botocore_notices.py and review the notices in botocore-notices-review.yaml")


def test_every_notice_is_reviewed_and_every_entry_cites_a_notice_that_exists():
    notices = {n["id"]: n for n in data_yaml("knowledge", "botocore-notices.yaml")["notices"]}
    dropped = {d["notice"] for d in data_yaml("knowledge", "botocore-notices-review.yaml")["dropped"]}
    used: dict[str, str] = {}
    for entry in data_yaml("knowledge", "changes.yaml")["entries"]:
        for notice in entry.get("notices", ()):
            assert notice in notices, f"{entry['id']} rests on notice {notice}, which botocore no longer documents"
            used[notice] = entry["id"]
    assert sorted(set(notices) - dropped - set(used)) == [], "new notices: use them in changes.yaml or drop them"
    assert sorted(dropped & set(used)) == [], "a notice is both used and dropped"
    assert sorted(dropped - set(notices)) == [], "the review drops notices botocore no longer documents"
    assert len(used) >= 20


def test_an_entry_on_a_notice_agrees_with_its_kind_and_date():
    """An entry resting on an end-of-support notice does not call the thing merely closed to new
    customers after the fact, and a notice's full date, where the entry's date is known, is the entry's
    date or its announcement."""
    notices = {n["id"]: n for n in data_yaml("knowledge", "botocore-notices.yaml")["notices"]}
    retiring = {"end-of-life", "closed-to-new-customers", "maintenance-mode"}
    for entry in data_yaml("knowledge", "changes.yaml")["entries"]:
        for notice_id in entry.get("notices", ()):
            notice = notices[notice_id]
            assert entry["kind"] in retiring, entry["id"]
            when = notice.get("date")
            if when and len(when) == 10 and entry.get("date_known", True) and notice["kind"] == entry["kind"]:
                assert when in {str(entry["date"]), str(entry.get("announced"))}, (entry["id"], notice_id, when)


def test_the_notice_scanner_keeps_availability_statements_only():
    script = _notices_script()
    kinds = {
        "Cloud9 is no longer available to new customers.": "closed-to-new-customers",
        "A2I entered maintenance mode in July 2026 and no longer accepts new customers.": "closed-to-new-customers",
        "On November 20, 2025, AWS will discontinue support for Amazon CodeGuru Security.": "end-of-life",
        "The Status parameter in the Account object will be retired on September 9, 2026.": "end-of-life",
        "Raised when a request is cancelled because the storage layer entered maintenance mode.": "maintenance-mode",
        "aws:drop - Discontinues all inspection of the packet.": None,
        "Specifies whether maintenance mode is enabled for WorkSpaces.": None,
        "This parameter is deprecated.": None,
    }
    assert {sentence: script.notice_kind(sentence) for sentence in kinds} == kinds
    assert script.named_date("from July 1, 2021.") == "2021-07-01"
    assert script.named_date("on 6/30/2026.") == "2026-06-30"
    assert script.named_date("in July 2026") == "2026-07"
    assert script.named_date("soon") is None
