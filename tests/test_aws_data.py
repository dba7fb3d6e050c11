"""The curated alias table follows its schema."""

from __future__ import annotations

import yaml

from notelint.aws import aliases
from notelint.shipped import data_text


def _raw():
    return yaml.safe_load(data_text(*aliases.PATH))


def test_table_is_valid_sorted_and_unique():
    assert aliases.validate(_raw()) == []


def test_services_exist_in_botocore(catalog):
    for entry in aliases.load()["names"]:
        for service in entry["services"]:
            assert service in catalog.services, f"{entry['name']}: unknown botocore client {service}"


def test_validation_names_the_problem():
    data = _raw()
    data["names"] = [*data["names"], {"name": "Zzz", "vendor": "Amazn", "services": [], "source": "http://x", "extra": 1}]
    problems = aliases.validate(data)
    assert any("vendor" in p for p in problems)
    assert any("https" in p for p in problems)
    assert any("unknown key 'extra'" in p for p in problems)
