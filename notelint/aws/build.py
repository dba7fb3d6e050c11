"""Build the catalog's data from the installed botocore (the slow, cold path).

Only this module imports botocore.  It reads every service model through
botocore's own loader, so whatever botocore ships (plain or gzipped JSON) is
what notelint knows; nothing is typed in by hand.
"""

from __future__ import annotations

import re
from typing import Any

# Shapes whose enum lists instance types worth checking.
_INSTANCE_TYPE_ENUMS = {
    "ec2": ("InstanceType",),
    "sagemaker": (
        "TrainingInstanceType",
        "ProductionVariantInstanceType",
        "ProcessingInstanceType",
        "TransformInstanceType",
        "InstanceType",  # notebook instances
        "AppInstanceType",
        "ClusterInstanceType",
    ),
}
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# A product-like token: internal capitals (SageMaker, DynamoDB) or an acronym
# with lowercase (IoT); plain capitalised words (Amazon, Simple) are English.
_PRODUCT_TOKEN = re.compile(r"[A-Za-z0-9]*(?:[a-z0-9][A-Z]|[A-Z]{2}[a-z])[A-Za-z0-9]*")


def name_words(name: str) -> list[str]:
    """``DescribeTrainingJob`` -> describe, training, job (lowercase words of a name)."""
    return [w.lower() for w in _WORD.findall(name) if w.isalpha() and len(w) > 1]


def build_catalog_data() -> dict[str, Any]:
    import botocore
    from botocore import xform_name
    from botocore.exceptions import DataNotFoundError
    from botocore.loaders import Loader

    loader = Loader()
    services: dict[str, Any] = {}
    enums: dict[str, list[str]] = {}
    words: set[str] = set()
    product_names: dict[str, str] = {}
    for name in loader.list_available_services("service-2"):
        model = loader.load_service_model(name, "service-2")
        meta = model.get("metadata", {})
        operations = model.get("operations", {})
        shapes = model.get("shapes", {})
        entry: dict[str, Any] = {
            "id": meta.get("serviceId", ""),
            "full_name": meta.get("serviceFullName", ""),
            "abbreviation": meta.get("serviceAbbreviation", ""),
            "endpoint_prefix": meta.get("endpointPrefix", ""),
            "signing_name": meta.get("signingName") or meta.get("endpointPrefix", ""),
            "api_version": meta.get("apiVersion", ""),
            "operations": sorted(operations),
            "methods": sorted(xform_name(op) for op in operations),
            "deprecated": {
                op: spec.get("deprecatedMessage", "")
                for op, spec in sorted(operations.items())
                if spec.get("deprecated")
            },
            "exceptions": sorted(shape for shape, spec in shapes.items() if spec.get("exception")),
            "paginators": [],
            "waiters": [],
        }
        try:
            entry["paginators"] = sorted(loader.load_service_model(name, "paginators-1").get("pagination", {}))
        except DataNotFoundError:
            pass
        try:
            entry["waiters"] = sorted(loader.load_service_model(name, "waiters-2").get("waiters", {}))
        except DataNotFoundError:
            pass
        services[name] = entry
        for shape_name in _INSTANCE_TYPE_ENUMS.get(name, ()):
            values = shapes.get(shape_name, {}).get("enum")
            if values:
                enums[f"{name}:{shape_name}"] = sorted(values)
        for text in (name, meta.get("serviceId", ""), meta.get("serviceFullName", ""), *operations, *shapes):
            words.update(name_words(text))
        for label in (meta.get("serviceFullName", ""), meta.get("serviceAbbreviation", ""), meta.get("serviceId", "")):
            for token in label.split():
                token = token.strip("().,")
                if _PRODUCT_TOKEN.fullmatch(token):
                    product_names.setdefault(token.casefold(), token)

    endpoints = loader.load_data("endpoints")
    partitions = {}
    for partition in endpoints.get("partitions", []):
        partitions[partition["partition"]] = {
            "name": partition.get("partitionName", ""),
            "regions": sorted(partition.get("regions", {})),
            "region_regex": partition.get("regionRegex", ""),
        }
    return {
        "botocore_version": botocore.__version__,
        "services": services,
        "enums": enums,
        "partitions": partitions,
        "words": sorted(words),
        "product_names": dict(sorted(product_names.items())),
    }
