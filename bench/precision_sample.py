"""Estimate notelint's precision per rule family on the public corpora from a seeded, hand-judged random sample.

    .venv/bin/python bench/precision_sample.py                     # counts, precision of the sample, unjudged findings
    .venv/bin/python bench/precision_sample.py --update-verdicts   # also append sampled findings with no verdict as '?'
    .venv/bin/python bench/precision_sample.py --json FILE         # the figures as JSON too
    .venv/bin/python bench/precision_sample.py --seed 17 --per-family 60 --corpora PATH

notelint runs with its defaults on every corpus folder (default ../shared/corpora beside the repository) exactly as
bench/real_recall.py runs it: the real CLI of the running Python (``sys.executable -m notelint``), ``--isolated
--no-cache --as-of 2026-12-02``, JSON.  Every finding keeps the name of its corpus.

The sample is stratified by family (NL1 .. NL6): for each family, the ``--per-family`` findings (default 40; all
when there are fewer) whose place (corpus, file, line, column, code) has the smallest SHA-256 hash, seeded by ``--seed``
(default 16) and the family, are drawn: a uniform random draw that stays put when other findings come or go.  A
family's sample depends only on the seed and that family's findings, so a change in one family does not redraw the
others, and a change within a family replaces only the findings it removes or outranks.  As the draw is uniform over the family's findings, true / judged in
the sample estimates the family's precision on the corpora; a 95% Wilson interval is shown beside it.

Hand verdicts live in bench/precision/verdicts.tsv (columns: corpus, file, line, code, text, verdict, note, context),
keyed by corpus, file, line, code and the exact text under the finding (as real_recall.verdict_key), so a later sample
(another seed, or after a change) only asks about findings not judged before.  A verdict is ``true`` (a careful author
would want it), ``false`` (noise), ``questionable`` (reasonable people would differ) or ``?`` (not judged yet).
Precision = true / judged; the second figure counts questionable as true.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import hashlib
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_recall import AS_OF, FAMILIES, TSV, Finding, _clean, default_corpora, run_notelint, span_text  # noqa: E402

BENCH = Path(__file__).resolve().parent
VERDICTS = BENCH / "precision" / "verdicts.tsv"
COLUMNS = ("corpus", "file", "line", "code", "text", "verdict", "note", "context")
VERDICTS_ALLOWED = ("true", "false", "questionable", "?")
SEED = 16
PER_FAMILY = 40

Key = tuple[str, str, int, str, str]  # corpus, file, line, code, text under the finding


@dataclass(frozen=True)
class Sampled:
    """A finding and the corpus it was found in (its path is relative to the corpus folder)."""

    corpus: str
    finding: Finding

    @property
    def family(self) -> str:
        return self.finding.family

    @property
    def location(self) -> str:
        return f"{self.corpus}/{self.finding.path}:{self.finding.line}:{self.finding.column}"


def sort_key(item: Sampled) -> tuple:
    f = item.finding
    return (item.corpus, f.path, f.line, f.column, f.end_line, f.end_column, f.code, f.message)


class Texts(dict):
    """(corpus, path) -> the file's lines, read on first use (as real_recall reads them)."""

    def __init__(self, corpora: Path):
        super().__init__()
        self.corpora = corpora

    def __missing__(self, key: tuple[str, str]) -> list[str]:
        file = self.corpora / key[0] / key[1]
        lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
        self[key] = lines
        return lines


# -- running and sampling -------------------------------------------------------


def corpus_folders(corpora: Path) -> list[Path]:
    return sorted(p for p in corpora.iterdir() if p.is_dir() and not p.name.startswith("."))


def collect(corpora: Path) -> tuple[list[Sampled], dict]:
    """Every finding of notelint's default run on each corpus folder, and the JSON header (versions)."""
    items: list[Sampled] = []
    header: dict = {}
    for folder in corpus_folders(corpora):
        started = time.perf_counter()
        findings, this = run_notelint(folder)
        print(f"{folder.name}: {len(findings)} findings ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
        if header and this != header:
            raise SystemExit(f"notelint reported other versions on {folder.name}: {this} vs {header}")
        header = this
        items += [Sampled(folder.name, f) for f in findings]
    return items, header


def draw_sample(items: list[Sampled], seed: int = SEED, per_family: int = PER_FAMILY) -> dict[str, list[Sampled]]:
    """Up to `per_family` findings per family (all when it has fewer), uniformly at random over all corpora's findings
    of that family; deterministic for a seed and the same findings, whatever their order.  Keyed by family name."""
    sample = {}
    for prefix, family in FAMILIES.items():
        population = [item for item in items if item.family == family]
        # the findings with the smallest seeded hashes: a uniform draw without replacement that stays put
        # when other findings come and go, so a re-run only asks about findings that are new to the sample
        chosen = sorted(population, key=lambda item: _priority(seed, prefix, item))[:per_family]
        sample[family] = sorted(chosen, key=sort_key)
    return sample


def _priority(seed: int, prefix: str, item: Sampled) -> str:
    f = item.finding
    identity = f"{seed}/{prefix}/{item.corpus}/{f.path}/{f.line}/{f.column}/{f.code}"
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


# -- verdicts -----------------------------------------------------------------


def verdict_key(item: Sampled, texts: dict[tuple[str, str], list[str]]) -> Key:
    """corpus, file, line, code and the exact text under the finding (real_recall.span_text)."""
    f = item.finding
    return (item.corpus, f.path, f.line, f.code, span_text(f, {f.path: texts[(item.corpus, f.path)]}))


def read_verdicts(path: Path = VERDICTS) -> dict[Key, tuple[str, str]]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, **TSV))
    verdicts: dict[Key, tuple[str, str]] = {}
    for number, row in enumerate(rows, start=2):
        if row.get("verdict") not in VERDICTS_ALLOWED:
            raise SystemExit(f"{path}:{number}: verdict must be one of {', '.join(VERDICTS_ALLOWED)}, not {row.get('verdict')!r}")
        key = (row["corpus"], row["file"], int(row["line"]), row["code"], row["text"])
        if key in verdicts:
            raise SystemExit(f"{path}:{number}: a second row for {key[:4]}")
        verdicts[key] = (row["verdict"], row["note"])
    return verdicts


def append_unjudged(items: list[Sampled], texts: dict, verdicts: dict[Key, tuple[str, str]], path: Path = VERDICTS) -> int:
    """Append one '?' row per key of `items` that has no verdict yet (note: the message; context: the line)."""
    pending: dict[Key, Sampled] = {}
    for item in items:
        key = verdict_key(item, texts)
        if key not in verdicts and key not in pending:
            pending[key] = item
    if not pending:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, **TSV)
        if new:
            writer.writerow(COLUMNS)
        for key, item in pending.items():
            corpus, file, line, code, text = key
            lines = texts[(corpus, file)]
            context = _clean(lines[line - 1].strip())[:200] if line <= len(lines) else ""
            writer.writerow((corpus, file, line, code, text, "?", _clean(item.finding.message)[:160], context))
    return len(pending)


# -- figures ------------------------------------------------------------------


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    if not n:
        return None
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (round(max(0.0, (centre - spread) / (1 + z * z / n)), 4), round(min(1.0, (centre + spread) / (1 + z * z / n)), 4))


def verdict_of(item: Sampled, texts: dict, verdicts: dict[Key, tuple[str, str]]) -> tuple[str, str]:
    return verdicts.get(verdict_key(item, texts), ("?", ""))


def tally(items: list[Sampled], sample: dict[str, list[Sampled]], texts: dict, verdicts: dict) -> list[dict]:
    """Per family: findings on all corpora, sampled, the verdicts, precision (true / judged), its 95% Wilson interval,
    precision counting questionable as true, and true/judged per rule."""
    population = Counter(item.family for item in items)
    rows = []
    for family in FAMILIES.values():
        counts: Counter = Counter()
        rules: dict[str, Counter] = {}
        for item in sample.get(family, []):
            verdict = verdict_of(item, texts, verdicts)[0]
            counts[verdict] += 1
            rules.setdefault(item.finding.code, Counter())[verdict] += 1
        true, questionable, false = counts["true"], counts["questionable"], counts["false"]
        judged = true + questionable + false
        rows.append({
            "family": family, "findings": population[family], "sampled": len(sample.get(family, [])),
            "true": true, "questionable": questionable, "false": false, "unjudged": counts["?"], "judged": judged,
            "precision": round(true / judged, 4) if judged else None,
            "interval": wilson(true, judged),
            "precision_with_questionable": round((true + questionable) / judged, 4) if judged else None,
            "rules": {
                code: {k: c[k] for k in ("true", "questionable", "false", "?")}
                for code, c in sorted(rules.items())
            },
        })
    return rows


def per_corpus(items: list[Sampled]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for item in items:
        row = counts.setdefault(item.corpus, {family: 0 for family in FAMILIES.values()})
        if item.family in row:
            row[item.family] += 1
    return dict(sorted(counts.items()))


# -- report -------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _cell(text: str, limit: int = 70) -> str:
    text = _clean(text).replace("|", "\\|").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render(items: list[Sampled], header: dict, corpora: list[str], sample: dict[str, list[Sampled]], rows: list[dict],
           texts: dict, verdicts: dict, seed: int, per_family: int) -> str:
    families = list(FAMILIES.values())
    label = {family: f"{prefix} {family}" for prefix, family in FAMILIES.items()}
    out = [
        "# notelint precision on the public corpora: a hand-judged random sample",
        "",
        f"notelint {header.get('notelint_version')}, botocore {header.get('botocore_version')}, --as-of {AS_OF}, "
        f"defaults (`--isolated`); {len(corpora)} corpora, {len(items):,} findings; seed {seed}, "
        f"up to {per_family} findings per family.",
        "",
        "## Findings per family per corpus",
        "",
        "| corpus | " + " | ".join(label[f] for f in families) + " | all |",
        "| --- | " + " | ".join("---:" for _ in families) + " | ---: |",
    ]
    counts = per_corpus(items)
    for corpus in corpora:
        row = counts.get(corpus, {family: 0 for family in families})
        out.append(f"| {corpus} | " + " | ".join(f"{row[f]:,}" for f in families) + f" | {sum(row.values()):,} |")
    total = Counter(item.family for item in items)
    out.append("| **all** | " + " | ".join(f"**{total[f]:,}**" for f in families) + f" | **{len(items):,}** |")
    out += [
        "",
        "## Precision per family in the sample",
        "",
        "Each family's sample is drawn uniformly at random from its findings on all corpora. Precision = true / judged",
        "(judged = true + questionable + false), with its 95% Wilson interval; the last column counts questionable as true.",
        "",
        "| family | findings | sampled | true | questionable | false | unjudged | precision | 95% interval | with questionable |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        interval = "–" if row["interval"] is None else f"{_pct(row['interval'][0])}–{_pct(row['interval'][1])}"
        out.append(
            f"| {label[row['family']]} | {row['findings']:,} | {row['sampled']} | {row['true']} | {row['questionable']} | "
            f"{row['false']} | {row['unjudged']} | **{_pct(row['precision'])}** | {interval} | "
            f"{_pct(row['precision_with_questionable'])} |"
        )
    out += ["", "Per rule in the sample (true / judged, questionable in brackets):", ""]
    for row in rows:
        parts = []
        for code, c in row["rules"].items():
            judged = c["true"] + c["questionable"] + c["false"]
            part = f"{code} {c['true']}/{judged}" if judged else code
            if c["questionable"]:
                part += f" ({c['questionable']} Q)"
            if c["?"]:
                part += f" + {c['?']} unjudged" if judged else f" {c['?']} unjudged"
            parts.append(part)
        out.append(f"- **{label[row['family']]}**: " + (", ".join(parts) if parts else "no findings"))
    unjudged = [
        item for family in families for item in sample.get(family, [])
        if verdict_of(item, texts, verdicts)[0] == "?"
    ]
    out += ["", f"## Sampled findings not yet judged ({len(unjudged)})", ""]
    if not unjudged:
        out.append("None: every sampled finding has a verdict.")
    else:
        out.append("Judge them in `bench/precision/verdicts.tsv` (`--update-verdicts` adds the missing rows).")
        out.append("")
    for item in unjudged:
        out.append(f"- `{item.location}` {item.finding.code} {_cell(item.finding.message, 120)}")
    out += ["", "## The sample", ""]
    for row in rows:
        chosen = sample.get(row["family"], [])
        out += [f"### {label[row['family']]} ({row['sampled']} of {row['findings']:,})", ""]
        if not chosen:
            out += ["No findings.", ""]
            continue
        out += ["| verdict | code | location | text | note |", "| --- | --- | --- | --- | --- |"]
        for item in chosen:
            key = verdict_key(item, texts)
            verdict, note = verdicts.get(key, ("?", ""))
            text = f"`{_cell(key[4], 50)}`" if key[4].strip() else ""
            out.append(f"| {verdict} | {item.finding.code} | `{item.location}` | {text} | {_cell(note, 90)} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=None, help="folder of the public corpora (default ../shared/corpora)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the sample (default {SEED})")
    parser.add_argument("--per-family", type=int, default=PER_FAMILY, help=f"findings sampled per family (default {PER_FAMILY})")
    parser.add_argument("--update-verdicts", action="store_true", help="append sampled findings with no verdict as '?'")
    parser.add_argument("--verdicts", type=Path, default=VERDICTS, help="the verdicts file (default bench/precision/verdicts.tsv)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.per_family < 1:
        parser.error("--per-family must be at least 1")

    corpora = args.corpora or default_corpora()
    if corpora is None or not corpora.is_dir():
        raise SystemExit("the corpora were not found; pass --corpora PATH")
    names = [folder.name for folder in corpus_folders(corpora)]
    items, header = collect(corpora)
    sample = draw_sample(items, args.seed, args.per_family)
    texts = Texts(corpora)
    verdicts = read_verdicts(args.verdicts)
    if args.update_verdicts:
        everything = [item for family in FAMILIES.values() for item in sample[family]]
        added = append_unjudged(everything, texts, verdicts, args.verdicts)
        print(f"{added} sampled findings with no verdict appended to {args.verdicts}", file=sys.stderr)
        verdicts = read_verdicts(args.verdicts)
    rows = tally(items, sample, texts, verdicts)
    print(render(items, header, names, sample, rows, texts, verdicts, args.seed, args.per_family), end="")
    if args.json:
        args.json.write_text(json.dumps({
            **header, "as_of": AS_OF, "seed": args.seed, "per_family": args.per_family, "findings": len(items),
            "per_corpus": per_corpus(items), "precision": rows,
            "unjudged": sum(row["unjudged"] for row in rows),
            "sample": [
                {
                    "corpus": item.corpus, "file": item.finding.path, "line": item.finding.line,
                    "column": item.finding.column, "code": item.finding.code, "family": item.family,
                    "text": verdict_key(item, texts)[4], "verdict": verdict_of(item, texts, verdicts)[0],
                }
                for family in FAMILIES.values() for item in sample[family]
            ],
        }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
