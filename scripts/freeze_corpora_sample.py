#!/usr/bin/env python3
"""Copy the frozen sample of the public corpora into tests/fixtures/corpora.

The test suite measures every rule on real text written by others; it must not
depend on files outside the repository, so it reads this sample.  The full
corpora (../shared/corpora, see their SOURCES.md) are what the benchmarks read.

    python scripts/freeze_corpora_sample.py [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "tests" / "fixtures" / "corpora"
GLUE_HEADING = re.compile(r"Action \\\(Python:")

# corpus folder -> what to copy (globs relative to it); licence files always go along
SAMPLE = {
    "Zhenye-Na__aws-certs-cheatsheet": ["**/*.md"],
    "jeyabalajis__aws-certified-data-analytics-specialty-notes": ["**/*.md"],
    "marcus912__aws-mla-certification-notes": ["**/*.md"],
    "open-guides__og-aws": ["README.md"],
    "gillouche__aws-notes": ["services/machine-learning/**/*.md", "services/analytics/**/*.md"],
    "awsdocs__amazon-sagemaker-developer-guide": [
        "doc_source/xgboost*.md", "doc_source/linear-learner*.md", "doc_source/deepar*.md",
        "doc_source/seq-2-seq*.md", "doc_source/ei*.md", "doc_source/autopilot-datasets-problem-types.md",
        "doc_source/debugger-configure-framework-profiling.md", "doc_source/algos.md",
    ],
    "awsdocs__aws-glue-developer-guide": ["doc_source/*.md"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    args = parser.parse_args()
    if TARGET.exists():
        shutil.rmtree(TARGET)
    for corpus, patterns in SAMPLE.items():
        source = args.corpora / corpus
        for path in sorted(source.iterdir()):
            if path.name.upper().startswith("LICENSE"):
                (TARGET / corpus).mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, TARGET / corpus / path.name)
        for pattern in patterns:
            for path in sorted(source.glob(pattern)):
                if corpus.endswith("glue-developer-guide") and not GLUE_HEADING.search(path.read_text(encoding="utf-8")):
                    continue  # of the Glue guide, only the API pages with operation headings
                destination = TARGET / corpus / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination)
    shutil.copy2(args.corpora / "SOURCES.md", TARGET / "SOURCES.md")
    files = sum(1 for _ in TARGET.rglob("*.md"))
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"{TARGET.relative_to(REPO)}: {files} Markdown files, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
