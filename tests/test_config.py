"""Configuration discovery and validation; selection by code prefix."""

from datetime import date
from pathlib import Path

import pytest

from notelint.codes import Selection
from notelint.config import ConfigError, discover, load_file


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_discovery_walks_up_and_prefers_notelint_toml(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.notelint]\npaths = ['notes']\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = discover(deep)
    assert (config.file, config.paths, config.root) == (tmp_path / "pyproject.toml", ("notes",), tmp_path.resolve())
    write(tmp_path / "notelint.toml", "paths = ['other']\nfail-on = 'error'\nas-of = 2026-01-02\n")
    config = discover(deep)
    assert (config.paths, config.fail_on, config.as_of) == (("other",), "error", date(2026, 1, 2))


def test_pyproject_without_notelint_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    inner = write(tmp_path / "sub" / "pyproject.toml", "[tool.black]\nline-length = 1\n")
    config = discover(inner.parent)
    assert config.file is None and config.root == inner.parent.resolve()


@pytest.mark.parametrize(
    "text, message",
    [
        ("pathz = ['x']", "unknown setting 'pathz'; did you mean 'paths'?"),
        ("select = 'NL1'", "'select' must be a list of strings, got 'NL1'"),
        ("ignore = ['E501']", "'ignore' must be a list of rule codes or prefixes such as NL2 or NL201, got 'E501'"),
        ("fail-on = 'fatal'", "'fail-on' must be \"error\" | \"warning\" | \"info\" | \"never\", got 'fatal'"),
        ("as-of = 'tomorrow'", "'as-of' must be a date written YYYY-MM-DD, got 'tomorrow'"),
        ("[severity]\nNL112 = 'loud'", "'severity.NL112' must be \"error\", \"warning\" or \"info\", got 'loud'"),
        ("[per-file-ignores]\n'*.md' = 'NL1'", "'per-file-ignores.*.md' must be a list of strings, got 'NL1'"),
        ("max-file-size = -1", "'max-file-size' must be a positive number of bytes, got -1"),
        ("paths = [", "invalid TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, text, message):
    path = write(tmp_path / "notelint.toml", text + "\n")
    with pytest.raises(ConfigError) as caught:
        load_file(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_selection_most_specific_prefix_wins():
    selection = Selection(select=("NL1", "NL112"), ignore=("NL11",))
    assert selection.enabled("NL101")
    assert not selection.enabled("NL113")
    assert selection.enabled("NL112")  # NL112 is more specific than the ignored NL11
    assert not selection.enabled("NL201")
    default = Selection(ignore=("NL2",), extend_select=())
    assert default.enabled("NL101") and not default.enabled("NL201")
    assert not Selection().enabled("NL299", default_enabled=False)
    assert Selection(extend_select=("NL2",)).enabled("NL299", default_enabled=False)


# -- the parsed file remembered between runs (config._read_toml) ------------------------
@pytest.fixture
def remembered(tmp_path, monkeypatch):
    """A project with a pyproject.toml, its own cache directory, and a clock 10 s on
    (the file has settled, so its parsed document may be remembered)."""
    import time

    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.notelint]\npaths = ["notes"]\nwords = ["mycorp"]\n')
    later = time.time_ns() + 10_000_000_000
    monkeypatch.setattr(time, "time_ns", lambda: later)
    return project


def _parse_fails(monkeypatch):
    from notelint import config

    def fail(path):
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(config, "_parse_toml", fail)


def test_a_settled_config_is_parsed_once(remembered, monkeypatch):
    first = discover(remembered)
    assert first.words == ("mycorp",) and first.paths == ("notes",)
    _parse_fails(monkeypatch)
    assert discover(remembered) == first
    assert load_file(remembered / "pyproject.toml") == first


def test_an_edited_config_is_parsed_again(remembered, monkeypatch):
    import os

    discover(remembered)
    path = remembered / "pyproject.toml"
    stat = path.stat()
    path.write_text(path.read_text().replace("mycorp", "yourco"))  # the same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the old modification time
    if path.stat().st_ctime_ns == stat.st_ctime_ns:
        pytest.skip("this file system kept the change time within one tick")
    assert discover(remembered).words == ("yourco",)


def test_a_config_changed_in_the_last_two_seconds_is_not_remembered(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "notelint.toml").write_text('words = ["mycorp"]\n')
    assert discover(tmp_path).words == ("mycorp",)
    assert not (tmp_path / "cache" / "config").exists()


def test_a_config_with_a_toml_date_is_parsed_every_time(remembered):
    (remembered / "pyproject.toml").write_text("[tool.notelint]\nas-of = 2026-01-15\n")
    assert discover(remembered).as_of == date(2026, 1, 15)
    assert not (remembered.parent / "cache" / "config").exists()  # JSON would give back a string
    assert discover(remembered).as_of == date(2026, 1, 15)


def test_invalid_toml_is_still_an_error_and_not_remembered(remembered):
    (remembered / "pyproject.toml").write_text("[tool.notelint\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        discover(remembered)
    assert not (remembered.parent / "cache" / "config").exists()


def test_a_document_remembered_by_another_python_or_damaged_is_parsed_again(remembered, monkeypatch):
    import json

    first = discover(remembered)
    (memo,) = (remembered.parent / "cache" / "config").glob("*.json")
    stored = json.loads(memo.read_text())
    memo.write_text(json.dumps({**stored, "python": "2.7", "document": {"tool": {"notelint": {"words": ["x"]}}}}))
    assert discover(remembered) == first
    memo.write_text("not json")
    assert discover(remembered) == first
