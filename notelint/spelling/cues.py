"""Context that says an unknown word is not a misspelling: a name, or a word of another language.

NL201 asks these questions only of words it would otherwise report, so a clean
note never pays for them.

* **Names given by their link**: a word of a link's text (or of an image's alt
  text) that its URL spells too is the name of what the link points at,
  ``[Ruxit](http://ruxit.com/)``, or alt text made from the file name,
  ``![rek stored video arch](./rek-stored-video-arch.png)``, or initials of words the
  URL's path runs together, ``![single pof](./single-point-of-failures.png)``.
* **People's names**: a capitalised word beside a middle initial ("Brett W
  Bader"), after a title ("Dr. Nathalie ..."), before "et al.", or beside
  another capitalised word that no list knows ("Sudipto Guha").
  A surname after a given name that "by" or "X and" introduces ("by Ronny
  Kohavi", "Thomas L Griffiths and Mark Steyvers").
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
* **Lists of names**: a capitalised word in a comma-separated run of three or
  more items that are all short capitalised names ("DataDog, New Relic,
  Epsagon"; "Sudipto Guha, Nina Mishra, Gourav Roy"): products, companies or
  people, not prose.  In a table cell two such items are enough ("IBM Watson,
  Clarifai"): a cell holds no prose around its list.
* **Names cut short in a slug**: the last piece of a lowercase kebab-case
  slug that a name written in the same text completes
  ("**sagemaker-data-wrang**" beside "Data Wrangler": an app name's prefix,
  as the console shows it).
* **Names a link spells**: a word that is a whole piece of the host or path of
  a link in the same paragraph ("[This page](http://awslimitchecker.readthedocs.io/...)
  from the awslimitchecker tool").
* **Literals after "starts with" / "ends with"**: a value ("the repository that
  ends with **modelbuild**"), checked like an identifier.
* **Defined terms**: the lowercase word a block opens with, then "(required)",
  "(optional)" or a dash and its definition ("*dbtable* (required) — The name of
  the JDBC table"): a parameter's name, checked like an identifier.
* **Prefixed words**: a prefix English writes solid before a known word
  ("misspecifying", "overallocate", "unbiasing").
* **Formula symbols**: a word beside an invisible character that flattened
  MathML leaves ("D\u200bwin": D subscript win), or a LaTeX command name
  that lost its backslash in a formula or a range ("[0, infty]").
* **Abbreviations**: a word cut short with a period in mid-sentence ("data
  infreq. accessed"), where a known word starts with its letters.
* **Misspellings cited on purpose**: a misspelt word written beside its
  correction with an arrow or "to" between them ("aquire -> acquire",
  "absense to absence"), as notes on spelling correction do.

The callers ask the cheap questions first and guard against hiding a typo:
the name-list, abbreviation and cited-misspelling cues are not asked about
a word one edit from a known word (except, for the last, from its correction).
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
# "by Ronny Kohavi": a given name after "by"; "Griffiths and Mark Steyvers": a name after "X and"
_BY_NAME_BEFORE = re.compile(r"\bby\s+[A-Z][a-z]+\s+$")
_AND_NAME_BEFORE = re.compile(r"[A-Z][a-z]+,?\s+and\s+[A-Z][a-z]+\s+$")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
_CAPITALISED_AFTER = re.compile(r"^(?:['’]s)?\s+([A-Z][a-z]+)")
MIN_FOREIGN_WORDS = 3
MIN_LIST_NAMES = 3
MIN_CELL_NAMES = 2  # a table cell holds no prose around its list of names
MAX_NAME_WORDS = 5
# characters MathML-to-text conversion leaves between a symbol and its subscript
INVISIBLE_MATH = frozenset("\u200b\u2061\u2062\u2063\u2064")
# LaTeX math commands that are no English words: seen without their backslash in flattened formulas
LATEX_NAMES = frozenset({
    "infty", "frac", "sqrt", "cdot", "cdots", "ldots", "leq", "geq", "neq", "mathbb", "mathbf", "mathcal",
    "mathrm", "operatorname", "varepsilon", "vartheta", "varphi", "infin",
})
_MATH_SIGNS = re.compile(r"[\[\]^_=<>{}\\]|\d")
# a clause of a list ends at these (a period only when it ends a sentence, not an initial "F.")
_CLAUSE_END = re.compile(r"[;:|()\[\]\n!?]|(?<![A-Z])(?<![A-Z]\\)\.(?=\s|$)")
_LIST_JOINER = re.compile(r"^(?:and|or|&)\s+")
_NAME_WORD = re.compile(r"[A-Z][\w'’\\.-]*")
# a period that does not end the sentence: what follows is lowercase, a digit, or more punctuation
_MID_SENTENCE_PERIOD = re.compile(r"\.(?:\s+[a-z0-9(]|[,;:)])")
_CITED_AFTER = re.compile(r"""^["'”’`*]*\s*(?:->|=>|→|⇒|-->|\bto\b|\binstead of\b)\s*["'“‘`*]*([A-Za-z]+)""")
_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
MIN_URL_PIECE = 4
_AFFIX_BEFORE = re.compile(r"\b(?:starts?|ends?|begins?|starting|ending|beginning|prefixed|suffixed)\s+with\s+[*_\"'“‘`]*$", re.I)
# prefixes that English writes solid before a word ("misspecify", "overprovisioned"); the
# rest must be a known word of five letters or more, and the caller keeps a word one edit
# from a known word ("recoder": recorder) reported
SOLID_PREFIXES = ("counter", "hyper", "inter", "micro", "multi", "over", "post", "pre", "mis", "non", "re", "sub", "super", "un", "under")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def named_by_url(word: str, url: str | None) -> bool:
    """The link's (or image's) URL spells the word, or the word is the initials of words the
    URL's path runs together (``![single pof](./single-point-of-failures.png)``): it names
    what the link points at.  The query and fragment are left out: a fragment
    (``#linear-discrimniant-analysis``) is made from a heading's words, typos and all, and a
    query holds search terms."""
    if not url or len(word) < 3:
        return False
    address = re.split(r"[?#]", url, maxsplit=1)[0]
    lower = word.lower()
    return lower in _squash(address) or lower in _path_initials(address, len(lower))


def _path_initials(address: str, length: int) -> set[str]:
    """The initials of each run of ``length`` consecutive words of a piece of the URL's path
    ("single-point-of-failures": sp, pof, ...)."""
    path = address.split("://", 1)[-1].partition("/")[2] if "://" in address else address
    initials: set[str] = set()
    for piece in path.lower().split("/"):
        words = [w for w in re.split(r"[^a-z0-9]+", piece) if w]
        initials.update("".join(w[0] for w in words[i : i + length]) for i in range(len(words) - length + 1))
    return initials


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


def named_by_phrase(text: str, start: int, end: int) -> bool:
    """``text[start:end]``, a capitalised word after a capitalised one, is a surname that
    the phrase around it marks: "by Ronny Kohavi", "Thomas L Griffiths and Mark Steyvers"
    (authors, a data set's makers).  The caller keeps a word one edit from a known word
    reported ("by Amazon Sagemkaer")."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    before = text[max(0, start - 60) : start]
    return bool(_BY_NAME_BEFORE.search(before) or _AND_NAME_BEFORE.search(before))


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


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)``, bounded by _CLAUSE_END."""
    begin = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        begin = match.end()
    after = _CLAUSE_END.search(text, end)
    return begin, after.start() if after else len(text)


def _name_item(item: str) -> bool:
    words = _LIST_JOINER.sub("", item.strip()).split()
    return 0 < len(words) <= MAX_NAME_WORDS and all(_NAME_WORD.fullmatch(w) for w in words)


def name_list_item(text: str, start: int, end: int, least: int = MIN_LIST_NAMES) -> bool:
    """``text[start:end]`` is (part of) a whole item of a comma-separated list of ``least``
    (three) or more short capitalised names ("Nuance, Vocalware, IBM"); the first item may
    be the end of a longer phrase ("companies like Huawei, Meizu, Lenovo, etc.")."""
    if not text[start:start + 1].isupper():
        return False
    begin, finish = _clause(text, start, end)
    items: list[str] = []
    at, index = begin, -1
    for part in text[begin:finish].split(","):
        if at <= start < at + len(part):
            index = len(items)
        items.append(part)
        at += len(part) + 1
    if index < 0 or len(items) < least or not _name_item(items[index]):
        return False
    names = [
        _name_item(item) or (i == 0 and bool(item.split()) and _NAME_WORD.fullmatch(item.split()[-1]) is not None)
        or item.strip().lower() in ("etc", "etc.")
        for i, item in enumerate(items)
    ]
    run_start = index
    while run_start > 0 and names[run_start - 1]:
        run_start -= 1
    run_end = index
    while run_end + 1 < len(items) and names[run_end + 1]:
        run_end += 1
    return run_end - run_start + 1 >= least


def cut_slug(text: str, start: int, end: int, token: str) -> bool:
    """``text[start:end]`` is the last piece of the lowercase kebab-case slug ``token``, cut
    short, and the text writes the name it comes from: the piece before it, a space, then
    the piece and more letters ("sagemaker-data-wrang" beside "Data Wrangler")."""
    word = text[start:end]
    pieces = token.split("-")
    if len(pieces) < 2 or pieces[-1] != word or not token.islower():
        return False
    before = re.escape(pieces[-2])
    return re.search(rf"(?i)\b{before}[ \t]+{re.escape(word)}[a-z]+", text) is not None


def url_piece(word: str, url: str) -> bool:
    """The word is a whole piece (between punctuation) of the host or path of ``url``, a link
    in the same paragraph: the name of what it links to ("[This page](http://awslimitchecker.
    readthedocs.io/...) from the awslimitchecker tool's documentation")."""
    if len(word) < MIN_URL_PIECE:
        return False
    address = re.split(r"[?#]", url, maxsplit=1)[0].lower()
    return word.lower() in re.split(r"[^a-z0-9]+", address)


# after a term that opens a block: "(required)", "(optional)", or a dash before its definition
_DEFINITION_AFTER = re.compile(r"[ \t]*(?:\((?:required|optional)\)|[—–]|-[ \t])", re.IGNORECASE)


def definition_term(text: str, start: int, end: int) -> bool:
    """The word is the lowercase term a list item or paragraph opens with, then "(required)",
    "(optional)" or a dash and its definition ("*dbtable* (required) — The name of the JDBC
    table"): a parameter's name, checked as an identifier."""
    word = text[start:end]
    return word.islower() and not text[:start].strip() and _DEFINITION_AFTER.match(text, end) is not None


def affix_literal(text: str, start: int) -> bool:
    """The word comes right after "starts with", "ends with", "begins with" or "prefixed
    with" (maybe in bold or quotes): a literal value ("the repository that ends with
    **modelbuild**"), checked like an identifier."""
    return _AFFIX_BEFORE.search(text, max(0, start - 40), start) is not None


def prefixed_word(word: str, known: Callable[[str], bool]) -> bool:
    """A prefix of ``SOLID_PREFIXES`` written solid before a known word ("misspecifying",
    "overallocate", "unbiasing"); ``known`` judges the rest."""
    lower = word.lower()
    return any(lower.startswith(prefix) and known(lower[len(prefix):]) for prefix in SOLID_PREFIXES)


def formula_symbol(text: str, start: int, end: int) -> bool:
    """A symbol of a formula flattened to text: an invisible character beside it
    ("Dwin\u200b"), or a LaTeX command name in a formula or a range ("[0, infty]")."""
    if text[start - 1 : start] in INVISIBLE_MATH or text[end : end + 1] in INVISIBLE_MATH:
        return True
    if text[start:end].lower() not in LATEX_NAMES:
        return False
    return text[start - 1 : start] == "\\" or bool(_MATH_SIGNS.search(text, max(0, start - 20), min(len(text), end + 20)))


def abbreviation(text: str, start: int, end: int, completes: Callable[[str], bool]) -> bool:
    """A lowercase word cut short with a period in mid-sentence ("infreq. accessed"),
    which ``completes`` (a known longer word starts with it) confirms."""
    word = text[start:end]
    return word.islower() and bool(_MID_SENTENCE_PERIOD.match(text, end)) and completes(word)


def cited_misspelling(text: str, start: int, end: int, corrects: Callable[[str], bool]) -> bool:
    """A misspelling written beside its correction: "aquire -> acquire", "absense to absence"."""
    match = _CITED_AFTER.match(text[end : end + 40])
    return match is not None and corrects(match.group(1))
