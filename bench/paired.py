"""Two commands timed in turn as whole processes, and their ratio pair by pair.

    .venv/bin/python bench/paired.py -n 9 --warmup 1 --vs "B COMMAND ..." -- A COMMAND ...

A and B run alternately (A B A B ...), each a fresh process with empty standard
input and its output thrown away, after ``--warmup`` unrecorded runs of each.
For each run: wall seconds, CPU (user + system of the process and the children
it waited for, so a ``--jobs 2`` run's workers count) and peak memory of the
largest single process, from ``bench/run.py``'s ``run_once`` (GNU time's
``%M`` where it is installed).  Printed: min, median and max of each, for A
and B, and of the ratio A/B taken pair by pair, which keeps the ratio
meaningful when the machine's speed drifts between pairs.  Quote the median.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import run_once  # noqa: E402


def spread(values: list[float], unit: str = "") -> str:
    low, middle, high = min(values), statistics.median(values), max(values)
    return f"{middle:.3f}{unit} ({low:.3f}-{high:.3f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="recorded runs of each command")
    parser.add_argument("--warmup", type=int, default=1, help="unrecorded runs of each command first")
    parser.add_argument("--vs", required=True, help="command B, one string split as a shell splits words")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="command A (after --)")
    args = parser.parse_args(argv)
    a = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not a:
        parser.error("command A is missing (give it after --)")
    b = shlex.split(args.vs)
    import os

    env = dict(os.environ)
    cwd = Path.cwd()
    figures: dict[str, dict[str, list[float]]] = {"A": {}, "B": {}}
    with tempfile.TemporaryDirectory() as scratch:
        sink = Path(scratch) / "output.txt"
        for round_ in range(args.warmup + args.runs):
            for label, command in (("A", a), ("B", b)):
                wall, cpu, peak, code, tail = run_once(command, cwd, env, sink)
                if code not in (0, 1):
                    print(f"{label} exited {code}: {tail}", file=sys.stderr)
                    return 2
                if round_ >= args.warmup:
                    for name, value in (("wall", wall), ("cpu", cpu), ("peak", peak / 2**20)):
                        figures[label].setdefault(name, []).append(value)
    for label, command in (("A", a), ("B", b)):
        f = figures[label]
        print(f"{label}: cpu {spread(f['cpu'], ' s')}  wall {spread(f['wall'], ' s')}  "
              f"peak {spread(f['peak'], ' MiB')}  n {len(f['cpu'])}: {shlex.join(command)}")
    for name in ("cpu", "wall"):
        ratios = [x / y for x, y in zip(figures["A"][name], figures["B"][name])]
        print(f"A/B {name}: {spread(ratios)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
