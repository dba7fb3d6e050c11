"""NL108-NL116: the structure of a note's document (suppressions, headings, lists, claims, images)."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple, Sequence

from notelint.diagnostic import Digest, Edit, Finding, Fix, Related, Severity
from notelint.note import Block, BlockKind, Kind, Note
from notelint.rule import Context, FixAvailability, Scope, rule
from notelint.suppressions import directives


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


# a tab widget's label flattened into a heading by a docs toolchain: "#### [ AWS CLI ]"
_TAB_LABEL = re.compile(r"\[[^\[\]]+\]")


def _outline(note: Note) -> list[Block]:
    """The headings that make the outline: tab labels are a page's widgets, not its sections."""
    return [h for h in note.headings if not _TAB_LABEL.fullmatch(h.text.strip())]


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
    heading path of every claim is built from.  Tab labels that docs
    toolchains render as headings (`#### [ AWS CLI ]`) are not sections."""
    previous = 0
    for heading in _outline(note):
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
    different parents is fine, and so are repeated tab labels (`#### [ Python ]`)."""
    seen: dict[tuple[tuple[str, ...], int, str], int] = {}
    for heading in _outline(note):
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
    fix=FixAvailability.ALWAYS,
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


class ClaimKey(NamedTuple):
    """A claim as the duplicate rule compares it (a JSON array in the result cache)."""

    key: str  # the heading it is scoped to (or ""), NUL, the claim's normalised words
    start: int
    end: int
    line: int


def _claims_to_compare(note: Note, ctx: Context) -> list[ClaimKey]:
    """Every claim with enough prose to compare.

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
        entries.append(ClaimKey(context + "\0" + _claim_key(claim.text), claim.start, claim.end, claim.line))
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
    scope=Scope.CORPUS,
    default_enabled=False,  # opt in: repeated sentences are boilerplate more often than drift
    collect=_claims_to_compare,
)
def duplicate_claim(digests: Sequence[Digest], ctx: Context) -> Iterator[Finding]:
    """A claim repeated (ignoring case, punctuation and spacing) is kept in two
    places and will drift apart when one copy is corrected.  Each repeat is
    reported with the first occurrence as a related location; when only some
    notes are checked (pre-commit), the notes left unchanged count as first.
    Claims of fewer than four words of prose ("Glue: ETL", a list of links)
    are not compared, and short or labelled claims ("Input format: CSV") only
    with claims under a heading of the same name.

    Off by default (`extend-select = ["NL113"]` turns it on): in documentation
    and shared notes most repeated sentences are deliberate (captions, notes
    repeated on sibling pages, the same cross-link in two sections)."""
    first: dict[str, tuple[Digest, ClaimKey]] = {}
    for digest in digests:  # in the engine's order: unchanged (context) notes first
        for raw in digest.data:
            entry = ClaimKey(*raw)  # a list when read back from the result cache
            if entry.key not in first:
                first[entry.key] = (digest, entry)
                continue
            other, earlier = first[entry.key]
            where = "" if other.path == digest.path else f" in {other.path}"
            yield Finding(
                entry.start,
                entry.end,
                f"claim repeats the one on line {earlier.line}{where}",
                related=(Related(other, earlier.start, earlier.end, "first made here"),),
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
    fix=FixAvailability.ALWAYS,
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
# a bound of an interval: a number, maybe in scientific notation ("1e-3"), or an infinity
_BOUND = r"[-+]?(?:\d[\d.,_]*(?:e[-+]?\d+)?|inf|infinity|∞)"
# a half-open interval, "(0, 1]", "(0, 1e-3]" or "(-inf, 0]", is closed by its bracket
_INTERVAL = re.compile(rf"\(\s*{_BOUND}\s*,\s*{_BOUND}\s*\]", re.I)


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
    prose counts (code spans and URLs are skipped), a stray `)` is not
    reported, since `a)`-style enumerations use one on its own, and a
    half-open interval such as `(0, 1]` or `(0, 1e-3]` is closed by its
    bracket, and a `(` whose `)` a code span swallowed right after it (a
    literal backtick, "(`)") is closed too."""
    for block in note.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        open_at: list[int] = []
        # intervals are found in the whole visible text: their bounds may be code, "(`0.0`, `1.0`]"
        closed = {m.start() for m in _INTERVAL.finditer(block.text)} if "]" in block.text else set()
        # "(`)": a backtick meant literally between parentheses opens a code span that
        # swallows the ')'; the parenthesis is closed, only the backtick went wrong
        closed.update(
            segment.start - 1
            for segment, text in block.iter_segments(Kind.CODE)
            if block.text[segment.start - 1 : segment.start] == "(" and text.lstrip("\\").startswith(")")
        )
        for segment, text in block.iter_segments(Kind.PROSE, Kind.LINK):
            if "(" not in text and not open_at:
                continue
            for match in _PARENTHESIS.finditer(text):
                if segment.start + match.start() in closed:
                    continue
                if match.group() == "(":
                    open_at.append(segment.start + match.start())
                elif open_at:
                    open_at.pop()
        for index in open_at:
            start, end = block.span(index, index + 1)
            yield Finding(start, end, "'(' is never closed; was the sentence cut off?")


RULES = (
    invalid_suppression,
    heading_level_skipped,
    duplicate_heading,
    empty_list_item,
    duplicate_claim,
    image_missing_alt,
    trailing_blank_lines,
    unclosed_parenthesis,
)
