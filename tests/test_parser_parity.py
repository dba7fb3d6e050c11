"""The Note as markdown-it-py's reading made it, kept when the parser became pyromark (issue 19).

Each case is a place where pulldown-cmark's events differ from markdown-it-py's tokens and the
builder reads them as markdown-it-py did; the expected values were printed by the builder at
5ccff71 (markdown-it-py 4.3.0).  Per block: kind, text, segments (kind, text, 1-based start and
end, href) and the place of the first characters."""

from __future__ import annotations

import pytest

from notelint.note import parse_note
from notelint.source import decode

CASES = {
    # a strong run opening a block: its segment starts at the run's markers
    'strong': ('**Key**. this\n', [('paragraph', 'Key. this', [('prose', 'Key. this', (1, 1), (1, 14), None)], [(1, 3), (1, 4), (1, 5), (1, 8), (1, 9), (1, 10)])], []),
    # after a code span in a strong run, the prose starts where the run's closing markers are
    'code_strong': ('**`Accuracy`**  \nThe ratio\n', [('paragraph', 'Accuracy\nThe ratio', [('code', 'Accuracy', (1, 3), (1, 13), None), ('prose', '\nThe ratio', (1, 13), (2, 10), None)], [(1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9)])], []),
    # no-break spaces at a paragraph's ends are not its text
    'nbsp': ('\xa0Create it\xa0\n', [('paragraph', 'Create it', [('prose', 'Create it', (1, 2), (1, 11), None)], [(1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7)])], []),
    # a backslash before a letter or a space is one unit with it
    'backslash': ('$\\frac{a}\\ b$\n', [('paragraph', '$\\frac{a}\\ b$', [('prose', '$\\frac{a}\\ b$', (1, 1), (1, 14), None)], [(1, 1), (1, 2), (1, 2), (1, 4), (1, 5), (1, 6)])], []),
    # a javascript: link is no link: its source is text
    'js': ('see [x](javascript:y) now\n', [('paragraph', 'see [x](javascript:y) now', [('prose', 'see [x](javascript:y) now', (1, 1), (1, 26), None)], [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6)])], []),
    # an autolink shows its URL decoded (%7E as ~), mapped over the brackets' content
    'autolink': ('see <https://example.com/%7Efoo> now\n', [('paragraph', 'see https://example.com/~foo now', [('prose', 'see ', (1, 1), (1, 5), None), ('url', 'https://example.com/~foo', (1, 5), (1, 33), 'https://example.com/%7Efoo'), ('prose', ' now', (1, 33), (1, 37), None)], [(1, 1), (1, 2), (1, 3), (1, 4), (1, 6), (1, 6)])], []),
    # an indented code block at the end of a file without a line break still ends in one
    'indented_eof': ('text\n\n    code line', [('paragraph', 'text', [('prose', 'text', (1, 1), (1, 5), None)], [(1, 1), (1, 2), (1, 3), (1, 4)])], [('code line\n', 3, 3)]),
    # a tab before a line break stays in the text (only spaces are dropped there)
    'tab_break': ('a \t\nb\n', [('paragraph', 'a \t\nb', [('prose', 'a \t\nb', (1, 1), (2, 2), None)], [(1, 1), (1, 2), (1, 3), (1, 4), (2, 1)])], []),
    # an escaped pipe in a cell is a pipe; a cell that starts with one is a copy of its source after the backslash
    'cell_pipe': ('| a | b |\n|---|---|\n| \\|y | c\\|d |\n', [('cell', 'a', [('prose', 'a', (1, 3), (1, 4), None)], [(1, 3)]), ('cell', 'b', [('prose', 'b', (1, 7), (1, 8), None)], [(1, 7)]), ('cell', '|y', [('prose', '|y', (3, 4), (3, 6), None)], [(3, 4), (3, 5)]), ('cell', 'c|d', [('prose', 'c|d', (3, 9), (3, 13), None)], [(3, 9), (3, 11), (3, 12)])], []),
    # a bare URL runs on over an escape its parser had not read yet: the backslash is part of it
    'url_escape': ('at [u](https://x.com/glue\\). Choose\n', [('paragraph', 'at [u](https://x.com/glue\\). Choose', [('prose', 'at [u](', (1, 1), (1, 8), None), ('url', 'https://x.com/glue\\', (1, 8), (1, 27), 'https://x.com/glue%5C'), ('prose', '). Choose', (1, 27), (1, 36), None)], [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6)])], []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_note_reads_as_markdown_it_py_read_it(name):
    text, blocks, code = CASES[name]
    note = parse_note(decode("n.md", text.encode("utf-8")))
    assert [
        (block.kind.value, block.text,
         [(s.kind.value, block.text[s.start : s.end], note.position(s.src_start), note.position(s.src_end), s.href)
          for s in block.segments],
         [note.position(block.span(i, i + 1)[0]) for i in range(len(block.text))][:6])
        for block in note.blocks
    ] == blocks
    assert [(c.text, c.line, c.end_line) for c in note.code_blocks] == code
