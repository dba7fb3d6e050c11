"""The benchmark scripts keep working: the runner's dry run lists every row it would measure,
the server benchmark drives the real server, the findings diff notices a changed finding."""

import json
import re
import shutil
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


def _server_bench(*options: str) -> str:
    """What bench/server.py prints, run as a user runs it."""
    done = subprocess.run(
        [sys.executable, "bench/server.py", *options], cwd=REPO, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_server_benchmark_drives_the_real_server_and_reports_its_figures():
    out = _server_bench("--edits", "12", "--warm-up", "4")
    assert re.search(r"^notelint server: [\d,]+ bytes, \d+ findings, 12 edits \(8 timed after 4 warm-up\)", out, re.MULTILINE)
    assert re.search(r"^re-check in the server: median [\d.]+ ms, p90 [\d.]+ ms, max [\d.]+ ms \(target <= 30 ms: (met|NOT met)\)$", out, re.MULTILINE)
    assert re.search(r"^server memory: [\d.]+ MB after warm-up, [\d.]+ MB after the last edit \([+-][\d.]+ MB\), peak [\d.]+ MB$", out, re.MULTILINE)


def test_the_server_benchmark_in_process_reports_cpu_time_per_edit():
    out = _server_bench("--in-process", "--edits", "6", "--warm-up", "2")
    assert re.search(r"^notelint server in-process: [\d,]+ bytes, \d+ findings, 6 edits \(4 timed after 2 warm-up\)$", out, re.MULTILINE)
    assert re.search(r"^CPU time per edit \(protocol, re-check, diagnostics\): median [\d.]+ ms, mean [\d.]+ ms, "
                     r"p90 [\d.]+ ms \(target <= 30 ms: (met|NOT met)\)$", out, re.MULTILINE)


def test_the_findings_diff_records_every_finding_and_lists_what_changed(tmp_path):
    corpora = tmp_path / "corpora"
    small = "marcus912__aws-mla-certification-notes"  # one small corpus: the script, not notelint, is tested
    shutil.copytree(FIXTURES / "corpora" / small, corpora / small)
    recorded = tmp_path / "findings.jsonl"
    command = [sys.executable, "bench/findings_diff.py", "--corpora", str(corpora), "--no-fixtures"]
    written = subprocess.run([*command, "--write", str(recorded)], cwd=REPO, capture_output=True, text=True)
    assert written.returncode == 0, written.stderr
    lines = recorded.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["code"].startswith("NL") for line in lines)
    same = subprocess.run([*command, "--compare", str(recorded)], cwd=REPO, capture_output=True, text=True)
    assert same.returncode == 0 and "0 lost, 0 added" in same.stdout
    recorded.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")  # as if the first finding were new
    changed = subprocess.run([*command, "--compare", str(recorded)], cwd=REPO, capture_output=True, text=True)
    assert changed.returncode == 1 and "0 lost, 1 added" in changed.stdout
    assert f"+ {lines[0]}" in changed.stdout


def test_dry_run_with_some_peers_lists_only_those():
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--dry-run", "--peers", "cspell", "--corpora", str(FIXTURES / "corpora")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    labels = {row for row in re.findall(r"^- \[\w+\] .+ — (.+) — warm-up", done.stdout, re.M)}
    assert labels == {"notelint, result cache warm", "notelint --no-cache", "cspell",
                      "first run on notes/, empty cache directory (catalog built)", "notelint catalog --rebuild"}
    unknown = subprocess.run([sys.executable, "bench/run.py", "--dry-run", "--peers", "vale"],
                             cwd=REPO, capture_output=True, text=True, timeout=120)
    assert unknown.returncode == 2 and "unknown peer(s): vale" in unknown.stderr


def test_phases_adds_up_cpu_per_function_and_rule_without_a_profiler(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: Notes\nreviewed: 2025-06-01\n---\n\n# Amazon SageMaker\n\n- Amazon Machine Learning is the service to use.\n")
    done = subprocess.run([sys.executable, "bench/phases.py", str(tmp_path)], cwd=REPO, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 files, 0.0 M characters: ")
    assert "| parse_note: pyromark and the note builder | " in done.stdout
    assert "| rule (shared work charged to the first rule that asks) | CPU | share |" in done.stdout
    assert re.search(r"^\| NL\d{3} [a-z-]+ \| \d+\.\d\d s \| \d+\.\d % \|$", done.stdout, re.M)


def test_rule_share_runs_every_rule_or_all_but_some_and_counts_their_findings(tmp_path):
    (tmp_path / "note.md").write_text("# Notes\n\n- With provisioned capability mode you set the reads and writes.\n"
                                      "- Amazon Machine Learning is the service to use.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("not a note", encoding="utf-8")

    def share(*which: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "bench/rule_share.py", str(tmp_path), *which], cwd=REPO,
                              capture_output=True, text=True, timeout=300)

    every, without = share("all"), share("without", "NL208,NL209")
    assert every.returncode == 0 and without.returncode == 0, every.stderr + without.stderr
    counted = [re.fullmatch(r"(all|without) (\S*): 1 files, (\d+) findings, \d+\.\d\d s CPU\n", run.stdout) for run in (every, without)]
    assert all(counted), every.stdout + without.stdout
    assert int(counted[0][3]) == int(counted[1][3]) + 1  # NL208's "capability" (between "provisioned" and "mode")
    unknown = share("without", "NL999")
    assert unknown.returncode == 2 and "no such rule: NL999" in unknown.stderr
    timed = share("all", "--timed", "NL208,NL209")
    assert timed.returncode == 0, timed.stderr
    assert re.fullmatch(r"all : 1 files, (\d+) findings, \d+\.\d\d s CPU\n"
                        r"NL208,NL209: \d+\.\d\d s CPU in their checks, the other rules \d+\.\d\d s: \d+\.\d{3} of theirs\n",
                        timed.stdout), timed.stdout
    assert share("all", "--timed", "NL998").returncode == 2


def test_real_word_hash_reads_each_prose_text_once_and_both_models_agree(tmp_path):
    line = "- With provisioned capability mode you set the reads and writes.\n"
    (tmp_path / "a.md").write_text("# Notes\n\n" + line, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Notes\n\n" + line + "- Update the agent by downloading an installing it.\n",
                                   encoding="utf-8")

    def hashed(*folders) -> str:
        done = subprocess.run([sys.executable, "bench/real_word_hash.py", *map(str, folders)], cwd=REPO,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    both = re.fullmatch(r"3 texts, 0 judged differently by the two models, hits ([0-9a-f]{12})\n", hashed(tmp_path))
    assert both, hashed(tmp_path)
    (tmp_path / "b.md").unlink()  # without the slip, another hash
    one = re.fullmatch(r"2 texts, 0 judged differently by the two models, hits ([0-9a-f]{12})\n", hashed(tmp_path))
    assert one and one[1] != both[1]


def test_note_dump_hashes_each_note_and_shows_its_canonical_form(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\n- one `x`\n\n| Yes | Yes |\n|---|---|\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# T\n\n- one `y`\n", encoding="utf-8")
    run = [sys.executable, "bench/note_dump.py", "--spans", str(tmp_path)]
    hashes = subprocess.run(run, cwd=REPO, capture_output=True, text=True, timeout=120, check=True).stdout.splitlines()
    assert [line.split()[0] for line in hashes] == [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    assert all(re.fullmatch(r"[0-9a-f]{64}", line.split()[1]) for line in hashes)
    assert hashes[0].split()[1] != hashes[1].split()[1]  # one code span apart
    shown = subprocess.run([*run, "--json"], cwd=REPO, capture_output=True, text=True, timeout=120, check=True).stdout
    form = json.loads(shown.splitlines()[0].split(" ", 1)[1])
    assert [block[:2] for block in form["blocks"]] == [
        ["heading", "T"],
        ["paragraph", "one x"],
        ["cell", "Yes"],
        ["cell", "Yes"],
    ]
    assert form["blocks"][3][2] == [["prose", 0, 3, 24, 27, None]]  # the second "Yes": line 5, column 9
    assert form["spans"][1][:2] == [[7, 8], [8, 9]]  # "on" of "- one": line 3, columns 3 and 4


def test_paired_times_two_commands_in_turn_and_prints_their_ratio():
    done = subprocess.run(
        [sys.executable, "bench/paired.py", "-n", "2", "--warmup", "0", "--vs", f"{sys.executable} -c pass", "--",
         sys.executable, "-c", "sum(range(3_000_000))"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["A", "B", "A/B cpu", "A/B wall"], done.stdout
    assert re.match(r"A: cpu \d+\.\d{3} s \(\d+\.\d{3}-\d+\.\d{3}\)  wall .* peak .* MiB .*  n 2: ", lines[0])
    assert lines[0].endswith("sum(range(3_000_000))'") and lines[1].endswith("-c pass")
    assert float(lines[2].split()[2]) > 1  # the loop costs more CPU than an empty program


def test_paired_stops_when_a_command_fails():
    done = subprocess.run(
        [sys.executable, "bench/paired.py", "-n", "1", "--warmup", "0", "--vs", f"{sys.executable} -c pass", "--",
         sys.executable, "-c", "raise SystemExit(3)"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2 and "A exited 3" in done.stderr


def test_whole_run_instructions_counts_the_work_before_a_fork_once():
    """A child forked after the parent's loop: callgrind's own count for the child holds the loop again,
    the script's whole-run count holds it once."""
    forking = (
        "import os, sys\n"
        "sum(range(300_000))\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    sys.exit(0)\n"
        "os.waitpid(pid, 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "bench/whole_run_instructions.py", "--", sys.executable, "-c", forking],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    found = re.match(r"whole run ([\d,]+) instructions, 2 processes; the parent before its first fork ([\d,]+)\n",
                     done.stdout)
    assert found, done.stdout
    whole, prefork = (int(number.replace(",", "")) for number in found.groups())
    child = min(int(line.split(": ")[1].replace(",", "")) for line in done.stdout.splitlines()[1:])
    assert 0 < child < prefork / 4 and whole < 2 * prefork  # the child's own count does not hold the loop
