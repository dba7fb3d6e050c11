import pytest

from notelint.source import SourceError, decode, read_source


def test_positions_are_one_based_code_points():
    source = decode("n.md", "ab\ncé日x\n".encode())
    assert source.position(0) == (1, 1)
    assert source.position(3) == (2, 1)
    assert source.position(source.norm.index("x")) == (2, 4)  # é and 日 count as one column each


def test_crlf_and_lone_cr_are_line_breaks_and_columns_ignore_them():
    source = decode("n.md", b"a\r\nbc\rd\n")
    assert source.norm == "a\nbc\nd\n"
    assert source.line_count == 4
    assert source.position(source.norm.index("d")) == (3, 1)
    # a normalised offset maps back to the same character in the original text
    assert source.text[source.original_offset(source.norm.index("d"))] == "d"
    assert source.text[source.original_offset(source.norm.index("c"))] == "c"


def test_bom_is_not_a_column_and_is_restored_on_write():
    source = decode("n.md", "\ufeff# T\n".encode())
    assert source.bom is True
    assert source.norm == "# T\n"
    assert source.position(2) == (1, 3)
    assert source.encoded() == "\ufeff# T\n".encode()


def test_nul_early_means_binary_later_becomes_replacement_character():
    with pytest.raises(SourceError, match="binary file"):
        decode("n.md", b"a\0b")
    late = decode("n.md", b"x" * 9000 + b"\0y")
    assert late.norm.endswith("\ufffdy")  # as markdown-it does, so offsets agree


def test_invalid_utf8_names_line_and_byte():
    with pytest.raises(SourceError) as caught:
        decode("bad.md", b"ok\nab\xff\n")
    assert str(caught.value) == "bad.md: not valid UTF-8: byte 0xff at line 2, byte column 3"


def test_read_source_errors(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "gone.md", "gone.md", 1000)
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 2001)
    with pytest.raises(SourceError, match=r"skipped: 2.0 KB is larger than max-file-size \(1.0 KB\)"):
        read_source(big, "big.md", 1000)
    loop = tmp_path / "loop.md"
    loop.symlink_to(tmp_path / "loop2.md")
    (tmp_path / "loop2.md").symlink_to(loop)
    with pytest.raises(SourceError, match="symbolic link loop"):
        read_source(loop, "loop.md", 1000)
