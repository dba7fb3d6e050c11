"""Where a `--no-cache` check spends its CPU, measured without a profiler.

    .venv/bin/python bench/phases.py ../shared/corpora/awsdocs__amazon-sagemaker-developer-guide

cProfile charges every Python call a fixed cost, so code made of many small
calls (a Markdown tokenizer in Python, difflib) looks several times dearer under it
than it is: in the third and fourth sessions it put difflib's suggestions at
9 % of a corpus run, where they take under 2 %.  This script instead checks
every ``*.md`` file under the given folders in this process, as
``notelint check --isolated --no-cache --jobs 1`` does (all rules, the
collector's thresholds as the CLI sets them), and adds up
``time.process_time`` spent inside a few named functions (outer calls only:
a nested or recursive call is not counted twice) and inside each rule.  A
function that several rules share (the claim reader, the name scan) is
charged to the first rule that asks for it, and to its own line.  The shared
data (catalog, vocabulary) is built before the clock starts.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

# (module, attribute path, label): the functions whose time is shown on its own line
WATCHED = (
    ("notelint.note", "_Builder.build", "parse_note: pyromark and the note builder"),
    ("notelint.note", "_tokens", "  the builder's inline tokens"),
    ("notelint.note", "_inline_text", "  the builder's inline walk"),
    ("notelint.claims.extract", "statements", "claim reader (statements)"),
    ("notelint.claims.staleness", "_knowledge_findings", "stale claims against the knowledge base"),
    ("notelint.claims.resolver", "NameResolver._scan", "claim reader's name scan (with the name index's)"),
    ("notelint.aws.names", "NameIndex._scan", "AWS name scan"),
    ("notelint.aws.names", "NameIndex._scan_one_word_off", "AWS names one word off"),
    ("notelint.suggest", "_close", "did-you-mean suggestions (difflib)"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", help="folders (or files) of Markdown notes")
    args = parser.parse_args(argv)

    import importlib

    from notelint import regexcache
    from notelint.config import Config
    from notelint.engine import Linter
    from notelint.note import parse_note
    from notelint.rules import RULES
    from notelint.source import decode

    gc.set_threshold(100_000, 50, 1000)  # as notelint.cli.main
    regexcache.install()
    spent: dict[str, float] = defaultdict(float)
    depth: dict[str, int] = defaultdict(int)

    def timed(function: Callable[..., Any], label: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def run(*call_args: Any, **kwargs: Any) -> Any:
            if depth[label]:
                return function(*call_args, **kwargs)
            depth[label] += 1
            start = time.process_time()
            try:
                return function(*call_args, **kwargs)
            finally:
                spent[label] += time.process_time() - start
                depth[label] -= 1

        return run

    for module_name, path, label in WATCHED:
        owner: Any = importlib.import_module(module_name)
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        original = getattr(owner, name)
        wrapped = timed(original.__wrapped__ if name == "_close" else original, label)
        setattr(owner, name, functools.lru_cache(maxsize=4096)(wrapped) if name == "_close" else wrapped)

    files: list[Path] = []
    for folder in map(Path, args.folders):
        files.extend(sorted(folder.rglob("*.md")) if folder.is_dir() else [folder])
    linter = Linter(Config(root=Path.cwd()), RULES)
    linter.prepare()
    sources = [decode(str(path), path.read_bytes()) for path in files]
    if sources:  # shared data some rules build on first use
        linter.process_note(parse_note(sources[0]))
    spent.clear()
    per_rule: dict[str, float] = defaultdict(float)
    context = linter.context
    start = time.process_time()
    for source in sources:
        note = parse_note(source)
        for rule in linter.note_rules:
            begin = time.process_time()
            list(rule.check(note, context))
            per_rule[f"{rule.code} {rule.name}"] += time.process_time() - begin
        for rule in linter.corpus_rules:
            begin = time.process_time()
            assert rule.collect is not None
            rule.collect(note, context)
            per_rule[f"{rule.code} {rule.name} (collect)"] += time.process_time() - begin
    total = time.process_time() - start
    size = sum(len(source.norm) for source in sources)
    print(f"{len(sources):,} files, {size / 1e6:.1f} M characters: {total:.2f} s CPU (one process, no profiler)\n")
    print("| function | CPU | share |\n|---|---:|---:|")
    for label in (label for _module, _path, label in WATCHED):
        print(f"| {label} | {spent[label]:.2f} s | {100 * spent[label] / total:.1f} % |")
    print("\n| rule (shared work charged to the first rule that asks) | CPU | share |\n|---|---:|---:|")
    for name, seconds in sorted(per_rule.items(), key=lambda item: -item[1])[:20]:
        print(f"| {name} | {seconds:.2f} s | {100 * seconds / total:.1f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
