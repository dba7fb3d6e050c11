"""What some rules add to a run with every rule: the same run in one process, with them and without them.

    .venv/bin/python bench/rule_share.py /tmp/guide5 all                   # every rule
    .venv/bin/python bench/rule_share.py /tmp/guide5 without NL208,NL209   # every rule but these

Each call checks every ``*.md`` file under the folder in this process, as
``notelint check --isolated --no-cache --jobs 2`` does in its workers: the
shared data is loaded for many notes first (``Context.many_notes``, as before
a fork, and kept out of the collector's sight as a fork keeps it), then each
note is parsed and every note rule runs on it.  It prints
its CPU and the number of findings.  For a figure that the machine's load does
not change, run both calls under callgrind (after one run of each, so that the
derived-data store is warm for the tree) and divide their instruction counts:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/rule_share.py /tmp/guide5 all

Issue 14's budget ("the SageMaker guide run grows by <= 15 %") is the ratio of
the two for NL208 and NL209.

With ``--timed CODES`` the run (``all``) also times those rules' checks and the
other rules' checks apart, and prints the share of the first in the second: a
figure taken within one process, so that a machine whose speed drifts between
runs still compares two trees (run each a few times, in turn):

    .venv/bin/python bench/rule_share.py /tmp/guide5 all --timed NL208,NL209
  Worker processes are not simulated: with two
workers, each judges the words of its own half, so the whole-process ratio is
somewhat higher (``python bench/paired.py --vs`` gives that one).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of Markdown notes")
    parser.add_argument("which", choices=("all", "without"), help="every rule, or every rule but CODES")
    parser.add_argument("codes", nargs="?", default="", help="comma-separated rule codes (with 'without')")
    parser.add_argument("--timed", default="", help="comma-separated rule codes whose checks are timed apart")
    args = parser.parse_args(argv)

    from notelint import regexcache
    from notelint.config import Config
    from notelint.engine import Linter
    from notelint.note import parse_note
    from notelint.rules import RULES
    from notelint.source import decode

    gc.set_threshold(100_000, 50, 1000)  # as notelint.cli.main
    regexcache.install()
    left_out = set(filter(None, args.codes.split(","))) if args.which == "without" else set()
    timed = set(filter(None, args.timed.split(",")))
    unknown = (left_out | timed) - {rule.code for rule in RULES}
    if unknown:
        parser.error(f"no such rule: {', '.join(sorted(unknown))}")
    start = time.process_time()
    linter = Linter(Config(root=Path.cwd()), [rule for rule in RULES if rule.code not in left_out])
    linter.context.many_notes = True  # what the workers inherit
    linter.prepare()
    gc.freeze()  # as parallel.map_files does before it forks: the collector never walks the shared data
    findings = 0
    checks = {True: 0.0, False: 0.0}  # CPU of the timed rules' checks, and of the others'
    files = sorted(args.folder.rglob("*.md"))
    for path in files:
        note = parse_note(decode(str(path), path.read_bytes()))
        for rule in linter.note_rules:
            if not timed:  # (no clock read around each check: the instruction counts stay comparable)
                findings += sum(1 for _ in rule.check(note, linter.context))
                continue
            began = time.process_time()
            findings += sum(1 for _ in rule.check(note, linter.context))
            checks[rule.code in timed] += time.process_time() - began
    print(f"{args.which} {args.codes}: {len(files)} files, {findings} findings, {time.process_time() - start:.2f} s CPU")
    if timed:
        print(f"{','.join(sorted(timed))}: {checks[True]:.2f} s CPU in their checks, the other rules {checks[False]:.2f} s:"
              f" {checks[True] / max(checks[False], 1e-9):.3f} of theirs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
