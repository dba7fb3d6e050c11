"""Mutation testing of notelint's core, one module at a time, with mutmut 3.

    .venv/bin/pip install -c constraints.txt -e '.[test,mutation]'
    .venv/bin/python bench/mutation.py                      # every module below, smallest first
    .venv/bin/python bench/mutation.py existence fixes      # some of them
    .venv/bin/python bench/mutation.py --list               # the modules and their test selections
    .venv/bin/python bench/mutation.py source --survivors   # and print each surviving mutant's diff

Each module is mutated in its own scratch copy of the repository
(``$TMPDIR/notelint-mutation/<module>``, kept between runs: mutmut re-runs only
mutants whose code or tests changed), and each mutant is checked only by a
focused test selection: the test files that exercise that module (mutmut runs
them once to learn which tests reach which function, then runs only those
tests per mutant).  One worker by default (``--max-children``): the machine is
shared, and a module takes from under a minute to a few minutes on one core.

The score of a module is killed / (mutants - judged equivalent), where killed
counts mutants a test failed on or that timed out, and survivors include
mutants no selected test reaches.  Surviving mutants judged equivalent (no
input can tell them apart from the original) are listed with the reason in
``bench/mutation/equivalent.tsv``, keyed by mutant name and its changed line;
an entry whose mutant no longer survives, or whose line changed, is reported
as stale so that the list is kept honest.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EQUIVALENT = REPO / "bench" / "mutation" / "equivalent.tsv"
KILLED = ("killed", "timeout", "caught by type check")  # mutmut's statuses of a mutant a test noticed


@dataclass(frozen=True)
class Target:
    name: str
    path: str  # the file mutated
    tests: tuple[str, ...]  # the focused selection
    functions: str = ""  # only mutants of these functions (a mutmut name pattern), e.g. the CLI's exit_code
    deselect: str = ""  # a pytest -k expression of tests left out (wall-clock budgets that trampolines overrun)


# smallest first; the test selections are the files that exercise each module directly
TARGETS = (
    Target("cli-exit-codes", "notelint/cli.py", ("tests/test_exit_codes.py",), "notelint.cli.x_exit_code__mutmut_*"),
    Target("existence", "notelint/aws/existence.py", ("tests/test_aws_existence.py", "tests/test_aws_api.py")),
    # (the property over the real set runs notelint on 66 files: 40 s per mutant under load; the units cover it)
    Target("fixes", "notelint/fixes.py", ("tests/test_fix.py", "tests/test_fix_units.py", "tests/test_fix_meaning.py"),
           deselect="fixing_real_notes"),
    Target("resultcache", "notelint/resultcache.py", ("tests/test_resultcache.py",)),
    # (the per-file digest memo and the finding types moved out of resultcache and diagnostic: still the core)
    Target("filedigest", "notelint/filedigest.py", ("tests/test_filedigest.py", "tests/test_resultcache.py")),
    Target("source", "notelint/source.py", ("tests/test_source.py", "tests/test_note.py")),
    Target("diagnostic", "notelint/diagnostic.py",
           ("tests/test_diagnostic.py", "tests/test_fix.py", "tests/test_outputs.py", "tests/test_output_columns.py")),
    Target("finding", "notelint/finding.py",
           ("tests/test_diagnostic.py", "tests/test_fix.py", "tests/test_outputs.py", "tests/test_output_columns.py")),
    Target("engine", "notelint/engine.py",
           ("tests/test_engine.py", "tests/test_engine_units.py", "tests/test_suppressions.py", "tests/test_resultcache.py"),
           deselect="time_limit"),
    Target("staleness", "notelint/claims/staleness.py", ("tests/rules/test_stale.py", "tests/claims")),
    Target("note", "notelint/note.py", ("tests/test_note.py", "tests/test_note_model.py", "tests/test_note_positions.py",
                                        "tests/test_url_positions.py",
                                        "tests/test_source.py",
                                        "tests/rules/test_structure.py"),
           # (the one test that builds the knowledge base: 25 s per mutant under load; the model tests cover it)
           deselect="exam_link_finding"),
)
BY_NAME = {t.name: t for t in TARGETS}


def _tracked(*paths: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z", "--", *paths], cwd=REPO, capture_output=True, check=True)
    return [p for p in out.stdout.decode().split("\0") if p]


def prepare(target: Target, work: Path) -> Path:
    """A scratch copy of the package and tests with a [tool.mutmut] section for ``target``."""
    folder = work / target.name
    folder.mkdir(parents=True, exist_ok=True)
    tracked = _tracked(".")
    for relative in tracked:
        source, copy = REPO / relative, folder / relative
        if not source.is_file():
            continue
        if not copy.exists() or copy.read_bytes() != source.read_bytes():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
    tests = [t for t in target.tests if (REPO / t).exists()]
    if target.deselect:
        tests += ["-k", f"not ({target.deselect})"]
    # mutmut runs the tests inside its mutants/ copy: give it every other file the tests read (notes/, reports/, ...)
    # (and the package's data: mutmut copies only the package's .py files)
    others = sorted({relative.split("/")[0] for relative in tracked} - {"notelint", "tests", "pyproject.toml"})
    others += sorted(r for r in tracked if r.startswith("notelint/") and not r.endswith(".py"))
    settings = {
        "source_paths": ["notelint"],
        "also_copy": others,
        "only_mutate": [target.path],
        "pytest_add_cli_args_test_selection": tests,
        # -s: with mutmut 3.8.1 capturing output itself, tests that call main() fail in its stats run
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q", "-x", "-s"],
    }
    lines = [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8") + "\n[tool.mutmut]\n" + "\n".join(lines) + "\n"
    if not (folder / "pyproject.toml").exists() or (folder / "pyproject.toml").read_text(encoding="utf-8") != pyproject:
        (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return folder


def seed_cache(seed: Path) -> Path:
    """Derived data (the AWS catalog, the spelling lists) built once, by the unmutated code.

    mutmut runs a fresh pytest session per mutant, and each session starts with
    an empty cache (tests/conftest.py): every mutant whose tests reach the AWS
    rules rebuilt the catalog from botocore (30 s and more under load), far over
    the time mutmut allows from the tests' measured durations, so whole modules
    timed out (fixes).  tests/conftest.py links this seed into each session's
    cache when ``NOTELINT_TEST_CACHE_SEED`` names it; results are never shared.
    """
    seed.mkdir(parents=True, exist_ok=True)
    note = "---\ntitle: T\nreviewed: 2025-06-01\n---\n* Amazon SageMaker runs ml.p3.2xlarge instances.\n"
    subprocess.run([sys.executable, "-m", "notelint", "check", "--isolated", "--no-cache", "--exit-zero",
                    "--format", "json", "-"], input=note.encode(), cwd=REPO, stdout=subprocess.DEVNULL,
                   env={**os.environ, "NOTELINT_CACHE_DIR": str(seed)}, check=True)
    return seed


def _mutmut() -> list[str]:
    return [sys.executable, "-m", "mutmut"]


def _fresh_stats(target: Target, folder: Path) -> None:
    """Have mutmut learn again which tests reach which function when the module or its tests changed.

    mutmut 3.8.1 keeps that map between runs and adds to it only for tests it has not
    seen: a function added to the module since (or an old test edited to reach it)
    stays reached by no test, and its mutants count as surviving without being run
    (claims/staleness: 38 mutants of a function that six tests call, and most of the
    test lists of the functions added in the same change).
    """
    import hashlib

    digest = hashlib.sha256()
    for relative in [target.path, *_tracked(*target.tests)]:
        digest.update(relative.encode() + b"\0" + (REPO / relative).read_bytes())
    stamp, stats = folder / "mutmut-stats.inputs", folder / "mutants" / "mutmut-stats.json"
    if stats.exists() and (not stamp.exists() or stamp.read_text(encoding="utf-8") != digest.hexdigest()):
        stats.unlink()  # the next `mutmut run` runs the selection once to map it again (verdicts are kept)
    stamp.write_text(digest.hexdigest(), encoding="utf-8")


def run(target: Target, folder: Path, children: int, survivors_only: bool = False) -> None:
    names = [target.functions] if target.functions else []
    _fresh_stats(target, folder)
    # mutmut keeps each verdict and runs a mutant again only when its code changed: the last
    # run's survivors are named in a second pass, so that a test added since can kill them
    before = set(_survivors(target, folder)) if not names else set()
    if survivors_only:  # the second pass alone (the mutants not checked yet stay so)
        before = {name for name, status in statuses(target, folder).items() if status in ("survived", "no tests")}
    with open(folder / "mutmut-run.log", "wb") as log:
        if not survivors_only:
            subprocess.run([*_mutmut(), "run", "--max-children", str(children), *names], cwd=folder,
                           stdout=log, stderr=subprocess.STDOUT, check=False)
        again = sorted(before & set(statuses(target, folder)))
        if again:
            subprocess.run([*_mutmut(), "run", "--max-children", str(children), *again], cwd=folder,
                           stdout=log, stderr=subprocess.STDOUT, check=False)


def _survivors(target: Target, folder: Path) -> list[str]:
    """The mutants the last run left alive (none before a first run)."""
    if not (folder / "mutants" / (target.path + ".meta")).exists():
        return []
    return [name for name, status in statuses(target, folder).items() if status not in KILLED]


def statuses(target: Target, folder: Path) -> dict[str, str]:
    from fnmatch import fnmatchcase

    from mutmut.stats import status_by_exit_code

    meta = folder / "mutants" / (target.path + ".meta")
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return {name: status_by_exit_code[code] for name, code in codes.items()
            if not target.functions or fnmatchcase(name, target.functions)}


def _functions(folder: Path, path: str) -> dict[str, str]:
    """Source of every function of mutmut's copy of ``path``, by name (read once per module)."""
    import ast

    text = (folder / "mutants" / path).read_text(encoding="utf-8")
    lines = text.splitlines()
    # by line numbers: ast.get_source_segment scans the text from its start for every function, and
    # mutmut's copy of a module holds every mutant as a function (minutes for 900 of them)
    return {node.name: "\n".join(lines[node.lineno - 1: node.end_lineno]) for node in ast.walk(ast.parse(text))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None}


_SOURCES: dict[tuple[Path, str], dict[str, str]] = {}


def changed_line(folder: Path, name: str, path: str = "") -> str:
    """The mutant's changed line(s) as 'old => new' (its function beside mutmut's copy of the original)."""
    import difflib

    key = (folder, path)
    if key not in _SOURCES:
        _SOURCES[key] = _functions(folder, path)
    functions = _SOURCES[key]
    short = name.rsplit(".", 1)[-1]
    original = functions.get(short.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "")
    mutant = functions.get(short, "")
    old_lines, new_lines = original.splitlines()[1:], mutant.splitlines()[1:]  # the def line names differ
    old, new = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        if op != "equal":
            old += [line.strip() for line in old_lines[i1:i2]]
            new += [line.strip() for line in new_lines[j1:j2]]
    if not old and not new:  # the signature itself (a default value) changed
        old, new = [original.splitlines()[0].strip()], [mutant.splitlines()[0].strip()]
    return " | ".join(old) + " => " + " | ".join(new)


def equivalents() -> dict[tuple[str, str], tuple[str, str]]:
    """(module, mutant) -> (changed line, reason)."""
    if not EQUIVALENT.exists():
        return {}
    with EQUIVALENT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {(r["module"], r["mutant"]): (r["change"], r["reason"]) for r in rows}


def report(target: Target, folder: Path, show: bool) -> dict:
    status = statuses(target, folder)
    killed = sum(s in KILLED for s in status.values())
    survivors = sorted(name for name, s in status.items() if s not in KILLED)
    judged = equivalents()
    equivalent, stale = [], []
    for (module, name), (change, _reason) in judged.items():
        if module != target.name:
            continue
        if name in survivors and changed_line(folder, name, target.path) == change:
            equivalent.append(name)
        else:
            stale.append(name)
    live = [n for n in survivors if n not in equivalent]
    total = len(status)
    score = killed / (total - len(equivalent)) if total > len(equivalent) else 1.0
    print(f"{target.name:15} {target.path:32} mutants {total:4}  killed {killed:4}  survived {len(survivors):4}"
          f"  equivalent {len(equivalent):3}  score {score:6.1%}  (raw {killed / total if total else 1:6.1%})")
    unchecked = sum(s == "not checked" for s in status.values())
    if unchecked:  # a run stopped early: the score counts them as survivors; say what the checked ones gave
        checked = total - unchecked - len(equivalent)
        print(f"  {unchecked} not checked yet; of the {total - unchecked} checked: {killed / checked if checked else 1:.1%}"
              f" killed (excluding equivalents)")
    for name in stale:
        print(f"  stale entry in {EQUIVALENT.relative_to(REPO)}: {name} (killed now, gone, or its line changed)")
    if show:
        for name in (n for n in live if status[n] != "not checked"):
            print(f"  {status[name]:9} {name}: {changed_line(folder, name, target.path)}")
    return {"module": target.name, "mutants": total, "killed": killed, "equivalent": len(equivalent),
            "survivors": live, "score": score}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"any of: {', '.join(BY_NAME)} (default: all)")
    parser.add_argument("--list", action="store_true", help="list the modules and their test selections")
    parser.add_argument("--max-children", type=int, default=1, help="mutmut workers (default 1: the machine is shared)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "notelint-mutation")
    parser.add_argument("--survivors", action="store_true", help="print each surviving mutant's change")
    parser.add_argument("--report-only", action="store_true", help="read the last run's results; run nothing")
    parser.add_argument("--survivors-only", action="store_true",
                        help="run only the last run's survivors again (with today's tests), not the unchecked mutants")
    args = parser.parse_args(argv)
    unknown = [m for m in args.modules if m not in BY_NAME]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(BY_NAME)}")
    targets = [BY_NAME[m] for m in args.modules] if args.modules else list(TARGETS)
    if args.list:
        for t in targets:
            print(f"{t.name:15} {t.path:32} {' '.join(t.tests)}" + (f"  [{t.functions}]" if t.functions else ""))
        return 0
    try:
        import mutmut  # noqa: F401
    except ImportError:
        print("mutmut is not installed: pip install -c constraints.txt -e '.[test,mutation]'", file=sys.stderr)
        return 2
    os.environ.setdefault("NOTELINT_CACHE_DIR", str(args.workdir / "notelint-cache"))
    if not args.report_only:
        os.environ["NOTELINT_TEST_CACHE_SEED"] = str(seed_cache(args.workdir / "test-cache-seed"))
    results = []
    for target in targets:
        folder = prepare(target, args.workdir)
        if not args.report_only:
            run(target, folder, args.max_children, args.survivors_only)
        results.append(report(target, folder, args.survivors))
    return 0 if all(r["mutants"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
