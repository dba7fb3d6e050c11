"""Classify every prose word of a note: known, unknown, misspelled or miscased.

The order of the questions asked of a unit is the policy:

1. a misspelling in the curated map is reported as such (NL202), whatever
   any word list says;
2. fewer than three letters: not checked ("U", "ml", "Bi");
3. a name whose case NL2xx owns (``casing.txt``, ``names.txt``), written
   standalone with the wrong case: reported as miscased (NL203), unless it is an
   AWS product name (NL3xx owns those) or a plain name that is itself an English
   word; a name of ``casing-prose.txt`` (Python, Java) only when written in
   lowercase;
4. an AWS operation or IAM action name in any case (``Putobject``,
   ``passrole``): NL4xx's business;
4b. two capitals then lowercase where the lowercase word is a common English
   word ("THis", "WHen"): the shift key held too long, reported (NL201);
5. ALL CAPS: an acronym up to ``MAX_ACRONYM`` letters ("CBOW", "LSTM"),
   otherwise checked like any word ("MINIMUM", "ENTRYPOINT"), except that
   known words run together ("STATEMACHINEARN", a constant) are checked like
   an identifier;
6. an acronym plural ("GPUs", "AMIs"), a word some vocabulary knows (or its
   singular), or a placeholder ("xxx", "mybucket", "AKIAEXAMPLE", "projectid"): fine;
7. mixed case (``DocerFile``, ``recordIO``): each part checked on its own;
8. otherwise unknown (NL201).

Parts of identifiers (steps 7 and 8 for snake_case, kebab-case names, quoted
literals, lone table values) are reported only when they look misspelled:
one edit from a known word, and not two known words run together.  Last, the
note's own front matter ``words:`` and the words it writes in code spans are
accepted in its prose.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Iterator

from notelint.memo import Memo, TextMemo
from notelint.note import BlockKind, Kind, ListItem, Note
from notelint.spelling.suggest import Suggester, distance, edits1
from notelint.spelling.tokens import (
    ALONE,
    HYPHEN,
    IDENTIFIER,
    Unit,
    camel_parts,
    caps_parts,
    is_acronym_plural,
    is_mixed_case,
    units,
)
from notelint.spelling.vocab import Vocabulary, entry_words, singulars
from notelint.values import FrozenValue

UNKNOWN = "unknown"
MISSPELLED = "misspelled"
MISCASED = "miscased"
MIN_LETTERS = 3
MAX_ACRONYM = 5
MIN_TYPO_LETTERS = 5
# pyspellchecker's counts start at 50 for words its sources barely saw ("mithra", "unbids"); a
# misspelling is meant for a word writers use, so the typo guard ignores neighbours below this
MIN_NEIGHBOUR_FREQUENCY = 100
# a four-letter word a prefix may stand before, written solid ("unbias"), must be this common
COMMON_BASE_FREQUENCY = 1_000
VERDICTS_KEPT = 200_000  # distinct words judged; then all are forgotten (see Speller._forget_words)
# two-letter words that identifiers glue to others: bynode, projectid, toupper
# two capitals, then lowercase: "THis", "WHen" (not "IDs", "GBs": acronym plurals)
_SHIFT_SLIP = re.compile(r"[A-Z]{2}[a-z]{2,}")
# a one-letter symbol and an ordinal ending, which markup parts ("*x*th", "*n*th")
_SYMBOL_ORDINAL = re.compile(r"[A-Za-z](?:st|nd|rd|th)")
COMMON_FREQUENCY = 100_000
IDENTIFIER_SUFFIXES = ("ids", "id", "names", "name", "keys", "key", "arns", "arn", "urls", "url")
GLUE_WORDS = frozenset({"by", "id", "in", "io", "is", "of", "on", "to", "up"})
PROSE_KINDS = (Kind.PROSE, Kind.LINK, Kind.IMAGE)
# a link to a person's (or an organisation's) profile: its text is a name, "[Ben Kehoe (benkehoe)](https://github.com/benkehoe)"
_PROFILE = re.compile(
    r"https?://(?:www\.)?(?:(?:github|gitlab)\.com|bitbucket\.org|twitter\.com|x\.com|keybase\.io|linkedin\.com/in|medium\.com)"
    r"/@?[\w.-]+/?",
    re.IGNORECASE,
)


# a block's prose segments (kind, link, start, end), and what ``Speller._block_problems`` keeps of a block
_Prose = tuple[tuple[Kind, "str | None", int, int], ...]
_BlockKey = tuple[str, bool, bool, _Prose]
_BlockProblem = tuple[str, str, int, Unit, bool]


class Problem(FrozenValue):
    """A word the speller reports (written out, not a dataclass: ``notelint.values`` says why)."""

    __slots__ = FIELDS = ("kind", "word", "start", "end", "unit", "part")
    kind: str  # UNKNOWN, MISSPELLED or MISCASED
    word: str  # as written
    start: int  # offsets into note.text
    end: int
    unit: Unit
    part: bool  # one part of a mixed-case unit ("Docer" of "DocerFile")

    def __init__(self, kind: str, word: str, start: int, end: int, unit: Unit, part: bool):
        self._fill(kind, word, start, end, unit, part)

    @property
    def in_identifier(self) -> bool:
        return self.part or self.unit.joined == IDENTIFIER


class Speller:
    """The run's spelling state: vocabularies, suggestions, and verdicts on words already seen."""

    def __init__(self, vocab: Vocabulary):
        from notelint.spelling import cues  # loaded with the speller (a check), not on every start

        self.cues = cues
        self.vocab = vocab
        self.suggester = Suggester(vocab)
        self._typo_cache: dict[str, bool] = {}
        self._verdicts: dict[tuple[str, str], tuple[tuple[str, int, str, bool], ...]] = {}
        self._fine: set[str] = set()  # plain words with no problem: skipped by units()
        self._sorted_english: list[str] | None = None  # for prefix look-ups, sorted on first use

    def problems(self, note: Note) -> list[Problem]:
        """Every problem in ``note``'s prose (the rules of one note share one pass)."""
        return note.cached("spelling.problems", lambda: list(self._scan(note)))

    def _scan(self, note: Note) -> Iterator[Problem]:
        extra = own_words(note)
        listed = value_list_blocks(note)
        for block in note.blocks:
            prose = tuple((s.kind, s.href, s.start, s.end) for s in block.segments if s.kind in PROSE_KINDS)
            key = (block.text, block.kind is BlockKind.CELL, id(block) in listed, prose)
            for kind, word, at, unit, part in self._block_memo(key):
                if extra and _allowed(word, unit.text, extra):
                    continue  # the note's own words (its front matter's ``words:``, its code spans)
                start, end = block.span(at, at + len(word))
                if kind == UNKNOWN and note.text[start:end] != word:
                    if _SHIFT_SLIP.fullmatch(word):
                        continue  # "**HI**gh **D**ensity": capitals marked on purpose
                    if _SYMBOL_ORDINAL.fullmatch(word):
                        continue  # "the *t*th timestamp": the ordinal of a symbol in italics
                yield Problem(kind, word, start, end, unit, part)

    @cached_property
    def _block_memo(self) -> Memo[_BlockKey, tuple[_BlockProblem, ...]]:
        # kept by what decides them: an editor's re-check reads only the blocks an edit changed
        return Memo(lambda key: tuple(self._block_problems(*key)))

    def _block_problems(self, text: str, cell: bool, listed: bool, prose: _Prose) -> Iterator[_BlockProblem]:
        """(kind, word, offset into ``text``, unit, is_part) for each problem of one block, from
        nothing but its text, whether it is a table cell or an item of a list of values
        (``value_list_blocks``), and its prose segments (kind, link, start, end): the note's
        own words and its markup are the caller's."""
        # the only word of a table cell, or an item of a list of values (column
        # names: "+ sibsp"; type mappings: "+ LONGNVARCHAR -> STRING"), is a value or
        # a key, not prose; the case of a list item of one lowercase word is a
        # value's too ("* mysql" in a list of engine names), though its spelling is checked
        words = text.split()
        lone = (cell and len(words) == 1) or listed
        links = tuple(href for kind, href, _start, _end in prose if kind is Kind.LINK and href)
        value = len(words) == 1 and words[0].islower()
        foreign: list[tuple[int, int]] | None = None
        for segment_kind, href, segment_start, segment_end in prose:
            if segment_kind is Kind.LINK and href and _PROFILE.fullmatch(href):
                continue  # a person's name and handle, not words
            for unit in units(text[segment_start:segment_end], segment_start, identifiers=lone, known=self._fine):
                for kind, offset, word, part in self.classify(unit):
                    at = unit.start + offset
                    if kind == MISCASED and (value or (segment_kind is Kind.IMAGE and self.cues.named_by_url(word, href))):
                        continue  # a value, or alt text made from the file name ("![spark s3](spark-s3.png)")
                    if kind in (UNKNOWN, MISSPELLED) and self._cited(text, at, word):
                        continue  # "aquire -> acquire": the misspelling is the example
                    if kind == UNKNOWN:
                        if foreign is None:
                            foreign = self.cues.foreign_spans(text, self._unknown_word)
                        if self._excused(text, at, word, unit, href, foreign, cell, links):
                            continue
                    yield kind, word, at, unit, part

    def _excused(
        self, text: str, at: int, word: str, unit: Unit, url: str | None, foreign, cell: bool, links: tuple[str, ...]
    ) -> bool:
        """An unknown word that its context shows to be no misspelling (see ``cues``); ``url``
        is the link the word is in, ``links`` those of its block."""
        if self.cues.named_by_url(word, url) or any(start <= at < end for start, end in foreign):
            return True
        if any(self.cues.url_piece(word, link) for link in links):
            return True  # "[This page](http://awslimitchecker.readthedocs.io/...) from the awslimitchecker tool"
        if unit.joined == HYPHEN and word == unit.text:
            first = unit.token.lower().startswith(word.lower())
            if self.cues.compound_part_ok(word, unit.token, first, self.vocab.knows):
                return True
        end = at + len(word)
        if word == unit.token and self.cues.identifier_list_item(text, at, end):
            return True
        if unit.joined == IDENTIFIER and self.cues.cut_slug(text, at, end, unit.token):
            return True
        if (self.cues.affix_literal(text, at) or self.cues.definition_term(text, at, end)) and not self._typo_like(word):
            return True  # "ends with **modelbuild**", "*dbtable* (required) — ...": a value or a name, checked as an identifier
        if self.cues.formula_symbol(text, at, end):
            return True
        if self.cues.person_name(text, at, end, self._unknown_word):
            return True
        if self._near_known(word):
            return False  # one edit from a known word: the cues below would hide a typo ("Lamda, S3, Athena")
        if self.cues.named_by_phrase(text, at, end):
            return True  # "by Ronny Kohavi": a surname
        if self.cues.prefixed_word(word, self._known_base):
            return True  # "misspecifying", "overallocate": a prefix before a known word
        least = self.cues.MIN_CELL_NAMES if cell else self.cues.MIN_LIST_NAMES
        return self.cues.name_list_item(text, at, end, least) or self.cues.abbreviation(text, at, end, self._starts_known)

    def _known_base(self, word: str) -> bool:
        """What a prefix may stand before: a known word of five letters or more, or a
        common one of four ("un" + "bias"; a rare four-letter word is too easy to hit by a slip)."""
        if len(word) >= MIN_TYPO_LETTERS:
            return self.vocab.knows(word)
        return len(word) == MIN_TYPO_LETTERS - 1 and (self.vocab.english.get(word.lower()) or 0) >= COMMON_BASE_FREQUENCY

    def _cited(self, text: str, at: int, word: str) -> bool:
        """The misspelling is cited beside its correction ("aquire -> acquire")."""
        lower = word.lower()
        correct = self.vocab.misspellings.get(lower)

        def corrects(other: str) -> bool:
            folded = other.lower()
            if correct is not None:
                return folded == correct.lower()
            return folded != lower and self.vocab.knows(folded) and distance(lower, folded) <= 2

        return self.cues.cited_misspelling(text, at, at + len(word), corrects)

    def _near_known(self, word: str) -> bool:
        """One edit (not at the first letter) turns ``word`` into a known word of five letters or more."""
        return self._near_known_memo(word.lower())

    @cached_property
    def _near_known_memo(self) -> TextMemo[bool]:
        # some 300 look-ups a word: an editor's re-check meets the same unknown words every time
        return TextMemo(self._near_known_lower)

    def _near_known_lower(self, lower: str) -> bool:
        # another ending of the same stem ("unbiases" beside "unbiased") is no sign of a typo:
        # it is the word itself, inflected otherwise
        return any(
            len(near) >= MIN_TYPO_LETTERS
            and not _first_letter_edit(lower, near)
            and not _same_stem(lower, near)
            and self._familiar(near)
            for near in edits1(lower)
        )

    def _familiar(self, lower: str) -> bool:
        """A known word that a writer may have meant: a domain word, or an English word (or its
        singular) that pyspellchecker counts at ``MIN_NEIGHBOUR_FREQUENCY`` or more.  The
        rarest words of its list ("mithra" beside "Mishra", "nubias" beside "unbias") are
        no evidence of a typo."""
        vocab = self.vocab
        if not vocab.knows(lower):
            return False
        if vocab.is_domain(lower) or any(vocab.is_domain(stem) for stem in singulars(lower)):
            return True
        english = vocab.english
        return any((english.get(form) or 0) >= MIN_NEIGHBOUR_FREQUENCY for form in (lower, *singulars(lower)))

    def _starts_known(self, prefix: str) -> bool:
        """A known English word at least two letters longer starts with ``prefix`` ("infreq": infrequent)."""
        if self._sorted_english is None:
            self._sorted_english = sorted(self.vocab.english)
        at = bisect.bisect_left(self._sorted_english, prefix)
        words = self._sorted_english
        while at < len(words) and words[at].startswith(prefix):
            if len(words[at]) >= len(prefix) + 2:
                return True
            at += 1
        return False

    def _unknown_word(self, word: str) -> bool:
        return len(word) >= MIN_LETTERS and not word.isupper() and not self.vocab.knows(word)

    def classify(self, unit: Unit) -> tuple[tuple[str, int, str, bool], ...]:
        """(kind, offset in the unit, word, is_part) for each problem of one unit."""
        key = (unit.text, unit.joined)
        found = self._verdicts.get(key)
        if found is None:
            if len(self._verdicts) >= VERDICTS_KEPT:
                self._forget_words()
            found = self._verdicts[key] = tuple(self._classify(unit.text, unit.joined))
            if not found and unit.joined == ALONE and unit.text == unit.token:
                self._fine.add(unit.text)
        return found

    def _forget_words(self) -> None:
        """Drop every kept verdict: a language server lives for days and every half-typed
        word is a new key, so the memory these take is bounded (checking the whole
        SageMaker guide in one process judges about 14,000 words)."""
        self._verdicts.clear()
        self._typo_cache.clear()
        self._fine.clear()

    def _classify(self, text: str, joined: str) -> Iterator[tuple[str, int, str, bool]]:
        vocab = self.vocab
        lower = text.lower()
        if lower in vocab.misspellings:
            yield MISSPELLED, 0, text, False
            return
        if len(text) < MIN_LETTERS:
            return
        canonical = vocab.casing.get(lower)
        if canonical is not None:
            # a plain name that is an English word too ("spark") may be the word; a
            # mixed-case one (JavaScript, YouTube) has no other reading
            english = lower in vocab.english and not is_mixed_case(canonical)
            if joined == ALONE and _miscased(text, canonical) and lower not in vocab.products and not english:
                yield MISCASED, 0, text, False
            return
        if joined == ALONE and text.islower() and lower in vocab.prose_names:
            yield MISCASED, 0, text, False
            return
        if _SHIFT_SLIP.fullmatch(text) and self._common(lower):
            yield UNKNOWN, 0, text, False  # "THis": the shift key held a letter too long
            return
        if lower in vocab.operations or self._accepts(text):
            return
        if is_mixed_case(text):
            for offset, part in self._unknown_parts(text):
                if part.lower() in vocab.misspellings:
                    yield MISSPELLED, offset, part, True
                elif self._typo_like(part):
                    yield UNKNOWN, offset, part, True
        elif (joined != IDENTIFIER and not (text.isupper() and self._run_together(lower))) or self._typo_like(text):
            # ALL CAPS made of known words run together is a constant or a value
            # (STATEMACHINEARN, INSYNC): reported, like an identifier, when it looks misspelled
            yield UNKNOWN, 0, text, False

    def _common(self, lower: str) -> bool:
        """One of English's common words (frequency from pyspellchecker's list)."""
        return lower in self.vocab.english and (self.vocab.english.get(lower) or 0) >= COMMON_FREQUENCY

    def _accepts(self, word: str) -> bool:
        if word.isupper() and len(word) <= MAX_ACRONYM:
            return True
        if is_acronym_plural(word) or self.vocab.knows(word):
            return True
        lower = word.lower()
        # placeholders: xxx, yyyy, mybucket, myfolder, AROAEXAMPLEID
        return (
            len(set(lower)) == 1
            or (lower.startswith("my") and len(lower) > 5 and self.vocab.knows(lower[2:]))
            or (word.isupper() and "EXAMPLE" in word)
            or (word.islower() and self._identifier_name(lower))
        )

    def _identifier_name(self, lower: str) -> bool:
        """A placeholder or attribute name: a known word run together with id, name,
        key, arn or url (``projectid``, ``bucketname``, ``joinkey``, ``customerid``)."""
        for suffix in IDENTIFIER_SUFFIXES:
            head = lower[: -len(suffix)]
            if lower.endswith(suffix) and len(head) >= MIN_LETTERS and self.vocab.knows(head):
                return True
        return False

    def _unknown_parts(self, word: str) -> list[tuple[int, str]]:
        """Unknown parts of a mixed-case word, under the better of its two splits."""
        unknown: list[tuple[int, str]] = []
        for split in (camel_parts(word), caps_parts(word)):
            found = [
                (offset, part)
                for offset, part in split
                if part.lower() in self.vocab.misspellings or (len(part) >= MIN_LETTERS and not self._accepts(part))
            ]
            if not found:
                return []
            unknown = unknown or found
        return unknown

    def _typo_like(self, word: str) -> bool:
        """An identifier's part is reported only when it looks like a misspelled word:
        it is not two known words run together (``projectid``, ``bynode``) and one
        edit turns it into a domain word or an English word that writers use (counted
        ``MIN_NEIGHBOUR_FREQUENCY`` times or more), other than at its first letter
        (``nlists``, ``xmin``: a one-letter prefix is an identifier habit)."""
        lower = word.lower()
        if lower not in self._typo_cache:
            self._typo_cache[lower] = (
                len(lower) >= MIN_TYPO_LETTERS
                and not self._compound(lower)
                and any(
                    len(near) >= MIN_TYPO_LETTERS
                    and not _first_letter_edit(lower, near)
                    and (self.vocab.is_domain(near) or (self.vocab.english.get(near) or 0) >= MIN_NEIGHBOUR_FREQUENCY)
                    for near in edits1(lower)
                )
            )
        return self._typo_cache[lower]

    def _run_together(self, lower: str) -> bool:
        """Two or more known words with no space between them (``statemachinearn``: state,
        machine, arn), each of three letters or a glue word ("in", "id"), and not one word
        typed twice."""
        ends = {0: 0}  # offset -> number of words that reach it
        for at in range(1, len(lower) + 1):
            for begin, count in list(ends.items()):
                part = lower[begin:at]
                if begin < at and at not in ends and (len(part) >= MIN_LETTERS or part in GLUE_WORDS) and self.vocab.knows(part):
                    ends[at] = count + 1
        half = len(lower) // 2
        doubled = len(lower) % 2 == 0 and lower[:half] == lower[half:]  # "AWSAWS": a slip, not a constant
        return ends.get(len(lower), 0) >= 2 and not doubled

    def _compound(self, lower: str) -> bool:
        for at in range(2, len(lower) - 1):
            head, tail = lower[:at], lower[at:]
            if all((len(w) >= MIN_LETTERS or w in GLUE_WORDS) and self.vocab.knows(w) for w in (head, tail)):
                return True
        return False


_INFLECTIONS = ("ing", "es", "ed", "s", "d")
MIN_STEM_LETTERS = 4


def _stems(word: str, plural: bool = True) -> set[str]:
    """``word`` without each regular ending it may have ("unbiases": unbias, unbiase), and a
    plural's singular without its own ("unbiaseds", which a list knows through its singular:
    unbiased, unbias)."""
    stems = {word[: -len(end)] for end in _INFLECTIONS if word.endswith(end) and len(word) - len(end) >= MIN_STEM_LETTERS}
    if plural and word.endswith("s"):
        stems |= _stems(word[:-1], plural=False)
    return stems


def _same_stem(word: str, near: str) -> bool:
    """Two regular inflections of one stem: "unbiases" and "unbiased", "scales" and "scaled"."""
    return bool(_stems(word) & _stems(near))


def _first_letter_edit(word: str, near: str) -> bool:
    return near == word[1:] or near[1:] == word or near[1:] == word[1:]


def _miscased(written: str, canonical: str) -> bool:
    return written != canonical and not written.isupper()


def _allowed(word: str, unit: str, extra: frozenset[str]) -> bool:
    """A note's own ``words:`` accept a word, its singular, or the unit it is part of."""
    return any(w in extra for w in (word.lower(), unit.lower(), *singulars(word.lower())))


MIN_VALUE_ITEMS = 3
# a value written alone as a list item: a column, field or parameter name ("sibsp", "home.dest"),
# a constant or type ("BIGDECIMAL"), or a mapping of one to another ("LONGNVARCHAR -> STRING")
_VALUE = r"(?:[a-z][a-z0-9_.-]*|[A-Z][A-Z0-9_.-]*)"
_VALUE_ITEM = re.compile(rf"{_VALUE}(?:\s*(?:->|=>|→)\s*{_VALUE})?")


def value_list_blocks(note: Note) -> set[int]:
    """ids of the blocks of lists of values: runs of ``MIN_VALUE_ITEMS`` or more adjacent
    sibling items (same parent, same marker) each of which is one lowercase or ALL-CAPS token
    and nothing else ("+ cabin", "+ sibsp", "+ home.dest": the column names of a data set),
    or a mapping of one such token to another ("+ LONGNVARCHAR -> STRING")."""
    return note.cached("spelling.value_lists", lambda: _value_list_blocks(note))


def _value_list_blocks(note: Note) -> set[int]:
    runs: list[list[ListItem]] = []
    current: dict[int, list[ListItem]] = {}  # id of the parent (0: none) -> the run of its items
    for item in note.items:
        parent = id(item.parent) if item.parent is not None else 0
        run = current.get(parent)
        if run is not None and run[-1].marker == item.marker and item.line <= run[-1].end_line + 2:
            run.append(item)  # the next item of the same list (a blank line between items is fine)
        else:
            current[parent] = [item]
            runs.append(current[parent])
    listed: set[int] = set()
    for run in runs:
        if len(run) >= MIN_VALUE_ITEMS and all(_value_item(item) for item in run):
            listed.update(id(item.blocks[0]) for item in run)
    return listed


def _value_item(item: ListItem) -> bool:
    return not item.children and len(item.blocks) == 1 and _VALUE_ITEM.fullmatch(item.blocks[0].text.strip()) is not None


def code_words(note: Note) -> set[str]:
    """Words the note writes in code spans: ``cls`` in prose names the `cls` argument."""
    words: set[str] = set()
    for block in note.blocks:
        for _segment, text in block.iter_segments(Kind.CODE):
            for match in _LETTERS.finditer(text):
                name = match.group()
                words.add(name.lower())
                if is_mixed_case(name):
                    words.update(part.lower() for _offset, part in camel_parts(name))
    return words


_LETTERS = re.compile(r"[A-Za-z]+")


def own_words(note: Note) -> frozenset[str]:
    """The words a note makes its own: its ``words:`` list and the words of its code spans (once per note;
    every spelling rule leaves them alone)."""
    return note.cached("spelling.own-words", lambda: frozenset(note_words(note) | code_words(note)))


def note_words(note: Note) -> set[str]:
    """The note's own front matter ``words:`` list, lowercased."""
    words = note.data("words")
    if not isinstance(words, list):
        return set()
    return entry_words(w for w in words if isinstance(w, str))

