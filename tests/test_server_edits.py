"""The server's own edits: a suppression comment that keeps the Markdown's shape, a word added to a word list."""

from __future__ import annotations

import textwrap

from notelint.note import parse_note
from notelint.config import load_file
from notelint.server.edits import add_word, add_word_to_config, apply, suppress
from notelint.source import SourceFile
from notelint.suppressions import suppressions


def _source(text: str) -> SourceFile:
    return SourceFile("x.md", textwrap.dedent(text).lstrip("\n"))


def _suppressed_after(source: SourceFile, code: str, line: int) -> tuple[str, bool]:
    inserts = suppress(source, code, line)
    assert inserts is not None
    text = apply(source, inserts)
    moved = sum(1 for i in inserts if i.line <= line and i.text.endswith("\n"))  # comment lines put above
    return text, suppressions(parse_note(SourceFile("x.md", text))).suppressed(code, line + moved)


def test_a_prose_line_gets_a_disable_line_comment_at_its_end():
    source = _source("""
        # Title

        Some teh text.
        """)
    text, off = _suppressed_after(source, "NL201", 3)
    assert text.splitlines()[2] == "Some teh text. <!-- notelint-disable-line NL201 -->"
    assert off


def test_a_hard_line_break_is_kept():
    source = SourceFile("x.md", "Some teh text  \nnext line\\\nlast\n")
    text, off = _suppressed_after(source, "NL201", 1)
    assert text.splitlines()[0] == "Some teh text <!-- notelint-disable-line NL201 -->  "
    text, off2 = _suppressed_after(source, "NL201", 2)
    assert text.splitlines()[1] == "next line <!-- notelint-disable-line NL201 -->\\"
    assert off and off2


def test_a_code_block_is_wrapped_in_disable_and_enable():
    source = _source("""
        - item

          ```python
          client.describe_trainingjob()
          ```
        """)
    text, off = _suppressed_after(source, "NL410", 4)
    assert text.splitlines()[2:7] == [
        "  <!-- notelint-disable NL410 -->",
        "  ```python",
        "  client.describe_trainingjob()",
        "  ```",
        "  <!-- notelint-enable NL410 -->",
    ]
    assert off


def test_a_line_that_ends_inside_a_code_span_gets_the_comment_on_its_own_line_above():
    source = SourceFile("x.md", "A `code\nspan` here\n")
    text, off = _suppressed_after(source, "NL201", 1)
    assert text == "<!-- notelint-disable-next-line NL201 -->\nA `code\nspan` here\n"
    assert off


def test_no_comment_is_offered_where_any_would_change_the_markdown():
    # a table row: a comment at its end adds a cell, a line above ends the table
    source = SourceFile("x.md", "| a | b |\n|---|---|\n| teh | d |\n")
    assert suppress(source, "NL201", 3) is None


def test_crlf_text_gets_crlf_lines():
    source = SourceFile("x.md", "Para one.\r\n\r\n```\r\nx\r\n```\r\n")
    inserts = suppress(source, "NL410", 4)
    assert inserts is not None
    assert "\r\n<!-- notelint-enable NL410 -->" in apply(source, inserts)


def test_add_word_keeps_a_sorted_file_sorted(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# project words\nalpha\ngamma\n", encoding="utf-8")
    assert add_word(words, "beta")
    assert words.read_text(encoding="utf-8") == "# project words\nalpha\nbeta\ngamma\n"
    assert not add_word(words, "Beta")  # already there (word lists ignore case)


def test_add_word_appends_to_an_unsorted_file_and_creates_a_missing_one(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("zeta\nalpha", encoding="utf-8")
    assert add_word(words, "beta")
    assert words.read_text(encoding="utf-8") == "zeta\nalpha\nbeta\n"
    new = tmp_path / "new.txt"
    assert add_word(new, "frobnicate")
    assert new.read_text(encoding="utf-8") == "frobnicate\n"


def test_add_word_to_config_keeps_the_pyproject_as_it_was_and_a_sorted_list_sorted(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\n\n[tool.notelint]\n# the project\'s words\nwords = [\n    "alpha",\n    "gamma",\n]\n'
        'paths = ["notes"]\n', encoding="utf-8")
    assert add_word_to_config(pyproject, "beta")
    assert pyproject.read_text(encoding="utf-8") == (
        '[project]\nname = "x"\n\n[tool.notelint]\n# the project\'s words\nwords = [\n    "alpha",\n    "beta",\n'
        '    "gamma",\n]\npaths = ["notes"]\n')
    assert not add_word_to_config(pyproject, "Beta")  # already there (word lists ignore case)
    assert load_file(pyproject).words == ("alpha", "beta", "gamma")


def test_add_word_to_config_creates_the_setting_and_the_file(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.notelint]\npaths = ["notes"]\n', encoding="utf-8")
    assert add_word_to_config(pyproject, "zeta")
    assert pyproject.read_text(encoding="utf-8") == '[tool.notelint]\npaths = ["notes"]\nwords = ["zeta"]\n'
    unsorted = tmp_path / "unsorted" / "notelint.toml"
    unsorted.parent.mkdir()
    unsorted.write_text('words = ["zeta", "alpha"]\n', encoding="utf-8")
    assert add_word_to_config(unsorted, "beta")
    assert load_file(unsorted).words == ("zeta", "alpha", "beta")
    new = tmp_path / "new" / "notelint.toml"
    new.parent.mkdir()
    assert add_word_to_config(new, "frobnicate")
    assert new.read_text(encoding="utf-8") == 'words = ["frobnicate"]\n'
    assert load_file(new).words == ("frobnicate",)
