"""NL3xx: AWS service and product names written in their canonical form.

The names come from the curated table ``notelint/data/aws/aliases.yaml``
(SageMaker, QuickSight, DynamoDB, Redshift Spectrum, Step Functions ...) and
from the product tokens of botocore's service names (AppSync, CodeArtifact).
Only prose and link text are read: code, URLs, paths and identifiers
(``sagemaker.Session``, ``s3://``) are left alone.  Words that are ordinary
English ("glue", "batch jobs", "data pipeline", "ground truth") are reported
only when a vendor prefix shows a product is meant ("aws glue").
"""

from __future__ import annotations

import re
from typing import Iterator

from notelint.aws.names import Mention, name_index
from notelint.aws.text import Run, runs
from notelint.diagnostic import Edit, Finding, Fix, Severity
from notelint.note import Note
from notelint.rule import Context, FixAvailability, example, rule

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def _canonical_vendor(written: str) -> str:
    return "AWS" if written.casefold() == "aws" else "Amazon"


def _case_fix(mention: Mention) -> str | None:
    """The canonical spelling of a mention written in the wrong case, or None."""
    entry = mention.entry
    written = mention.written
    if entry.form or mention.joined:
        return None
    if written.isupper() and len(written) > 3 and not entry.name.isupper():
        return None  # SHOUTED in a heading or a label
    if entry.name.isupper() and written.endswith("s") and written[:-1].isupper():
        return None  # "RDs": the plural of another acronym, not RDS
    vendor = mention.vendor_written
    vendor_ok = not vendor or vendor == _canonical_vendor(vendor)
    name = written
    if written != entry.name:
        if entry.loose:
            head, _, tail = written.partition(" ")
            canonical_head = entry.name.split(" ", 1)[0]
            name = canonical_head + (" " + tail if tail else "")
        else:
            name = entry.name
        if entry.english and not vendor:
            if written.islower():
                return None
            if written.split(" ", 1)[0] == entry.name.split(" ", 1)[0]:
                return None  # "Data pipeline design", "an open-source API gateway": generic use
    if name == written and vendor_ok:
        return None
    return (_canonical_vendor(vendor) + " " if vendor else "") + name


def _rewrite(span: tuple[int, int], message: str, canonical: str, replacement: str | None = None) -> Finding:
    """A finding whose safe fix writes the canonical form over ``span``."""
    text = canonical if replacement is None else replacement
    return Finding(
        span[0], span[1], message, suggestions=(canonical,), fix=Fix((Edit(span[0], span[1], text),), f"write '{text}'")
    )


def _span(mention: Mention) -> tuple[int, int]:
    start = mention.vendor_start if mention.vendor_start is not None else mention.start
    return start, mention.end


_OPTION_BEFORE = re.compile(r"(?:^|\s)--?[A-Za-z][\w-]*[ =]$")
_QUOTES = set("\"'“”‘’`")


def _literal(note: Note, run, mention: Mention) -> bool:
    """A name in quotes ("LeX"), or a lowercase name emphasised or alone in a
    cell or a link, is a value (a nickname, a bucket name, a connection type),
    not the product's name."""
    text = run.text
    before = text[mention.start - 1] if mention.start else ""
    after = text[mention.end] if mention.end < len(text) else ""
    if before in _QUOTES and after in _QUOTES:
        return True
    if not mention.written.islower() or mention.vendor_written:
        return False
    if _OPTION_BEFORE.search(text[: mention.start]):
        return True  # a command-line option's value: "-m ec2"
    possessive = text[mention.end : mention.end + 2] in ("'s", "’s")
    if before in _QUOTES or (after in _QUOTES and not possessive):
        return True
    if text.strip() == mention.written:
        return True
    src_start, src_end = run.span(mention.start, mention.end)
    marks = note.text[max(src_start - 1, 0) : src_start] + note.text[src_end : src_end + 1]
    return any(mark in "*_" for mark in marks)


def _mentions(note: Note, ctx: Context) -> list[tuple[Run, Mention]]:
    """Every AWS name in the note's prose, found once and shared by the NL3xx rules."""

    def find() -> list[tuple[Run, Mention]]:
        index = name_index(ctx)
        return [
            (run, mention)
            for run in runs(note, code_spans=False)
            for mention in index.mentions(run.text)
            if not _literal(note, run, mention)
        ]

    return note.cached("aws.mentions", find)


@rule(
    "NL301",
    "aws-name-case",
    Severity.WARNING,
    "An AWS service or product name is spelled right but cased wrong (Sagemaker, cloudwatch).",
    bad=example("* Quicksight reads data from Redshift spectrum and Elasticache.", title="Analytics"),
    good=example("* QuickSight reads data from Redshift Spectrum and ElastiCache.", title="Analytics"),
    fix=FixAvailability.ALWAYS,
)
def aws_name_case(note: Note, ctx: Context) -> Iterator[Finding]:
    """AWS names have one canonical spelling: SageMaker, QuickSight,
    ElastiCache, CloudWatch, Redshift Spectrum, AWS Step Functions.  A name
    spelled right in the wrong case is reported with its canonical form as a
    safe fix.  Names that are ordinary English words are left alone in
    lowercase unless a vendor prefix is written ("aws step functions"), and
    the generic tail of names like "CloudWatch logs" is not checked."""
    for run, mention in _mentions(note, ctx):
        canonical = _case_fix(mention)
        if canonical is None:
            continue
        start, end = _span(mention)
        written = run.text[start:end]
        yield _rewrite(run.span(start, end), f"'{written}' is spelled right, wrong case: AWS writes '{canonical}'", canonical)


@rule(
    "NL302",
    "aws-name-spacing",
    Severity.WARNING,
    "An AWS name that is one word is written as two (Dynamo DB, Document DB).",
    bad=example("* Dynamo DB and Document DB are NoSQL databases.", title="Analytics"),
    good=example("* DynamoDB and DocumentDB are NoSQL databases.", title="Analytics"),
    fix=FixAvailability.ALWAYS,
)
def aws_name_spacing(note: Note, ctx: Context) -> Iterator[Finding]:
    """DynamoDB, DocumentDB, SageMaker, QuickSight, CloudWatch and the other
    one-word names are reported when split in two ("Dynamo DB", "Quick
    Sight").  A split written all in lowercase ("quick sight") is reported
    only after a vendor prefix or when the note also uses the one-word name."""
    seen_tokens: set[str] | None = None
    for run, mention in _mentions(note, ctx):
        if not mention.joined:
            continue
        if mention.written.islower() and not mention.vendor_written:
            if seen_tokens is None:
                seen_tokens = {t.casefold() for r in runs(note) for t in _TOKEN.findall(r.text)}
            if mention.entry.name.casefold() not in seen_tokens:
                continue
        canonical = mention.entry.name
        message = f"'{mention.written}' is one word: AWS writes '{canonical}'"
        yield _rewrite(run.span(mention.start, mention.end), message, canonical)


@rule(
    "NL303",
    "aws-name-vendor",
    Severity.INFO,
    "A service is prefixed with the wrong vendor name (AWS S3 for Amazon S3).",
    bad=example("* AWS S3 stores the files that Amazon Glue catalogs.", title="Analytics"),
    good=example("* Amazon S3 stores the files that AWS Glue catalogs.", title="Analytics"),
    fix=FixAvailability.ALWAYS,
)
def aws_name_vendor(note: Note, ctx: Context) -> Iterator[Finding]:
    """AWS names some services "Amazon ..." (Amazon S3, Amazon SageMaker) and
    others "AWS ..." (AWS Glue, AWS Lambda); the curated table records which.
    Informational: the wrong prefix is common and harmless, but the canonical
    one is what the documentation and the exam use."""
    for run, mention in _mentions(note, ctx):
        entry = mention.entry
        vendor = mention.vendor_written
        if not vendor or mention.vendor_start is None or entry.form or entry.vendor not in ("Amazon", "AWS"):
            continue
        if vendor.casefold() == entry.vendor.casefold():
            continue
        start = mention.vendor_start
        canonical = f"{entry.vendor} {entry.name}"
        message = f"'{vendor} {mention.written}': AWS writes '{canonical}'"
        yield _rewrite(run.span(start, start + len(vendor)), message, canonical, entry.vendor)


RULES = (aws_name_case, aws_name_spacing, aws_name_vendor)
