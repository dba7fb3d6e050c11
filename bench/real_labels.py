"""Read and validate the labelled real-world set (tests/fixtures/real/labels/*.tsv).

Stand-alone on purpose: it imports nothing from notelint, so that labellers can
check their rows without running the tool they are labelling for.

    python bench/real_labels.py [LABELS.tsv ...]     # default: every labels/*.tsv
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
LABELS_DIR = REAL / "labels"

COLUMNS = (
    "file", "line", "category", "subtype", "token", "expected",
    "why", "confidence", "date", "source", "related",
)

SUBTYPES: dict[str, tuple[str, ...]] = {
    "spelling": ("non-word", "real-word", "name-case", "repeated-word"),
    "aws-name": ("wrong-case", "vendor", "split-joined", "wrong-name"),
    "api": (
        "operation", "boto3-method", "cli-command", "iam-action",
        "exception", "instance-type", "region", "parameter",
    ),
    "stale": (
        "renamed", "end-of-life", "closed-to-new-customers",
        "limit-changed", "capability-changed",
    ),
    "contradiction": ("contradiction",),
}

_DATE = r"^\d{4}-\d{2}-\d{2}$"
_URL = r"^https?://\S+$"

# One row, after `line` is turned into an int. Category-specific demands
# (stale rows carry a date and a source; contradictions name the other claim)
# are expressed in the schema, not in code.
ROW_SCHEMA = {
    "type": "object",
    "required": list(COLUMNS),
    "additionalProperties": False,
    "properties": {
        "file": {"type": "string", "pattern": r"^[^/].*\.md$"},
        "line": {"type": "integer", "minimum": 1},
        "category": {"enum": list(SUBTYPES)},
        "subtype": {"type": "string"},
        "token": {"type": "string", "minLength": 1},
        "expected": {"type": "string"},
        "why": {"type": "string", "minLength": 3},
        "confidence": {"enum": ["sure", "unsure"]},
        "date": {"anyOf": [{"const": ""}, {"type": "string", "pattern": _DATE}]},
        "source": {"anyOf": [{"const": ""}, {"type": "string", "pattern": _URL}]},
        "related": {"anyOf": [{"const": ""}, {"type": "string", "pattern": r"^[^:]+\.md:\d+$"}]},
    },
    "allOf": [
        {
            "if": {"properties": {"category": {"const": category}}},
            "then": {"properties": {"subtype": {"enum": list(subtypes)}}},
        }
        for category, subtypes in SUBTYPES.items()
    ]
    + [
        {
            "if": {"properties": {"category": {"const": "stale"}}},
            "then": {
                "properties": {
                    "date": {"type": "string", "pattern": _DATE},
                    "source": {"type": "string", "pattern": _URL},
                }
            },
        },
        {
            "if": {"properties": {"category": {"const": "contradiction"}}},
            "then": {"properties": {"related": {"type": "string", "minLength": 1}}},
        },
    ],
}

_VALIDATOR = jsonschema.Draft202012Validator(ROW_SCHEMA)


@dataclass(frozen=True)
class Label:
    file: str
    line: int
    category: str
    subtype: str
    token: str
    expected: str
    why: str
    confidence: str
    date: str
    source: str
    related: str
    origin: str  # "labels/x.tsv:row" for messages

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.file, self.line, self.token)


class LabelError(ValueError):
    pass


def read_labels(paths: list[Path] | None = None) -> list[Label]:
    """Every label in `paths` (default: all label files), validated; raises LabelError listing every problem."""
    paths = paths if paths is not None else sorted(LABELS_DIR.glob("*.tsv"))
    labels: list[Label] = []
    problems: list[str] = []
    lines_of: dict[str, list[str]] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                problems.append(f"{path.name}: header must be {' '.join(COLUMNS)}")
                continue
            for number, row in enumerate(reader, start=2):
                where = f"{path.name}:{number}"
                if None in row or any(value is None for value in row.values()):
                    problems.append(f"{where}: wrong number of tab-separated columns")
                    continue
                row = {key: value.strip() for key, value in row.items()}
                try:
                    row["line"] = int(row["line"])
                except ValueError:
                    problems.append(f"{where}: line {row['line']!r} is not a number")
                    continue
                errors = sorted(_VALIDATOR.iter_errors(row), key=lambda e: list(e.path))
                for error in errors:
                    field = ".".join(str(p) for p in error.path) or "row"
                    problems.append(f"{where}: {field}: {error.message}")
                if errors:
                    continue
                label = Label(**row, origin=where)
                problem = _check_against_text(label, lines_of)
                if problem:
                    problems.append(f"{where}: {problem}")
                    continue
                labels.append(label)
    seen: dict[tuple[str, int, str, str], str] = {}
    for label in labels:
        dup = (label.file, label.line, label.token, label.category)
        if dup in seen:
            problems.append(f"{label.origin}: same file, line, token and category as {seen[dup]}")
        seen[dup] = label.origin
    if problems:
        raise LabelError("\n".join(problems))
    return labels


def _check_against_text(label: Label, lines_of: dict[str, list[str]]) -> str | None:
    path = REAL / label.file
    if label.file not in lines_of:
        if not path.is_file():
            return f"no file {label.file} in tests/fixtures/real"
        lines_of[label.file] = path.read_text(encoding="utf-8").splitlines()
    lines = lines_of[label.file]
    if label.line > len(lines):
        return f"{label.file} has {len(lines)} lines, not {label.line}"
    if label.token not in lines[label.line - 1]:
        return f"token {label.token!r} is not on {label.file}:{label.line}"
    if label.related:
        other, _, other_line = label.related.rpartition(":")
        if not (REAL / other).is_file():
            return f"related file {other} does not exist"
        if int(other_line) > len((REAL / other).read_text(encoding="utf-8").splitlines()):
            return f"related line {label.related} is past the end of the file"
    return None


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or None
    try:
        labels = read_labels(paths)
    except LabelError as error:
        print(error, file=sys.stderr)
        return 1
    by_category: dict[str, int] = {}
    for label in labels:
        by_category[label.category] = by_category.get(label.category, 0) + 1
    summary = ", ".join(f"{name} {count}" for name, count in sorted(by_category.items()))
    print(f"{len(labels)} labels valid ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
