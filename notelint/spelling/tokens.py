"""Words in prose, as a person reads them.

``units(text)`` cuts visible prose into *units*: the pieces of a token between
its joiners (``-``, ``_``, a single ``/``, apostrophes).  A unit keeps its
case, so ``DocerFile`` is one unit that the checker later splits at its
capitals, and ``decribe_training_job`` is three.  Possessives and
contractions are dropped (``Amazon's`` -> Amazon, ``doesn't`` -> does).

What is never a word to check, and so never yields a unit:

* URLs, e-mail addresses and handles (``://``, ``www.``, ``@``);
* file paths (a leading ``/``, ``~`` or ``.``, or two slashes or more, unless
  the pieces are names: ``Pandas/NumPy/Scikit``);
* dotted names: files, modules, hosts, instance types, versions
  (``train.py``, ``ml.p3.2xlarge``, ``boto3.client``, ``e.g``);
* ``service:Action`` IAM actions, ARNs, times and other ``a:b`` pairs;
* command-line options (``--outfile``, ``--dry-run``);
* calls (``fit()``, ``apply(cls, *args)``) and code-like tokens (``=``,
  ``$``, ``<``, ``{``, backslashes, ``#`` ... inside or before the word:
  ``$HOME``, ``\\frac``, ``<bucket-name>``, ``*args``);
* any token with a digit in one of its pieces (``S3``, ``EC2``, ``p4d``,
  ``word2vec``, ``us-east-1``, ``wikitext-2-raw-v1``, hex ids);
* any piece with a letter outside ASCII (names and foreign words).

Each unit says how it was joined to its neighbours: ``ALONE`` (a word),
``HYPHEN`` (a prose compound such as ``rela-time`` or ``GPU-based``) or
``IDENTIFIER`` (snake_case, ``a/b``, ``A/B/C`` lists of names, ``Glue+Athena``, kebab-case names of three lowercase
pieces or more, a "quoted" literal, the only token of a table cell).  The
checker is lenient with identifiers, whose parts are often coined.
"""

from __future__ import annotations

import re
from typing import Container, Iterator, NamedTuple

# Characters that end a token wherever they are (brackets, quotes, dashes ...).
_TOKEN = re.compile(r"[^\s()\[\]{},;!?\"“”«»—–…]+")
# From the first letter or digit to the last one.
_CORE = re.compile(r"[^\W_](?:.*[^\W_])?", re.DOTALL)
_CODE_LIKE = re.compile(r"[=$<>\\|^~`#%&*+]")
_INNER_DOT_OR_COLON = re.compile(r"[^\W_][.:][^\W_]")
# A call written in prose: name(), fit(x, y), apply(cls, *args, **kwargs); not
# model(ECR path that has ...), where the parentheses hold words.
_CALL = re.compile(r"[A-Za-z_][\w.]*\((?:\s*[^\s(),]+(?:\s*,\s*[^\s(),]+)*\s*)?\)")
_QUOTED = re.compile(r"(['\"])[^\s'\"]+\1|“[^\s“”]+”|‘[^\s‘’]+’")
_APOSTROPHES = "'’"
_CONTRACTION = re.compile(r"(?i)(?:n['’]t|['’](?:s|re|ve|ll|d|m))$")
_PIECE = re.compile(r"[^-_/+'’]+")
# words joined by "+" ("Glue+Athena"), and a list of names joined by slashes
# whose first piece has a capital ("Pandas/NumPy/Scikit"); paths are lowercase
_PLUS_JOINED = re.compile(r"[A-Za-z]{2,}(?:\+[A-Za-z]{2,})+")
_NAME_LIST = re.compile(r"[A-Z][A-Za-z]+(?:/[A-Za-z]{2,}){2,}")

ALONE = "alone"
HYPHEN = "hyphen"
IDENTIFIER = "identifier"


class Unit(NamedTuple):
    """A piece of a prose token; ``start``/``end`` index the text given to ``units``."""

    text: str
    start: int
    end: int
    token: str  # the whole token (its core): "decribe_training_job"
    joined: str  # ALONE, HYPHEN or IDENTIFIER


def units(text: str, base: int = 0, identifiers: bool = False, known: Container[str] = ()) -> Iterator[Unit]:
    """The units of ``text``; offsets are ``base`` plus indexes into ``text``.

    With ``identifiers`` every unit counts as part of an identifier.  Plain
    words in ``known`` (words already found fine on their own) are passed over
    without a unit: most words of a text are such words.
    """
    calls = [m.span() for m in _CALL.finditer(text)] if "(" in text else []
    quoted = [m.span() for m in _QUOTED.finditer(text)] if any(q in text for q in "'\"“‘") else []
    plain = IDENTIFIER if identifiers else ALONE
    if identifiers:
        known = ()
    for match in _TOKEN.finditer(text):
        if calls and _inside(match.start(), calls):
            continue
        raw = match.group()
        word = raw[:-1] if raw[-1] in ".:" else raw
        if word.isalpha() and not (quoted and _inside(match.start(), quoted)):  # the common case
            if word.isascii() and word not in known:
                start = base + match.start()
                yield Unit(word, start, start + len(word), word, plain)
            continue
        core_match = _CORE.search(raw)
        if core_match is None or _skipped(raw, core_match):
            continue
        at = match.start() + core_match.start()
        literal = identifiers or bool(quoted and _inside(at, quoted))
        offset = base + at
        yield from _split(core_match.group(), offset, literal)


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in spans)


def _skipped(raw: str, core: re.Match) -> bool:
    """True for tokens that are not prose words at all (see the module docstring)."""
    if "://" in raw or "@" in raw or raw[:4].lower() == "www.":
        return True
    text = core.group()
    prefix = raw[: core.start()]
    if _CODE_LIKE.search(prefix) or _INNER_DOT_OR_COLON.search(text) or prefix.endswith(".") and text.isalpha():
        return True  # ... and a file extension: ".parquet", ".csv"
    if prefix.endswith("--") and text[:1].islower():
        return True  # a command-line option written in prose: "--outfile", "--dry-run"
    if _CODE_LIKE.search(text) and not _PLUS_JOINED.fullmatch(text):
        return True  # (code-like characters after a word are punctuation slips: "OS<")
    slashes = text.count("/")
    if slashes > 1 and not prefix.endswith(("/", ".")) and _NAME_LIST.fullmatch(text):
        return False  # "Pandas/NumPy/Scikit": a list of names, not a path
    return bool(slashes) and (slashes > 1 or prefix.endswith(("/", ".")))


def _split(core: str, offset: int, literal: bool) -> Iterator[Unit]:
    stem = _CONTRACTION.sub("", core) if any(a in core for a in _APOSTROPHES) else core
    pieces = [(m.start(), m.group()) for m in _PIECE.finditer(stem)]
    if not pieces or any(not piece.isalpha() for _start, piece in pieces):
        return  # a name with a version or a number in it: wikitext-2-raw-v1, us-east-1
    if literal or any(j in stem for j in "_/+'’") or (len(pieces) > 2 and stem.islower()):
        joined = IDENTIFIER
    elif len(pieces) == 1 and pieces[0][1] == stem:
        joined = ALONE
    else:
        joined = HYPHEN
    for start, piece in pieces:
        if piece.isascii():
            yield Unit(piece, offset + start, offset + start + len(piece), core, joined)


# A plural "s" stays with its acronym (AMIs); a capital run gives its last
# capital to a following lowercase run (XGBoost -> XG, Boost).
_CAMEL = re.compile(r"[A-Z]{2,}s(?![a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_CAPS_RUNS = re.compile(r"[A-Z]+|[a-z]+")


def camel_parts(word: str) -> list[tuple[int, str]]:
    """(offset, part) of a mixed-case word: ``DocerFile`` -> Docer, File."""
    return [(match.start(), match.group()) for match in _CAMEL.finditer(word)]


def caps_parts(word: str) -> list[tuple[int, str]]:
    """The other reading of a mixed-case word: capitals kept together (``IAMrole`` -> IAM, role)."""
    return [(match.start(), match.group()) for match in _CAPS_RUNS.finditer(word)]


def is_mixed_case(word: str) -> bool:
    """Internal capitals: ``DocerFile``, ``recordIO``, ``MLLib`` (not ``Docker``, ``GPU``)."""
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def is_acronym_plural(word: str) -> bool:
    """``GPUs``, ``AMIs``, ``CNNs``: an acronym with a lowercase plural ``s``."""
    return len(word) >= 3 and word.endswith("s") and word[:-1].isupper()


# A shifted character typed at a word's end: "S#" (S3), "OS<" (OS,), "MFA>" (MFA.).
# Not when the word is part of a longer token (``a>b``, ``<name>``, ``x=#``).
_SHIFTED = re.compile(r"(?<![\w<>#&/=.$@*+\\-])([A-Za-z]+)([<>#])(?=[\s.,;:)!?]|$)")
# the key each character shares with the one it was typed for (US layout)
# a "<" that opens a placeholder or a type: "<bucket name>", "Map<String>"
_OPENING = re.compile(r"<\w")
UNSHIFTED = {"#": "3", "<": ",", ">": "."}
# Names that end in '#' on purpose: programming languages.
SHARP_NAMES = frozenset({"C#", "F#", "J#"})


class Shifted(NamedTuple):
    """A word with a stray shifted character glued to its end; offsets index the text given."""

    start: int
    end: int
    written: str  # "S#"
    char: str  # "#"


def shifted_characters(text: str) -> Iterator[Shifted]:
    """Words ending in a stray ``#``, ``<`` or ``>``: the shift key held on the key after
    them.  A ``>`` closing a placeholder opened earlier in the text (``<bucket name>``)
    is markup, not a slip, and so is a language name (``C#``); a ``<`` glued to a word
    and followed by a space opens nothing (``Map<String, Object>`` has no space)."""
    for match in _SHIFTED.finditer(text):
        char = match.group(2)
        written = match.group()
        if char == ">" and _OPENING.search(text, 0, match.start(2)):
            continue
        if char == "#" and written.upper() in SHARP_NAMES:
            continue
        yield Shifted(match.start(), match.end(), written, char)
