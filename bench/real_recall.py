"""Score notelint on the labelled real-world set, and count findings on clean text.

    .venv/bin/python bench/real_recall.py                    # recall, precision, misses, unjudged findings, clean text
    .venv/bin/python bench/real_recall.py --update-verdicts  # also append unjudged findings to verdicts.tsv as '?'
    .venv/bin/python bench/real_recall.py --no-clean-text    # skip the AWS guides (about 15 s)
    .venv/bin/python bench/real_recall.py --json FILE        # every figure as JSON too

The set (tests/fixtures/real/, see its README) is real notes written by others
with every error labelled by hand before notelint was run on them.  notelint
runs as a user would run it on their own notes: the real CLI, ``--isolated``
(no project config), default rules, ``--as-of 2026-12-02`` (the date the
labels judge against).

A finding *matches* a label when it is on the label's file and line and its
span overlaps the labelled token; for stale claims and contradictions, whose
finding may point at another word of the same claim, any stale-claims or
contradictions finding on that line matches.  A label is *found* when a
finding matches it.  Recall = found / labelled, per category and subtype.

A finding that matches no label is judged by hand: its verdict (true or false)
is kept in tests/fixtures/real/verdicts.tsv, keyed by file, line, rule and the
text under the finding, so the next run only asks about new findings.
Precision per family = (matched + judged true) / (matched + judged).

The clean-text check counts findings per 1,000 words, per family, on the
SageMaker and Glue developer guides (../shared/corpora), so a recall gain
that costs precision on clean text is seen in the same run.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_labels import LABELS_DIR, REAL, ROOT, SUBTYPES, Label, read_labels  # noqa: E402

AS_OF = "2026-12-02"
VERDICTS = REAL / "verdicts.tsv"
FOUND = REAL / "found.txt"  # the labels found when it was last written: the test suite fails if one is lost
VERDICT_COLUMNS = ("file", "line", "code", "text", "verdict", "note", "context")
# plain TSV: no quoting at all (fields never hold a tab or a newline; they are replaced by spaces)
TSV = {"delimiter": "\t", "quoting": csv.QUOTE_NONE, "quotechar": None, "lineterminator": "\n"}

from notelint.codes import FAMILIES  # noqa: E402  (code prefix -> family name)
# the family that is meant to find each label category
CATEGORY_FAMILY = {
    "spelling": "spelling",
    "aws-name": "aws-naming",
    "api": "aws-api",
    "stale": "stale-claims",
    "contradiction": "contradictions",
}
CONTENT_FAMILIES = ("spelling", "aws-naming", "aws-api", "stale-claims", "contradictions")
CLAIM_FAMILIES = ("stale-claims", "contradictions")
CLEAN_GUIDES = ("awsdocs__amazon-sagemaker-developer-guide", "awsdocs__aws-glue-developer-guide")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    related: tuple[tuple[str, int], ...] = ()

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:3], "other")

    def span_on(self, line: int) -> tuple[int, float] | None:
        """The 1-based [start, end) columns this finding covers on `line`, or None."""
        if not self.line <= line <= self.end_line:
            return None
        start = self.column if line == self.line else 1
        end = self.end_column if line == self.end_line else float("inf")
        return start, max(end, start + 1)


@dataclass
class Score:
    labels: list[Label]
    findings: list[Finding]
    found_by: dict[Label, list[Finding]] = field(default_factory=dict)
    matched: set[Finding] = field(default_factory=set)


# -- running notelint ---------------------------------------------------------


def run_notelint(root: Path, targets: list[str] | None = None) -> tuple[list[Finding], dict]:
    """Findings of the real CLI on `targets` (default: all of `root`), paths relative to `root`, and the JSON header."""
    command = [
        sys.executable, "-m", "notelint", "check", "--isolated", "--no-cache", "--exit-zero",
        "--format", "json", "--as-of", AS_OF, *(targets or ["."]),
    ]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"notelint failed ({done.returncode}) on {root}:\n{done.stderr[-2000:]}")
    data = json.loads(done.stdout)
    findings = [
        Finding(
            path=d["path"], line=d["line"], column=d["column"], end_line=d["end_line"],
            end_column=d["end_column"], code=d["code"], message=d["message"],
            related=tuple((r["path"], r["line"]) for r in d.get("related", [])),
        )
        for d in data["diagnostics"]
    ]
    header = {key: data.get(key) for key in ("notelint_version", "botocore_version")}
    return findings, header


# -- matching -------------------------------------------------------------------


def token_spans(text: str, token: str) -> list[tuple[int, int]]:
    """1-based [start, end) columns of every occurrence of `token` in `text`."""
    return [(m.start() + 1, m.end() + 1) for m in re.finditer(re.escape(token), text)]


def matches(label: Label, finding: Finding, line_text: str) -> bool:
    if finding.family not in CONTENT_FAMILIES:
        return False
    if label.category in ("stale", "contradiction") and finding.family in CLAIM_FAMILIES:
        # claim level: the finding may point at another word of the same claim, or at the other claim
        if finding.path == label.file and finding.line <= label.line <= finding.end_line:
            return True
        return (label.file, label.line) in finding.related
    span = finding.span_on(label.line) if finding.path == label.file else None
    if span is None:
        return False
    start, end = span
    return any(start < token_end and token_start < end for token_start, token_end in token_spans(line_text, label.token))


def score(labels: list[Label], findings: list[Finding], texts: dict[str, list[str]]) -> Score:
    result = Score(labels=labels, findings=findings)
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.path].append(finding)
        for path, _ in finding.related:
            if path != finding.path:
                by_file[path].append(finding)
    for label in labels:
        line_text = texts[label.file][label.line - 1]
        hits = [f for f in by_file.get(label.file, ()) if matches(label, f, line_text)]
        result.found_by[label] = hits
        result.matched.update(hits)
    return result


# -- verdicts -----------------------------------------------------------------


def verdict_key(finding: Finding, texts: dict[str, list[str]]) -> tuple[str, int, str, str]:
    return (finding.path, finding.line, finding.code, span_text(finding, texts))


def span_text(finding: Finding, texts: dict[str, list[str]]) -> str:
    lines = texts.get(finding.path)
    if not lines or finding.line > len(lines):
        return ""
    line = lines[finding.line - 1]
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    return line[finding.column - 1 : end].replace("\t", " ")


def read_verdicts(path: Path = VERDICTS) -> dict[tuple[str, int, str, str], tuple[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, **TSV))
    verdicts = {}
    for number, row in enumerate(rows, start=2):
        if row["verdict"] not in ("true", "false", "?"):
            raise SystemExit(f"{path.name}:{number}: verdict must be true, false or ?, not {row['verdict']!r}")
        verdicts[(row["file"], int(row["line"]), row["code"], row["text"])] = (row["verdict"], row["note"])
    return verdicts


def append_unjudged(findings: list[Finding], texts: dict[str, list[str]], path: Path = VERDICTS) -> int:
    new = path.exists()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, **TSV)
        if not new:
            writer.writerow(VERDICT_COLUMNS)
        for finding in findings:
            file, line, code, text = verdict_key(finding, texts)
            context = _clean(texts[file][line - 1].strip())[:200]
            writer.writerow((file, line, code, text, "?", _clean(finding.message)[:160], context))
    return len(findings)


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


# -- report -------------------------------------------------------------------


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def label_id(label: Label) -> str:
    return f"{label.file}:{label.line}:{label.category}:{label.token}"


def group_of(label: Label) -> tuple[str, str, str, str]:
    """The same error repeated in one note: same file, category and subtype, and the same
    correction (stale claims: the same current fact) or the same token."""
    what = label.expected if label.category == "stale" and label.expected else label.token
    return (label.file, label.category, label.subtype, what.casefold())


def _tally(labels: list[Label], result: Score) -> dict:
    found = [label for label in labels if result.found_by[label]]
    sure = [label for label in labels if label.confidence == "sure"]
    groups = {group_of(label) for label in labels}
    return {
        "labels": len(labels), "found": len(found),
        "sure": len(sure), "sure_found": sum(1 for label in sure if result.found_by[label]),
        "groups": len(groups), "groups_found": len({group_of(label) for label in found}),
    }


def recall_rows(result: Score) -> list[dict]:
    """Per category and subtype: labels found, sure labels found, and groups (the same error
    in one note, which a rule may rightly report once per note) with at least one label found."""
    rows = []
    for category, subtypes in SUBTYPES.items():
        for subtype in subtypes + ("all",):
            chosen = [
                label for label in result.labels
                if label.category == category and (subtype == "all" or label.subtype == subtype)
            ]
            if not chosen:
                continue
            rows.append({"category": category, "subtype": subtype, **_tally(chosen, result)})
    rows.append({"category": "all", "subtype": "all", **_tally(result.labels, result)})
    return rows


def precision_rows(result: Score, verdicts: dict, texts: dict[str, list[str]]) -> list[dict]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for finding in result.findings:
        tally = counts[finding.family]
        tally["findings"] += 1
        if finding in result.matched:
            tally["matched"] += 1
            continue
        verdict = verdicts.get(verdict_key(finding, texts), ("?", ""))[0]
        tally[{"true": "judged_true", "false": "judged_false"}.get(verdict, "unjudged")] += 1
    rows = []
    for family in list(FAMILIES.values()):
        tally = counts.get(family, Counter())
        true = tally["matched"] + tally["judged_true"]
        judged = true + tally["judged_false"]
        rows.append({"family": family, **{k: tally[k] for k in ("findings", "matched", "judged_true", "judged_false", "unjudged")},
                     "precision": round(true / judged, 4) if judged else None})
    return rows


def count_words(root: Path) -> int:
    fence = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
    word = re.compile(r"[A-Za-z][A-Za-z'’-]*")
    return sum(len(word.findall(fence.sub("", p.read_text(encoding="utf-8", errors="replace")))) for p in root.rglob("*.md"))


def clean_text_rows(corpora: Path) -> list[dict]:
    rows = []
    for name in CLEAN_GUIDES:
        folder = corpora / name
        if not folder.is_dir():
            continue
        findings, _ = run_notelint(folder)
        words = count_words(folder)
        per_family = Counter(f.family for f in findings)
        rows.append({
            "corpus": name, "words": words, "findings": len(findings),
            **{family: round(1000 * per_family[family] / words, 3) for family in FAMILIES.values()},
            "all": round(1000 * len(findings) / words, 3),
        })
    return rows


def default_corpora() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpora").is_dir():
            return base / "shared" / "corpora"
    return None


def render(result: Score, header: dict, recall: list[dict], precision: list[dict], clean: list[dict] | None,
           texts: dict[str, list[str]], verdicts: dict, files: int, lines: int, show: int) -> str:
    out = [
        "# notelint on the labelled real-world set",
        "",
        f"notelint {header['notelint_version']}, botocore {header['botocore_version']}, --as-of {AS_OF}; "
        f"{files} files, {lines:,} lines, {len(result.labels)} labels, {len(result.findings)} findings.",
        "",
        "## Recall per category and subtype",
        "",
        "A *group* is one error repeated in one note (same file, subtype and correction); it is found when",
        "any of its labels is, as a rule may rightly report a subject once per note.",
        "",
        "| category | subtype | labels | found | recall | sure: found/labels | groups: found/all | group recall |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in recall:
        bold = "**" if row["subtype"] == "all" else ""
        out.append(
            f"| {bold}{row['category']}{bold} | {bold}{row['subtype']}{bold} | {row['labels']} | {row['found']} | "
            f"{bold}{percent(row['found'], row['labels'])}{bold} | {row['sure_found']}/{row['sure']} | "
            f"{row['groups_found']}/{row['groups']} | {percent(row['groups_found'], row['groups'])} |"
        )
    out += [
        "",
        "## Precision per family",
        "",
        "Matched = on a label; judged = a verdict in verdicts.tsv. Precision = (matched + judged true) / (matched + judged).",
        "",
        "| family | findings | matched | judged true | judged false | unjudged | precision |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in precision:
        value = f"{100 * row['precision']:.0f}%" if row["precision"] is not None else "–"
        out.append(
            f"| {row['family']} | {row['findings']} | {row['matched']} | {row['judged_true']} | "
            f"{row['judged_false']} | {row['unjudged']} | {value} |"
        )
    if clean is not None:
        out += ["", "## Clean text: findings per 1,000 words", ""]
        if not clean:
            out.append("(the AWS guides were not found; pass --corpora)")
        else:
            out += [
                "| corpus | words | findings | " + " | ".join(FAMILIES.values()) + " | all |",
                "| --- | ---: | ---: | " + " | ".join("---:" for _ in FAMILIES) + " | ---: |",
            ]
            for row in clean:
                out.append(
                    f"| {row['corpus']} | {row['words']:,} | {row['findings']} | "
                    + " | ".join(f"{row[f]:.2f}" for f in FAMILIES.values()) + f" | {row['all']:.2f} |"
                )
    misses = [label for label in result.labels if not result.found_by[label]]
    out += ["", f"## Misses ({len(misses)})", ""]
    by_kind: dict[tuple[str, str], list[Label]] = defaultdict(list)
    for label in misses:
        by_kind[(label.category, label.subtype)].append(label)
    for (category, subtype), group in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        out.append(f"- **{category} / {subtype}** ({len(group)})")
        for label in group[:show]:
            expected = f" → {label.expected}" if label.expected else ""
            out.append(f"  - `{label.file}:{label.line}` {label.token!r}{expected[:80]}")
        if len(group) > show:
            out.append(f"  - … {len(group) - show} more")
    unjudged = [
        f for f in result.findings
        if f not in result.matched and verdicts.get(verdict_key(f, texts), ("?",))[0] == "?"
    ]
    out += ["", f"## Findings on no label, not yet judged ({len(unjudged)})", ""]
    for finding in unjudged[: show * 5]:
        out.append(f"- `{finding.path}:{finding.line}:{finding.column}` {finding.code} {_clean(finding.message)[:120]}")
    if len(unjudged) > show * 5:
        out.append(f"- … {len(unjudged) - show * 5} more (--update-verdicts writes them all to verdicts.tsv)")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-verdicts", action="store_true", help="append unjudged findings to verdicts.tsv as '?'")
    parser.add_argument("--no-clean-text", action="store_true", help="skip the findings-per-1,000-words check on the AWS guides")
    parser.add_argument("--corpora", type=Path, default=None, help="folder of the public corpora (default ../shared/corpora)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--write-found", action="store_true",
                        help=f"record the labels found now in {FOUND.relative_to(ROOT)} (after a change that finds more)")
    parser.add_argument("--show", type=int, default=8, help="misses listed per subtype (default 8)")
    args = parser.parse_args(argv)

    labels = read_labels()
    files = sorted(p.relative_to(REAL).as_posix() for p in REAL.rglob("*.md") if p.parent != REAL and LABELS_DIR not in p.parents)
    texts = {name: (REAL / name).read_text(encoding="utf-8").splitlines() for name in files}
    sources = sorted({name.split("/", 1)[0] for name in files})
    findings, header = run_notelint(REAL, sources)
    result = score(labels, findings, texts)
    verdicts = read_verdicts()
    if args.update_verdicts:
        pending = [f for f in findings if f not in result.matched and verdict_key(f, texts) not in verdicts]
        # one row per key, even when two findings share it
        unique = list({verdict_key(f, texts): f for f in pending}.values())
        added = append_unjudged(unique, texts)
        print(f"{added} unjudged findings appended to {VERDICTS.relative_to(ROOT)}", file=sys.stderr)
        verdicts = read_verdicts()
    recall = recall_rows(result)
    precision = precision_rows(result, verdicts, texts)
    clean = None
    if not args.no_clean_text:
        corpora = args.corpora or default_corpora()
        clean = clean_text_rows(corpora) if corpora else []
    lines = sum(len(t) for t in texts.values())
    print(render(result, header, recall, precision, clean, texts, verdicts, len(files), lines, args.show), end="")
    found = sorted(label_id(label) for label in labels if result.found_by[label])
    if args.write_found:
        FOUND.write_text("".join(f"{line}\n" for line in found), encoding="utf-8")
    unjudged = sum(row["unjudged"] for row in precision)
    if args.json:
        args.json.write_text(json.dumps({
            "found": found, "unjudged": unjudged,
            **header, "as_of": AS_OF, "files": len(files), "lines": lines, "recall": recall,
            "precision": precision, "clean_text": clean,
            "misses": [
                {"file": l.file, "line": l.line, "category": l.category, "subtype": l.subtype, "token": l.token}
                for l in labels if not result.found_by[l]
            ],
        }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
