"""A note edited in the server gets, after every edit, the findings a fresh ``notelint check`` gives its text.

The server keeps the readings of text it has seen (sentences, names, spelling
hits: ``notelint.memo.TextMemo``) so that an edit re-reads only the blocks it
changed; these tests drive the real server in-process through a sequence of
edits (incremental LSP changes, as an editor sends them) and compare its
findings with the command line's, run from scratch in a new process.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.server import note_text
from notelint.server.lsp import NotelintServer, create

CONFIG = 'paths = ["notes"]\nextend-select = ["NL113"]\n'
OTHER_NOTE = "# Streams\n\n* Kinesis Data Firehose can convert from JSON to Parquet before it writes to S3.\n"


class _Editor:
    """An editor's side of the protocol, in-process: every message is handled at once (debounce 0)."""

    def __init__(self, root: Path):
        self.server: NotelintServer = create()
        self.protocol = self.server.protocol

        class Writer:
            def write(self, data: bytes) -> None:
                pass

            def close(self) -> None:
                pass

        self.protocol.writer = Writer()
        self.root = root
        self.uri = ""
        self.text = ""
        self.version = 1

    def send(self, message: dict[str, Any]) -> None:
        self.protocol.handle_message(self.protocol.structure_message({"jsonrpc": "2.0", **message}))

    def start(self, path: Path, text: str) -> None:
        self.send({"id": 1, "method": "initialize", "params": {
            "capabilities": {}, "rootUri": self.root.as_uri(), "initializationOptions": {"debounce": 0}}})
        self.send({"method": "initialized", "params": {}})
        self.uri, self.text = path.as_uri(), text
        self.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": self.uri, "languageId": "markdown", "version": 1, "text": text}}})

    def replace(self, old: str, new: str) -> None:
        """Replace the first ``old`` of the text with ``new``, sent as a ranged change."""
        start = self.text.index(old)
        change = {"range": {"start": _position(self.text, start), "end": _position(self.text, start + len(old))},
                  "text": new}
        self.text = self.text[:start] + new + self.text[start + len(old):]
        self.version += 1
        self.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": self.uri, "version": self.version}, "contentChanges": [change]}})

    def findings(self) -> list[dict[str, Any]]:
        document = self.server.documents[self.uri]
        assert document.checked is not None and document.version == self.version
        assert document.checked.source.text == self.text  # the server applied the edits as the editor did
        return [d.to_dict() for d in document.checked.diagnostics]


def _position(text: str, offset: int) -> dict[str, int]:
    """The LSP position (UTF-16 code units) of a character offset."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


def _fresh_check(root: Path, display: str, text: str) -> list[dict[str, Any]]:
    """``notelint check`` of the text, from stdin under the note's name, in a new process without cached results."""
    run = subprocess.run(
        [sys.executable, "-m", "notelint", "check", "-", "--stdin-filename", display, "--format", "json",
         "--no-cache", "--exit-zero"],
        input=text.encode("utf-8"), cwd=root, capture_output=True, check=True, timeout=600,
    )
    report = json.loads(run.stdout)
    assert report["errors"] == []
    return report["diagnostics"]


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "notelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "streams.md").write_text(OTHER_NOTE, encoding="utf-8")
    return tmp_path / "notes" / "edited.md"


def test_after_each_edit_the_server_finds_what_a_fresh_check_finds(tmp_path):
    path = _workspace(tmp_path)
    text = note_text(10_000)
    editor = _Editor(tmp_path)

    async def edit() -> list[tuple[str, list[dict[str, Any]]]]:
        seen = []
        editor.start(path, text)
        seen.append((editor.text, editor.findings()))
        # a misspelt word typed at the end of a line, a stale name and a confused word in a new item
        editor.replace("\n", " Sagemkaer and Amazon Elasticsearch Service\n")
        editor.replace("### Key notes from practice exams\n",
                       "### Key notes from practice exams\n\n* If the instance stops, you may loose the data.\n")
        seen.append((editor.text, editor.findings()))
        # every block moves: a heading and a claim (the other note's) above all of them; the word
        # "loose" in the heading's code span makes it the note's own word, which NL206 leaves alone
        editor.replace(text[:0], "## Amazon Kinesis (`loose`)\n\n* Kinesis Data Firehose can convert from JSON to "
                       "Parquet before it writes to S3.\n\n")
        seen.append((editor.text, editor.findings()))
        # a block deleted, the first edit undone, the heading edited again
        editor.replace("* If the instance stops, you may loose the data.\n", "")
        editor.replace(" Sagemkaer and Amazon Elasticsearch Service\n", "\n")
        editor.replace("## Amazon Kinesis (`loose`)", "## Amazon Kinesis Data Streams")
        seen.append((editor.text, editor.findings()))
        return seen

    steps = asyncio.run(edit())
    for step, (edited, found) in enumerate(steps):
        fresh = _fresh_check(tmp_path, "notes/edited.md", edited)
        assert found == fresh, f"step {step}: the server's findings differ from a fresh check"
    # what the edits brought came and went: a renamed service and a confused word, then the
    # confused word made the note's own, and the claim the other note makes
    messages = [{(d["code"], d["message"].split(":")[0]) for d in found} for _edited, found in steps]
    renamed = ("NL501", "'Amazon Elasticsearch Service' was renamed Amazon OpenSearch Service on 2021-09-08")
    confused = ("NL206", "'loose' where 'lose' is expected between 'may' and 'the'")
    repeated = ("NL113", "claim repeats the one on line 3 in notes/streams.md")
    assert [(renamed in m, confused in m, repeated in m) for m in messages] == [
        (False, False, False), (True, True, False), (True, False, True), (False, False, True)]


def test_what_is_published_after_edits_is_each_findings_own_lsp_form(tmp_path):
    # the LSP form of an unchanged finding is reused: a character made astral before it on its line
    # (the same code-point column, one more UTF-16 unit) and lines added above must still move it
    path = _workspace(tmp_path)
    editor = _Editor(tmp_path)

    async def edit() -> list[list[tuple[int, int, str]]]:
        seen = []
        editor.start(path, "# Notes\n\n* x Sagemkaer trains models.\n* Kinesis Data Firehose loads S3.\n")
        for old, new in (("x", "\U0001F600"), ("# Notes\n", "# Notes\n\nA new paragraph.\n"), ("Sagemkaer", "SageMaker")):
            document = editor.server.documents[editor.uri]
            seen.append([(item.range.start.line, item.range.start.character, str(item.code))
                         for item, _d in document.published])
            assert [item for item, _d in document.published] == [editor.server.to_lsp(document, d) for _i, d in document.published]
            editor.replace(old, new)
        return seen

    seen = asyncio.run(edit())
    assert [[spot for spot in spots if spot[2] == "NL201"] for spots in seen] == [
        [(2, 4, "NL201")], [(2, 5, "NL201")], [(4, 5, "NL201")]]
