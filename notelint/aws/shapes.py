"""The parameters an operation takes, read on demand from the installed botocore's model.

The catalog keeps names only (services, operations, methods); the input
members of ~20,000 operations would triple it, and only notes with boto3
calls need them, so one service's table is made when a call to it is checked
(botocore's own loader, offline) and kept in the derived-data store
(``notelint.derived``, keyed by botocore's version): reading and decoding a
service model costs 2-90 ms (ec2, sagemaker and iam the most), and importing
botocore's session ~180 ms more, in every process that checks such a call;
the stored table loads in about a millisecond (sagemaker's 434 operations).
"""

from __future__ import annotations

from notelint.rule import Context


def input_members(ctx: Context, service: str, operation: str) -> frozenset[str] | None:
    """The top-level input member names of ``operation`` of ``service`` (None if botocore cannot say)."""
    models = ctx.shared("aws.input-members", dict)
    if service not in models:
        from notelint.derived import stored

        models[service] = stored(f"input-members-{service}", lambda: _load(service))
    table = models[service]
    return None if table is None else table.get(operation)


def _load(service: str) -> dict[str, frozenset[str]] | None:
    import botocore.session
    from botocore.exceptions import UnknownServiceError

    try:
        model = botocore.session.get_session().get_service_model(service)
    except UnknownServiceError:
        return None
    table: dict[str, frozenset[str]] = {}
    for name in model.operation_names:
        shape = model.operation_model(name).input_shape
        table[name] = frozenset(shape.members) if shape is not None else frozenset()
    return table
