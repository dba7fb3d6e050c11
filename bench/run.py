"""notelint's speed and memory, measured as whole processes beside its peers.

    .venv/bin/python bench/run.py                 # the full table (about 15 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick         # one run each, no scaled corpus (a few minutes)
    .venv/bin/python bench/run.py --dry-run       # list what would be measured, run nothing
    .venv/bin/python bench/run.py --profile       # cProfile of one process on the SageMaker guide

Every measurement starts a fresh process, as a user or a pre-commit hook does:
wall time with ``time.perf_counter`` around it, peak memory from GNU time's
``%M`` (the largest single process, forked workers included; see run_once).  Each
row is run once to warm up (not counted) and then ``--runs`` times (corpora:
``--corpus-runs``; scaled corpora: ``--scale-runs``, without a warm-up: their
files were just written, so they are in the page cache), and shows the median
and the range.  notelint runs with its own cache directory in a temp folder
(never the user's): "warm" rows find the catalog and derived data built;
"result cache warm" rows also find every file's results cached; ``--no-cache``
rows check every file again.  The corpora are copied (``*.md`` only) into the
temp folder so that every tool reads the same files; the peers come from
``bench/tools.py`` and are installed into ``bench/.tools/`` on first use.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tools import (  # noqa: E402
    CODESPELL,
    CSPELL,
    MARKDOWNLINT,
    PEERS,
    ROOT,
    Peer,
    codespell_command,
    cspell_command,
    ensure,
    markdownlint_command,
)

SAGEMAKER = "awsdocs__amazon-sagemaker-developer-guide"
ORIGINAL = "tests/fixtures/original-notes.md"
SCALES = (2, 5, 10)
# exit codes that mean "ran and reported findings", per tool; anything else is a failure
ACCEPTED = {"notelint": {0, 1}, CODESPELL.name: {0, 65}, CSPELL.name: {0, 1}, MARKDOWNLINT.name: {0, 1}}
TARGETS = {"one note": 0.2, "notes/": 0.4, "memory": 300e6, "linear": 1.2}


# -- what is measured -------------------------------------------------------------
@dataclass(frozen=True)
class Input:
    """Files every tool is given: ``parts`` (``*.md`` files or folders) relative to ``root``."""

    label: str
    root: Path
    parts: tuple[str, ...]
    notelint_args: tuple[str, ...]  # what notelint is given (nothing: its configured paths)
    copies: int = 0  # copies of the SageMaker guide in a scaled corpus (0: not scaled)

    def files(self) -> list[Path]:
        found = []
        for part in self.parts:
            path = self.root / part
            found.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
        return found

    def globs(self) -> list[str]:
        """The parts as globs, for the tools that take globs rather than folders."""
        return [part if part.endswith(".md") else f"{part}/**/*.md" for part in self.parts]


@dataclass
class Case:
    table: str  # "warm" | "cold" | "corpus"
    input: Input | None
    tool: str  # "notelint" or a peer's name
    label: str  # the row's name for the tool
    command: list[str]
    runs: int
    warmup: int
    fresh_cache: bool = False  # each run gets an empty NOTELINT_CACHE_DIR
    result: Timing | None = None


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process and its children
    peak: int = 0  # bytes, the largest over the runs
    failure: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def notelint_command(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "notelint"
    return [str(script), *args] if script.is_file() else [sys.executable, "-m", "notelint", *args]


def peer_command(peer: Peer, the_input: Input) -> list[str]:
    if peer is CODESPELL:
        return codespell_command(the_input.parts)
    if peer is CSPELL:
        return cspell_command(the_input.globs(), the_input.root)
    return markdownlint_command(the_input.globs())


def smallest_note() -> str:
    notes = sorted((ROOT / "notes").glob("*.md"), key=lambda p: (p.stat().st_size, p.name))
    return notes[0].relative_to(ROOT).as_posix()


def plan(args: argparse.Namespace, work: Path, corpora: Path | None, peers: Sequence[Peer]) -> list[Case]:
    """Every row of the tables, in the order they are run."""
    cases: list[Case] = []
    runs, warmup = args.runs, 1

    def with_peers(table: str, the_input: Input, case_runs: int, case_warmup: int) -> None:
        for peer in peers:
            cases.append(Case(table, the_input, peer.name, peer.name, peer_command(peer, the_input), case_runs, case_warmup))

    one = smallest_note()
    small = [
        Input(f"one note ({one})", ROOT, (one,), (one,)),
        Input("notes/ (configured paths, no arguments)", ROOT, ("notes",), ()),
        Input(f"original notes ({ORIGINAL}, --isolated)", ROOT, (ORIGINAL,), ("--isolated", ORIGINAL)),
    ]
    for the_input in small:
        for label, extra in (("notelint, result cache warm", ()), ("notelint --no-cache", ("--no-cache",))):
            command = notelint_command("check", *extra, *the_input.notelint_args)
            cases.append(Case("warm", the_input, "notelint", label, command, runs, warmup))
        with_peers("warm", the_input, runs, warmup)

    cases.append(Case("cold", None, "notelint", "first run on notes/, empty cache directory (catalog built)",
                      notelint_command("check"), runs, warmup, fresh_cache=True))
    cases.append(Case("cold", None, "notelint", "notelint catalog --rebuild",
                      notelint_command("catalog", "--rebuild"), runs, warmup))

    if corpora is None:
        return cases
    staged = work / "corpora"
    names = sorted(p.name for p in corpora.iterdir() if p.is_dir())
    big = [Input(f"SageMaker developer guide ({SAGEMAKER})", staged, (SAGEMAKER,), ())]
    if not args.quick:
        big.append(Input(f"all {len(names)} corpora", staged, tuple(names), ()))
        scaled = work / "scaled"
        for copies in SCALES:
            parts = tuple(f"copy-{n:02d}" for n in range(copies))
            big.append(Input(f"SageMaker guide x{copies}", scaled, parts, (), copies))
    for the_input in big:
        the_runs, the_warmup = (args.scale_runs, 0) if the_input.copies else (args.corpus_runs, warmup)
        command = notelint_command("check", "--isolated", "--no-cache", *(the_input.notelint_args or the_input.parts))
        cases.append(Case("corpus", the_input, "notelint", "notelint --no-cache", command, the_runs, the_warmup))
        with_peers("corpus", the_input, the_runs, the_warmup)
    return cases


# -- staging ----------------------------------------------------------------------
def stage(corpora: Path, work: Path, scaled: bool) -> None:
    """Copy every corpus's ``*.md`` files into ``work/corpora``, and the SageMaker
    guide ``max(SCALES)`` times into ``work/scaled/copy-NN`` for the scaled inputs."""
    staged = work / "corpora"
    for folder in sorted(p for p in corpora.iterdir() if p.is_dir()):
        for path in folder.rglob("*.md"):
            target = staged / folder.name / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    if scaled:
        for number in range(max(SCALES)):
            shutil.copytree(staged / SAGEMAKER, work / "scaled" / f"copy-{number:02d}")


def find_corpora(given: str | None) -> Path | None:
    if given:
        return Path(given).resolve() if Path(given).is_dir() else None
    candidates = [p / "shared" / "corpora" for p in ROOT.parents[:3]]
    return next((p for p in candidates if p.is_dir()), None)


# -- measuring --------------------------------------------------------------------
GNU_TIME = Path("/usr/bin/time")


@lru_cache(maxsize=1)
def gnu_time() -> bool:
    """Can GNU time measure peak memory here (``-f %M -o FILE``)?"""
    if not GNU_TIME.is_file():
        return False
    with tempfile.NamedTemporaryFile("r") as out:
        done = subprocess.run([str(GNU_TIME), "-f", "%M", "-o", out.name, "true"], capture_output=True)
        return done.returncode == 0 and out.read().strip().isdigit()


def run_once(command: list[str], cwd: Path, env: dict[str, str], sink: Path) -> tuple[float, float, int, int, str]:
    """(wall seconds, CPU seconds, peak RSS in bytes, exit code, last line of stderr) of one process.

    CPU is user + system time from ``os.wait4``: it counts the children the
    process waited for (notelint's workers, the command under GNU time), and a
    busy machine, which stretches wall time, hardly changes it.

    The peak is measured by GNU time, a small process between this one and the
    command: a child started by Python directly (vfork, then exec) inherits
    this process's high-water mark in its ``ru_maxrss``.  Without GNU time,
    ``os.wait4`` gives that (an upper bound).
    """
    peak_file = sink.with_suffix(".rss")
    wrapped = [str(GNU_TIME), "-f", "%M", "-o", str(peak_file), *command] if gnu_time() else command
    with open(sink, "wb") as out, open(sink.with_suffix(".err"), "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    kilobytes = int(peak_file.read_text().split()[-1]) if gnu_time() else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, kilobytes * 1024, code, last_line(sink.with_suffix(".err"))


def last_line(path: Path) -> str:
    """The last non-empty line of a file that may be large (a peer's findings)."""
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - 4096))
        lines = handle.read().decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else ""


def measure(case: Case, work: Path, progress: Callable[[str], None]) -> Timing:
    timing = Timing()
    cwd = case.input.root if case.input else ROOT
    for index in range(case.warmup + case.runs):
        cache = work / "cache"
        if case.fresh_cache:
            cache = Path(tempfile.mkdtemp(prefix="cold-", dir=work))
        env = {**os.environ, "NOTELINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
        seconds, cpu, peak, code, tail = run_once(case.command, cwd, env, work / "output.txt")
        if case.fresh_cache:
            shutil.rmtree(cache, ignore_errors=True)
        if code not in ACCEPTED[case.tool]:
            timing.failure = f"exit {code}: {tail}"
            return timing
        if index >= case.warmup:
            timing.seconds.append(seconds)
            timing.cpu.append(cpu)
            timing.peak = max(timing.peak, peak)
    progress(f"{case.label} on {case.input.label if case.input else 'notes/'}: {timing.median:.2f} s")
    return timing


# -- the tables -------------------------------------------------------------------
def wall(timing: Timing | None) -> str:
    if timing is None or timing.failure:
        return f"failed ({timing.failure})" if timing else "not run"

    def show(value: float) -> str:
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s" if value < 10 else f"{value:.1f} s"

    low, high = show(min(timing.seconds)), show(max(timing.seconds))
    if len(timing.seconds) == 1:
        return show(timing.median)
    if low.split()[1] == high.split()[1]:  # one unit: "197–200 ms"
        low = low.split()[0]
    return f"{show(timing.median)} ({low}–{high})"


def cpu(timing: Timing | None) -> str:
    """Median CPU seconds (user + system, children included) of the runs."""
    if not ok(timing) or not timing.cpu:
        return "–"
    value = statistics.median(timing.cpu)
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def cpu_ratio(notelint: Timing | None, other: Timing | None) -> str:
    if not ok(notelint) or not ok(other) or not notelint.cpu or not other.cpu:
        return "–"
    return f"{statistics.median(notelint.cpu) / statistics.median(other.cpu):.2f}"


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def megabytes(size: float) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"


def peak(timing: Timing | None) -> str:
    return megabytes(timing.peak) if timing and timing.seconds else "–"


def ok(timing: Timing | None) -> bool:
    return bool(timing and timing.seconds)


def ratio(notelint: Timing | None, other: Timing | None) -> str:
    return f"{notelint.median / other.median:.2f}" if ok(notelint) and ok(other) else "–"


def rate(size: int, timing: Timing | None) -> str:
    return f"{size / 1e6 / timing.median:.2f}" if ok(timing) else "–"


def by_input(cases: Sequence[Case], table: str) -> dict[Input, list[Case]]:
    grouped: dict[Input, list[Case]] = {}
    for case in cases:
        if case.table == table and case.input is not None:
            grouped.setdefault(case.input, []).append(case)
    return grouped


def sizes(the_input: Input) -> tuple[int, int]:
    files = the_input.files()
    return len(files), sum(path.stat().st_size for path in files)


def header(args: argparse.Namespace, peers: Sequence[Peer], corpora: Path | None, run: bool = True,
           load: str = "") -> list[str]:
    from notelint import __version__
    from notelint.rules import RULES
    from notelint.versions import botocore_version

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    command = shlex.join([os.path.relpath(sys.executable), os.path.relpath(__file__), *sys.argv[1:]])
    lines = [
        "## notelint benchmark",
        "",
        f"notelint {__version__}, botocore {botocore_version()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs ({cores} usable), {platform.system()} {platform.machine()}.",
        "",
        f"Command: `{command}` (from the repository root).  Whole processes; median (min–max) wall time of "
        f"{args.runs} runs after 1 warm-up (corpora: {args.corpus_runs} runs; scaled corpora: {args.scale_runs}, "
        "no warm-up); peak RSS is the largest single process, forked workers included "
        f"({'GNU time %M' if not run or gnu_time() else 'ru_maxrss from os.wait4: an upper bound'}).  "
        "The last column is notelint `--no-cache` time ÷ the tool's, in wall time and in CPU time (user + system, "
        "children included: the load of a shared machine stretches wall time, hardly CPU time).",
        *(["", f"Load average (1, 5, 15 min) at the start: {load}; at the end: {load_average()}."] if load else []),
        "",
        "| tool | version | checks |",
        "|---|---|---|",
        f"| notelint | {__version__} | all {len(RULES)} rules: front matter and structure, spelling, AWS names, "
        f"APIs and resources (botocore {botocore_version()}), stale claims, contradictions |",
    ]
    for peer in peers:
        version = peer.version() if run else f"{peer.pinned} (pinned)"
        lines.append(f"| {peer.name} | {version} | {peer.checks} |")
    if corpora is None:
        lines += ["", "No corpora found (pass `--corpora PATH`): the corpus rows are left out."]
    return lines


def tables(cases: Sequence[Case]) -> list[str]:
    lines = ["", "### Warm: catalog and derived caches built", ""]
    lines += ["| input | files | size | tool | wall | CPU | peak RSS | notelint --no-cache ÷ tool (wall, CPU) |",
              "|---|---|---|---|---|---|---|---|"]
    for the_input, group in by_input(cases, "warm").items():
        count, size = sizes(the_input)
        uncached = next(c.result for c in group if c.label == "notelint --no-cache")
        for index, case in enumerate(group):
            first = f"{the_input.label} | {count} | {megabytes(size)}" if index == 0 else " | |"
            shown = f"{ratio(uncached, case.result)}, {cpu_ratio(uncached, case.result)}" if case.tool != "notelint" else "–"
            lines.append(f"| {first} | {case.label} | {wall(case.result)} | {cpu(case.result)} | {peak(case.result)} | {shown} |")

    lines += ["", "### Cold", "", "| what | wall | CPU | peak RSS |", "|---|---|---|---|"]
    for case in cases:
        if case.table == "cold":
            lines.append(f"| {case.label} | {wall(case.result)} | {cpu(case.result)} | {peak(case.result)} |")

    corpus = by_input(cases, "corpus")
    if not corpus:
        return lines
    lines += ["", "### Throughput on the corpora (notelint `--isolated --no-cache`)", ""]
    lines += ["| input | files | size | tool | wall | CPU | MB/s | peak RSS | notelint ÷ tool (wall, CPU) |",
              "|---|---|---|---|---|---|---|---|---|"]
    for the_input, group in corpus.items():
        count, size = sizes(the_input)
        mine = group[0].result
        for index, case in enumerate(group):
            first = f"{the_input.label} | {count:,} | {megabytes(size)}" if index == 0 else " | |"
            shown = f"{ratio(mine, case.result)}, {cpu_ratio(mine, case.result)}" if case.tool != "notelint" else "–"
            lines.append(
                f"| {first} | {case.label} | {wall(case.result)} | {cpu(case.result)} | {rate(size, case.result)} "
                f"| {peak(case.result)} | {shown} |"
            )
    scaling = [(i, g) for i, g in corpus.items() if i.copies or i.parts == (SAGEMAKER,)]
    if len(scaling) > 1:
        tools = [case.tool for case in scaling[0][1]]
        lines += ["", "### Growth with size (SageMaker guide copied N times): MB/s per tool", ""]
        lines += ["| copies | files | size | " + " | ".join(tools) + " | notelint time ÷ (N × 1 copy) |"]
        lines += ["|---" * (len(tools) + 4) + "|"]
        base = scaling[0][1][0].result
        for the_input, group in scaling:
            count, size = sizes(the_input)
            copies = the_input.copies or 1
            linear = f"{group[0].result.median / (copies * base.median):.2f}" if ok(group[0].result) and ok(base) else "–"
            cells = " | ".join(rate(size, case.result) for case in group)
            lines.append(f"| {copies} | {count:,} | {megabytes(size)} | {cells} | {linear} |")
    return lines


def targets(cases: Sequence[Case]) -> list[str]:
    """The targets of issue 7, met or not, from the measurements above."""

    def find(table: str, label: str, start: str) -> Timing | None:
        for case in cases:
            if case.table == table and case.label == label and case.input and case.input.label.startswith(start):
                return case.result
        return None

    lines = ["", "### Targets (issue 7)", ""]

    def verdict(text: str, met: bool | None) -> None:
        lines.append(f"- {text}: {'not measured' if met is None else 'met' if met else 'NOT met'}")

    one, notes = find("warm", "notelint, result cache warm", "one note"), find("warm", "notelint, result cache warm", "notes/")
    verdict(f"one note warm under {TARGETS['one note']} s ({wall(one)})", one.median < TARGETS["one note"] if ok(one) else None)
    verdict(f"notes/ warm under {TARGETS['notes/']} s ({wall(notes)})", notes.median < TARGETS["notes/"] if ok(notes) else None)
    mine, cspell = find("corpus", "notelint --no-cache", "SageMaker developer"), find("corpus", CSPELL.name, "SageMaker developer")
    verdict(
        f"SageMaker guide, all rules, faster than cspell's spelling alone ({wall(mine)} vs {wall(cspell)})",
        mine.median < cspell.median if ok(mine) and ok(cspell) else None,
    )
    largest = find("corpus", "notelint --no-cache", f"SageMaker guide x{max(SCALES)}")
    if ok(largest) and ok(mine):
        growth = largest.median / (max(SCALES) * mine.median)
        verdict(f"time linear in size (x{max(SCALES)} takes {growth:.2f} × linear; within {TARGETS['linear']})", growth <= TARGETS["linear"])
    else:
        verdict("time linear in size", None)
    warm = [c.result for c in cases if c.tool == "notelint" and ok(c.result) and (
        c.table == "warm" or (c.input is not None and c.input.parts == (SAGEMAKER,) and not c.input.copies))]
    highest = max((t.peak for t in warm), default=0)
    verdict(
        f"peak memory warm under {TARGETS['memory'] / 1e6:.0f} MB on the notes and the SageMaker guide "
        f"(highest {megabytes(highest)}; the scaled corpora show how it grows)",
        highest < TARGETS["memory"] if warm else None,
    )
    return lines


# -- profile ----------------------------------------------------------------------
def profile(corpora: Path, work: Path) -> int:
    """cProfile of ``notelint check --jobs 1`` on the SageMaker guide; the top 25 by cumulative time."""
    import pstats

    env = {**os.environ, "NOTELINT_CACHE_DIR": str(work / "cache")}
    subprocess.run(notelint_command("check", "--exit-zero"), cwd=ROOT, env=env, capture_output=True, check=True)
    stats = work / "profile.out"
    target = corpora / SAGEMAKER
    command = [sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "notelint",
               "check", "--isolated", "--no-cache", "--jobs", "1", "--exit-zero", str(target)]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
    print(f"## Profile: `notelint check --isolated --no-cache --jobs 1` on {SAGEMAKER}\n")
    print(f"Wall time under the profiler: {time.perf_counter() - start:.1f} s (catalog and derived caches warm).\n")
    listing = io.StringIO()
    pstats.Stats(str(stats), stream=listing).sort_stats("cumulative").print_stats(25)
    body = listing.getvalue().split("\n", 1)[1].strip("\n")  # without the line naming the temp file
    print(f"```text\n{body.replace(str(ROOT) + '/', '')}\n```")
    return 0


# -- main -------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, help="timed runs per row (default 5; --quick: 1)")
    parser.add_argument("--corpus-runs", type=int, help="timed runs per corpus row (default 3; --quick: 1)")
    parser.add_argument("--scale-runs", type=int, default=1, help="timed runs per scaled-corpus row (default 1)")
    parser.add_argument("--quick", action="store_true", help="one run per row; no 'all corpora' and no scaled corpus")
    parser.add_argument("--dry-run", action="store_true", help="list what would be measured; run and install nothing")
    parser.add_argument("--profile", action="store_true", help="profile notelint on the SageMaker guide instead")
    parser.add_argument("--corpora", help="folder of corpus folders (default: shared/corpora beside the repository)")
    parser.add_argument("--no-peers", action="store_true", help="measure notelint only")
    parser.add_argument("--no-install", action="store_true", help="do not install missing peers")
    parser.add_argument("--peers", help="comma-separated peers to measure (default: all: "
                        + ", ".join(peer.name for peer in PEERS) + ")")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 5)
    args.corpus_runs = args.corpus_runs or (1 if args.quick else 3)
    corpora = find_corpora(args.corpora)

    if args.profile:
        if corpora is None:
            parser.error("--profile needs the corpora: pass --corpora PATH")
        with tempfile.TemporaryDirectory(prefix="notelint-bench-") as work:
            return profile(corpora, Path(work))

    wanted = [] if args.no_peers else list(PEERS)
    if args.peers and not args.no_peers:
        names = {name.strip() for name in args.peers.split(",")}
        unknown = names - {peer.name for peer in PEERS}
        if unknown:
            parser.error(f"unknown peer(s): {', '.join(sorted(unknown))}")
        wanted = [peer for peer in PEERS if peer.name in names]
    if args.dry_run:
        cases = plan(args, Path("$WORK"), corpora, wanted)
        print("\n".join(header(args, wanted, corpora, run=False)))
        print(f"\n{len(cases)} rows would be measured ($WORK: a temp folder with the staged corpora):\n")
        for case in cases:
            where = case.input.label if case.input else "notes/"
            cwd = case.input.root if case.input else ROOT
            print(f"- [{case.table}] {where} — {case.label} — warm-up {case.warmup}, runs {case.runs}")
            print(f"    (cd {cwd} && {shlex.join(case.command)})")
        return 0

    peers = ensure(wanted, install=not args.no_install)
    load = load_average()
    with tempfile.TemporaryDirectory(prefix="notelint-bench-") as folder:
        work = Path(folder)
        if corpora is not None:
            stage(corpora, work, scaled=not args.quick)
        cases = plan(args, work, corpora, peers)
        progress = lambda text: print(f"  {text}", file=sys.stderr)  # noqa: E731
        for case in cases:
            case.result = measure(case, work, progress)
        lines = [*header(args, peers, corpora, load=load), *tables(cases), *targets(cases)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
