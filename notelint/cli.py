"""Command line: argument parsing and sub-commands only.

Exit codes: 0 nothing at or above the fail-on level, 1 findings, 2 usage,
configuration or file errors.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from notelint import __version__
from notelint.config import FAIL_ON, Config, ConfigError, discover, load_file, parse_date
from notelint.diagnostic import Severity

if TYPE_CHECKING:
    from notelint.rule import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _codes(text: str) -> tuple[str, ...]:
    from notelint.codes import is_code_prefix

    codes = tuple(c.strip() for c in text.split(",") if c.strip())
    for code in codes:
        if not is_code_prefix(code):
            raise argparse.ArgumentTypeError(f"'{code}' is not a rule code or prefix such as NL2 or NL201")
    return codes


def _date(text: str):
    try:
        return parse_date(text, "--as-of")
    except Exception:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    from notelint.output import FORMATS

    parser = argparse.ArgumentParser(
        prog="notelint",
        description="Lint technical study notes kept as structured Markdown.",
    )
    parser.add_argument("--version", action="version", version=f"notelint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check notes (default: the configured paths)")
    _run_options(check, "check")
    check.add_argument("--format", choices=FORMATS, help="output format (default: text, or github in GitHub Actions)")
    check.add_argument("--output-file", type=Path, help="write the output to this file instead of stdout")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--diff", action="store_true", help="print the safe fixes as a diff; write nothing")
    check.add_argument("--quiet", "-q", action="store_true", help="one line per finding, no excerpts or summary")
    check.add_argument("--statistics", action="store_true", help="print a count per rule")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")

    report = commands.add_parser(
        "report", help="write the correctness report (report.html, report.md, report.json) for notes"
    )
    _run_options(report, "report on")
    report.add_argument("--output-dir", type=Path, required=True, help="folder to write the report files into")
    report.add_argument(
        "--previous", type=Path, help="report.json to compare with (default: the one in the output folder)"
    )
    report.add_argument(
        "--timestamp", action="store_true", help="record when the report was made (off by default: reports diff cleanly)"
    )
    catalog = commands.add_parser("catalog", help="show or rebuild the cached AWS catalog")
    action = catalog.add_mutually_exclusive_group()
    action.add_argument("--info", action="store_true", help="print the data versions, counts and cache path (default)")
    action.add_argument("--rebuild", action="store_true", help="rebuild the catalog from the installed botocore")

    commands.add_parser(
        "server", help="run the language server over stdio, for editors (needs: pip install 'notelint[server]')"
    )
    commands.add_parser("rules", help="list every rule")
    explain = commands.add_parser("explain", help="explain one rule, with examples")
    explain.add_argument("rule", metavar="CODE", help="a rule code (NL112) or name (empty-list-item)")
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    # a check allocates millions of small, short-lived objects (tokens, spans);
    # collecting cycles less often saves about a tenth of a large run
    gc.set_threshold(100_000, 50, 1000)
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "report":
            return _report(args)
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
    except (ConfigError, UsageError) as exc:
        print(f"notelint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("notelint: interrupted", file=sys.stderr)
        return 130


def _config(args: argparse.Namespace) -> Config:
    if args.isolated:
        return Config(root=Path.cwd().resolve())
    if args.config is not None:
        if not args.config.is_file():
            raise UsageError(f"{args.config}: config file not found")
        return load_file(args.config)
    return discover()


def _run_config(args: argparse.Namespace) -> Config:
    """The config with the command line's rule selection and date applied."""
    config = _config(args)
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
    from notelint.rules import RULES

    config = _run_config(args).with_overrides(fail_on=args.fail_on)
    if args.fix and args.diff:
        raise UsageError("--fix and --diff cannot be combined: --diff shows the fixes without writing them")
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    the_plan = _plan(config, args.paths)
    result, patch = runner.check(
        config, RULES, the_plan, fix=args.fix, diff=args.diff, cache=not args.no_cache, jobs=args.jobs
    )

    if args.diff:
        sys.stdout.write(patch)
        for error in result.errors:
            print(f"notelint: error: {error.path}: {error.message}", file=sys.stderr)
        if result.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if patch else EXIT_OK

    stream = sys.stdout if args.output_file is None else None
    out = OutputContext(
        rules=RULES,
        color=fmt == "text" and stream is not None and _use_color(args.color, stream),
        quiet=args.quiet,
        statistics=args.statistics,
        fixable_hint=not args.fix,
        sources=result.sources,
    )
    text = renderer(fmt)(result, out)
    if args.output_file is not None:
        try:
            args.output_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output_file}: cannot write: {exc.strerror or exc}") from None
        if fmt != "text":  # keep the terminal informed when the report goes to a file
            from notelint.output.text import summary_counts

            print(f"notelint: {summary_counts(result)}; written to {args.output_file}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if fmt != "text":
        for error in result.errors:
            print(f"notelint: error: {error.path}: {error.message}", file=sys.stderr)
    return exit_code(result, config.fail_on, args.exit_zero)


def exit_code(result, fail_on: str, exit_zero: bool = False) -> int:
    if result.errors:
        return EXIT_ERROR
    if exit_zero or fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(d.severity.rank >= threshold for d in result.diagnostics) else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    """Write the report; findings are its content, so only errors make the exit code non-zero."""
    from notelint import report, runner
    from notelint.rules import RULES

    config = _run_config(args)
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
    print("\nfix: always or sometimes available; * unsafe (may change meaning: shown, never applied by --fix)")
    families = sorted({family_of(rule.code) for rule in RULES})
    print(f"\n{len(RULES)} rules in {len(families)} families: {', '.join(families)}")
    return EXIT_OK


def _fix_label(rule: Rule) -> str:
    if rule.fix.value == "never":
        return ""
    return f"{rule.fix.value}{'' if rule.fix_safe else '*'}"


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
        fixable += ", applied by --fix" if rule.fix_safe else ", unsafe: shown, never applied by --fix"
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary,
        "",
        f"Severity: {rule.severity.value}    Fix: {fixable}    "
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
