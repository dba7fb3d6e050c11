"""Finding AWS service and product names in text, and the services a context names.

Two readers share one index built from the catalog:

* ``NameIndex.mentions(text)`` finds every curated name however it is cased
  or split ("Sagemaker", "Dynamo DB", "aws step functions"), with the vendor
  prefix written before it, for the NL3xx naming rules.
* ``NameIndex.services_in(text)`` returns the botocore clients a text names
  in their usual (canonical) spelling, for the context of NL4xx rules: "on a
  Kinesis stream" -> kinesis.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from itertools import accumulate, compress, filterfalse
from operator import or_
from typing import Any

from notelint.aws.catalog import Catalog, catalog_for
from notelint.aws.text import glued
from notelint.memo import TextMemo
from notelint.rule import Context
from notelint.spelling.suggest import distance
from notelint.values import FrozenValue

# a word of ASCII letters and digits with a letter in it, from its first character: a letter and
# what follows, or digits not after a digit ((?<!\d\d): a long run of digits is tried once, not from
# each of its digits, which is quadratic) and then a letter.  It opens with one character class,
# so the regex engine skips in C to the next letter or digit; the form it replaces
# (r"[A-Za-z][A-Za-z0-9]*|(?<!\d)\d+[A-Za-z][A-Za-z0-9]*", the same matches) opened with a
# choice and was tried at every character: findall over a guide's texts in 0.73 of the time
_TOKEN = re.compile(r"[A-Za-z\d](?:(?<=[A-Za-z])[A-Za-z0-9]*|(?<!\d\d)\d*[A-Za-z][A-Za-z0-9]*)")
_CONTEXT_TOKEN = re.compile(r"(?<![\w-])[A-Za-z0-9][A-Za-z0-9.]*[A-Za-z0-9]|(?<![\w-])[A-Za-z0-9](?![\w-])")
# what follows "aws <service>" in a CLI command: a sub-command or an option ("aws s3 ls", "aws opsworks --region")
_COMMAND_NEXT = re.compile(r" (?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w])|--?[a-z])")
# a lowercase service followed by an operation in CLI form, even without "aws" before it:
# "(ec2 create-snapshot, ec2 describe-snapshots)", "run sagemaker list-endpoints"
_CLI_OPERATION_NEXT = re.compile(
    r" (?:create|describe|list|get|put|delete|update|start|stop|run|invoke|attach|detach|modify|copy|tag|untag|"
    r"register|deregister|enable|disable|associate|disassociate|import|export|send|receive|wait|batch)-[a-z0-9]+"
    r"(?:-[a-z0-9]+)*(?![\w-])"
)
_QUOTES = "\"'`“”‘’"
_VENDORS = {"amazon": "Amazon", "aws": "AWS"}
# a letter-word with the shift key held over its digits ("S#", "EC@"), not "C#" inside code or "#hashtag"
_SHIFT_TYPO = re.compile(r"(?<![\w!@#$%^&*()/.-])[A-Za-z][A-Za-z0-9]*[!@#$%^&*()](?![\w!@#$%^&*()/-])")
# what every shift slip holds, a shifted digit right after a letter or digit; found from the symbol
# (a pattern that opens with a set of rare characters is scanned for them in C), so the one above,
# which is tried at every character, runs only on the one text in twelve that has it
_SHIFTED_AFTER_ALNUM = re.compile(r"[!@#$%^&*()](?<=[A-Za-z0-9].)")
_UNSHIFTED = str.maketrans("!@#$%^&*()", "1234567890")
# one word with capitals inside ("ElasticCache", "S3DiscCP"), not part of a path, a URL or a dotted identifier
# (these two start with the capital and look behind it after: a pattern that opens with a character
# class lets the regex engine skip to the next capital, where one that opens with a look-behind is
# tried at every character; the same matches, in half the time)
_INNER_CAPITALS = re.compile(r"[A-Z](?<![\w./:@#-][A-Z])[a-z0-9]+(?:[A-Z][a-z0-9]*)+(?![\w./:@#-])")
# three to six capitalised words in a row ("Amazon Key Management System")
_TITLE_RUN = re.compile(r"[A-Z](?<![\w-][A-Z])[a-z]+(?: [A-Z][a-z]+){2,5}(?![\w-])")
# the two above in one pass over the text (the group "inner" for the first): they never match at
# one place, nor one inside the other (a title run's words have no inner capital, and no
# capital inside a word starts either), so one scan finds the matches of both, at a third less
# of the instructions of two
_INNER_CAPITALS_OR_TITLE_RUN = re.compile(
    r"[A-Z](?:(?<![\w./:@#-][A-Z])(?P<inner>[a-z0-9]+(?:[A-Z][a-z0-9]*)+(?![\w./:@#-]))"
    r"|(?<![\w-][A-Z])[a-z]+(?: [A-Z][a-z]+){2,5}(?![\w-]))"
)
MAX_WORDS = 4
# botocore service ids that are English words: context only when capitalised
# and not at the start of a sentence
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n|[-*+]\s+)$")


# an ASCII text's letters in lower case and its digits, with a space for every other character
_ALNUM_FOLDED = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256)
)


def _alnum_runs(text: str) -> str:
    """An ASCII ``text`` with its letters lowered and every other character but a digit made a space:
    one C pass over its bytes."""
    return text.encode().translate(_ALNUM_FOLDED).decode()


def _folded_tokens(text: str) -> list[str]:
    """The casefolded _TOKEN matches of ``text``.  In an ASCII text they are its runs of letters and
    digits with a letter in them, found by a byte translation and a split (a fifth of the
    instructions of ``findall``, which walked the text character by character); in another text,
    the matches, joined, lowered and split (ASCII letters and digits: their casefold is their
    lower case)."""
    if text.isascii():
        return list(filterfalse(str.isdigit, _alnum_runs(text).split()))
    found = _TOKEN.findall(text)
    return " ".join(found).lower().split(" ") if found else []


def _words(name: str) -> tuple[str, ...]:
    """The casefolded words of a name as the tokenizer reads them ("X-Ray" -> x, ray)."""
    return tuple(_folded_tokens(name))


def _at_sentence_start(text: str, end: int) -> bool:
    """Does ``text[:end]`` match _SENTENCE_START?  Only its tail can: the search
    starts at the character before the trailing whitespace, so a long block is
    not searched from its beginning for every name in it."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return _SENTENCE_START.search(text, max(start - 1, 0), end) is not None


# values written out, not dataclasses: ``notelint.values`` says why
class Entry(FrozenValue):
    """A name the index knows: curated (aliases.yaml), another form of one, or a botocore service label."""

    __slots__ = FIELDS = ("name", "words", "vendor", "services", "english", "loose", "split", "common", "form",
                          "curated", "canonical", "also_written")
    name: str
    words: tuple[str, ...]  # casefolded words of the name
    vendor: str
    services: tuple[str, ...]
    english: bool
    loose: bool
    split: bool
    common: bool  # everyday English or code even where the service is meant ("glue", "batch")
    form: bool  # another name for a curated entry: read, never reported
    curated: bool
    canonical: str  # for a form, the curated name it stands for
    also_written: tuple[str, ...]  # other casings AWS itself uses ("recordIO" beside "RecordIO")

    def __init__(
        self, name: str, words: tuple[str, ...], vendor: str, services: tuple[str, ...], english: bool = False,
        loose: bool = False, split: bool = False, common: bool = False, form: bool = False, curated: bool = True,
        canonical: str = "", also_written: tuple[str, ...] = (),
    ):
        self._fill(name, words, vendor, services, english, loose, split, common, form, curated, canonical,
                   also_written)

    @property
    def canonical_name(self) -> str:
        return self.canonical or self.name


class Mention(FrozenValue):
    """A name found in a text, with the vendor written before it.  One is made for every name a
    corpus mentions, so its fields are written into its dict, as ``claims.extract``'s are."""

    FIELDS = ("entry", "start", "end", "written", "vendor_start", "vendor_written", "joined", "sentence_start")
    entry: Entry
    start: int  # of the name (vendor excluded)
    end: int
    written: str
    vendor_start: int | None  # of the vendor prefix written before it
    vendor_written: str
    joined: bool  # written as one token for a split name, or split for a one-token name
    sentence_start: bool

    def __init__(self, entry: Entry, start: int, end: int, written: str, vendor_start: int | None = None,
                 vendor_written: str = "", joined: bool = False, sentence_start: bool = False):
        fields = self.__dict__
        fields["entry"] = entry
        fields["start"] = start
        fields["end"] = end
        fields["written"] = written
        fields["vendor_start"] = vendor_start
        fields["vendor_written"] = vendor_written
        fields["joined"] = joined
        fields["sentence_start"] = sentence_start


class NameIndex:
    def __init__(self, catalog: Catalog):
        self.by_words: dict[tuple[str, ...], Entry] = {}
        self.by_compact: dict[str, Entry] = {}
        for spec in catalog.aliases:
            self._add_curated(spec)
        labels = catalog.service_labels  # (service id, abbreviation, full name) by client name
        for name, (service_id, abbreviation, full_name) in labels.items():
            # a product that is a whole service name on its own (AppSync, WorkSpaces)
            for label in (service_id, _strip_vendor(abbreviation), _strip_vendor(full_name)):
                key = label.casefold()
                if key in self.by_compact or (key,) in self.by_words or not _auto_product(label):
                    continue
                entry = Entry(label, (key,), "", (name,), curated=False)
                self.by_words[(key,)] = entry
                self.by_compact[key] = entry
        # context: botocore's own names for each client, in their own spelling
        self.context: dict[str, tuple[str, ...]] = {}
        for name, (service_id, abbreviation, full_name) in labels.items():
            for label in (service_id, _strip_vendor(abbreviation), _strip_vendor(full_name)):
                if label and not label.islower() and len(label) > 1:
                    self.context.setdefault(label, ())
                    self.context[label] = tuple(dict.fromkeys([*self.context[label], name]))
        for entry in self.by_words.values():
            if entry.services:
                self.context[entry.name] = tuple(dict.fromkeys([*entry.services, *self.context.get(entry.name, ())]))
        self.curated_labels = frozenset(e.name for e in self.by_words.values() if e.curated)
        # botocore's full service names without the vendor ("Key Management Service")
        self.full_names = frozenset(_strip_vendor(full_name) for _, _, full_name in labels.values() if full_name)

    def _add_curated(self, spec: dict[str, Any]) -> None:
        words = _words(spec["name"])
        entry = Entry(
            name=spec["name"],
            words=words,
            vendor=spec["vendor"],
            services=tuple(spec["services"]),
            english=spec["english"],
            loose=spec["loose"],
            split=spec["split"],
            common=spec.get("common", False),
            also_written=tuple(form for form in spec["forms"] if _words(form) == words),
        )
        self.by_words[words] = entry
        if len(words) == 1:
            self.by_compact[words[0]] = entry
        for form in spec["forms"]:
            form_words = _words(form)
            self.by_words.setdefault(
                form_words,
                Entry(
                    form,
                    form_words,
                    spec["vendor"],
                    tuple(spec["services"]),
                    english=True,
                    common=spec.get("common", False),
                    form=True,
                    canonical=spec["name"],
                ),
            )

    @cached_property
    def _continued(self) -> frozenset[tuple[str, ...]]:
        """Word sequences that a longer name goes on from ("amazon", "kinesis data")."""
        return frozenset(words[:cut] for words in self.by_words for cut in range(1, len(words)))

    @cached_property
    def _hyphen_keys(self) -> frozenset[tuple[str, ...]]:
        """Word sequences whose last word follows a hyphen in the name ("x", "ray" of X-Ray)."""
        keys = set()
        for words, entry in self.by_words.items():
            separators = re.findall(r"[A-Za-z0-9]([^A-Za-z0-9]+)(?=[A-Za-z])", entry.name)
            for cut, separator in enumerate(separators[: len(words) - 1], start=2):
                if separator == "-":
                    keys.add(words[:cut])
        return frozenset(keys)

    @cached_property
    def _squashed(self) -> dict[str, Entry]:
        """Names people split or join differently, by their letters alone: every
        name of several words ("directconnect" for Direct Connect) and every
        one-word name with inner capitals ("codepipeline" for CodePipeline)."""
        table: dict[str, Entry] = {}
        for words, entry in self.by_words.items():
            # botocore's service ids are not prose names ("ComprehendMedical" is Comprehend Medical)
            if entry.curated and (len(words) > 1 or catalog_product_token(entry.name)):
                table.setdefault("".join(words), entry)
        return table

    @cached_property
    def _squashed_prefixes(self) -> frozenset[str]:
        return frozenset(key[:cut] for key in self._squashed for cut in range(2, len(key) + 1))

    @cached_property
    def _compact_heads(self) -> frozenset[str]:
        """Every start of a one-word name that people split ("dynamo" of
        "dynamodb", for "Dynamo DB"); one letter is never such a start."""
        return frozenset(
            compact[:cut]
            for compact, entry in self.by_compact.items()
            if entry.split and len(entry.words) == 1
            for cut in range(2, len(compact) - 1)
        )

    @cached_property
    def _openers(self) -> frozenset[str]:
        """Every word a name can start with: most words of a text are not one,
        and are skipped with one set lookup."""
        return frozenset({words[0] for words in self.by_words} | self._compact_heads)

    @cached_property
    def _alone(self) -> frozenset[str]:
        """Words that may be a name on their own: a one-word name (``_longest``), or a name re-split
        written as one word, singular or plural (``_resplit``)."""
        words = {key[0] for key in self.by_words if len(key) == 1}
        words.update(self._squashed)
        words.update(key[:-1] for key in self._squashed if key.endswith("s"))
        return frozenset(words)

    @cached_property
    def _pairs(self) -> frozenset[tuple[str, ...]]:
        """The first two words of every name of two words or more."""
        return frozenset(key[:2] for key in self.by_words if len(key) > 1)

    @cached_property
    def _joinable(self) -> frozenset[str]:
        """Two words written together that may start a name: a one-word name split in two
        ("dynamo" "db"), or the start of a name re-split ("direct" "connect")."""
        return frozenset(self.by_compact) | self._squashed_prefixes

    @cached_property
    def _starters(self) -> frozenset[str]:
        """Every word ``_scan`` tries a name at: a name's opener or the start of a name re-split."""
        return self._openers | self._squashed_prefixes

    # -- NL3xx ------------------------------------------------------------------------
    def _words_of(self, text: str) -> tuple[str, ...]:
        """The casefolded tokens of ``text``, found once for the name scan and the one-word-off
        scan, which both read every prose run of a note (and the claim reader's texts)."""
        return self._words_memo(text)

    @cached_property
    def _words_memo(self) -> TextMemo[tuple[str, ...]]:
        return TextMemo(lambda text: tuple(_folded_tokens(text)))

    def mentions(self, text: str) -> list[Mention]:
        return list(self._mentions_memo(text))

    @cached_property
    def _mentions_memo(self) -> TextMemo[tuple[Mention, ...]]:
        return TextMemo(lambda text: tuple(self._scan(text)), limit=_FINDINGS_MEMO_LIMIT)

    def _scan(self, text: str) -> list[Mention]:
        words = self._words_of(text)
        starters = self._starters
        if starters.isdisjoint(words):
            # six texts in ten of a guide have no word a name can start with: one set test in C
            # on the words found by one findall, without a match object or a casefold per word
            return []
        tokens: list[re.Match[str]] | None = None  # the words' places, found when a start needs them
        found: list[Mention] = []
        # most words start no name: find the few that may in one comprehension,
        # then try a name at each of them, skipping the words of a name found
        starts = list(compress(range(len(words)), map(starters.__contains__, words)))
        alone, pairs, joinable = self._alone, self._pairs, self._joinable
        last = len(words) - 1
        after = 0  # the first token not inside a name found
        for index in starts:
            if index < after:
                continue
            word = words[index]
            if word not in alone and (
                index == last or ((word, following := words[index + 1]) not in pairs and word + following not in joinable)
            ):
                # no name is this word alone, nor goes on from it and the next ("data", "api", "cloud"
                # before "service"): half the starts of a guide, passed over without a look at the text
                continue
            if tokens is None:
                # (a match object for every word of the text: a third of a scan, and most texts
                # whose words include a name's first one have no start left to try)
                tokens = list(_TOKEN.finditer(text))
            mention, used = self._match_at(text, tokens, words, index)
            if mention is None:
                continue
            found.append(mention)
            after = index + used
        return found

    def _longest(self, text: str, tokens: list[re.Match[str]], words: tuple[str, ...], index: int) -> tuple[Entry | None, int, bool]:
        """The longest name starting at ``tokens[index]``: (entry, words, joined).
        ``words`` are the tokens casefolded.

        Grown a word at a time, and only while some name goes on from the words so far."""
        first = words[index]
        key: tuple[str, ...] = (first,)
        best: tuple[Entry | None, int, bool] = (self.by_words.get(key), 1, False)
        heads = first in self._compact_heads
        for size in range(2, min(MAX_WORDS, len(tokens) - index) + 1):
            if key not in self._continued and not (size == 2 and heads):
                break
            following = words[index + size - 1]
            separator = text[tokens[index + size - 2].end() : tokens[index + size - 1].start()]
            if separator not in (" ", "\n") and not (separator == "-" and (*key, following) in self._hyphen_keys):
                break  # words of a multi-word name are separated by one space (a line break counts)
            key = (*key, following)
            entry = self.by_words.get(key)
            if entry is not None:
                best = (entry, size, False)
            elif size == 2 and heads:
                joined = self.by_compact.get(first + following)
                if joined is not None and joined.split and len(joined.words) == 1:
                    best = (joined, 2, True)
        return best

    def _resplit(self, text: str, tokens: list[re.Match[str]], words: tuple[str, ...], index: int) -> tuple[Entry | None, int]:
        """A name written with other word breaks than AWS's, starting at ``tokens[index]``:
        "Open Search", "Elastic Bean Stalk", "DirectConnect", "CloudWatchEvent"
        (the singular of a plural name).  One token stands for a name of
        several words only when it has inner capitals (not the lowercase
        identifier "directconnect")."""
        squashed, prefixes = self._squashed, self._squashed_prefixes
        letters = ""
        best: tuple[Entry | None, int] = (None, 0)
        for size in range(1, min(MAX_WORDS + 2, len(tokens) - index) + 1):
            if size > 1 and text[tokens[index + size - 2].end() : tokens[index + size - 1].start()] != " ":
                break
            letters += words[index + size - 1]
            for key in (letters, letters + "s") if size == 1 else (letters,):
                entry = squashed.get(key)
                if entry is None or (key != letters and not entry.name.endswith("s")):
                    continue
                written = tuple(words[index : index + size])
                if written == entry.words:
                    continue  # written as AWS writes it: not a re-split name
                if size == 1 and sum(c.isupper() for c in tokens[index].group()) < 2:
                    continue
                best = (entry, size)
            if letters not in prefixes:
                break
        return best

    def _match_at(self, text: str, tokens: list[re.Match[str]], words: tuple[str, ...], index: int) -> tuple[Mention | None, int]:
        entry, size, joined = self._longest(text, tokens, words, index)
        resplit, resplit_size = self._resplit(text, tokens, words, index)
        if resplit is not None and (entry is None or resplit_size > size):
            entry, size, joined = resplit, resplit_size, True
        if entry is None:
            return None, 1
        start, end = tokens[index].start(), tokens[index + size - 1].end()
        if glued(text, start, end):
            return None, size
        vendor_start, vendor = None, ""
        if index > 0 and words[index - 1] in _VENDORS:
            previous = tokens[index - 1]
            v_start, v_end = previous.start(), previous.end()
            if text[v_end:start] == " " and not glued(text, v_start, v_end):
                vendor_start, vendor = v_start, previous.group()
        first = vendor_start if vendor_start is not None else start
        if (not vendor or vendor == "aws") and text[start:end].islower() and _CLI_OPERATION_NEXT.match(text, end):
            return None, size  # "ec2 create-snapshot": a CLI command written in prose, not the service's name
        if vendor == "aws" and text[start:end].islower():
            quoted = vendor_start is not None and vendor_start > 0 and text[vendor_start - 1] in _QUOTES and text[end : end + 1] in _QUOTES
            if quoted or _COMMAND_NEXT.match(text, end):
                return None, size  # "aws s3 ls", '"aws sagemaker"': a CLI command written in prose
        mention = Mention(
            entry=entry,
            start=start,
            end=end,
            written=text[start:end],
            vendor_start=vendor_start,
            vendor_written=vendor,
            joined=joined,
            sentence_start=_at_sentence_start(text, first),
        )
        return mention, size

    # -- near misses (NL304) ------------------------------------------------------------
    @cached_property
    def _one_word_names(self) -> dict[str, str]:
        """Casefolded one-word names of six letters or more -> canonical ("elasticache" -> ElastiCache)."""
        return {
            key[0]: entry.canonical_name
            for key, entry in self.by_words.items()
            if len(key) == 1 and len(key[0]) >= 6 and not entry.english and not entry.common
        }

    @cached_property
    def _full_name_words(self) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(name.casefold().split(" ")) for name in self.full_names)

    @cached_property
    def _multi_word_names(self) -> dict[tuple[int, tuple[str, ...]], list[tuple[str, str]]]:
        """Names of three or more words, each with one word left out: (position,
        the other words) -> [(canonical name, the word left out)]."""
        table: dict[tuple[int, tuple[str, ...]], list[tuple[str, str]]] = {}
        names = {entry.canonical_name for entry in self.by_words.values()} | set(self.full_names)
        for name in names:
            words = tuple(name.casefold().split(" "))
            if len(words) < 3 or not all(w.isalpha() for w in words):
                continue
            for position in range(1, len(words)):
                rest = words[:position] + words[position + 1 :]
                table.setdefault((position, rest), []).append((name, words[position]))
        return table

    def near_misses(self, text: str, aws: bool = True) -> list[tuple[int, int, tuple[str, ...]]]:
        """``_scan_near_misses``, kept by text (an edit leaves most of a note's texts as they were)."""
        return list((self._near_misses_memo if aws else self._shift_slips_memo)(text))

    @cached_property
    def _near_misses_memo(self) -> TextMemo[tuple[tuple[int, int, tuple[str, ...]], ...]]:
        return TextMemo(lambda text: tuple(self._scan_near_misses(text, True)), limit=_FINDINGS_MEMO_LIMIT)

    @cached_property
    def _shift_slips_memo(self) -> TextMemo[tuple[tuple[int, int, tuple[str, ...]], ...]]:
        return TextMemo(lambda text: tuple(self._scan_near_misses(text, False)), limit=_FINDINGS_MEMO_LIMIT)

    def _scan_near_misses(self, text: str, aws: bool) -> list[tuple[int, int, tuple[str, ...]]]:
        """Words that miss an AWS name by a letter or a word: (start, end, the
        name meant).  "ElasticCache" (ElastiCache), "CodePipline"; "Key
        Management System" for Key Management Service, "Kinesis Data Analysis"
        for Kinesis Data Analytics (the same initials, one word swapped, as
        people remember names by their acronym); "S#" for S3 (the shift key held
        over a digit).  Only shift slips are looked for when ``aws`` is false (the
        text is not known to be about AWS)."""
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for match in _SHIFT_TYPO.finditer(text) if _SHIFTED_AFTER_ALNUM.search(text) else ():
            meant = self.by_words.get(_words(match.group().translate(_UNSHIFTED)))
            if meant is not None and not meant.english and any(c.isdigit() for c in meant.name):
                found.append((match.start(), match.end(), (meant.canonical_name,)))
        if not aws:
            return found  # the rest needs a text about AWS
        for match in _INNER_CAPITALS_OR_TITLE_RUN.finditer(text):
            if match.lastgroup != "inner":  # a title run
                found.extend(self._word_swapped(text, match))
                continue
            written = match.group().casefold()
            if written in self.by_compact or written in self._squashed or written.rstrip("s") in self.by_compact:
                continue
            meant_name = self._one_word_near(written)
            if meant_name is not None:
                found.append((match.start(), match.end(), (meant_name,)))
        found.sort()
        return found

    def _one_word_near(self, written: str) -> str | None:
        # a word is compared with every one-word name: once per word (identifiers recur)
        return self._one_word_near_memo(written)

    @cached_property
    def _one_word_near_memo(self) -> TextMemo[str | None]:
        return TextMemo(self._one_word_near_scan)

    def _one_word_near_scan(self, written: str) -> str | None:
        limit = 1 if len(written) < 10 else 2
        close = [
            name
            for key, name in self._one_word_names.items()
            if key[0] == written[0] and abs(len(key) - len(written)) <= limit and distance(written, key, limit) <= limit
        ]
        return close[0] if len(close) == 1 else None

    def _word_swapped(self, text: str, run: re.Match[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """The longest window of ``run``'s words that is an AWS name with one word swapped."""
        spans = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"[A-Za-z]+", run.group())]
        words = [text[a:b].casefold() for a, b in spans]
        for size in range(len(words), 2, -1):
            for first in range(len(words) - size + 1):
                meant = self._swapped_names(tuple(words[first : first + size]))
                if meant:
                    return [(spans[first][0], spans[first + size - 1][1], meant)]
        return []

    def _swapped_names(self, window: tuple[str, ...]) -> tuple[str, ...]:
        """Names that ``window`` writes with one word, not the first, swapped for
        another of the same initial (the first is kept: "Select Data Wrangler" is
        an instruction, not a name)."""
        if window in self.by_words or window[0] in _VENDORS:
            return ()
        for position in range(1, len(window)):
            rest = window[:position] + window[position + 1 :]
            if position == len(window) - 1 and (rest in self.by_words or rest in self._full_name_words):
                continue  # a name and a noun: "Auto Scaling policies"
            swapped = window[position]
            meant = sorted(
                name
                for name, meant_word in self._multi_word_names.get((position, rest), ())
                if swapped[0] == meant_word[0] and swapped.rstrip("s") != meant_word.rstrip("s")
            )
            if meant:
                return tuple(meant)
        return ()

    # -- one word of a name written wrong (NL304) ------------------------------------------
    @cached_property
    def _name_words(self) -> dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str, bool]]]:
        """Curated names of two to four words, and one-word names with inner
        capitals split at them (CloudTrail: cloud, trail), each with one word
        left out: (words, position, the other words) -> [(canonical name, the
        word left out, whether the name is written as words)]."""
        table: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str, bool]]] = {}
        for words, entry in self.by_words.items():
            if not entry.curated or entry.form:
                continue
            as_words = len(words) > 1
            if not as_words and catalog_product_token(entry.name):
                words = tuple(part.casefold() for part in _CAPITALISED_PART.findall(entry.name))
            if not 2 <= len(words) <= MAX_WORDS:
                continue
            for position, word in enumerate(words):
                rest = words[:position] + words[position + 1 :]
                table.setdefault((len(words), position, rest), []).append((entry.canonical_name, word, as_words))
        return table

    @cached_property
    def _name_word_set(self) -> frozenset[str]:
        return frozenset(word for _size, _position, rest in self._name_words for word in rest)

    def names_one_word_off(self, text: str) -> list[tuple[int, int, str, bool]]:
        """``_scan_one_word_off``, kept by text (an edit leaves most of a note's texts as they were)."""
        return list(self._one_word_off_memo(text))

    @cached_property
    def _one_word_off_memo(self) -> TextMemo[tuple[tuple[int, int, str, bool], ...]]:
        return TextMemo(lambda text: tuple(self._scan_one_word_off(text)), limit=_FINDINGS_MEMO_LIMIT)

    def _scan_one_word_off(self, text: str) -> list[tuple[int, int, str, bool]]:
        """Two to four words that are an AWS name with one word written wrong:
        a letter off ("cloud train" for CloudTrail), cut short or run on
        ("Dynamo Accelerator" for DynamoDB Accelerator, "Snowball Family" for
        Snow Family), or, for a two-word name, its first word swapped for
        another of the same initial ("Delivery Firehose" for Data Firehose).
        Returns (start, end, the name meant, swapped); the caller decides from
        the context whether the words are meant as a name."""
        words = self._words_of(text)
        known = self._name_word_set
        if known.isdisjoint(words):
            # a window of two or more words needs one known: half the texts of a guide have none
            return []
        # flags and the counts and starts below are made by C loops (map, accumulate, compress):
        # a text has ten or more words for each start, and a Python loop over them all was a third
        # of this scan
        flags = list(map(known.__contains__, words))
        # known_before[i]: how many of the first i words are words of names; a window
        # needs all but one of its words known, counted in O(1) (this scan was a tenth
        # of a corpus run, most of it counting the same words again for every window)
        known_before = list(accumulate(flags, initial=0))
        # a window of 2 to 4 words needs all but one known, so one of its first
        # two words: start only there (most words of prose are no name's)
        starts = list(compress(range(len(words)), map(or_, flags, [*flags[1:], False])))
        tokens: list[re.Match[str]] | None = None  # found only for a window with an answer (a few a guide)
        found: list[tuple[int, int, str, bool]] = []
        remembered = self._window_memo.get  # a window asked before: one look-up, not a call
        after = 0  # the first token not inside a name found
        for index in starts:
            if index < after:
                continue
            best: tuple[int, str, bool] | None = None
            known_from = known_before[index]
            for size in range(2, min(MAX_WORDS, len(words) - index) + 1):
                if known_before[index + size] - known_from < size - 1:
                    continue
                window = words[index : index + size]
                answers = remembered(window) or self._window_answers(window)
                if answers is _NO_ANSWERS:
                    continue  # nearly every window: no need to look at how its words are written
                if tokens is None:
                    tokens = list(_TOKEN.finditer(text))
                # words of a name are separated by one space: a window (and every longer one
                # from here) with other characters between two words is no name; checked
                # here, for the window with an answer, as every window without one is passed over
                if any(text[tokens[at].end() : tokens[at + 1].start()] != " " for at in range(index, index + size - 1)):
                    break
                written = [token.group() for token in tokens[index : index + size]]
                if any(_inner_capital(word) for word in written):
                    continue  # "SageMaker ClarifyProcessor": a class name, not a name misspelt
                meant = answers[1] if all(word[0].isupper() for word in written) else answers[0]
                if meant is not None:
                    best = (size, *meant)
            if best is None:
                continue
            assert tokens is not None
            size, name, swapped = best
            found.append((tokens[index].start(), tokens[index + size - 1].end(), name, swapped))
            after = index + size
        return found

    def _window_answers(self, window: tuple[str, ...]) -> tuple[tuple[str, bool] | None, tuple[str, bool] | None]:
        """(``_one_word_off`` of a window written in lower case, of it capitalised), or
        ``_NO_ANSWERS`` for a name as AWS writes it, kept by the window: a fifth of the SageMaker
        guide has 18,940 windows to look at, 5,312 distinct, and 8 with an answer."""
        answers = self._window_memo.get(window)
        if answers is None:
            if len(self._window_memo) >= _WINDOW_MEMO_LIMIT:
                self._window_memo.clear()
            if window in self.by_words:
                answers = _NO_ANSWERS
            else:
                plain = self._one_word_off(window, False)
                # only a window of two words can be a name with its first word swapped (capitalised)
                answers = (plain, self._one_word_off(window, True) if len(window) == 2 else plain)
                if answers == _NO_ANSWERS:
                    answers = _NO_ANSWERS
            self._window_memo[window] = answers
        return answers

    @cached_property
    def _window_memo(self) -> dict[tuple[str, ...], tuple[tuple[str, bool] | None, tuple[str, bool] | None]]:
        return {}

    def _one_word_off(self, window: tuple[str, ...], capitalised: bool) -> tuple[str, bool] | None:
        """The one name ``window`` misses by one word, and whether by a swapped
        first word (only a name of two words written as words whose second
        word alone names the product, every word capitalised: "Delivery
        Firehose", not "Create pipeline" or "Orchestration Service")."""
        meant: dict[str, bool] = {}
        for position, written in enumerate(window):
            rest = window[:position] + window[position + 1 :]
            for name, word, as_words in self._name_words.get((len(window), position, rest), ()):
                if _word_near(written, word):
                    meant.setdefault(name, False)
                elif (len(window) == 2 and position == 0 and capitalised and as_words and len(written) >= 4
                      and written[0] == word[0] and not _inflected(written, word) and rest in self.by_words):
                    meant.setdefault(name, True)
        if len(meant) != 1:
            return None
        return next(iter(meant.items()))

    # -- context ------------------------------------------------------------------------
    def services_in(self, text: str) -> tuple[str, ...]:
        """botocore clients named in ``text`` in their usual spelling, in order.

        Labels are looked up word n-gram by n-gram (longest first), which is
        much cheaper to set up than one regular expression of ~1,000 names.
        """
        # the same claims and headings are asked about again and again in a run
        return self._services_in(text)

    @lru_cache(maxsize=4096)  # noqa: B019 (an index lives for the run)
    def _services_in(self, text: str) -> tuple[str, ...]:
        tokens = [(m.start(), m.end(), m.group(0)) for m in _CONTEXT_TOKEN.finditer(text)]
        context, continued = self.context, self._context_continued
        found: list[str] = []
        index = 0
        while index < len(tokens):
            # the longest label starting here, grown a word at a time while a longer label goes on from it
            label, size, best = tokens[index][2], 1, None
            while True:
                if label in context:
                    best = (label, size)
                if label not in continued or index + size >= len(tokens):
                    break
                before, word = tokens[index + size - 1], tokens[index + size]
                if text[before[1] : word[0]] not in (" ", "\n"):
                    break  # words of a multi-word name are separated by one space (a line break counts)
                label, size = f"{label} {word[2]}", size + 1
            if best is not None:
                label, size = best
                if size == 1 and label not in self.curated_labels and label.istitle() and _at_sentence_start(text, tokens[index][0]):
                    best = None  # "Connect the ...", "Backup ..." at a sentence start
            if best is not None:
                found.extend(context[label])
                index += size
            else:
                index += 1
        return tuple(dict.fromkeys(found))

    @cached_property
    def _context_continued(self) -> frozenset[str]:
        """Labels that a longer label goes on from ("Amazon", "Amazon Kinesis")."""
        prefixes: set[str] = set()
        for label in self.context:
            words = label.split(" ")
            prefixes.update(" ".join(words[:cut]) for cut in range(1, len(words)))
        return frozenset(prefixes)


# texts whose names, near misses and names one word off are kept: a guide repeats its lines from page
# to page (the SageMaker guide's 121,499 runs hold 48,798 texts), and a memo of the last 4,096 texts
# scanned 55,202 of them again, one of 32,768 texts 49,928 (a few MB: most results are empty)
_FINDINGS_MEMO_LIMIT = 32_768
_NO_ANSWERS: tuple[None, None] = (None, None)
_WINDOW_MEMO_LIMIT = 65_536  # windows kept (a few MB); the memo starts again when full

# the parts of a one-word name with inner capitals: "CloudTrail" -> Cloud, Trail; "DynamoDB" -> Dynamo, DB
_CAPITALISED_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")
# endings that make another form of the same word ("connect" -> "connection"), not another word
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "ion", "ions", "ly", "al")


_ASCII_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _inner_capital(word: str) -> bool:
    """A capital after a small letter ("ClarifyProcessor"): an identifier or a product token."""
    if word.isascii():  # the scanner's tokens: one regex search, not a Python loop over letter pairs
        return _ASCII_INNER_CAPITAL.search(word) is not None
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _inflected(a: str, b: str) -> bool:
    """Is one word the other with an English ending ("stream" / "streams", "connect" / "connection")?"""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in _INFLECTIONS


def _word_near(written: str, word: str) -> bool:
    """Another spelling of a name's word, not another form of it: a letter off
    ("train" for "trail", both of five letters or more), or cut short or run
    on past four letters ("Dynamo" for "DynamoDB", "Snowball" for "Snow")."""
    if written == word or _inflected(written, word):
        return False
    short, long = sorted((written, word), key=len)
    if len(short) >= 4 and long.startswith(short):
        return True
    return len(short) >= 5 and distance(written, word, 1) <= 1


def _strip_vendor(label: str) -> str:
    for vendor in ("Amazon ", "AWS "):
        if label.startswith(vendor):
            return label[len(vendor) :]
    return label


def _auto_product(name: str) -> bool:
    """A botocore product token worth checking the case of (AppSync, CodeArtifact)."""
    return (
        len(name) >= 5
        and " " not in name
        and catalog_product_token(name)
        and name[0].isupper()
        and any(c.islower() for c in name)
        and not name.startswith(("Amazon", "AWS", "Aws"))
        and not name.endswith(("APIs", "Api"))
        and not any(c.isdigit() for c in name)
    )


def catalog_product_token(name: str) -> bool:
    """Internal capitals (AppSync, WorkSpaces): a made-up product word, not English."""
    return any(a.islower() and b.isupper() for a, b in zip(name, name[1:]))


def name_index(ctx: Context) -> NameIndex:
    """The run's index of AWS names, built on first use."""
    return ctx.shared("aws.name-index", lambda: NameIndex(catalog_for(ctx)))


_CAMEL_WORD = re.compile(r"[A-Z][a-z]+")


def resource_nouns(ctx: Context, services: tuple[str, ...]) -> frozenset[str]:
    """The resources these clients create, as nouns: "job" and "crawler" for
    glue (CreateJob, CreateCrawler), "stream" for kinesis (CreateStream).  A
    service's everyday name followed by one ("a glue job") names the service."""

    def build() -> dict[str, frozenset[str]]:
        catalog = catalog_for(ctx)
        table: dict[str, frozenset[str]] = {}
        for service in catalog.services:
            nouns = set()
            for operation in catalog.operations(service):
                words = _CAMEL_WORD.findall(operation)
                if len(words) > 1 and words[0] == "Create":
                    nouns.add(words[-1].casefold())
            table[service] = frozenset(nouns)
        return table

    table = ctx.shared("aws.resource-nouns", build)
    return frozenset().union(*(table.get(service, frozenset()) for service in services))
