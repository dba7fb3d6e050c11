"""Context that says an unknown word is not a misspelling: a name, or a word of another language.

NL201 asks these questions only of words it would otherwise report, so a clean
note never pays for them.

* **Names given by their link**: a word of a link's text (or of an image's alt
  text) that its URL spells too is the name of what the link points at,
  ``[Ruxit](http://ruxit.com/)``, or alt text made from the file name,
  ``![rek stored video arch](./rek-stored-video-arch.png)``.
* **People's names**: a capitalised word beside a middle initial ("Brett W
  Bader"), after a title ("Dr. Nathalie ..."), before "et al.", or beside
  another capitalised word that no list knows ("Sudipto Guha").
* **Another language**: a sentence or quoted phrase of three words or more in
  which at least half the words are unknown to English or are common function
  words of French, German, Spanish, Italian or Portuguese, one of them at least
  such a function word that English does not have, or a word with a letter
  outside ASCII ("Bonjour, comment allez-vous ?": "vous").  A cheap test, chosen over a language identifier by
  measurement (see ``bench/foreign_text.py``).
* **Values**: an item of a parenthesised list whose other items are
  snake_case identifiers ("(pooled_embedding, hcnn, bilstm)").
* **Prefixes and inflected compounds**: "tri-grams", "re-use", "snap-shotting"
  (the part is a prefix, or the compound written solid is a known word).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Function words of other languages that are not English words (checked against
# the English list when used, so an overlap never hides an English typo).
FOREIGN_WORDS = frozenset({
    "le", "les", "des", "du", "une", "est", "et", "vous", "nous", "je", "tu", "il", "ils", "elle", "elles",
    "pas", "pour", "avec", "dans", "sur", "qui", "que", "cette", "sont", "mais", "ou", "aux", "au", "leur",
    "très", "où", "être", "avoir", "fait", "comme", "tout", "bien", "aussi", "merci", "bonjour", "oui",
    "non", "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "mit", "für", "auf", "ich",
    "sie", "wir", "ihr", "sind", "auch", "oder", "wie", "aber", "nur", "noch", "bei", "von", "zum", "zur",
    "dem", "den", "einer", "eines", "kein", "keine", "werden", "wird", "hat", "haben", "über", "el",
    "los", "las", "una", "por", "para", "con", "es", "del", "y", "como", "más", "pero", "sus", "muy",
    "también", "está", "están", "ser", "hay", "sobre", "entre", "di", "che", "per", "sono",
    "della", "delle", "degli", "gli", "questo", "questa", "anche", "ma", "não", "uma", "com", "os", "em",
    "ao", "da", "dos", "pelo", "pela", "são", "foi", "mas",
})
PREFIXES = frozenset({
    "anti", "auto", "bi", "co", "counter", "cross", "de", "dis", "ex", "extra", "hyper", "inter", "intra",
    "macro", "meta", "micro", "mid", "mini", "mis", "multi", "non", "over", "post", "pre", "pro", "pseudo",
    "quasi", "re", "semi", "sub", "super", "tri", "ultra", "un", "under", "uni",
})
_SUFFIXES = ("ting", "ing", "ed", "es", "s", "ning", "ping")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"[^.!?;:\"“”«»()]+")
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?\s+$")
_INITIAL_BEFORE = re.compile(r"[A-Z][a-z]+\s+[A-Z]\.?\s+$")
_INITIAL_AFTER = re.compile(r"^\s+[A-Z]\.?\s+[A-Z][a-z]+")
_ET_AL = re.compile(r"^(?:['’]s)?,?\s+et\.?\s+al\b")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
_CAPITALISED_AFTER = re.compile(r"^(?:['’]s)?\s+([A-Z][a-z]+)")
MIN_FOREIGN_WORDS = 3
_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def named_by_url(word: str, url: str | None) -> bool:
    """The link's (or image's) URL spells the word: it names what the link points at.
    The query and fragment are left out: a fragment (``#linear-discrimniant-analysis``)
    is made from a heading's words, typos and all, and a query holds search terms."""
    if not url or len(word) < 3:
        return False
    return word.lower() in _squash(re.split(r"[?#]", url, maxsplit=1)[0])


def person_name(text: str, start: int, end: int, unknown: Callable[[str], bool]) -> bool:
    """``text[start:end]``, a capitalised word, reads as part of a person's name."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if _TITLE_BEFORE.search(before) or _INITIAL_BEFORE.search(before) or _INITIAL_AFTER.match(after):
        return True
    if _ET_AL.match(after):
        return True
    neighbours = [m.group(1) for m in (_CAPITALISED_BEFORE.search(before), _CAPITALISED_AFTER.match(after)) if m]
    return any(unknown(other) for other in neighbours)


def foreign_spans(text: str, unknown: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of ``text`` (sentences, quoted phrases) written in another language."""
    spans = []
    for match in _SENTENCE.finditer(text):
        words = _WORD.findall(match.group())
        if len(words) < MIN_FOREIGN_WORDS:
            continue
        marked = sum(1 for w in words if not w.isascii() or (w.lower() in FOREIGN_WORDS and unknown(w)))
        foreign = sum(1 for w in words if not w.isascii() or w.lower() in FOREIGN_WORDS or unknown(w))
        if marked and foreign >= MIN_FOREIGN_WORDS and 2 * foreign >= len(words):
            spans.append(match.span())
    return spans


def identifier_list_item(text: str, start: int, end: int) -> bool:
    """The word is a whole item of a parenthesised, comma-separated list in which
    another item is a snake_case identifier: "(pooled_embedding, hcnn, bilstm)"
    lists values, not prose."""
    open_at = text.rfind("(", 0, start)
    close_at = text.find(")", end)
    if open_at < 0 or close_at < 0 or ")" in text[open_at:start] or "(" in text[end:close_at]:
        return False
    items = [item.strip() for item in text[open_at + 1 : close_at].split(",")]
    word = text[start:end]
    return word in items and any(_SNAKE.fullmatch(item) for item in items if item != word)


def compound_part_ok(part: str, token: str, first: bool, known: Callable[[str], bool]) -> bool:
    """A part of a hyphenated compound that is fine in it: a prefix ("tri-grams"), or
    the compound written solid is a word, maybe inflected ("snap-shotting")."""
    lower = part.lower()
    if first and lower in PREFIXES:
        return True
    solid = token.replace("-", "").lower()
    if not solid.isalpha():
        return False
    return known(solid) or any(
        solid.endswith(suffix) and len(solid) - len(suffix) >= 4 and known(solid[: -len(suffix)])
        for suffix in _SUFFIXES
    )
