"""Write notelint/data/words/aws-neighbours.tsv: the words NL208 weighs each counted word against.

For a word between two neighbours that AWS prose never writes beside it, NL208
(``collocation.Model._likely``) weighs the word against its neighbours in the
counts: the frequent AWS words one edit away that are not a form of it, and
its stem variants.  Those depend on the word alone, and measuring them was two
thirds of judging a guide's words, done again by each worker process.  This
script measures them once for every word of ``aws-bigrams.tsv`` with the same
code (``Model.measure_neighbours``), so a run over many notes reads them.  The
file is derived from ``aws-bigrams.tsv`` only; its header records that file's
SHA-256, and a test runs ``--check``.

    python scripts/build_collocation_neighbours.py [--check]

Run it after ``scripts/build_aws_bigrams.py``, or after changing how
candidates are measured (``MIN_CANDIDATE``, ``STEM``, ``inflected``, ...).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import derived_file  # noqa: E402  (scripts/derived_file.py)

from notelint.shipped import data_file  # noqa: E402
from notelint.spelling.collocation import COUNTS_FILE, NEIGHBOURS_FILE, SortedRows, load, write_neighbours  # noqa: E402

OUT = ROOT / "notelint" / "data" / "words" / NEIGHBOURS_FILE


def render(_args: argparse.Namespace) -> tuple[str, str]:
    counts = data_file("words", COUNTS_FILE).read_bytes()
    model = load()
    rows = model._rows
    words = list(rows.index() if isinstance(rows, SortedRows) else rows)
    body = write_neighbours(model, words)
    header = (
        f"# The words NL208 (out-of-place-word) weighs each word of {COUNTS_FILE} against: its frequent one-edit\n"
        "# neighbours and its stem variants. Written by scripts/build_collocation_neighbours.py: do not edit.\n"
        f"# source: {COUNTS_FILE}, sha256 {hashlib.sha256(counts).hexdigest()} (counts only, no text)\n"
        "# rows: <word> <one-edit words ...> <stem variants ...> (a word with neither has no row)\n"
    )
    return header + body, f"{body.count(chr(10))} words with neighbours of {len(words)}"


def main(argv: list[str] | None = None) -> int:
    return derived_file.run(__doc__, OUT, render, argv)


if __name__ == "__main__":
    sys.exit(main())
