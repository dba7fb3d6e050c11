"""NL1xx: the structure of a note (front matter, headings, lists, claims).

The notes schema: YAML front matter with `title` (string, required),
`reviewed` (ISO date the claims were last checked, required), `tags` (list
of strings), `sources` (list of http(s) URLs), `exam` (string), `words`
(list of strings the spell checker accepts in this note) and `notelint`
(`{ignore: [codes]}`, rules switched off for the whole note).
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Any, Iterator, Sequence
from urllib.parse import urlsplit

from notelint.codes import is_code_prefix
from notelint.diagnostic import Edit, Finding, Fix, Related, Severity
from notelint.note import Kind, Note
from notelint.rule import Context, Digest, rule
from notelint.suppressions import directives

REQUIRED_FIELDS = {
    "title": "the note's title",
    "reviewed": "the ISO date (YYYY-MM-DD) its claims were last checked",
}
OPTIONAL_FIELDS = {
    "tags": "a list of strings",
    "sources": "a list of http(s) URLs",
    "exam": "a string",
    "words": "a list of words the spell checker accepts in this note",
    "notelint": "settings for this note, e.g. {ignore: [NL2]}",
}
KNOWN_FIELDS = {**REQUIRED_FIELDS, **OPTIONAL_FIELDS}

_GOOD_FRONT_MATTER = """
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    tags: [storage]
    ---
"""


@rule(
    "NL101",
    "missing-front-matter",
    Severity.ERROR,
    "The note has no YAML front matter.",
    bad="""
    # Amazon S3

    * GetObject reads an object.
    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    # Amazon S3

    * GetObject reads an object.
    """,
)
def missing_front_matter(note: Note, ctx: Context) -> Iterator[Finding]:
    """Every note starts with a `---` fenced YAML block holding at least
    `title` and `reviewed`, so that a reader (and the stale-claim rules)
    know when its claims were last checked."""
    if note.front_matter is None and not note.unclosed_front_matter:
        end = 1 if note.text and note.text[0] != "\n" else 0
        yield Finding(0, end, "note has no YAML front matter (a '---' block with title and reviewed)")


@rule(
    "NL102",
    "invalid-front-matter",
    Severity.ERROR,
    "The front matter is not valid YAML, not a mapping, or never closed.",
    bad="""
    ---
    title: [Amazon S3
    reviewed: 2025-06-01
    ---
    """,
    good=_GOOD_FRONT_MATTER,
)
def invalid_front_matter(note: Note, ctx: Context) -> Iterator[Finding]:
    """The YAML between the `---` lines must parse (safely: tags that build
    Python objects are refused) to a mapping of fields.  The finding points at
    the line and column where the YAML parser gave up."""
    if note.unclosed_front_matter:
        yield Finding(0, 3, "front matter opened on line 1 is never closed with a '---' line")
        return
    fm = note.front_matter
    if fm is None or fm.error is None:
        return
    start = fm.error_offset if fm.error_offset is not None else fm.start
    end = note.text.find("\n", start)
    end = len(note.text) if end < 0 else end
    yield Finding(start, max(end, start), fm.error)


@rule(
    "NL103",
    "missing-required-field",
    Severity.ERROR,
    "A required front matter field (title, reviewed) is missing.",
    bad="""
    ---
    title: Amazon S3
    ---
    """,
    good=_GOOD_FRONT_MATTER,
)
def missing_required_field(note: Note, ctx: Context) -> Iterator[Finding]:
    """`title` names the note; `reviewed` is the date its claims were last
    checked against AWS, which the stale-claim rules compare with the dates of
    known changes."""
    fm = note.front_matter
    if fm is None or fm.data is None:
        return
    for key, meaning in REQUIRED_FIELDS.items():
        if key not in fm.data:
            yield Finding(0, 3, f"front matter has no '{key}' field ({meaning})")


def _is_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def _problem(key: str, value: Any) -> str | None:
    """Why `value` is not valid for `key`, or None."""
    if key == "title":
        if not isinstance(value, str) or not value.strip():
            return "'title' must be a non-empty string"
    elif key == "reviewed":
        if isinstance(value, datetime) or not isinstance(value, (date, str)):
            return "'reviewed' must be a date written YYYY-MM-DD"
        if isinstance(value, str):
            try:
                date.fromisoformat(value)
            except ValueError:
                return f"'reviewed' must be a date written YYYY-MM-DD, not {value!r}"
    elif key in ("tags", "words"):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return f"'{key}' must be a list of strings"
    elif key == "sources":
        if not isinstance(value, list):
            return "'sources' must be a list of http(s) URLs"
        for entry in value:
            if not _is_url(entry):
                return f"'sources' entry {entry!r} is not an http(s) URL"
    elif key == "exam":
        if not isinstance(value, str):
            return "'exam' must be a string"
    elif key == "notelint":
        return _settings_problem(value)
    return None


def _settings_problem(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "'notelint' must be a mapping such as {ignore: [NL2]}"
    unknown = sorted(set(value) - {"ignore"})
    if unknown:
        return f"'notelint' has unknown setting {unknown[0]!r}; the only setting is 'ignore'"
    codes = value.get("ignore", [])
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        return "'notelint.ignore' must be a list of rule codes or prefixes"
    for code in codes:
        if not is_code_prefix(code):
            return f"'notelint.ignore' entry {code!r} is not a rule code or prefix"
    return None


def reviewed_date(note: Note) -> date | None:
    """The note's `reviewed` date, if it is a valid one."""
    value = note.data("reviewed")
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


@rule(
    "NL104",
    "invalid-field-value",
    Severity.ERROR,
    "A front matter field has a value of the wrong type or form.",
    bad="""
    ---
    title: Amazon S3
    reviewed: last week
    sources: [docs.aws.amazon.com/s3]
    ---
    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    sources: [https://docs.aws.amazon.com/s3/]
    ---
    """,
)
def invalid_field_value(note: Note, ctx: Context) -> Iterator[Finding]:
    """`title` and `exam` are strings, `reviewed` a date, `tags` and
    `words` lists of strings, `sources` a list of http(s) URLs, and
    `notelint` a mapping `{ignore: [codes]}`."""
    fm = note.front_matter
    if fm is None or fm.data is None:
        return
    for key, entry in fm.fields.items():
        if key in KNOWN_FIELDS:
            problem = _problem(key, entry.value)
            if problem:
                yield Finding(entry.value_start, max(entry.value_end, entry.value_start), problem)


@rule(
    "NL105",
    "unknown-field",
    Severity.WARNING,
    "The front matter has a field the notes schema does not define.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    tag: [storage]
    ---
    """,
    good=_GOOD_FRONT_MATTER,
)
def unknown_field(note: Note, ctx: Context) -> Iterator[Finding]:
    """A field outside the schema is usually a typo (`tag` for `tags`) and
    is otherwise ignored by every rule, so it is reported with the closest
    known field."""
    fm = note.front_matter
    if fm is None or fm.data is None:
        return
    for key, entry in fm.fields.items():
        if key in KNOWN_FIELDS:
            continue
        close = tuple(difflib.get_close_matches(key, KNOWN_FIELDS, n=1, cutoff=0.6))
        hint = f"; did you mean '{close[0]}'?" if close else ""
        known = ", ".join(KNOWN_FIELDS)
        yield Finding(
            entry.key_start,
            entry.key_end,
            f"unknown front matter field '{key}'{hint} (known fields: {known})",
            suggestions=close,
        )


@rule(
    "NL106",
    "reviewed-in-future",
    Severity.ERROR,
    "The reviewed date is after today (or the --as-of date).",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2999-01-01
    ---
    """,
    good=_GOOD_FRONT_MATTER,
)
def reviewed_in_future(note: Note, ctx: Context) -> Iterator[Finding]:
    """A review date in the future would make every later change look older
    than the review, hiding stale claims."""
    reviewed = reviewed_date(note)
    fm = note.front_matter
    if reviewed is None or fm is None or reviewed <= ctx.as_of:
        return
    entry = fm.fields["reviewed"]
    yield Finding(
        entry.value_start,
        entry.value_end,
        f"reviewed date {reviewed.isoformat()} is after the as-of date {ctx.as_of.isoformat()}",
    )


@rule(
    "NL107",
    "duplicate-field",
    Severity.ERROR,
    "A front matter field is given twice; YAML silently keeps the last.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    title: S3
    ---
    """,
    good=_GOOD_FRONT_MATTER,
)
def duplicate_field(note: Note, ctx: Context) -> Iterator[Finding]:
    """YAML parsers keep the last of two equal keys without a word; one of the
    two values was meant and the other is lost."""
    fm = note.front_matter
    if fm is None:
        return
    for entry in fm.duplicates:
        first_line, _ = note.position(fm.fields[entry.key].key_start)
        yield Finding(
            entry.key_start,
            entry.key_end,
            f"field '{entry.key}' is already given on line {first_line}; YAML keeps only the last value",
        )


@rule(
    "NL108",
    "invalid-suppression",
    Severity.WARNING,
    "A notelint suppression comment is misspelled or names no rule code.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    <!-- notelint-disable-next-lines NL201 -->
    * Putobject writes an object.
    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    <!-- notelint-disable-next-line NL4 -->
    * Putobject writes an object.
    """,
)
def invalid_suppression(note: Note, ctx: Context) -> Iterator[Finding]:
    """A directive notelint cannot read suppresses nothing, silently; the
    findings it was meant to hide come back and nobody knows why.  Directives
    are `notelint-disable-next-line`, `notelint-disable-line`,
    `notelint-disable` and `notelint-enable`, followed by optional rule
    codes or prefixes."""
    for directive in directives(note):
        if directive.problem:
            yield Finding(directive.start, directive.end, directive.problem)


def _heading_line_span(note: Note, line: int) -> tuple[int, int]:
    text = note.source.line_text(line)
    start = note.source.line_start(line)
    indent = len(text) - len(text.lstrip(" \t>"))
    return start + indent, start + len(text.rstrip())


@rule(
    "NL110",
    "heading-level-skipped",
    Severity.WARNING,
    "A heading is more than one level deeper than the heading before it.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    ## Storage classes
    #### Glacier
    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    ## Storage classes
    ### Glacier
    """,
)
def heading_level_skipped(note: Note, ctx: Context) -> Iterator[Finding]:
    """Skipping a level (`##` then `####`) breaks the outline that the
    heading path of every claim is built from."""
    previous = 0
    for heading in note.headings:
        if previous and heading.level > previous + 1:
            start, end = _heading_line_span(note, heading.line)
            yield Finding(
                start,
                end,
                f"heading level {heading.level} follows level {previous}; expected level {previous + 1} or less",
            )
        previous = heading.level


@rule(
    "NL111",
    "duplicate-heading",
    Severity.WARNING,
    "Two sibling headings in the same section have the same text.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    ## Security
    ## Pricing
    ## Security
    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    ## Security
    ### Encryption
    ## Pricing
    ### Encryption
    """,
)
def duplicate_heading(note: Note, ctx: Context) -> Iterator[Finding]:
    """Sibling sections with the same heading split one topic in two, and make
    heading paths (and links to them) ambiguous.  The same heading under
    different parents is fine."""
    seen: dict[tuple, int] = {}
    for heading in note.headings:
        key = (heading.heading_path, heading.level, " ".join(heading.text.split()).casefold())
        if key in seen:
            start, end = _heading_line_span(note, heading.line)
            yield Finding(start, end, f"heading '{heading.text.strip()}' repeats the heading on line {seen[key]} in the same section")
        else:
            seen[key] = heading.line


@rule(
    "NL112",
    "empty-list-item",
    Severity.WARNING,
    "A list item has no text.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    * GetObject reads an object.
    *
    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    * GetObject reads an object.
    """,
    fixable=True,
)
def empty_list_item(note: Note, ctx: Context) -> Iterator[Finding]:
    """An empty bullet is left over from editing; it renders as a blank bullet
    and holds no claim.  The fix deletes the line when the bullet is alone on
    it."""
    for item in note.items:
        if not item.is_empty:
            continue
        line_start = note.source.line_start(item.line)
        line = note.source.line_text(item.line)
        fix = None
        prefix = note.text[line_start : item.start]
        if not prefix.strip(" \t>") and not line[item.marker_end - line_start :].strip():
            end = line_start + len(line) + 1
            if end > len(note.text):  # last line without a newline: take the one before
                fix = Fix((Edit(max(line_start - 1, 0), len(note.text), ""),), "delete the empty list item")
            else:
                fix = Fix((Edit(line_start, end, ""),), "delete the empty list item")
        yield Finding(item.start, item.marker_end, "empty list item", fix=fix)


_WORD = re.compile(r"\w+")
_MIN_WORDS = 4


def _claim_key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


_LABEL = re.compile(r"^\W*[\w\s/&-]{1,40}:")


def _claims_to_compare(note: Note, ctx: Context) -> list[list]:
    """[key, start, end, line] of every claim with enough prose to compare.

    Links, URLs and code do not count as prose: a "see also" list or a
    "Back to top" link is navigation, not a claim; numbered steps are
    instructions.  A short claim, or one that
    opens with a label or a code span ("Input format: CSV", "`Name` - a
    string"), only means something under its heading, so it is compared with
    claims under a heading of the same name.
    """
    entries = []
    for claim in note.claims:
        if claim.item is not None and claim.item.marker[-1:] in (".", ")"):
            continue  # a numbered list is a procedure; its steps repeat by design
        prose = " ".join(text for block in claim.blocks for _segment, text in block.iter_segments(Kind.PROSE))
        words = _WORD.findall(prose)
        if len(words) < _MIN_WORDS:
            continue
        first = claim.blocks[0]
        opens_with_code = bool(first.segments) and first.segments[0].kind is Kind.CODE
        scoped = len(words) < 2 * _MIN_WORDS or opens_with_code or bool(_LABEL.match(claim.text))
        context = claim.heading_path[-1].casefold() if scoped and claim.heading_path else ""
        entries.append([context + "\0" + _claim_key(claim.text), claim.start, claim.end, claim.line])
    return entries


@rule(
    "NL113",
    "duplicate-claim",
    Severity.WARNING,
    "The same claim is made twice, in one note or across notes.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    * S3 stores objects in buckets.
    * Versioning keeps old objects.
    * S3 stores objects in buckets
    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    * S3 stores objects in buckets.
    * Versioning keeps old objects.
    """,
    scope="corpus",
    collect=_claims_to_compare,
)
def duplicate_claim(digests: Sequence[Digest], ctx: Context) -> Iterator[Finding]:
    """A claim repeated (ignoring case, punctuation and spacing) is kept in two
    places and will drift apart when one copy is corrected.  Each repeat is
    reported with the first occurrence as a related location; when only some
    notes are checked (pre-commit), the notes left unchanged count as first.
    Claims of fewer than four words of prose ("Glue: ETL", a list of links)
    are not compared, and short or labelled claims ("Input format: CSV") only
    with claims under a heading of the same name."""
    first: dict[str, tuple[Digest, list]] = {}
    for digest in digests:  # in the engine's order: unchanged (context) notes first
        for entry in digest.data:
            key, start, end, line = entry
            if key not in first:
                first[key] = (digest, entry)
                continue
            other, (_key, other_start, other_end, other_line) = first[key]
            where = "" if other.path == digest.path else f" in {other.path}"
            yield Finding(
                start,
                end,
                f"claim repeats the one on line {other_line}{where}",
                related=(Related(other, other_start, other_end, "first made here"),),
                note=digest,
            )


@rule(
    "NL114",
    "image-missing-alt",
    Severity.WARNING,
    "An image has no alt text.",
    bad="""
    ---
    title: Amazon Kinesis
    reviewed: 2025-06-01
    ---
    ![](https://example.com/kinesis.png)
    """,
    good="""
    ---
    title: Amazon Kinesis
    reviewed: 2025-06-01
    ---
    ![Kinesis Data Streams architecture](https://example.com/kinesis.png)
    """,
)
def image_missing_alt(note: Note, ctx: Context) -> Iterator[Finding]:
    """Alt text says what a diagram shows; without it the note loses that
    content for screen readers, search and anyone reading the raw Markdown."""
    for block in note.blocks:
        for segment, text in block.iter_segments(Kind.IMAGE):
            if not text.strip():
                yield Finding(segment.src_start, segment.src_end, "image has no alt text")


@rule(
    "NL115",
    "trailing-blank-lines",
    Severity.INFO,
    "The file ends with blank lines.",
    bad="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    * S3 stores objects in buckets.


    """,
    good="""
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    * S3 stores objects in buckets.
    """,
    fixable=True,
)
def trailing_blank_lines(note: Note, ctx: Context) -> Iterator[Finding]:
    """A file should end with exactly one newline.  The fix removes the blank
    lines after the last line of content."""
    text = note.text
    content_end = len(text.rstrip(" \t\n"))
    newline = text.find("\n", content_end)
    if newline < 0 or not text[newline + 1 :].count("\n"):
        return
    extra = text[newline + 1 :].count("\n")
    yield Finding(
        newline + 1,
        len(text),
        f"{extra} blank line{'s' if extra > 1 else ''} at the end of the file",
        fix=Fix((Edit(newline + 1, len(text), ""),), "remove trailing blank lines"),
    )


_PARENTHESIS = re.compile(r"[()]")


@rule(
    "NL116",
    "unclosed-parenthesis",
    Severity.WARNING,
    "An opening parenthesis is never closed in its paragraph or list item.",
    bad="""
    ---
    title: AWS Data Pipeline
    reviewed: 2025-06-01
    ---
    * Data Pipeline creates resources (EC2 or EMR in your own account.
    """,
    good="""
    ---
    title: AWS Data Pipeline
    reviewed: 2025-06-01
    ---
    * Data Pipeline creates resources (EC2 or EMR) in your own account.
    """,
)
def unclosed_parenthesis(note: Note, ctx: Context) -> Iterator[Finding]:
    """An unclosed `(` usually marks a sentence cut off while editing.  Only
    prose counts (code spans and URLs are skipped), and a stray `)` is not
    reported, since `a)`-style enumerations use one on its own."""
    for block in note.blocks:
        if block.kind == "heading":
            continue
        open_at: list[int] = []
        for segment, text in block.iter_segments(Kind.PROSE, Kind.LINK):
            if "(" not in text and not open_at:
                continue
            for match in _PARENTHESIS.finditer(text):
                if match.group() == "(":
                    open_at.append(segment.start + match.start())
                elif open_at:
                    open_at.pop()
        for index in open_at:
            start, end = block.span(index, index + 1)
            yield Finding(start, end, "'(' is never closed; was the sentence cut off?")


RULES = (
    missing_front_matter,
    invalid_front_matter,
    missing_required_field,
    invalid_field_value,
    unknown_field,
    reviewed_in_future,
    duplicate_field,
    invalid_suppression,
    heading_level_skipped,
    duplicate_heading,
    empty_list_item,
    duplicate_claim,
    image_missing_alt,
    trailing_blank_lines,
    unclosed_parenthesis,
)
