"""The instructions of a whole command, its forked worker processes included, each counted once.

    .venv/bin/python bench/whole_run_instructions.py -- .venv/bin/notelint check --isolated --no-cache \\
        --exit-zero --as-of 2026-12-02 --jobs 2 /tmp/guide5

Runs the command under callgrind and prints the instructions of the whole run, the
parent's work before it forked its workers, and each process's own share.

Callgrind hands a forked child its parent's counters: the "Collected" line of each
worker counts everything the parent did before the fork (imports, the shared data
loaded for many notes) again, so summing those lines counts the parent's pre-fork
work once more per worker.  For notelint over /tmp/guide5 with ``--jobs 2`` the parent's
pre-fork work is 0.57 G without NL208 and NL209 and 1.19 G with them (their model, loaded
before the fork): the sum counts each three times, and their share 1.24 G too high.  Here callgrind
writes its counts and starts again from zero just before each fork
(``--dump-before=PyOS_BeforeFork``), so each dump holds only work done once, and the
dumps add up to the run.

Which files each worker checks depends on timing (the pool hands out chunks as
workers free up), and so do the worker's memo hits: the total of one command varies
by up to ~1.5 G (6 %) over /tmp/guide5 from run to run.  Compare commands over
several runs, or with ``bench/rule_share.py``, which has no workers.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_TOTALS = re.compile(r"^totals:\s+(\d+)", re.M)
_DUMP = re.compile(r"^cg\.(\d+)(?:\.(\d+))?$")  # cg.<pid> (at exit), cg.<pid>.<n> (the n-th dump before a fork)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="+", help="the command (after --)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--dump-before=PyOS_BeforeFork",
             f"--callgrind-out-file={folder}/cg.%p", *args.command],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
            env={**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")},
        )
        own: dict[int, int] = {}
        prefork = 0
        for path in Path(folder).iterdir():
            named = _DUMP.match(path.name)
            found = _TOTALS.search(path.read_text(encoding="utf-8", errors="replace"))
            if named is None or found is None:
                continue
            own[int(named[1])] = own.get(int(named[1]), 0) + int(found[1])
            if named[2] == "1":
                prefork = int(found[1])  # the parent, up to its first fork
    if not own:
        print("callgrind wrote no counts (is valgrind installed?)", file=sys.stderr)
        return 1
    print(f"whole run {sum(own.values()):,} instructions, {len(own)} processes; "
          f"the parent before its first fork {prefork:,}")
    for pid, count in sorted(own.items(), key=lambda item: -item[1]):
        print(f"  process {pid}: {count:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
