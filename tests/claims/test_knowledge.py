"""Every knowledge entry is sourced, dated and reachable (the files' schemas: tests/test_data_schemas.py)."""

import yaml

from notelint.aws.catalog import load_catalog
from notelint.claims.knowledge import load
from notelint.shipped import data_text


def test_every_entry_is_sourced_dated_and_reachable():
    base = load()
    assert len(base.changes) >= 69
    for change in base.changes:
        assert change.source.startswith("https://") and change.effective
        assert (change.matcher is None) == (change.covered_by is not None), change.id
    assert {f.id for f in base.facts} >= {"lambda-invocation-timeout", "xgboost-hardware"}


def test_retired_clients_are_absent_from_the_installed_botocore():
    catalog = load_catalog()
    data = load()
    assert data.retired and data.retired_compared["installed"]
    for retired in data.retired:
        assert retired.client not in catalog.services, retired.client


def test_entities_do_not_repeat_alias_table_names(catalog):
    from notelint.aws.names import NameIndex

    known = {entry.name.casefold() for entry in NameIndex(catalog).by_words.values()}
    raw = yaml.safe_load(data_text("knowledge", "entities.yaml"))
    names = [e["name"] for e in raw["entities"]]
    assert names == sorted(names, key=str.casefold)
    forms = [form for e in raw["entities"] for form in e.get("forms", ())]
    assert [f for f in forms if f.casefold() in known] == [], "forms the alias table already has"
