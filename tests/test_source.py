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


# -- behaviour the mutation run (bench/mutation.py source) found unpinned --------------------
@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 bytes"), (999, "999 bytes"), (1000, "1.0 KB"), (999_499, "999.5 KB"), (1_500_000, "1.5 MB"),
     (2_000_000_000, "2.0 GB"), (5 * 10**12, "5000.0 GB")],
)
def test_human_sizes(size, text):
    from notelint.source import _human_size

    assert _human_size(size) == text


def test_size_limit_is_inclusive(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes(b"x" * 1000)
    assert read_source(path, "n.md", 1000).text == "x" * 1000
    path.write_bytes(b"x" * 1001)
    with pytest.raises(SourceError) as caught:
        read_source(path, "n.md", 1000)
    assert (caught.value.path, caught.value.reason) == ("n.md", "skipped: 1.0 KB is larger than max-file-size (1.0 KB)")


def test_directories_and_broken_links_are_named(tmp_path):
    (tmp_path / "d.md").mkdir()
    with pytest.raises(SourceError) as caught:
        read_source(tmp_path / "d.md", "d.md", 1000)
    assert (caught.value.path, caught.value.reason) == ("d.md", "is a directory")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(SourceError) as caught:
        read_source(tmp_path / "dangling.md", "dangling.md", 1000)
    assert caught.value.reason == "broken symbolic link (its target does not exist)"
    with pytest.raises(SourceError) as caught:
        read_source(tmp_path / "gone.md", "gone.md", 1000)
    assert str(caught.value) == "gone.md: no such file (was it deleted while notelint ran?)"


def test_binary_probe_covers_exactly_the_first_8192_bytes():
    with pytest.raises(SourceError) as caught:
        decode("n.md", b"x" * 8191 + b"\0")
    assert (caught.value.path, caught.value.reason) == ("n.md", "binary file (contains NUL bytes), not a Markdown note")
    assert decode("n.md", b"x" * 8192 + b"\0").norm == "x" * 8192 + "\ufffd"


@pytest.mark.parametrize(
    ("data", "where"),
    [(b"\xff", "line 1, byte column 1"), (b"\nab\xff", "line 2, byte column 3"), (b"a\n\n\xc3(", "line 3, byte column 1"),
     ("é".encode() + b"\xff", "line 1, byte column 3")],
)
def test_invalid_utf8_position(data, where):
    with pytest.raises(SourceError) as caught:
        decode("bad.md", data)
    assert caught.value.path == "bad.md"
    assert caught.value.reason.endswith(where)


def test_line_text_offsets_and_line_starts():
    source = decode("n.md", b"ab\r\ncd\n\nef")
    assert [source.line_text(n) for n in range(1, source.line_count + 1)] == ["ab", "cd", "", "ef"]
    assert [source.line_start(n) for n in (1, 2, 3, 4)] == [0, 3, 6, 7]
    assert source.line_starts() == [0, 3, 6, 7]
    assert source.offset(2, 2) == 4 and source.norm[source.offset(4, 1)] == "e"
    assert source.position(-5) == (1, 1) and source.position(10**6) == (4, 3)  # clamped
    assert [source.original_offset(source.offset(n, 1)) for n in (1, 2, 3, 4)] == [0, 4, 7, 8]
    assert source.encoded("z") == b"z" and source.encoded() == b"ab\r\ncd\n\nef"


def test_a_file_without_carriage_returns_maps_offsets_to_themselves():
    source = decode("n.md", b"ab\ncd\n")
    assert source.norm is source.text
    assert [source.original_offset(o) for o in range(len(source.norm) + 1)] == list(range(len(source.norm) + 1))


def test_every_read_error_names_its_file(tmp_path, monkeypatch):
    import errno
    from pathlib import Path

    assert decode("n.md", b"x").path == "n.md"
    (tmp_path / "n.md").write_bytes(b"x")
    assert read_source(tmp_path / "n.md", "shown.md", 10).path == "shown.md"
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    for name, reason in (("dangling.md", "broken symbolic link (its target does not exist)"),
                         ("loop.md", "symbolic link loop")):
        with pytest.raises(SourceError) as caught:
            read_source(tmp_path / name, name, 10)
        assert (caught.value.path, caught.value.reason) == (name, reason)
    for raised, reason in ((PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
                           (OSError(errno.EIO, "Input/output error"), "Input/output error"),
                           (OSError("no errno, no strerror"), "no errno, no strerror")):
        def failing_read(self, raised=raised):
            raise raised

        monkeypatch.setattr(Path, "read_bytes", failing_read)
        with pytest.raises(SourceError) as caught:
            read_source(tmp_path / "n.md", "n.md", 10)
        assert (caught.value.path, caught.value.reason) == ("n.md", reason)
        monkeypatch.undo()
