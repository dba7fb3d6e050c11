"""Suggestions for an unknown word: domain words first, then English.

Computed only for words that are reported, once per distinct word per run.
Candidates at edit distance 1 (Damerau: a transposition counts once) come
from generated edits, which is cheap at any length; distance 2 is searched
only when distance 1 finds nothing and the word has at most ``MAX_DISTANCE_2``
letters, among known words of about the same length with the same first
letter.  Words longer than ``MAX_LENGTH`` get no suggestions at all, so a
pathological token costs nothing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from rapidfuzz.distance.OSA import distance as _osa_distance
from rapidfuzz.process import extract as _extract
# the length of two strings' common prefix: the first index where they differ (the shorter one's length if
# one begins the other), counted in C++
from rapidfuzz.distance.Prefix import similarity as common_prefix_length

from notelint.spelling.vocab import Vocabulary

MAX_SUGGESTIONS = 3
MAX_LENGTH = 30
MAX_DISTANCE_2 = 12
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + replaces + inserts) | transposes(word)


def transposes(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


def one_edit(word: str, other: str) -> bool:
    """``other in edits1(word)``, without building the set: ``other`` is ``word`` with one character
    deleted, two neighbours swapped, or one letter (``a``-``z``) put in or in place of one."""
    if len(other) == len(word) - 1:
        i = common_prefix_length(word, other)
        return word[i + 1 :] == other[i:]
    if len(other) == len(word) + 1:
        i = common_prefix_length(word, other)  # (put in at i: a run of equal letters makes i as good as any)
        return other[i] in _LETTERS and other[i + 1 :] == word[i:]
    if len(other) != len(word):
        return False
    i = common_prefix_length(word, other)
    if i == len(word):  # the same: a letter put in place of itself, or two equal neighbours swapped
        return any(c in _LETTERS for c in word) or any(a == b for a, b in zip(word, word[1:]))
    if word[i + 1 :] == other[i + 1 :]:
        return other[i] in _LETTERS
    return i + 1 < len(word) and word[i] == other[i + 1] and word[i + 1] == other[i] and word[i + 2 :] == other[i + 2 :]


class OneEditIndex:
    """Which of a fixed set of words are one edit from a word (``edits1(word) & words``), found
    through their deletions as SymSpell does: a word one edit from another shares with it the
    word itself or one of its one-letter deletions, so only the few words filed under those
    are compared.  Building it costs about 8 us a word; asking, a fraction of ``edits1``."""

    def __init__(self, words: Iterable[str]):
        self._by_deletion: defaultdict[str, list[str]] = defaultdict(list)  # (asked with ``get``: it adds nothing)
        for word in words:
            self._by_deletion[word].append(word)
            for i in range(len(word)):
                self._by_deletion[word[:i] + word[i + 1 :]].append(word)

    def near(self, word: str) -> set[str]:
        """The indexed words in ``edits1(word)``."""
        filed = self._by_deletion
        found: set[str] = set()
        for key in (word, *{word[:i] + word[i + 1 :] for i in range(len(word))}):
            for other in filed.get(key, ()):
                if other not in found and one_edit(word, other):
                    found.add(other)
        return found


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a transposition of neighbours counts once), or
    ``limit + 1`` once it exceeds ``limit``: rapidfuzz's, in C++, a few hundred times faster than the
    same table filled in Python (86 us for two 13-letter words; NL201's suggestions, the AWS name
    scan and NL208's stem variants ask it tens of thousands of times on a guide)."""
    return _osa_distance(a, b, score_cutoff=limit)


class _Index:
    """Known words by first letter, listed when a word with that letter is first asked about."""

    def __init__(self, words: Callable[[], Iterable[str]]):
        self._words = words
        self._by_letter: dict[str, list[str]] = {}

    def near2(self, word: str) -> list[str]:
        """The known words with ``word``'s first letter at most two edits from it (in C++: a word of the
        guide cost 1-7 ms in a Python loop over its buckets, and bucketing 128,000 words 40 ms a process)."""
        letter = word[:1]
        known = self._by_letter.get(letter)
        if known is None:
            known = self._by_letter[letter] = [w for w in self._words() if w[:1] == letter] if letter else []
        return [found for found, _, _ in _extract(word, known, scorer=_osa_distance, score_cutoff=2, limit=None)]


class Suggester:
    """Suggestions per distinct word, cached for the run."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self._cache: dict[str, tuple[str, ...]] = {}
        self._domain = _Index(lambda: (*vocab.domain, *vocab.products))
        self._english = _Index(lambda: vocab.english)

    def suggest(self, word: str) -> tuple[str, ...]:
        """At most three corrections of ``word``, cased like it (or canonically)."""
        if word not in self._cache:
            self._cache[word] = tuple(self._shape(word, s) for s in self._candidates(word.lower()))
        return self._cache[word]

    def _candidates(self, lower: str) -> list[str]:
        fixed = self.vocab.misspellings.get(lower)
        if fixed is not None:
            return [fixed]
        if len(lower) > MAX_LENGTH:
            return []
        edits = edits1(lower)
        swaps = transposes(lower)
        vocab = self.vocab
        # a swap of two letters is the likeliest slip; then jargon, then common English
        found = sorted(
            (w for w in edits if w in vocab.english or vocab.is_domain(w)),
            key=lambda w: (w not in swaps, not vocab.is_jargon(w), -vocab.english.get(w, 0), w),
        )
        split = self._split(lower)
        if split:
            found.append(split)
        if not found and len(lower) <= MAX_DISTANCE_2:
            found += sorted(self._domain.near2(lower), key=lambda w: (distance(lower, w), not vocab.is_jargon(w), w))
            found += sorted(self._english.near2(lower), key=lambda w: (distance(lower, w), self._rank(w)))
        return _unique(w for w in found if w not in self.vocab.misspellings)[:MAX_SUGGESTIONS]

    def _rank(self, word: str) -> tuple[int, str]:
        return -self.vocab.english.get(word, 0), word

    def _split(self, lower: str) -> str | None:
        """Two known words glued together: ``arelegal`` -> "are legal"."""
        best: tuple[int, str] | None = None
        for at in range(2, len(lower) - 1):
            left, right = lower[:at], lower[at:]
            if self._splittable(left) and self._splittable(right):
                score = min(self.vocab.english.get(left, 1), self.vocab.english.get(right, 1))
                if best is None or score > best[0]:
                    best = (score, f"{left} {right}")
        return best[1] if best else None

    def _splittable(self, part: str) -> bool:
        if len(part) == 2:
            return self.vocab.english.get(part, 0) > 1_000_000  # "up", "to", not "ar"
        return part in self.vocab.english or self.vocab.is_domain(part)

    def _shape(self, written: str, suggestion: str) -> str:
        """Canonical names keep their case; other words follow the written word's case."""
        canonical = self.vocab.canonical(suggestion.lower()) if " " not in suggestion else None
        if canonical:
            return canonical
        if suggestion != suggestion.lower():
            return suggestion  # a map entry with its own case
        if written.isupper() and len(written) > 1:
            return suggestion.upper()
        if written[:1].isupper():
            return suggestion[:1].upper() + suggestion[1:]
        return suggestion


def _unique(words: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for word in words:
        if word not in seen:
            seen.add(word)
            result.append(word)
    return result
