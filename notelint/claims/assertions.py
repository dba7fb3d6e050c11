"""What a sentence asserts, in the few forms notelint can reason about.

Each pattern is deliberately narrow: an assertion that is not extracted costs a
missed finding, one that is extracted wrongly costs a false alarm, and notes
are read by people who uninstall linters that cry wolf.

    only      "only CPU", "Data must be tabular CSV", "CPU-only"
    supports  "can use CPU or GPU", "takes CSV or libsvm input", "supports GPU training"
    lacks     "does not support GPU", "cannot convert record formats"
    requires  "require docker image"
    limit     "timeout up to 15 mins", "Lambda timeout maximum is 5 minutes", "(MINIMUM 1 year)"
    latest    "P4 instances are the latest generation of GPU-based instances"

Attributes: ``hardware`` (cpu, gpu), ``input-format`` (csv, parquet, ...),
``convert-from`` / ``convert-to`` (record format conversion), ``capability``
(a short noun phrase), ``requirement``, and for limits ``duration``,
``memory``, ``retention``, ``payload``, ``object-size``, ``size`` or ``term``.  A preference
("CPU is preferred") is not an assertion.
"""

from __future__ import annotations

import re

from notelint.values import FrozenValue

HARDWARE = {"cpu": "cpu", "cpus": "cpu", "gpu": "gpu", "gpus": "gpu"}

# Surface forms of data formats, longest first so "recordio wrapped protobuf"
# wins over "protobuf"; values are the canonical format names.
FORMATS = {
    "recordio-wrapped protobuf": "recordio-protobuf",
    "recordio wrapped protobuf": "recordio-protobuf",
    "recordio-protobuf": "recordio-protobuf",
    "recordio protobuf": "recordio-protobuf",
    "recordio/protobuf": "recordio-protobuf",
    "recordio / protobuf": "recordio-protobuf",
    "recordio": "recordio-protobuf",
    "protobuf": "recordio-protobuf",
    "json lines": "jsonlines",
    "jsonlines": "jsonlines",
    "json": "json",
    "csv": "csv",
    "tsv": "tsv",
    "parquet": "parquet",
    "orc": "orc",
    "avro": "avro",
    "libsvm": "libsvm",
}

_FORMAT = "|".join(re.escape(form) for form in sorted(FORMATS, key=len, reverse=True))
_FORMAT_LIST = rf"(?:{_FORMAT})(?:\s*(?:,|/|\bor\b|\band\b|,\s*or|,\s*and)\s*(?:{_FORMAT}))*"
_HW = r"(?:cpu|gpu)s?"
_HW_LIST = rf"{_HW}(?:\s*(?:or|and|/|,)\s*{_HW})?"
_NOT = r"(?:does\s+not|doesn't|do\s+not|don't|cannot|can't|can\s+not|is\s+not|are\s+not|not|never)"

TIME_UNITS = {
    "ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "day": 86400, "days": 86400, "week": 604800, "weeks": 604800,
    "year": 31536000, "years": 31536000,
}
SIZE_UNITS = {
    "kb": 1 / 1024, "kib": 1 / 1024, "mb": 1, "mib": 1, "gb": 1024, "gib": 1024, "tb": 1024 * 1024, "tib": 1024 * 1024,
    "kilobyte": 1 / 1024, "kilobytes": 1 / 1024, "megabyte": 1, "megabytes": 1,
    "gigabyte": 1024, "gigabytes": 1024, "terabyte": 1024 * 1024, "terabytes": 1024 * 1024,
}
# Limits counted in things rather than measured: "up to 5 read replicas", "10 dimensions per metric".
# The noun is the unit and names the attribute; only these nouns, whose limits the knowledge base keeps.
COUNT_NOUNS = {
    "read replicas": "read-replicas", "read replica": "read-replicas",
    "dimensions": "dimensions",
    "consumers": "consumers",  # a stream's registered (enhanced fan-out) consumers
    "secondary regions": "secondary-regions", "secondary (read-only) regions": "secondary-regions",
    "secondary aws regions": "secondary-regions",
}
_UNIT = "|".join(sorted((*TIME_UNITS, *SIZE_UNITS), key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUANTITY = rf"(?P<number>{_NUMBER})\s*(?P<unit>{_UNIT})\b"
_COUNT = r"|".join(re.escape(noun).replace(r"\ ", r"\s+") for noun in sorted(COUNT_NOUNS, key=len, reverse=True))
_COUNTED = rf"(?P<count>\d{{1,3}}(?:,\d{{3}})*)\s+(?P<noun>{_COUNT})\b"
_MAX_CUE = (r"up\s*to|upto|at\s+most|a\s+maximum\s+of|maximum\s+of|maximum|max\.?|no\s+more\s+than|limited\s+to|"
            r"limit\s+of|not\s+exceed(?:ing)?|as\s+large\s+as")
_MIN_CUE = r"at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|no\s+less\s+than"
_ATTRIBUTE_WORDS = {
    "duration": ("timeout", "time out", "run", "runs", "running", "execution", "executions", "duration", "execute"),
    "memory": ("memory", "ram"),
    "retention": ("retention", "retain", "retains", "retained", "stored for", "store data for", "keeps"),
    "payload": ("payload", "message", "messages", "event size", "record size", "record", "records", "data blob"),
    "term": ("term", "commitment", "reserved", "contract"),
    # how long a delivery stream holds records before it delivers them (Firehose's buffering hints)
    "buffer-interval": ("buffer", "buffering", "buffer time", "buffer interval", "buffering interval"),
    # how large one stored object may be (S3's object size)
    "object-size": ("object size", "object's size", "objects", "object"),
}
_TIME_ATTRIBUTES = ("duration", "retention", "term", "buffer-interval")


class Assertion(FrozenValue):
    """What a sentence asserts: a relation, an attribute, values or a quantity (written out, not a
    dataclass: ``notelint.values`` says why; made for every assertion a corpus holds, so its fields
    are written into its dict, as ``claims.extract``'s are)."""

    FIELDS = ("relation", "attribute", "values", "quantity", "unit", "bound", "start", "end", "explicit")
    relation: str  # only | supports | lacks | requires | limit | latest
    attribute: str
    values: tuple[str, ...]
    quantity: float | None  # limits, in base units (seconds, MB)
    unit: str | None  # "s", "MB" or "count"
    bound: str | None  # "max" | "min"
    start: int  # offsets into the sentence
    end: int
    explicit: bool  # limits: the sentence names what is limited ("timeout"), not only a unit

    def __init__(
        self, relation: str, attribute: str, values: tuple[str, ...] = (), quantity: float | None = None,
        unit: str | None = None, bound: str | None = None, start: int = 0, end: int = 0, explicit: bool = True,
    ):
        fields = self.__dict__
        fields["relation"] = relation
        fields["attribute"] = attribute
        fields["values"] = values
        fields["quantity"] = quantity
        fields["unit"] = unit
        fields["bound"] = bound
        fields["start"] = start
        fields["end"] = end
        fields["explicit"] = explicit

    def key(self) -> tuple:
        return (self.relation, self.attribute, self.values, self.quantity, self.bound)


def _formats(text: str) -> tuple[str, ...]:
    found = []
    for match in re.finditer(_FORMAT, text, re.IGNORECASE):
        canonical = FORMATS[match.group(0).lower()]
        if canonical not in found:
            found.append(canonical)
    return tuple(found)


def _hardware(text: str) -> tuple[str, ...]:
    found = []
    for match in re.finditer(r"\b(cpu|gpu)s?\b", text, re.IGNORECASE):
        canonical = HARDWARE[match.group(1).lower()]
        if canonical not in found:
            found.append(canonical)
    return tuple(found)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_ONLY_HARDWARE = [
    _compile(rf"\bonly\s+(?:on\s+|uses?\s+|supports?\s+|runs?\s+on\s+)?(?P<hw>{_HW})\b"),
    _compile(rf"\b(?P<hw>{_HW})[\s-]only\b"),
    _compile(rf"\b(?:supports?|runs?\s+on|uses?)\s+only\s+(?P<hw>{_HW})\b"),
]
_SUPPORTS_HARDWARE = [
    # "can", not "could": "could technically run on GPU" is a hedge, not a claim
    _compile(rf"\b(?:can|may)\s+(?:use|run\s+on|train\s+on|be\s+trained\s+on|run\s+training\s+on)\s+(?:either\s+)?(?:a\s+)?(?P<hw>{_HW_LIST})\b"),
    _compile(rf"\b(?:supports?|offers?|provides?|enables?)\s+(?:\w+\s+){{0,2}}?(?P<hw>{_HW})\s+(?:training|inference|instances|acceleration)\b"),
    _compile(rf"\b(?:trains?|training|runs?|run)\s+on\s+(?:multiple\s+|single\s+|a\s+)?(?P<hw>{_HW})(?:\s+instances)?\b"),
    _compile(rf"\b(?P<hw>{_HW})\s+(?:or|and|/)\s+{_HW}\b"),
]
_LACKS_HARDWARE = [
    _compile(rf"\b{_NOT}\s+(?:support|use|run\s+on|train\s+on|be\s+trained\s+on)\s+(?P<hw>{_HW})\b"),
    _compile(rf"\bno\s+(?P<hw>{_HW})\s+support\b"),
]
_ONLY_FORMAT = [
    _compile(rf"\b(?:must\s+be|only\s+(?:accepts?|supports?|takes?|reads?)?|requires?)\s*(?:in\s+)?(?:tabular\s+)?(?P<formats>{_FORMAT_LIST})\b"),
    _compile(rf"\b(?P<formats>{_FORMAT_LIST})\s+(?:format\s+|files\s+|input\s+)?only\b"),
]
_SUPPORTS_FORMAT = [
    _compile(rf"\b(?:takes?|accepts?|supports?|reads?|ingests?|consumes?)\s+(?:\w+\s+){{0,2}}?(?P<formats>{_FORMAT_LIST})\b"),
    _compile(rf"\b(?P<formats>{_FORMAT_LIST})\s+(?:or\s+\w+\s+)?(?:input|inputs|data\s+format|input\s+format|format)\b"),
    # "DeepAR: JSON, Gzip or parquet" - a label, a colon, then a list that starts with a format
    _compile(rf"^[^:]{{1,60}}:\s+(?P<formats>{_FORMAT_LIST})\b"),
]
_CONVERT = _compile(
    rf"\bconverts?\b(?:(?:\s+\w+){{0,4}}?\s+from)?\s+(?P<source>{_FORMAT_LIST})\s+(?:data\s+|records\s+|files\s+)?to\s+(?:to\s+)?"
    rf"(?P<target>(?:{_FORMAT}|orc)(?:\s*(?:,|or|and|/)\s*(?:{_FORMAT}|orc))*)"
)
_CONVERT_TO = _compile(rf"\bconverts?\s+(?:\w+\s+){{0,2}}?to\s+(?P<target>{_FORMAT_LIST})\b")
_CANNOT_CONVERT = _compile(rf"\b{_NOT}\s+convert\s+(?:the\s+)?(?:record\s+)?(?:data\s+)?formats?\b")
_LACKS_CAPABILITY = _compile(rf"\b{_NOT}\s+support\s+(?P<what>[a-z][\w\s/-]{{2,80}}?)(?=[.;,:)]|$)")
_SUPPORTS_CAPABILITY = _compile(r"(?<!not )(?<!n't )\bsupports\s+(?P<what>[a-z][\w\s/-]{2,80}?)(?=[.;,:)]|$)")
_REQUIRES = _compile(r"\b(?:requires?|needs?|must\s+provide)\s+(?P<what>(?:an?\s+|the\s+)?[a-z][\w\s/-]{2,60}?)(?=[.;,:)]|\band\b|$)")
_LATEST = _compile(r"\b(?:is|are)\s+(?:the\s+)?(?:latest|newest|most\s+recent)(?:[\s-]+generation)?\b")
_LIMIT_CUE = _compile(rf"\b(?:(?P<max>{_MAX_CUE})|(?P<min>{_MIN_CUE}))\s*(?:is\s+|of\s+|:\s*)?{_QUANTITY}")
# "128MB - 3008MB", "128 MB to 3 GB", "1 to 7 days": a range gives the maximum (its upper end)
_LIMIT_RANGE = _compile(
    rf"(?<![\w.,])(?P<low>{_NUMBER})\s*(?P<lowunit>{_UNIT})?\s*(?:-|–|to)\s*{_QUANTITY}"
)
# "data blob (max 1MB ...)" is read by _LIMIT_CUE; "small package (1MB max)": the cue after the quantity
# a range is a limit only when a setting is named right before it ("Memory allocation: 128 MB to 3 GB")
_RANGE_OF = _compile(r"\b(?:timeout|memory|ram|retention(?:\s+period)?|payload|record\s+size|message\s+size|buffer(?:ing)?\s+(?:interval|time))\b[^\w]*(?:\w+[^\w]*){0,2}$")
_LIMIT_POSTFIX = _compile(rf"(?<![\w.,]){_QUANTITY}\s+(?:max|maximum)\b(?!\s+(?:of|size))")
# "the max size of a data blob (before base64 encoding) is 1 megabyte"
# "Max retention: 7 days" (a label, or a table's header over its cell): the colon says "is"
_LIMIT_IS = _compile(
    rf"\b(?:max(?:imum)?|largest)\s+(?P<what>[a-z]+(?:\s+[a-z]+){{0,4}}?)\s*(?:\([^)]{{0,40}}\)\s*)?"
    rf"(?:(?:is|=)\s+|:\s*){_QUANTITY}"
)
# "the lowest buffer time is 1 minute", "minimum retention is 24 hours": the smallest value a setting takes
_LIMIT_IS_MIN = _compile(
    rf"\b(?:min(?:imum)?|lowest|smallest|shortest)\s+(?P<what>(?:[a-z]+\s+){{1,3}}?)(?:is|=)\s+{_QUANTITY}"
)
_LIMIT_COUNT = _compile(rf"\b(?P<max>{_MAX_CUE})\s*(?:of\s+)?{_COUNTED}")
_LIMIT_AFTER = _compile(rf"\b(?P<what>timeout|memory|retention|run\s*time|runtime|duration|payload)\s+(?:maximum|max|limit)\s+(?:is\s+|of\s+|=\s*)?{_QUANTITY}")

# a sentence that opens with a condition ("If you use a JSON file, ..."): what follows holds within it
_CONDITION = re.compile(r"\s*(?:if|when|for)\b[^,.;]{1,80},", re.IGNORECASE)
_STOP = {"a", "an", "the", "any", "all"}
# every limit pattern ends in a quantity ("15 mins", "3,008MB") or a count ("5 read replicas"): a
# digit, perhaps spaces, then the first letter of a unit or a counted noun.  A sentence without
# one (a version, "ml.p3.2xlarge", a year) is not tried against the limit patterns at all
_QUANTITY_START = re.compile(
    r"\d\s*[" + "".join(sorted({word[0] for word in (*TIME_UNITS, *SIZE_UNITS, *COUNT_NOUNS)})) + "]", re.IGNORECASE
)
_DIGITS = tuple("0123456789")


def _holds_a_quantity(text: str) -> bool:
    """Does ``text`` hold the start of a quantity (``_QUANTITY_START``)?  An ASCII text without a digit
    does not: ten searches in C, where the pattern is tried at each of its characters."""
    if text.isascii() and not holds_a_word(text, _DIGITS):
        return False
    return _QUANTITY_START.search(text) is not None


_HEDGE = re.compile(r"\b(?:could|would|might|technically|theoretically|in\s+theory)\b", re.IGNORECASE)


def _phrase(text: str) -> str:
    words = [w for w in re.split(r"\s+", text.strip().lower()) if w and w not in _STOP]
    return " ".join(words)


def _split_phrases(text: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:,|\band\b|\bor\b|/)\s*", text)
    return tuple(p for p in (_phrase(part) for part in parts) if p)


def in_base_units(number: float, unit: str) -> tuple[float, str]:
    """``number`` of ``unit`` (any case: "min", "GB", "MiB") in seconds or megabytes,
    with "s" or "MB": the one unit table of claims and of the knowledge base."""
    unit = unit.lower()
    if unit == "count":
        return number, "count"
    if unit in TIME_UNITS:
        return number * TIME_UNITS[unit], "s"
    return number * SIZE_UNITS[unit], "MB"


def _quantity(match: re.Match[str]) -> tuple[float, str]:
    return in_base_units(float(match.group("number").replace(",", "")), match.group("unit"))


_WAITING = re.compile(r"\b(?:take|takes|taking|took|wait|waits|waiting|propagat\w*|delay(?:ed)?|lag)\s*$", re.I)


def _limit_attribute(sentence: str, cue_start: int, cue_end: int, unit: str, explicit: str | None = None) -> tuple[str, bool]:
    """What a limit is of, and whether the sentence says so in words."""
    if explicit:
        word = explicit.lower().replace(" ", "")
        return {"timeout": "duration", "runtime": "duration", "duration": "duration", "memory": "memory",
                "retention": "retention", "payload": "payload"}.get(word, "duration"), True
    # "at most 3,008 MB of memory": the words right after the quantity say it
    after = re.match(r"\s*(?:(?:of|for|in)\s+(?:\w+\s+)?)?(\w+)", sentence[cue_end:])
    if after:
        for attribute, words in _ATTRIBUTE_WORDS.items():
            if after.group(1).lower() in words and (unit == "s") == (attribute in _TIME_ATTRIBUTES):
                return attribute, True
    # "a maximum of 500MB of non-persistent disk space in /tmp": the rest of the clause names it
    if unit == "MB" and _EPHEMERAL.search(re.split(r"[.;,(]", sentence[cue_end:], maxsplit=1)[0][:60]):
        return "ephemeral-storage", True
    # "a change can take up to 15 minutes", "wait up to 60 seconds": how long something
    # takes to happen, not a limit of what the sentence names
    if unit == "s" and _WAITING.search(sentence[max(0, cue_start - 30) : cue_start]):
        return "duration", False
    # the clause before the cue says what is limited ("memory and timeout upto 15mins")
    window = re.split(r"[.;,]", sentence[max(0, cue_start - 40) : cue_start])[-1].lower()
    nearest, chosen = -1, None
    for attribute, words in _ATTRIBUTE_WORDS.items():
        for word in words:
            at = window.rfind(word)
            if at > nearest and (unit == "s" or attribute != "duration"):
                nearest, chosen = at, attribute
    if chosen in ("memory", "payload", "object-size") and unit == "s" or chosen == "buffer-interval" and unit != "s":
        chosen = None
    if chosen is None:
        return ("duration" if unit == "s" else "size"), False
    return chosen, True


# a function's scratch space (Lambda's /tmp), named after a size
_EPHEMERAL = re.compile(r"(?:/tmp\b|\bephemeral\b|\bdisk\s+space\b|\btemporary\s+storage\b)", re.IGNORECASE)

_FORMAT_WORDS = ("recordio", "protobuf", "json", "csv", "tsv", "parquet", "orc", "avro", "libsvm")


def holds_a_word(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` hold one of ``words``?  (A loop, not any() over a generator: asked of every
    sentence, and a generator's steps cost more than the searches.)"""
    for word in words:
        if word in text:
            return True
    return False


# the words one of which each group of patterns below needs (``extract`` tries a group only on a
# sentence holding one), and all of them, for a whole block
_HARDWARE_WORDS = ("cpu", "gpu")
_CONVERT_WORDS = ("convert",)
_SUPPORT_WORDS = ("support",)
_REQUIRE_WORDS = ("requir", "need", "must")
_LATEST_WORDS = ("latest", "newest", "recent")
_CUE_WORDS = (*_HARDWARE_WORDS, *_FORMAT_WORDS, *_CONVERT_WORDS, *_SUPPORT_WORDS, *_REQUIRE_WORDS, *_LATEST_WORDS)


def may_assert(text: str) -> bool:
    """Can ``text``, or any part of it, hold an assertion?  ``extract`` finds none in a text without a
    cue word or a quantity: asked once of a block, it answers for every sentence of the block."""
    return holds_a_word(text.lower(), _CUE_WORDS) or _holds_a_quantity(text)


def extract(sentence: str) -> list[Assertion]:
    """Every assertion in one sentence, with offsets into it."""
    # each group of patterns below needs a word most sentences lack: look for it once
    low = sentence.lower()
    hardware = holds_a_word(low, _HARDWARE_WORDS)
    formats = holds_a_word(low, _FORMAT_WORDS)
    convert = holds_a_word(low, _CONVERT_WORDS)
    support = holds_a_word(low, _SUPPORT_WORDS)
    requires = holds_a_word(low, _REQUIRE_WORDS)
    number = _holds_a_quantity(sentence)
    latest = holds_a_word(low, _LATEST_WORDS)
    if not (hardware or formats or convert or support or requires or number or latest):
        return []
    found: list[Assertion] = []
    covered: list[tuple[int, int]] = []

    def add(assertion: Assertion) -> None:
        if any(a.key() == assertion.key() for a in found):
            return
        found.append(assertion)
        covered.append((assertion.start, assertion.end))

    def overlaps(start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in covered)

    if hardware:
        for pattern in _ONLY_HARDWARE:
            for m in pattern.finditer(sentence):
                add(Assertion("only", "hardware", _hardware(m.group("hw")), start=m.start(), end=m.end()))
        for pattern in _LACKS_HARDWARE:
            for m in pattern.finditer(sentence):
                add(Assertion("lacks", "hardware", _hardware(m.group("hw")), start=m.start(), end=m.end()))
        for pattern in _SUPPORTS_HARDWARE:
            for m in pattern.finditer(sentence):
                if _HEDGE.search(sentence[max(0, m.start() - 30) : m.start()]):
                    continue  # "could technically run on GPU instance types"
                if not overlaps(m.start(), m.end()):
                    add(Assertion("supports", "hardware", _hardware(m.group(0)), start=m.start(), end=m.end()))
    if formats:
        condition = _CONDITION.match(sentence)
        for pattern in _ONLY_FORMAT:
            for m in pattern.finditer(sentence):
                if condition is not None and m.start() >= condition.end() and _formats(condition.group(0)):
                    continue  # "If you use a JSON file, it must be JSON Lines": only within the condition
                add(Assertion("only", "input-format", _formats(m.group("formats")), start=m.start(), end=m.end()))
    if convert and formats:
        for m in _CONVERT.finditer(sentence):
            add(Assertion("supports", "convert-from", _formats(m.group("source")), start=m.start(), end=m.end()))
            target = tuple(dict.fromkeys([*_formats(m.group("target"))]))
            add(Assertion("supports", "convert-to", target, start=m.start(), end=m.end()))
        for m in _CONVERT_TO.finditer(sentence):
            if not overlaps(m.start(), m.end()):
                add(Assertion("supports", "convert-to", _formats(m.group("target")), start=m.start(), end=m.end()))
    if convert:
        for m in _CANNOT_CONVERT.finditer(sentence):
            add(Assertion("lacks", "convert-to", ("any",), start=m.start(), end=m.end()))
    if formats:
        for pattern in _SUPPORTS_FORMAT:
            for m in pattern.finditer(sentence):
                if not overlaps(m.start(), m.end()):
                    # a list goes on to the end of its clause: "takes CSV or libsvm input, RecordIO, parquet;"
                    clause_end = len(sentence)
                    stop = re.search(r"[;.!?]", sentence[m.end() :])
                    if stop:
                        clause_end = m.end() + stop.start()
                    values = _formats(sentence[m.start("formats") : clause_end])
                    add(Assertion("supports", "input-format", values, start=m.start(), end=m.end()))
    if support:
        for m in _LACKS_CAPABILITY.finditer(sentence):
            if not overlaps(m.start(), m.end()):
                add(Assertion("lacks", "capability", _split_phrases(m.group("what")), start=m.start(), end=m.end()))
        for m in _SUPPORTS_CAPABILITY.finditer(sentence):
            if not overlaps(m.start(), m.end()):
                add(Assertion("supports", "capability", _split_phrases(m.group("what")), start=m.start(), end=m.end()))
    if requires:
        for m in _REQUIRES.finditer(sentence):
            add(Assertion("requires", "requirement", (_phrase(m.group("what")),), start=m.start(), end=m.end()))
    if number:
        for m in _LIMIT_AFTER.finditer(sentence):
            quantity, unit = _quantity(m)
            attribute, explicit = _limit_attribute(sentence, m.start(), m.end(), unit, m.group("what"))
            add(Assertion("limit", attribute, quantity=quantity, unit=unit, bound="max", start=m.start(), end=m.end(),
                          explicit=explicit))
        for pattern, bound in ((_LIMIT_IS, "max"), (_LIMIT_IS_MIN, "min")):  # "the limit is N" / "the lowest N is"
            for m in pattern.finditer(sentence):
                quantity, unit = _quantity(m)
                attribute, explicit = _limit_attribute(sentence, m.end("what"), m.end("what"), unit)
                if explicit:
                    add(Assertion("limit", attribute, quantity=quantity, unit=unit, bound=bound, start=m.start(),
                                  end=m.end()))
        for m in _LIMIT_RANGE.finditer(sentence):
            if overlaps(m.start(), m.end()):
                continue
            quantity, unit = _quantity(m)
            low_unit = m.group("lowunit") or m.group("unit")
            lower, lower_base = in_base_units(float(m.group("low").replace(",", "")), low_unit)
            if lower_base != unit or not lower < quantity:
                continue
            window = re.split(r"[.;,]", sentence[max(0, m.start() - 40) : m.start()])[-1]
            if not _RANGE_OF.search(window):
                continue  # "takes 3-5 hours", "jobs run 1-2 hours": a range of values, not a setting's range
            attribute, explicit = _limit_attribute(sentence, m.start(), m.end(), unit)
            if explicit:
                add(Assertion("limit", attribute, quantity=quantity, unit=unit, bound="max", start=m.start(),
                              end=m.end()))
                if attribute == "buffer-interval":
                    # "a buffer interval of 60 seconds (60-900 seconds)": the range's low end is the setting's minimum
                    add(Assertion("limit", attribute, quantity=lower, unit=unit, bound="min", start=m.start(),
                                  end=m.end()))
        for m in _LIMIT_POSTFIX.finditer(sentence):
            if overlaps(m.start(), m.end()):
                continue
            quantity, unit = _quantity(m)
            attribute, explicit = _limit_attribute(sentence, m.start(), m.start(), unit)
            add(Assertion("limit", attribute, quantity=quantity, unit=unit, bound="max", start=m.start(),
                          end=m.end(), explicit=explicit))
        for m in _LIMIT_COUNT.finditer(sentence):
            noun = " ".join(m.group("noun").lower().split())
            add(Assertion("limit", COUNT_NOUNS[noun], quantity=float(m.group("count").replace(",", "")),
                          unit="count", bound="max", start=m.start(), end=m.end()))
        for m in _LIMIT_CUE.finditer(sentence):
            if overlaps(m.start(), m.end()):
                continue
            quantity, unit = _quantity(m)
            attribute, explicit = _limit_attribute(sentence, m.start(), m.end(), unit)
            add(
                Assertion(
                    "limit",
                    attribute,
                    quantity=quantity,
                    unit=unit,
                    bound="max" if m.group("max") else "min",
                    start=m.start(),
                    end=m.end(),
                    explicit=explicit,
                )
            )
    if latest:
        for m in _LATEST.finditer(sentence):
            category = _hardware(sentence[m.end() : m.end() + 40]) or _hardware(sentence)
            add(Assertion("latest", "generation", category, start=m.start(), end=m.end()))
    return sorted(found, key=lambda a: (a.start, a.relation))
