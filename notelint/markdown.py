"""The markdown-it-py parser notelint uses, set up to keep inline source ranges.

markdown-it-py gives block tokens a line map but inline tokens no position at
all.  Rather than re-parse inline syntax ourselves, we wrap a few of the
parser's own inline rules: when one succeeds, the first non-text token it
pushed records the range of the inline source it consumed
(``token.meta["src"]``).  Everything else is found by scanning forward from
the previous token, since its source text is known (plain text, an escape's
or entity's ``markup``, inline HTML); ``text_join`` is turned off so escapes
and entities stay separate tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, MutableMapping

if TYPE_CHECKING:  # markdown-it is imported when a note is first parsed: a fully cached run never is
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

# Inline rules whose source range cannot be found again from the token alone
# (a code span's content is normalised; a link's destination is not in its
# children).  Escapes, entities, line breaks and inline HTML carry their
# source text in ``markup`` or ``content`` and are found by scanning forward,
# which keeps the wrapper off the rules that run most often.
_TRACKED_RULES = (
    "backticks",
    "link",
    "image",
    "autolink",
)

InlineRule = Callable[["StateInline", bool], bool]

# markdown-it stops parsing what is nested deeper than this (a nested list
# takes two levels: the list and its item) and says nothing; the lines it
# skipped are recorded in the parse's env under TOO_DEEP, so that a note can
# say they were not checked.
MAX_NESTING = 20
TOO_DEEP = "notelint_too_deep"  # [(first line, end line), ...], 0-based, end exclusive


def _tracked(rule: InlineRule) -> InlineRule:
    def run(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        start = state.pos
        first = len(state.tokens)
        matched = rule(state, silent)
        if matched:
            tokens = state.tokens
            for index in range(first, len(tokens)):
                token = tokens[index]
                if token.type != "text":
                    token.meta["src"] = (start, state.pos)
                    break
        return matched

    return run


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """CommonMark + front matter + GFM tables + bare-URL detection, with inline ranges."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"linkify": True})
    md.use(front_matter_plugin)
    md.enable(["table", "linkify"])
    md.disable("text_join")
    md.options["maxNesting"] = MAX_NESTING
    _record_skipped_lines(md)
    _parse_inline_once(md)
    # Only scheme links (https://...) and www. hosts count as URLs: file names
    # such as ``train.py`` end in a country domain and are not links in notes.
    linkify = md.linkify
    assert linkify is not None  # linkify-it-py is a dependency; the "linkify" option just loaded it
    linkify.set({"fuzzy_link": False, "fuzzy_email": True})
    # With fuzzy links off, a link needs "://", "mailto:" or an "@"; checking for
    # those first skips linkify-it's large pretest regex on almost every paragraph.
    full_pretest = linkify.pretest

    def pretest(text: str) -> bool:
        return ("://" in text or "@" in text or "mailto:" in text or "MAILTO:" in text) and full_pretest(text)

    linkify.pretest = pretest
    # The core linkify rule asks ``test`` of every text token of a paragraph that
    # passed the pretest (one with a link's "https://" anywhere, most of them), and
    # its schema search is a large regex.  With fuzzy links off, ``test`` can only
    # succeed on a text holding "//" (every scheme link, "//host") or "@" (an email,
    # "mailto:"): linkify-it-py's validators each match one of them at the position
    # they check.  Anything else is answered without the regex.
    full_test = linkify.test

    def test(text: str) -> bool:
        return ("//" in text or "@" in text) and bool(full_test(text))

    linkify.test = test
    _split_rows_fast()
    for name in _TRACKED_RULES:
        for rule in md.inline.ruler.__rules__:
            if rule.name == name:
                md.inline.ruler.at(name, _tracked(rule.fn))
                break
    return md


def _split_rows_fast() -> None:
    """Split a table row at its pipes with ``str.split`` when no pipe in it is escaped.

    markdown-it-py's table rule splits each row with ``escapedSplit``, a loop over its
    characters in Python (48 ms of the 1.6 s parse of every fifth SageMaker page, 2,619
    rows).  A pipe after a backslash stays in its cell, without the backslash; with no
    backslash before any pipe the function's answer is ``row.split("|")`` (every pipe
    separates, nothing is dropped), found in C.  A row with ``\\|`` goes to the library's
    own function.  tests/test_markdown_rows.py compares the two on random rows."""
    import sys

    module = sys.modules["markdown_it.rules_block.table"]  # (the package exports a function of the same name)
    library_split = getattr(module, "_notelint_library_split", module.escapedSplit)

    def escaped_split(row: str) -> list[str]:
        return row.split("|") if "\\|" not in row else library_split(row)

    setattr(module, "_notelint_library_split", library_split)
    setattr(module, "escapedSplit", escaped_split)


def _record_skipped_lines(md: MarkdownIt) -> None:
    """Wrap the block tokenizer (lists and block quotes call it for their
    content) to record the lines it skips when the nesting limit is reached."""
    tokenize = md.block.tokenize

    def tracked(state: StateBlock, start: int, end: int) -> None:
        if state.level >= MAX_NESTING:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                state.env.setdefault(TOO_DEEP, []).append((line, end))
        tokenize(state, start, end)

    md.block.tokenize = tracked  # type: ignore[method-assign,assignment]



# Key of the parse's env under which each distinct inline source already parsed
# in this document is kept with its tokens.
_INLINE_DONE = "notelint_inline_done"


def _parse_inline_once(md: MarkdownIt) -> None:
    """Parse each distinct inline source of a document once.

    Half the inline blocks of a documentation page repeat one seen earlier in the
    same page (table cells: "Yes", "String", "Required"; repeated captions).  The
    inline parser's output depends only on the source text, the parser and the
    env, and within one document the env holds nothing an inline rule reads but
    the link reference definitions, which the block parse has finished collecting
    before inline parsing starts.  So a repeated source gets the same tokens (the
    same objects: nothing after the inline parse changes a token in place with
    this parser's rules -- core linkify builds new lists, and the typographer's
    rules, which rewrite token content, are off).
    """
    parse = md.inline.parse

    def parse_once(src: str, md_: MarkdownIt, env: MutableMapping[str, Any], out_tokens: list[Token]) -> list[Token]:
        if out_tokens:  # (markdown-it always passes an empty list; the post-processing rules read all of it)
            return parse(src, md_, env, out_tokens)
        done: dict[str, list[Token]] | None = env.get(_INLINE_DONE)
        if done is None:
            done = env[_INLINE_DONE] = {}
        tokens = done.get(src)
        if tokens is None:
            tokens = done[src] = list(parse(src, md_, env, out_tokens))
        else:
            out_tokens.extend(tokens)
        return out_tokens

    md.inline.parse = parse_once  # type: ignore[method-assign,assignment]
