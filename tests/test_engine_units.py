"""The engine's rules of assembly, through its public entry points: one answer
per name, counts per severity, what a too-deep note says, where a finding's
positions and severity come from, context notes read but never reported on,
files that cannot be read left out of --fix's parse.

Found unpinned by ``bench/mutation.py engine`` (issue 20).
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from datetime import date

import pytest

from notelint.config import Config
from notelint import parallel
from notelint.diagnostic import Diagnostic, Edit, Finding, Fix, Related, Severity
from notelint.engine import Linter, RunResult, one_per_name, parse_files
from notelint.files import NoteFile
from notelint.outcome import FileOutcome
from notelint.note import Note, parse_note
from notelint.rule import Scope, rule
from notelint.rules import RULES
from notelint.source import decode
from tests.helpers import AS_OF, FRONT, REPO


def _d(code: str, line: int = 5, column: int = 3, severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(code, "name", severity, "n.md", line, column, line, column + 3, "m")


# -- one answer per name ------------------------------------------------------------------------
def test_one_per_name_keeps_the_most_specific_naming_rule_per_place():
    renamed, vendor, spacing, case = _d("NL501"), _d("NL303"), _d("NL302"), _d("NL301")
    assert one_per_name([case, spacing, vendor, renamed]) == [renamed]
    assert one_per_name([case, spacing, vendor]) == [vendor]
    assert one_per_name([case, spacing]) == [spacing]
    assert one_per_name([case]) == [case]


def test_one_per_name_leaves_other_places_and_other_rules_alone():
    here, next_column, next_line = _d("NL302"), _d("NL301", column=4), _d("NL301", line=6)
    spelling = _d("NL202")
    assert one_per_name([here, next_column, next_line, spelling]) == [here, next_column, next_line, spelling]
    assert one_per_name([_d("NL301"), spelling, _d("NL501")]) == [spelling, _d("NL501")]
    plain = [spelling, _d("NL112")]
    assert one_per_name(plain) == plain


def test_a_name_wrong_in_several_ways_gets_one_finding():
    naming = Config(root=REPO, select=("NL3", "NL501"))
    found = Linter(naming, RULES, AS_OF).check_text(FRONT + "* Aws Sagemaker trains\n", "n.md")
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [("NL303", 5, 3, 6)]


# -- counts --------------------------------------------------------------------------------------
def test_counts_has_every_severity():
    result = RunResult(diagnostics=[_d("NL1", severity=Severity.ERROR), _d("NL2"), _d("NL3"), _d("NL4")])
    assert result.counts() == {Severity.INFO: 0, Severity.WARNING: 3, Severity.ERROR: 1}
    assert RunResult().counts() == {Severity.INFO: 0, Severity.WARNING: 0, Severity.ERROR: 0}


# -- a note nested too deeply ---------------------------------------------------------------------
def _quotes(levels: int) -> str:
    return FRONT + "".join(">" * n + f" level {n}\n" for n in range(1, levels + 1)) + "\n* after\n*\n"


def test_too_deep_names_one_line_or_a_range_and_checks_the_rest():
    linter = Linter(Config(root=REPO, select=("NL112",)), RULES, AS_OF)
    tail = " not checked: lists or block quotes nested too deeply (the Markdown parser stops at 20 levels; a nested list takes 2)"
    for levels, lines, empty_item in ((20, "line 24", 27), (22, "lines 24–26", 29)):
        result = RunResult()
        found = linter.check_notes([parse_note(decode("n.md", _quotes(levels).encode()))], result=result)
        assert [(d.code, d.line) for d in found] == [("NL112", empty_item)]
        assert [(e.path, e.message) for e in result.errors] == [("n.md", lines + tail)]


# -- positions and severities of findings --------------------------------------------------------------
@rule("NL195", "test-spans", Severity.INFO, "Reports fixed spans.", bad="x", good="y")
def _spans(note, ctx):
    """Three findings: a word, a span given backwards, one the note raised to an error."""
    start = note.text.index("alpha")
    yield Finding(start, start + 5, "word")
    yield Finding(start + 6, start + 2, "backwards")  # end before start: an empty span at start
    yield Finding(start, start + 10, "raised", severity=Severity.ERROR,
                  related=(Related(note, start + 6, start + 10, "there"),), meta={"k": "v"}, suggestions=["a", "b"])


def test_positions_related_locations_and_severity_precedence():
    text = FRONT + "* alpha beta\n"
    config = Config(root=REPO, select=("NL195",))
    found = Linter(config, [*RULES, _spans], AS_OF).check_text(text, "n.md")
    assert [(d.message, d.line, d.column, d.end_line, d.end_column, d.severity) for d in found] == [
        ("word", 5, 3, 5, 8, Severity.INFO),
        ("raised", 5, 3, 5, 13, Severity.ERROR),
        ("backwards", 5, 9, 5, 9, Severity.INFO),
    ]
    raised = found[1]
    assert (raised.code, raised.name, raised.path) == ("NL195", "test-spans", "n.md")
    assert [(r.path, r.line, r.column, r.end_line, r.end_column, r.message) for r in raised.related] == [
        ("n.md", 5, 9, 5, 13, "there")]
    assert raised.suggestions == ("a", "b") and dict(raised.meta) == {"k": "v"}
    # a severity set in the configuration wins over the finding's own
    configured = Linter(Config(root=REPO, select=("NL195",), severity={"NL195": Severity.WARNING}), [*RULES, _spans],
                        AS_OF).check_text(text, "n.md")
    assert {d.severity for d in configured} == {Severity.WARNING}


def test_suppressed_and_per_file_ignored_findings_are_dropped():
    text = FRONT + "<!-- notelint-disable-next-line NL195 -->\n* alpha beta\n"
    config = Config(root=REPO, select=("NL195",))
    assert Linter(config, [*RULES, _spans], AS_OF).check_text(text, "n.md") == []
    plain = FRONT + "* alpha beta\n"
    ignoring = Config(root=REPO, select=("NL195",), per_file_ignores={"notes/*.md": ("NL195",)})
    assert Linter(ignoring, [*RULES, _spans], AS_OF).check_text(plain, "notes/n.md") == []
    assert len(Linter(ignoring, [*RULES, _spans], AS_OF).check_text(plain, "other/n.md")) == 3


# -- corpus rules: context is read, targets are reported ---------------------------------------------------
CLAIM = "* Amazon S3 stores objects in buckets across three zones\n"


def test_a_repeated_claim_is_reported_on_the_target_not_the_context(tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(FRONT + CLAIM)
    a, b = NoteFile(tmp_path / "a.md", "a.md"), NoteFile(tmp_path / "b.md", "b.md")
    linter = Linter(Config(root=tmp_path, select=("NL113",)), RULES, AS_OF, jobs=1)
    result = linter.run([b], context=[a, b])
    assert [(d.code, d.path, d.line) for d in result.diagnostics] == [("NL113", "b.md", 5)]
    assert [(r.path, r.line) for r in result.diagnostics[0].related] == [("a.md", 5)]
    assert result.files == 1 and list(result.sources) == ["b.md"]
    # without context, one note repeats nothing
    assert linter.run([b]).diagnostics == []
    # both as targets: the second is the repeat
    assert [d.path for d in linter.run([a, b]).diagnostics] == ["b.md"]


def test_check_notes_compares_with_extra_notes_and_reports_only_the_targets():
    a = parse_note(decode("a.md", (FRONT + CLAIM).encode()))
    b = parse_note(decode("b.md", (FRONT + CLAIM).encode()))
    linter = Linter(Config(root=REPO, select=("NL113",)), RULES, AS_OF)
    assert [(d.path, d.line) for d in linter.check_notes([b], extra=[a])] == [("b.md", 5)]
    assert linter.check_notes([b]) == []


def test_parse_files_leaves_out_files_that_cannot_be_read(tmp_path):
    (tmp_path / "good.md").write_text(FRONT + "* one\n")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00binary")
    linter = Linter(Config(root=tmp_path), RULES, AS_OF)
    notes = parse_files(linter, [NoteFile(tmp_path / "bad.md", "bad.md"), NoteFile(tmp_path / "missing.md", "m.md"),
                                 NoteFile(tmp_path / "good.md", "good.md")])
    assert [n.path for n in notes] == ["good.md"]
    assert notes[0].text == FRONT + "* one\n"


def test_a_run_reports_unreadable_files_and_checks_the_others(tmp_path):
    (tmp_path / "good.md").write_text(FRONT + "* one\n*\n")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00binary")
    result = Linter(Config(root=tmp_path, select=("NL112",)), RULES, AS_OF, jobs=1).run(
        [NoteFile(tmp_path / "bad.md", "bad.md"), NoteFile(tmp_path / "good.md", "good.md")])
    assert [(d.path, d.line) for d in result.diagnostics] == [("good.md", 6)]
    assert [e.path for e in result.errors] == ["bad.md"]
    assert list(result.sources) == ["good.md"] and result.files == 2
    assert [n.path for n in result.notes] == ["good.md"]


def test_a_context_file_without_the_cache_gives_its_summary_only(tmp_path):
    (tmp_path / "ctx.md").write_text(FRONT + CLAIM)
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "big.md").write_text(FRONT + "* one\n" * 60)
    linter = Linter(Config(root=tmp_path, select=("NL113",), max_file_size=200), RULES, AS_OF, jobs=1)
    assert linter.cache is None
    outcome = linter.process_context_file(NoteFile(tmp_path / "ctx.md", "ctx.md"))
    assert (outcome.path, outcome.error, outcome.diagnostics) == ("ctx.md", None, [])
    assert outcome.source is not None and (outcome.source.path, outcome.source.text) == ("ctx.md", FRONT + CLAIM)
    assert outcome.summary is not None
    for name in ("bad.md", "big.md", "missing.md"):
        failed = linter.process_context_file(NoteFile(tmp_path / name, name))
        assert failed.path == name and failed.error is not None and failed.error.path == name, name
        assert failed.error.message and (failed.summary, failed.source) == (None, None), name


# -- a rule that crashes, is slow, or needs shared data ------------------------------------------------
# (rules of the test's own, so that a shipped rule can change without these tests)
CALLS: list[str] = []  # what the recording rules below were given, in order


def _fail(what: str) -> None:
    raise ValueError(what)  # one frame below the rule: the report names this line, not the rule's call


def _raise_line() -> int:
    try:
        _fail("x")
    except ValueError as exc:
        return traceback.extract_tb(exc.__traceback__)[-1].lineno
    raise AssertionError("_fail returned")


@rule("NL196", "test-crash", Severity.WARNING, "Crashes on every note.", bad="x", good="y")
def _crashing(note, ctx):
    _fail("boom")
    yield Finding(0, 1, "never")


@rule("NL197", "test-record", Severity.INFO, "Records the notes it checks.", bad="x", good="y")
def _recording(note, ctx):
    CALLS.append("check " + note.path)
    yield from ()


def _prepare_counted(ctx) -> None:
    CALLS.append("prepare")


def _collect_crashing(note, ctx):
    _fail("collect " + note.path)


def _collect_path(note, ctx):
    CALLS.append("collect " + note.path)
    return note.path


@rule("NL198", "test-corpus-crash", Severity.WARNING, "Its summary crashes.", bad="x", good="y",
      scope=Scope.CORPUS, collect=_collect_crashing)
def _corpus_collect_crashes(digests, ctx):
    yield from ()


@rule("NL199", "test-corpus", Severity.WARNING, "Crashes comparing notes.", bad="x", good="y",
      scope=Scope.CORPUS, collect=_collect_path, prepare=_prepare_counted)
def _corpus_check_crashes(digests, ctx):
    _fail("compare " + ",".join(d.data for d in digests))
    yield from ()


def _collect_nothing(note, ctx):
    CALLS.append("collect nothing " + note.path)
    return []


@rule("NL192", "test-corpus-empty", Severity.WARNING, "Collects nothing of any note.", bad="x", good="y",
      scope=Scope.CORPUS, collect=_collect_nothing)
def _corpus_of_nothing(digests, ctx):
    CALLS.append("compare " + ",".join(d.path for d in digests))
    yield from ()


def _spin_collect(note, ctx):
    _spin()


@rule("NL194", "test-slow-corpus", Severity.WARNING, "Its summary never ends.", bad="x", good="y",
      scope=Scope.CORPUS, collect=_spin_collect)
def _slow_corpus(digests, ctx):
    yield from ()


@rule("NL193", "test-slow", Severity.WARNING, "Never ends on a note.", bad="x", good="y")
def _slow(note, ctx):
    _spin()
    yield from ()


def _spin() -> None:
    """Busy until the file's time limit stops it (or 60 s, so that a broken limit fails instead of hanging)."""
    until = time.monotonic() + 60
    while time.monotonic() < until:
        pass


OWN = [*RULES, _crashing, _recording, _corpus_collect_crashes, _corpus_check_crashes, _slow_corpus, _slow,
       _corpus_of_nothing]


def _own(*codes: str, root=REPO, **settings) -> Linter:
    CALLS.clear()
    return Linter(Config(root=root, select=codes, **settings), OWN, AS_OF, jobs=1)


def _parsed(path: str, body: str = "* one\n") -> Note:
    return parse_note(decode(path, (FRONT + body).encode()))


def test_a_crashing_note_rule_is_reported_where_it_raised_and_the_others_still_run():
    result = RunResult()
    found = _own("NL196", "NL112").check_notes([_parsed("a.md", "*\n")], result=result)
    assert [(d.code, d.line) for d in found] == [("NL112", 5)]
    assert [(e.path, e.message) for e in result.errors] == [
        ("a.md", f"internal error in rule NL196 (test-crash): ValueError: boom at test_engine_units.py:{_raise_line()}; "
                 "please report it")]


def test_a_crashing_summary_is_reported_on_its_note_and_the_rule_compares_the_rest():
    result = RunResult()
    found = _own("NL198", "NL112").check_notes([_parsed("a.md", "*\n"), _parsed("b.md")], result=result)
    assert [(d.path, d.code, d.line) for d in found] == [("a.md", "NL112", 5)]
    line = _raise_line()
    assert [(e.path, e.message) for e in result.errors] == [
        (path, f"internal error in rule NL198 (test-corpus-crash): ValueError: collect {path} "
               f"at test_engine_units.py:{line}; please report it") for path in ("a.md", "b.md")]


def test_a_crashing_comparison_is_reported_for_the_notes_and_raised_without_a_result():
    result = RunResult()
    linter = _own("NL199")
    assert linter.check_notes([_parsed("a.md"), _parsed("b.md")], extra=[_parsed("c.md")], result=result) == []
    assert [(e.path, e.message) for e in result.errors] == [
        ("the notes", f"internal error in rule NL199 (test-corpus): ValueError: compare c.md,a.md,b.md "
                      f"at test_engine_units.py:{_raise_line()}; please report it")]
    with pytest.raises(ValueError, match="^compare a.md$"):
        linter.check_notes([_parsed("a.md")])


def test_a_too_deep_note_without_a_result_is_checked_all_the_same():
    found = Linter(Config(root=REPO, select=("NL112",)), RULES, AS_OF).check_notes(
        [parse_note(decode("n.md", _quotes(20).encode()))])
    assert [(d.code, d.line) for d in found] == [("NL112", 27)]


def test_too_deep_ranges_are_listed_with_commas():
    text = _quotes(20) + "\n" + "".join(">" * n + f" again {n}\n" for n in range(1, 23))
    result = RunResult()
    Linter(Config(root=REPO, select=("NL112",)), RULES, AS_OF).check_notes([parse_note(decode("n.md", text.encode()))],
                                                                         result=result)
    assert [e.message.split(" not checked")[0] for e in result.errors] == ["line 24, lines 48–50"]


def test_extra_notes_are_checked_only_when_a_corpus_rule_compares_them():
    _own("NL197").check_notes([_parsed("a.md")], extra=[_parsed("b.md")])
    assert CALLS == ["check a.md"]
    _own("NL197", "NL199").check_notes([_parsed("a.md")], extra=[_parsed("b.md")], result=RunResult())
    assert [c for c in CALLS if c.startswith("check")] == ["check a.md", "check b.md"]


def test_text_without_a_path_is_reported_as_text():
    found = Linter(Config(root=REPO, select=("NL112",)), RULES, AS_OF).check_text(FRONT + "*\n")
    assert [(d.path, d.line) for d in found] == [("<text>", 5)]


def test_a_context_file_loads_shared_data_once_and_reports_a_crashing_summary(tmp_path):
    (tmp_path / "c.md").write_text(FRONT + "* one\n")
    linter = _own("NL199", root=tmp_path)
    for _ in range(2):
        outcome = linter.process_context_file(NoteFile(tmp_path / "c.md", "c.md"))
        assert (outcome.path, outcome.error) == ("c.md", None)
    assert CALLS == ["prepare", "collect c.md", "collect c.md"]
    crashing = _own("NL198", root=tmp_path).process_context_file(NoteFile(tmp_path / "c.md", "c.md"))
    assert crashing.path == "c.md" and crashing.summary is not None and crashing.source is not None
    assert crashing.error is not None and crashing.error.path == "c.md"
    assert crashing.error.message.startswith("internal error in rule NL198 (test-corpus-crash): ValueError: collect c.md")


def test_a_file_checked_for_too_long_is_skipped_with_an_error_naming_it(tmp_path):
    (tmp_path / "slow.md").write_text(FRONT + "* one\n")
    file = NoteFile(tmp_path / "slow.md", "slow.md")
    message = ("skipped: checking took longer than 0.05 s (a rule is too slow on this text; please report it)")
    for code, process in (("NL193", Linter.process_file), ("NL194", Linter.process_context_file)):
        outcome = process(_own(code, root=tmp_path, file_timeout=0.05), file)
        assert outcome.path == "slow.md" and outcome.diagnostics == [], code
        assert outcome.source is not None and outcome.source.path == "slow.md", code  # (its text is still shown)
        assert outcome.error is not None and (outcome.error.path, outcome.error.message) == ("slow.md", message), code


def test_a_file_that_cannot_be_read_is_named_in_its_outcome(tmp_path):
    (tmp_path / "big.md").write_text(FRONT + "* one\n" * 60)
    linter = _own("NL112", root=tmp_path, max_file_size=200)
    for name, reason in (("big.md", "skipped: 398 bytes is larger than max-file-size (200 bytes)"),
                         ("missing.md", "no such file (was it deleted while notelint ran?)")):
        outcome = linter.process_file(NoteFile(tmp_path / name, name))
        assert outcome.path == name and (outcome.summary, outcome.source, outcome.diagnostics) == (None, None, [])
        assert outcome.error is not None and (outcome.error.path, outcome.error.message) == (name, reason)


def test_a_cached_outcome_names_its_file(tmp_path):
    (tmp_path / "a.md").write_text(FRONT + "*\n")
    linter = Linter(Config(root=tmp_path, select=("NL112", "NL197")), OWN, AS_OF, cache=True, jobs=1)
    CALLS.clear()
    first, again = (linter.process_file(NoteFile(tmp_path / "a.md", "a.md")) for _ in range(2))
    assert CALLS == ["check a.md"]  # the second answer came from the cache
    assert again.path == first.path == "a.md" and again.diagnostics == first.diagnostics
    assert [(d.code, d.line) for d in again.diagnostics] == [("NL112", 5)]
    assert again.source is not None and again.source.path == "a.md"
    assert again.summary is not None and first.summary is not None and again.summary.path == first.summary.path == "a.md"


@rule("NL192", "test-lines", Severity.INFO, "Reports every line, with a fix.", bad="x", good="y")
def _every_line(note, ctx):
    offset = 0
    for line in note.text.splitlines(keepends=True):
        yield Finding(offset, offset + 1, "line", fix=Fix((Edit(offset, offset + 1, "#"),), "mark it", safe=False))
        offset += len(line)


def test_findings_on_lines_too_deep_to_parse_are_dropped_up_to_both_ends_of_the_range():
    linter = Linter(Config(root=REPO, select=("NL192",)), [*RULES, _every_line], AS_OF)
    for levels, dropped in ((20, {24}), (22, {24, 25, 26})):
        text = _quotes(levels)
        lines = {d.line for d in linter.check_notes([parse_note(decode("n.md", text.encode()))])}
        assert lines == set(range(1, text.count("\n") + 1)) - dropped, levels


def test_a_fix_keeps_its_edits_description_and_safety():
    found = Linter(Config(root=REPO, select=("NL192",)), [*RULES, _every_line], AS_OF).check_text(FRONT + "* a\n", "n.md")
    fix = found[-1].fix
    assert fix is not None and (fix.description, fix.safe) == ("mark it", False)
    assert [(e.line, e.column, e.end_line, e.end_column, e.text) for e in fix.edits] == [(5, 1, 5, 2, "#")]


def test_one_per_name_keeps_the_most_specific_whatever_the_order():
    renamed, case = _d("NL501"), _d("NL301")
    assert one_per_name([renamed, case]) == [renamed]
    assert one_per_name([case, renamed, _d("NL302")]) == [renamed]


def test_a_linter_dates_its_run_by_the_argument_then_the_setting_then_today():
    assert Linter(Config(root=REPO), RULES).as_of == date.today()
    assert Linter(Config(root=REPO, as_of=date(2024, 1, 2)), RULES).as_of == date(2024, 1, 2)
    assert Linter(Config(root=REPO, as_of=date(2024, 1, 2)), RULES, AS_OF).as_of == AS_OF


def test_data_given_to_a_linter_is_what_its_rules_share():
    linter = Linter(Config(root=REPO), RULES, AS_OF, shared={"test.data": 42})
    assert linter.context.shared("test.data", lambda: 0) == 42
    assert Linter(Config(root=REPO), RULES, AS_OF).context.shared("test.data", lambda: 0) == 0


def test_a_summary_made_for_an_index_carries_the_notes_suppressions():
    # (the server's workspace index summarises notes without checking them)
    text = FRONT + "<!-- notelint-disable NL113 -->\n" + CLAIM
    config = Config(root=REPO, select=("NL113",), per_file_ignores={"notes/*.md": ("NL114",)})
    summary = Linter(config, RULES, AS_OF).summarise(parse_note(decode("notes/n.md", text.encode())),
                                                     FileOutcome("notes/n.md"))
    assert summary.suppressions.suppressed("NL113", 6) and summary.suppressions.suppressed("NL114", 1)
    assert not summary.suppressions.suppressed("NL112", 6)


def test_with_no_notes_a_corpus_rule_is_not_run():
    result = RunResult()
    assert _own("NL199").check_notes([], result=result) == [] and result.errors == []


def test_a_run_reports_a_crashing_comparison_and_names_its_rules(tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(FRONT + "* one\n")
    result = _own("NL199", "NL112", root=tmp_path).run([NoteFile(tmp_path / "a.md", "a.md")],
                                                       context=[NoteFile(tmp_path / "b.md", "b.md")])
    assert [(e.path, e.message.split(" at ")[0]) for e in result.errors] == [
        ("the notes", "internal error in rule NL199 (test-corpus): ValueError: compare b.md,a.md")]
    assert [r.code for r in result.rules] == ["NL112", "NL199"]


def test_one_job_checks_every_file_in_this_process_and_more_prepare_before_forking(tmp_path):
    files = []
    for number in range(parallel.PARALLEL_MIN_FILES):
        (tmp_path / f"n{number:02}.md").write_text(FRONT + "* one\n")
        files.append(NoteFile(tmp_path / f"n{number:02}.md", f"n{number:02}.md"))
    linter = _own("NL197", "NL199", root=tmp_path)
    assert linter.jobs == 1
    linter.run(files, context=files)
    assert CALLS[0] == "prepare" and CALLS.count("prepare") == 1
    assert [c for c in CALLS if c.startswith("check")] == [f"check {f.display}" for f in files]
    if "fork" in multiprocessing.get_all_start_methods() and parallel.job_count(2, len(files)) == 2:
        two = Linter(Config(root=tmp_path, select=("NL197", "NL199")), OWN, AS_OF, jobs=2)
        CALLS.clear()
        two.run(files, context=files)
        assert CALLS == ["prepare"]  # in this process, before the fork; the workers checked the files
    assert Linter(Config(root=tmp_path), RULES, AS_OF).jobs == 0  # 0: one worker per core


def test_a_file_that_reports_an_error_is_checked_again_not_cached(tmp_path):
    (tmp_path / "deep.md").write_text(_quotes(20))
    linter = Linter(Config(root=tmp_path, select=("NL112", "NL197")), OWN, AS_OF, cache=True, jobs=1)
    CALLS.clear()
    for _ in range(2):
        outcome = linter.process_file(NoteFile(tmp_path / "deep.md", "deep.md"))
        assert outcome.error is not None and outcome.error.message.startswith("line 24 not checked")
    assert CALLS == ["check deep.md", "check deep.md"]


def test_the_first_file_loads_shared_data_once(tmp_path):
    (tmp_path / "a.md").write_text(FRONT + "* one\n")
    linter = _own("NL199", root=tmp_path)
    for _ in range(2):
        assert linter.process_file(NoteFile(tmp_path / "a.md", "a.md")).error is None
    assert CALLS == ["prepare", "collect a.md", "collect a.md"]


def test_context_files_are_read_only_for_the_corpus_rules_that_collected_something_of_a_target(tmp_path):
    """A corpus rule reports on a target only at what it collected of it: one that collected
    nothing reports nothing, so (one process, no result cache) the context is not read for it."""
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(FRONT + "* one\n")
    target, context = [NoteFile(tmp_path / "a.md", "a.md")], [NoteFile(tmp_path / "b.md", "b.md")]
    linter = _own("NL192", "NL112", root=tmp_path)
    result = linter.run(target, context=context)
    assert CALLS == ["collect nothing a.md"] and result.errors == []
    linter = _own("NL192", "NL197", root=tmp_path)
    linter.run(target, context=context)
    assert CALLS == ["check a.md", "collect nothing a.md"]
    linter = _own("NL192", "NL199", root=tmp_path)
    result = linter.run(target, context=context)
    assert CALLS == ["prepare", "collect a.md", "collect nothing a.md", "collect b.md"]
    assert [e.message.split(" at ")[0] for e in result.errors] == [
        "internal error in rule NL199 (test-corpus): ValueError: compare b.md,a.md"]
    # with the result cache, a context note is checked whole (and kept for a run that targets it)
    cached = Linter(Config(root=tmp_path, select=("NL192", "NL197")), OWN, AS_OF, cache=True, jobs=1)
    CALLS.clear()
    cached.run(target, context=context)
    assert sorted(CALLS) == ["check a.md", "check b.md", "collect nothing a.md", "collect nothing b.md"]


def test_without_a_corpus_rule_context_files_are_not_read(tmp_path):
    # (with the result cache on, a context file would otherwise be checked whole and stored)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(FRONT + "* one\n")
    linter = Linter(Config(root=tmp_path, select=("NL197",)), OWN, AS_OF, cache=True, jobs=1)
    CALLS.clear()
    linter.run([NoteFile(tmp_path / "a.md", "a.md")], context=[NoteFile(tmp_path / "b.md", "b.md")])
    assert CALLS == ["check a.md"]
