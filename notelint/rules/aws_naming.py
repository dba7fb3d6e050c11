"""NL3xx: AWS service and product names written in their canonical form.

The names come from the curated table ``notelint/data/aws/aliases.yaml``
(SageMaker, QuickSight, DynamoDB, Redshift Spectrum, Step Functions ...) and
from the product tokens of botocore's service names (AppSync, CodeArtifact).
Only prose and link text are read: code, URLs, paths and identifiers
(``sagemaker.Session``, ``s3://``) are left alone.  Words that are ordinary
English ("glue", "batch jobs", "data pipeline", "ground truth") are reported
when a vendor prefix shows a product is meant ("aws glue"), or when the note
names the service as AWS writes it elsewhere ("lambda" in a note about AWS
Lambda, but not "lambda = 0.1"); everyday words and verbs ("glue", "batch",
"connect", "translate") also need the sentence to read as AWS: a heading that
is the name, or a list or chain of AWS names ("S3, glue and Athena").
"""

from __future__ import annotations

import re
from typing import Iterator

from notelint.aws.names import Mention, name_index, resource_nouns
from notelint.aws.text import Run, runs
from notelint.diagnostic import Edit, Finding, Fix, Severity
from notelint.note import Note
from notelint.rule import Context, FixAvailability, example, rule

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def _canonical_vendor(written: str) -> str:
    return "AWS" if written.casefold() == "aws" else "Amazon"


# what a lowercase English-word name needs before it is read as the service
NOTE, LOCAL = "note", "local"


def _case_fix(mention: Mention) -> tuple[str, str | None] | None:
    """The canonical spelling of a mention written in the wrong case, and what
    the context must show for it to be reported (None: nothing; NOTE: the note
    names the service as AWS writes it elsewhere; LOCAL: that, and the sentence
    itself reads as AWS); None when the spelling is right."""
    entry = mention.entry
    written = mention.written
    if mention.joined or written in entry.also_written:
        return None
    if written.isupper() and len(written) > 3 and not entry.name.isupper():
        return None  # SHOUTED in a heading or a label
    if entry.name.isupper() and written.endswith("s") and written[:-1].isupper():
        return None  # "RDs": the plural of another acronym, not RDS
    vendor = mention.vendor_written
    vendor_ok = not vendor or vendor == _canonical_vendor(vendor)
    name = written
    needs: str | None = None
    if written != entry.name:
        head, _, tail = written.partition(" ")
        if (entry.loose or entry.form) and (tail.islower() or not tail or entry.form):
            # later words are generic when lowercase ("CloudWatch logs", "Kinesis streams");
            # a capital among them ("Kinesis data Streams") shows the whole name is meant
            canonical_head = entry.name.split(" ", 1)[0]
            name = canonical_head + (" " + tail if tail else "")
        else:
            name = entry.name
        if entry.english and not vendor and name != written:
            rest = written[len(_first_word(written)) :]
            generic = written.islower() or (_first_word(written) == _first_word(entry.name) and rest == rest.lower())
            if generic:
                # "glue", "Data pipeline design", "firehose": the service only where the context shows it
                needs = LOCAL if entry.common else NOTE
    if name == written and vendor_ok:
        return None
    return (_canonical_vendor(vendor) + " " if vendor else "") + name, needs


def _checked_part(mention: Mention, canonical: str) -> str:
    """What AWS writes, as far as the rule checked it: for a loose name whose later
    words were kept as written ("CloudWatch logs"), only the head ("CloudWatch"),
    so the message never presents a half-corrected form as AWS's own."""
    entry = mention.entry
    vendor = _canonical_vendor(mention.vendor_written) + " " if mention.vendor_written else ""
    if (entry.loose or entry.form) and " " in mention.written and canonical != vendor + entry.name:
        return vendor + entry.name.split(" ", 1)[0]
    return canonical


def _first_word(name: str) -> str:
    return re.split(r"[ -]", name, maxsplit=1)[0]


def _rewrite(span: tuple[int, int], message: str, canonical: str, replacement: str | None = None,
             safe: bool = True) -> Finding:
    """A finding whose fix (safe unless told) writes the canonical form over ``span``."""
    text = canonical if replacement is None else replacement
    return Finding(
        span[0], span[1], message, suggestions=(canonical,),
        fix=Fix((Edit(span[0], span[1], text),), f"write '{text}'", safe),
    )


def _prepare_renamed(ctx: Context) -> None:
    """The knowledge base's renamed names, loaded before files are read and timed."""
    _renamed_names(ctx)


def _renamed_names(ctx: Context) -> frozenset[str]:
    """Names (folded) that the knowledge base says AWS has renamed by the as-of date:
    a fix must not write one ("AWS SageMaker" -> "Amazon SageMaker", since renamed SageMaker AI)."""
    from notelint.claims import knowledge_for

    def build() -> frozenset[str]:
        return frozenset(
            name.casefold()
            for change in knowledge_for(ctx).changes
            if change.kind == "renamed" and change.matcher is not None and change.effective <= ctx.as_of
            for name in change.matcher.mentions
        )

    return ctx.shared("aws.renamed-names", build)


def _span(mention: Mention) -> tuple[int, int]:
    start = mention.vendor_start if mention.vendor_start is not None else mention.start
    return start, mention.end


_OPTION_BEFORE = re.compile(r"(?:^|\s)--?[A-Za-z][\w-]*[ =]$")
_QUOTES = set("\"'“”‘’`")


def _literal(note: Note, run, mention: Mention) -> bool:
    """A name in quotes ("LeX"), or a lowercase name emphasised or alone in a
    cell or a link, is a value (a nickname, a bucket name, a connection type),
    not the product's name."""
    text = run.text
    before = text[mention.start - 1] if mention.start else ""
    after = text[mention.end] if mention.end < len(text) else ""
    if before in _QUOTES and after in _QUOTES:
        return True
    if not mention.written.islower() or mention.vendor_written:
        return False
    if _OPTION_BEFORE.search(text[: mention.start]):
        return True  # a command-line option's value: "-m ec2"
    possessive = text[mention.end : mention.end + 2] in ("'s", "’s")
    if before in _QUOTES or (after in _QUOTES and not possessive):
        return True
    if text.strip() == mention.written:
        return True
    src_start, src_end = run.span(mention.start, mention.end)
    # emphasis around the name alone ("*glue*"), not a bold sentence that starts with it
    before_mark, after_mark = note.text[max(src_start - 1, 0) : src_start], note.text[src_end : src_end + 1]
    return bool(before_mark) and before_mark in "*_" and bool(after_mark) and after_mark in "*_"


def _mentions(note: Note, ctx: Context) -> list[tuple[Run, Mention]]:
    """Every AWS name in the note's prose, found once and shared by the NL3xx rules."""

    def find() -> list[tuple[Run, Mention]]:
        index = name_index(ctx)
        return [
            (run, mention)
            for run in runs(note)
            if run.kind != "code" or _prose_like(run.text)
            for mention in index.mentions(run.text)
            if not _literal(note, run, mention)
        ]

    return note.cached("aws.mentions", find)


# a code span that reads as words, not code: "`Amazon Dynamo DB`", not "`sagemaker.Session()`" or "`aws_region`"
_PROSE_SPAN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?: [A-Za-z][A-Za-z0-9]*)+")


def _prose_like(text: str) -> bool:
    return _PROSE_SPAN.fullmatch(text.strip()) is not None and any(c.isupper() for c in text)


def _as_aws_writes_it(run: Run, mention: Mention) -> bool:
    """A mention that shows the writer means the service: spelled as AWS writes
    it, and with its vendor, in a heading, or capitalised inside a sentence."""
    if mention.written != mention.entry.name or mention.joined:
        return False
    if mention.vendor_written or run.heading or not mention.sentence_start:
        return True
    return sum(c.isupper() for c in mention.written) > 1  # "Kinesis Data Firehose", "CloudWatch": not just a capital first letter


def _named_as_aws(note: Note, ctx: Context) -> frozenset[str]:
    """The services this note names as AWS writes them (canonical names)."""
    return frozenset(m.entry.canonical_name for run, m in _mentions(note, ctx) if _as_aws_writes_it(run, m))


# a value, an expression or an argument, not a name: "lambda = 0.1", "lambda x: x", "lambda(", "lambda 2",
# "the lambda parameter", "lambda regularization"
# "lambda x, y:" (a lambda expression's arguments), not "to snowball by:" (an English word before a colon)
_ARGUMENT = r"(?!(?:an|as|at|be|by|do|if|in|is|it|of|on|or|so|to|up|us|we|and|are|but|can|for|has|its|not|now|the|via|was)\b)[a-z_]\w{0,2}"
_VALUE_AFTER = re.compile(
    r"(?:\s*[=:\[<>]|\(|\s*\d)|\s+" + _ARGUMENT + r"(?:\s*,\s*" + _ARGUMENT + r")*\s*:"
    r"|\s+(?:(?:hyper)?parameters?|values?|terms?|expressions?|calculus|coefficients?|regulari[sz]ation|weights?|penalty)\b",
    re.IGNORECASE,
)
# "f(lambda" is an argument; "(lambda)" after a space is a parenthesis in prose
_VALUE_BEFORE = re.compile(r"(?:\b(?:python|anonymous|greek|parameter|hyperparameter)|=|\w\()\s*$", re.IGNORECASE)


# an everyday word used as a verb: "can connect to", "to translate the text"
# or a common noun: "every batch", "a batch of"
_MODALS = "to|can|cannot|could|will|would|shall|should|must|may|might|does|did|do|don't|doesn't|not"
_DETERMINERS = "a|an|the|every|each|per|this|that|these|those|some|any|no|one|our|your|its|their|mini"
_VERB_BEFORE = re.compile(rf"\b(?:{_MODALS}|{_DETERMINERS})[\s-]+$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:the|a|an|your|my|our|their|its|this|that|these|those|it|them|to|with|from|into|of)\b", re.IGNORECASE)


def _not_a_name(run: Run, mention: Mention) -> bool:
    """The word in its code or maths sense even in a note about the service."""
    return bool(_VALUE_AFTER.match(run.text, mention.end) or _VALUE_BEFORE.search(run.text[max(mention.start - 20, 0) : mention.start]))


# what may stand between two names of one list or chain: "S3, glue", "firehose -> S3", "SWF and step functions"
_BETWEEN = re.compile(r"\s*\)?\s*(?:,|/|\+|&|->|=>|→|\(|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*\(?\s*", re.IGNORECASE)


_MODAL_BEFORE = re.compile(rf"\b(?:{_MODALS})[\s-]+$", re.IGNORECASE)
_RESOURCE_AFTER = re.compile(r" ([a-z]+?)s?\b")
# an acronym right before the word makes it the head of a compound noun: "VPC config" (a VPC's
# configuration), "EMR batch" (a batch of EMR steps), not the service Config or Batch
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]+ $")


def _everyday_word_as_name(run: Run, mention: Mention, mentions: list[tuple[Run, Mention]], ctx: Context) -> bool:
    """An everyday word ("glue", "batch", "connect") read as the service: not
    a verb or a common noun, and in a heading or a list of AWS names, or
    followed by a resource the service creates ("a glue job", "the glue crawlers")."""
    before = run.text[max(mention.start - 12, 0) : mention.start]
    if _MODAL_BEFORE.search(before):
        return False
    following = _RESOURCE_AFTER.match(run.text, mention.end)
    if following and following.group(1) in resource_nouns(ctx, mention.entry.services):
        return True
    if _ACRONYM_BEFORE.search(before) and mention.written.islower():
        return False
    if _VERB_BEFORE.search(before) or _VERB_AFTER.match(run.text, mention.end):
        return False
    return _reads_as_aws(run, mention, mentions)


def _proper_noun(run: Run, mention: Mention) -> bool:
    """A name of several words written mid-sentence with its first word
    capitalised and no article ("managed by Data pipeline", "from API
    gateway"): the writer means the product, not the everyday phrase."""
    if mention.sentence_start or run.heading or " " not in mention.written or not mention.written[0].isupper():
        return False
    before = run.text[max(mention.start - 12, 0) : mention.start]
    if _first_word(mention.written).isupper():
        # an acronym is capitalised anyway: only a preposition right before shows a name ("an open-source API gateway")
        return bool(_PREPOSITION_BEFORE.search(before))
    return not _VERB_BEFORE.search(before)


_PREPOSITION_BEFORE = re.compile(r"\b(?:from|to|through|via|into|in|with|behind|by|using)\s+$", re.IGNORECASE)


def _reads_as_aws(run: Run, mention: Mention, mentions: list[tuple[Run, Mention]]) -> bool:
    """Does the text around an everyday word read as AWS?  A heading that is
    only the name ("## glue"), or a list or chain of names it is part of
    ("S3, glue and Athena", "firehose -> glue -> S3")."""
    if run.heading and not run.text[: _span(mention)[0]].strip(" #") and not run.text[mention.end :].strip(" :"):
        return True
    for other_run, other in mentions:
        if other_run is not run or other is mention:
            continue
        if other.end <= _span(mention)[0]:
            gap = run.text[other.end : _span(mention)[0]]
        elif other.start >= mention.end:
            gap = run.text[mention.end : _span(other)[0]]
        else:
            continue
        if gap and _BETWEEN.fullmatch(gap) and (not other.entry.english or _as_aws_writes_it(other_run, other)):
            return True
    return False


@rule(
    "NL301",
    "aws-name-case",
    Severity.WARNING,
    "An AWS service or product name is spelled right but cased wrong (Sagemaker, cloudwatch).",
    bad=example("* Quicksight reads data from Redshift spectrum and Elasticache.", title="Analytics"),
    good=example("* QuickSight reads data from Redshift Spectrum and ElastiCache.", title="Analytics"),
    fix=FixAvailability.ALWAYS,
)
def aws_name_case(note: Note, ctx: Context) -> Iterator[Finding]:
    """AWS names have one canonical spelling: SageMaker, QuickSight,
    ElastiCache, CloudWatch, Redshift Spectrum, AWS Step Functions.  A name
    spelled right in the wrong case is reported with its canonical form as a
    safe fix.  Names that are ordinary English words are left alone in
    lowercase unless a vendor prefix is written ("aws step functions"), and
    the generic tail of names like "CloudWatch logs" is not checked."""
    named: frozenset[str] | None = None
    for run, mention in _mentions(note, ctx):
        fix = _case_fix(mention)
        if fix is None:
            continue
        canonical, needs = fix
        if needs is not None:
            if named is None:
                named = _named_as_aws(note, ctx)
            if mention.entry.canonical_name not in named or _not_a_name(run, mention):
                continue
            if needs == LOCAL and not _proper_noun(run, mention) and not _everyday_word_as_name(run, mention, _mentions(note, ctx), ctx):
                continue
        start, end = _span(mention)
        written = run.text[start:end]
        said = _checked_part(mention, canonical)
        yield _rewrite(run.span(start, end), f"'{written}' is spelled right, wrong case: AWS writes '{said}'", canonical)


@rule(
    "NL302",
    "aws-name-spacing",
    Severity.WARNING,
    "An AWS name is split or joined other than AWS does (Dynamo DB, Elastic Bean Stalk, DirectConnect).",
    bad=example("* Dynamo DB and Document DB are NoSQL databases.", title="Analytics"),
    good=example("* DynamoDB and DocumentDB are NoSQL databases.", title="Analytics"),
    fix=FixAvailability.ALWAYS,
)
def aws_name_spacing(note: Note, ctx: Context) -> Iterator[Finding]:
    """DynamoDB, DocumentDB, SageMaker, QuickSight, CloudWatch and the other
    one-word names are reported when split ("Dynamo DB", "Quick Sight", "Code
    Pipeline"); names of several words when split or joined elsewhere
    ("Elastic Bean Stalk", "Simple Work Flow Service", "Elastic Map Reduce")
    or joined into one capitalised word ("DirectConnect", "ContactLens").  A
    split written all in lowercase ("quick sight") is reported only after a
    vendor prefix or when the note also uses the name as AWS writes it."""
    seen_tokens: set[str] | None = None
    named: frozenset[str] | None = None
    for run, mention in _mentions(note, ctx):
        if not mention.joined:
            continue
        if mention.written.islower() and not mention.vendor_written:
            if seen_tokens is None:
                seen_tokens = {t.casefold() for r in runs(note) for t in _TOKEN.findall(r.text)}
                named = _named_as_aws(note, ctx)
            assert named is not None
            if mention.entry.name.casefold() not in seen_tokens and mention.entry.canonical_name not in named:
                continue
        canonical = mention.entry.name
        if " " in canonical:
            message = f"'{mention.written}' is written '{canonical}' by AWS"
        else:
            message = f"'{mention.written}' is one word: AWS writes '{canonical}'"
        yield _rewrite(run.span(mention.start, mention.end), message, canonical)


@rule(
    "NL303",
    "aws-name-vendor",
    Severity.INFO,
    "A service is prefixed with the wrong vendor name (AWS S3 for Amazon S3).",
    bad=example("* AWS S3 stores the files that Amazon Glue catalogs.", title="Analytics"),
    good=example("* Amazon S3 stores the files that AWS Glue catalogs.", title="Analytics"),
    fix=FixAvailability.ALWAYS,
    prepare=lambda ctx: _prepare_renamed(ctx),
)
def aws_name_vendor(note: Note, ctx: Context) -> Iterator[Finding]:
    """AWS names some services "Amazon ..." (Amazon S3, Amazon SageMaker) and
    others "AWS ..." (AWS Glue, AWS Lambda); the curated table records which.
    Informational: the wrong prefix is common and harmless, but the canonical
    one is what the documentation and the exam use."""
    for run, mention in _mentions(note, ctx):
        entry = mention.entry
        vendor = mention.vendor_written
        if not vendor or mention.vendor_start is None or mention.joined or entry.vendor not in ("Amazon", "AWS"):
            continue
        if vendor.casefold() == entry.vendor.casefold():
            continue
        start = mention.vendor_start
        canonical = f"{entry.vendor} {entry.name}"
        message = f"'{vendor} {mention.written}': AWS writes '{canonical}'"
        safe = canonical.casefold() not in _renamed_names(ctx)
        yield _rewrite(run.span(start, start + len(vendor)), message, canonical, entry.vendor, safe)


@rule(
    "NL304",
    "aws-name-misspelt",
    Severity.WARNING,
    "A word misses an AWS name by a letter or a word (ElasticCache, Key Management System, S#).",
    bad=example("* Amazon S3 feeds ElasticCache; AWS Key Management System encrypts it.", title="Analytics"),
    good=example("* Amazon S3 feeds ElastiCache; AWS Key Management Service encrypts it.", title="Analytics"),
    fix=FixAvailability.NEVER,
)
def aws_name_misspelt(note: Note, ctx: Context) -> Iterator[Finding]:
    """A name that is not an AWS name but misses one narrowly, in a note
    that names AWS services: one word with inner capitals a letter or two
    from a product name ("ElasticCache", "CodePipline"; ordinary words are
    left to the spelling rules), three or more capitalised words that are
    an AWS name with one word swapped for another of the same initial ("Key
    Management System", "Kinesis Data Analysis", "Database Management
    Service": names remembered by their acronym), and a digit typed with
    the shift key held ("S#", "EC@").  No fix: the writer may mean another
    product, so the name is a suggestion."""
    mentions = _mentions(note, ctx)
    about_aws = bool(mentions)
    index = name_index(ctx)
    for run in runs(note, code_spans=False):
        found = index.near_misses(run.text, aws=about_aws)
        if about_aws:
            taken = [(start, end) for start, end, _meant in found]
            for start, end, name, swapped in index.names_one_word_off(run.text):
                if any(a < end and start < b for a, b in taken) or not _name_position(run, start, end, swapped, mentions):
                    continue
                found.append((start, end, (name,)))
            found.sort()
        for start, end, meant in found:
            written = run.text[start:end]
            yield Finding(
                *run.span(start, end),
                f"'{written}' is not an AWS name; did you mean {' or '.join(repr(name) for name in meant)}?",
                suggestions=meant,
            )


# the items of a list written in a sentence: "IAM, MFA, SSL/TLS, cloud train and encryption"
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;/&:]|\band\b|\bor\b)\s*", re.IGNORECASE)
_VENDOR_BEFORE = re.compile(r"(?:Amazon|AWS) $")


def _name_position(run: Run, start: int, end: int, swapped: bool, mentions: list[tuple[Run, Mention]]) -> bool:
    """Do words that miss an AWS name by one word stand where a name stands?
    The whole of a heading, a table cell or a list item (a vendor may come
    before them: "# AWS Snowball Family"), or, unless a word was swapped for
    another, one item of a list that names an AWS service elsewhere
    ("IAM, MFA, cloud train, encryption")."""
    vendor = _VENDOR_BEFORE.search(run.text, 0, start)
    first = vendor.start() if vendor else start
    if not run.text[:first].strip(" #*_") and not run.text[end:].strip(" :*_"):
        return True
    if swapped:
        return False
    items = _item_bounds(run.text)
    if (first, end) not in items and (start, end) not in items:
        return False
    for other_run, other in mentions:
        if other_run is run and (other.end <= first or other.start >= end):
            if not other.entry.english or _as_aws_writes_it(other_run, other):
                return True
    return False


def _item_bounds(text: str) -> list[tuple[int, int]]:
    """The items of ``text`` read as a list: the stretches between separators, spaces trimmed."""
    bounds, start = [], 0
    for separator in [*_LIST_SEPARATOR.finditer(text), None]:
        end = separator.start() if separator else len(text)
        item = text[start:end]
        if item.strip():
            lead = len(item) - len(item.lstrip())
            bounds.append((start + lead, start + len(item.rstrip())))
        if separator:
            start = separator.end()
    return bounds


RULES = (aws_name_case, aws_name_spacing, aws_name_vendor, aws_name_misspelt)
