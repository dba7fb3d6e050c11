"""The AWS catalog: service, operation and resource names from botocore, cached.

The first run builds it from botocore's service models (a few seconds) and
stores it in the user cache directory, keyed by the catalog schema, botocore's
version and notelint's version; later runs only read that JSON file.  The
cache is derived data: safe to delete, rebuilt when missing or corrupt, never
committed.  ``notelint catalog --info`` / ``--rebuild`` manage it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from notelint import __version__
from notelint.cache import cache_root, load_json, store_json
from notelint.rule import Context
from notelint.versions import botocore_version

# Bump when the shape of the cached data changes.
SCHEMA = 2


@dataclass(frozen=True)
class Service:
    name: str  # the botocore client name: "s3", "sagemaker-runtime"
    service_id: str  # "S3"
    full_name: str  # "Amazon Simple Storage Service"
    abbreviation: str  # "Amazon S3" (not every service has one)
    endpoint_prefix: str
    signing_name: str
    api_version: str


class Catalog:
    """Read-only view of the cached data, with indexes built on first use."""

    def __init__(self, data: dict[str, Any], path: Path | None = None):
        self.data = data
        self.path = path

    @property
    def botocore_version(self) -> str:
        return self.data["botocore_version"]

    @cached_property
    def services(self) -> dict[str, Service]:
        return {
            name: Service(
                name=name,
                service_id=spec["id"],
                full_name=spec["full_name"],
                abbreviation=spec["abbreviation"],
                endpoint_prefix=spec["endpoint_prefix"],
                signing_name=spec["signing_name"],
                api_version=spec["api_version"],
            )
            for name, spec in self.data["services"].items()
        }

    def operations(self, service: str) -> frozenset[str]:
        return self._operations.get(service, frozenset())

    @cached_property
    def _operations(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(spec["operations"]) for name, spec in self.data["services"].items()}

    @cached_property
    def operation_services(self) -> dict[str, tuple[str, ...]]:
        """Operation name -> the services that have it (``GetObject`` -> s3, mediastore-data)."""
        index: dict[str, list[str]] = {}
        for name, spec in self.data["services"].items():
            for operation in spec["operations"]:
                index.setdefault(operation, []).append(name)
        return {op: tuple(names) for op, names in index.items()}

    @cached_property
    def operations_by_casefold(self) -> dict[str, tuple[str, ...]]:
        """Lowercased operation name -> the canonical spellings (``putobject`` -> PutObject)."""
        index: dict[str, set[str]] = {}
        for operation in self.operation_services:
            index.setdefault(operation.casefold(), set()).add(operation)
        return {key: tuple(sorted(values)) for key, values in index.items()}

    def methods(self, service: str) -> frozenset[str]:
        return self._methods.get(service, frozenset())

    @cached_property
    def _methods(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(spec["methods"]) for name, spec in self.data["services"].items()}

    def deprecated(self, service: str) -> dict[str, str]:
        """Deprecated operations of a service, with botocore's message ('' if none)."""
        return self.data["services"].get(service, {}).get("deprecated", {})

    def exceptions(self, service: str) -> tuple[str, ...]:
        return tuple(self.data["services"].get(service, {}).get("exceptions", ()))

    def enum(self, key: str) -> frozenset[str]:
        """Values of an enum shape, e.g. ``enum("ec2:InstanceType")``."""
        return self._enums.get(key, frozenset())

    @cached_property
    def _enums(self) -> dict[str, frozenset[str]]:
        return {key: frozenset(values) for key, values in self.data["enums"].items()}

    @cached_property
    def regions(self) -> dict[str, str]:
        """Region code -> partition (``us-east-1`` -> aws)."""
        return {
            region: partition
            for partition, spec in self.data["partitions"].items()
            for region in spec["regions"]
        }

    @cached_property
    def words(self) -> frozenset[str]:
        """Lowercase words of every service, operation and shape name."""
        return frozenset(self.data["words"])

    @property
    def product_names(self) -> dict[str, str]:
        """Casefolded single-token product names -> canonical spelling (sagemaker -> SageMaker)."""
        return self.data["product_names"]

    def counts(self) -> dict[str, int]:
        services = self.data["services"].values()
        return {
            "services": len(self.data["services"]),
            "operations": sum(len(s["operations"]) for s in services),
            "deprecated operations": sum(len(s["deprecated"]) for s in services),
            "paginators": sum(len(s["paginators"]) for s in services),
            "waiters": sum(len(s["waiters"]) for s in services),
            "instance types (ec2)": len(self.data["enums"].get("ec2:InstanceType", ())),
            "regions": len(self.regions),
            "words": len(self.data["words"]),
        }


def catalog_path() -> Path:
    name = f"catalog-s{SCHEMA}-botocore-{botocore_version()}-notelint-{__version__}.json"
    return cache_root() / name


def _valid(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and data.get("schema") == SCHEMA
        and data.get("botocore_version") == botocore_version()
        and isinstance(data.get("services"), dict)
    )


def load_catalog(rebuild: bool = False) -> Catalog:
    """The catalog for the installed botocore: from the cache, else built and cached."""
    path = catalog_path()
    data = None if rebuild else load_json(path)
    if not _valid(data):
        from notelint.aws.build import build_catalog_data

        data = build_catalog_data()
        data["schema"] = SCHEMA
        store_json(path, data)
    return Catalog(data, path)


def catalog_for(ctx: Context) -> Catalog:
    """The run's catalog, loaded once and shared by every rule that needs it."""
    return ctx.shared("aws.catalog", load_catalog)
