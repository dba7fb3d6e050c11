"""NL101-NL107: a note's YAML front matter, checked against the notes schema (``notelint.schema``)."""

from __future__ import annotations

from typing import Iterator

from notelint import suggest
from notelint.diagnostic import Finding, Severity
from notelint.note import Note
from notelint.rule import Context, example, rule
from notelint.schema import KNOWN_FIELDS, REQUIRED_FIELDS, SITE_FIELDS, field_problem, reviewed_date, uses_notes_schema

_GOOD_FRONT_MATTER = example(title="Amazon S3")


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
    example_settings={"front_matter": "required"},
)
def missing_front_matter(note: Note, ctx: Context) -> Iterator[Finding]:
    """Where the configuration says `front-matter = "required"`, every note
    starts with a `---` fenced YAML block holding at least `title` and
    `reviewed`, so that a reader (and the stale-claim rules) know when its
    claims were last checked.  By default (`"auto"`) notes without front
    matter are left alone: the notes schema is notelint's convention, not
    every repository's."""
    if ctx.settings.front_matter != "required":
        return
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
    example_settings={"front_matter": "required"},
)
def missing_required_field(note: Note, ctx: Context) -> Iterator[Finding]:
    """`title` names the note; `reviewed` is the date its claims were last
    checked against AWS, which the stale-claim rules compare with the dates of
    known changes.  Checked on every note with `front-matter = "required"`,
    else on notes whose front matter uses the schema (has `reviewed`)."""
    fm = note.front_matter
    if fm is None or fm.data is None or not uses_notes_schema(note, ctx.settings.front_matter):
        return
    for key, meaning in REQUIRED_FIELDS.items():
        if key not in fm.data:
            yield Finding(0, 3, f"front matter has no '{key}' field ({meaning})")


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
    `notelint` a mapping `{ignore: [codes]}`.  Checked where the notes schema
    applies (see NL103): a site generator's `tags: a b` is not ours to judge."""
    fm = note.front_matter
    if fm is None or fm.data is None or not uses_notes_schema(note, ctx.settings.front_matter):
        return
    for key, entry in fm.fields.items():
        if key in KNOWN_FIELDS:
            problem = field_problem(key, entry.value)
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
    known field.  Fields that site generators and note tools use (`date`,
    `layout`, `categories`, `permalink`, `description` ...) are known, and
    only notes the schema applies to are checked (see NL103)."""
    fm = note.front_matter
    if fm is None or fm.data is None or not uses_notes_schema(note, ctx.settings.front_matter):
        return
    for key, entry in fm.fields.items():
        if key in KNOWN_FIELDS or key in SITE_FIELDS:
            continue
        close = suggest.close(key, KNOWN_FIELDS, n=1)
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


RULES = (
    missing_front_matter,
    invalid_front_matter,
    missing_required_field,
    invalid_field_value,
    unknown_field,
    reviewed_in_future,
    duplicate_field,
)
