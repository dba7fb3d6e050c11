"""What a correctness report holds, and its JSON form (``report.json``).

The model is built from a finished run (``collect.py``), compared with the
previous report (``delta.py``) and then only read: the HTML and Markdown
renderers show what is here and decide nothing.  ``to_dict``/``from_dict`` are
the versioned JSON form described by ``schema.json``; reading a finding back
is what lets a later report say which findings were fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

# Bump on any change that breaks a reader of report.json; schema.json matches.
SCHEMA_VERSION = 1

# Evidence keys a finding's ``meta`` may carry (see notelint.diagnostic), in the
# order the report shows them, with the label it shows.
EVIDENCE_LABELS = {
    "current_fact": "Current fact",
    "replacement": "Replacement",
    "kind": "Kind",
    "effective_date": "Effective date",
    "source": "Source",
    "botocore_version": "Checked against botocore",
}


@dataclass(frozen=True)
class Excerpt:
    """The text around a finding: its claim (visible text), heading, table
    cell or, outside those, its source lines; ``highlights`` are the
    ``(start, end)`` ranges of ``text`` the finding points at."""

    kind: str  # "claim" | "heading" | "cell" | "lines"
    text: str
    highlights: tuple[tuple[int, int], ...] = ()
    heading_path: tuple[str, ...] = ()

    @property
    def flagged(self) -> str:
        return " ".join(self.text[start:end] for start, end in self.highlights)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "highlights": [[start, end] for start, end in self.highlights],
            "heading_path": list(self.heading_path),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Excerpt:
        return cls(
            kind=str(data["kind"]),
            text=str(data["text"]),
            highlights=tuple((int(start), int(end)) for start, end in data["highlights"]),
            heading_path=tuple(str(part) for part in data["heading_path"]),
        )


@dataclass(frozen=True)
class Place:
    """A span in a note: where a finding is, or its other side (``related``)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Place:
        return cls(
            path=str(data["path"]),
            line=int(data["line"]),
            column=int(data["column"]),
            end_line=int(data["end_line"]),
            end_column=int(data["end_column"]),
        )


@dataclass(frozen=True)
class Side:
    """The other side of a finding (a contradiction's other claim, a duplicate's
    first copy); ``excerpt`` is None when that note could not be read."""

    place: Place
    message: str
    excerpt: Excerpt | None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.place.to_dict(),
            "message": self.message,
            "excerpt": None if self.excerpt is None else self.excerpt.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Side:
        excerpt = data["excerpt"]
        return cls(Place.from_dict(data), str(data["message"]), None if excerpt is None else Excerpt.from_dict(excerpt))


@dataclass(frozen=True)
class ReportedFinding:
    """One diagnostic as the report shows it.  ``status`` is "new",
    "unchanged" or "fixed" once compared with a previous report, else None."""

    code: str
    name: str
    severity: str
    place: Place
    message: str
    excerpt: Excerpt
    suggestions: tuple[str, ...] = ()
    fix: str | None = None  # description of the fix, when there is one
    fix_safe: bool = False
    meta: Mapping[str, Any] = field(default_factory=dict)
    related: tuple[Side, ...] = ()
    status: str | None = None

    @property
    def family(self) -> str:
        return self.code[:3]

    @property
    def evidence(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the evidence keys in ``meta``, in display order,
        leaving out what the message already says word for word, except the
        source, which the report shows as a link."""
        return [
            (label, str(self.meta[key]))
            for key, label in EVIDENCE_LABELS.items()
            if self.meta.get(key) not in (None, "") and (key == "source" or str(self.meta[key]) not in self.message)
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": self.severity,
            **self.place.to_dict(),
            "message": self.message,
            "excerpt": self.excerpt.to_dict(),
            "suggestions": list(self.suggestions),
            "fix": None if self.fix is None else {"description": self.fix, "safe": self.fix_safe},
            "meta": dict(self.meta),
            "related": [side.to_dict() for side in self.related],
            "status": self.status,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportedFinding:
        fix = data["fix"]
        return cls(
            code=str(data["code"]),
            name=str(data["name"]),
            severity=str(data["severity"]),
            place=Place.from_dict(data),
            message=str(data["message"]),
            excerpt=Excerpt.from_dict(data["excerpt"]),
            suggestions=tuple(str(s) for s in data["suggestions"]),
            fix=None if fix is None else str(fix["description"]),
            fix_safe=False if fix is None else bool(fix["safe"]),
            meta=dict(data["meta"]),
            related=tuple(Side.from_dict(side) for side in data["related"]),
            status=data.get("status"),
        )


@dataclass(frozen=True)
class Tally:
    """Findings counted by severity and by family prefix (NL1 ... NL6)."""

    by_severity: Mapping[str, int]
    by_family: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "by_severity": dict(self.by_severity), "by_family": dict(self.by_family)}


@dataclass(frozen=True)
class NoteSummary:
    path: str
    title: str | None
    claims: int
    flagged_claims: int  # claims with at least one warning or error
    score: int | None  # see score.py; None for a note without claims
    tally: Tally

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "claims": self.claims,
            "flagged_claims": self.flagged_claims,
            "score": self.score,
            "findings": self.tally.to_dict(),
        }


@dataclass(frozen=True)
class Family:
    """A rule family, how many of its rules ran and what they found."""

    prefix: str
    name: str
    rules: int  # enabled rules; 0 means the family was not checked
    findings: int

    def to_dict(self) -> dict[str, Any]:
        return {"prefix": self.prefix, "name": self.name, "rules": self.rules, "findings": self.findings}


@dataclass(frozen=True)
class Baseline:
    """What is known of the previous report a delta was computed against."""

    as_of: str | None
    botocore_version: str | None
    notelint_version: str | None
    generated_at: str | None
    findings: tuple[ReportedFinding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "botocore_version": self.botocore_version,
            "notelint_version": self.notelint_version,
            "generated_at": self.generated_at,
        }


@dataclass(frozen=True)
class Delta:
    baseline: Baseline
    new: int
    unchanged: int
    fixed: tuple[ReportedFinding, ...]  # previous findings no longer reported

    def to_dict(self) -> dict[str, Any]:
        return {
            "previous": self.baseline.to_dict(),
            "new": self.new,
            "fixed": len(self.fixed),
            "unchanged": self.unchanged,
            "fixed_findings": [finding.to_dict() for finding in self.fixed],
        }


@dataclass(frozen=True)
class FileProblem:
    path: str
    message: str


@dataclass(frozen=True)
class Report:
    notelint_version: str
    botocore_version: str
    as_of: str  # ISO date the claims were judged against
    generated_at: str | None  # only with --timestamp, so reports diff cleanly
    score_formula: str
    score: int | None
    families: tuple[Family, ...]
    notes: tuple[NoteSummary, ...]
    findings: tuple[ReportedFinding, ...]
    errors: tuple[FileProblem, ...] = ()
    delta: Delta | None = None
    no_delta_reason: str | None = None  # why there is no delta, when there is none

    @property
    def claims(self) -> int:
        return sum(note.claims for note in self.notes)

    @property
    def flagged_claims(self) -> int:
        return sum(note.flagged_claims for note in self.notes)

    @property
    def by_severity(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def findings_in(self, path: str) -> list[ReportedFinding]:
        return [finding for finding in self.findings if finding.place.path == path]

    def fix_first(self, limit: int) -> list[ReportedFinding]:
        """The findings to fix first: the most harmful to a reader (a wrong fact: a
        stale or contradictory claim, an API that does not exist; then a misspelt
        name or word; structure last), then the most severe, new before old, then by place."""
        rank = {"error": 0, "warning": 1, "info": 2}
        harm = {"NL4": 0, "NL5": 0, "NL6": 0, "NL2": 1, "NL3": 1, "NL1": 2}
        return sorted(
            self.findings, key=lambda f: (harm.get(f.code[:3], 1), rank[f.severity], f.status != "new")
        )[:limit]

    def to_dict(self) -> dict[str, Any]:
        """The JSON document; keys and their order are part of the format."""
        return {
            "schema_version": SCHEMA_VERSION,
            "notelint_version": self.notelint_version,
            "botocore_version": self.botocore_version,
            "as_of": self.as_of,
            "generated_at": self.generated_at,
            "summary": {
                "notes": len(self.notes),
                "claims": self.claims,
                "flagged_claims": self.flagged_claims,
                "score": self.score,
                "score_formula": self.score_formula,
                "findings": len(self.findings),
                "by_severity": self.by_severity,
            },
            "families": [family.to_dict() for family in self.families],
            "notes": [note.to_dict() for note in self.notes],
            "findings": [finding.to_dict() for finding in self.findings],
            "errors": [{"path": e.path, "message": e.message} for e in self.errors],
            "delta": None if self.delta is None else self.delta.to_dict(),
            "no_delta_reason": self.no_delta_reason,
        }
