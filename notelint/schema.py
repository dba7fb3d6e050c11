"""The notes schema: the YAML front matter notelint's own notes carry.

`title` (string, required), `reviewed` (ISO date the claims were last checked,
required), `tags` (list of strings), `sources` (list of http(s) URLs), `exam`
(string), `words` (list of strings the spell checker accepts in this note) and
`notelint` (`{ignore: [codes]}`, rules switched off for the whole note).

The front-matter rules (NL101-NL107) check notes against it; the stale-claim
analysis reads `reviewed` through ``reviewed_date``.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from notelint.codes import is_code_prefix
from notelint.dates import iso_date
from notelint.note import Note

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
# fields that static-site generators and note tools give pages (Jekyll, Hugo,
# MkDocs, Docusaurus, Obsidian): known, never reported, never checked
SITE_FIELDS = frozenset({
    "aliases", "author", "authors", "categories", "category", "comments", "cssclass", "date", "description",
    "draft", "excerpt", "hide", "icon", "id", "image", "keywords", "lang", "last_modified_at", "lastmod",
    "layout", "math", "order", "permalink", "pin", "published", "search", "sidebar_label", "sidebar_position",
    "slug", "subtitle", "summary", "template", "toc", "type", "updated", "weight",
})


def uses_notes_schema(note: Note, front_matter: str) -> bool:
    """Whether the notes schema applies to ``note``: on every note where the
    configuration says ``front-matter = "required"``, else only on a note whose
    front matter already uses it (has `reviewed`): a site's or another tool's
    front matter is not notelint's to judge."""
    if front_matter == "required":
        return True
    fm = note.front_matter
    return fm is not None and fm.data is not None and "reviewed" in fm.data


def _is_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def field_problem(key: str, value: Any) -> str | None:
    """Why `value` is not valid for `key`, or None."""
    if key == "title":
        if not isinstance(value, str) or not value.strip():
            return "'title' must be a non-empty string"
    elif key == "reviewed":
        if iso_date(value) is None:
            written = f", not {value!r}" if isinstance(value, str) else ""
            return f"'reviewed' must be a date written YYYY-MM-DD{written}"
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
    return iso_date(note.data("reviewed"))
