"""Spelling benchmark: notelint's NL2xx rules against codespell and cspell, on the same inputs.

    python bench/spelling.py                 # install the peers if missing, run, print the table
    python bench/spelling.py --no-install    # use only the peers already installed
    python bench/spelling.py --corpora PATH  # the corpora folder (default: shared/corpora beside the repo)

Inputs: the raw original notes (``tests/fixtures/original-notes.md``), scored
against the hand-labelled list in ``tests/data/original-spelling.tsv``, and
every corpus folder under the shared corpora.  The peers are installed into
``bench/.tools/`` by ``bench/tools.py`` (git-ignored), never into notelint's environment:
codespell from PyPI, and cspell from npm with its AWS dictionary
(``@cspell/dict-aws``) imported.  Words are counted as ``wc -w`` does
(whitespace-separated) over the ``*.md`` files.  Each tool is run once per
input as a separate process; the time is its wall time, notelint's including
Markdown parsing (shown on its own as "parse only").
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tools import CODESPELL, CSPELL, ROOT, codespell_command, cspell_command, ensure  # noqa: E402

ORIGINAL = ROOT / "tests" / "fixtures" / "original-notes.md"
LABELS = ROOT / "tests" / "data" / "original-spelling.tsv"


@dataclass(frozen=True)
class Hit:
    line: int
    column: int | None  # codespell gives none
    word: str


@dataclass
class Run:
    hits: list[Hit] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""


# -- tools ------------------------------------------------------------------------
class Tool:
    name = ""

    def version(self) -> str:
        return ""

    def run(self, files: list[Path], cwd: Path) -> Run:
        raise NotImplementedError


def _timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[str, float, int]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    return done.stdout, time.perf_counter() - start, done.returncode


class Notelint(Tool):
    name = "notelint NL2"

    def __init__(self, select: str = "NL2"):
        self.select = select

    def version(self) -> str:
        from notelint import __version__

        return __version__

    def run(self, files: list[Path], cwd: Path) -> Run:
        command = [sys.executable, "-m", "notelint", "check", "--isolated", "--exit-zero", "--format", "json"]
        command += ["--select", self.select, *map(str, files)]
        out, seconds, code = _timed(command, cwd)
        if code != 0:
            return Run(seconds=seconds, error=f"exit {code}")
        hits = [Hit(d["line"], d["column"], _word_at(d)) for d in json.loads(out)["diagnostics"]]
        return Run(hits, seconds)


def _word_at(diagnostic: dict) -> str:
    match = re.search(r"'([^']+)'", diagnostic["message"])
    return match.group(1) if match else ""


class Codespell(Tool):
    name = "codespell"

    def version(self) -> str:
        return CODESPELL.version()

    def run(self, files: list[Path], cwd: Path) -> Run:
        out, seconds, _code = _timed(codespell_command([str(f) for f in files]), cwd)
        hits = []
        for line in out.splitlines():  # path:line: word ==> fix
            match = re.match(r".*?:(\d+): (.+?) ==> ", line)
            if match:
                hits.append(Hit(int(match.group(1)), None, match.group(2)))
        return Run(hits, seconds)


class Cspell(Tool):
    name = "cspell + dict-aws"

    def version(self) -> str:
        return CSPELL.version()

    def run(self, files: list[Path], cwd: Path) -> Run:
        command = cspell_command([str(f.relative_to(cwd)) for f in files], cwd)
        out, seconds, _code = _timed(command, cwd)
        hits = []
        for line in out.splitlines():  # path:line:col - Unknown word (word)
            match = re.match(r".*?:(\d+):(\d+) - .*?\((.+?)\)", line)
            if match:
                hits.append(Hit(int(match.group(1)), int(match.group(2)), match.group(3)))
        return Run(hits, seconds)


# -- scoring ----------------------------------------------------------------------
def labels() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def matches(hit: Hit, label: dict[str, str]) -> bool:
    """A finding is a labelled error when it is on its line and at its column or names its word."""
    if hit.line != int(label["line"]):
        return False
    if hit.column is not None and hit.column == int(label["column"]):
        return True
    return hit.word.lower() == label["text"].lower()


def score(run: Run, rows: list[dict[str, str]]) -> tuple[int, int, int]:
    """(labelled errors found, of which category A, false positives)."""
    found = [row for row in rows if any(matches(hit, row) for hit in run.hits)]
    false = [hit for hit in run.hits if not any(matches(hit, row) for row in rows)]
    return len(found), sum(1 for row in found if row["category"] == "A"), len(false)


def corpora_dir(given: str | None) -> Path | None:
    if given:
        return Path(given)
    return next((p / "shared" / "corpora" for p in ROOT.parents[:3] if (p / "shared" / "corpora").is_dir()), None)


def words_in(files: list[Path]) -> int:
    return sum(len(path.read_text(encoding="utf-8", errors="replace").split()) for path in files)


# -- main -------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", help="folder of corpus folders (default: shared/corpora beside the repository)")
    parser.add_argument("--no-install", action="store_true", help="do not install missing peers")
    args = parser.parse_args(argv)

    ready = ensure([CODESPELL, CSPELL], install=not args.no_install)
    tools: list[Tool] = [Notelint(), *([Codespell()] if CODESPELL in ready else []), *([Cspell()] if CSPELL in ready else [])]
    parse_only = Notelint(select="NL114")  # a trivial rule: the cost of reading and parsing
    Notelint().run([ORIGINAL], ROOT)  # warm the user cache (catalog, English words)

    rows = labels()
    print(f"## Original notes: {ORIGINAL.relative_to(ROOT)}\n")
    counts = {c: sum(1 for r in rows if r["category"] == c) for c in "ABD"}
    print(
        f"{len(rows)} labelled errors ({LABELS.relative_to(ROOT)}): {counts['A']} misspelled words (A), "
        f"{counts['B']} real words wrong in context (B), {counts['D']} names with the wrong case (D).\n"
    )
    print("| tool | version | labelled errors found | misspellings (A) found | false positives | findings | time |")
    print("|---|---|---|---|---|---|---|")
    for tool in tools:
        run = tool.run([ORIGINAL], ROOT)
        found, typos, false = score(run, rows)
        print(
            f"| {tool.name} | {tool.version()} | {found}/{len(rows)} | {typos}/{counts['A']} | {false} | "
            f"{len(run.hits)} | {run.seconds:.2f} s |"
        )

    base = corpora_dir(args.corpora)
    if base is None:
        print("\n(no corpora found: pass --corpora PATH)")
        return 0
    print("\n## Corpora: findings per 1,000 words (findings, wall time)\n")
    print("| corpus | files | words | " + " | ".join(tool.name for tool in tools) + " | notelint parse only |")
    print("|---|---|---|" + "---|" * (len(tools) + 1))
    for corpus in sorted(p for p in base.iterdir() if p.is_dir()):
        files = sorted(corpus.rglob("*.md"))
        if not files:
            continue
        words = words_in(files)
        cells = []
        for tool in tools:
            run = tool.run(files, corpus)
            rate = len(run.hits) * 1000 / words
            note = f" {run.error}" if run.error else ""
            cells.append(f"{rate:.2f} ({len(run.hits):,}, {run.seconds:.1f} s){note}")
        baseline = parse_only.run(files, corpus)
        print(f"| {corpus.name} | {len(files):,} | {words:,} | " + " | ".join(cells) + f" | {baseline.seconds:.1f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
