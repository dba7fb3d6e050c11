"""NL3xx/NL4xx findings per corpus, and a seeded random sample to judge by hand.

    .venv/bin/python bench/corpus_findings.py [CORPORA_DIR] [--sample 30] [--seed 30]

For each folder of CORPORA_DIR (default: ../shared/corpora next to the
repository, or ../../shared/corpora) and for tests/fixtures/original-notes.md,
runs ``notelint check --isolated --select NL3,NL4`` and prints the number of
findings, then a sample of them with the source text around each.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_LINE = re.compile(r"(.*?):(\d+):(\d+): (NL[34]\d\d .*)")


def findings(target: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "notelint", "check", "--isolated", "--select", "NL3,NL4", "--exit-zero", "-q", str(target)],
        capture_output=True, text=True, check=True,
    ).stdout
    return [line for line in out.splitlines() if _LINE.match(line)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="?", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=30)
    args = parser.parse_args()
    corpora = args.corpora or next(
        (p / "shared" / "corpora" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "corpora").is_dir()), None
    )
    targets = sorted(p for p in corpora.iterdir() if p.is_dir()) if corpora else []
    targets.append(REPO / "tests" / "fixtures" / "original-notes.md")
    for target in targets:
        lines = findings(target)
        print(f"## {target.name}: {len(lines)} findings")
        for line in random.Random(args.seed).sample(lines, min(args.sample, len(lines))):
            path, row, column, message = _LINE.match(line).groups()
            text = Path(path).read_text(encoding="utf-8").splitlines()[int(row) - 1]
            at = int(column) - 1
            print(f"  {Path(path).name}:{row}:{column} {message[:100]}\n      | {text[max(0, at - 60): at + 60]}")


if __name__ == "__main__":
    main()
