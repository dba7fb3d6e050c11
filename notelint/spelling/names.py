"""Technology names written with the wrong case over several words, or split or joined wrongly.

* ``phrase_hits``: a name of several words (``names.txt``: Apache Spark,
  Microsoft Excel, Active Directory) written with another case ("apache
  spark").  All capitals are accepted, as for one-word names.
* ``spacing_hits``: two words that make one name when joined ("Py Torch",
  "Java Script", "Open API", or one edit from it: "Py Troch"), and one word
  that is a name of two ("DockerHub" -> Docker Hub).  AWS product names
  ("Sage Maker", "Dyna Mo") are NL3xx's and left alone here.

Only plain prose words are looked at: a word glued to ``.``, ``/``, ``-``,
``_``, ``@`` or ``#`` is part of a path, a file name or an identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from itertools import pairwise

from notelint.memo import TextMemo
from notelint.spelling.suggest import OneEditIndex
from notelint.spelling.vocab import Vocabulary
from notelint.values import FrozenValue

_WORD = re.compile(r"(?<![\w./@#$\\-])[A-Za-z]+(?![\w/@#\\-]|\.\w)")
MIN_EDIT_LETTERS = 6  # a split name one edit away is trusted from this length


class NameHit(FrozenValue):
    """A name found written another way (written out, not a dataclass: ``notelint.values`` says why)."""

    __slots__ = FIELDS = ("start", "end", "written", "name", "exact")
    start: int  # offsets into the text given
    end: int
    written: str
    name: str
    exact: bool  # the letters match the name (only spaces or case differ)

    def __init__(self, start: int, end: int, written: str, name: str, exact: bool):
        self._fill(start, end, written, name, exact)


class NameFinder:
    """Compiled once per run from the vocabulary's name lists."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        phrases = sorted(vocab.phrases, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
        self._phrase = re.compile(rf"(?<![\w./-])(?:{alternatives})(?![\w/-])", re.IGNORECASE) if phrases else None
        self._edit_targets = {k: v for k, v in vocab.casing.items() if len(k) >= MIN_EDIT_LETTERS}

    @cached_property
    def _edit_index(self) -> OneEditIndex:
        # the names one edit from a pair's joined letters, found through their deletions: generating
        # every edit of the letters (~55 a letter) to look up 28 names was NL207's largest cost
        return OneEditIndex(self._edit_targets)

    def _word(self, word: str) -> bool:
        """A known word or an acronym ("Open MPI" is no typo of OpenAPI)."""
        return word.isupper() or self.vocab.knows(word)

    def phrase_hits(self, text: str) -> Iterator[NameHit]:
        return iter(self._phrase_memo(text))

    @cached_property
    def _phrase_memo(self) -> TextMemo[tuple[NameHit, ...]]:
        # kept by text: an editor's re-check meets the same blocks again
        return TextMemo(lambda text: tuple(self._phrase_hits(text)))

    def _phrase_hits(self, text: str) -> Iterator[NameHit]:
        if self._phrase is None:
            return
        for match in self._phrase.finditer(text):
            written = match.group()
            name = self.vocab.phrases[" ".join(written.split()).casefold()]
            if written != name and not written.isupper() and " ".join(written.split()) != name:
                yield NameHit(match.start(), match.end(), written, name, True)

    def spacing_hits(self, text: str) -> Iterator[NameHit]:
        return iter(self._spacing_memo(text))

    @cached_property
    def _spacing_memo(self) -> TextMemo[tuple[NameHit, ...]]:
        return TextMemo(lambda text: tuple(self._spacing_hits(text)))

    def _spacing_hits(self, text: str) -> Iterator[NameHit]:
        vocab = self.vocab
        words = list(_WORD.finditer(text))
        for first, second in pairwise(words):
            if text[first.end() : second.start()] != " ":
                continue
            a, b = first.group(), second.group()
            if not b[0].isupper():
                continue  # "tensor flow" may be two words; "Tensor Flow" is the name split
            joined = (a + b).lower()
            if joined in vocab.products:
                continue  # "Sage Maker": NL3xx's
            name = vocab.casing.get(joined)
            exact = name is not None
            if name is None and len(joined) >= MIN_EDIT_LETTERS and not (self._word(a) and self._word(b)):
                near = [self._edit_targets[n] for n in self._edit_index.near(joined)]  # edits1(joined) & targets
                name = near[0] if len(set(near)) == 1 else None
                if name is not None and name.lower() in vocab.products:
                    name = None
            if name is not None and a[0].isupper() == name[0].isupper():  # "no SQL" is no NoSQL
                yield NameHit(first.start(), second.end(), f"{a} {b}", name, exact)
        for word in words:
            lower = word.group().lower()
            name = vocab.joined.get(lower)
            if name is not None and lower not in vocab.products:
                yield NameHit(word.start(), word.end(), word.group(), name, True)
