"""The CPU a group of rules spends on notes parsed beforehand, and their findings.

    .venv/bin/python bench/rules_cpu.py /tmp/guide5                       # NL3xx and NL4xx (the default)
    .venv/bin/python bench/rules_cpu.py --select NL30,NL41 /tmp/guide5    # some of them
    .venv/bin/python bench/rules_cpu.py --parse-only /tmp/guide25         # everything but the rules' pass

``bench/phases.py`` times every rule inside a whole run, where the claim reader
and the spelling rules share memos with the AWS name rules; this script runs
only the rules selected (default: every NL3xx and NL4xx note rule), each over
every note, with the notes parsed before the clock starts and the run's shared
data (catalog, name index) built on a throw-away parse of the first file.  It
prints the CPU of the pass, per rule, and a digest of the findings (code, lines,
columns, message, suggestions), so that two trees can be compared for speed and
for sameness in one command.

For instruction counts, run it under callgrind twice, with and without
``--parse-only``: the difference is the rules' pass alone (imports, catalog and
parsing are the same in both and drop out).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders (or files) of Markdown notes")
    parser.add_argument("--select", default="NL3,NL4", help="code prefixes, comma-separated (default NL3,NL4)")
    parser.add_argument("--parse-only", action="store_true", help="stop before the rules' pass")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile the rules' pass; print its N dearest functions")
    args = parser.parse_args(argv)

    from notelint import regexcache
    from notelint.config import Config
    from notelint.engine import Linter
    from notelint.note import parse_note
    from notelint.rules import RULES
    from notelint.source import decode

    gc.set_threshold(100_000, 50, 1000)  # as notelint.cli.main
    regexcache.install()
    files: list[Path] = []
    for folder in args.folders:
        files.extend(sorted(folder.rglob("*.md")) if folder.is_dir() else [folder])
    prefixes = tuple(part.strip() for part in args.select.split(",") if part.strip())
    linter = Linter(Config(root=Path.cwd()), RULES)
    linter.prepare()
    selected = [rule for rule in linter.note_rules if rule.code.startswith(prefixes)]
    context = linter.context
    sources = [decode(str(path), path.read_bytes()) for path in files]
    notes = [parse_note(source) for source in sources]
    if sources:  # shared data the rules build on first use, on a note of its own (its memos stay cold)
        for rule in selected:
            list(rule.check(parse_note(sources[0]), context))
    if args.parse_only:
        print(f"{len(notes)} notes parsed; {len(selected)} rules selected, not run")
        return 0
    per_rule: dict[str, float] = defaultdict(float)
    digest = hashlib.sha256()
    count = 0
    profiler = cProfile.Profile() if args.profile else None
    if profiler:  # cProfile charges every call a fixed cost: read its call counts, not its times
        profiler.enable()
    start = time.process_time()
    for path, note in zip(files, notes):
        for rule in selected:
            begin = time.process_time()
            found = list(rule.check(note, context))
            per_rule[rule.code] += time.process_time() - begin
            for finding in found:
                count += 1
                line = f"{path}\t{rule.code}\t{note.source.position(finding.start)}\t{note.source.position(finding.end)}"
                digest.update(f"{line}\t{finding.message}\t{finding.suggestions}\t{finding.fix}\t{finding.severity}\n".encode())
    total = time.process_time() - start
    if profiler:
        profiler.disable()
    print(f"{len(notes)} notes, {len(selected)} rules: {total:.3f} s CPU, {count} findings (digest {digest.hexdigest()[:16]})")
    for code, seconds in sorted(per_rule.items(), key=lambda item: -item[1]):
        if seconds >= 0.0005:
            print(f"  {code} {seconds:.3f} s")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
