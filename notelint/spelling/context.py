"""Errors no word list can catch: a doubled word, a real word in the wrong place.

Both read a block's prose one segment at a time (code spans, URLs and HTML cut
the text, so ``a `to` to`` is not a doubled word).  The confusables are data
(``notelint/data/words/confusables.yaml``): a pattern whose context makes the
mistake near-certain, the word that fits, and why.
"""

from __future__ import annotations

import operator
import re
import sys
from typing import Any, Callable, Iterable, Iterator

from notelint.note import Block
from notelint.shipped import data_yaml
from notelint.spelling.check import PROSE_KINDS
from notelint.values import FrozenValue

# A word, the space after it (one line break at most), and the same word again;
# neither may be part of a longer token ("--token-code code-from-token", "NS ns.aws").
_REPEAT = re.compile(
    r"(?<![-\w./])([A-Za-z]+)([ \t]+\n?[ \t]*|\n[ \t]*)(\1)(?![-\w/]|\.\w)",
    re.IGNORECASE,
)
# Doubles that English allows: "had had", "that that".
ALLOWED_REPEATS = frozenset({"had", "that"})
# A particle that ends a phrasal verb may start the next phrase: "logged in in order to",
# "turned on on Monday", "setting up up front".  The verbs are those technical prose pairs with
# these particles, inflected (a bare "scale" or "check" is as often a noun: "the scale on
# on which"); "based on on", "depends on on" stay slips.
_PHRASAL_VERB_BEFORE = re.compile(
    r"\b(?:(?:log|sign|check|opt|plug|dial|turn|switch|scale|roll|back|spin|power|shut|sort|filter|"
    r"zoom|fill|clean|lock|wrap|print)(?:ed|d|ged|ging|ing|ning|ped|ping)|set|setting)[ \t]+$",
    re.IGNORECASE,
)
PARTICLES = frozenset({"in", "on", "out", "up", "off", "down", "over", "back"})


# values written out, not dataclasses: ``notelint.values`` says why
class Confusable(FrozenValue):
    """A phrase that is a slip for another (confusables.yaml), and why."""

    __slots__ = FIELDS = ("pattern", "correct", "why", "literals", "ignore_case")
    pattern: re.Pattern[str]
    correct: str
    why: str
    # strings every match of the pattern holds (lower case when it ignores case): a text
    # without one of them is not searched (``required_literals``)
    literals: tuple[str, ...]
    ignore_case: bool  # the pattern's IGNORECASE flag (read once: a flag enum's ``&`` is slow)

    def __init__(self, pattern: re.Pattern[str], correct: str, why: str, literals: tuple[str, ...] = (),
                 ignore_case: bool = False):
        self._fill(pattern, correct, why, literals, ignore_case)


class Hit(FrozenValue):
    """A word found in a block's text."""

    __slots__ = FIELDS = ("start", "end", "text")
    start: int  # indexes into block.text
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str):
        self._fill(start, end, text)


def repeats(block: Block) -> Iterator[tuple[Hit, Hit]]:
    """(first, second) for each word written twice in a row."""
    for segment, text in block.iter_segments(*PROSE_KINDS):
        if text.isascii() and not _letter_runs_repeat(text):
            continue
        for match in _REPEAT.finditer(text):
            first, second = match.group(1), match.group(3)
            if first.lower() in ALLOWED_REPEATS or second[:1].isupper():
                continue  # "Walla Walla", "AWS AWS" in a heading: names, not slips
            if first.lower() in PARTICLES and _PHRASAL_VERB_BEFORE.search(text, max(0, match.start() - 20), match.start()):
                continue  # "logged in in order to": the first ends a phrasal verb, the second starts a phrase
            base = segment.start
            yield (
                Hit(base + match.start(1), base + match.end(1), first),
                Hit(base + match.start(3), base + match.end(3), second),
            )


_LETTERS = re.compile(r"[a-z]+")


def _letter_runs_repeat(text: str) -> bool:
    """Are two runs of letters in a row the same, but for case?  ``_REPEAT`` finds nothing where
    none are: both its words are whole runs of letters (nothing of a word before the first or
    after the second, only spaces between them).  ``_REPEAT`` opens with a look-behind, which the
    regex engine tries at every character (114 ms over every fifth SageMaker page); this test,
    in C but for the call, takes half that and leaves one text in 25.  Only for an ASCII text:
    beyond it, a case-blind ``[A-Za-z]`` matches more than ASCII letters ("K", the Kelvin sign)."""
    runs = _LETTERS.findall(text.lower())
    return any(map(operator.eq, runs, runs[1:]))


def confusions(block: Block, confusables: tuple[Confusable, ...],
               found_in: Callable[[str], Iterable[tuple[Hit, Confusable]]] | None = None,
               ) -> Iterator[tuple[Hit, Confusable]]:
    """(the wrong words, the entry) for each confusable found in the block; ``found_in``,
    if given, is ``confusions_in`` for these confusables (kept by text, say)."""
    for segment, text in block.iter_segments(*PROSE_KINDS):
        hits = found_in(text) if found_in is not None else confusions_in(text, confusables)
        for hit, entry in hits:
            yield Hit(segment.start + hit.start, segment.start + hit.end, hit.text), entry


def confusions_in(text: str, confusables: tuple[Confusable, ...]) -> Iterator[tuple[Hit, Confusable]]:
    """(the wrong words, the entry) for each confusable found in one piece of prose (offsets into it)."""
    ascii_text: bool | None = None
    lower: str | None = None
    for entry in confusables:
        if entry.literals:
            # a pattern that opens with ``\b`` or a group is tried at every character (~30 ms a
            # pattern over every fifth SageMaker page); a substring test in C rules most texts out
            if entry.ignore_case:
                if ascii_text is None:
                    ascii_text = text.isascii()
                if ascii_text:  # (beyond ASCII, case folding is the regex engine's: "K", the Kelvin sign)
                    if lower is None:
                        lower = text.lower()
                    if not _holds(lower, entry.literals):
                        continue
            elif not _holds(text, entry.literals):
                continue
        for match in entry.pattern.finditer(text):
            group = "w" if "w" in entry.pattern.groupindex else 0
            start, end = match.span(group)
            yield Hit(start, end, match.group(group)), entry


def _holds(text: str, literals: tuple[str, ...]) -> bool:
    for literal in literals:
        if literal not in text:
            return False
    return True


def load_confusables() -> tuple[Confusable, ...]:
    """The shipped confusables: a list of {match, correct, why} (schema: confusables.schema.json)."""
    entries = data_yaml("words", "confusables.yaml") or []
    confusables = []
    for e in entries:
        pattern = re.compile(e["match"])
        confusables.append(Confusable(pattern, str(e["correct"]), str(e["why"]), required_literals(pattern),
                                      bool(pattern.flags & re.IGNORECASE)))
    return tuple(confusables)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Runs of two or more literal characters that every match of ``pattern`` holds, read from
    the regex parser's tree: the characters of its top-level sequence and of the groups in it
    (without flags of their own), cut at anything else (a branch, a class, a repeat, an
    assertion).  Lower-cased, and only ASCII runs, when the pattern ignores case (a text is
    then tested in lower case, and only an ASCII text is).  Empty when the parser is not
    one this code knows: the pattern is then searched in every text."""
    try:
        if sys.version_info >= (3, 11):
            from re import _parser as parser
        else:  # pragma: no cover (3.10)
            import sre_parse as parser
        tree = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover (another implementation of Python)
        return ()
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    runs: list[str] = []
    current: list[str] = []

    def cut() -> None:
        run = "".join(current)
        current.clear()
        if len(run) >= 2 and not (ignore_case and not run.isascii()):
            runs.append(run.lower() if ignore_case else run)

    def walk(items: Any) -> None:
        for op, argument in items:
            name = getattr(op, "name", "")  # (the parser's opcodes are ints with a name)
            if name == "LITERAL":
                current.append(chr(argument))
            elif name == "SUBPATTERN" and not argument[1] and not argument[2]:
                walk(argument[3])  # (group, flags added, flags removed, its items)
            else:
                cut()

    try:
        walk(tree)
    except Exception:  # pragma: no cover (a tree of another shape)
        return ()
    cut()
    return tuple(runs)
