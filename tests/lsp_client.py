"""A minimal Language Server Protocol client: starts ``notelint server`` and talks
JSON-RPC to it over its stdin and stdout, as an editor does.

Used by the integration tests and by bench/server.py.  Messages are plain
dicts (the wire format), so the tests see exactly what an editor would.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

NOTELINT = [sys.executable, "-m", "notelint", "server"]


class ServerError(Exception):
    pass


class Client:
    def __init__(self, cwd: Path, command: list[str] | None = None, env: dict[str, str] | None = None):
        self.process = subprocess.Popen(
            command or NOTELINT,
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        self.next_id = 0
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.responses: dict[int, dict[str, Any]] = {}
        self.server_requests: list[dict[str, Any]] = []
        self.published: list[tuple[str, int | None]] = []  # (uri, version) of every publishDiagnostics seen
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # -- wire ------------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        out = self.process.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self.inbox.put(json.loads(out.read(length)))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    def _pump(self, timeout: float) -> dict[str, Any]:
        message = self.inbox.get(timeout=timeout)
        if "id" in message and "method" in message:  # a request from the server
            self.server_requests.append(message)
            self._send({"id": message["id"], "result": None})
        elif "id" in message:
            self.responses[message["id"]] = message
        else:
            self.notifications.append(message)
            if message.get("method") == "textDocument/publishDiagnostics":
                self.published.append((message["params"]["uri"], message["params"].get("version")))
        return message

    # -- requests and notifications --------------------------------------------------
    def notify(self, method: str, params: Any = None) -> None:
        self._send({"method": method, **({"params": params} if params is not None else {})})

    def request(self, method: str, params: Any = None, timeout: float = 60) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, **({"params": params} if params is not None else {})})
        deadline = time.monotonic() + timeout
        while ident not in self.responses:
            self._pump(max(deadline - time.monotonic(), 0.001))
        response = self.responses.pop(ident)
        if "error" in response:
            raise ServerError(response["error"])
        return response.get("result")

    def wait_for(self, method: str, match=lambda params: True, timeout: float = 60) -> dict[str, Any]:
        """The next notification ``method`` whose params satisfy ``match`` (earlier ones of
        that method are consumed; other methods' are kept)."""
        deadline = time.monotonic() + timeout
        while True:
            for index, message in enumerate(self.notifications):
                if message.get("method") == method and match(message.get("params")):
                    self.notifications = [
                        m for i, m in enumerate(self.notifications) if i > index or m.get("method") != method
                    ]
                    return message["params"]
            self._pump(max(deadline - time.monotonic(), 0.001))

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 60) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version``, if given)."""
        params = self.wait_for(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
            timeout,
        )
        return params["diagnostics"]

    # -- the usual exchanges ---------------------------------------------------------
    def initialize(self, root: Path, options: dict[str, Any] | None = None,
                   capabilities: dict[str, Any] | None = None) -> dict[str, Any]:
        result = self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": capabilities or {
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}, "applyEdit": True},
                "textDocument": {"codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}}},
            },
            "initializationOptions": options or {},
        })
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None, version: int = 1) -> str:
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version,
            "text": path.read_text(encoding="utf-8") if text is None else text,
        }})
        return uri

    def change(self, uri: str, version: int, text: str, range_: dict[str, Any] | None = None) -> None:
        change: dict[str, Any] = {"text": text}
        if range_ is not None:
            change["range"] = range_
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change],
        })

    def shutdown(self, timeout: float = 30) -> int:
        self.request("shutdown")
        self.notify("exit")
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
