"""Adopting notelint in a repository that already has findings.

A *baseline* records the findings a repository has today, so that a check
reports only new ones (``notelint baseline`` writes it, ``notelint check
--baseline FILE`` reads it).  An entry is matched by rule, file and the SARIF
``partialFingerprints`` fingerprint: a hash of the rule, the file and the text
of the flagged line (with its occurrence among identical lines), not of its
number, so an entry survives lines moving above it.  Entries that no longer
match any finding are *stale* (the finding was fixed); the check says so, and
writing the baseline again drops them.

*Pull-request mode* (``--diff-base REF``) keeps only findings on lines added or
changed since REF, as ``git diff`` tells; a finding whose related location (the
other side of a contradiction) is on such a line counts too, so a new claim
that contradicts an old one is reported and an old contradiction is not.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from notelint.diagnostic import Diagnostic
from notelint.source import SourceFile
from notelint.versions import NOTELINT_VERSION

FORMAT_VERSION = 1
DEFAULT_FILE = ".notelint-baseline.json"


class BaselineError(Exception):
    """A baseline or a git revision that cannot be used (a usage error)."""


def fingerprint(code: str, path: str, line_text: str, occurrence: int) -> str:
    """The SARIF ``partialFingerprints["notelint/v1"]`` of a finding."""
    key = "\0".join([code, path, " ".join(line_text.split()), str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(diagnostics: Sequence[Diagnostic], sources: Mapping[str, SourceFile],
                 path_of=lambda d: d.path) -> list[str]:
    """The fingerprint of each diagnostic, in order; ``path_of`` names the file in the hash."""
    seen: Counter[tuple[str, str, str]] = Counter()
    found = []
    for d in diagnostics:
        source = sources.get(d.path)
        line_text = source.line_text(d.line) if source is not None and d.line <= source.line_count else ""
        path = path_of(d)
        key = (d.code, path, " ".join(line_text.split()))
        seen[key] += 1
        found.append(fingerprint(d.code, path, line_text, seen[key]))
    return found


@dataclass(frozen=True)
class Entry:
    code: str
    path: str  # relative to the config root, with '/'
    fingerprint: str
    line: int = 0  # where it was when written: for people reading the file, never matched
    message: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.code, self.path, self.fingerprint)


def root_relative(path: str, root: Path) -> str:
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def entries_for(diagnostics: Sequence[Diagnostic], sources: Mapping[str, SourceFile], root: Path) -> list[Entry]:
    relative = {d.path: root_relative(d.path, root) for d in diagnostics}
    prints = fingerprints(diagnostics, sources, lambda d: relative[d.path])
    return [
        Entry(d.code, relative[d.path], print_, d.line, d.message[:200])
        for d, print_ in zip(diagnostics, prints)
    ]


def write(path: Path, entries: Iterable[Entry]) -> int:
    rows = sorted(entries, key=lambda e: (e.path, e.line, e.code, e.fingerprint))
    document = {
        "notelint_baseline": FORMAT_VERSION,
        "written_by": f"notelint {NOTELINT_VERSION}",
        "entries": [
            {"code": e.code, "path": e.path, "fingerprint": e.fingerprint, "line": e.line, "message": e.message}
            for e in rows
        ],
    }
    try:
        path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return len(rows)


def read(path: Path) -> list[Entry]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline not found (write one with `notelint baseline --output {path}`)") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a notelint baseline: {exc}") from None
    if not isinstance(document, dict) or document.get("notelint_baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a notelint baseline (version {FORMAT_VERSION})")
    try:
        return [
            Entry(str(e["code"]), str(e["path"]), str(e["fingerprint"]), int(e.get("line", 0)), str(e.get("message", "")))
            for e in document["entries"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise BaselineError(f"{path}: an entry lacks code, path or fingerprint ({exc})") from None


@dataclass
class Filtered:
    kept: list[Diagnostic]  # findings not in the baseline
    known: int  # findings the baseline accounts for
    stale: list[Entry]  # entries that match no finding of the files checked


def apply(diagnostics: Sequence[Diagnostic], sources: Mapping[str, SourceFile], root: Path,
          entries: Sequence[Entry], checked: Iterable[str]) -> Filtered:
    """Drop the findings that baseline ``entries`` account for (one entry, one finding).

    Stale entries are counted only for files that were checked (``checked``:
    their display paths), so checking one file does not call the rest stale.
    """
    remaining = Counter(e.key for e in entries)
    kept = []
    for d, entry in zip(diagnostics, entries_for(diagnostics, sources, root)):
        if remaining[entry.key] > 0:
            remaining[entry.key] -= 1
        else:
            kept.append(d)
    checked_paths = {root_relative(p, root) for p in checked}
    stale = []
    for e in entries:
        if remaining[e.key] > 0 and e.path in checked_paths:
            remaining[e.key] -= 1
            stale.append(e)
    return Filtered(kept, len(diagnostics) - len(kept), stale)


# -- pull-request mode -----------------------------------------------------------

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: Sequence[str], cwd: Path) -> str:
    import subprocess  # only --diff-base runs git: a usual check never imports it

    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BaselineError("--diff-base needs git, which is not installed") from None
    if done.returncode != 0:
        raise BaselineError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def changed_lines(base: str, cwd: Path) -> tuple[Path, dict[str, set[int] | None]]:
    """The repository's top folder and, per file (relative to it), the lines
    added or changed since ``base``'s merge base with HEAD; None for a file that
    is new (every line counts).  The working tree is compared, so uncommitted
    edits count, and untracked files are new."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    since = _git(["merge-base", base, "HEAD"], top).strip() or base
    diff = _git(["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0", "--find-renames", since, "--"], top)
    changed: dict[str, set[int] | None] = {}
    current: str | None = None
    new_file = False
    for line in diff.splitlines():
        if line.startswith("diff --git"):
            current, new_file = None, False
        elif line.startswith("new file mode"):
            new_file = True
        elif line.startswith("+++ "):
            name = line[4:].rstrip("\t")  # git ends a name with a space in it with a tab
            current = None if name == "/dev/null" else _unquote(name).removeprefix("b/")
            if current is not None:
                changed[current] = None if new_file else changed.get(current, set())
        elif current is not None and (hunk := _HUNK.match(line)):
            lines = changed[current]
            if lines is None:
                continue
            first, count = int(hunk.group(1)), int(hunk.group(2) or "1")
            lines.update(range(first, first + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            changed[name] = None
    return top, changed


def _unquote(name: str) -> str:
    if name.startswith('"') and name.endswith('"'):
        return name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode("utf-8")
    return name


def only_changed(diagnostics: Sequence[Diagnostic], top: Path, changed: Mapping[str, set[int] | None]) -> list[Diagnostic]:
    """The findings on changed lines, and those whose related location is on one (when not reported there)."""

    def on_changed_line(path: str, first: int, last: int) -> bool:
        lines = changed.get(root_relative(path, top), set())
        return lines is None or any(line in lines for line in range(first, max(first, last) + 1))

    kept = [d for d in diagnostics if on_changed_line(d.path, d.line, d.end_line)]
    at = {(d.code, root_relative(d.path, top), d.line) for d in kept}
    # a finding on an old line whose other side is new (a new claim that repeats or
    # contradicts an old one), unless that side is reported itself
    for d in diagnostics:
        new_sides = [r for r in d.related if on_changed_line(r.path, r.line, r.end_line)]
        if new_sides and not on_changed_line(d.path, d.line, d.end_line) and not any(
            (d.code, root_relative(r.path, top), r.line) in at for r in new_sides
        ):
            kept.append(d)
    return sorted(kept, key=lambda d: d.sort_key)
