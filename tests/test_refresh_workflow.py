"""The weekly data-refresh workflow passes actionlint and runs the committed scripts it names."""

import re

import pytest
import yaml

from tests.helpers import REPO
from tests.test_integrations import actionlint_problems

pytestmark = pytest.mark.slow

WORKFLOW = REPO / ".github" / "workflows" / "refresh-data.yml"


def test_refresh_workflow_passes_actionlint(tmp_path):
    assert actionlint_problems(tmp_path, WORKFLOW) == []
    # a step output that does not exist is caught
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("${{ steps.tests.outcome }}", "${{ steps.test.outcome }}"))
    assert any("test" in problem["message"] for problem in actionlint_problems(tmp_path, broken))


def test_refresh_workflow_is_weekly_and_on_demand_and_uses_committed_scripts():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"].endswith("* * 1")
    scripts = set(re.findall(r"scripts/(\w+\.py)", WORKFLOW.read_text()))
    assert scripts == {"bump_constraints.py", "botocore_limits.py", "botocore_notices.py",
                       "retired_botocore_clients.py", "build_aws_bigrams.py", "build_collocation_neighbours.py",
                       "botocore_diff.py"}
    assert all((REPO / "scripts" / name).is_file() for name in scripts)
