"""Operation-like names in prose and code spans, and what the catalog says of them.

An operation-like token is PascalCase and starts with a verb botocore
operations start with (``GetObject``, ``DescribeTrainingJob``), or is one
capitalised word equal, ignoring case, to a multi-word operation
(``Putobject``).  Each is classified once per note:

* ``known``: an operation of some service;
* ``case``: an operation written in the wrong case;
* ``unknown``: an operation in no service, and no shape, member, enum value,
  IAM action or curated non-operation (``GetAtt``, ``StartAt``) either;
* ``exception``: an ``...Exception`` name, checked against exception shapes;
* ``ignored``: everything else.

Common verbs only: a rare first word (``Re``, ``Global``, ``Phone``) makes a
CamelCase word an unknown operation too easily, so only verbs that start at
least ``MIN_VERB_OPERATIONS`` operations count for ``unknown``.
"""

from __future__ import annotations

import re
from typing import Iterator

from notelint import suggest
from notelint.aws import existence
from notelint.aws.close import close_names
from notelint.aws.catalog import Catalog, catalog_for
from notelint.aws.names import name_index
from notelint.aws.text import Run, glued, runs, title
from notelint.memo import Memo
from notelint.note import Note
from notelint.rule import Context
from notelint.values import Value

# opens with the capital and looks behind it after: a pattern that opens with a character class
# lets the regex engine skip to the next capital, where one that opens with a look-behind is
# tried at every character (the same matches, in half the time)
_TOKEN = re.compile(r"[A-Z](?<![\w!][A-Z])[A-Za-z0-9]+(?![\w])")
_WORDS = re.compile(r"[A-Z][a-z0-9]+|[A-Z]+(?![a-z])|[a-z0-9]+")
MIN_VERB_OPERATIONS = 5
NEAR_WORDS = 5
CLOSE_RATIO = 0.85  # an unknown name this close to a real one is a misspelling
_API_WORD = re.compile(r"^[`'\s]*(?:API|operation|action|API\s+calls?)\b")
NOT_VERBS = {"Batch", "Admin", "Tag", "Test", "Record", "Index", "Sample", "Global", "Channel", "Domain", "Is"}
# an operation plus one of these is an SDK or documentation name built from it
# (GetObjectRequest, GetObjectCommand, CreateModelStep, StartImportLabelsTaskRunActivity)
DERIVED_SUFFIXES = (
    "Request", "Response", "Input", "Output", "Result", "Command", "Async", "Paginator", "Waiter",
    "Activity", "Step", "Operator", "Handler", "Event",
)


# written out, not a dataclass: notelint.values says why
class OpToken(Value):
    FIELDS = (
        "run", "start", "end", "text", "kind", "canonical", "services", "claim", "sentence_services",
        "claim_services", "near_services", "api_word", "context_services",
    )
    run: Run
    start: int  # index into run.text
    end: int
    text: str
    kind: str  # known | case | unknown | exception
    canonical: tuple[str, ...]  # for case: the right spellings
    services: tuple[str, ...]  # services that have the operation (or exception)
    claim: bool | None  # what the sentence claims about its existence
    sentence_services: tuple[str, ...]
    claim_services: tuple[str, ...]
    near_services: tuple[str, ...]  # named within NEAR_WORDS words in the sentence
    api_word: bool  # "API", "operation" or "action" right after the name
    context_services: tuple[str, ...]  # sentence, claim, headings and title together

    def __init__(
        self, run: Run, start: int, end: int, text: str, kind: str, canonical: tuple[str, ...] = (), services:
        tuple[str, ...] = (), claim: bool | None = None, sentence_services: tuple[str, ...] = (),
        claim_services: tuple[str, ...] = (), near_services: tuple[str, ...] = (), api_word: bool = False,
        context_services: tuple[str, ...] = (),
    ):
        self.run = run
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.canonical = canonical
        self.services = services
        self.claim = claim
        self.sentence_services = sentence_services
        self.claim_services = claim_services
        self.near_services = near_services
        self.api_word = api_word
        self.context_services = context_services

    @property
    def span(self) -> tuple[int, int]:
        return self.run.span(self.start, self.end)


class _Verbs:
    """Common operation verbs, and (built on first use) operations by verb and by noun."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.common = frozenset(
            verb for verb, count in catalog.verbs.items() if count >= MIN_VERB_OPERATIONS and verb not in NOT_VERBS
        )
        self._by_verb: dict[str, list[str]] | None = None
        self._by_noun: dict[str, list[str]] = {}

    def pools(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        if self._by_verb is None:
            self._by_verb = {}
            for operation in self.catalog.operation_services:
                words = _WORDS.findall(operation)
                if words:
                    self._by_verb.setdefault(words[0], []).append(operation)
                    self._by_noun.setdefault(words[-1], []).append(operation)
        return self._by_verb, self._by_noun


def _verbs(ctx: Context) -> _Verbs:
    return ctx.shared("aws.operation-verbs", lambda: _Verbs(catalog_for(ctx)))


def operation_tokens(note: Note, ctx: Context) -> list[OpToken]:
    """The classified operation-like tokens of a note (computed once per note)."""
    return note.cached("aws.operation-tokens", lambda: list(_scan(note, ctx)))


def _scan(note: Note, ctx: Context) -> Iterator[OpToken]:
    names = name_index(ctx)
    title_services = names.services_in(title(note))
    heading_cache: dict[tuple[str, ...], tuple[str, ...]] = {}
    # one lookup per claim and per sentence, not one per token in it (quadratic
    # in a long list item or sentence); sentences keyed by (block, start)
    claim_cache: dict[str, tuple[str, ...]] = {}
    sentence_cache: dict[tuple[int, int], tuple[str, ...]] = {}
    candidates = _candidates_by_text(ctx)
    for run in runs(note):
        for start, end, word, kind, canonical, services in candidates((run.text, run.kind == "prose")):
            sentence_start, _ = run.sentence_bounds(start)
            sentence = run.sentence(start)
            offset = run.offset + start - (run.offset + sentence_start)
            token = OpToken(run, start, end, word, kind, canonical, services)
            token.claim = existence.claim(sentence, offset, offset + len(word)) if not run.heading else None
            key = (id(run.block_text), run.offset + sentence_start)
            if key not in sentence_cache:
                sentence_cache[key] = names.services_in(sentence)
            token.sentence_services = sentence_cache[key]
            before = " ".join(sentence[:offset].split()[-NEAR_WORDS:])
            after = " ".join(sentence[offset + len(word):].split()[:NEAR_WORDS])
            token.near_services = names.services_in(before + " . " + after)
            token.api_word = bool(_API_WORD.match(sentence[offset + len(word):]))
            if run.claim not in claim_cache:
                claim_cache[run.claim] = names.services_in(run.claim)
            token.claim_services = claim_cache[run.claim]
            if run.headings not in heading_cache:
                heading_cache[run.headings] = names.services_in("\n".join(run.headings))
            token.context_services = tuple(
                dict.fromkeys([*token.sentence_services, *token.claim_services, *heading_cache[run.headings], *title_services])
            )
            yield token


_Candidate = tuple[int, int, str, str, tuple[str, ...], tuple[str, ...]]
_CLASSES_LIMIT = 65_536  # words whose class is kept; the table starts again when full


def _candidates_by_text(ctx: Context) -> Memo[tuple[str, bool], tuple[_Candidate, ...]]:
    """The operation-like tokens of a run's text, classified: (start, end, word, kind, canonical,
    services), kept by the text and whether it is prose (an editor's re-check meets the same
    texts again; most have none)."""
    catalog = catalog_for(ctx)
    verbs = _verbs(ctx)
    # a word's class, kept by the word: a guide's capitalised words are mostly the same few
    # thousand ("The", "Amazon", "SageMaker"), classified once each rather than at every use
    # (29,140 uses, 0.08-0.18 s, in every fifth file of the SageMaker guide)
    classes: dict[str, tuple[str | None, tuple[str, ...], tuple[str, ...], bool]] = {}

    def word_class(word: str) -> tuple[str | None, tuple[str, ...], tuple[str, ...], bool]:
        """classify(word) and whether the word is a one-word operation."""
        found = classes.get(word)
        if found is None:
            if len(classes) >= _CLASSES_LIMIT:
                classes.clear()
            kind, canonical, services = classify(word, catalog, verbs)
            found = classes[word] = (kind, canonical, services, kind == "known" and len(_WORDS.findall(word)) < 2)
        return found

    def candidates(key: tuple[str, bool]) -> tuple[_Candidate, ...]:
        text, prose = key
        found = []
        for match in _TOKEN.finditer(text):
            word = match.group(0)
            # the word's class first, kept by the word (one dict look-up): nine capitalised words
            # in ten are no operation ("The", "SageMaker"), and are passed over without a look at
            # the characters around them
            known = classes.get(word)
            kind, canonical, services, one_word_operation = known if known is not None else word_class(word)
            if kind is None or (prose and one_word_operation):
                continue  # one-word operations (Sign, Select, Query) are English in prose
            if glued(text, match.start(), match.end()):
                continue
            found.append((match.start(), match.end(), word, kind, canonical, services))
        return tuple(found)

    return ctx.shared("aws.operation-candidates", lambda: Memo(candidates))


def classify(word: str, catalog: Catalog, verbs: _Verbs) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(kind, canonical spellings, services) for one token; kind None when it is no operation."""
    services = catalog.operation_services.get(word)
    if services:
        return "known", (word,), services
    if word.endswith("Exception"):
        found = catalog.exception_services.get(word)
        if found or word in catalog.identifiers:
            return None, (), ()
        return "exception", (), ()
    folded = catalog.operations_by_casefold.get(word.casefold())
    if folded:
        multiword = [op for op in folded if len(_WORDS.findall(op)) > 1]
        if multiword:
            found = tuple(dict.fromkeys(s for op in multiword for s in catalog.operation_services[op]))
            return "case", tuple(multiword), found
    words = _WORDS.findall(word)
    if len(words) < 2 or words[0] not in verbs.common or len(word) < 6:
        return None, (), ()
    if word in catalog.identifiers or word.casefold() in catalog.iam_action_prefixes:
        return None, (), ()
    for suffix in DERIVED_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] in catalog.operation_services:
            return None, (), ()
    if word.isupper() or not any(c.islower() for c in word[1:]):
        return None, (), ()
    return "unknown", (), ()


def suggestions(word: str, ctx: Context, prefer: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Closest real operations: those sharing the verb or the noun, and the preferred services' ones."""
    catalog = catalog_for(ctx)
    by_verb, by_noun = _verbs(ctx).pools()
    words = _WORDS.findall(word)
    pool: set[str] = set()
    if words:
        pool.update(by_verb.get(words[0], ()))
        pool.update(by_noun.get(words[-1], ()))
    preferred: set[str] = set()
    for service in prefer:
        preferred.update(catalog.operations(service))
    pool |= preferred
    length = len(word)
    pool = {op for op in pool if abs(len(op) - length) <= max(4, length // 2)}
    return close_names(word, pool, prefer=preferred)


def exception_suggestions(word: str, catalog: Catalog, prefer: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Real exception names the written one misspells: a few letters off
    (ThrottlingExeption) or a word left out (ProvisionedThroughputException)."""
    pool = [name for name in catalog.exception_services if name[:1] == word[:1] and abs(len(name) - len(word)) <= 12]
    preferred = {e for s in prefer for e in catalog.exceptions(s)}
    found = close_names(word, pool, cutoff=0.8, prefer=preferred)
    words = _WORDS.findall(word)
    return tuple(
        name for name in found if suggest.ratio(word, name) >= 0.93 or _subsequence(words, _WORDS.findall(name))
    )


def _subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)
