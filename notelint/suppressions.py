"""Inline suppression comments and the front matter ``notelint: {ignore: [...]}``.

    <!-- notelint-disable-next-line NL201 -->   the next line only
    <!-- notelint-disable-line NL201 -->        the line the comment is on
    <!-- notelint-disable NL4 -->               from here ...
    <!-- notelint-enable NL4 -->                ... to here (no codes: everything open)

Codes are optional (none means every rule) and may be prefixes, separated by
spaces or commas.  Comments inside code blocks are code, not directives.
"""

from __future__ import annotations

import re

from notelint.codes import is_code_prefix
from notelint.values import FrozenValue, Value

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:  # a cached result's suppressions are rebuilt without loading the Markdown parser
    from notelint.note import Note

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(r"\s*notelint-([a-z-]+)\b(.*)", re.DOTALL)
KINDS = ("disable-next-line", "disable-line", "disable", "enable")
ALL = ("NL",)


class Directive(FrozenValue):
    """One ``notelint-*`` comment (a value written out, not a dataclass: ``notelint.values`` says why)."""

    __slots__ = FIELDS = ("kind", "codes", "start", "end", "line", "end_line", "problem")
    kind: str  # one of KINDS, or the unknown word that was written
    codes: tuple[str, ...]
    start: int
    end: int
    line: int
    end_line: int
    problem: str | None

    def __init__(
        self, kind: str, codes: tuple[str, ...], start: int, end: int, line: int, end_line: int,
        problem: str | None = None,
    ):
        self._fill(kind, codes, start, end, line, end_line, problem)


def directives(note: Note) -> list[Directive]:
    """Every ``notelint-*`` comment in the note, valid or not, in order."""
    found: list[Directive] = []
    for html in note.html:
        for comment in _COMMENT.finditer(html.text):
            match = _DIRECTIVE.match(comment.group(1))
            if not match:
                continue
            start = html.start + comment.start()
            end = html.start + comment.end()
            kind = match.group(1)
            words = tuple(w for w in re.split(r"[\s,]+", match.group(2).strip()) if w)
            problem = None
            if kind not in KINDS:
                problem = f"unknown directive 'notelint-{kind}' (expected one of: {', '.join('notelint-' + k for k in KINDS)})"
            else:
                bad = [w for w in words if not is_code_prefix(w)]
                if bad:
                    problem = f"'{bad[0]}' is not a rule code or prefix such as NL2 or NL201"
            found.append(
                Directive(
                    kind=kind,
                    codes=words or ALL,
                    start=start,
                    end=end,
                    line=note.position(start)[0],
                    end_line=note.position(max(end - 1, start))[0],
                    problem=problem,
                )
            )
    found.sort(key=lambda d: d.start)
    return found


class Suppressions(Value):
    """Answers: is a finding of ``code`` on ``line`` switched off in this note?"""

    __slots__ = FIELDS = ("note_wide", "lines", "ranges")
    note_wide: tuple[str, ...]
    lines: dict[int, list[tuple[str, ...]]]
    ranges: list[tuple[int, int, tuple[str, ...]]]

    def __init__(
        self, note_wide: tuple[str, ...] = (), lines: dict[int, list[tuple[str, ...]]] | None = None,
        ranges: list[tuple[int, int, tuple[str, ...]]] | None = None,
    ):
        self.note_wide = note_wide
        self.lines = {} if lines is None else lines
        self.ranges = [] if ranges is None else ranges

    def suppressed(self, code: str, line: int) -> bool:
        if _matches(code, self.note_wide):
            return True
        for codes in self.lines.get(line, ()):
            if _matches(code, codes):
                return True
        return any(first <= line <= last and _matches(code, codes) for first, last, codes in self.ranges)


    def to_data(self) -> dict:
        """A JSON-compatible form, for the per-file result cache and worker processes."""
        return {
            "note_wide": list(self.note_wide),
            "lines": {str(line): [list(codes) for codes in entries] for line, entries in self.lines.items()},
            "ranges": [[first, last, list(codes)] for first, last, codes in self.ranges],
        }

    @classmethod
    def from_data(cls, data: dict) -> Suppressions:
        return cls(
            note_wide=tuple(data["note_wide"]),
            lines={int(line): [tuple(codes) for codes in entries] for line, entries in data["lines"].items()},
            ranges=[(first, last, tuple(codes)) for first, last, codes in data["ranges"]],
        )


def _matches(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def suppressions(note: Note) -> Suppressions:
    result = Suppressions()
    settings = note.data("notelint")
    if isinstance(settings, dict) and isinstance(settings.get("ignore"), list):
        result.note_wide = tuple(c for c in settings["ignore"] if isinstance(c, str) and is_code_prefix(c))
    open_ranges: list[tuple[int, tuple[str, ...]]] = []
    for directive in directives(note):
        if directive.problem:
            continue
        if directive.kind == "disable-next-line":
            result.lines.setdefault(directive.end_line + 1, []).append(directive.codes)
        elif directive.kind == "disable-line":
            result.lines.setdefault(directive.line, []).append(directive.codes)
        elif directive.kind == "disable":
            open_ranges.append((directive.line, directive.codes))
        else:  # enable: close the ranges it names (all of them when it names none)
            still_open = []
            for first, codes in open_ranges:
                if directive.codes == ALL or set(codes) <= set(directive.codes):
                    result.ranges.append((first, directive.line, codes))
                else:
                    still_open.append((first, codes))
            open_ranges = still_open
    last = note.source.line_count
    result.ranges.extend((first, last, codes) for first, codes in open_ranges)
    return result
