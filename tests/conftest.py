"""Shared fixtures: every test runs with its own notelint cache directory.

The AWS catalog is built once per test session into a temporary cache (the
user's cache is never read or written); ``lint`` runs selected rules over a
short inline note.
"""

from __future__ import annotations

import os
import textwrap
from datetime import date
from pathlib import Path

import pytest

from notelint.config import Config
from notelint.engine import Linter
from notelint.rules import RULES

_SESSION_CACHE: Path | None = None


def pytest_configure(config):
    # set before any test imports notelint.aws.catalog and builds a catalog
    global _SESSION_CACHE
    import tempfile

    _SESSION_CACHE = Path(tempfile.mkdtemp(prefix="notelint-test-cache-"))
    os.environ["NOTELINT_CACHE_DIR"] = str(_SESSION_CACHE)


def pytest_unconfigure(config):
    import shutil

    if _SESSION_CACHE is not None:
        shutil.rmtree(_SESSION_CACHE, ignore_errors=True)


@pytest.fixture(autouse=True)
def _cache_dir(monkeypatch):
    """Tests never depend on or pollute the user's cache."""
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(_SESSION_CACHE))


@pytest.fixture(scope="session")
def catalog():
    from notelint.aws.catalog import load_catalog

    return load_catalog()


HEAD = "---\ntitle: Notes\nreviewed: 2025-06-01\n---\n\n"


def lint(text: str, select: str, *, head: bool = True):
    """(code, line, column, suggestions) of the findings of rules ``select`` on ``text``.

    Lines count from the first line of ``text`` (the front matter added by
    ``head`` is not counted).
    """
    body = textwrap.dedent(text).lstrip("\n")
    source = (HEAD if head else "") + body
    offset = HEAD.count("\n") if head else 0
    linter = Linter(Config(root=Path.cwd(), select=tuple(select.split(","))), RULES, as_of=date(2025, 6, 1))
    return [
        (d.code, d.line - offset, d.column, d.suggestions)
        for d in linter.check_text(source)
    ]


def messages(text: str, select: str) -> list[str]:
    body = textwrap.dedent(text).lstrip("\n")
    linter = Linter(Config(root=Path.cwd(), select=tuple(select.split(","))), RULES, as_of=date(2025, 6, 1))
    return [d.message for d in linter.check_text(HEAD + body)]
