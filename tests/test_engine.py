"""The engine: result cache, parallel workers, the per-file time limit, crashing rules."""

import time
from pathlib import Path

import pytest

from tests.helpers import AS_OF, FRONT, own_result_cache
from notelint.config import Config
from notelint.diagnostic import Finding, Severity
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.rule import rule
from notelint.rules import RULES

BAD = FRONT + "* one\n*\n"


def files(tmp_path: Path, count: int, text: str = BAD) -> list[NoteFile]:
    made = []
    for number in range(count):
        path = tmp_path / f"n{number:03d}.md"
        path.write_text(text + f"* claim number {number} is unique here\n")
        made.append(NoteFile(path, path.name))
    return made


def summary(result):
    return [(d.path, d.code, d.line, d.column) for d in result.diagnostics], [(e.path, e.message) for e in result.errors]


def test_parallel_and_serial_agree(tmp_path):
    targets = files(tmp_path, 40, BAD + "* S3 stores objects in buckets everywhere\n")
    config = Config(root=tmp_path, extend_select=("NL113",))
    serial = Linter(config, RULES, AS_OF, jobs=1).run(targets)
    parallel = Linter(config, RULES, AS_OF, jobs=2).run(targets)
    assert summary(serial) == summary(parallel)
    assert sum(d.code == "NL113" for d in parallel.diagnostics) == 39  # corpus rule across workers
    assert len(parallel.sources) == 40


def test_result_cache_hits_and_never_goes_stale(tmp_path, monkeypatch):
    targets = files(tmp_path, 2)
    config = Config(root=tmp_path)
    first = Linter(config, RULES, AS_OF, cache=True).run(targets)
    calls = []
    import notelint.engine as engine

    real = engine.parse_note
    monkeypatch.setattr(engine, "parse_note", lambda source: calls.append(source.path) or real(source))
    again = Linter(config, RULES, AS_OF, cache=True).run(targets)
    assert summary(again) == summary(first) and calls == []  # both from the cache
    targets[0].path.write_text(FRONT + "* fixed\n")
    changed = Linter(config, RULES, AS_OF, cache=True).run(targets)
    assert calls == ["n000.md"]
    assert [d.path for d in changed.diagnostics if d.code == "NL112"] == ["n001.md"]
    calls.clear()
    stricter = Linter(config.replaced(severity={"NL112": Severity.ERROR}), RULES, AS_OF, cache=True).run(targets)
    assert sorted(calls) == ["n000.md", "n001.md"]  # a config change invalidates every entry
    assert [d.severity for d in stricter.diagnostics if d.code == "NL112"] == [Severity.ERROR]


def test_damaged_cache_entry_is_a_miss(tmp_path):
    targets = files(tmp_path, 1)
    config = Config(root=tmp_path)
    linter = Linter(config, RULES, AS_OF, cache=True)
    expected = summary(linter.run(targets))
    for entry in linter.cache.root.rglob("*.json"):
        entry.write_text("{not json")
    assert summary(Linter(config, RULES, AS_OF, cache=True).run(targets)) == expected


@rule("NL199", "slow-rule", Severity.INFO, "Takes forever.", bad="x", good="y")
def slow_rule(note, ctx):
    """A rule stuck in a loop."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pass
    yield Finding(0, 1, "never")


@rule("NL198", "broken-rule", Severity.INFO, "Crashes.", bad="x", good="y")
def broken_rule(note, ctx):
    """A rule with a bug."""
    raise KeyError("boom")
    yield


def test_time_limit_skips_the_file_with_a_clear_message(tmp_path):
    targets = files(tmp_path, 1)
    config = Config(root=tmp_path, file_timeout=0.3)
    result = Linter(config, [*RULES, slow_rule], AS_OF).run(targets)
    assert [(e.path, e.message) for e in result.errors] == [
        ("n000.md", "skipped: checking took longer than 0.3 s (a rule is too slow on this text; please report it)")
    ]


@rule("NL197", "slow-on-one-note", Severity.INFO, "Takes forever on one note.", bad="x", good="y")
def slow_on_one_note(note, ctx):
    """A rule stuck in a loop on a note that says SLOW."""
    deadline = time.monotonic() + (60 if "SLOW" in note.text else 0)
    while time.monotonic() < deadline:
        pass
    yield from ()


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "workers"])
def test_time_limit_skips_only_the_slow_file_and_never_caches_it(tmp_path, jobs):
    targets = files(tmp_path, 30)  # enough files for worker processes
    targets[7].path.write_text(BAD + "SLOW\n")
    config = Config(root=tmp_path, file_timeout=0.5)
    for _ in range(2):  # again, with the other files' results cached: the slow one is checked (and skipped) again
        result = Linter(config, [*RULES, slow_on_one_note], AS_OF, cache=True, jobs=jobs).run(targets)
        assert [(e.path, e.message) for e in result.errors] == [
            ("n007.md", "skipped: checking took longer than 0.5 s (a rule is too slow on this text; please report it)")
        ]
        reported = sorted(d.path for d in result.diagnostics if d.code == "NL112")
        assert reported == [f.display for f in targets if f.display != "n007.md"]


@rule("NL196", "slow-to-load", Severity.INFO, "Loads its data slowly, once.", bad="x", good="y")
def slow_to_load(note, ctx):
    """A rule whose shared data takes longer to build than a file's time budget."""
    ctx.shared("test.slow-data", lambda: time.sleep(1.0))
    yield from ()


def test_loading_shared_data_does_not_count_against_the_first_file(tmp_path):
    targets = files(tmp_path, 3)
    result = Linter(Config(root=tmp_path, file_timeout=0.5), [*RULES, slow_to_load], AS_OF).run(targets)
    assert result.errors == []
    assert sorted(d.path for d in result.diagnostics if d.code == "NL112") == ["n000.md", "n001.md", "n002.md"]


def test_crashing_rule_is_reported_and_others_still_run(tmp_path):
    targets = files(tmp_path, 1)
    result = Linter(Config(root=tmp_path), [*RULES, broken_rule], AS_OF).run(targets)
    assert [d.code for d in result.diagnostics] == ["NL112"]
    (error,) = result.errors
    assert error.message.startswith("internal error in rule NL198 (broken-rule): KeyError: 'boom' at test_engine.py:")


@rule("NL196", "counts-notes", Severity.INFO, "Records every note it checks.", bad="x", good="y")
def counts_notes(note, ctx):
    """A note rule that records which notes it was run on."""
    CHECKED.append(note.path)
    return ()


CHECKED: list[str] = []


@pytest.mark.parametrize("jobs", [1, 2])
def test_context_notes_are_only_summarised_without_the_cache(tmp_path, monkeypatch, jobs):
    """Context notes are read for the corpus rules: without the result cache their
    own findings would be thrown away, so the note rules do not run on them; the
    findings are the same as when they are checked whole (with the cache on)."""
    own_result_cache(monkeypatch, tmp_path / "cache")
    claim = "* S3 stores objects in buckets everywhere\n"
    (tmp_path / "notes").mkdir()
    target, *context = files(tmp_path / "notes", 3, BAD + claim)
    config = Config(root=tmp_path, extend_select=("NL113", "NL196"))
    CHECKED.clear()
    result = Linter(config, [*RULES, counts_notes], AS_OF, jobs=jobs).run([target], context)
    if jobs == 1:  # (workers record in their own memory)
        assert CHECKED == ["n000.md"]
    whole = Linter(config, [*RULES, counts_notes], AS_OF, jobs=jobs, cache=True).run([target], context)
    assert [(d.code, d.line, d.related[0].path) for d in result.diagnostics if d.code == "NL113"] == [
        ("NL113", 7, "n001.md")
    ]
    assert summary(result) == summary(whole)
