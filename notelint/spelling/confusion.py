"""Real words in the wrong place, found by the words around them (NL206).

A word of a *confusion set* ("loose" of loose/lose, "planing" of
planing/planning) is compared with the other words of its set in its
context: the word just before it and the word just after it, within one run
of prose and with no punctuation between (a rare word that only generated
pairs name, "planing", is judged with one word neighbour too: "resource
planing,").  Each candidate ``x`` is scored as
a naive-Bayes bigram model would: ``P(prev | x) * P(next | x)``, each an
interpolation of the bigram estimate and the neighbour's unigram
probability, from general-English counts (symspellpy's Google Books lists).
The rule fires only when

* the context favours another word by at least ``MIN_CONTEXT_RATIO``, and
  that word's own bigram with a neighbour is a strong one
  (``MIN_BIGRAM_SHARE`` of the neighbour's uses);
* the words as written never stand next to each other in AWS prose (the
  AWS Glue guide's bigram counts), nor does the general list know that
  bigram;
* for a curated set, the other word is also more likely overall once the
  context is counted in (prior times context ratio at least
  ``MIN_POSTERIOR``), so that a rare-but-right usage is left alone.

"it's" before a word that AWS prose writes only after the possessive "its"
(``its-words.txt``, from botocore's documentation: "it's target value") is
the possessive misspelt, unless the next word makes the first a predicate
("it's new to").

The sets (``data/words/confusion-sets.txt``, curated, and
``confusion-generated.txt``) are read when the rule first runs; the counts
(``context-counts.tsv``, 3 MB) only when a word of a set first has two word
neighbours, and a word's counts are parsed only when that word is judged.
``scripts/build_confusions.py`` writes both generated files and names their
sources and licences.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from notelint.shipped import data_text
from notelint.values import FrozenValue

MIN_CONTEXT_RATIO = 100.0
MIN_GENERATED_RATIO = 1000.0
MIN_GENERATED_SIDE = 2.0
MIN_POSTERIOR = 5.0
MIN_BIGRAM_SHARE = 0.002
SETS_FILE = "confusion-sets.txt"
GENERATED_FILE = "confusion-generated.txt"
COUNTS_FILE = "context-counts.tsv"
ITS_FILE = "its-words.txt"

# "it's" (or "it’s"), a word, and the word after it: "it's target value"
_ITS = re.compile(r"\b([Ii]t['’]s)[ \t]+([a-z]+)[ \t]+([A-Za-z]+)")
# Words that may follow a predicative adjective ("it's new to", "it's full of"): then "it's" is "it is"
_PREDICATE_FOLLOWERS = frozenset({
    "to", "that", "and", "or", "but", "for", "if", "when", "because", "enough", "as", "so", "than",
    "now", "yet", "again", "of", "in", "on", "at", "with", "by", "from", "too", "either",
})
# A word, or a run of punctuation/markup that cuts the context.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[^\sA-Za-z]+")


# values written out, not dataclasses: ``notelint.values`` says why
class Counts(FrozenValue):
    """Bigram counts of one word: neighbours before and after it, general and AWS."""

    __slots__ = FIELDS = ("left", "right", "aws_left", "aws_right")
    left: dict[str, int]
    right: dict[str, int]
    aws_left: dict[str, int]
    aws_right: dict[str, int]

    def __init__(self, left: dict[str, int], right: dict[str, int], aws_left: dict[str, int],
                 aws_right: dict[str, int]):
        self._fill(left, right, aws_left, aws_right)


class Confusion(FrozenValue):
    """A word as written, the word the context wants, and why."""

    __slots__ = FIELDS = ("start", "end", "written", "likely", "before", "after", "generated")
    start: int  # indexes into the text given to ``confusions``
    end: int
    written: str
    likely: str
    before: str | None  # the neighbour that speaks for ``likely``
    after: str | None
    generated: bool  # from an edit-distance-1 pair, not a curated set

    def __init__(self, start: int, end: int, written: str, likely: str, before: str | None, after: str | None,
                 generated: bool):
        self._fill(start, end, written, likely, before, after, generated)


class Model:
    """The confusion sets and their counts, parsed lazily."""

    def __init__(self, sets_text: str, generated_text: str, counts: Callable[[], str]):
        self.alternatives: dict[str, set[str]] = {}
        self.generated: set[tuple[str, str]] = set()
        for line in sets_text.splitlines():
            if line.strip() and not line.startswith("#"):
                words = line.split()
                for word in words:
                    self.alternatives.setdefault(word, set()).update(w for w in words if w != word)
        for line in generated_text.splitlines():
            if line.strip() and not line.startswith("#"):
                word, near = line.split()
                self.alternatives.setdefault(word, set()).add(near)
                self.generated.add((word, near))
        self._read_counts = counts
        self._loaded = False
        self._unigrams: dict[str, int] = {}
        self._raw: dict[str, str] = {}
        self._parsed: dict[str, Counts] = {}
        self.total = 1
        self.least = 1

    def _load(self) -> None:
        """The counts file (3 MB), read the first time a candidate word is judged."""
        self._loaded = True
        for line in self._read_counts().splitlines():
            kind, _, rest = line.partition("\t")
            if kind == "w":
                word, _, data = rest.partition("\t")
                self._raw[word] = data
            elif kind == "u":
                word, _, count = rest.partition("\t")
                self._unigrams[word] = int(count)
            elif kind == "n":
                self.total = int(rest)
            elif kind == "m":
                self.least = int(rest)

    def counts(self, word: str) -> Counts:
        if not self._loaded:
            self._load()
        found = self._parsed.get(word)
        if found is None:
            fields = (self._raw.get(word, "").split("\t") + ["", "", "", ""])[:4]
            left, right, aws_left, aws_right = (_pairs(field) for field in fields)
            found = self._parsed[word] = Counts(left, right, aws_left, aws_right)
        return found

    def unigram(self, word: str) -> int:
        if not self._loaded:
            self._load()
        return self._unigrams.get(word, 0)

    def likelihood(self, word: str, before: str | None, after: str | None) -> float:
        """``P(before | word) * P(after | word)``: how well the neighbours fit ``word``.

        A bigram the list lacks was seen fewer than ``least`` times (the list is
        pruned there), so its count is taken as what chance alone would give,
        ``f(word) * f(neighbour) / N``, capped at ``least``: a missing bigram
        of two frequent words is not evidence that they never meet."""
        own = max(self.unigram(word), 1)
        counts = self.counts(word)
        score = 1.0
        for neighbour, table in ((before, counts.left), (after, counts.right)):
            if neighbour is None:
                continue
            listed = table.get(neighbour)
            count = float(listed) if listed is not None else min(self.least, own * max(self.unigram(neighbour), 1) / self.total)
            score *= count / own
        return score

    def judge(self, word: str, before: str | None, after: str | None) -> tuple[str, str | None, str | None] | None:
        """The likely word and the neighbour(s) that speak for it, or None when ``word`` fits."""
        counts = self.counts(word)
        known = (before and before in counts.left) or (after and after in counts.right)
        seen_in_aws = (before and before in counts.aws_left) or (after and after in counts.aws_right)
        best: tuple[float, str] | None = None
        for other in self.alternatives.get(word, ()):
            generated = (word, other) in self.generated
            if generated and (known or seen_in_aws):
                continue  # a rare word seen in this very bigram: it is used so
            if self._aws_prefers(word, other, before, after):
                continue  # AWS prose writes it this way more often than the other
            sides = [self._side_ratio(word, other, n, left) for n, left in ((before, True), (after, False)) if n is not None]
            if min(sides) < (MIN_GENERATED_SIDE if generated else 1):
                continue  # one neighbour speaks for the word as written (or, for a rare word, says nothing)
            if len(sides) == 1 and not generated:
                continue
            ratio = sides[0] * (sides[1] if len(sides) == 2 else 1.0)
            posterior = ratio * self.unigram(other) / max(self.unigram(word), 1)
            needed = MIN_GENERATED_RATIO if generated else MIN_CONTEXT_RATIO
            if ratio < needed or (not generated and posterior < MIN_POSTERIOR):
                continue
            if best is None or ratio > best[0]:
                best = (ratio, other)
        if best is None:
            return None
        other = best[1]
        return other, *self._evidence(other, before, after)

    def rare(self, word: str) -> bool:
        """A word that only edit-distance-1 pairs name (``planing``): judged with one neighbour too,
        as its one neighbour must then speak for the other word a thousandfold."""
        return all((word, other) in self.generated for other in self.alternatives.get(word, ()))

    def _aws_prefers(self, word: str, other: str, before: str | None, after: str | None) -> bool:
        """Whether the AWS bigram counts put the written word beside a neighbour at least as often as ``other``."""
        mine, theirs = self.counts(word), self.counts(other)
        return any(
            neighbour is not None and table_mine.get(neighbour, 0) > 0 and table_mine.get(neighbour, 0) >= table_theirs.get(neighbour, 0)
            for neighbour, table_mine, table_theirs in (
                (before, mine.aws_left, theirs.aws_left),
                (after, mine.aws_right, theirs.aws_right),
            )
        )

    def _side_ratio(self, word: str, other: str, neighbour: str | None, left: bool) -> float:
        """How much more likely ``neighbour`` is beside ``other`` than beside ``word``."""
        if left:
            return self.likelihood(other, neighbour, None) / self.likelihood(word, neighbour, None)
        return self.likelihood(other, None, neighbour) / self.likelihood(word, None, neighbour)

    def _evidence(self, other: str, before: str | None, after: str | None) -> tuple[str | None, str | None]:
        """The neighbours whose bigram with ``other`` is strong enough to name in the message."""
        counts = self.counts(other)
        own = max(self.unigram(other), 1)
        strong_before = before if before and counts.left.get(before, 0) >= MIN_BIGRAM_SHARE * max(self.unigram(before), 1) else None
        strong_after = after if after and counts.right.get(after, 0) >= MIN_BIGRAM_SHARE * own else None
        return strong_before, strong_after


def _pairs(field: str) -> dict[str, int]:
    result = {}
    for item in field.split():
        word, _, count = item.rpartition(":")
        result[word] = int(count)
    return result


def load() -> Model:
    """The sets now; the counts when first needed."""
    return Model(data_text("words", SETS_FILE), data_text("words", GENERATED_FILE), lambda: data_text("words", COUNTS_FILE))


def confused(text: str, model: Model, skip: frozenset[str] = frozenset()) -> Iterator[Confusion]:
    """Each word of ``text`` that its context says is another word of its set."""
    # the tokens as strings (``findall``, in C), their places only for a text with a word to report:
    # most texts hold no word of a confusion set, and a tuple of (start, end, token) for each of
    # their tokens cost more than the rest of the search (11,000 texts of every fifth SageMaker page)
    tokens = _TOKEN.findall(text)
    alternatives = model.alternatives
    spans: list[tuple[int, int]] | None = None
    for index in [index for index, token in enumerate(tokens) if token in alternatives]:
        token = tokens[index]
        if not token.islower() or token in skip:
            continue
        before = _word(tokens, index - 1)
        after = _word(tokens, index + 1)
        if before is None and after is None:
            continue
        if (before is None or after is None) and not model.rare(token):
            continue  # one neighbour is too little to go on, but for a rare word ("resource planing,")
        verdict = model.judge(token, before, after)
        if verdict is None:
            continue
        likely, strong_before, strong_after = verdict
        if strong_before is None and strong_after is None:
            continue  # no neighbour that clearly wants the other word
        if spans is None:
            spans = [match.span() for match in _TOKEN.finditer(text)]  # the same matches as ``findall``'s
        start, end = spans[index]
        yield Confusion(start, end, token, likely, strong_before, strong_after, (token, likely) in model.generated)


def _word(tokens: list[str], index: int) -> str | None:
    """The lowercase neighbour at ``index``, or None for punctuation, a name in capitals, or the edge."""
    if not 0 <= index < len(tokens):
        return None
    token = tokens[index]
    if not token[0].isalpha() or ("'" in token or "’" in token):
        return None
    return token.lower() if token.islower() or token.istitle() else None


def its_words() -> frozenset[str]:
    """Words AWS prose writes after "its" and never after "it's" (``its-words.txt``)."""
    lines = data_text("words", ITS_FILE).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def possessive_slips(text: str, nouns: frozenset[str]) -> Iterator[Confusion]:
    """Each "it's" of ``text`` that stands for the possessive "its": before a word AWS prose
    writes only after "its" ("it's target value"), itself followed by a word that does not
    make it a predicate ("it's new to ...", "it's full of ..." are "it is")."""
    for match in _ITS.finditer(text):
        written, noun, after = match.group(1), match.group(2), match.group(3).lower()
        if noun not in nouns or after in _PREDICATE_FOLLOWERS:
            continue
        likely = "Its" if written[0] == "I" else "its"
        yield Confusion(match.start(1), match.end(1), written, likely, None, noun, False)
