"""The server's workspace: one configuration's linter and its index of notes, without an editor."""

from __future__ import annotations

from notelint.config import Config, load_file
from notelint.rules import RULES
from notelint.server.session import PER_CONFIG_DATA, Session

# the catalog and knowledge base, loaded by the first session and handed on (as the server does)
SHARED: dict = {}
CLAIM = "* Amazon S3 keeps every object in a bucket that lives in one AWS Region.\n"


def _session(tmp_path, **files: str) -> Session:
    (tmp_path / "notelint.toml").write_text('paths = ["notes"]\nextend-select = ["NL113"]\n', encoding="utf-8")
    (tmp_path / "notes").mkdir()
    for name, text in files.items():
        (tmp_path / "notes" / f"{name}.md").write_text(text, encoding="utf-8")
    if not SHARED:
        warm = Session(Config(root=tmp_path), RULES)
        warm.linter.prepare()
        SHARED.update(warm.shared_data())
    return Session(load_file(tmp_path / "notelint.toml"), RULES, shared=SHARED)


def test_the_index_holds_every_configured_note_and_follows_the_disk(tmp_path):
    session = _session(tmp_path, a="# A\n\n" + CLAIM, b="# B\n\nNothing in common here.\n")
    note = tmp_path / "notes" / "c.md"
    checked = session.check(note, "# C\n\n" + CLAIM)
    assert checked.path == "notes/c.md"
    assert sorted(session.index) == ["notes/a.md", "notes/b.md", "notes/c.md"]
    assert [(d.code, d.related[0].path) for d in checked.corpus_diagnostics] == [("NL113", "notes/a.md")]
    # a.md loses the claim on disk: the index learns it from the file, not from a re-read of everything
    (tmp_path / "notes" / "a.md").write_text("# A\n\nSomething else entirely.\n", encoding="utf-8")
    assert session.disk_changed(tmp_path / "notes" / "a.md")
    assert session.corpus("notes/c.md")[0] == []
    (tmp_path / "notes" / "b.md").unlink()
    assert session.disk_changed(tmp_path / "notes" / "b.md")
    assert "notes/b.md" not in session.index


def test_an_open_note_is_not_replaced_by_its_file_until_closed(tmp_path):
    session = _session(tmp_path, a="# A\n\n" + CLAIM)
    note = tmp_path / "notes" / "a.md"
    session.check(note, "# A\n\nThe unsaved text of the editor.\n")
    assert not session.disk_changed(note)  # the editor's text wins while open
    other = session.check(tmp_path / "notes" / "z.md", "# Z\n\n" + CLAIM)
    assert other.corpus_diagnostics == []
    session.closed(note)  # closed unsaved: the file's text counts again
    assert [d.code for d in session.corpus("notes/z.md")[0]] == ["NL113"]


def test_the_same_text_is_not_checked_again(tmp_path):
    session = _session(tmp_path)
    note = tmp_path / "notes" / "a.md"
    first = session.check(note, "# A\n\nSome teh text.\n")
    again = session.check(note, "# A\n\nSome teh text.\n")
    assert again.note_diagnostics is first.note_diagnostics
    changed = session.check(note, "# A\n\nSome the text.\n")
    assert changed.note_diagnostics == []


def test_fix_all_applies_safe_fixes_only_pass_after_pass(tmp_path):
    session = _session(tmp_path)
    fixed = session.fix_all(tmp_path / "notes" / "a.md", "# A\n\nWe use Sagemaker and the the console.\n\n\n")
    assert fixed == "# A\n\nWe use SageMaker and the the console.\n"


def test_loaded_data_is_handed_on_but_not_the_vocabulary(tmp_path):
    session = _session(tmp_path)
    session.check(tmp_path / "notes" / "a.md", "# A\n\nSome teh text about Amazon S3.\n")
    handed = session.shared_data()
    assert "aws.catalog" in handed
    assert not set(PER_CONFIG_DATA) & set(handed)
    assert set(PER_CONFIG_DATA) <= set(session.linter.context.shared_data)


def test_the_index_takes_summaries_from_the_result_cache_a_check_filled(tmp_path, monkeypatch):
    from notelint import runner

    session = _session(tmp_path, a="# A\n\n" + CLAIM, b="# B\n\nOther words.\n")
    monkeypatch.chdir(tmp_path)  # the CLI names files relative to where it runs: here, the root
    runner.check(session.config, RULES, runner.plan(session.config, []), cache=True)

    def never(*args):
        raise AssertionError("read from the file although the cache holds it")

    monkeypatch.setattr(session.linter, "summarise", never)
    assert sorted(session.index) == ["notes/a.md", "notes/b.md"]
    assert session.index["notes/a.md"].collected["NL113"]
