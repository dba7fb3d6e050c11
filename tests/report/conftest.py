"""Fixtures for the report tests; builders live in report_builders.py."""

from __future__ import annotations

import pytest
from tests.report.report_builders import sample_report


@pytest.fixture
def sample():
    return sample_report()


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium; installed with apt-get where missing, else the test is skipped."""
    from tests.report.report_browser import Chromium, find_or_install

    executable, why_not = find_or_install()
    if executable is None:
        pytest.skip(why_not)
    return Chromium(executable)
