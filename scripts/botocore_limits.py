#!/usr/bin/env python3
"""Generate notelint/data/knowledge/botocore-limits.yaml: the limits that the
installed botocore's service models state for a hand-picked set of settings
that study notes quote (Lambda memory and timeout, Kinesis record size and
retention, CloudWatch dimensions, ...).

Two kinds of evidence are read, both offline from the installed botocore:

* the ``min`` / ``max`` constraint of a shape (``lambda`` ``MemorySize``:
  128 to 32,768);
* *limit sentences* in the documentation of the shape, of the member that
  uses it, or of an operation ("the maximum allowed value is 1,800 seconds",
  "The maximum value of a stream's retention period is 8760 hours"), with
  their number and unit.

The selection below is reviewed by hand: which setting a note's "Lambda
memory" means, in which unit the model counts it.  The numbers are not: they
are whatever the installed botocore says, and the file records its version.
tests/claims/test_knowledge_botocore.py fails when the committed file differs
from what this script derives from the installed botocore, and when a fact
in facts.yaml disagrees with it, so a botocore upgrade names the facts that
went stale.

    python scripts/botocore_limits.py            # rewrite the data file
    python scripts/botocore_limits.py --check    # exit 1 if it would change
"""

from __future__ import annotations

import argparse

import html
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

import botocore
import botocore.session
import yaml
from botocore.model import ServiceModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
import derived_file  # scripts/derived_file.py

OUT = Path(__file__).resolve().parent.parent / "notelint" / "data" / "knowledge" / "botocore-limits.yaml"


class Selected(NamedTuple):
    id: str
    subject: str  # the name notes use (alias table or entities.yaml)
    attribute: str  # what claims.assertions calls the limit (memory, duration, payload, retention, dimensions ...)
    service: str  # botocore client
    shape: str | None  # the constrained shape, if any
    operation: str | None  # an operation whose input member or own documentation states the limit
    member: str | None  # that operation's input member
    unit: str  # the unit the model counts in: s, MB, B, KiB, h, count
    docs: str  # the API reference page of the operation or shape


SELECTION = (
    Selected("lambda-memory", "Lambda", "memory", "lambda", "MemorySize", "CreateFunction", "MemorySize", "MB",
             "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html"),
    Selected("lambda-timeout", "Lambda", "duration", "lambda", "Timeout", "CreateFunction", "Timeout", "s",
             "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html"),
    Selected("lambda-ephemeral-storage", "Lambda", "ephemeral-storage", "lambda", "EphemeralStorageSize",
             "CreateFunction", "EphemeralStorage", "MB",
             "https://docs.aws.amazon.com/lambda/latest/api/API_EphemeralStorage.html"),
    Selected("kinesis-record-size", "Kinesis Data Streams", "payload", "kinesis", "Data", "PutRecord", "Data", "B",
             "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html"),
    Selected("kinesis-max-record-size-setting", "Kinesis Data Streams", "payload", "kinesis", "MaxRecordSizeInKiB",
             "UpdateMaxRecordSize", "MaxRecordSizeInKiB", "KiB",
             "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateMaxRecordSize.html"),
    Selected("kinesis-retention", "Kinesis Data Streams", "retention", "kinesis", "RetentionPeriodHours",
             "IncreaseStreamRetentionPeriod", None, "h",
             "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_IncreaseStreamRetentionPeriod.html"),
    Selected("cloudwatch-dimensions", "CloudWatch", "dimensions", "cloudwatch", "Dimensions", "PutMetricData", None,
             "count", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html"),
    Selected("firehose-buffer-interval", "Data Firehose", "buffer-interval", "firehose", "IntervalInSeconds", None, None,
             "s", "https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html"),
)

_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
_UNITS = r"seconds?|minutes?|hours?|days?|MB|MiB|GB|GiB|KiB|KB|bytes?|dimensions"
# "maximum allowed value is 1,800 seconds", "maximum value of a stream's retention period is 8760 hours",
# "up to 30 dimensions per metric", "between 512 and 10,240 MB", "maximum is 32,768 MB"
_SENTENCE = re.compile(r"[^.]*?\b(?:maximum|max|up\s+to|between)\b[^.]*?(?:\d[^.]*?)(?:\.(?=\s|$)|$)", re.IGNORECASE)
_VALUE = re.compile(rf"(?P<number>{_NUMBER})\s*(?P<unit>{_UNITS})\b", re.IGNORECASE)


def plain(text: str | None) -> str:
    """Documentation as text: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text or "")).split())


def limit_sentences(text: str) -> list[dict[str, Any]]:
    """Sentences of ``text`` that state a limit, each with the quantities it names."""
    found = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        values = [{"value": int(v.group("number").replace(",", "")), "unit": v.group("unit")}
                  for v in _VALUE.finditer(sentence)]
        if values:
            found.append({"sentence": sentence, "values": values})
    return found


def derive(session: Any | None = None, loader: Any | None = None, version: str | None = None) -> dict[str, Any]:
    """The limits of the installed botocore, or of the service models ``loader`` reads (another
    release's data folder: scripts/botocore_diff.py), recorded as ``version``."""
    if loader is None:
        session = session or botocore.session.get_session()

        def model_of(service: str) -> Any:
            return session.get_service_model(service)
    else:
        def model_of(service: str) -> Any:
            return ServiceModel(loader.load_service_model(service, "service-2"), service_name=service)
    limits = []
    for item in SELECTION:
        model = model_of(item.service)
        entry: dict[str, Any] = {
            "id": item.id, "subject": item.subject, "attribute": item.attribute, "service": item.service,
            "unit": item.unit, "docs": item.docs,
        }
        texts = []
        if item.shape:
            shape = model.shape_for(item.shape)
            entry["shape"] = item.shape
            for bound in ("min", "max"):
                if bound in shape.metadata:
                    entry[bound] = shape.metadata[bound]
            texts.append(plain(shape.documentation))
        if item.operation:
            operation = model.operation_model(item.operation)
            entry["operation"] = item.operation
            if item.member:
                entry["member"] = item.member
                texts.append(plain(operation.input_shape.members[item.member].documentation))
            else:
                texts.append(plain(operation.documentation))
        sentences = [s for text in texts for s in limit_sentences(text)]
        if sentences:
            entry["documented"] = sentences
        limits.append(entry)
    return {
        "generated_by": "scripts/botocore_limits.py",
        "botocore_version": version or botocore.__version__,
        "limits": limits,
    }


def render(data: dict[str, Any]) -> str:
    header = (
        "# Derived data: limits that the installed botocore's service models state, for settings\n"
        "# study notes quote.  Do not edit by hand; regenerate with `python scripts/botocore_limits.py`\n"
        "# after upgrading botocore (the selection is reviewed by hand in the script).\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def main(argv: list[str] | None = None) -> int:
    def rendered(_args: argparse.Namespace) -> tuple[str, str]:
        data = derive()
        return render(data), f"{len(data['limits'])} limits, botocore {botocore.__version__}"

    return derived_file.run(__doc__, OUT, rendered, argv)


if __name__ == "__main__":
    sys.exit(main())
