"""Splitting a claim's text into sentences, keeping offsets.

Notes are terse: a list item is often one sentence, sometimes several, and
full stops also appear in versions (``1.2-1``), decimals, abbreviations
(``e.g.``, ``etc.``, ``vs.``), file names (``train.py``) and instance types
(``ml.p3.2xlarge``).  A sentence ends at ``.``, ``!`` or ``?`` followed by
whitespace and then an upper-case letter, a digit or an opening quote or
bracket, unless the word before it is a known abbreviation; a line break
inside a paragraph is not an end.
"""

from __future__ import annotations

import re
import string

_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs approx incl cf esp fig no nos vol dr mr mrs ms st jr sr inc ltd co corp min max avg "
    "sec hr hrs jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WORD_CHARS = frozenset(string.ascii_letters + ".")
# a run of [.!?] not preceded by another (a run of dots is tried once, not from each of its dots:
# quadratic); the look-behind comes after the first mark, so that the pattern opens with a character
# class and the regex engine skips to the next mark (one that opens with a look-behind is tried at
# every character): the same matches, in a third of the time over the sentences of a guide
_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


def _word_before(text: str, start: int, end: int) -> str:
    """The run of ASCII letters and dots that ends ``text[start:end]`` (before a
    final line break, as ``[A-Za-z.]+$`` would find it), read backwards so that
    a long sentence is not searched from its start at every full stop."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    first = end
    while first > start and text[first - 1] in _WORD_CHARS:
        first -= 1
    return text[first:end]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, stripped of surrounding whitespace."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        word = _word_before(text, start, match.start())
        if word and (word.lower().rstrip(".") in _ABBREVIATIONS or len(word) == 1):
            continue  # "e.g. Cassandra", "U.S. East", "a. b."
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for first, last in spans:
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if first < last:
            result.append((first, last))
    return result
