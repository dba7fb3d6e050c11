"""The curated alias table names real botocore clients (its schema: tests/test_data_schemas.py)."""

from __future__ import annotations

from notelint.aws import aliases


def test_services_exist_in_botocore(catalog):
    for entry in aliases.load()["names"]:
        for service in entry["services"]:
            assert service in catalog.services, f"{entry['name']}: unknown botocore client {service}"
