"""Fixtures for the report tests; builders live in report_builders.py."""

from __future__ import annotations

import pytest
from tests.report.report_builders import sample_report


@pytest.fixture
def sample():
    return sample_report()


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium; installed with apt-get where missing.  Where it cannot be,
    the browser tests fail under CI (CI=true), so that they are never switched off
    unnoticed, and are skipped (with the reason) on a developer's machine."""
    from tests.report.report_browser import Chromium, find_or_install, unavailable

    executable, why_not = find_or_install()
    if executable is None:
        unavailable(why_not)
    return Chromium(executable)
