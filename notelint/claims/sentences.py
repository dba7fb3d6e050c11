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

_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs approx incl cf esp fig no nos vol dr mr mrs ms st jr sr inc ltd co corp min max avg "
    "sec hr hrs jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, stripped of surrounding whitespace."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        word = re.search(r"([A-Za-z.]+)$", text[start : match.start()])
        if word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1):
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
