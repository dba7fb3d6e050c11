"""The language server under editing: re-check time of a 10 kB note after an edit, and memory over many edits.

    .venv/bin/python bench/server.py [--edits 1000] [--size 10000]

Starts the real `notelint server` as a subprocess in this repository (so its
configuration and the configured notes are the workspace, as in an editor),
opens a note of about ``--size`` bytes (the first lines of
tests/fixtures/original-notes.md, others' notes with plenty of findings) and
sends ``--edits`` incremental edits over JSON-RPC on stdio, as an editor does:
typing a word at the end of a prose line, then deleting it, in turn.  The
debounce is set to 0, so each edit is checked at once; the client waits for
that version's diagnostics before the next edit.

Reported (the first ``--warm-up`` edits are left out of the times):
- the server's own time to re-check the note, per edit (parse, every rule,
  the corpus rules against the workspace index), which the server logs when
  asked (``timings``): median, 90th percentile, max;
- the round trip an editor sees (the edit sent -> its diagnostics received),
  which adds JSON-RPC and serialisation: median;
- the server's CPU time per edit (user + system, from /proc), which waiting for
  a busy CPU does not inflate as it does wall time;
- the server's resident memory after the warm-up and after the last edit, and
  its peak.

Wall times on a shared machine vary with its load: read the CPU time beside them.

``--in-process`` measures the same edits without a subprocess or a pipe: the
server's protocol (``notelint.server.lsp.create()``) is handed each JSON-RPC
message in this process, with a writer that keeps nothing, and the CPU time
(``time.process_time``) of handling each edit is reported: decoding the
message, applying the edit, the re-check, converting and serialising the
diagnostics.  Nothing else runs in the process, so this is the figure least
moved by the machine's load.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.lsp_client import Client

SOURCE = REPO / "tests" / "fixtures" / "original-notes.md"
TARGET_MS = 30.0
_TIMING = re.compile(r"checked \S+ in ([\d.]+) ms")


def note_text(size: int) -> str:
    """Whole lines of the fixture, about ``size`` bytes."""
    out, total = [], 0
    for line in SOURCE.read_text(encoding="utf-8").splitlines(keepends=True):
        if total + len(line.encode("utf-8")) > size and out:
            break
        out.append(line)
        total += len(line.encode("utf-8"))
    return "".join(out)


def _memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in kB."""
    values = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0])
    return values


def _cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _edit_line(text: str) -> int:
    """A prose line near the middle of the note, where typing goes."""
    lines = text.split("\n")
    middle = len(lines) // 2
    for index in [*range(middle, len(lines)), *range(middle)]:
        line = lines[index]
        if len(line) > 20 and not line.lstrip().startswith(("#", "|", "```", "http", "*  ")):
            return index
    return 0


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def run(edits: int, size: int, warm_up: int) -> dict[str, Any]:
    text = note_text(size)
    lines = text.split("\n")
    line = _edit_line(text)
    end = _utf16(lines[line])
    client = Client(REPO)
    try:
        client.initialize(REPO, {"debounce": 0, "timings": True})
        uri = client.open(REPO / "notes" / "bench-10k.md", text)
        first = client.diagnostics(uri, version=1, timeout=300)
        pid = client.process.pid
        server_ms: list[float] = []
        round_trip_ms: list[float] = []
        cpu_start = 0.0
        memory_warm: dict[str, int] = {}
        series: list[tuple[int, int]] = []  # (edits done, VmRSS kB) every 100 edits
        word = " Sagemkaer"
        for version in range(2, edits + 2):
            change, new = _edit(line, end, version, word)
            started = time.perf_counter()
            client.change(uri, version, new, change)
            client.diagnostics(uri, version=version, timeout=120)
            elapsed = (time.perf_counter() - started) * 1000
            log = client.wait_for("window/logMessage", lambda p: "checked" in p["message"], timeout=60)
            measured = float(_TIMING.search(log["message"]).group(1))  # type: ignore[union-attr]
            done = version - 1
            if done == warm_up:
                cpu_start = _cpu(pid)
                memory_warm = _memory(pid)
            if done > warm_up:
                server_ms.append(measured)
                round_trip_ms.append(elapsed)
            if done % 100 == 0:
                series.append((done, _memory(pid)["VmRSS"]))
        cpu = _cpu(pid) - cpu_start
        memory_end = _memory(pid)
        client.shutdown()
    finally:
        client.close()
    counted = len(server_ms)
    server_ms.sort()
    return {
        "bytes": len(text.encode("utf-8")),
        "findings": len(first),
        "edits": edits,
        "counted": counted,
        "server_median_ms": statistics.median(server_ms),
        "server_p90_ms": server_ms[int(0.9 * (counted - 1))],
        "server_max_ms": server_ms[-1],
        "round_trip_median_ms": statistics.median(round_trip_ms),
        "cpu_ms_per_edit": cpu * 1000 / counted,
        "rss_warm_mb": memory_warm["VmRSS"] / 1024,
        "rss_end_mb": memory_end["VmRSS"] / 1024,
        "peak_mb": memory_end["VmHWM"] / 1024,
        "series": series,
    }


def _edit(line: int, end: int, version: int, word: str = " Sagemkaer") -> tuple[dict[str, Any], str]:
    """The change of edit ``version``: the word typed at the end of the line (even versions), or deleted."""
    if version % 2 == 0:
        return {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}}, word
    return {"start": {"line": line, "character": end}, "end": {"line": line, "character": end + len(word)}}, ""


def run_in_process(edits: int, size: int, warm_up: int) -> dict[str, Any]:
    """The edits handed to the server's protocol in this process; CPU time per edit."""
    import asyncio
    import json

    from notelint.server.lsp import create

    text = note_text(size)
    line = _edit_line(text)
    end = _utf16(text.split("\n")[line])
    server = create()
    protocol = server.protocol
    published: list[int] = []

    class Writer:  # what the server writes: only the number of diagnostics of each publication is kept
        def write(self, data: bytes) -> None:
            message = json.loads(data.decode("utf-8").split("\r\n\r\n", 1)[-1])
            if message.get("method") == "textDocument/publishDiagnostics":
                published.append(len(message["params"]["diagnostics"]))

        def close(self) -> None:
            pass

    protocol.writer = Writer()

    def send(message: dict[str, Any]) -> None:
        protocol.handle_message(protocol.structure_message({"jsonrpc": "2.0", **message}))

    uri = (REPO / "notes" / "bench-10k.md").as_uri()

    async def drive() -> list[float]:
        send({"id": 1, "method": "initialize", "params": {
            "capabilities": {}, "rootUri": REPO.as_uri(), "initializationOptions": {"debounce": 0}}})
        send({"method": "initialized", "params": {}})
        send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
        cpu_ms = []
        for version in range(2, edits + 2):
            change, new = _edit(line, end, version)
            started = time.process_time()
            send({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": change, "text": new}]}})
            cpu_ms.append((time.process_time() - started) * 1000)
        return cpu_ms[warm_up:]

    cpu_ms = asyncio.run(drive())
    counted = len(cpu_ms)
    return {
        "bytes": len(text.encode("utf-8")),
        "findings": published[0],
        "edits": edits,
        "counted": counted,
        "cpu_median_ms": statistics.median(cpu_ms),
        "cpu_mean_ms": statistics.fmean(cpu_ms),
        "cpu_p90_ms": sorted(cpu_ms)[int(0.9 * (counted - 1))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--size", type=int, default=10_000, help="bytes of note text (default 10000)")
    parser.add_argument("--warm-up", type=int, default=20, help="edits left out of the times (default 20)")
    parser.add_argument("--in-process", action="store_true",
                        help="hand the edits to the server's protocol in this process; report CPU time per edit")
    args = parser.parse_args()
    if args.edits <= args.warm_up:
        parser.error("--edits must be more than --warm-up")
    if args.in_process:
        r = run_in_process(args.edits, args.size, args.warm_up)
        print(f"notelint server in-process: {r['bytes']:,} bytes, {r['findings']} findings, {r['edits']} edits "
              f"({r['counted']} timed after {args.warm_up} warm-up)")
        print(f"CPU time per edit (protocol, re-check, diagnostics): median {r['cpu_median_ms']:.1f} ms, "
              f"mean {r['cpu_mean_ms']:.1f} ms, p90 {r['cpu_p90_ms']:.1f} ms (target <= {TARGET_MS:g} ms: "
              f"{'met' if r['cpu_median_ms'] <= TARGET_MS else 'NOT met'})")
        return
    r = run(args.edits, args.size, args.warm_up)
    load = os.getloadavg()[0]
    print(f"notelint server: {r['bytes']:,} bytes, {r['findings']} findings, {r['edits']} edits "
          f"({r['counted']} timed after {args.warm_up} warm-up), load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"re-check in the server: median {r['server_median_ms']:.1f} ms, p90 {r['server_p90_ms']:.1f} ms, "
          f"max {r['server_max_ms']:.1f} ms (target <= {TARGET_MS:g} ms: "
          f"{'met' if r['server_median_ms'] <= TARGET_MS else 'NOT met'})")
    print(f"edit -> diagnostics round trip: median {r['round_trip_median_ms']:.1f} ms")
    print(f"server CPU time per edit: {r['cpu_ms_per_edit']:.1f} ms")
    print(f"server memory: {r['rss_warm_mb']:.1f} MB after warm-up, {r['rss_end_mb']:.1f} MB after the last edit "
          f"({r['rss_end_mb'] - r['rss_warm_mb']:+.1f} MB), peak {r['peak_mb']:.1f} MB")
    if r["series"]:
        print("resident memory by edits done: " + ", ".join(f"{n}: {kb / 1024:.1f} MB" for n, kb in r["series"]))


if __name__ == "__main__":
    main()
