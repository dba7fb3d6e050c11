"""notelint's code-point columns <-> LSP positions (UTF-16 by default)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notelint.server.positions import (
    UTF8,
    UTF16,
    UTF32,
    PositionMap,
    to_column,
    to_units,
)
from notelint.source import SourceFile

EMOJI = "\U0001F600"  # outside the Basic Multilingual Plane: two UTF-16 units


def test_ascii_columns_are_characters_less_one():
    assert to_units("hello world", 7) == 6
    assert to_column("hello world", 6) == 7


def test_an_astral_character_counts_two_utf16_units():
    line = f"{EMOJI} teh"
    # 'teh' starts at code-point column 3 (1-based), after the emoji and a space
    assert to_units(line, 3) == 3
    assert to_units(line, 6) == 6  # the end of 'teh' (exclusive)
    assert to_column(line, 3) == 3
    assert to_column(line, 6) == 6


def test_a_bmp_character_counts_one_utf16_unit_and_several_utf8_units():
    line = "é teh"
    assert to_units(line, 3, UTF16) == 2
    assert to_units(line, 3, UTF8) == 3
    assert to_units(f"{EMOJI}x", 2, UTF8) == 4
    assert to_units(f"{EMOJI}x", 2, UTF32) == 1


def test_a_position_inside_a_surrogate_pair_rounds_down_to_the_character():
    line = f"a{EMOJI}b"
    assert to_column(line, 1) == 2  # before the emoji
    assert to_column(line, 2) == 2  # between its two halves
    assert to_column(line, 3) == 3  # after it


def test_past_the_end_of_a_line_is_its_end():
    assert to_units("ab", 10) == 2
    assert to_column(f"a{EMOJI}", 99) == 3


def test_position_map_counts_lines_from_zero_and_keeps_crlf_lines():
    source = SourceFile("x.md", f"# T\r\n{EMOJI}{EMOJI} word\r\n")
    positions = PositionMap(source)
    assert positions.to_lsp(2, 4) == (1, 5)  # 'word' after two emoji and a space
    assert positions.from_lsp(1, 5) == (2, 4)
    assert positions.offset(1, 5) == source.norm.index("word")
    assert positions.to_lsp(3, 1) == (2, 0)  # the empty last line


def test_position_map_refuses_an_unknown_encoding():
    with pytest.raises(ValueError, match="unknown position encoding"):
        PositionMap(SourceFile("x.md", ""), "utf-7")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=30),
       st.sampled_from([UTF8, UTF16, UTF32]))
def test_every_column_survives_the_round_trip(line, encoding):
    for column in range(1, len(line) + 2):
        assert to_column(line, to_units(line, column, encoding), encoding) == column
        # and the unit count is what the encoding itself says
        codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
        width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]
        assert to_units(line, column, encoding) == len(line[: column - 1].encode(codec)) // width
