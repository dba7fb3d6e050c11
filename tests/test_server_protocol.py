"""The server's JSON-RPC layer keeps nothing per message once the message is handled."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from notelint.server.lsp import create


def _drive(messages: list[dict[str, Any]]) -> tuple[int, list[dict[str, Any]]]:
    """Hand ``messages`` to a server's protocol in-process; its pending futures and what it wrote."""
    server = create()
    protocol = server.protocol
    written: list[dict[str, Any]] = []

    class Writer:
        def write(self, data: bytes) -> None:
            written.append(json.loads(data.decode("utf-8").split("\r\n\r\n", 1)[-1]))

        def close(self) -> None:
            pass

    protocol.writer = Writer()

    async def run() -> int:
        for message in messages:
            protocol.handle_message(protocol.structure_message({"jsonrpc": "2.0", **message}))
        await asyncio.sleep(0.05)  # let done-callbacks run
        return len(protocol._request_futures)

    return asyncio.run(run()), written


def test_handled_notifications_leave_no_pending_future():
    # pygls 2.1 filed every notification's future among the in-flight requests for good (0.8 kB a keystroke)
    uri = "file:///tmp/script.py"  # opened and changed, not a note: only the protocol's own work is done
    messages: list[dict[str, Any]] = [
        {"id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": None}},
        {"method": "initialized", "params": {}},
        {"method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": "x = 1\n"}}},
    ]
    messages += [
        {"method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": f"x = {version}\n"}]}}
        for version in range(2, 52)
    ]
    pending, written = _drive(messages)
    assert pending == 0
    # and a request is still answered
    assert [m["id"] for m in written if "id" in m] == [1]
    assert written[0]["result"]["serverInfo"]["name"] == "notelint"
