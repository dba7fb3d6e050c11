#!/usr/bin/env python3
"""Generate notelint/data/knowledge/botocore-notices.yaml: the availability
notices that the installed botocore's service models carry in their
documentation ("Cloud9 is no longer available to new customers", "On November
20, 2025, AWS will discontinue support for Amazon CodeGuru Security", "A2I
entered maintenance mode in July 2026").

Read offline from the installed botocore: the documentation of every service,
operation, shape and shape member, and the ``deprecatedMessage`` of deprecated
operations.  Each notice records its kind, the sentence, where it was found
(the first place, and how many places repeat it), the date the sentence names
(if any), the botocore version and the documentation URL: a link the notice's
own paragraph names, else the API reference page of the operation or shape
(``docs.aws.amazon.com/goto/WebAPI/<model uid>/<name>``).

The notices are *derived*: this script decides nothing about their truth or
their scope.  notelint/data/knowledge/botocore-notices-review.yaml is the hand
review: every notice is either the source of an entry of changes.yaml (which
names it with ``notice:`` and says, in a matcher, what a claim must mention:
a notice about one parameter is not a notice about its service) or dropped
with a reason.  tests/claims/test_knowledge_botocore.py fails when the
committed file differs from what this script derives, when a notice is neither
used nor dropped, and when an entry names a notice that is gone.

    python scripts/botocore_notices.py            # rewrite the data file
    python scripts/botocore_notices.py --check    # exit 1 if it would change
"""

from __future__ import annotations

import argparse

import html
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import botocore
import botocore.session
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import derived_file  # scripts/derived_file.py

OUT = Path(__file__).resolve().parent.parent / "notelint" / "data" / "knowledge" / "botocore-notices.yaml"

# (kind, phrase): the first phrase a sentence contains decides its kind.  The
# phrases are whole availability statements, not bare words: "discontinues
# inspection" (Network Firewall) or "maintenance mode is enabled" (WorkSpaces)
# are not notices.
PHRASES: tuple[tuple[str, str], ...] = (
    ("closed-to-new-customers",
     (r"no longer (?:available|open) to new (?:customers|accounts)|no longer accepts? new customers"
      r"|not accepting new customers|no longer supported for new (?:customers|accounts)")),
    ("maintenance-mode", r"(?:entered|is in|are in|moved to|will enter) maintenance mode"),
    ("end-of-life",
     (r"end of support notice|(?:will|to) end support for|discontinued? support for|has discontinued"
      r"|(?:is|are|was|were|has been|have been|is now) discontinued|will be discontinued"
      r"|reached end of (?:life|support)|will reach end of (?:life|support)|will be retired")),
)
_PHRASE = [(kind, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for kind, pattern in PHRASES]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LONG = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})\b")
_DATE_MONTH = re.compile(rf"\b({_MONTHS})\s+(\d{{4}})\b")
_DATE_US = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ABOUT_AVAILABILITY = re.compile(
    r"availab|end-of-support|end-of-life|eol|maintenance|retire|discontinu|transition|migrat|service-availability",
    re.IGNORECASE)
_HREF = re.compile(r"""<a\s[^>]*href=["']([^"']+)["']""", re.IGNORECASE)


def plain(text: str | None) -> str:
    """Documentation as text: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text or "")).split())


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text) if s.strip()]


def notice_kind(sentence: str) -> str | None:
    for kind, pattern in _PHRASE:
        if pattern.search(sentence):
            return kind
    return None


def named_date(sentence: str) -> str | None:
    """The date a notice sentence names, as ISO (a month alone: ``YYYY-MM``)."""
    months = _MONTHS.split("|")
    if match := _DATE_LONG.search(sentence):
        return date(int(match[3]), months.index(match[1]) + 1, int(match[2])).isoformat()
    if match := _DATE_US.search(sentence):
        return date(int(match[3]), int(match[1]), int(match[2])).isoformat()
    if match := _DATE_MONTH.search(sentence):
        return f"{match[2]}-{months.index(match[1]) + 1:02d}"
    return None


def _documents(model: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(scope, where, html documentation) of a raw service model, in a stable order."""
    yield "service", "", model.get("documentation") or ""
    for name, operation in model["operations"].items():
        yield "operation", name, operation.get("documentation") or ""
        if operation.get("deprecatedMessage"):
            yield "operation", name, operation["deprecatedMessage"]
    for name, shape in model["shapes"].items():
        yield "shape", name, shape.get("documentation") or ""
        for member, spec in (shape.get("members") or {}).items():
            yield "member", f"{name}.{member}", spec.get("documentation") or ""


def _docs_url(uid: str | None, scope: str, where: str, paragraph: str) -> str:
    links = [url for url in _HREF.findall(paragraph) if url.startswith("https://")]
    about = [url for url in links if _ABOUT_AVAILABILITY.search(url)]
    if about:
        return about[0]  # the page about the notice, not a link to an alternative ("aws.amazon.com/dynamodb/")
    if not uid:
        return ""
    if scope == "service":
        return f"https://docs.aws.amazon.com/goto/WebAPI/{uid}"
    return f"https://docs.aws.amazon.com/goto/WebAPI/{uid}/{where.split('.')[0]}"


def derive(session: Any | None = None, loader: Any | None = None, version: str | None = None) -> dict[str, Any]:
    """The notices of the installed botocore, or of the service models ``loader`` reads (another
    release's data folder: scripts/botocore_diff.py), recorded as ``version``."""
    if loader is None:
        loader = (session or botocore.session.get_session()).get_component("data_loader")
    notices: list[dict[str, Any]] = []
    for service in sorted(loader.list_available_services("service-2")):
        model = loader.load_service_model(service, "service-2")
        uid = model["metadata"].get("uid")
        by_sentence: dict[str, dict[str, Any]] = {}
        for scope, where, documentation in _documents(model):
            if not documentation:
                continue
            for paragraph in re.split(r"</p>|<br\s*/?>|\n", documentation):
                for sentence in sentences(plain(paragraph)):
                    kind = notice_kind(sentence)
                    if kind is None:
                        continue
                    if sentence in by_sentence:
                        by_sentence[sentence]["places"] += 1
                        continue
                    entry: dict[str, Any] = {
                        "id": f"{service}:{where or 'service'}",
                        "kind": kind,
                        "service": service,
                        "scope": scope,
                        "where": where or service,
                        "sentence": sentence,
                    }
                    if when := named_date(sentence):
                        entry["date"] = when
                    entry["docs"] = _docs_url(uid, scope, where, paragraph)
                    entry["places"] = 1
                    by_sentence[sentence] = entry
        taken: dict[str, int] = {}
        for entry in by_sentence.values():
            base = entry["id"]
            taken[base] = taken.get(base, 0) + 1
            if taken[base] > 1:
                entry["id"] = f"{base}#{taken[base]}"
            notices.append(entry)
    return {
        "generated_by": "scripts/botocore_notices.py",
        "botocore_version": version or botocore.__version__,
        "notices": notices,
    }


def render(data: dict[str, Any]) -> str:
    header = (
        "# Derived data: availability notices in the installed botocore's service documentation.\n"
        "# Do not edit by hand; regenerate with `python scripts/botocore_notices.py` after upgrading\n"
        "# botocore, then review new notices in botocore-notices-review.yaml.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def main(argv: list[str] | None = None) -> int:
    def rendered(_args: argparse.Namespace) -> tuple[str, str]:
        data = derive()
        return render(data), f"{len(data['notices'])} notices, botocore {botocore.__version__}"

    return derived_file.run(__doc__, OUT, rendered, argv)


if __name__ == "__main__":
    sys.exit(main())
