"""Claims as statements: what each sentence of a note is about and what it asserts.

One module reads claims; the stale-claim and contradiction rules only consume
its ``Statement``s and never re-parse text.  A statement is one sentence of a
claim (a list item or a paragraph).  Its *subjects* are the AWS services,
products, algorithms and other entities it names; a sentence that names none
inherits them, nearest first, from the earlier sentences of its claim, from
the list items it is nested in, then from its headings ("## XGBoost" then "*
only CPU").  Each assertion is bound to the subject written nearest before it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Protocol, Sequence

from notelint.claims.assertions import Assertion, extract as extract_assertions, holds_a_word, may_assert
from notelint.claims.sentences import sentence_spans
from notelint.memo import TextMemo
from notelint.note import Block, BlockKind, Claim, ClaimKind, Html, ListItem, Note, TableRow
from notelint.values import FrozenValue

# A sentence that itself says the change happened is not stale.
_ACKNOWLEDGING = (
    r"retired", r"retirement", r"end[- ]of[- ](?:life|support)", r"discontinued", r"deprecated", r"sunset",
    r"no\s+longer\s+(?:available|supported|offered|sold|accepts?|takes?|needs?|needed|required)", r"closed\s+to\s+new",
    r"renamed", r"formerly", r"previously\s+called", r"now\s+(?:called|named|known\s+as|part\s+of)", r"replaced\s+by",
    r"superseded", r"stop(?:s|ped)?\s+onboarding", r"no\s+longer\s+onboard",
)
_ACKNOWLEDGED = re.compile(r"\b(?:" + "|".join(_ACKNOWLEDGING) + r")\b", re.IGNORECASE)
# the same words, case-sensitive, for an ASCII text in lower case (where the two agree), led by
# their first letters so that the regex engine skips to those: the sentences of a guide are read
# in half the time of the case-insensitive search
_ACKNOWLEDGED_LOWER = re.compile(
    r"(?=[" + "".join(sorted({word[0] for word in _ACKNOWLEDGING})) + r"])\b(?:" + "|".join(_ACKNOWLEDGING) + r")\b"
)


# a word of each phrase above, outside its optional parts: a text in lower case without any of them
# says no change happened (nine sentences in ten of the SageMaker guide), found in a few passes in C
# where the pattern is tried at most of a sentence's characters.  "end-of" and "end of" (the
# phrase's "end[- ]of"), not "end": "endpoint", "send" and "recommend" are in a guide's every page
_ACKNOWLEDGING_WORDS = ("retire", "end-of", "end of", "discontinued", "deprecated", "sunset", "longer", "closed",
                        "renamed", "formerly", "previously", "now", "replaced", "superseded", "onboarding")


def _says_it_changed(text: str) -> bool:
    """Does the text say a change happened ("renamed", "retired", "no longer available" ...)?"""
    if text.isascii():
        lowered = text.lower()
        return holds_a_word(lowered, _ACKNOWLEDGING_WORDS) and _ACKNOWLEDGED_LOWER.search(lowered) is not None
    return _ACKNOWLEDGED.search(text) is not None  # case folding beyond ASCII ("ſunset")


def _may_say_it_changed(text: str) -> bool:
    """Can ``text``, or any part of it, say a change happened?  (Not an ASCII text without a word of
    the phrases: a part of it is ASCII, and its lower case is a part of the text's.)"""
    return not text.isascii() or holds_a_word(text.lower(), _ACKNOWLEDGING_WORDS)


# NameMention, Subject and Statement are written out, not dataclasses (notelint.values says why): a
# reader makes ~36,000 of them for every fifth page of the SageMaker guide, and a frozen dataclass sets
# each field through object.__setattr__; these write their fields into the instance's dict (about
# half the cost of a construction) and are frozen, compared, hashed and shown as the dataclasses were.


class NameMention(FrozenValue):
    """A name found in a piece of text, as a resolver reports it."""

    FIELDS = ("name", "written", "start", "end")
    name: str  # canonical name of the entity
    written: str  # the form as found (may be another name for it)
    start: int
    end: int

    def __init__(self, name: str, written: str, start: int, end: int):
        fields = self.__dict__
        fields["name"] = name
        fields["written"] = written
        fields["start"] = start
        fields["end"] = end


class Resolver(Protocol):
    def mentions(self, text: str) -> list[NameMention]: ...

    def member(self, family: str, text: str) -> NameMention | None: ...


class Subject(FrozenValue):
    FIELDS = ("name", "written", "start", "end", "inherited")
    name: str  # canonical
    written: str  # as the note writes it (for inherited subjects: where it was written)
    start: int  # offsets into note.text of the mention (inherited: of the original mention)
    end: int
    inherited: bool

    def __init__(self, name: str, written: str, start: int, end: int, inherited: bool = False):
        fields = self.__dict__
        fields["name"] = name
        fields["written"] = written
        fields["start"] = start
        fields["end"] = end
        fields["inherited"] = inherited


class BoundAssertion(FrozenValue):
    """An assertion and the subject it is about (written out as the types below are)."""

    FIELDS = ("assertion", "subject")
    assertion: Assertion  # offsets into note.text
    subject: str | None  # canonical name of the subject it is about

    def __init__(self, assertion: Assertion, subject: str | None):
        fields = self.__dict__
        fields["assertion"] = assertion
        fields["subject"] = subject


class Statement(FrozenValue):
    FIELDS = ("text", "start", "end", "line", "heading_path", "subjects", "assertions", "acknowledged", "heading",
              "spans")
    HIDDEN = frozenset({"spans"})
    text: str
    start: int  # offsets into note.text
    end: int
    line: int
    heading_path: tuple[str, ...]
    subjects: tuple[Subject, ...]
    assertions: tuple[BoundAssertion, ...]
    acknowledged: bool  # the sentence itself says a change happened (renamed, retired ...)
    heading: bool  # the text of a heading: it names its section's subject, it asserts nothing
    # maps [i, j) of ``text`` to offsets into note.text (markup and escapes make them differ);
    # None where the text is a copy of the source (front matter values)
    spans: Callable[[int, int], tuple[int, int]] | None

    def __init__(self, text: str, start: int, end: int, line: int, heading_path: tuple[str, ...],
                 subjects: tuple[Subject, ...], assertions: tuple[BoundAssertion, ...], acknowledged: bool,
                 heading: bool = False, spans: Callable[[int, int], tuple[int, int]] | None = None):
        fields = self.__dict__
        fields["text"] = text
        fields["start"] = start
        fields["end"] = end
        fields["line"] = line
        fields["heading_path"] = heading_path
        fields["subjects"] = subjects
        fields["assertions"] = assertions
        fields["acknowledged"] = acknowledged
        fields["heading"] = heading
        fields["spans"] = spans

    def _values(self) -> tuple[Any, ...]:
        """The fields compared and hashed: all but ``spans`` (a mapping made per statement, as the
        dataclass's ``compare=False`` had it)."""
        return (self.text, self.start, self.end, self.line, self.heading_path, self.subjects, self.assertions,
                self.acknowledged, self.heading)

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, tuple([getattr(self, name) for name in self.FIELDS]))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets into note.text of ``text[i:j]``."""
        return self.spans(i, j) if self.spans is not None else (self.start + i, self.start + j)

    def names(self) -> set[str]:
        return {subject.name for subject in self.subjects}

    def about(self, name: str) -> list[Assertion]:
        return [bound.assertion for bound in self.assertions if bound.subject == name]

    def mention_of(self, names: Iterable[str]) -> Subject | None:
        """The first subject whose canonical or written name is in ``names`` (case-insensitive)."""
        return next(iter(self.mentions_of(names)), None)

    def mentions_of(self, names: Iterable[str]) -> list[Subject]:
        """Every subject whose canonical or written name is in ``names`` (case-insensitive), in order."""
        wanted = _folded_names(names) if isinstance(names, tuple) else {name.casefold() for name in names}
        return [
            subject
            for subject in self.subjects
            if subject.name.casefold() in wanted
            # as written, or without its vendor: "Amazon Elasticsearch Service" for an entry about Elasticsearch Service
            or not wanted.isdisjoint(folded_forms(subject.written))
        ]


@lru_cache(maxsize=4096)
def _folded_names(names: tuple[str, ...]) -> frozenset[str]:
    """``names`` folded: a knowledge entry's names, asked about for statement after statement."""
    return frozenset(name.casefold() for name in names)


@lru_cache(maxsize=4096)
def folded_forms(written: str) -> tuple[str, str]:
    """A name as written, folded, and the same without the vendor before it ("Amazon ES" -> "amazon es", "es").
    Kept by the name: a note writes the same few names in sentence after sentence."""
    return written.casefold(), without_vendor(written).casefold()


# the text-local readings of a sentence (what it asserts, whether it says a change happened) and of a
# block (its sentences and theirs), kept by text: an editor's re-check reads only the blocks that changed
def _reading(text: str, asserts: bool = True, changes: bool = True) -> tuple[tuple[Assertion, ...], bool]:
    """What ``text`` asserts and whether it says a change happened; ``asserts`` and ``changes``
    False: a text holding it has no cue of either (``may_assert``, ``_may_say_it_changed``)."""
    return (tuple(extract_assertions(text)) if asserts else (), changes and _says_it_changed(text))


_READINGS: TextMemo[tuple[tuple[Assertion, ...], bool]] = TextMemo(_reading)
_UNREAD: tuple[tuple[Assertion, ...], bool] = ((), False)


def _read_block(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[tuple[Assertion, ...], bool], ...]]:
    """(start, end) of each sentence of a block's text, and the readings of each.  A block whose text
    holds no cue of an assertion nor of a change (four in five of the SageMaker guide's) is tested
    once, not sentence by sentence."""
    sentences = tuple(sentence_spans(text))
    asserts, changes = may_assert(text), _may_say_it_changed(text)
    if not asserts and not changes:
        return sentences, (_UNREAD,) * len(sentences)
    return sentences, tuple(_reading(text[start:end], asserts, changes) for start, end in sentences)


_BLOCK_READINGS = TextMemo(_read_block)


def without_vendor(written: str) -> str:
    """A name as written, without the vendor written before it ("Amazon ES" -> "ES")."""
    return _VENDOR.sub("", written, count=1) if _VENDOR.match(written) else written


def statements(note: Note, resolver: Resolver) -> list[Statement]:
    """Every statement of ``note``, in document order: the front matter's
    ``title`` and ``exam`` first (a note *for* a retired exam says so there),
    then each sentence of each claim."""
    heading_cache: dict[tuple[str, ...], tuple[Subject, ...]] = {}
    header_cache: dict[int, tuple[str, tuple[Subject, ...]]] = {}  # a table's header cells, read once per table
    item_subjects: dict[int, tuple[Subject, ...]] = {}
    named_items: set[int] = set()  # items whose subjects they name themselves
    found: list[Statement] = list(_front_matter_statements(note, resolver))
    label: tuple[tuple[str, ...], tuple[Subject, ...]] | None = None  # "SQS" on its own line, then a list
    for claim in note.claims:
        context = _context(note, claim, resolver, heading_cache, item_subjects, named_items)
        if claim.kind is ClaimKind.PARAGRAPH:
            label = None
            # at most _LABEL_WORDS words: a long paragraph is not split whole to count them
            if len(claim.text.split(maxsplit=_LABEL_WORDS)) <= _LABEL_WORDS:
                mentions = resolver.mentions(claim.text)
                if mentions:
                    block = claim.blocks[0]
                    label = (claim.heading_path, tuple(
                        Subject(m.name, m.written, *block.span(m.start, m.end), inherited=True) for m in mentions
                    ))
        elif label is not None and claim.item is not None and claim.item.parent is None:
            if label[0] == claim.heading_path:
                context = label[1]
        claim_subjects: tuple[Subject, ...] = ()
        for block in claim.blocks:
            sentences, readings = _BLOCK_READINGS(block.text)
            named_in = _sentence_mentions(resolver, block.text, sentences)
            for (start, end), named, reading in zip(sentences, named_in, readings):
                # the first words of a list item may name a member of the family its context names
                family = context if claim.item is not None and start == 0 and block is claim.blocks[0] else ()
                statement = _statement(note, block, start, end, resolver, claim_subjects or context, family, named,
                                       reading)
                found.append(statement)
                # a statement's subjects are all its own names, or all inherited
                own = statement.subjects
                if not claim_subjects and own and not own[0].inherited:
                    claim_subjects = tuple(Subject(s.name, s.written, s.start, s.end, True) for s in own)
        if claim.item is not None:
            item_subjects[id(claim.item)] = claim_subjects or context
            if claim_subjects:
                named_items.add(id(claim.item))
    found.extend(_heading_statements(note, resolver))
    for row in note.table_rows:
        found.extend(_row_statements(note, row, resolver, heading_cache, header_cache))
    for raw in note.html:
        if not raw.inline and "<li" in raw.text.lower():
            found.extend(_html_item_statements(note, raw, resolver, heading_cache))
    found.sort(key=lambda statement: statement.start)  # document order (stable: front matter first)
    return found


def _shifted(block: Block, offset: int) -> Callable[[int, int], tuple[int, int]]:
    """Offsets into note.text of [i, j) of a block's text that starts ``offset`` characters in."""
    return lambda i, j: block.span(offset + i, offset + j)


_VENDOR = re.compile(r"(?:AWS|Amazon)\s")
_TITLE_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")
# "## Debugger (algorithm)", "## PyTorch (DLC)": a heading that qualifies a name with the kind of artifact it
# labels (a registry's list of images, a package index) is about that artifact, not about the service
_KIND_OF_ARTIFACT = re.compile(
    r"\s*\\?\(\s*(?:algorithms?|containers?|(?:container\s+)?images?|DLCs?|frameworks?|librar(?:y|ies)|SDKs?|"
    r"packages?|modules?)\s*\\?\)",
    re.IGNORECASE,
)
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w-])(?!(?:AWS|Amazon)\s+$)[A-Z][\w-]*\s+$")


def _heading_statements(note: Note, resolver: Resolver) -> Iterable[Statement]:
    """A heading that names a service ("## Elastic Transcoder", "# AWS DeepLens") presents a
    section about it: a statement with the heading's own subjects and no assertions, so that
    entries about the whole service (retired, closed to new customers) can report it even when
    the section's sentences never repeat the name."""
    for block in note.cached("claims.headings", lambda: note.headings):  # listed once per note (_heading_subjects)
        text = block.text.strip()
        if not text:
            continue
        offset = block.text.find(text)
        # in a title-cased heading a name can be part of a longer phrase: "Big Data Pipeline",
        # "Data Pipeline Selection" (a vendor prefix makes it the service: "AWS Data Pipeline Overview")
        mentions = [
            m for m in resolver.mentions(text)
            if not _TITLE_WORD_BEFORE.search(text[: m.start])
            and (_VENDOR.match(m.written) or not _TITLE_WORD_AFTER.match(text[m.end :]))
            and not _KIND_OF_ARTIFACT.match(text, m.end)
        ]
        if not mentions:
            continue
        subjects = tuple(Subject(m.name, m.written, *block.span(offset + m.start, offset + m.end)) for m in mentions)
        begin, finish = block.span(offset, offset + len(text))
        yield Statement(
            text=text,
            start=begin,
            end=finish,
            line=note.position(begin)[0],
            heading_path=block.heading_path,
            subjects=subjects,
            assertions=(),
            acknowledged=_says_it_changed(text),
            heading=True,
            spans=_shifted(block, offset),
        )


# a paragraph of at most this many words that names a service labels the list after it
_LABEL_WORDS = 4


def _front_matter_statements(note: Note, resolver: Resolver) -> Iterable[Statement]:
    fm = note.front_matter
    if fm is None:
        return
    for key in ("title", "exam"):
        entry = fm.fields.get(key)
        if entry is None or not isinstance(entry.value, str):
            continue
        raw = note.text[entry.value_start : entry.value_end]
        shift = raw.find(entry.value) if entry.value and entry.value in raw else 0
        base = entry.value_start + max(shift, 0)
        text = entry.value
        subjects = tuple(Subject(m.name, m.written, base + m.start, base + m.end) for m in resolver.mentions(text))
        yield Statement(
            text=text,
            start=base,
            end=base + len(text),
            line=note.position(base)[0],
            heading_path=(),
            subjects=subjects,
            assertions=(),
            acknowledged=_says_it_changed(text),
        )


def _context(note: Note, claim: Claim, resolver: Resolver, headings: dict, items: dict,
             named_items: set[int]) -> tuple[Subject, ...]:
    """Subjects a claim inherits: from its enclosing list items, else from its headings."""
    item: ListItem | None = claim.item.parent if claim.item is not None else None
    while item is not None:
        if id(item) not in named_items and _names_something_else(item):
            return ()  # "1. Application Load Balancer" with "2. supports SSL" under it: not the heading's subject
        subjects = items.get(id(item))
        if subjects:
            return subjects
        item = item.parent
    return _heading_subjects(note, claim.heading_path, resolver, headings)


def _heading_subjects(note: Note, path: tuple[str, ...], resolver: Resolver,
                      headings: dict) -> tuple[Subject, ...]:
    """The subjects of the nearest heading on ``path`` that names any."""
    if path not in headings:
        headings[path] = ()
        # the headings whose text is on the path, looked up by their text: not the note's every
        # heading read again for each path (a long note has hundreds of both)
        by_text = note.cached("claims.headings-by-text", lambda: _headings_by_text(note))
        named = sorted(place for text in set(path) for place in by_text.get(text, ()))
        for _at, heading in reversed(named):
            mentions = resolver.mentions(heading.text)
            if mentions:
                headings[path] = tuple(
                    Subject(m.name, m.written, *heading.span(m.start, m.end), inherited=True) for m in mentions
                )
                break
    return headings[path]


def _headings_by_text(note: Note) -> dict[str, list[tuple[int, Block]]]:
    """Each heading of ``note`` with its place among them (document order), by its stripped text."""
    by_text: dict[str, list[tuple[int, Block]]] = {}
    for at, heading in enumerate(note.cached("claims.headings", lambda: note.headings)):
        by_text.setdefault(heading.text.strip(), []).append((at, heading))
    return by_text


_PROPER_LABEL = re.compile(r"[A-Z][\w-]*(?: (?:[A-Z0-9][\w-]*|of|for|and|on|in|to))* [A-Z][\w-]*")


def _names_something_else(item: ListItem) -> bool:
    """A list item that is only a name the resolver does not know, two or more
    capitalised words ("Application Load Balancer", "Classic Load Balancer"):
    the items under it are about that thing."""
    if len(item.blocks) != 1:
        return False
    text = item.blocks[0].text.strip().rstrip(":")
    return len(text.split()) <= _LABEL_WORDS and _PROPER_LABEL.fullmatch(text) is not None


def _sentence_mentions(resolver: Resolver, text: str,
                       sentences: Sequence[tuple[int, int]]) -> list[Sequence[NameMention]]:
    """The names each sentence of a block's ``text`` writes, with offsets into the sentence, as
    ``resolver.mentions`` finds them in the sentence alone, read in one scan of the block.

    A name never crosses a sentence's end (an end is a full stop, "!" or "?" then white space;
    the words of a name are joined by a space, a line break or a hyphen), and what the resolver
    reads around a name (a vendor before it, a character that glues it into a path, a list of
    members after it) lies in its sentence or is white space or a sentence's closing punctuation
    either way; the block is read from its first sentence's start to its last one's end, so
    that no white space follows the last name where the sentence has none.  One scan instead
    of one per sentence, and a block of plain prose is a text the AWS name rules have already
    scanned (the name index keeps its readings by text)."""
    if not sentences:
        return []
    first, last = sentences[0][0], sentences[-1][1]
    named = resolver.mentions(text[first:last])
    if len(sentences) == 1:
        return [named]  # offsets into the text read are offsets into the one sentence
    found: list[Sequence[NameMention]] = []
    at = 0
    for start, end in sentences:
        own = []
        shift = start - first
        while at < len(named) and named[at].start + first < end:
            m = named[at]
            own.append(NameMention(m.name, m.written, m.start - shift, m.end - shift) if shift else m)
            at += 1
        found.append(own)
    return found


def _statement(note: Note, block: Block, start: int, end: int, resolver: Resolver,
               inherited: Sequence[Subject], family: Sequence[Subject], mentions: Sequence[NameMention],
               reading: tuple[tuple[Assertion, ...], bool]) -> Statement:
    """The statement of ``block.text[start:end]``, given the names it writes (``_sentence_mentions``)
    and what it asserts and whether it says a change happened (``_read_block``)."""
    text = block.text[start:end]
    if not mentions and len(family) == 1:
        # "## Amazon Kinesis" then "* Firehose: ...": the item names Kinesis Firehose
        member = resolver.member(family[0].written, text)
        mentions = [member] if member is not None else []
    own = []
    for mention in mentions:
        first, last = block.span(start + mention.start, start + mention.end)
        own.append(Subject(mention.name, mention.written, first, last))
    subjects = tuple(own) if own else tuple(inherited)
    # "XGBoost: takes CSV ...; only CPU": in a labelled sentence everything is about the label
    label = mentions[0].name if mentions and _is_label(text, mentions[0]) else None
    assertions, acknowledged = reading
    bound = []
    for assertion in assertions:
        subject: str | None
        if label is not None:
            subject = label
        elif mentions:
            subject = _subject_for(assertion, mentions)
        else:
            subject = subjects[0].name if subjects else None
        first, last = block.span(start + assertion.start, start + assertion.end)
        moved = Assertion(
            assertion.relation,
            assertion.attribute,
            assertion.values,
            assertion.quantity,
            assertion.unit,
            assertion.bound,
            first,
            last,
            assertion.explicit,
        )
        bound.append(BoundAssertion(moved, subject))
    begin, finish = block.span(start, end)
    return Statement(
        text=text,
        start=begin,
        end=finish,
        line=note.position(begin)[0],
        heading_path=block.heading_path,
        subjects=subjects,
        assertions=tuple(bound),
        acknowledged=acknowledged,
        spans=lambda i, j: block.span(start + i, start + j),
    )


def _built_statement(note: Note, text: str, spans: Callable[[int, int], tuple[int, int]],
                     heading_path: tuple[str, ...], own: list[tuple[int, Subject]],
                     lent: Sequence[Subject]) -> Statement:
    """A statement read from text that notelint put together (a table cell, an HTML list item).

    ``own`` pairs each name the text writes (the offset where it starts) with its subject, in
    order; ``lent`` are the subjects it inherits (from its row and its column's header, else its
    headings).  Names the text writes come first among the subjects (a rename is reported on one
    of them).  An assertion is about the name written nearest before it, else the first inherited
    subject, else the first name written."""
    subjects = tuple(subject for _named_at, subject in own) + tuple(lent)
    # kept by the text, as a sentence's: a table repeats its cells ("Yes", "| Region: us-east-1 |")
    assertions, acknowledged = _READINGS(text)
    bound = []
    for assertion in assertions:
        before = [subject for named_at, subject in own if named_at <= assertion.start]
        chosen = before[-1] if before else lent[0] if lent else own[0][1] if own else None
        first, last = spans(assertion.start, assertion.end)
        moved = Assertion(assertion.relation, assertion.attribute, assertion.values, assertion.quantity,
                          assertion.unit, assertion.bound, first, last, assertion.explicit)
        bound.append(BoundAssertion(moved, chosen.name if chosen is not None else None))
    begin, finish = spans(0, len(text))
    return Statement(
        text=text,
        start=begin,
        end=finish,
        line=note.position(begin)[0],
        heading_path=heading_path,
        subjects=subjects,
        assertions=tuple(bound),
        acknowledged=acknowledged,
        spans=spans,
    )


def _row_statements(note: Note, row: TableRow, resolver: Resolver, headings: dict,
                    headers: dict[int, tuple[str, tuple[Subject, ...]]]) -> Iterable[Statement]:
    """Each cell of a table row, read as a sentence labelled by its column's header:
    "| Kinesis Data Streams | 7 days |" under "| Stream | Max retention |" gives the
    statements "Stream: Kinesis Data Streams" and "Max retention: 7 days".  A cell's own
    names are its subjects; it inherits the names the row's other cells write (the subject
    column: "7 days" is about Kinesis Data Streams) and the names in its header ("| Redis |
    Memcached |" over a comparison); a row that names nothing inherits its headings'
    subjects.  Each cell is read alone, so that words of one cell never complete a claim
    whose other half is in another."""
    cells = [(column, cell) for column, cell in enumerate(row.cells) if cell.text.strip()]
    if not cells:
        return
    written = {column: resolver.mentions(cell.text) for column, cell in cells}
    by_name: dict[str, list[tuple[int, Subject]]] = {}  # each name the row writes, with the cells that write it
    for column, cell in cells:
        for m in written[column]:
            places = by_name.setdefault(m.name, [])
            if len(places) < 2 and all(other != column for other, _subject in places):  # two cells suffice
                places.append((column, Subject(m.name, m.written, *cell.span(m.start, m.end), inherited=True)))
    for column, cell in cells:
        header = row.header_of(column)
        label, named = _header_label(header, resolver, headers) if header is not None else ("", ())
        if label.casefold() == cell.text.strip().casefold():
            label = ""
        prefix = label + ": " if label else ""
        text = prefix + cell.text

        def spans(i: int, j: int, cell: Block = cell, shift: int = len(prefix)) -> tuple[int, int]:
            # the header's words stand for the start of the cell
            start = max(i - shift, 0)
            if j <= i or j <= shift:
                first = cell.span(start, start)[0]
                return first, first
            # one look-up: a span's start is found from its first character, its end from its last
            first, last = cell.span(start, j - shift)
            return first, max(first, last)

        own = [(m.start + len(prefix), Subject(m.name, m.written, *cell.span(m.start, m.end))) for m in written[column]]
        # one inherited subject per name, from the first other cell that writes it: a wide row of
        # "S3" cells lends S3 once (the row's names are gathered once, not per pair of cells; a
        # name's first two cells are kept, so one of them is another cell)
        lent = []
        for places in by_name.values():
            if places[0][0] != column:
                lent.append(places[0][1])
            elif len(places) > 1:
                lent.append(places[1][1])
        if label:
            lent.extend(named)
        if not own and not lent:
            lent = list(_heading_subjects(note, cell.heading_path, resolver, headings))
        yield _built_statement(note, text, spans, cell.heading_path, own, lent)


def _header_label(header: Block, resolver: Resolver,
                  headers: dict[int, tuple[str, tuple[Subject, ...]]]) -> tuple[str, tuple[Subject, ...]]:
    """A header cell's text (the label of its column's cells) and the subjects its names lend them,
    read once per table (by the block, in ``headers``), not once per row."""
    known = headers.get(id(header))
    if known is None:
        label = header.text.strip()
        shift = header.text.find(label)
        known = headers[id(header)] = (label, tuple(
            Subject(m.name, m.written, *header.span(shift + m.start, shift + m.end), inherited=True)
            for m in resolver.mentions(label)))
    return known


def _html_item_statements(note: Note, block: Html, resolver: Resolver, headings: dict) -> Iterable[Statement]:
    """The sentences of each ``<li>`` of an HTML block (notes written for a web page keep
    lists in HTML): tags dropped, entities decoded, each character mapped to its source."""
    from notelint.htmltext import block_items

    path = _heading_path_at(note, block.start)
    inherited = _heading_subjects(note, path, resolver, headings)
    for item in block_items(note, block):
        text, offsets = item.text, list(item.offsets)
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            places = offsets[start:end]

            def spans(i: int, j: int, places: list[int] = places) -> tuple[int, int]:
                first = places[min(i, len(places) - 1)]
                return (first, first) if j <= i else (first, places[min(j, len(places)) - 1] + 1)

            own = [(mention.start, Subject(mention.name, mention.written, *spans(mention.start, mention.end)))
                   for mention in resolver.mentions(sentence)]
            yield _built_statement(note, sentence, spans, path, own, () if own else inherited)


def _heading_path_at(note: Note, offset: int) -> tuple[str, ...]:
    """The headings a place outside any block is under (raw HTML): those of the block before it."""
    path: tuple[str, ...] = ()
    for block in note.blocks:
        if block.src_start >= offset:
            break
        path = block.heading_path + ((block.text.strip(),) if block.kind is BlockKind.HEADING else ())
    return path


def _is_label(text: str, mention: NameMention) -> bool:
    return not text[: mention.start].strip(" *-") and text[mention.end :].lstrip().startswith(":")


def _subject_for(assertion: Assertion, mentions: Sequence[NameMention]) -> str:
    """The subject written nearest before the assertion, else the first one."""
    before = [m for m in mentions if m.start <= assertion.start]
    return (before[-1] if before else mentions[0]).name
