"""A real word where AWS prose puts a similar word (NL208): "provisioned capability mode".

The confusion sets of NL206 know pairs that writers mix up in any text; this
module knows the collocations of AWS prose itself, counted from botocore's
documentation strings and the AWS Glue guide, with symspellpy's general English
counts beside them (``aws-bigrams.tsv``, written by
``scripts/build_aws_bigrams.py``: counts only; the SageMaker guide is held out).

For a word ``w`` between ``a`` and ``b`` in one run of prose, the candidates
``c`` are words AWS prose uses at least ``MIN_CANDIDATE`` times that are one
edit from ``w``, or share its first ``STEM`` letters and are up to
``MAX_STEM_EDITS`` edits away (capability, capacity), never a form of ``w``
(streams, stream).  ``w`` is reported when all of these hold (precision first):

* ``w`` is no function word, and neither AWS prose nor English writes it
  beside ``a`` or ``b`` (a neighbour it is seen with speaks for it);
* the neighbours speak for ``c`` (``Model._collocated``, ``Model._beside``):
  both make set phrases with it, one of them a content word; or ``w`` is a
  word AWS prose hardly uses and a content word makes a fixed phrase with
  ``c``; or ``c`` is ``MIN_PRIOR_RATIO`` times as frequent as ``w`` and seen
  beside both neighbours or often beside a content word;
* ``P(c | a) P(b | c)`` is at least ``MIN_RATIO`` (``MIN_STEM_RATIO`` for more
  than one edit) times the same for ``w``, each bigram estimate smoothed as
  Witten and Bell do toward a unigram probability that mixes AWS prose and
  general English, so that a word AWS prose never writes is not judged by AWS
  prose alone.

Names, identifiers and code never reach here: only lowercase words of prose
runs, with a word on at least one side.
"""

from __future__ import annotations

import mmap
import re
import sys
from functools import lru_cache
from itertools import compress, islice, repeat
from operator import not_, or_
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple

from notelint.memo import Memo
from notelint.shipped import data_file, data_text
from notelint.spelling.suggest import OneEditIndex, common_prefix_length, distance, edits1

COUNTS_FILE = "aws-bigrams.tsv"
NEIGHBOURS_FILE = "aws-neighbours.tsv"  # every counted word's ``Neighbours`` (scripts/build_collocation_neighbours.py)
MIN_CANDIDATE = 10  # uses in AWS prose for a word to be another's likely form
STEM = 4  # letters a candidate shares with the word when it is more than one edit away
MIN_STEM_LETTERS = 6
MAX_STEM_EDITS = 3
LONG_STEM = 7  # letters shared that allow one edit more ("monotonously", "monotonically")
MIN_LETTERS = 3
RARE_IN_AWS = 10  # uses in AWS prose under which a word is judged by one neighbour
MIN_STRONG = 5  # a candidate's bigram with a neighbour, in AWS prose, to make a set phrase
MIN_LIFT = 20.0  # ... and that many times as often as chance would put the two side by side
MIN_SHARE = 0.3  # a fixed phrase: the share of the rarer word's uses it makes up
MAX_SUGGESTIONS = 3
MIN_PRIOR_RATIO = 500.0  # a slip into a word English barely uses: how much more frequent the candidate is
MIN_RATIO = 1e4
MIN_STEM_RATIO = 1e5
GENERAL_WEIGHT = 0.5  # the share of general English in a word's unigram probability
JUDGED_KEPT = 65_536  # words judged with their neighbours that a model keeps the verdict of
WORDS_BEFORE_EDIT_INDEX = 500  # words judged by their generated edits before the frequent words are indexed
PAIRS_BEFORE_SET = 20_000  # pairs of words tested in their rows before every word's followers are loaded

# A token is a run of letters with nothing word-like or code-like glued to it ("64-bit", "ml.p3"), an
# apostrophe's letters included ("don't").  Only spaces go between the words of a run, so punctuation
# ends one; a token may stand right before or after punctuation ("in S3. Then", "e.g. this": a full
# stop is not in ``GLUED``).  After a token's first letter (the regex engine skips ahead to a letter
# when a pattern starts with one): the rest of a token in lower, Title or UPPER case, where the token would not go on
# ("Amazon's" is one token and in none of the three, so "Amazon" alone must not match: hence the
# look-ahead)
GLUED = r"\w\-/@$%#&*+=<>\\"  # (a class's contents) what makes a token code-like when it touches one
_AFTER_SCANNED_TOKEN = f"(?![{GLUED}])"
_CASED_REST = (
    r"(?:(?<=[a-z])[a-z]*(?:'[a-z]+)?|(?<=[A-Z])(?:[a-z]*|[A-Z]*)(?!'[a-z]+" + _AFTER_SCANNED_TOKEN + "))"
    + _AFTER_SCANNED_TOKEN
)
# a first letter with nothing glued before it; then the rest of a run of cased words with only spaces
# between (group 1), or of a token in none of the cases (a CamelCase name, "Amazon's": it ends a run, and
# is consumed so that the search goes on after it, as a token-by-token search would)
_RUN_OR_BREAK = re.compile(
    f"[A-Za-z](?<![{GLUED}].)"
    f"(?:({_CASED_REST}(?:[^\\S\\n]+[A-Za-z]{_CASED_REST})*)|[A-Za-z]*(?:'[a-z]+)?{_AFTER_SCANNED_TOKEN})"
)
_RUN_WORD = re.compile(r"\S+")  # a word of a run (only spaces stand between them)
# a row of the counts file: "w", the word, and its fields; the totals
_ROW = re.compile(r"^w\t([^\t\n]*)\t([^\n]*)", re.M)
_TOTALS = re.compile(r"^n\t(\d+)\t(\d+)$", re.M)
# words too common to speak for a neighbour: "the heal of" is judged by "the" and "of" together, never one alone
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from into onto over under as is are be been being was were am it its "
    "this that these those and or nor not no can could may might will would shall should must do does did done "
    "has have had you your yours we our ours us they them their theirs he him his she her hers i me my mine "
    "if then than so but too also any many much more most some such all each every both either neither "
    "what which who whom whose when where why how there here now up out off down about via per".split()
)


class Run(NamedTuple):
    """Whole words standing side by side in a text, with spaces only between them: punctuation,
    code-like tokens and CamelCase names end a run.  ``tokens`` as written, ``words`` lowercased
    (neighbours are counted so: "SSD", "AWS"), one list when the run is lowercase; NL208 and NL209
    read the same runs of a text (``notelint.spelling.realword``), so never changed."""

    start: int  # where the run starts in its text
    text: str
    tokens: list[str]
    words: list[str]

    def span(self, index: int) -> tuple[int, int]:
        """Where the ``index``-th word is in the text (asked only of a word that is reported)."""
        found = list(_RUN_WORD.finditer(self.text))[index]
        return self.start + found.start(), self.start + found.end()


def lowered_runs(text: str) -> tuple[Run, ...]:
    """The runs of ``text``, scanned anew (NL208 and NL209 share one scan of a text: a
    ``notelint.spelling.realword.Reading``)."""
    # one search over the text for whole runs, and a split of each: the words of a guide are cut
    # out at a third of the cost of a loop over its tokens; a run written in lowercase (two in
    # five) has one list for its tokens and words
    found = []
    for match in _RUN_OR_BREAK.finditer(text):
        if match.group(1) is not None:
            run = match.group()
            lower = run.lower()
            words = lower.split()
            found.append(Run(match.start(), run, words if lower == run else run.split(), words))
    return tuple(found)


class Misplaced(NamedTuple):
    """A word as written, the word AWS prose puts there, and the neighbours that say so."""

    start: int
    end: int
    written: str
    likely: tuple[str, ...]
    before: str | None
    after: str | None


# The words ``Model._likely`` weighs a word against: the frequent words one edit away and not a form of
# it, and its stem variants (``Model._stem_variant``), both as measured.  Plain tuples: the derived-data
# store keeps only plain data
Neighbours = tuple[tuple[str, ...], tuple[str, ...]]
NO_NEIGHBOURS: Neighbours = ((), ())
NO_FOLLOWERS: frozenset[str] = frozenset()


def read_neighbours(text: str) -> dict[str, Neighbours]:
    """``NEIGHBOURS_FILE``'s rows by word: ``word<TAB>near ...<TAB>variant ...`` (a counted word
    with no row has none)."""
    found: dict[str, Neighbours] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, near, variants = line.split("\t")
            found[word] = (tuple(near.split()), tuple(variants.split()))
    return found


def write_neighbours(model: Model, words: Iterable[str]) -> str:
    """The rows of ``NEIGHBOURS_FILE`` for ``words``, measured (those with any neighbour)."""
    rows = []
    for word in words:
        near, variants = model.measure_neighbours(word)
        if near or variants:
            rows.append(f"{word}\t{' '.join(near)}\t{' '.join(variants)}\n")
    return "".join(rows)


class Model:
    """AWS prose and general English counts, parsed a word at a time."""

    def __init__(self, rows: Mapping[str, str] | SortedRows, totals: tuple[int, int],
                 frequent: Callable[[], tuple[list[str], dict[str, list[str]]]] | None = None):
        # ``index``'s rows by word (or a ``SortedRows`` that finds them in the file); a row's fields
        # are split when its word is first asked for, and a word's row is looked up once.
        # ``frequent`` gives ``frequent_index(rows)`` (``load`` keeps it in the derived-data store)
        self._rows = rows
        self._frequent_source = frequent or (lambda: frequent_index(rows))
        self._raw: dict[str, list[str]] = {}
        self.total, self.general_total = totals
        self._right: dict[str, tuple[Followers, Followers]] = {}
        self._stems: dict[str, list[str]] | None = None
        self._frequent_words: frozenset[str] = frozenset()
        self._longest = 0  # letters of the longest frequent word
        self._candidates: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._neighbours: dict[str, Neighbours] = {}  # measured, by word
        # every counted word's neighbours, from ``NEIGHBOURS_FILE`` (loaded for many notes; else measured)
        self._shipped: Mapping[str, Neighbours] | None = None
        self._judged: Memo[tuple[str, str | None, str | None], tuple[str, ...]] = Memo(
            lambda key: self._likely(*key), JUDGED_KEPT)
        self._one_edit_index: OneEditIndex | None = None
        self._one_edit_asked = 0
        self._listed: dict[str, frozenset[str]] | None = None  # every word's listed followers (``listed_followers``)
        self._pairs_asked = 0

    def load_for_many_notes(self) -> None:
        """Load now what a run over many notes asks for anyway: the row index, every word's listed
        followers, the frequent words, every counted word's neighbours (``NEIGHBOURS_FILE``), and the
        counts after the function words (every note's commonest neighbours), parsed.  Called before
        worker processes are forked, which then share it instead of each building it."""
        if isinstance(self._rows, SortedRows):
            self._rows.index()
        self._load_listed()
        self._frequent()
        if self._shipped is None:
            from notelint.derived import stored

            self._shipped = stored(
                "collocation-neighbours", lambda: read_neighbours(data_text("words", NEIGHBOURS_FILE)))
        for word in sorted(FUNCTION_WORDS):
            for followers in self._tables(word):
                followers.parse()

    def _fields(self, word: str) -> list[str] | None:
        found = self._raw.get(word)
        if found is None:
            row = self._rows.get(word)
            found = self._raw[word] = row.split("\t") if row is not None else []
        return found or None

    def count(self, word: str) -> int:
        """Uses in AWS prose."""
        found = self._fields(word)
        return int(found[0]) if found else 0

    def general(self, word: str) -> int:
        """Uses in general English, in thousands."""
        found = self._fields(word)
        return int(found[2]) if found else 0

    def _tables(self, first: str) -> tuple[Followers, Followers]:
        tables = self._right.get(first)
        if tables is None:
            fields = self._fields(first) or ["0", "", "0", ""]
            tables = self._right[first] = (Followers(fields[1]), Followers(fields[3]))
        return tables

    def pair(self, first: str, second: str) -> int:
        """How often AWS prose writes ``second`` right after ``first`` (0 below the file's floor)."""
        return self._tables(first)[0].get(second)

    def general_pair(self, first: str, second: str) -> int:
        """How often English writes ``second`` right after ``first``, in thousands (0: not listed)."""
        return self._tables(first)[1].get(second)

    def candidates(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Frequent AWS words one edit from ``word`` and not a form of it; and the frequent words with
        its first ``STEM`` letters and about its length, to be measured only if the context asks for them."""
        found = self._candidates.get(word)
        if found is None:
            near = self.neighbours(word)[0]
            found = self._candidates[word] = (near, self._stem_group(word, near))
        return found

    def neighbours(self, word: str) -> Neighbours:
        """``word``'s candidates in ``_likely``: the frequent words one edit away, and the stem variants.
        A counted word's are read from the shipped table once it is loaded (measuring them was two
        thirds of judging a guide's words, and each worker measured the same words again)."""
        shipped = self._shipped
        if shipped is not None and self._fields(word) is not None:
            return shipped.get(word, NO_NEIGHBOURS)
        found = self._neighbours.get(word)
        if found is None:
            found = self._neighbours[word] = self.measure_neighbours(word)
        return found

    def measure_neighbours(self, word: str) -> Neighbours:
        """``neighbours(word)`` measured from the counts (what ``scripts/build_collocation_neighbours.py``
        writes for every counted word)."""
        self._frequent()  # (sets ``_longest``)
        if len(word) > self._longest + MAX_STEM_EDITS + 1:
            return NO_NEIGHBOURS  # no frequent word is near it (and its edits would cost time quadratic in its length)
        near = tuple(sorted(c for c in self._one_edit_frequent(word) if c != word and not inflected(word, c)))
        variants = tuple(o for o in self._stem_group(word, near) if self._stem_variant(word, o))
        return (near, variants) if near or variants else NO_NEIGHBOURS

    def _stem_group(self, word: str, near: tuple[str, ...]) -> tuple[str, ...]:
        """The frequent words with ``word``'s first ``STEM`` letters and about its length, but for ``near``."""
        _, stems = self._frequent()
        if len(word) > self._longest + MAX_STEM_EDITS + 1:
            return ()
        if len(word) >= MIN_STEM_LETTERS or (len(word) >= STEM and not self.count(word)):
            return tuple(
                other for other in stems.get(word[:STEM], ())
                if other not in near and other != word and abs(len(other) - len(word)) <= MAX_STEM_EDITS + 1
            )
        return ()

    def _one_edit_frequent(self, word: str) -> set[str]:
        """The frequent words one edit from ``word``: from its generated edits for the first
        ``WORDS_BEFORE_EDIT_INDEX`` words (a note asks about a few dozen), then from an index of the
        frequent words by their deletions (~50 ms to build; a guide asks about thousands)."""
        if self._one_edit_index is None:
            self._one_edit_asked += 1
            if self._one_edit_asked <= WORDS_BEFORE_EDIT_INDEX:
                return edits1(word) & self._frequent_words
            self._one_edit_index = OneEditIndex(self._frequent_words)
        return self._one_edit_index.near(word)

    def _stem_variant(self, word: str, other: str) -> bool:
        """``other`` is two to ``MAX_STEM_EDITS`` edits from ``word`` (one more when they share
        ``LONG_STEM`` letters) and not a form of it."""
        shared = common_prefix_length(word, other)
        edits = MAX_STEM_EDITS + (shared >= LONG_STEM)
        return 1 < distance(word, other, edits) <= edits and not inflected(word, other)

    def _frequent(self) -> tuple[frozenset[str], dict[str, list[str]]]:
        """The words AWS prose uses at least ``MIN_CANDIDATE`` times, and those of ``STEM`` letters or
        more by their first letters (built when a word is first judged)."""
        if self._stems is None:
            words, self._stems = self._frequent_source()
            self._frequent_words = frozenset(words)
            self._longest = max(map(len, words), default=0)
        return self._frequent_words, self._stems

    def prior(self, word: str) -> float:
        """P(word): AWS prose and general English, mixed."""
        aws = (self.count(word) + 0.5) / self.total
        return (1 - GENERAL_WEIGHT) * aws + GENERAL_WEIGHT * (self.general(word) + 0.5) / self.general_total

    def chain(self, word: str, before: str | None, after: str | None) -> float:
        """P(word | before) * P(after | word) / P(after) in AWS prose: how well ``word`` fits between its
        neighbours.  Each bigram estimate is smoothed as Witten and Bell do: a neighbour seen before many
        different words gives more weight to the word's own frequency."""
        score = self._follows(before, word) if before is not None else self.prior(word)
        if after is not None:
            score *= self._follows(word, after) / self.prior(after)
        return score

    def _follows(self, first: str, second: str) -> float:
        kinds = max(1, self._tables(first)[0].kinds)
        return (self.pair(first, second) + kinds * self.prior(second)) / (self.count(first) + kinds)

    def seen(self, word: str, before: str | None, after: str | None) -> bool:
        """AWS prose or English writes ``word`` beside a neighbour: then it is used so."""
        return before is not None and self.listed(before, word) or after is not None and self.listed(word, after)

    def listed(self, first: str, second: str) -> bool:
        """Whether AWS prose or English writes ``second`` right after ``first``."""
        followers = self._every_follower(1)
        if followers is None:
            return self._listed_in_fields(first, second)
        return second in followers.get(first, NO_FOLLOWERS)

    def _listed_in_fields(self, first: str, second: str) -> bool:
        aws, general = self._right.get(first) or self._tables(first)
        return second in aws or second in general

    def listed_after(self, words: list[str]) -> list[bool]:
        """``listed`` for each word of ``words`` and the next, asked in C once every listed pair is loaded
        (``misplaced`` asks it of whole runs: most words are seen beside a neighbour)."""
        followers = self._every_follower(len(words) - 1)
        if followers is None:
            return list(map(self._listed_in_fields, words, islice(words, 1, None)))
        followed = map(followers.get, words, repeat(NO_FOLLOWERS))
        return list(map(frozenset.__contains__, followed, islice(words, 1, None)))

    def _every_follower(self, asked: int) -> dict[str, frozenset[str]] | None:
        """Every word's listed followers (``listed_followers``), or None while they are looked up in the
        first word's fields.  ``asked``: how many pairs the caller is about to test.  The first
        ``PAIRS_BEFORE_SET`` pairs of a process are looked up in the fields (a note asks a few thousand);
        then every word's followers are loaded as frozensets (from the derived-data store: ~35 ms), which
        ``listed_after`` tests in C without building a string of each pair."""
        followers = self._listed
        if followers is None:
            self._pairs_asked += asked
            if self._pairs_asked <= PAIRS_BEFORE_SET:
                return None
            followers = self._load_listed()
        return followers

    def _load_listed(self) -> dict[str, frozenset[str]]:
        if self._listed is None:
            from notelint.derived import stored

            rows = self._rows
            self._listed = stored("collocation-followers", lambda: listed_followers(rows))
        return self._listed

    def judge(self, word: str, before: str | None, after: str | None) -> tuple[str, ...]:
        """The words AWS prose puts between ``before`` and ``after`` instead of ``word``, likeliest first."""
        if word in FUNCTION_WORDS or len(word) < MIN_LETTERS:
            return ()  # notes and AWS prose differ most in these ("our" is no slip for "your"), and "vs", "re"
        if self.seen(word, before, after):
            return ()  # AWS prose or English writes it beside a neighbour
        return self.judge_unseen(word, before, after)

    def judge_unseen(self, word: str, before: str | None, after: str | None) -> tuple[str, ...]:
        """``judge`` of a content word that neither neighbour is seen beside, kept by word and neighbours
        (a fifth of those a guide asks about come again)."""
        return self._judged((word, before, after))

    def _likely(self, word: str, before: str | None, after: str | None) -> tuple[str, ...]:
        one_edit, stem_variants = self.neighbours(word)
        if not one_edit and not stem_variants:
            return ()  # (most words: nothing to weigh the word against)
        # every test below needs AWS prose to write a candidate beside a neighbour: the candidates listed
        # beside neither are passed over by one look-up each (most are)
        listed = self.listed
        near = [
            other for other in one_edit
            if before is not None and listed(before, other) or after is not None and listed(other, after)
        ]
        # a stem variant is measured only when a neighbour is seen often beside it (few are)
        variants = [
            other for other in stem_variants
            if before is not None and listed(before, other) and self.pair(before, other) >= MIN_STRONG
            or after is not None and listed(other, after) and self.pair(other, after) >= MIN_STRONG
        ]
        if not near and not variants:
            return ()
        rare = self.count(word) <= RARE_IN_AWS
        found: list[tuple[float, str]] = []
        own = self.chain(word, before, after)
        for other, stem in [(c, False) for c in near] + [(c, True) for c in variants]:
            if other in FUNCTION_WORDS and (before is None or after is None):
                continue  # one neighbour says little about a function word: "hardware fob." is no "hardware for"
            slip = rare and not stem and self.prior(other) >= MIN_PRIOR_RATIO * self.prior(word)
            if not (self._collocated(other, before, after, rare) or slip and self._beside(other, before, after)):
                continue
            ratio = self.chain(other, before, after) / own
            if ratio >= (MIN_STEM_RATIO if stem else MIN_RATIO):
                found.append((ratio, other))
        return tuple(other for _, other in sorted(found, reverse=True)[:MAX_SUGGESTIONS])

    def _side(self, other: str, neighbour: str | None, left: bool) -> str:
        """How a neighbour speaks for ``other`` in AWS prose: "fixed" (a set phrase, and one that makes up
        ``MIN_SHARE`` of the uses of one of the two words), "phrase" (seen ``MIN_STRONG`` times and
        ``MIN_LIFT`` times as often as chance would put them together), "seen", "silent" (no neighbour,
        or a function word never seen with it) or "against" (a content word never seen with it)."""
        if neighbour is None:
            return "silent"
        count = self.pair(neighbour, other) if left else self.pair(other, neighbour)
        if count >= MIN_STRONG and count >= MIN_LIFT * self.count(other) * self.count(neighbour) / self.total:
            fixed = count >= MIN_SHARE * min(self.count(other), self.count(neighbour))
            return "fixed" if fixed and neighbour not in FUNCTION_WORDS else "phrase"
        if count:
            return "seen"
        return "silent" if neighbour in FUNCTION_WORDS else "against"

    def _beside(self, other: str, before: str | None, after: str | None) -> bool:
        """``other`` is seen beside both neighbours, or often beside a content word ("stored ion SSD" ->
        "stored in"; "that tie" says nothing: "that" goes before any word)."""
        counts = (self.pair(before, other) if before else 0, self.pair(other, after) if after else 0)
        if all(counts):
            return True
        return any(count >= MIN_STRONG and n not in FUNCTION_WORDS for count, n in zip(counts, (before, after)))

    def _collocated(self, other: str, before: str | None, after: str | None, rare: bool) -> bool:
        """Whether the neighbours speak for ``other``: both as set phrases, one of them a content word; or, for a word AWS prose
        hardly uses, one content word as a fixed phrase and the other not against it."""
        sides = (self._side(other, before, True), self._side(other, after, False))
        if all(side in ("phrase", "fixed") for side in sides):
            return before not in FUNCTION_WORDS or after not in FUNCTION_WORDS  # "are presented by": any verb
        return rare and "fixed" in sides and "against" not in sides


def listed_followers(rows: Mapping[str, str] | SortedRows) -> dict[str, frozenset[str]]:
    """The words the counts file lists right after each word, AWS prose's and English's together
    (a listed word with none has no entry).  Each word is one string object wherever it appears,
    so that the derived-data store pickles it once (loading takes ~35 ms, where 369,000 pair
    strings took ~90 ms)."""
    same: dict[str, str] = {}
    found: dict[str, frozenset[str]] = {}
    for first, row in (rows.index() if isinstance(rows, SortedRows) else rows).items():
        _, aws, _, general = row.split("\t")
        if aws or general:
            seconds = [item.rpartition(":")[0] for field in (aws, general) if field for item in field.split(" ")]
            found[same.setdefault(first, first)] = frozenset(same.setdefault(w, w) for w in seconds)
    return found


def _pairs(field: str) -> dict[str, str]:
    """A field's words and their counts as written (``int`` them): split in one pass, twice as fast as
    cutting each item at its colon, and most words asked about are not in the field."""
    items = field.replace(":", " ").split()
    return dict(zip(items[::2], items[1::2]))


class Followers:
    """The words seen right after one word, with their counts: one field of its row,
    ``"word:count word:count ..."`` (single spaces; no word holds a colon or appears twice in
    a field: the build script writes them so and a test checks the file).

    A function word's field is long ("the": 190 kB, 14,000 words), and one note asks a field
    about a word or two: parsing the 60 fields a note touched into dicts cost ~15 ms of CPU.
    The first ``SEARCHES_BEFORE_DICT`` questions are answered by searching the text (a few
    microseconds even in "the"), and a field asked more often (a folder's run) is parsed."""

    __slots__ = ("_field", "_counts", "_searches", "_kinds")
    SEARCHES_BEFORE_DICT = 8

    def __init__(self, field: str):
        self._field = field
        self._counts: dict[str, str] | None = None
        self._searches = 0
        self._kinds = -1

    @property
    def kinds(self) -> int:
        """How many different words follow (one colon an item): counted when first asked (most fields
        are only searched for a word or two)."""
        if self._kinds < 0:
            self._kinds = self._field.count(":")
        return self._kinds

    def get(self, word: str) -> int:
        """How often ``word`` follows (0: not listed)."""
        if self._counts is None:
            self._searches += 1
            if self._searches <= self.SEARCHES_BEFORE_DICT:
                return _count_in(self._field, word)
            self.parse()
        found = self._counts.get(word)  # type: ignore[union-attr]
        return int(found) if found is not None else 0

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` follows at all (every listed count is 1 or more)."""
        counts = self._counts
        if counts is None:
            self._searches += 1
            if self._searches <= self.SEARCHES_BEFORE_DICT:
                # one search of the text: an item is the field's start or follows a space
                key = word + ":"
                return self._field.startswith(key) or " " + key in self._field if _listable(word) else False
            self.parse()
            counts = self._counts
        return word in counts  # type: ignore[operator]

    def parse(self) -> None:
        """Answer from a dict of the field from now on."""
        if self._counts is None:
            self._counts = _pairs(self._field)


def _listable(word: str) -> bool:
    """Whether ``word`` could be listed in a field (no listed word is empty or holds a colon or a space)."""
    return bool(word) and ":" not in word and " " not in word


def _count_in(field: str, word: str) -> int:
    """``word``'s count in a field of ``word:count`` items separated by single spaces (0: not there)."""
    if not _listable(word):
        return 0
    key = word + ":"
    if field.startswith(key):
        at = len(key)
    else:
        found = field.find(" " + key)
        if found < 0:
            return 0
        at = found + 1 + len(key)
    end = field.find(" ", at)
    return int(field[at:end] if end >= 0 else field[at:])


# endings of inflected forms: a word and its other form ("shard", "shards") are grammar, not a slip
_INFLECTIONS = ("ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s", "d", "e", "y")
# endings that derive a word from another ("parallelize" of "parallel", "configurable" of "configure")
_DERIVATIONS = _INFLECTIONS + (
    "ize", "ise", "izes", "ises", "ized", "ised", "izing", "ising", "ization", "isation", "ation", "ations", "ion",
    "ions", "ment", "ments", "ness", "al", "ally", "ity", "ive", "ous", "ful", "less", "able", "ably", "or", "ors",
)


STEMS_KEPT = 16_384  # words whose stem and root a process keeps (``inflected`` asks of the same words again)


@lru_cache(maxsize=STEMS_KEPT)
def _stem(word: str) -> str:
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


_DERIVATIONS_LONGEST_FIRST = sorted(_DERIVATIONS, key=len, reverse=True)
_DERIVATION_SET = frozenset(_DERIVATIONS)


@lru_cache(maxsize=STEMS_KEPT)
def _root(word: str) -> str:
    """``word`` without one derivational ending ("corrector", "corrections" -> "correct")."""
    stem = _stem(word)
    for ending in _DERIVATIONS_LONGEST_FIRST:
        if stem.endswith(ending) and len(stem) - len(ending) >= 5:
            return stem[: -len(ending)]
    return stem


def inflected(word: str, other: str) -> bool:
    """One is a form of the other, or both of one root ("streams" of "stream", "created" of "create",
    "parallelize" of "parallel", "corrector" and "corrections")."""
    if _stem(word) == _stem(other) or _root(word) == _root(other):
        return True
    short, long = sorted((word, other), key=len)
    return (
        long.startswith(short) and long[len(short) :] in _DERIVATION_SET
        or short.endswith("e") and long.startswith(short[:-1]) and long[len(short) - 1 :] in _DERIVATION_SET  # "creating"
        or short.endswith("y") and long.startswith(short[:-1] + "i") and long[len(short) :] in _DERIVATION_SET  # "applies"
    )


def index(text: str) -> tuple[dict[str, str], tuple[int, int]]:
    """The counts file's rows by word, and its two totals.  One regular expression over the whole
    file indexes its rows (an explicit loop over 80,000 lines takes half as long again)."""
    totals = _TOTALS.search(text)
    return dict(_ROW.findall(text)), ((int(totals[1]), int(totals[2])) if totals else (1, 1))


def frequent_index(rows: Mapping[str, str] | SortedRows) -> tuple[list[str], dict[str, list[str]]]:
    """The words AWS prose uses at least ``MIN_CANDIDATE`` times (in the file's order), and those of
    ``STEM`` letters or more by their first ``STEM`` letters."""
    words: list[str] = []
    stems: dict[str, list[str]] = {}
    for word, row in (rows.index() if isinstance(rows, SortedRows) else rows).items():
        if int(row.partition("\t")[0]) >= MIN_CANDIDATE:
            words.append(word)
            if len(word) >= STEM:
                stems.setdefault(word[:STEM], []).append(word)
    return words, stems


class SortedRows:
    """The counts file's rows by word, found by binary search in the file's bytes.

    The file's ``w`` rows are sorted by word (code-point order, which is UTF-8's byte
    order; ``scripts/build_aws_bigrams.py`` writes them so and a test checks it), so a
    word's row is ~17 probes away.  One note asks for a few dozen words (35 for
    notes/exam-resources.md), while the whole index of 83,000 rows costs 30-35 ms of CPU to
    load even from the derived-data store: the first ``SEARCHES_BEFORE_INDEX`` words
    are searched for (~10 us each, in a memory-mapped file: nothing is read that is
    not probed), and a run that asks more (a folder of notes) loads the index as before.
    """

    SEARCHES_BEFORE_INDEX = 2_000

    def __init__(self, data: bytes | mmap.mmap, index: Callable[[], dict[str, str]]):
        self._data = data
        first = data.find(b"\nw\t")
        self._start = first + 1 if first >= 0 else len(data)  # the first row's first byte
        self._index_source = index
        self._index: dict[str, str] | None = None
        self._searches = 0

    def header(self) -> str:
        """The text before the first row (the comments and the totals)."""
        return self._data[: self._start].decode("utf-8")

    def index(self) -> dict[str, str]:
        """Every row by word (``index(text)``'s rows, from the derived-data store)."""
        if self._index is None:
            self._index = self._index_source()
        return self._index

    def get(self, word: str) -> str | None:
        """``word``'s row (its fields after the word), or None."""
        if self._index is None:
            self._searches += 1
            if self._searches <= self.SEARCHES_BEFORE_INDEX:
                return self._search(word)
        return self.index().get(word)

    def _search(self, word: str) -> str | None:
        if not word or "\t" in word or "\n" in word:
            return None
        data, key = self._data, word.encode("utf-8", "surrogatepass")
        low, high = self._start, len(data)
        while low < high:
            middle = (low + high) // 2
            start = data.rfind(b"\n", self._start - 1, middle) + 1
            end = data.find(b"\n", middle)
            if end < 0:
                end = len(data)
            if start >= end:  # an empty line (the file's last)
                high = start
                continue
            tab = data.find(b"\t", start + 2, end)
            found = data[start + 2 : tab if tab >= 0 else end]
            if found == key:
                return data[tab + 1 : end].decode("utf-8") if tab >= 0 else None  # (``index`` skips such a row)
            if found < key:
                low = end + 1
            else:
                high = start  # (the line before ends at start - 1)
        return None


def _counts_bytes() -> bytes | mmap.mmap:
    """The counts file's bytes: memory-mapped where it is a file (a wheel or a checkout), else read.
    Not mapped on Windows, where a mapped file cannot be replaced: an editor's language server
    holding it would make an upgrade of notelint fail (reading it costs ~3.5 ms)."""
    node = data_file("words", COUNTS_FILE)
    if isinstance(node, Path) and sys.platform != "win32":
        try:
            with node.open("rb") as handle:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
            pass
    return node.read_bytes()


def load() -> Model:
    """The model of the shipped counts.  Rows are found by binary search in the file
    (``SortedRows``) until a run has asked for many words; then the whole row index is
    loaded from the derived-data store (``notelint.derived``, keyed by notelint's files:
    indexing the 6 MB file costs 60-75 ms of CPU, loading the stored index ~35 ms); the
    frequent words, 16 ms to list, are stored as well."""
    from notelint.derived import stored

    rows = SortedRows(
        _counts_bytes(),
        lambda: stored("collocation-rows", lambda: index(data_text("words", COUNTS_FILE)))[0],
    )
    totals = _TOTALS.search(rows.header())
    total, general_total = (int(totals[1]), int(totals[2])) if totals else (1, 1)
    # the frequent words too (16 ms to build), when a word is first judged
    return Model(rows, (total, general_total), lambda: stored("collocation-frequent", lambda: frequent_index(rows)))


def misplaced(text: str, model: Model, skip: Callable[[str], bool]) -> Iterator[Misplaced]:
    """Each lowercase word of ``text`` that AWS prose, by its neighbours, writes as a similar word."""
    return misplaced_in_runs(lowered_runs(text), model, skip)


def misplaced_in_runs(runs: Iterable[Run], model: Model, skip: Callable[[str], bool]) -> Iterator[Misplaced]:
    """``misplaced`` of the text these are the runs of (``lowered_runs``)."""
    for run in runs:
        words = run.words  # neighbours in any case but CamelCase: "SSD", "AWS" are counted lowercased
        last = len(words) - 1
        if not last:
            continue  # a word alone: no neighbour to judge it by
        tokens = run.tokens
        # whether each pair of neighbours is listed, tested in C: most words are seen beside a neighbour
        # (``Model.seen`` for every word at once), and only the others are read one by one
        listed = model.listed_after(words)
        for index in compress(range(last + 1), map(not_, map(or_, [False, *listed], [*listed, False]))):
            token = tokens[index]
            if len(token) < MIN_LETTERS or token in FUNCTION_WORDS or not token.islower() or skip(token):
                continue
            before = words[index - 1] if index else None
            after = words[index + 1] if index < last else None
            likely = model.judge_unseen(token, before, after)
            if likely:
                yield Misplaced(*run.span(index), token, likely, before, after)
