"""Every finding on every public corpus and test fixture, recorded and compared.

    .venv/bin/python bench/findings_diff.py --write BEFORE.jsonl     # record the findings of this checkout
    .venv/bin/python bench/findings_diff.py --compare BEFORE.jsonl   # run again; print every finding added or lost

A speed change must not change findings.  This runs the real CLI (the running
Python's ``-m notelint``, ``--isolated --no-cache --as-of 2026-12-02``, JSON,
all rules) on every folder of ``../shared/corpora`` (``--corpora PATH``), on
the original notes and on the labelled real-world set, and keeps each
diagnostic whole (code, positions, message, suggestions, fix, related, meta)
as one JSON line, paths relative to the input.  ``--compare`` exits 1 when any
line differs and prints the first ``--show`` differences of each side.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-12-02"
FIXTURES = ("tests/fixtures/original-notes.md", "tests/fixtures/real")


def inputs(corpora: Path | None, fixtures: bool = True) -> list[Path]:
    found = sorted(p for p in corpora.iterdir() if p.is_dir()) if corpora else []
    return found + ([REPO / part for part in FIXTURES] if fixtures else [])


def findings(target: Path) -> list[str]:
    """One canonical JSON line per diagnostic of ``target``, path relative to it."""
    done = subprocess.run(
        [sys.executable, "-m", "notelint", "check", "--isolated", "--no-cache", "--as-of", AS_OF,
         "--format", "json", "--exit-zero", target.name],
        capture_output=True, text=True, cwd=target.parent, check=False,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"{target}: exit {done.returncode}: {done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    lines = [json.dumps({"input": target.name, **item}, sort_keys=True, ensure_ascii=False)
             for item in report["diagnostics"]]
    lines += [json.dumps({"input": target.name, "error": item}, sort_keys=True, ensure_ascii=False)
              for item in report.get("errors", [])]
    return sorted(lines)


def collect(corpora: Path | None, fixtures: bool = True) -> list[str]:
    every: list[str] = []
    for target in inputs(corpora, fixtures):
        lines = findings(target)
        print(f"{target.name}: {len(lines)}", file=sys.stderr)
        every.extend(lines)
    return every


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, metavar="FILE")
    group.add_argument("--compare", type=Path, metavar="FILE")
    parser.add_argument("--corpora", type=Path)
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--no-fixtures", action="store_true", help="the corpora only (not the original notes and real set)")
    args = parser.parse_args()
    corpora = args.corpora or next(
        (p / "shared" / "corpora" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "corpora").is_dir()), None
    )
    now = collect(corpora, not args.no_fixtures)
    if args.write:
        args.write.write_text("".join(line + "\n" for line in now), encoding="utf-8")
        print(f"{len(now)} findings written to {args.write}")
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    lost, added = sorted(set(before) - set(now)), sorted(set(now) - set(before))
    print(f"{len(before)} findings before, {len(now)} now: {len(lost)} lost, {len(added)} added")
    for sign, lines in (("-", lost), ("+", added)):
        for line in lines[: args.show]:
            print(sign, line)
    return 1 if lost or added else 0


if __name__ == "__main__":
    sys.exit(main())
