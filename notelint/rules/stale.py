"""NL5xx: stale claims, judged against the knowledge base and botocore's own data.

Every finding gives the date of the change, the current fact, the replacement
and the source.  A change after the note's ``reviewed`` date makes a claim
stale; one before it means the claim was already wrong when reviewed (an error
for capabilities and limits).  ``--as-of`` (default today) decides which
changes have happened.  The analysis is shared: ``claims.staleness``.
"""

from __future__ import annotations

from typing import Iterator

from notelint.claims import prepare
from notelint.diagnostic import Finding, Severity
from notelint.note import Note
from notelint.rule import Context, FixAvailability, example, rule


def _from_analysis(kinds: tuple[str, ...]):
    def check(note: Note, ctx: Context) -> Iterator[Finding]:
        from notelint.claims.staleness import stale_findings

        found = stale_findings(note, ctx)
        for kind in kinds:
            yield from found.get(kind, ())

    return check


def _declare(code, name, kinds, severity, summary, bad, good, doc, fix=FixAvailability.NEVER):
    """A rule that reports the stale-claim analysis's findings of these kinds: the
    knowledge base's `kind` values, or the analysis's own (``claims.staleness``'s
    NOT_LATEST_GENERATION and RETIRED_CLIENT)."""
    check = _from_analysis(kinds)
    check.__doc__ = doc
    check.kinds = kinds  # read by the test that every kind the analysis yields has one rule
    return rule(code, name, severity, summary, bad=bad, good=good, fix=fix, prepare=prepare)(check)


renamed_service = _declare(
    "NL501",
    "renamed-service",
    ("renamed",),
    Severity.WARNING,
    "A service or product is named by a name AWS has since changed.",
    example("* Kinesis Data Firehose converts JSON to Parquet.", reviewed="2021-06-01"),
    example("* Amazon Data Firehose (formerly Kinesis Data Firehose) converts JSON to Parquet.", reviewed="2021-06-01"),
    """A note that uses a service's old name (CloudWatch Events, Kinesis Data
    Analytics, Amazon Elasticsearch Service) sends its reader looking for
    something AWS no longer calls that.  The finding gives the new name, the
    date and the source; where the new name is unambiguous the fix writes it.
    A sentence that itself says "formerly", "renamed" or "now called" is not
    reported; a rename is reported once per note, at the first mention, and
    never on a longer product name that kept its own ("Amazon SageMaker
    Python SDK").""",
    fix=FixAvailability.SOMETIMES,  # where the new name is unambiguous
)

end_of_life = _declare(
    "NL502",
    "end-of-life",
    ("end-of-life",),
    Severity.ERROR,
    "A claim relies on a service or feature that has reached end of life.",
    example("* DeepLens: a deep-learning video camera integrated with SageMaker.", reviewed="2021-06-01"),
    example("* DeepLens was a deep-learning video camera; AWS retired it on 2024-01-31.", reviewed="2021-06-01"),
    """Study notes that teach a retired service (DeepLens, QLDB, Elastic
    Inference, Kinesis Data Analytics for SQL) teach something that can no
    longer be used.  The finding says when it ended and what replaces it.""",
)

closed_to_new_customers = _declare(
    "NL503",
    "closed-to-new-customers",
    ("closed-to-new-customers", "maintenance-mode"),
    Severity.WARNING,
    "A claim recommends a service that no longer takes new customers.",
    example("* AWS Data Pipeline orchestrates jobs on EC2 and EMR.", reviewed="2021-06-01"),
    example("* AWS Data Pipeline (closed to new customers since 2024) orchestrated jobs on EC2 and EMR.", reviewed="2021-06-01"),
    """Services closed to new customers or in maintenance mode (Data Pipeline,
    Forecast, S3 Select) still work for existing users, but a new reader cannot
    start using them; the finding names the alternatives AWS recommends.""",
)

capability_changed = _declare(
    "NL504",
    "capability-changed",
    ("capability-added",),
    Severity.WARNING,
    "A claim says a service lacks something it has since gained.",
    example("* XGBoost: only CPU", reviewed="2021-06-01"),
    example("* XGBoost: trains on CPU or GPU instances", reviewed="2021-06-01"),
    """"XGBoost trains only on CPU" and "Autopilot needs CSV" were once true.
    A claim about a capability that changed after the note's review date is
    stale (a warning); one that changed before it was already wrong when the
    note was reviewed (an error).""",
)

limit_changed = _declare(
    "NL505",
    "limit-changed",
    ("limit-changed",),
    Severity.WARNING,
    "A claim gives a limit that AWS has since changed.",
    example("* Lambda functions have at most 3,008 MB of memory.", reviewed="2019-06-01"),
    example("* Lambda functions have at most 10,240 MB of memory.", reviewed="2019-06-01"),
    """Quotas move (Lambda memory, SQS message size); the finding gives the
    current limit, the date it changed and the source.""",
)

not_latest_generation = _declare(
    "NL506",
    "not-latest-generation",
    ("not-latest-generation",),
    Severity.WARNING,
    "An instance family is called the latest generation while botocore lists newer ones.",
    example("* EC2 P4 instances are the latest generation of GPU instances.", reviewed="2021-06-01"),
    example("* EC2 P4 instances were a GPU generation for ML training.", reviewed="2021-06-01"),
    """"P4 instances are the latest generation" is checked against the EC2
    instance types of the installed botocore: when the same family letter
    has a newer generation (p5, p6-b200), the claim is out of date.""",
)

retired_service = _declare(
    "NL507",
    "retired-service",
    ("retired-client",),
    Severity.WARNING,
    "A claim names a service whose client botocore has removed.",
    example("* Amazon Honeycode builds team apps without code.", reviewed="2021-06-01"),
    example("* Amazon Honeycode was discontinued; build such apps with App Studio.", reviewed="2021-06-01"),
    """AWS removes a service's client from botocore (and the SDKs) when it
    retires the service.  The list of removed clients is derived by
    `scripts/retired_botocore_clients.py` from old botocore releases, with the
    release that dropped each one.""",
)

wrong_claim = _declare(
    "NL508",
    "wrong-claim",
    ("wrong-claim", "naming"),
    Severity.ERROR,
    "A claim contradicts a sourced fact in the knowledge base.",
    example("* Firehose can convert CSV or JSON to Parquet.", reviewed="2025-06-01"),
    example("* Firehose can convert JSON to Parquet; CSV needs a Lambda transform first.", reviewed="2025-06-01"),
    """Some claims were never right, or use the wrong term for a feature
    ("speaker identification" in Transcribe is speaker diarization); the
    knowledge base records the fact and its source.""",
)


RULES = (
    renamed_service,
    end_of_life,
    closed_to_new_customers,
    capability_changed,
    limit_changed,
    not_latest_generation,
    retired_service,
    wrong_claim,
)
