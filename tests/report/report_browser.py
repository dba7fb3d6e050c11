"""Headless Chromium for the report tests: found on PATH, or installed with apt.

The flags keep Chromium off the network (it otherwise hangs on refused
connections at start) and each run gets a fresh profile folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
INSTALL_TIMEOUT = 900
RUN_TIMEOUT = 120


class Chromium:
    def __init__(self, executable: str):
        self.executable = executable

    def run(self, page: Path, *args: str) -> subprocess.CompletedProcess:
        with tempfile.TemporaryDirectory(prefix="notelint-chromium-") as profile:
            return subprocess.run(
                [self.executable, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                capture_output=True,
                text=True,
                timeout=RUN_TIMEOUT,
                check=False,
            )

    def dom(self, page: Path) -> str:
        """The page's DOM after loading (and after any script had its chance)."""
        done = self.run(page, "--dump-dom", "--virtual-time-budget=2000")
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout


def unavailable(why_not: str, environ=os.environ) -> None:
    """No Chromium: fail under CI (a browser test must not go quiet there), else skip."""
    if environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"CI=true and no headless Chromium for the browser tests: {why_not}", pytrace=False)
    pytest.skip(why_not)


def find_or_install() -> tuple[str | None, str]:
    """(path to chromium, "") or (None, why it could not be installed)."""
    found = shutil.which("chromium")
    if found:
        return found, ""
    if shutil.which("apt-get") is None:
        return None, "chromium is not installed and apt-get is not available to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    attempts = (["apt-get", "install", "-y", "chromium"], ["apt-get", "update"], ["apt-get", "install", "-y", "chromium"])
    failure = ""
    for command in attempts:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, env=env, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"`{' '.join(command)}` failed: {exc}"
        if done.returncode == 0 and command[1] == "install":
            found = shutil.which("chromium")
            if found:
                return found, ""
        if done.returncode != 0:
            failure = f"`{' '.join(command)}` exited {done.returncode}: {done.stderr.strip()[-300:]}"
    return None, f"chromium could not be installed with apt-get ({failure or 'no chromium on PATH afterwards'})"
