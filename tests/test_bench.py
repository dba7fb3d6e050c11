"""The benchmark runner keeps working: its dry run lists every row it would measure."""

import re
import subprocess
import sys

from tests.helpers import FIXTURES, REPO

SAGEMAKER = "SageMaker developer guide (awsdocs__amazon-sagemaker-developer-guide)"
PEERS = ("codespell", "cspell", "markdownlint-cli2")


def test_quick_dry_run_lists_every_row_without_running_anything():
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--dry-run", "--corpora", str(FIXTURES / "corpora")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # nothing installed, nothing run
    out = done.stdout
    assert re.search(r"^notelint \S+, botocore \S+, Python \S+, \d+ CPUs \(\d+ usable\)", out, re.M)
    assert "| codespell | 2.4.3 (pinned) | spelling:" in out
    rows = re.findall(r"^- \[(\w+)\] (.+) — (.+) — warm-up (\d), runs (\d)$", out, re.M)
    one = next(row[1] for row in rows if row[1].startswith("one note (notes/"))
    notes = "notes/ (configured paths, no arguments)"
    original = "original notes (tests/fixtures/original-notes.md, --isolated)"
    warm = ("notelint, result cache warm", "notelint --no-cache", *PEERS)
    assert rows == [
        *(("warm", where, label, "1", "1") for where in (one, notes, original) for label in warm),
        ("cold", "notes/", "first run on notes/, empty cache directory (catalog built)", "1", "1"),
        ("cold", "notes/", "notelint catalog --rebuild", "1", "1"),
        *(("corpus", SAGEMAKER, label, "1", "1") for label in ("notelint --no-cache", *PEERS)),
    ]
    assert "21 rows would be measured" in out
    assert "check --isolated --no-cache awsdocs__amazon-sagemaker-developer-guide)" in out
    assert "check --no-cache --isolated tests/fixtures/original-notes.md)" in out


def test_the_server_benchmark_drives_the_real_server_and_reports_its_figures():
    done = subprocess.run(
        [sys.executable, "bench/server.py", "--edits", "12", "--warm-up", "4"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"^notelint server: [\d,]+ bytes, \d+ findings, 12 edits \(8 timed after 4 warm-up\)", out, re.MULTILINE)
    assert re.search(r"^re-check in the server: median [\d.]+ ms, p90 [\d.]+ ms, max [\d.]+ ms \(target <= 30 ms: (met|NOT met)\)$", out, re.MULTILINE)
    assert re.search(r"^server memory: [\d.]+ MB after warm-up, [\d.]+ MB after the last edit \([+-][\d.]+ MB\), peak [\d.]+ MB$", out, re.MULTILINE)
