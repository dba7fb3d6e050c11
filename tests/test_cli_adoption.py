"""The defects a new user met (../shared/audits/2026-12-02/ux.md, table B), one test each."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import REPO, note, run_cli

STALE = note("* Sagemaker trains models.\n* DeepLens: a deep-learning video camera integrated with SageMaker.\n")


def _config(tmp_path, text: str = "") -> None:
    (tmp_path / "pyproject.toml").write_text(f'[tool.notelint]\npaths = ["notes"]\n{text}', encoding="utf-8")
    (tmp_path / "notes" / "drafts").mkdir(parents=True)


def test_excluded_files_named_explicitly_are_skipped_not_an_error(tmp_path):
    """#2: pre-commit passes the files of a commit, excluded ones included."""
    _config(tmp_path, 'extend-exclude = ["notes/drafts"]\n')
    (tmp_path / "notes" / "drafts" / "wip.md").write_text("no front matter, teh typo\n", encoding="utf-8")
    (tmp_path / "notes" / "ok.md").write_text(note("* Fine.\n"), encoding="utf-8")
    result = run_cli("check", "notes/drafts/wip.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"excluded" in result.stderr
    assert run_cli("check", "notes/drafts/wip.md", "notes/ok.md", cwd=tmp_path).returncode == 0
    # a folder or a missing file is still an error
    assert run_cli("check", "notes/nope.md", cwd=tmp_path).returncode == 2


def test_an_unknown_code_is_an_error_on_the_command_line_and_in_config(tmp_path):
    """#3: an unknown code used to turn every check off."""
    _config(tmp_path)
    (tmp_path / "notes" / "a.md").write_text(note("* Sagemaker.\n"), encoding="utf-8")
    result = run_cli("check", "--select", "NL999", cwd=tmp_path)
    assert result.returncode == 2 and b"NL999 (--select) matches no rule" in result.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.notelint]\npaths = ["notes"]\nselect = ["NL3", "NL77"]\n', encoding="utf-8")
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2 and b"NL77 ('select' in" in result.stderr
    # codes are case-insensitive, as in explain
    assert run_cli("check", "--isolated", "--ignore", "nl2", "notes/a.md", cwd=tmp_path).returncode == 1


def test_text_output_says_the_severity_in_words(tmp_path):
    """#5: severity was shown only by colour."""
    path = tmp_path / "n.md"
    path.write_text("teh\n", encoding="utf-8")
    out = run_cli("check", "--isolated", "-q", "--color", "never", str(path), cwd=tmp_path).stdout.decode()
    assert "NL201 [unknown-word] warning: unknown word 'teh'" in out


def test_explain_tells_when_a_finding_has_another_severity():
    """#5: NL503 is a warning, but Elastic Inference findings are errors."""
    out = run_cli("explain", "NL503").stdout.decode()
    assert "Severity: warning (error for Elastic Inference)" in out
    result = run_cli("check", "--isolated", "--select", "NL503", "--format", "json", "-",
                     input=note("* Elastic Inference attaches GPUs to endpoints.\n", ).encode())
    severities = {d["severity"] for d in json.loads(result.stdout)["diagnostics"]}
    assert severities == {"error"}


def test_one_finding_per_name_and_no_half_corrected_canonical_form(tmp_path):
    """#6: three rules answered differently on one span; 'AWS writes CloudWatch events' was wrong."""
    text = note("* schedule jobs with cloudwatch events.\n* Aws Cloudwatch logs keeps them.\n")
    result = run_cli("check", "--isolated", "--format", "json", "-", input=text.encode())
    found = json.loads(result.stdout)["diagnostics"]
    places = [(d["line"], d["column"]) for d in found if d["code"][:3] in ("NL3", "NL5")]
    assert len(places) == len(set(places)), found
    assert [d["code"] for d in found if d["line"] == 5] == ["NL501"]
    messages = " ".join(d["message"] for d in found)
    assert "AWS writes 'CloudWatch events'" not in messages and "AWS writes 'CloudWatch logs'" not in messages


def _signals(pid: int) -> dict[str, int]:
    """The signal masks of a process (``SigBlk``, ``SigIgn``, ``SigCgt``: bit n-1 is signal n), from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("SigBlk", "SigIgn", "SigCgt"):
            fields[name] = int(value, 16)
    return fields


SIGINT_BIT = 1 << (signal.SIGINT - 1)

# Starts notelint with Ctrl-C's default action, as a shell starts a program in the
# foreground: a process started with SIGINT ignored (pytest run as a background job
# of a script, under nohup) passes that on through exec, Python then keeps ignoring
# it, and the check would run to its end (exit 1, nothing on stderr).
FOREGROUND = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.executable, sys.argv[1:])"


def test_ctrl_c_prints_one_line_and_no_worker_tracebacks(tmp_path):
    """#8: Ctrl-C reaches every process of the terminal's group."""
    for number in range(600):
        (tmp_path / f"n{number:03}.md").write_text(
            note(f"* Note {number}: Sagemaker trains models on ml.p3.2xlarge.\n" * 30), encoding="utf-8"
        )
    command = [sys.executable, "-m", "notelint", "check", "--isolated", "--no-cache", "--jobs", "2", str(tmp_path)]
    process = subprocess.Popen(
        [sys.executable, "-c", FOREGROUND, *command],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 120
    ready: list[str] = []
    # wait until both workers run (they ignore Ctrl-C once started): the signal then
    # lands mid-check, the moment this test is about
    while process.poll() is None and time.monotonic() < deadline:
        try:
            workers = children.read_text().split()
            ready = [pid for pid in workers if _signals(int(pid))["SigIgn"] & SIGINT_BIT]
        except (OSError, KeyError):
            ready = []  # a worker that just started or ended
        if len(ready) >= 2:
            break
        time.sleep(0.01)
    assert len(ready) >= 2, "the workers never started"
    assert _signals(process.pid)["SigCgt"] & SIGINT_BIT, "notelint does not answer Ctrl-C"
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.decode().strip().splitlines() == ["notelint: interrupted"]


def test_report_needs_no_output_dir_and_is_in_the_usage(tmp_path):
    """#10."""
    _config(tmp_path)
    (tmp_path / "notes" / "a.md").write_text(STALE, encoding="utf-8")
    result = run_cli("report", cwd=tmp_path / "notes")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "reports" / "report.html").is_file()
    assert "notelint report" in (REPO / "README.md").read_text(encoding="utf-8").split("## Usage", 1)[1].split("\n## ")[0]


def test_report_lists_the_most_harmful_findings_first_and_links_sources(tmp_path):
    """#19: "fix first" was led by structure findings; source URLs were plain text."""
    _config(tmp_path)
    (tmp_path / "notes" / "a.md").write_text(
        "* no front matter, so a structure error\n* DeepLens: a deep-learning video camera.\n", encoding="utf-8"
    )
    run_cli("report", "--as-of", "2026-11-25", cwd=tmp_path)
    markdown = (tmp_path / "reports" / "report.md").read_text(encoding="utf-8")
    first = markdown.split("### Fix first", 1)[1].strip().splitlines()[0]
    assert "NL502" in first, first
    html = (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
    assert '<a href="https://docs.aws.amazon.com/deeplens/latest/dg/deeplens-end-of-life.html" rel="noreferrer">' in html


def test_a_closed_pipe_ends_quietly():
    """#11: `notelint rules | head -1`."""
    for command in ("rules", "explain NL113"):
        result = subprocess.run(f"{sys.executable} -m notelint {command} | head -1", shell=True, capture_output=True,
                                check=False)
        assert result.stderr == b"", result.stderr
        assert len(result.stdout.splitlines()) == 1


def test_statistics_prints_only_the_counts(tmp_path):
    """#13."""
    path = tmp_path / "n.md"
    path.write_text(note("* Sagemaker and teh Elasticache.\n"), encoding="utf-8")
    out = run_cli("check", "--isolated", "--statistics", str(path), cwd=tmp_path).stdout.decode()
    assert "n.md:" not in out
    assert "NL301" in out and "aws-name-case" in out
    result = run_cli("check", "--isolated", "--statistics", "--format", "json", str(path), cwd=tmp_path)
    assert b"--statistics applies to the text format" in result.stderr


def test_a_dash_reads_the_note_from_stdin(tmp_path):
    """#20."""
    result = run_cli("check", "--isolated", "-q", "-", "--stdin-filename", "notes/x.md", input=note("* Sagemaker.\n").encode(),
                     cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.decode().startswith("notes/x.md:5:3: NL301")
    assert run_cli("check", "-", "--fix", input=b"x", cwd=tmp_path).returncode == 2
