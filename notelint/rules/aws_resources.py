"""NL44x: instance types and regions checked against botocore's data.

EC2 instance types come from the ``InstanceType`` enum of the ec2 model;
SageMaker ones (``ml.`` prefix) from the sagemaker enums of training,
hosting, processing, batch transform, notebook, Studio app and HyperPod
instance types; regions from botocore's ``endpoints.json`` and
``partitions.json``.  Enums keep retired values (``ml.eia1.medium``), so
these rules catch names that never existed, not ones that were retired.
"""

from __future__ import annotations

import re
from typing import Iterator

from notelint import suggest
from notelint.aws.catalog import Catalog, catalog_for
from notelint.aws.close import close_names
from notelint.aws.text import Run, runs
from notelint.diagnostic import Finding, Severity
from notelint.memo import TextMemo
from notelint.note import Note
from notelint.rule import Context, example, rule

_INSTANCE = re.compile(
    r"(?<![\w.\-/])((?:ml\.)?([a-z][a-z0-9-]*\d[a-z0-9-]*)\.((?:\d+|\d*)x?(?:nano|micro|small|medium|large|xlarge)"
    r"|metal(?:-\d+xl)?))(?![\w-]|\.[a-z0-9])",
    re.IGNORECASE,
)
_REGION = re.compile(
    r"(?<![\w-])((?:us|eu|ap|sa|ca|me|af|il|mx|cn|eusc)(?:-gov|-iso[a-z]?)?-"
    r"(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2})([a-z])?(?![\w-])"
)
# What every instance type and every region holds, searched first: the two patterns above open with
# a look-behind, so the regex engine tries them at every character of every text (code blocks
# too), while these open with a literal "." or "-" that it scans for in C; a text without one
# (nine in ten) cannot hold a match.  Each is the part of its pattern that no match can lack,
# with the same flags: ".2xlarge" or ".metal" after the family, "-east" and the like in a region.
_SIZE_AFTER_DOT = re.compile(r"\.(?:\d*x?(?:nano|micro|small|medium|large|xlarge)|metal)", re.IGNORECASE)
_REGION_DIRECTION = re.compile(r"-(?:north|south|east|west|central)")
# what a sentence says an ml. instance is for, and the enum that lists the allowed types
PURPOSES = {
    "sagemaker:TrainingInstanceType": re.compile(r"\b(?:train(?:ing|s|ed)?|estimators?)\b", re.I),
    "sagemaker:ProductionVariantInstanceType": re.compile(r"\b(?:endpoints?|hosting|real-time inference)\b", re.I),
    "sagemaker:InstanceType": re.compile(r"\bnotebook instances?\b", re.I),
    "sagemaker:ProcessingInstanceType": re.compile(r"\bprocessing jobs?\b", re.I),
    "sagemaker:TransformInstanceType": re.compile(r"\b(?:batch transform|transform jobs?)\b", re.I),
}


def _meta(catalog: Catalog) -> dict[str, str]:
    return {"botocore_version": catalog.botocore_version}


def _sagemaker_types(catalog: Catalog, ctx: Context) -> frozenset[str]:
    return ctx.shared("aws.sagemaker-instance-types", lambda: frozenset().union(
        *(catalog.enum(k) for k in catalog.instance_purposes if k.startswith("sagemaker:"))
    ))


def _ec2_families(catalog: Catalog, ctx: Context) -> frozenset[str]:
    return ctx.shared("aws.ec2-instance-families", lambda: frozenset(_family(t) for t in catalog.enum("ec2:InstanceType")))


def _family(instance_type: str) -> str:
    parts = instance_type.split(".")
    return parts[-2] if len(parts) >= 2 else ""


# the instance types written in a text, kept by the text (an editor's re-check meets the same texts)
_INSTANCES_IN: TextMemo[tuple[re.Match[str], ...]] = TextMemo(
    lambda text: tuple(_INSTANCE.finditer(text)) if _SIZE_AFTER_DOT.search(text) else ()
)


def _instances(note: Note) -> Iterator[tuple[Run, re.Match[str]]]:
    for run in runs(note, code_blocks=True):
        for match in _INSTANCES_IN(run.text):
            yield run, match


@rule(
    "NL440",
    "unknown-instance-type",
    Severity.ERROR,
    "An EC2 or SageMaker instance type does not exist.",
    bad=example("* Train on ml.p3.4xlarge for a single-GPU job.", title="SageMaker training"),
    good=example("* Train on ml.p3.2xlarge for a single-GPU job.", title="SageMaker training"),
)
def unknown_instance_type(note: Note, ctx: Context) -> Iterator[Finding]:
    """``ml.p3.4xlarge`` looks right but P3 comes in 2xlarge, 8xlarge and
    16xlarge.  A type with the ``ml.`` prefix is checked against every
    SageMaker instance type enum, one without against EC2's ``InstanceType``;
    the closest real types of the same family are suggested."""
    catalog = catalog_for(ctx)
    sagemaker = _sagemaker_types(catalog, ctx)
    ec2 = catalog.enum("ec2:InstanceType")
    ec2_families = _ec2_families(catalog, ctx)
    for run, match in _instances(note):
        name, family = match.group(1), match.group(2)
        if name != name.lower():
            if name.lower() in sagemaker or name.lower() in ec2:
                start, end = run.span(match.start(1), match.end(1))
                message = f"'{name}' is an instance type written in the wrong case: AWS accepts only '{name.lower()}'"
                yield suggest.finding(start, end, message, (name.lower(),), _meta(catalog))
            continue  # not an instance type in another case: a file name, a host, a heading in capitals
        known = sagemaker if name.startswith("ml.") else ec2
        if name in known:
            continue
        if not name.startswith("ml.") and family not in ec2_families and not re.fullmatch(r"[a-z]{1,3}\d[a-z]{0,3}", family):
            continue  # not meant as an instance type (a file or host name)
        pool = [t for t in known if _family(t) == family] or [t for t in known if t[:4] == name[:4]]
        close = close_names(name, pool, cutoff=0.5)
        start, end = run.span(match.start(1), match.end(1))
        kind = "a SageMaker" if name.startswith("ml.") else "an EC2"
        message = f"'{name}' is not {kind} instance type (botocore {catalog.botocore_version})"
        yield suggest.finding(start, end, message, close, _meta(catalog))


@rule(
    "NL441",
    "instance-type-purpose",
    Severity.WARNING,
    "A SageMaker instance type is used for a job its enum does not allow.",
    bad=example("* Run the training job on ml.inf1.xlarge instances.", title="SageMaker training"),
    good=example("* Host the endpoint on ml.inf1.xlarge instances.", title="SageMaker training"),
)
def instance_type_purpose(note: Note, ctx: Context) -> Iterator[Finding]:
    """SageMaker lists the instance types allowed for each kind of job
    separately: Inferentia (``ml.inf1``) is for hosting only, ``ml.t2`` is
    for notebooks and endpoints.  When a sentence names exactly one purpose
    (training, endpoint/hosting, notebook, processing, batch transform) and
    the type is not in that purpose's enum, it is reported."""
    catalog = catalog_for(ctx)
    sagemaker = _sagemaker_types(catalog, ctx)
    by_sentence: dict[tuple[int, int], list[str]] = {}  # (block, sentence start): its purposes
    for run, match in _instances(note):
        name = match.group(1)
        if not name.startswith("ml.") or name not in sagemaker or run.kind == "block":
            continue
        key = (id(run.block_text), run.offset + run.sentence_bounds(match.start())[0])
        if key not in by_sentence:  # once per sentence, not per type in it (quadratic in a long one)
            sentence = run.sentence(match.start())
            by_sentence[key] = [purpose for purpose, pattern in PURPOSES.items() if pattern.search(sentence)]
        purposes = by_sentence[key]
        if len(purposes) != 1 or name in catalog.enum(purposes[0]):
            continue
        purpose = catalog.instance_purposes[purposes[0]]
        allowed = [catalog.instance_purposes[k] for k in PURPOSES if name in catalog.enum(k)]
        start, end = run.span(match.start(1), match.end(1))
        yield Finding(
            start,
            end,
            f"'{name}' is not a {purpose} instance type; SageMaker allows it for {', '.join(allowed) or 'other uses'} "
            f"(botocore {catalog.botocore_version})",
            meta=_meta(catalog),
        )


@rule(
    "NL442",
    "unknown-region",
    Severity.ERROR,
    "An AWS region code does not exist.",
    bad=example("* The bucket lives in us-east-3.", title="Regions"),
    good=example("* The bucket lives in us-east-2.", title="Regions"),
)
def unknown_region(note: Note, ctx: Context) -> Iterator[Finding]:
    """Region codes (``us-east-1``, ``eu-central-2``) and availability zones
    (``us-east-1a``) are checked against botocore's partitions."""
    catalog = catalog_for(ctx)
    regions = catalog.regions
    for run in runs(note, code_blocks=True):
        for match in _REGION.finditer(run.text) if _REGION_DIRECTION.search(run.text) else ():
            region = match.group(1)
            if region in regions:
                if match.group(2) and _names_a_region(run.text, match.start(), match.end()):
                    zone = match.group(0)
                    start, end = run.span(match.start(), match.end())
                    message = f"'{zone}' is an Availability Zone, not a Region: the Region is '{region}'"
                    yield suggest.finding(start, end, message, (region,), _meta(catalog))
                continue
            close = suggest.close(region, [r for r in regions if r[:2] == region[:2]], cutoff=0.8)
            start, end = run.span(match.start(1), match.end(1))
            message = f"'{region}' is not an AWS region (botocore {catalog.botocore_version})"
            yield suggest.finding(start, end, message, close, _meta(catalog))


# where a Region is asked for: "the us-east-1a region", "--region us-east-1a", region_name="us-east-1a", AWS_REGION=
_REGION_BEFORE = re.compile(r"(?:\bregion(?:_name)?\s*[=:]\s*['\"]?|--region[= ]\s*|AWS_(?:DEFAULT_)?REGION\s*=\s*['\"]?|\bregions?\s+(?:of\s+|is\s+|as\s+)?['\"`]?)$", re.I)
_REGION_AFTER = re.compile(r"['\"`]?\s+regions?\b", re.I)


def _names_a_region(text: str, start: int, end: int) -> bool:
    """Is the zone at ``text[start:end]`` written where a Region is meant?"""
    return bool(_REGION_BEFORE.search(text[max(0, start - 40) : start]) or _REGION_AFTER.match(text, end))


RULES = (unknown_instance_type, instance_type_purpose, unknown_region)
