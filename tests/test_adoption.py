"""Adopting notelint in a repository with findings: the baseline and pull-request mode."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from notelint.baseline import fingerprint
from tests.helpers import run_cli

FRONT = "---\ntitle: {title}\nreviewed: 2025-06-01\n---\n# {title}\n\n"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    ).stdout


def _repo(tmp_path: Path, notes: dict[str, str]) -> Path:
    repo = tmp_path / "repo"
    (repo / "notes").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[tool.notelint]\npaths = ["notes"]\n', encoding="utf-8")
    for name, body in notes.items():
        (repo / "notes" / name).write_text(FRONT.format(title=name[:-3]) + body, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "notes")
    return repo


def _check(repo: Path, *args: str) -> tuple[int, list[tuple[str, int, str]]]:
    result = run_cli("check", "--no-cache", "--format", "json", *args, cwd=repo)
    assert result.returncode in (0, 1), result.stderr.decode()
    found = json.loads(result.stdout)["diagnostics"]
    return result.returncode, [(d["path"], d["line"], d["code"]) for d in found]


OLD = {
    "ml.md": "* Sagemaker trains models.\n* Dynamo DB stores items.\n* XGBoost: only CPU\n* XGBoost can use CPU or GPU instances\n",
    "db.md": "* Use Aurora for relational data.\n",
}


def test_a_baseline_hides_existing_findings_survives_moved_lines_and_reports_stale_entries(tmp_path):
    repo = _repo(tmp_path, OLD)
    code, before = _check(repo)
    assert code == 1 and len(before) >= 3
    written = run_cli("baseline", "--no-cache", cwd=repo)
    assert written.returncode == 0, written.stderr
    baseline = repo / ".notelint-baseline.json"
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert len(entries) == len(before)
    assert _check(repo, "--baseline", str(baseline)) == (0, [])

    # lines move (a new line above), one old finding is fixed, one new one is added
    ml = repo / "notes" / "ml.md"
    text = ml.read_text(encoding="utf-8").replace("# ml\n\n", "# ml\n\n* Intro line.\n").replace("Dynamo DB", "DynamoDB")
    ml.write_text(text + "* Elasticache caches.\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "--baseline", str(baseline), "-q", cwd=repo)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1 and "NL301" in lines[0] and "Elasticache" in lines[0], lines
    assert "1 baseline entry" in result.stderr.decode() and "NL302" in result.stderr.decode()


def test_baseline_entries_carry_the_sarif_fingerprint(tmp_path):
    repo = _repo(tmp_path, OLD)
    run_cli("baseline", "--no-cache", "--output", "b.json", cwd=repo)
    entries = json.loads((repo / "b.json").read_text(encoding="utf-8"))["entries"]
    sarif = json.loads(run_cli("check", "--no-cache", "--format", "sarif", cwd=repo).stdout)
    prints = {r["partialFingerprints"]["notelint/v1"] for r in sarif["runs"][0]["results"]}
    assert {e["fingerprint"] for e in entries} == prints
    first = entries[0]
    line = (repo / first["path"]).read_text(encoding="utf-8").splitlines()[first["line"] - 1]
    assert first["fingerprint"] == fingerprint(first["code"], first["path"], line, 1)


def test_a_missing_or_broken_baseline_is_a_usage_error(tmp_path):
    repo = _repo(tmp_path, OLD)
    assert run_cli("check", "--baseline", "nope.json", cwd=repo).returncode == 2
    (repo / "bad.json").write_text("[]", encoding="utf-8")
    result = run_cli("check", "--baseline", "bad.json", cwd=repo)
    assert result.returncode == 2 and b"not a notelint baseline" in result.stderr


def test_diff_base_reports_only_findings_on_changed_lines(tmp_path):
    repo = _repo(tmp_path, OLD)
    _git(repo, "checkout", "-qb", "change")
    db = repo / "notes" / "db.md"
    db.write_text(db.read_text(encoding="utf-8") + "* Elasticache caches.\n", encoding="utf-8")
    (repo / "notes" / "new.md").write_text(FRONT.format(title="new") + "* Dynamo DB again.\n", encoding="utf-8")
    code, found = _check(repo, "--diff-base", "main")
    assert code == 1
    assert sorted(found) == [("notes/db.md", 8, "NL301"), ("notes/new.md", 7, "NL302")]
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "change")
    assert _check(repo, "--diff-base", "main")[1] == sorted(found)
    assert _check(repo, "--diff-base", "HEAD") == (0, [])


def test_diff_base_reports_a_new_contradiction_but_not_an_old_one(tmp_path):
    repo = _repo(tmp_path, {
        "a.md": "* XGBoost: only CPU\n* XGBoost can use CPU or GPU instances\n",
        "b.md": "* Lambda runs for at most 15 minutes.\n",
    })
    code, all_found = _check(repo)
    assert ("notes/a.md", 7, "NL601") in all_found
    assert _check(repo, "--diff-base", "HEAD") == (0, [])
    b = repo / "notes" / "b.md"
    b.write_text(b.read_text(encoding="utf-8") + "* The Lambda timeout maximum is 5 minutes.\n", encoding="utf-8")
    code, found = _check(repo, "--diff-base", "HEAD")
    assert code == 1
    assert [f for f in found if f[2].startswith("NL6")] == [("notes/b.md", 8, "NL601")], found


def test_diff_base_needs_a_revision_git_knows(tmp_path):
    repo = _repo(tmp_path, OLD)
    result = run_cli("check", "--diff-base", "no-such-ref", cwd=repo)
    assert result.returncode == 2 and b"no-such-ref" in result.stderr


@pytest.mark.parametrize("name", ["caf\u00e9 notes.md", "a b.md"])
def test_diff_base_handles_paths_git_quotes(tmp_path, name):
    repo = _repo(tmp_path, {name: "* Use Aurora.\n"})
    path = repo / "notes" / name
    path.write_text(path.read_text(encoding="utf-8") + "* Elasticache caches.\n", encoding="utf-8")
    assert _check(repo, "--diff-base", "HEAD")[1] == [(f"notes/{name}", 8, "NL301")]
