"""Command line: argument parsing and sub-commands only.

Exit codes: 0 nothing at or above the fail-on level, 1 findings, 2 usage,
configuration or file errors.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from notelint import __version__
from notelint.config import FAIL_ON, Config, ConfigError, discover, load_file, parse_date
from notelint.diagnostic import Severity

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Sequence
    from notelint.rule import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class NothingToCheck(Exception):
    """Every file named is excluded: say so and exit 0."""


def _codes(text: str) -> tuple[str, ...]:
    from notelint.codes import is_code_prefix

    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())  # codes are case-insensitive
    for code in codes:
        if not is_code_prefix(code):
            raise argparse.ArgumentTypeError(f"'{code}' is not a rule code or prefix such as NL2 or NL201")
    return codes


def _date(text: str):
    try:
        return parse_date(text, "--as-of")
    except Exception:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


# the sub-commands and their one-line help (`notelint --help` lists them)
COMMANDS = {
    "check": "check notes (default: the configured paths)",
    "baseline": "record today's findings, so that `check --baseline FILE` reports only new ones",
    "report": "write the correctness report (report.html, report.md, report.json) for notes",
    "catalog": "show or rebuild the cached AWS catalog",
    "server": "run the language server over stdio, for editors (needs: pip install 'notelint[server]')",
    "rules": "list every rule",
    "explain": "explain one rule, with examples",
}


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser.  When ``argv`` starts with a command, only that
    command's sub-parser is made: each is a whole ArgumentParser, and making all
    seven cost 22 M instructions against 15 M for `check` alone (of ~270 M in a
    run answered from the cache).  Anything else (``--help``,
    ``--version``, a typo, nothing) gets them all, for the list and the errors."""
    parser = argparse.ArgumentParser(
        prog="notelint",
        description="Lint technical study notes kept as structured Markdown.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"notelint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    words = sys.argv[1:] if argv is None else list(argv)
    first = words[0] if words else None
    for name, summary in COMMANDS.items():
        if first not in COMMANDS or name == first:
            _OPTIONS[name](commands.add_parser(name, help=summary, formatter_class=_HelpFormatter))
    return parser


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, given the width shutil.get_terminal_size would give.

    argparse makes a formatter for every option added (to check its ``nargs``) and
    asks ``shutil`` for the terminal's width, so every run imported shutil, and with
    it zlib, bz2 and lzma: four shared libraries, ~3 ms of CPU, for help text that a
    check never prints.  The columns are found as shutil finds them (``COLUMNS``,
    else the terminal of ``sys.__stdout__``, else 80), so help and usage lines wrap
    where they did."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
    return size.columns or 80


def _check_options(check: argparse.ArgumentParser) -> None:
    from notelint.output import FORMATS

    _run_options(check, "check")
    check.add_argument("--format", choices=FORMATS, help="output format (default: text, or github in GitHub Actions)")
    check.add_argument("--output-file", type=Path, help="write the output to this file instead of stdout")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--diff", action="store_true", help="print the safe fixes as a diff; write nothing")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply the fixes marked unsafe (review them)"
    )
    check.add_argument("--quiet", "-q", action="store_true", help="one line per finding, no excerpts or summary")
    check.add_argument("--statistics", action="store_true", help="print only a count per rule (text format)")
    check.add_argument(
        "--stdin-filename", metavar="NAME",
        help="with the path '-' (read the note from stdin): the name to report it under and match config against",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")
    check.add_argument(
        "--baseline", type=Path, metavar="FILE",
        help="report only findings not recorded in this baseline (written by `notelint baseline`)",
    )
    check.add_argument(
        "--diff-base", metavar="REF",
        help="report only findings on lines added or changed since REF (its merge base with HEAD), as git diff tells",
    )


def _baseline_options(baseline: argparse.ArgumentParser) -> None:
    _run_options(baseline, "record findings of")
    baseline.add_argument(
        "--output", "-o", type=Path, default=Path(".notelint-baseline.json"), metavar="FILE",
        help="the baseline file to write (default: .notelint-baseline.json)",
    )


def _report_options(report: argparse.ArgumentParser) -> None:
    _run_options(report, "report on")
    report.add_argument(
        "--output-dir", type=Path, help="folder to write the report files into (default: reports/ beside the config)"
    )
    report.add_argument(
        "--previous", type=Path, help="report.json to compare with (default: the one in the output folder)"
    )
    report.add_argument(
        "--timestamp", action="store_true", help="record when the report was made (off by default: reports diff cleanly)"
    )


def _catalog_options(catalog: argparse.ArgumentParser) -> None:
    action = catalog.add_mutually_exclusive_group()
    action.add_argument("--info", action="store_true", help="print the data versions, counts and cache path (default)")
    action.add_argument("--rebuild", action="store_true", help="rebuild the catalog from the installed botocore")


def _explain_options(explain: argparse.ArgumentParser) -> None:
    explain.add_argument("rule", metavar="CODE", help="a rule code (NL112) or name (empty-list-item)")


def _no_options(command: argparse.ArgumentParser) -> None:
    pass


_OPTIONS = {
    "check": _check_options,
    "baseline": _baseline_options,
    "report": _report_options,
    "catalog": _catalog_options,
    "server": _no_options,
    "rules": _no_options,
    "explain": _explain_options,
}


def _run_options(command: argparse.ArgumentParser, verb: str) -> None:
    """Options shared by the commands that lint: which notes, config, rules, date."""
    command.add_argument("paths", nargs="*", metavar="PATH", help=f"files or directories to {verb} (default: the configured paths)")
    command.add_argument("--config", type=Path, help="use this config file instead of searching for one")
    command.add_argument("--isolated", action="store_true", help="ignore every config file")
    command.add_argument("--select", type=_codes, help="comma-separated rule codes or prefixes to run (replaces config)")
    command.add_argument("--extend-select", type=_codes, help="rule codes or prefixes to run in addition")
    command.add_argument("--ignore", type=_codes, help="rule codes or prefixes to skip (added to config)")
    command.add_argument("--as-of", type=_date, help="date to judge claims against (default: today)")
    command.add_argument("--no-cache", action="store_true", help="check every file again, ignoring cached results")
    command.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: one per core when there are many files)")


def run() -> int:
    """The ``notelint`` command (and ``python -m notelint``): ``main`` on the process's own
    arguments, in a process that ends when it returns.

    Python's own exit garbage-collects everything the run left: the shared data,
    regular expressions, parsed notes, several tens of thousands of containers walked
    in the collections of interpreter shutdown, ~5 % of a one-note ``--no-cache`` run's
    instructions and 15-50 ms of its CPU (the walk is memory-bound: more on a loaded
    machine).  ``gc.freeze`` moves them out of the collector's sight first; they are
    still freed by reference counting as the modules are torn down, and what only a
    cycle holds is left to the end of the process, as the operating system frees it.
    Nothing notelint writes depends on a collection (files are closed where written,
    the standard streams are flushed by Python's exit as before).  ``main`` itself is
    what tests and callers in a longer-lived process use: it does not freeze."""
    code = main()
    gc.freeze()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    # a check allocates millions of small, short-lived objects (tokens, spans);
    # collecting cycles less often saves about a tenth of a large run
    gc.set_threshold(100_000, 50, 1000)
    parser = _parser(argv)
    args = parser.parse_args(argv)
    interrupted = False
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "report":
            return _report(args)
        if args.command == "baseline":
            return _write_baseline(args)
        if args.command == "rules":
            return _rules()
        if args.command == "catalog":
            return _catalog(args.rebuild)
        if args.command == "explain":
            return _explain(args.rule)
        if args.command == "server":
            return _server()
        parser.print_help()
        return EXIT_ERROR
    except NothingToCheck as exc:
        print(f"notelint: {exc}", file=sys.stderr)
        return EXIT_OK
    except (ConfigError, UsageError) as exc:
        print(f"notelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        interrupted = True
        print("notelint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    finally:
        # patterns compiled by a run that checked notes (runner.check installs the
        # store) are kept for the next run, but not after Ctrl-C: the user wants out,
        # and a second interrupt while writing would end in a traceback
        kept = sys.modules.get("notelint.regexcache")
        if kept is not None and not interrupted:
            kept.save()


def _config(args: argparse.Namespace) -> Config:
    if args.isolated:
        return Config(root=Path.cwd().resolve())
    if args.config is not None:
        if not args.config.is_file():
            raise UsageError(f"{args.config}: config file not found")
        return load_file(args.config)
    return discover()


def _known_codes(config: Config, args: argparse.Namespace) -> None:
    """Every code or prefix named must match a rule: a typo in --select would
    otherwise turn every check off and report "All checks passed"."""
    from notelint.resultcache import registered_codes

    where = f" in {config.file}" if config.file is not None else ""
    named = [
        *((code, "--" + option.replace("_", "-")) for option in ("select", "extend_select", "ignore")
          for code in getattr(args, option, None) or ()),
        *((code, f"'{key}'{where}") for key in ("select", "extend_select", "ignore")
          for code in getattr(config, key) or ()),
        *((code, f"'per-file-ignores'{where}") for group in config.per_file_ignores.values() for code in group),
        *((code, f"'severity'{where}") for code in config.severity),
    ]
    if not named:
        return
    codes = registered_codes()
    for code, option in named:
        if not any(known.startswith(code) for known in codes):
            raise UsageError(f"{code} ({option}) matches no rule; `notelint rules` lists them")


def _run_config(args: argparse.Namespace) -> Config:
    """The config with the command line's rule selection and date applied."""
    config = _config(args)
    _known_codes(config, args)
    return config.with_overrides(
        select=args.select,
        extend_select=(config.extend_select + args.extend_select) if args.extend_select else None,
        ignore=(config.ignore + args.ignore) if args.ignore else None,
        as_of=args.as_of,
    )


def _plan(config: Config, paths: Sequence[str]):
    from notelint import runner

    the_plan = runner.plan(config, paths)
    if not the_plan.targets and not the_plan.missing:
        if paths and all(Path(p).is_file() for p in paths):
            # files named one by one (pre-commit) that the configuration excludes: skipped,
            # as ruff's --force-exclude does; nothing to check is not an error
            raise NothingToCheck(f"{', '.join(paths)}: excluded by the configuration; nothing to check")
        where = ", ".join(paths) if paths else ", ".join(config.paths)
        raise UsageError(f"no notes (*.md, *.markdown) found in {where}")
    return the_plan


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _check(args: argparse.Namespace) -> int:
    from notelint import runner
    from notelint.output import OutputContext, renderer

    config = _run_config(args).with_overrides(fail_on=args.fail_on)
    if args.fix and args.diff:
        raise UsageError("--fix and --diff cannot be combined: --diff shows the fixes without writing them")
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if args.statistics and fmt not in ("text", "grouped"):
        print(f"notelint: warning: --statistics applies to the text format, not {fmt}", file=sys.stderr)
    if "-" in args.paths:
        result, patch = _check_stdin(args, config)
    else:
        the_plan = _plan(config, args.paths)
        result, patch = runner.check(  # None: every registered rule, loaded unless the run cache answers
            config, None, the_plan, fix=args.fix, diff=args.diff, cache=not args.no_cache, jobs=args.jobs,
            unsafe_fixes=args.unsafe_fixes,
        )

    if args.diff:
        sys.stdout.write(patch)
        for error in result.errors:
            print(f"notelint: error: {error.path}: {error.message}", file=sys.stderr)
        if result.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if patch else EXIT_OK

    _narrow(args, config, result)
    stream = sys.stdout if args.output_file is None else None
    out = OutputContext(
        rules=_all_rules() if fmt == "sarif" else (),  # only SARIF describes the rules
        color=fmt in ("text", "grouped") and stream is not None and _use_color(args.color, stream),
        quiet=args.quiet,
        statistics=args.statistics,
        fixable_hint=not args.fix,
        unsafe_fixes=args.unsafe_fixes,
        sources=result.sources,
    )
    text = renderer(fmt)(result, out)
    if args.output_file is not None:
        try:
            args.output_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output_file}: cannot write: {exc.strerror or exc}") from None
        if fmt not in ("text", "grouped"):  # keep the terminal informed when the report goes to a file
            from notelint.output.text import summary_counts

            print(f"notelint: {summary_counts(result)}; written to {args.output_file}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if fmt not in ("text", "grouped"):
        for error in result.errors:
            print(f"notelint: error: {error.path}: {error.message}", file=sys.stderr)
    return exit_code(result, config.fail_on, args.exit_zero)


def _all_rules() -> Sequence[Rule]:
    from notelint.rules import RULES

    return RULES


def _check_stdin(args: argparse.Namespace, config: Config):
    """Check one note read from stdin, reported as --stdin-filename (default 'stdin.md')."""
    import tempfile

    from notelint import runner
    from notelint.outcome import FileError
    from notelint.rules import RULES

    if args.paths != ["-"]:
        raise UsageError("'-' (stdin) cannot be combined with other paths")
    if args.fix or args.diff:
        raise UsageError("--fix and --diff need files: a note read from stdin cannot be rewritten")
    name = args.stdin_filename or "stdin.md"
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="notelint-stdin-") as scratch:
        path = Path(scratch) / Path(name).name
        if path.suffix.lower() not in (".md", ".markdown"):
            path = path.with_name(path.name + ".md")
        path.write_bytes(data)
        from notelint.files import NoteFile

        # the configured notes are the context corpus rules compare with (not the file's own old version)
        context = [f for f in runner.plan(config, []).targets if f.display != name] if config.file is not None else []
        the_plan = runner.Plan([NoteFile(path, name)], context)
        result, patch = runner.check(config, RULES, the_plan, cache=False, jobs=args.jobs)
    result.diagnostics = [d for d in result.diagnostics if d.path == name]
    result.errors = [FileError(name, e.message) if e.path == str(path) else e for e in result.errors]
    return result, patch


def _narrow(args: argparse.Namespace, config: Config, result) -> None:
    """Leave out findings recorded in the baseline, then those off the lines changed since --diff-base."""
    if args.baseline is None and not args.diff_base:
        return  # the usual run: the baseline module (and subprocess) is not imported
    from notelint import baseline

    try:
        _narrow_by(baseline, args, config, result)
    except baseline.BaselineError as exc:
        raise UsageError(str(exc)) from None


def _narrow_by(baseline, args: argparse.Namespace, config: Config, result) -> None:
    if args.baseline is not None:
        entries = baseline.read(args.baseline)
        filtered = baseline.apply(result.diagnostics, result.sources, config.root, entries, result.sources.keys())
        result.diagnostics = filtered.kept
        if filtered.stale:
            count = len(filtered.stale)
            print(
                f"notelint: note: {count} baseline entr{'ies' if count != 1 else 'y'} in {args.baseline} "
                f"match{'' if count != 1 else 'es'} no finding any more (fixed); `notelint baseline --output {args.baseline}` drops "
                f"{'them' if count != 1 else 'it'}",
                file=sys.stderr,
            )
            for entry in filtered.stale[:20]:
                print(f"  stale: {entry.path}:{entry.line}: {entry.code} {entry.message[:100]}", file=sys.stderr)
    if args.diff_base:
        top, changed = baseline.changed_lines(args.diff_base, Path.cwd())
        result.diagnostics = baseline.only_changed(result.diagnostics, top, changed)


def _write_baseline(args: argparse.Namespace) -> int:
    from notelint import baseline, runner
    from notelint.rules import RULES

    config = _run_config(args)
    the_plan = _plan(config, args.paths)
    result, _patch = runner.check(config, RULES, the_plan, cache=not args.no_cache, jobs=args.jobs)
    try:
        count = baseline.write(args.output, baseline.entries_for(result.diagnostics, result.sources, config.root))
    except baseline.BaselineError as exc:
        raise UsageError(str(exc)) from None
    print(f"notelint: {count} finding{'s' if count != 1 else ''} recorded in {args.output}", file=sys.stderr)
    for error in result.errors:
        print(f"notelint: error: {error.path}: {error.message}", file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK


def exit_code(result, fail_on: str, exit_zero: bool = False) -> int:
    if result.errors:
        return EXIT_ERROR
    if exit_zero or fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(d.severity.rank >= threshold for d in result.diagnostics) else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    """Write the report; findings are its content, so only errors make the exit code non-zero."""
    from datetime import date, datetime, timezone

    from notelint import report, runner
    from notelint.rules import RULES

    config = _run_config(args)
    if args.output_dir is None:
        args.output_dir = config.root / "reports"
    the_plan = _plan(config, args.paths)
    as_of = config.as_of or date.today()
    result, _patch = runner.check(config, RULES, the_plan, as_of=as_of, cache=not args.no_cache, jobs=args.jobs)

    previous = args.previous or args.output_dir / report.JSON_NAME
    baseline, no_delta_reason = None, None
    try:
        baseline = report.read_baseline(previous)
    except report.BaselineError as exc:
        no_delta_reason = exc.reason
        missing_default = args.previous is None and exc.reason == report.NO_PREVIOUS
        level = "note" if missing_default else "warning"
        print(f"notelint: {level}: {previous}: {exc.reason}; the report shows no changes", file=sys.stderr)

    generated_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if args.timestamp else None
    document = report.build_report(
        result,
        result.rules,
        as_of=as_of,
        max_file_size=config.max_file_size,
        baseline=baseline,
        no_delta_reason=no_delta_reason,
        generated_at=generated_at,
    )
    try:
        written = report.write_report(document, args.output_dir)
    except report.ReportWriteError as exc:
        raise UsageError(str(exc)) from None
    notes, findings = len(document.notes), len(document.findings)
    score = "no claims" if document.score is None else f"score {document.score}"
    print(
        f"notelint: report on {notes} note{'s' if notes != 1 else ''} "
        f"({findings} finding{'s' if findings != 1 else ''}, {score}) "
        f"written to {', '.join(str(path) for path in written)}",
        file=sys.stderr,
    )
    for error in result.errors:
        print(f"notelint: error: {error.path}: {error.message}", file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK
def _server() -> int:
    from notelint.server import ServerUnavailable, run

    try:
        run()
    except ServerUnavailable as exc:
        raise UsageError(str(exc)) from None
    return EXIT_OK


def _catalog(rebuild: bool) -> int:
    from notelint.aws.catalog import describe, load_catalog

    print(describe(load_catalog(rebuild=rebuild), rebuilt=rebuild))
    return EXIT_OK


def _rules() -> int:
    from notelint.codes import family_of
    from notelint.rules import RULES

    width = max(len(rule.name) for rule in RULES)
    print(f"{'code':6}  {'name':{width}}  {'severity':8}  {'fix':10}  summary")
    for rule in sorted(RULES, key=lambda r: r.code):
        fix = _fix_label(rule)
        off = "" if rule.default_enabled else " (off by default)"
        print(f"{rule.code:6}  {rule.name:{width}}  {rule.severity.value:8}  {fix:10}  {rule.summary}{off}")
    print("\nfix: always or sometimes available; * unsafe (may change meaning: shown, applied only with --unsafe-fixes)")
    families = sorted({family_of(rule.code) for rule in RULES})
    print(f"\n{len(RULES)} rules in {len(families)} families: {', '.join(families)}")
    return EXIT_OK


def _fix_label(rule: Rule) -> str:
    if rule.fix.value == "never":
        return ""
    return f"{rule.fix.value}{'' if rule.fix_safe else '*'}"


def _severity_exceptions(rule: Rule) -> str:
    """Where a finding of ``rule`` can have another severity than its default, and why."""
    kinds = getattr(rule.check, "kinds", None)
    if not kinds:
        return ""
    from notelint.claims.knowledge import load

    others: dict[str, list[str]] = {}
    for change in load().changes:
        if change.kind in kinds and change.severity and change.severity != rule.severity.value:
            others.setdefault(change.severity, []).append(change.subject)
    parts = [f"{severity} for {', '.join(sorted(set(subjects)))}" for severity, subjects in sorted(others.items())]
    if any(kind in ("capability-added", "limit-changed") for kind in kinds):
        parts.append("error for a claim already wrong at the note's reviewed date")
    return f" ({'; '.join(parts)})" if parts else ""


def _explain(key: str) -> int:
    from notelint.rule import FixAvailability, Scope
    from notelint.rules import find

    rule = find(key)
    if rule is None:
        raise UsageError(f"unknown rule '{key}'; `notelint rules` lists them")
    fixable = {
        FixAvailability.ALWAYS: "always available",
        FixAvailability.SOMETIMES: "sometimes available (where one correction is certain)",
        FixAvailability.NEVER: "none",
    }[rule.fix]
    if rule.fix is not FixAvailability.NEVER:
        fixable += ", applied by --fix" if rule.fix_safe else ", unsafe: shown, applied only by --fix --unsafe-fixes"
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary,
        "",
        f"Severity: {rule.severity.value}{_severity_exceptions(rule)}    Fix: {fixable}    "
        f"Scope: {'each note' if rule.scope is Scope.NOTE else 'all notes together'}"
        + ("" if rule.default_enabled else "    Off by default"),
        "",
        rule.doc,
        "",
        "Example that is reported"
        + "".join(f" (with {key.replace('_', '-')} = {value!r})" for key, value in rule.example_settings)
        + ":",
        "",
        *("    " + line for line in rule.bad.rstrip("\n").split("\n")),
        "",
        "Example that passes:",
        "",
        *("    " + line for line in rule.good.rstrip("\n").split("\n")),
    ]
    print("\n".join(line.rstrip() for line in lines))
    return EXIT_OK
