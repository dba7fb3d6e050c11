"""NL40x: API operation names checked against botocore's service models.

Operation-like names are read in prose, headings, link text and code spans
(see ``notelint.aws.operations``); code blocks are read by the NL41x-NL42x
rules (boto3 calls, CLI commands, IAM actions).  Every message names the
botocore version the name was checked against.
"""

from __future__ import annotations

from typing import Iterator

from notelint.aws import operations as ops
from notelint import suggest
from notelint.aws.catalog import Catalog, catalog_for
from notelint.diagnostic import Edit, Finding, Fix, Severity
from notelint.note import Note
from notelint.rule import Context, FixAvailability, example, rule

# services that talk about other services' calls (permissions, logs, audit,
# templates): naming one near an operation does not make it the owner
META_SERVICES = frozenset(
    {"iam", "sts", "cloudtrail", "cloudtrail-data", "cloudwatch", "logs", "events", "config", "kms",
     "organizations", "cloudformation"}
)


def _meta(catalog: Catalog) -> dict[str, str]:
    return {"botocore_version": catalog.botocore_version}


def _where(services: tuple[str, ...]) -> str:
    shown = ", ".join(services[:3])
    return shown + (f" and {len(services) - 3} more" if len(services) > 3 else "")


@rule(
    "NL401",
    "unknown-operation",
    Severity.ERROR,
    "An API operation name exists in no AWS service.",
    bad=example("* DescribeTrainingJobz returns the status of a training job.", title="Amazon S3"),
    good=example("* DescribeTrainingJob returns the status of a training job.", title="Amazon S3"),
)
def unknown_operation(note: Note, ctx: Context) -> Iterator[Finding]:
    """A PascalCase name that starts with an operation verb (Get, Put,
    Describe, Create ...) and is neither an operation of any service nor a
    shape, member, enum value or IAM action in botocore's models is reported,
    with the closest operations (those of the service the context names
    first).  CloudFormation functions (``GetAtt``) and Step Functions fields
    (``StartAt``) are known not to be operations.  A name the sentence says
    does not exist ("MoveObject API call is illegal") is a correct claim and
    is not reported; one it says does exist is NL406's."""
    catalog = catalog_for(ctx)
    for token in ops.operation_tokens(note, ctx):
        if token.kind != "unknown" or token.claim is not None:
            continue
        found = ops.suggestions(token.text, ctx, token.context_services)
        close = bool(found) and suggest.ratio(token.text, found[0]) >= ops.CLOSE_RATIO
        if not (close or token.api_word):
            continue  # an SDK class, a metric or a rule name, not meant as an operation
        start, end = token.span
        message = f"'{token.text}' is not an operation of any AWS service (botocore {catalog.botocore_version})"
        yield suggest.finding(start, end, message, found, _meta(catalog))


@rule(
    "NL402",
    "operation-case",
    Severity.WARNING,
    "An API operation is spelled right but cased wrong (Putobject).",
    bad=example("* Putobject uploads an object.", title="Amazon S3"),
    good=example("* PutObject uploads an object.", title="Amazon S3"),
    fix=FixAvailability.SOMETIMES,
)
def operation_case(note: Note, ctx: Context) -> Iterator[Finding]:
    """Operation names are PascalCase exactly as the service model writes
    them.  When one spelling matches, ignoring case, the fix writes it."""
    catalog = catalog_for(ctx)
    for token in ops.operation_tokens(note, ctx):
        if token.kind != "case":
            continue
        start, end = token.span
        canonical = token.canonical
        fix = None
        if len(canonical) == 1:
            fix = Fix((Edit(start, end, canonical[0]),), f"write '{canonical[0]}'")
        yield Finding(
            start,
            end,
            f"'{token.text}' is spelled right, wrong case: the operation is {' or '.join(canonical)} "
            f"({_where(token.services)}, botocore {catalog.botocore_version})",
            suggestions=canonical[:3],
            fix=fix,
            meta=_meta(catalog),
        )


@rule(
    "NL403",
    "operation-wrong-service",
    Severity.WARNING,
    "An operation exists, but not in the service its sentence names.",
    bad=example("* PutRecordBatch writes records to a Kinesis stream.", title="Amazon S3"),
    good=example("* PutRecords writes records to a Kinesis stream.", title="Amazon S3"),
)
def operation_wrong_service(note: Note, ctx: Context) -> Iterator[Finding]:
    """"PutRecordBatch on a Kinesis stream": PutRecordBatch is a Firehose
    operation; Kinesis Data Streams has PutRecord and PutRecords.  Reported
    when the sentence (or else the list item) names services and none of
    them, nor any service its headings or the note title name, has the
    operation."""
    catalog = catalog_for(ctx)
    for token in ops.operation_tokens(note, ctx):
        if token.kind != "known" or token.run.heading:
            continue
        named = tuple(s for s in token.near_services if s not in META_SERVICES)
        if not named or any(s in token.services for s in token.context_services):
            continue
        start, end = token.span
        found = ops.suggestions(token.text, ctx, named)
        found = tuple(op for op in found if any(op in catalog.operations(s) for s in named))
        message = (
            f"'{token.text}' is an operation of {_where(token.services)}, not of {_where(named)} "
            f"(botocore {catalog.botocore_version})"
        )
        yield suggest.finding(start, end, message, found, _meta(catalog))


@rule(
    "NL404",
    "deprecated-operation",
    Severity.WARNING,
    "An operation is marked deprecated in botocore's service model.",
    bad=example("* GetBucketLifecycle returns the lifecycle rules of a bucket.", title="Amazon S3"),
    good=example("* GetBucketLifecycleConfiguration returns the lifecycle rules of a bucket.", title="Amazon S3"),
)
def deprecated_operation(note: Note, ctx: Context) -> Iterator[Finding]:
    """botocore marks retired operations ``deprecated`` and usually says what
    replaces them; the message quotes it.  An operation that is deprecated in
    one service but current in another the context names is not reported."""
    catalog = catalog_for(ctx)
    for token in ops.operation_tokens(note, ctx):
        if token.kind != "known":
            continue
        services = [s for s in token.services if s in token.context_services] or list(token.services)
        messages = [catalog.deprecated(s).get(token.text) for s in services]
        if not all(message is not None for message in messages):
            continue
        start, end = token.span
        said = next((m for m in messages if m), "")
        yield Finding(
            start,
            end,
            f"'{token.text}' is deprecated in {_where(tuple(services))} (botocore {catalog.botocore_version})"
            + (f": {said}" if said else ""),
            meta=_meta(catalog),
        )


@rule(
    "NL405",
    "unknown-exception",
    Severity.ERROR,
    "An AWS error name is close to, but not, an exception shape of botocore's models.",
    bad=example("* Throttled writes fail with ProvisionedThroughputException.", title="Amazon DynamoDB"),
    good=example("* Throttled writes fail with ProvisionedThroughputExceededException.", title="Amazon DynamoDB"),
)
def unknown_exception(note: Note, ctx: Context) -> Iterator[Finding]:
    """Errors are shapes in the service models
    (``ProvisionedThroughputExceededException``).  A name ending in
    ``Exception`` that is no shape but is close to one is a misspelling and
    is reported with the real names; exceptions of other languages
    (``NullPointerException``) are close to none and are left alone."""
    catalog = catalog_for(ctx)
    for token in ops.operation_tokens(note, ctx):
        if token.kind != "exception":
            continue
        found = ops.exception_suggestions(token.text, catalog, token.context_services)
        if not found:
            continue
        start, end = token.span
        message = f"'{token.text}' is not an exception of any AWS service (botocore {catalog.botocore_version})"
        yield suggest.finding(start, end, message, found, _meta(catalog))


@rule(
    "NL406",
    "wrong-existence-claim",
    Severity.ERROR,
    "A sentence says an operation exists when it does not, or the reverse.",
    bad=example("* MoveObject is a valid S3 API.", title="Amazon S3"),
    good=example("* MoveObject API call is illegal.", title="Amazon S3"),
)
def wrong_existence_claim(note: Note, ctx: Context) -> Iterator[Finding]:
    """"MoveObject is a valid S3 API" and "S3 has no RenameObject API" are
    both wrong against the current model; "MoveObject API call is illegal"
    and "there is no MoveObject in S3" are right and not reported.  The
    service is the one the sentence names, if any."""
    catalog = catalog_for(ctx)
    for token in ops.operation_tokens(note, ctx):
        if token.claim is None or token.kind not in ("known", "unknown"):
            continue
        named = token.sentence_services
        exists = bool(token.services) and (not named or any(s in token.services for s in named))
        if exists == token.claim:
            continue
        start, end = token.span
        where = f" in {_where(named)}" if named else ""
        if token.claim:
            found = ops.suggestions(token.text, ctx, named or token.context_services)
            message = (
                f"the sentence says '{token.text}' exists, but botocore {catalog.botocore_version} "
                f"has no such operation{where}"
            )
        else:
            found = ()
            message = (
                f"the sentence says '{token.text}' does not exist, but it is an operation of "
                f"{_where(token.services)} in botocore {catalog.botocore_version}"
            )
        yield suggest.finding(start, end, message, found, _meta(catalog))


RULES = (
    unknown_operation,
    operation_case,
    operation_wrong_service,
    deprecated_operation,
    unknown_exception,
    wrong_existence_claim,
)
