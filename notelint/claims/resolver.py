"""Which entities a piece of text names: AWS services and products from the
alias table and botocore (through the NL3xx name index), plus the entities of
the knowledge base (algorithms, features, retired services, certifications).

Claims are read more strictly than names are checked: a name that is also
plain English ("glue", "batch jobs", "forecast") is a subject only when it is
capitalised as AWS writes it, or has its vendor prefix.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

from notelint.aws.names import NameIndex
from notelint.claims.assertions import FORMATS, holds_a_word
from notelint.claims.extract import NameMention, Resolver, without_vendor
from notelint.claims.knowledge import Knowledge
from notelint.memo import TextMemo


# "Name (ABBR)": an abbreviation a note defines for the name before it
# ("AWS Single Sign-On (SSO)", "Amazon Elasticsearch Service (Amazon ES)"); the space before the
# parenthesis belongs to the definition (``_definition_start``): a pattern that opened with the
# optional space was tried at every character of the note, one that opens with the parenthesis
# lets the regex engine skip to the next one (a note's text: 19 -> 1 ms over every fifth file of
# the SageMaker guide)
_DEFINITION = re.compile(r"\(((?:Amazon |AWS )?[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)")


def _definition_start(text: str, definition: re.Match[str]) -> int:
    """Where a definition starts: at the space before its parenthesis, if there is one."""
    start = definition.start()
    return start - 1 if start > 0 and text[start - 1] == " " else start


# one more member of a list after a name: ", Firehose", " and Analytics"
_MEMBER = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*)([A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)?)")


# the label of a short list item: "Firehose: ...", "Data Analytics (SQL or Flink)", "Streams"
_MEMBER_LABEL = re.compile(r"\s*([A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)?)(?=\s*(?:$|[:(]|[-–—] ))")


_OPENING_QUOTES = frozenset("\"'“‘")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")


def _opens_a_quoted_phrase(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` the first of a quoted phrase ('"Forecast sales"'), not a quoted name?"""
    return start > 0 and text[start - 1] in _OPENING_QUOTES and _LOWER_WORD_AFTER.match(text, end) is not None


def _by_first_character(forms: Iterable[str], after_first: str = "") -> str:
    """An alternation of ``forms``, longest first, grouped by their first character
    ("A(?:WS Certified ...|mazon ...)|S(?:ageMaker ...)").  It finds what the flat
    alternation finds (at a place only the forms that start with its character can
    match, and they are tried in the same order), but the regex engine tries each
    group once at a word's start, not each of the ~180 forms: a third of the time."""
    groups: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        groups.setdefault(form[0], []).append(re.escape(form[1:]))
    return "|".join(re.escape(first) + after_first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


# after a form's first character: the character before it is no word character or hyphen (what
# "(?<![\w-])" before the form asks), looked at once the first character has matched
_WORD_START_BEHIND = r"(?<![\w-].)"


class _EntityForms:
    """Where a text writes the knowledge base's entity forms: what ``pattern.finditer`` finds
    (every form as a whole word, the longest first at a place), found at a third less cost.

    ``pattern`` opens with a look-behind, so the regex engine tries it at every character of
    every block.  The forms that open with a capital are looked for by a pattern that opens with
    their first characters, which the engine skips to (most characters are not capitals), with
    the look-behind after the first character; the few that open in lower case ("k-means",
    "xgboost") are looked for only in a text that holds one of them.  Where a match of one kind
    overlaps a match of the other (the one pattern would have taken the leftmost), the text is
    read by ``pattern`` itself; otherwise the two lists, in order, are what it finds."""

    def __init__(self, forms: Iterable[str]):
        forms = list(forms)
        capital = [form for form in forms if form[0].isupper()]
        other = [form for form in forms if not form[0].isupper()]
        self.pattern = re.compile(rf"(?<![\w-])(?:{_by_first_character(forms)})(?![\w-])")
        self.capital = re.compile(rf"(?:{_by_first_character(capital, _WORD_START_BEHIND)})(?![\w-])") if capital else None
        self.other = re.compile(rf"(?:{_by_first_character(other, _WORD_START_BEHIND)})(?![\w-])") if other else None
        self.other_forms = tuple(other)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of each form ``pattern.finditer(text)`` finds, in order."""
        found = [(m.start(), m.end(), m.group()) for m in self.capital.finditer(text)] if self.capital else []
        if self.other is None or not holds_a_word(text, self.other_forms):
            return found
        more = [(m.start(), m.end(), m.group()) for m in self.other.finditer(text)]
        if not more:
            return found
        merged = sorted(found + more)
        if any(merged[i][0] < merged[i - 1][1] for i in range(1, len(merged))):
            return [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text)]
        return merged


class NameResolver:
    def __init__(self, index: NameIndex, knowledge: Knowledge):
        self.index = index
        known = {entry.name.casefold() for entry in self.index.by_words.values()}
        forms: dict[str, str] = {}
        for entity in knowledge.entities:
            for written in (entity.name, *entity.forms):
                if written.casefold() not in known:
                    forms.setdefault(written, entity.name)
        self.entity_names = forms
        self.entity_forms = _EntityForms(forms) if forms else None

    def mentions(self, text: str) -> list[NameMention]:
        return list(self._memo(text))

    def forms_naming(self, names: frozenset[str]) -> tuple[str, ...] | None:
        """The forms in which a text can name the knowledge base's entities ``names`` (canonical):
        a text that holds none of them as a substring has no mention of them.  None when an AWS
        name of the index (or a member of a family, read through it) stands for one of them."""
        if any(entry.canonical_name in names for entry in self.index.by_words.values()):
            return None
        return tuple(form for form, name in self.entity_names.items() if name in names)

    @cached_property
    def _memo(self) -> TextMemo[tuple[NameMention, ...]]:
        return TextMemo(lambda text: tuple(self._scan(text)))

    def _scan(self, text: str) -> list[NameMention]:
        found: list[NameMention] = []
        for mention in self.index.mentions(text):
            entry = mention.entry
            if entry.canonical_name.casefold() in FORMATS:
                continue  # RecordIO is a data format, not what a claim is about
            has_vendor = bool(mention.vendor_written)
            if entry.english and not has_vendor and _opens_a_quoted_phrase(text, mention.start, mention.end):
                continue  # '"Forecast sales for next quarter"': a quoted request starts with a verb, not a service
            if entry.english and not has_vendor:
                canonical = entry.canonical_name if not entry.form else entry.name
                if mention.written != canonical and mention.written != entry.name:
                    continue  # "glue", "batch jobs", "Data pipeline"
            start = mention.vendor_start if has_vendor and mention.vendor_start is not None else mention.start
            found.append(NameMention(entry.canonical_name, text[start : mention.end], start, mention.end))
        found = self._with_family_members(text, found)
        if self.entity_forms is not None:
            for first, last, form in self.entity_forms.find(text):
                overlapping = [m for m in found if m.start < last and first < m.end]
                # the longer name wins: "IoT Analytics" or "S3 Select" (an entity with its own history) over the "IoT" or "S3" inside it
                if any(not (first <= m.start and m.end <= last) or (m.start, m.end) == (first, last) for m in overlapping):
                    continue
                found = [m for m in found if m not in overlapping]
                found.append(NameMention(self.entity_names[form], form, first, last))
        found.sort(key=lambda m: m.start)
        return found

    def _with_family_members(self, text: str, found: list[NameMention]) -> list[NameMention]:
        """Members of a product family listed after a shared prefix: "Kinesis Data
        Streams, Firehose and Analytics" names Kinesis Data Firehose and Kinesis
        Data Analytics.  A member that is a name on its own ("Firehose") is read
        so only when another member of the list needs the prefix ("Analytics"):
        "Kinesis Data Streams and Firehose" may mean today's Firehose."""
        members: list[NameMention] = []
        for mention in found:
            words = _name_words(mention.written)
            if len(words) < 2:
                continue
            listed, needed, at = [], False, mention.end
            while (item := _MEMBER.match(text, at)) is not None:
                member = self._member(words, item.group(1))
                if member is None:
                    break
                alone = any(m.start == item.start(1) and m.end == item.end(1) for m in found)
                needed = needed or not alone
                listed.append(NameMention(member[0], member[1], item.start(1), item.end(1)))
                at = item.end()
            if needed:
                members.extend(listed)
        if not members:
            return found
        kept = [m for m in found if not any(m.start < n.end and n.start < m.end for n in members)]
        return sorted([*kept, *members], key=lambda m: m.start)

    def member(self, family: str, text: str) -> NameMention | None:
        """A short list item under a heading or an item that names a product
        family, labelled with a member's name: "Firehose: ..." under "## Amazon
        Kinesis" names Kinesis Firehose.  Only a label (the item's first words,
        then its end, a colon, a dash or a parenthesis) is read so."""
        label = _MEMBER_LABEL.match(text)
        if label is None:
            return None
        words = without_vendor(family).split(" ")
        member = self._member(words, label.group(1), whole=True)
        if member is None:
            return None
        return NameMention(member[0], member[1], label.start(1), label.end(1))

    def _member(self, words: Sequence[str], item: str, whole: bool = False) -> tuple[str, str] | None:
        """(name, full name) of ``item`` read after the longest prefix of ``words``
        (``whole``: all of them may be the prefix) that makes a name."""
        for cut in range(len(words) if whole else len(words) - 1, 0, -1):
            full = " ".join([*words[:cut], item])
            entry = self.index.by_words.get(tuple(full.casefold().split(" ")))
            if entry is not None:
                # written as the full name ("Kinesis Data Firehose"), so entries about a former name match
                former = entry.form and entry.name.casefold() != full.casefold()
                return entry.canonical_name, (entry.name if former else full)
        return None

    def for_note(self, text: str) -> Resolver:
        """This resolver, reading also the abbreviations the note defines: after
        "AWS Single Sign-On (SSO)" a bare "SSO" anywhere in the note names AWS
        Single Sign-On (writers define a name once and use the short form)."""
        abbreviations: dict[str, str] = {}
        for definition in _DEFINITION.finditer(text):
            abbreviation = definition.group(1)
            # new forms only: not defined already, not a name of its own ("(S3)"); "Amazon ES", then "ES"
            forms = [f for f in dict.fromkeys((abbreviation, without_vendor(abbreviation)))
                     if f not in abbreviations and not self.mentions(f)]
            if not forms:
                continue
            start = _definition_start(text, definition)
            before = text[text.rfind("\n", 0, start) + 1 : start]
            named = [m for m in self.mentions(before) if m.end == len(before)]
            if not named or not _abbreviates(abbreviation, named[-1].written):
                continue
            mention = named[-1]
            bare = without_vendor(mention.written)
            # a former name keeps its own name ("Elasticsearch Service"), so entries about it match
            same = bare.casefold() in {mention.name.casefold(), without_vendor(mention.name).casefold()}
            meant = mention.name if same else bare
            abbreviations.update((form, meant) for form in forms)
        return _NoteResolver(self, abbreviations) if abbreviations else self


@lru_cache(maxsize=4096)
def _name_words(written: str) -> tuple[str, ...]:
    """The words of a name as written, without its vendor ("Amazon Kinesis Data Streams" -> Kinesis, Data,
    Streams); kept by the name: a note writes the same few names in block after block."""
    return tuple(without_vendor(written).split(" "))


def _abbreviates(abbreviation: str, name: str) -> bool:
    """Are the abbreviation's letters, in order, letters of the name, the first its first ("SSO": Single Sign-On)?"""
    letters, words = without_vendor(abbreviation).casefold(), without_vendor(name).casefold()
    if not letters or not words or letters[0] != words[0]:
        return False
    rest = iter(words)
    return all(letter in rest for letter in letters)


class _NoteResolver:
    """A note's resolver: the run's names, and the abbreviations the note defines."""

    def __init__(self, base: NameResolver, abbreviations: dict[str, str]):
        self.base = base
        self.abbreviations = abbreviations
        alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def member(self, family: str, text: str) -> NameMention | None:
        return self.base.member(family, text)

    def mentions(self, text: str) -> list[NameMention]:
        found = self.base.mentions(text)
        extra = [
            NameMention(self.abbreviations[match.group()], match.group(), match.start(), match.end())
            for match in self.pattern.finditer(text)
            if not any(m.start < match.end() and match.start() < m.end for m in found)
        ]
        return sorted([*found, *extra], key=lambda m: m.start) if extra else found
