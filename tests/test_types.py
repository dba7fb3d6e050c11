"""The package type-checks: mypy with the project's settings (pyproject.toml), strict on the core."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO


def test_mypy_finds_no_type_errors():
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
