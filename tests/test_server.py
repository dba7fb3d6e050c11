"""`notelint server` driven as an editor drives it: a subprocess spoken to over JSON-RPC on stdio."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from notelint.config import Config
from notelint.diagnostic import Finding, Severity
from notelint.rule import rule
from notelint.rules import RULES
from notelint.server.session import Session
from tests.lsp_client import Client

EMOJI = "\U0001F600"
CONFIG = """\
[tool.notelint]
paths = ["notes"]
extend-select = ["NL113"]
word-files = ["words.txt"]
"""
OTHER = """\
---
title: Other
reviewed: 2025-06-01
---

* Amazon S3 keeps every object in a bucket that lives in one AWS Region.
* XGBoost: only CPU
"""
NOTE = f"""\
---
title: Study notes
reviewed: 2021-06-01
---

# Notes {EMOJI}

{EMOJI} Some teh text about Sagemaker and frobnicatz.

* Amazon S3 keeps every object in a bucket that lives in one AWS Region.
* XGBoost can use CPU or GPU instances
* Kinesis Data Firehose converts JSON to Parquet.

The the end.
"""


def _workspace(root: Path) -> Path:
    (root / "notes").mkdir()
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (root / "words.txt").write_text("alpha\n", encoding="utf-8")
    (root / "notes" / "other.md").write_text(OTHER, encoding="utf-8")
    (root / "notes" / "a.md").write_text(NOTE, encoding="utf-8")
    return root


@pytest.fixture
def server(tmp_path):
    root = _workspace(tmp_path)
    client = Client(root)
    client.initialize(root, {"debounce": 0})
    yield client, root
    client.close()


def _by_code(diagnostics, code):
    found = [d for d in diagnostics if d["code"] == code]
    assert found, f"no {code} in {[d['code'] for d in diagnostics]}"
    return found


def _range(line, start, end):
    return {"start": {"line": line, "character": start}, "end": {"line": line, "character": end}}


def _apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (UTF-16 positions) to a text, as an editor does."""
    lines = text.split("\n")

    def offset(position):
        before = "\n".join(lines[: position["line"]]) + ("\n" if position["line"] else "")
        units = lines[position["line"]].encode("utf-16-le")[: position["character"] * 2].decode("utf-16-le")
        return len(before) + len(units)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def _actions(client, uri, range_):
    return client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": range_, "context": {"diagnostics": []},
    })


def test_initialize_announces_the_features():
    root = Path.cwd()
    client = Client(root)
    try:
        result = client.initialize(root)
        capabilities = result["capabilities"]
        assert capabilities["positionEncoding"] == "utf-16"
        assert capabilities["hoverProvider"] is True
        assert set(capabilities["codeActionProvider"]["codeActionKinds"]) == {"quickfix", "source.fixAll.notelint"}
        assert capabilities["executeCommandProvider"]["commands"] == ["notelint.addWord"]
        assert capabilities["textDocumentSync"]["change"] == 2  # incremental
        assert result["serverInfo"]["name"] == "notelint"
        assert client.shutdown() == 0
    finally:
        client.close()


def test_diagnostics_have_exact_utf16_ranges_codes_and_related_places(server):
    client, root = server
    uri = client.open(root / "notes" / "a.md")
    diagnostics = client.diagnostics(uri, version=1)
    # line 8 (0-based 7) starts with an emoji: two UTF-16 units, so 'teh' is at 8..11
    teh = next(d for d in _by_code(diagnostics, "NL201") if "'teh'" in d["message"])
    assert teh["range"] == _range(7, 8, 11)
    assert teh["severity"] == 2 and teh["source"] == "notelint"
    assert teh["message"].endswith("[unknown-word]")
    assert teh["codeDescription"]["href"].endswith("README.md#rules")
    sagemaker = _by_code(diagnostics, "NL301")[0]
    assert sagemaker["range"] == _range(7, 23, 32)
    # a claim made in the other note too: reported here, the other note as the related place
    duplicate = _by_code(diagnostics, "NL113")[0]
    assert duplicate["range"]["start"]["line"] == 9
    assert duplicate["relatedInformation"][0]["location"] == {
        "uri": (root / "notes" / "other.md").resolve().as_uri(), "range": _range(5, 2, 72),
    }
    contradiction = _by_code(diagnostics, "NL601")[0]
    assert contradiction["relatedInformation"][0]["location"]["uri"].endswith("/notes/other.md")
    assert contradiction["relatedInformation"][0]["location"]["range"]["start"]["line"] == 6
    assert _by_code(diagnostics, "NL501")[0]["range"]["start"]["line"] == 11
    # the same findings as the command line gives the file
    cli = subprocess.run(
        [sys.executable, "-m", "notelint", "check", "--format", "json", "--no-cache", "notes/a.md"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    expected = sorted((d["code"], d["line"] - 1) for d in json.loads(cli.stdout)["diagnostics"])
    assert sorted((d["code"], d["range"]["start"]["line"]) for d in diagnostics) == expected
    assert client.shutdown() == 0


def test_an_edit_is_checked_again_with_positions_after_it(server):
    client, root = server
    uri = client.open(root / "notes" / "a.md")
    client.diagnostics(uri, version=1)
    # type an emoji and a space before 'Some' (after the line's first emoji): +3 units
    client.change(uri, 2, f"{EMOJI} ", {"start": {"line": 7, "character": 3}, "end": {"line": 7, "character": 3}})
    diagnostics = client.diagnostics(uri, version=2)
    teh = next(d for d in _by_code(diagnostics, "NL201") if "'teh'" in d["message"])
    assert teh["range"] == _range(7, 11, 14)
    # a full-text change that fixes the word
    client.change(uri, 3, NOTE.replace("teh", "the"))
    diagnostics = client.diagnostics(uri, version=3)
    assert not [d for d in diagnostics if "'teh'" in d["message"]]


def test_edits_in_quick_succession_are_checked_once_typing_pauses(tmp_path):
    root = _workspace(tmp_path)
    client = Client(root)
    try:
        client.initialize(root, {"debounce": 1000})
        uri = client.open(root / "notes" / "a.md")
        client.diagnostics(uri, version=1)  # opening checks at once
        for version in (2, 3, 4):
            client.change(uri, version, NOTE.replace("teh", "teh" + "x" * version))
        diagnostics = client.diagnostics(uri, version=4)
        assert any("'tehxxxx'" in d["message"] for d in diagnostics)
        assert [version for published, version in client.published if published == uri] == [1, 4]
    finally:
        client.close()


def test_code_actions_fix_suppress_and_fix_all(server):
    client, root = server
    uri = client.open(root / "notes" / "a.md")
    diagnostics = client.diagnostics(uri, version=1)
    sagemaker = _by_code(diagnostics, "NL301")[0]
    actions = _actions(client, uri, sagemaker["range"])
    fix = next(a for a in actions if a["title"].startswith("NL301"))
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    assert fix["edit"]["changes"][uri] == [{"range": _range(7, 23, 32), "newText": "SageMaker"}]
    assert "SageMaker and" in _apply(NOTE, fix["edit"]["changes"][uri])

    repeated = _by_code(diagnostics, "NL204")[0]
    unsafe = next(a for a in _actions(client, uri, repeated["range"]) if a["title"].startswith("NL204"))
    assert "unsafe" in unsafe["title"] and unsafe["isPreferred"] is False

    teh = next(d for d in _by_code(diagnostics, "NL201") if "'teh'" in d["message"])
    suppress = next(a for a in _actions(client, uri, teh["range"]) if a["title"].startswith("Suppress NL201"))
    suppressed = _apply(NOTE, suppress["edit"]["changes"][uri])
    assert "frobnicatz. <!-- notelint-disable-line NL201 -->\n" in suppressed
    client.change(uri, 2, suppressed)
    after = client.diagnostics(uri, version=2)
    assert not [d for d in after if d["code"] == "NL201"]  # both unknown words were on that line
    assert _by_code(after, "NL301")

    fix_all = next(a for a in _actions(client, uri, _range(0, 0, 0)) if a["kind"] == "source.fixAll.notelint")
    fixed = _apply(suppressed, fix_all["edit"]["changes"][uri])
    assert "Sagemaker" not in fixed and "The the end." in fixed  # safe fixes only: NL204's is unsafe
    only = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": _range(0, 0, 0), "context": {"diagnostics": [], "only": ["source.fixAll"]},
    })
    assert [a["kind"] for a in only] == ["source.fixAll.notelint"]


def test_add_to_the_word_list_writes_the_file_and_checks_again(server):
    client, root = server
    uri = client.open(root / "notes" / "a.md")
    diagnostics = client.diagnostics(uri, version=1)
    word = next(d for d in _by_code(diagnostics, "NL201") if "'frobnicatz'" in d["message"])
    action = next(a for a in _actions(client, uri, word["range"]) if a["title"].startswith("Add "))
    assert action["title"] == "Add 'frobnicatz' to words.txt"
    assert client.request("workspace/executeCommand", action["command"]) is True
    assert (root / "words.txt").read_text(encoding="utf-8") == "alpha\nfrobnicatz\n"
    after = client.diagnostics(uri)
    assert not [d for d in after if "'frobnicatz'" in d["message"]]
    assert [d for d in after if "'teh'" in d["message"]]


@pytest.mark.parametrize("config", ["pyproject", "none"])
def test_add_to_the_word_list_without_a_word_file_writes_the_configuration(tmp_path, config):
    root = tmp_path
    (root / "notes").mkdir()
    if config == "pyproject":
        (root / "pyproject.toml").write_text('[tool.notelint]\npaths = ["notes"]\n', encoding="utf-8")
    (root / "notes" / "a.md").write_text(NOTE, encoding="utf-8")
    client = Client(root)
    try:
        client.initialize(root, {"debounce": 0})
        uri = client.open(root / "notes" / "a.md")
        word = next(d for d in _by_code(client.diagnostics(uri, version=1), "NL201") if "'frobnicatz'" in d["message"])
        action = next(a for a in _actions(client, uri, word["range"]) if a["title"].startswith("Add "))
        target = "pyproject.toml" if config == "pyproject" else "notelint.toml"
        assert action["title"] == f"Add 'frobnicatz' to the words of {target}"
        assert client.request("workspace/executeCommand", action["command"]) is True
        expected = '[tool.notelint]\npaths = ["notes"]\nwords = ["frobnicatz"]\n' if config == "pyproject" \
            else 'words = ["frobnicatz"]\n'
        assert (root / target).read_text(encoding="utf-8") == expected
        after = client.diagnostics(uri)
        assert not [d for d in after if "'frobnicatz'" in d["message"]]
        assert [d for d in after if "'teh'" in d["message"]]
    finally:
        client.close()


def test_hover_explains_the_rule_and_the_knowledge_entry(server):
    client, root = server
    uri = client.open(root / "notes" / "a.md")
    diagnostics = client.diagnostics(uri, version=1)
    stale = _by_code(diagnostics, "NL501")[0]
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": stale["range"]["start"]})
    text = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert text.startswith("**NL501 renamed-service**")
    assert "- since: 20" in text and "- source: <https://" in text
    assert "A service or product is named by a name AWS has since changed." in text
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    assert nothing is None


def test_a_changed_configuration_is_read_again(server):
    client, root = server
    uri = client.open(root / "notes" / "a.md")
    assert _by_code(client.diagnostics(uri, version=1), "NL204")
    (root / "pyproject.toml").write_text(CONFIG + 'ignore = ["NL204"]\n', encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": (root / "pyproject.toml").as_uri(), "type": 2},
    ]})
    assert not [d for d in client.diagnostics(uri) if d["code"] == "NL204"]


def test_the_workspace_index_follows_other_notes(server):
    client, root = server
    uri = client.open(root / "notes" / "a.md")
    assert _by_code(client.diagnostics(uri, version=1), "NL113")
    # the other note drops the shared claim on disk: the duplicate goes away without an edit here
    other = root / "notes" / "other.md"
    other.write_text(OTHER.replace("* Amazon S3 keeps every object in a bucket that lives in one AWS Region.\n", ""), encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": other.as_uri(), "type": 2}]})
    assert not [d for d in client.diagnostics(uri) if d["code"] == "NL113"]
    # and an open note's unsaved text counts for the others
    other_uri = client.open(other, OTHER, version=1)
    client.diagnostics(other_uri, version=1)
    assert _by_code(client.diagnostics(uri), "NL113")


def test_an_untitled_buffer_is_checked_against_the_workspace_but_joins_no_index(server):
    client, root = server
    (root / "notes" / "a.md").unlink()  # the buffer's claims are then made by other.md alone
    uri = "untitled:Untitled-1"
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": NOTE}})
    diagnostics = client.diagnostics(uri, version=1)
    teh = next(d for d in _by_code(diagnostics, "NL201") if "'teh'" in d["message"])
    assert teh["range"] == _range(7, 8, 11)
    # the workspace's configuration governs it (NL113 is selected there) and its notes are compared
    duplicate = _by_code(diagnostics, "NL113")[0]
    assert duplicate["relatedInformation"][0]["location"] == {
        "uri": (root / "notes" / "other.md").resolve().as_uri(), "range": _range(5, 2, 72)}
    # no note on disk is told about a buffer that is not a file
    other_uri = client.open(root / "notes" / "other.md")
    assert [d for d in client.diagnostics(other_uri, version=1) if d["code"] == "NL113"] == []
    # a suppression in the buffer is an edit of the buffer
    suppress = next(a for a in _actions(client, uri, teh["range"]) if a["title"].startswith("Suppress NL201"))
    assert [*suppress["edit"]["changes"]] == [uri]
    # an untitled buffer in another language is left alone
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": "untitled:Untitled-2", "languageId": "python", "version": 1, "text": "teh = 1\n"}})
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_shutdown_and_exit_end_the_process(server):
    client, _root = server
    assert client.shutdown() == 0


def test_without_pygls_the_command_says_how_to_install_it(tmp_path):
    blocked = "import sys; sys.modules['pygls'] = None; from notelint.cli import main; sys.exit(main(['server']))"
    done = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 2
    assert "pip install 'notelint[server]'" in done.stderr


def test_the_check_command_never_imports_the_server_libraries(tmp_path):
    root = _workspace(tmp_path)
    probe = (
        "import sys; from notelint.cli import main; code = main(['check', '--no-cache', 'notes/other.md']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=root)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_rule_that_raises_leaves_the_other_findings(tmp_path):
    @rule("NL199", "always-crashes", Severity.WARNING, "Raises.", bad="x", good="y")
    def crashes(note, ctx):
        raise RuntimeError("boom")
        yield Finding(0, 0, "")  # pragma: no cover

    session = Session(Config(root=tmp_path), [crashes, *RULES])
    checked = session.check(tmp_path / "a.md", textwrap.dedent("""\
        # Notes

        Some teh text.
        """))
    assert [d.code for d in checked.diagnostics] == ["NL201"]
    assert "internal error in rule NL199 (always-crashes): RuntimeError: boom" in checked.errors[0].message
