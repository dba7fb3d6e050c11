"""Applying fixes: edits to the original text, diffs, and atomic writes.

Edits arrive in line/column form and are mapped onto the file's *original*
text (line endings and BOM as they were), so nothing outside an edit changes.
Fixes that overlap an earlier one wait for the next pass.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from notelint.atomic import replace_file
from notelint.diagnostic import Diagnostic, Edit, Fix, FixOut
from notelint.note import Kind, Note
from notelint.source import SourceFile


class FixError(Exception):
    """A file that could not be written; the original is untouched."""


def safe_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[FixOut]:
    """The fixes --fix applies: the safe ones, and with ``unsafe`` (--unsafe-fixes) every one."""
    return [d.fix for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe)]


def apply_fixes(source: SourceFile, fixes: Iterable[FixOut]) -> tuple[str, int]:
    """The original text with every non-overlapping fix applied, and how many applied."""
    spans = []
    for fix in fixes:
        edits = sorted(
            (_original(source, e.line, e.column), _original(source, e.end_line, e.end_column), e.text)
            for e in fix.edits
        )
        spans.append(edits)
    spans.sort(key=lambda edits: (edits[0][0], edits[0][1]) if edits else (0, 0))
    chosen: list[tuple[int, int, str]] = []
    applied = 0
    last_end = -1
    for edits in spans:
        if not edits or edits[0][0] < last_end or _overlaps(edits):
            continue
        if edits[0][0] == last_end and edits[0][0] == edits[0][1] and chosen and chosen[-1][1] == last_end:
            continue  # two insertions at one point: order would be arbitrary
        chosen.extend(edits)
        last_end = max(end for _start, end, _text in edits)
        applied += 1
    text = source.text
    for start, end, replacement in sorted(chosen, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, applied


def _overlaps(edits: list[tuple[int, int, str]]) -> bool:
    return any(b[0] < a[1] for a, b in zip(edits, edits[1:]))


def _original(source: SourceFile, line: int, column: int) -> int:
    return source.original_offset(source.offset(line, column))


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, data: bytes, expected: bytes) -> None:
    """Replace ``path``'s content with ``data`` via a temporary file and a rename.

    Refuses (FixError) when the file is read-only or changed on disk since it
    was read (``expected``).  The file's mode is kept and a symbolic link keeps
    pointing at the rewritten target.  On any failure the original is intact.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
        # the mode bits, not os.access: as root (CI containers) os.access says yes to a 0444 file
        if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            raise FixError(f"{path}: read-only file; not fixed")
        if target.read_bytes() != expected:
            raise FixError(f"{path}: changed on disk while notelint ran; not fixed")
    except OSError as exc:
        raise FixError(f"{path}: {exc.strerror or exc}; not fixed") from None
    try:
        replace_file(target, data, mode=stat.S_IMODE(info.st_mode))
    except OSError as exc:
        raise FixError(f"{path}: {exc.strerror or exc}; not fixed") from None


# -- fixes that keep meaning ----------------------------------------------------------
#
# A rule proposes an edit for the words it looked at; the words around them may
# make that edit change what the text says.  ``keep_meaning`` looks at them and
# returns the fix unchanged, extended (an article, the links to a heading) or
# marked unsafe, so --fix only ever applies edits that cannot change meaning.

_VENDOR = re.compile(r"^(?:amazon|aws)(?:\s+|$)", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(a|an|A|An|AN)[ \t]+$")
# letters whose English name starts with a vowel sound: "an S3 bucket", "an IAM role"
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# first words whose article is known without a pronunciation dictionary
_KNOWN_ARTICLE = {"amazon": "an", "aws": "an", "apache": "an", "elastic": "an", "open": "an",
                  "identity": "an", "iot": "an", "ec2": "an", "s3": "an", "sns": "an", "sqs": "an",
                  "cloudwatch": "a", "kinesis": "a", "sagemaker": "a", "data": "a", "glue": "a",
                  "lambda": "a", "managed": "a", "simple": "a", "bedrock": "a", "firehose": "a"}
# a word that, between two mentions of one name, makes them a gloss: "X (also known as X)"
_GLOSS_WORDS = frozenset({
    "also", "known", "as", "aka", "a.k.a.", "formerly", "previously", "now", "called", "named", "renamed", "or",
    "i.e.", "e.g.", "the", "new", "old", "was", "is", "service", "amazon", "aws",
})
_GLOSS_GAP = 60  # characters between two mentions that can still be a gloss


def bare_name(name: str) -> str:
    """A name without vendor or parenthetical, folded: 'Amazon EventBridge' -> 'eventbridge'."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return " ".join(_VENDOR.sub("", name).split()).casefold()


def indefinite_article(words: str) -> str | None:
    """'a' or 'an' before ``words``, or None when it cannot be told for certain."""
    first = re.match(r"[\w.]+", words.lstrip("*_`[\"'"))
    if first is None:
        return None
    word = first.group(0)
    known = _KNOWN_ARTICLE.get(word.casefold())
    if known is not None:
        return known
    if len(word) > 1 and word.isupper() and word.isalpha():  # an acronym, said letter by letter
        return "an" if word[0] in _VOWEL_SOUND_LETTERS else "a"
    head = word[0].casefold()
    if head in "aeio":
        return "an"
    if head in "bcdfgjkpqtvwz" or (head in "lmnrsxy" and not word.isupper()):
        return "a"
    return None  # h, u, digits, one-letter words: "an hour", "a user", "an 8-GPU", "a 4-GPU"


def gloss_repeats(text: str) -> list[tuple[int, int, str]]:
    """Places where a name stands next to itself in a gloss: 'EventBridge (also known as
    Amazon EventBridge)', 'Amazon Data Firehose (now Amazon Data Firehose)'.
    (start, end, name) of each, for names of capitalised words."""
    found = []
    for name in _CAPITALISED_NAME.finditer(text):
        bare = bare_name(name.group(0))
        if not bare or bare in _GLOSS_WORDS:
            continue
        after = text[name.end(): name.end() + _GLOSS_GAP + len(name.group(0))]
        again = re.search(r"(?<![\w-])" + re.escape(bare) + r"(?![\w-])", after, re.IGNORECASE)
        if again is None:
            continue
        gap = after[: again.start()]
        if "(" not in gap and "," not in gap and not re.search(r"\b(?:also known as|aka|formerly|now)\b", gap):
            continue
        words = re.findall(r"[^\s(),;:]+", gap)
        if all(word.casefold() in _GLOSS_WORDS for word in words):
            found.append((name.start(), name.end() + again.end(), name.group(0)))
    return found


_CAPITALISED_NAME = re.compile(r"(?<![\w-])(?:[A-Z][\w-]*)(?:[ \t]+[A-Z0-9][\w-]*)*")


@lru_cache(maxsize=4096)  # a re-check asks about the same fixes again (a pure function of the two texts)
def _is_rename(old: str, new: str) -> bool:
    """Does replacing ``old`` by ``new`` swap one name for another (rather than
    correct its spelling, case or vendor prefix)?"""
    a, b = bare_name(old), bare_name(new)
    if not a or not b or a == b:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() < 0.8


def keep_meaning(note: Note, fix: Fix) -> Fix:
    """``fix``, made safe to apply without review, or marked unsafe.

    - a rename ("CloudWatch Events" -> "Amazon EventBridge") in a block that
      already names the new name is unsafe: the result would read "EventBridge
      (also known as EventBridge)" or "EventBridge and EventBridge share an API";
    - an indefinite article before the edit is corrected with it ("a CloudWatch
      Events rule" -> "an Amazon EventBridge rule"), or the fix is unsafe when
      the right article cannot be told for certain;
    - an edit to a heading that changes its anchor also rewrites the links in the
      note that point to it, or is unsafe when one of them cannot be found.
    """
    if not fix.safe or len(fix.edits) != 1:
        return fix
    edit = fix.edits[0]
    text = note.text
    old = text[edit.start: edit.end]
    if old == edit.text:
        return fix
    edits: list[Edit] = [edit]
    safe = not (_is_rename(old, edit.text) and _names_new_nearby(note, edit))
    article = _article_edit(text, edit, old)
    if article is False:
        safe = False
    elif isinstance(article, Edit):
        edits.insert(0, article)
    anchors = _anchor_edits(note, edit, old)
    if anchors is None:
        safe = False
    else:
        edits.extend(anchors)
    if len(edits) == 1 and safe:
        return fix
    return Fix(tuple(edits), fix.description, safe)


def _names_new_nearby(note: Note, edit: Edit) -> bool:
    block = note.block_at(edit.start)
    lo, hi = (block.src_start, block.src_end) if block is not None else (edit.start - 200, edit.end + 200)
    lo = max(0, min(lo, edit.start))
    hi = max(hi, edit.end)
    around = note.text[lo: edit.start] + " \0 " + note.text[edit.end: hi]
    new = bare_name(edit.text)
    return re.search(r"(?<![\w-])" + re.escape(new) + r"(?![\w-])", around, re.IGNORECASE) is not None


def _article_edit(text: str, edit: Edit, old: str) -> Edit | bool:
    """An edit to the article before ``edit`` if its replacement needs another one;
    True when nothing needs to change, False when it cannot be told."""
    before = _ARTICLE_BEFORE.search(text, max(0, edit.start - 8), edit.start)
    if before is None:
        return True
    written = before.group(1)
    needed = indefinite_article(edit.text)
    if needed is None:
        # the article is right if the replacement starts like the old words did
        return edit.text[:1].casefold() == old[:1].casefold() and indefinite_article(old) is not None
    if written.casefold() == needed:
        return True
    new = needed if written.islower() else (needed.upper() if written.isupper() and len(written) > 1 else needed.capitalize())
    return Edit(before.start(1), before.end(1), new)


def heading_slug(title: str) -> str:
    """The anchor GitHub (and most renderers) give a heading."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def _anchor_edits(note: Note, edit: Edit, old: str) -> list[Edit] | None:
    """Edits that keep in-note links to an edited heading working; None when unsure."""
    headings = note.cached("fixes.headings", lambda: note.headings)  # asked once per fix: listed once per note
    heading = next((h for h in headings if h.src_start <= edit.start < max(h.src_end, h.src_start + 1)), None)
    if heading is None:
        return []
    if heading.text.count(old) != 1:
        return None
    old_slug = heading_slug(heading.text)
    new_slug = heading_slug(heading.text.replace(old, edit.text))
    if old_slug == new_slug:
        return []
    slugs = [heading_slug(h.text) for h in headings]
    if new_slug in slugs or slugs.count(old_slug) > 1:
        return None  # the anchor would change to another heading's, or gets a -1 suffix
    text = note.text
    edits: list[Edit] = []
    pattern = re.compile(r"(\]\(\s*<?|\]:[ \t]*<?|href=[\"'])#" + re.escape(old_slug) + r"(?=[>)\s\"'])", re.IGNORECASE)
    in_code = _code_lines(note)
    for hit in pattern.finditer(text):
        if note.position(hit.start())[0] in in_code:
            continue
        start = hit.start() + len(hit.group(1)) + 1
        edits.append(Edit(start, start + len(old_slug), new_slug))
    linked = _links_to(note, old_slug)
    if not edits and not linked:
        return []
    # every rendered link to the heading is accounted for: an inline link edited in
    # place, or a reference link whose definition was edited (HTML anchors are extra)
    inline = sum(1 for e in edits if not _is_definition(text, e.start) and text[e.start - 7: e.start - 1] != "href=\"")
    definitions = sum(1 for e in edits if _is_definition(text, e.start))
    if inline > linked or (definitions == 0 and inline != linked):
        return None
    return edits


def _is_definition(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return re.match(r"[ ]{0,3}\[[^\]]+\]:", text[line_start:offset]) is not None


def _links_to(note: Note, slug: str) -> int:
    return sum(
        1 for block in note.blocks for segment, _ in block.iter_segments(Kind.LINK)
        if (segment.href or "").casefold() == "#" + slug
    )


def _code_lines(note: Note) -> set[int]:
    return {line for code in note.code_blocks for line in range(code.line, code.end_line + 1)}
