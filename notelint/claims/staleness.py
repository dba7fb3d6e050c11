"""Which statements of a note are stale, and why: one pass per note, shared by the NL5xx rules.

Three sources, most specific first, each claim reported once:

1. the knowledge base (``changes.yaml``): a statement that makes an entry's
   outdated claim (keyed by the entry's kind);
2. botocore's EC2 instance-type enum: "P4 is the latest generation" while
   p5 and p6 types exist (``NOT_LATEST_GENERATION``);
3. botocore clients that were removed (``retired-clients.yaml``): a statement
   naming a service botocore no longer ships (``RETIRED_CLIENT``);
4. current limits (``facts.yaml`` entries with a ``floor``, checked against
   ``botocore-limits.yaml``): a maximum smaller than every current variant
   allows, where no dated entry of 1. explains it (kind ``limit-changed``).

Dates decide the wording and the severity: a change after the note's
``reviewed`` date makes the claim *stale*; a change before it means the claim
was already *wrong* when the note was reviewed; a change after the as-of date
is not reported yet.  Entries without a published change date describe claims
that are simply *outdated* as of the date they were checked.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache
from typing import Iterator

from notelint.claims import knowledge_for, statements_of
from notelint.claims.assertions import holds_a_word
from notelint.claims.extract import Statement, Subject, folded_forms, without_vendor
from notelint.claims.knowledge import Change, Entity, Fact, Knowledge, Matcher, RetiredClient
from notelint.claims.match import holds_in, match, may_match
from notelint.diagnostic import Edit, Finding, Fix, Severity
from notelint.memo import Memo, TextMemo
from notelint.note import Block, BlockKind, Kind, Note
from notelint.rule import Context
from notelint.schema import reviewed_date
from notelint.values import FrozenValue, Record

# kinds of finding besides the knowledge base's own kinds (Change.kind)
NOT_LATEST_GENERATION = "not-latest-generation"  # botocore's EC2 enum lists newer families
RETIRED_CLIENT = "retired-client"  # botocore no longer ships the service's client
# kinds that a sentence saying "retired", "renamed" ... has already taken into account
_ACKNOWLEDGEABLE = {"renamed", "end-of-life", "closed-to-new-customers", "maintenance-mode"}
# what a heading that names a service is reported for: the service as a whole is gone or closed
# (a rename is reported in the section's sentences; a feature needs a claim about the feature)
# a sentence that carries the notice of a retirement or a closure, for the whole note
# (not a loose "no longer needs" that any sentence may say)
_NOTICE = {
    "end-of-life": re.compile(r"\b(?:retired|retirement|end[- ]of[- ](?:life|support)|discontinu\w*|sunset)\b", re.IGNORECASE),
    "closed-to-new-customers": re.compile(r"\bnew\s+customers\b|\bclosed\s+to\s+new\b", re.IGNORECASE),
    "maintenance-mode": re.compile(r"\bmaintenance\s+mode\b|\bnew\s+customers\b", re.IGNORECASE),
}
# the notice kinds a sentence words, kept by its text (an editor's re-check reads the same sentences)
_NOTICES_IN: TextMemo[frozenset[str]] = TextMemo(
    lambda text: frozenset(kind for kind, pattern in _NOTICE.items() if pattern.search(text))
)
_IN_HEADINGS = {"end-of-life", "closed-to-new-customers", "maintenance-mode"}
_HEADLINE = {
    "renamed": "{name} was renamed{replacement} {when}",  # " Amazon Voice", or nothing without a new name
    "end-of-life": "{name} reached end of life {when}",
    "closed-to-new-customers": "{name} closed to new customers {when}",
    "maintenance-mode": "{name} went into maintenance mode {when}",
    "capability-added": "this claim about {name} went out of date {when}",
    "limit-changed": "this limit of {name} changed {when}",
    "wrong-claim": "this claim about {name} is wrong",
    "naming": "this claim about {name} uses the wrong term",
}
# when the entry is about one feature ("framework profiling"), not the whole service
_FEATURE_HEADLINE = {
    "end-of-life": "what this claim says about {name} reached end of life {when}",
    "closed-to-new-customers": "what this claim says about {name} closed to new customers {when}",
    "maintenance-mode": "what this claim says about {name} went into maintenance mode {when}",
}
_FAMILY = re.compile(r"\b([A-Za-z]{1,3})(\d{1,2})([a-z]{0,3})(?=\s+(?:instances?|instance\s+family|family|GPUs?)\b)")
_ENUM_FAMILY = re.compile(r"^([a-z]+)(\d+)([a-z0-9-]*)\.")


class Dating(FrozenValue):
    """How a claim is out of date, and how the message says when (written out, not a dataclass:
    ``notelint.values`` says why)."""

    __slots__ = FIELDS = ("status", "phrase")
    status: str  # stale | wrong | outdated
    phrase: str  # how the message says when

    def __init__(self, status: str, phrase: str):
        self._fill(status, phrase)


def dating(change_date: date, date_known: bool, reviewed: date | None, kind: str) -> Dating:
    if kind in ("wrong-claim", "naming"):
        return Dating("wrong", "")
    if not date_known:
        return Dating("outdated", f"(no change date published; checked {change_date.isoformat()})")
    if reviewed is None:
        return Dating("outdated", f"on {change_date.isoformat()}")
    if reviewed < change_date:
        return Dating("stale", f"on {change_date.isoformat()}, after this note was reviewed ({reviewed.isoformat()})")
    return Dating("wrong", f"on {change_date.isoformat()}, before this note was reviewed ({reviewed.isoformat()})")


def _specificity(change: Change) -> int:
    matcher = change.matcher
    if matcher is None:
        return 0
    return 3 if matcher.assertion or matcher.any_of else 2 if (matcher.words_all or matcher.words_any) else 1


def _severity(change: Change, status: str) -> Severity | None:
    if change.severity:
        return Severity(change.severity)
    if status == "wrong" and change.kind in ("capability-added", "limit-changed"):
        return Severity.ERROR
    return None


def _finding(change: Change, statement: Statement, subject: Subject, reviewed: date | None) -> Finding:
    when = dating(change.effective, change.date_known, reviewed, change.kind)
    name = subject.written if not subject.inherited else subject.name
    template = _HEADLINE[change.kind]
    feature = change.matcher is not None and not change.matcher.mentions_only
    if feature:
        template = _FEATURE_HEADLINE.get(change.kind, template)
    if change.event:
        # the entry words what happened itself: "was deprecated for TensorFlow 2.11 and later", not "reached end of life"
        template = ("what this claim says about {name} " if feature else "{name} ") + change.event + " {when}"
    replacement = f" {change.replacement}" if change.replacement else ""
    headline = template.format(name=f"'{name}'", replacement=replacement, when=when.phrase).rstrip()
    parts = [headline + ":", change.fact]
    if change.replacement and change.kind != "renamed":
        parts.append(f"Instead: {change.replacement}.")
    if change.confidence != "verified":
        parts.append("(Not fully confirmed by the knowledge base's sources.)")
    parts.append(f"Source: {change.source}")
    start, end = (subject.start, subject.end) if not subject.inherited else (statement.start, statement.end)
    fix = None
    if change.fix and change.replacement and not subject.inherited:
        fix = Fix((Edit(subject.start, subject.end, change.replacement),), f"write {change.replacement}")
    return Finding(
        start,
        end,
        " ".join(parts),
        suggestions=(change.replacement,) if change.replacement and change.kind == "renamed" else (),
        fix=fix,
        severity=_severity(change, when.status),
        meta={
            "kind": change.kind,
            "status": when.status,
            "effective_date": change.effective.isoformat(),
            "date_known": change.date_known,
            "current_fact": change.fact,
            "replacement": change.replacement,
            "source": change.source,
            "confidence": change.confidence,
            "knowledge_id": change.id,
        },
    )


# the next word continues a product name: "Amazon SageMaker| Python SDK", "Amazon SageMaker| Canvas",
# "Amazon SageMaker| model parallelism library" (a library's name, in lowercase)
# (also after a possessive: "Amazon SageMaker's| model parallel library", "SageMaker's| Python SDK")
_NAME_GOES_ON = re.compile(
    r"(?:[ \t]+[A-Z][A-Za-z0-9]*\b|(?:['\u2019]s)?[ \t]+(?:SDK\b|(?:[a-z][a-z-]*[ \t]+){1,3}librar(?:y|ies)\b))"
)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


def _bare(name: str) -> str:
    """A name without its vendor or a parenthetical: 'Amazon SageMaker Studio (the updated experience)' -> 'sagemaker studio'."""
    name = _PARENTHETICAL.sub("", name).strip()
    for vendor in ("Amazon ", "AWS "):
        name = name.removeprefix(vendor)
    return name.casefold()


_TITLE_WORDS = 5  # a link text this long is a title: "Deploy BLOOM-176B and OPT-30B on Amazon SageMaker with ..."


# a line of a table of contents: one link, indented with entities or no-break spaces
# ("&nbsp;&nbsp;[CloudWatch Events](#cloudwatch-events)"), perhaps ending in a hard break
_TOC_LINE = re.compile(r"(?:\s|&nbsp;|&#160;|\u00a0)*\[[^\]\n]*\]\([^)\s]*\)[ \t\\]*")


def _in_a_title(note: Note, start: int, end: int) -> bool:
    """Is the mention at ``start:end`` in the text of a link that names a page
    rather than making a claim: an entry of a table of contents (a block that is
    only a link, or only lines of one link each, to a place in the same document
    or guide), or the title of a page or article it cites (a long link text of
    which the name is a small part: "see [Train a Model with Amazon SageMaker](...)")?"""
    block = note.block_at(start)
    if block is None:
        return False
    for segment, words in block.iter_segments(Kind.LINK):
        if segment.src_start <= start < segment.src_end:
            href = segment.href or ""
            if not href.startswith(("http://", "https://")) and (
                words.strip() == block.text.strip() or _a_list_of_links(note.text[block.src_start : block.src_end])
            ):
                return True
            written = len(note.text[start:end].split())
            return len(words.split()) >= _TITLE_WORDS and written * 2 < len(words.split())
    return False


def _a_list_of_links(source: str) -> bool:
    """Is every line of a block's source one link and nothing else (an index written as a paragraph)?"""
    lines = [line for line in source.split("\n") if line.strip()]
    return len(lines) > 1 and all(_TOC_LINE.fullmatch(line) for line in lines)


# a table of dated changes under a document's history ("| Change | Description | Date |" on a
# "Document history" page) records what changed on each date; a row is history, not a current claim
_DATE_COLUMN = re.compile(r"\b(?:date|dates|dated)\b", re.IGNORECASE)
_HISTORY_HEADING = re.compile(
    r"\b(?:(?:document(?:ation)?|revision|release|version|change)\s+history|history\s+of\s+changes|"
    r"change\s*logs?|changelogs?)\b",
    re.IGNORECASE,
)
# the file itself is such a page: doc-history.md, document_history.md, CHANGELOG.md, revision-history.md
_HISTORY_FILE = re.compile(
    r"(?:doc(?:ument(?:ation)?)?|revision|release|version)[-_ ]?history|change[-_ ]?log", re.IGNORECASE
)


def _a_history_record(note: Note, offset: int) -> bool:
    """Is ``offset`` in a body row of a table that has a date column and sits under a
    document-history, revision-history or changelog heading (or in a file that is such a page)?"""
    return any(start <= offset < end for start, end in note.cached("claims.history-rows", lambda: _history_rows(note)))


def _history_rows(note: Note) -> tuple[tuple[int, int], ...]:
    """The source spans of the body rows of a note's history tables (few notes have any)."""
    stem = note.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    history_file = bool(_HISTORY_FILE.fullmatch(stem))
    spans = []
    dated: dict[tuple[Block, ...], bool] = {}  # has the header a date column? (asked once per table, not per row)
    for row in note.table_rows:
        if not row.cells:
            continue
        if row.header not in dated:
            dated[row.header] = any(_DATE_COLUMN.search(cell.text) for cell in row.header)
        if not dated[row.header]:
            continue
        if history_file or any(_HISTORY_HEADING.search(heading) for heading in row.cells[0].heading_path):
            spans.append((row.cells[0].src_start, row.cells[-1].src_end))
    return tuple(spans)


# a blog, a forum, a podcast named after a service is a publication, not the service
# ("the AWS Mobile blog has examples"); "a CloudWatch Events blog post" is still about the service
_PUBLICATION = re.compile(r"(?:['\u2019]s)?[ \t]+(?:blogs?|forums?|podcasts?|newsletters?)\b(?![ \t]+posts?\b)",
                          re.IGNORECASE)


def _names_a_publication(text: str, end: int) -> bool:
    """Does the word after a name that ends at ``end`` make it the name of a publication?"""
    return bool(_PUBLICATION.match(text, end))


# a service closed to new customers (or in maintenance) still serves its existing ones: a sentence
# that sets up access to it (an IAM role "with the required Amazon Forecast permissions", "a trust
# relationship with Amazon Forecast", a policy that "allows principals to use" it) configures what
# exists, it does not recommend taking the service up
_STILL_SERVES_EXISTING = {"closed-to-new-customers", "maintenance-mode"}
_ACCESS_SETUP = re.compile(
    r"\b(?:permissions?|trust\s+relationship|(?:service\s+)?principals?|execution\s+roles?|IAM\s+roles?|"
    r"pass(?:es)?\s+an?\s+(?:IAM\s+)?role|(?:IAM|managed|trust|key|inline)\s+polic(?:y|ies)|"
    r"polic(?:y|ies)\s+(?:that\s+)?(?:grants?|gives?|allows?|restricts?|denies))\b",
    re.IGNORECASE,
)
_ACCESS_WINDOW = 60  # characters either side of the name, on its line


def _sets_up_access(text: str, subject: Subject) -> bool:
    """Do the words around ``subject`` (on its line) speak of permissions, policies or roles for it?"""
    line_start = text.rfind("\n", 0, subject.start) + 1
    line_end = text.find("\n", subject.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, subject.start - _ACCESS_WINDOW) : subject.start]
    after = text[subject.end : min(line_end, subject.end + _ACCESS_WINDOW)]
    return bool(_ACCESS_SETUP.search(before) or _ACCESS_SETUP.search(after))


# a section heading that says its subject is gone: "## AWS ClassicLink (Deprecated)", "### Retired instance types"
_RETIRED_SECTION = re.compile(
    r"\b(?:deprecated|retired|discontinued|end[- ]of[- ](?:life|support)|sunset|no\s+longer\s+(?:available|supported))\b",
    re.IGNORECASE,
)


def _under_a_notice(statement: Statement, headings_say: dict[str, bool]) -> bool:
    """Is the sentence in a section whose own heading (the nearest one) says that what it covers
    is retired or deprecated?  The section is read as the body of that notice; a title higher up
    ("# Kinesis (formerly ...)") speaks for itself, not for every section under it."""
    if statement.heading or not statement.heading_path:
        return False
    heading = statement.heading_path[-1]
    if heading not in headings_say:
        headings_say[heading] = bool(_RETIRED_SECTION.search(heading))
    return headings_say[heading]


# a clause that says what a retired or closed thing does not do ("Job bookmarks are not supported in
# AWS Glue version 2.0", "Amazon A2I does not support SNS notifications") warns off it; it relies on
# nothing that went away.  Only a lack of support or availability counts: "DeepLens doesn't need
# coding skills" still teaches DeepLens
_LACKS = re.compile(
    r"\b(?:(?:is|are|was|were)(?:n['\u2019]t|\s+not)\s+(?:supported|available|compatible|offered|possible)|"
    r"not\s+(?:supported|available)|unsupported|no\s+support\s+for|"
    r"(?:does|do|did|will|would)(?:n['\u2019]t|\s+not)\s+(?:support|offer|provide|include|allow|work\s+with|receive)|"
    r"won['\u2019]t\s+(?:support|work\s+with|receive)|"
    r"cannot|can['\u2019]t|can\s+not)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;!?](?=\s|$)|\n|\bbut\b", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]*\)")


def _clauses(text: str) -> list[str]:
    """``text`` cut at full stops, semicolons, "but" and line ends ("Glue 2.0 lacks X; use Glue 1.0" is
    two claims), each parenthesis a clause of its own ("DynamoDB has no bulk load (use Data Pipeline)")."""
    asides = _ASIDE.findall(text)
    pieces = []
    for part in [_ASIDE.sub(" ", text), *(aside[1:-1] for aside in asides)]:
        begin = 0
        for end in _CLAUSE_BREAK.finditer(part):
            pieces.append(part[begin : end.start()])
            begin = end.end()
        pieces.append(part[begin:])
    return [piece for piece in pieces if piece.strip()]


def _lacks_where_named(text: str, written: str) -> bool:
    """Does every clause of ``text`` that names ``written`` say that something is not supported there?"""
    written = written.casefold()
    return _each_lacks([clause for clause in _clauses(text) if written in clause.casefold()])


def _each_lacks(clauses: list[str]) -> bool:
    """There are clauses, and each says that something is not supported, not available or cannot be done."""
    return bool(clauses) and all(_LACKS.search(clause) for clause in clauses)


def _only_says_it_lacks(statement: Statement, matcher: Matcher, subject: Subject) -> bool:
    """Does every clause of the statement that makes the entry's claim say that something is not
    supported, not available or cannot be done there (a caveat, not a reliance on it)?"""
    if matcher.mentions_only:
        return _lacks_where_named(statement.text, subject.written)
    return _each_lacks([c for c in _clauses(statement.text) if holds_in(matcher, statement, subject, c)])


# a statement that closes itself before the change ("until 2015, us-standard had eventual consistency")
# describes how things were then; so does the name of a product at its launch ("before Kinesis Firehose
# and Kinesis Analytics were launched"): history, not a current claim
_UNTIL_YEAR = re.compile(r"\b(?:until|till|prior\s+to|before)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_AT_LAUNCH = re.compile(r"\b(?:was|were)\s+(?:first\s+|originally\s+)?(?:launched|introduced|released|unveiled)\b",
                        re.IGNORECASE)


def _history(statement: Statement, change: Change, subject: Subject) -> bool:
    """Does the statement date itself before the change, or name ``subject`` as it was launched?"""
    if change.date_known and any(int(year.group(1)) < change.effective.year for year in _UNTIL_YEAR.finditer(statement.text)):
        return True
    if subject.inherited:
        return False
    written = subject.written.casefold()
    for clause in _clauses(statement.text):
        at = clause.casefold().find(written)
        if at >= 0 and _AT_LAUNCH.search(clause, at + len(written)):
            return True
    return False


# advice to switch a thing off ("we recommend that you turn off Debugger when you compile") is not a
# recommendation to take it up: the paragraph is a warning about it
_STEER_AWAY = re.compile(
    r"\b(?:turn(?:s|ed|ing)?\s+off|switch(?:es|ed|ing)?\s+off|disabl(?:e|es|ed|ing)|deactivat(?:e|es|ed|ing)|"
    r"avoid(?:s|ed|ing)?|stop\s+using|(?:do\s+not|don['\u2019]t|never)\s+use)\s+(?:the\s+|your\s+)?",
    re.IGNORECASE,
)
_STEER_REACH = 40  # characters after the verb where the thing switched off is named


def _short_names(subject: Subject) -> set[str]:
    """The names a paragraph may call ``subject`` by, folded: as written, canonical, without the vendor,
    and without its first word when the rest is a name of its own ("SageMaker Debugger" -> "debugger")."""
    names = {subject.written, subject.name, without_vendor(subject.written), without_vendor(subject.name)}
    for name in list(names):
        _, _, rest = name.partition(" ")
        if rest and len(rest) >= 4 and rest[0].isupper():
            names.add(rest)
    return {name.casefold() for name in names if name}


def _advises_against(note: Note, subject: Subject) -> bool:
    """Does the paragraph around ``subject`` advise turning it off, disabling or avoiding it?"""
    block = note.block_at(subject.start)
    if block is None:
        return False
    names = _short_names(subject)
    for verb in _STEER_AWAY.finditer(block.text):
        after = block.text[verb.end() : verb.end() + _STEER_REACH].casefold()
        if any(after.startswith(name) or f" {name}" in after[: len(name) + 12] for name in names):
            return True
    return False


def _index_headings(note: Note) -> tuple[int, ...]:
    """Start offsets of headings whose section is nothing but a table of contents: every block under
    them, up to the next heading, is one link (or lines of one link each) to a place in the guide
    ("### AWS Cloud9" over "[General Info](./cloud9.md#general-info)" on an index page)."""
    found: list[int] = []
    heading: Block | None = None
    body: list[Block] = []

    def close() -> None:
        if heading is not None and body and all(_a_link_entry(note, block) for block in body):
            found.append(heading.src_start)

    for block in note.blocks:
        if block.kind is BlockKind.HEADING:
            close()
            heading, body = block, []
        elif heading is not None:
            body.append(block)
    close()
    return tuple(found)


def _a_link_entry(note: Note, block: Block) -> bool:
    """Is ``block`` one link to a place in the same guide, or lines of one such link each?"""
    links = [(segment, words) for segment, words in block.iter_segments(Kind.LINK)]
    if not links or any((segment.href or "").startswith(("http://", "https://")) for segment, _ in links):
        return False
    if len(links) == 1 and links[0][1].strip() == block.text.strip():
        return True
    return _a_list_of_links(note.text[block.src_start : block.src_end])


def _heads_an_index(note: Note, offset: int) -> bool:
    """Is ``offset`` in a heading whose section is only a table of contents?"""
    block = note.block_at(offset)
    return block is not None and block.src_start in note.cached("claims.index-headings", lambda: _index_headings(note))


def _lent_by_a_header(note: Note, subject: Subject) -> bool:
    """Is ``subject`` inherited from a table's header cell?"""
    if not subject.inherited:
        return False
    block = note.block_at(subject.start)
    return block is not None and block.kind is BlockKind.CELL and block.row == 0


def _once_per_note(change: Change) -> bool:
    """Renames are reported at their first mention in a note: one finding per note and subject."""
    return change.once_per_note or change.kind == "renamed"


def _not_renamed_here(change: Change, subject: Subject, text: str) -> bool:
    """A rename does not apply to this mention: it already is the new name (a
    headline "X was renamed X" would contradict itself), or it is the head of
    a longer product name that kept its name ("Amazon SageMaker Python SDK")."""
    if change.replacement and _bare(change.replacement) == _bare(subject.written):
        return True
    return not subject.inherited and bool(_NAME_GOES_ON.match(text, subject.end))


def _acknowledges(statement: Statement, change: Change) -> bool:
    """Does the sentence itself record the change: "renamed", "retired" ... or,
    for a rename, the new name written beside the old one ("EventBridge (also
    known as CloudWatch Events)", "CloudWatch Events (now EventBridge)")?"""
    if statement.acknowledged:
        return True
    if change.kind != "renamed" or not change.replacement:
        return False
    # the new name as AWS writes it (case and all): "quick sight's" is QuickSight mis-spaced, not a gloss
    new = _new_name(change.replacement)
    if not new:
        return False
    text = statement.text
    old_names = change.matcher.mentions if change.matcher is not None else ()
    if _may_name_a_former(text) and _FORMER_NAME.search(text) and any(
            _as_a_former_name(old).search(text) for old in old_names):
        return True  # "used to be known as CloudWatch Events", "the successor of Amazon Elasticsearch Service"
    for old in _longest_first(tuple(old_names)):  # "Kinesis Data Firehose" holds "Data Firehose"
        text = _whole_name(old, re.IGNORECASE).sub(" \0 ", text)
    return _whole_name(new, 0).search(text) is not None


# words that present the name after them as a former one; they speak of that name only
# ("IAM Identity Center (successor to AWS Single Sign-On) for your Amazon SageMaker domain")
_FORMER = r"(?:used\s+to\s+be\s+(?:called|named|known\s+as)|previously\s+(?:named|known\s+as)|successor\s+(?:of|to))"
_FORMER_NAME = re.compile(_FORMER, re.IGNORECASE)
# a word each of those phrases starts with: an ASCII text without one of them in lower case holds none of
# them (the case-blind pattern is tried at every character of the ~2,800 sentences a fifth of the
# SageMaker guide asks it about; the words are looked for in a few passes in C)
_FORMER_WORDS = ("used", "previously", "successor")


def _may_name_a_former(text: str) -> bool:
    """Might ``text`` hold a _FORMER phrase?  False only where _FORMER_NAME finds none."""
    if not text.isascii():
        return True  # case folding beyond ASCII (a long s, the Kelvin sign): left to the pattern
    return holds_a_word(text.lower(), _FORMER_WORDS)


@lru_cache(maxsize=None)
def _as_a_former_name(old: str) -> re.Pattern[str]:
    return re.compile(_FORMER + r"\s+(?:the\s+)?(?:(?:Amazon|AWS)\s+)?" + re.escape(old) + r"(?![\w-])", re.IGNORECASE)


# _acknowledges runs for every statement against every rename it may gloss (hundreds
# of thousands of calls on a large guide): its patterns are compiled once, not per call
@lru_cache(maxsize=None)
def _new_name(replacement: str) -> str:
    return re.sub(r"^(?:Amazon|AWS)\s+", "", _PARENTHETICAL.sub("", replacement).strip())


@lru_cache(maxsize=None)
def _longest_first(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=None)
def _whole_name(name: str, flags: int) -> re.Pattern[str]:
    """``name`` as a whole word (not inside a longer word or hyphenated name)."""
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", flags)


def _by_name(active: list[tuple[Change, Matcher]]) -> dict[str, list[tuple[Change, Matcher]]]:
    """Entries indexed by every name that can make a statement match them."""
    index: dict[str, list[tuple[Change, Matcher]]] = {}
    for change, matcher in active:
        for name in matcher.mentions:
            index.setdefault(name.casefold(), []).append((change, matcher))
    return index


def _subject_names(statement: Statement) -> set[str]:
    """Every name (folded) under which ``Statement.mention_of`` finds one of its subjects."""
    names = set()
    for subject in statement.subjects:
        names.add(subject.name.casefold())
        names.update(folded_forms(subject.written))
    return names


def _names_by_statement(statements: list[Statement]) -> list[frozenset[str]]:
    """``_subject_names`` of each statement, worked out once per tuple of subjects: the sentences of a
    claim and of a section share the tuple they inherit (a fifth of the SageMaker guide: 19,745
    statements, 7,061 tuples, half of them empty).  The statements hold their tuples while this runs."""
    by_tuple: dict[int, frozenset[str]] = {}
    found = []
    for statement in statements:
        subjects = statement.subjects
        names = by_tuple.get(id(subjects))
        if names is None:
            names = by_tuple[id(subjects)] = frozenset(_subject_names(statement))
        found.append(names)
    return found


class _Entry(FrozenValue):
    """An entry in force, with what the per-statement tests read of it worked out once per run."""

    __slots__ = FIELDS = ("change", "matcher", "once_per_note", "acknowledgeable", "in_headings", "mentions_only")
    change: Change
    matcher: Matcher
    once_per_note: bool  # _once_per_note(change)
    acknowledgeable: bool  # change.kind in _ACKNOWLEDGEABLE
    in_headings: bool  # change.kind in _IN_HEADINGS
    mentions_only: bool  # matcher.mentions_only

    def __init__(self, change: Change, matcher: Matcher, once_per_note: bool, acknowledgeable: bool,
                 in_headings: bool, mentions_only: bool):
        self._fill(change, matcher, once_per_note, acknowledgeable, in_headings, mentions_only)


class _ActiveChanges(Record):
    """The knowledge base's entries in force at the as-of date, with what every note's pass reads from them."""

    FIELDS = ("knowledge", "retired_names", "noticed", "candidates", "exams", "retired_by_name", "floors", "launched")
    knowledge: Knowledge  # what they were read from
    retired_names: frozenset[str]  # services whose botocore client is gone, bare
    # the entries a note's notice can acknowledge for the whole note (reported once per note, or a
    # retirement or closure named alone), by each of their names, folded
    noticed: dict[str, list[_Entry]]
    # the entries a statement with these subject names (folded) may match, most specific first:
    # the same few sets of names recur statement after statement (a guide's "Amazon SageMaker")
    candidates: Memo[frozenset[str], tuple[_Entry, ...]]
    # the tables the other passes look things up in, made once per run rather than once per note
    # (the exams' table alone went through every entry for every note: 4 % of the NL5xx time)
    exams: dict[str, Change]  # retired certifications, by subject (_exam_link_findings)
    retired_by_name: dict[str, RetiredClient]  # services whose client botocore dropped, by name (_retired_findings)
    floors: dict[tuple[str, str], Fact]  # facts with a floor, by subject and attribute (_limit_findings)
    launched: dict[str, Entity]  # entities with a launch date, by name (_launch_findings)

    def __init__(
        self, knowledge: Knowledge, retired_names: frozenset[str], noticed: dict[str, list[_Entry]],
        candidates: Memo[frozenset[str], tuple[_Entry, ...]], exams: dict[str, Change],
        retired_by_name: dict[str, RetiredClient], floors: dict[tuple[str, str], Fact], launched: dict[str, Entity],
    ):
        self.knowledge = knowledge
        self.retired_names = retired_names
        self.noticed = noticed
        self.candidates = candidates
        self.exams = exams
        self.retired_by_name = retired_by_name
        self.floors = floors
        self.launched = launched


def _active_changes(knowledge: Knowledge, as_of: date) -> _ActiveChanges:
    active = [
        (change, change.matcher)
        for change in knowledge.changes
        if change.matcher is not None and not change.superseded_by and (change.effective <= as_of or not change.date_known)
    ]
    active.sort(key=lambda pair: _specificity(pair[0]), reverse=True)
    index = _by_name(active)
    rank = {change.id: position for position, (change, _) in enumerate(active)}
    entries = {
        change.id: _Entry(change, matcher, _once_per_note(change), change.kind in _ACKNOWLEDGEABLE,
                          change.kind in _IN_HEADINGS, matcher.mentions_only)
        for change, matcher in active
    }
    noticed: dict[str, list[_Entry]] = {}
    for entry in entries.values():
        if entry.once_per_note or (entry.change.kind in _NOTICE and entry.mentions_only):
            for name in entry.matcher.mentions:
                noticed.setdefault(name.casefold(), []).append(entry)

    def candidates(names: frozenset[str]) -> tuple[_Entry, ...]:
        found = {pair[0].id: pair for name in names for pair in index.get(name, ())}
        return tuple(entries[change.id] for change, _matcher in sorted(found.values(), key=lambda pair: rank[pair[0].id]))

    return _ActiveChanges(
        knowledge=knowledge,
        # services whose botocore client is gone serve no one, existing customers included
        retired_names=frozenset(_bare(" ".join(name.split())) for retired in knowledge.retired for name in retired.names),
        noticed=noticed,
        candidates=Memo(candidates),
        exams={
            change.subject: change for change in knowledge.changes
            if change.kind == "end-of-life" and change.subject.startswith(_CERTIFICATION) and change.matcher is not None
            and change.matcher.mentions_only and not change.superseded_by
            and (change.effective <= as_of or not change.date_known)
        },
        retired_by_name={" ".join(n.split()): r for r in knowledge.retired for n in r.names},
        floors={(f.subject, f.attribute): f for f in knowledge.facts if f.floor is not None},
        launched={entity.name: entity for entity in knowledge.entities if entity.launched is not None},
    )


def _knowledge_findings(statements: list[Statement], knowledge: Knowledge, reviewed: date | None,
                        as_of: date, found: dict[str, list[Finding]], spans: set[tuple[int, int]], note: Note,
                        tables: _ActiveChanges | None = None) -> None:
    # ``tables``: the run's _active_changes(knowledge, as_of), built once rather than once per note
    if tables is None:
        tables = _active_changes(knowledge, as_of)
    retired_names = tables.retired_names
    once: set[str] = set()
    # a note that says once that X was renamed, retired or closed need not say it at every
    # mention (a page that carries the notice); a claim with conditions is still read
    acknowledged: set[str] = set()
    names_of = _names_by_statement(statements)
    # the statements naming each name, in document order: an entry's notice is looked for among
    # the few statements that name it, not in every statement for every entry (a re-check per keystroke)
    naming: dict[str, list[int]] = {}
    for position, names in enumerate(names_of):
        for name in names:
            naming.setdefault(name, []).append(position)
    # only the entries some statement names can be acknowledged: they are found from the note's
    # names, not by going through every entry in force for every note
    noticed = {entry.change.id: entry for name in naming for entry in tables.noticed.get(name, ())}
    for entry in noticed.values():
        change, matcher = entry.change, entry.matcher
        # a notice must name the entry (Statement.mention_of: a subject's name, its written form or that
        # without its vendor, folded, is one of the entry's names: the keys of ``naming``), so only the
        # statements that name it are read for the notice; _acknowledges rewrites the sentence for every old name
        named = sorted({p for name in matcher.mentions for p in naming.get(name.casefold(), ())})
        for p in named:
            statement = statements[p]
            if entry.once_per_note:
                if not _acknowledges(statement, change):
                    continue
            elif change.kind not in _NOTICES_IN(statement.text):
                continue
            if statement.mention_of(matcher.mentions) is not None:
                acknowledged.add(change.id)
                break
    # a change is reported once per line (the cells of a table row, two sentences of one line),
    # and once per table header that lends a column its subject (the rows under "| Glacier
    # Vault Lock |" say one thing about it, not one thing each)
    reported: set[tuple[str, object]] = set()
    headings_say: dict[str, bool] = {}
    for statement, names in zip(statements, names_of):
        claimed: set[str] = set()  # subjects this statement was already reported for
        candidates = tables.candidates(names)
        if not candidates:
            continue
        lowered = statement.text.lower() if statement.text.isascii() else None  # for may_match
        for entry in candidates:
            change, matcher = entry.change, entry.matcher
            if change.id in acknowledged or (entry.once_per_note and change.id in once):
                continue
            if not may_match(matcher, statement, lowered):
                continue  # match() would find no claim (the tests in between read the statement only)
            if entry.acknowledgeable and _acknowledges(statement, change):
                continue
            if entry.in_headings and _under_a_notice(statement, headings_say):
                continue
            if statement.heading and (not entry.in_headings or not entry.mentions_only
                                      or _heads_an_index(note, statement.start)):
                continue
            subject = match(matcher, statement)
            if subject is None or subject.name in claimed:
                continue
            if _history(statement, change, subject):
                continue
            # a caveat about what the retired or closed thing lacks, or advice to switch it off
            if entry.in_headings and (_only_says_it_lacks(statement, matcher, subject) or (
                    not subject.inherited and _advises_against(note, subject))):
                continue
            if change.kind == "renamed" and _not_renamed_here(change, subject, note.text):
                continue
            if (change.kind in _STILL_SERVES_EXISTING and not subject.inherited and _sets_up_access(note.text, subject)
                    and _bare(subject.name) not in retired_names):
                continue
            # a mention in a page's title; or, for a subject a heading lends, a claim that is a table-of-contents
            # entry ("+ [Profiling Framework Operations](#profile-framework)" under "# Debugger")
            if _in_a_title(note, *((statement.start, statement.end) if subject.inherited else (subject.start, subject.end))):
                continue
            if _a_history_record(note, statement.start) or (
                    not subject.inherited and _names_a_publication(note.text, subject.end)):
                continue
            lender = (change.id, (subject.start, subject.end)) if _lent_by_a_header(note, subject) else None
            if (change.id, statement.line) in reported or lender in reported:
                continue
            reported.add((change.id, statement.line))
            if lender is not None:
                reported.add(lender)
            claimed.add(subject.name)
            once.add(change.id)
            finding = _finding(change, statement, subject, reviewed)
            found.setdefault(change.kind, []).append(finding)
            spans.add((finding.start, finding.end))


_CERTIFICATION = "AWS Certified "
_URL_WORD_BREAK = re.compile(r"[-_/+]+|%20")


def _exam_link_findings(statements: list[Statement], tables: _ActiveChanges, ctx: Context, reviewed: date | None,
                        found: dict[str, list[Finding]], spans: set[tuple[int, int]], note: Note) -> None:
    """A resource for a retired exam that names the exam only in its link ("DA Sample Questions
    https://.../AWS-Certified-Data-Analytics-Specialty_Sample-Questions.pdf"): the words of the
    link's address are read for the names of retired certifications (only those: an address that
    names a service is a reference to its page, not a claim)."""
    exams = tables.exams  # the retired certifications in force at the as-of date
    if not exams:
        return
    from notelint.claims import resolver_for

    # the links first (few), then the statement each sits in (by position): a long note is not
    # searched block by block for every statement
    # (the segments read directly: iter_segments would cut out the words of every segment of every block)
    links = [segment for block in note.blocks for segment in block.segments if segment.kind in _ADDRESS_KINDS]
    if not links:
        return
    resolver = resolver_for(ctx)
    # an address that holds none of the exams' written forms names none of them (most addresses):
    # it is not read for names at all (None: some AWS name of the index is an exam's, read every address)
    forms = ctx.shared("claims.exam-forms:" + "|".join(sorted(exams)), lambda: resolver.forms_naming(frozenset(exams)))
    keys = _key_words(forms) if forms is not None else None
    reported: set[str | None] | None = None  # worked out at the first link that names an exam (few notes have one)
    starts: list[int] = []
    for segment in links:
        address = segment.href if segment.kind is Kind.LINK and segment.href else note.text[segment.src_start:segment.src_end]
        if keys is not None and address.isascii():
            lowered = address.lower()
            if not any(key in lowered for key in keys):
                continue  # holds no form (below): the address is not rewritten to find out
        words = _URL_WORD_BREAK.sub(" ", address)
        if forms is not None and not _holds_any(words, forms) and not _holds_any(words.title(), forms):
            continue
        # addresses are often lower-case ("/aws-certified-data-analytics-specialty/"): read them title-cased too
        mentions = [m for m in [*resolver.mentions(words), *resolver.mentions(words.title())] if m.name in exams]
        if not mentions:
            continue
        if reported is None:
            reported = {f.meta.get("knowledge_id") for kind in found.values() for f in kind}
            # a note that says once that the exam was retired (its front matter, say) need not say it at every
            # link (a statement without subjects names no exam: its text is not searched for the notice)
            notices = [s for s in statements if s.subjects and _NOTICE["end-of-life"].search(s.text)]
            reported.update(change.id for name, change in exams.items()
                            if any(s.mention_of((name,)) is not None for s in notices))
            starts = [statement.start for statement in statements]
        at = bisect.bisect_right(starts, max(segment.src_end - 1, segment.src_start)) - 1
        holders = [statements[i] for i in (at, at - 1) if 0 <= i < len(statements)
                   and statements[i].start < segment.src_end and segment.src_start < statements[i].end]
        statement = next((s for s in holders if not s.heading), None)
        if statement is None or statement.acknowledged:
            continue
        for mention in mentions:
            change = exams[mention.name]
            if change.id in reported or any(subject.name == mention.name for subject in statement.subjects):
                continue
            subject = Subject(mention.name, mention.name, segment.src_start, segment.src_end)
            finding = _finding(change, statement, subject, reviewed)
            found.setdefault(change.kind, []).append(finding)
            spans.add((finding.start, finding.end))
            reported.add(change.id)


_ADDRESS_KINDS = (Kind.URL, Kind.LINK)


def _holds_any(text: str, forms: tuple[str, ...]) -> bool:
    return any(form in text for form in forms)


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


@lru_cache(maxsize=8)
def _key_words(forms: tuple[str, ...]) -> tuple[str, ...] | None:
    """A word of each form (its last longest run of ASCII letters and digits), in lower case; None if a
    form has none.  An ASCII address whose words (``_URL_WORD_BREAK``), as written or title-cased,
    hold a form holds that form's word, case aside, in one piece: the address is rewritten only
    when it holds one of these words (most hold none)."""
    keys = []
    for form in forms:
        runs = _ASCII_WORD.findall(form)
        if not runs:
            return None
        keys.append(max(reversed(runs), key=len).lower())  # the last longest: "Specialty", "C01"
    return tuple(dict.fromkeys(keys))


def _families(enum: frozenset[str]) -> dict[str, list[tuple[int, str]]]:
    """Instance families by letters: {"p": [(4, "p4d"), (5, "p5"), (6, "p6-b200"), ...]}."""
    found: dict[str, set[tuple[int, str]]] = {}
    for instance_type in enum:
        parsed = _ENUM_FAMILY.match(instance_type)
        if parsed:
            letters, generation, rest = parsed.groups()
            found.setdefault(letters, set()).add((int(generation), letters + generation + rest))
    return {letters: sorted(values) for letters, values in found.items()}


def _latest_findings(statements: list[Statement], ctx: Context, knowledge: Knowledge, reviewed: date | None,
                     found: dict[str, list[Finding]], spans: set[tuple[int, int]]) -> None:
    latest = [s for s in statements if s.assertions and any(b.assertion.relation == "latest" for b in s.assertions)]
    if not latest:
        return
    from notelint.aws.catalog import catalog_for

    catalog = catalog_for(ctx)
    families = ctx.shared("claims.ec2-families", lambda: _families(catalog.enum("ec2:InstanceType")))
    for statement in latest:
        for token in _FAMILY.finditer(statement.text):
            letters, generation = token.group(1).lower(), int(token.group(2))
            newer = [name for gen, name in families.get(letters, ()) if gen > generation]
            if not newer:
                continue
            start, end = statement.span(token.start(), token.end())
            if (start, end) in spans:
                continue
            claimed = token.group(0)
            entry = next((c for c in knowledge.changes if c.covered_by == "NL506" and c.family == claimed.lower()), None)
            shown = ", ".join(newer[:8]) + (f" and {len(newer) - 8} more" if len(newer) > 8 else "")
            message = (
                f"{claimed} is not the latest generation: botocore {catalog.botocore_version}'s EC2 instance "
                f"types include the newer {shown}"
            )
            meta: dict[str, str | None] = {"botocore_version": catalog.botocore_version, "status": "outdated"}
            if entry is not None:
                when = dating(entry.effective, entry.date_known, reviewed, entry.kind)
                message += f". Newer generations arrived {when.phrase}: {entry.fact} Source: {entry.source}"
                meta.update(status=when.status, effective_date=entry.effective.isoformat(), source=entry.source,
                            current_fact=entry.fact, knowledge_id=entry.id, replacement=entry.replacement)
            found.setdefault(NOT_LATEST_GENERATION, []).append(Finding(start, end, message, meta=meta))
            spans.add((start, end))


def _retired_pattern(knowledge: Knowledge, ctx: Context) -> re.Pattern[str] | None:
    """Names of services whose client botocore dropped, as notes write them.

    A distinctive name (CodeStar, OpsWorks, QLDB) counts on its own; a plain one
    ("Elastic Transcoder") only after Amazon or AWS; names of services botocore
    still has under another client (Macie) never count.
    """
    current = ctx.shared("claims.current-service-names", lambda: _current_service_names(ctx))
    names, distinctive = [], []
    for retired in knowledge.retired:
        for name in retired.names:
            name = " ".join(name.split())
            if re.sub(r"[^a-z]", "", name.lower()) in current or not any(c.isupper() for c in name):
                continue
            names.append(name)
            if re.search(r"[a-z][A-Z]|[A-Z]{4,}|\d", name):
                distinctive.append(name)
    if not names:
        return None

    def longest_first(found: list[str]) -> str:
        return "|".join(re.escape(name) for name in sorted(found, key=len, reverse=True))

    # every branch starts with a literal, so the regex engine skips ahead by
    # first letter; the start boundary is checked by _retired_hits.  No branch of
    # distinctive names when there are none: an empty branch matches the empty
    # string everywhere, and at the end of a text _retired_hits never got past it
    any_name = longest_first(names)
    branches = [f"Amazon (?:{any_name})", f"AWS (?:{any_name})"] + ([longest_first(distinctive)] if distinctive else [])
    return re.compile(rf"(?:{'|'.join(branches)})(?![\w-])")


def _current_service_names(ctx: Context) -> frozenset[str]:
    """Every service botocore ships, by its names in lower-case letters only ("codestarconnections")."""
    from notelint.aws.catalog import catalog_for

    names = set()
    for service_id, abbreviation, full_name in catalog_for(ctx).service_labels.values():
        for label in (service_id, full_name, abbreviation):
            names.add(re.sub(r"[^a-z]", "", label.lower().removeprefix("amazon ").removeprefix("aws ")))
    return frozenset(names)


_NEXT_WORD = re.compile(r"[ \t-]+([A-Za-z]+)")


def _names_a_current_service(written: str, after: str, ctx: Context) -> bool:
    """Is a retired service's name the head of a longer name of a service botocore still has
    ("AWS CodeStar connections", or one "AWS CodeStar connection"), or of an SDK ("AWS Mobile
    SDK": a client library, not the service whose client botocore dropped)?"""
    following = _NEXT_WORD.match(after)
    if following is None:
        return False
    if following.group(1) in ("SDK", "SDKs"):
        return True
    current = ctx.shared("claims.current-service-names", lambda: _current_service_names(ctx))
    name = re.sub(r"[^a-z]", "", (re.sub(r"^(?:Amazon|AWS) ", "", written) + following.group(1)).lower())
    # a service's name in the singular or plural: "connection" of "CodeStar Connections"
    return bool({name, name + "s", name.removesuffix("s")} & current)


def _retired_hits(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that do not start inside a word, leftmost first."""
    position = 0
    while (hit := pattern.search(text, position)) is not None:
        start = hit.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            position = start + 1
            continue
        yield hit
        position = max(hit.end(), start + 1)


def _retired_findings(statements: list[Statement], ctx: Context, tables: _ActiveChanges, reviewed: date | None,
                      found: dict[str, list[Finding]], spans: set[tuple[int, int]], note: Note) -> None:
    knowledge = tables.knowledge
    pattern = ctx.shared("claims.retired-pattern", lambda: _retired_pattern(knowledge, ctx))
    if pattern is None:
        return
    # kept by the sentence's text: an editor's re-check reads the same sentences again
    hits_in = ctx.shared("claims.retired-hits", lambda: TextMemo(lambda text: tuple(_retired_hits(pattern, text))))
    by_name = tables.retired_by_name
    # one finding per retired client and note: the first mention in a sentence, and the first
    # heading that names it (a heading presents the section, the sentence makes the claim)
    named: set[tuple[str, bool]] = set()
    for statement in statements:
        if statement.acknowledged:
            continue
        for hit in hits_in(statement.text):
            start, end = statement.span(hit.start(), hit.end())
            if any(a < end and start < b for a, b in spans):
                continue  # the knowledge base already says what happened to it
            if _in_a_title(note, start, end) or _names_a_publication(note.text, end):
                continue
            written = hit.group(0)
            # an index heading, or a caveat about what the retired service did not support
            if (statement.heading and _heads_an_index(note, start)) or _lacks_where_named(statement.text, written):
                continue
            if _names_a_current_service(written, statement.text[hit.end():], ctx):
                continue  # "AWS CodeStar connections": CodeStar is gone, its connections service is not
            retired = by_name.get(re.sub(r"^(?:Amazon|AWS) ", "", written))
            if retired is None or (retired.client, statement.heading) in named:
                continue
            named.add((retired.client, statement.heading))
            when = dating(retired.removed_on, True, reviewed, "end-of-life")
            message = (
                f"'{written}' has no client in botocore since {retired.removed_in} (removed {when.phrase}); "
                f"AWS drops a client when it retires the service, so check that it still exists"
            )
            found.setdefault(RETIRED_CLIENT, []).append(
                Finding(start, end, message, meta={
                    "status": when.status,
                    "effective_date": retired.removed_on.isoformat(),
                    "botocore_version": retired.removed_in,
                    "client": retired.client,
                })
            )
            spans.add((start, end))


# "the default maximum record size is 1 MiB", "default limit: 1 MB" (but not "by default, up to 7 days")
_DEFAULT_SETTING = re.compile(r"\bdefault\s*(?:(?:max\w*|limit|quota|setting|value)\b[^.;,]*)?$", re.IGNORECASE)


def _limit_findings(statements: list[Statement], tables: _ActiveChanges, reviewed: date | None,
                    found: dict[str, list[Finding]]) -> None:
    """"Lambda memory up to 3 GB": a stated maximum below the fact's floor, when no dated entry said so."""
    from notelint.claims.conflicts import describe, quantity_text

    knowledge, floors = tables.knowledge, tables.floors
    if not floors:
        return
    dated = [(f.start, f.end) for f in found.get("limit-changed", ())]
    for statement in statements:
        if not statement.assertions:
            continue  # (most statements: the test below is not made for them)
        if any(statement.start <= start < statement.end for start, _end in dated):
            continue
        for bound in statement.assertions:
            a = bound.assertion
            fact = floors.get((bound.subject or "", a.attribute))
            if (fact is None or fact.floor is None or a.relation != "limit" or a.bound != "max" or not a.explicit
                    or a.unit != fact.unit or a.quantity is None or a.quantity >= fact.floor * 0.99):
                continue
            if fact.unless is not None and fact.unless.search(statement.text):
                continue  # "RDS for Oracle: up to 5 read replicas" is about a variant with its own limit
            before = statement.text[: max(0, a.start - statement.start)]
            if _DEFAULT_SETTING.search(before):
                continue  # "the default maximum record size is 1 MiB" is true of the default
            when = dating(fact.checked, False, reviewed, "limit-changed")
            message = (
                f"this limit of '{bound.subject}' is out of date {when.phrase}: this says "
                f"{describe(a.relation, a.values, a.quantity, a.unit, a.bound)}, but the maximum is now at least "
                f"{quantity_text(fact.floor, fact.unit)}. {fact.fact} {knowledge.botocore_says(fact.botocore)}"
                f"Source: {fact.source}"
            )
            found.setdefault("limit-changed", []).append(Finding(a.start, a.end, message, meta={
                "kind": "limit-changed",
                "status": when.status,
                "effective_date": fact.checked.isoformat(),
                "date_known": False,
                "current_fact": fact.fact,
                "source": fact.source,
                "botocore_version": knowledge.limits_version if fact.botocore else None,
                "confidence": fact.confidence,
                "knowledge_id": fact.id,
            }))
            break


# "since 2022 Serverless Inference and Asynchronous Inference", "Asynchronous Inference (since 2022)":
# a year that dates what the names after it (or the name right before it) made available
_SINCE_YEAR = re.compile(r"\b(?:available\s+)?since\s+((?:19|20)\d\d)\b(?!\s*[-/]\d)")
_CLAUSE_END = re.compile(r"[;.:!?]|\s[-–—]\s")


def _launch_findings(statements: list[Statement], tables: _ActiveChanges, found: dict[str, list[Finding]],
                     spans: set[tuple[int, int]]) -> None:
    """A year that says when something became available, against the launch day the knowledge base has."""
    launched = tables.launched
    if not launched:
        return
    for statement in statements:
        if statement.heading or "since" not in statement.text:
            continue
        for year_match in _SINCE_YEAR.finditer(statement.text):
            year = int(year_match.group(1))
            # the names the year dates: those after it up to the end of the clause, or the one
            # right before a parenthesis "X (since 2021)"
            after = _CLAUSE_END.search(statement.text, year_match.end())
            clause_end = after.start() if after else len(statement.text)
            lo, _ = statement.span(year_match.end(), year_match.end())
            hi, _ = statement.span(clause_end, clause_end)
            dated = [s for s in statement.subjects if not s.inherited and lo <= s.start < hi]
            opening = statement.text.rfind("(", 0, year_match.start())
            if not dated and opening >= 0 and statement.text[opening + 1 : year_match.start()].strip() in ("", "available"):
                before, _ = statement.span(opening, opening)
                dated = [s for s in statement.subjects if not s.inherited and s.end <= before][-1:]
            for subject in dated:
                entity = launched.get(subject.name)
                if entity is None or entity.launched is None or int(entity.launched[:4]) == year:
                    continue
                start, end = statement.span(year_match.start(), year_match.end())
                when = f"on {entity.launched}" if len(entity.launched) == 10 else f"in {entity.launched} (day not published)"
                message = (
                    f"this says '{subject.written}' is available since {year}, but it became generally available "
                    f"{when}. Source: {entity.launch_source}"
                )
                found.setdefault("wrong-claim", []).append(Finding(start, end, message, meta={
                    "kind": "wrong-claim",
                    "status": "wrong",
                    "effective_date": entity.launched,
                    "date_known": len(entity.launched) == 10,
                    "current_fact": f"{entity.name} became generally available in {entity.launched}.",
                    "source": entity.launch_source,
                    "confidence": "verified",
                }))
                spans.add((start, end))
                break  # one finding per year


def stale_findings(note: Note, ctx: Context) -> dict[str, list[Finding]]:
    """Every stale-claim finding of ``note``, keyed by kind (computed once per note).

    The kinds are the knowledge base's (``renamed``, ``end-of-life`` ...) plus
    ``NOT_LATEST_GENERATION`` and ``RETIRED_CLIENT``; the NL5xx rules decide
    which kinds each reports."""
    return note.cached("claims.stale", lambda: _stale_findings(note, ctx))


def _stale_findings(note: Note, ctx: Context) -> dict[str, list[Finding]]:
    knowledge = knowledge_for(ctx)
    statements = statements_of(note, ctx)
    reviewed = reviewed_date(note)
    found: dict[str, list[Finding]] = {}
    spans: set[tuple[int, int]] = set()
    tables = ctx.shared(f"claims.active-changes:{ctx.as_of.isoformat()}", lambda: _active_changes(knowledge, ctx.as_of))
    if tables.knowledge is not knowledge:  # shared data carried over from a run given another knowledge base
        tables = _active_changes(knowledge, ctx.as_of)
    _knowledge_findings(statements, knowledge, reviewed, ctx.as_of, found, spans, note, tables)
    # the rows of a history table record past changes: they make no claim (the knowledge-base
    # pass above skips them itself, as their words may still be a note's notice of a change)
    history = note.cached("claims.history-rows", lambda: _history_rows(note))
    claims = [statement for statement in statements if not _a_history_record(note, statement.start)] if history else statements
    _exam_link_findings(claims, tables, ctx, reviewed, found, spans, note)
    _latest_findings(claims, ctx, knowledge, reviewed, found, spans)
    _retired_findings(claims, ctx, tables, reviewed, found, spans, note)
    _limit_findings(claims, tables, reviewed, found)
    _launch_findings(claims, tables, found, spans)
    return found
