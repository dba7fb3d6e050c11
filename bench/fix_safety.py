"""Do notelint's fixes keep meaning?  A property checked over whole corpora.

Copies the notes under each given directory to a scratch folder, runs
``notelint check --fix`` (safe fixes only, or every fix with
``--unsafe-fixes``) and compares each file before and after:

- gloss: no name newly stands next to itself ("EventBridge (also known as
  Amazon EventBridge)", "Amazon Data Firehose (now Amazon Data Firehose)");
- articles: no new "a"/"an" that disagrees with the word after it ("a Amazon
  EventBridge rule"), counting only words whose article is certain;
- re-check: no finding on a line the fixes changed whose rule and text were
  not reported before the fix.

    .venv/bin/python bench/fix_safety.py ../shared/corpora/* tests/fixtures/real

prints one line per violation and a summary; exit 1 when there are any.
tests/test_fix_meaning.py runs the same check on the in-repo samples.
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from notelint import runner
from notelint.config import Config
from notelint.fixes import bare_name, gloss_repeats, indefinite_article
from notelint.rules import RULES

_ARTICLE = re.compile(r"(?<![\w'’-])(a|an|A|An)[ \t]+([\w.]+)")


@dataclass
class Outcome:
    files: int
    changed: int
    fixes: int
    violations: list[str]


def article_mismatches(text: str) -> Counter[tuple[str, str]]:
    """(article, word) pairs whose article is certainly wrong: "a Amazon", "an Kinesis"."""
    found: Counter[tuple[str, str]] = Counter()
    for hit in _ARTICLE.finditer(text):
        needed = indefinite_article(hit.group(2))
        if needed is not None and hit.group(1).casefold() != needed:
            found[(hit.group(1).casefold(), hit.group(2))] += 1
    return found


def _changed_lines(before: str, after: str) -> set[int]:
    """1-based lines of ``after`` that the fixes replaced or inserted."""
    lines: set[int] = set()
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lines.update(range(j1 + 1, j2 + 1))
    return lines


def _span_text(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The words a finding is about, folded as names compare ('AWS Sagemaker' = 'SageMaker'):
    a fix that corrects their case or vendor does not make a finding about them new."""
    rows = text.split("\n")
    if line != end_line or line > len(rows):
        return ""
    return bare_name(rows[line - 1][column - 1: end_column - 1])


def check_fixes(roots: Iterable[Path], as_of: date, unsafe: bool = False) -> Outcome:
    violations: list[str] = []
    files = changed = fixes = 0
    with tempfile.TemporaryDirectory(prefix="notelint-fix-safety-") as scratch:
        for number, root in enumerate(roots):
            copy = Path(scratch) / f"{number}-{root.name}"
            shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git"))
            config = Config(root=copy, as_of=as_of)
            plan = runner.plan(config, [str(copy)])
            before_texts = {f.display: f.path.read_text(encoding="utf-8", errors="replace") for f in plan.targets}
            before, _ = runner.check(config, RULES, plan)
            seen = Counter((d.path, d.code, _span_text(before_texts[d.path], d.line, d.column, d.end_line, d.end_column))
                           for d in before.diagnostics)
            fixed, _ = runner.check(config, RULES, plan, fix=True, unsafe_fixes=unsafe)
            fixes += sum(fixed.fixed.values())
            files += len(plan.targets)
            after, _ = runner.check(config, RULES, plan)
            after_texts = {f.display: f.path.read_text(encoding="utf-8", errors="replace") for f in plan.targets}
            lines_changed = {}
            for path, old in before_texts.items():
                new = after_texts[path]
                if new == old:
                    continue
                changed += 1
                lines_changed[path] = _changed_lines(old, new)
                shown = f"{root.name}/{Path(path).relative_to(copy) if Path(path).is_absolute() else path}"
                old_glosses = Counter(name for _s, _e, name in gloss_repeats(old))
                for start, end, name in gloss_repeats(new):
                    if old_glosses[name] > 0:
                        old_glosses[name] -= 1
                        continue
                    violations.append(f"{shown}: gloss repeats a name: {new[start:end]!r}")
                new_articles = article_mismatches(new) - article_mismatches(old)
                for (article, word), count in sorted(new_articles.items()):
                    violations.append(f"{shown}: {count} new '{article} {word}'")
            for d in after.diagnostics:
                if d.line not in lines_changed.get(d.path, ()):
                    continue
                key = (d.path, d.code, _span_text(after_texts[d.path], d.line, d.column, d.end_line, d.end_column))
                if seen[key] > 0:
                    continue
                violations.append(f"{root.name}:{d.path}:{d.line}:{d.column}: the fix introduced {d.code}: {d.message[:120]}")
    return Outcome(files, changed, fixes, violations)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", nargs="+", type=Path, help="folders of notes")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 12, 2))
    parser.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too (expect violations)")
    args = parser.parse_args(argv)
    outcome = check_fixes([root.resolve() for root in args.roots], args.as_of, args.unsafe_fixes)
    for line in outcome.violations:
        print(line)
    print(f"{outcome.files} files, {outcome.changed} changed by {outcome.fixes} fixes, "
          f"{len(outcome.violations)} violations")
    return 1 if outcome.violations else 0


if __name__ == "__main__":
    sys.exit(main())
