"""The Markdown parser notelint uses: pyromark (pulldown-cmark), and what it leaves to notelint.

pyromark gives every event (a block's start and end, a run of text, a code span, a
line break) the UTF-8 byte range of the source it came from; ``events`` turns those into
character offsets.  notelint reads four things itself, as markdown-it-py (its parser
before this one) did, so that a note reads the same:

- the front matter (``front_matter``): the rule of mdit-py-plugins' front matter plugin
  (pulldown-cmark's YAML block rules differ);
- bare URLs (``linkify``): linkify-it-py over runs of text, scheme links and www-less
  emails only (pulldown-cmark has no GFM autolinks);
- link destinations normalised as markdown-it-py normalised them (``normalize_link``,
  ``normalize_link_text``, ``valid_link``), so that a link's href and a URL's visible text
  do not change;
- the nesting limit (``MAX_NESTING``), counted by the note builder: pulldown-cmark has none.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from contextlib import suppress
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:  # linkify-it is imported when a note is first parsed: a fully cached run never is
    from linkify_it import LinkifyIt

# A note's content nested deeper than this is not read (a nested list takes two levels:
# the list and its item); the lines skipped are listed in ``Note.too_deep``, so that a note
# can say they were not checked.  (markdown-it-py's limit, kept when the parser changed.)
MAX_NESTING = 20

# What a paragraph, heading or table cell loses at its ends besides spaces and tabs: the
# CommonMark white space and JavaScript's ``trim`` set, which markdown-it trimmed (a
# no-break space at a paragraph's end is not part of its text).
TRIMMED = "\t\n\x0b\x0c\r \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def events(text: str, offset: int = 0) -> Iterator[tuple[Any, int, int]]:
    """pyromark's events of ``text`` (tables on, nothing else), each with the character offsets
    of its source plus ``offset`` (pyromark gives UTF-8 byte offsets)."""
    import pyromark

    found = pyromark.events_with_range(text, options=pyromark.Options.ENABLE_TABLES)
    if text.isascii():
        return ((event, span["start"] + offset, span["end"] + offset) for event, span in found)
    # (a byte offset less the bytes the non-ASCII characters before it add, found by one bisect:
    # decoding a line's prefix for each offset cost more than pyromark's parse of the page)
    ends: list[int] = []  # the byte offset after each non-ASCII character
    cut = [-offset]  # cut[k]: what comes off a byte offset after k of them (their extra bytes, less offset)
    added = 0
    for char in _NON_ASCII_CHAR.finditer(text):
        added += 1 if char.group() < "\u0800" else 2 if char.group() < "\U00010000" else 3
        ends.append(char.end() + added)
        cut.append(added - offset)
    return (
        (event, span["start"] - cut[bisect_right(ends, span["start"])], span["end"] - cut[bisect_right(ends, span["end"])])
        for event, span in found
    )


_NON_ASCII_CHAR = re.compile("[^\x00-\x7f]")


# -- front matter -------------------------------------------------------------------------

def front_matter(lines: list[str]) -> tuple[int, str] | None:
    """(the line after the front matter, its content) when the note opens with a closed
    ``---`` block, as mdit-py-plugins' front matter rule reads it: three or more dashes at
    the very start, closed by a line of as many dashes or more (a code-indented one does
    not close it) or by YAML's ``...``; trailing spaces and tabs allowed on either."""
    if not lines or not lines[0].startswith("---"):
        return None
    first = lines[0]
    markers = len(first) - len(first.lstrip("-"))
    for number in range(1, len(lines)):
        line = lines[number]
        body = line.lstrip(" \t")
        if line.startswith("...") and not line[3:].strip(" \t"):
            break
        if not body.startswith("-") or _columns(line[: len(line) - len(body)]) >= 4:
            continue
        dashes = len(body) - len(body.lstrip("-"))
        if dashes >= markers and not body[dashes:].strip(" \t"):
            break
    else:
        return None
    return number + 1, "\n".join(lines[1:number])


def _columns(indent: str) -> int:
    column = 0
    for char in indent:
        column = column + 4 - column % 4 if char == "\t" else column + 1
    return column


# -- bare URLs ----------------------------------------------------------------------------

# the scheme before a "://" that makes a bare URL (markdown-it's linkify rule)
SCHEME = re.compile(r"(?:^|[^a-z0-9.+-])([a-z][a-z0-9.+-]*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def linkify() -> LinkifyIt:
    """linkify-it-py as notelint uses it: scheme links, "//host" and emails, not bare host names.

    Only scheme links (https://...) and www. hosts count as URLs: file names such as
    ``train.py`` end in a country domain and are not links in notes.  With fuzzy links
    off a link needs "://", "mailto:" or an "@", so ``pretest`` and ``test`` check for those
    first and skip linkify-it's large regular expressions on almost every run of text."""
    from linkify_it import LinkifyIt

    found = LinkifyIt()
    found.set({"fuzzy_link": False, "fuzzy_email": True})
    full_pretest = found.pretest
    full_test = found.test

    def pretest(text: str) -> bool:
        return ("://" in text or "@" in text or "mailto:" in text or "MAILTO:" in text) and full_pretest(text)

    def test(text: str) -> bool:
        # (linkify-it-py's validators each match a "//" or an "@" at the place they check)
        return ("//" in text or "@" in text) and bool(full_test(text))

    found.pretest = pretest
    found.test = test
    return found


# -- link destinations, as markdown-it-py normalised them ------------------------------------
# (markdown_it/common/normalize_url.py and markdown_it/_punycode.py of markdown-it-py 4.x, MIT
# licence: a link's href and a URL's visible text are what they were with that parser)

_RECODE_HOSTNAME_FOR = ("http:", "https:", "mailto:")
_LABEL_SEPARATORS = re.compile(r"[\x2E\u3002\uFF0E\uFF61]")
_NON_ASCII = re.compile(r"[^\0-\x7E]")
_BAD_PROTOCOL = re.compile(r"^(vbscript|javascript|file|data):")
_GOOD_DATA = re.compile(r"^data:image\/(gif|png|jpeg|webp);")


def _map_domain(string: str, convert: Callable[[str], str]) -> str:
    parts = string.split("@")
    result = ""
    if len(parts) > 1:  # in an email address only the domain is punycoded
        result = parts[0] + "@"
        string = parts[1]
    return result + ".".join(convert(label) for label in _LABEL_SEPARATORS.split(string))


def _to_ascii(host: str) -> str:
    return _map_domain(host, lambda label: "xn--" + codecs.encode(label, "punycode").decode() if _NON_ASCII.search(label) else label)


def _to_unicode(host: str) -> str:
    return _map_domain(host, lambda label: label[4:].lower().encode("ascii").decode("punycode") if label.startswith("xn--") else label)


def _parsed(url: str, recode_host: Callable[[str], str]) -> Any:
    """mdurl's parse of a URL, its host recoded (of http, https, mailto and "//" URLs only:
    another scheme's "host" may be no host at all, as in ``skype:name``)."""
    import mdurl

    parsed = mdurl.parse(url, slashes_denote_host=True)
    if parsed.hostname and (not parsed.protocol or parsed.protocol in _RECODE_HOSTNAME_FOR):
        with suppress(Exception):
            parsed = parsed._replace(hostname=recode_host(parsed.hostname))
    return parsed


# A URL that both normalisations give back unchanged: a lower-case scheme and an ASCII host
# of valid labels (none punycoded) with no port, or no ":" and no host at all; then only
# characters mdurl's encoding keeps, and no "%" for its decoding to read.  (mdurl parses
# such a URL into parts that format back into it: most links in notes are of this form,
# and parsing them was 8 % of the instructions of parsing the SageMaker guide.)
_PLAIN_URL = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://(?!xn--)[A-Za-z0-9-]{1,63}(?:\.(?!xn--)[A-Za-z0-9-]{1,63})*(?=[/?#]|$)|(?!//)(?=[^:]*$))"
    r"[A-Za-z0-9\-._~!$&()*+,;=:@/?#]*"
)


def normalize_link(url: str) -> str:
    """A link's destination as its href: percent-encoded, the host punycoded."""
    return url if len(url) <= 255 and _PLAIN_URL.fullmatch(url) else _normalize_link(url)


def normalize_link_text(url: str) -> str:
    """A URL as it is shown: percent escapes decoded (not ``%25``), the host decoded."""
    return url if len(url) <= 255 and _PLAIN_URL.fullmatch(url) else _normalize_link_text(url)


@lru_cache(maxsize=4096)
def _normalize_link(url: str) -> str:
    import mdurl

    parsed = _parsed(url, _to_ascii)
    if not parsed.hostname or ":" not in parsed.hostname:
        return str(mdurl.encode(mdurl.format(parsed)))
    return str(
        mdurl.format(
            parsed._replace(
                protocol=parsed.protocol and mdurl.encode(parsed.protocol),
                auth=parsed.auth and mdurl.encode(parsed.auth),
                hostname=mdurl.encode(parsed.hostname),
                pathname=parsed.pathname and mdurl.encode(parsed.pathname),
                search=parsed.search and mdurl.encode(parsed.search),
                hash=parsed.hash and mdurl.encode(parsed.hash),
            )
        )
    )


@lru_cache(maxsize=4096)
def _normalize_link_text(url: str) -> str:
    import mdurl

    return str(mdurl.decode(mdurl.format(_parsed(url, _to_unicode)), mdurl.DECODE_DEFAULT_CHARS + "%"))


def valid_link(url: str) -> bool:
    """False for the schemes markdown-it refused to link (``javascript:``, most ``data:``)."""
    url = url.strip().lower()
    return bool(_GOOD_DATA.search(url)) if _BAD_PROTOCOL.search(url) else True
