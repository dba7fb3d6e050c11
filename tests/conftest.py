"""Shared test setup: a private cache directory, and a helper that lints text."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from notelint.config import Config
from notelint.engine import Linter
from notelint.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = date(2025, 6, 1)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Tests neither read nor write the user's cache: derived data goes to a temp dir."""
    path = tmp_path_factory.mktemp("notelint-cache")
    previous = os.environ.get("NOTELINT_CACHE_DIR")
    os.environ["NOTELINT_CACHE_DIR"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("NOTELINT_CACHE_DIR", None)
    else:
        os.environ["NOTELINT_CACHE_DIR"] = previous


_LINTERS: dict[tuple[str, ...] | None, Linter] = {}


def lint(text: str, select: tuple[str, ...] | None = None, config: Config | None = None, path: str = "note.md"):
    """Diagnostics for one note given as text (only the selected rules, if any).

    Without a ``config`` the linter (and the data its rules share) is reused.
    """
    if config is None:
        if select not in _LINTERS:
            base = Config(root=ROOT)
            _LINTERS[select] = Linter(base.with_overrides(select=select) if select else base, RULES, AS_OF)
        linter = _LINTERS[select]
    else:
        linter = Linter(config.with_overrides(select=select) if select else config, RULES, AS_OF)
    return linter.check_text(text, path)


FRONT = "---\ntitle: Test\nreviewed: 2025-06-01\n---\n"
